/**
 * `npm run build` with a fault injected at one point, for tests/e2e/build-faults.test.ts:
 *   tsx build-with-fault.ts <point> <action> [build flags...]
 * point: a FaultPoint of scripts/build/pipeline.ts (eleventy, pagefind, pdf, publish,
 *   publish:recorded, publish:moved-aside, publish:linked, publish:swapped).
 * action: SIGKILL, SIGTERM or SIGINT sent to this process there, or once a browser this process
 *   started is running with SIGTERM@browser; or hold@<file> to pause there until <file> exists
 *   (another build can then meet the lock). Both wait for an event, not a time, so a busy
 *   machine cannot make them miss it.
 * Before a signal it writes the PIDs of the browsers this process started to $FAULT_BROWSERS,
 * so the test can check none outlives the build.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildCommand } from "../../../scripts/build/build-command.ts";
import type { FaultPoint } from "../../../scripts/build/pipeline.ts";

const [point, action, ...args] = process.argv.slice(2);

/** Chromium processes whose parent is this process. */
function browsers(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (parent === process.pid && /chrom/i.test(command)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Checks every 50 ms until `ready` says yes. */
function whenReady(ready: () => boolean, then: () => void): void {
  const timer = setInterval(() => {
    if (!ready()) return;
    clearInterval(timer);
    then();
  }, 50);
}

const [name, when] = (action ?? "").split("@");
buildCommand(args, {
  beforeStage: async (stage: FaultPoint) => {
    if (stage !== point) return;
    if (name === "hold") {
      await new Promise<void>((resolve) => whenReady(() => existsSync(when!), resolve));
      return;
    }
    const send = () => {
      if (process.env.FAULT_BROWSERS)
        writeFileSync(process.env.FAULT_BROWSERS, JSON.stringify(browsers()));
      process.kill(process.pid, name as NodeJS.Signals);
    };
    if (when === "browser") {
      // Let the stage start its browser, then stop the build in the middle of printing.
      whenReady(() => browsers().length > 0, send);
      return;
    }
    send();
    // Stay at this point while the signal is handled; a pending timer keeps the process alive
    // until then, as the stage's own work would.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  },
});

/**
 * `npm run build` with a fault injected at one point, for tests/e2e/build-faults.test.ts:
 *   tsx build-with-fault.ts <point> <action> [build flags...]
 * point: a FaultPoint of scripts/build/pipeline.ts (eleventy, pagefind, pdf, publish,
 *   publish:recorded, publish:moved-aside, publish:linked, publish:swapped).
 * action: SIGKILL, SIGTERM or SIGINT sent to this process there (after <ms> with SIGTERM@1500),
 *   or wait@<ms> to pause there (another build can then meet the lock).
 * Before a signal it writes the PIDs of the browsers this process started to $FAULT_BROWSERS,
 * so the test can check none outlives the build.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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

const [name, after] = (action ?? "").split("@");
buildCommand(args, {
  beforeStage: async (stage: FaultPoint) => {
    if (stage !== point) return;
    if (name === "wait") {
      await new Promise((resolve) => setTimeout(resolve, Number(after)));
      return;
    }
    const send = () => {
      if (process.env.FAULT_BROWSERS)
        writeFileSync(process.env.FAULT_BROWSERS, JSON.stringify(browsers()));
      process.kill(process.pid, name as NodeJS.Signals);
    };
    if (after) {
      // Let the stage start, then stop the build in the middle of it.
      setTimeout(send, Number(after));
      return;
    }
    send();
    // Stay at this point while the signal is handled; a pending timer keeps the process alive
    // until then, as the stage's own work would.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  },
});

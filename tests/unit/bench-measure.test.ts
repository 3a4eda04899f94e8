import { describe, expect, it } from "vitest";
import { measure } from "../../scripts/bench/measure.ts";
import { isBrowserProcess } from "../../scripts/bench/pdf-bench.ts";

describe("measure", () => {
  it("counts the memory of grandchildren in the peak and the processes it was asked to count", async () => {
    // The child starts a grandchild that holds 200 MB for a moment; the child itself stays small.
    const grandchild =
      "const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[5]), 600);";
    const child = `require("node:child_process").spawnSync(process.execPath, ["-e", ${JSON.stringify(grandchild)}, "bench-grandchild"], { stdio: "inherit" });`;
    const result = await measure(process.execPath, ["-e", child], {
      countProcesses: (line) => line.endsWith("bench-grandchild"),
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe("1");
    expect(result.peakRssBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(result.matchedProcesses).toBe(1);
    expect(result.ms).toBeGreaterThan(600);
  });

  it("reports a failing command's exit code and output instead of throwing", async () => {
    const result = await measure(process.execPath, [
      "-e",
      "console.error('broken'); process.exit(3)",
    ]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr.trim()).toBe("broken");
  });
});

describe("isBrowserProcess", () => {
  const browser = "/usr/lib/chromium/chromium --headless=new --remote-debugging-port=0";
  it("counts the browser started by Node, not its helpers, its forks or its crash handler", () => {
    expect(isBrowserProcess(browser, "/usr/bin/node --import tsx render-pdfs-child.ts")).toBe(true);
    expect(isBrowserProcess("/usr/lib/chromium/chromium --type=renderer", browser)).toBe(false);
    expect(isBrowserProcess(browser, browser)).toBe(false);
    expect(
      isBrowserProcess("/usr/lib/chromium/chrome_crashpad_handler --monitor-self", browser),
    ).toBe(false);
  });
});

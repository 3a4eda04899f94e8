import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const npmScripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts;

/**
 * Every command of the contract answers --help with its usage, on standard output, exit 0. Each
 * runs as its npm script's command line in package.json does (through scripts/launch.mjs), without
 * npm's own start-up.
 */
describe.concurrent("--help", () => {
  it.each([
    ["validate", "npm run validate"],
    ["build", "npm run build"],
    ["start", "npm start"],
    ["check", "npm run check"],
    ["revise", "npm run revise"],
    ["approve", "npm run approve"],
    ["generate", "npm run generate"],
    ["edit", "npm run edit"],
    ["bench", "npm run bench"],
  ])("is answered by the npm script %s", { timeout: 60_000 }, async (script, command) => {
    const [node, ...args] = npmScripts[script]!.split(" ");
    expect(node).toBe("node");
    const { stdout, stderr } = await run(process.execPath, [...args, "--help"]);
    expect(stdout).toMatch(new RegExp(`^Usage: ${command}`));
    expect(stderr).toBe("");
  });
});

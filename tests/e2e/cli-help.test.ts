import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

/** Every command of the contract answers --help with its usage, on standard output, exit 0. */
describe.concurrent("--help", () => {
  it.each([
    ["validate", "npm run validate"],
    ["build", "npm run build"],
    ["serve", "npm start"],
    ["check", "npm run check"],
    ["revise", "npm run revise"],
    ["approve", "npm run approve"],
    ["generate", "npm run generate"],
    ["edit", "npm run edit"],
    ["bench", "npm run bench"],
  ])("is answered by scripts/%s.ts", { timeout: 60_000 }, async (script, command) => {
    const { stdout, stderr } = await run(tsx, [`scripts/${script}.ts`, "--help"]);
    expect(stdout).toMatch(new RegExp(`^Usage: ${command}`));
    expect(stderr.replace(/^npm warn.*\n/gm, "")).toBe("");
  });
});

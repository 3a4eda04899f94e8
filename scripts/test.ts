/**
 * `npm test`: the checks of the code (types, lint, format, generated files) and the test suite,
 * run at the same time. The suite spends much of its time waiting on Chromium and child builds;
 * on two cores the checks fill that time instead of going before it. The suite's output comes as
 * it runs; each check's is printed whole at the end. Exit 1 when any of them failed.
 *
 *   npm test                              everything
 *   npm test -- tests/unit/x.test.ts      the checks, and vitest given these arguments
 */
import { spawn, type StdioOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "./site/project-paths.ts";

const require = createRequire(import.meta.url);

/** A package's command, as the file Node runs (`node_modules/.bin` holds shell wrappers on Windows). */
function commandOf(pkg: string, name: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as {
    bin: string | Record<string, string>;
  };
  return path.join(path.dirname(manifest), typeof bin === "string" ? bin : bin[name]!);
}

const checks: { name: string; args: string[] }[] = [
  { name: "tsc --noEmit", args: [commandOf("typescript", "tsc"), "--noEmit"] },
  { name: "eslint .", args: [commandOf("eslint", "eslint"), "."] },
  { name: "prettier --check .", args: [commandOf("prettier", "prettier"), "--check", "."] },
  {
    name: "npm run generate -- --check",
    args: ["--import", "tsx", "scripts/generate.ts", "--check"],
  },
];

interface Finished {
  code: number;
  output: string;
  seconds: number;
}

function run(args: string[], stdio: StdioOptions): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const done = (code: number) =>
      resolve({ code, output, seconds: (performance.now() - started) / 1000 });
    child.on("error", (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on("close", (code) => done(code ?? 1));
  });
}

const suite = run([commandOf("vitest", "vitest"), "run", ...process.argv.slice(2)], "inherit");
const checked = await Promise.all(checks.map((check) => run(check.args, "pipe")));
const tested = await suite;

console.log("\nChecks of the code:");
checks.forEach((check, index) => {
  const { code, output, seconds } = checked[index]!;
  console.log(`  ${check.name}: ${code === 0 ? "passed" : "FAILED"} (${seconds.toFixed(1)} s)`);
  if (code !== 0) console.log(output.trimEnd().replace(/^/gm, "    "));
});
const failed = checks.filter((_, index) => checked[index]!.code !== 0).map((check) => check.name);
if (tested.code !== 0) failed.push("vitest run");
if (failed.length) {
  console.log(`\nFailed: ${failed.join("; ")}`);
  process.exitCode = 1;
}

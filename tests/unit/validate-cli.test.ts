import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureTree, type FixtureTree } from "./validate-fixture-tree.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
const validateScript = path.join(projectRoot, "scripts", "validate.ts");

/** Runs `npm run validate`'s script the way an editor would, from the folder holding content/. */
function validate(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(tsx, [validateScript, ...args], {
      cwd,
      env: { ...process.env, GITHUB_ACTIONS: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let tree: FixtureTree | undefined;
afterEach(async () => {
  await tree?.remove();
  tree = undefined;
});

describe("npm run validate", () => {
  it("exits 0 and says how many files it checked when the content is valid", async () => {
    tree = await fixtureTree("base");
    const run = await validate(tree.root, ["--content", "content"]);
    expect(run.stdout).toMatch(/^8 files checked, no problems\. \(\d+ ms\)\n$/);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("exits 1 and prints every problem grouped by file with a summary", async () => {
    tree = await fixtureTree("duplicate-versions");
    const run = await validate(tree.root, ["--content", "content"]);
    expect(run.stdout.replace(/\(\d+ ms\)/, "(N ms)")).toBe(
      [
        "content/communities/pilot/charter.md:3:1  version",
        '  version is "0.2" but the last row of version_history is "0.1". Make them the same: version always equals the version of the newest row.',
        "content/communities/pilot/charter.md:13:5  version_history[1].version",
        '  Version "0.1" appears twice in the history (rows 1 and 2). Give this row the next version number after the row above it.',
        "2 problems in 1 file. (N ms)",
        "",
      ].join("\n"),
    );
    expect(run.code).toBe(1);
  });

  it("reports the same problems as JSON with --format json", async () => {
    tree = await fixtureTree("unknown-field-typo");
    const run = await validate(tree.root, ["--content", "content", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      filesChecked: 8,
      problems: [
        {
          severity: "error",
          code: "unknown-field",
          file: "content/communities/pilot/charter.md",
          line: 5,
          column: 1,
          field: "reviw_by",
          message: "Unknown field.",
          hint: "Did you mean review_by?",
        },
      ],
    });
  });

  it("prints GitHub annotations on the changed line when run in GitHub Actions", async () => {
    tree = await fixtureTree("date-day-first");
    const run = await validate(tree.root, ["--content", "content"], { GITHUB_ACTIONS: "true" });
    expect(run.stdout).toContain(
      "::error file=content/communities/pilot/charter.md,line=9,col=5,title=version_history[0].revision_date::" +
        '"16/11/21" is not a date in YYYY-MM-DD form. Write it as 2021-11-16.',
    );
    expect(run.code).toBe(1);
  });

  it("exits 2 with the usage line, and no stack trace, for an unknown format or flag", async () => {
    const badFormat = await validate(projectRoot, ["--format", "xml"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toBe(
      '--format must be human or json, not "xml".\nUsage: npm run validate -- [--content DIR] [--format human|json]\n',
    );
    const badFlag = await validate(projectRoot, ["--contents", "content"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/^Unknown option '--contents'.*\nUsage: npm run validate/);
    expect(badFlag.stderr).not.toMatch(/\n\s+at /);
  });

  it("finishes with its exit code, and no stack trace, when its reader stops reading", async () => {
    tree = await fixtureTree("duplicate-versions");
    // As `npm run validate | head -0` does: the pipe is closed before the report is written.
    const child = spawn(tsx, [validateScript, "--content", "content"], {
      cwd: tree.root,
      env: { ...process.env, GITHUB_ACTIONS: "" },
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });

  it("exits 2 when the content folder does not exist", async () => {
    const run = await validate(projectRoot, ["--content", "no-such-folder"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "There is no content folder at no-such-folder.\nUsage: npm run validate -- [--content DIR] [--format human|json]\n",
    );
  });

  it("refuses ---js front matter without running it", async () => {
    tree = await fixtureTree("executable-front-matter");
    const marker = path.join(tree.root, "js-ran.marker");
    const charter = await readFile(
      path.join(tree.contentDir, "communities/pilot/charter.md"),
      "utf8",
    );
    const run = await validate(tree.root, ["--content", "content"], {
      CHARTERBOOK_JS_MARKER: marker,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "content/communities/pilot/charter.md:1:1\n  Front matter written in js is refused: content may only hold data, never code that runs.",
    );
    expect(existsSync(marker)).toBe(false);

    // Control: the same front matter, evaluated as gray-matter's js engine would, does write the
    // marker, so its absence above proves the code never ran.
    const code = /^---js\n([\s\S]*?)\n---/.exec(charter)![1]!;
    const evaluate = new Function("require", "process", `return (${code});`) as (
      require: NodeJS.Require,
      process: NodeJS.Process,
    ) => unknown;
    evaluate(createRequire(import.meta.url), {
      ...process,
      env: { CHARTERBOOK_JS_MARKER: marker },
    } as NodeJS.Process);
    expect(existsSync(marker)).toBe(true);
  });
});

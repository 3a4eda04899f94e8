/**
 * The trust model end to end, the way the pull-request workflow runs it: a repository with the
 * project's checker on its base branch, a pull request that edits the checker's exit-code helper
 * so every check passes and also edits a past version of a charter, and the base's checkout
 * judging the pull request's content folder. One CLI run each: everything else is in-process.
 */
import { cp, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, projectRoot, riverside, runCommandIn, type TestRepo } from "./test-repo.ts";
import { workflowCommands } from "./workflow-commands.ts";

let repo: TestRepo;
let trusted: string;

beforeAll(async () => {
  repo = await createRepo();
  for (const part of ["scripts", "schemas", "package.json"])
    await cp(path.join(projectRoot, part), path.join(repo.dir, part), { recursive: true });
  await writeFile(path.join(repo.dir, ".gitignore"), "node_modules\n");
  await repo.commit("The checker on the base branch");
  await symlink(path.join(projectRoot, "node_modules"), path.join(repo.dir, "node_modules"));

  // The pull request: an exit-code helper that always reports success, and a past row rewritten.
  await repo.git("checkout", "-q", "-b", "pull-request");
  await repo.edit("scripts/cli/usage-error.ts", (t) =>
    t
      .replace("process.exitCode = code;", "process.exitCode = 0;")
      .replace("process.exitCode = 1;", "process.exitCode = 0;"),
  );
  await repo.edit(`${riverside}/charter.md`, (t) =>
    t.replace("reason: First draft agreed", "reason: First draft approved"),
  );
  await repo.commit("Always pass, and rewrite history");

  // The base branch's checkout, installed apart from the pull request's (CI runs npm ci there).
  trusted = path.join(repo.dir, "..", `${path.basename(repo.dir)}-trusted`);
  await repo.git("worktree", "add", "-q", trusted, "main");
  await symlink(path.join(projectRoot, "node_modules"), path.join(trusted, "node_modules"));
}, 60_000);

afterAll(async () => {
  await repo.git("worktree", "remove", "--force", trusted);
  await repo.remove();
});

describe("a pull request that edits the checker to always pass", () => {
  it("passes when it judges itself: the attack the workflow closes", async () => {
    const result = await runCommandIn(repo.dir, "scripts/check.ts", ["--base", "main"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Version "0.1" was edited`);
  });

  it("fails when the base branch's checker judges its content, and flags the edited rules", async () => {
    const result = await runCommandIn(
      trusted,
      "scripts/check.ts",
      ["--base", "main", "--content", path.join(repo.dir, "content")],
      { GITHUB_ACTIONS: "true" },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Judged by the rules of main itself (checked out at ${trusted}).`,
    );
    expect(result.stdout).toContain(
      "Changed outside content/ (rules and build; a maintainer must review these):\n  scripts/cli/usage-error.ts",
    );
    const annotations = workflowCommands(result.stdout);
    expect(annotations.map((a) => [a.command, a.properties.file, a.properties.title])).toEqual([
      ["error", `${riverside}/charter.md`, "version_history[0].reason"],
      ["warning", "scripts/cli/usage-error.ts", "rules-changed"],
    ]);
  });
});

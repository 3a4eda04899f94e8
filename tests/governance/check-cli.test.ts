import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRepo, riverside, runScript, type TestRepo } from "./test-repo.ts";
import { workflowCommands } from "./workflow-commands.ts";

const charter = `${riverside}/charter.md`;

let repo: TestRepo;
beforeEach(async () => {
  repo = await createRepo();
});
afterEach(async () => {
  await repo.remove();
});

const check = (args: string[], env: Record<string, string> = {}) =>
  runScript("check", args, { cwd: repo.dir, env });

describe("npm run check", () => {
  it("exits 0 on a valid revision and prints the summary for reviewers", async () => {
    await repo.edit(charter, (t) =>
      t
        .replace('version: "0.2"\nstatus', 'version: "0.3"\nstatus')
        .replace(
          "    reason: Meetings moved online.\n",
          '    reason: Meetings moved online.\n  - version: "0.3"\n    implemented_by: Coordinator\n    revision_date: 2026-05-20\n    approver: Steering group\n    reason: Meetings now monthly.\n',
        )
        .replace("four times a year", "every month"),
    );
    const result = await check(["--base", "main"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Compared with main \([0-9a-f]{12}\); today is 2026-06-01 in Europe\/London\.\n/,
    );
    expect(result.stdout).toContain(
      `${charter}: version 0.2 → 0.3 (draft)\n  charter: section 2 (Meetings) reworded\n4 files checked, no problems.\n`,
    );
    expect(result.stderr).toBe("");
  });

  it("exits 1 on a broken rule and, on GitHub Actions, annotates the offending line", async () => {
    await repo.edit(charter, (t) =>
      t.replace("reason: First draft agreed", "reason: First draft approved"),
    );
    const result = await check(["--base", "main"], { GITHUB_ACTIONS: "true" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${charter}:12:5  version_history[0].reason\n  Version "0.1" was edited:`,
    );
    expect(result.stdout.split("\n")).toContain(
      `::error file=${charter},line=12,col=5,title=version_history[0].reason::Version "0.1" was edited: reason was "First draft agreed by the steering group." and is now "First draft approved by the steering group.". Past rows never change: put the old value back. To record a change, add a new version with npm run revise.`,
    );
    expect(result.stdout).toContain("1 problem in 1 file.");
    // The report quotes content, so the runner reads no command in it: only the annotation counts.
    expect(result.stdout).toMatch(/^::stop-commands::[0-9a-f-]{36}\n/);
    expect(workflowCommands(result.stdout).map((c) => c.command)).toEqual(["error"]);
  });

  it("exits 0 with a warning annotation when only the review date has passed", async () => {
    const result = await check(["--base", "main"], {
      GITHUB_ACTIONS: "true",
      CHARTERBOOK_TODAY: "2027-07-01",
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toContain(
      `::warning file=${charter},line=5,col=1,title=review_by::The charter is overdue for review: review_by was 2027-06-30 (today is 2027-07-01). Review it with the community, then record the review with npm run revise and set a new review_by date.`,
    );
  });

  it("prints no annotations outside GitHub Actions", async () => {
    await repo.edit(charter, (t) => t.replace("status: draft", "status: approved"));
    const result = await check(["--base", "main"]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("::error");
  });

  it("writes the report as JSON for tools", async () => {
    await repo.edit(charter, (t) => t.replace("status: draft", "status: approved"));
    const result = await check(["--base", "main", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      base: string;
      problems: { code: string; file: string; line: number }[];
    };
    expect(report.base).toBe("main");
    expect(report.problems).toEqual([
      expect.objectContaining({ code: "approved-without-approval", file: charter, line: 4 }),
    ]);
  });

  it("exits 2 with a clear message for a ref that does not exist", async () => {
    const result = await check(["--base", "origin/nowhere"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^There is no commit "origin\/nowhere" in this repository/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 outside a git repository", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "charterbook-no-git-"));
    try {
      await repo.git("--work-tree", dir, "checkout", "main", "--", ".");
      const result = await runScript("check", ["--base", "main"], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `${path.join(dir, "content")} is not inside a git repository, so there is no history to compare with.\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 without --base, saying how to call it", async () => {
    const result = await check([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "--base is required: the git ref to compare with, such as origin/main.\nUsage: npm run check -- --base REF [--content DIR] [--format human|json]\n",
    );
  });
});

/**
 * The attempts of issue 13, each as a real pull request: a git repository with a base branch, a
 * change on top of it, and the check run on it. Each must now fail with words that say why.
 */
import { mkdir, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Problem } from "../../scripts/content/problems.ts";
import { formatGitHubAnnotations } from "../../scripts/content/problems.ts";
import { withCommandsStopped } from "../../scripts/content/workflow-commands.ts";
import {
  checkGovernance,
  type GovernanceReport,
} from "../../scripts/governance/check-governance.ts";
import { formatGovernanceReport } from "../../scripts/governance/format-report.ts";
import { createRepo, riverside, type TestRepo } from "./test-repo.ts";
import { workflowCommands } from "./workflow-commands.ts";

const charter = `${riverside}/charter.md`;
const index = `${riverside}/index.md`;

let repo: TestRepo;
beforeEach(async () => {
  repo = await createRepo();
});
afterEach(async () => {
  await repo.remove();
});

const check = (today = "2026-06-01") =>
  checkGovernance({ base: "main", contentDir: path.join(repo.dir, "content"), today });
const brief = ({ code, file, line, field, message, severity }: Problem) => ({
  code,
  file,
  line,
  field,
  message,
  severity,
});
const errors = (report: GovernanceReport) =>
  report.problems.filter((p) => p.severity === "error").map(brief);

/** Adds version 0.3 after 0.2 with the given fields, as a contributor would by hand. */
const addRow = (text: string, fields: string, status = "draft") =>
  text
    .replace('version: "0.2"\nstatus: draft', `version: "0.3"\nstatus: ${status}`)
    .replace(
      "    reason: Meetings moved online.\n",
      `    reason: Meetings moved online.\n  - version: "0.3"\n    implemented_by: Coordinator\n${fields}    reason: Meetings now monthly.\n`,
    );
const real = "Steering group";
const cyrillic = "Steering gr\u043Eup";

describe("approvers are judged by the base branch", () => {
  it("refuses a pull request that adds an approver, revises the charter and approves it as that approver", async () => {
    await repo.edit(index, (t) =>
      t.replace("  - Members' forum\n", "  - Members' forum\n  - Co-chairs\n"),
    );
    await repo.edit(charter, (t) =>
      addRow(
        t.replace("four times a year", "every month"),
        "    revision_date: 2026-05-20\n    approver: Co-chairs\n    approval_date: 2026-05-21\n",
        "approved",
      ),
    );
    const report = await check();
    expect(errors(report)).toEqual([
      {
        code: "unknown-approver",
        file: charter,
        line: 21,
        field: "version_history[2].approver",
        message:
          '"Co-chairs" is not one of the approvers listed on the base branch (Steering group, Members\' forum).',
        severity: "error",
      },
    ]);
    // The governed change is stated first, in the summary and as an annotation.
    expect(formatGovernanceReport(report).split("\n").slice(2, 6)).toEqual([
      "Governed changes (who the charter is for and who approves it):",
      `  ${index}: approvers: "Co-chairs" added`,
      `${charter}: version 0.2 → 0.3 (approved)`,
      `  governed change: approvers: "Co-chairs" added`,
    ]);
    expect(report.problems.map(brief)).toContainEqual({
      code: "governed-change",
      file: index,
      line: 6,
      field: "approvers",
      message: 'Governed change to the charter of "riverside": approvers: "Co-chairs" added.',
      severity: "warning",
    });
  });

  it("refuses a change of approvers without a new version of the charter", async () => {
    await repo.edit(index, (t) => t.replace("  - Members' forum\n", ""));
    expect(errors(await check())).toEqual([
      {
        code: "revision-needed",
        file: charter,
        line: 6,
        field: "version_history",
        message:
          'The charter changed (approvers: "Members\' forum" removed) but its version history has no new version after "0.2".',
        severity: "error",
      },
    ]);
  });

  it("accepts a change of approvers recorded in a new version that a base approver will approve", async () => {
    await repo.edit(index, (t) =>
      t.replace("  - Members' forum\n", "  - Members' forum\n  - Co-chairs\n"),
    );
    await repo.edit(charter, (t) =>
      addRow(t, "    revision_date: 2026-05-20\n    approver: Steering group\n"),
    );
    const report = await check();
    expect(errors(report)).toEqual([]);
    expect(report.charters[0]!.governed).toEqual(['approvers: "Co-chairs" added']);
  });

  it("refuses a version that changes the approvers but names a new approver to approve it", async () => {
    await repo.edit(index, (t) =>
      t.replace("  - Members' forum\n", "  - Members' forum\n  - Co-chairs\n"),
    );
    await repo.edit(charter, (t) =>
      addRow(t, "    revision_date: 2026-05-20\n    approver: Co-chairs\n"),
    );
    expect(errors(await check()).map((p) => [p.code, p.field])).toEqual([
      ["unknown-approver", "version_history[2].approver"],
    ]);
  });
});

describe("look-alike names", () => {
  it("refuses an approval by a name with a Cyrillic letter, showing both spellings' code points", async () => {
    await repo.edit(index, (t) =>
      t.replace("  - Members' forum\n", `  - Members' forum\n  - ${cyrillic}\n`),
    );
    await repo.edit(charter, (t) =>
      addRow(
        t,
        `    revision_date: 2026-05-20\n    approver: ${cyrillic}\n    approval_date: 2026-05-21\n`,
        "approved",
      ),
    );
    const found = errors(await check());
    expect(found).toContainEqual({
      code: "look-alike-approver",
      file: index,
      line: 9,
      field: "approvers[2]",
      message: `The approver "${cyrillic}" looks like approver 1, "${real}", but is a different text: U+043E where "${real}" has U+006F (character 12).`,
      severity: "error",
    });
    expect(found).toContainEqual({
      code: "look-alike-approver",
      file: charter,
      line: 21,
      field: "version_history[2].approver",
      message: `"${cyrillic}" looks like "${real}", one of the approvers listed on the base branch, but is a different text: U+043E where "${real}" has U+006F (character 12).`,
      severity: "error",
    });
  });

  it("refuses an approver's name that mixes scripts", async () => {
    await repo.edit(index, (t) =>
      t.replace("  - Members' forum\n", "  - Members' f\u043Erum board\n"),
    );
    const found = errors(await check());
    expect(found).toContainEqual(
      expect.objectContaining({
        code: "mixed-script-name",
        file: index,
        field: "approvers[1]",
        message:
          'The approver "Members\' f\u043Erum board" mixes Latin and Cyrillic letters (U+043E at character 11), so it can pass for another name.',
      }),
    );
  });
});

describe("dates and order", () => {
  it("refuses a new row dated in the future, in the site's time zone, so revise cannot be locked", async () => {
    await repo.edit(charter, (t) =>
      addRow(t, "    revision_date: 2099-12-31\n    approver: Steering group\n"),
    );
    expect(errors(await check())).toEqual([
      {
        code: "revision-in-future",
        file: charter,
        line: 20,
        field: "version_history[2].revision_date",
        message:
          "Revision date 2099-12-31 is in the future (today is 2026-06-01 in Europe/London).",
        severity: "error",
      },
    ]);
  });

  it("states today in the time zone site.yaml names", async () => {
    await repo.edit("content/site.yaml", (t) => t.replace("locale: en-GB", "locale: en-IE"));
    await repo.commit("Irish site");
    const report = await checkGovernance({
      base: "main",
      contentDir: path.join(repo.dir, "content"),
    });
    expect(report.timeZone).toBe("Europe/Dublin");
    expect(report.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses approving 0.2 after 0.3 superseded it, and lists the approval in the summary", async () => {
    await repo.edit(charter, (t) =>
      addRow(
        t.replace(
          "    reason: Meetings moved online.",
          "    approval_date: 2026-05-25\n    reason: Meetings moved online.",
        ),
        "    revision_date: 2026-05-20\n    approver: Steering group\n",
      ),
    );
    const report = await check();
    expect(errors(report).map((p) => [p.code, p.field])).toEqual([
      ["approved-after-superseded", "version_history[1].approval_date"],
      ["approval-not-newest", "version_history[1].approval_date"],
    ]);
    expect(formatGovernanceReport(report)).toContain(
      "  approved in this change: version 0.2 by Steering group on 2026-05-25",
    );
  });
});

describe("moves and deletions", () => {
  it("reports a renamed community folder as the old charter deleted and a new charter", async () => {
    await rename(path.join(repo.dir, riverside), path.join(repo.dir, "content/communities/river"));
    const report = await check();
    expect(report.charters.map((c) => [c.file, c.state])).toEqual([
      ["content/communities/river/charter.md", "new"],
      [charter, "removed"],
    ]);
    expect(errors(report)).toContainEqual(
      expect.objectContaining({
        code: "charter-removed",
        file: charter,
        message: `The charter of community "riverside" counts as deleted, and its version history with it: ${index} was deleted; ${charter} was deleted; content/communities/riverside/ground-rules.md was deleted.`,
      }),
    );
  });

  it("reports a community folder moved away and replaced by a symbolic link as deleted", async () => {
    await mkdir(path.join(repo.dir, "archive"));
    await rename(path.join(repo.dir, riverside), path.join(repo.dir, "archive/riverside"));
    await symlink(path.join(repo.dir, "archive/riverside"), path.join(repo.dir, riverside));
    await repo.edit("archive/riverside/charter.md", (t) =>
      t.replace("four times a year", "every month"),
    );
    const report = await check();
    expect(report.charters.map((c) => [c.state, c.removedBecause])).toEqual([
      [
        "removed",
        `${index} is now behind a symbolic link (communities/riverside); ${charter} is now behind a symbolic link (communities/riverside); content/communities/riverside/ground-rules.md is now behind a symbolic link (communities/riverside)`,
      ],
    ]);
    expect(errors(report).map((p) => p.code)).toEqual(["symbolic-link", "charter-removed"]);
  });

  it("reports a charter replaced by a folder as deleted", async () => {
    await rm(path.join(repo.dir, charter));
    await mkdir(path.join(repo.dir, charter));
    await repo.write(`${charter}/notes.md`, "---\ntitle: x\n---\n");
    const report = await check();
    expect(report.charters.map((c) => [c.state, c.removedBecause])).toEqual([
      ["removed", `${charter} is now a folder`],
    ]);
  });
});

describe("control characters and the CI log", () => {
  const injected = 'goals:\n  - Share practice.\n"x\\n::stop-commands::pwned\\n##[error]fake": 1\n';

  it("refuses a control character in a field's name, with its line and field", async () => {
    await repo.edit(charter, (t) =>
      t.replace("goals:\n  - Share practice across the river's teams.\n", injected),
    );
    const found = errors(await check()).filter((p) => p.code === "control-character");
    expect(found).toEqual([
      {
        code: "control-character",
        file: charter,
        line: 20,
        field: "x\n::stop-commands::pwned\n##[error]fake",
        message:
          "This field's name holds the control character U+000A, which no reader sees and which can rewrite what a terminal or a CI log shows.",
        severity: "error",
      },
    ]);
  });

  it("prints nothing a GitHub runner would read as a command, except its own annotations", async () => {
    await repo.edit(charter, (t) =>
      t.replace("goals:\n  - Share practice across the river's teams.\n", injected),
    );
    const report = await check();
    const log = `${withCommandsStopped(formatGovernanceReport(report), "token-1")}\n${formatGitHubAnnotations(report.problems)}`;
    const commands = workflowCommands(log);
    expect(commands.every((c) => c.command === "error" || c.command === "warning")).toBe(true);
    expect(commands.length).toBe(report.problems.length);
    expect(
      commands.find((c) => c.properties.title?.includes("stop-commands"))?.properties.title,
    ).toBe("x\\u000a::stop-commands::pwned\\u000a##[error]fake");
    // A control: the same text printed raw would stop the runner reading commands.
    expect(workflowCommands(`x\n::stop-commands::pwned\n::error::counted`)).toEqual([]);
  });
});

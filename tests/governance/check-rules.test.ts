import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Problem } from "../../scripts/content/problems.ts";
import {
  checkGovernance,
  type GovernanceReport,
} from "../../scripts/governance/check-governance.ts";
import { formatGovernanceReport } from "../../scripts/governance/format-report.ts";
import { createRepo, riverside, type TestRepo } from "./test-repo.ts";

const charter = `${riverside}/charter.md`;
const groundRules = `${riverside}/ground-rules.md`;
const index = `${riverside}/index.md`;
const today = "2026-06-01";

let repo: TestRepo;
beforeEach(async () => {
  repo = await createRepo();
});
afterEach(async () => {
  await repo.remove();
});

const check = (options: { base?: string; today?: string } = {}) =>
  checkGovernance({
    base: options.base ?? "main",
    contentDir: path.join(repo.dir, "content"),
    today: options.today ?? today,
  });

/** The parts of a problem a test pins down: where, which rule, and the exact words. */
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

/** Adds version 0.3 after 0.2, as npm run revise would. */
const addVersion = (text: string, row = "") =>
  text
    .replace('version: "0.2"\nstatus', 'version: "0.3"\nstatus')
    .replace(
      "    reason: Meetings moved online.\n",
      "    reason: Meetings moved online.\n" +
        (row ||
          '  - version: "0.3"\n    implemented_by: Coordinator\n    revision_date: 2026-05-20\n    approver: Steering group\n    reason: Meetings now monthly.\n'),
    );
const approveLast = (text: string, date = "2026-05-02") =>
  text
    .replace("status: draft", "status: approved")
    .replace(
      "reason: Meetings moved online.",
      `approval_date: ${date}\n    reason: Meetings moved online.`,
    );

describe("rule 1: everything npm run validate enforces", () => {
  it("passes the base content compared with itself, with no charter changed", async () => {
    const report = await check();
    expect(report.problems).toEqual([]);
    expect(report.charters).toEqual([]);
    expect(report.filesChecked).toBe(4);
  });

  it("reports a schema problem at its line, with the path from the repository root", async () => {
    await repo.edit(index, (t) =>
      t.replace("short_name: Riverside CoP", "shortname: Riverside CoP"),
    );
    expect(errors(await check())).toContainEqual({
      code: "unknown-field",
      file: index,
      line: 3,
      field: "shortname",
      message: "Unknown field.",
      severity: "error",
    });
  });
});

describe("rule 2: the version history is append-only", () => {
  it("refuses an edit to a past row, naming the version, the field, the old and the new value", async () => {
    await repo.edit(charter, (t) =>
      t.replace("reason: First draft agreed", "reason: First draft approved"),
    );
    expect(errors(await check())).toEqual([
      {
        code: "history-row-edited",
        file: charter,
        line: 12,
        field: "version_history[0].reason",
        message:
          'Version "0.1" was edited: reason was "First draft agreed by the steering group." and is now "First draft approved by the steering group.".',
        severity: "error",
      },
    ]);
  });

  it("refuses a past row's version number being changed", async () => {
    await repo.edit(charter, (t) => t.replace('- version: "0.1"', '- version: "0.0.1"'));
    expect(errors(await check())).toEqual([
      {
        code: "history-row-edited",
        file: charter,
        line: 7,
        field: "version_history[0].version",
        message: 'Version "0.1" was edited: version was "0.1" and is now "0.0.1".',
        severity: "error",
      },
    ]);
  });

  it("refuses a past approval being removed, pointing at the row", async () => {
    await repo.edit(charter, (t) => t.replace("    approval_date: 2026-01-10\n", ""));
    expect(errors(await check())).toEqual([
      {
        code: "history-row-edited",
        file: charter,
        line: 7,
        field: "version_history[0]",
        message: 'Version "0.1" was edited: approval_date was "2026-01-10" and is now missing.',
        severity: "error",
      },
    ]);
  });

  it("refuses a past row being deleted", async () => {
    await repo.edit(charter, (t) => t.replace(/ {2}- version: "0.1"\n( {4}.*\n){5}/, ""));
    expect(errors(await check())).toEqual([
      {
        code: "history-row-removed",
        file: charter,
        line: 6,
        field: "version_history",
        message: 'Version "0.1" was removed from the version history; it was row 1.',
        severity: "error",
      },
    ]);
  });

  it("refuses past rows being reordered", async () => {
    await repo.edit(charter, (t) => {
      const first = / {2}- version: "0.1"\n( {4}.*\n){5}/.exec(t)![0];
      const second = / {2}- version: "0.2"\n( {4}.*\n){4}/.exec(t)![0];
      return t.replace(first + second, second + first);
    });
    const found = errors(await check());
    expect(found.filter((p) => p.code.startsWith("history-"))).toEqual([
      {
        code: "history-row-moved",
        file: charter,
        line: 7,
        field: "version_history[0].version",
        message:
          'Version "0.2" moved from row 2 to row 1, above a row that came before it; past rows keep their order.',
        severity: "error",
      },
    ]);
    // Validation sees the same mistake from inside the file.
    expect(found.map((p) => p.code)).toContain("version-not-increasing");
  });

  it("lets the approval of the base's last row be filled in", async () => {
    await repo.edit(charter, (t) => approveLast(t));
    const report = await check();
    expect(report.problems).toEqual([]);
    expect(report.charters).toMatchObject([
      { state: "changed", fromVersion: "0.2", toVersion: "0.2", status: "approved" },
    ]);
  });

  it("refuses an approval filled into a row before the base's last", async () => {
    await repo.edit(charter, (t) => addVersion(t));
    await repo.commit("Version 0.3");
    await repo.edit(charter, (t) =>
      t.replace(
        "reason: Meetings moved online.",
        "approval_date: 2026-05-02\n    reason: Meetings moved online.",
      ),
    );
    expect(errors(await check())).toEqual([
      {
        code: "history-row-edited",
        file: charter,
        line: 17,
        field: "version_history[1].approval_date",
        message: 'Version "0.2" was edited: approval_date was missing and is now "2026-05-02".',
        severity: "error",
      },
    ]);
  });

  it("refuses a change of the approver already named on the base's last row", async () => {
    await repo.edit(charter, (t) =>
      approveLast(t).replace(
        "approver: Steering group\n    approval_date: 2026-05-02",
        "approver: Members' forum\n    approval_date: 2026-05-02",
      ),
    );
    expect(errors(await check())).toEqual([
      {
        code: "history-row-edited",
        file: charter,
        line: 16,
        field: "version_history[1].approver",
        message:
          'Version "0.2" was edited: approver was "Steering group" and is now "Members\' forum".',
        severity: "error",
      },
    ]);
  });
  it("refuses a charter being deleted, since its history goes with it", async () => {
    await rm(path.join(repo.dir, riverside), { recursive: true });
    const report = await check();
    expect(errors(report)).toEqual([
      {
        code: "charter-removed",
        file: charter,
        line: 1,
        field: "",
        message:
          'The charter of community "riverside" was deleted, and its version history with it.',
        severity: "error",
      },
    ]);
    expect(report.charters).toEqual([
      expect.objectContaining({ state: "removed", fromVersion: "0.2" }),
    ]);
  });
});

describe("rule 3: a change to the charter or its ground rules needs a new version", () => {
  const revisionNeeded = (what: string) => ({
    code: "revision-needed",
    file: charter,
    line: 6,
    field: "version_history",
    message: `The charter changed (${what}) but its version history has no new version after "0.2".`,
    severity: "error",
  });

  it("refuses a changed section of the body without a new version", async () => {
    await repo.edit(charter, (t) => t.replace("four times a year", "every month"));
    expect(errors(await check())).toEqual([revisionNeeded("section Meetings")]);
  });

  it("refuses a changed front matter field without a new version", async () => {
    await repo.edit(charter, (t) =>
      t.replace("Share practice across the river's teams.", "Share practice across the region."),
    );
    expect(errors(await check())).toEqual([revisionNeeded("field goals")]);
  });

  it("refuses a reworded ground rule without a new version", async () => {
    await repo.edit(groundRules, (t) => t.replace("Be kind.", "Be kind and patient."));
    expect(errors(await check())).toEqual([revisionNeeded("ground rule 1")]);
  });

  it("refuses a new version row that is not higher than the base's last", async () => {
    await repo.edit(charter, (t) =>
      addVersion(t.replace("four times a year", "every month")).replace(/"0\.3"/g, '"0.2.0"'),
    );
    const found = errors(await check());
    expect(found).toContainEqual(revisionNeeded("section Meetings"));
  });

  it("passes a valid revision and summarises it for reviewers", async () => {
    await repo.edit(charter, (t) => addVersion(t.replace("four times a year", "every month")));
    await repo.edit(groundRules, (t) =>
      t
        .replace(
          "  - Speak from your own experience.\n",
          "  - Speak from your own experience.\n  - Start on time.\n",
        )
        .replace("Be kind.", "Be kind and patient."),
    );
    const report = await check();
    expect(report.problems).toEqual([]);
    expect(report.charters).toEqual([
      {
        community: "riverside",
        file: charter,
        state: "changed",
        fromVersion: "0.2",
        toVersion: "0.3",
        status: "draft",
        fields: [],
        sections: [{ name: "Meetings", change: "changed" }],
        rules: [
          { number: 1, change: "changed" },
          { number: 4, change: "added" },
        ],
        groundRulesParts: [],
      },
    ]);
    expect(formatGovernanceReport(report)).toBe(
      [
        `Compared with main (${report.baseCommit.slice(0, 12)}).`,
        `${charter}: version 0.2 → 0.3 (draft)`,
        "  changed: section Meetings; ground rules 1, 4 added",
        "4 files checked, no problems.",
      ].join("\n"),
    );
  });

  it("checks a community that did not exist at the base as new, without comparing histories", async () => {
    await mkdir(path.join(repo.dir, "content/communities/lakeside"));
    for (const file of ["index.md", "charter.md", "ground-rules.md"]) {
      await repo.write(
        `content/communities/lakeside/${file}`,
        await repo.read(`${riverside}/${file}`),
      );
    }
    const report = await check();
    expect(report.problems).toEqual([]);
    expect(report.charters).toEqual([
      expect.objectContaining({
        community: "lakeside",
        state: "new",
        toVersion: "0.2",
        status: "draft",
      }),
    ]);
  });
});

describe("rule 4: versions increase, dates go forward, approvals come after revisions and not in the future", () => {
  const row = (fields: string) =>
    `  - version: "0.3"\n    implemented_by: Coordinator\n${fields}    reason: Meetings now monthly.\n`;

  it("refuses a new row whose version is lower than the row above", async () => {
    await repo.edit(charter, (t) =>
      addVersion(t, row("    revision_date: 2026-05-20\n    approver: Steering group\n")).replace(
        /"0\.3"/g,
        '"0.1.5"',
      ),
    );
    expect(errors(await check())).toContainEqual({
      code: "version-not-increasing",
      file: charter,
      line: 18,
      field: "version_history[2].version",
      message: 'Version "0.1.5" comes after "0.2"; versions must increase down the history.',
      severity: "error",
    });
  });

  it("refuses a revision date earlier than the row above", async () => {
    await repo.edit(charter, (t) =>
      addVersion(t, row("    revision_date: 2026-02-01\n    approver: Steering group\n")),
    );
    expect(errors(await check())).toEqual([
      {
        code: "revision-date-backwards",
        file: charter,
        line: 20,
        field: "version_history[2].revision_date",
        message: "Revision date 2026-02-01 is before the previous row's revision date 2026-03-01.",
        severity: "error",
      },
    ]);
  });

  it("refuses an approval dated before its revision", async () => {
    await repo.edit(charter, (t) => approveLast(t, "2026-02-20"));
    expect(errors(await check())).toEqual([
      {
        code: "approved-before-revised",
        file: charter,
        line: 17,
        field: "version_history[1].approval_date",
        message: "Approval date 2026-02-20 is before this row's revision date 2026-03-01.",
        severity: "error",
      },
    ]);
  });

  it("refuses an approval dated in the future", async () => {
    await repo.edit(charter, (t) => approveLast(t, "2026-06-02"));
    expect(errors(await check())).toEqual([
      {
        code: "approval-in-future",
        file: charter,
        line: 17,
        field: "version_history[1].approval_date",
        message: "Approval date 2026-06-02 is in the future (today is 2026-06-01).",
        severity: "error",
      },
    ]);
  });
});

describe("rule 5: an approved charter's last version is approved by a listed approver", () => {
  it("refuses status approved while the last row has no approval date", async () => {
    await repo.edit(charter, (t) => t.replace("status: draft", "status: approved"));
    expect(errors(await check())).toEqual([
      {
        code: "approved-without-approval",
        file: charter,
        line: 4,
        field: "status",
        message: 'The charter is approved, but its last version ("0.2") has no approval_date.',
        severity: "error",
      },
    ]);
  });

  it("refuses an approver the community does not list", async () => {
    await repo.edit(charter, (t) =>
      addVersion(
        t,
        '  - version: "0.3"\n    implemented_by: Coordinator\n    revision_date: 2026-05-20\n    approver: Board\n    reason: Meetings now monthly.\n',
      ),
    );
    expect(errors(await check())).toEqual([
      {
        code: "unknown-approver",
        file: charter,
        line: 21,
        field: "version_history[2].approver",
        message:
          "\"Board\" is not one of the community's approvers (Steering group, Members' forum).",
        severity: "error",
      },
    ]);
  });
});

describe("rule 6: a charter past its review date", () => {
  it("gives a warning, not an error, at review_by", async () => {
    const report = await check({ today: "2027-07-01" });
    expect(report.problems.map(brief)).toEqual([
      {
        code: "review-overdue",
        file: charter,
        line: 5,
        field: "review_by",
        message:
          "The charter is overdue for review: review_by was 2027-06-30 (today is 2027-07-01).",
        severity: "warning",
      },
    ]);
  });

  it("is quiet on the review date itself", async () => {
    expect((await check({ today: "2027-06-30" })).problems).toEqual([]);
  });
});

describe("rule 7: changes to schemas and governance rules are listed for reviewers", () => {
  it("lists changed and new rule files, and not content", async () => {
    await mkdir(path.join(repo.dir, "schemas"), { recursive: true });
    await mkdir(path.join(repo.dir, "scripts/governance"), { recursive: true });
    await repo.write("schemas/charter.schema.json", "{}\n");
    await repo.commit("Schemas");
    await repo.write("schemas/charter.schema.json", '{ "type": "object" }\n');
    await repo.write("scripts/governance/new-rule.ts", "export {};\n");
    await repo.edit(index, (t) => t.replace("A small community", "A very small community"));
    const report = await check({ base: "HEAD" });
    expect(report.ruleFiles).toEqual([
      "schemas/charter.schema.json",
      "scripts/governance/new-rule.ts",
    ]);
    expect(formatGovernanceReport(report)).toContain(
      "Schemas or governance rules changed; review these with care:\n  schemas/charter.schema.json\n  scripts/governance/new-rule.ts",
    );
  });
});

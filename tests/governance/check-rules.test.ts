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

/** Copies charter.md and ground-rules.md into the archive, as npm run approve does. */
async function archive(version: string): Promise<void> {
  const folder = path.join(repo.dir, riverside, "versions", version);
  await mkdir(folder, { recursive: true });
  for (const name of ["charter.md", "ground-rules.md"])
    await repo.write(
      `${riverside}/versions/${version}/${name}`,
      await repo.read(`${riverside}/${name}`),
    );
}

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

  it("lets the approval of the base's last row be filled in, with its copy in the archive", async () => {
    await repo.edit(charter, (t) => approveLast(t));
    await archive("0.2");
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
        message: `The charter of community "riverside" counts as deleted, and its version history with it: ${index} was deleted; ${charter} was deleted; ${groundRules} was deleted.`,
        severity: "error",
      },
    ]);
    expect(report.charters).toEqual([
      expect.objectContaining({ state: "removed", fromVersion: "0.2" }),
    ]);
  });
});

describe("rule 3: a change a reader would see needs a new version", () => {
  const revisionNeeded = (what: string) => ({
    code: "revision-needed",
    file: charter,
    line: 6,
    field: "version_history",
    message: `The charter changed (${what}) but its version history has no new version after "0.2".`,
    severity: "error",
  });
  const swapSections = (t: string) =>
    t.replace(
      "## Purpose\n\nMembers meet to learn from each other.\n\n## Meetings\n\nThe group meets online four times a year.",
      "## Meetings\n\nThe group meets online four times a year.\n\n## Purpose\n\nMembers meet to learn from each other.",
    );

  it("refuses a reworded section without a new version, naming it as readers number it", async () => {
    await repo.edit(charter, (t) => t.replace("four times a year", "every month"));
    expect(errors(await check())).toEqual([
      revisionNeeded("charter: section 2 (Meetings) reworded"),
    ]);
  });

  it("refuses a changed goal without a new version", async () => {
    await repo.edit(charter, (t) =>
      t.replace("Share practice across the river's teams.", "Share practice across the region."),
    );
    expect(errors(await check())).toEqual([
      revisionNeeded("charter: section 3 (Goals): goal 1 reworded"),
    ]);
  });

  it("refuses a reworded ground rule without a new version", async () => {
    await repo.edit(groundRules, (t) => t.replace("Be kind.", "Be kind and patient."));
    expect(errors(await check())).toEqual([revisionNeeded("ground rules: rule 1 reworded")]);
  });

  it("refuses two ## sections swapped without a new version", async () => {
    await repo.edit(charter, swapSections);
    expect(errors(await check())).toEqual([
      revisionNeeded("charter: section 1 (Purpose) moved after section 2 (Meetings)"),
    ]);
  });

  it("refuses two trailing spaces that make a line break without a new version", async () => {
    await repo.edit(charter, (t) => t.replace("Members meet to learn", "Members meet  \nto learn"));
    expect(errors(await check())).toEqual([
      revisionNeeded("charter: section 1 (Purpose) reworded"),
    ]);
  });

  it("refuses ground rules reordered without a new version", async () => {
    await repo.edit(groundRules, (t) =>
      t.replace(
        "  - Be kind.\n  - Keep what others share confidential.\n",
        "  - Keep what others share confidential.\n  - Be kind.\n",
      ),
    );
    expect(errors(await check())).toEqual([
      revisionNeeded("ground rules: rule 1 moved to position 2"),
    ]);
  });

  it("accepts a change that renders the same: keys reordered, quoting, a paragraph reflowed, blank lines", async () => {
    await repo.edit(charter, (t) =>
      t.replace(
        "approval_statement:",
        "risks:\n  - risk: Attendance falls.\n    mitigation: Agendas go out early.\napproval_statement:",
      ),
    );
    await repo.commit("Risks");
    await repo.edit(charter, (t) =>
      t
        .replace(
          "  - risk: Attendance falls.\n    mitigation: Agendas go out early.\n",
          '  - mitigation: "Agendas go out early."\n    risk: Attendance  falls.\n',
        )
        .replace("Members meet to learn", "Members meet\nto learn")
        .replace("## Meetings\n\n", "## Meetings\n\n\n"),
    );
    const report = await check({ base: "HEAD" });
    expect(report.problems).toEqual([]);
    expect(report.charters).toEqual([]);
  });

  it("refuses a new version row that is not higher than the base's last", async () => {
    await repo.edit(charter, (t) =>
      addVersion(t.replace("four times a year", "every month")).replace(/"0\.3"/g, '"0.2.0"'),
    );
    const found = errors(await check());
    expect(found).toContainEqual(revisionNeeded("charter: section 2 (Meetings) reworded"));
  });

  it("passes a valid revision and summarises it for reviewers in a reader's terms", async () => {
    await repo.edit(charter, (t) =>
      addVersion(swapSections(t).replace("four times a year", "every month")),
    );
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
        communityFile: index,
        state: "changed",
        fromVersion: "0.2",
        toVersion: "0.3",
        status: "draft",
        governed: [],
        charterChanges: [
          "section 1 (Purpose) moved after section 2 (Meetings)",
          "section 2 (Meetings) reworded",
        ],
        groundRulesChanges: ["rule 1 reworded", "rule 4 added"],
        newVersions: ["0.3"],
        approvals: [],
      },
    ]);
    expect(formatGovernanceReport(report).split("\n").slice(2)).toEqual([
      `${charter}: version 0.2 → 0.3 (draft)`,
      "  charter: section 1 (Purpose) moved after section 2 (Meetings); section 2 (Meetings) reworded",
      "  ground rules: rule 1 reworded; rule 4 added",
      "4 files checked, no problems.",
    ]);
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

  it("compares as written, and still needs a version, when the content cannot be rendered", async () => {
    await repo.edit(charter, (t) =>
      t.replace("four times a year", "every month").replace("status: draft", "status: drafty"),
    );
    const report = await check();
    expect(report.charters[0]).toMatchObject({
      comparedAsWritten: "this pull request's content has problems, so it could not be rendered",
      charterChanges: ["changed as written"],
    });
    expect(errors(report).map((p) => p.code)).toContain("revision-needed");
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
        message:
          "Approval date 2026-06-02 is in the future (today is 2026-06-01 in Europe/London).",
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

describe("rule 7: every change outside content/ is listed for a maintainer", () => {
  it("lists changed and new files of the rules and the build, with one warning, and not content", async () => {
    await mkdir(path.join(repo.dir, "schemas"), { recursive: true });
    await mkdir(path.join(repo.dir, "scripts/cli"), { recursive: true });
    await repo.write("schemas/charter.schema.json", "{}\n");
    await repo.write("package.json", "{}\n");
    await repo.commit("Rules");
    await repo.write("schemas/charter.schema.json", '{ "type": "object" }\n');
    await repo.write("package.json", '{ "name": "x" }\n');
    await repo.write("scripts/cli/usage-error.ts", "export {};\n");
    await repo.edit(index, (t) => t.replace("A small community", "A very small community"));
    const report = await check({ base: "HEAD" });
    expect(report.ruleFiles).toEqual([
      "package.json",
      "schemas/charter.schema.json",
      "scripts/cli/usage-error.ts",
    ]);
    expect(report.problems.map(brief)).toEqual([
      {
        code: "rules-changed",
        file: "package.json",
        line: 1,
        field: "",
        message:
          "This change edits 3 files outside the content folder, which make the rules or the build: package.json, schemas/charter.schema.json, scripts/cli/usage-error.ts. The content was judged by the checker's own rules (in CI, the base branch's), not these.",
        severity: "warning",
      },
    ]);
    expect(formatGovernanceReport(report)).toContain(
      "Changed outside content/ (rules and build; a maintainer must review these):\n  package.json\n  schemas/charter.schema.json\n  scripts/cli/usage-error.ts",
    );
  });
});

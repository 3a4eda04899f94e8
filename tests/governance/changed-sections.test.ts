import { describe, expect, it } from "vitest";
import { checkAppendOnly } from "../../scripts/governance/append-only-history.ts";
import {
  changedFields,
  changedRules,
  changedSections,
  historyFields,
  splitSections,
} from "../../scripts/governance/changed-sections.ts";

describe("changedRules", () => {
  it("numbers a reworded rule by its place", () => {
    expect(changedRules(["a", "b", "c"], ["a", "B", "c"])).toEqual([
      { number: 2, change: "changed" },
    ]);
  });

  it("reports an inserted rule once, not every rule after it", () => {
    expect(changedRules(["a", "b", "c"], ["a", "new", "b", "c"])).toEqual([
      { number: 2, change: "added" },
    ]);
  });

  it("reports a removed rule by its number at the base", () => {
    expect(changedRules(["a", "b", "c"], ["a", "c"])).toEqual([{ number: 2, change: "removed" }]);
  });

  it("treats every rule as added when there were none", () => {
    expect(changedRules(undefined, ["a", "b"])).toEqual([
      { number: 1, change: "added" },
      { number: 2, change: "added" },
    ]);
  });
});

describe("changedSections", () => {
  it("names the ## sections added, changed and removed", () => {
    const base = "Intro.\n\n## Aim\n\nOld aim.\n\n## Meetings\n\nMonthly.\n";
    const now = "Intro.\n\n## Aim\n\nNew aim.\n\n## Reporting\n\nYearly.\n";
    expect(changedSections(base, now)).toEqual([
      { name: "Aim", change: "changed" },
      { name: "Reporting", change: "added" },
      { name: "Meetings", change: "removed" },
    ]);
  });

  it("ignores trailing spaces and blank lines at a section's edges", () => {
    expect(changedSections("## Aim\n\nText.\n", "## Aim\nText.   \n\n\n")).toEqual([]);
  });

  it("does not take a ## line inside a fenced code block for a heading", () => {
    expect([...splitSections("## Aim\n\n```md\n## Not a heading\n```\n").keys()]).toEqual(["Aim"]);
  });

  it("keeps two sections with the same heading apart", () => {
    expect([...splitSections("## Notes\n\nA\n\n## Notes\n\nB\n").keys()]).toEqual([
      "Notes",
      "Notes (2)",
    ]);
  });
});

describe("changedFields", () => {
  it("leaves out the fields revising and approving change", () => {
    expect(
      changedFields(
        { version: "0.1", status: "draft", version_history: [], goals: ["a"] },
        { version: "0.2", status: "approved", version_history: [1], goals: ["b"], risks: [] },
        historyFields,
      ),
    ).toEqual([
      { name: "goals", change: "changed" },
      { name: "risks", change: "added" },
    ]);
  });
});

describe("checkAppendOnly", () => {
  const row = (version: string, extra: Record<string, string> = {}) => ({
    version,
    implemented_by: "Coordinator",
    revision_date: "2026-01-01",
    approver: "Steering group",
    reason: "Because.",
    ...extra,
  });

  it("accepts rows added at the end", () => {
    expect(checkAppendOnly([row("0.1")], [row("0.1"), row("0.2")])).toEqual([]);
  });

  it("accepts the approval of the base's last row, but not of an earlier one", () => {
    const base = [row("0.1"), row("0.2")];
    expect(
      checkAppendOnly(base, [row("0.1"), row("0.2", { approval_date: "2026-01-02" })]),
    ).toEqual([]);
    expect(
      checkAppendOnly(base, [row("0.1", { approval_date: "2026-01-02" }), row("0.2")]),
    ).toEqual([
      {
        field: ["version_history", 0, "approval_date"],
        code: "history-row-edited",
        message: 'Version "0.1" was edited: approval_date was missing and is now "2026-01-02".',
        hint: "Past rows never change: remove approval_date again. To record a change, add a new version with npm run revise.",
      },
    ]);
  });

  it("reports a deleted row once, without calling the rows below it moved", () => {
    expect(
      checkAppendOnly([row("0.1"), row("0.2"), row("0.3")], [row("0.1"), row("0.3")]).map(
        (f) => f.code,
      ),
    ).toEqual(["history-row-removed"]);
  });
});

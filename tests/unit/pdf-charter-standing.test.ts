import { describe, expect, it } from "vitest";
import type { Charter } from "../../scripts/content/schema-types.ts";
import { charterStanding } from "../../scripts/model/charter-standing.ts";

const row = (version: string, approval_date?: string) => ({
  version,
  implemented_by: "Co-chairs",
  revision_date: "2021-11-16",
  approver: "Steering group",
  reason: "A reason.",
  ...(approval_date ? { approval_date } : {}),
});

const charter = (fields: Partial<Charter>): Charter =>
  ({
    title: "Charter",
    version: "0.2",
    status: "approved",
    review_by: "2022-04-30",
    version_history: [row("0.1", "2021-11-23"), row("0.2", "2021-12-22")],
    ...fields,
  }) as Charter;

describe("where a charter stands on the day a PDF is printed", () => {
  it("says an approved charter past its review_by is overdue for review, not just approved", () => {
    const approved = charter({});
    const standing = charterStanding(approved, "2026-05-01");
    expect(standing.reviewOverdueSince).toBe("2022-04-30");
  });

  it("is not overdue up to and on the review_by date", () => {
    const approved = charter({});
    const standing = charterStanding(approved, "2022-04-30");
    expect(standing.reviewOverdueSince).toBeUndefined();
  });

  it("keeps the last approved version in force while a draft waits", () => {
    const draft = charter({
      version: "0.3",
      status: "draft",
      version_history: [row("0.1", "2021-11-23"), row("0.2", "2021-12-22"), row("0.3")],
    });
    const standing = charterStanding(draft, "2021-12-30");
    expect(standing.inForce?.version).toBe("0.2");
  });
});

import { describe, expect, it } from "vitest";
import type { Charter } from "../../scripts/content/schema-types.ts";
import {
  charterStanding,
  describeStanding,
  footerStanding,
} from "../../scripts/model/charter-standing.ts";
import { formatDate } from "../../scripts/model/format-date.ts";

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

const long = (iso: string) => formatDate(iso, "en-GB", "long");

describe("where a charter stands on the day a PDF is printed", () => {
  it("says an approved charter past its review_by is overdue for review, not just approved", () => {
    const approved = charter({});
    const standing = charterStanding(approved, "2026-05-01");
    expect(standing.reviewOverdueSince).toBe("2022-04-30");
    expect(describeStanding(approved, standing, long)).toBe(
      "Approved, review overdue since 30 April 2022",
    );
    expect(footerStanding(approved, standing)).toBe("Version 0.2, approved, review overdue");
  });

  it("says a plain Approved up to and on the review_by date", () => {
    const approved = charter({});
    const standing = charterStanding(approved, "2022-04-30");
    expect(standing.reviewOverdueSince).toBeUndefined();
    expect(describeStanding(approved, standing, long)).toBe("Approved");
    expect(footerStanding(approved, standing)).toBe("Version 0.2, approved");
  });

  it("names who a draft waits for, and keeps the last approved version in force", () => {
    const draft = charter({
      version: "0.3",
      status: "draft",
      version_history: [row("0.1", "2021-11-23"), row("0.2", "2021-12-22"), row("0.3")],
    });
    const standing = charterStanding(draft, "2021-12-30");
    expect(describeStanding(draft, standing, long)).toBe(
      "Draft, awaiting approval by Steering group",
    );
    expect(standing.inForce?.version).toBe("0.2");
    expect(footerStanding(draft, standing)).toBe("Version 0.3, draft");
  });
});

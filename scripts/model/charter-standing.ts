import type { Charter, Site } from "../content/schema-types.ts";
import { siteTimeZone } from "../content/time-zone.ts";
import { today } from "../governance/today.ts";
import { lastApproval } from "./charter-sections.ts";

/** Where a charter stands on a given day: what a cover or a status line must say about it. */
export interface CharterStanding {
  state: "approved" | "draft";
  /** The review_by date (YYYY-MM-DD) when it has passed: the charter is still in force, but due for review. */
  reviewOverdueSince?: string;
  /** The approved version in force: this one when approved, the last approved one while a draft waits. */
  inForce?: Charter["version_history"][number];
}

/**
 * A charter's standing on `today` (YYYY-MM-DD). An approved charter whose review_by has passed is
 * overdue for review, as `npm run check` warns; a plain "Approved" would hide that on paper.
 */
export function charterStanding(charter: Charter, today: string): CharterStanding {
  const reviewBy = charter.review_by;
  const overdue = typeof reviewBy === "string" && reviewBy < today;
  const inForce = lastApproval(charter);
  return {
    state: charter.status === "draft" ? "draft" : "approved",
    ...(overdue ? { reviewOverdueSince: reviewBy } : {}),
    ...(inForce ? { inForce } : {}),
  };
}

/**
 * Today's date (YYYY-MM-DD) in the site's time zone, as the governance check counts it, or
 * CHARTERBOOK_TODAY when set: the day a build states every charter's standing on.
 */
export function todayIn(site: Site): string {
  return today(siteTimeZone(site as unknown as Record<string, unknown>)).date;
}

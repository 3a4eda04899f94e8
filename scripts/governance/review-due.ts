import { isRealDate } from "../content/dates.ts";
import type { HistoryFinding } from "../content/version-history.ts";

/** Rule 6: a charter past its review_by date is overdue for review. A warning: the charter still stands. */
export function checkReviewDue(
  charter: Record<string, unknown>,
  today: string,
): HistoryFinding | undefined {
  const reviewBy = charter.review_by;
  if (typeof reviewBy !== "string" || !isRealDate(reviewBy) || reviewBy >= today) return undefined;
  return {
    field: ["review_by"],
    code: "review-overdue",
    message: `The charter is overdue for review: review_by was ${reviewBy} (today is ${today}).`,
    hint: "Review it with the community, then record the review with npm run revise and set a new review_by date.",
  };
}

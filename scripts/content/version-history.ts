import { checkApproverName } from "./approvers.ts";
import { isRealDate } from "./dates.ts";
import type { FieldPath } from "./locate-field.ts";
import type { Charter } from "./schema-types.ts";

/** One row of a charter's version history, as written in its front matter. */
export type Revision = Charter["version_history"][number];

/** A broken rule, with the field it is about; the caller adds the file and position. */
export interface HistoryFinding {
  field: FieldPath;
  code: string;
  message: string;
  hint: string;
}

/** Orders dotted versions numerically, so "0.10" comes after "0.9". */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The version after `version`, raising its last part: 0.4 → 0.5, 1.9 → 1.10. */
export function nextVersion(version: string): string {
  const parts = version.split(".").map(Number);
  parts[parts.length - 1] = parts.at(-1)! + 1;
  return parts.join(".");
}

const isVersion = (v: unknown): v is string => typeof v === "string" && /^\d+(\.\d+)*$/.test(v);
const isDate = (v: unknown): v is string => typeof v === "string" && isRealDate(v);

/** Rows that are well-formed enough to compare; the schema reports the others. */
function readRows(history: unknown): { index: number; row: Partial<Revision> }[] {
  if (!Array.isArray(history)) return [];
  return history
    .map((row, index) => ({ index, row: row as Partial<Revision> }))
    .filter(({ row }) => row !== null && typeof row === "object" && !Array.isArray(row));
}

export interface HistoryRules {
  /** The bodies or roles the community lists as approvers; undefined when the community file is missing. */
  approvers?: readonly string[];
  /** Today in the community's time zone; when given, revision and approval dates after it are refused. */
  today?: { date: string; timeZone: string };
}

/**
 * Checks the rules a charter's version history must keep within one snapshot:
 * versions unique and increasing, dates in order and not in the future, a version approved only
 * while it was the newest, `version` and `status` agreeing with the last row, and the last row
 * naming one of the community's approvers. (Earlier rows name whoever could approve them then;
 * the governance check holds each approval to the approvers of its day.)
 */
export function checkVersionHistory(
  charter: Record<string, unknown>,
  rules: HistoryRules = {},
): HistoryFinding[] {
  const findings: HistoryFinding[] = [];
  const rows = readRows(charter.version_history);
  const at = (index: number, key: keyof Revision): FieldPath => ["version_history", index, key];
  const todayText = rules.today ? `today is ${rules.today.date} in ${rules.today.timeZone}` : "";

  let previous: { index: number; row: Partial<Revision> } | undefined;
  const seenVersions = new Map<string, number>();
  for (const current of rows) {
    const { index, row } = current;
    if (isVersion(row.version)) {
      const firstSeen = seenVersions.get(row.version);
      if (firstSeen !== undefined) {
        findings.push({
          field: at(index, "version"),
          code: "duplicate-version",
          message: `Version "${row.version}" appears twice in the history (rows ${firstSeen + 1} and ${index + 1}).`,
          hint: "Give this row the next version number after the row above it.",
        });
      } else if (
        previous &&
        isVersion(previous.row.version) &&
        compareVersions(row.version, previous.row.version) < 0
      ) {
        findings.push({
          field: at(index, "version"),
          code: "version-not-increasing",
          message: `Version "${row.version}" comes after "${previous.row.version}"; versions must increase down the history.`,
          hint: "Each new row's version must be higher than the row above it, such as 0.5 after 0.4.",
        });
      }
      seenVersions.set(row.version, index);
    }
    if (
      previous &&
      isDate(row.revision_date) &&
      isDate(previous.row.revision_date) &&
      row.revision_date < previous.row.revision_date
    ) {
      findings.push({
        field: at(index, "revision_date"),
        code: "revision-date-backwards",
        message: `Revision date ${row.revision_date} is before the previous row's revision date ${previous.row.revision_date}.`,
        hint: "Rows are in the order the revisions were made: check this date and the row order.",
      });
    }
    if (
      previous &&
      isDate(row.revision_date) &&
      isDate(previous.row.approval_date) &&
      previous.row.approval_date > row.revision_date
    ) {
      findings.push({
        field: at(previous.index, "approval_date"),
        code: "approved-after-superseded",
        message: `Version "${previous.row.version}" was approved on ${previous.row.approval_date}, after version "${row.version}" replaced it on ${row.revision_date}; only the newest version can be approved.`,
        hint: `Approve version "${row.version}" instead (npm run approve), or correct the dates if the approval came first.`,
      });
    }
    if (
      isDate(row.approval_date) &&
      isDate(row.revision_date) &&
      row.approval_date < row.revision_date
    ) {
      findings.push({
        field: at(index, "approval_date"),
        code: "approved-before-revised",
        message: `Approval date ${row.approval_date} is before this row's revision date ${row.revision_date}.`,
        hint: "A version cannot be approved before it was written: check both dates.",
      });
    }
    if (rules.today && isDate(row.revision_date) && row.revision_date > rules.today.date) {
      findings.push({
        field: at(index, "revision_date"),
        code: "revision-in-future",
        message: `Revision date ${row.revision_date} is in the future (${todayText}).`,
        hint: "Date a revision on the day it is made; a date in the future would leave no date for the next revision.",
      });
    }
    if (rules.today && isDate(row.approval_date) && row.approval_date > rules.today.date) {
      findings.push({
        field: at(index, "approval_date"),
        code: "approval-in-future",
        message: `Approval date ${row.approval_date} is in the future (${todayText}).`,
        hint: "Record an approval on or after the day it was given.",
      });
    }
    previous = current;
  }

  const lastRow = rows.at(-1);
  if (rules.approvers && lastRow && typeof lastRow.row.approver === "string") {
    const finding = checkApproverName(
      lastRow.row.approver,
      rules.approvers,
      at(lastRow.index, "approver"),
    );
    if (finding) findings.push(finding);
  }

  const last = rows.at(-1);
  if (last && rows.length === (charter.version_history as unknown[]).length) {
    if (
      isVersion(charter.version) &&
      isVersion(last.row.version) &&
      charter.version !== last.row.version
    ) {
      findings.push({
        field: ["version"],
        code: "version-mismatch",
        message: `version is "${charter.version}" but the last row of version_history is "${last.row.version}".`,
        hint: "Make them the same: version always equals the version of the newest row.",
      });
    }
    if (charter.status === "approved" && !isDate(last.row.approval_date)) {
      findings.push({
        field: ["status"],
        code: "approved-without-approval",
        message: `The charter is approved, but its last version ("${last.row.version}") has no approval_date.`,
        hint: "Add approval_date to the last row once the approver has agreed it (npm run approve), or set status: draft.",
      });
    }
  }
  return findings;
}

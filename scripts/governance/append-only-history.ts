import type { FieldPath } from "../content/locate-field.ts";
import type { HistoryFinding } from "../content/version-history.ts";

type Row = Record<string, unknown>;

/** The fields of a row in the order the schema lists them; other keys follow in their own order. */
const fieldOrder = [
  "version",
  "implemented_by",
  "revision_date",
  "approver",
  "approval_date",
  "reason",
];

/** Filled in when the version is approved: the only fields of the base's last row that may change. */
const approvalFields = new Set(["approver", "approval_date"]);

const rowsOf = (history: unknown): Row[] =>
  Array.isArray(history)
    ? history.map((row) =>
        row !== null && typeof row === "object" && !Array.isArray(row) ? (row as Row) : {},
      )
    : [];

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown) => (isEmpty(value) ? "missing" : JSON.stringify(value));
const versionOf = (row: Row | undefined) =>
  typeof row?.version === "string" ? row.version : undefined;
const nameOf = (row: Row, index: number) =>
  versionOf(row) ? `Version "${versionOf(row)}"` : `Row ${index + 1}`;

/**
 * Rule 2: the rows of the version history that existed at the base commit are
 * unchanged and in the same order. The one exception: the approval fields of
 * the base's last row may be filled in when they were empty.
 * @returns findings whose fields point into the current history
 */
export function checkAppendOnly(baseHistory: unknown, currentHistory: unknown): HistoryFinding[] {
  const base = rowsOf(baseHistory);
  const current = rowsOf(currentHistory);
  const baseVersions = new Set(base.map(versionOf).filter(Boolean));
  const findings: HistoryFinding[] = [];
  let lastFound = -1;

  base.forEach((baseRow, index) => {
    const name = nameOf(baseRow, index);
    const version = versionOf(baseRow);
    let at = version === undefined ? -1 : current.findIndex((row) => versionOf(row) === version);
    // The row's own version number was edited: compare it in place, field by field.
    const inPlace = current[index];
    if (at === -1 && inPlace && !baseVersions.has(versionOf(inPlace))) at = index;
    if (at === -1) {
      findings.push({
        field: ["version_history"],
        code: "history-row-removed",
        message: `${name} was removed from the version history; it was row ${index + 1}.`,
        hint: "Rows of the version history are never deleted: put the row back exactly as it was.",
      });
      return;
    }
    // A row deleted above shifts the rows below it; only a row found above an earlier one has moved.
    if (at <= lastFound) {
      findings.push({
        field: ["version_history", at, "version"],
        code: "history-row-moved",
        message: `${name} moved from row ${index + 1} to row ${at + 1}, above a row that came before it; past rows keep their order.`,
        hint: "Put the rows back in the order they were, oldest first, and add new rows only at the end.",
      });
    }
    lastFound = Math.max(lastFound, at);
    const currentRow = current[at]!;
    const isLastAtBase = index === base.length - 1;
    const keys = [...new Set([...fieldOrder, ...Object.keys(baseRow), ...Object.keys(currentRow)])];
    for (const key of keys) {
      const before = baseRow[key];
      const after = currentRow[key];
      if (same(before, after) || (isEmpty(before) && isEmpty(after))) continue;
      if (isLastAtBase && approvalFields.has(key) && isEmpty(before)) continue;
      const field: FieldPath =
        key in currentRow ? ["version_history", at, key] : ["version_history", at];
      findings.push({
        field,
        code: "history-row-edited",
        message: `${name} was edited: ${key} was ${show(before)} and is now ${show(after)}.`,
        hint:
          key === "approver" && isLastAtBase && typeof after === "string" && after !== ""
            ? `The version awaits approval by ${show(before)}: record that approval, or record a new version for ${show(after)} with npm run revise -- --approver ${show(after)}.`
            : isEmpty(before)
              ? `Past rows never change: remove ${key} again. To record a change, add a new version with npm run revise.`
              : "Past rows never change: put the old value back. To record a change, add a new version with npm run revise.",
      });
    }
  });
  return findings;
}

/**
 * The one set of rules for a change to a charter's version history. The governance check applies
 * them to a pull request (before: the base branch), and `npm run revise` and `npm run approve`
 * to the edit they are about to write (before: the file as it is), so a helper can never write
 * what the check would refuse.
 */
import { UsageError } from "../cli/usage-error.ts";
import { checkApproverName } from "../content/approvers.ts";
import { formatFieldPath } from "../content/locate-field.ts";
import { checkVersionHistory, type HistoryFinding } from "../content/version-history.ts";
import { checkAppendOnly } from "./append-only-history.ts";
import type { Today } from "./today.ts";

export interface HistoryChange {
  /** The charter's fields before the change; undefined for a charter that is new. */
  before?: Record<string, unknown>;
  /** The charter's fields after the change. */
  after: Record<string, unknown>;
  /** The approvers in force before the change: the base branch's list. */
  approversBefore?: readonly string[];
  /** The approvers listed after the change. */
  approversNow?: readonly string[];
  today: Today;
}

/** An approval recorded by the change. */
export interface Approval {
  version: string;
  approver: string;
  date: string;
}

export interface HistoryChangeResult {
  findings: HistoryFinding[];
  /** Versions added by the change, oldest first. */
  newVersions: string[];
  /** Approvals the change records, oldest first. */
  approvals: Approval[];
}

type Row = Record<string, unknown>;
const rowsOf = (history: unknown): Row[] =>
  Array.isArray(history)
    ? history.map((row) =>
        row !== null && typeof row === "object" && !Array.isArray(row) ? (row as Row) : {},
      )
    : [];
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

const onBase = "the approvers listed on the base branch";
const onBaseHint =
  "Only an approver already listed can approve: add a new approver in a change of its own (with a new version of the charter), and approve once it has landed.";

/**
 * Checks a change to a version history: the history's own rules (with today and the approvers
 * listed now), the rows that existed before kept as they were, approvals only of the newest
 * version, and every approval, and every version that changes who approves, decided by the
 * approvers in force before the change.
 */
export function checkHistoryChange(change: HistoryChange): HistoryChangeResult {
  const { before, after, approversBefore, approversNow, today } = change;
  const findings = checkVersionHistory(after, {
    ...(approversNow ? { approvers: approversNow } : {}),
    today,
  });
  if (before) findings.push(...checkAppendOnly(before.version_history, after.version_history));

  const rowsBefore = rowsOf(before?.version_history);
  const rowsAfter = rowsOf(after.version_history);
  const versionsBefore = new Set(rowsBefore.map((row) => text(row.version)));
  const newVersions = rowsAfter
    .map((row) => text(row.version))
    .filter((version): version is string => !!version && !versionsBefore.has(version));

  const listChanged = approversBefore !== undefined && !sameList(approversBefore, approversNow);
  const approvals: Approval[] = [];
  rowsAfter.forEach((row, index) => {
    const version = text(row.version);
    const date = text(row.approval_date);
    const approver = text(row.approver);
    // A new charter's history is all new; earlier rows of an old one are the append-only rule's.
    if (!before || !version || !date || index < rowsBefore.length - 1) return;
    const earlier = rowsBefore[index];
    if (earlier && text(earlier.approval_date)) return;
    approvals.push({ version, approver: approver ?? "", date });
    if (index !== rowsAfter.length - 1) {
      const newest = text(rowsAfter.at(-1)!.version) ?? "the last row";
      findings.push({
        field: ["version_history", index, "approval_date"],
        code: "approval-not-newest",
        message: `Version "${version}" is approved in this change, but version "${newest}" comes after it; only the newest version can be approved.`,
        hint: `Approve version "${newest}" instead, or record the approval of "${version}" on its own before adding the next version.`,
      });
    }
    // Only the approvers in force before a change can approve it.
    if (listChanged && approver) {
      const finding = checkApproverName(
        approver,
        approversBefore,
        ["version_history", index, "approver"],
        onBase,
        onBaseHint,
      );
      if (finding) findings.push(finding);
    }
  });

  // A version that changes who may approve is itself approved by those who could approve before it.
  const last = rowsAfter.at(-1);
  const lastApprover = text(last?.approver);
  const lastIsNew = last && newVersions.includes(text(last.version) ?? "");
  if (
    listChanged &&
    lastIsNew &&
    lastApprover &&
    !approvals.some((a) => a.version === text(last.version))
  ) {
    const finding = checkApproverName(
      lastApprover,
      approversBefore,
      ["version_history", rowsAfter.length - 1, "approver"],
      `${onBase}, who decide a change to that list`,
      "A change to who may approve is approved by an approver listed before it: name one of them in this version.",
    );
    if (finding) findings.push(finding);
  }
  return { findings, newVersions, approvals };
}

/**
 * For the editor's helpers: refuses an edit that breaks a rule the file did not already break,
 * with every such rule's message, before anything is written.
 * @param file the charter's path as shown to the editor
 */
export function refuseBrokenRules(change: HistoryChange, file: string): void {
  const key = (f: HistoryFinding) => `${f.code} ${formatFieldPath(f.field)}`;
  const already = new Set(
    change.before
      ? checkVersionHistory(change.before, {
          ...(change.approversNow ? { approvers: change.approversNow } : {}),
          today: change.today,
        }).map(key)
      : [],
  );
  // One message per field: a mistyped approver is unknown, and also edits the row; the first says why.
  const fields = new Set<string>();
  const broken = checkHistoryChange(change).findings.filter((f) => {
    const field = formatFieldPath(f.field);
    if (already.has(key(f)) || fields.has(field)) return false;
    fields.add(field);
    return true;
  });
  if (!broken.length) return;
  throw new UsageError(
    `${file} was not changed:\n${broken.map((f) => `  ${f.message} ${f.hint}`).join("\n")}`,
  );
}

/**
 * What saving a governed document in the content editor records, by the rules `npm run revise`
 * and `npm run approve` follow: a change to a charter, to its ground rules or to its community's
 * governed fields (approvers, name, sponsor) adds the next version row to the charter (who made
 * it, today's date, why) and sets it back to draft; approving fills in the newest row's approval.
 * Every result is checked with the governance check's own rules (scripts/governance/history-rules.ts)
 * before it is written, so the editor never opens a pull request the check would refuse.
 *
 * The version is counted from the base branch, not from the pull request: saving the same change
 * twice rewrites its one new version rather than adding another.
 */
import { UsageError } from "../cli/errors.ts";
import { nextVersion } from "../content/version-history.ts";
import { FrontMatterEditor } from "../governance/edit-front-matter.ts";
import { changedGovernedFields } from "../governance/governed-fields.ts";
import { refuseBrokenRules } from "../governance/history-rules.ts";
import { parseContentText } from "../governance/parse-content-text.ts";
import type { Today } from "../governance/today.ts";
import { fileFields, readEntry, unreadableKey } from "./entry-format.ts";
import { sameValue, withoutEmptyFields } from "./patch-yaml.ts";

type Data = Record<string, unknown>;
type Row = Record<string, unknown>;

/** Who makes a revision and why: the form's "Your revision" group. */
export interface RevisionNote {
  implemented_by?: string;
  reason?: string;
  approver?: string;
}

/** The governed files of one community as they are on the base branch. */
export interface BaseCommunity {
  /** The charter's path, as shown in messages, such as content/communities/north-east/charter.md. */
  charterPath: string;
  /** The charter's text; undefined for a community whose charter is new. */
  charterText?: string;
  /** The community's approvers on the base branch. */
  approvers: readonly string[];
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const rowsOf = (data: Data | undefined): Row[] =>
  Array.isArray(data?.version_history) ? (data.version_history as Row[]) : [];

/** The charter's version history fields, which the editor writes: everything else is its content. */
const historyFields = ["version", "status", "version_history"];
const withoutHistory = (data: Data) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !historyFields.includes(key)));

/** The same content, as a reader would get it: empty fields are no fields. */
const sameContent = (a: Data, b: Data) =>
  sameValue(withoutEmptyFields(a, b), withoutEmptyFields(b, b));

/** A file's fields as the form reads them (the body without its leading blank line), or why it cannot be read. */
function readBase(text: string): Data | { unreadable: string } {
  const data = readEntry(text, "markdown");
  const unreadable = data[unreadableKey];
  return typeof unreadable === "string" ? { unreadable } : fileFields(data);
}

function readCharter(base: BaseCommunity): Data {
  const data = readBase(base.charterText ?? "");
  if (typeof data.unreadable === "string")
    throw new UsageError(
      `${base.charterPath} could not be read on the base branch (${data.unreadable}), so no version can be added to it. Fix it in the repository first.`,
    );
  return data;
}

function requireNote(
  note: RevisionNote | undefined,
  why: string,
): Required<Omit<RevisionNote, "approver">> & RevisionNote {
  const implemented_by = text(note?.implemented_by);
  const reason = text(note?.reason);
  const missing = [
    ...(implemented_by ? [] : ["your role"]),
    ...(reason ? [] : ["why you are making this change"]),
  ];
  if (missing.length)
    throw new UsageError(
      `${why} Fill in ${missing.join(" and ")} under "Your revision", then save again.`,
    );
  return { ...note, implemented_by, reason };
}

/**
 * The row `npm run revise` would add after the base's last version: the next version, by the
 * editor's role, dated today, to be approved by the approver named, else the one who approved
 * the last version if still listed, else the first listed (preferring, when the change is to who
 * may approve, someone listed both before and after it).
 */
export function nextRow(
  baseCharter: Data,
  note: Required<Omit<RevisionNote, "approver">> & RevisionNote,
  today: Today,
  approversNow: readonly string[],
  approversBefore: readonly string[] = approversNow,
  charterPath = "The charter",
): Row {
  const last = rowsOf(baseCharter).at(-1);
  const lastVersion = last?.version;
  if (typeof lastVersion !== "string" || !/^\d+(\.\d+)*$/.test(lastVersion))
    throw new UsageError(
      `${charterPath}: the last row of version_history has no version such as "0.4". Fix it in the repository first (npm run validate says how).`,
    );
  const eligible = approversNow.filter((name) => approversBefore.includes(name));
  const pool = eligible.length ? eligible : approversNow;
  const chosen = text(note.approver);
  const approver =
    chosen ||
    (typeof last?.approver === "string" && pool.includes(last.approver)
      ? last.approver
      : (pool[0] ?? ""));
  return {
    version: nextVersion(lastVersion),
    implemented_by: note.implemented_by,
    revision_date: today.date,
    approver,
    reason: note.reason,
  };
}

/** The outcome of saving a charter: its data as it will be written. */
export interface CharterSave {
  data: Data;
  /** The version the save recorded, when it recorded one. */
  version?: string;
}

/**
 * Saving the charter's own form: when its content differs from the base branch's, the history is
 * the base's rows plus one new row, and the charter is a draft; otherwise its history is the base's.
 * @param data the form's fields (without the editor's own keys), `body` included
 */
export function reviseCharter(
  data: Data,
  note: RevisionNote | undefined,
  base: BaseCommunity,
  today: Today,
): CharterSave {
  if (base.charterText === undefined) return { data };
  const before = readCharter(base);
  if (sameContent(withoutHistory(data), withoutHistory(before))) {
    const { body: _body, ...fields } = before;
    const history = Object.fromEntries(historyFields.map((key) => [key, fields[key]]));
    return { data: { ...data, ...history } };
  }
  const row = nextRow(
    before,
    requireNote(note, "Every change to the charter is a new version."),
    today,
    base.approvers,
    base.approvers,
    base.charterPath,
  );
  const baseRows = rowsOf(before).length;
  const after: Data = {
    ...data,
    version: row.version,
    status: "draft",
    version_history: [...rowsOf(data).slice(0, baseRows), row],
  };
  const { body: _before, ...beforeFields } = before;
  const { body: _after, ...afterFields } = after;
  refuseBrokenRules(
    { before: beforeFields, after: afterFields, approversNow: base.approvers, today },
    base.charterPath,
  );
  return { data: after, version: row.version as string };
}

/** The charter's new text, when saving another governed file changes the charter. */
export interface CompanionCharter {
  path: string;
  text: string;
  version: string;
}

/**
 * Saving ground rules or a community's index: when what changed is part of the charter, the
 * charter's text on the base branch with the next version row added, exactly as `npm run revise`
 * writes it; undefined when nothing governed changed.
 * @param changed why the change is a new version of the charter, or undefined when it is not
 */
export function reviseCompanionCharter(
  changed: string | undefined,
  note: RevisionNote | undefined,
  base: BaseCommunity,
  today: Today,
  approversNow: readonly string[] = base.approvers,
): CompanionCharter | undefined {
  if (!changed || base.charterText === undefined) return undefined;
  const before = readCharter(base);
  const row = nextRow(
    before,
    requireNote(note, `${changed} This is a new version of the charter.`),
    today,
    approversNow,
    base.approvers,
    base.charterPath,
  );
  const editor = new FrontMatterEditor(base.charterText, base.charterPath);
  editor
    .appendRow(
      "version_history",
      Object.entries(row).map(([key, value]) => [
        key,
        { value: String(value), ...(key === "version" ? { quoted: true } : {}) },
      ]),
    )
    .setField("version", { value: row.version as string, quoted: true })
    .setField("status", { value: "draft" });
  const revised = editor.toString();
  const check = parseContentText(revised.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  if ("unreadable" in check || rowsOf(check.data).length !== rowsOf(before).length + 1)
    throw new Error(
      `The content editor made a wrong edit to ${base.charterPath}; nothing was saved.`,
    );
  const { body: _body, ...beforeFields } = before;
  refuseBrokenRules(
    {
      before: beforeFields,
      after: check.data,
      approversBefore: base.approvers,
      approversNow,
      today,
    },
    base.charterPath,
  );
  return { path: base.charterPath, text: revised, version: row.version as string };
}

/** Why a change to ground rules is a change to the charter, or undefined when nothing changed. */
export function groundRulesChange(data: Data, baseText: string | undefined): string | undefined {
  if (baseText === undefined) return undefined;
  const before = readBase(baseText);
  if (typeof before.unreadable === "string") return "The ground rules changed.";
  return sameContent(data, before) ? undefined : "The ground rules are part of the charter.";
}

/** Why a change to a community's index is a change to its charter, or undefined when it is not. */
export function communityChange(data: Data, baseText: string | undefined): string | undefined {
  if (baseText === undefined) return undefined;
  const before = readBase(baseText);
  if (typeof before.unreadable === "string") return undefined;
  const changes = changedGovernedFields(before, data);
  if (!changes.length) return undefined;
  return `You changed what the charter establishes (${changes.map((c) => c.description).join("; ")}).`;
}

/** The approval form: who approved the newest version, and when. */
export interface ApprovalNote {
  approver?: string;
  approval_date?: string;
}

/**
 * Saving an approval, as `npm run approve` records it: the approval date (and approver, when
 * another listed approver gave it) on the newest row, and the charter approved.
 * @param data the charter as the form loaded it
 */
export function approveCharter(
  data: Data,
  approval: ApprovalNote | undefined,
  base: BaseCommunity,
  today: Today,
): CharterSave {
  const approver = text(approval?.approver);
  const date = text(approval?.approval_date);
  if (!approver || !date)
    throw new UsageError(
      `Fill in ${[...(approver ? [] : ["who approved it"]), ...(date ? [] : ["the date they approved it"])].join(" and ")}, then save again.`,
    );
  const rows = rowsOf(data);
  const last = rows.at(-1);
  const version = typeof last?.version === "string" ? last.version : "?";
  if (!last) throw new UsageError(`${base.charterPath} has no version_history rows to approve.`);
  if (typeof last.approval_date === "string" && last.approval_date !== "")
    throw new UsageError(
      `Version ${version} was already approved on ${last.approval_date} by ${String(last.approver)}. ` +
        "To approve a change, record it first: edit the charter, and approve the new version once that is saved.",
    );
  const before = base.charterText === undefined ? undefined : readCharter(base);
  const row: Row = { ...last };
  row.approver = approver;
  // The approval date goes after the approver, where npm run approve writes it.
  const ordered = Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => key !== "approval_date")
      .flatMap(([key, value]) =>
        key === "approver"
          ? [
              [key, value],
              ["approval_date", date],
            ]
          : [[key, value]],
      ),
  );
  const after: Data = {
    ...data,
    status: "approved",
    version_history: [...rows.slice(0, -1), ordered],
  };
  const { body: _body, ...afterFields } = after;
  const beforeFields = before ? (({ body: _b, ...rest }) => rest)(before) : undefined;
  refuseBrokenRules(
    {
      ...(beforeFields ? { before: beforeFields } : {}),
      after: afterFields,
      approversBefore: base.approvers,
      approversNow: base.approvers,
      today,
    },
    base.charterPath,
  );
  return { data: after, version };
}

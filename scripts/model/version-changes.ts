/**
 * What changed between two versions of a community's charter and ground rules, for the "what
 * changed" pages, the draft page and the draft's printed guide. It is the governance check's own
 * comparison (scripts/governance/compare-views.ts, over scripts/governance/reader-view.ts), so the
 * site lists exactly the changes the check reported when the version was proposed, in the same
 * words; the word-level marks inside reworded text come from scripts/model/word-diff.ts.
 */
import {
  compareCharters,
  compareGroundRules,
  listChanges,
  sectionChanges,
  type ListChange,
  type SectionChange,
} from "../governance/compare-views.ts";
import {
  charterView,
  groundRulesView,
  type CharterView,
  type GroundRulesView,
  type ViewSection,
} from "../governance/reader-view.ts";
import { markWordChanges } from "./word-diff.ts";

/** One item of a changed section as the page shows it. */
export interface ChangedItem {
  state: "same" | "added" | "removed" | "reworded" | "moved";
  /** Its number in the newer version; a removed item's, in the older one. */
  number?: number;
  /** The change in words, such as "Goal 3 reworded"; absent for an item that did not change. */
  note?: string;
  /** The item with its changes marked (prose and lists). */
  html: string;
  /** A table row's cells with their changes marked. */
  cells?: string[];
}

/** One part of the charter or ground rules on a "what changed" page, in reading order. */
export interface ChangedSection {
  /** The section's number in the newer version; for a removed section, its number before. */
  number?: number;
  title: string;
  state: "same" | "added" | "removed" | "changed";
  /** What happened to it, in words: "Moved: it was section 2", "Reworded". */
  notes: string[];
  layout: "text" | "list" | "numbered-list" | "table";
  columns?: string[];
  items: ChangedItem[];
}

/** The changes from one version to the next. */
export interface VersionChanges {
  /** The charter's changes in words, as the governance check lists them. */
  charterSummary: string[];
  groundRulesSummary: string[];
  /** Every part of the charter, changed or not, with its changes marked. */
  charter: ChangedSection[];
  groundRules: ChangedSection[];
}

/** The text of one version: what the comparison reads. */
export interface VersionText {
  charter: Parameters<typeof charterView>[0];
  groundRules: Parameters<typeof groundRulesView>[0];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const nouns = (noun: string) => capitalise(noun);

/**
 * Compares two versions as a reader sees them.
 * @param showDate how the page shows a date (the review date), such as 31 March 2027
 */
export function compareVersions(
  before: VersionText,
  after: VersionText,
  showDate: (iso: string) => string,
): VersionChanges {
  // Dates as the page shows them; the comparison is the check's, which sees the same change.
  const dated = (view: CharterView): CharterView => ({
    ...view,
    reviewBy: showDate(view.reviewBy),
  });
  const charterBefore = dated(charterView(before.charter));
  const charterAfter = dated(charterView(after.charter));
  const rulesBefore = groundRulesView(before.groundRules);
  const rulesAfter = groundRulesView(after.groundRules);
  return {
    charterSummary: compareCharters(charterBefore, charterAfter).map(capitalise),
    groundRulesSummary: compareGroundRules(rulesBefore, rulesAfter).map(capitalise),
    charter: charterParts(charterBefore, charterAfter),
    groundRules: groundRulesParts(rulesBefore, rulesAfter),
  };
}

const text = (before: string, after: string, options = {}) =>
  markWordChanges(before, after, options).html;
/** Rendered text as a page of changes shows it: no ids of its own page, headings under the page's. */
const clean = (html: string, options = {}) => markWordChanges(html, html, options).html;
const escapeHtml = (plain: string) =>
  plain.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A part read as one text (the introduction, a prose section, the agreement). */
function textPart(
  title: string,
  before: string,
  after: string,
  extra: Partial<ChangedSection> = {},
): ChangedSection {
  const same = before === after;
  return {
    title,
    state: same ? "same" : !before ? "added" : !after ? "removed" : "changed",
    notes: same ? [] : [before && after ? "Reworded" : before ? "Removed" : "Added"],
    layout: "text",
    items: [{ state: same ? "same" : "reworded", html: same ? clean(after) : text(before, after) }],
    ...extra,
  };
}

function charterParts(before: CharterView, after: CharterView): ChangedSection[] {
  const parts: ChangedSection[] = [];
  if (before.title !== after.title)
    parts.push(
      textPart("Title", escapeHtml(before.title), escapeHtml(after.title), { notes: ["Changed"] }),
    );
  if (before.reviewBy !== after.reviewBy)
    parts.push(
      textPart("Review date", escapeHtml(before.reviewBy), escapeHtml(after.reviewBy), {
        notes: ["Changed"],
      }),
    );
  if (before.introduction || after.introduction)
    parts.push(textPart("Introduction", before.introduction, after.introduction));
  parts.push(...sectionParts(before.sections, after.sections));
  if (before.sources || after.sources)
    parts.push(textPart("Sources", before.sources, after.sources));
  return parts;
}

/**
 * The numbered sections in the newer version's order, each with what happened to it; a removed
 * section is shown where it was, after the section it used to follow.
 */
function sectionParts(before: ViewSection[], after: ViewSection[]): ChangedSection[] {
  const changes = sectionChanges(before, after);
  const of = <K extends SectionChange["kind"]>(kind: K) =>
    changes.filter((c): c is Extract<SectionChange, { kind: K }> => c.kind === kind);
  const renamedTo = new Map(of("renamed").map((c) => [c.now.key, c]));
  const added = new Set(of("added").map((c) => c.section.key));
  const moved = new Map(of("moved").map((c) => [c.section.key, c]));
  const reworded = new Map(of("reworded").map((c) => [c.section.key, c]));
  const removedAfter = new Map<string | undefined, ViewSection[]>();
  for (const change of of("removed")) {
    const at = before.indexOf(change.section);
    // The nearest section before it that is still there, or the start.
    const anchor = before
      .slice(0, at)
      .reverse()
      .find((s) => after.some((a) => a.key === s.key))?.key;
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), change.section]);
  }
  const removedPart = (section: ViewSection): ChangedSection => ({
    number: before.indexOf(section) + 1,
    title: section.title,
    state: "removed",
    notes: [`Removed: it was section ${before.indexOf(section) + 1}`],
    ...itemsOf(section, "removed"),
  });

  const parts: ChangedSection[] = (removedAfter.get(undefined) ?? []).map(removedPart);
  after.forEach((section, index) => {
    const number = index + 1;
    const rename = renamedTo.get(section.key);
    const old = before.find((s) => s.key === section.key);
    if (added.has(section.key)) {
      parts.push({
        number,
        title: section.title,
        state: "added",
        notes: ["Added"],
        ...itemsOf(section, "added"),
      });
    } else if (rename) {
      parts.push({
        number,
        title: section.title,
        state: "changed",
        notes: [`Renamed: it was “${rename.section.title}”, section ${rename.number}`],
        ...itemsOf(section, "same"),
      });
    } else if (old) {
      const move = moved.get(section.key);
      const rewording = reworded.get(section.key);
      const notes = [
        ...(move ? [`Moved: it was section ${move.number}`] : []),
        ...(rewording && !rewording.items ? ["Reworded"] : []),
        ...(rewording?.items?.map((item) => listNote(item, section.itemNoun!)) ?? []),
      ];
      parts.push({
        number,
        title: section.title,
        state: notes.length ? "changed" : "same",
        notes,
        ...(rewording ? changedItems(old, section, rewording.items) : itemsOf(section, "same")),
      });
    }
    for (const gone of removedAfter.get(section.key) ?? []) parts.push(removedPart(gone));
  });
  return parts;
}

const listNote = (change: ListChange, noun: string): string => {
  switch (change.kind) {
    case "reworded":
      return `${nouns(noun)} ${change.to} reworded`;
    case "moved":
      return `${nouns(noun)} ${change.from} moved to position ${change.to}`;
    case "removed":
      return `${nouns(noun)} ${change.from} removed`;
    case "added":
      return `${nouns(noun)} ${change.to} added`;
  }
};

const layoutOf = (section: ViewSection): ChangedSection["layout"] =>
  section.cells
    ? "table"
    : section.key === "goals"
      ? "numbered-list"
      : section.itemNoun
        ? "list"
        : "text";

/** A section whose every item is the same (or all added, or all removed). */
function itemsOf(
  section: ViewSection,
  state: "same" | "added" | "removed",
): Pick<ChangedSection, "layout" | "columns" | "items"> {
  const mark = (html: string) =>
    state === "same"
      ? clean(html, { dropLeadingHeading: true, headingShift: 1 })
      : state === "added"
        ? text("", html, { dropLeadingHeading: true, headingShift: 1 })
        : text(html, "", { dropLeadingHeading: true, headingShift: 1 });
  return {
    layout: layoutOf(section),
    ...(section.columns ? { columns: section.columns } : {}),
    items: section.items.map((html, index) => ({
      state,
      ...(section.itemNoun ? { number: index + 1 } : {}),
      html: mark(html),
      ...(section.cells ? { cells: section.cells[index]!.map(mark) } : {}),
    })),
  };
}

/** A section whose items changed: each item with its changes marked, removed items where they were. */
function changedItems(
  before: ViewSection,
  after: ViewSection,
  changes: ListChange[] | undefined,
): Pick<ChangedSection, "layout" | "columns" | "items"> {
  const options = { dropLeadingHeading: true, headingShift: 1 };
  if (!changes) {
    return {
      layout: layoutOf(after),
      items: [
        {
          state: "reworded",
          html: text(before.items[0] ?? "", after.items[0] ?? "", options),
        },
      ],
    };
  }
  const noun = after.itemNoun!;
  const cellsOf = (section: ViewSection, index: number) => section.cells?.[index] ?? [];
  const items: ChangedItem[] = after.items.map((html, index) => {
    const to = index + 1;
    const change = changes.find((c) => "to" in c && c.to === to);
    if (change?.kind === "reworded") {
      const old = before.items[change.from - 1]!;
      return {
        state: "reworded",
        number: to,
        note: listNote(change, noun),
        html: text(old, html),
        ...(after.cells
          ? {
              cells: cellsOf(after, index).map((cell, c) =>
                text(cellsOf(before, change.from - 1)[c] ?? "", cell),
              ),
            }
          : {}),
      };
    }
    const state = change?.kind === "added" ? "added" : change?.kind === "moved" ? "moved" : "same";
    const mark = (value: string) => (state === "added" ? text("", value) : clean(value));
    return {
      state,
      number: to,
      ...(change ? { note: listNote(change, noun) } : {}),
      html: mark(html),
      ...(after.cells ? { cells: cellsOf(after, index).map(mark) } : {}),
    };
  });
  // Removed items go back where they were, counted from the end so earlier ones keep their place.
  const removed = changes.filter(
    (c): c is Extract<ListChange, { kind: "removed" }> => c.kind === "removed",
  );
  for (const change of [...removed].reverse()) {
    const old = before.items[change.from - 1]!;
    items.splice(Math.min(change.from - 1, items.length), 0, {
      state: "removed",
      number: change.from,
      note: listNote(change, noun),
      html: text(old, ""),
      ...(before.cells
        ? { cells: cellsOf(before, change.from - 1).map((cell) => text(cell, "")) }
        : {}),
    });
  }
  return {
    layout: layoutOf(after),
    ...(after.columns ? { columns: after.columns } : {}),
    items,
  };
}

function groundRulesParts(before: GroundRulesView, after: GroundRulesView): ChangedSection[] {
  const parts: ChangedSection[] = [];
  if (before.title !== after.title)
    parts.push(
      textPart("Title", escapeHtml(before.title), escapeHtml(after.title), { notes: ["Changed"] }),
    );
  if (before.introduction || after.introduction)
    parts.push(textPart("Introduction", before.introduction, after.introduction));
  const rules: ViewSection = { key: "rules", title: "Rules", items: after.rules, itemNoun: "rule" };
  const changes = listChanges(before.rules, after.rules);
  parts.push({
    title: "Rules",
    state: changes.length ? "changed" : "same",
    notes: changes.map((change) => listNote(change, "rule")),
    ...(changes.length
      ? changedItems({ ...rules, items: before.rules }, rules, changes)
      : itemsOf(rules, "same")),
    layout: "numbered-list",
  });
  parts.push(textPart("Your agreement", before.agreement, after.agreement));
  if (before.sources || after.sources)
    parts.push(textPart("Sources", before.sources, after.sources));
  return parts;
}

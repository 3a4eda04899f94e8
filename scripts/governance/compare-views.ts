/**
 * What changed between two versions of a charter or its ground rules, in a reader's words:
 * "section 4 (Meetings) moved before section 3 (Purpose)", "rule 7 reworded".
 */
import { diffArrays } from "diff";
import type { CharterView, GroundRulesView, ViewSection } from "./reader-view.ts";

const quote = (text: string) => JSON.stringify(text);

/**
 * One change to a list of items, numbered as a reader counts them: `from` in the older list,
 * `to` in the newer one.
 */
export type ListChange =
  | { kind: "reworded"; from: number; to: number }
  | { kind: "moved"; from: number; to: number }
  | { kind: "removed"; from: number }
  | { kind: "added"; to: number };

/**
 * The changes between two lists of items: an item replaced in place is reworded, an item found
 * again elsewhere moved, the rest added or removed. In the order a reader meets them.
 */
export function listChanges(before: readonly string[], after: readonly string[]): ListChange[] {
  const removed: { number: number; text: string }[] = [];
  const added: { number: number; text: string }[] = [];
  const changes: { at: number; change: ListChange }[] = [];
  let beforeNumber = 1;
  let afterNumber = 1;
  const parts = diffArrays([...before], [...after]);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      beforeNumber += part.value.length;
      afterNumber += part.value.length;
      continue;
    }
    const next = part.removed && parts[i + 1]?.added ? parts[i + 1]! : undefined;
    const removedHere = part.removed
      ? part.value.map((text, k) => ({ number: beforeNumber + k, text }))
      : [];
    const addedValues = part.added ? part.value : (next?.value ?? []);
    const addedHere = addedValues.map((text, k) => ({ number: afterNumber + k, text }));
    // A removal and an addition at the same place is one item reworded, unless either text moved.
    while (
      removedHere.length &&
      addedHere.length &&
      !after.includes(removedHere[0]!.text) &&
      !before.includes(addedHere[0]!.text)
    ) {
      const gone = removedHere.shift()!;
      const put = addedHere.shift()!;
      changes.push({
        at: put.number,
        change: { kind: "reworded", from: gone.number, to: put.number },
      });
    }
    removed.push(...removedHere);
    added.push(...addedHere);
    if (part.removed) beforeNumber += part.value.length;
    afterNumber += addedValues.length;
    if (next) i += 1;
  }
  for (const gone of removed) {
    const movedTo = added.find((item) => item.text === gone.text);
    if (movedTo) {
      added.splice(added.indexOf(movedTo), 1);
      changes.push({
        at: movedTo.number,
        change: { kind: "moved", from: gone.number, to: movedTo.number },
      });
    } else changes.push({ at: gone.number, change: { kind: "removed", from: gone.number } });
  }
  for (const item of added)
    changes.push({ at: item.number, change: { kind: "added", to: item.number } });
  return changes.sort((a, b) => a.at - b.at).map(({ change }) => change);
}

/** A list change in words: "rule 7 reworded", "goal 2 moved to position 4". */
export function describeListChange(change: ListChange, noun: string): string {
  switch (change.kind) {
    case "reworded":
      return `${noun} ${change.to} reworded`;
    case "moved":
      return `${noun} ${change.from} moved to position ${change.to}`;
    case "removed":
      return `${noun} ${change.from} removed`;
    case "added":
      return `${noun} ${change.to} added`;
  }
}

/** The changes between two lists of items, in words. */
export function compareLists(
  before: readonly string[],
  after: readonly string[],
  noun: string,
): string[] {
  return listChanges(before, after).map((change) => describeListChange(change, noun));
}

const sectionName = (number: number, section: ViewSection) =>
  `section ${number} (${section.title})`;

/** One change to the numbered sections; numbers are as before the change, except an added section's. */
export type SectionChange =
  | { kind: "removed"; number: number; section: ViewSection }
  | { kind: "renamed"; number: number; section: ViewSection; now: ViewSection }
  | { kind: "added"; number: number; section: ViewSection }
  | {
      kind: "moved";
      number: number;
      section: ViewSection;
      place: "after" | "before";
      otherNumber: number;
      other: ViewSection;
    }
  | {
      kind: "reworded";
      number: number;
      section: ViewSection;
      before: ViewSection;
      /** For a section of items (goals, risks): how its items changed. */
      items?: ListChange[];
    };

/**
 * How the numbered sections changed: added, removed, renamed, moved and reworded. Sections are
 * numbered as they were before the change, so each name points at the text a reviewer compares
 * with; only an added section, which had no number, is numbered as it is now.
 */
export function sectionChanges(before: ViewSection[], after: ViewSection[]): SectionChange[] {
  const changes: SectionChange[] = [];
  const beforeKeys = before.map((s) => s.key);
  const afterKeys = after.map((s) => s.key);
  const numberBefore = (key: string) => beforeKeys.indexOf(key) + 1;
  const numberAfter = (key: string) => afterKeys.indexOf(key) + 1;
  const sameText = (a: ViewSection, b: ViewSection) =>
    JSON.stringify(a.items.map(dropHeading)) === JSON.stringify(b.items.map(dropHeading));

  const gone = before.filter((s) => !afterKeys.includes(s.key));
  const fresh = after.filter((s) => !beforeKeys.includes(s.key));
  // A prose section whose heading changed but whose text did not was renamed.
  const renamed = new Map<ViewSection, ViewSection>();
  for (const old of gone) {
    const match = fresh.find((s) => !s.itemNoun && !old.itemNoun && sameText(old, s));
    if (match && ![...renamed.values()].includes(match)) renamed.set(old, match);
  }
  for (const old of gone) {
    const now = renamed.get(old);
    const number = numberBefore(old.key);
    changes.push(
      now
        ? { kind: "renamed", number, section: old, now }
        : { kind: "removed", number, section: old },
    );
  }
  for (const now of fresh) {
    if (![...renamed.values()].includes(now))
      changes.push({ kind: "added", number: numberAfter(now.key), section: now });
  }

  // Sections in both versions whose order changed: those outside the longest run kept in order moved.
  const common = beforeKeys.filter((key) => afterKeys.includes(key));
  const commonAfter = afterKeys.filter((key) => beforeKeys.includes(key));
  const kept = new Set(
    diffArrays(common, commonAfter)
      .filter((part) => !part.added && !part.removed)
      .flatMap((part) => part.value),
  );
  const old = (key: string) => before[numberBefore(key) - 1]!;
  commonAfter.forEach((key, index) => {
    if (kept.has(key)) return;
    const previous = commonAfter[index - 1];
    const next = commonAfter[index + 1];
    const otherKey = previous ?? next!;
    changes.push({
      kind: "moved",
      number: numberBefore(key),
      section: old(key),
      place: previous ? "after" : "before",
      otherNumber: numberBefore(otherKey),
      other: old(otherKey),
    });
  });

  for (const now of after) {
    const then = before.find((s) => s.key === now.key);
    if (!then || JSON.stringify(then.items) === JSON.stringify(now.items)) continue;
    changes.push({
      kind: "reworded",
      number: numberBefore(now.key),
      section: now,
      before: then,
      ...(now.itemNoun ? { items: listChanges(then.items, now.items) } : {}),
    });
  }
  return changes;
}

/** A section change in words: "section 4 (Meetings) moved before section 3 (Purpose)". */
export function describeSectionChange(change: SectionChange): string {
  const name = sectionName(change.number, change.section);
  switch (change.kind) {
    case "removed":
      return `${name} removed`;
    case "renamed":
      return `${name} renamed to ${quote(change.now.title)}`;
    case "added":
      return `${name} added`;
    case "moved":
      // Numbered as before the change, so "section 1 moved after section 2" reads against the old text.
      return `${name} moved ${change.place} ${sectionName(change.otherNumber, change.other)}`;
    case "reworded":
      return change.items
        ? `${name}: ${change.items.map((item) => describeListChange(item, change.section.itemNoun!)).join(", ")}`
        : `${name} reworded`;
  }
}

/** A prose section's heading, which the section's key already compares. */
export const dropHeading = (html: string) => html.replace(/^<h2[^>]*>[\s\S]*?<\/h2>/, "");

/** What a reader of the charter page would see changed, the version history aside. */
export function compareCharters(before: CharterView, after: CharterView): string[] {
  const changes: string[] = [];
  if (before.title !== after.title)
    changes.push(`title changed from ${quote(before.title)} to ${quote(after.title)}`);
  if (before.reviewBy !== after.reviewBy)
    changes.push(`review date changed from ${before.reviewBy} to ${after.reviewBy}`);
  if (before.introduction !== after.introduction) changes.push("introduction reworded");
  changes.push(...sectionChanges(before.sections, after.sections).map(describeSectionChange));
  if (before.sources !== after.sources) changes.push("sources (footnotes) changed");
  return changes;
}

/** What a reader of the ground rules page would see changed. */
export function compareGroundRules(before: GroundRulesView, after: GroundRulesView): string[] {
  const changes: string[] = [];
  if (before.title !== after.title)
    changes.push(`title changed from ${quote(before.title)} to ${quote(after.title)}`);
  if (before.introduction !== after.introduction) changes.push("introduction reworded");
  changes.push(...compareLists(before.rules, after.rules, "rule"));
  if (before.agreement !== after.agreement) changes.push("agreement reworded");
  if (before.sources !== after.sources) changes.push("sources (footnotes) changed");
  return changes;
}

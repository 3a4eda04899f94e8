/**
 * What changed between two versions of a charter or its ground rules, in a reader's words:
 * "section 4 (Meetings) moved before section 3 (Purpose)", "rule 7 reworded".
 */
import { diffArrays } from "diff";
import type { CharterView, GroundRulesView, ViewSection } from "./reader-view.ts";

const quote = (text: string) => JSON.stringify(text);

/**
 * The changes between two lists of items, numbered as a reader counts them: an item replaced in
 * place is reworded, an item found again elsewhere moved, the rest added (numbered as now) or
 * removed (numbered as before).
 */
export function compareLists(
  before: readonly string[],
  after: readonly string[],
  noun: string,
): string[] {
  const removed: { number: number; text: string }[] = [];
  const added: { number: number; text: string }[] = [];
  const changes: { at: number; text: string }[] = [];
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
      removedHere.shift();
      const put = addedHere.shift()!;
      changes.push({ at: put.number, text: `${noun} ${put.number} reworded` });
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
        text: `${noun} ${gone.number} moved to position ${movedTo.number}`,
      });
    } else changes.push({ at: gone.number, text: `${noun} ${gone.number} removed` });
  }
  for (const item of added) changes.push({ at: item.number, text: `${noun} ${item.number} added` });
  return changes.sort((a, b) => a.at - b.at).map((change) => change.text);
}

const sectionName = (number: number, section: ViewSection) =>
  `section ${number} (${section.title})`;

/**
 * How the numbered sections changed: added, removed, renamed, moved and reworded. Sections are
 * numbered as they were before the change, so each name points at the text a reviewer compares
 * with; only an added section, which had no number, is numbered as it is now.
 */
function compareSections(before: ViewSection[], after: ViewSection[]): string[] {
  const changes: string[] = [];
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
    changes.push(
      now
        ? `${sectionName(numberBefore(old.key), old)} renamed to ${quote(now.title)}`
        : `${sectionName(numberBefore(old.key), old)} removed`,
    );
  }
  for (const now of fresh) {
    if (![...renamed.values()].includes(now))
      changes.push(`${sectionName(numberAfter(now.key), now)} added`);
  }

  // Sections in both versions whose order changed: those outside the longest run kept in order moved.
  const common = beforeKeys.filter((key) => afterKeys.includes(key));
  const commonAfter = afterKeys.filter((key) => beforeKeys.includes(key));
  const kept = new Set(
    diffArrays(common, commonAfter)
      .filter((part) => !part.added && !part.removed)
      .flatMap((part) => part.value),
  );
  // Numbered as before the change, so "section 1 moved after section 2" reads against the old text.
  const named = (key: string) => sectionName(numberBefore(key), before[numberBefore(key) - 1]!);
  commonAfter.forEach((key, index) => {
    if (kept.has(key)) return;
    const previous = commonAfter[index - 1];
    const next = commonAfter[index + 1];
    changes.push(
      previous
        ? `${named(key)} moved after ${named(previous)}`
        : `${named(key)} moved before ${named(next!)}`,
    );
  });

  for (const now of after) {
    const old = before.find((s) => s.key === now.key);
    if (!old || JSON.stringify(old.items) === JSON.stringify(now.items)) continue;
    const name = sectionName(numberBefore(now.key), now);
    if (now.itemNoun) {
      changes.push(`${name}: ${compareLists(old.items, now.items, now.itemNoun).join(", ")}`);
    } else changes.push(`${name} reworded`);
  }
  return changes;
}

/** A prose section's heading, which the section's key already compares. */
const dropHeading = (html: string) => html.replace(/^<h2[^>]*>[\s\S]*?<\/h2>/, "");

/** What a reader of the charter page would see changed, the version history aside. */
export function compareCharters(before: CharterView, after: CharterView): string[] {
  const changes: string[] = [];
  if (before.title !== after.title)
    changes.push(`title changed from ${quote(before.title)} to ${quote(after.title)}`);
  if (before.reviewBy !== after.reviewBy)
    changes.push(`review date changed from ${before.reviewBy} to ${after.reviewBy}`);
  if (before.introduction !== after.introduction) changes.push("introduction reworded");
  changes.push(...compareSections(before.sections, after.sections));
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

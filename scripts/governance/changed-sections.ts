import { diffArrays } from "diff";

/** What happened to one part of a document between the base commit and now. */
export type Change = "added" | "removed" | "changed";

export interface SectionChange {
  /** A ## heading of the body, or a front matter field. */
  name: string;
  change: Change;
}

export interface RuleChange {
  /** The rule's number now; for a removed rule, its number at the base. */
  number: number;
  change: Change;
}

/** Fields that record the history rather than the charter itself: revising and approving change them. */
export const historyFields = new Set(["version", "status", "version_history"]);

/** Name of the text before the first ## heading. */
export const introduction = "(introduction)";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Top-level front matter fields added, removed or changed, in the order they appear now. */
export function changedFields(
  base: Record<string, unknown>,
  current: Record<string, unknown>,
  ignore: ReadonlySet<string> = new Set(),
): SectionChange[] {
  const names = [...new Set([...Object.keys(current), ...Object.keys(base)])].filter(
    (name) => !ignore.has(name),
  );
  return names.flatMap((name): SectionChange[] => {
    if (!(name in base)) return [{ name, change: "added" }];
    if (!(name in current)) return [{ name, change: "removed" }];
    return same(base[name], current[name]) ? [] : [{ name, change: "changed" }];
  });
}

/** Splits a Markdown body at its ## headings; a heading inside a fenced code block is text, not a heading. */
export function splitSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let name = introduction;
  let lines: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    const text = lines.join("\n").trim();
    if (name !== introduction || text) {
      let key = name;
      for (let n = 2; sections.has(key); n++) key = `${name} (${n})`;
      sections.set(key, text);
    }
  };
  for (const line of body.split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
    }
    const heading = fence ? undefined : /^ {0,3}## +(.*?)(?: +#+)? *$/.exec(line);
    if (heading) {
      flush();
      name = heading[1]!.trim();
      lines = [];
    } else {
      lines.push(line.replace(/\s+$/, ""));
    }
  }
  flush();
  return sections;
}

/** The ## sections of a body added, removed or changed, in the order they appear now. */
export function changedSections(baseBody: string, currentBody: string): SectionChange[] {
  const base = splitSections(baseBody);
  const current = splitSections(currentBody);
  const changes: SectionChange[] = [];
  for (const [name, text] of current) {
    if (!base.has(name)) changes.push({ name, change: "added" });
    else if (base.get(name) !== text) changes.push({ name, change: "changed" });
  }
  for (const name of base.keys()) if (!current.has(name)) changes.push({ name, change: "removed" });
  return changes;
}

/**
 * Which numbered rules were added, removed or reworded. A diff of the lists
 * keeps an inserted rule from showing every later rule as changed.
 */
export function changedRules(baseRules: unknown, currentRules: unknown): RuleChange[] {
  const asList = (rules: unknown) =>
    Array.isArray(rules) ? rules.map((rule) => JSON.stringify(rule)) : [];
  const changes: RuleChange[] = [];
  let baseNumber = 1;
  let currentNumber = 1;
  const parts = diffArrays(asList(baseRules), asList(currentRules));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.value.length;
    if (!part.added && !part.removed) {
      baseNumber += count;
      currentNumber += count;
    } else if (part.removed) {
      const next = parts[i + 1];
      // A removal followed by an addition at the same place is a rule reworded.
      const reworded = next?.added ? Math.min(count, next.value.length) : 0;
      for (let k = 0; k < reworded; k++)
        changes.push({ number: currentNumber + k, change: "changed" });
      for (let k = reworded; k < count; k++)
        changes.push({ number: baseNumber + k, change: "removed" });
      if (next?.added) {
        for (let k = reworded; k < next.value.length; k++)
          changes.push({ number: currentNumber + k, change: "added" });
        currentNumber += next.value.length;
        i += 1;
      }
      baseNumber += count;
    } else {
      for (let k = 0; k < count; k++) changes.push({ number: currentNumber + k, change: "added" });
      currentNumber += count;
    }
  }
  return changes;
}

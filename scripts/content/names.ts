/**
 * Names that must not be spoofed: the approvers a community lists and the approver named in each
 * version of its charter. Two names are the same only when they are the same text (canonically
 * equivalent, NFC); two different names that look alike are caught with the confusable
 * skeleton of Unicode Technical Standard #39, section 4.
 */
import unhomoglyph from "unhomoglyph";
import propertyValueAliases from "unicode-property-value-aliases-ecmascript";

/**
 * The UTS #39 skeleton of a name: NFKC (so compatibility forms such as full-width letters
 * compare as their plain letters), NFD, each character replaced by its prototype from the
 * Unicode confusables data (confusables.txt, as shipped by unhomoglyph), NFD again. Default
 * ignorable characters (zero-width joiners and the like) are removed first, as UTS #39 does since
 * Unicode 15.1. Two names with the same skeleton look alike; the skeleton is never shown.
 */
export function skeleton(name: string): string {
  let found = skeletons.get(name);
  if (found === undefined) {
    const visible = name.normalize("NFKC").replace(/\p{Default_Ignorable_Code_Point}/gu, "");
    found = unhomoglyph(visible.normalize("NFD")).normalize("NFD");
    skeletons.set(name, found);
  }
  return found;
}

// The same few approvers are named in every version row of every community.
const skeletons = new Map<string, string>();

/** True when two names are the same text, however their accents are encoded. */
export const sameName = (a: string, b: string) => a.normalize("NFC") === b.normalize("NFC");

/** "U+0430": how a message shows a character whose look is not enough. */
export const codePoint = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const codePointsOf = (text: string) => [...text].map(codePoint).join(" ") || "nothing";

/**
 * Where two names that look alike differ, in code points: `U+0430 where "…" has U+0061
 * (character 2)`. Both spellings are quoted in full by the caller.
 */
export function describeDifference(name: string, listed: string): string {
  const a = [...name];
  const b = [...listed];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const ours = a.slice(start, a.length - end).join("");
  const theirs = b.slice(start, b.length - end).join("");
  return `${codePointsOf(ours)} where ${JSON.stringify(listed)} has ${codePointsOf(theirs)} (character ${start + 1})`;
}

/** The characters of a name outside printable ASCII, with where they are: "U+0430 at character 2". */
export function describeUnusualCharacters(name: string): string {
  return [...name]
    .flatMap((character, index) =>
      /^[\x20-\x7e]$/.test(character) ? [] : [`${codePoint(character)} at character ${index + 1}`],
    )
    .join(", ");
}

// Every script ECMAScript regular expressions know, as \p{Script_Extensions=…} tests. A script
// newer than this Node's regular expressions is skipped: no character of it can match anyway.
const scriptTests: { script: string; test: RegExp }[] = [
  ...new Set(propertyValueAliases.get("Script_Extensions")!.values()),
]
  .filter((script) => script !== "Common" && script !== "Inherited")
  .flatMap((script) => {
    try {
      return [{ script, test: new RegExp(`\\p{Script_Extensions=${script}}`, "u") }];
    } catch {
      return [];
    }
  });

/**
 * UTS #39's augmented script sets: Japanese mixes Han, Hiragana and Katakana, Korean Han and
 * Hangul, and Chinese Han and Bopomofo, so those mixtures count as one script.
 */
const augmentedNames = new Set(["Japanese", "Korean", "Han_with_Bopomofo"]);

function augment(scripts: string[]): string[] {
  const extra: string[] = [];
  if (scripts.includes("Han")) extra.push("Japanese", "Korean", "Han_with_Bopomofo");
  if (scripts.includes("Hiragana") || scripts.includes("Katakana")) extra.push("Japanese");
  if (scripts.includes("Hangul")) extra.push("Korean");
  if (scripts.includes("Bopomofo")) extra.push("Han_with_Bopomofo");
  return [...scripts, ...extra];
}

/**
 * The scripts of a name's letters, when no one script covers them all (UTS #39's resolved
 * script set is empty): "Latin, Cyrillic" for a Latin name with a Cyrillic "а" in it.
 * Spaces, digits and punctuation (the Common script) and combining marks (Inherited) fit any
 * script. @returns undefined when the name is written in one script
 */
export function mixedScripts(name: string): string[] | undefined {
  // Printable ASCII is Latin letters and Common punctuation and digits: one script.
  if (/^[\x20-\x7e]*$/.test(name)) return undefined;
  let resolved: Set<string> | undefined;
  const seen: string[] = [];
  for (const character of name.normalize("NFD")) {
    const scripts = augment(
      scriptTests.filter(({ test }) => test.test(character)).map((s) => s.script),
    );
    if (scripts.length === 0) continue;
    for (const script of scripts)
      if (!seen.includes(script) && !augmentedNames.has(script)) seen.push(script);
    resolved = new Set(scripts.filter((script) => !resolved || resolved.has(script)));
  }
  return resolved && resolved.size === 0 ? seen : undefined;
}

/** How a name compares with a list of names. */
export type NameMatch =
  | { kind: "listed"; listed: string }
  | { kind: "look-alike"; listed: string }
  | { kind: "mixed-scripts"; scripts: string[] }
  | { kind: "unknown" };

/**
 * Finds a name in a list: the same name, a different name that looks like a listed one (the
 * spoof to refuse), a name mixing scripts, or none of these.
 */
export function matchName(name: string, listed: readonly string[]): NameMatch {
  const same = listed.find((candidate) => sameName(candidate, name));
  if (same !== undefined) return { kind: "listed", listed: same };
  const look = skeleton(name);
  const alike = listed.find((candidate) => skeleton(candidate) === look);
  if (alike !== undefined) return { kind: "look-alike", listed: alike };
  const scripts = mixedScripts(name);
  if (scripts) return { kind: "mixed-scripts", scripts };
  return { kind: "unknown" };
}

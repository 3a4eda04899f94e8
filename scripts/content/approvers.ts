/**
 * Rules for the names of approvers: the list a community keeps in its index.md, and the approver
 * a version of its charter names. A name that only looks like an approver's would let the site
 * show a charter as approved by a body that never approved it.
 */
import { didYouMean } from "./did-you-mean.ts";
import type { FieldPath } from "./locate-field.ts";
import { describeDifference, describeUnusualCharacters, matchName, skeleton } from "./names.ts";

/** A broken rule, with the field it is about; the caller adds the file and position. */
export interface NameFinding {
  field: FieldPath;
  code: string;
  message: string;
  hint: string;
}

const listOf = (names: readonly string[]) => names.join(", ");
const scriptsOf = (scripts: readonly string[]) =>
  scripts.length === 2 ? `${scripts[0]} and ${scripts[1]}` : scripts.join(", ");

/**
 * Checks a name against the approvers it must be one of.
 * @param who how the list is described, such as "the community's approvers"
 * @returns undefined when the name is listed
 */
export function checkApproverName(
  name: string,
  approvers: readonly string[],
  field: FieldPath,
  who = "the community's approvers",
  unknownHint = "Use one of them exactly as written, or add this approver to approvers in the community's index.md.",
): NameFinding | undefined {
  const match = matchName(name, approvers);
  switch (match.kind) {
    case "listed":
      return undefined;
    case "look-alike":
      return {
        field,
        code: "look-alike-approver",
        message: `${JSON.stringify(name)} looks like ${JSON.stringify(match.listed)}, one of ${who}, but is a different text: ${describeDifference(name, match.listed)}.`,
        hint: `Copy the name exactly from approvers in the community's index.md; a name that only looks right would show the charter as approved by ${match.listed}.`,
      };
    case "mixed-scripts":
      return {
        field,
        code: "mixed-script-name",
        message: `${JSON.stringify(name)} mixes ${scriptsOf(match.scripts)} letters (${describeUnusualCharacters(name)}), so it can pass for another name; it is not one of ${who} (${listOf(approvers)}).`,
        hint: "Retype the name on a plain keyboard, using one of the approvers exactly as written.",
      };
    case "unknown": {
      const guess = didYouMean(name, approvers);
      return {
        field,
        code: "unknown-approver",
        message: `${JSON.stringify(name)} is not one of ${who} (${listOf(approvers)}).`,
        hint: guess ? `Did you mean ${JSON.stringify(guess)}?` : unknownHint,
      };
    }
  }
}

/**
 * Checks a community's list of approvers: no name mixes scripts, and no two names look alike
 * (a second "National Office" spelled with a Cyrillic "О" next to the real one).
 */
export function checkApproverList(approvers: unknown): NameFinding[] {
  if (!Array.isArray(approvers)) return [];
  const findings: NameFinding[] = [];
  const seen = new Map<string, { name: string; index: number }>();
  approvers.forEach((name: unknown, index) => {
    if (typeof name !== "string") return;
    const field = ["approvers", index];
    const match = matchName(name, []);
    if (match.kind === "mixed-scripts") {
      findings.push({
        field,
        code: "mixed-script-name",
        message: `The approver ${JSON.stringify(name)} mixes ${scriptsOf(match.scripts)} letters (${describeUnusualCharacters(name)}), so it can pass for another name.`,
        hint: "Retype the name on a plain keyboard, in one script.",
      });
    }
    const look = skeleton(name);
    const earlier = seen.get(look);
    if (earlier && earlier.name !== name) {
      findings.push({
        field,
        code: "look-alike-approver",
        message: `The approver ${JSON.stringify(name)} looks like approver ${earlier.index + 1}, ${JSON.stringify(earlier.name)}, but is a different text: ${describeDifference(name, earlier.name)}.`,
        hint: "Keep one of them: two approvers that look the same cannot be told apart on the site.",
      });
    } else if (!earlier) seen.set(look, { name, index });
  });
  return findings;
}

/**
 * The fields of a community's index.md that are part of what its charter establishes: who may
 * approve it (`approvers`, printed in the charter's approval section), and the community's name
 * and sponsor (printed with the charter on the guide's cover). Changing one of them is changing
 * the charter: it needs a new version, and the check states it before anything else.
 * The other fields (summary, region, status, contacts, the introduction) are the community's
 * page, reviewed like any other content.
 */
export const governedFields = ["approvers", "name", "sponsor"] as const;

export type GovernedField = (typeof governedFields)[number];

export interface GovernedChange {
  field: GovernedField;
  /** In a reader's words, such as: approvers: "Co-chairs" added. */
  description: string;
}

const quote = (text: unknown) => JSON.stringify(text);
const names = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** The governed fields changed between a community's index.md at the base and now. */
export function changedGovernedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): GovernedChange[] {
  const changes: GovernedChange[] = [];
  const was = names(before.approvers);
  const now = names(after.approvers);
  const parts = [
    ...now.filter((name) => !was.includes(name)).map((name) => `${quote(name)} added`),
    ...was.filter((name) => !now.includes(name)).map((name) => `${quote(name)} removed`),
  ];
  if (!parts.length && JSON.stringify(was) !== JSON.stringify(now)) parts.push("order changed");
  if (parts.length)
    changes.push({ field: "approvers", description: `approvers: ${parts.join(", ")}` });
  for (const field of ["name", "sponsor"] as const) {
    if (before[field] !== after[field]) {
      changes.push({
        field,
        description: `${field} changed from ${quote(before[field])} to ${quote(after[field])}`,
      });
    }
  }
  return changes;
}

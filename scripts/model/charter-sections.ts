import type { Charter } from "../content/schema-types.ts";
import type { MarkdownHeading } from "./markdown.ts";

/** One numbered part of a charter page, in reading order. */
export interface CharterSection {
  /** `prose` sections come from the Markdown body; the others from front matter. */
  kind:
    | "prose"
    | "goals"
    | "benefits"
    | "assumptions"
    | "constraints"
    | "risks"
    | "roles"
    | "stakeholders"
    | "approval";
  /** The id on the site; a printed page puts its own prefix in front. */
  id: string;
  title: string;
  number: number;
}

const structured: {
  kind: CharterSection["kind"];
  id: string;
  title: string;
  present: (c: Charter) => boolean;
}[] = [
  { kind: "goals", id: "goals", title: "Goals", present: (c) => c.goals.length > 0 },
  {
    kind: "benefits",
    id: "benefits",
    title: "Individual and organisational benefits",
    present: (c) => Boolean(c.benefits?.individual?.length || c.benefits?.organisational?.length),
  },
  {
    kind: "assumptions",
    id: "assumptions",
    title: "Assumptions",
    present: (c) => Boolean(c.assumptions?.length),
  },
  {
    kind: "constraints",
    id: "constraints",
    title: "Constraints",
    present: (c) => Boolean(c.constraints?.length),
  },
  {
    kind: "risks",
    id: "risks",
    title: "Risks and mitigations",
    present: (c) => Boolean(c.risks?.length),
  },
  {
    kind: "roles",
    id: "roles",
    title: "Roles and responsibilities",
    present: (c) => c.roles.length > 0,
  },
  {
    kind: "stakeholders",
    id: "stakeholders",
    title: "Stakeholders",
    present: (c) => c.stakeholders.length > 0,
  },
  {
    kind: "approval",
    id: "approval",
    title: "Charter approval",
    present: (c) => Boolean(c.approval_statement),
  },
];

/**
 * The charter's sections in the order of the source documents: the prose sections of the body
 * first, then the parts kept in front matter, numbered 1, 2, 3 throughout. The site and the
 * printed guide both number from this list, so "section 9" is section 9 on paper too.
 */
export function charterSections(
  charter: Charter,
  bodyHeadings: readonly MarkdownHeading[],
): CharterSection[] {
  const prose = bodyHeadings
    .filter((heading) => heading.level === 2)
    .map((heading) => ({ kind: "prose" as const, id: heading.id, title: heading.text }));
  const taken = new Set(prose.map((section) => section.id));
  const rest = structured
    .filter((section) => section.present(charter))
    // A body heading may already use an id such as "goals"; keep ids unique on the page.
    .map(({ kind, id, title }) => ({ kind, id: taken.has(id) ? `charter-${id}` : id, title }));
  return [...prose, ...rest].map((section, i) => ({ ...section, number: i + 1 }));
}

/** The last version that was approved, which the top of the page names even while a draft waits. */
export function lastApproval(charter: Charter): Charter["version_history"][number] | undefined {
  return [...charter.version_history].reverse().find((row) => row.approval_date);
}

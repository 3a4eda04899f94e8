/**
 * A charter and its ground rules as a reader sees them: the numbered sections in order, each as
 * rendered HTML, and the rules one by one. Two versions need a new version number exactly when
 * their views differ, so a reordered key or a reflowed paragraph does not, and two swapped
 * sections or a line break made by two trailing spaces does.
 */
import type { CharterSection } from "../model/charter-sections.ts";
import type { CharterDocument, GroundRulesDocument } from "../model/site-model.ts";

/** One numbered section of the charter page. */
export interface ViewSection {
  /** What makes it the same section in two versions: its heading, or its kind for the sections kept in fields. */
  key: string;
  /** The heading a reader sees, such as Meetings. */
  title: string;
  /** The rendered content: one entry for a prose section, one per item for a list such as the goals. */
  items: string[];
  /** What one item is called, such as goal; absent for a section read as one text. */
  itemNoun?: string;
  /** For a table (risks, roles, stakeholders): its column headings, and each item's cells. */
  columns?: string[];
  cells?: string[][];
}

export interface CharterView {
  title: string;
  reviewBy: string;
  /** The text before the first section. */
  introduction: string;
  sections: ViewSection[];
  /** The sources (footnotes), rendered. */
  sources: string;
}

export interface GroundRulesView {
  title: string;
  introduction: string;
  rules: string[];
  agreement: string;
  sources: string;
}

/**
 * Whitespace a browser collapses is not a change a reader sees: runs of spaces and line breaks
 * become one space, except inside preformatted blocks.
 */
export function normaliseHtml(html: string): string {
  return html
    .split(/(<pre[\s>][\s\S]*?<\/pre>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\s+/g, " ")))
    .join("")
    .trim();
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Splits a rendered body at its h2 headings: the introduction, then one piece per section. */
function splitAtSections(html: string): { introduction: string; sections: string[] } {
  // Raw HTML in Markdown is shown as text, so every "<h2" in the output is a heading of the body.
  // A section's number follows its place, which the comparison reports as a move, not a rewording.
  const unnumbered = html.replace(/<span class="section-number">\d+\.<\/span> /g, "");
  const pieces = unnumbered.split(/(?=<h2[\s>])/);
  const introduction = pieces[0]?.startsWith("<h2") ? "" : (pieces.shift() ?? "");
  return { introduction: normaliseHtml(introduction), sections: pieces.map(normaliseHtml) };
}

const structuredNouns: Partial<Record<CharterSection["kind"], string>> = {
  goals: "goal",
  benefits: "benefit",
  assumptions: "assumption",
  constraints: "constraint",
  risks: "risk",
  roles: "role",
  stakeholders: "stakeholder",
};

/** The charter as its page shows it, the version history and the list of approvers aside. */
export function charterView(charter: CharterDocument): CharterView {
  const { data, markdown } = charter;
  const md = (text: string) => normaliseHtml(markdown.renderValue(text));
  const body = markdown.renderBody();
  const { introduction, sections: prose } = splitAtSections(body.html);
  const seenTitles = new Map<string, number>();
  let proseIndex = 0;
  const sections = charter.sections.map((section): ViewSection => {
    if (section.kind === "prose") {
      const count = (seenTitles.get(section.title) ?? 0) + 1;
      seenTitles.set(section.title, count);
      return {
        key: `section ${section.title}${count > 1 ? ` (${count})` : ""}`,
        title: section.title,
        items: [prose[proseIndex++] ?? ""],
      };
    }
    const table = tableOf(section.kind, charter);
    const items = table
      ? table.cells.map((cells) => cells.join(" | "))
      : ((): string[] => {
          switch (section.kind) {
            case "goals":
              return data.goals.map(md);
            case "benefits":
              return [
                ...(data.benefits?.individual ?? []).map((b) => `For individual members: ${md(b)}`),
                ...(data.benefits?.organisational ?? []).map((b) => `For organisations: ${md(b)}`),
              ];
            case "assumptions":
              return (data.assumptions ?? []).map(md);
            case "constraints":
              return (data.constraints ?? []).map(md);
            default:
              return [
                normaliseHtml(markdown.renderValue(data.approval_statement!, { block: true })),
              ];
          }
        })();
    const itemNoun = structuredNouns[section.kind];
    return {
      key: section.kind,
      title: section.title,
      items,
      ...(itemNoun ? { itemNoun } : {}),
      ...(table ?? {}),
    };
  });
  return {
    title: data.title,
    reviewBy: data.review_by,
    introduction,
    sections,
    sources: normaliseHtml(body.footnotes),
  };
}

/** A section the charter page shows as a table: its column headings and each row's cells, rendered. */
function tableOf(
  kind: CharterSection["kind"],
  { data, markdown }: CharterDocument,
): { columns: string[]; cells: string[][] } | undefined {
  const md = (text: string) => normaliseHtml(markdown.renderValue(text));
  switch (kind) {
    case "risks":
      return {
        columns: ["Risk", "Mitigation"],
        cells: (data.risks ?? []).map((r) => [md(r.risk), md(r.mitigation)]),
      };
    case "roles":
      return {
        columns: ["Role", "Held by", "Responsibilities"],
        cells: data.roles.map((r) => [
          escapeHtml(r.role),
          escapeHtml(r.held_by),
          md(r.responsibilities),
        ]),
      };
    case "stakeholders":
      return {
        columns: ["Stakeholder", "Representatives"],
        cells: data.stakeholders.map((s) => [
          escapeHtml(s.stakeholder),
          s.representatives.map(escapeHtml).join(", "),
        ]),
      };
    default:
      return undefined;
  }
}

/** The ground rules as their page shows them. */
export function groundRulesView(rules: GroundRulesDocument): GroundRulesView {
  const { data, markdown } = rules;
  const body = markdown.renderBody();
  return {
    title: data.title,
    introduction: normaliseHtml(body.html),
    rules: data.rules.map((rule) => normaliseHtml(markdown.renderValue(rule))),
    agreement: normaliseHtml(markdown.renderValue(data.agreement, { block: true })),
    sources: normaliseHtml(body.footnotes),
  };
}

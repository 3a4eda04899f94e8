/**
 * Synthetic content for the benchmark: a national office with many regional
 * communities, each with its index, charter (with a version history) and ground
 * rules, plus one shared guide, templates and the four single pages. The text
 * is recombined from sentence banks so page lengths match the example content
 * (a charter is about 8 to 14 KB, a chapter 4 to 8 KB), and every file passes
 * `validateContent`. The same seed always gives the same bytes.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";

/** How many files of each kind make up a corpus of `pages` Markdown pages. */
export interface CorpusPlan {
  pages: number;
  communities: number;
  chapters: number;
  templates: number;
  /** topics.md, roadmap.md, phases.md and principles.md. */
  singles: number;
}

/** What `generateCorpus` wrote. */
export interface CorpusSummary extends CorpusPlan {
  contentDir: string;
  bytes: number;
  /** Slugs of the communities, in the order written. */
  communitySlugs: string[];
}

const singles = ["topics", "roadmap", "phases", "principles"] as const;

/**
 * Splits a page count into files. The guide and templates are shared by every
 * community, so they stay small while communities grow with the corpus: a
 * national office publishes more regional communities, not a longer guide.
 * Every community's print page holds the whole guide, so a guide that grew
 * with the corpus would make the site quadratic by construction.
 */
export function planCorpus(pages: number): CorpusPlan {
  if (!Number.isInteger(pages) || pages < 20) {
    throw new RangeError(`A corpus needs at least 20 pages, not ${pages}.`);
  }
  const templates = Math.min(8, Math.max(3, Math.round(pages / 100)));
  const baseChapters = Math.min(20, Math.max(7, Math.round(pages / 50)));
  const communities = Math.floor((pages - singles.length - baseChapters - templates) / 3);
  const chapters = pages - singles.length - templates - communities * 3;
  return { pages, communities, chapters, templates, singles: singles.length };
}

/** Writes a corpus of `pages` pages into `contentDir`, replacing whatever was there. */
export async function generateCorpus(options: {
  contentDir: string;
  /** A page count, split by planCorpus(), or an exact plan (the PDF benchmark asks for one community with a long guide). */
  pages: number | Omit<CorpusPlan, "pages" | "singles">;
  /** @default 1 */
  seed?: number;
}): Promise<CorpusSummary> {
  const plan =
    typeof options.pages === "number"
      ? planCorpus(options.pages)
      : {
          ...options.pages,
          singles: singles.length,
          pages:
            options.pages.communities * 3 +
            options.pages.chapters +
            options.pages.templates +
            singles.length,
        };
  const random = new Random(options.seed ?? 1);
  const files = new Map<string, string>();

  const templateSlugs = range(plan.templates).map((i) => templateSlug(i));
  files.set("site.yaml", siteYaml());
  templateSlugs.forEach((slug, i) => files.set(`templates/${slug}.md`, template(random, i)));
  for (let order = 1; order <= plan.chapters; order++) {
    files.set(`guide/${chapterSlug(order)}.md`, chapter(random, order, templateSlugs));
  }
  files.set("topics.md", topics(random));
  files.set("roadmap.md", roadmap());
  files.set("phases.md", phases(random));
  files.set("principles.md", principles(random));

  const communitySlugs: string[] = [];
  for (let i = 0; i < plan.communities; i++) {
    const community = makeCommunity(random, i);
    communitySlugs.push(community.slug);
    const dir = `communities/${community.slug}`;
    files.set(`${dir}/index.md`, communityIndex(random, community));
    files.set(`${dir}/charter.md`, charter(random, community));
    files.set(`${dir}/ground-rules.md`, groundRules(random, community));
  }

  await rm(options.contentDir, { recursive: true, force: true });
  const dirs = new Set([...files.keys()].map((file) => path.dirname(file)));
  for (const dir of dirs) await mkdir(path.join(options.contentDir, dir), { recursive: true });
  let bytes = 0;
  for (const [file, text] of files) {
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(options.contentDir, file), text);
  }
  return { ...plan, contentDir: options.contentDir, bytes, communitySlugs };
}

/** Deterministic pseudo-random numbers (mulberry32), so a corpus is the same on every run. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `count` different items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length) {
      chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return chosen;
  }
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

// --- Text ---------------------------------------------------------------------------------------

interface Community {
  slug: string;
  name: string;
  shortName: string;
  place: string;
  profession: string;
  approvers: string[];
  status: "pilot" | "active" | "retired";
}

const placeStarts = [
  "Ard",
  "Bally",
  "Carrow",
  "Dun",
  "Ennis",
  "Glen",
  "Kil",
  "Lis",
  "Moy",
  "Rath",
  "Strath",
  "Tull",
  "Ash",
  "Brad",
  "Cole",
  "Hol",
  "Mar",
  "Nor",
  "Pen",
  "Wel",
];
const placeEnds = [
  "more",
  "ford",
  "bridge",
  "field",
  "haven",
  "ton",
  "wick",
  "dale",
  "mere",
  "brook",
  "caster",
  "combe",
  "ley",
  "worth",
  "bury",
  "gate",
];
const professions = [
  "mental health nursing",
  "occupational therapy",
  "peer support work",
  "clinical psychology",
  "social work",
  "community pharmacy",
  "paramedic practice",
  "speech and language therapy",
  "recovery education",
  "family support",
  "housing support",
  "youth mental health",
];
const roles = [
  "Member support",
  "Community coordinators",
  "Evaluation coordinator",
  "Critical friend",
  "Peer moderators",
  "Event facilitators",
  "Information resource administrators",
  "Regional lead",
];
const approverPool = [
  "Steering group",
  "Member email network",
  "Regional leadership team",
  "National office",
  "Clinical governance committee",
  "Service user forum",
];

const sentences = [
  "Members bring questions from their own services and leave with ideas they can try the following week.",
  "The community meets online every six weeks, with a shorter informal catch-up in between for anyone who wants it.",
  "Each session opens with a round of introductions, so that new members hear who is in the room before the lead topic begins.",
  "Peer workers, nurses, therapists and managers take part as equals, and the facilitator makes sure that no single voice dominates.",
  "Between meetings, members share resources on the community platform and answer each other's questions there.",
  "The steering group reviews the community's progress every quarter against the goals in its charter.",
  "Evaluation data is gathered through short surveys after each event and a longer review at the end of the year.",
  "Where a topic needs specialist knowledge, the group invites a guest speaker and records the session for those who could not attend.",
  "Confidentiality matters: members anonymise case material before they share it, and nothing said in a session is repeated outside it without permission.",
  "Reflective practice is at the heart of every meeting, because learning from experience is what the community exists to support.",
  "The group agrees its lead topic one session ahead, which gives members time to prepare and to bring examples.",
  "Regional communities share what they learn with the national office, which gathers common themes into guidance for everyone.",
  "New members are paired with someone who has been part of the community for a while, so they can ask questions informally.",
  "A short written summary of each session is circulated within a week, with actions, owners and dates.",
  "The charter is reviewed at least once a year, and sooner if the community's purpose or membership changes.",
  "Recovery-oriented practice means listening to people with lived experience and letting their priorities shape the work.",
  "When members disagree, they focus on ideas and evidence rather than on each other, and look for a way forward together.",
  "The community keeps its costs low by meeting online and by sharing the work of organising events among its members.",
  "Leaders and decision makers are welcome to join, to learn and to carry members' concerns back to the bodies they sit on.",
  "Practice examples are most useful when they include what went wrong as well as what went right.",
  "Members set their own learning goals at the start of the year and revisit them at the annual review.",
  "Attendance varies through the year, so the community plans its most important discussions for the months when most people can join.",
  "Local services differ, and the community values that variety as a source of ideas rather than a problem to be solved.",
  "The facilitator closes each session by asking what members will do differently as a result of the discussion.",
  "Documents the community produces are stored in one shared place, with a clear owner and a date for review.",
  "Information governance rules apply to everything shared on the platform, and moderators remove anything that breaks them.",
  "Funding for the community's events comes from the regional training budget and is agreed each financial year.",
  "Short case presentations help members connect theory to the realities of busy services.",
  "The community works alongside existing clinical supervision and does not replace it.",
  "Feedback from members has shaped the format of meetings, the choice of topics and the length of each session.",
  "A small core group of volunteers plans the programme, books speakers and keeps the platform tidy.",
  "Members are encouraged to take turns leading a session, which builds confidence and shares the load.",
  "The community tracks a handful of simple measures: attendance, new members, resources shared and actions completed.",
  "Partnerships with universities give members access to research and give researchers access to practice questions.",
  "Accessible formats are offered for every document, and members can ask for reasonable adjustments at any time.",
  "The annual review looks at what the community achieved, what it should stop doing and what it should try next.",
];

const headingsForCharter = [
  "Purpose of this charter",
  "Community overview",
  "Why the community is needed",
  "Mission and scope",
  "Community norms",
  "Ways of working",
  "Communication",
  "Membership",
  "Measuring success",
  "Review and renewal",
];

const chapterTitles = [
  "What a community of practice is",
  "The five functions",
  "Reflective practice",
  "Getting started",
  "Support from the national office",
  "Structure and meetings",
  "Creating a vision",
  "Choosing topics",
  "Running a first meeting",
  "Facilitation",
  "Keeping members involved",
  "Working online",
  "Evaluating your community",
  "Sharing what you learn",
  "Sustaining a community",
  "Working with partners",
  "Lived experience",
  "Governance",
  "Handing over leadership",
  "Closing a community well",
];

const templateTitles = [
  "Terms of Reference",
  "Support document",
  "Review your community",
  "Session plan",
  "Action log",
  "Member registration",
  "Event feedback",
  "Annual review",
];

function paragraph(random: Random, community?: Community): string {
  const chosen = random.sample(sentences, random.int(3, 6));
  if (community && random.next() < 0.5) {
    chosen.push(
      `In ${community.place}, members from ${community.profession} have made this part of how the ${community.shortName} works.`,
    );
  }
  return wrap(chosen.join(" "));
}

/** Wraps prose at about 100 characters, as editors write it. */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

function bulletList(random: Random, count: number): string {
  return random
    .sample(sentences, count)
    .map((s) => `- ${s.charAt(0).toLowerCase()}${s.slice(1, -1)};`)
    .join("\n");
}

function section(
  random: Random,
  heading: string,
  paragraphs: number,
  community?: Community,
): string {
  const parts = [`## ${heading}`];
  for (let i = 0; i < paragraphs; i++) parts.push(paragraph(random, community));
  if (random.next() < 0.4) parts.push(bulletList(random, random.int(3, 5)));
  return parts.join("\n\n");
}

function frontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.trim()}\n`;
}

const isoDate = (day: number) =>
  new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

// --- Files --------------------------------------------------------------------------------------

const templateSlug = (i: number) => {
  const base = templateTitles[i % templateTitles.length]!.toLowerCase().replace(/[^a-z]+/g, "-");
  return i < templateTitles.length ? base : `${base}-${Math.floor(i / templateTitles.length) + 1}`;
};
const chapterSlug = (order: number) => {
  const base = chapterTitles[(order - 1) % chapterTitles.length]!.toLowerCase().replace(
    /[^a-z]+/g,
    "-",
  );
  return `${String(order).padStart(2, "0")}-${base}`;
};

function makeCommunity(random: Random, i: number): Community {
  const place = `${random.pick(placeStarts)}${random.pick(placeEnds)}`;
  const profession = random.pick(professions);
  const slug = `${place.toLowerCase()}-${i + 1}`;
  return {
    slug,
    place,
    profession,
    name: `${place} ${profession.replace(/^./, (c) => c.toUpperCase())} Community of Practice`,
    shortName: `${place.slice(0, 12).toUpperCase()}COP${i + 1}`.slice(0, 24),
    approvers: random.sample(approverPool, random.int(1, 3)),
    status: random.next() < 0.7 ? "active" : random.next() < 0.8 ? "pilot" : "retired",
  };
}

function siteYaml(): string {
  return stringify({
    title: "Communities of Practice Guide (benchmark)",
    description: "Synthetic content generated by npm run bench.",
    organisation: {
      name: "National Office of Engagement and Recovery",
      short_name: "NOER",
      url: "https://www.example.org/",
    },
    contact: { role: "Communities of practice team", email: "communities@example.org" },
    locale: "en-GB",
    date_style: "long",
    paper_size: "A4",
    accessibility: {
      compliance: "partial",
      known_issues: ["The roadmap grid needs sideways scrolling on small screens."],
      prepared_on: "2026-03-02",
      reviewed_on: "2026-10-14",
      feedback_contact: { role: "Accessibility feedback", email: "accessibility@example.org" },
      enforcement:
        "The Equality and Human Rights Commission enforces the accessibility regulations.",
    },
  });
}

function communityIndex(random: Random, c: Community): string {
  const data = {
    name: c.name,
    short_name: c.shortName,
    summary: `A regional community in ${c.place} where people working in ${c.profession} learn with and from each other.`,
    sponsor: `${c.place} regional leadership team`,
    status: c.status,
    region: c.place,
    started_on: isoDate(random.int(0, 900)),
    approvers: c.approvers,
    contacts: random.sample(roles, random.int(1, 3)).map((role, i) => ({
      role,
      email: `${c.slug}-${i + 1}@example.org`,
    })),
  };
  return frontMatter(
    data,
    [paragraph(random, c), paragraph(random, c), paragraph(random, c)].join("\n\n"),
  );
}

function charter(random: Random, c: Community): string {
  const rows = random.int(2, 8);
  let day = random.int(0, 600);
  const draft = random.next() < 0.3;
  const history = range(rows).map((i) => {
    day += random.int(3, 60);
    const revisionDate = isoDate(day);
    const last = i === rows - 1;
    const row: Record<string, string> = {
      version: `0.${i + 1}`,
      implemented_by: random.pick(roles),
      revision_date: revisionDate,
      approver: random.pick(c.approvers),
    };
    if (!(last && draft)) {
      day += random.int(0, 30);
      row.approval_date = isoDate(day);
    }
    row.reason = random.pick(sentences);
    return row;
  });
  const data = {
    title: "Community Charter",
    version: history.at(-1)!.version,
    status: draft ? "draft" : "approved",
    review_by: isoDate(day + 365),
    version_history: history,
    goals: random.sample(sentences, random.int(3, 6)),
    benefits: {
      individual: random.sample(sentences, random.int(3, 7)),
      organisational: random.sample(sentences, random.int(3, 6)),
    },
    assumptions: random.sample(sentences, random.int(2, 4)),
    constraints: random.sample(sentences, random.int(2, 4)),
    risks: range(random.int(3, 5)).map(() => ({
      risk: random.pick(sentences),
      mitigation: paragraph(random, c).replace(/\n/g, " "),
    })),
    roles: random.sample(roles, random.int(4, 8)).map((role) => ({
      role,
      held_by: random.pick([
        "Steering group member",
        "Volunteer members",
        "Regional lead",
        "Outsourced events provider",
      ]),
      responsibilities: random.sample(sentences, 2).join(" "),
    })),
    stakeholders: random
      .sample(
        [
          "Members",
          "Public (including taxpayers)",
          "National office",
          "Regional services",
          "Universities",
        ],
        random.int(2, 4),
      )
      .map((stakeholder) => ({
        stakeholder,
        representatives: random.sample(roles, random.int(1, 2)),
      })),
    approval_statement: `This charter was written with the ${c.shortName} and approved by ${c.approvers.join(" and ")}. Changes are agreed with members first.`,
  };
  const sections = random
    .sample(headingsForCharter, random.int(6, 9))
    .map((h) => section(random, h, random.int(1, 3), c));
  const note = "[^1]";
  sections[0] = sections[0]!.replace(/\.(\n|$)/, `.${note}$1`);
  sections.push(
    `${note}: Wenger, E. (1998) Communities of practice: learning, meaning and identity.`,
  );
  return frontMatter(data, sections.join("\n\n"));
}

function groundRules(random: Random, c: Community): string {
  const data = {
    title: "Ground rules for members",
    rules: random.sample(sentences, random.int(8, 14)),
    agreement: `By registering with the ${c.shortName}, I agree to keep to these ground rules.`,
  };
  return frontMatter(data, paragraph(random, c));
}

function chapter(random: Random, order: number, templateSlugs: string[]): string {
  const title = chapterTitles[(order - 1) % chapterTitles.length]!;
  const data: Record<string, unknown> = {
    title:
      order > chapterTitles.length
        ? `${title} (part ${Math.ceil(order / chapterTitles.length)})`
        : title,
    order,
    summary: random.pick(sentences),
  };
  if (random.next() < 0.4) {
    const count = random.int(3, 6);
    data.steps = {
      title: `${title}: the steps`,
      cyclical: random.next() < 0.5,
      items: range(count).map((i) => ({
        name: `Step ${i + 1}`,
        description: random.pick(sentences),
      })),
    };
  }
  if (random.next() < 0.5) data.related_templates = random.sample(templateSlugs, random.int(1, 2));
  const body = range(random.int(4, 7)).map((i) =>
    section(random, `${title}, part ${i + 1}`, random.int(2, 3)),
  );
  body[0] = body[0]!.replace(/\.(\n|$)/, ".[^1]$1");
  body.push(
    "[^1]: Wenger, E., McDermott, R. and Snyder, W. (2002) Cultivating communities of practice.",
  );
  return frontMatter(data, body.join("\n\n"));
}

function template(random: Random, i: number): string {
  const title = templateTitles[i % templateTitles.length]!;
  const blocks: Record<string, unknown>[] = [
    { type: "heading", text: "1.0 Aim or purpose" },
    { type: "text", text: random.pick(sentences) },
    { type: "field", label: "Name of group", lines: 1 },
    {
      type: "field",
      label: "Purpose",
      hint: "Describe what the group is for.",
      lines: random.int(3, 8),
    },
    { type: "heading", text: "2.0 Members", level: 3 },
    {
      type: "table",
      caption: "Members of the group",
      columns: ["Name", "Title or role", "Organisation"],
      rows: random.int(6, 15),
    },
    { type: "checklist", label: "Before the first meeting", items: random.sample(sentences, 4) },
    {
      type: "scale",
      label: "Rate how your community works in each area.",
      options: ["Not at all", "Partially", "To a greater extent", "Consistently"],
      items: random.sample(sentences, 5),
    },
    { type: "date", label: "Date of approval" },
    { type: "signature", label: "Approved by", signatories: random.int(1, 3) },
  ];
  return frontMatter(
    { title, summary: random.pick(sentences), blocks },
    [paragraph(random), paragraph(random)].join("\n\n"),
  );
}

function topics(random: Random): string {
  const tags = ["peer-work", "supervision", "recovery", "evaluation", "leadership", "wellbeing"];
  const data = {
    title: "Session topics",
    topics: range(24).map((i) => ({
      title: `${chapterTitles[i % chapterTitles.length]} in practice`,
      description: random.pick(sentences),
      tags: random.sample(tags, random.int(1, 3)),
    })),
  };
  return frontMatter(data, paragraph(random));
}

function roadmap(): string {
  const periods = [
    "Month 1",
    "Month 2",
    "Month 3",
    "Month 4",
    "Month 5",
    "Month 6",
    "Months 7 to 9",
    "Months 10 to 12",
  ];
  const areaNames = [
    "Leadership",
    "Convening",
    "Membership",
    "Learning",
    "Resources",
    "Communication",
    "Evaluation",
    "Sustainability",
  ];
  const data = {
    title: "Roadmap for communities of practice",
    periods,
    extra_columns: ["Who is responsible?", "What resources are needed?"],
    areas: areaNames.map((name, a) => ({
      number: a + 1,
      name,
      dimensions: range(3).map((d) => ({
        name: `${name} dimension ${d + 1}`,
        question: `How does your community develop its ${name.toLowerCase()}?`,
        codes: periods.map(
          (_, p) => `${a + 1}.${String(d * periods.length + p + 1).padStart(2, "0")}`,
        ),
      })),
    })),
    horizons: [
      {
        name: "Short-term actions",
        span: "1 to 3 months",
        first_period: 1,
        last_period: 3,
        description: "Set up the core group.",
      },
      {
        name: "Medium-term actions",
        span: "4 to 6 months",
        first_period: 4,
        last_period: 6,
        description: "Grow the membership.",
      },
      {
        name: "Long-term actions",
        span: "7 to 12 months",
        first_period: 7,
        last_period: 8,
        description: "Review and renew.",
      },
    ],
  };
  return frontMatter(data, "The roadmap sets out what a community works on over its first year.");
}

function phases(random: Random): string {
  const names = ["Define", "Design", "Grow", "Perform", "Transform"];
  const data = {
    title: "The five phases of a community of practice",
    cyclical_note:
      "The phases form a cycle rather than a line: a community may skip or repeat a phase.",
    phases: names.map((name) => ({
      name,
      title: `${name} your community`,
      summary: random.pick(sentences),
      questions: random.sample(sentences, 3).map((s) => `${s.slice(0, -1)}?`),
    })),
  };
  return frontMatter(data, paragraph(random));
}

function principles(random: Random): string {
  const names = ["Person-led", "Respect", "Inclusion", "Openness", "Partnership", "Learning"];
  const data = {
    title: "Engagement principles",
    principles: names.map((name) => ({ name, description: random.pick(sentences) })),
  };
  return frontMatter(data, paragraph(random));
}

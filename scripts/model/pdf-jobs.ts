import type { Site } from "../content/schema-types.ts";
import { charterStanding, footerStanding } from "./charter-standing.ts";
import {
  charterPdfFile,
  groundRulesPdfFile,
  guidePdfFile,
  printCharterPath,
  printGroundRulesPath,
  printGuidePath,
  printTemplatePath,
  templatePdfFile,
  type CommunityDocument,
  type PdfJob,
  type TemplateDocument,
} from "./site-model.ts";

/** What every job of one build shares. */
interface JobContext {
  site: Site;
  /** YYYY-MM-DD */
  today: string;
}

const common = ({ site, today }: JobContext) => ({
  author: site.organisation.name,
  language: site.locale,
  paperSize: site.paper_size,
  printedOn: today,
});

/** The charter's state for a subject line: "approved", "draft" or "approved, review overdue". */
function charterParts(community: CommunityDocument, today: string) {
  const charter = community.charter!;
  const standing = charterStanding(charter.data, today);
  return { charter, standing, footer: footerStanding(charter.data, standing) };
}

/** The PDF of a community's guide: its charter, ground rules, the chapters and the templates. */
export function guideJob(community: CommunityDocument, context: JobContext): PdfJob {
  const { charter, footer } = charterParts(community, context.today);
  return {
    ...common(context),
    kind: "guide",
    file: guidePdfFile(community.slug),
    urlPath: printGuidePath(community.slug),
    title: `${community.title}: guide and charter`,
    subject: `The guide, charter (${footer.toLowerCase()}), ground rules and templates of the ${community.title}.`,
    keywords: ["community of practice", "guide"],
    footer,
    // The chapters, appendices and blank forms are every community's: they say whose guide it is.
    sharedFooter: context.site.organisation.name,
    draft: charter.draft,
  };
}

/** The PDF of a community's charter alone: its cover, with the status and approvals, and the charter. */
export function charterJob(community: CommunityDocument, context: JobContext): PdfJob {
  const { charter, footer } = charterParts(community, context.today);
  return {
    ...common(context),
    kind: "charter",
    file: charterPdfFile(community.slug),
    urlPath: printCharterPath(community.slug),
    title: `${community.title}: ${charter.title}`,
    subject: `The charter of the ${community.title}, ${footer.toLowerCase()}, with its version history and approvals.`,
    keywords: ["community of practice", "charter"],
    footer,
    draft: charter.draft,
  };
}

/** The ground rules on one page in large type, for the chair to read out at the start of a session. */
export function groundRulesJob(community: CommunityDocument, context: JobContext): PdfJob {
  const { charter, footer } = charterParts(community, context.today);
  const rules = community.groundRules!;
  return {
    ...common(context),
    kind: "ground-rules",
    file: groundRulesPdfFile(community.slug),
    urlPath: printGroundRulesPath(community.slug),
    title: `${community.title}: ${rules.title}`,
    subject: `The ground rules of the ${community.title} on one page, for the chair to read out.`,
    keywords: ["community of practice", "ground rules"],
    footer: `Charter ${footer.charAt(0).toLowerCase()}${footer.slice(1)}`,
    draft: charter.draft,
    maxPages: 1,
  };
}

/** The PDF of one template, printed blank for filling in by hand. */
export function templateJob(template: TemplateDocument, context: JobContext): PdfJob {
  return {
    ...common(context),
    kind: "template",
    file: templatePdfFile(template.slug),
    urlPath: printTemplatePath(template.slug),
    title: `${template.title} (template)`,
    subject: template.data.summary,
    keywords: ["community of practice", "template"],
    footer: context.site.organisation.name,
    draft: false,
  };
}

/**
 * Every PDF a build prints: per community with a charter its guide, its charter and its ground
 * rules; then each template.
 * @param today YYYY-MM-DD, the day the covers state the charters' standing on (SiteModel.today)
 */
export function pdfJobs(
  communities: readonly CommunityDocument[],
  templates: readonly TemplateDocument[],
  site: Site,
  today: string,
): PdfJob[] {
  const context = { site, today };
  return [
    ...communities
      .filter((community) => community.charter)
      .flatMap((community) => [
        guideJob(community, context),
        charterJob(community, context),
        ...(community.groundRules ? [groundRulesJob(community, context)] : []),
      ]),
    ...templates.map((template) => templateJob(template, context)),
  ];
}

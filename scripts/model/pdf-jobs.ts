import type { Site } from "../content/schema-types.ts";
import { charterStanding } from "./charter-standing.ts";
import { formatDate } from "./format-date.ts";
import { liveAddress } from "./live-address.ts";
import { qrCodeSvg } from "./qr-code.ts";
import {
  charterPdfFile,
  draftGuidePdfFile,
  examplePdfFile,
  groundRulesPdfFile,
  guidePdfFile,
  printCharterPath,
  printExamplePath,
  printGroundRulesPath,
  printGuidePath,
  printPublicationPath,
  printTemplatePath,
  printVersionPath,
  publicationPdfFile,
  supersededPdfFile,
  templatePdfFile,
  type CharterVersion,
  type CommunityDocument,
  type ExampleDocument,
  type PdfJob,
  type Provenance,
  type PublicationDocument,
  type TemplateDocument,
} from "./site-model.ts";

/** What every PDF of one build shares: the site's settings and the day it is printed. */
export interface PrintRun {
  site: Site;
  /** Today in the site's time zone, YYYY-MM-DD (SiteModel.today): the date printed on every copy. */
  today: string;
}

const show = (run: PrintRun, iso: string) => formatDate(iso, run.site.locale, run.site.date_style);

const common = ({ site, today }: PrintRun) => ({
  author: site.organisation.name,
  language: site.locale,
  paperSize: site.paper_size,
  printedOn: today,
});

/** The cover's provenance of one version: its approval or proposal, review date and date printed. */
export function provenanceOf(version: CharterVersion, run: PrintRun): Provenance {
  const { row } = version;
  const reviewBy = version.charter.data.review_by;
  // Overdue as the site's pages and `npm run check` count it: a draft is not yet in force.
  const standing = charterStanding(version.charter.data, run.today);
  return {
    version: row.version,
    status: row.approval_date
      ? `Approved on ${show(run, row.approval_date)} by ${row.approver}`
      : `Draft, proposed by ${row.implemented_by} on ${show(run, row.revision_date)} for approval by ${row.approver}`,
    ...(version.supersededBy
      ? {
          superseded: `Superseded by ${version.supersededBy.version} on ${show(run, version.supersededBy.approval_date!)}`,
        }
      : {}),
    reviewBy: show(run, reviewBy),
    // A later version replaced this one: its review date no longer applies.
    reviewOverdue: !version.supersededBy && standing.reviewOverdueSince !== undefined,
    printedOn: show(run, run.today),
  };
}

/** The two lines at the foot of every page: the version and its approval, then review and print date. */
function provenanceFooter(provenance: Provenance): string {
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  const first = `Version ${provenance.version}, ${lower(provenance.status)}${
    provenance.superseded ? `; ${lower(provenance.superseded)}` : ""
  }`;
  // The page's address is on the cover, by its QR code: a long address would crowd the footer.
  const second = [
    `Review by ${provenance.reviewBy}${provenance.reviewOverdue ? " (overdue)" : ""}`,
    `Printed ${provenance.printedOn}`,
  ].join(" · ");
  return `${first}\n${second}`;
}

/** Provenance fields of a job for one version: cover lines, footer, address and its QR code. */
function versionProvenance(
  version: CharterVersion,
  run: PrintRun,
): Pick<PdfJob, "edition" | "provenance" | "footer" | "liveUrl" | "qrCode" | "draft"> {
  const provenance = provenanceOf(version, run);
  const liveUrl = liveAddress(run.site, version.url);
  return {
    edition: version,
    provenance,
    footer: provenanceFooter(provenance),
    draft: version.draft,
    ...(liveUrl
      ? {
          liveUrl,
          qrCode: qrCodeSvg(liveUrl, `QR code of the address of this version: ${liveUrl}`),
        }
      : {}),
  };
}

/** "version 0.4, approved", "version 0.5, draft" or "version 0.4, approved, review overdue". */
function versionState(version: CharterVersion, run: PrintRun): string {
  const overdue = provenanceOf(version, run).reviewOverdue ? ", review overdue" : "";
  return `version ${version.version}, ${version.draft ? "draft" : `approved${overdue}`}`;
}

/**
 * The version a community's guide, charter PDF and ground-rules PDF print: the version in force,
 * or while no approved text is kept, the draft.
 */
const printedVersion = (community: CommunityDocument): CharterVersion => {
  const charter = community.charter!;
  return charter.inForce ?? charter.pendingDraft ?? charter.versions.at(-1)!;
};

/** The PDF of a community's guide: its charter, ground rules, the chapters and the templates. */
export function guideJob(community: CommunityDocument, run: PrintRun): PdfJob {
  const version = printedVersion(community);
  return {
    ...common(run),
    kind: "guide",
    file: guidePdfFile(community.slug),
    urlPath: printGuidePath(community.slug),
    title: `${community.title}: guide and charter`,
    subject: `The guide, charter (${versionState(version, run)}), ground rules and templates of the ${community.title}.`,
    keywords: ["community of practice", "guide"],
    // The chapters, appendices and blank forms are every community's: they say whose guide it is.
    sharedFooter: run.site.organisation.name,
    ...versionProvenance(version, run),
  };
}

/** The PDF of a draft's guide, printed beside the guide in force, with what the draft changes. */
export function draftGuideJob(draft: CharterVersion, run: PrintRun): PdfJob {
  const community = draft.community;
  return {
    ...common(run),
    kind: "guide",
    file: draftGuidePdfFile(community.slug, draft.version),
    urlPath: printVersionPath(community.slug, draft.version),
    title: `${community.title}: guide and proposed charter ${draft.version}`,
    subject: `The guide, the proposed charter (version ${draft.version}, draft, with what it changes), ground rules and templates of the ${community.title}.`,
    keywords: ["community of practice", "guide", "draft"],
    sharedFooter: run.site.organisation.name,
    ...versionProvenance(draft, run),
  };
}

/** The PDF of a community's charter alone: its cover, with its provenance, and the charter. */
export function charterJob(community: CommunityDocument, run: PrintRun): PdfJob {
  const version = printedVersion(community);
  return {
    ...common(run),
    kind: "charter",
    file: charterPdfFile(community.slug),
    urlPath: printCharterPath(community.slug),
    title: `${community.title}: ${version.charter.title}`,
    subject: `The charter of the ${community.title}, ${versionState(version, run)}, with its version history and approvals.`,
    keywords: ["community of practice", "charter"],
    ...versionProvenance(version, run),
  };
}

/** The ground rules on one page in large type, for the chair to read out at the start of a session. */
export function groundRulesJob(community: CommunityDocument, run: PrintRun): PdfJob {
  const version = printedVersion(community);
  const { footer, ...provenance } = versionProvenance(version, run);
  return {
    ...common(run),
    kind: "ground-rules",
    file: groundRulesPdfFile(community.slug),
    urlPath: printGroundRulesPath(community.slug),
    title: `${community.title}: ${version.groundRules.title}`,
    subject: `The ground rules of the ${community.title} on one page, for the chair to read out.`,
    keywords: ["community of practice", "ground rules"],
    footer: `Agreed with charter ${footer.charAt(0).toLowerCase()}${footer.slice(1)}`,
    ...provenance,
    maxPages: 1,
  };
}

/** The PDF of an earlier version's charter and ground rules, marked SUPERSEDED on every page. */
export function supersededJob(version: CharterVersion, run: PrintRun): PdfJob {
  const community = version.community;
  return {
    ...common(run),
    kind: "charter-version",
    file: supersededPdfFile(community.slug, version.version),
    urlPath: printVersionPath(community.slug, version.version),
    title: `${community.title}: charter version ${version.version} (superseded)`,
    subject: `Version ${version.version} of the charter and ground rules of the ${community.title}, approved and since superseded; kept for the record.`,
    keywords: ["community of practice", "charter", "superseded"],
    superseded: true,
    ...versionProvenance(version, run),
  };
}

/**
 * Every PDF of a community: the guide, its charter alone and its ground rules on one page; the
 * draft's guide beside them while a draft waits and a version is in force; and the charter of
 * each earlier version. Each version points at its PDF.
 */
export function communityJobs(community: CommunityDocument, run: PrintRun): PdfJob[] {
  const charter = community.charter!;
  const guide = guideJob(community, run);
  guide.edition!.pdf = guide;
  const jobs = [guide, charterJob(community, run), groundRulesJob(community, run)];
  const draft = charter.pendingDraft;
  if (draft && guide.edition !== draft) {
    draft.pdf = draftGuideJob(draft, run);
    jobs.push(draft.pdf);
  }
  for (const version of charter.versions.filter((v) => v.state === "superseded")) {
    version.pdf = supersededJob(version, run);
    jobs.push(version.pdf);
  }
  return jobs;
}

/** The PDF of one template, printed blank for filling in by hand or in a PDF reader. */
export function templateJob(template: TemplateDocument, run: PrintRun): PdfJob {
  const liveUrl = liveAddress(run.site, template.url);
  return {
    ...common(run),
    kind: "template",
    file: templatePdfFile(template.slug),
    urlPath: printTemplatePath(template.slug),
    title: `${template.title} (template)`,
    subject: template.data.summary,
    keywords: ["community of practice", "template"],
    footer: `${run.site.organisation.name}\nPrinted ${show(run, run.today)}${liveUrl ? ` · ${liveUrl}` : ""}`,
    draft: false,
    formFields: true,
    ...(liveUrl ? { liveUrl } : {}),
  };
}

/**
 * The PDF of a publication, such as a toolkit: its cover, contents and parts in their groups.
 * It belongs to no community, so no community's draft status marks it.
 */
export function publicationJob(publication: PublicationDocument, run: PrintRun): PdfJob {
  return {
    ...common(run),
    kind: "publication",
    file: publicationPdfFile(publication.slug),
    urlPath: printPublicationPath(publication.slug),
    title: publication.title,
    subject: publication.data.summary,
    keywords: ["community of practice", publication.kind],
    footer: `${run.site.organisation.name}\nPrinted ${show(run, run.today)}`,
    draft: false,
  };
}

/** The PDF of a completed example: the template's form, filled in. */
export function exampleJob(example: ExampleDocument, run: PrintRun): PdfJob {
  return {
    ...common(run),
    kind: "example",
    file: examplePdfFile(example.slug),
    urlPath: printExamplePath(example.slug),
    title: `${example.title} (completed example)`,
    subject: example.data.summary,
    keywords: ["community of practice", "completed example", example.template.title],
    footer: `Completed example of ${example.template.title}`,
    draft: false,
  };
}

/** What the build prints PDFs of. */
interface PrintedDocuments {
  communities: readonly CommunityDocument[];
  templates: readonly TemplateDocument[];
  examples: readonly ExampleDocument[];
  publications: readonly PublicationDocument[];
}

/**
 * Every PDF a build prints: per community with a charter and ground rules, its PDFs
 * ({@link communityJobs}); then each template, completed example and publication.
 */
export function pdfJobs(documents: PrintedDocuments, run: PrintRun): PdfJob[] {
  return [
    ...documents.communities
      .filter((community) => community.charter && community.groundRules)
      .flatMap((community) => communityJobs(community, run)),
    ...documents.templates.map((template) => templateJob(template, run)),
    ...documents.examples.map((example) => exampleJob(example, run)),
    ...documents.publications.map((publication) => publicationJob(publication, run)),
  ];
}

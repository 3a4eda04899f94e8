import type { Site } from "../content/schema-types.ts";
import { formatDate } from "./format-date.ts";
import { liveAddress } from "./live-address.ts";
import { qrCodeSvg } from "./qr-code.ts";
import {
  guidePdfFile,
  printGuidePath,
  printTemplatePath,
  printVersionPath,
  supersededPdfFile,
  draftGuidePdfFile,
  templatePdfFile,
  type CharterVersion,
  type CommunityDocument,
  type PdfJob,
  type Provenance,
  type TemplateDocument,
} from "./site-model.ts";

/** What every PDF of one build shares: the site's settings and the day it is printed. */
export interface PrintRun {
  site: Site;
  /** Today in the site's time zone, YYYY-MM-DD: the date printed on every copy. */
  today: string;
}

const show = (run: PrintRun, iso: string) => formatDate(iso, run.site.locale, run.site.date_style);

/** The cover's provenance of one version: its approval or proposal, review date and date printed. */
export function provenanceOf(version: CharterVersion, run: PrintRun): Provenance {
  const { row } = version;
  const reviewBy = version.charter.data.review_by;
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
    reviewOverdue: reviewBy < run.today,
    printedOn: show(run, run.today),
  };
}

/** The two lines at the foot of every page: the version and its approval, then review, print date and address. */
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
): Pick<PdfJob, "edition" | "provenance" | "footer" | "liveUrl" | "qrCode"> {
  const provenance = provenanceOf(version, run);
  const liveUrl = liveAddress(run.site, version.url);
  return {
    edition: version,
    provenance,
    footer: provenanceFooter(provenance),
    ...(liveUrl
      ? {
          liveUrl,
          qrCode: qrCodeSvg(liveUrl, `QR code of the address of this version: ${liveUrl}`),
        }
      : {}),
  };
}

/**
 * The PDF of a community's guide: the version in force (or, while nothing approved is kept, the
 * draft) with its ground rules, the chapters and the templates.
 */
export function guideJob(community: CommunityDocument, run: PrintRun): PdfJob {
  const charter = community.charter!;
  const version = charter.inForce ?? charter.pendingDraft ?? charter.versions.at(-1)!;
  const state = version.draft ? "draft" : "approved";
  return {
    kind: "guide",
    file: guidePdfFile(community.slug),
    urlPath: printGuidePath(community.slug),
    title: `${community.title}: guide and charter`,
    subject: `The guide, charter (version ${version.version}, ${state}), ground rules and templates of the ${community.title}.`,
    author: run.site.organisation.name,
    language: run.site.locale,
    keywords: ["community of practice", "guide"],
    draft: version.draft,
    paperSize: run.site.paper_size,
    ...versionProvenance(version, run),
  };
}

/** The PDF of a draft's guide, printed beside the guide in force, with what the draft changes. */
export function draftGuideJob(draft: CharterVersion, run: PrintRun): PdfJob {
  const community = draft.community;
  return {
    kind: "guide",
    file: draftGuidePdfFile(community.slug, draft.version),
    urlPath: printVersionPath(community.slug, draft.version),
    title: `${community.title}: guide and proposed charter ${draft.version}`,
    subject: `The guide, the proposed charter (version ${draft.version}, draft, with what it changes), ground rules and templates of the ${community.title}.`,
    author: run.site.organisation.name,
    language: run.site.locale,
    keywords: ["community of practice", "guide", "draft"],
    draft: true,
    paperSize: run.site.paper_size,
    ...versionProvenance(draft, run),
  };
}

/** The PDF of an earlier version's charter and ground rules, marked SUPERSEDED on every page. */
export function supersededJob(version: CharterVersion, run: PrintRun): PdfJob {
  const community = version.community;
  return {
    kind: "charter-version",
    file: supersededPdfFile(community.slug, version.version),
    urlPath: printVersionPath(community.slug, version.version),
    title: `${community.title}: charter version ${version.version} (superseded)`,
    subject: `Version ${version.version} of the charter and ground rules of the ${community.title}, approved and since superseded; kept for the record.`,
    author: run.site.organisation.name,
    language: run.site.locale,
    keywords: ["community of practice", "charter", "superseded"],
    draft: false,
    superseded: true,
    paperSize: run.site.paper_size,
    ...versionProvenance(version, run),
  };
}

/**
 * Every PDF of a community: the guide, the draft's guide beside it while a draft waits and a
 * version is in force, and the charter of each earlier version. Each version points at its PDF.
 */
export function communityJobs(community: CommunityDocument, run: PrintRun): PdfJob[] {
  const charter = community.charter!;
  const guide = guideJob(community, run);
  guide.edition!.pdf = guide;
  const jobs = [guide];
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

/** The PDF of one template, printed blank for filling in by hand. */
export function templateJob(template: TemplateDocument, run: PrintRun): PdfJob {
  const liveUrl = liveAddress(run.site, template.url);
  return {
    kind: "template",
    file: templatePdfFile(template.slug),
    urlPath: printTemplatePath(template.slug),
    title: `${template.title} (template)`,
    subject: template.data.summary,
    author: run.site.organisation.name,
    language: run.site.locale,
    keywords: ["community of practice", "template"],
    footer: `${run.site.organisation.name}\nPrinted ${show(run, run.today)}${liveUrl ? ` · ${liveUrl}` : ""}`,
    draft: false,
    paperSize: run.site.paper_size,
    ...(liveUrl ? { liveUrl } : {}),
  };
}

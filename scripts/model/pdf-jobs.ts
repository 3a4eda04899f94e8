import type { Site } from "../content/schema-types.ts";
import {
  guidePdfFile,
  printGuidePath,
  printTemplatePath,
  templatePdfFile,
  type CommunityDocument,
  type PdfJob,
  type TemplateDocument,
} from "./site-model.ts";

/** The PDF of a community's guide: its charter, ground rules, the chapters and the templates. */
export function guideJob(community: CommunityDocument, site: Site): PdfJob {
  const charter = community.charter!;
  const state = charter.draft ? "draft" : "approved";
  return {
    kind: "guide",
    file: guidePdfFile(community.slug),
    urlPath: printGuidePath(community.slug),
    title: `${community.title}: guide and charter`,
    subject: `The guide, charter (version ${charter.data.version}, ${state}), ground rules and templates of the ${community.title}.`,
    author: site.organisation.name,
    language: site.locale,
    keywords: ["community of practice", "guide"],
    footer: `Version ${charter.data.version}, ${state}`,
    draft: charter.draft,
    paperSize: site.paper_size,
  };
}

/** The PDF of one template, printed blank for filling in by hand. */
export function templateJob(template: TemplateDocument, site: Site): PdfJob {
  return {
    kind: "template",
    file: templatePdfFile(template.slug),
    urlPath: printTemplatePath(template.slug),
    title: `${template.title} (template)`,
    subject: template.data.summary,
    author: site.organisation.name,
    language: site.locale,
    keywords: ["community of practice", "template"],
    footer: site.organisation.name,
    draft: false,
    paperSize: site.paper_size,
  };
}

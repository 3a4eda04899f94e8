import type { Site } from "../content/schema-types.ts";
import {
  examplePdfFile,
  guidePdfFile,
  printExamplePath,
  printGuidePath,
  printPublicationPath,
  printTemplatePath,
  publicationPdfFile,
  templatePdfFile,
  type CommunityDocument,
  type ExampleDocument,
  type PdfJob,
  type PublicationDocument,
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

/** The PDF of one template, printed blank for filling in by hand or in a PDF reader. */
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
    formFields: true,
  };
}

/**
 * The PDF of a publication, such as a toolkit: its cover, contents and parts in their groups.
 * It belongs to no community, so no community's draft status marks it.
 */
export function publicationJob(publication: PublicationDocument, site: Site): PdfJob {
  return {
    kind: "publication",
    file: publicationPdfFile(publication.slug),
    urlPath: printPublicationPath(publication.slug),
    title: publication.title,
    subject: publication.data.summary,
    author: site.organisation.name,
    language: site.locale,
    keywords: ["community of practice", publication.kind],
    footer: site.organisation.name,
    draft: false,
    paperSize: site.paper_size,
  };
}

/** The PDF of a completed example: the template's form, filled in. */
export function exampleJob(example: ExampleDocument, site: Site): PdfJob {
  return {
    kind: "example",
    file: examplePdfFile(example.slug),
    urlPath: printExamplePath(example.slug),
    title: `${example.title} (completed example)`,
    subject: example.data.summary,
    author: site.organisation.name,
    language: site.locale,
    keywords: ["community of practice", "completed example", example.template.title],
    footer: `Completed example of ${example.template.title}`,
    draft: false,
    paperSize: site.paper_size,
  };
}

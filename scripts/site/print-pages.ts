import type { UserConfig } from "@11ty/eleventy";
import {
  guideContents,
  printIds,
  publicationContents,
  publicationParts,
} from "../model/print-guide.ts";
import type {
  CommunityDocument,
  ContentDocument,
  PublicationDocument,
  SiteModel,
} from "../model/site-model.ts";

/** The part of Nunjucks' Environment the shared-guide function uses. */
interface NunjucksEnvironment {
  addGlobal(name: string, value: unknown): void;
  render(template: string, context: object): string;
}

interface PrintPageData {
  charterbook: SiteModel;
  doc: ContentDocument;
}

/**
 * The print pages the PDFs are made from: one per community holding its whole guide, and one per
 * template. They use the same partials as the site's pages, with print differences in print.css
 * and a `print` option, so headings and section numbers are the same on screen and on paper.
 * They are excluded from collections and carry `data-pagefind-ignore`, so search skips them.
 */
export default function printPages(config: UserConfig): void {
  config.addFilter("printId", (document: ContentDocument) => printIds.part(document));
  config.addFilter("printPrefix", (document: ContentDocument) => printIds.prefix(document));
  config.addFilter("guideContents", (community: CommunityDocument, model: SiteModel) =>
    guideContents(model, community),
  );
  config.addFilter("publicationContents", (publication: PublicationDocument) =>
    publicationContents(publication),
  );
  config.addFilter("publicationParts", (publication: PublicationDocument) =>
    publicationParts(publication),
  );

  // Communities' guides repeat the same chapters, roadmap and templates: render the parts each
  // choice of publications binds once per build and reuse them, so printing N communities does
  // not render the guide N times.
  const sharedParts = new WeakMap<SiteModel, Map<string, string>>();
  config.amendLibrary("njk", (env) => {
    const nunjucks = env as NunjucksEnvironment;
    nunjucks.addGlobal(
      "printGuideShared",
      (model: SiteModel, site: unknown, community: CommunityDocument) => {
        let byChoice = sharedParts.get(model);
        if (!byChoice) sharedParts.set(model, (byChoice = new Map()));
        const key = model.guideKey(community);
        let html = byChoice.get(key);
        if (html === undefined) {
          const parts = model.guideParts(community);
          html = nunjucks.render("print/guide-shared.njk", {
            charterbook: model,
            site,
            parts,
            bound: parts.map((part) => part.document),
          });
          byChoice.set(key, html);
        }
        return html;
      },
    );
    return nunjucks;
  });

  const common = { eleventyExcludeFromCollections: true };
  config.addTemplate("charterbook/print/guides.njk", "", {
    ...common,
    layout: "print/guide.njk",
    pagination: { data: "charterbook.guides", size: 1, alias: "doc" },
    permalink: "{{ charterbook.pdfFor(doc).urlPath }}",
    eleventyComputed: { job: (data: PrintPageData) => data.charterbook.pdfFor(data.doc) },
  });
  config.addTemplate("charterbook/print/templates.njk", "", {
    ...common,
    layout: "print/template.njk",
    pagination: { data: "charterbook.templates", size: 1, alias: "doc" },
    permalink: "{{ charterbook.pdfFor(doc).urlPath }}",
    eleventyComputed: { job: (data: PrintPageData) => data.charterbook.pdfFor(data.doc) },
  });
  config.addTemplate("charterbook/print/examples.njk", "", {
    ...common,
    layout: "print/example.njk",
    pagination: { data: "charterbook.examples", size: 1, alias: "doc" },
    permalink: "{{ charterbook.pdfFor(doc).urlPath }}",
    eleventyComputed: { job: (data: PrintPageData) => data.charterbook.pdfFor(data.doc) },
  });
  config.addTemplate("charterbook/print/publications.njk", "", {
    ...common,
    layout: "print/publication.njk",
    pagination: { data: "charterbook.publications", size: 1, alias: "doc" },
    permalink: "{{ charterbook.pdfFor(doc).urlPath }}",
    eleventyComputed: { job: (data: PrintPageData) => data.charterbook.pdfFor(data.doc) },
  });
}

import type { UserConfig } from "@11ty/eleventy";
import { guideContents, printIds } from "../model/print-guide.ts";
import type { CharterVersion, ContentDocument, PdfJob, SiteModel } from "../model/site-model.ts";

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
  config.addFilter("guideContents", (version: CharterVersion, model: SiteModel) =>
    guideContents(model, version),
  );

  // Every community's guide repeats the same chapters, roadmap and templates: render that part
  // once per build and reuse it, so printing N communities does not render the guide N times.
  const sharedParts = new WeakMap<SiteModel, string>();
  config.amendLibrary("njk", (env) => {
    const nunjucks = env as NunjucksEnvironment;
    nunjucks.addGlobal("printGuideShared", (model: SiteModel, site: unknown) => {
      let html = sharedParts.get(model);
      if (html === undefined) {
        html = nunjucks.render("print/guide-shared.njk", { charterbook: model, site });
        sharedParts.set(model, html);
      }
      return html;
    });
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
  // The versions printed besides each community's guide: a draft's guide, and each earlier
  // version's charter and ground rules.
  interface VersionPrintData {
    job: PdfJob;
  }
  config.addTemplate("charterbook/print/draft-guides.njk", "", {
    ...common,
    layout: "print/guide.njk",
    pagination: { data: "charterbook.draftGuidePdfs", size: 1, alias: "job" },
    permalink: "{{ job.urlPath }}",
    eleventyComputed: { doc: (data: VersionPrintData) => data.job.edition!.community },
  });
  config.addTemplate("charterbook/print/charter-versions.njk", "", {
    ...common,
    layout: "print/charter-version.njk",
    pagination: { data: "charterbook.supersededPdfs", size: 1, alias: "job" },
    permalink: "{{ job.urlPath }}",
    eleventyComputed: { doc: (data: VersionPrintData) => data.job.edition!.community },
  });
  config.addTemplate("charterbook/print/templates.njk", "", {
    ...common,
    layout: "print/template.njk",
    pagination: { data: "charterbook.templates", size: 1, alias: "doc" },
    permalink: "{{ charterbook.pdfFor(doc).urlPath }}",
    eleventyComputed: { job: (data: PrintPageData) => data.charterbook.pdfFor(data.doc) },
  });
}

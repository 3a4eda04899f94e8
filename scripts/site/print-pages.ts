import type { UserConfig } from "@11ty/eleventy";
import {
  guideContents,
  printIds,
  publicationContents,
  publicationParts,
} from "../model/print-guide.ts";
import type {
  CharterVersion,
  CommunityDocument,
  ContentDocument,
  PdfJob,
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
  doc: CommunityDocument | ContentDocument;
}

/**
 * The print pages the PDFs are made from: per community its whole guide, its charter alone and its
 * ground rules on one page; and one per template. They use the same partials as the site's pages,
 * with print differences in print.css and a `print` option, so headings and section numbers are
 * the same on screen and on paper. They are excluded from collections and carry
 * `data-pagefind-ignore`, so search skips them.
 */
export default function printPages(config: UserConfig): void {
  config.addFilter("printId", (document: ContentDocument) => printIds.part(document));
  config.addFilter("printPrefix", (document: ContentDocument) => printIds.prefix(document));
  config.addFilter("guideContents", (version: CharterVersion, model: SiteModel) =>
    guideContents(model, version),
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

  /**
   * One print page per document of `data`, printed as the model's PDF job of the document (for a
   * community, its job of that kind).
   */
  const printPage = (
    name: string,
    layout: string,
    data: string,
    kind: "guide" | "charter" | "ground-rules" = "guide",
  ) => {
    const jobOf = (page: PrintPageData) => page.charterbook.pdfFor(page.doc, kind);
    config.addTemplate(`charterbook/print/${name}.njk`, "", {
      eleventyExcludeFromCollections: true,
      layout,
      pagination: { data, size: 1, alias: "doc" },
      // A document the model prints no PDF of gets no print page.
      permalink: (page: PrintPageData) => jobOf(page)?.urlPath ?? false,
      eleventyComputed: { job: jobOf },
    });
  };
  printPage("guides", "print/guide.njk", "charterbook.guides");
  printPage("charters", "print/charter.njk", "charterbook.guides", "charter");
  printPage("ground-rules", "print/ground-rules.njk", "charterbook.guides", "ground-rules");
  printPage("templates", "print/template.njk", "charterbook.templates");
  printPage("examples", "print/example.njk", "charterbook.examples");
  printPage("publications", "print/publication.njk", "charterbook.publications");
  // The versions printed beside each community's guide, one page per PDF job: a draft's guide,
  // and each earlier version's charter and ground rules.
  const versionPrintPage = (name: string, layout: string, data: string) => {
    config.addTemplate(`charterbook/print/${name}.njk`, "", {
      eleventyExcludeFromCollections: true,
      layout,
      pagination: { data, size: 1, alias: "job" },
      permalink: (page: { job: PdfJob }) => page.job.urlPath,
      eleventyComputed: { doc: (page: { job: PdfJob }) => page.job.edition!.community },
    });
  };
  versionPrintPage("draft-guides", "print/guide.njk", "charterbook.draftGuidePdfs");
  versionPrintPage("charter-versions", "print/charter-version.njk", "charterbook.supersededPdfs");
}

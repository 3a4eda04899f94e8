import type { UserConfig } from "@11ty/eleventy";
import path from "node:path";
import { loadContent } from "../content/load-content.ts";
import { formatDate } from "../site/format-date.ts";
import { createMarkdown } from "../site/markdown.ts";
import {
  buildPrintData,
  type PrintData,
  type PrintGuide,
  type PrintTemplate,
} from "./print-data.ts";

/** Where the print pages are published; the PDF renderer opens each of them. */
export const printGuidePath = (slug: string) => `/print/communities/${slug}/`;
export const printTemplatePath = (slug: string) => `/print/templates/${slug}/`;
/** The PDF files, relative to the site folder. */
export const guidePdfFile = (slug: string) => `pdf/${slug}-guide.pdf`;
export const templatePdfFile = (slug: string) => `pdf/template-${slug}.pdf`;

/**
 * What the print layouts put in the page head and body attributes: the renderer reads the file
 * name, title and version from there, and Chrome copies the title into the PDF's metadata.
 */
export interface PdfPageInfo {
  kind: "guide" | "template";
  file: string;
  title: string;
  subject: string;
  version: string;
  draft: boolean;
}

function guideInfo(guide: PrintGuide): PdfPageInfo {
  return {
    kind: "guide",
    file: guidePdfFile(guide.slug),
    title: `${guide.community.name}: guide and charter`,
    subject: `The guide, charter (version ${guide.version}, ${guide.draft ? "draft" : "approved"}), ground rules and templates of the ${guide.community.name}.`,
    version: guide.version,
    draft: guide.draft,
  };
}

function templateInfo(template: PrintTemplate): PdfPageInfo {
  return {
    kind: "template",
    file: templatePdfFile(template.slug),
    title: `${template.title} (template)`,
    subject: template.summary,
    version: "",
    draft: false,
  };
}

/**
 * Eleventy plugin that adds the print pages the PDFs are made from: one page per community holding
 * its whole guide, and one page per template. They are excluded from collections (so the site's
 * navigation and sitemap never list them) and carry `data-pagefind-ignore` so search skips them.
 */
/** The part of Nunjucks' Environment the shared-guide function uses. */
interface NunjucksEnvironment {
  addGlobal(name: string, value: unknown): void;
  render(template: string, context: object): string;
}

export default function printPages(eleventyConfig: UserConfig): void {
  const markdown = createMarkdown();
  const inline = (text: string) => markdown.renderInline(text);
  let cached: Promise<PrintData> | undefined;

  // Read when Eleventy asks for the data, after the config (and so the input directory) is final.
  eleventyConfig.addGlobalData("charterbookPrint", () => {
    cached ??= (async () => {
      const inputDir = (eleventyConfig as UserConfig & { directories: { input: string } })
        .directories.input;
      const content = await loadContent(path.resolve(inputDir));
      return buildPrintData(content.files, markdown);
    })();
    return cached;
  });
  eleventyConfig.on("eleventy.before", () => {
    cached = undefined;
  });

  eleventyConfig.addFilter("pdfMarkdown", (text: string) => markdown.render(text ?? ""));
  eleventyConfig.addFilter("pdfInline", (text: string) => inline(text ?? ""));
  eleventyConfig.addFilter(
    "pdfDate",
    (iso: string, locale: string, style: "long" | "medium" | "short") =>
      formatDate(iso, locale, style),
  );
  eleventyConfig.addFilter("pdfRange", (count: number) =>
    Array.from({ length: Math.max(0, count) }, (_, i) => i),
  );

  // Every community's guide repeats the same chapters, roadmap and templates: render that part
  // once per build and reuse it, so printing N communities does not render the guide N times.
  const sharedParts = new WeakMap<object, string>();
  eleventyConfig.amendLibrary("njk", (env) => {
    const nunjucks = env as NunjucksEnvironment;
    nunjucks.addGlobal("printGuideShared", (guide: PrintGuide, site: unknown) => {
      let html = sharedParts.get(guide.chapters);
      if (html === undefined) {
        html = nunjucks.render("print/guide-shared.njk", { guide, site });
        sharedParts.set(guide.chapters, html);
      }
      return html;
    });
    return nunjucks;
  });

  const common = { eleventyExcludeFromCollections: true, pagefindIgnore: true };
  eleventyConfig.addTemplate("print/communities.njk", "", {
    ...common,
    layout: "print/guide.njk",
    pagination: { data: "charterbookPrint.guides", size: 1, alias: "guide" },
    permalink: printGuidePath("{{ guide.slug }}"),
    eleventyComputed: { pdf: (data: { guide: PrintGuide }) => guideInfo(data.guide) },
  });
  eleventyConfig.addTemplate("print/templates.njk", "", {
    ...common,
    layout: "print/template.njk",
    pagination: { data: "charterbookPrint.templates", size: 1, alias: "template" },
    permalink: printTemplatePath("{{ template.slug }}"),
    eleventyComputed: { pdf: (data: { template: PrintTemplate }) => templateInfo(data.template) },
  });
}

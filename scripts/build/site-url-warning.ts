import path from "node:path";
import { displayPath } from "../content/load-content.ts";
import { problem, type Problem } from "../content/problems.ts";
import type { SiteModel } from "../model/site-model.ts";

/**
 * Printed copies carry a QR code and the address of their page only when site.yaml says where the
 * site is published; without it a build that prints PDFs says so once, as a warning.
 */
export function siteUrlWarning(
  model: SiteModel,
  contentDir: string,
  printsPdfs: boolean,
): Problem[] {
  if (!printsPdfs || model.site.url || model.pdfs.length === 0) return [];
  return [
    problem({
      code: "no-site-url",
      severity: "warning",
      file: displayPath(path.join(contentDir, "site.yaml")),
      line: 1,
      column: 1,
      field: "url",
      message:
        "The site has no url, so the PDFs are printed without a QR code or the address of their page.",
      hint: "Add the site's public address to site.yaml, such as url: https://example.github.io/charterbook/",
    }),
  ];
}

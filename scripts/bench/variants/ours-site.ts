/** Ours, site only: validate, then Eleventy with Charterbook's layouts and plugins (print pages only come with PDFs, as in npm run build -- --no-pdf). */
import { validateContent } from "../../content/validate-content.ts";
import { runEleventy } from "../../site/run-eleventy.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run({ contentDir, outputDir }: VariantOptions): Promise<VariantResult> {
  const content = await validateContent(contentDir);
  const errors = content.problems.filter((p) => p.severity === "error");
  if (errors.length) {
    throw new Error(
      `The benchmark corpus has ${errors.length} validation errors; the first: ${JSON.stringify(errors[0])}`,
    );
  }
  const { pages } = await runEleventy({ contentDir, outputDir });
  return { pages };
}

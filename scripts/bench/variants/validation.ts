/** Validation alone: load every content file and check it against its schema and the cross-file rules. */
import { validateContent } from "../../content/validate-content.ts";
import type { VariantOptions, VariantResult } from "./variant.ts";

export async function run({ contentDir }: VariantOptions): Promise<VariantResult> {
  const content = await validateContent(contentDir);
  const errors = content.problems.filter((p) => p.severity === "error");
  if (errors.length) {
    throw new Error(
      `The benchmark corpus has ${errors.length} validation errors; the first: ${JSON.stringify(errors[0])}`,
    );
  }
  return { pages: content.filesChecked };
}

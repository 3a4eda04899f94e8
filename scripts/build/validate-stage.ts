import type { Problem } from "../content/problems.ts";
import { validateContent } from "../content/validate-content.ts";
import type { SiteModel } from "../model/site-model.ts";

/** Content that failed validation: the build stops before anything is written. */
export class InvalidContentError extends Error {
  override name = "InvalidContentError";
  constructor(
    readonly problems: Problem[],
    readonly filesChecked: number,
  ) {
    super(`${problems.filter((p) => p.severity === "error").length} problems in the content.`);
  }
}

/** The validated content, ready to publish. */
export interface ValidatedSite {
  files: number;
  warnings: Problem[];
  model: SiteModel;
}

/**
 * Loads and validates the content folder, the one read of content/ in a build; throws
 * InvalidContentError when any file has an error. Every later stage takes the model.
 */
export async function validateStage(contentDir: string): Promise<ValidatedSite> {
  const result = await validateContent(contentDir);
  if (!result.model) throw new InvalidContentError(result.problems, result.filesChecked);
  return { files: result.filesChecked, warnings: result.problems, model: result.model };
}

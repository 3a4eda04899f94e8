import { CharterbookError } from "../cli/errors.ts";
import { formatProblems, summariseProblems, type Problem } from "../content/problems.ts";
import { validateContent, type ContentCache } from "../content/validate-content.ts";
import type { SiteModel } from "../model/site-model.ts";
import type { ContentSize } from "./memory-check.ts";

/** Content that failed validation: the build stops before anything is written. */
export class InvalidContentError extends CharterbookError {
  override name = "InvalidContentError";
  constructor(
    readonly problems: Problem[],
    readonly filesChecked: number,
  ) {
    super(
      "invalid-content",
      `${formatProblems(problems)}\n${summariseProblems(problems, filesChecked)}`,
    );
  }
}

/** The validated content, ready to publish. */
export interface ValidatedSite {
  files: number;
  warnings: Problem[];
  model: SiteModel;
  /** How much text the build will hold in memory. */
  size: ContentSize;
}

/** Kinds of content every community's printed guide repeats. */
const sharedTypes = new Set(["chapter", "template", "topics", "roadmap", "phases", "principles"]);

/**
 * Loads and validates the content folder, the one read of content/ in a build; throws
 * InvalidContentError when any file has an error. Every later stage takes the model.
 */
export async function validateStage(
  contentDir: string,
  cache?: ContentCache,
): Promise<ValidatedSite> {
  const result = await validateContent(contentDir, cache);
  if (!result.model) throw new InvalidContentError(result.problems, result.filesChecked);
  const sum = (files: typeof result.files) => files.reduce((total, file) => total + file.bytes, 0);
  return {
    files: result.filesChecked,
    warnings: result.problems,
    model: result.model,
    size: {
      total: sum(result.files),
      shared: sum(result.files.filter((file) => sharedTypes.has(file.type.name))),
      guides: result.model.guides.length,
    },
  };
}

import type { Problem } from "../content/problems.ts";
import { validateContent } from "../content/validate-content.ts";

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

/** Validates every content file; throws InvalidContentError when any has an error. */
export async function validateStage(
  contentDir: string,
): Promise<{ files: number; warnings: Problem[] }> {
  const result = await validateContent(contentDir);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length) throw new InvalidContentError(result.problems, result.filesChecked);
  return { files: result.filesChecked, warnings: result.problems };
}

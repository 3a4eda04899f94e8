import { buildModel, ModelCache } from "../model/build-model.ts";
import type { SiteModel } from "../model/site-model.ts";
import { crossCheck } from "./cross-checks.ts";
import {
  LoadCache,
  loadContent,
  loadFiles,
  type ContentFile,
  type LoadedContent,
  type SourceFile,
} from "./load-content.ts";
import { sortProblems, type Problem } from "./problems.ts";
import { checkAgainstSchema, readSchemas } from "./schema-check.ts";
import { checkTemplatesAndExamples } from "./template-checks.ts";

/** Content that was loaded and checked; `model` is what the site publishes, present only when nothing is wrong. */
export interface ValidatedContent extends LoadedContent {
  model?: SiteModel;
}

/**
 * Loads every content file and checks it against its schema, the rules across files, and the
 * rules for images and links in its Markdown. When all pass, the result carries the model that
 * the site, the print pages and the PDFs are made from: what is published is what was checked.
 */
export async function validateContent(
  contentDir: string,
  cache?: ContentCache,
): Promise<ValidatedContent> {
  return checkLoaded(await loadContent(contentDir, cache?.files), cache);
}

/**
 * What validation keeps between runs of the live preview: a file whose bytes did not change is
 * not parsed, schema-checked or rendered again. The rules across files always run on the whole.
 */
export class ContentCache {
  readonly files = new LoadCache();
  readonly schemaProblems = new WeakMap<ContentFile, Problem[]>();
  readonly model = new ModelCache();
}

/**
 * Validates content given as bytes in memory, with exactly the checks {@link validateContent}
 * runs on a folder; property-based tests use it to run thousands of generated files quickly.
 * @param contentDir the folder the files are shown under in problems @default "content"
 */
export function validateFiles(
  files: readonly SourceFile[],
  contentDir = "content",
): ValidatedContent {
  return checkLoaded(loadFiles(contentDir, files));
}

const hasErrors = (problems: readonly { severity: string }[]) =>
  problems.some((p) => p.severity === "error");

function checkLoaded(content: LoadedContent, cache?: ContentCache): ValidatedContent {
  const schemaChecked = content.files.map((file) => {
    let problems = cache?.schemaProblems.get(file);
    if (!problems) {
      problems = checkAgainstSchema(file);
      cache?.schemaProblems.set(file, problems);
    }
    return { file, problems };
  });
  const schemaProblems = schemaChecked.flatMap((checked) => checked.problems);
  const crossProblems = crossCheck(content);
  // Templates and examples are checked in depth only once they have their schema's shape.
  const failedSchema = new Set(
    schemaChecked.filter((checked) => checked.problems.length > 0).map((checked) => checked.file),
  );
  const formProblems = checkTemplatesAndExamples(content.files, (file) => !failedSchema.has(file));
  const problems = [...content.problems, ...schemaProblems, ...crossProblems, ...formProblems];
  // The model assumes every file has its schema's shape, so it is only built from valid content.
  if (hasErrors(problems)) return { ...content, problems: sortProblems(problems) };
  const built = buildModel(content, readSchemas(), cache?.model);
  const all = sortProblems([...problems, ...built.problems]);
  return {
    ...content,
    problems: all,
    ...(built.model && !hasErrors(all) ? { model: built.model } : {}),
  };
}

import { crossCheck } from "./cross-checks.ts";
import { loadContent, loadFiles, type LoadedContent, type SourceFile } from "./load-content.ts";
import { sortProblems } from "./problems.ts";
import { checkAgainstSchema } from "./schema-check.ts";

/** Loads every content file and checks it against its schema and the rules across files. */
export async function validateContent(contentDir: string): Promise<LoadedContent> {
  return checkLoaded(await loadContent(contentDir));
}

/**
 * Validates content given as bytes in memory, with exactly the checks {@link validateContent}
 * runs on a folder; property-based tests use it to run thousands of generated files quickly.
 * @param contentDir the folder the files are shown under in problems @default "content"
 */
export function validateFiles(files: readonly SourceFile[], contentDir = "content"): LoadedContent {
  return checkLoaded(loadFiles(contentDir, files));
}

function checkLoaded(content: LoadedContent): LoadedContent {
  const schemaProblems = content.files.flatMap(checkAgainstSchema);
  const crossProblems = crossCheck(content);
  return { ...content, problems: sortProblems([...content.problems, ...schemaProblems, ...crossProblems]) };
}

import { crossCheck } from "./cross-checks.ts";
import { loadContent, type LoadedContent } from "./load-content.ts";
import { sortProblems } from "./problems.ts";
import { checkAgainstSchema } from "./schema-check.ts";

/** Loads every content file and checks it against its schema and the rules across files. */
export async function validateContent(contentDir: string): Promise<LoadedContent> {
  const content = await loadContent(contentDir);
  const schemaProblems = content.files.flatMap(checkAgainstSchema);
  const crossProblems = crossCheck(content);
  return { ...content, problems: sortProblems([...content.problems, ...schemaProblems, ...crossProblems]) };
}

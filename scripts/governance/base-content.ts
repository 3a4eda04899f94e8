import type { SourceFile } from "../content/load-content.ts";
import { validateFiles, type ValidatedContent } from "../content/validate-content.ts";
import { listTreeAt, readBlobs, type TreeEntry } from "./git-files.ts";

/** The content folder as it was at the base commit, read from git and validated like the working tree. */
export interface BaseContent {
  /** Every entry git recorded under the content folder, by path inside it (communities/x/charter.md). */
  entries: Map<string, TreeEntry>;
  /** The base's content through the same loader, validation and site model as the pull request's. */
  validated: ValidatedContent;
}

/**
 * Reads the base commit's content folder out of git and validates it with this checker's rules,
 * so both sides of the comparison are rendered by the same code. Links and submodules are left
 * out: the loader refuses them, and their bytes are not content.
 * @param contentInRepo the content folder's path from the repository root, "" for the root itself
 */
export async function loadBaseContent(
  root: string,
  commit: string,
  contentInRepo: string,
): Promise<BaseContent> {
  const prefix = contentInRepo ? `${contentInRepo}/` : "";
  const tree = await listTreeAt(root, commit, contentInRepo || ".");
  const entries = new Map(tree.map((entry) => [entry.path.slice(prefix.length), entry]));
  const regular = [...entries].filter(([, entry]) => entry.kind === "file");
  const blobs = await readBlobs(
    root,
    regular.map(([, entry]) => entry.object),
  );
  const files: SourceFile[] = regular.map(([relativePath, entry]) => ({
    relativePath,
    bytes: blobs.get(entry.object)!,
  }));
  return { entries, validated: validateFiles(files, contentInRepo || ".") };
}

/**
 * Builds a content tree for one validation case: tests/fixtures/validate-base/ copied to a
 * temporary folder, then tests/fixtures/validate-<case>/ laid over it. Besides files that replace
 * or add to the base, a case folder may hold:
 * - `.delete`: paths to remove from the tree, one a line;
 * - `.rename`: `from => to` lines, to move a file or folder;
 * - `.grow`: `path bytes` lines, to pad a file's Markdown body to that size (no 2 MB file in git).
 * See tests/README.md.
 */
import { appendFile, cp, mkdtemp, readFile, rename, rm, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const baseTree = path.join(fixturesDir, "validate-base");

const lines = async (file: string) =>
  existsSync(file) ? (await readFile(file, "utf8")).split("\n").filter((l) => l.trim()) : [];

export interface FixtureTree {
  /** The temporary folder that holds the tree; a `content/` folder inside it. */
  root: string;
  /** `<root>/content`: pass it to the validator. */
  contentDir: string;
  /** Replaces the temporary folder in text with `content`, so expected output is stable. */
  shown(text: string): string;
  remove(): Promise<void>;
}

export async function fixtureTree(caseName: string): Promise<FixtureTree> {
  const caseDir = path.join(fixturesDir, `validate-${caseName}`);
  if (caseName !== "base" && !existsSync(caseDir)) throw new Error(`No fixture folder ${caseDir}`);
  const root = await mkdtemp(path.join(os.tmpdir(), `charterbook-${caseName}-`));
  const contentDir = path.join(root, "content");
  await cp(baseTree, contentDir, { recursive: true });
  if (caseName !== "base") {
    const controlFiles = new Set([".delete", ".rename", ".grow"]);
    await cp(caseDir, contentDir, {
      recursive: true,
      filter: (source) => !controlFiles.has(path.basename(source)),
    });
    for (const line of await lines(path.join(caseDir, ".delete"))) {
      await rm(path.join(contentDir, line.trim()), { recursive: true });
    }
    for (const line of await lines(path.join(caseDir, ".rename"))) {
      const [from, to] = line.split("=>").map((part) => part.trim());
      await rename(path.join(contentDir, from!), path.join(contentDir, to!));
    }
    for (const line of await lines(path.join(caseDir, ".grow"))) {
      const [file, size] = line.trim().split(/\s+/);
      const target = path.join(contentDir, file!);
      const paragraph = "A paragraph that pads the file to test the size limit.\n\n";
      const missing = Number(size) - (await stat(target)).size;
      await appendFile(target, paragraph.repeat(Math.ceil(missing / paragraph.length)));
    }
  }
  return {
    root,
    contentDir,
    shown: (text) => text.split(contentDir).join("content"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

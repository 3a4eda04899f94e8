/**
 * The floor: the least any site generator must do. Reads every Markdown file
 * and writes one HTML file for each, with no Markdown rendering, templates or
 * data, so it measures file input and output and Node's start-up alone.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { VariantOptions, VariantResult } from "./variant.ts";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function run({ contentDir, outputDir }: VariantOptions): Promise<VariantResult> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".md"));
  for (const file of files) {
    const source = path.join(file.parentPath, file.name);
    const relative = path.relative(contentDir, source).replace(/\.md$/, "");
    const target = path.join(outputDir, relative, "index.html");
    const text = await readFile(source, "utf8");
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(
      target,
      `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>${escapeHtml(relative)}</title>\n<pre>${escapeHtml(text)}</pre></html>\n`,
    );
  }
  return { pages: files.length };
}

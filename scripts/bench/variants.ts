/**
 * The build variants compared at each corpus size, in the order they alternate
 * within a round (A B C D E, A B C D E, ...), so drift in the machine's speed
 * spreads over all of them instead of landing on one.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { VariantOptions, VariantResult } from "./variants/variant.ts";

export type VariantId =
  "floor" | "bare-eleventy" | "ours-site" | "ours-search" | "validation" | "pagefind-alone";

export interface VariantInfo {
  id: VariantId;
  /** The row label in the results table. */
  label: string;
  /** Modules of other parts of Charterbook this variant needs, relative to the repository root. */
  needs: string[];
  /** Runs on the site this variant built in the same round, rather than on the content. */
  indexes?: VariantId;
}

export const variants: readonly VariantInfo[] = [
  { id: "floor", label: "1. Floor (read Markdown, write HTML)", needs: [] },
  { id: "bare-eleventy", label: "2. Bare Eleventy 3", needs: [] },
  {
    id: "ours-site",
    label: "3. Ours, site only",
    needs: ["scripts/site/run-eleventy.ts"],
  },
  {
    id: "ours-search",
    label: "4. Ours, with search",
    needs: ["scripts/site/run-eleventy.ts", "scripts/site/search-index.ts"],
  },
  { id: "validation", label: "5. Validation alone", needs: [] },
  {
    // What Pagefind itself costs: the same indexing as variant 4, on the site variant 3 built.
    // The part of 4's time and memory that is not ours.
    id: "pagefind-alone",
    label: "6. Pagefind alone, indexing the site of 3",
    needs: ["scripts/site/search-index.ts"],
    indexes: "ours-site",
  },
];

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Modules this variant needs that do not exist yet; empty when it can run. */
export function missingModules(variant: VariantInfo): string[] {
  return variant.needs.filter((file) => !existsSync(path.join(repositoryRoot, file)));
}

export function findVariant(id: string): VariantInfo | undefined {
  return variants.find((variant) => variant.id === id);
}

interface VariantModule {
  run(options: VariantOptions): Promise<VariantResult>;
}

export async function variantModule(id: string): Promise<VariantModule> {
  if (!findVariant(id)) throw new Error(`There is no benchmark variant "${id}".`);
  return (await import(`./variants/${id}.ts`)) as VariantModule;
}

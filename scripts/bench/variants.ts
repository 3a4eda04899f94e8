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
  | "floor"
  | "bare-eleventy"
  | "ours-site"
  | "ours-search"
  | "validation"
  | "pagefind-alone"
  | "pagefind-bare";

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
  {
    // What Pagefind costs on bare Eleventy's site: 2 and 7 together are the least an Eleventy
    // site with Pagefind search takes, whatever it is built with.
    id: "pagefind-bare",
    label: "7. Pagefind alone, indexing the site of 2",
    needs: ["scripts/site/search-index.ts"],
    indexes: "bare-eleventy",
  },
];

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Node's arguments that run scripts/<command>.ts as the npm scripts run it, from its compiled copy. */
export const launch = (command: string, ...args: string[]) => [
  path.join(repositoryRoot, "scripts/launch.mjs"),
  command,
  ...args,
];

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

/** Each variant's module, by name: literal imports, which the compiled copy can follow (scripts/launch.mjs). */
const variantModules: Record<VariantId, () => Promise<VariantModule>> = {
  floor: () => import("./variants/floor.ts"),
  "bare-eleventy": () => import("./variants/bare-eleventy.ts"),
  "ours-site": () => import("./variants/ours-site.ts"),
  "ours-search": () => import("./variants/ours-search.ts"),
  validation: () => import("./variants/validation.ts"),
  "pagefind-alone": () => import("./variants/pagefind-alone.ts"),
  "pagefind-bare": () => import("./variants/pagefind-bare.ts"),
};

export async function variantModule(id: string): Promise<VariantModule> {
  const variant = findVariant(id);
  if (!variant) throw new Error(`There is no benchmark variant "${id}".`);
  return variantModules[variant.id]();
}

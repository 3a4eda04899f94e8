/** What every benchmark variant is given and reports back. */
export interface VariantOptions {
  /** The synthetic content folder. */
  contentDir: string;
  /** Where the variant writes its site; empty when the variant starts. */
  outputDir: string;
  /** A scratch folder the variant may use for generated configuration. */
  workDir: string;
  /** For a variant that indexes another's site (VariantInfo.indexes): that site, as its last run left it. */
  siteDir?: string;
}

export interface VariantResult {
  /** How many pages the variant built (or, for validation, how many files it checked). */
  pages: number;
  /** Anything else worth reporting, such as how many pages Pagefind indexed. */
  details?: Record<string, number>;
}

import type { ContentType } from "../content/content-types.ts";

/**
 * The file formats the content editor registers (scripts/cms/browser/front-matter-format.ts), by
 * the content type's own format: they read a file as the loader does and write back only what
 * the form changed.
 */
export const formatNames: Record<ContentType["format"], string> = {
  markdown: "charterbook-markdown",
  yaml: "charterbook-yaml",
};

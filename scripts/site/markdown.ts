import path from "node:path";
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";

/** Link schemes an editor may use; anything else (javascript:, vbscript:, data:, file:) is not a link. */
const allowedSchemes = new Set(["http", "https", "mailto", "tel"]);

/**
 * True when a link target is safe to publish: relative, a fragment, or one of the allowed schemes.
 * markdown-it has already decoded entities (`javascript&colon;`); what is left is the control
 * characters and whitespace browsers ignore inside a scheme (`java\tscript:`).
 */
export function isSafeLink(url: string): boolean {
  // Browsers drop ASCII control characters and whitespace anywhere in a URL's scheme; markdown-it
  // has percent-encoded them by now (java%09script:), so both forms are removed before checking.
  const squeezed = url.replace(/%(?:[01][0-9a-f]|20|7f)/gi, "").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
    "",
  );
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  // No scheme: a path on this site or a fragment. markdown-it has percent-encoded anything odd.
  if (!scheme) return true;
  return allowedSchemes.has(scheme[1]!.toLowerCase());
}

/** Heading ids as GOV.UK and GitHub make them: lowercase words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&[a-z]+;|&#\d+;/g, "")
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/[\s-]+/g, "-");
}

/**
 * What the image rule reads from markdown-it's env: Eleventy passes the page's data (its input
 * path and the input folder); the print pages pass `contentPath` themselves.
 */
interface ImageEnv {
  contentPath?: unknown;
  page?: { inputPath?: unknown };
  eleventy?: { directories?: { input?: unknown } };
}

/** The rendered file's path inside the content folder, such as guide/reflective-practice.md. */
function contentPathOf(env: ImageEnv | undefined): string | undefined {
  if (typeof env?.contentPath === "string") return env.contentPath;
  const inputPath = env?.page?.inputPath;
  const input = env?.eleventy?.directories?.input;
  if (typeof inputPath !== "string" || typeof input !== "string") return undefined;
  return path.relative(path.resolve(input), path.resolve(inputPath)).split(path.sep).join("/");
}

/**
 * Content images are written relative to their Markdown file (images/cycle.png from
 * guide/reflective-practice.md) but the page is served at /guide/reflective-practice/, so a
 * relative source is made absolute from the file's folder in the content tree.
 */
export function resolveImageSource(src: string, env: ImageEnv | undefined): string {
  const contentPath = contentPathOf(env);
  if (contentPath === undefined || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) return src;
  const resolved = new URL(src, `https://content.invalid/${contentPath}`);
  return resolved.pathname + resolved.search + resolved.hash;
}

/**
 * The one Markdown renderer for the site and the PDFs: raw HTML is shown as text, unsafe link
 * schemes are refused, headings get ids for the page contents, and footnotes carry the sources.
 */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: true });
  md.validateLink = isSafeLink;
  md.use(anchor, { slugify, tabIndex: false, level: [2, 3] });
  md.use(footnote);
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const src = String(token.attrGet("src") ?? "");
    token.attrSet("src", resolveImageSource(src, env as ImageEnv | undefined));
    return renderImage(tokens, index, options, env, self);
  };
  return md;
}

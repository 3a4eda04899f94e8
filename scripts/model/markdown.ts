import markdownIt, {
  type MarkdownIt,
  type PluginSimple,
  type PluginWithOptions,
  type StateInline,
} from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";

/** markdown-it's token, as its types name it. */
type Token = ReturnType<MarkdownIt["parse"]>[number];

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

/** What the renderer reads from markdown-it's env. */
export interface MarkdownEnv extends Record<PropertyKey, unknown> {
  /** The file's path inside the content folder, such as guide/reflective-practice.md. */
  contentPath?: string;
  /** Prefix for heading and footnote ids, so several documents can share one printed page. */
  idPrefix?: string;
  /** Numbers each h2 from this number ("1. Purpose"), as the charter's sections are numbered. */
  numberSectionsFrom?: number;
  /** markdown-it-footnote prefixes its ids with this. */
  docId?: string;
}

/**
 * Content images are written relative to their Markdown file (images/cycle.png from
 * guide/reflective-practice.md) but the page is served at /guide/reflective-practice/, so a
 * relative source is made absolute from the file's folder in the content tree.
 */
export function resolveImageSource(src: string, env: MarkdownEnv | undefined): string {
  const contentPath = env?.contentPath;
  if (contentPath === undefined || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) return src;
  const resolved = new URL(src, `https://content.invalid/${contentPath}`);
  return resolved.pathname + resolved.search + resolved.hash;
}

/** A link or image a Markdown text refers to, with where it starts in the text. */
export interface MarkdownReference {
  kind: "image" | "refused-link";
  target: string;
  /** Counted from 0, within the Markdown text. */
  line: number;
  /** Counted from 1. */
  column: number;
}

// markdown-it asks validateLink about every link and image target while parsing and keeps no
// record of what it refused; parsing is synchronous, so the current parse's list is kept here,
// with whether the image rule was the one asking.
let refused: { target: string; image: boolean }[] | undefined;
let insideImage = 0;

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** One of markdown-it's own inline rules, to wrap: its types keep the rule list private. */
function inlineRule(md: MarkdownIt, name: string): InlineRule {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] })
    .__rules__;
  return rules.find((rule) => rule.name === name)!.fn;
}

/*
 * The plugins' types are CommonJS and name markdown-it's CommonJS types, which TypeScript keeps
 * apart from the ESM types this module imports: the same plugins, seen through the other door.
 */
const anchorPlugin = anchor as unknown as PluginWithOptions<anchor.AnchorOptions>;
const footnotePlugin = footnote as unknown as PluginSimple;

/**
 * The one Markdown renderer for the site and the PDFs: raw HTML is shown as text, unsafe link
 * schemes are refused, headings get ids for the page contents, and footnotes carry the sources.
 * @param options.anchors give h2 and h3 headings ids. @default true
 */
export function createMarkdown({ anchors = true }: { anchors?: boolean } = {}): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: true });
  md.validateLink = (url) => {
    const safe = isSafeLink(url);
    if (!safe) refused?.push({ target: url, image: insideImage > 0 });
    return safe;
  };
  const imageRule = inlineRule(md, "image");
  md.inline.ruler.at("image", (state, silent) => {
    insideImage += 1;
    try {
      return imageRule(state, silent);
    } finally {
      insideImage -= 1;
    }
  });
  if (anchors) md.use(anchorPlugin, { slugify, tabIndex: false, level: [2, 3] });
  md.use(footnotePlugin);
  // Footnote ids carry the page's id prefix, as headings do: fn1 on the site, fnchapter-x-1 in a guide.
  md.renderer.rules.footnote_anchor_name = (
    tokens,
    index,
    _options,
    env: MarkdownEnv | undefined,
  ) => `${env?.idPrefix ?? ""}${Number((tokens[index]!.meta as { id: number }).id) + 1}`;
  // A link whose text is its own address (<https://…> or [https://…](https://…)) is marked, so
  // print does not write the address a second time after it.
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    const text = tokens[index + 1];
    const href = token.attrGet("href") ?? "";
    const shown = text?.type === "text" ? text.content : undefined;
    if (token.markup === "autolink" || shown === href || `mailto:${shown}` === href) {
      token.attrJoin("class", "link--address");
    }
    return self.renderToken(tokens, index, options);
  };
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env: MarkdownEnv | undefined, self) => {
    const token = tokens[index]!;
    const src = String(token.attrGet("src") ?? "");
    token.attrSet("src", resolveImageSource(src, env));
    const html = renderImage(tokens, index, options, env, self);
    token.attrSet("src", src);
    return html;
  };
  // Ids are prefixed and sections numbered as the page renders, so one parse serves every medium.
  md.renderer.rules.heading_open = (tokens, index, options, env: MarkdownEnv | undefined, self) => {
    const token = tokens[index]!;
    const id = token.attrGet("id");
    if (id === null || !env) return self.renderToken(tokens, index, options);
    token.attrSet("id", `${env.idPrefix ?? ""}${id}`);
    let html = self.renderToken(tokens, index, options);
    token.attrSet("id", id);
    if (token.tag === "h2" && env.numberSectionsFrom !== undefined) {
      html += `<span class="section-number">${env.numberSectionsFrom++}.</span> `;
    }
    return html;
  };
  return md;
}

/** A level-2 or level-3 heading of a Markdown body, for contents lists and section numbers. */
export interface MarkdownHeading {
  /** The id without any medium's prefix, such as gibbs-cycle. */
  id: string;
  text: string;
  level: 2 | 3;
}

/** A Markdown text parsed once: rendered for each medium from the same tokens. */
export interface ParsedMarkdown {
  tokens: Token[];
  headings: MarkdownHeading[];
  references: MarkdownReference[];
}

/** Parses Markdown once, listing its headings, its images and the links it refused. */
export function parseMarkdown(md: MarkdownIt, text: string): ParsedMarkdown {
  const refusedHere: { target: string; image: boolean }[] = [];
  refused = refusedHere;
  let tokens: Token[];
  try {
    tokens = md.parse(text, {});
  } finally {
    refused = undefined;
  }
  const headings: MarkdownHeading[] = [];
  const targets: { kind: MarkdownReference["kind"]; target: string; line: number }[] = [];
  let line = 0;
  tokens.forEach((token, index) => {
    if (token.map) line = token.map[0];
    if (token.type === "heading_open" && (token.tag === "h2" || token.tag === "h3")) {
      const id = token.attrGet("id");
      const inline = tokens[index + 1];
      if (id !== null && inline) {
        headings.push({
          id: String(id),
          text: plainText(inline),
          level: token.tag === "h2" ? 2 : 3,
        });
      }
    }
    for (const child of token.children ?? []) {
      if (child.type === "image")
        targets.push({ kind: "image", target: String(child.attrGet("src") ?? ""), line });
    }
  });
  // A refused image is then tried as a link ("!" then "[alt](…)"), so each target is kept once.
  const refusedImages = new Set(refusedHere.filter((r) => r.image).map((r) => r.target));
  const seen = new Set<string>();
  for (const { target, image } of refusedHere) {
    const kind = image || refusedImages.has(target) ? "image" : "refused-link";
    if (seen.has(`${kind} ${target}`)) continue;
    seen.add(`${kind} ${target}`);
    targets.push({ kind, target, line: 0 });
  }
  return { tokens, headings, references: locateReferences(text, targets) };
}

/**
 * Finds where each link or image starts in the text: the `![` or `[` before the `](` that holds
 * its target, taking repeated targets in order. A target markdown-it rewrote beyond recognition
 * is placed at the start of its block.
 */
function locateReferences(
  text: string,
  targets: readonly { kind: MarkdownReference["kind"]; target: string; line: number }[],
): MarkdownReference[] {
  if (targets.length === 0) return [];
  const searchFrom = new Map<string, number>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > offset) line -= 1;
    return { line, column: offset - lineStarts[line]! + 1 };
  };
  return targets.map(({ kind, target, line }) => {
    const needle = decodeOr(target).slice(0, 16);
    const from = searchFrom.get(needle) ?? 0;
    let at = text.indexOf(`](${needle}`, from);
    if (at === -1) at = text.indexOf(`](<${needle}`, from);
    if (at === -1) at = text.indexOf(`<${needle}`, from);
    if (at === -1) return { kind, target, line, column: 1 };
    searchFrom.set(needle, at + 1);
    const open = kind === "image" ? text.lastIndexOf("![", at) : text.lastIndexOf("[", at);
    return { kind, target, ...position(open === -1 || text[at] === "<" ? at : open) };
  });
}

const decodeOr = (uri: string) => {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
};

/** The words of an inline token, as a reader sees them (code spans and emphasis unwrapped). */
function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline")
    .map((child) => child.content)
    .join("");
}

/** Rendered Markdown: the text, and the sources (footnotes) kept apart so a layout can put them last. */
export interface RenderedMarkdown {
  html: string;
  footnotes: string;
}

/**
 * Renders parsed Markdown for one medium. The footnotes are split off at the token level, so a
 * layout that shows other parts after the text can still put the sources at the end.
 */
export function renderMarkdown(
  md: MarkdownIt,
  parsed: ParsedMarkdown,
  env: MarkdownEnv,
): RenderedMarkdown {
  const renderEnv: MarkdownEnv = { ...env };
  const split = parsed.tokens.findIndex((token) => token.type === "footnote_block_open");
  const body = split === -1 ? parsed.tokens : parsed.tokens.slice(0, split);
  const notes = split === -1 ? [] : parsed.tokens.slice(split);
  return {
    html: md.renderer.render(body, md.options, renderEnv),
    footnotes: notes.length ? md.renderer.render(notes, md.options, renderEnv) : "",
  };
}

/**
 * Renders a short Markdown value (a goal, a risk, a checklist item) for use inside an element:
 * a single paragraph is rendered without its <p>, anything longer (a list) as blocks.
 */
export function renderMarkdownValue(
  md: MarkdownIt,
  parsed: ParsedMarkdown,
  env: MarkdownEnv,
): string {
  const [open, inline, close, ...rest] = parsed.tokens;
  if (
    open?.type === "paragraph_open" &&
    inline &&
    close?.type === "paragraph_close" &&
    !rest.length
  ) {
    return md.renderer.render([inline], md.options, env);
  }
  return md.renderer.render(parsed.tokens, md.options, env);
}

/**
 * Where a medium's id prefix goes in a body rendered once for every medium: the site removes it,
 * a printed guide puts the part's prefix there. Control characters are refused in content, so the
 * mark cannot come from an editor.
 */
export const idPrefixMark = "\u0001";

/** Bodies: headings get ids, for contents lists and links to a section. */
export const bodyMarkdown = createMarkdown();
/** Front-matter values (a goal, a risk): no heading ids, which would clash across a page. */
export const valueMarkdown = createMarkdown({ anchors: false });

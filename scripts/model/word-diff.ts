/**
 * Word-level changes between two rendered HTML fragments (a section, a goal, a rule), marked with
 * <ins> and <del> for the "what changed" pages and the draft guide. The fragments are what
 * validation rendered (scripts/model/markdown.ts), read with an HTML parser into tags and words;
 * the comparison is the `diff` library's, over those tokens.
 *
 * The result always follows the newer fragment's elements, so it is as well formed as the text it
 * came from: deleted words are put where they were, inside the newer text's elements, and a
 * deleted element comes back whole only when it was deleted whole (a removed list item). Each
 * <ins> and <del> carries words a screen reader speaks ("[inserted: … ]"), since most announce
 * neither element, and the styles mark them with underline and strike-through, not colour alone.
 */
import { diffArrays } from "diff";
import { Parser } from "htmlparser2";

type Attributes = Record<string, string>;

/** One piece of a fragment: an element's start or end tag, or a word, a space or a punctuation mark. */
export type HtmlToken =
  | { kind: "open"; name: string; attributes: Attributes }
  | { kind: "close"; name: string }
  | { kind: "void"; name: string; attributes: Attributes }
  | { kind: "text"; text: string };

const voidElements = new Set(["br", "hr", "img", "wbr", "input", "col", "area", "source"]);
const words = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

/** Reads a fragment into tags and words with htmlparser2: entities decoded, void elements whole. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tokens.push(
          voidElements.has(name)
            ? { kind: "void", name, attributes: { ...attributes } }
            : { kind: "open", name, attributes: { ...attributes } },
        );
      },
      onclosetag(name) {
        if (!voidElements.has(name)) tokens.push({ kind: "close", name });
      },
      ontext(text) {
        for (const [word] of text.matchAll(words)) tokens.push({ kind: "text", text: word });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return tokens;
}

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

/** What the comparison sees of a token: its text, or the tag as written. */
const keyOf = (token: HtmlToken): string => {
  switch (token.kind) {
    case "text":
      return `t:${token.text}`;
    case "close":
      return `</${token.name}>`;
    default:
      return `<${token.name} ${JSON.stringify(token.attributes)}>`;
  }
};

export interface WordDiffOptions {
  /** Leave out a heading the fragment starts with (a section's heading, which the page shows itself). @default false */
  dropLeadingHeading?: boolean;
  /** Lower every heading by this many levels, to sit under the page's own headings. @default 0 */
  headingShift?: number;
}

/** A fragment with its changes marked, and the words inserted and deleted, run by run. */
export interface MarkedChanges {
  html: string;
  inserted: string[];
  deleted: string[];
}

type Part = { kind: "same" | "removed" | "added"; tokens: HtmlToken[] };

const isSpace = (token: HtmlToken) => token.kind === "text" && /^\s+$/.test(token.text);

/**
 * Compares two fragments word by word and marks what the newer one inserted and deleted.
 * An empty `before` marks the whole of `after` inserted; an empty `after`, all of `before` deleted.
 */
export function markWordChanges(
  before: string,
  after: string,
  options: WordDiffOptions = {},
): MarkedChanges {
  const prepare = (html: string) => {
    const tokens = tokenizeHtml(html);
    return options.dropLeadingHeading ? withoutLeadingHeading(tokens) : tokens;
  };
  const old = prepare(before);
  const now = prepare(after);
  const parts: Part[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(old.map(keyOf), now.map(keyOf))) {
    const count = change.value.length;
    if (change.added) {
      parts.push({ kind: "added", tokens: now.slice(j, j + count) });
      j += count;
    } else if (change.removed) {
      parts.push({ kind: "removed", tokens: old.slice(i, i + count) });
      i += count;
    } else {
      parts.push({ kind: "same", tokens: now.slice(j, j + count) });
      i += count;
      j += count;
    }
  }
  return new Writer(options.headingShift ?? 0).write(joinChanges(slideToWholeElements(parts)));
}

/**
 * A deleted or inserted stretch between two unchanged ones can often sit one token earlier or
 * later with the same meaning: "Two</li><li>" deleted reads the same as "<li>Two</li>". The
 * comparison may pick either; the one made of whole elements is the one a reader should see.
 */
function slideToWholeElements(parts: Part[]): Part[] {
  const result = parts.map((part) => ({ ...part, tokens: [...part.tokens] }));
  result.forEach((part, index) => {
    const before = result[index - 1];
    const after = result[index + 1];
    if (part.kind === "same" || before?.kind !== "same" || after?.kind !== "same") return;
    if (balanced(part.tokens)) return;
    const tryShift = (direction: -1 | 1): boolean => {
      const moved = {
        part: [...part.tokens],
        before: [...before.tokens],
        after: [...after.tokens],
      };
      for (let step = 0; step < part.tokens.length; step++) {
        if (direction === -1) {
          const last = moved.before.at(-1);
          if (!last || keyOf(last) !== keyOf(moved.part.at(-1)!)) return false;
          moved.part.unshift(moved.before.pop()!);
          moved.after.unshift(moved.part.pop()!);
        } else {
          const first = moved.after[0];
          if (!first || keyOf(first) !== keyOf(moved.part[0]!)) return false;
          moved.part.push(moved.after.shift()!);
          moved.before.push(moved.part.shift()!);
        }
        if (balanced(moved.part)) {
          part.tokens = moved.part;
          before.tokens = moved.before;
          after.tokens = moved.after;
          return true;
        }
      }
      return false;
    };
    if (!tryShift(-1)) tryShift(1);
  });
  return result;
}

/**
 * Word changes separated only by spaces, or by a single unchanged word, read as one change
 * ("three to five" became "five to ten"), not as alternating single words, so such a stretch
 * joins the changes on both sides.
 */
function joinChanges(
  parts: Part[],
): { removed: HtmlToken[]; added: HtmlToken[]; same: HtmlToken[] }[] {
  const runs: { removed: HtmlToken[]; added: HtmlToken[]; same: HtmlToken[] }[] = [];
  let current = { removed: [] as HtmlToken[], added: [] as HtmlToken[], same: [] as HtmlToken[] };
  const isChange = (part: Part | undefined) => part !== undefined && part.kind !== "same";
  parts.forEach((part, index) => {
    if (part.kind === "removed") current.removed.push(...part.tokens);
    else if (part.kind === "added") current.added.push(...part.tokens);
    else if (isChange(parts[index - 1]) && isChange(parts[index + 1]) && isSlight(part.tokens)) {
      current.removed.push(...part.tokens);
      current.added.push(...part.tokens);
    } else {
      current.same = part.tokens;
      runs.push(current);
      current = { removed: [], added: [], same: [] };
    }
  });
  runs.push(current);
  return runs;
}

/** A stretch of one word or mark at most, and spaces, with no tags. */
const isSlight = (tokens: HtmlToken[]) =>
  tokens.every((token) => token.kind === "text") &&
  tokens.filter((token) => !isSpace(token)).length <= 1;

function withoutLeadingHeading(tokens: HtmlToken[]): HtmlToken[] {
  const first = tokens[0];
  if (first?.kind !== "open" || !/^h[1-6]$/.test(first.name)) return tokens;
  const end = tokens.findIndex((token) => token.kind === "close" && token.name === first.name);
  const rest = tokens.slice(end + 1);
  while (rest[0] && isSpace(rest[0])) rest.shift();
  return rest;
}

/** Elements whose children are elements only: deleted words are put in a child that may hold text. */
const textWrappers: Record<string, [string, string]> = {
  ul: ["<li>", "</li>"],
  ol: ["<li>", "</li>"],
  tr: ["<td>", "</td>"],
  table: ["<tr><td>", "</td></tr>"],
  thead: ["<tr><td>", "</td></tr>"],
  tbody: ["<tr><td>", "</td></tr>"],
  tfoot: ["<tr><td>", "</td></tr>"],
};

const marks = {
  ins: { label: "inserted" },
  del: { label: "deleted" },
};

/** Writes the marked fragment, keeping track of the open elements so every tag it writes closes. */
class Writer {
  private html = "";
  private readonly open: string[] = [];
  private readonly inserted: string[] = [];
  private readonly deleted: string[] = [];

  constructor(private readonly headingShift: number) {}

  write(runs: { removed: HtmlToken[]; added: HtmlToken[]; same: HtmlToken[] }[]): MarkedChanges {
    for (const run of runs) {
      const removed = [...run.removed];
      const added = [...run.added];
      // A space before or after both the deleted and the inserted words is written once, outside.
      const both = () => removed.length > 0 && added.length > 0;
      const spaceBefore = both() && isSpace(removed[0]!) && isSpace(added[0]!);
      if (spaceBefore) {
        removed.shift();
        added.shift();
        this.html += " ";
      }
      const spaceAfter = both() && isSpace(removed.at(-1)!) && isSpace(added.at(-1)!);
      if (spaceAfter) {
        removed.pop();
        added.pop();
      }
      this.changed(removed, "del");
      this.changed(added, "ins");
      if (spaceAfter) this.html += " ";
      for (const token of run.same) this.token(token);
    }
    return { html: this.html, inserted: this.inserted, deleted: this.deleted };
  }

  /** Deleted tokens keep their tags only when they form whole elements; inserted ones always do. */
  private changed(tokens: HtmlToken[], mark: "ins" | "del"): void {
    if (tokens.length === 0) return;
    const keepTags = mark === "ins" || balanced(tokens);
    let text: string[] = [];
    const flush = () => {
      const words = text.join("");
      text = [];
      if (words === "") return;
      if (/^\s+$/.test(words)) {
        // A deleted space is nothing to read; an inserted one keeps the words apart.
        if (mark === "ins") this.html += " ";
        return;
      }
      this.marked(words, mark);
    };
    for (const token of tokens) {
      if (token.kind === "text") text.push(token.text);
      else {
        flush();
        if (keepTags) this.token(token, mark === "del");
      }
    }
    flush();
  }

  private marked(words: string, mark: "ins" | "del"): void {
    const leading = /^\s*/.exec(words)![0];
    const trailing = /\s*$/.exec(words)![0];
    const core = words.trim();
    (mark === "ins" ? this.inserted : this.deleted).push(core);
    const [wrapOpen, wrapClose] = textWrappers[this.open.at(-1) ?? ""] ?? ["", ""];
    // Spaces at either end stay inside the mark, so deleted words never run into their neighbours.
    this.html +=
      `${wrapOpen}<${mark}>${leading ? " " : ""}<span class="visually-hidden">[${marks[mark].label}: </span>` +
      `${escapeText(core)}<span class="visually-hidden">]</span>${trailing ? " " : ""}</${mark}>${wrapClose}`;
  }

  private token(token: HtmlToken, deleted = false): void {
    switch (token.kind) {
      case "text": {
        const [wrapOpen, wrapClose] = textWrappers[this.open.at(-1) ?? ""] ?? ["", ""];
        this.html += isSpace(token) ? " " : `${wrapOpen}${escapeText(token.text)}${wrapClose}`;
        return;
      }
      case "close":
        this.open.pop();
        this.html += `</${this.rename(token.name)}>`;
        return;
      case "open":
        this.open.push(token.name);
        this.html += this.tag(token, deleted);
        return;
      case "void":
        this.html += this.tag(token, deleted);
    }
  }

  /**
   * A start tag as the page may show it: no ids (the page has its own, and a fragment shown twice
   * would repeat them) and no links to places in the page it came from; a deleted element is marked.
   */
  private tag(token: Extract<HtmlToken, { attributes: Attributes }>, deleted: boolean): string {
    const attributes = Object.entries(token.attributes).filter(
      ([name, value]) => name !== "id" && !(name === "href" && value.startsWith("#")),
    );
    if (deleted) {
      const classes = attributes.find(([name]) => name === "class");
      if (classes) classes[1] = `${classes[1]} diff-deleted`;
      else attributes.push(["class", "diff-deleted"]);
    }
    const written = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`);
    return `<${this.rename(token.name)}${written.join("")}>`;
  }

  private rename(name: string): string {
    const heading = /^h([1-6])$/.exec(name);
    if (!heading || this.headingShift === 0) return name;
    return `h${Math.min(6, Number(heading[1]) + this.headingShift)}`;
  }
}

/** True when the tags among the tokens open and close whole elements, none left half open. */
function balanced(tokens: HtmlToken[]): boolean {
  const open: string[] = [];
  for (const token of tokens) {
    if (token.kind === "open") open.push(token.name);
    else if (token.kind === "close" && open.pop() !== token.name) return false;
  }
  return open.length === 0;
}

/**
 * Splits a Markdown content file into its YAML front matter and its body,
 * keeping the offsets needed to point at a line of the file itself.
 */

export interface SplitFile {
  /** The language written after the opening fence (`---js` gives `js`); empty for YAML. */
  language: string;
  /** The YAML between the fences. */
  yaml: string;
  /** Offset of the YAML's first character in the file text. */
  yamlOffset: number;
  /** The Markdown after the closing fence. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export type SplitResult =
  | { ok: true; split: SplitFile }
  | { ok: false; reason: "no-front-matter" | "unclosed-front-matter" };

// Anything after the dashes names a front-matter language (`---js`, `--- javascript`), as gray-matter reads it.
const openingFence = /^---([^\n]*)\n/;
const closingFence = /^---[ \t]*$/m;

/** Expects text with a byte-order mark removed and line endings normalised to `\n`. */
export function splitFrontMatter(text: string): SplitResult {
  const opening = openingFence.exec(text);
  if (!opening) return { ok: false, reason: "no-front-matter" };
  const yamlOffset = opening[0].length;
  const rest = text.slice(yamlOffset);
  const closing = closingFence.exec(rest);
  if (!closing) return { ok: false, reason: "unclosed-front-matter" };
  const yaml = rest.slice(0, closing.index);
  let bodyStart = yamlOffset + closing.index + closing[0].length;
  if (text[bodyStart] === "\n") bodyStart += 1;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  return {
    ok: true,
    split: {
      language: opening[1]?.trim().toLowerCase() ?? "",
      yaml,
      yamlOffset,
      body: text.slice(bodyStart),
      bodyLine,
    },
  };
}

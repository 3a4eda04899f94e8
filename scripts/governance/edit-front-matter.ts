import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import { UsageError } from "../cli/usage-error.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { parseYamlDocument } from "../content/parse-yaml.ts";

/** A replacement of `[start, end)` of the file's text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A value to write: `quoted` always writes it in double quotes, as versions are. */
export interface YamlValue {
  value: string;
  quoted?: boolean;
}

/**
 * Edits a Markdown file's YAML front matter by replacing and inserting text at
 * the positions the YAML parser reports, so every other byte of the file
 * (comments, quoting, folded text, the body, line endings) stays as it was.
 */
export class FrontMatterEditor {
  readonly data: Record<string, unknown>;
  private readonly text: string;
  private readonly bom: string;
  private readonly crlf: boolean;
  private readonly yamlOffset: number;
  private readonly root: YAMLMap;
  private readonly edits: Edit[] = [];

  constructor(
    raw: string,
    /** Shown in messages, such as content/communities/north-east/charter.md. */
    private readonly file: string,
  ) {
    this.bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
    this.crlf = raw.includes("\r\n");
    this.text = raw.slice(this.bom.length).replace(/\r\n?/g, "\n");
    const split = splitFrontMatter(this.text);
    const doc = split.ok ? parseYamlDocument(split.split.yaml) : undefined;
    if (!split.ok || !doc || doc.errors.length || !isMap(doc.contents)) {
      throw new UsageError(
        `${file} could not be read as front matter. Run npm run validate to see why, fix it, then try again.`,
      );
    }
    this.yamlOffset = split.split.yamlOffset;
    this.root = doc.contents;
    this.data = doc.toJS() as Record<string, unknown>;
  }

  /** Replaces the value of a top-level field that holds a single value. */
  setField(key: string, value: YamlValue): this {
    const pair = this.pair(this.root, key);
    if (!pair || !isScalar(pair.value) || !pair.value.range)
      throw this.cannotEdit(`${key} is missing or is not a single value`);
    const [start, end] = pair.value.range;
    const quote = this.text[this.yamlOffset + start] === "'" ? "'" : '"';
    return this.replace(start, end, formatValue(value, quote));
  }

  /** Adds a row after the last item of a list of fields, indented like the items above it. */
  appendRow(listKey: string, fields: [string, YamlValue][]): this {
    const last = this.lastRow(listKey);
    const start = last.range![0];
    const lineStart = this.yamlLineStart(start);
    const dash = this.yamlText(lineStart, start);
    if (!/^ *- +$/.test(dash))
      throw this.cannotEdit(
        `the items of ${listKey} are not written one "- key: value" block per item`,
      );
    const indent = " ".repeat(dash.length);
    const lines = fields.map(
      ([key, value], i) => `${i === 0 ? dash : indent}${key}: ${formatValue(value)}\n`,
    );
    const at = this.lineEndAfter(last.range![1]);
    return this.replace(at, at, lines.join(""));
  }

  /** Sets a field of the last item of a list: replaces its value, or adds the field on the line after `after`. */
  setInLastRow(listKey: string, key: string, value: YamlValue, after: string): this {
    const last = this.lastRow(listKey);
    const existing = this.pair(last, key);
    if (existing) {
      if (!isScalar(existing.value) || !existing.value.range)
        throw this.cannotEdit(`${listKey}'s last ${key} is not a single value`);
      return this.replace(existing.value.range[0], existing.value.range[1], formatValue(value));
    }
    const anchor = this.pair(last, after);
    const anchorEnd = (anchor?.value as Node | null | undefined)?.range?.[1];
    if (anchorEnd === undefined) throw this.cannotEdit(`${listKey}'s last row has no ${after}`);
    const keyStart = (last.items[0]!.key as Node).range![0];
    const indent = " ".repeat(keyStart - this.yamlLineStart(keyStart));
    const at = this.lineEndAfter(anchorEnd);
    return this.replace(at, at, `${indent}${key}: ${formatValue(value)}\n`);
  }

  /** The file with every edit applied, with its original line endings and byte-order mark. */
  toString(): string {
    let text = this.text;
    for (const edit of [...this.edits].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    return this.bom + (this.crlf ? text.replace(/\n/g, "\r\n") : text);
  }

  private pair(map: YAMLMap, key: string): Pair | undefined {
    return map.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key,
    );
  }

  private lastRow(listKey: string): YAMLMap {
    const list = this.pair(this.root, listKey)?.value;
    const last = isSeq(list) ? list.items.at(-1) : undefined;
    if (!isSeq(list) || list.flow || !isMap(last) || !last.range || last.items.length === 0) {
      throw this.cannotEdit(`${listKey} is missing or is not a list of rows`);
    }
    return last;
  }

  private replace(start: number, end: number, text: string): this {
    this.edits.push({ start: this.yamlOffset + start, end: this.yamlOffset + end, text });
    return this;
  }

  /** Offset in the YAML of the start of the line holding `offset`. */
  private yamlLineStart(offset: number): number {
    return this.text.lastIndexOf("\n", this.yamlOffset + offset - 1) + 1 - this.yamlOffset;
  }

  private yamlText(start: number, end: number): string {
    return this.text.slice(this.yamlOffset + start, this.yamlOffset + end);
  }

  /** The start of the line after the one `offset` is on, or `offset` when it already starts a line. */
  private lineEndAfter(offset: number): number {
    const absolute = this.yamlOffset + offset;
    if (this.text[absolute - 1] === "\n") return offset;
    const newline = this.text.indexOf("\n", absolute);
    return (newline === -1 ? this.text.length : newline + 1) - this.yamlOffset;
  }

  private cannotEdit(why: string): UsageError {
    return new UsageError(
      `${this.file} could not be edited: ${why}. Run npm run validate, fix what it reports, then try again.`,
    );
  }
}

/** Writes one line of YAML for a value, quoting it only when YAML would otherwise read it differently. */
function formatValue({ value, quoted }: YamlValue, quote: "'" | '"' = '"'): string {
  if (/[\r\n]/.test(value))
    throw new UsageError(`"${value}" spans several lines; write it on one line.`);
  if (quoted) return quote === "'" ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

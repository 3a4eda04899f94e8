/**
 * Writes new data into YAML text by editing only the values that changed, at the positions the
 * YAML parser reports, as scripts/governance/edit-front-matter.ts does for `npm run revise`:
 * comments, quoting, key order, folded text and blank lines of everything the edit did not touch
 * stay byte for byte as they were. The content editor saves through it, because Decap CMS would
 * otherwise write the whole front matter anew (its own key order, quoting and line folding).
 *
 * A changed value keeps its style where it can (a quoted version stays quoted, a folded paragraph
 * stays folded); list items are matched by content, so adding, removing or editing one item
 * leaves the others' lines alone; a value whose shape changes (a list where there was nothing,
 * a flow list) is written afresh in block style.
 */
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { parseYamlDocument } from "../content/parse-yaml.ts";

type Value = unknown;
type Data = Record<string, unknown>;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The YAML could not be read, so it cannot be edited in place. */
export class YamlPatchError extends Error {
  override name = "YamlPatchError";
}

const stringifyOptions = { schema: "core", lineWidth: 0 } as const;

const isPlainObject = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep equality of parsed YAML values (strings, numbers, booleans, null, lists, maps). */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
    );
  }
  return false;
}

const isEmptyValue = (value: Value) =>
  value === undefined ||
  value === null ||
  value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (isPlainObject(value) && Object.keys(value).length === 0);

/**
 * What a form's data means, next to what the file held: a field the form left empty (an empty
 * text box, a list with no items, a group with nothing filled in, a list item left blank) is a
 * field that is not there, unless the file itself held that empty value.
 */
export function withoutEmptyFields(value: Value, before: Value): Value {
  if (Array.isArray(value)) {
    const old = Array.isArray(before) ? before : [];
    // An item added and left blank is no item.
    return value
      .map((item, i) => withoutEmptyFields(item, old[i]))
      .filter((item, i) => !isEmptyValue(item) || sameValue(item, old[i]));
  }
  if (!isPlainObject(value)) return value;
  const old = isPlainObject(before) ? before : {};
  const result: Data = {};
  for (const [key, item] of Object.entries(value)) {
    const cleaned = withoutEmptyFields(item, old[key]);
    if (isEmptyValue(cleaned) && !(Object.hasOwn(old, key) && sameValue(old[key], cleaned)))
      continue;
    result[key] = cleaned;
  }
  return result;
}

/**
 * Returns `text` (a YAML document whose root is a map) with `value` written into it, changing
 * only what differs from what the text holds.
 * @param keyOrder the order new top-level keys should take among the existing ones (the form's
 *   field order); keys not listed go last. @default the order of `value`'s keys
 */
export function patchYaml(text: string, value: Data, keyOrder: readonly string[] = []): string {
  const doc = parseYamlDocument(text);
  if (doc.errors.length) throw new YamlPatchError(doc.errors[0]!.message.split("\n")[0]);
  const root = doc.contents;
  if (root !== null && !isMap(root))
    throw new YamlPatchError("The front matter is not a set of fields.");
  const editor = new TextEditor(text);
  if (root === null || root.items.length === 0) {
    // Nothing to keep: the whole front matter is written afresh.
    const fresh = Object.keys(value).length ? stringify(value, stringifyOptions) : "";
    return text.trimEnd() === "" ? fresh : `${text.replace(/\n?$/, "\n")}${fresh}`;
  }
  editor.patchMap(root, value, keyOrder);
  return editor.result();
}

/** Collects the edits for one text, then applies them from the end backwards. */
class TextEditor {
  private readonly edits: Edit[] = [];
  constructor(private readonly text: string) {}

  result(): string {
    let text = this.text;
    for (const edit of [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end))
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    return text;
  }

  private replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The start of the next line, or `offset` when it already starts a line. */
  private lineEndAfter(offset: number): number {
    if (offset === 0 || this.text[offset - 1] === "\n") return offset;
    const newline = this.text.indexOf("\n", offset);
    return newline === -1 ? this.text.length : newline + 1;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Where a node's own text ends, without the line break a block collection or scalar takes. */
  private valueEnd(node: Node): number {
    let end = node.range![1];
    while (end > node.range![0] && this.text[end - 1] === "\n") end--;
    return end;
  }

  /** The end of a node including what follows it on its line (a comment, the line break). */
  private nodeEnd(node: Node): number {
    return this.lineEndAfter(node.range![2]);
  }

  /**
   * Writes `value` over `node` where it stands; false when the node's shape cannot hold it there
   * (nothing written yet, a list where there was a word), for the caller to write it afresh.
   * @param column the column of the node's key or dash
   */
  private patchInPlace(node: Node | null, value: Value, column: number): boolean {
    if (!node?.range) return false;
    if (sameValue(node.toJSON(), value)) return true;
    if (isScalar(node)) {
      // An empty value (`key:` and nothing) has no text to replace.
      if (node.range[0] === node.range[1] || isPlainObject(value) || Array.isArray(value))
        return false;
      this.replace(node.range[0], this.valueEnd(node), scalarText(value, node.type, column));
      return true;
    }
    if ((isMap(node) || isSeq(node)) && node.flow) {
      this.replace(node.range[0], this.valueEnd(node), flowText(value));
      return true;
    }
    if (isMap(node) && node.items.length && isPlainObject(value) && Object.keys(value).length) {
      this.patchMap(node, value, []);
      return true;
    }
    if (isSeq(node) && node.items.length && Array.isArray(value) && value.length) {
      this.patchSeq(node, value);
      return true;
    }
    return false;
  }

  /** The pairs of a block map: kept, changed, removed, or added after the others. */
  patchMap(map: YAMLMap, value: Data, keyOrder: readonly string[]): void {
    const pairs = map.items as Pair<Node, Node | null>[];
    const keyOf = (pair: Pair<Node, Node | null>) =>
      isScalar(pair.key) ? String(pair.key.value) : undefined;
    const existing = new Map(pairs.map((pair) => [keyOf(pair), pair]));

    pairs.forEach((pair, index) => {
      const key = keyOf(pair);
      const keyNode = pair.key;
      if (key === undefined || !keyNode.range) return;
      if (!Object.hasOwn(value, key)) {
        this.removePair(pairs, index);
        return;
      }
      const column = this.column(keyNode.range[0]);
      if (this.patchInPlace(pair.value, value[key], column)) return;
      const after = this.afterColon(keyNode.range[1]);
      const end = pair.value?.range ? this.valueEnd(pair.value) : after;
      this.replace(after, end, renderAfter(value[key], column));
    });

    const added = Object.keys(value).filter((key) => !existing.has(key));
    if (!added.length) return;
    const order = [...keyOrder, ...Object.keys(value).filter((key) => !keyOrder.includes(key))];
    const pad = " ".repeat(this.column(pairs[0]!.key.range![0]));
    for (const key of added) {
      // After the nearest key before it in the form's order that the file has, else after the last.
      const earlier = order
        .slice(0, order.indexOf(key))
        .reverse()
        .find((k) => existing.has(k) && Object.hasOwn(value, k));
      const anchor = existing.get(earlier) ?? pairs.at(-1)!;
      const at = this.nodeEnd(anchor.value ?? anchor.key);
      const lines = renderEntry(key, value[key], pad.length);
      this.replace(at, at, `${at > 0 && this.text[at - 1] !== "\n" ? "\n" : ""}${lines}\n`);
    }
  }

  /** The position just after the `:` that follows a key. */
  private afterColon(keyEnd: number): number {
    const colon = this.text.indexOf(":", keyEnd);
    return colon === -1 ? keyEnd : colon + 1;
  }

  private removePair(pairs: Pair<Node, Node | null>[], index: number): void {
    const pair = pairs[index]!;
    const keyStart = pair.key.range![0];
    const end = this.nodeEnd(pair.value ?? pair.key);
    const lineStart = this.lineStart(keyStart);
    const startsLine = this.text.slice(lineStart, keyStart).trim() === "";
    if (startsLine) {
      this.replace(lineStart, end, "");
      return;
    }
    // The first key of a list item (`- key: value`): the next key moves up beside the dash.
    const next = pairs[index + 1];
    if (next) this.replace(keyStart, next.key.range![0], "");
    else this.replace(keyStart, this.valueEnd(pair.value ?? pair.key), "{}");
  }

  /** The items of a block list, matched by content: only added, removed and changed items are written. */
  private patchSeq(seq: YAMLSeq, value: Value[]): void {
    const items = seq.items as Node[];
    const before = items.map((item) => item.toJSON() as Value);
    const dashOf = (item: Node) => this.text.lastIndexOf("-", item.range![0] - 1);
    const dashColumn = this.column(dashOf(items[0]!));
    const insertAt = (afterIndex: number) =>
      afterIndex < 0 ? this.lineStart(dashOf(items[0]!)) : this.nodeEnd(items[afterIndex]!);

    let oldIndex = 0;
    for (const step of alignLists(before, value)) {
      if (step.kind === "keep") {
        oldIndex++;
        continue;
      }
      if (step.kind === "change") {
        const item = items[oldIndex]!;
        const newValue = value[step.newIndex];
        if (!this.patchInPlace(item, newValue, dashColumn)) {
          const end = this.nodeEnd(item);
          this.replace(this.lineStart(dashOf(item)), end, `${renderItem(newValue, dashColumn)}\n`);
        }
        oldIndex++;
        continue;
      }
      if (step.kind === "remove") {
        const item = items[oldIndex]!;
        this.replace(this.lineStart(dashOf(item)), this.nodeEnd(item), "");
        oldIndex++;
        continue;
      }
      const at = insertAt(oldIndex - 1);
      const text = renderItem(value[step.newIndex], dashColumn);
      this.replace(at, at, `${at > 0 && this.text[at - 1] !== "\n" ? "\n" : ""}${text}\n`);
    }
  }
}

type Step =
  | { kind: "keep" }
  | { kind: "change"; newIndex: number }
  | { kind: "remove" }
  | { kind: "add"; newIndex: number };

/**
 * Lines up two lists by their longest common run of equal items, then pairs what was removed with
 * what was added in its place as a change, so an edited item is edited where it stands.
 */
export function alignLists(before: readonly Value[], after: readonly Value[]): Step[] {
  const n = before.length;
  const m = after.length;
  const common: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      common[i]![j] = sameValue(before[i], after[j])
        ? common[i + 1]![j + 1]! + 1
        : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);

  const steps: Step[] = [];
  let removed = 0;
  const added: number[] = [];
  const flush = () => {
    const paired = Math.min(removed, added.length);
    for (let k = 0; k < paired; k++) steps.push({ kind: "change", newIndex: added[k]! });
    for (let k = paired; k < removed; k++) steps.push({ kind: "remove" });
    for (const newIndex of added.slice(paired)) steps.push({ kind: "add", newIndex });
    removed = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameValue(before[i], after[j])) {
      flush();
      steps.push({ kind: "keep" });
      i++;
      j++;
    } else if (j < m && (i === n || common[i]![j + 1]! >= common[i + 1]![j]!)) {
      added.push(j++);
    } else {
      removed++;
      i++;
    }
  }
  flush();
  return steps;
}

/**
 * A scalar's new text, in its old style where that still reads back as the new value: a quoted
 * version stays quoted, a folded or literal paragraph stays folded or literal.
 * @param indent the column of the key or dash the scalar belongs to
 */
function scalarText(value: Value, style: Scalar["type"], indent: number): string {
  if (typeof value !== "string") return stringify(value, stringifyOptions).trimEnd();
  const multiLine = value.includes("\n");
  if (!multiLine && style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (!multiLine && style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (style === Scalar.BLOCK_FOLDED || style === Scalar.BLOCK_LITERAL) {
    const doc = new Document(value, stringifyOptions);
    (doc.contents as Scalar).type = multiLine ? Scalar.BLOCK_LITERAL : style;
    return indentLines(doc.toString({ lineWidth: 80, indent: 2 }).trimEnd(), indent + 2);
  }
  return indentLines(stringify(value, stringifyOptions).trimEnd(), indent + 2);
}

/** Indents every line after the first (the first follows `key: ` or `- `). */
function indentLines(text: string, indent: number): string {
  const pad = " ".repeat(indent);
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : pad + line))
    .join("\n");
}

const flowText = (value: Value) => {
  const doc = new Document(value, stringifyOptions);
  if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0 }).trimEnd();
};

/** What follows `key:` for a value written afresh: ` value` on the line, or the block below it. */
function renderAfter(value: Value, indent: number): string {
  const isBlock =
    (Array.isArray(value) && value.length > 0) ||
    (isPlainObject(value) && Object.keys(value).length > 0);
  if (!isBlock) return ` ${scalarText(value, Scalar.PLAIN, indent)}`;
  const block = stringify(value, stringifyOptions).trimEnd();
  const pad = " ".repeat(indent + 2);
  return `\n${block
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n")}`;
}

/** `key: value` lines for a new field at `indent`. */
function renderEntry(key: string, value: Value, indent: number): string {
  return `${" ".repeat(indent)}${stringify(key, stringifyOptions).trimEnd()}:${renderAfter(value, indent)}`;
}

/** `- value` lines for a new list item whose dash is at `dashColumn`. */
function renderItem(value: Value, dashColumn: number): string {
  const pad = " ".repeat(dashColumn);
  const block = stringify([value], stringifyOptions).trimEnd();
  return block
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

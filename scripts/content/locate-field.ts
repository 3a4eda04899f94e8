import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { SourceText } from "./source-text.ts";

export type FieldPath = readonly (string | number)[];

/** Where a field is in the file: the key of a mapping entry, or the start of a list item. */
export interface FieldLocation {
  line: number;
  column: number;
  /** True when the whole path was found; false when it stopped at the nearest parent. */
  exact: boolean;
  /** The YAML source of the value, such as `0.4` or `16/11/21`, when the value is a scalar. */
  sourceText?: string;
}

/**
 * Finds a field of a parsed YAML document in the file, so a schema error on
 * `/version_history/3/approval_date` points at the line the editor wrote it on.
 * @param yamlOffset where the YAML starts in the file, after the opening `---` line
 */
export function locateField(
  doc: Document.Parsed,
  source: SourceText,
  yamlOffset: number,
  path: FieldPath,
): FieldLocation {
  let node: unknown = doc.contents;
  let offset = firstOffset(node) ?? 0;
  let exact = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) {
        exact = false;
        break;
      }
      offset = firstOffset(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      node = node.items[segment];
      offset = firstOffset(node) ?? offset;
    } else {
      exact = false;
      break;
    }
  }
  const position = source.position(yamlOffset + offset);
  const sourceText =
    exact && isScalar(node) && node.range
      ? source.text.slice(yamlOffset + node.range[0], yamlOffset + node.range[1])
      : undefined;
  return { ...position, exact, ...(sourceText !== undefined ? { sourceText } : {}) };
}

function firstOffset(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

/** Converts an ajv instance path (`/version_history/3/approval_date`) to segments. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/**
 * Shows a path the way an editor reads it: `version_history[3].approval_date`. A key with a dot
 * in it, such as an indicator's "1.2", is shown in quotes (`answers.self-assessment["1.2"].met`),
 * so its dot does not read as a level.
 */
export function formatFieldPath(path: FieldPath): string {
  return path
    .map((segment, index) =>
      typeof segment === "number"
        ? `[${segment}]`
        : segment.includes(".")
          ? `["${segment}"]`
          : index === 0
            ? segment
            : `.${segment}`,
    )
    .join("");
}

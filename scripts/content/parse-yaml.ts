import { FAILSAFE_SCHEMA, Type, YAMLException, load, type LoadOptions } from "js-yaml";
import { parseDocument, type Document } from "yaml";

/**
 * The one YAML parser for content: the loader and the governance check's reading of the base
 * branch both call this, so both sides of every comparison are read alike.
 *
 * The YAML 1.2 core schema keeps dates as strings (2021-11-16 stays "2021-11-16"),
 * and `yes`/`no` as strings, so no value changes type between the file and the page.
 */
export const yamlOptions = {
  schema: "core",
  uniqueKeys: true,
  prettyErrors: false,
  // Bounds "billion laughs" alias expansion: toJS() throws past this many alias resolutions.
  maxAliasCount: 100,
} as const;

export function parseYamlDocument(text: string): Document.Parsed {
  return parseDocument(text, yamlOptions);
}

/**
 * Reads plain YAML with js-yaml, several times faster than building a `yaml` document (what
 * Eleventy itself reads front matter with), for the usual file that has nothing to report.
 * Returns undefined for anything it does not read as plain data: a syntax error, a duplicate
 * key, a tab, an unknown tag, or anchors and aliases that share a value. The caller then reads
 * the file with {@link parseYamlDocument}, for problems with positions and the alias limit.
 * Both use the YAML 1.2 core schema: dates, yes and no stay text.
 */
export function readPlainYaml(text: string): { data: unknown } | { tooDeepAt: number } | undefined {
  // Where the two readers part ways, `yaml` decides: a carriage return on its own is a line break
  // to js-yaml but an error to `yaml`; js-yaml takes ---x at the start of a line for a marker;
  // the two differ on tabs in indentation and on explicit ? keys.
  if (/\r(?!\n)|^(?:---|\.\.\.)|^ *\t|^[ -]*\?(?:\s|$)/m.test(text)) return undefined;
  // js-yaml is lenient with the indentation of a quoted or plain value that runs over several
  // lines, where `yaml` follows the specification, and names a mapping used as a key differently
  // ("[object Object]"). Both are left to `yaml`.
  const opened: number[] = [];
  let leaveToYaml = false;
  const listener = (event: "open" | "close", state: NodeState) => {
    if (event === "open") {
      opened.push(state.position);
      return;
    }
    const start = opened.pop();
    if (state.kind === "scalar") {
      const source = state.input.slice(start, state.position).trim();
      if (source.includes("\n") && !/^(?:[!&]\S*\s+)*[|>]/.test(source)) leaveToYaml = true;
    } else if (/^\s*:/.test(state.input.slice(state.position, state.position + 200))) {
      leaveToYaml = true;
    }
  };
  let data: unknown;
  try {
    // js-yaml reads an empty document as undefined, `yaml` as null.
    // maxDepth is documented in js-yaml 4.3 but not yet in its published types.
    const options: LoadOptions & { maxDepth: number } = { schema: coreSchema, listener, maxDepth };
    data = load(text, options) ?? null;
  } catch (error) {
    // Past this depth `yaml` would recurse until the stack runs out, where, depending on how
    // deep the stack already is, it reports an error or takes the process down.
    if (error instanceof YAMLException && error.reason.startsWith("nesting exceeded maxDepth")) {
      return { tooDeepAt: error.mark.position };
    }
    return undefined;
  }
  return leaveToYaml || sharesValues(data) ? undefined : { data };
}

/** What js-yaml's listener is shown of its reader: the source, a position in it, the node kind. */
interface NodeState {
  input: string;
  position: number;
  kind: string | null;
}

/** Lists and groups of fields inside each other: content needs a few levels, never a hundred. */
const maxDepth = 100;

/** One js-yaml scalar type that reads text matching `pattern`, as `yaml`'s core schema does. */
function scalar(tag: string, pattern: RegExp, construct: (text: string) => unknown): Type {
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (text: unknown) => typeof text === "string" && pattern.test(text),
    construct,
  });
}

/**
 * The YAML 1.2 core schema exactly as the `yaml` package reads it: js-yaml's own CORE_SCHEMA also
 * reads 0b101 and 1_000 as numbers, where `yaml` keeps them as text. The patterns are `yaml`'s
 * (yaml/dist/schema/core); a property test compares both readers on thousands of documents.
 */
const coreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar("bool", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => /^t/i.test(text)),
    scalar("int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith("0o")
        ? parseInt(text.slice(2), 8)
        : text.startsWith("0x")
          ? parseInt(text.slice(2), 16)
          : parseInt(text, 10),
    ),
    scalar(
      "float",
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/,
      (text) =>
        /nan$/i.test(text)
          ? NaN
          : /inf$/i.test(text)
            ? (text.startsWith("-") ? -1 : 1) * Infinity
            : parseFloat(text),
    ),
  ],
});

/** True when one list or mapping appears twice in the data: an alias, which `yaml` bounds. */
function sharesValues(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (seen.has(value)) return true;
    seen.add(value);
    stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return false;
}

import type { FieldLocation, FieldPath } from "./locate-field.ts";
import { formatFieldPath } from "./locate-field.ts";
import { codePoint } from "./names.ts";
import { problem, type Problem } from "./problems.ts";

/**
 * Characters content may not hold: the C0 and C1 control characters other than tab and line
 * feed (an escape sequence recolours or rewrites a terminal, a carriage return overwrites a line
 * of a CI log), and the bidirectional formatting characters, which reorder how the text around
 * them is displayed ("Trojan Source", CVE-2021-42574), so a name could read as another.
 */
// eslint-disable-next-line no-control-regex
const refused = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const describe = (character: string) =>
  /[\u202A-\u202E\u2066-\u2069]/u.test(character)
    ? `the bidirectional formatting character ${codePoint(character)}, which changes the order in which the text around it is displayed`
    : `the control character ${codePoint(character)}, which no reader sees and which can rewrite what a terminal or a CI log shows`;

const hint =
  "Delete it: retype the text around it in a plain editor, or remove the escape (such as \\x1b or \\u202e) that writes it.";

/**
 * Refuses control characters in a content file: in every key and text value of its data
 * (including those written as escapes in quoted YAML, and line breaks inside a key), and anywhere
 * else in the file's text, such as its Markdown or a YAML comment.
 * @param text the file's text, line endings already normalised to \n
 */
export function findControlCharacters(
  text: string,
  data: unknown,
  locate: (path: FieldPath) => FieldLocation,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const reportedLines = new Set<number>();
  const report = (path: FieldPath, character: string, what: string) => {
    const { line, column } = locate(path);
    reportedLines.add(line);
    problems.push(
      problem({
        code: "control-character",
        file,
        line,
        column,
        field: formatFieldPath(path),
        message: `This ${what} holds ${describe(character)}.`,
        hint,
      }),
    );
  };
  // An explicit stack, not recursion: YAML nested thousands deep must not overflow the call stack.
  // Each entry links to its parent, so a path is only built for the rare value that is refused.
  interface Entry {
    value: unknown;
    segment?: string | number;
    parent?: Entry;
  }
  const pathOf = (entry: Entry | undefined): FieldPath => {
    const segments: (string | number)[] = [];
    for (let e = entry; e?.segment !== undefined; e = e.parent) segments.unshift(e.segment);
    return segments;
  };
  const stack: Entry[] = [{ value: data }];
  const found: { path: FieldPath; character: string; what: string }[] = [];
  while (stack.length) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === "string") {
      const character = refused.exec(value)?.[0];
      if (character) found.push({ path: pathOf(entry), character, what: "value" });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, segment: index, parent: entry }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, segment: key, parent: entry };
        const character = refused.exec(key)?.[0] ?? (key.includes("\n") ? "\n" : undefined);
        if (character) found.push({ path: pathOf(child), character, what: "field's name" });
        stack.push(child);
      }
    }
  }
  for (const { path, character, what } of found) report(path, character, what);

  text.split("\n").forEach((lineText, index) => {
    const match = refused.exec(lineText);
    if (!match || reportedLines.has(index + 1)) return;
    problems.push(
      problem({
        code: "control-character",
        file,
        line: index + 1,
        column: [...lineText.slice(0, match.index)].length + 1,
        field: "",
        message: `This line holds ${describe(match[0])}.`,
        hint,
      }),
    );
  });
  return problems;
}

/**
 * Answers to a template, two ways round: the nested `answers:` of a completed example, and the
 * flat values of a form's fields by name. The build fills in an example's form with
 * `valuesFromAnswers`; the browser turns what a reader typed into an example with
 * `answersFromValues`. No imports from Node: this module is also bundled for the browser.
 */
import type { FormField } from "./template-form.ts";

/** A field's value: the text, date or chosen option, or true for a ticked item. */
export type FieldValue = string | boolean;

/** A completed example's answers: text at the leaves, ticked item numbers in lists. */
export interface Answers {
  [key: string]: string | number[] | Answers;
}

/** The fields of a form, as much of them as the answers need. */
export type AnswerField = Pick<FormField, "name" | "path" | "kind" | "item">;

const isAnswers = (value: unknown): value is Answers =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function lookUp(answers: Answers, path: readonly string[]): unknown {
  let node: unknown = answers;
  for (const segment of path) {
    if (!isAnswers(node)) return undefined;
    node = node[segment];
  }
  return node;
}

/** Each field's value in a completed example, by field name; fields left blank are absent. */
export function valuesFromAnswers(
  fields: readonly AnswerField[],
  answers: Answers,
): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const answer = lookUp(answers, field.path);
    if (field.kind === "tick") {
      if (Array.isArray(answer) && answer.includes(field.item)) values[field.name] = true;
    } else if (typeof answer === "string" && answer !== "") {
      values[field.name] = answer;
    }
  }
  return values;
}

// Line breaks and tabs stay; other control characters and bidirectional overrides go, because
// the content loader refuses them in a file (scripts/content/control-characters.ts).
const tidy = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "");

/**
 * The `answers:` of a completed example from the values a reader gave, in the form's order.
 * Blank fields are left out, so an example only says what was answered.
 */
export function answersFromValues(
  fields: readonly AnswerField[],
  values: Readonly<Record<string, FieldValue | undefined>>,
): Answers {
  const answers: Answers = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "tick") {
      if (value !== true) continue;
      const ticked = ensure(answers, field.path.slice(0, -1));
      const key = field.path.at(-1)!;
      const list = Array.isArray(ticked[key]) ? ticked[key] : (ticked[key] = []);
      list.push(field.item!);
      continue;
    }
    if (typeof value !== "string") continue;
    const text = tidy(value).replace(/\s+$/, "");
    if (text.trim() === "") continue;
    ensure(answers, field.path.slice(0, -1))[field.path.at(-1)!] = text;
  }
  return answers;
}

function ensure(answers: Answers, path: readonly string[]): Answers {
  let node = answers;
  for (const segment of path) {
    const next = node[segment];
    if (isAnswers(next)) node = next;
    else node = node[segment] = {};
  }
  return node;
}

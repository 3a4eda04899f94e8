import type { ContentFile } from "./load-content.ts";
import { formatFieldPath, type FieldPath } from "./locate-field.ts";
import { problem, type Problem } from "./problems.ts";

/** How a rule across fields or files reports a problem: the file, the field, and what to do. */
export type Report = (
  file: ContentFile,
  field: FieldPath,
  code: string,
  message: string,
  hint: string,
) => void;

/** A problem at a field of a file: its line and column, and the field written as a path. */
export function problemAt(
  file: ContentFile,
  field: FieldPath,
  code: string,
  message: string,
  hint: string,
): Problem {
  const { line, column } = file.locate(field);
  return problem({
    code,
    file: file.path,
    line,
    column,
    field: formatFieldPath(field),
    message,
    hint,
  });
}

/** A Report that adds each problem, at its field's line and column, to `problems`. */
export function reportInto(problems: Problem[]): Report {
  return (...args) => {
    problems.push(problemAt(...args));
  };
}

import { escapeData, escapeProperty, visible } from "./workflow-commands.ts";

/**
 * A problem found in content, written for the editor who has to fix it:
 * where it is, which field, what is wrong, and what to do.
 */
export interface Problem {
  /** Stable name of the kind of problem, such as `unknown-field`. */
  code: string;
  severity: "error" | "warning";
  /** Path from the repository root, with forward slashes, such as content/roadmap.md. */
  file: string;
  /** 1-based line in the file itself (not inside the front matter block). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Field path such as `version_history[3].approval_date`; empty for the file as a whole. */
  field: string;
  /** What happened. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export type ProblemInput = Omit<Problem, "severity"> & { severity?: Problem["severity"] };

export function problem(input: ProblemInput): Problem {
  return { severity: "error", ...input };
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.field.localeCompare(b.field),
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Formats problems grouped by file, each as
 * `file:line:column  field` then the message and hint indented below.
 */
export function formatProblems(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      // Content quoted in a problem never starts a line of its own: see visible().
      const where = `${visible(p.file)}:${p.line}:${p.column}`;
      const label = p.severity === "warning" ? "warning " : "";
      const field = visible(p.field);
      const head = field ? `${where}  ${label}${field}` : `${where}  ${label}`.trimEnd();
      const text = visible(p.hint ? `${p.message} ${p.hint}` : p.message);
      return `${head}\n  ${text}`;
    })
    .join("\n");
}

/** The closing line: "2 problems in 1 file." or "12 files checked, no problems." */
export function summariseProblems(problems: readonly Problem[], filesChecked: number): string {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  if (errors.length === 0) {
    const base = `${plural(filesChecked, "file")} checked, no problems`;
    return warnings.length === 0 ? `${base}.` : `${base}, ${plural(warnings.length, "warning")}.`;
  }
  const files = new Set(errors.map((p) => p.file)).size;
  const warningText = warnings.length ? ` and ${plural(warnings.length, "warning")}` : "";
  return `${plural(errors.length, "problem")}${warningText} in ${plural(files, "file")}.`;
}

/** Problems as GitHub Actions workflow commands, so they show as annotations on the changed lines. */
export function formatGitHubAnnotations(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const title = visible(p.field || p.code);
      const text = visible(p.hint ? `${p.message} ${p.hint}` : p.message);
      return `::${p.severity} file=${escapeProperty(visible(p.file))},line=${p.line},col=${p.column},title=${escapeProperty(title)}::${escapeData(text)}`;
    })
    .join("\n");
}

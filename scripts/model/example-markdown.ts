/**
 * A filled-in form as a completed example: a Markdown file with front matter that
 * `npm run validate` accepts, ready to add to content/examples/. Bundled for the browser, where a
 * template page's "Download as Markdown" button writes it.
 */
import { stringify } from "yaml";
import type { Answers } from "./answers.ts";

export interface ExampleFile {
  /** The template's file name without .md. */
  template: string;
  templateTitle: string;
  answers: Answers;
  /** The day it was filled in, YYYY-MM-DD. */
  date: string;
}

/** The file's name: the template's and the date, such as case-study-2026-05-12.md. */
export const exampleFileName = (example: Pick<ExampleFile, "template" | "date">) =>
  `${example.template}-${example.date}.md`;

export function exampleMarkdown(example: ExampleFile): string {
  const frontMatter = stringify(
    {
      template: example.template,
      title: `${example.templateTitle}, completed ${example.date}`,
      summary: `${example.templateTitle} as filled in on ${example.date}.`,
      answers: example.answers,
    },
    // Long answers stay on one line each: folding would move words the reader typed.
    { lineWidth: 0 },
  );
  return [
    "---",
    frontMatter.trimEnd(),
    "---",
    "",
    `Filled in on the site on ${example.date}. To publish it as a completed example, say here what`,
    "it shows, change the title and summary, remove anything personal, and save this file in",
    "content/examples/.",
    "",
  ].join("\n");
}

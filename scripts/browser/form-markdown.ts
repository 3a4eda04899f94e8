/**
 * A filled-in form as a completed example in Markdown. Bundled by scripts/site/browser-scripts.ts
 * into assets/js/form-markdown.js with the YAML library, and loaded only when a reader asks for
 * the Markdown file, so the form itself stays small on a phone.
 */
export { answersFromValues } from "../model/answers.ts";
export { exampleFileName, exampleMarkdown } from "../model/example-markdown.ts";

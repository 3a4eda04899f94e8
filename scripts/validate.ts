/**
 * `npm run validate`: checks every file in content/ against its schema and
 * the rules across files, and reports every problem in one run.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { formatGitHubAnnotations, formatProblems, summariseProblems } from "./content/problems.ts";
import { validateContent } from "./content/validate-content.ts";

const usage = "Usage: npm run validate -- [--content DIR] [--format human|json]";
const about = `Checks every file in the content folder against its schema, the rules across files and the rules
for images and links, and reports every problem with its file, line, field and fix.
Exit 0 when the content is valid, 1 when it has problems, 2 when the command is called wrongly.`;

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      content: { type: "string", default: "content" },
      format: { type: "string", default: "human" },
    },
    usage,
    about,
  );
  if (!["human", "json"].includes(values.format)) {
    throw new UsageError(`--format must be human or json, not "${values.format}".\n${usage}`);
  }
  const contentDir = path.resolve(values.content);
  if (!existsSync(contentDir)) {
    throw new UsageError(`There is no content folder at ${values.content}.\n${usage}`);
  }

  const started = performance.now();
  const result = await validateContent(contentDir);
  const errors = result.problems.filter((p) => p.severity === "error");

  if (values.format === "json") {
    console.log(
      JSON.stringify({ filesChecked: result.filesChecked, problems: result.problems }, null, 2),
    );
  } else {
    if (result.problems.length) console.log(formatProblems(result.problems));
    if (process.env.GITHUB_ACTIONS === "true" && result.problems.length) {
      console.log(formatGitHubAnnotations(result.problems));
    }
    const elapsed = Math.round(performance.now() - started);
    console.log(`${summariseProblems(result.problems, result.filesChecked)} (${elapsed} ms)`);
  }
  return errors.length ? 1 : 0;
});

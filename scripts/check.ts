/**
 * `npm run check -- --base REF [--content DIR]`: the governance check CI runs on every pull
 * request. Judges the content folder (in CI, the pull request's checkout) against the same files
 * at REF, with this checkout's rules (in CI, the base branch's); see docs/editing-the-charter.md.
 */
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { formatGitHubAnnotations } from "./content/problems.ts";
import { withCommandsStopped } from "./content/workflow-commands.ts";
import { checkGovernance } from "./governance/check-governance.ts";
import { formatGovernanceReport } from "./governance/format-report.ts";

const usage = "Usage: npm run check -- --base REF [--content DIR] [--format human|json]";

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      base: { type: "string" },
      content: { type: "string", default: "content" },
      format: { type: "string", default: "human" },
    },
    usage,
  );
  if (!values.base)
    throw new UsageError(
      `--base is required: the git ref to compare with, such as origin/main.\n${usage}`,
    );
  if (!["human", "json"].includes(values.format)) {
    throw new UsageError(`--format must be human or json, not "${values.format}".\n${usage}`);
  }

  const report = await checkGovernance({ base: values.base, contentDir: values.content });
  const output =
    values.format === "json" ? JSON.stringify(report, null, 2) : formatGovernanceReport(report);
  if (process.env.GITHUB_ACTIONS === "true") {
    // The report quotes content, so the runner reads none of it as a command; annotations follow.
    console.log(withCommandsStopped(output));
    if (values.format === "human" && report.problems.length)
      console.log(formatGitHubAnnotations(report.problems));
  } else {
    console.log(output);
  }
  return report.problems.some((p) => p.severity === "error") ? 1 : 0;
});

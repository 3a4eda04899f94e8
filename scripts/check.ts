/**
 * `npm run check -- --base REF`: the governance check CI runs on every pull
 * request. Compares content/ now with the same files at REF; see
 * docs/editing-the-charter.md for the rules.
 */
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { formatGitHubAnnotations } from "./content/problems.ts";
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
  if (values.format === "json") {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(formatGovernanceReport(report));
    if (process.env.GITHUB_ACTIONS === "true" && report.problems.length) {
      console.log(formatGitHubAnnotations(report.problems));
    }
  }
  return report.problems.some((p) => p.severity === "error") ? 1 : 0;
});

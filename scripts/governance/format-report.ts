import { formatProblems, summariseProblems } from "../content/problems.ts";
import { describeChanges, type CharterReport, type GovernanceReport } from "./check-governance.ts";

/** One line per changed charter, then what changed in it, for the reviewer of a pull request. */
function describeCharter(charter: CharterReport): string[] {
  const status = charter.status ? ` (${charter.status})` : "";
  switch (charter.state) {
    case "new":
      return [`${charter.file}: new charter, version ${charter.toVersion ?? "?"}${status}`];
    case "removed":
      return [`${charter.file}: deleted (it was at version ${charter.fromVersion ?? "?"})`];
    case "changed": {
      const versions =
        charter.fromVersion === charter.toVersion
          ? `version ${charter.toVersion ?? "?"}${status}`
          : `version ${charter.fromVersion ?? "?"} → ${charter.toVersion ?? "?"}${status}`;
      const changes = describeChanges(charter);
      return [
        `${charter.file}: ${versions}`,
        `  ${changes ? `changed: ${changes}` : "only the version history changed"}`,
      ];
    }
  }
}

/** The human report: what changed for reviewers, the problems grouped by file, then a one-line verdict. */
export function formatGovernanceReport(report: GovernanceReport): string {
  const lines = [`Compared with ${report.base} (${report.baseCommit.slice(0, 12)}).`];
  if (report.charters.length === 0) lines.push("No charter or ground rules changed.");
  for (const charter of report.charters) lines.push(...describeCharter(charter));
  if (report.ruleFiles.length) {
    lines.push("Schemas or governance rules changed; review these with care:");
    for (const file of report.ruleFiles) lines.push(`  ${file}`);
  }
  if (report.problems.length) lines.push("", formatProblems(report.problems));
  lines.push(summariseProblems(report.problems, report.filesChecked));
  return lines.join("\n");
}

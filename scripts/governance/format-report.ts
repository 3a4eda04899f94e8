import { formatProblems, summariseProblems } from "../content/problems.ts";
import { visible } from "../content/workflow-commands.ts";
import type { CharterReport, GovernanceReport, Judge } from "./check-governance.ts";

const versionLine = (charter: CharterReport): string => {
  const status = charter.status ? ` (${charter.status})` : "";
  switch (charter.state) {
    case "new":
      return `${charter.file}: new charter, version ${charter.toVersion ?? "?"}${status}`;
    case "removed":
      return `${charter.file}: deleted (it was at version ${charter.fromVersion ?? "?"}): ${charter.removedBecause ?? "it is gone"}`;
    case "changed":
      return charter.fromVersion === charter.toVersion
        ? `${charter.file}: version ${charter.toVersion ?? "?"}${status}`
        : `${charter.file}: version ${charter.fromVersion ?? "?"} → ${charter.toVersion ?? "?"}${status}`;
  }
};

/** One line per changed charter, then what a reader would see changed, for the reviewer of a pull request. */
function describeCharter(charter: CharterReport): string[] {
  const lines = [versionLine(charter)];
  if (charter.state === "removed") return lines;
  for (const change of charter.governed) lines.push(`  governed change: ${change}`);
  if (charter.comparedAsWritten) lines.push(`  compared as written: ${charter.comparedAsWritten}`);
  if (charter.charterChanges.length) lines.push(`  charter: ${charter.charterChanges.join("; ")}`);
  if (charter.groundRulesChanges.length)
    lines.push(`  ground rules: ${charter.groundRulesChanges.join("; ")}`);
  const changed =
    charter.governed.length || charter.charterChanges.length || charter.groundRulesChanges.length;
  if (charter.state === "changed" && !changed) lines.push("  only the version history changed");
  for (const approval of charter.approvals)
    lines.push(
      `  approved in this change: version ${approval.version} by ${approval.approver} on ${approval.date}`,
    );
  return lines;
}

const judgeLine = (judge: Judge, report: GovernanceReport): string => {
  switch (judge.rules) {
    case "base":
      return `Judged by the rules of ${report.base} itself (checked out at ${judge.root}).`;
    case "working-tree":
      return "Judged by the rules in this working tree (CI judges with the base branch's rules).";
    case "other":
      return `Judged by the rules at ${judge.root}${judge.commit ? ` (commit ${judge.commit.slice(0, 12)})` : ""}, not those of ${report.base}.`;
  }
};

/**
 * The human report: whose rules judged, governed changes first, what changed in each charter for
 * reviewers, the files outside content/, the problems grouped by file, then a one-line verdict.
 * Every text from content is shown with its invisible characters escaped.
 */
export function formatGovernanceReport(report: GovernanceReport): string {
  const lines = [
    `Compared with ${report.base} (${report.baseCommit.slice(0, 12)}); today is ${report.today} in ${report.timeZone}.`,
    judgeLine(report.judge, report),
  ];
  const governed = report.charters.flatMap((c) =>
    c.governed.map((g) => `  ${c.communityFile}: ${g}`),
  );
  if (governed.length)
    lines.push("Governed changes (who the charter is for and who approves it):", ...governed);
  if (report.charters.length === 0) lines.push("No charter or ground rules changed.");
  for (const charter of report.charters) lines.push(...describeCharter(charter));
  if (report.ruleFiles.length) {
    lines.push("Changed outside content/ (rules and build; a maintainer must review these):");
    for (const file of report.ruleFiles) lines.push(`  ${file}`);
  }
  const shown = lines.map(visible);
  if (report.problems.length) shown.push("", formatProblems(report.problems));
  shown.push(summariseProblems(report.problems, report.filesChecked));
  return shown.join("\n");
}

import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../cli/usage-error.ts";
import { formatFieldPath, type FieldLocation, type FieldPath } from "../content/locate-field.ts";
import { problem, sortProblems, type Problem } from "../content/problems.ts";
import { validateContent } from "../content/validate-content.ts";
import {
  checkVersionHistory,
  compareVersions,
  type HistoryFinding,
} from "../content/version-history.ts";
import { checkAppendOnly } from "./append-only-history.ts";
import {
  changedFields,
  changedRules,
  changedSections,
  historyFields,
  type RuleChange,
  type SectionChange,
} from "./changed-sections.ts";
import {
  changedFilesSince,
  findRepositoryRoot,
  listFilesAt,
  readFileAt,
  resolveCommit,
} from "./git-files.ts";
import { parseContentText, type ContentSnapshot } from "./parse-content-text.ts";
import { checkReviewDue } from "./review-due.ts";
import { today as todayFromEnvironment } from "./today.ts";

export interface GovernanceOptions {
  /** The git ref to compare with, such as origin/main. */
  base: string;
  /** The content folder, absolute or relative to the working directory. @default "content" */
  contentDir?: string;
  /** Today's date, YYYY-MM-DD. @default today, or CHARTERBOOK_TODAY when set */
  today?: string;
}

/** What changed in one community's charter and ground rules since the base commit. */
export interface CharterReport {
  community: string;
  /** The charter's path from the repository root. */
  file: string;
  /** new: there was no charter at the base; removed: there is none now. */
  state: "new" | "changed" | "removed";
  /** The charter's version at the base. */
  fromVersion?: string;
  /** The charter's version now. */
  toVersion?: string;
  /** draft or approved, now. */
  status?: string;
  /** Front matter fields changed, the version history aside. */
  fields: SectionChange[];
  /** ## sections of the body changed. */
  sections: SectionChange[];
  /** Ground rules changed, by number. */
  rules: RuleChange[];
  /** Other parts of ground-rules.md changed: its fields and its introduction. */
  groundRulesParts: SectionChange[];
}

export interface GovernanceReport {
  base: string;
  baseCommit: string;
  today: string;
  filesChecked: number;
  charters: CharterReport[];
  /** Schemas and governance rules changed since the base, which reviewers should read with care. */
  ruleFiles: string[];
  problems: Problem[];
}

/** Files whose change alters what the check or validation enforces. */
export const ruleFilePatterns: readonly RegExp[] = [
  /^schemas\//,
  /^scripts\/governance\//,
  /^scripts\/content\/version-history\.ts$/,
  /^scripts\/check\.ts$/,
  /^\.github\/workflows\//,
];

const toPosix = (p: string) => p.split(path.sep).join("/");
const lastVersion = (history: unknown): string | undefined => {
  const last: unknown = Array.isArray(history) ? history.at(-1) : undefined;
  const version = (last as { version?: unknown } | undefined)?.version;
  return typeof version === "string" ? version : undefined;
};
const asString = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Compares the content as it is now with the same files at a base commit and
 * checks the governance rules: everything validation enforces, an append-only
 * version history, a new version for every change, dates in order, approvals
 * by listed approvers, and reviews on time.
 */
export async function checkGovernance(options: GovernanceOptions): Promise<GovernanceReport> {
  const contentDir = path.resolve(options.contentDir ?? "content");
  const today = options.today ?? todayFromEnvironment();
  if (!existsSync(contentDir))
    throw new UsageError(`There is no content folder at ${options.contentDir ?? "content"}.`);
  const root = await findRepositoryRoot(contentDir);
  const baseCommit = await resolveCommit(root, options.base);
  const contentInRepo = toPosix(path.relative(root, await realpath(contentDir)));
  if (contentInRepo.startsWith(".."))
    throw new UsageError(
      `The content folder ${contentDir} is not inside the git repository at ${root}.`,
    );
  const repoPath = (relativePath: string) =>
    contentInRepo ? `${contentInRepo}/${relativePath}` : relativePath;

  const content = await validateContent(contentDir);
  const problems = content.problems.map((p) => ({
    ...p,
    file: toRepoPath(p.file, contentDir, root, repoPath),
  }));
  const seen = new Set(problems.map((p) => `${p.file}:${p.line}:${p.column}:${p.code}`));
  const add = (
    file: string,
    where: FieldLocation,
    field: FieldPath,
    finding: HistoryFinding,
    severity: Problem["severity"] = "error",
  ) => {
    const key = `${file}:${where.line}:${where.column}:${finding.code}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { line, column } = where;
    const { code, message, hint } = finding;
    problems.push(
      problem({ code, severity, file, line, column, field: formatFieldPath(field), message, hint }),
    );
  };

  const baseFiles = await listFilesAt(root, baseCommit, contentInRepo || ".");
  const readBase = async (
    file: string,
  ): Promise<ContentSnapshot | { unreadable: string } | undefined> =>
    baseFiles.has(file) ? parseContentText(await readFileAt(root, baseCommit, file)) : undefined;
  const ofType = (name: string) => content.files.filter((f) => f.type.name === name);
  const communities = new Map(ofType("community").map((f) => [f.community!, f]));
  const groundRules = new Map(ofType("ground-rules").map((f) => [f.community!, f]));
  const charters: CharterReport[] = [];

  for (const charter of ofType("charter")) {
    const file = repoPath(charter.relativePath);
    const community = charter.community!;
    const report = (finding: HistoryFinding, severity?: Problem["severity"]) =>
      add(file, charter.locate(finding.field), finding.field, finding, severity);

    // Rule 4's "not in the future" needs today, which validation does not know.
    const approvers = communities.get(community)?.data.approvers;
    const listed = Array.isArray(approvers)
      ? approvers.filter((a): a is string => typeof a === "string")
      : undefined;
    for (const finding of checkVersionHistory(charter.data, {
      ...(listed ? { approvers: listed } : {}),
      today,
    }))
      report(finding);
    const overdue = checkReviewDue(charter.data, today);
    if (overdue) report(overdue, "warning");

    const base = await readBase(file);
    const rulesNow = groundRules.get(community);
    const rulesFile = repoPath(`communities/${community}/ground-rules.md`);
    const rulesBase = rulesNow ? await readBase(rulesFile) : undefined;
    const summary: CharterReport = {
      community,
      file,
      state: base ? "changed" : "new",
      ...(lastVersion(charter.data.version_history)
        ? { toVersion: lastVersion(charter.data.version_history) }
        : {}),
      ...(asString(charter.data.status) ? { status: asString(charter.data.status) } : {}),
      fields: [],
      sections: [],
      rules: [],
      groundRulesParts: [],
    };
    if (base && "unreadable" in base) {
      report(
        {
          field: [],
          code: "base-unreadable",
          message: `This charter could not be read at ${options.base} because ${base.unreadable}, so its history was not compared.`,
          hint: "Check the version history by hand in this pull request.",
        },
        "warning",
      );
      charters.push(summary);
      continue;
    }
    if (!base) {
      charters.push(summary);
      continue;
    }

    // Rule 2: the history at the base is kept as it was.
    for (const finding of checkAppendOnly(base.data.version_history, charter.data.version_history))
      report(finding);

    // Rule 3: any other change to the charter or its ground rules needs a new version.
    const fromVersion = lastVersion(base.data.version_history);
    if (fromVersion) summary.fromVersion = fromVersion;
    summary.fields = changedFields(base.data, charter.data, historyFields);
    summary.sections = changedSections(base.body, charter.body);
    if (rulesNow) {
      const before: Pick<ContentSnapshot, "data" | "body"> =
        rulesBase && !("unreadable" in rulesBase) ? rulesBase : { data: {}, body: "" };
      summary.rules = changedRules(before.data.rules, rulesNow.data.rules);
      summary.groundRulesParts = [
        ...changedFields(before.data, rulesNow.data, new Set(["rules"])),
        ...(before.body.trim() !== rulesNow.body.trim()
          ? [{ name: "introduction", change: "changed" as const }]
          : []),
      ];
    }
    const changedParts = describeChanges(summary);
    const newVersion =
      summary.toVersion && fromVersion
        ? compareVersions(summary.toVersion, fromVersion) > 0
        : false;
    if (changedParts && !newVersion) {
      report({
        field: ["version_history"],
        code: "revision-needed",
        message: `The charter changed (${changedParts}) but its version history has no new version after "${fromVersion ?? "?"}".`,
        hint: `Record the change: npm run revise -- --community ${community} --reason "What changed and why" --by "Your role".`,
      });
    }
    const unchanged =
      !changedParts &&
      JSON.stringify(base.data) === JSON.stringify(charter.data) &&
      base.body === charter.body;
    if (!unchanged) charters.push(summary);
  }

  // A charter deleted since the base takes its version history with it.
  const charterAtBase = new RegExp(
    `^${escapeRegExp(repoPath("communities/"))}([^/]+)/charter\\.md$`,
  );
  for (const file of [...baseFiles].sort()) {
    const match = charterAtBase.exec(file);
    if (!match || existsSync(path.join(root, file))) continue;
    const base = await readBase(file);
    const fromVersion =
      base && !("unreadable" in base) ? lastVersion(base.data.version_history) : undefined;
    charters.push({
      community: match[1]!,
      file,
      state: "removed",
      ...(fromVersion ? { fromVersion } : {}),
      fields: [],
      sections: [],
      rules: [],
      groundRulesParts: [],
    });
    problems.push(
      problem({
        code: "charter-removed",
        file,
        line: 1,
        column: 1,
        field: "",
        message: `The charter of community "${match[1]}" was deleted, and its version history with it.`,
        hint: "Put the file back. To close a community, set status: retired in its index.md instead.",
      }),
    );
  }

  // Rule 7: changes to what the rules are, listed for reviewers.
  const ruleFiles = (await changedFilesSince(root, baseCommit)).filter((file) =>
    ruleFilePatterns.some((p) => p.test(file)),
  );

  return {
    base: options.base,
    baseCommit,
    today,
    filesChecked: content.filesChecked,
    charters,
    ruleFiles,
    problems: sortProblems(problems),
  };
}

/** "sections Meetings; fields goals; ground rules 7", or empty when nothing but the history changed. */
export function describeChanges(report: CharterReport): string {
  const parts: string[] = [];
  const names = (changes: SectionChange[]) =>
    changes.map((c) => (c.change === "changed" ? c.name : `${c.name} ${c.change}`)).join(", ");
  if (report.sections.length)
    parts.push(
      `${report.sections.length === 1 ? "section" : "sections"} ${names(report.sections)}`,
    );
  if (report.fields.length)
    parts.push(`${report.fields.length === 1 ? "field" : "fields"} ${names(report.fields)}`);
  if (report.rules.length) {
    const rules = report.rules
      .map((r) => (r.change === "changed" ? `${r.number}` : `${r.number} ${r.change}`))
      .join(", ");
    parts.push(`ground ${report.rules.length === 1 ? "rule" : "rules"} ${rules}`);
  }
  if (report.groundRulesParts.length) parts.push(`ground rules ${names(report.groundRulesParts)}`);
  return parts.join("; ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Problems from validation name files relative to the working directory; annotations need them from the repository root. */
function toRepoPath(
  shown: string,
  contentDir: string,
  root: string,
  repoPath: (relative: string) => string,
): string {
  const absolute = path.resolve(shown);
  const inContent = path.relative(contentDir, absolute);
  if (!inContent.startsWith("..") && !path.isAbsolute(inContent))
    return repoPath(toPosix(inContent));
  return toPosix(path.relative(root, absolute));
}

import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../cli/usage-error.ts";
import type { ContentFile } from "../content/load-content.ts";
import { formatFieldPath } from "../content/locate-field.ts";
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
const listOf = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : undefined;

/**
 * Compares the content as it is now with the same files at a base commit and
 * checks the governance rules: everything validation enforces, an append-only
 * version history, a new version for every change, dates in order, approvals
 * by listed approvers, and reviews on time.
 */
export async function checkGovernance(options: GovernanceOptions): Promise<GovernanceReport> {
  const today = options.today ?? todayFromEnvironment();
  const repo = await openRepository(options);
  const content = await validateContent(repo.contentDir);
  const problems = new ProblemList(
    content.problems.map((p) => ({ ...p, file: repo.fromWorkingDirectory(p.file) })),
  );

  const ofType = (name: string) => content.files.filter((f) => f.type.name === name);
  const approvers = new Map(
    ofType("community").map((f) => [f.community!, listOf(f.data.approvers)]),
  );
  const groundRules = new Map(ofType("ground-rules").map((f) => [f.community!, f]));
  const charters: CharterReport[] = [];
  for (const charter of ofType("charter")) {
    const community = charter.community!;
    const context = { repo, problems, today, approvers: approvers.get(community) };
    const report = await checkCharter(charter, groundRules.get(community), context);
    if (report) charters.push(report);
  }
  charters.push(...(await findRemovedCharters(repo, problems)));

  // Rule 7: changes to what the rules are, listed for reviewers.
  const ruleFiles = (await changedFilesSince(repo.root, repo.baseCommit)).filter((file) =>
    ruleFilePatterns.some((pattern) => pattern.test(file)),
  );

  return {
    base: options.base,
    baseCommit: repo.baseCommit,
    today,
    filesChecked: content.filesChecked,
    charters,
    ruleFiles,
    problems: sortProblems(problems.all),
  };
}

/** The content folder in its git repository, and the files of the base commit. */
interface Repository {
  root: string;
  baseCommit: string;
  base: string;
  contentDir: string;
  /** A path in the content folder (communities/x/charter.md) as a path from the repository root. */
  repoPath(relativePath: string): string;
  /** A path as validation shows it (from the working directory) as a path from the repository root. */
  fromWorkingDirectory(shown: string): string;
  /** Every file of the content folder at the base commit, from the repository root. */
  baseFiles: Set<string>;
  /** A content file as it was at the base commit; undefined when it did not exist. */
  readBase(file: string): Promise<ContentSnapshot | { unreadable: string } | undefined>;
}

async function openRepository(options: GovernanceOptions): Promise<Repository> {
  const contentDir = path.resolve(options.contentDir ?? "content");
  if (!existsSync(contentDir)) {
    throw new UsageError(`There is no content folder at ${options.contentDir ?? "content"}.`);
  }
  const root = await findRepositoryRoot(contentDir);
  const baseCommit = await resolveCommit(root, options.base);
  const contentInRepo = toPosix(path.relative(root, await realpath(contentDir)));
  if (contentInRepo.startsWith("..")) {
    throw new UsageError(
      `The content folder ${contentDir} is not inside the git repository at ${root}.`,
    );
  }
  const repoPath = (relativePath: string) =>
    contentInRepo ? `${contentInRepo}/${relativePath}` : relativePath;
  const baseFiles = await listFilesAt(root, baseCommit, contentInRepo || ".");
  return {
    root,
    baseCommit,
    base: options.base,
    contentDir,
    repoPath,
    fromWorkingDirectory(shown) {
      const absolute = path.resolve(shown);
      const inContent = path.relative(contentDir, absolute);
      if (!inContent.startsWith("..") && !path.isAbsolute(inContent))
        return repoPath(toPosix(inContent));
      return toPosix(path.relative(root, absolute));
    },
    baseFiles,
    async readBase(file) {
      return baseFiles.has(file)
        ? parseContentText(await readFileAt(root, baseCommit, file))
        : undefined;
    },
  };
}

/** Problems found so far; a rule that validation already reported at the same place is not reported twice. */
class ProblemList {
  private readonly seen = new Set<string>();
  readonly all: Problem[] = [];

  constructor(initial: Problem[]) {
    for (const p of initial) this.push(p);
  }

  push(p: Problem): void {
    const key = `${p.file}:${p.line}:${p.column}:${p.code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.all.push(p);
  }
}

interface CharterContext {
  repo: Repository;
  problems: ProblemList;
  today: string;
  /** The community's approvers; undefined when its index.md could not be read. */
  approvers: string[] | undefined;
}

/**
 * Rules 2 to 6 for one charter and its ground rules.
 * @returns what changed since the base, or undefined when nothing did
 */
async function checkCharter(
  charter: ContentFile,
  rulesNow: ContentFile | undefined,
  { repo, problems, today, approvers }: CharterContext,
): Promise<CharterReport | undefined> {
  const file = repo.repoPath(charter.relativePath);
  const community = charter.community!;
  const report = (finding: HistoryFinding, severity: Problem["severity"] = "error") => {
    const { line, column } = charter.locate(finding.field);
    const { code, message, hint } = finding;
    const field = formatFieldPath(finding.field);
    problems.push(problem({ code, severity, file, line, column, field, message, hint }));
  };

  // Rules 4 and 5 again, now with today, so an approval dated in the future is refused.
  const rules = { ...(approvers ? { approvers } : {}), today };
  for (const finding of checkVersionHistory(charter.data, rules)) report(finding);
  // Rule 6.
  const overdue = checkReviewDue(charter.data, today);
  if (overdue) report(overdue, "warning");

  const toVersion = lastVersion(charter.data.version_history);
  const status = asString(charter.data.status);
  const summary: CharterReport = {
    community,
    file,
    state: "changed",
    ...(toVersion ? { toVersion } : {}),
    ...(status ? { status } : {}),
    fields: [],
    sections: [],
    rules: [],
    groundRulesParts: [],
  };
  const base = await repo.readBase(file);
  if (!base) return { ...summary, state: "new" };
  if ("unreadable" in base) {
    report(
      {
        field: [],
        code: "base-unreadable",
        message: `This charter could not be read at ${repo.base} because ${base.unreadable}, so its history was not compared.`,
        hint: "Check the version history by hand in this pull request.",
      },
      "warning",
    );
    return summary;
  }

  // Rule 2: the history at the base is kept as it was.
  for (const finding of checkAppendOnly(base.data.version_history, charter.data.version_history)) {
    report(finding);
  }

  // Rule 3: any other change to the charter or its ground rules needs a new version.
  const fromVersion = lastVersion(base.data.version_history);
  if (fromVersion) summary.fromVersion = fromVersion;
  summary.fields = changedFields(base.data, charter.data, historyFields);
  summary.sections = changedSections(base.body, charter.body);
  if (rulesNow) {
    const rulesBase = await repo.readBase(repo.repoPath(rulesNow.relativePath));
    const before: Pick<ContentSnapshot, "data" | "body"> =
      rulesBase && !("unreadable" in rulesBase) ? rulesBase : { data: {}, body: "" };
    summary.rules = changedRules(before.data.rules, rulesNow.data.rules);
    summary.groundRulesParts = changedFields(before.data, rulesNow.data, new Set(["rules"]));
    if (before.body.trim() !== rulesNow.body.trim()) {
      summary.groundRulesParts.push({ name: "introduction", change: "changed" });
    }
  }
  const changedParts = describeChanges(summary);
  const hasNewVersion =
    toVersion && fromVersion ? compareVersions(toVersion, fromVersion) > 0 : false;
  if (changedParts && !hasNewVersion) {
    report({
      field: ["version_history"],
      code: "revision-needed",
      message: `The charter changed (${changedParts}) but its version history has no new version after "${fromVersion ?? "?"}".`,
      hint: `Record the change: npm run revise -- --community ${community} --reason "What changed and why" --by "Your role".`,
    });
  }
  const historyChanged =
    JSON.stringify(base.data) !== JSON.stringify(charter.data) || base.body !== charter.body;
  return changedParts || historyChanged ? summary : undefined;
}

/** A charter deleted since the base takes its version history with it, so deleting one is refused. */
async function findRemovedCharters(
  repo: Repository,
  problems: ProblemList,
): Promise<CharterReport[]> {
  const charterPath = new RegExp(
    `^${escapeRegExp(repo.repoPath("communities/"))}([^/]+)/charter\\.md$`,
  );
  const removed: CharterReport[] = [];
  for (const file of [...repo.baseFiles].sort()) {
    const community = charterPath.exec(file)?.[1];
    if (!community || existsSync(path.join(repo.root, file))) continue;
    const base = await repo.readBase(file);
    const fromVersion =
      base && !("unreadable" in base) ? lastVersion(base.data.version_history) : undefined;
    removed.push({
      community,
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
        message: `The charter of community "${community}" was deleted, and its version history with it.`,
        hint: "Put the file back. To close a community, set status: retired in its index.md instead.",
      }),
    );
  }
  return removed;
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

import { existsSync } from "node:fs";
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../cli/usage-error.ts";
import type { ContentFile } from "../content/load-content.ts";
import { formatFieldPath } from "../content/locate-field.ts";
import { problem, sortProblems, type Problem } from "../content/problems.ts";
import { siteTimeZone } from "../content/time-zone.ts";
import { validateContent, type ValidatedContent } from "../content/validate-content.ts";
import { compareVersions, type HistoryFinding } from "../content/version-history.ts";
import type { SiteModel } from "../model/site-model.ts";
import { checkArchiveChange } from "./archive-rules.ts";
import { loadBaseContent, type BaseContent } from "./base-content.ts";
import { compareCharters, compareGroundRules } from "./compare-views.ts";
import { changedFilesSince, findRepositoryRoot, headCommit, resolveCommit } from "./git-files.ts";
import { changedGovernedFields } from "./governed-fields.ts";
import { checkHistoryChange, type Approval } from "./history-rules.ts";
import { charterView, groundRulesView } from "./reader-view.ts";
import { checkReviewDue } from "./review-due.ts";
import { today as todayIn, type Today } from "./today.ts";

export interface GovernanceOptions {
  /** The git ref to compare with, such as origin/main. */
  base: string;
  /** The content folder to judge, absolute or relative to the working directory. @default "content" */
  contentDir?: string;
  /** Today's date, YYYY-MM-DD. @default today in the site's time zone, or CHARTERBOOK_TODAY when set */
  today?: string;
}

/** What changed in one community's charter and ground rules since the base commit. */
export interface CharterReport {
  community: string;
  /** The charter's path from the repository root. */
  file: string;
  /** The community's index.md, where its governed fields are. */
  communityFile: string;
  /** new: there was no charter at the base; removed: the base's charter is gone, moved or no longer a file. */
  state: "new" | "changed" | "removed";
  /** The charter's version at the base. */
  fromVersion?: string;
  /** The charter's version now. */
  toVersion?: string;
  /** draft or approved, now. */
  status?: string;
  /** Changes to the community's governed fields (approvers, name, sponsor): read these first. */
  governed: string[];
  /** What a reader of the charter page sees changed, the version history aside. */
  charterChanges: string[];
  /** What a reader of the ground rules sees changed. */
  groundRulesChanges: string[];
  /** Why the two versions were compared as written rather than as rendered, when they were. */
  comparedAsWritten?: string;
  /** Versions added since the base. */
  newVersions: string[];
  /** Approvals recorded since the base. */
  approvals: Approval[];
  /** For a removed charter: why it counts as removed (moved, replaced by a link, deleted). */
  removedBecause?: string;
}

/** Whose rules judged the content: the base commit's (as CI runs it), or other code. */
export interface Judge {
  /** base: the checker's own checkout is at the base commit; working-tree: it is the checkout being judged. */
  rules: "base" | "working-tree" | "other";
  /** The folder the checker's code, schemas and rules came from. */
  root: string;
  /** The commit checked out there, when it is a git working tree. */
  commit?: string;
}

export interface GovernanceReport {
  base: string;
  baseCommit: string;
  /** Today in the site's time zone, YYYY-MM-DD. */
  today: string;
  timeZone: string;
  judge: Judge;
  filesChecked: number;
  charters: CharterReport[];
  /** Files outside the content folder changed since the base: rules and build, for a maintainer's review. */
  ruleFiles: string[];
  problems: Problem[];
}

/** The checker's own project: its code, schemas and rules. */
const checkerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const toPosix = (p: string) => p.split(path.sep).join("/");
const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const lastVersion = (charter: Record<string, unknown> | undefined): string | undefined => {
  const history = charter?.version_history;
  const last: unknown = Array.isArray(history) ? history.at(-1) : undefined;
  return text((last as { version?: unknown } | undefined)?.version);
};
const listOf = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : undefined;

/** The files of a community that make up its charter. */
const governedFiles = ["index.md", "charter.md", "ground-rules.md"] as const;

/**
 * Judges the content folder (usually a pull request's) against a base commit with this checker's
 * rules: everything validation enforces, an append-only version history, a new version for every
 * change a reader would see and for every change of who may approve, approvals only of the newest
 * version by approvers listed on the base, no dates after today, no charter moved or removed, the
 * archive of approved versions kept as it was and added to only with each approval, and every
 * change outside the content folder listed for a maintainer.
 */
export async function checkGovernance(options: GovernanceOptions): Promise<GovernanceReport> {
  const repo = await openRepository(options);
  const head = await validateContent(repo.contentDir);
  const base = await loadBaseContent(repo.root, repo.baseCommit, repo.contentInRepo);
  const problems = new ProblemList(
    head.problems.map((p) => ({ ...p, file: repo.fromWorkingDirectory(p.file) })),
  );

  const siteOf = (content: ValidatedContent) =>
    content.files.find((f) => f.type.name === "site")?.data;
  // The base's time zone decides what "today" is, so a pull request cannot move it.
  const timeZone = siteTimeZone(siteOf(base.validated) ?? siteOf(head));
  const today: Today = options.today ? { date: options.today, timeZone } : todayIn(timeZone);

  const context: Context = { repo, head, base, problems, today };
  const charters: CharterReport[] = [];
  const removed = await findRemovedCharters(context);
  const removedCommunities = new Set(removed.map((r) => r.community));
  for (const charter of filesOf(head, "charter")) {
    const community = charter.community!;
    const isNew =
      base.entries.get(charter.relativePath)?.kind !== "file" || removedCommunities.has(community);
    const report = isNew
      ? checkNewCharter(charter, context)
      : checkChangedCharter(charter, context);
    if (report) charters.push(report);
  }
  charters.push(...removed);
  for (const finding of await checkArchiveChange({
    contentDir: repo.contentDir,
    baseEntries: base.entries,
    base: base.validated,
    head,
    baseRef: options.base,
    shown: repo.repoPath,
  })) {
    const file = fileAt(head, finding.file);
    const { line, column } =
      file && finding.field ? file.locate(finding.field) : { line: 1, column: 1 };
    // An approval refused for another reason is reported once; its copy is asked for once it is right.
    const row = finding.field ? formatFieldPath(finding.field.slice(0, 2)) : undefined;
    const refused = problems.all.some(
      (p) =>
        p.severity === "error" &&
        p.file === repo.repoPath(finding.file) &&
        row !== undefined &&
        p.field.startsWith(row),
    );
    if (finding.code === "archive-missing" && refused) continue;
    problems.push(
      problem({
        code: finding.code,
        severity: finding.severity,
        file: repo.repoPath(finding.file),
        line,
        column,
        field: finding.field ? formatFieldPath(finding.field) : "",
        message: finding.message,
        hint: finding.hint,
      }),
    );
  }
  charters.sort((a, b) => a.file.localeCompare(b.file) || a.state.localeCompare(b.state));

  const ruleFiles = (await changedFilesSince(repo.root, repo.baseCommit)).filter(
    (file) => !repo.isContent(file),
  );
  const judge = await whoJudges(repo);
  if (ruleFiles.length) problems.push(rulesChanged(ruleFiles, judge));

  return {
    base: options.base,
    baseCommit: repo.baseCommit,
    today: today.date,
    timeZone: today.timeZone,
    judge,
    filesChecked: head.filesChecked,
    charters,
    ruleFiles,
    problems: sortProblems(problems.all),
  };
}

/** The content folder in its git repository, and how its paths are shown. */
interface Repository {
  root: string;
  baseCommit: string;
  base: string;
  contentDir: string;
  /** The content folder's path from the repository root; "" when it is the root. */
  contentInRepo: string;
  /** A path in the content folder (communities/x/charter.md) as a path from the repository root. */
  repoPath(relativePath: string): string;
  /** True for a path from the repository root inside the content folder. */
  isContent(file: string): boolean;
  /** A path as validation shows it (from the working directory) as a path from the repository root. */
  fromWorkingDirectory(shown: string): string;
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
  return {
    root,
    baseCommit,
    base: options.base,
    contentDir,
    contentInRepo,
    repoPath,
    isContent: (file) => !contentInRepo || file.startsWith(`${contentInRepo}/`),
    fromWorkingDirectory(shown) {
      const absolute = path.resolve(shown);
      const inContent = path.relative(contentDir, absolute);
      if (!inContent.startsWith("..") && !path.isAbsolute(inContent))
        return repoPath(toPosix(inContent));
      return toPosix(path.relative(root, absolute));
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

interface Context {
  repo: Repository;
  /** The content being judged, validated with this checker's rules. */
  head: ValidatedContent;
  base: BaseContent;
  problems: ProblemList;
  today: Today;
}

const filesOf = (content: ValidatedContent, type: string) =>
  content.files.filter((f) => f.type.name === type);
const fileAt = (content: ValidatedContent, relativePath: string) =>
  content.files.find((f) => f.relativePath === relativePath);

/** Reports findings about one file of the content being judged, at the fields they name. */
function reporter(file: ContentFile, context: Context) {
  const shown = context.repo.repoPath(file.relativePath);
  return (finding: HistoryFinding, severity: Problem["severity"] = "error") => {
    const { line, column } = file.locate(finding.field);
    const { code, message, hint } = finding;
    context.problems.push(
      problem({
        code,
        severity,
        file: shown,
        line,
        column,
        field: formatFieldPath(finding.field),
        message,
        hint,
      }),
    );
  };
}

function emptyReport(charter: ContentFile, context: Context): CharterReport {
  const toVersion = lastVersion(charter.data);
  const status = text(charter.data.status);
  return {
    community: charter.community!,
    file: context.repo.repoPath(charter.relativePath),
    communityFile: context.repo.repoPath(`communities/${charter.community!}/index.md`),
    state: "changed",
    ...(toVersion ? { toVersion } : {}),
    ...(status ? { status } : {}),
    governed: [],
    charterChanges: [],
    groundRulesChanges: [],
    newVersions: [],
    approvals: [],
  };
}

const approversIn = (content: ValidatedContent, community: string) =>
  listOf(fileAt(content, `communities/${community}/index.md`)?.data.approvers);

/** A charter with no history at the base: its own rules hold, and every row is new. */
function checkNewCharter(charter: ContentFile, context: Context): CharterReport {
  const report = reporter(charter, context);
  const approversNow = approversIn(context.head, charter.community!);
  const history = checkHistoryChange({
    after: charter.data,
    ...(approversNow ? { approversNow } : {}),
    today: context.today,
  });
  for (const finding of history.findings) report(finding);
  const overdue = checkReviewDue(charter.data, context.today.date);
  if (overdue) report(overdue, "warning");
  return {
    ...emptyReport(charter, context),
    state: "new",
    newVersions: history.newVersions,
    approvals: history.approvals,
  };
}

/**
 * A charter that existed at the base: its history kept, every change a reader would see and every
 * change to who may approve recorded in a new version, approvals judged by the base's approvers.
 * @returns what changed since the base, or undefined when nothing did
 */
function checkChangedCharter(charter: ContentFile, context: Context): CharterReport | undefined {
  const { head, base, repo } = context;
  const community = charter.community!;
  const report = reporter(charter, context);
  const summary = emptyReport(charter, context);
  const overdue = checkReviewDue(charter.data, context.today.date);
  if (overdue) report(overdue, "warning");

  const before = fileAt(base.validated, charter.relativePath);
  if (!before) {
    report(
      {
        field: [],
        code: "base-unreadable",
        message: `This charter could not be read at ${repo.base}, so its history was not compared (${baseProblemsOf(base, charter.relativePath)}).`,
        hint: "Check the version history by hand in this pull request.",
      },
      "warning",
    );
    return summary;
  }
  const fromVersion = lastVersion(before.data);
  if (fromVersion) summary.fromVersion = fromVersion;

  const indexPath = `communities/${community}/index.md`;
  const indexBefore = fileAt(base.validated, indexPath);
  const indexNow = fileAt(head, indexPath);
  const approversBefore = listOf(indexBefore?.data.approvers);
  const approversNow = listOf(indexNow?.data.approvers);
  const result = checkHistoryChange({
    before: before.data,
    after: charter.data,
    ...(approversBefore ? { approversBefore } : {}),
    ...(approversNow ? { approversNow } : {}),
    today: context.today,
  });
  for (const finding of result.findings) report(finding);
  summary.newVersions = result.newVersions;
  summary.approvals = result.approvals;

  // Who may approve, the name and the sponsor are part of the charter: stated first, and versioned.
  if (indexBefore && indexNow) {
    const governed = changedGovernedFields(indexBefore.data, indexNow.data);
    const reportIndex = reporter(indexNow, context);
    for (const change of governed) {
      summary.governed.push(change.description);
      reportIndex(
        {
          field: [change.field],
          code: "governed-change",
          message: `Governed change to the charter of "${community}": ${change.description}.`,
          hint: "This decides who the charter is for or who may approve it: it needs a new version of the charter, and a reviewer who confirms it was agreed.",
        },
        "warning",
      );
    }
  }

  compareMeaning(community, before, charter, context, summary);
  const toVersion = summary.toVersion;
  const hasNewVersion =
    toVersion && fromVersion ? compareVersions(toVersion, fromVersion) > 0 : false;
  const changed = [
    ...summary.governed,
    ...summary.charterChanges.map((c) => `charter: ${c}`),
    ...summary.groundRulesChanges.map((c) => `ground rules: ${c}`),
  ];
  if (changed.length && !hasNewVersion) {
    report({
      field: ["version_history"],
      code: "revision-needed",
      message: `The charter changed (${changed.join("; ")}) but its version history has no new version after "${fromVersion ?? "?"}".`,
      hint: `Record the change: npm run revise -- --community ${community} --reason "What changed and why" --by "Your role".`,
    });
  }
  const history = (data: Record<string, unknown>) =>
    JSON.stringify([data.version, data.status, data.version_history]);
  const historyChanged = history(before.data) !== history(charter.data);
  return changed.length || historyChanged || summary.comparedAsWritten ? summary : undefined;
}

/** The charter and ground rules compared as a reader sees them, or as written when either side cannot be rendered. */
function compareMeaning(
  community: string,
  before: ContentFile,
  now: ContentFile,
  { head, base }: Context,
  summary: CharterReport,
): void {
  const find = (model: SiteModel | undefined) =>
    model?.communities.find((c) => c.slug === community);
  const then = find(base.validated.model);
  const current = find(head.model);
  if (then?.charter && current?.charter) {
    summary.charterChanges = compareCharters(
      charterView(then.charter),
      charterView(current.charter),
    );
    if (then.groundRules && current.groundRules)
      summary.groundRulesChanges = compareGroundRules(
        groundRulesView(then.groundRules),
        groundRulesView(current.groundRules),
      );
    return;
  }
  // Without a rendering of both sides, any difference in what is written counts as a change.
  summary.comparedAsWritten = !current
    ? "this pull request's content has problems, so it could not be rendered"
    : "the base branch's content does not pass these rules, so it could not be rendered";
  const withoutHistory = ({
    version_history,
    version,
    status,
    ...rest
  }: Record<string, unknown>) => {
    void version_history;
    void version;
    void status;
    return JSON.stringify(rest);
  };
  if (withoutHistory(before.data) !== withoutHistory(now.data) || before.body !== now.body)
    summary.charterChanges.push("changed as written");
  const rulesPath = `communities/${community}/ground-rules.md`;
  const rulesBefore = fileAt(base.validated, rulesPath);
  const rulesNow = fileAt(head, rulesPath);
  if (
    JSON.stringify(rulesBefore?.data) !== JSON.stringify(rulesNow?.data) ||
    rulesBefore?.body !== rulesNow?.body
  )
    summary.groundRulesChanges.push("changed as written");
}

/** What the base's validation said about a file it could not read. */
function baseProblemsOf(base: BaseContent, relativePath: string): string {
  const own = base.validated.problems.find((p) => p.file.endsWith(`/${relativePath}`));
  return own ? own.message : "it could not be parsed";
}

/**
 * A charter at the base whose community's charter, ground rules or index is no longer a file at
 * the same place (deleted, moved, renamed, or replaced by a link or a folder) is reported removed:
 * its history would go with it. A charter now at another place is then a new charter.
 */
async function findRemovedCharters(context: Context): Promise<CharterReport[]> {
  const { base, head, repo, problems } = context;
  const present = new Set([...head.files.map((f) => f.relativePath), ...head.unreadable]);
  const removed: CharterReport[] = [];
  for (const [relativePath, entry] of [...base.entries].sort(([a], [b]) => a.localeCompare(b))) {
    const community = /^communities\/([^/]+)\/charter\.md$/.exec(relativePath)?.[1];
    if (!community || entry.kind !== "file") continue;
    const missing: { file: string; now: string }[] = [];
    for (const name of governedFiles) {
      const file = `communities/${community}/${name}`;
      if (base.entries.get(file)?.kind !== "file" || present.has(file)) continue;
      missing.push({ file, now: await describeEntry(repo.contentDir, file) });
    }
    if (!missing.length) continue;
    const before = fileAt(base.validated, relativePath);
    const fromVersion = lastVersion(before?.data);
    const movedTo = findMove(before, head, community);
    const because = missing.map(({ file, now }) => `${repo.repoPath(file)} ${now}`).join("; ");
    const file = repo.repoPath(relativePath);
    removed.push({
      community,
      file,
      communityFile: repo.repoPath(`communities/${community}/index.md`),
      state: "removed",
      ...(fromVersion ? { fromVersion } : {}),
      governed: [],
      charterChanges: [],
      groundRulesChanges: [],
      newVersions: [],
      approvals: [],
      removedBecause: because + (movedTo ? `; it looks moved to ${repo.repoPath(movedTo)}` : ""),
    });
    problems.push(
      problem({
        code: "charter-removed",
        file,
        line: 1,
        column: 1,
        field: "",
        message: `The charter of community "${community}" counts as deleted, and its version history with it: ${because}.`,
        hint: movedTo
          ? `It looks moved to ${repo.repoPath(movedTo)}. A community's folder is its charter's identity and web address: move it back, and change name in its index.md to rename it.`
          : "Put the files back as they were, as real files. To close a community, set status: retired in its index.md instead.",
      }),
    );
  }
  return removed;
}

/** What is at a path of the content folder now, for a message: "is a symbolic link", "was deleted". */
async function describeEntry(contentDir: string, relativePath: string): Promise<string> {
  const parts = relativePath.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join("/");
    const stat = await lstat(path.join(contentDir, sub)).catch(() => undefined);
    const last = i === parts.length;
    if (!stat) return "was deleted";
    if (stat.isSymbolicLink())
      return last ? "is now a symbolic link" : `is now behind a symbolic link (${sub})`;
    if (last && stat.isDirectory()) return "is now a folder";
    if (last && !stat.isFile()) return "is no longer a regular file";
  }
  return "could not be read";
}

/** Another community's charter that starts with the same history: where a moved charter went. */
function findMove(
  before: ContentFile | undefined,
  head: ValidatedContent,
  community: string,
): string | undefined {
  const first = JSON.stringify((before?.data.version_history as unknown[] | undefined)?.[0]);
  if (!before || first === undefined) return undefined;
  return filesOf(head, "charter").find(
    (f) =>
      f.community !== community &&
      JSON.stringify((f.data.version_history as unknown[] | undefined)?.[0]) === first,
  )?.relativePath;
}

/** Where the checker's rules come from, compared with the commit being judged. */
async function whoJudges(repo: Repository): Promise<Judge> {
  const root = await realpath(checkerRoot);
  const commit = await headCommit(root);
  const rules = root === repo.root ? "working-tree" : commit === repo.baseCommit ? "base" : "other";
  return { rules, root, ...(commit ? { commit } : {}) };
}

/** One warning for every change outside the content folder: the rules and the build, for a maintainer. */
function rulesChanged(files: string[], judge: Judge): Problem {
  const shown =
    files.slice(0, 5).join(", ") + (files.length > 5 ? ` and ${files.length - 5} more` : "");
  const judgedBy =
    judge.rules === "working-tree"
      ? "This run judged the content with those changed rules, from this working tree; CI judges it with the base branch's."
      : "The content was judged by the checker's own rules (in CI, the base branch's), not these.";
  return problem({
    code: "rules-changed",
    severity: "warning",
    file: files[0]!,
    line: 1,
    column: 1,
    field: "",
    message: `This change edits ${files.length === 1 ? "1 file" : `${files.length} files`} outside the content folder, which make the rules or the build: ${shown}. ${judgedBy}`,
    hint: "A maintainer must review these (CODEOWNERS asks one). Land a rule change on its own, before content that needs it.",
  });
}

/**
 * `npm run revise -- --community SLUG --reason "..." --by "ROLE"`: records a
 * new version of a community's charter. Adds the next version row to the end
 * of version_history, sets version to it and status back to draft, and leaves
 * every other byte of the file as it was.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { compareVersions, nextVersion } from "./content/version-history.ts";
import { readCommunity } from "./governance/community-files.ts";
import { FrontMatterEditor } from "./governance/edit-front-matter.ts";
import { refuseBrokenRules } from "./governance/history-rules.ts";
import { parseContentText } from "./governance/parse-content-text.ts";
import { requireDateFlag, today } from "./governance/today.ts";

const usage =
  'Usage: npm run revise -- --community SLUG --reason "What changed and why" --by "Your role" [--date YYYY-MM-DD] [--approver "Who approves it"] [--content DIR]';

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      community: { type: "string" },
      reason: { type: "string" },
      by: { type: "string" },
      date: { type: "string" },
      approver: { type: "string" },
      content: { type: "string", default: "content" },
    },
    usage,
  );
  for (const flag of ["community", "reason", "by"] as const) {
    if (!values[flag]?.trim()) throw new UsageError(`--${flag} is required.\n${usage}`);
  }
  const community = await readCommunity(path.resolve(values.content), values.community!);
  const now = today(community.timeZone);
  const date = values.date === undefined ? now.date : requireDateFlag("date", values.date);
  const editor = new FrontMatterEditor(community.charterText, community.charterPath);
  const rows = editor.data.version_history;
  const last = (Array.isArray(rows) ? rows.at(-1) : undefined) as
    Record<string, unknown> | undefined;
  const lastVersion = last?.version;
  if (typeof lastVersion !== "string" || !/^\d+(\.\d+)*$/.test(lastVersion)) {
    throw new UsageError(
      `${community.charterPath}: the last row of version_history has no version such as "0.4". Run npm run validate and fix it first.`,
    );
  }

  // Unless told otherwise, the new version goes to whoever approved the last one, if the community still lists them.
  const approver =
    values.approver ??
    (typeof last?.approver === "string" && community.approvers.includes(last.approver)
      ? last.approver
      : community.approvers[0]!);

  const version = nextVersion(lastVersion);
  editor
    .appendRow("version_history", [
      ["version", { value: version, quoted: true }],
      ["implemented_by", { value: values.by!.trim() }],
      ["revision_date", { value: date }],
      ["approver", { value: approver }],
      ["reason", { value: values.reason!.trim() }],
    ])
    .setField("version", { value: version, quoted: true })
    .setField("status", { value: "draft" });
  const revised = editor.toString();

  // Read the result back before writing it: a wrong edit must never reach the file.
  const check = parseContentText(revised.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const history = "unreadable" in check ? undefined : check.data.version_history;
  const added = Array.isArray(history) ? (history.at(-1) as Record<string, unknown>) : undefined;
  if (
    "unreadable" in check ||
    !Array.isArray(history) ||
    history.length !== (rows as unknown[]).length + 1 ||
    added?.version !== version ||
    check.data.version !== version ||
    compareVersions(version, lastVersion) <= 0
  ) {
    throw new Error(
      `Charterbook made a wrong edit to ${community.charterPath}; the file was not changed.`,
    );
  }
  // The same rules as the governance check, so the helper never writes what CI would refuse.
  refuseBrokenRules(
    { before: editor.data, after: check.data, approversNow: community.approvers, today: now },
    community.charterPath,
  );
  await writeFile(community.charterFile, revised, "utf8");

  console.log(
    `${community.charterPath}: added version ${version} (${date}, by ${values.by!.trim()}); status is now draft.`,
  );
  console.log(`When ${approver} has agreed it, record the approval:`);
  console.log(
    `  npm run approve -- --community ${community.slug} --by "${approver}" --date YYYY-MM-DD`,
  );
  return 0;
});

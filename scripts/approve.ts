/**
 * `npm run approve -- --community SLUG --by "Steering group" --date YYYY-MM-DD`:
 * records that the charter's newest version was approved. Fills approval_date
 * on the last version_history row, sets status to approved, and leaves every
 * other byte of the file as it was. Then keeps the approved text for good: a
 * copy of the charter and the ground rules in versions/<version>/, which the
 * site publishes at the version's own address and the governance check keeps
 * unchanged.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { readCommunity } from "./governance/community-files.ts";
import { FrontMatterEditor } from "./governance/edit-front-matter.ts";
import { refuseBrokenRules } from "./governance/history-rules.ts";
import { parseContentText } from "./governance/parse-content-text.ts";
import { requireDateFlag, today } from "./governance/today.ts";

const usage =
  'Usage: npm run approve -- --community SLUG --by "Approver" [--date YYYY-MM-DD] [--content DIR]';

runCommand(async () => {
  const { values } = parseFlags(
    process.argv.slice(2),
    {
      community: { type: "string" },
      by: { type: "string" },
      date: { type: "string" },
      content: { type: "string", default: "content" },
    },
    usage,
  );
  for (const flag of ["community", "by"] as const) {
    if (!values[flag]?.trim()) throw new UsageError(`--${flag} is required.\n${usage}`);
  }
  const approver = values.by!.trim();
  const community = await readCommunity(path.resolve(values.content), values.community!);
  const now = today(community.timeZone);
  const date = values.date === undefined ? now.date : requireDateFlag("date", values.date);
  const editor = new FrontMatterEditor(community.charterText, community.charterPath);
  const rows = editor.data.version_history;
  const last = (Array.isArray(rows) ? rows.at(-1) : undefined) as
    Record<string, unknown> | undefined;
  const version = typeof last?.version === "string" ? last.version : "?";
  if (!last)
    throw new UsageError(
      `${community.charterPath} has no version_history rows. Run npm run validate and fix it first.`,
    );
  if (typeof last.approval_date === "string" && last.approval_date !== "") {
    throw new UsageError(
      `Version ${version} was already approved on ${last.approval_date} by ${String(last.approver)}. ` +
        `To approve a change, record it first with npm run revise.`,
    );
  }

  if (last.approver !== approver)
    editor.setInLastRow("version_history", "approver", { value: approver }, "revision_date");
  editor
    .setInLastRow("version_history", "approval_date", { value: date }, "approver")
    .setField("status", { value: "approved" });
  const approved = editor.toString();

  // Read the result back before writing it: a wrong edit must never reach the file.
  const check = parseContentText(approved.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const history = "unreadable" in check ? undefined : check.data.version_history;
  const row = Array.isArray(history) ? (history.at(-1) as Record<string, unknown>) : undefined;
  if (
    "unreadable" in check ||
    !Array.isArray(history) ||
    history.length !== (rows as unknown[]).length ||
    row?.approval_date !== date ||
    row?.approver !== approver ||
    check.data.status !== "approved"
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
  if (!/^\d+(\.\d+)*$/.test(version)) {
    throw new UsageError(
      `${community.charterPath}: the last version, "${version}", is not a version such as 0.3. Run npm run validate and fix it first.`,
    );
  }
  const archive = path.join(community.archiveFolder, version);
  const shownArchive = `${path.dirname(community.charterPath)}/versions/${version}/`;
  if (existsSync(archive)) {
    throw new UsageError(
      `${shownArchive} already exists, so version ${version} cannot be approved again into it. ` +
        "A copy in the archive is never replaced: if it is left from an approval that was undone, delete the folder and run this again.",
    );
  }
  // The copies first, then the charter: a failure leaves the charter unapproved and no copy behind.
  const groundRules = await readFile(community.groundRulesFile);
  try {
    await mkdir(archive, { recursive: true });
    await writeFile(path.join(archive, "charter.md"), approved, "utf8");
    await writeFile(path.join(archive, "ground-rules.md"), groundRules);
    await writeFile(community.charterFile, approved, "utf8");
  } catch (error) {
    await rm(archive, { recursive: true, force: true });
    throw error;
  }

  console.log(
    `${community.charterPath}: version ${version} approved by ${approver} on ${date}; status is now approved.\n` +
      `${shownArchive}: the approved charter and ground rules, kept for the record.`,
  );
  return 0;
});

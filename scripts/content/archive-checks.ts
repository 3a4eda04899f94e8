/**
 * The archive of approved versions (content/communities/<slug>/versions/<version>/) within one
 * snapshot of the content: each folder is named after an approved version of the community's
 * charter, holds that version's charter and ground rules, and its charter keeps the version
 * history exactly as it was when the version was approved. Whether a copy changed since the base
 * branch is the governance check's rule (scripts/governance/archive-rules.ts).
 */
import type { ContentFile } from "./load-content.ts";
import type { Report } from "./report-problem.ts";

const isVersionName = (name: string) => /^\d+(\.\d+)*$/.test(name);
type Row = Record<string, unknown>;
const rowsOf = (data: Record<string, unknown> | undefined): Row[] =>
  Array.isArray(data?.version_history) ? (data.version_history as Row[]) : [];

/** The same value, whatever order its keys were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

const restoreHint = (file: ContentFile) =>
  `This file is a copy that npm run approve wrote when the version was approved: restore it from git (git checkout origin/main -- ${file.path}) rather than editing it.`;

/** Checks every approved version's copy against its folder and its community's charter. */
export function checkArchive(files: readonly ContentFile[], report: Report): void {
  const charters = new Map(
    files.filter((f) => f.type.name === "charter").map((f) => [f.community!, f]),
  );
  const copies = files.filter(
    (f) => f.type.name === "charter-version" || f.type.name === "ground-rules-version",
  );
  const present = new Set(copies.map((f) => f.relativePath));

  for (const copy of copies) {
    const community = copy.community!;
    const version = copy.version!;
    const folder = `content/communities/${community}/versions/${version}/`;
    if (!isVersionName(version)) {
      report(
        copy,
        [],
        "archive-folder-name",
        `The folder versions/${version}/ must be named after the approved version it holds, such as versions/0.3/.`,
        "Name the folder after the version (npm run approve does), or move the file out of versions/.",
      );
      continue;
    }
    const isCharter = copy.type.name === "charter-version";
    const partner = `communities/${community}/versions/${version}/${isCharter ? "ground-rules.md" : "charter.md"}`;
    if (!present.has(partner)) {
      report(
        copy,
        [],
        "archive-incomplete",
        `${folder} holds ${isCharter ? "charter.md but no ground-rules.md" : "ground-rules.md but no charter.md"}; an approved version is the charter and the ground rules as they were approved together.`,
        `Restore ${partner.split("/").pop()} from git; npm run approve writes both.`,
      );
    }
    if (!isCharter) continue;

    const data = copy.data;
    if (typeof data.version === "string" && data.version !== version) {
      report(
        copy,
        ["version"],
        "archive-version-mismatch",
        `This copy is in versions/${version}/ but its version is "${data.version}".`,
        restoreHint(copy),
      );
      continue;
    }
    if (data.status !== "approved") {
      report(
        copy,
        ["status"],
        "archive-not-approved",
        `A copy in the archive is an approved version, but this one's status is ${String(data.status)}.`,
        restoreHint(copy),
      );
    }
    const charter = charters.get(community);
    if (!charter) continue; // the community's missing charter.md is reported on its own
    const rows = rowsOf(charter.data);
    const index = rows.findIndex((row) => row.version === version);
    const row = rows[index];
    if (!row || typeof row.approval_date !== "string") {
      report(
        copy,
        ["version"],
        "archive-version-not-approved",
        row
          ? `Version "${version}" has no approval_date in the version history of content/communities/${community}/charter.md, so it has no place in the archive.`
          : `The version history of content/communities/${community}/charter.md has no version "${version}".`,
        "Only approved versions are kept in versions/: npm run approve writes the copy when it records the approval. Remove this folder.",
      );
      continue;
    }
    const copied = rowsOf(data);
    const differs = copied.findIndex(
      (copiedRow, i) => i > index || canonical(copiedRow) !== canonical(rows[i]),
    );
    if (differs !== -1 || copied.length !== index + 1) {
      const at = differs === -1 ? copied.length : differs;
      const shown =
        typeof copied[at]?.version === "string"
          ? `"${String(copied[at].version)}"`
          : `row ${at + 1}`;
      report(
        copy,
        differs === -1 ? ["version_history"] : ["version_history", at],
        "archive-history-differs",
        differs === -1
          ? `This copy's version history ends before version "${version}"; it must be the history as it was when "${version}" was approved, ending with that row.`
          : at > index
            ? `This copy's version history goes on after version "${version}" (${shown}); it must end with the approved version's row.`
            : `Version ${shown}'s row differs from the same row in content/communities/${community}/charter.md; a copy keeps the history exactly as it was when "${version}" was approved.`,
        restoreHint(copy),
      );
    }
  }
}

/**
 * The archive of approved versions (content/communities/<slug>/versions/<version>/) across a
 * change: what is on the base branch never changes or goes, and a new copy comes only with the
 * approval of exactly that version, equal to the text approved. That is what lets the site
 * publish every version members ever agreed without reading git history (which a shallow clone
 * does not have): the copies are the record, and this rule keeps them one.
 */
import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import type { ContentFile } from "../content/load-content.ts";
import type { FieldPath } from "../content/locate-field.ts";
import type { ValidatedContent } from "../content/validate-content.ts";
import type { TreeEntry } from "./git-files.ts";

/** A broken rule, at a path of the content folder; the checker adds the repository's prefix. */
export interface ArchiveFinding {
  /** Path inside the content folder, such as communities/x/versions/0.3/charter.md. */
  file: string;
  /** The field it is about; absent for the file as a whole. */
  field?: FieldPath;
  code: string;
  severity: "error" | "warning";
  message: string;
  hint: string;
}

export interface ArchiveChange {
  /** The content folder being judged, on disk. */
  contentDir: string;
  /** The base commit's entries of the content folder, by path inside it. */
  baseEntries: ReadonlyMap<string, TreeEntry>;
  base: ValidatedContent;
  head: ValidatedContent;
  /** The base ref as the editor named it, for the hints (git checkout REF -- file). */
  baseRef: string;
  /** Shows a path of the content folder as a path from the repository root. */
  shown(relativePath: string): string;
}

const archivePath = /^communities\/([^/]+)\/versions\/([^/]+)\/(charter|ground-rules)\.md$/;
const copiedFiles = ["charter.md", "ground-rules.md"] as const;

type Row = Record<string, unknown>;
const rowsOf = (file: ContentFile | undefined): Row[] =>
  Array.isArray(file?.data.version_history) ? (file.data.version_history as Row[]) : [];
const approvalOf = (file: ContentFile | undefined, version: string) =>
  rowsOf(file).find((row) => row.version === version)?.approval_date;

/** The id git gives a file's bytes, in the repository's own hash (SHA-1, or SHA-256). */
function blobId(bytes: Uint8Array, like: string): string {
  const algorithm = like.length === 64 ? "sha256" : "sha1";
  return createHash(algorithm).update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** The bytes of a regular file of the content folder, or what is there instead. */
async function readRegular(
  contentDir: string,
  relativePath: string,
): Promise<Uint8Array | "missing" | "not a file"> {
  const file = path.join(contentDir, relativePath);
  const stat = await lstat(file).catch(() => undefined);
  if (!stat) return "missing";
  if (!stat.isFile()) return "not a file";
  return readFile(file);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Checks the archive of every community against the base commit. */
export async function checkArchiveChange(change: ArchiveChange): Promise<ArchiveFinding[]> {
  const { contentDir, baseEntries, base, head, baseRef, shown } = change;
  const findings: ArchiveFinding[] = [];
  const fileIn = (content: ValidatedContent, relativePath: string) =>
    content.files.find((f) => f.relativePath === relativePath);

  // 1. What the base branch holds stays, byte for byte.
  const archivedAtBase = new Set<string>();
  for (const [relativePath, entry] of [...baseEntries].sort(([a], [b]) => a.localeCompare(b))) {
    const match = archivePath.exec(relativePath);
    if (!match || entry.kind !== "file") continue;
    archivedAtBase.add(match[1]!);
    const now = await readRegular(contentDir, relativePath);
    const restore = `Restore it as it was: git checkout ${baseRef} -- ${shown(relativePath)}`;
    if (now === "missing" || now === "not a file") {
      findings.push({
        file: relativePath,
        code: "archive-removed",
        severity: "error",
        message: `The approved copy of version ${match[2]} of community "${match[1]}" ${now === "missing" ? "was deleted" : "was replaced by something that is not a file"}. The archive is the record of every version members agreed; nothing in it is ever removed.`,
        hint: `${restore}. To close a community, set status: retired in its index.md instead.`,
      });
    } else if (blobId(now, entry.object) !== entry.object) {
      findings.push({
        file: relativePath,
        code: "archive-changed",
        severity: "error",
        message: `The approved copy of version ${match[2]} of community "${match[1]}" was changed. It is the text that was approved, and it never changes.`,
        hint: `${restore}. To change the charter, edit charter.md and record a new version with npm run revise.`,
      });
    }
  }

  // 2. A new copy comes with the approval of its version, and is the text approved.
  const copiesByVersion = new Map<string, { community: string; version: string }>();
  for (const file of head.files) {
    const match = archivePath.exec(file.relativePath);
    if (!match || baseEntries.has(file.relativePath)) continue;
    copiesByVersion.set(`${match[1]}/${match[2]}`, { community: match[1]!, version: match[2]! });
  }
  for (const { community, version } of copiesByVersion.values()) {
    const folder = `communities/${community}/versions/${version}`;
    const charterPath = `communities/${community}/charter.md`;
    const charterNow = fileIn(head, charterPath);
    const approvedNow = approvalOf(charterNow, version);
    if (!approvedNow) continue; // validation reports a copy of a version that is not approved
    // A charter new in this change has no approval to compare with: its archive starts here.
    const charterBefore = fileIn(base, charterPath);
    const approvedHere = charterBefore !== undefined && !approvalOf(charterBefore, version);
    const newest = rowsOf(charterNow).at(-1)?.version === version;
    const inForceAsWritten = newest && charterNow?.data.status === "approved";
    if (newest && (approvedHere || inForceAsWritten)) {
      // The copy is checkable: it must be today's charter.md and ground-rules.md, byte for byte.
      for (const name of copiedFiles) {
        const copy = await readRegular(contentDir, `${folder}/${name}`);
        const original = await readRegular(contentDir, `communities/${community}/${name}`);
        if (
          copy instanceof Uint8Array &&
          original instanceof Uint8Array &&
          !sameBytes(copy, original)
        ) {
          findings.push({
            file: `${folder}/${name}`,
            code: "archive-not-approved-text",
            severity: "error",
            message: `This copy of version ${version} is not the text approved: it differs from ${shown(`communities/${community}/${name}`)}, which is version ${version} as approved.`,
            hint: `Copy ${name} into ${shown(folder)}/ exactly as it is (npm run approve writes both copies with the approval).`,
          });
        }
      }
    } else if (approvedHere) {
      // Approving a version that is not the newest is refused by the history rules already.
      continue;
    } else if (!archivedAtBase.has(community)) {
      findings.push({
        file: `${folder}/charter.md`,
        code: "archive-started",
        severity: "warning",
        message: `Version ${version} of community "${community}", approved on ${String(approvedNow)}, is added to the archive after its approval, so its text cannot be checked against what was approved.`,
        hint: `A reviewer must confirm this is the text approved (git log -p -- ${shown(charterPath)} shows the charter's past texts). This is allowed once, when a community's archive starts; later copies come only with their approval.`,
      });
    } else {
      findings.push({
        file: `${folder}/charter.md`,
        code: "archive-added-later",
        severity: "error",
        message: `A copy of version ${version} of community "${community}" is added, but that version was approved before this change and the community's archive already holds other versions. A copy is only ever written with its approval.`,
        hint: `Remove ${shown(folder)}/. The archive keeps what npm run approve wrote at each approval.`,
      });
    }
  }

  // 3. An approval recorded in this change brings its copy.
  for (const charter of head.files.filter((f) => f.type.name === "charter")) {
    const community = charter.community!;
    const before = fileIn(base, charter.relativePath);
    if (!before) continue; // a new charter's history is all new: its approvals predate the archive
    for (const [index, row] of rowsOf(charter).entries()) {
      const version = row.version;
      if (typeof version !== "string" || typeof row.approval_date !== "string") continue;
      if (approvalOf(before, version)) continue;
      const folder = `communities/${community}/versions/${version}`;
      const missing = copiedFiles.filter(
        (name) => !head.files.some((f) => f.relativePath === `${folder}/${name}`),
      );
      if (missing.length === 0) continue;
      findings.push({
        file: charter.relativePath,
        field: ["version_history", index, "approval_date"],
        code: "archive-missing",
        severity: "error",
        message: `Version ${version} is approved in this change, but the archive has no copy of it (${missing.map((name) => `${shown(folder)}/${name}`).join(", ")}). Without it, the text of ${version} is lost from the site once the next version is drafted.`,
        hint: `npm run approve writes the copies with the approval; or copy charter.md and ground-rules.md, as approved, into ${shown(folder)}/.`,
      });
    }
  }
  return findings;
}

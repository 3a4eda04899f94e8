import {
  CharterVersion,
  type CharterDocument,
  type CommunityDocument,
  type GroundRulesDocument,
} from "./site-model.ts";

/** The copies of one approved version kept in the archive. */
export interface ArchivedText {
  charter: CharterDocument;
  groundRules: GroundRulesDocument;
}

/**
 * A community's versions as members read them, from its charter's version history and the copies
 * in its archive: each approved version whose text is kept (the newest approved one may be
 * charter.md itself), then the draft awaiting approval. Validation has checked that every copy is
 * an approved version of this charter (scripts/content/archive-checks.ts).
 * @param copies the archive's copies by version
 */
export function assembleVersions(
  community: CommunityDocument,
  copies: ReadonlyMap<string, ArchivedText>,
  showDate: (iso: string) => string,
): void {
  const charter = community.charter!;
  const groundRules = community.groundRules!;
  const rows = charter.data.version_history;
  const approved = rows.filter((row) => row.approval_date);
  const versions: CharterVersion[] = [];
  const byVersion = new Map<string, CharterVersion>();
  approved.forEach((row, index) => {
    const isNewest = row === rows.at(-1);
    // The newest row of an approved charter is charter.md itself, whether or not it was copied.
    const text = isNewest && !charter.draft ? { charter, groundRules } : copies.get(row.version);
    if (!text) {
      charter.versionsNotKept.push(row.version);
      return;
    }
    const next = approved[index + 1];
    const version = new CharterVersion(
      community,
      row,
      next ? "superseded" : "in-force",
      text.charter,
      text.groundRules,
      showDate,
    );
    if (next) version.supersededBy = next;
    if (index > 0) version.previousRow = approved[index - 1];
    versions.push(version);
    byVersion.set(row.version, version);
  });
  if (charter.draft) {
    const draft = new CharterVersion(
      community,
      rows.at(-1)!,
      "draft",
      charter,
      groundRules,
      showDate,
    );
    if (approved.length) draft.previousRow = approved.at(-1);
    versions.push(draft);
  }
  for (const version of versions) {
    const previous = version.previousRow && byVersion.get(version.previousRow.version);
    if (previous) version.previous = previous;
  }
  charter.versions = versions;
}

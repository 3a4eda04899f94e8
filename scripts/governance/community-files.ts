import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { closest, distance } from "fastest-levenshtein";
import { UsageError } from "../cli/usage-error.ts";
import { parseContentText } from "./parse-content-text.ts";

/** The files the editor's helpers read and change for one community. */
export interface CommunityFiles {
  slug: string;
  /** The charter's absolute path. */
  charterFile: string;
  /** The charter's path as shown to the editor. */
  charterPath: string;
  /** The charter's text, exactly as on disk. */
  charterText: string;
  /** The bodies or roles the community's index.md lists as approvers. */
  approvers: string[];
}

const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
};

/** The closest of `candidates` to `value`, ignoring case, when it is close enough to be a typo. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const lower = candidates.map((c) => c.toLowerCase());
  const best = closest(value.toLowerCase(), lower);
  const limit = Math.max(2, Math.floor(value.length / 3));
  return distance(value.toLowerCase(), best) <= limit ? candidates[lower.indexOf(best)] : undefined;
}

/** Reads a community's charter and approvers, or explains which community names exist. */
export async function readCommunity(contentDir: string, slug: string): Promise<CommunityFiles> {
  const communitiesDir = path.join(contentDir, "communities");
  const folder = path.join(communitiesDir, slug);
  if (
    !slug ||
    slug.includes("/") ||
    slug.includes("\\") ||
    slug.startsWith(".") ||
    !existsSync(folder)
  ) {
    const slugs = existsSync(communitiesDir)
      ? (await readdir(communitiesDir, { withFileTypes: true }))
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort()
      : [];
    const guess = didYouMean(slug, slugs);
    throw new UsageError(
      `There is no community "${slug}" in ${shown(communitiesDir)}. ` +
        (guess
          ? `Did you mean ${guess}?`
          : `Use the name of its folder: ${slugs.join(", ") || "(none yet)"}.`),
    );
  }
  const indexPath = path.join(folder, "index.md");
  const charterPath = path.join(folder, "charter.md");
  for (const file of [indexPath, charterPath]) {
    if (!existsSync(file))
      throw new UsageError(`${shown(file)} does not exist; every community needs one.`);
  }
  const index = parseContentText(
    (await readFile(indexPath, "utf8")).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"),
  );
  const listed = "unreadable" in index ? undefined : index.data.approvers;
  if (
    !Array.isArray(listed) ||
    !listed.every((a) => typeof a === "string") ||
    listed.length === 0
  ) {
    throw new UsageError(
      `${shown(indexPath)} has no list of approvers. Run npm run validate, fix what it reports, then try again.`,
    );
  }
  return {
    slug,
    charterFile: charterPath,
    charterPath: shown(charterPath),
    charterText: await readFile(charterPath, "utf8"),
    approvers: listed,
  };
}

/** Refuses an approver the community does not list, suggesting the one the editor probably meant. */
export function requireListedApprover(approver: string, community: CommunityFiles): void {
  if (community.approvers.includes(approver)) return;
  const guess = didYouMean(approver, community.approvers);
  throw new UsageError(
    `"${approver}" is not one of the approvers of ${community.slug} (${community.approvers.join(", ")}). ` +
      (guess
        ? `Did you mean "${guess}"?`
        : "Use one of them exactly as written, or add it to approvers in the community's index.md."),
  );
}

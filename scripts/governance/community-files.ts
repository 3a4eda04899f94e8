import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../cli/usage-error.ts";
import { didYouMean } from "../content/did-you-mean.ts";
import { parseYamlDocument } from "../content/parse-yaml.ts";
import { siteTimeZone } from "../content/time-zone.ts";
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
  /** The ground rules' absolute path, and their path as shown to the editor. */
  groundRulesFile: string;
  groundRulesPath: string;
  /** The folder of the community's archive of approved versions (versions/). */
  archiveFolder: string;
  /** The bodies or roles the community's index.md lists as approvers. */
  approvers: string[];
  /** The time zone the community dates its charter in (site.yaml's time_zone, or its locale's). */
  timeZone: string;
}

const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith("..") ? file : relative).split(path.sep).join("/");
};

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
  const groundRulesPath = path.join(folder, "ground-rules.md");
  for (const file of [indexPath, charterPath, groundRulesPath]) {
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
    groundRulesFile: groundRulesPath,
    groundRulesPath: shown(groundRulesPath),
    archiveFolder: path.join(folder, "versions"),
    approvers: listed,
    timeZone: await readTimeZone(contentDir),
  };
}

/** The site's time zone from content/site.yaml; the default when the file cannot be read. */
async function readTimeZone(contentDir: string): Promise<string> {
  const file = path.join(contentDir, "site.yaml");
  const text = existsSync(file) ? await readFile(file, "utf8") : "";
  const doc = parseYamlDocument(text.replace(/^\uFEFF/, ""));
  const data: unknown = doc.errors.length ? undefined : doc.toJS();
  return siteTimeZone(
    data && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined,
  );
}

/**
 * Wraps whichever backend Decap CMS starts (GitHub, Git Gateway, the local proxy of `npm run edit`)
 * to add what Charterbook's layout needs:
 * - a collection of files with one name in each folder (content/communities/<slug>/charter.md)
 *   lists only those files: Decap lists a folder by extension, and is told the file's name instead
 *   (scripts/cms/collections.ts);
 * - a save may write other files in the same commit: the charter, when ground rules change;
 * - the save hook reads files as they are on the base branch, to count versions from there.
 */
import { contentTypes } from "../../content/content-types.ts";
import { approvalCollection, collectionName, isNamedExtension, placeOf } from "../collections.ts";
import type { BackendImplementation, DecapCms, EntryFile, ImplementationEntry } from "./decap.ts";

/** The backends Decap CMS 3 registers; each is wrapped when it starts. */
const backendNames = [
  "github",
  "git-gateway",
  "gitlab",
  "gitea",
  "forgejo",
  "bitbucket",
  "azure",
  "aws-cognito-github-proxy",
  "proxy",
  "test-repo",
];

let active: { name: string; implementation: BackendImplementation } | undefined;
const companions = new Map<string, EntryFile[]>();

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Files to write in the same commit as the entry at `path`, by its next save. */
export function addCompanionFiles(path: string, files: EntryFile[]): void {
  if (files.length) companions.set(path, files);
  else companions.delete(path);
}

/** A named collection asks for `charter.md` files: list `md` files, keep those with that name. */
const listedExtension = (extension: string) =>
  isNamedExtension(extension) ? extension.slice(extension.lastIndexOf(".") + 1) : extension;
const keepNamed = (extension: string, entries: ImplementationEntry[]) =>
  isNamedExtension(extension)
    ? entries.filter((entry) => baseName(entry.file.path) === extension)
    : entries;

/** Decap makes a named entry's path from its slug and extension: north-east/charter.md.charter.md. */
const realPath = (path: string) => path.replace(/\/([^/]+\.[a-z]+)\.\1$/, "/$1");

/** The file name of a named collection, such as charter.md, or undefined for other collections. */
function namedFileOf(collection: string | undefined): string | undefined {
  const name = collection === approvalCollection ? "charter" : collection;
  const type = contentTypes.find((candidate) => collectionName(candidate.name) === name);
  if (!type) return undefined;
  const place = placeOf(type);
  return place.kind === "named" ? place.fileName : undefined;
}

function wrap(name: string, implementation: BackendImplementation): BackendImplementation {
  active = { name, implementation };
  const entriesByFolder = implementation.entriesByFolder.bind(implementation);
  implementation.entriesByFolder = async (folder, extension, depth) =>
    keepNamed(extension, await entriesByFolder(folder, listedExtension(extension), depth));
  const allEntriesByFolder = implementation.allEntriesByFolder?.bind(implementation);
  if (allEntriesByFolder)
    implementation.allEntriesByFolder = async (folder, extension, depth, pathRegex) =>
      keepNamed(
        extension,
        await allEntriesByFolder(folder, listedExtension(extension), depth, pathRegex),
      );
  const getEntry = implementation.getEntry.bind(implementation);
  implementation.getEntry = (path) => getEntry(realPath(path));
  const persistEntry = implementation.persistEntry.bind(implementation);
  implementation.persistEntry = (entry, options) => {
    const extra = entry.dataFiles.flatMap((file) => companions.get(file.path) ?? []);
    for (const file of entry.dataFiles) companions.delete(file.path);
    return persistEntry({ ...entry, dataFiles: [...entry.dataFiles, ...extra] }, options);
  };
  const unpublishedEntry = implementation.unpublishedEntry?.bind(implementation);
  if (unpublishedEntry)
    // A pull request that changed ground rules changed the charter too; the ground rules' form
    // shows the ground rules, not whichever of the two Decap would pick.
    implementation.unpublishedEntry = async (args) => {
      const entry = await unpublishedEntry(args);
      const fileName = namedFileOf(args.collection);
      if (!fileName) return entry;
      return {
        ...entry,
        diffs: entry.diffs.filter(
          (diff) => !diff.path.endsWith(".md") || baseName(diff.path) === fileName,
        ),
      };
    };
  return implementation;
}

/** Wraps every backend Decap CMS has registered; call before CMS.init. */
export function wrapBackends(cms: DecapCms): void {
  for (const name of backendNames) {
    const registered = cms.getBackend(name);
    if (!registered) continue;
    const init = registered.init;
    registered.init = (...args: unknown[]) => wrap(name, init(...args));
  }
}

const isNotFound = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ((error as { status?: number }).status === 404 ||
    /not found/i.test(String((error as { message?: string }).message)));

/**
 * A file as it is on the base branch: the branch the pull requests go to, or for `npm run edit`
 * the working copy's last commit (its server answers /api/charterbook/base); undefined when the
 * file is not there.
 */
export async function readBaseFile(path: string): Promise<string | undefined> {
  if (!active) throw new Error("The content editor read a file before its backend started.");
  if (active.name === "proxy") {
    const response = await fetch(
      new URL(`/api/charterbook/base?path=${encodeURIComponent(path)}`, location.href),
    );
    if (response.ok) return response.text();
    if (response.headers.get("x-charterbook") === "not-committed") return undefined;
    // Another local proxy (decap-server on its own): the working copy is the base.
  }
  try {
    const { data } = await active.implementation.getEntry(path);
    return data ?? undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * The Markdown files of a folder, as the branch the editor shows holds them; none when the folder
 * is not there (a community without an archive yet).
 * @param depth how many levels of folders down @default 1 (the folder's own files)
 */
export async function readFolder(folder: string, depth = 1): Promise<ImplementationEntry[]> {
  if (!active) throw new Error("The content editor read a folder before its backend started.");
  try {
    return await active.implementation.entriesByFolder(folder, "md", depth);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/**
 * Wraps whichever backend Decap CMS starts (GitHub, Git Gateway, the local proxy of `npm run edit`)
 * to add what Charterbook's layout needs:
 * - a collection of files with one name in each folder (content/communities/<slug>/charter.md)
 *   lists only those files: Decap lists a folder by extension, and is told the file's name instead
 *   (scripts/cms/collections.ts);
 * - a save may write other files in the same commit: the charter, when ground rules change, and
 *   the approved version's copies in the archive, when a charter is approved;
 * - the save hook reads files as they are on the base branch, to count versions from there.
 */
import { contentTypes } from "../../content/content-types.ts";
import { approvalCollection, collectionName, isNamedExtension, placeOf } from "../collections.ts";
import type {
  BackendImplementation,
  CompanionEntryFile,
  DecapCms,
  ImplementationEntry,
} from "./decap.ts";

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
const companions = new Map<string, CompanionEntryFile[]>();

/** Files to write in the same commit as the entry at `path`, by its next save. */
export function addCompanionFiles(path: string, files: CompanionEntryFile[]): void {
  if (files.length) companions.set(path, files);
  else companions.delete(path);
}

/**
 * True when `path` is `<folder>/<slug>/<fileName>`: a community's charter.md, not the copy of an
 * approved version further down (content/communities/<slug>/versions/<version>/charter.md).
 */
const isNamedEntry = (folder: string, fileName: string, path: string) =>
  path.startsWith(`${folder}/`) &&
  /^[^/]+$/.test(path.slice(folder.length + 1, -fileName.length - 1)) &&
  path.endsWith(`/${fileName}`);

/** A named collection asks for `charter.md` files: list `md` files, keep those with that name. */
const listedExtension = (extension: string) =>
  isNamedExtension(extension) ? extension.slice(extension.lastIndexOf(".") + 1) : extension;
const keepNamed = (folder: string, extension: string, entries: ImplementationEntry[]) =>
  isNamedExtension(extension)
    ? entries.filter((entry) => isNamedEntry(folder, extension, entry.file.path))
    : entries;

/** Decap makes a named entry's path from its slug and extension: north-east/charter.md.charter.md. */
const realPath = (path: string) => path.replace(/\/([^/]+\.[a-z]+)\.\1$/, "/$1");

/** The place of a named collection, such as content/communities and charter.md, or undefined. */
function namedPlaceOf(
  collection: string | undefined,
): { folder: string; fileName: string } | undefined {
  const name = collection === approvalCollection ? "charter" : collection;
  const type = contentTypes.find((candidate) => collectionName(candidate.name) === name);
  if (!type) return undefined;
  const place = placeOf(type);
  return place.kind === "named" ? place : undefined;
}

function wrap(name: string, implementation: BackendImplementation): BackendImplementation {
  active = { name, implementation };
  const entriesByFolder = implementation.entriesByFolder.bind(implementation);
  implementation.entriesByFolder = async (folder, extension, depth) =>
    keepNamed(folder, extension, await entriesByFolder(folder, listedExtension(extension), depth));
  const allEntriesByFolder = implementation.allEntriesByFolder?.bind(implementation);
  if (allEntriesByFolder)
    implementation.allEntriesByFolder = async (folder, extension, depth, pathRegex) =>
      keepNamed(
        folder,
        extension,
        await allEntriesByFolder(folder, listedExtension(extension), depth, pathRegex),
      );
  const getEntry = implementation.getEntry.bind(implementation);
  implementation.getEntry = (path) => getEntry(realPath(path));
  const persistEntry = implementation.persistEntry.bind(implementation);
  implementation.persistEntry = (entry, options) => {
    // A copy of the entry itself (an approved charter's, in the archive) is of the very bytes saved.
    const extra = entry.dataFiles.flatMap((file) =>
      (companions.get(file.path) ?? []).map(({ sameAsEntry, ...companion }) =>
        sameAsEntry ? { ...companion, raw: file.raw } : companion,
      ),
    );
    for (const file of entry.dataFiles) companions.delete(file.path);
    return persistEntry({ ...entry, dataFiles: [...entry.dataFiles, ...extra] }, options);
  };
  const unpublishedEntry = implementation.unpublishedEntry?.bind(implementation);
  if (unpublishedEntry)
    // A pull request that changed ground rules changed the charter too, and an approval adds the
    // approved version's copies; the form shows its own file, not whichever Decap would pick.
    implementation.unpublishedEntry = async (args) => {
      const entry = await unpublishedEntry(args);
      const place = namedPlaceOf(args.collection);
      if (!place) return entry;
      return {
        ...entry,
        diffs: entry.diffs.filter(
          (diff) =>
            !diff.path.endsWith(".md") || isNamedEntry(place.folder, place.fileName, diff.path),
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
  return readCurrentFile(path);
}

/**
 * A file as the branch the save is written to holds it: for a pull request, the base branch it
 * starts from; for `npm run edit`, the working copy. Undefined when the file is not there.
 */
export async function readCurrentFile(path: string): Promise<string | undefined> {
  if (!active) throw new Error("The content editor read a file before its backend started.");
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

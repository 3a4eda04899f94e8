/**
 * Everything the content editor does when an editor presses Save, before anything is written:
 * refuses a file it could not read, records a governed change as a new version of the charter
 * (scripts/cms/revise-on-save.ts), adds an approved version's copies to the archive as
 * `npm run approve` does, and checks every file it is about to write with the loader and the
 * schema check `npm run validate` uses. Decap CMS calls it from its preSave event
 * (scripts/cms/browser/save-hook.ts); it reads the repository through {@link Repository}, so it
 * runs the same in a test as in the browser.
 */
import { UsageError } from "../cli/errors.ts";
import { contentTypes, type ContentType } from "../content/content-types.ts";
import { loadFiles } from "../content/load-content.ts";
import type { Problem } from "../content/problems.ts";
import { checkAgainstSchema } from "../content/schema-check.ts";
import { siteTimeZone } from "../content/time-zone.ts";
import { today as todayIn, type Today } from "../governance/today.ts";
import {
  approvalCollection,
  collectionName,
  contentFolder,
  pathForNewEntry,
} from "./collections.ts";
import {
  fileFields,
  readEntry,
  sourceKey,
  unreadableKey,
  UnreadableEntryError,
  writeEntry,
} from "./entry-format.ts";
import { approvalFieldName, revisionFieldName } from "./governed.ts";
import {
  approveCharter,
  communityChange,
  groundRulesChange,
  reviseCharter,
  reviseCompanionCharter,
  type BaseCommunity,
  type RevisionNote,
} from "./revise-on-save.ts";

type Data = Record<string, unknown>;

/** A save the editor refused, with every reason, in words for the person who pressed Save. */
export class SaveRefused extends Error {
  override name = "SaveRefused";
  // Decap shows the error as it turns to text: the words alone, without "SaveRefused:".
  override toString(): string {
    return this.message;
  }
}

export interface SaveRequest {
  /** The collection's name in the CMS configuration. */
  collection: string;
  /** The file's path from the repository root, such as content/communities/north-east/charter.md. */
  path: string;
  /** The form's data, with the editor's own keys (the file's text, the revision note). */
  data: Data;
}

/**
 * Another file the save changes in the same commit: the charter, when ground rules change; the
 * approved version's copies in the archive, when a charter is approved.
 */
export interface CompanionFile {
  path: string;
  text: string;
  /** The copy is of the entry itself: the editor writes the very bytes it saves the entry with. */
  sameAsEntry?: boolean;
}

export interface SaveResult {
  /** The form's data to write, with the editor's own keys kept. */
  data: Data;
  companions: CompanionFile[];
  /** The version the save recorded, when it recorded one. */
  version?: string;
}

/** Reads a file from the repository; undefined when it is not there. */
export type ReadFile = (path: string) => Promise<string | undefined>;

/** The two states of the repository a save is judged against. */
export interface Repository {
  /** The base branch the pull request goes to (for `npm run edit`, the last commit). */
  readBase: ReadFile;
  /**
   * The branch the save is written to, before this save: for a pull request, the base branch it
   * starts from; for `npm run edit`, the working copy.
   */
  readCurrent: ReadFile;
}

/** The content type a collection edits; the approvals collection edits charters. */
export function typeOfCollection(collection: string): ContentType {
  const name = collection === approvalCollection ? "charter" : collection;
  const type = contentTypes.find((candidate) => collectionName(candidate.name) === name);
  if (!type) throw new Error(`The content editor has no collection named ${collection}.`);
  return type;
}

/** Problems with the text about to be written, as `npm run validate` reports them (file and schema rules). */
export function problemsIn(path: string, text: string): Problem[] {
  const relativePath = path.slice(contentFolder.length + 1);
  const loaded = loadFiles(contentFolder, [
    { relativePath, bytes: new TextEncoder().encode(text) },
  ]);
  const file = loaded.files[0];
  return [...loaded.problems, ...(file ? checkAgainstSchema(file) : [])].filter(
    (p) => p.severity === "error",
  );
}

const describe = (problems: readonly Problem[]) =>
  problems
    .map((p) => `${p.field ? `${p.field}: ` : ""}${p.message}${p.hint ? ` ${p.hint}` : ""}`)
    .join("\n");

/** The governed files of the community a file belongs to, as they are on the base branch. */
async function baseCommunity(
  path: string,
  readBase: ReadFile,
): Promise<BaseCommunity & { indexText?: string; siteText?: string }> {
  const folder = path.slice(0, path.lastIndexOf("/"));
  const charterPath = `${folder}/charter.md`;
  const [charterText, indexText, siteText] = await Promise.all([
    readBase(charterPath),
    readBase(`${folder}/index.md`),
    readBase(`${contentFolder}/site.yaml`),
  ]);
  const index = indexText === undefined ? {} : fileFields(readEntry(indexText, "markdown"));
  const approvers = Array.isArray(index.approvers)
    ? index.approvers.filter((name): name is string => typeof name === "string")
    : [];
  return {
    charterPath,
    ...(charterText === undefined ? {} : { charterText }),
    approvers,
    ...(indexText === undefined ? {} : { indexText }),
    ...(siteText === undefined ? {} : { siteText }),
  };
}

/**
 * The approved version's copies, as `npm run approve` writes them with the approval: the charter
 * as approved and the ground rules as they are, in content/communities/<slug>/versions/<version>/.
 * The site publishes every version from them, and the governance check asks for them.
 */
async function archiveCopies(
  charterPath: string,
  version: string,
  charterText: string,
  readCurrent: ReadFile,
): Promise<CompanionFile[]> {
  const folder = charterPath.slice(0, charterPath.lastIndexOf("/"));
  const archive = `${folder}/versions/${version}`;
  if (!/^\d+(\.\d+)*$/.test(version))
    throw new SaveRefused(
      `${charterPath}: the last version, "${version}", is not a version such as 0.3, so it has no place in the archive. Fix it in the repository first: npm run validate says how.`,
    );
  const [existing, groundRules] = await Promise.all([
    readCurrent(`${archive}/charter.md`),
    readCurrent(`${folder}/ground-rules.md`),
  ]);
  if (existing !== undefined)
    throw new SaveRefused(
      `${archive}/ already exists, so version ${version} cannot be approved again into it. ` +
        "A copy in the archive is never replaced: if it is left from an approval that was undone, delete the folder in the repository and approve again.",
    );
  if (groundRules === undefined)
    throw new SaveRefused(
      `${folder}/ground-rules.md does not exist, and an approved version keeps a copy of the ground rules with the charter. Add the community's ground rules first.`,
    );
  return [
    { path: `${archive}/charter.md`, text: charterText, sameAsEntry: true },
    { path: `${archive}/ground-rules.md`, text: groundRules },
  ];
}

/**
 * Prepares a save: the data to write, the other files the same commit changes, or a refusal
 * that says everything that is wrong.
 * @param now today in a time zone @default the browser's clock in the site's time zone
 */
export async function prepareSave(
  request: SaveRequest,
  repository: Repository,
  now: (timeZone: string) => Today = (timeZone) => todayIn(timeZone, {}),
): Promise<SaveResult> {
  const { readBase, readCurrent } = repository;
  const { collection, data } = request;
  const type = typeOfCollection(collection);
  const path = request.path || pathForNewEntry(type);
  if (typeof data[unreadableKey] === "string")
    throw new SaveRefused(
      `${path} could not be read (${data[unreadableKey]}), so the content editor will not write over it. Fix it in the repository first: npm run validate says what is wrong.`,
    );
  let fields = fileFields(data);
  const companions: CompanionFile[] = [];
  let version: string | undefined;

  try {
    if (type.name === "charter" || type.name === "ground-rules" || type.name === "community") {
      const base = await baseCommunity(path, readBase);
      const site =
        base.siteText === undefined ? undefined : fileFields(readEntry(base.siteText, "yaml"));
      const today = now(siteTimeZone(site));
      const note = data[revisionFieldName] as RevisionNote | undefined;
      if (collection === approvalCollection) {
        const saved = approveCharter(
          fields,
          data[approvalFieldName] as Data | undefined,
          base,
          today,
        );
        fields = saved.data;
        version = saved.version;
      } else if (type.name === "charter") {
        const saved = reviseCharter(fields, note, base, today);
        fields = saved.data;
        version = saved.version;
      } else {
        const ownBase = type.name === "community" ? base.indexText : await readBase(path);
        const why =
          type.name === "community"
            ? communityChange(fields, ownBase)
            : groundRulesChange(fields, ownBase);
        const approversNow =
          type.name === "community" && Array.isArray(fields.approvers)
            ? (fields.approvers as string[])
            : base.approvers;
        const charter = reviseCompanionCharter(why, note, base, today, approversNow);
        if (charter) {
          companions.push({ path: charter.path, text: charter.text });
          version = charter.version;
        }
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw new SaveRefused(error.message, { cause: error });
    throw error;
  }

  const written = { ...data, ...fields };
  let text: string;
  try {
    text = writeEntry(written, type.format);
  } catch (error) {
    if (error instanceof UnreadableEntryError)
      throw new SaveRefused(error.message, { cause: error });
    throw error;
  }
  if (collection === approvalCollection && version)
    companions.push(...(await archiveCopies(path, version, text, readCurrent)));
  const problems = [
    ...problemsIn(path, text),
    ...companions.flatMap((file) => problemsIn(file.path, file.text)),
  ];
  if (problems.length)
    throw new SaveRefused(
      `${path} was not saved: ${problems.length === 1 ? "one field needs" : `${problems.length} fields need`} fixing.\n${describe(problems)}`,
    );
  return {
    data: { ...written, [sourceKey]: data[sourceKey] },
    companions,
    ...(version ? { version } : {}),
  };
}

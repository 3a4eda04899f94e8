/**
 * Where each content type's files are, as the content editor (Decap CMS) sees the repository:
 * read from the type's `location` in scripts/content/content-types.ts, so a new content type gets
 * its collection without code here. The generator of the CMS configuration and the code that runs
 * in the browser both use this module.
 */
import type { ContentType, ContentTypeName } from "../content/content-types.ts";

/**
 * Content types the editor has no form for: the archive of approved versions
 * (content/communities/<slug>/versions/<version>/). Those copies are the record of what members
 * agreed; an approval writes them (as `npm run approve` does), nothing edits them afterwards, and the
 * governance check refuses any change to them. Their schemas are the charter's and the ground
 * rules', whose forms the editor has.
 */
export const recordTypes: readonly ContentTypeName[] = ["charter-version", "ground-rules-version"];

/** True for a content type the editor gives a form: every type but the archive's. */
export const isEditable = (type: Pick<ContentType, "name">): boolean =>
  !recordTypes.includes(type.name);

/** The content folder, from the repository's root: the CMS edits the repository itself. */
export const contentFolder = "content";

/**
 * Where a content type's files are:
 * - `file`: one file, such as content/site.yaml;
 * - `folder`: one file per entry, such as content/guide/<slug>.md;
 * - `named`: one file of a given name in each sub-folder, such as content/communities/<slug>/charter.md.
 */
export type Place =
  | { kind: "file"; file: string }
  | { kind: "folder"; folder: string; extension: string }
  | { kind: "named"; folder: string; fileName: string };

/** Reads a type's location, such as `content/communities/<slug>/charter.md`, as a place. */
export function placeOf(type: Pick<ContentType, "location" | "name">): Place {
  const [before, after, ...rest] = type.location.split("<slug>");
  if (after === undefined) return { kind: "file", file: type.location };
  const folder = before!.replace(/\/$/, "");
  if (rest.length === 0 && /^\.[a-z]+$/.test(after))
    return { kind: "folder", folder, extension: after.slice(1) };
  if (rest.length === 0 && /^\/[a-z0-9-]+\.[a-z]+$/.test(after))
    return { kind: "named", folder, fileName: after.slice(1) };
  throw new Error(
    `The location of content type ${type.name} ("${type.location}") is not one the content editor knows: ` +
      "use content/<file>, content/<folder>/<slug>.<ext> or content/<folder>/<slug>/<file>.",
  );
}

/**
 * The extension Decap is told for a `named` place is the file's whole name (`charter.md`), so that
 * the unpublished entries of a pull request pick that file among the files it changes; the
 * backend wrapper in the browser lists `md` files and keeps those with that name.
 */
export const namedExtension = (fileName: string) => fileName;

/** True when a Decap extension names a file (`charter.md`) rather than a kind of file (`md`). */
export const isNamedExtension = (extension: string) => extension.includes(".");

/** The collection of each content type is named after the type; approvals have one of their own. */
export const approvalCollection = "charter-approval";

/** The name of a content type's collection. */
export const collectionName = (type: ContentTypeName): string => type;

/** A path of the right type for an entry not yet saved, whose name Decap chooses on saving. */
export function pathForNewEntry(type: Pick<ContentType, "location" | "name">): string {
  const place = placeOf(type);
  if (place.kind === "file") return place.file;
  return place.kind === "folder"
    ? `${place.folder}/new-entry.${place.extension}`
    : `${place.folder}/new-entry/${place.fileName}`;
}

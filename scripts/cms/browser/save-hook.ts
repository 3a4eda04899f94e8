/**
 * Decap CMS's preSave event: runs scripts/cms/prepare-save.ts on the entry about to be saved and
 * hands Decap the data to write (with a governed change recorded as a new version), the backend
 * wrapper the other files of the same commit (a revised charter, an approved version's copies), or Decap a refusal that says what to fix.
 */
import { prepareSave } from "../prepare-save.ts";
import { addCompanionFiles, readBaseFile, readCurrentFile } from "./backend.ts";
import type { DecapCms, ImmutableList, ImmutableMap } from "./decap.ts";

/** Plain data as Immutable.js values made by Decap's own copy of the library. */
function toImmutable(value: unknown, emptyMap: ImmutableMap, emptyList: ImmutableList): unknown {
  if (Array.isArray(value))
    return emptyList.push(...value.map((item) => toImmutable(item, emptyMap, emptyList)));
  if (typeof value === "object" && value !== null)
    return Object.entries(value).reduce<ImmutableMap>(
      (map, [key, item]) => map.set(key, toImmutable(item, emptyMap, emptyList)),
      emptyMap,
    );
  return value;
}

export function registerSaveHook(cms: DecapCms): void {
  cms.registerEventListener({
    name: "preSave",
    handler: async ({ entry }) => {
      const data = entry.get("data") as ImmutableMap;
      const path = String(entry.get("path") ?? "");
      const result = await prepareSave(
        { collection: String(entry.get("collection")), path, data: data.toJS() },
        { readBase: readBaseFile, readCurrent: readCurrentFile },
      );
      addCompanionFiles(
        path,
        result.companions.map((file) => ({
          path: file.path,
          raw: file.text,
          slug: String(entry.get("slug") ?? ""),
          ...(file.sameAsEntry ? { sameAsEntry: true } : {}),
        })),
      );
      const emptyMap = data.clear();
      return toImmutable(result.data, emptyMap, emptyMap.toList().clear());
    },
  });
}

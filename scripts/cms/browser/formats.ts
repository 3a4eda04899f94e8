/**
 * Registers the file formats the generated configuration names (scripts/cms/format-names.ts):
 * files are read and written by scripts/cms/entry-format.ts, so a save edits only what changed.
 */
import { readEntry, writeEntry } from "../entry-format.ts";
import { formatNames } from "../format-names.ts";
import type { DecapCms } from "./decap.ts";

export function registerFormats(cms: DecapCms): void {
  for (const [format, name] of Object.entries(formatNames) as [
    keyof typeof formatNames,
    string,
  ][]) {
    cms.registerCustomFormat(name, format === "yaml" ? "yaml" : "md", {
      fromFile: (content) => readEntry(content, format),
      toFile: (data, sortedKeys) => writeEntry(data, format, sortedKeys ?? []),
    });
  }
}

/**
 * Decap CMS's English messages where Charterbook says more: a field that does not match its
 * schema shows the schema's own words, and a refused save says why without "Failed to persist".
 */
import type { DecapCms } from "./decap.ts";

type Phrases = Record<string, unknown>;

function setIn(phrases: Phrases, path: string[], text: string): void {
  let node = phrases;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Phrases;
  node[path.at(-1)!] = text;
}

export function adjustMessages(cms: DecapCms): void {
  const english = structuredClone(cms.getLocale("en") ?? {}) as Phrases;
  setIn(
    english,
    ["editor", "editorControlPane", "widget", "regexPattern"],
    "%{fieldLabel}: %{pattern}",
  );
  setIn(english, ["ui", "toast", "onFailToPersist"], "Not saved. %{details}");
  cms.registerLocale("en", english);
}

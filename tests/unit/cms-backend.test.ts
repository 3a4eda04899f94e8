import { describe, expect, it } from "vitest";
import { addCompanionFiles, wrapBackends } from "../../scripts/cms/browser/backend.ts";
import type {
  BackendImplementation,
  DecapCms,
  EntryFile,
  ImplementationEntry,
} from "../../scripts/cms/browser/decap.ts";

/** A backend as Decap's GitHub backend answers: a folder's files by extension, and what it was asked. */
function fakeBackend() {
  const calls: unknown[][] = [];
  const persisted: EntryFile[][] = [];
  const files = [
    "content/communities/north-east/index.md",
    "content/communities/north-east/charter.md",
    "content/communities/north-east/ground-rules.md",
    "content/communities/pilot/charter.md",
    "content/communities/pilot/versions/0.1/charter.md",
  ];
  const entry = (path: string): ImplementationEntry => ({
    data: `text of ${path}`,
    file: { path },
  });
  const implementation: BackendImplementation = {
    async entriesByFolder(folder, extension, depth) {
      calls.push(["entriesByFolder", folder, extension, depth]);
      return files.filter((file) => file.endsWith(`.${extension}`)).map(entry);
    },
    async getEntry(path) {
      calls.push(["getEntry", path]);
      return { data: `text of ${path}`, file: { path } };
    },
    async persistEntry(entry, options) {
      calls.push(["persistEntry", entry.dataFiles.map((file) => file.path), options]);
      persisted.push(entry.dataFiles);
    },
    async unpublishedEntry() {
      return {
        diffs: [
          { path: "content/communities/north-east/charter.md" },
          { path: "content/communities/north-east/ground-rules.md" },
          { path: "content/communities/north-east/versions/0.3/charter.md" },
          { path: "content/images/photo.png" },
        ],
      };
    },
  };
  const registered: Record<string, { init: (...args: unknown[]) => BackendImplementation }> = {
    github: { init: () => implementation },
  };
  const cms = { getBackend: (name: string) => registered[name] } as unknown as DecapCms;
  return { calls, persisted, cms, start: () => registered.github!.init() };
}

describe("the content editor's backend wrapper", () => {
  it("lists only the files of a named collection, not the archive's copies, asking the backend for their extension", async () => {
    const { cms, start, calls } = fakeBackend();
    wrapBackends(cms);
    const backend = start();
    const charters = await backend.entriesByFolder("content/communities", "charter.md", 2);
    expect(charters.map((entry) => entry.file.path)).toEqual([
      "content/communities/north-east/charter.md",
      "content/communities/pilot/charter.md",
    ]);
    expect(calls).toEqual([["entriesByFolder", "content/communities", "md", 2]]);
    expect(await backend.entriesByFolder("content/communities", "md", 2)).toHaveLength(5);
  });

  it("reads a named entry at its real path", async () => {
    const { cms, start, calls } = fakeBackend();
    wrapBackends(cms);
    await start().getEntry("content/communities/north-east/charter.md.charter.md");
    expect(calls).toEqual([["getEntry", "content/communities/north-east/charter.md"]]);
  });

  it("writes the charter in the same commit as the ground rules whose save changed it, once", async () => {
    const { cms, start, calls } = fakeBackend();
    wrapBackends(cms);
    const backend = start();
    const rules = "content/communities/north-east/ground-rules.md";
    const charter: EntryFile = {
      path: "content/communities/north-east/charter.md",
      raw: "new charter",
      slug: "x",
    };
    addCompanionFiles(rules, [charter]);
    const save = { dataFiles: [{ path: rules, raw: "new rules", slug: "x" }], assets: [] };
    await backend.persistEntry(save, { useWorkflow: true });
    await backend.persistEntry(save, { useWorkflow: true });
    expect(calls).toEqual([
      ["persistEntry", [rules, charter.path], { useWorkflow: true }],
      ["persistEntry", [rules], { useWorkflow: true }],
    ]);
  });

  it("writes an approved version's copy of the charter with the very bytes the charter is saved with", async () => {
    const { cms, start, persisted } = fakeBackend();
    wrapBackends(cms);
    const charter = "content/communities/north-east/charter.md";
    const copy = "content/communities/north-east/versions/0.3/charter.md";
    const rules = "content/communities/north-east/versions/0.3/ground-rules.md";
    addCompanionFiles(charter, [
      { path: copy, raw: "as the save hook wrote it", slug: "x", sameAsEntry: true },
      { path: rules, raw: "the ground rules", slug: "x" },
    ]);
    await start().persistEntry(
      { dataFiles: [{ path: charter, raw: "as Decap wrote it", slug: "x" }], assets: [] },
      {},
    );
    expect(persisted).toEqual([
      [
        { path: charter, raw: "as Decap wrote it", slug: "x" },
        { path: copy, raw: "as Decap wrote it", slug: "x" },
        { path: rules, raw: "the ground rules", slug: "x" },
      ],
    ]);
  });

  it("shows a pull request's ground rules in the ground rules' form, though it changed the charter too", async () => {
    const { cms, start } = fakeBackend();
    wrapBackends(cms);
    const entry = await start().unpublishedEntry!({
      collection: "ground-rules",
      slug: "north-east/ground-rules.md",
    });
    expect(entry.diffs.map((diff) => diff.path)).toEqual([
      "content/communities/north-east/ground-rules.md",
      "content/images/photo.png",
    ]);
  });
});

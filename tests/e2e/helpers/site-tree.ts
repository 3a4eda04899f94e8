import { createHash } from "node:crypto";
import { readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";

/** Every file under a folder with a hash of its bytes, to prove a folder did not change. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        snapshot[path.relative(root, full)] = createHash("sha256")
          .update(await readFile(full))
          .digest("hex");
    }
  };
  await walk(root);
  return snapshot;
}

/** Every built HTML file, as a path relative to the site folder. */
export async function htmlFiles(root: string): Promise<string[]> {
  return Object.keys(await snapshotTree(root))
    .filter((file) => file.endsWith(".html"))
    .sort();
}

/**
 * What a build left beside its output folder that it should not have: anything in the builds
 * folder but the published build and its record (staging folders, a lock), and temporary links.
 */
export async function leftBehind(outputDir: string): Promise<string[]> {
  const parent = path.dirname(outputDir);
  const buildsDir = path.join(parent, `.${path.basename(outputDir).replace(/^[._]+/, "")}-builds`);
  const builds = (await readdir(buildsDir)).filter((entry) => entry !== "published");
  const current = path.basename(await realpath(outputDir));
  return [
    ...builds.filter((entry) => entry !== current),
    ...(await readdir(parent)).filter(
      (entry) => entry.includes(".link-") || entry.startsWith(".site-build-"),
    ),
  ];
}

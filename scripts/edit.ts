/**
 * `npm run edit`: the content editor (Decap CMS) on this computer, against the working copy, with
 * Decap's local backend (decap-server) and no account. Saves write the files in content/ after the
 * same checks as the published editor; a change to a charter, its ground rules or its community's
 * governed fields adds the charter's next version, counted from the last commit. Review the
 * changes and commit them with git.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { onInterrupt, parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { adminSettings } from "./cms/admin-site.ts";
import { contentFolder } from "./cms/collections.ts";
import { startEditServer } from "./cms/edit-server.ts";
import { fileFields, readEntry } from "./cms/entry-format.ts";
import { startLocalProxy } from "./cms/local-proxy.ts";

const usage = "Usage: npm run edit -- [--content DIR] [--port 8090]";
const about = `The content editor at http://127.0.0.1:8090/admin/, editing the working copy's content/ with
Decap CMS's local backend: no account needed. It listens on 127.0.0.1 only; --port 0 picks a free port.`;

runCommand(
  async () => {
    const { values } = parseFlags(
      process.argv.slice(2),
      {
        content: { type: "string", default: contentFolder },
        port: { type: "string", default: "8090" },
      },
      usage,
      about,
    );
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(
        `--port must be a number from 0 to 65535, not "${values.port}".\n${usage}`,
      );
    const contentDir = path.resolve(values.content);
    if (!existsSync(contentDir))
      throw new UsageError(`There is no content folder at ${values.content}.\n${usage}`);
    // The editor's collections name their folders from the repository's root (content/guide, …).
    if (path.basename(contentDir) !== contentFolder)
      throw new UsageError(
        `The content editor edits a folder named ${contentFolder} at the root of the working copy; ${values.content} is named ${path.basename(contentDir)}.`,
      );
    const repositoryRoot = path.dirname(contentDir);
    const site = await readFile(path.join(contentDir, "site.yaml"), "utf8").then(
      (text) => fileFields(readEntry(text, "yaml")),
      () => ({}) as Record<string, unknown>,
    );

    const proxyUrl = await startLocalProxy(repositoryRoot);
    const server = await startEditServer({
      repositoryRoot,
      proxyUrl,
      port,
      siteTitle: typeof site.title === "string" ? site.title : "this site",
      settings: adminSettings(),
    });
    console.log(`[charterbook] Content editor at ${server.url}/admin/ (Ctrl+C to stop)`);
    console.log(
      `[charterbook] Saves write the files in ${path.relative(process.cwd(), contentDir) || "."}/; review and commit them with git.`,
    );
    onInterrupt(() => server.close());
    return await new Promise<number>(() => {});
  },
  { stopsOnSignal: true },
);

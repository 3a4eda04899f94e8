/**
 * `npm start`: a live preview of the site. It runs the build's own stages (load and validate the
 * content, render the model with Eleventy, write the content images, index for search) into
 * .cache/preview on every save, and reloads the open pages. When a save breaks the content, the
 * problems are listed with file:line and the preview keeps showing the last good build.
 */
import { watch, type FSWatcher } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { onInterrupt, parseFlags, runCommand, UsageError } from "./cli/usage-error.ts";
import { createPreviewBuilder } from "./preview/preview-builder.ts";
import { startPreviewServer } from "./preview/preview-server.ts";
import { layoutsDir, siteDir } from "./site/project-paths.ts";

const usage = "Usage: npm start -- [--content DIR] [--port 8080] [--host 127.0.0.1]";
const about = `A live preview of the site at http://127.0.0.1:8080 that rebuilds on every save. --host 0.0.0.0
offers it to the network as well; --port 0 picks a free port.`;

runCommand(
  async () => {
    const { values } = parseFlags(
      process.argv.slice(2),
      {
        content: { type: "string", default: "content" },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
      },
      usage,
      about,
    );
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(
        `--port must be a number from 0 to 65535, not "${values.port}".\n${usage}`,
      );
    }
    const contentDir = path.resolve(values.content);
    // The preview has its own folder, so it never mixes with the published build in _site/.
    // It starts empty, so no page of an earlier preview (of other content) is served or indexed.
    const outputDir = path.resolve(".cache/preview");
    await rm(outputDir, { recursive: true, force: true });
    await mkdir(outputDir, { recursive: true });

    const log = (line: string) => console.log(`[charterbook] ${line}`);
    // Serving starts at once; the page list appears with the first build, announced below.
    const server = await startPreviewServer({ root: outputDir, host: values.host, port });
    const builder = createPreviewBuilder({
      contentDir,
      outputDir,
      log,
      onRendered: () => server.reload(),
    });

    // Saves often come in bursts (an editor writes a temporary file, then renames it): rebuild once
    // the burst is over, and never run two rebuilds at once. A change to the site's own layouts,
    // styles or pages renders every page; a content edit only what it changed.
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> | undefined;
    let again = false;
    let siteChanged = false;
    const schedule = (fromSite: boolean) => {
      siteChanged ||= fromSite;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (running) {
          again = true;
          return;
        }
        const full = siteChanged;
        siteChanged = false;
        running = builder.rebuild(full).finally(() => {
          running = undefined;
          if (again) {
            again = false;
            schedule(false);
          }
        });
      }, 40);
    };

    await builder.rebuild(true);
    const watchers: FSWatcher[] = [
      watch(contentDir, { recursive: true }, () => schedule(false)),
      ...[layoutsDir, siteDir].map((dir) => watch(dir, { recursive: true }, () => schedule(true))),
    ];
    log(`Preview at ${server.url}/ (Ctrl+C to stop)`);

    // The server and the watchers keep the process alive until Ctrl+C, which ends the preview.
    onInterrupt(async () => {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      await server.close();
    });
    return await new Promise<number>(() => {});
  },
  { stopsOnSignal: true },
);

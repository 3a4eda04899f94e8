/**
 * Live preview: starts `npm start` (scripts/serve.ts) on a corpus, waits for
 * the first build, then edits one file at a time and times how long until the
 * served page holds the new text, polling its URL every 20 ms.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { median } from "./report.ts";
import type { LivePreviewResults } from "./results.ts";
import { launch, repositoryRoot } from "./variants.ts";

export async function benchLivePreview(options: {
  contentDir: string;
  size: number;
  workDir: string;
  edits?: number;
  log?: (line: string) => void;
}): Promise<LivePreviewResults> {
  const log = options.log ?? (() => {});
  // A copy of the corpus, so the edits never touch the one the build benchmarks read. serve.ts is
  // started from the repository, as `npm start` is, on a port the system picks.
  const contentDir = path.join(options.workDir, `live-preview-${options.size}`, "content");
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(path.dirname(contentDir), { recursive: true });
  await cp(options.contentDir, contentDir, { recursive: true });
  const server = spawn(process.execPath, launch("serve", "--content", contentDir, "--port", "0"), {
    cwd: repositoryRoot,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  server.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));

  try {
    const firstBuild = performance.now();
    await waitFor(
      async () => /Preview at (\S+)\//.test(output),
      300_000,
      () => output,
    );
    const base = /Preview at (\S+)\//.exec(output)![1]!;
    log(
      `  live preview: first build served after ${((performance.now() - firstBuild) / 1000).toFixed(1)} s`,
    );

    // Communities whose charter is approved: a draft's ground rules show on its proposal's page
    // (/ground-rules/<version>/), not on the page of the rules in force that the edit polls.
    const slugs: string[] = [];
    for (const slug of (await readdir(path.join(contentDir, "communities"))).sort()) {
      const charter = await readFile(
        path.join(contentDir, "communities", slug, "charter.md"),
        "utf8",
      );
      if (/^status: approved$/m.test(charter)) slugs.push(slug);
    }
    const editsMs: number[] = [];
    for (let i = 0; i < (options.edits ?? 5); i++) {
      const slug = slugs[(i * 7) % slugs.length]!;
      const file = path.join(contentDir, "communities", slug, "ground-rules.md");
      const url = `${base}/communities/${slug}/ground-rules/`;
      const marker = `Live preview check ${Date.now()}-${i}.`;
      const original = await readFile(file, "utf8");
      // Settle first, so a rebuild from the previous edit cannot be mistaken for this one.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const started = performance.now();
      await writeFile(file, `${original.trimEnd()}\n\n${marker}\n`);
      await waitFor(
        async () => (await fetchText(url))?.includes(marker) ?? false,
        60_000,
        () => output,
      );
      editsMs.push(performance.now() - started);
      log(`  live preview edit ${i + 1}: ${Math.round(editsMs.at(-1)!)} ms`);
      await writeFile(file, original);
    }
    return {
      size: options.size,
      editsMs,
      method:
        `npm start on the ${options.size}-page corpus; each edit appends a sentence to one community's ground-rules.md, ` +
        `and the time runs from just before the write until GET /communities/<slug>/ground-rules/ returns the sentence ` +
        `(polled every 20 ms). Median ${Math.round(median(editsMs))} ms.`,
    };
  } finally {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) {
      throw new Error(
        `Live preview did not show the change within ${timeoutMs / 1000} s. Server output:\n${output().slice(-2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

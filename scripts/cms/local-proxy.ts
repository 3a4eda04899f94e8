/**
 * Decap CMS's local backend: decap-server (from the npm registry) bound to 127.0.0.1, reading and
 * writing the files of the working copy. `npm run edit` forwards the editor's /api/v1 requests to it.
 */
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { CharterbookError } from "../cli/errors.ts";

const require = createRequire(import.meta.url);

/** decap-server did not start. */
export class LocalProxyError extends CharterbookError {
  override name = "LocalProxyError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("file-system", message, {
      ...options,
      hint: "Run npm ci so that decap-server is installed, then try again.",
    });
  }
}

/** A port nobody listens on, chosen by the system. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("The system gave no free port.")),
      );
    });
  });
}

/**
 * Starts decap-server on the working copy `repositoryRoot` in its file-system mode (a save writes
 * the files; the pull requests are GitHub's part), inside this process, so it ends with it even
 * when the process is killed. decap-server reads its settings from the environment when loaded.
 * @returns the address of its API, such as http://127.0.0.1:41234/api/v1
 */
export async function startLocalProxy(repositoryRoot: string): Promise<string> {
  const port = await freePort();
  Object.assign(process.env, {
    PORT: String(port),
    BIND_HOST: "127.0.0.1",
    MODE: "fs",
    GIT_REPO_DIRECTORY: repositoryRoot,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  let entry: string;
  try {
    entry = path.join(path.dirname(require.resolve("decap-server/package.json")), "dist/index.js");
    require(entry);
  } catch (cause) {
    throw new LocalProxyError(`decap-server could not be loaded (${(cause as Error).message}).`, {
      cause,
    });
  }
  const url = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return url;
    if (Date.now() > deadline)
      throw new LocalProxyError(`decap-server did not answer on ${url} within 20 seconds.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** Content types of the files a built site holds (Pagefind's WebAssembly needs application/wasm). */
export const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};

export interface ServedSite {
  /** Such as http://127.0.0.1:41234 */
  origin: string;
  /** Where the site's root is served, without a trailing slash: the origin plus the base path. */
  siteUrl: string;
  close(): Promise<void>;
}

/** Maps a URL path to a file inside root, or undefined when it would leave root. */
export function resolveSitePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const relative = path.relative(root, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return decoded.endsWith("/") ? path.join(file, "index.html") : file;
}

/**
 * Serves a built site read-only on 127.0.0.1 at a port the system picks, so the browser prints
 * the pages exactly as a reader gets them, without file:// access to the rest of the disk.
 */
export async function serveSite(siteDir: string, basePath = "/"): Promise<ServedSite> {
  const root = path.resolve(siteDir);
  // A site built for a base path (/charterbook/) links to /charterbook/assets/...: serve it there.
  const prefix = basePath.replace(/\/?$/, "/");
  const server: Server = createServer((request, response) => {
    const url = request.url ?? "/";
    const underPrefix = url.startsWith(prefix) ? url.slice(prefix.length - 1) : undefined;
    const file =
      request.method === "GET" && underPrefix !== undefined
        ? resolveSitePath(root, underPrefix)
        : undefined;
    if (!file) {
      response.writeHead(request.method === "GET" ? 404 : 405).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, {
          "Content-Type":
            contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "Content-Length": info.size,
          "Cache-Control": "no-store",
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    siteUrl: `http://127.0.0.1:${port}${prefix.slice(0, -1)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A minimal static file server on 127.0.0.1 for the search benchmark, sending
 * what a static host sends: content types (Pagefind's WebAssembly needs
 * application/wasm) and a short cache lifetime, so repeat requests come from
 * the browser's cache as they would on a real host.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { contentTypes } from "../pdf/serve-site.ts";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const { size } = await stat(file);
      response.writeHead(200, {
        "Content-Type": contentTypes[path.extname(file)] ?? "application/octet-stream",
        "Content-Length": size,
        "Cache-Control": "public, max-age=600",
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The browser keeps connections alive; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { contentTypes, resolveSitePath } from "../pdf/serve-site.ts";

/** Where the preview's own reload script and event stream live; no page of the site is under it. */
const reloadPath = "/__preview/";

/**
 * The script every previewed page loads: it reloads the page when the preview says the site was
 * rebuilt. A file rather than inline code, so the pages keep their Content-Security-Policy.
 */
const reloadScript = `// Reloads this page when npm start has rebuilt the site.
const events = new EventSource("${reloadPath}events");
events.addEventListener("reload", () => window.location.reload());
`;

export interface PreviewServer {
  /** Such as http://127.0.0.1:8080 */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Serves the preview folder as a static host would, and injects a reload script into each page.
 * Binds to the given host only, 127.0.0.1 by default, so the preview is not offered to the network.
 */
export async function startPreviewServer(options: {
  root: string;
  host: string;
  port: number;
}): Promise<PreviewServer> {
  const root = path.resolve(options.root);
  const listeners = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === `${reloadPath}reload.js`) {
      response
        .writeHead(200, { "Content-Type": contentTypes[".js"], "Cache-Control": "no-store" })
        .end(reloadScript);
      return;
    }
    if (url === `${reloadPath}events`) {
      response.writeHead(200, {
        "Content-Type": "text/event-stream",
        "Cache-Control": "no-store",
        Connection: "keep-alive",
      });
      response.write(": connected\n\n");
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    const file =
      request.method === "GET" || request.method === "HEAD"
        ? resolveSitePath(root, url)
        : undefined;
    if (!file) {
      response.writeHead(request.method === "GET" ? 404 : 405).end();
      return;
    }
    void serveFile(file, response).catch(() => notFound(root, response));
  });

  const serveFile = async (file: string, response: ServerResponse) => {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a file");
    const type = contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    if (path.extname(file) === ".html") {
      const html = await readFile(file, "utf8");
      response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
      response.end(withReloadScript(html));
      return;
    }
    response.writeHead(200, {
      "Content-Type": type,
      "Content-Length": info.size,
      "Cache-Control": "no-store",
    });
    createReadStream(file).pipe(response);
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    reload() {
      for (const listener of listeners) listener.write("event: reload\ndata: now\n\n");
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const listener of listeners) listener.end();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The page with the reload script before </body>; a page without one is served as it is. */
export function withReloadScript(html: string): string {
  const tag = `<script src="${reloadPath}reload.js" type="module"></script>`;
  const end = html.lastIndexOf("</body>");
  return end === -1 ? html : `${html.slice(0, end)}${tag}\n${html.slice(end)}`;
}

async function notFound(root: string, response: ServerResponse) {
  const page = await readFile(path.join(root, "404.html"), "utf8").catch(() => "Not found");
  if (!response.headersSent) response.writeHead(404, { "Content-Type": contentTypes[".html"] });
  response.end(withReloadScript(page));
}

/**
 * The server of `npm run edit`: the content editor's page and scripts at /admin/, the site's style
 * sheet and fonts for the preview, the content's images, Decap's local backend at /api/v1
 * (forwarded to decap-server), and /api/charterbook/base, which gives a file as the working
 * copy's last commit holds it: the base a save counts the charter's versions from, as a pull
 * request's base branch would be. It listens on 127.0.0.1 only, since whoever reaches it can write
 * the working copy's files.
 */
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { isImage } from "../content/content-types.ts";
import { contentTypes, resolveSitePath } from "../pdf/serve-site.ts";
import { siteAssetsDir } from "../site/project-paths.ts";
import {
  adminConfigYaml,
  adminContentSecurityPolicy,
  adminPageHtml,
  adminScript,
  adminStyleFile,
  decapFiles,
  type AdminSettings,
} from "./admin-site.ts";
import { contentFolder } from "./collections.ts";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const fontsDir = path.join(
  path.dirname(require.resolve("@fontsource/atkinson-hyperlegible-next/package.json")),
  "files",
);

export interface EditServer {
  /** Such as http://127.0.0.1:8090 */
  url: string;
  close(): Promise<void>;
}

export interface EditServerOptions {
  /** The working copy: the folder holding content/. */
  repositoryRoot: string;
  /** decap-server's API, such as http://127.0.0.1:41234/api/v1 */
  proxyUrl: string;
  port: number;
  siteTitle: string;
  settings: AdminSettings;
}

/** Reads a content file from the last commit; undefined when the commit does not hold it. */
async function committedFile(repositoryRoot: string, file: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["show", `HEAD:${file}`], {
      cwd: repositoryRoot,
      maxBuffer: 16 * 1024 * 1024,
      encoding: "utf8",
    });
    return stdout;
  } catch {
    return undefined;
  }
}

async function hasCommit(repositoryRoot: string): Promise<boolean> {
  return run("git", ["rev-parse", "--verify", "--quiet", "HEAD"], { cwd: repositoryRoot }).then(
    () => true,
    () => false,
  );
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startEditServer(options: EditServerOptions): Promise<EditServer> {
  const { repositoryRoot, proxyUrl, settings } = options;
  const policy = adminContentSecurityPolicy({ local: true });
  const page = adminPageHtml({ siteTitle: options.siteTitle, policy });
  const [config, decap, committed] = await Promise.all([
    adminConfigYaml(settings),
    decapFiles(),
    hasCommit(repositoryRoot),
  ]);
  let origins: string[] = [];

  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers = {},
  ) =>
    response
      .writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers })
      .end(body);

  const sendFile = async (response: ServerResponse, file: string | undefined) => {
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) {
      send(response, 404, contentTypes[".html"]!, "Not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    createReadStream(file).pipe(response);
  };

  /** Forwards the editor's request to decap-server, only from the editor's own page. */
  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    // A page elsewhere in the browser could post here; the editor's page is the only one allowed.
    const from = request.headers.origin;
    if (
      (from !== undefined && !origins.includes(from)) ||
      !/^application\/json\b/.test(request.headers["content-type"] ?? "")
    ) {
      send(
        response,
        403,
        "text/plain; charset=utf-8",
        "Only the content editor's page may use this.",
      );
      return;
    }
    const answer = await fetch(proxyUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: await readBody(request),
    });
    send(
      response,
      answer.status,
      answer.headers.get("content-type") ?? "application/json",
      Buffer.from(await answer.arrayBuffer()),
    );
  };

  /** A content file as the last commit holds it. */
  const base = async (url: URL, response: ServerResponse) => {
    const file = url.searchParams.get("path") ?? "";
    if (
      !file.startsWith(`${contentFolder}/`) ||
      file.split("/").includes("..") ||
      file.includes("\0")
    ) {
      send(response, 400, "text/plain; charset=utf-8", "Give a path inside content/.");
      return;
    }
    if (!committed) {
      send(response, 501, "text/plain; charset=utf-8", "The working copy has no commit yet.");
      return;
    }
    const text = await committedFile(repositoryRoot, file);
    if (text === undefined)
      send(response, 404, "text/plain; charset=utf-8", `${file} is not in the last commit.`, {
        "X-Charterbook": "not-committed",
      });
    else send(response, 200, "text/plain; charset=utf-8", text);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const route = async () => {
      if (url.pathname === "/api/v1" && request.method === "POST")
        return forward(request, response);
      if (request.method !== "GET" && request.method !== "HEAD") {
        send(response, 405, "text/plain; charset=utf-8", "Not allowed.");
        return;
      }
      if (url.pathname === "/api/charterbook/base") return base(url, response);
      if (url.pathname === "/" || url.pathname === "/admin") {
        response.writeHead(302, { Location: "/admin/" }).end();
        return;
      }
      if (url.pathname === "/admin/" || url.pathname === "/admin/index.html")
        return send(response, 200, contentTypes[".html"]!, page);
      if (url.pathname === "/admin/config.yml")
        return send(response, 200, "text/yaml; charset=utf-8", config);
      if (url.pathname === "/admin/charterbook-cms.css") return sendFile(response, adminStyleFile);
      if (url.pathname === "/admin/charterbook-cms.js")
        return send(response, 200, contentTypes[".js"]!, await adminScript());
      const name = url.pathname.slice("/admin/".length);
      if (url.pathname.startsWith("/admin/") && decap.files.includes(name))
        return sendFile(response, path.join(decap.dir, name));
      if (url.pathname.startsWith("/assets/fonts/"))
        return sendFile(
          response,
          resolveSitePath(fontsDir, url.pathname.slice("/assets/fonts".length)),
        );
      if (url.pathname.startsWith("/assets/"))
        return sendFile(
          response,
          resolveSitePath(siteAssetsDir, url.pathname.slice("/assets".length)),
        );
      // The content's images, where the site publishes them, for the preview.
      if (isImage(url.pathname))
        return sendFile(
          response,
          resolveSitePath(path.join(repositoryRoot, contentFolder), url.pathname),
        );
      send(response, 404, contentTypes[".html"]!, "Not found");
    };
    route().catch((error: unknown) => {
      if (!response.headersSent)
        send(
          response,
          500,
          "text/plain; charset=utf-8",
          `The editor's server failed: ${(error as Error).message}`,
        );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    url: origins[0]!,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The content editor at /admin/: its page, its Content-Security-Policy, its configuration with the
 * deployment's settings, Decap CMS's prebuilt script (copied from node_modules, never loaded from
 * another host) and Charterbook's own script (bundled from scripts/cms/browser/). The build adds
 * them to every site (scripts/site/index.ts); `npm run edit` serves them with the local backend.
 */
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { parse, stringify } from "yaml";
import { UsageError } from "../cli/errors.ts";
import { projectRoot } from "../site/project-paths.ts";
import { bundleAdminScript } from "./admin-bundle.ts";

const require = createRequire(import.meta.url);

/** The generated configuration (npm run generate), before the deployment's settings are added. */
export const generatedConfigFile = path.join(projectRoot, "site/admin/config.yml");
/** Charterbook's style sheet for the editor's own interface. */
export const adminStyleFile = path.join(projectRoot, "site/admin/charterbook-cms.css");

/** Where the site's content is edited from, and how editors sign in: read when the site is built. */
export interface AdminSettings {
  /** owner/name of the GitHub repository; without it the published editor explains what is missing. */
  repo?: string;
  /** The branch pull requests go to. @default "main" */
  branch: string;
  /** The OAuth provider's address (Decap's base_url), such as https://cms-auth.example.org. */
  authUrl?: string;
  /** The OAuth provider's path on that address (Decap's auth_endpoint). @default "auth" */
  authEndpoint?: string;
  /** Decap's site_domain, when the OAuth provider identifies the site by another name (Netlify). */
  siteDomain?: string;
  /** The GitHub scope signing in asks for: repo, or public_repo for a public repository. @default "repo" */
  authScope?: "repo" | "public_repo";
}

/**
 * The settings from the environment: CHARTERBOOK_CMS_REPO (else GITHUB_REPOSITORY, which GitHub
 * Actions sets), CHARTERBOOK_CMS_BRANCH, CHARTERBOOK_CMS_AUTH_URL, CHARTERBOOK_CMS_AUTH_ENDPOINT,
 * CHARTERBOOK_CMS_SITE_DOMAIN and CHARTERBOOK_CMS_AUTH_SCOPE. None of them is a secret: the OAuth client's secret lives with
 * the OAuth provider, never in the site.
 */
export function adminSettings(env: NodeJS.ProcessEnv = process.env): AdminSettings {
  const value = (name: string) => {
    const text = env[name]?.trim();
    return text ? text : undefined;
  };
  const repo = value("CHARTERBOOK_CMS_REPO") ?? value("GITHUB_REPOSITORY");
  if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new UsageError(
      `CHARTERBOOK_CMS_REPO is "${repo}"; write the repository as owner/name, such as my-org/charterbook.`,
    );
  const authUrl = value("CHARTERBOOK_CMS_AUTH_URL");
  if (authUrl !== undefined && !/^https:\/\/[^/\s]+/.test(authUrl))
    throw new UsageError(
      `CHARTERBOOK_CMS_AUTH_URL is "${authUrl}"; it must be the OAuth provider's https:// address, such as https://cms-auth.example.org.`,
    );
  const authEndpoint = value("CHARTERBOOK_CMS_AUTH_ENDPOINT");
  const siteDomain = value("CHARTERBOOK_CMS_SITE_DOMAIN");
  const authScope = value("CHARTERBOOK_CMS_AUTH_SCOPE");
  if (authScope !== undefined && authScope !== "repo" && authScope !== "public_repo")
    throw new UsageError(
      `CHARTERBOOK_CMS_AUTH_SCOPE is "${authScope}"; set it to repo, or public_repo for a public repository.`,
    );
  return {
    ...(repo ? { repo } : {}),
    branch: value("CHARTERBOOK_CMS_BRANCH") ?? "main",
    ...(authUrl ? { authUrl: authUrl.replace(/\/+$/, "") } : {}),
    ...(authEndpoint ? { authEndpoint } : {}),
    ...(siteDomain ? { siteDomain } : {}),
    ...(authScope ? { authScope } : {}),
  };
}

/**
 * The admin page's Content-Security-Policy: what Decap CMS needs and nothing else. The rest of the
 * site keeps its own strict policy (scripts/site/content-security-policy.ts).
 */
export function adminContentSecurityPolicy({ local = false }: { local?: boolean } = {}): string {
  // npm run edit serves the local backend beside the page, and no GitHub is involved.
  const github = !local;
  const policy: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Decap checks its configuration with ajv, which compiles each check to a function at run time.
    "script-src": ["'self'", "'unsafe-eval'"],
    // Decap's interface is styled by Emotion, which writes <style> elements as it renders.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Uploaded images are previewed from blob: and data: addresses; signed-in users' avatars.
    "img-src": [
      "'self'",
      "data:",
      "blob:",
      ...(github ? ["https://avatars.githubusercontent.com"] : []),
    ],
    "font-src": ["'self'", "data:"],
    // The GitHub API, which reads the repository and opens the pull requests.
    "connect-src": ["'self'", ...(github ? ["https://api.github.com"] : [])],
    // The preview pane is a frame the page writes itself.
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
  };
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The admin page: the policy, the scripts and Charterbook's style sheet, nothing inline (the
 * script reads config.yml beside the page). Decap renders into #nc-root, the page's main landmark until Decap draws
 * one of its own (scripts/cms/browser/accessibility.ts), under the page's heading.
 */
export function adminPageHtml({
  siteTitle,
  policy,
}: {
  siteTitle: string;
  policy: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="robots" content="noindex">
<title>Content editor: ${escapeHtml(siteTitle)}</title>
<link rel="icon" href="../assets/images/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="charterbook-cms.css">
<script src="charterbook-cms.js"></script>
<script src="decap-cms.js"></script>
</head>
<body>
<header class="charterbook-admin-header"><h1 class="charterbook-visually-hidden">Content editor: ${escapeHtml(siteTitle)}</h1></header>
<div id="nc-root" role="main">
<noscript><p>The content editor needs JavaScript. You can also edit the files in content/ and open a pull request, as the README explains.</p></noscript>
</div>
</body>
</html>
`;
}

/** The configuration the editor loads: the generated one with the deployment's backend settings. */
export async function adminConfigYaml(settings: AdminSettings): Promise<string> {
  const generated = await readFile(generatedConfigFile, "utf8").catch((cause: unknown) => {
    throw new UsageError(
      `${path.relative(process.cwd(), generatedConfigFile)} is missing: run npm run generate.`,
      { cause },
    );
  });
  const config = parse(generated) as { backend: Record<string, unknown> } & Record<string, unknown>;
  config.backend = {
    ...config.backend,
    name: "github",
    branch: settings.branch,
    ...(settings.repo ? { repo: settings.repo } : {}),
    ...(settings.authUrl ? { base_url: settings.authUrl } : {}),
    ...(settings.authEndpoint ? { auth_endpoint: settings.authEndpoint } : {}),
    ...(settings.siteDomain ? { site_domain: settings.siteDomain } : {}),
    ...(settings.authScope ? { auth_scope: settings.authScope } : {}),
  };
  const header = generated.split("\n").filter((line) => line.startsWith("#"));
  return [
    ...header.slice(0, 1),
    "# Built with this deployment's settings (CHARTERBOOK_CMS_* variables); see README, The content editor.",
    stringify(config, { lineWidth: 0 }),
  ].join("\n");
}

/** Decap CMS's prebuilt script and the chunks it loads on demand (language modes, for example). */
export async function decapFiles(): Promise<{ dir: string; files: string[] }> {
  const dir = path.join(path.dirname(require.resolve("decap-cms/package.json")), "dist");
  const files = (await readdir(dir)).filter(
    (file) => file === "decap-cms.js" || /^\d+\.decap-cms\.js$/.test(file),
  );
  return { dir, files };
}

let bundled: Promise<string> | undefined;
/** Folders this process wrote the editor's files into, with the settings they were written with. */
const written = new Map<string, string>();

/** Charterbook's script for the editor, bundled once per process. */
export function adminScript(): Promise<string> {
  bundled ??= bundleAdminScript().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

/**
 * Writes the editor's files into `adminDir`: both scripts and the configuration. The page itself
 * is written by the caller (the site's Eleventy template, or `npm run edit`).
 */
export async function writeAdminFiles(adminDir: string, settings: AdminSettings): Promise<void> {
  // The live preview rebuilds into the same folder on every save: what is there is kept.
  const signature = JSON.stringify(settings);
  const present = await stat(path.join(adminDir, "charterbook-cms.js")).catch(() => undefined);
  if (written.get(adminDir) === signature && present) return;
  await mkdir(adminDir, { recursive: true });
  const decap = await decapFiles();
  await Promise.all([
    ...decap.files.map((file) => copyFile(path.join(decap.dir, file), path.join(adminDir, file))),
    adminScript().then((code) => writeFile(path.join(adminDir, "charterbook-cms.js"), code)),
    copyFile(adminStyleFile, path.join(adminDir, "charterbook-cms.css")),
    adminConfigYaml(settings).then((yaml) => writeFile(path.join(adminDir, "config.yml"), yaml)),
  ]);
  written.set(adminDir, signature);
}

/**
 * The editor as part of the site (an Eleventy plugin): the page at /admin/, and its files written
 * next to it once the pages are. The settings are read from the environment when the site is built.
 */
export function addAdminSite(config: UserConfig): void {
  const settings = adminSettings();
  const policy = adminContentSecurityPolicy();
  // Nunjucks fills in the site's title (escaped); the rest of the page has no template syntax.
  // Named as one of the site's own pages (not a document's, under charterbook/), so the live
  // preview's rebuild after a content edit leaves it alone, as it leaves them.
  config.addTemplate("admin.njk", adminPageHtml({ siteTitle: "{{ site.title }}", policy }), {
    permalink: "/admin/index.html",
    eleventyExcludeFromCollections: true,
  });
  config.on("eleventy.after", async (event) => {
    const { directories } = event as { directories: { output: string } };
    await writeAdminFiles(path.join(directories.output, "admin"), settings);
  });
}

/**
 * Bundles the content editor's own script (scripts/cms/browser/) for the browser with esbuild: the
 * project's modules that read a content file, check it against its schema, apply the version
 * history's rules and render the preview run in the editor exactly as they run in `npm run
 * validate` and `npm run revise`, rather than being written a second time for the browser.
 *
 * Those modules import a few Node built-ins for their command-line uses; here each is replaced by
 * a browser module (scripts/cms/browser/shims/), and the schemas the validator reads from disk are
 * embedded in the bundle.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { build, version as esbuildVersion, type Plugin } from "esbuild";
import nunjucks from "nunjucks";
import { readSchemas, schemasFingerprint } from "../content/schema-check.ts";
import { layoutsDir, projectRoot } from "../site/project-paths.ts";

const browserDir = fileURLToPath(new URL("./browser/", import.meta.url));
const shim = (name: string) => path.join(browserDir, "shims", name);

/** The bundle's entry point. */
export const adminEntry = path.join(browserDir, "main.ts");

/** Node built-ins the shared modules import, and what the browser gets instead. */
const builtins: Record<string, string> = {
  "node:path": shim("node-path.ts"),
  "node:url": shim("node-url.ts"),
  "node:fs/promises": shim("unavailable.ts"),
  "node:util": shim("unavailable.ts"),
  "node:fs": "charterbook:fs",
  "node:crypto": "charterbook:crypto",
  "node:module": "charterbook:module",
};

/** The page layouts and partials the preview renders with, by template name. */
function layoutSources(): [name: string, file: string][] {
  return [
    ...readdirSync(layoutsDir)
      .filter((file) => file.endsWith(".njk") && file !== "base.njk" && file !== "print.njk")
      .map((file): [string, string] => [file, path.join(layoutsDir, file)]),
    ...readdirSync(path.join(layoutsDir, "partials"))
      .filter((file) => file.endsWith(".njk"))
      .map((file): [string, string] => [
        `partials/${file}`,
        path.join(layoutsDir, "partials", file),
      ]),
  ];
}

/**
 * The site's page layouts and partials, precompiled: the preview renders an entry with the very
 * templates its page is built from. The page layouts' front matter (their base layout) is left
 * out, since the preview shows the page's content, not the site's header and footer.
 */
function precompiledLayouts(): string {
  const compiled = layoutSources().map(([name, file]) =>
    nunjucks.precompileString(readFileSync(file, "utf8").replace(/^---\n[\s\S]*?\n---\n/, ""), {
      name,
    }),
  );
  // Nunjucks' precompiled code registers each template on window.nunjucksPrecompiled.
  return `const window = {};\n${compiled.join("\n")}\nexport default window.nunjucksPrecompiled;`;
}

/** The virtual modules that need what is known when the bundle is made. */
function virtualModules(): Record<string, string> {
  const schemas = Object.fromEntries(
    [...readSchemas()].map(([name, schema]) => [name, JSON.stringify(schema)]),
  );
  return {
    "charterbook:templates": precompiledLayouts(),
    // The validator reads the schemas from disk: here they are the ones embedded in the bundle.
    "charterbook:fs": `
      const files = ${JSON.stringify(schemas)};
      const nameOf = (file) => String(file).split("/").pop();
      export function readdirSync() { return Object.keys(files); }
      export function readFileSync(file) {
        const text = files[nameOf(file)];
        if (text === undefined) throw new Error(String(file) + " is not available in the content editor.");
        return text;
      }
      // The loader's reads of a content folder: the editor hands it files' bytes, never a folder.
      function unavailable() { throw new Error("The content editor reads no folder."); }
      export const openSync = unavailable, fstatSync = unavailable, closeSync = unavailable;
      export const constants = {};
      export default { readdirSync, readFileSync, openSync, fstatSync, closeSync, constants };`,
    // Only the schemas' fingerprint is ever hashed in the browser, and the bundle holds exactly the
    // schemas it was computed from, so the digest is that fingerprint.
    "charterbook:crypto": `
      export function createHash() {
        return { update() { return this; }, digest() { return ${JSON.stringify(schemasFingerprint())}; } };
      }
      export const randomUUID = () => globalThis.crypto.randomUUID();
      export default { createHash, randomUUID };`,
    // The ahead-of-time validators require ajv's run-time helpers by name; a completed example's
    // answers are checked against a schema made from its template, which ajv compiles there and
    // then (the editor's policy allows it: Decap compiles its own checks the same way).
    "charterbook:module": `
      const modules = {
        "ajv/dist/runtime/equal": require("ajv/dist/runtime/equal"),
        "ajv/dist/runtime/ucs2length": require("ajv/dist/runtime/ucs2length"),
        "ajv-formats/dist/formats": require("ajv-formats/dist/formats"),
        "ajv/dist/2020.js": require("ajv/dist/2020.js"),
        "ajv-formats": require("ajv-formats"),
      };
      export function createRequire() {
        return (id) => {
          if (!(id in modules)) throw new Error(id + " is not bundled into the content editor.");
          return modules[id];
        };
      }`,
  };
}

function nodeBuiltinsForBrowser(): Plugin {
  const virtual = virtualModules();
  return {
    name: "charterbook-node-builtins",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^charterbook:/ }, (args) => ({
        path: args.path,
        namespace: "charterbook",
      }));
      pluginBuild.onResolve({ filter: /^node:/ }, (args) => {
        const target = builtins[args.path];
        if (!target)
          return {
            errors: [
              {
                text: `${args.path} (imported by ${path.relative(process.cwd(), args.importer)}) has no browser version for the content editor: add one to scripts/cms/admin-bundle.ts, or keep that import out of the editor's modules.`,
              },
            ],
          };
        return target.startsWith("charterbook:")
          ? { path: target, namespace: "charterbook" }
          : { path: target };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: "charterbook" }, (args) => ({
        contents: virtual[args.path],
        loader: "js",
        resolveDir: path.dirname(adminEntry),
      }));
    },
  };
}

/**
 * Where the last bundle is kept between processes, with what it was made from: every build, test
 * and live preview would otherwise spend about a second making the same script again.
 */
export const adminBundleCache = path.join(
  projectRoot,
  "node_modules/.cache/charterbook/admin-bundle.json",
);

interface CachedBundle {
  /** What the bundle depends on besides its input files: esbuild, the schemas, the layouts, this module. */
  key: string;
  /** Each input file esbuild read (from the project's root) and the hash of its bytes. */
  inputs: Record<string, string>;
  code: string;
}

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** What the bundle depends on that esbuild does not read as files: the virtual modules' sources. */
export function bundleKey(): string {
  const hash = createHash("sha256")
    .update(esbuildVersion)
    .update(schemasFingerprint())
    .update(readFileSync(fileURLToPath(import.meta.url)));
  for (const [name, file] of layoutSources()) hash.update(name).update(readFileSync(file));
  return hash.digest("hex");
}

/** The cached bundle, when it was made with `key` and from files that are as they were then. */
export async function readCachedBundle(
  key: string,
  cacheFile: string,
): Promise<string | undefined> {
  const cached = await readFile(cacheFile, "utf8").then(
    (text) => JSON.parse(text) as CachedBundle,
    () => undefined,
  );
  if (!cached || cached.key !== key) return undefined;
  for (const [file, hash] of Object.entries(cached.inputs)) {
    const bytes = await readFile(path.join(projectRoot, file)).catch(() => undefined);
    if (!bytes || sha256(bytes) !== hash) return undefined;
  }
  return cached.code;
}

/** Keeps the bundle for the next process; a cache that cannot be written is only a slower start. */
async function writeCachedBundle(bundle: CachedBundle, cacheFile: string): Promise<void> {
  try {
    await mkdir(path.dirname(cacheFile), { recursive: true });
    // Written beside it, then renamed: a process reading it never sees half a file.
    const partial = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(bundle));
    await rename(partial, cacheFile);
  } catch {
    // node_modules may be read-only (a locked-down CI image): the bundle is made each time instead.
  }
}

/**
 * The content editor's script, minified, with the licences of what it bundles at the end; taken
 * from the cache when nothing it is made from has changed since it was made.
 * @param cacheFile @default adminBundleCache
 */
export async function bundleAdminScript(cacheFile = adminBundleCache): Promise<string> {
  const key = bundleKey();
  const cached = await readCachedBundle(key, cacheFile);
  if (cached !== undefined) return cached;
  const { code, inputs } = await makeAdminBundle();
  const hashes: Record<string, string> = {};
  for (const file of inputs) hashes[file] = sha256(await readFile(path.join(projectRoot, file)));
  await writeCachedBundle({ key, inputs: hashes, code }, cacheFile);
  return code;
}

/** Bundles the script with esbuild; `inputs` are the files it read, from the project's root. */
async function makeAdminBundle(): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    absWorkingDir: projectRoot,
    metafile: true,
    entryPoints: [adminEntry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    logLevel: "silent",
    inject: [shim("process.ts")],
    // The shared modules find their files from import.meta.url; in the bundle there are no files.
    define: {
      "import.meta.url": JSON.stringify("file:///charterbook/scripts/cms/browser/main.ts"),
    },
    plugins: [nodeBuiltinsForBrowser()],
  });
  return {
    code: result.outputFiles[0]!.text,
    // The virtual modules (charterbook:…) are not files; bundleKey covers what they are made of.
    inputs: Object.keys(result.metafile.inputs).filter((input) => !input.includes(":")),
  };
}

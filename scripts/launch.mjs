// @ts-check
/**
 * Starts a Charterbook command: `node scripts/launch.mjs <command> [flags]` runs
 * scripts/<command>.ts, the way every npm script of package.json does.
 *
 * Why a launcher: Node 20 cannot run TypeScript, and tsx's loader, which can, sends every module
 * Node loads (ours and the libraries') to a loader on another thread and waits for the answer.
 * That wait was 0.25-0.4 s of every command's start-up: validating 100 pages took 0.76 s through
 * tsx and 0.50 s from compiled JavaScript.
 *
 * So each command runs from a compiled copy of scripts/ and eleventy.config.ts, kept in
 * node_modules/.cache/charterbook/compiled/ and brought up to date before each run:
 * - a file whose bytes changed since it was compiled is compiled again (esbuild, one file at a
 *   time, without bundling: each module stays a module, and `npm run typecheck` still checks the
 *   types); a copy whose source is gone is removed;
 * - a compiled module sees its source's `import.meta.url`, so every path worked out from it (the
 *   project's folders, createRequire) is the path it is when the source runs;
 * - imports of other TypeScript files point at their compiled copies; imports of anything else
 *   (the generated schema validators) point at the file itself.
 *
 * If the copy cannot be made (node_modules cannot be written, esbuild is missing), the command
 * runs through tsx's loader instead: slower, nothing else changes. DEBUG=charterbook says why.
 *
 * This file is JavaScript because it runs before anything can compile TypeScript.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const compiledRoot = path.join(projectRoot, "node_modules/.cache/charterbook/compiled");

/** Change it when the way files are compiled changes: every copy is then made again. */
const compilerVersion = 1;

/** The sources compiled: Eleventy's config and every module of scripts/ but the browser's. */
function listSources(folder = "scripts") {
  /** @type {string[]} */
  const found =
    folder === "scripts" && existsSync(path.join(projectRoot, "eleventy.config.ts"))
      ? ["eleventy.config.ts"]
      : [];
  for (const entry of readdirSync(path.join(projectRoot, folder), { withFileTypes: true })) {
    const file = `${folder}/${entry.name}`;
    // Browser code is bundled for the browser by esbuild (scripts/site/browser-scripts.ts,
    // scripts/cms/admin-bundle.ts); Node never imports it.
    if (entry.isDirectory()) {
      if (entry.name !== "browser") found.push(...listSources(file));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
      found.push(file);
    }
  }
  return found;
}

/** Where the compiled copy of a source (relative to the project) is kept. */
const compiledPath = (/** @type {string} */ source) =>
  path.join(compiledRoot, source.replace(/\.ts$/, ".js"));

/** Writes a file whole or not at all: another command may be reading the copies at the same time. */
function writeWhole(/** @type {string} */ file, /** @type {string} */ text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/** The first line of a compiled copy: what it was compiled from, and how. */
const stampOf = (/** @type {string} */ how, /** @type {string} */ sourceHash) =>
  `// compiled by scripts/launch.mjs: ${how} ${sourceHash}`;

/** The first line of a file, or "" when there is none. */
function firstLine(/** @type {string} */ file) {
  try {
    const text = readFileSync(file, "utf8");
    return text.slice(0, text.indexOf("\n"));
  } catch {
    return "";
  }
}

/** Every compiled module in the copy, as the source it would come from (relative to the project). */
function listCompiled(folder = compiledRoot) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...listCompiled(file));
    else if (entry.name.endsWith(".js"))
      found.push(
        path.relative(compiledRoot, file).split(path.sep).join("/").replace(/\.js$/, ".ts"),
      );
  }
  return found;
}

/**
 * Brings the compiled copy up to date and returns the path of the command's compiled module.
 * Each copy starts with the hash of the source it was compiled from, so the copy describes itself:
 * however two commands started at once interleave their writes, a copy that does not match its
 * source is compiled again by the next run.
 * @param {string} entry the command's source, relative to the project
 * @param {string[]} sources every source to compile (listSources)
 */
async function compiledCopy(entry, sources) {
  const nodeMajor = process.versions.node.split(".")[0];
  // esbuild's version from its package file: importing esbuild costs 30 ms, and it is only
  // needed when something must be compiled.
  const esbuildVersion = JSON.parse(
    readFileSync(path.join(projectRoot, "node_modules/esbuild/package.json"), "utf8"),
  ).version;
  const how = `v${compilerVersion} esbuild ${esbuildVersion} node ${nodeMajor}`;

  const stale = [];
  for (const source of sources) {
    const sourceHash = createHash("sha1")
      .update(readFileSync(path.join(projectRoot, source)))
      .digest("base64url");
    const stamp = stampOf(how, sourceHash);
    if (firstLine(compiledPath(source)) !== stamp) stale.push({ source, stamp });
  }
  if (stale.length) {
    const esbuild = await import("esbuild");
    await Promise.all(
      stale.map(({ source, stamp }) => compileModule(esbuild, source, stamp, sources, nodeMajor)),
    );
  }
  const known = new Set(sources);
  for (const source of listCompiled()) {
    if (known.has(source)) continue;
    rmSync(compiledPath(source), { force: true });
    rmSync(`${compiledPath(source)}.map`, { force: true });
  }
  return compiledPath(entry);
}

/**
 * Compiles one module to JavaScript, its imports kept as imports.
 * @param {typeof import("esbuild")} esbuild
 * @param {string} source relative to the project
 * @param {string} stamp the copy's first line
 * @param {string[]} sources every compiled source
 * @param {string} nodeMajor
 */
async function compileModule(esbuild, source, stamp, sources, nodeMajor) {
  const sourceFile = path.join(projectRoot, source);
  const sourceUrl = pathToFileURL(sourceFile).href;
  const result = await esbuild.build({
    entryPoints: [sourceFile],
    outfile: compiledPath(source),
    write: false,
    // Bundling only so that the plugin below sees every import; it marks them all external.
    bundle: true,
    format: "esm",
    platform: "node",
    target: `node${nodeMajor}`,
    // A map beside the copy, read only when a stack trace is shown with --debug (below).
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "silent",
    define: { "import.meta.url": JSON.stringify(sourceUrl) },
    banner: { js: stamp },
    plugins: [
      {
        name: "keep-imports",
        setup(build) {
          build.onResolve({ filter: /.*/ }, ({ path: specifier, kind }) => {
            if (kind === "entry-point") return undefined;
            if (!/^\.\.?\//.test(specifier)) return { path: specifier, external: true };
            const target = new URL(specifier, sourceUrl);
            if (!specifier.endsWith(".ts")) return { path: target.href, external: true };
            const targetSource = path.relative(projectRoot, fileURLToPath(target));
            if (!sources.includes(targetSource.split(path.sep).join("/")))
              throw new Error(`${source} imports ${specifier}, which is not compiled.`);
            return { path: specifier.replace(/\.ts$/, ".js"), external: true };
          });
        },
      },
    ],
  });
  if (!result.outputFiles.length) throw new Error(`esbuild wrote nothing for ${source}.`);
  for (const output of result.outputFiles) writeWhole(output.path, output.text);
}

/** As in scripts/cli/usage-error.ts: DEBUG=charterbook (or DEBUG=*) or --debug. */
const debugging =
  /(^|,)\s*(charterbook|\*)\s*(,|$)/.test(process.env.DEBUG ?? "") ||
  process.argv.includes("--debug");
const debug = (/** @type {string} */ line) => {
  if (debugging) console.error(`launch: ${line}`);
};

const [command, ...flags] = process.argv.slice(2);
const entry = `scripts/${command}.ts`;
const sources = listSources();
if (!command || !sources.includes(entry)) {
  console.error(
    (command ? `There is no command "${command}": ${entry} does not exist.\n` : "") +
      "Usage: node scripts/launch.mjs <command> [flags], which runs scripts/<command>.ts.\n" +
      "The npm scripts call it: npm run validate, npm run build, npm start, npm test, npm run check.",
  );
  process.exit(2);
}
// The command reads its flags from process.argv.slice(2), as if it had been run itself.
process.argv = [process.argv[0] ?? process.execPath, path.join(projectRoot, entry), ...flags];

/** @type {string | undefined} */
let compiledEntry;
try {
  compiledEntry = await compiledCopy(entry, sources);
} catch (error) {
  debug(`running through tsx, the compiled copy could not be made: ${String(error)}`);
}
if (compiledEntry) {
  // Stack traces with --debug name the TypeScript line rather than the copy's. Only then: reading
  // the maps of every module loaded costs 50 ms.
  if (debugging) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(compiledEntry).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(projectRoot, entry)).href);
}

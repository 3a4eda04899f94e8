/**
 * Child-process entry for one benchmark variant, so each run starts cold and
 * its memory is measured on its own:
 *   node scripts/launch.mjs bench/run-variant <variant> <contentDir> <outputDir> <workDir> [siteDir]
 * Prints one JSON line with what it built and its own timing.
 */
import { variantModule } from "./variants.ts";

const [id, contentDir, outputDir, workDir, siteDir] = process.argv.slice(2);
if (!id || !contentDir || !outputDir || !workDir) {
  console.error("Usage: run-variant.ts <variant> <contentDir> <outputDir> <workDir> [siteDir]");
  process.exit(2);
}
const started = performance.now();
const variant = await variantModule(id);
const result = await variant.run({ contentDir, outputDir, workDir, siteDir });
console.log(
  JSON.stringify({ variant: id, ...result, innerMs: Math.round(performance.now() - started) }),
);

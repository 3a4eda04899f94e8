import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the site's own files live. Absolute, so a build from any content folder (tests, the bench)
 * finds the same layouts and assets.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const layoutsDir = path.join(projectRoot, "layouts");
export const siteDir = path.join(projectRoot, "site");
export const siteAssetsDir = path.join(siteDir, "assets");
export const sitePagesDir = path.join(siteDir, "pages");

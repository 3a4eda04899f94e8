import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * A staging folder beside the output folder (same file system, so the final move is a rename),
 * named `.site-build-*` so git and the linters ignore it.
 */
export async function createStaging(outputDir: string): Promise<string> {
  const parent = path.dirname(path.resolve(outputDir));
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, `.site-build-${path.basename(outputDir)}-`));
}

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );

/**
 * Replaces outputDir with the finished staging folder. The previous output is moved aside first and
 * only deleted once the new one is in place, so a failure at any point leaves one complete site.
 */
export async function publishStaging(staging: string, outputDir: string): Promise<void> {
  const target = path.resolve(outputDir);
  const previous = `${staging}-previous`;
  const hadPrevious = await exists(target);
  if (hadPrevious) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/**
 * Removes a staging folder after a failed build. A stage that failed may still be finishing
 * writes (Eleventy's passthrough copy goes on after its build rejected), so removal is retried.
 */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}

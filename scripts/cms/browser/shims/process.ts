/**
 * The `process` the shared modules read when they load (DEBUG, the arguments): in the browser
 * there are none. Injected by esbuild (scripts/cms/admin-bundle.ts).
 */
export const process = {
  env: {} as Record<string, string | undefined>,
  argv: [] as string[],
  cwd: () => "/",
  platform: "browser",
};

/** node:url for the content editor's browser bundle. */
export const fileURLToPath = (url: string | URL) => decodeURIComponent(new URL(url).pathname);
export const pathToFileURL = (path: string) => new URL(`file://${path}`);
export default { fileURLToPath, pathToFileURL };

/**
 * Node's file system, processes and command-line parsing for the content editor's browser bundle:
 * the shared modules import them for their command-line uses, which never run in the browser.
 * Calling one is a bug, said in words.
 */
const unavailable = (name: string) => () => {
  throw new Error(`${name} is not available in the content editor (it runs in the browser).`);
};
export const open = unavailable("open");
export const readdir = unavailable("readdir");
export const readlink = unavailable("readlink");
export const readFile = unavailable("readFile");
export const writeFile = unavailable("writeFile");
export const lstat = unavailable("lstat");
export const stat = unavailable("stat");
export const realpath = unavailable("realpath");
export const parseArgs = unavailable("parseArgs");
export const constants = { O_RDONLY: 0, O_NOFOLLOW: 0 };
export default { open, readdir, readlink, readFile, writeFile, lstat, stat, realpath, constants };

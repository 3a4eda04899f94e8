/**
 * node:path for the content editor's browser bundle: the POSIX functions the shared content code
 * calls on paths inside the content folder (always forward slashes in the browser).
 */
const normalise = (path: string): string => {
  const absolute = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length && parts.at(-1) !== "..") parts.pop();
    else if (part !== ".." || !absolute) parts.push(part);
  }
  const joined = parts.join("/");
  return absolute ? `/${joined}` : joined || ".";
};

export const sep = "/";
export const delimiter = ":";
export const normalize = normalise;
export const isAbsolute = (path: string) => path.startsWith("/");
export const join = (...parts: string[]) => normalise(parts.filter(Boolean).join("/"));
export const resolve = (...parts: string[]) => {
  let path = "";
  for (const part of parts) path = part.startsWith("/") ? part : `${path}/${part}`;
  return normalise(path.startsWith("/") ? path : `/${path}`);
};
export const dirname = (path: string) => {
  const at = path.replace(/\/+$/, "").lastIndexOf("/");
  return at < 0 ? "." : at === 0 ? "/" : path.slice(0, at);
};
export const basename = (path: string, extension = "") => {
  const base = path.replace(/\/+$/, "").split("/").pop() ?? "";
  return extension && base.endsWith(extension) ? base.slice(0, -extension.length) : base;
};
export const extname = (path: string) => {
  const base = basename(path);
  const at = base.lastIndexOf(".");
  return at <= 0 ? "" : base.slice(at);
};
export const relative = (from: string, to: string) => {
  const a = resolve(from).split("/").filter(Boolean);
  const b = resolve(to).split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
};
const path = {
  sep,
  delimiter,
  normalize,
  isAbsolute,
  join,
  resolve,
  dirname,
  basename,
  extname,
  relative,
};
export const posix = path;
export default path;

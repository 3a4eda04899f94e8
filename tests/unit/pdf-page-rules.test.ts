import { describe, expect, it } from "vitest";
import { matchContentsPages } from "../../scripts/pdf/contents-pages.ts";
import { cssString, pageRules } from "../../scripts/pdf/page-rules.ts";
import { resolveSitePath } from "../../scripts/pdf/serve-site.ts";
import { isSiteRequest } from "../../scripts/pdf/lock-down-page.ts";

describe("pageRules", () => {
  it("escapes the document title so it cannot end the CSS string", () => {
    expect(cssString('Say "hi" \\ bye\nnow')).toBe('"Say \\"hi\\" \\\\ bye now"');
  });

  it("puts Page N of M in the footer and leaves the cover bare", () => {
    const css = pageRules({ header: "Guide", footer: "Version 0.4, approved" });
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(css).toMatch(/@page cover \{\n {2}@top-left \{ content: none; \}/);
    expect(css).not.toContain("DRAFT");
    expect(css).not.toContain("letter");
  });

  it("keeps the footer's line break, escaped, and marks every page of an earlier version SUPERSEDED", () => {
    const css = pageRules({
      header: "Guide",
      footer: 'Version 0.1, "approved"\nPrinted 1 June 2026',
      superseded: true,
    });
    expect(css).toContain(
      '@bottom-left { content: "Version 0.1, \\"approved\\"" "\\A" "Printed 1 June 2026"; white-space: pre-line;',
    );
    expect(css.match(/@top-right \{ content: "SUPERSEDED";/g)).toHaveLength(2);
    expect(css).not.toContain("DRAFT");
  });

  it("marks drafts and switches every page size, the roadmap's too, for US Letter", () => {
    const css = pageRules({ header: "Guide", footer: "", paperSize: "Letter", draft: true });
    expect(css).toContain('@top-right { content: "DRAFT";');
    expect(css).toContain("@page { size: letter; }");
    expect(css).toContain("@page roadmap { size: letter landscape; }");
  });
});

describe("matchContentsPages", () => {
  const outline = [
    { title: "Contents", depth: 1, page: 2 },
    { title: "Charter", depth: 1, page: 4 },
    { title: "The five phases of a community ofpractice", depth: 1, page: 22 },
  ];

  it("gives each heading the page of its bookmark, ignoring where Chrome lost a space", () => {
    const pages = matchContentsPages(
      [
        { id: "contents", text: "Contents" },
        { id: "charter", text: "Charter" },
        { id: "phases", text: "The five phases of a community of practice" },
      ],
      outline,
      "guide.pdf",
    );
    expect([...pages]).toEqual([
      ["contents", 2],
      ["charter", 4],
      ["phases", 22],
    ]);
  });

  it("names the heading that has no bookmark", () => {
    expect(() =>
      matchContentsPages([{ id: "x", text: "Missing part" }], outline, "guide.pdf"),
    ).toThrow(
      'guide.pdf: the heading "Missing part" is not in the PDF outline Chrome wrote, so its page number is unknown.',
    );
  });
});

describe("the print server and request filter", () => {
  it("serves files inside the site only", () => {
    expect(resolveSitePath("/site", "/print/templates/a/")).toBe(
      "/site/print/templates/a/index.html",
    );
    expect(resolveSitePath("/site", "/../etc/passwd")).toBe("/site/etc/passwd");
    expect(resolveSitePath("/site", "/%2e%2e/%2e%2e/etc/passwd")).toBe("/site/etc/passwd");
    expect(resolveSitePath("/site", "/a%00b")).toBeUndefined();
  });

  it("lets through the served origin and nothing else", () => {
    const origin = "http://127.0.0.1:4100";
    expect(isSiteRequest("http://127.0.0.1:4100/assets/pdf/print.css", origin)).toBe(true);
    expect(isSiteRequest("http://127.0.0.1:4101/x", origin)).toBe(false);
    expect(isSiteRequest("http://localhost:4100/x", origin)).toBe(false);
    expect(isSiteRequest("file:///etc/passwd", origin)).toBe(false);
    expect(isSiteRequest("http://169.254.169.254/latest", origin)).toBe(false);
  });
});

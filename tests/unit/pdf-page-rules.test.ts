import { describe, expect, it } from "vitest";
import { matchContentsPages } from "../../scripts/pdf/contents-pages.ts";
import { contentWidthPx, cssString, pageBoxes, pageRules } from "../../scripts/pdf/page-rules.ts";
import { resolveSitePath } from "../../scripts/pdf/serve-site.ts";
import { isSiteRequest } from "../../scripts/pdf/lock-down-page.ts";

describe("pageRules", () => {
  it("escapes the document title so it cannot end the CSS string", () => {
    expect(cssString('Say "hi" \\ bye\nnow')).toBe('"Say \\"hi\\" \\\\ bye now"');
  });

  it("puts Page N of M in the footer and leaves the cover bare", () => {
    const css = pageRules({ header: "Guide", footer: "Version 0.4, approved" });
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(css).toMatch(
      /@page cover \{\n {2}size: 210mm 297mm; margin: 0mm 0mm 0mm 0mm;\n {2}@top-left \{ content: none; \}/,
    );
    expect(css).not.toContain("DRAFT");
    expect(css).toContain("@page {\n  size: 210mm 297mm; margin: 22mm 18mm 20mm 18mm;");
  });

  it("stamps DRAFT and the charter's footer on the community's own pages only", () => {
    const css = pageRules({
      header: "Guide",
      footer: "Version 0.2, draft",
      sharedFooter: "National Office",
      draft: true,
    });
    const [shared, own] = css.split("@page community");
    expect(shared).not.toContain("DRAFT");
    expect(shared).toContain('@bottom-left { content: "National Office";');
    expect(own).toMatch(/^ \{\n {2}@top-right \{ content: "DRAFT";/);
    expect(own).toContain('@bottom-left { content: "Version 0.2, draft";');
  });

  it("switches every page size, the roadmap's and the cover's too, for US Letter", () => {
    const css = pageRules({ header: "Guide", footer: "", paperSize: "Letter" });
    expect(css).toContain("@page {\n  size: 215.9mm 279.4mm;");
    expect(css).toContain("@page roadmap {\n  size: 279.4mm 215.9mm;");
    expect(css).toContain(".cover { height: 279.4mm; }");
  });

  it("gives the text width of each page as layout sees it, in CSS pixels", () => {
    const boxes = pageBoxes("A4");
    expect(Math.round(contentWidthPx(boxes.default))).toBe(658);
    expect(Math.round(contentWidthPx(boxes.roadmap))).toBe(1017);
    expect(Math.round(contentWidthPx(boxes.cover))).toBe(794);
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
    // In the rule every page follows; the cover has no margins, and carries its own stamp.
    const [every] = css.split("@page community");
    expect(every!.match(/@top-right \{ content: "SUPERSEDED";/g)).toHaveLength(1);
    expect(css).not.toContain("DRAFT");
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

  it("knows a heading Chrome split over a page break, whose bookmark repeats its text", () => {
    const pages = matchContentsPages(
      [
        { id: "members", text: "2.0 Members" },
        { id: "support", text: "Support document" },
      ],
      [
        { title: "2.0 Members2.0 Members", depth: 3, page: 38 },
        { title: "Support document", depth: 1, page: 39 },
      ],
      "guide.pdf",
    );
    expect([...pages]).toEqual([
      ["members", 38],
      ["support", 39],
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

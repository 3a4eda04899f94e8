import { describe, expect, it } from "vitest";
import { createMarkdown, resolveImageSource } from "../../scripts/model/markdown.ts";

describe("content image sources", () => {
  it("resolve from the Markdown file's folder in the content tree", () => {
    const env = { contentPath: "guide/reflective-practice.md" };
    expect(resolveImageSource("images/cycle.png", env)).toBe("/guide/images/cycle.png");
    expect(resolveImageSource("../shared/logo.svg", env)).toBe("/shared/logo.svg");
    expect(resolveImageSource("./cycle.png", { contentPath: "topics.md" })).toBe("/cycle.png");
  });

  it("leave absolute paths, fragments and sources without a known file alone", () => {
    const env = { contentPath: "guide/a.md" };
    expect(resolveImageSource("/assets/images/logo.svg", env)).toBe("/assets/images/logo.svg");
    expect(resolveImageSource("#figure", env)).toBe("#figure");
    expect(resolveImageSource("images/x.png", undefined)).toBe("images/x.png");
  });

  it("are rewritten in the rendered Markdown", () => {
    const html = createMarkdown().render("![Gibbs' cycle](images/gibbs.png)", {
      contentPath: "guide/reflective-practice.md",
    });
    expect(html).toContain('<img src="/guide/images/gibbs.png" alt="Gibbs\' cycle">');
  });
});

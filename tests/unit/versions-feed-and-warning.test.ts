import path from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { siteUrlWarning } from "../../scripts/build/site-url-warning.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import type { SiteModel } from "../../scripts/model/site-model.ts";
import { changesFeed, midnightIn, nameUuid } from "../../scripts/site/changes-feed.ts";

describe("the changes feed's dates and ids", () => {
  it("dates an entry at midnight in the site's time zone, summer time included", () => {
    expect(midnightIn("2026-01-10", "Europe/London")).toBe("2026-01-10T00:00:00+00:00");
    expect(midnightIn("2026-07-01", "Europe/London")).toBe("2026-07-01T00:00:00+01:00");
    // The clocks go forward at 01:00 on 29 March 2026: that midnight was still GMT.
    expect(midnightIn("2026-03-29", "Europe/Dublin")).toBe("2026-03-29T00:00:00+00:00");
  });

  it("gives an entry the same name-based UUID on every build", () => {
    expect(nameUuid("Harbour Office harbour/charter/0.2#approved")).toBe(
      nameUuid("Harbour Office harbour/charter/0.2#approved"),
    );
    expect(nameUuid("a")).not.toBe(nameUuid("b"));
    expect(nameUuid("a")).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe("the changes feed of a site without its public address", () => {
  it("links relative to the feed itself, gives name-based ids, and lists an approval whose text was not kept", async () => {
    const { model } = await validateContent(path.resolve("tests/fixtures/site-minimal"));
    const entries: Record<string, string>[] = [];
    let entry: Record<string, string> | undefined;
    let element = "";
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", (tag) => {
      element = tag.local;
      if (tag.local === "entry") entries.push((entry = {}));
      if (entry && tag.local === "link") entry.link = String(tag.attributes.href?.value);
    });
    parser.on("text", (text) => {
      if (entry && text.trim() && ["id", "title", "updated"].includes(element))
        entry[element] = text;
    });
    parser.write(changesFeed(model!)).close();
    expect(entries).toEqual([
      {
        id: nameUuid("National Office of Engagement and Recovery north-east/charter/0.2#proposed"),
        title: "North East CoP: charter version 0.2 proposed",
        updated: "2026-10-06T00:00:00+01:00",
        link: "communities/north-east/charter/0.2/",
      },
      {
        id: nameUuid("National Office of Engagement and Recovery north-east/charter/0.1#approved"),
        title: "North East CoP: charter version 0.1 approved",
        updated: "2026-04-21T00:00:00+01:00",
        link: "communities/north-east/charter/",
      },
    ]);
  });
});

describe("a build without the site's address", () => {
  const model = (url?: string) =>
    ({ site: url ? { url } : {}, pdfs: [{ file: "pdf/x-guide.pdf" }] }) as unknown as SiteModel;

  it("says once that the PDFs have no QR code, and how to add the address", () => {
    expect(siteUrlWarning(model(), "content", true)).toEqual([
      {
        code: "no-site-url",
        severity: "warning",
        file: "content/site.yaml",
        line: 1,
        column: 1,
        field: "url",
        message:
          "The site has no url, so the PDFs are printed without a QR code or the address of their page.",
        hint: "Add the site's public address to site.yaml, such as url: https://example.github.io/charterbook/",
      },
    ]);
  });

  it("says nothing when the site has one, or when no PDF is printed", () => {
    expect(siteUrlWarning(model("https://example.org/"), "content", true)).toEqual([]);
    expect(siteUrlWarning(model(), "content", false)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { markWordChanges } from "../../scripts/model/word-diff.ts";

const ins = (words: string) =>
  `<ins><span class="visually-hidden">[inserted: </span>${words}<span class="visually-hidden">]</span></ins>`;
const del = (words: string) =>
  `<del><span class="visually-hidden">[deleted: </span>${words}<span class="visually-hidden">]</span></del>`;

describe("word-level changes between two rendered texts", () => {
  it("marks the words deleted and inserted, and says so in words for screen readers", () => {
    const result = markWordChanges(
      "<p>The group meets six times a year.</p>",
      "<p>The group meets four times a year, online.</p>",
    );
    expect(result.html).toBe(
      `<p>The group meets ${del("six")}${ins("four")} times a year${ins(", online")}.</p>`,
    );
    expect(result.deleted).toEqual(["six"]);
    expect(result.inserted).toEqual(["four", ", online"]);
  });

  it("joins changes separated by one unchanged word into one change", () => {
    expect(markWordChanges("Three to five volunteers", "Five to ten volunteers").html).toBe(
      `${del("Three to five")}${ins("Five to ten")} volunteers`,
    );
  });

  it("keeps the spaces around a deleted word inside its mark, so words never run together", () => {
    expect(markWordChanges("share early and the group", "share early, the group").html).toBe(
      `share early${del(" and")}${ins(",")} the group`.replace(
        `<del><span class="visually-hidden">[deleted: </span> and`,
        `<del> <span class="visually-hidden">[deleted: </span>and`,
      ),
    );
  });

  it("gives back a removed list item whole, not its words inside the next item", () => {
    expect(
      markWordChanges(
        "<ul><li>One</li><li>Two</li><li>Three</li></ul>",
        "<ul><li>One</li><li>Three</li></ul>",
      ).html,
    ).toBe(`<ul><li>One</li><li class="diff-deleted">${del("Two")}</li><li>Three</li></ul>`);
  });

  it("follows the newer text's elements, so the result is well formed when formatting changed", () => {
    expect(markWordChanges("<p>a <em>b</em> c</p>", "<p>a <strong>b d</strong> c</p>").html).toBe(
      `<p>a <em class="diff-deleted">${del("b")}</em><strong>${ins("b d")}</strong> c</p>`,
    );
    // A tag that opens in one change and closes in another is left out rather than left open.
    expect(markWordChanges("<p>One</p> <p>Two</p>", "<p>One Two</p>").html).toBe("<p>One Two</p>");
  });

  it("drops ids and links within the page it came from, and escapes text", () => {
    expect(
      markWordChanges(
        '<h2 id="aim">Aim</h2> <p>Fish &amp; chips<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>',
        '<h2 id="aim">Aim</h2> <p>Fish &amp; chips &lt;b&gt;<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>',
        { dropLeadingHeading: true },
      ).html,
    ).toBe(
      `<p>Fish &amp; chips<ins> <span class="visually-hidden">[inserted: </span>&lt;b&gt;<span class="visually-hidden">]</span></ins><sup class="footnote-ref"><a>[1]</a></sup></p>`,
    );
  });

  it("lowers headings under the page's own, and marks a whole text inserted or deleted", () => {
    expect(markWordChanges("", "<h3>Roles</h3> <p>New</p>", { headingShift: 1 }).html).toBe(
      `<h4>${ins("Roles")}</h4> <p>${ins("New")}</p>`,
    );
    expect(markWordChanges("<p>Gone now</p>", "").html).toBe(
      `<p class="diff-deleted">${del("Gone now")}</p>`,
    );
  });

  it("marks nothing when nothing a reader sees changed", () => {
    const same = "<p>Members agree the ground rules.</p>";
    expect(markWordChanges(same, same)).toEqual({ html: same, inserted: [], deleted: [] });
  });
});

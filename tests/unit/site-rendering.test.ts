import { describe, expect, it } from "vitest";
import type { Charter } from "../../scripts/content/schema-types.ts";
import { charterSections, lastApproval } from "../../scripts/model/charter-sections.ts";
import {
  metaContentSecurityPolicy,
  headersFile,
} from "../../scripts/site/content-security-policy.ts";
import { cycleDiagram, describeCycle } from "../../scripts/model/cycle-diagram.ts";
import { phoneLink } from "../../scripts/site/filters.ts";
import { formatDate } from "../../scripts/model/format-date.ts";
import { bodyMarkdown, parseMarkdown, renderMarkdown } from "../../scripts/model/markdown.ts";

describe("formatDate", () => {
  it("shows dates as UK readers expect", () => {
    expect(formatDate("2021-11-16", "en-GB", "long")).toBe("16 November 2021");
    expect(formatDate("2021-11-16", "en-IE", "long")).toBe("16 November 2021");
    expect(formatDate("2021-11-16", "en-GB", "medium")).toBe("16 Nov 2021");
    expect(formatDate("2021-11-16", "en-GB", "short")).toBe("16/11/2021");
  });
  it("never moves a date by a time zone", () => {
    expect(formatDate("2022-01-01", "en-GB")).toBe("1 January 2022");
  });
});

describe("cycleDiagram", () => {
  const steps = [
    "Description",
    "Feelings",
    "Evaluation",
    "Analysis",
    "Conclusion",
    "Action plan",
  ].map((name) => ({ name }));
  it("describes the cycle in words for screen readers", () => {
    expect(describeCycle(steps)).toBe(
      "6 steps in order: 1. Description, 2. Feelings, 3. Evaluation, 4. Analysis, 5. Conclusion, 6. Action plan. After Action plan, the cycle returns to Description.",
    );
  });
  it("draws one circle and one arrow per step, with a title and description", () => {
    const svg = cycleDiagram({ id: "gibbs", title: "Gibbs' reflective cycle", steps });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="gibbs-title gibbs-desc"/);
    expect(svg).toContain('<title id="gibbs-title">Gibbs\' reflective cycle</title>');
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg.match(/class="cycle__arrow"/g)).toHaveLength(6);
  });
  it("escapes step names", () => {
    expect(
      cycleDiagram({ id: "x", title: "<b>", steps: [{ name: "<script>" }, { name: "B & C" }] }),
    ).not.toMatch(/<script>|<b>|B & C/);
  });
});

describe("page headings", () => {
  const parsed = parseMarkdown(
    bodyMarkdown,
    "## Aim\n\nx\n\n### Detail\n\n## Meetings & *reports*\n",
  );
  it("are listed from the parsed Markdown, with their level", () => {
    expect(parsed.headings).toEqual([
      { id: "aim", text: "Aim", level: 2 },
      { id: "detail", text: "Detail", level: 3 },
      { id: "meetings-reports", text: "Meetings & reports", level: 2 },
    ]);
  });
  it("are numbered in the text when the medium asks, from the same tokens", () => {
    expect(renderMarkdown(bodyMarkdown, parsed, { numberSectionsFrom: 1 }).html).toBe(
      '<h2 id="aim"><span class="section-number">1.</span> Aim</h2>\n<p>x</p>\n<h3 id="detail">Detail</h3>\n<h2 id="meetings-reports"><span class="section-number">2.</span> Meetings &amp; <em>reports</em></h2>\n',
    );
  });
  it("carry a prefix on a printed page, and none on the site", () => {
    expect(renderMarkdown(bodyMarkdown, parsed, { idPrefix: "charter-" }).html).toContain(
      '<h2 id="charter-aim">Aim</h2>',
    );
    expect(renderMarkdown(bodyMarkdown, parsed, {}).html).toContain('<h2 id="aim">Aim</h2>');
  });
});

describe("charter sections", () => {
  const charter = {
    title: "Charter",
    version: "0.2",
    status: "draft",
    review_by: "2027-01-01",
    version_history: [
      {
        version: "0.1",
        implemented_by: "Coordinator",
        revision_date: "2026-01-01",
        approver: "Members",
        approval_date: "2026-01-05",
        reason: "First.",
      },
      {
        version: "0.2",
        implemented_by: "Coordinator",
        revision_date: "2026-02-01",
        approver: "Members",
        reason: "Second.",
      },
    ],
    goals: ["Learn."],
    roles: [{ role: "Chair", held_by: "Steering group", responsibilities: "Chairs." }],
    stakeholders: [{ stakeholder: "Public", representatives: ["Members"] }],
    approval_statement: "Approved by the members.",
  } as Charter;

  it("numbers prose sections first, then the front-matter parts that are present", () => {
    const sections = charterSections(charter, [
      { id: "aim", text: "Aim", level: 2 },
      { id: "detail", text: "Detail", level: 3 },
      { id: "goals", text: "Goals", level: 2 },
    ]);
    expect(sections.map((s) => `${s.number} ${s.kind} ${s.id}`)).toEqual([
      "1 prose aim",
      "2 prose goals",
      "3 goals charter-goals",
      "4 roles roles",
      "5 stakeholders stakeholders",
      "6 approval approval",
    ]);
  });

  it("names the last approved version while a draft waits", () => {
    expect(lastApproval(charter)?.version).toBe("0.1");
  });
});

describe("Content-Security-Policy", () => {
  it("allows scripts only from the site, and Pagefind's WebAssembly", () => {
    expect(metaContentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(metaContentSecurityPolicy).toContain("default-src 'self'");
    expect(metaContentSecurityPolicy).not.toMatch(/unsafe-inline|frame-ancestors/);
    expect(headersFile).toContain("frame-ancestors 'none'");
  });
});

describe("phoneLink", () => {
  it("keeps a number on one line: no-break spaces and hyphens, digits only in the address", () => {
    expect(phoneLink("+44 20 7946 0321")).toBe(
      '<a class="phone" href="tel:+442079460321">+44&nbsp;20&nbsp;7946&nbsp;0321</a>',
    );
    expect(phoneLink("(01) 234-5678")).toBe(
      '<a class="phone" href="tel:012345678">(01)&nbsp;234&#8209;5678</a>',
    );
  });
});

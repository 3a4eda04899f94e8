import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { formatProblems } from "../../scripts/content/problems.ts";
import { validateContent } from "../../scripts/content/validate-content.ts";
import { fixturesDir, fixtureTree, type FixtureTree } from "./validate-fixture-tree.ts";

/**
 * Each folder tests/fixtures/validate-<case>/ breaks one thing in the valid base tree. The
 * formatted report (position, field, message and hint) is part of the product, so it is compared
 * exactly: a vaguer message, a wrong line or a lost hint fails the test.
 */
const expectedReports: Record<string, string[]> = {
  "archive-folder-name": [
    "content/communities/pilot/versions/latest/charter.md:1:1",
    "  The folder versions/latest/ must be named after the approved version it holds, such as versions/0.3/. Name the folder after the version (npm run approve does), or move the file out of versions/.",
    "content/communities/pilot/versions/latest/ground-rules.md:1:1",
    "  The folder versions/latest/ must be named after the approved version it holds, such as versions/0.3/. Name the folder after the version (npm run approve does), or move the file out of versions/.",
  ],
  "archive-history-differs": [
    "content/communities/pilot/versions/0.1/charter.md:7:5  version_history[0]",
    '  Version "0.1"\'s row differs from the same row in content/communities/pilot/charter.md; a copy keeps the history exactly as it was when "0.1" was approved. This file is a copy that npm run approve wrote when the version was approved: restore it from git (git checkout origin/main -- content/communities/pilot/versions/0.1/charter.md) rather than editing it.',
  ],
  "archive-incomplete": [
    "content/communities/pilot/versions/0.1/charter.md:1:1",
    "  content/communities/pilot/versions/0.1/ holds charter.md but no ground-rules.md; an approved version is the charter and the ground rules as they were approved together. Restore ground-rules.md from git; npm run approve writes both.",
  ],
  "archive-unknown-version": [
    "content/communities/pilot/versions/0.3/charter.md:3:1  version",
    '  The version history of content/communities/pilot/charter.md has no version "0.3". Only approved versions are kept in versions/: npm run approve writes the copy when it records the approval. Remove this folder.',
  ],
  "approval-before-revision": [
    "content/communities/pilot/charter.md:11:5  version_history[0].approval_date",
    "  Approval date 2021-11-15 is before this row's revision date 2021-11-16. A version cannot be approved before it was written: check both dates.",
  ],
  "approved-without-approval-date": [
    "content/communities/pilot/charter.md:4:1  status",
    '  The charter is approved, but its last version ("0.2") has no approval_date. Add approval_date to the last row once the approver has agreed it (npm run approve), or set status: draft.',
  ],
  "community-without-charter": [
    "content/communities/pilot/ground-rules.md:1:1",
    '  Community "pilot" has no charter.md, which holds the community\'s charter. Add content/communities/pilot/charter.md: copy it from another community and edit it.',
  ],
  "date-day-first": [
    "content/communities/pilot/charter.md:9:5  version_history[0].revision_date",
    '  "16/11/21" is not a date in YYYY-MM-DD form. Write it as 2021-11-16.',
  ],
  "duplicate-chapter-order": [
    "content/guide/second-steps.md:3:1  order",
    "  Chapter order 1 is also used by content/guide/first-steps.md. Give each chapter its own order number; renumber the chapters after this one.",
  ],
  "duplicate-keys": [
    "content/communities/pilot/charter.md:5:1",
    "  The YAML could not be read: Map keys must be unique. The field status is written twice: keep one of them.",
  ],
  "duplicate-versions": [
    "content/communities/pilot/charter.md:3:1  version",
    '  version is "0.2" but the last row of version_history is "0.1". Make them the same: version always equals the version of the newest row.',
    "content/communities/pilot/charter.md:13:5  version_history[1].version",
    '  Version "0.1" appears twice in the history (rows 1 and 2). Give this row the next version number after the row above it.',
  ],
  "enum-typo": [
    "content/communities/pilot/index.md:5:1  status",
    '  "pilto" is not one of: pilot, active, retired. Did you mean pilot?',
  ],
  "example-answers": [
    "content/examples/notes-filled.md:6:3  answers.what-we-agred",
    "  Unknown field. Did you mean what-we-agreed?",
    "content/examples/orphan.md:2:1  template",
    '  There is no template "minutes". Use the name of a file in content/templates without .md: notes.',
  ],
  "executable-front-matter": [
    "content/communities/pilot/charter.md:1:1",
    "  Front matter written in js is refused: content may only hold data, never code that runs. Write the front matter in YAML, between two lines of just ---.",
  ],
  "file-too-large": [
    "content/guide/first-steps.md:1:1",
    "  This file is 2.1 MB; content files are limited to 2 MB. Split it into smaller files, or keep large material outside content/ and link to it.",
  ],
  "file-url-image": [
    "content/guide/first-steps.md:11:1",
    '  The image "file:///etc/passwd.png" is a file on one computer (file:), not in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "image-missing": [
    "content/guide/first-steps.md:11:1",
    '  The image "images/cycle-diagram.png" does not exist: there is no image guide/images/cycle-diagram.png in the content folder. Check the file name and path; the path is relative to this content file.',
  ],
  "image-outside-content": [
    "content/guide/first-steps.md:11:1",
    '  The image "../../site/assets/logo.png" is outside the content folder, so it would not be published. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "invalid-slug-folder": [
    "content/communities/Pilot_Group/index.md:1:1",
    '  The folder name "Pilot_Group" is used in the page\'s web address, so it may only have lowercase letters, digits and hyphens. Rename the folder to pilot-group.',
  ],
  "link-local-image": [
    "content/guide/first-steps.md:12:5",
    '  The image "http://169.254.169.254/latest/meta-data/iam.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "malformed-yaml": [
    "content/communities/pilot/charter.md:20:1",
    "  The YAML could not be read: Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation, and put text containing a colon or starting with a special character in quotes.",
  ],
  "missing-required-field": [
    "content/communities/pilot/index.md:2:1  sponsor",
    "  Missing required field sponsor. Add sponsor: the body that funds or champions the community, such as National Advancing Practice team.",
  ],
  "not-utf8": [
    "content/communities/pilot/ground-rules.md:4:33",
    "  This file is not UTF-8 text: it has bytes no UTF-8 text contains. Save it again as UTF-8 (in most editors: Save As, then Encoding: UTF-8).",
  ],
  "protocol-relative-image": [
    "content/guide/first-steps.md:11:1",
    '  The image "//images.example.org/cycle.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "publication-parts": [
    "content/communities/pilot/index.md:13:5  guide_publications[0]",
    '  There is no publication "starter-pack". Use the name of a file in content/publications without .md: pack.',
    "content/publications/pack.md:8:9  groups[0].items[1].template",
    '  There is no template "note". Did you mean notes?',
    "content/publications/pack.md:9:9  groups[0].items[2].chapter",
    '  The chapter "first-steps" is already in this publication, at groups[0].items[0]. A publication holds each part once: remove one of them.',
    "content/publications/pack.md:10:9  groups[0].items[3]",
    "  This has 2 fields (template, chapter); it takes only 1. Expected one part: a chapter, template or completed example by its file name, or an appendix. Write each on its own list item.",
    "content/publications/pack.md:12:9  groups[0].items[4].appendix",
    "  There is no topics appendix: content/topics.md does not exist. Add content/topics.md, or remove this item.",
  ],
  "related-template-unresolved": [
    "content/guide/first-steps.md:6:5  related_templates[0]",
    '  There is no template "meeting-notes". Use the name of a file in content/templates without .md: notes.',
  ],
  "remote-image": [
    "content/guide/first-steps.md:11:1",
    '  The image "https://images.example.org/cycle.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "remote-image-footnote": [
    "content/guide/first-steps.md:13:27",
    '  The image "https://tracker.example.org/pixel.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "remote-image-goal": [
    "content/communities/pilot/charter.md:21:5  goals[1]",
    '  The image "https://cdn.example.org/meet.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "remote-image-risk": [
    "content/communities/pilot/charter.md:23:5  risks[0].mitigation",
    '  The image "//cdn.example.org/reminder.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "template-form-rules": [
    "content/templates/notes.md:16:9  groups[0].blocks[1].label",
    '  This block\'s answers would be stored under "what-happened", like those of the block at groups[0].blocks[0]. Give one of them its own name, such as name: what-happened-2.',
    "content/templates/notes.md:23:5  blocks[1].label",
    '  This block\'s answers would be stored under "what-we-agreed", like those of the block at blocks[0]. Give one of them its own name, such as name: what-we-agreed-2.',
    "content/templates/notes.md:26:5  blocks[2].scale",
    '  There is no scale named "extant". Did you mean extent?',
    "content/templates/notes.md:30:5  blocks[3].group",
    '  There is no group named "sessions". Did you mean session?',
    "content/templates/notes.md:46:13  blocks[4].standards[0].indicators[1].number",
    '  Indicator "2.1" is in standard 1, so its number must start with "1.". Number it 1.2, or move it to its standard.',
  ],
  "unsafe-svg": [
    "content/guide/images/cycle.svg:2:3",
    "  The <script> element runs code when the image is opened. Remove it, or export the drawing again as a plain SVG (or PNG) without scripts.",
    "content/guide/images/cycle.svg:3:31",
    '  The onclick="alert(1)" attribute on <circle> runs code when something happens to the drawing, such as a click or the image loading. Remove the attribute, or export the drawing again as a plain SVG (or PNG) without scripts.',
  ],
  "image-not-what-it-says": [
    "content/guide/images/cycle.png:1:1",
    "  This file's name ends in .png, but its contents are an HTML document, not a PNG image. Save the image again as PNG: this file is a web page, which often happens when the page showing an image is saved instead of the image itself.",
  ],
  "remote-logo": [
    "content/site.yaml:7:1  logo",
    '  The image "https://cdn.example.org/logo.png" would be fetched from another server; images must be files in this repository. Save the image in the content folder (for example next to this file, in images/diagram.png) and link to it by that path.',
  ],
  "revision-date-backwards": [
    "content/communities/pilot/charter.md:11:5  version_history[0].approval_date",
    '  Version "0.1" was approved on 2021-11-23, after version "0.2" replaced it on 2021-11-01; only the newest version can be approved. Approve version "0.2" instead (npm run approve), or correct the dates if the approval came first.',
    "content/communities/pilot/charter.md:15:5  version_history[1].revision_date",
    "  Revision date 2021-11-01 is before the previous row's revision date 2021-11-16. Rows are in the order the revisions were made: check this date and the row order.",
  ],
  "roadmap-code-wrong-area": [
    "content/roadmap.md:24:13  areas[1].dimensions[0].codes[1]",
    '  Cell code 3.02 is in area 2, so it must start with "2.". Write it as 2.02, or move the row to its area.',
  ],
  "roadmap-duplicate-code": [
    "content/roadmap.md:24:13  areas[1].dimensions[0].codes[1]",
    "  Cell code 2.01 is also used at areas[1].dimensions[0].codes[0]. Each cell of the roadmap has its own code.",
  ],
  "site-missing": [
    "content/site.yaml:1:1",
    "  There are no site settings: every site needs site.yaml in the content folder. Copy content/site.yaml from the example content and edit it.",
  ],
  "tab-indentation": [
    "content/communities/pilot/charter.md:20:1",
    "  The YAML could not be read: Tabs are not allowed as indentation. Indent with spaces, not tabs: replace the tab at the start of this line with spaces.",
  ],
  "unknown-approver": [
    "content/communities/pilot/charter.md:16:5  version_history[1].approver",
    "  \"Board of trustees\" is not one of the community's approvers (Steering group, Fixture Office). Use one of them exactly as written, or add this approver to approvers in the community's index.md.",
  ],
  "unknown-field-typo": [
    "content/communities/pilot/charter.md:5:1  reviw_by",
    "  Unknown field. Did you mean review_by?",
  ],
  "version-as-number": [
    "content/communities/pilot/charter.md:3:1  version",
    '  Expected text, found the number 0.2. Put it in quotes: "0.2".',
  ],
  "version-mismatch": [
    "content/communities/pilot/charter.md:3:1  version",
    '  version is "0.3" but the last row of version_history is "0.2". Make them the same: version always equals the version of the newest row.',
  ],
  "versions-decreasing": [
    "content/communities/pilot/charter.md:13:5  version_history[1].version",
    '  Version "0.0" comes after "0.1"; versions must increase down the history. Each new row\'s version must be higher than the row above it, such as 0.5 after 0.4.',
  ],
  "yaml-alias-bomb": [
    "content/communities/pilot/charter.md:20:12",
    "  The YAML's * aliases would expand to too much data (excessive alias count indicates a resource exhaustion attack). Write the values out instead of repeating them with & anchors and * aliases.",
  ],
};

/** The stable problem codes each case must produce, in report order. */
const expectedCodes: Record<string, string[]> = {
  "archive-folder-name": ["archive-folder-name", "archive-folder-name"],
  "archive-history-differs": ["archive-history-differs"],
  "archive-incomplete": ["archive-incomplete"],
  "archive-unknown-version": ["archive-version-not-approved"],
  "approval-before-revision": ["approved-before-revised"],
  "approved-without-approval-date": ["approved-without-approval"],
  "community-without-charter": ["incomplete-community"],
  "date-day-first": ["invalid-date"],
  "duplicate-chapter-order": ["duplicate-order"],
  "duplicate-keys": ["malformed-yaml"],
  "duplicate-versions": ["version-mismatch", "duplicate-version"],
  "enum-typo": ["not-allowed"],
  "example-answers": ["unknown-field", "unknown-template"],
  "executable-front-matter": ["executable-front-matter"],
  "file-too-large": ["file-too-large"],
  "file-url-image": ["non-local-image"],
  "image-missing": ["non-local-image"],
  "image-outside-content": ["non-local-image"],
  "invalid-slug-folder": ["invalid-slug"],
  "link-local-image": ["non-local-image"],
  "malformed-yaml": ["malformed-yaml"],
  "missing-required-field": ["missing-field"],
  "not-utf8": ["not-utf8"],
  "protocol-relative-image": ["non-local-image"],
  "publication-parts": [
    "unknown-publication",
    "unknown-template",
    "duplicate-part",
    "too-many-fields",
    "unknown-appendix",
  ],
  "related-template-unresolved": ["unknown-template"],
  "remote-image": ["non-local-image"],
  "remote-image-footnote": ["non-local-image"],
  "remote-image-goal": ["non-local-image"],
  "remote-image-risk": ["non-local-image"],
  "template-form-rules": [
    "duplicate-answer-name",
    "duplicate-answer-name",
    "unknown-scale",
    "unknown-group",
    "indicator-number",
  ],
  "unsafe-svg": ["unsafe-svg", "unsafe-svg"],
  "image-not-what-it-says": ["image-not-what-it-says"],
  "remote-logo": ["non-local-image"],
  "revision-date-backwards": ["approved-after-superseded", "revision-date-backwards"],
  "roadmap-code-wrong-area": ["code-area"],
  "roadmap-duplicate-code": ["duplicate-code"],
  "site-missing": ["missing-site-settings"],
  "tab-indentation": ["malformed-yaml"],
  "unknown-approver": ["unknown-approver"],
  "unknown-field-typo": ["unknown-field"],
  "version-as-number": ["wrong-type"],
  "version-mismatch": ["version-mismatch"],
  "versions-decreasing": ["version-not-increasing"],
  "yaml-alias-bomb": ["yaml-alias-limit"],
};

const caseFolders = readdirSync(fixturesDir)
  .filter((name) => name.startsWith("validate-") && name !== "validate-base")
  .map((name) => name.slice("validate-".length))
  .sort();

let tree: FixtureTree | undefined;
afterEach(async () => {
  await tree?.remove();
  tree = undefined;
});

describe("validation of bad content fixtures", () => {
  it("has an expected report for every fixture folder, and a folder for every expected report", () => {
    expect(Object.keys(expectedReports).sort()).toEqual(caseFolders);
    expect(Object.keys(expectedCodes).sort()).toEqual(caseFolders);
    expect(caseFolders.length).toBeGreaterThanOrEqual(24);
  });

  it("accepts the base tree the cases are made from", async () => {
    tree = await fixtureTree("base");
    const result = await validateContent(tree.contentDir);
    expect(formatProblems(result.problems)).toBe("");
    // Six content files and the chapter's image.
    expect(result.filesChecked).toBe(8);
  });

  it.each(caseFolders)(
    "reports %s with the exact position, field, message and hint",
    async (name) => {
      tree = await fixtureTree(name);
      const result = await validateContent(tree.contentDir);
      expect(tree.shown(formatProblems(result.problems)).split("\n")).toEqual(
        expectedReports[name],
      );
      expect(result.problems.map((p) => p.code)).toEqual(expectedCodes[name]);
      for (const p of result.problems) expect(p.severity).toBe("error");
    },
  );
});

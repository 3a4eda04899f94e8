// html-validate's settings for the built site: its recommended rules, with the few settings
// below and the reason for each. `npm test` validates every built page with it
// (tests/e2e/site-example.test.ts); to check a build by hand: npx html-validate _site
// Rules: https://html-validate.org/rules/

/** For every page of the site. */
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // Not turned off: the layouts write `<!doctype html>` in lower case, as the HTML standard
    // and Prettier write it; this keeps every page consistent the other way round.
    "doctype-style": ["error", { style: "lowercase" }],
    // Not turned off: every role is still checked except the table roles on the roadmap grid.
    // On a narrow screen site.css shows the grid as cards, and some browsers drop a table's
    // semantics when CSS changes how its parts display; explicit roles keep it a table for
    // screen readers, as NHS.UK's responsive tables do (layouts/partials/roadmap.njk).
    "no-redundant-role": [
      "error",
      { exclude: ["table", "rowgroup", "row", "columnheader", "rowheader", "cell"] },
    ],
  },
};

/**
 * For the print pages under /print/, which Chromium prints to PDF: the site's settings, and
 * two rules off for what the print layouts (layouts/print*) write.
 */
export const printPages = {
  extends: ["html-validate:recommended"],
  rules: {
    "doctype-style": ["error", { style: "lowercase" }],
    "no-redundant-role": [
      "error",
      { exclude: ["table", "rowgroup", "row", "columnheader", "rowheader", "cell"] },
    ],
    // A print page's <title> is its PDF's full title, which names the community in full; it is
    // shown in no search result (the pages are robots noindex) and no browser tab.
    "long-title": "off",
    // The cover of layouts/print/guide.njk indents an optional draft mark, so a guide that is
    // not a draft has a line of spaces there. It cannot change the printed page.
    "no-trailing-whitespace": "off",
  },
};

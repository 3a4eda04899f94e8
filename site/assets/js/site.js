/* global window, URL, URLSearchParams */
// Runs on every page. When a reader arrives from a search result, the link carries
// ?highlight=word and Pagefind's highlighter marks the word on the page.
const terms = new URLSearchParams(window.location.search).getAll("highlight");
if (terms.length > 0) {
  // Relative to this file, so it works under a base path too.
  import(new URL("../../pagefind/pagefind-highlight.js", import.meta.url).href).then(
    ({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: "highlight" }),
    // The highlighter is a nicety: a missing search index must not break the page.
    () => undefined,
  );
}

/* global window, URLSearchParams */
// Runs on every page. When a reader arrives from a search result, the link carries
// ?highlight=word and Pagefind's highlighter marks the word on the page.
const terms = new URLSearchParams(window.location.search).getAll("highlight");
if (terms.length > 0) {
  import("/pagefind/pagefind-highlight.js").then(
    ({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: "highlight" }),
    // The highlighter is a nicety: a missing search index must not break the page.
    () => undefined,
  );
}

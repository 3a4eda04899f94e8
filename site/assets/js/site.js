/* global document, window, URL, URLSearchParams */
// Runs on every page. Each part only adds to a page that already works without JavaScript.

// The main menu folds behind a "Menu" button on narrow screens, as GOV.UK's service navigation
// does. site.css shows the button and folds the list there (only once js-enabled.js has run);
// this opens and closes it. On a wide screen the button is not shown and the list always is.
const toggle = document.querySelector("[data-menu-toggle]");
const menu = toggle?.closest(".site-nav");
toggle?.addEventListener("click", () => {
  const open = toggle.getAttribute("aria-expanded") === "true";
  toggle.setAttribute("aria-expanded", String(!open));
  menu.classList.toggle("site-nav--open", !open);
});

// "Print this page": a real button, which site.css shows only where this script runs.
for (const button of document.querySelectorAll("[data-print-page]")) {
  button.addEventListener("click", () => window.print());
}

// When a reader arrives from a search result, the link carries ?highlight=word and Pagefind's
// highlighter marks the word on the page.
const terms = new URLSearchParams(window.location.search).getAll("highlight");
if (terms.length > 0) {
  // Relative to this file, so it works under a base path too.
  import(new URL("../../pagefind/pagefind-highlight.js", import.meta.url).href).then(
    ({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: "highlight" }),
    // The highlighter is a nicety: a missing search index must not break the page.
    () => undefined,
  );
}

/* global document, window, URL, URLSearchParams, MutationObserver */
// The search page: Pagefind's default UI, served from this site's own /pagefind/ folder.
// Without JavaScript the page says search needs it (a <noscript> message); the header's
// search box still sends readers here with ?q=.
// Paths are worked out from this file's own address, so the site works under a base path
// (https://owner.github.io/charterbook/) as well as at the root of a host.
const siteRoot = new URL("../../", import.meta.url);
await import(new URL("pagefind/pagefind-ui.js", siteRoot).href);

const container = document.querySelector("[data-search]");
const status = document.getElementById("search-status");

const ui = new window.PagefindUI({
  element: container,
  showSubResults: true,
  showImages: false,
  highlightParam: "highlight",
  resetStyles: false,
  // Pagefind guesses its folder from the script tag, which an import() does not have.
  bundlePath: new URL("pagefind/", siteRoot).pathname,
  baseUrl: siteRoot.pathname,
});

// Pagefind's input is labelled only by a placeholder; give it a visible label of its own.
const input = container.querySelector(".pagefind-ui__search-input");
if (input) {
  input.id = "search-input";
  const label = document.createElement("label");
  label.htmlFor = "search-input";
  label.className = "search__label";
  label.textContent = "Search the guide, charters and templates";
  container.prepend(label);
}

const query = new URLSearchParams(window.location.search).get("q");
if (query) ui.triggerSearch(query);

// Pagefind's UI does not announce results; copy its message ("5 results for ...") into a
// polite live region so screen readers hear when the results change.
let announced = "";
new MutationObserver(() => {
  const message = container.querySelector(".pagefind-ui__message")?.textContent?.trim() ?? "";
  if (message && message !== announced && !/^Searching/i.test(message)) {
    announced = message;
    status.textContent = message;
  }
}).observe(container, { childList: true, subtree: true, characterData: true });

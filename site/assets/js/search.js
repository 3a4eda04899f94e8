/* global document, window, history, URL, URLSearchParams */
// The search page: the form in the page, answered by Pagefind's search API from this site's own
// /pagefind/ folder. Each result shows its type and community, so the charter called "Terms of
// Reference" and the template of the same name are told apart. Without JavaScript the page says
// search needs it (a <noscript> message); the form still sends the query in the address.
// Paths are worked out from this file's own address, so the site works under a base path
// (https://owner.github.io/charterbook/) as well as at the root of a host.
const siteRoot = new URL("../../", import.meta.url);
const form = document.querySelector("[data-search-form]");
const input = form.querySelector('input[name="q"]');
const filters = [...form.querySelectorAll("select")];
const status = document.getElementById("search-status");
const list = document.querySelector("[data-search-list]");
const more = document.querySelector("[data-search-more]");
const pageSize = 10;

let pagefind;
const loadPagefind = async () => {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname, highlightParam: "highlight" });
  }
  return pagefind;
};

// Pagefind's excerpts are HTML with <mark> around the words found. Only the text and the marks
// are copied into the page, so nothing else in an excerpt can become markup.
const excerpt = (html) => {
  const parsed = document.createElement("template");
  parsed.innerHTML = html;
  const paragraph = document.createElement("p");
  paragraph.className = "search-result__excerpt";
  for (const node of parsed.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
};

const renderResult = (result) => {
  const item = document.createElement("li");
  item.className = "search-result";
  item.dataset.searchResult = "";
  const heading = document.createElement("h2");
  heading.className = "search-result__title";
  const link = document.createElement("a");
  link.className = "search-result__link";
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  item.append(heading);
  const meta = [result.meta.type, result.meta.community].filter(Boolean);
  if (meta.length) {
    const line = document.createElement("p");
    line.className = "search-result__meta";
    line.textContent = meta.join(" · ");
    item.append(line);
  }
  item.append(excerpt(result.excerpt));
  // The sections of the page where the words were found, as Pagefind's own UI lists them.
  const sections = result.sub_results.filter((sub) => sub.url.includes("#")).slice(0, 3);
  if (sections.length) {
    const sectionList = document.createElement("ul");
    sectionList.className = "search-result__sections";
    for (const section of sections) {
      const entry = document.createElement("li");
      const sectionLink = document.createElement("a");
      sectionLink.href = section.url;
      sectionLink.textContent = section.title;
      entry.append(sectionLink);
      sectionList.append(entry);
    }
    item.append(sectionList);
  }
  return item;
};

let latest = 0;
let pending = [];

const showMore = async ({ focus }) => {
  const batch = pending.splice(0, pageSize);
  const results = await Promise.all(batch.map((result) => result.data()));
  const items = results.map(renderResult);
  list.append(...items);
  more.hidden = pending.length === 0;
  if (focus && items[0]) items[0].querySelector("a").focus();
};

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

const search = async ({ debounce = false } = {}) => {
  const query = input.value.trim();
  const chosen = Object.fromEntries(
    filters.filter((select) => select.value).map((select) => [select.name, select.value]),
  );
  // The address always holds the search, so it can be shared, bookmarked and reloaded.
  const params = new URLSearchParams({ q: query, ...chosen });
  history.replaceState(null, "", `${window.location.pathname}?${params}`);
  const run = ++latest;
  if (!query) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  const api = await loadPagefind();
  const found = debounce
    ? await api.debouncedSearch(query, { filters: chosen }, 300)
    : await api.search(query, { filters: chosen });
  if (found === null || run !== latest) return; // a newer search has started
  pending = [...found.results];
  list.replaceChildren();
  await showMore({ focus: false });
  if (run !== latest) return;
  const where = Object.values(chosen).join(", ");
  status.textContent = `${plural(found.results.length, "result")} for “${query}”${where ? ` in ${where}` : ""}.`;
};

const params = new URLSearchParams(window.location.search);
input.value = params.get("q") ?? "";
for (const select of filters) select.value = params.get(select.name) ?? "";

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void search();
});
input.addEventListener("input", () => void search({ debounce: true }));
for (const select of filters) select.addEventListener("change", () => void search());
more.addEventListener("click", () => void showMore({ focus: true }));
input.addEventListener("focus", () => void loadPagefind(), { once: true });

if (input.value) void search();

/** A level-2 heading of rendered Markdown, for the page's contents list. */
export interface PageHeading {
  id: string;
  text: string;
}

// markdown-it-anchor writes every h2 as <h2 id="...">; nothing else in the body produces one.
const h2 = /<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g;

const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

export function listHeadings(html: string): PageHeading[] {
  return [...html.matchAll(h2)].map((match) => ({ id: match[1]!, text: stripTags(match[2]!) }));
}

/** Numbers each h2 from `start`, as text in the heading so it is read out and kept when copied. */
export function numberHeadings(html: string, start: number): string {
  let number = start;
  return html.replace(h2, (_, id: string, inner: string) => {
    const numbered = `<h2 id="${id}"><span class="section-number">${number}.</span> ${inner}</h2>`;
    number += 1;
    return numbered;
  });
}

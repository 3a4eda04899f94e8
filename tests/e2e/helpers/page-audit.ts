import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Browser, Page } from "puppeteer-core";

/**
 * Checks a built site as members meet it: each page at each width, in real Chromium, with axe
 * and with measurements axe does not make (page overflow, the colours of each focused element).
 * One tab per page, loaded once and resized through the widths; several tabs at a time.
 */

/** The widths members read the site at: small and common phones, a tablet, a laptop. */
export const auditWidths = [320, 390, 800, 1280] as const;

/** axe-core's WCAG 2.2 AA tags, and its best practices. */
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * The axe rules whose result can change with the width of the window: what is on screen, how
 * big and how far apart targets are, and what scrolls. The full rule set runs once per page.
 */
export const layoutRules = [
  "target-size",
  "color-contrast",
  "scrollable-region-focusable",
  "link-in-text-block",
  "button-name",
  "nested-interactive",
];

export interface PageAudit {
  /** The page's path, such as /roadmap/. */
  url: string;
  /** "axe-rule: help (targets)" at each width. */
  axe: string[];
  /** Widths at which the page is wider than the window. */
  overflow: string[];
  /** Focusable elements whose focused state is hard to read or not visible. */
  focus: string[];
  /** How many elements were focused and measured, over all widths. */
  focused: number;
  /** Console messages of requests the Content-Security-Policy refused. */
  policy: string[];
}

export interface AuditOptions {
  origin: string;
  urls: readonly string[];
  /**
   * The width at which every axe rule runs; the others run layoutRules. A page not checked at
   * that width gets every rule at its first width. @default 390
   */
  fullAxeWidth?: number;
  /** The widths to check a page at. @default auditWidths, for every page */
  widthsFor?: (url: string) => readonly number[];
  /** Tabs open at once. @default 3 */
  concurrency?: number;
  /** Which pages to measure for overflow and focus as well as axe. @default every page */
  readByMembers?: (url: string) => boolean;
  /** For pages that fill in after loading (search results): a selector to wait for, by URL. */
  waitFor?: Record<string, string>;
}

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Audits every page at every width; results are in the order of `urls`. */
export async function auditPages(browser: Browser, options: AuditOptions): Promise<PageAudit[]> {
  const results: PageAudit[] = new Array(options.urls.length);
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    // Only one tab of a window has focus; the others must act as if they had it, or Chromium
    // does not treat their Tab presses and focus as a keyboard user's.
    const session = await page.createCDPSession();
    await session.send("Emulation.setFocusEmulationEnabled", { enabled: true });
    try {
      while (next < options.urls.length) {
        const index = next++;
        results[index] = await auditPage(page, options.origin, options.urls[index]!, options);
      }
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker));
  return results;
}

async function auditPage(
  page: Page,
  origin: string,
  url: string,
  options: AuditOptions,
): Promise<PageAudit> {
  const audit: PageAudit = { url, axe: [], overflow: [], focus: [], focused: 0, policy: [] };
  const onConsole = (message: { text(): string }) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      audit.policy.push(message.text());
  };
  page.on("console", onConsole);
  // tsx and vitest compile this file keeping function names (an __name helper the page lacks).
  await page.evaluateOnNewDocument("globalThis.__name = (fn) => fn;");
  try {
    const widths = options.widthsFor?.(url) ?? auditWidths;
    const fullAxeWidth = options.fullAxeWidth ?? 390;
    const fullAt = widths.includes(fullAxeWidth) ? fullAxeWidth : widths[0];
    await page.setViewport({ width: widths[0]!, height: 800 });
    await page.goto(`${origin}${url}`, { waitUntil: "load" });
    const awaited = options.waitFor?.[url];
    if (awaited) await page.waitForSelector(awaited, { timeout: 15_000 });
    await page.evaluate(await axeSource);
    for (const width of widths) {
      await page.setViewport({ width, height: width < 800 ? 800 : 900 });
      // Fonts change line lengths, so nothing is measured before they are in.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const full = width === fullAt;
      audit.axe.push(...(await runAxe(page, full)).map((v) => `${width}px ${v}`));
      if (options.readByMembers && !options.readByMembers(url)) continue;
      const overflow = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        widest: [...document.querySelectorAll("body *")]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
      }));
      if (overflow.scrollWidth > overflow.innerWidth)
        audit.overflow.push(
          `${width}px: page is ${overflow.scrollWidth}px wide (${overflow.widest.join(", ")})`,
        );
      await openMenu(page);
      const focus = await auditFocus(page);
      audit.focused += focus.focused;
      audit.focus.push(...focus.problems.map((problem) => `${width}px ${problem}`));
    }
  } finally {
    page.off("console", onConsole);
  }
  return audit;
}

async function runAxe(page: Page, full: boolean): Promise<string[]> {
  return page.evaluate(
    async (tags, rules) => {
      type AxeRun = {
        violations: { id: string; help: string; nodes: { target: string[] }[] }[];
      };
      const axe = (window as unknown as { axe: { run(options: object): Promise<AxeRun> } }).axe;
      const run = await axe.run({
        runOnly: rules ? { type: "rule", values: rules } : { type: "tag", values: tags },
      });
      return run.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")})`,
      );
    },
    axeTags,
    full ? null : layoutRules,
  );
}

/** On a phone the main navigation sits behind a Menu button: open it, so its links are checked too. */
async function openMenu(page: Page): Promise<void> {
  const toggle = await page.$("[data-menu-toggle]");
  if (!toggle) return;
  const expanded = await toggle.evaluate((button) => button.getAttribute("aria-expanded"));
  const visible = await toggle.evaluate((button) => button.getClientRects().length > 0);
  if (!visible || expanded !== "false") return;
  // By keyboard: a click would make Chromium show focus the pointer way for the checks after.
  await toggle.focus();
  await page.keyboard.press("Enter");
}

/**
 * Focuses each focusable element in turn, as a keyboard user does (a real Tab first, so Chromium
 * shows focus the keyboard way), and compares its computed style with its unfocused one: the
 * text of the element and of everything in it must keep a contrast of 4.5:1 against the colour
 * behind it, and something visible (outline, box-shadow, background or border) must change.
 */
async function auditFocus(page: Page): Promise<{ problems: string[]; focused: number }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const problems: string[] = [];
    const parse = (value: string): [number, number, number, number] => {
      const match = /rgba?\(([^)]+)\)/.exec(value);
      if (!match) return [0, 0, 0, 0];
      const parts = match[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: number[], bottom: number[]) =>
      [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    // The colour behind an element: its own background laid over each ancestor's, down to white.
    const backgroundOf = (element: Element): number[] => {
      const layers: number[][] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255]);
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: number[], b: number[]) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    const describe = (element: Element) => {
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const label = element.getAttribute("aria-label") ?? element.getAttribute("href") ?? "";
      return `<${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}> "${text || label}"`;
    };
    const look = (element: Element) => {
      const style = getComputedStyle(element);
      return {
        outline:
          style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
            ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`
            : "none",
        boxShadow: style.boxShadow,
        background: style.backgroundColor,
        border: `${style.borderTopColor} ${style.borderBottomColor} ${style.borderBottomWidth}`,
      };
    };
    const seen = (value: string) => value !== "none" && !/rgba\([^)]*,\s*0\)/.test(value);
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (element) =>
        !element.matches(":disabled") &&
        element.getClientRects().length > 0 &&
        getComputedStyle(element).visibility !== "hidden",
    );
    // Each element's unfocused look, taken while focus rests on <main> (tabindex="-1", where the
    // skip link sends it). Focus then moves straight from one element to the next, as Tab moves
    // it, so Chromium keeps showing focus the keyboard way.
    document.querySelector<HTMLElement>('main[tabindex="-1"]')?.focus();
    const unfocused = focusable.map(look);
    for (const [index, element] of focusable.entries()) {
      const before = unfocused[index]!;
      element.focus({ preventScroll: false });
      if (document.activeElement !== element) {
        problems.push(`${describe(element)} cannot take focus`);
        continue;
      }
      if (!element.matches(":focus-visible")) {
        problems.push(`${describe(element)} does not show keyboard focus (:focus-visible)`);
      }
      const after = look(element);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (key) => after[key] !== before[key] && seen(after[key]),
      );
      if (changed.length === 0)
        problems.push(`${describe(element)} looks the same focused and unfocused`);
      // The element's own text and the text of every element inside it.
      const texts = [element, ...element.querySelectorAll("*")].filter((node) =>
        [...node.childNodes].some(
          (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== "",
        ),
      );
      for (const node of texts) {
        if (node.getClientRects().length === 0) continue;
        const style = getComputedStyle(node);
        // Visually hidden text (clipped to 1px) is not seen, so has no contrast to keep.
        if (style.clipPath === "inset(50%)" || (node as HTMLElement).offsetWidth <= 1) continue;
        const background = backgroundOf(node);
        const foreground = over(parse(style.color), background);
        const ratio = contrast(foreground, background);
        if (ratio < 4.5)
          problems.push(
            `${describe(element)} focused: text ${style.color} on rgb(${background
              .map(Math.round)
              .join(", ")}) is ${ratio.toFixed(2)}:1`,
          );
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return { problems, focused: focusable.length };
  });
}

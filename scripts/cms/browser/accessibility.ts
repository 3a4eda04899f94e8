/**
 * Names and landmarks Decap CMS leaves out, added as it renders: the editor's interface is used
 * with screen readers and keyboards too (WCAG 2.2: 1.3.1, 2.4.1, 4.1.2).
 * - The page's main landmark is #nc-root, except where Decap draws a main of its own; the page's
 *   own heading and banner give way to Decap's once it draws its header (after signing in).
 * - A list item's icon buttons (show or hide, move, remove) get names.
 * - The loading bar Decap draws at the top of the page (a canvas) is hidden from screen readers,
 *   which announce the loading otherwise.
 */
const listItemButtons: [selector: string, name: string][] = [
  ['[class*="-TopBar"] > button:first-child', "Show or hide this item"],
  [
    '[class*="-TopBar"] > [aria-roledescription="sortable"]',
    "Move this item: press Space, then the arrow keys",
  ],
  ['[class*="-TopBar"] > button:last-child', "Remove this item"],
];

function describe(root: HTMLElement, banner: HTMLElement | null): void {
  const hasOwnMain = root.querySelector("main, [role=main]") !== null;
  if (hasOwnMain) root.removeAttribute("role");
  else if (root.getAttribute("role") !== "main") root.setAttribute("role", "main");
  if (banner) banner.hidden = root.querySelector("header") !== null;
  for (const [selector, name] of listItemButtons)
    for (const element of root.querySelectorAll(`${selector}:not([aria-label])`))
      element.setAttribute("aria-label", name);
}

export function addMissingNames(): void {
  const root = document.getElementById("nc-root");
  if (!root) return;
  const banner = document.querySelector<HTMLElement>(".charterbook-admin-header");
  describe(root, banner);
  // Attribute changes of its own are not watched, so the observer never wakes itself.
  new MutationObserver(() => describe(root, banner)).observe(root, {
    childList: true,
    subtree: true,
  });
  new MutationObserver(() => {
    for (const canvas of document.querySelectorAll("body > canvas:not([aria-hidden])"))
      canvas.setAttribute("aria-hidden", "true");
  }).observe(document.body, { childList: true });
}

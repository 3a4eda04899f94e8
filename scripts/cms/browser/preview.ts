/**
 * The preview pane: the site's own style sheet, so an entry is previewed in the site's type,
 * colours and spacing.
 */
import type { CreateElement, DecapCms } from "./decap.ts";

export function registerPreviews(cms: DecapCms, _h: CreateElement): void {
  cms.registerPreviewStyle(new URL("../assets/css/site.css", location.href).href);
}

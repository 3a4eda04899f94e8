import type { UserConfig } from "@11ty/eleventy";
import { addAssets } from "./assets.ts";
import { addCollections } from "./collections.ts";
import { addFilters } from "./filters.ts";
import { lockDownRendering } from "./lock-down-rendering.ts";
import { addPageTypes } from "./page-types.ts";
import { addSiteData } from "./site-data.ts";
import { addVirtualPages } from "./virtual-pages.ts";

/** The Charterbook site as one Eleventy plugin: each part is a module named after what it does. */
export default function charterbookSite(config: UserConfig): void {
  lockDownRendering(config);
  addSiteData(config);
  addPageTypes(config);
  addCollections(config);
  addFilters(config);
  addAssets(config);
  addVirtualPages(config);
}

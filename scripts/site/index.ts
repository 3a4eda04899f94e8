import type { UserConfig } from "@11ty/eleventy";
import { addAdminSite } from "../cms/admin-site.ts";
import { addAssets } from "./assets.ts";
import { addBrowserScripts } from "./browser-scripts.ts";
import { addContentPages } from "./content-pages.ts";
import { addFilters } from "./filters.ts";
import { addFormFilters } from "./form-filters.ts";
import { addFormPages } from "./form-pages.ts";
import { lockDownRendering } from "./lock-down-rendering.ts";
import { addPolicyData } from "./site-data.ts";
import { addChangesFeed } from "./changes-feed.ts";
import { addVersionPages } from "./version-pages.ts";
import { addHeadersFile } from "./virtual-pages.ts";

/** The Charterbook site as one Eleventy plugin: each part is a module named after what it does. */
export default function charterbookSite(config: UserConfig): void {
  lockDownRendering(config);
  addPolicyData(config);
  addContentPages(config);
  addVersionPages(config);
  addChangesFeed(config);
  addFilters(config);
  addAssets(config);
  addHeadersFile(config);
  addFormFilters(config);
  addFormPages(config);
  addBrowserScripts(config);
  addAdminSite(config);
}

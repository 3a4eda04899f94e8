import type { UserConfig } from "@11ty/eleventy";
import { addAdminSite } from "../cms/admin-site.ts";
import { addAssets } from "./assets.ts";
import { addContentPages } from "./content-pages.ts";
import { addFilters } from "./filters.ts";
import { lockDownRendering } from "./lock-down-rendering.ts";
import { addPolicyData } from "./site-data.ts";
import { addHeadersFile } from "./virtual-pages.ts";

/** The Charterbook site as one Eleventy plugin: each part is a module named after what it does. */
export default function charterbookSite(config: UserConfig): void {
  lockDownRendering(config);
  addPolicyData(config);
  addContentPages(config);
  addFilters(config);
  addAssets(config);
  addHeadersFile(config);
  addAdminSite(config);
}

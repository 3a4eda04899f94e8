import type { UserConfig } from "@11ty/eleventy";
import type { CharterVersion, SiteModel } from "../model/site-model.ts";
import { metaContentSecurityPolicy } from "./content-security-policy.ts";

/** Hands the site model to the layouts: asked for on every build, so the preview sees each new one. */
export type ModelSource = () => SiteModel;

/**
 * Global data: `charterbook` (the site model) and `site` (its settings). The runner supplies the
 * model (scripts/site/run-eleventy.ts); it is the only data the layouts see, and no data file or
 * content file is read by Eleventy.
 */
export function addSiteModel(
  config: UserConfig,
  model: ModelSource,
  only?: ReadonlySet<string>,
): void {
  config.addGlobalData("charterbook", () => model());
  config.addGlobalData("site", () => model().site);
  // The documents that get a page in this run: all of them, or those the preview asks for.
  config.addGlobalData("charterbookPages", () => {
    const pages = model().pages;
    if (!only) return pages;
    return Object.fromEntries(
      Object.entries(pages).map(([type, documents]) => [
        type,
        documents.filter((document) => only.has(document.url)),
      ]),
    );
  });
  // The versions that get a page in this run: all of them, or those of a community whose
  // charter, ground rules or own page the preview asks for (a version's page is made from them).
  config.addGlobalData("charterbookVersions", () => {
    const { versions, versionsWithChanges } = model();
    if (!only) return { all: versions, withChanges: versionsWithChanges };
    const asked = (version: CharterVersion) => {
      const community = version.community;
      return [community.url, community.charter?.url, community.groundRules?.url].some(
        (url) => url !== undefined && only.has(url),
      );
    };
    return { all: versions.filter(asked), withChanges: versionsWithChanges.filter(asked) };
  });
  // The build's date in the site's time zone (CHARTERBOOK_TODAY fixes it): a charter whose
  // review_by is before it is shown as overdue for review, as npm run check reports it.
  config.addGlobalData("today", () => model().today);
}

/** The Content-Security-Policy every page carries in a meta tag. */
export function addPolicyData(config: UserConfig): void {
  config.addGlobalData("contentSecurityPolicy", metaContentSecurityPolicy);
}

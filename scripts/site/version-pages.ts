import type { UserConfig } from "@11ty/eleventy";
import type { CharterVersion } from "../model/site-model.ts";

interface VersionPageData {
  version: CharterVersion;
}

/** How a version's page names it after the document's title: "proposed version 0.5", "version 0.4". */
export const versionLabel = (version: CharterVersion): string =>
  version.draft ? `proposed version ${version.version}` : `version ${version.version}`;

/**
 * The archive's pages, generated from the model like every content page: each published version
 * of a charter and of its ground rules at its own address, and what each version changed. The
 * page's text is `doc` (the version's CharterDocument or GroundRulesDocument) and the version
 * is `version`, so the site's shell, breadcrumbs and partials work as on any charter page.
 */
export function addVersionPages(config: UserConfig): void {
  // The model's versions are validated (digits and dots), so they are safe in a permalink.
  const common = { eleventyExcludeFromCollections: true };
  config.addTemplate("charterbook/versions/charter.njk", "", {
    ...common,
    layout: "charter-version.njk",
    pagination: { data: "charterbookVersions.all", size: 1, alias: "version" },
    permalink: "{{ version.url }}",
    eleventyComputed: {
      doc: (data: VersionPageData) => data.version.charter,
      pageHeading: (data: VersionPageData) =>
        `${data.version.charter.title}, ${versionLabel(data.version)}`,
    },
  });
  config.addTemplate("charterbook/versions/ground-rules.njk", "", {
    ...common,
    layout: "ground-rules-version.njk",
    pagination: { data: "charterbookVersions.all", size: 1, alias: "version" },
    permalink: "{{ version.groundRulesUrl }}",
    eleventyComputed: {
      doc: (data: VersionPageData) => data.version.groundRules,
      pageHeading: (data: VersionPageData) =>
        `${data.version.groundRules.title}, ${versionLabel(data.version)}`,
    },
  });
  config.addTemplate("charterbook/versions/changes.njk", "", {
    ...common,
    layout: "version-changes.njk",
    pagination: { data: "charterbookVersions.withChanges", size: 1, alias: "version" },
    permalink: "{{ version.changesUrl }}",
    eleventyComputed: {
      doc: (data: VersionPageData) => data.version.charter,
      pageHeading: (data: VersionPageData) =>
        data.version.draft
          ? `What the proposed version ${data.version.version} changes`
          : `What version ${data.version.version} changed`,
    },
  });
}

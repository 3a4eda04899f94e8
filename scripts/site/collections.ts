import type { CollectionApi, CollectionItem, UserConfig } from "@11ty/eleventy";

const ofType = (api: CollectionApi, type: string) =>
  api.getAll().filter((item) => item.data.contentType === type);

const text = (item: CollectionItem, key: string) => String(item.data[key] ?? "");

/** Collections by content type, each in the order readers meet them. */
export function addCollections(config: UserConfig): void {
  config.addCollection("communities", (api) =>
    ofType(api, "community").sort((a, b) => text(a, "name").localeCompare(text(b, "name"))),
  );
  config.addCollection("charters", (api) => ofType(api, "charter"));
  config.addCollection("groundRules", (api) => ofType(api, "ground-rules"));
  config.addCollection("chapters", (api) =>
    ofType(api, "chapter").sort((a, b) => Number(a.data.order) - Number(b.data.order)),
  );
  config.addCollection("templates", (api) =>
    ofType(api, "template").sort((a, b) => text(a, "title").localeCompare(text(b, "title"))),
  );
  config.addCollection("guidePages", (api) =>
    api
      .getAll()
      .filter((item) =>
        ["topics", "roadmap", "phases", "principles"].includes(String(item.data.contentType)),
      )
      .sort((a, b) => text(a, "title").localeCompare(text(b, "title"))),
  );
}

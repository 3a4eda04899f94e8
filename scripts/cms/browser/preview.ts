/**
 * The preview pane: the entry rendered as the site renders its page, with the site's own layout
 * (layouts/<type>.njk and its partials, precompiled into the bundle), filters and style sheet, from
 * the document the build's own model makes of it (scripts/cms/preview-document.ts). While the
 * entry has a problem, the pane lists it in the words of npm run validate instead.
 */
import nunjucks from "nunjucks/browser/nunjucks-slim.js";
import templates from "charterbook:templates";
import type { UserConfig } from "@11ty/eleventy";
import type { Problem } from "../../content/problems.ts";
import type { ContentDocument, SiteModel } from "../../model/site-model.ts";
import { addFilters } from "../../site/filters.ts";
import { addFormFilters } from "../../site/form-filters.ts";
import { approvalCollection, collectionName, isEditable, pathForNewEntry } from "../collections.ts";
import { writeEntry } from "../entry-format.ts";
import { typeOfCollection } from "../prepare-save.ts";
import { previewContext, previewDocument, previewPage } from "../preview-document.ts";
import { contentTypes } from "../../content/content-types.ts";
import { readBaseFile, readFolder } from "./backend.ts";
import type { CreateElement, DecapCms, ImmutableMap, PreviewProps } from "./decap.ts";

const environment = new nunjucks.Environment(new nunjucks.PrecompiledLoader(templates), {
  autoescape: true,
  throwOnUndefined: false,
});
// The site's filters, registered on this environment as Eleventy registers them on its own.
const asEleventy = {
  addFilter: (name: string, filter: (...args: never[]) => unknown) =>
    environment.addFilter(name, filter),
  amendLibrary: (_language: string, amend: (library: unknown) => unknown) => amend(environment),
} as unknown as UserConfig;
addFilters(asEleventy);
addFormFilters(asEleventy);

/** The page's content, as its layout renders it on the site. */
function renderPage(model: SiteModel, document: ContentDocument): string {
  const { layout, data } = previewPage(document);
  return environment.render(layout, {
    doc: document,
    charterbook: model,
    site: model.site,
    today: model.today,
    page: { url: document.url },
    ...data,
  });
}

type Context = Map<string, string>;
const contexts = new Map<string, Promise<Context>>();

/** The other files an entry's page is made with, read once per entry. */
function contextFor(collection: string, path: string): Promise<Context> {
  const key = `${collection} ${path}`;
  let context = contexts.get(key);
  if (!context) {
    const { files, folders } = previewContext(typeOfCollection(collection), path);
    context = (async () => {
      const found = new Map<string, string>();
      await Promise.all([
        ...files.map(async (file) => {
          const text = await readBaseFile(file);
          if (text !== undefined) found.set(file, text);
        }),
        ...folders.map(async ({ folder, depth }) => {
          for (const entry of await readFolder(folder, depth))
            found.set(entry.file.path, entry.data);
        }),
      ]);
      return found;
    })();
    context.catch(() => contexts.delete(key));
    contexts.set(key, context);
  }
  return context;
}

function problemList(h: CreateElement, problems: readonly Problem[]) {
  return h(
    "div",
    { className: "wrap page" },
    h(
      "main",
      { className: "page__main" },
      h("h1", null, "The preview shows the page once this is fixed"),
      h(
        "ul",
        null,
        ...problems.map((p, i) =>
          h(
            "li",
            { key: i },
            `${p.field ? `${p.field}: ` : ""}${p.message}${p.hint ? ` ${p.hint}` : ""}`,
          ),
        ),
      ),
    ),
  );
}

export function registerPreviews(
  cms: DecapCms,
  h: CreateElement,
  createClass: NonNullable<Window["createClass"]>,
): void {
  const Preview = createClass({
    getInitialState() {
      return { context: undefined, failed: undefined };
    },
    componentDidMount(this: PreviewComponent) {
      this.load();
      this.describeFrame();
    },
    componentDidUpdate(this: PreviewComponent) {
      this.describeFrame();
    },
    where(this: PreviewComponent) {
      const collection = String(this.props.collection.get("name"));
      const path =
        String(this.props.entry.get("path") ?? "") || pathForNewEntry(typeOfCollection(collection));
      return { collection, path };
    },
    load(this: PreviewComponent) {
      const { collection, path } = this.where();
      contextFor(collection, path).then(
        (context) => this.setState({ context }),
        (error: unknown) => this.setState({ failed: String((error as Error).message ?? error) }),
      );
    },
    /** The frame is a document of its own: it is named, and in the site's language. */
    describeFrame(this: PreviewComponent) {
      const { document, window } = this.props;
      document.documentElement.lang = this.language ?? "en";
      document.title = "Preview of the page";
      window.frameElement?.setAttribute("title", "Preview of the page");
    },
    render(this: PreviewComponent) {
      if (this.state.failed)
        return h("p", null, `The preview could not read the site's files: ${this.state.failed}`);
      if (!this.state.context) return h("p", null, "Preparing the preview…");
      const { collection, path } = this.where();
      const type = typeOfCollection(collection);
      let result: ReturnType<typeof previewDocument>;
      try {
        const text = writeEntry((this.props.entry.get("data") as ImmutableMap).toJS(), type.format);
        result = previewDocument(path, text, this.state.context);
      } catch (error) {
        return h("p", null, `The preview could not be shown: ${(error as Error).message}`);
      }
      if ("problems" in result) return problemList(h, result.problems);
      this.language = result.model.site.locale;
      return h(
        "div",
        { className: "wrap page" },
        h("main", {
          className: "page__main",
          // The site's own layout and Markdown renderer made this HTML, escaping what content says.
          dangerouslySetInnerHTML: { __html: renderPage(result.model, result.document) },
        }),
      );
    },
  });
  for (const type of contentTypes)
    if (type.name !== "site" && isEditable(type))
      cms.registerPreviewTemplate(collectionName(type.name), Preview);
  cms.registerPreviewTemplate(approvalCollection, Preview);
  cms.registerPreviewStyle(new URL("../assets/css/site.css", location.href).href);
}

interface PreviewComponent {
  props: PreviewProps;
  state: { context?: Context; failed?: string };
  language?: string;
  setState(state: Partial<PreviewComponent["state"]>): void;
  load(): void;
  describeFrame(): void;
  where(): { collection: string; path: string };
}

/** The content editor's precompiled page layouts, a virtual module of its bundle (scripts/cms/admin-bundle.ts). */
declare module "charterbook:templates" {
  const templates: Record<string, unknown>;
  export default templates;
}

/** Nunjucks' browser runtime for precompiled templates: the part the editor's preview uses. */
declare module "nunjucks/browser/nunjucks-slim.js" {
  export class PrecompiledLoader {
    constructor(templates: Record<string, unknown>);
  }
  export class Environment {
    constructor(
      loader: PrecompiledLoader,
      options?: { autoescape?: boolean; throwOnUndefined?: boolean },
    );
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    render(name: string, context: Record<string, unknown>): string;
  }
  const nunjucks: { Environment: typeof Environment; PrecompiledLoader: typeof PrecompiledLoader };
  export default nunjucks;
}

/** Nunjucks in Node: the content editor's bundle precompiles the site's layouts with it. */
declare module "nunjucks" {
  const nunjucks: { precompileString(source: string, options: { name: string }): string };
  export default nunjucks;
}

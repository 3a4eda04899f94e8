// Eleventy 3 ships JSDoc, not TypeScript declarations. These cover the part of its API Charterbook uses.
declare module "@11ty/eleventy" {
  export interface EleventyPage {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    fileSlug: string;
    filePathStem: string;
    date: Date;
  }

  export interface CollectionItem {
    data: Record<string, unknown> & { page: EleventyPage };
    url: string;
    inputPath: string;
    fileSlug: string;
    filePathStem: string;
    page: EleventyPage;
    content?: string;
  }

  export interface CollectionApi {
    getAll(): CollectionItem[];
    getFilteredByGlob(glob: string | string[]): CollectionItem[];
    getFilteredByTag(tag: string): CollectionItem[];
  }

  export interface UserConfig {
    dir: { input: string; output: string; includes: string; layouts?: string; data: string };
    addPlugin<T>(
      plugin: (config: UserConfig, options: T) => void | Promise<void>,
      options?: T,
    ): void;
    addPlugin(plugin: (config: UserConfig) => void | Promise<void>): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
    addShortcode(name: string, shortcode: (...args: never[]) => unknown): void;
    addPairedShortcode(
      name: string,
      shortcode: (content: string, ...args: never[]) => unknown,
    ): void;
    addCollection(name: string, builder: (api: CollectionApi) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addDataExtension(extensions: string, options: { parser: (text: string) => unknown }): void;
    /** Runs before a template renders; may change its data, or return false to skip it. */
    addPreprocessor(
      name: string,
      extensions: string,
      callback: (
        this: { inputPath: string },
        data: Record<string, unknown>,
        content: string,
      ) => unknown,
    ): void;
    setIncludesDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
    /** The project's folders as Eleventy resolved them, relative to the working directory. */
    readonly directories: { input: string; output: string; includes: string; data: string };
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    addTransform(
      name: string,
      transform: (this: { page: EleventyPage }, content: string) => unknown,
    ): void;
    setLibrary(name: "md" | "njk", library: unknown): void;
    amendLibrary(name: "md" | "njk", amend: (library: unknown) => unknown): void;
    setFrontMatterParsingOptions(options: Record<string, unknown>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
    setWatchThrottleWaitTime(ms: number): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    ignores: { add(glob: string): void; delete(glob: string): void };
    watchIgnores: { add(glob: string): void };
    on(
      event: "eleventy.before" | "eleventy.after",
      handler: (event: Record<string, unknown>) => unknown,
    ): void;
    globalData: Record<string, unknown>;
  }

  export interface EleventyOptions {
    source?: "cli" | "script";
    runMode?: "build" | "serve" | "watch";
    /** A config file to import; false for none (the options' config callback still runs). */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  /** Prefixes the URLs in HTML output with the path prefix (bundled with Eleventy since 2.0). */
  export function HtmlBasePlugin(config: UserConfig, options?: { baseHref?: string }): void;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    stopWatch(): Promise<void>;
    setIncrementalFile(path: string): void;
    disableLogger(): void;
    init(): Promise<void>;
  }
}

/**
 * The parts of Decap CMS's browser API (window.CMS, https://decapcms.org/docs/customization/) the
 * content editor uses, typed here: the bundle talks to the prebuilt decap-cms.js through its
 * global object, not through an import.
 */

/** Decap's entries are Immutable.js maps; these are the methods the editor calls. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  clear(): ImmutableMap;
  toList(): ImmutableList;
  toJS(): Record<string, unknown>;
}

export interface ImmutableList {
  clear(): ImmutableList;
  push(...values: unknown[]): ImmutableList;
  toJS(): unknown[];
}

export interface EntryFile {
  path: string;
  slug?: string;
  raw: string;
  newPath?: string;
}

/** A file written with an entry; `sameAsEntry` takes the entry's own bytes as Decap writes them. */
export interface CompanionEntryFile extends EntryFile {
  sameAsEntry?: boolean;
}

/** A backend implementation (GitHub, Git Gateway, the local proxy, …): the calls the editor wraps. */
export interface BackendImplementation {
  entriesByFolder(folder: string, extension: string, depth: number): Promise<ImplementationEntry[]>;
  allEntriesByFolder?(
    folder: string,
    extension: string,
    depth: number,
    pathRegex?: RegExp,
  ): Promise<ImplementationEntry[]>;
  getEntry(
    path: string,
  ): Promise<{ data: string | null; file: { path: string; id?: string | null } }>;
  persistEntry(
    entry: { dataFiles: EntryFile[]; assets: unknown[] },
    options: Record<string, unknown>,
  ): Promise<unknown>;
  unpublishedEntry?(args: {
    id?: string;
    collection?: string;
    slug?: string;
  }): Promise<{ diffs: { path: string }[] } & Record<string, unknown>>;
}

export interface ImplementationEntry {
  data: string;
  file: { path: string; label?: string; id?: string | null };
}

export interface FileFormatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

export interface PreviewProps {
  entry: ImmutableMap;
  collection: ImmutableMap;
  document: Document;
  window: Window;
}

export type ReactElement = unknown;
export type CreateElement = (
  type: unknown,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => ReactElement;

/** A form widget's props, as Decap passes them to a control. */
export interface ControlProps {
  value: unknown;
  field: ImmutableMap;
  forID: string;
  classNameWrapper: string;
  onChange(value: unknown): void;
}

export interface DecapCms {
  init(options?: { config?: Record<string, unknown> }): void;
  getBackend(name: string): { init: (...args: unknown[]) => BackendImplementation } | undefined;
  registerCustomFormat(name: string, extension: string, formatter: FileFormatter): void;
  registerEventListener(listener: {
    name: "preSave" | "postSave" | "prePublish" | "postPublish";
    handler: (event: { entry: ImmutableMap; author: { login?: string; name?: string } }) => unknown;
  }): void;
  registerPreviewStyle(href: string, options?: { raw?: boolean }): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerWidget(name: string, control: unknown, preview?: unknown, schema?: unknown): void;
  registerLocale(locale: string, phrases: Record<string, unknown>): void;
  getLocale(locale: string): Record<string, unknown> | undefined;
}

declare global {
  interface Window {
    CMS?: DecapCms;
    CMS_MANUAL_INIT?: boolean;
    h?: CreateElement;
    createClass?: (spec: Record<string, unknown>) => unknown;
  }
}

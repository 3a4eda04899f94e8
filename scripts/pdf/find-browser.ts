import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { CharterbookError } from "../cli/errors.ts";

/** No Chrome or Chromium was found: the message says how to install one or point to it. */
export class BrowserNotFoundError extends CharterbookError {
  override name = "BrowserNotFoundError";
  constructor(message: string, options: { cause?: unknown; code?: "browser-failed" } = {}) {
    super(options.code ?? "browser-not-found", message, options);
  }
}

/** A browser was found but would not start: for the person building, as good as no browser. */
export class BrowserLaunchError extends BrowserNotFoundError {
  override name = "BrowserLaunchError";
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: "browser-failed" });
  }
}

export interface FindBrowserOptions {
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** @default process.platform */
  platform?: NodeJS.Platform;
  /** @default os.homedir() */
  home?: string;
  /** @default existsSync */
  exists?: (file: string) => boolean;
}

/** Where Chrome and Chromium install themselves, most likely first. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  switch (platform) {
    case "darwin":
      return [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      ];
    case "win32": {
      const roots = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]].filter(
        (root): root is string => Boolean(root),
      );
      return roots.flatMap((root) => [
        path.win32.join(root, "Google", "Chrome", "Application", "chrome.exe"),
        path.win32.join(root, "Chromium", "Application", "chrome.exe"),
        path.win32.join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
      ]);
    }
    default:
      return [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/opt/google/chrome/chrome",
        "/usr/bin/microsoft-edge",
      ];
  }
}

/** Chrome downloaded by `npx puppeteer browsers install chrome`, newest version first. */
function puppeteerCacheBrowsers(home: string, platform: NodeJS.Platform): string[] {
  const cache = path.join(home, ".cache", "puppeteer");
  const executables: Record<string, string[]> = {
    chrome: {
      darwin: ["chrome-mac-arm64", "chrome-mac-x64"].flatMap((dir) => [
        `${dir}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
      ]),
      win32: ["chrome-win64/chrome.exe", "chrome-win32/chrome.exe"],
    }[platform as "darwin" | "win32"] ?? ["chrome-linux64/chrome"],
    chromium: {
      darwin: ["chrome-mac/Chromium.app/Contents/MacOS/Chromium"],
      win32: ["chrome-win/chrome.exe"],
    }[platform as "darwin" | "win32"] ?? ["chrome-linux/chrome"],
  };
  const found: string[] = [];
  for (const [product, relatives] of Object.entries(executables)) {
    const dir = path.join(cache, product);
    let versions: string[];
    try {
      versions = readdirSync(dir).sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
    } catch {
      continue; // No cache for this product: nothing was downloaded.
    }
    for (const version of versions) {
      for (const relative of relatives) found.push(path.join(dir, version, relative));
    }
  }
  return found;
}

export const installHint = [
  "The PDFs are printed with Chrome or Chromium, and none was found.",
  "Install one, then build again:",
  "  Debian or Ubuntu:  sudo apt-get install chromium",
  "  macOS:             brew install --cask chromium  (or install Google Chrome)",
  "  Windows:           install Google Chrome from https://www.google.com/chrome/",
  "  Any system:        npx puppeteer browsers install chrome",
  "Or set PUPPETEER_EXECUTABLE_PATH to the browser's executable.",
].join("\n");

/**
 * Finds a Chrome or Chromium to print with, in this order: PUPPETEER_EXECUTABLE_PATH, the usual
 * install paths of the system, Puppeteer's own download cache (~/.cache/puppeteer).
 * Throws BrowserNotFoundError with install instructions when there is none.
 */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const configured = env["PUPPETEER_EXECUTABLE_PATH"];
  if (configured) {
    if (exists(configured)) return configured;
    throw new BrowserNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH is set to ${configured}, but there is no file there.\n` +
        "Point it at Chrome or Chromium's executable, or unset it to use the browser installed on the system.",
    );
  }
  const candidates = [
    ...systemBrowserPaths(platform, env),
    ...puppeteerCacheBrowsers(options.home ?? os.homedir(), platform),
  ];
  const found = candidates.find((candidate) => exists(candidate));
  if (found) return found;
  throw new BrowserNotFoundError(installHint);
}

/** Chrome's flags for printing: nothing runs in the background or phones home while it prints. */
export function browserArgs(isRoot: boolean): string[] {
  return [
    // Chrome's sandbox cannot start as root (CI containers); everywhere else it stays on.
    ...(isRoot ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--font-render-hinting=none",
  ];
}

/** Starts the browser found by findBrowser, headless. */
export async function launchBrowser(executablePath: string = findBrowser()): Promise<Browser> {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      args: browserArgs(isRoot),
      // Over a pipe, Chrome exits when the process that launched it dies, even by SIGKILL, so a
      // killed build never leaves a browser running.
      pipe: true,
      // The command's own signal handling closes the browser and cleans up before exiting.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    const reason = (error as Error).message.split("\n").find((line) => line.trim()) ?? "";
    throw new BrowserLaunchError(
      `The browser at ${executablePath} did not start (${reason.trim()}).\n` +
        `Check that it runs on its own (${executablePath} --headless --version), or set ` +
        "PUPPETEER_EXECUTABLE_PATH to another Chrome or Chromium.",
      { cause: error },
    );
  }
}

import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";

/** The Chromium the tests drive: CHROME_PATH, or the usual system locations. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install it (apt-get install chromium) or set CHROME_PATH.",
    );
  }
  return found;
}

/** Launches headless Chromium with the sandbox, except as root where Chromium refuses to start with it. */
export async function launchChromium(): Promise<Browser> {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...(isRoot ? ["--no-sandbox"] : []),
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

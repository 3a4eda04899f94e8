import { describe, expect, it } from "vitest";
import {
  BrowserNotFoundError,
  browserArgs,
  findBrowser,
  installHint,
} from "../../scripts/pdf/find-browser.ts";

const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file);

describe("findBrowser", () => {
  it("prefers PUPPETEER_EXECUTABLE_PATH over the system's browsers", () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: "/opt/chrome/chrome" };
    expect(
      findBrowser({
        env,
        platform: "linux",
        exists: only("/opt/chrome/chrome", "/usr/bin/chromium"),
      }),
    ).toBe("/opt/chrome/chrome");
  });

  it("says so when PUPPETEER_EXECUTABLE_PATH points at nothing, rather than using another browser", () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: "/opt/chrome/chrome" };
    expect(() =>
      findBrowser({ env, platform: "linux", exists: only("/usr/bin/chromium") }),
    ).toThrow(
      "PUPPETEER_EXECUTABLE_PATH is set to /opt/chrome/chrome, but there is no file there.",
    );
  });

  it("finds Chromium on Linux, Chrome on macOS and on Windows", () => {
    expect(findBrowser({ env: {}, platform: "linux", exists: only("/usr/bin/chromium") })).toBe(
      "/usr/bin/chromium",
    );
    const mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findBrowser({ env: {}, platform: "darwin", exists: only(mac) })).toBe(mac);
    const windows = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
    expect(
      findBrowser({
        env: { PROGRAMFILES: "C:\\Program Files" },
        platform: "win32",
        exists: only(windows),
      }),
    ).toBe(windows);
  });

  it("throws the install instructions when there is no browser anywhere", () => {
    let error: unknown;
    try {
      findBrowser({ env: {}, platform: "linux", home: "/nonexistent-home", exists: () => false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toBe(installHint);
    expect(installHint).toContain("sudo apt-get install chromium");
    expect(installHint).toContain("brew install --cask chromium");
    expect(installHint).toContain("Or set PUPPETEER_EXECUTABLE_PATH");
  });
});

describe("browserArgs", () => {
  it("turns Chrome's sandbox off only for root", () => {
    expect(browserArgs(true)).toContain("--no-sandbox");
    expect(browserArgs(false)).not.toContain("--no-sandbox");
    expect(browserArgs(false)).toEqual(
      expect.arrayContaining(["--disable-background-networking", "--disable-sync"]),
    );
  });
});

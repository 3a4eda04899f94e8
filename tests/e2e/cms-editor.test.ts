import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminContentSecurityPolicy,
  adminPageHtml,
  adminSettings,
  writeAdminFiles,
} from "../../scripts/cms/admin-site.ts";
import { readEntry } from "../../scripts/cms/entry-format.ts";
import { chromiumPath } from "./helpers/browser.ts";
import { serveSite, type StaticServer } from "./helpers/static-server.ts";

/**
 * The content editor as an editor meets it: `npm run edit` on a copy of the repository (a real git
 * repository in a temporary folder), driven in real Chromium through Decap CMS's own interface.
 */
const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/** The project's commands run as npm run runs them: one Node process with tsx's loader. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const charterFile = "content/communities/north-east/charter.md";
const communityFile = "content/communities/north-east/index.md";
const groundRulesFile = "content/communities/north-east/ground-rules.md";
const exampleFile = "content/examples/riverside-self-assessment.md";

let work: string;
let child: ChildProcessWithoutNullStreams;
let output = "";
let url: string;
let browser: Browser;
let page: Page;
/** The published editor's sites (written by its tests), served under a name that is not this computer's. */
let publishedRoot: string;
let publishedServer: StaticServer;
let publishedOrigin: string;

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (...args: string[]) => run("git", args, { cwd: work, env: gitEnv });
const read = (file: string) => readFile(path.join(work, file), "utf8");

/** Runs one of the project's commands in the copy, as npm run does. */
async function command(name: string, args: string[], cwd = work) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", tsxLoader, path.join(projectRoot, "scripts", `${name}.ts`), ...args],
      {
        cwd,
        env: { ...process.env, CHARTERBOOK_TODAY: "" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}.\nnpm run edit said:\n${output}`);
}

/** axe-core's WCAG 2.2 AA rules and best practices, on a page or on the preview's frame. */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  // Decap fades its views in: a half-faded text fails contrast. Wait for the page to be still, as
  // a member would see it, however busy the machine is.
  await target.waitForFunction(
    () => document.getAnimations().every((animation) => animation.playState !== "running"),
    { timeout: 20_000 },
  );
  await target.evaluate(await axeSource);
  return target.evaluate(async () => {
    type Run = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(options: object): Promise<Run> } }).axe;
    const result = await axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
  });
}

/**
 * The file once a save has written it: changed (or there, for a new file), not empty, and the
 * same on two reads in a row, since the local backend truncates a file before writing it and a
 * read can fall in between (on a busy machine, both reads of a pair can).
 */
async function savedFile(file: string, before = ""): Promise<string> {
  const readNow = () => read(file).catch(() => "");
  let text = before;
  await waitFor(`the save of ${file}`, async () => {
    const first = await readNow();
    if (first === before || first === "") return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await readNow();
    return text === first;
  });
  return text;
}

/** Clicks the button or link whose text is exactly `text`. */
async function click(text: string) {
  const handle = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll<HTMLElement>("button, a, [role=button], [role=menuitem]")].find(
        (element) => element.textContent?.trim() === wanted && element.offsetParent !== null,
      ),
    { timeout: 15_000 },
    text,
  );
  await (handle as unknown as { click(): Promise<void> }).click();
}

/** The form field a label names (Decap ties each label to its input, adding "(optional)"). */
async function field(label: string) {
  const id = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll("label[for]")]
        .find(
          (element) =>
            element.textContent
              ?.trim()
              .replace(/\s*\(optional\)$/i, "")
              .toLowerCase() === wanted.toLowerCase(),
        )
        ?.getAttribute("for"),
    { timeout: 15_000 },
    label,
  );
  const handle = await page.$(`[id="${String(await id.jsonValue())}"]`);
  if (!handle) throw new Error(`No field labelled ${label}.`);
  return handle;
}

/** The text box or input (of those `selector` finds) that holds `value`. */
async function elementWithValue(selector: string, value: string) {
  const handle = await page.evaluateHandle(
    (tag, wanted) =>
      [...document.querySelectorAll<HTMLInputElement>(tag)].find(
        (element) => element.value === wanted,
      ),
    selector,
    value,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No ${selector} holds "${value}".`);
  return element as ElementHandle<Element>;
}

async function typeInto(label: string, text: string) {
  const input = await field(label);
  await input.click();
  await input.type(text);
}

/** Opens an entry in a freshly loaded editor (still signed in: Decap keeps the session). */
async function openEntry(collection: string, slug: string, waitForText: string) {
  await page.goto("about:blank");
  await page.goto(`${url}/admin/#/collections/${collection}/entries/${slug}`, {
    waitUntil: "networkidle0",
  });
  await page.waitForFunction(
    (text) => document.body.innerText.includes(text),
    { timeout: 20_000 },
    waitForText,
  );
}

/** The preview pane's frame, once it shows the page. */
async function previewFrame(heading: string): Promise<Frame> {
  let frame: Frame | undefined;
  await waitFor("the preview to show the page", async () => {
    for (const candidate of page.frames()) {
      const text = await candidate
        .evaluate(() => document.querySelector("h1")?.textContent ?? "")
        .catch(() => "");
      if (text === heading) frame = candidate;
    }
    return frame !== undefined;
  });
  return frame!;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "charterbook-cms-"));
  await cp(path.join(projectRoot, "content"), path.join(work, "content"), { recursive: true });
  await git("init", "-q", "-b", "main");
  await git("config", "user.name", "Charterbook tests");
  await git("config", "user.email", "tests@example.org");
  await git("config", "commit.gpgsign", "false");
  await git("add", "-A");
  await git("commit", "-q", "-m", "The content as it is");
  // One process, so that ending it (even with SIGKILL, after a failure) ends the editor's server.
  child = spawn(
    process.execPath,
    ["--import", tsxLoader, path.join(projectRoot, "scripts/edit.ts"), "--port", "0"],
    {
      cwd: work,
      env: { ...process.env, CHARTERBOOK_CMS_REPO: "", GITHUB_REPOSITORY: "" },
    },
  );
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    "npm run edit to start",
    () => /Content editor at (\S+)\/admin\//.test(output),
    60_000,
  );
  url = /Content editor at (\S+)\/admin\//.exec(output)![1]!;
  publishedRoot = await mkdtemp(path.join(os.tmpdir(), "charterbook-cms-published-"));
  publishedServer = await serveSite(publishedRoot);
  // A name other than this computer's, as a real site has; Decap needs a secure origin (HTTPS).
  publishedOrigin = publishedServer.origin.replace("127.0.0.1", "site.test");
  // One browser for the editor of npm run edit and the published one.
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      "--disable-gpu",
      "--host-resolver-rules=MAP site.test 127.0.0.1",
      `--unsafely-treat-insecure-origin-as-secure=${publishedOrigin}`,
    ],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  // tsx and vitest compile functions keeping their names (an __name helper the page lacks).
  await page.evaluateOnNewDocument("globalThis.__name = (fn) => fn;");
  // Leaving a form with unsaved changes asks first; the tests leave the ones they refused.
  page.on("dialog", (dialog) => void dialog.accept());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await publishedServer?.close();
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await rm(work, { recursive: true, force: true });
  if (publishedRoot) await rm(publishedRoot, { recursive: true, force: true });
});

describe("npm run edit", () => {
  it("serves the editor on 127.0.0.1 with its own Content-Security-Policy, every script from itself", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const html = await (await fetch(`${url}/admin/`)).text();
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicy({ local: true })}">`,
    );
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])).toEqual([
      '<script src="charterbook-cms.js">',
      '<script src="decap-cms.js">',
    ]);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    // The local backend answers only the editor's own page.
    const elsewhere = await fetch(`${url}/api/v1`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://example.org" },
      body: JSON.stringify({ action: "info" }),
    });
    expect(elsewhere.status).toBe(403);
  });

  it("opens on its sign-in page with no axe violation and no refused request", async () => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${url}/admin/`, { waitUntil: "networkidle0" });
    await page.waitForFunction(() => document.body.innerText.includes("Login"), {
      timeout: 20_000,
    });
    expect(await axeViolations(page)).toEqual([]);
    await click("Login");
    await page.waitForFunction(() => document.body.innerText.includes("Charters"), {
      timeout: 20_000,
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(refused).toEqual([]);
  }, 60_000);

  it("previews a charter with the site's own layout and styles, with no axe violation", async () => {
    await openEntry("charter", "north-east/charter.md", "YOUR ROLE");
    const charter = readEntry(await read(charterFile), "markdown");
    // The charter awaits approval: its text is published on the proposal's own page.
    const preview = await previewFrame(
      `${String(charter.title)}, proposed version ${String(charter.version)}`,
    );
    expect(
      await preview.evaluate(() => ({
        styles: [...document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")].map(
          (link) => new URL(link.href).pathname,
        ),
        font: getComputedStyle(document.body).fontFamily,
        history: document.querySelector("table.version-history caption")?.textContent,
        language: document.documentElement.lang,
      })),
    ).toEqual({
      styles: ["/assets/css/site.css"],
      font: expect.stringContaining("Atkinson Hyperlegible Next") as unknown as string,
      history: "Every version of the charter, oldest first",
      language: "en-GB",
    });
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(preview)).toEqual([]);
  }, 60_000);

  it("previews a completed example in its template's form, and saves an answer edited in its YAML, with no axe violation", async () => {
    const before = await read(exampleFile);
    await openEntry("example", "riverside-self-assessment", "ANSWERS");
    const example = readEntry(before, "markdown");
    const preview = await previewFrame(example.title as string);
    // The answers are checked against the template's form in the browser, then shown in it.
    const service = String((example.answers as Record<string, unknown>)["name-of-the-service"]);
    expect(await preview.evaluate(() => document.body.innerText)).toContain(service);
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(preview)).toEqual([]);

    // The answers are one text box of YAML: one answer retyped there is one line of the file.
    const answers = await field("Answers");
    expect(await answers.evaluate((box) => box.tagName)).toBe("TEXTAREA");
    await answers.evaluate((box, text) => {
      const input = box as HTMLTextAreaElement;
      const at = input.value.indexOf(text);
      input.focus();
      input.setSelectionRange(at, at + text.length);
    }, service);
    // Typed in quotes: until the closing one the text is not YAML, and the box says so.
    const unreadable = () =>
      document
        .querySelector(".charterbook-yaml-error")
        ?.textContent?.startsWith("This is not YAML the site can read:") === true;
    await page.keyboard.type('"Riverside community team');
    await page.waitForFunction(unreadable, { timeout: 15_000 });
    await page.keyboard.type('"');
    expect(await page.evaluate(unreadable)).toBe(false);
    await click("Publish");
    await click("Publish now");
    expect(await savedFile(exampleFile, before)).toBe(
      before.replace(
        `  name-of-the-service: ${service}\n`,
        "  name-of-the-service: Riverside community team\n",
      ),
    );
    await git("checkout", "--", exampleFile);
  }, 60_000);

  it("approves the proposed version through its own form, keeping the version's copies as npm run approve does", async () => {
    const before = await read(charterFile);
    const archive = "content/communities/north-east/versions/0.2";
    const approver = "National Office of Engagement and Recovery";
    await openEntry("charter-approval", "north-east/charter.md", "APPROVED BY");
    await typeInto("Approved by", approver);
    await click("Now");
    await click("Publish");
    await click("Publish now");
    const saved = await savedFile(charterFile, before);
    const date = /approval_date: (\d{4}-\d{2}-\d{2})\n {4}reason: Meeting/.exec(saved)?.[1];
    expect(saved).toBe(
      before
        .replace("status: draft", "status: approved")
        .replace(
          `    approver: ${approver}\n`,
          `    approver: ${approver}\n    approval_date: ${date}\n`,
        ),
    );
    expect(await savedFile(`${archive}/charter.md`)).toBe(saved);
    expect(await savedFile(`${archive}/ground-rules.md`)).toBe(await read(groundRulesFile));
    expect((await git("status", "--porcelain")).stdout).toBe(` M ${charterFile}\n?? ${archive}/\n`);
    // tests/governance/cms-save.test.ts has the governance check judge such an approval.
    // The approval is the base of the next change, as once its pull request is merged.
    await git("add", "-A");
    await git("commit", "-q", "-m", "Version 0.2 approved");
  }, 60_000);

  it("edits a sentence of a charter through the form and saves a new version, every other byte as it was", async () => {
    const before = await read(charterFile);
    const goal = (readEntry(before, "markdown").goals as string[])[1]!;
    await openEntry("charter", "north-east/charter.md", "YOUR ROLE");
    await typeInto("Your role", "Member support");
    await typeInto("Why you are making this change", "Goal 2 reworded after member feedback.");
    await (await elementWithValue("textarea", goal)).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Together.");
    await click("Publish");
    await click("Publish now");
    const saved = await savedFile(charterFile, before);

    // The new row as npm run revise writes it (tests/governance/cms-save.test.ts compares the two
    // byte for byte), and nothing else changed; then the project's own judgement of the save, as
    // CI gives it on a pull request.
    const reason = "Goal 2 reworded after member feedback.";
    const date =
      /revision_date: (\d{4}-\d{2}-\d{2})\n {4}approver: [^\n]+\n {4}reason: Goal 2/.exec(
        saved,
      )?.[1];
    const row = `  - version: "0.3"\n    implemented_by: Member support\n    revision_date: ${date}\n    approver: National Office of Engagement and Recovery\n    reason: ${reason}\n`;
    expect(saved).toBe(
      before
        .replace('version: "0.2"\nstatus: approved', 'version: "0.3"\nstatus: draft')
        .replace("\ngoals:\n", `\n${row}goals:\n`)
        .replace(`  - ${goal}\n`, `  - ${goal} Together.\n`),
    );
    expect((await git("status", "--porcelain")).stdout).toBe(` M ${charterFile}\n`);
    const [validated, checked] = await Promise.all([
      command("validate", []),
      command("check", ["--base", "HEAD"]),
    ]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/north-east\/charter\.md: version 0\.2 → 0\.3 \(draft\)/);
  }, 90_000);

  it("refuses to save a value the schema forbids, at the field or on save, and leaves the files as they were", async () => {
    const before = await read(communityFile);
    const charterBefore = await read(charterFile);
    await openEntry("community", "north-east/index.md", "SHORT NAME");
    // A rule the form knows (maxLength): marked at the field, and nothing is saved.
    const shortName = await field("Short name");
    const oldShortName = await shortName.evaluate((input) => (input as HTMLInputElement).value);
    await shortName.click({ clickCount: 3 });
    await shortName.type("North East Community of Practice");
    await click("Publish");
    await click("Publish now");
    await page.waitForFunction(
      // Decap shows the message in capitals (CSS); the text is as written.
      () => document.body.textContent?.includes("Short name: At most 24 characters."),
      { timeout: 15_000 },
    );
    // The preview says so too, in the words of npm run validate.
    await waitFor("the preview to list the problem", async () => {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
        if (text.includes("short_name: This is 32 characters long; at most 24 are allowed."))
          return true;
      }
      return false;
    });
    await shortName.click({ clickCount: 3 });
    await shortName.type(oldShortName);

    // A rule only the schema has (uniqueItems): two approvers with one name, refused on save.
    // Decap names each item's input after its list.
    const approvers = readEntry(before, "markdown").approvers as string[];
    await (
      await elementWithValue('input[id^="approvers-field"]', approvers[1]!)
    ).click({
      clickCount: 3,
    });
    await page.keyboard.type(approvers[0]!);
    await typeInto("Your role", "Co-chairs");
    await typeInto("Why you are making this change", "Approvers tidied.");
    await click("Publish");
    await click("Publish now");
    await page.waitForFunction(() => document.body.innerText.includes("Not saved."), {
      timeout: 15_000,
    });
    const toast = await page.evaluate(() => document.body.innerText);
    expect(toast).toContain(`${communityFile} was not saved: one field needs fixing.`);
    expect(toast).toMatch(/approvers\[1\]: /);
    expect(await read(communityFile)).toBe(before);
    expect(await read(charterFile)).toBe(charterBefore);
  }, 60_000);

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("the published editor", () => {
  /** The editor's files as a build writes them with these settings, at /<site>/admin/. */
  async function publish(site: string, env: Record<string, string>) {
    const settings = adminSettings(env);
    const admin = path.join(publishedRoot, site, "admin");
    await writeAdminFiles(admin, settings);
    await writeFile(
      path.join(admin, "index.html"),
      adminPageHtml({ siteTitle: "Test site", policy: adminContentSecurityPolicy() }),
    );
  }

  beforeAll(async () => {
    await publish("configured", {
      CHARTERBOOK_CMS_REPO: "example-org/communities",
      CHARTERBOOK_CMS_AUTH_URL: "https://cms-auth.example.org/",
    });
    await publish("unconfigured", { CHARTERBOOK_CMS_REPO: "", GITHUB_REPOSITORY: "" });
  }, 60_000);

  async function open(site: string): Promise<Page> {
    const tab = await browser.newPage();
    await tab.evaluateOnNewDocument("globalThis.__name = (fn) => fn;");
    await tab.goto(`${publishedOrigin}/${site}/admin/`, { waitUntil: "networkidle0" });
    return tab;
  }

  it("signs in with GitHub through the OAuth provider the deployment names", async () => {
    const tab = await open("configured");
    const login = await tab.waitForFunction(
      () =>
        [...document.querySelectorAll("button")].find(
          (button) => button.textContent?.trim() === "Login with GitHub",
        ),
      { timeout: 20_000 },
    );
    expect(await axeViolations(tab)).toEqual([]);
    // The sign-in opens the provider in a window of its own; this test has no network, so the
    // flow is followed up to the address it opens.
    const opened = new Promise<string>((resolve) =>
      browser.once("targetcreated", (target: { url(): string }) => resolve(target.url())),
    );
    await (login as unknown as { click(): Promise<void> }).click();
    expect(await opened).toBe(
      "https://cms-auth.example.org/auth?provider=github&site_id=site.test&scope=repo",
    );
  }, 60_000);

  it("says what is missing when the site was built without its repository", async () => {
    const tab = await open("unconfigured");
    await tab.waitForSelector(".charterbook-admin-message", { timeout: 20_000 });
    expect(await tab.$eval(".charterbook-admin-message", (p) => p.textContent)).toMatch(
      /^The content editor is not set up for this site yet: the site was built without the name of the GitHub repository/,
    );
    expect(await axeViolations(tab)).toEqual([]);
  }, 60_000);
});

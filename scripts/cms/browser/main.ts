/**
 * Charterbook's additions to Decap CMS, loaded before decap-cms.js on the admin page: they are
 * registered once Decap has loaded, then the CMS starts with the configuration the build wrote
 * (config.yml, generated from the schemas) and, on this computer, the local backend of
 * `npm run edit`.
 */
import { parse } from "yaml";
import { addMissingNames } from "./accessibility.ts";
import { wrapBackends } from "./backend.ts";
import { registerFormats } from "./formats.ts";
import { adjustMessages } from "./messages.ts";
import { registerPreviews } from "./preview.ts";
import { registerReadOnlyWidget } from "./read-only-widget.ts";
import { registerSaveHook } from "./save-hook.ts";
import { registerYamlWidget } from "./yaml-widget.ts";

// Decap starts itself as soon as it loads unless told not to: Charterbook registers first.
window.CMS_MANUAL_INIT = true;

/** Decap looks for a local backend only on this computer's own names. */
const onThisComputer = () => ["localhost", "127.0.0.1"].includes(location.hostname);

function explain(text: string): void {
  const root = document.getElementById("nc-root") ?? document.body;
  const message = document.createElement("p");
  message.className = "charterbook-admin-message";
  message.textContent = text;
  root.replaceChildren(message);
}

async function start(): Promise<void> {
  const cms = window.CMS;
  if (!cms || !window.h || !window.createClass) {
    explain(
      "The content editor could not start: decap-cms.js did not load. Reload the page; if it happens again, tell whoever publishes the site.",
    );
    return;
  }
  const response = await fetch(new URL("config.yml", location.href));
  if (!response.ok) {
    explain(
      `The content editor could not read its configuration (config.yml: ${response.status}).`,
    );
    return;
  }
  const config = parse(await response.text()) as { backend?: { name?: string; repo?: string } };
  if (!onThisComputer() && config.backend?.name === "github" && !config.backend.repo) {
    explain(
      "The content editor is not set up for this site yet: the site was built without the name of the GitHub repository that holds its content. " +
        "Whoever publishes the site sets it and a sign-in provider, as the README's section The content editor explains. " +
        "Until then, edit the files in content/ on GitHub and open a pull request.",
    );
    return;
  }
  registerFormats(cms);
  wrapBackends(cms);
  registerSaveHook(cms);
  registerReadOnlyWidget(cms, window.h, window.createClass);
  registerYamlWidget(cms, window.h, window.createClass);
  registerPreviews(cms, window.h, window.createClass);
  adjustMessages(cms);
  addMissingNames();
  cms.init({
    config: {
      ...config,
      load_config_file: false,
      // npm run edit serves Decap's local backend beside this page.
      local_backend: { url: new URL("/api/v1", location.href).href },
    },
  });
}

document.addEventListener("DOMContentLoaded", () => void start());

/**
 * Charterbook's additions to Decap CMS, loaded before decap-cms.js on the admin page: they are
 * registered once Decap has loaded, then the CMS starts with the generated configuration
 * (config.yml) and, on this computer, the local backend of `npm run edit`.
 */
import { addMissingNames } from "./accessibility.ts";
import { wrapBackends } from "./backend.ts";
import { registerFormats } from "./formats.ts";
import { adjustMessages } from "./messages.ts";
import { registerPreviews } from "./preview.ts";
import { registerReadOnlyWidget } from "./read-only-widget.ts";
import { registerSaveHook } from "./save-hook.ts";

// Decap starts itself as soon as it loads unless told not to: Charterbook registers first.
window.CMS_MANUAL_INIT = true;

function start(): void {
  const cms = window.CMS;
  if (!cms || !window.h || !window.createClass) {
    document.body.textContent =
      "The content editor could not start: decap-cms.js did not load. Reload the page; if it happens again, the site was built without it.";
    return;
  }
  registerFormats(cms);
  wrapBackends(cms);
  registerSaveHook(cms);
  registerReadOnlyWidget(cms, window.h, window.createClass);
  registerPreviews(cms, window.h, window.createClass);
  adjustMessages(cms);
  addMissingNames();
  cms.init({
    config: {
      // Decap looks for the local proxy only on localhost; npm run edit serves it beside this page.
      local_backend: { url: new URL("/api/v1", location.href).href },
    },
  });
}

document.addEventListener("DOMContentLoaded", start);

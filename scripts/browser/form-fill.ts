/**
 * The template page as a form: answers are saved in the browser's local storage as they are
 * typed (never sent anywhere), put back when the page is opened again, and can be printed,
 * cleared, or downloaded as a completed example in Markdown or as a Word document.
 * Bundled by scripts/site/browser-scripts.ts into assets/js/form-fill.js; it runs under the site's
 * Content-Security-Policy, so it sets no inline style and evaluates no code.
 */
import type { FieldValue } from "../model/answers.ts";
import type { FormExport } from "../model/form-export.ts";

type Control = HTMLInputElement | HTMLTextAreaElement;

const section = document.querySelector<HTMLElement>("[data-form-fill]");
if (section) startForm(section);

function startForm(section: HTMLElement): void {
  const form = section.querySelector<HTMLFormElement>("form.fill")!;
  const actions = section.querySelector<HTMLElement>(".form-actions")!;
  const status = section.querySelector<HTMLElement>("[role=status]")!;
  // The page's address, not just the template's name: sites published side by side on one
  // host (GitHub Pages project sites) share the browser's storage.
  const storageKey = `charterbook:answers:${window.location.pathname}`;
  const controls = () =>
    [...form.querySelectorAll<Control>("input[name], textarea[name]")].filter(
      (control) => control.type !== "button",
    );

  const read = (): Record<string, FieldValue> => {
    const values: Record<string, FieldValue> = {};
    for (const control of controls()) {
      if (control instanceof HTMLInputElement && control.type === "checkbox") {
        if (control.checked) values[control.name] = true;
      } else if (control instanceof HTMLInputElement && control.type === "radio") {
        if (control.checked) values[control.name] = control.value;
      } else if (control.value !== "") values[control.name] = control.value;
    }
    return values;
  };

  const write = (values: Record<string, FieldValue>) => {
    for (const control of controls()) {
      const value = values[control.name];
      if (control instanceof HTMLInputElement && control.type === "checkbox") {
        control.checked = value === true;
      } else if (control instanceof HTMLInputElement && control.type === "radio") {
        control.checked = value === control.value;
      } else control.value = typeof value === "string" ? value : "";
      if (control instanceof HTMLTextAreaElement) fitHeight(control);
    }
    updateSummary(values);
  };

  const updateSummary = (values: Record<string, FieldValue>) => {
    for (const cell of section.querySelectorAll<HTMLElement>("[data-summary-of]")) {
      const value = values[cell.dataset.summaryOf!];
      cell.textContent = typeof value === "string" ? value : "Not answered";
    }
  };

  const say = (message: string) => {
    // Emptied first, so the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(() => (status.textContent = message), 50);
  };

  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
    storage.getItem(storageKey);
  } catch {
    storage = undefined;
  }

  const saved = (() => {
    try {
      return JSON.parse(storage?.getItem(storageKey) ?? "{}") as Record<string, FieldValue>;
    } catch {
      return {};
    }
  })();
  write(saved);
  actions.hidden = false;
  const count = Object.keys(saved).length;
  if (!storage) {
    say(
      "This browser does not let the page save your answers: print them or download them before you leave.",
    );
  } else if (count > 0) {
    say(
      `${count} ${count === 1 ? "answer" : "answers"} you saved earlier in this browser ${count === 1 ? "is" : "are"} filled in.`,
    );
  }

  const save = () => {
    const values = read();
    updateSummary(values);
    if (!storage) return;
    try {
      if (Object.keys(values).length) storage.setItem(storageKey, JSON.stringify(values));
      else storage.removeItem(storageKey);
    } catch {
      say(
        "Your answers could not be saved: the browser's storage is full or switched off. Download them before you leave.",
      );
    }
  };
  form.addEventListener("input", (event) => {
    if (event.target instanceof HTMLTextAreaElement) fitHeight(event.target);
    save();
  });
  form.addEventListener("change", save);
  // Enter in a one-line answer would submit the form and reload the page.
  form.addEventListener("submit", (event) => event.preventDefault());

  const template = section.dataset.formFill!;
  const templateTitle = section.dataset.formTitle ?? template;
  const today = () => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  };
  const formExport = async (): Promise<FormExport> => {
    // Beside the page, so the address works under a base path too.
    const response = await fetch(
      new URL(section.dataset.formJson ?? "form.json", window.location.href),
    );
    if (!response.ok) throw new Error(`form.json answered ${response.status}`);
    return (await response.json()) as FormExport;
  };

  const run: Record<string, () => Promise<void> | void> = {
    print: () => window.print(),
    markdown: async () => {
      const { answersFromValues, exampleFileName, exampleMarkdown } = (await import(
        new URL("./form-markdown.js", import.meta.url).href
      )) as typeof import("./form-markdown.ts");
      const exported = await formExport();
      const date = today();
      const text = exampleMarkdown({
        template,
        templateTitle,
        answers: answersFromValues(exported.fields, read()),
        date,
      });
      download(
        new Blob([text], { type: "text/markdown;charset=utf-8" }),
        exampleFileName({ template, date }),
      );
      say("Your answers were downloaded as a Markdown file.");
    },
    word: async () => {
      const exported = await formExport();
      const { wordDocument } = (await import(
        new URL("./form-docx.js", import.meta.url).href
      )) as typeof import("./form-docx.ts");
      const blob = await wordDocument(exported, read(), document.documentElement.lang || "en-GB");
      download(blob, `${template}-${today()}.docx`);
      say("Your answers were downloaded as a Word document.");
    },
    clear: () => {
      if (
        !window.confirm(
          "Clear all your answers to this form from this browser? This cannot be undone.",
        )
      )
        return;
      storage?.removeItem(storageKey);
      write({});
      say("Your answers were cleared from this browser.");
    },
  };
  actions.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("[data-form-action]");
    const action = button && run[button.dataset.formAction!];
    if (!action) return;
    Promise.resolve(action()).catch((error: unknown) => {
      say(
        `That did not work: ${(error as Error).message}. Your answers are still saved in this browser.`,
      );
    });
  });
}

/** Grows a text box with what is written in it, so printed answers are not cut off. */
function fitHeight(textarea: HTMLTextAreaElement): void {
  // CSSOM, not a style attribute: the Content-Security-Policy allows it.
  textarea.style.height = "auto";
  if (textarea.value) textarea.style.height = `${textarea.scrollHeight + 4}px`;
  else textarea.style.removeProperty("height");
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The widget of a value the form cannot show a field per key for (scripts/cms/cms-fields.ts,
 * `yamlWidget`): an example's answers, a scale option that is a label or a label with a
 * description. The value is written in YAML in a text box, read back as the file will hold it
 * (the YAML 1.2 core schema the loader reads with), and checked against the schema on save.
 * Beside it, the schema's words for what it may hold (the shapes and fields the generator lists).
 */
import { parse, stringify } from "yaml";
import { yamlOptions } from "../../content/parse-yaml.ts";
import { yamlWidget, type CmsShape } from "../cms-fields.ts";
import type { ControlProps, CreateElement, DecapCms } from "./decap.ts";

const plain = (value: unknown): unknown =>
  value && typeof (value as { toJS?: unknown }).toJS === "function"
    ? (value as { toJS(): unknown }).toJS()
    : value;

/** The value as the text box shows it. */
export const yamlText = (value: unknown): string =>
  value === undefined || value === null ? "" : stringify(value, { lineWidth: 0 }).trimEnd();

/** The text box's value, or why it cannot be read. */
export function readYamlText(text: string): { value: unknown } | { error: string } {
  if (text.trim() === "") return { value: undefined };
  try {
    return { value: parse(text, { ...yamlOptions }) as unknown };
  } catch (error) {
    const reason = String((error as Error).message).split("\n")[0];
    return { error: `This is not YAML the site can read: ${reason}` };
  }
}

interface YamlControl {
  props: ControlProps;
  state: { text: string; error?: string };
  setState(state: YamlControl["state"]): void;
}

export function registerYamlWidget(
  cms: DecapCms,
  h: CreateElement,
  createClass: NonNullable<Window["createClass"]>,
): void {
  const control = createClass({
    getInitialState(this: YamlControl) {
      return { text: yamlText(plain(this.props.value)) };
    },
    // Decap asks before saving; a text that is not YAML keeps the entry from being saved.
    isValid(this: YamlControl) {
      const label = String(this.props.field.get("label") ?? this.props.field.get("name"));
      return this.state.error
        ? { error: { type: "CUSTOM", message: `${label}: ${this.state.error}` } }
        : true;
    },
    handleChange(this: YamlControl, event: { target: { value: string } }) {
      const text = event.target.value;
      const read = readYamlText(text);
      if ("error" in read) {
        this.setState({ text, error: read.error });
        return;
      }
      this.setState({ text, error: undefined });
      this.props.onChange(read.value);
    },
    render(this: YamlControl & { handleChange(event: unknown): void }) {
      const { forID, classNameWrapper, field } = this.props;
      const lines = this.state.text.split("\n").length;
      const keyHint = field.get("key_hint");
      const itemHint = field.get("item_hint");
      const shapes = (plain(field.get("shapes")) ?? []) as CmsShape[];
      return h(
        "div",
        null,
        h("textarea", {
          id: forID,
          className: `${classNameWrapper} charterbook-yaml`,
          value: this.state.text,
          rows: Math.min(Math.max(lines + 1, 2), 24),
          spellCheck: false,
          "aria-describedby": `${forID}-yaml-help`,
          onChange: this.handleChange,
        }),
        h(
          "div",
          { id: `${forID}-yaml-help`, className: "charterbook-yaml-help" },
          // While the text cannot be read, the box says why, as the editor types.
          this.state.error
            ? h("p", { className: "charterbook-yaml-error" }, this.state.error)
            : null,
          h(
            "p",
            null,
            "Written in YAML, as in the file: name: value, one per line; lines inside a group indented by two spaces; - before each item of a list.",
          ),
          typeof itemHint === "string"
            ? h("p", null, `A list: start each item with "- ". Each item: ${itemHint}`)
            : null,
          typeof keyHint === "string" ? h("p", null, `Under each name: ${keyHint}`) : null,
          shapes.length
            ? h(
                "p",
                null,
                typeof itemHint === "string" ? "Each item is one of:" : "Each value is one of:",
              )
            : null,
          shapes.length
            ? h(
                "ul",
                null,
                ...shapes.map((shape, index) =>
                  h(
                    "li",
                    { key: index },
                    shape.hint ?? "",
                    shape.fields?.length
                      ? h(
                          "ul",
                          null,
                          ...shape.fields.map((f) =>
                            h(
                              "li",
                              { key: f.name },
                              h("code", null, `${f.name}:`),
                              ` ${f.hint ?? ""}${f.required ? " (required)" : ""}`,
                            ),
                          ),
                        )
                      : null,
                  ),
                ),
              )
            : null,
        ),
      );
    },
  });
  cms.registerWidget(yamlWidget, control);
}

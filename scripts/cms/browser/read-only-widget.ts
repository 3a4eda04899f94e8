/**
 * The widget of the fields the editor writes on save (a charter's version, status and version
 * history): it shows the value, and a table for a list of rows, and cannot change it.
 */
import { readOnlyWidget } from "../governed.ts";
import type { ControlProps, CreateElement, DecapCms, ImmutableMap } from "./decap.ts";

type Row = Record<string, unknown>;

const plain = (value: unknown): unknown =>
  value && typeof (value as { toJS?: unknown }).toJS === "function"
    ? (value as { toJS(): unknown }).toJS()
    : value;

/** The columns of a list of rows: its fields' names and labels, from the configuration. */
function columnsOf(field: ImmutableMap): { name: string; label: string }[] {
  const fields = plain(field.get("fields"));
  return Array.isArray(fields)
    ? (fields as Row[]).map((f) => ({ name: String(f.name), label: String(f.label ?? f.name) }))
    : [];
}

export function registerReadOnlyWidget(
  cms: DecapCms,
  h: CreateElement,
  createClass: NonNullable<Window["createClass"]>,
): void {
  const note = "Written for you when you save.";
  const control = createClass({
    render(this: { props: ControlProps }) {
      const { value, field, forID, classNameWrapper } = this.props;
      const data = plain(value);
      const label = String(field.get("label") ?? field.get("name"));
      if (Array.isArray(data)) {
        const columns = columnsOf(field);
        const rows = data as Row[];
        return h(
          "div",
          { className: classNameWrapper },
          h(
            "output",
            { id: forID },
            `${rows.length} ${rows.length === 1 ? "row" : "rows"}. ${note}`,
          ),
          h(
            "table",
            { className: "charterbook-read-only-table" },
            h("caption", null, label),
            h(
              "thead",
              null,
              h("tr", null, ...columns.map((c) => h("th", { scope: "col", key: c.name }, c.label))),
            ),
            h(
              "tbody",
              null,
              ...rows.map((row, i) =>
                h(
                  "tr",
                  { key: i },
                  ...columns.map((c) => h("td", { key: c.name }, String(row[c.name] ?? ""))),
                ),
              ),
            ),
          ),
        );
      }
      return h(
        "div",
        { className: classNameWrapper },
        h(
          "output",
          { id: forID },
          `${data === undefined || data === "" ? "(none yet)" : String(data)}. ${note}`,
        ),
      );
    },
  });
  cms.registerWidget(readOnlyWidget, control);
}

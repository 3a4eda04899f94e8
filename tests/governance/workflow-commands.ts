/**
 * How a GitHub Actions runner reads workflow commands in a step's output, after
 * actions/runner's ActionCommandManager.TryProcessCommand: `::name props::data` at the start of a
 * line (after leading spaces), or the older `##[name props]data` anywhere in a line; after
 * `::stop-commands::TOKEN`, nothing but `::TOKEN::` is read until that token comes.
 */
const registered = new Set([
  "add-mask",
  "add-matcher",
  "add-path",
  "debug",
  "echo",
  "endgroup",
  "error",
  "group",
  "notice",
  "remove-matcher",
  "save-state",
  "set-env",
  "set-output",
  "stop-commands",
  "warning",
]);

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const unescape = (text: string, pairs: [string, string][]) =>
  pairs.reduce((out, [from, to]) => out.split(from).join(to), text);
const dataEscapes: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%25", "%"],
];
const propertyEscapes: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%3A", ":"],
  ["%2C", ","],
  ["%25", "%"],
];

function parse(line: string, known: Set<string>): WorkflowCommand | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith("::")) {
    const end = trimmed.indexOf("::", 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(" ");
      const command = space < 0 ? info : info.slice(0, space);
      if (known.has(command)) {
        const properties: Record<string, string> = {};
        if (space > 0)
          for (const pair of info
            .slice(space + 1)
            .trim()
            .split(",")
            .filter(Boolean)) {
            const eq = pair.indexOf("=");
            if (eq > 0)
              properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), propertyEscapes);
          }
        return { command, properties, data: unescape(trimmed.slice(end + 2), dataEscapes) };
      }
    }
  }
  const prefix = line.indexOf("##[");
  if (prefix < 0) return undefined;
  const close = line.indexOf("]", prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const command = info.split(" ")[0]!;
  return known.has(command) ? { command, properties: {}, data: line.slice(close + 1) } : undefined;
}

/** The commands a runner would act on in `log`, the pause and resume of stop-commands aside. */
export function workflowCommands(log: string): WorkflowCommand[] {
  const known = new Set(registered);
  const acted: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  // The runner reads a step's output line by line; \r, \n and \r\n all end a line.
  for (const line of log.split(/\r\n|\r|\n/)) {
    const command = parse(line, known);
    if (!command) continue;
    if (stopToken !== undefined) {
      if (command.command === stopToken) {
        known.delete(stopToken);
        stopToken = undefined;
      }
      continue;
    }
    if (command.command === "stop-commands") {
      stopToken = command.data;
      known.add(stopToken);
      continue;
    }
    acted.push(command);
  }
  return acted;
}

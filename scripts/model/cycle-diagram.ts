/** One step of a cycle: the phase or step name shown in the diagram. */
export interface CycleStep {
  name: string;
}

export interface CycleDiagramOptions {
  /** Unique within the page: the SVG's title and desc ids derive from it. */
  id: string;
  /** The diagram's accessible name, such as "The five phases as a cycle". */
  title: string;
  steps: readonly CycleStep[];
  /** Whether the last step leads back to the first. @default true */
  cyclical?: boolean;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const size = 440;
const centre = size / 2;
const ringRadius = 160;
const nodeRadius = 52;

/** Splits a name over at most two lines so it fits inside its circle. */
function labelLines(name: string): string[] {
  if (name.length <= 12 || !name.includes(" ")) return [name];
  const words = name.split(" ");
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    const diff = Math.abs(words.slice(0, i).join(" ").length - words.slice(i).join(" ").length);
    if (diff < bestDiff) [best, bestDiff] = [i, diff];
  }
  return [words.slice(0, best).join(" "), words.slice(best).join(" ")];
}

/** The sentence a screen reader hears instead of the drawing: every step in order, and the loop. */
export function describeCycle(steps: readonly CycleStep[], cyclical = true): string {
  const names = steps.map((step) => step.name);
  const order = names.map((name, i) => `${i + 1}. ${name}`).join(", ");
  const loop =
    cyclical && names.length > 1 ? ` After ${names.at(-1)}, the cycle returns to ${names[0]}.` : "";
  return `${names.length} steps in order: ${order}.${loop}`;
}

/**
 * Draws steps as numbered circles on a ring with arrows from each to the next, as inline SVG
 * with a title and a description, so the diagram comes from the data rather than an image file.
 */
export function cycleDiagram({ id, title, steps, cyclical = true }: CycleDiagramOptions): string {
  const count = steps.length;
  const at = (i: number, radius = ringRadius) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) };
  };
  const round = (n: number) => Math.round(n * 10) / 10;

  const arrows: string[] = [];
  const links = cyclical ? count : count - 1;
  for (let i = 0; i < links; i++) {
    const from = at(i);
    const to = at((i + 1) % count);
    // Shorten each chord so the arrow runs from the edge of one circle to the edge of the next.
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy);
    const ux = dx / length;
    const uy = dy / length;
    const gap = nodeRadius + 6;
    // A gentle bend outwards reads as a cycle rather than a polygon.
    const mid = at(i + 0.5, ringRadius + 28);
    arrows.push(
      `<path class="cycle__arrow" d="M${round(from.x + ux * gap)} ${round(from.y + uy * gap)} Q${round(mid.x)} ${round(mid.y)} ${round(to.x - ux * gap)} ${round(to.y - uy * gap)}" marker-end="url(#${id}-arrowhead)"/>`,
    );
  }

  const nodes = steps.map((step, i) => {
    const { x, y } = at(i);
    const lines = labelLines(step.name);
    const firstDy = lines.length === 1 ? 0.35 : -0.25;
    const text = lines
      .map(
        (line, n) =>
          `<tspan x="${round(x)}" dy="${n === 0 ? firstDy : 1.15}em">${escapeXml(line)}</tspan>`,
      )
      .join("");
    return `<g class="cycle__step"><circle cx="${round(x)}" cy="${round(y)}" r="${nodeRadius}"/><text x="${round(x)}" y="${round(y)}" text-anchor="middle">${text}</text><text class="cycle__number" x="${round(x)}" y="${round(y - nodeRadius + 16)}" text-anchor="middle">${i + 1}</text></g>`;
  });

  return [
    `<svg class="cycle" viewBox="0 0 ${size} ${size}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describeCycle(steps, cyclical))}</desc>`,
    `<defs><marker id="${id}-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker></defs>`,
    ...arrows,
    ...nodes,
    `</svg>`,
  ].join("");
}

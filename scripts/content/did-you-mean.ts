import { closest, distance } from "fastest-levenshtein";

/** The closest of `candidates` to `value`, ignoring case, when it is close enough to be a typo. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const lower = candidates.map((c) => c.toLowerCase());
  const best = closest(value.toLowerCase(), lower);
  const limit = Math.max(2, Math.floor(value.length / 3));
  return distance(value.toLowerCase(), best) <= limit ? candidates[lower.indexOf(best)] : undefined;
}

// The core's glossary (definition, formula, unit, sign convention of each report field and
// scenario input), looked up by a field's path, for the help shown on hover and focus.

import { glossary } from "gpuecon";

let entries = null; // key → entry, read from the package on first use

/** A path as the glossary writes it: array indices as `[]` ("contracts[2].gpus" → "contracts[].gpus"). */
export function glossaryKey(path) {
  return path.replace(/\[\d+\]/g, "[]");
}

/** The glossary's entry for `path` (see {@link glossaryKey}), or null. */
export function glossOf(path) {
  entries ??= new Map(glossary().map((e) => [e.key, e]));
  return entries.get(glossaryKey(path)) ?? null;
}

/**
 * An entry as one plain paragraph: the definition, then its formula, unit and sign. The
 * glossary speaks of the core's values (a rate as the fraction 0.10); a field the page shows
 * as a percentage (`percent`) says so instead, so its help does not contradict its input.
 */
export function glossText(entry, percent = false) {
  const definition = percent
    ? entry.definition.replace(/as a fraction/g, "as a percentage").replace(/ \(0\.\d+ for \d+ %\)/g, "").replace(/\(0\.\d+ for \d+ %; /g, "(")
    : entry.definition;
  const parts = [definition];
  if (entry.formula) parts.push(`Formula: ${entry.formula}.`);
  if (entry.unit) parts.push(`Unit: ${percent ? entry.unit.replace(/^(fractions?|shares?)\b/, "%") : entry.unit}.`);
  if (entry.sign) parts.push(`Sign: ${entry.sign}.`);
  if (entry.typical_range) parts.push(`Typical: ${entry.typical_range}.`);
  if (percent) parts.push("Typed here as a percentage: 10 means 10 %.");
  return parts.join(" ");
}

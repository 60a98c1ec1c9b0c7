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

/** An entry as one plain paragraph: the definition, then its formula, unit and sign. */
export function glossText(entry) {
  const parts = [entry.definition];
  if (entry.formula) parts.push(`Formula: ${entry.formula}.`);
  if (entry.unit) parts.push(`Unit: ${entry.unit}.`);
  if (entry.sign) parts.push(`Sign: ${entry.sign}.`);
  if (entry.typical_range) parts.push(`Typical: ${entry.typical_range}.`);
  return parts.join(" ");
}

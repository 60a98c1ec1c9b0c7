// Reading the golden vectors and judging one case's outcome, shared by the Node runner
// (tests/node) and the browser runner (tests/browser): one rule for every JS target.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every case of every `*.json` file in `dir`, as `{ file, case }`, files in name order. */
export function loadVectors(dir) {
  const cases = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const vectors = JSON.parse(readFileSync(join(dir, file), "utf8"));
    for (const c of vectors.cases) cases.push({ file, case: c });
  }
  return cases;
}

/**
 * Every distinct scenario the golden vectors give `evaluate` (many cases read different fields
 * of one report), as a map from its JSON text to the first case's name, `file case id`.
 */
export function evaluateScenarios(dir) {
  const scenarios = new Map();
  for (const { file, case: c } of loadVectors(dir)) {
    const text = JSON.stringify(c.args[0]);
    if (c.function === "evaluate" && !scenarios.has(text)) scenarios.set(text, `${file} case ${c.id}`);
  }
  return scenarios;
}

/** Canonical form of a decimal string: no trailing zeros, no "-0". */
function canonical(text) {
  let [whole, fraction = ""] = String(text).trim().split(".");
  fraction = fraction.replace(/0+$/, "");
  const out = fraction ? `${whole}.${fraction}` : whole;
  return /^-?0(\.0*)?$/.test(out) ? "0" : out;
}

function within(got, expected, tolerance) {
  if (!tolerance) return canonical(got) === canonical(expected);
  const difference = Math.abs(Number(got) - Number(expected));
  // A tolerance is absolute, relative, or both (allowed = absolute + relative × |expected|).
  const allowed = Number(tolerance.absolute ?? 0) + Number(tolerance.relative ?? 0) * Math.abs(Number(expected));
  // Number() rounds each decimal string to 17 digits; allow that rounding on top.
  return difference <= allowed + Number.EPSILON * Math.abs(Number(expected)) * 4;
}

/**
 * Calls `fn(...args)` and describes what happened, in a form that crosses from a page to
 * Node: `{ value }` or `{ error: { gpuecon, code, field, message } }`.
 */
export function outcomeOf(fn, args, GpueconError) {
  try {
    return { value: fn(...args) };
  } catch (e) {
    return {
      error: { gpuecon: e instanceof GpueconError, code: e?.code, field: e?.field, message: String(e?.message ?? e) },
    };
  }
}

/** `null` when the outcome is what the case expects, else what went wrong. */
export function judge(c, outcome) {
  if (c.error) {
    if (!outcome.error) return `expected error ${c.error.code} on ${c.error.field}, got ${outcome.value}`;
    const e = outcome.error;
    if (!e.gpuecon) return `expected a GpueconError, got ${e.message}`;
    if (e.code !== c.error.code || e.field !== c.error.field) {
      return `expected error ${c.error.code} on ${c.error.field}, got ${e.code} on ${e.field} (${e.message})`;
    }
    return null;
  }
  if (outcome.error) return `expected ${c.expected}, got error ${outcome.error.code}: ${outcome.error.message}`;
  // A model returns an object: `result_path` names its decimal field to compare.
  const value = c.result_path
    ? c.result_path.split(".").reduce((v, key) => v?.[key], outcome.value)
    : outcome.value;
  // Counts (months, stages) are JS integers; everything else is a decimal string.
  if (Number.isInteger(value)) return String(value) === c.expected ? null : `expected ${c.expected}, got ${value}`;
  if (typeof value !== "string") return `results are decimal strings or integers, got ${typeof value}`;
  return within(value, c.expected, c.tolerance) ? null : `expected ${c.expected}, got ${value}`;
}

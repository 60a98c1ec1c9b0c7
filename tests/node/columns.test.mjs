// `evaluate_columns`: the report of `evaluate` with its months as columns. On every scenario
// preset and every scenario of the golden vectors, the columns equal the rows of `evaluate`
// transposed here (objects with the same keys in every month recurse, anything else is a
// column of the months' values), and every other field of the report is the same; a
// scenario `evaluate` refuses, `evaluate_columns` refuses with the same error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluate_columns, presets, GpueconError } from "gpuecon";
import { evaluateScenarios, outcomeOf } from "./vectors.mjs";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function transpose(rows) {
  if (rows.length === 0) return {};
  const keys = isObject(rows[0]) ? Object.keys(rows[0]) : [];
  const same = keys.length > 0 && rows.every((row) => isObject(row) && Object.keys(row).join() === keys.join());
  if (!same) return rows;
  return Object.fromEntries(keys.map((key) => [key, transpose(rows.map((row) => row[key]))]));
}

/** Checks `evaluate_columns(scenario)` against `evaluate(scenario)`; whether it was valid. */
function check(scenario, what) {
  const rows = outcomeOf(evaluate, [scenario], GpueconError);
  const columns = outcomeOf(evaluate_columns, [scenario], GpueconError);
  if (rows.error) {
    assert.deepEqual(columns, rows, what);
    return false;
  }
  assert.ok(rows.value.months.length > 0, what);
  assert.deepEqual(columns.value, { ...rows.value, months: transpose(rows.value.months) }, what);
  // A column has a value per month.
  assert.equal(columns.value.months.date.length, rows.value.months.length, what);
  assert.equal(columns.value.months.revenue.total_usd.at(-1), rows.value.months.at(-1).revenue.total_usd, what);
  return true;
}

test("evaluate_columns holds evaluate's months as columns on every scenario preset", () => {
  const scenarios = presets().filter((p) => p.scenario);
  assert.ok(scenarios.length > 0);
  for (const { id, scenario } of scenarios) assert.ok(check(scenario, id), id);
});

test("evaluate_columns holds evaluate's months as columns on every golden vector scenario", () => {
  const dir = process.env.GPUECON_VECTORS;
  assert.ok(dir, "GPUECON_VECTORS names the tests/vectors folder");
  const scenarios = evaluateScenarios(dir);
  let valid = 0;
  for (const [text, what] of scenarios) if (check(JSON.parse(text), what)) valid++;
  assert.ok(valid > 20 && valid < scenarios.size, `${valid} valid of ${scenarios.size}`);
});

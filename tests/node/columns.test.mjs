// `evaluate_columns`: the report of `evaluate` with its months as columns. On every scenario
// preset, the columns equal the rows of `evaluate` transposed here (objects with the same
// keys in every month recurse, anything else is a column of the months' values), and every
// other field of the report is the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluate_columns, presets } from "gpuecon";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function transpose(rows) {
  if (rows.length === 0) return {};
  const keys = isObject(rows[0]) ? Object.keys(rows[0]) : [];
  const same = keys.length > 0 && rows.every((row) => isObject(row) && Object.keys(row).join() === keys.join());
  if (!same) return rows;
  return Object.fromEntries(keys.map((key) => [key, transpose(rows.map((row) => row[key]))]));
}

test("evaluate_columns holds evaluate's months as columns, and the rest as evaluate", () => {
  const scenarios = presets().filter((p) => p.scenario);
  assert.ok(scenarios.length > 0);
  for (const { id, scenario } of scenarios) {
    const rows = evaluate(scenario);
    const columns = evaluate_columns(scenario);
    assert.deepEqual(columns, { ...rows, months: transpose(rows.months) }, id);
    // A column has a value per month.
    assert.equal(columns.months.date.length, rows.months.length, id);
    assert.equal(columns.months.revenue.total_usd[0], rows.months[0].revenue.total_usd, id);
  }
});

// `evaluate`'s report crosses the boundary positionally (each object as the array of its
// values) and is rebuilt by the generated builders (bindings/js/report.generated.js). Its
// text must be the keyed writer's, byte for byte, key order included: here the keyed text
// is put together from `evaluate_columns`, which the module still writes with its keys (its
// months' columns turned back into rows here, its summary, financing and warnings as they
// are), on every scenario preset and every golden vector scenario. The portfolio's box
// reports must be `evaluate`'s of each box.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluate_columns, evaluate_portfolio, presets, GpueconError } from "gpuecon";
import { evaluateScenarios, outcomeOf } from "./vectors.mjs";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Month `index` of `columns`: an object of columns recurses (keys in its order), an array
 * is a column of the months' values. */
function row(columns, index) {
  if (Array.isArray(columns)) return columns[index];
  return Object.fromEntries(Object.keys(columns).map((key) => [key, row(columns[key], index)]));
}

/** The keyed text of `scenario`'s report, put together from `evaluate_columns`' keyed one. */
function keyedText(scenario) {
  const { months, ...rest } = evaluate_columns(scenario);
  assert.ok(isObject(months));
  const count = months.date.length;
  const rows = Array.from({ length: count }, (_, index) => row(months, index));
  return JSON.stringify({ months: rows, ...rest });
}

/** Fails, naming where they first differ, unless the two texts are equal. */
function sameText(actual, expected, what) {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  const around = (text) => text.slice(Math.max(0, at - 80), at + 80);
  assert.fail(`${what}: the texts differ at character ${at}:\n  got      ${around(actual)}\n  expected ${around(expected)}`);
}

/** Checks `evaluate(scenario)` against the keyed text; whether the scenario was valid. */
function check(scenario, what) {
  const outcome = outcomeOf(evaluate, [scenario], GpueconError);
  if (outcome.error) {
    assert.deepEqual(outcomeOf(evaluate_columns, [scenario], GpueconError), outcome, what);
    return false;
  }
  assert.ok(outcome.value.months.length > 0, what);
  sameText(JSON.stringify(outcome.value), keyedText(scenario), what);
  return true;
}

test("evaluate's rebuilt report is the keyed text, byte for byte, on every scenario preset", () => {
  const scenarios = presets().filter((p) => p.scenario);
  assert.ok(scenarios.length > 0);
  for (const { id, scenario } of scenarios) assert.ok(check(scenario, id), id);
});

test("evaluate's rebuilt report is the keyed text, byte for byte, on every golden vector scenario", () => {
  const dir = process.env.GPUECON_VECTORS;
  assert.ok(dir, "GPUECON_VECTORS names the tests/vectors folder");
  const scenarios = evaluateScenarios(dir);
  let valid = 0;
  for (const [text, what] of scenarios) if (check(JSON.parse(text), what)) valid++;
  assert.ok(valid > 20 && valid < scenarios.size, `${valid} valid of ${scenarios.size}`);
});

test("evaluate_portfolio's box reports are evaluate's of each box, on every portfolio preset", () => {
  const portfolios = presets().filter((p) => p.portfolio);
  assert.ok(portfolios.length > 0);
  for (const { id, portfolio } of portfolios) {
    const report = evaluate_portfolio(portfolio);
    assert.equal(report.boxes.length, portfolio.boxes.length, id);
    assert.ok(report.months.length > 0 && isObject(report.summary), id);
    portfolio.boxes.forEach((box, index) => {
      sameText(JSON.stringify(report.boxes[index]), JSON.stringify(evaluate(box)), `${id} box ${index}`);
    });
  }
});

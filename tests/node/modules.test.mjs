// Modules by use (issue 21): importing the package's main entry reads its own .wasm and not
// the workbook writer's or the Monte Carlo's; `gpuecon/xlsx` reads the workbook's module
// when it is imported, `gpuecon/montecarlo` the Monte Carlo's at its first call (not at
// import), and `gpuecon/finance` only its own. Every file the package's Node entries read goes
// through `readFileSync`, watched here (node:test runs each file in its own process, so
// nothing was imported before).
import { test } from "node:test";
import assert from "node:assert/strict";
import { read } from "./wasm_reads.mjs";

test("each entry reads only its own module, when it is imported", async () => {
  const finance = await import("gpuecon/finance");
  assert.deepEqual(read, ["gpuecon_finance_bg.wasm"]);
  assert.equal(finance.pmt("0.01", 12, "-1000") !== undefined, true);

  const gpuecon = await import("gpuecon");
  assert.deepEqual(read, ["gpuecon_finance_bg.wasm", "gpuecon_wasm_bg.wasm"], "the main entry leaves the workbook's module alone");
  assert.equal(typeof gpuecon.evaluate, "function");
  const entry = await import("gpuecon/montecarlo");
  assert.deepEqual(read, ["gpuecon_finance_bg.wasm", "gpuecon_wasm_bg.wasm"], "importing the Monte Carlo entry loads nothing");
  assert.equal(typeof gpuecon.montecarlo, "undefined", "the Monte Carlo is not in the main module");
  assert.equal(typeof gpuecon.MonteCarloRun, "undefined");
  assert.equal(typeof gpuecon.tornado, "undefined");
  const box = gpuecon.presets().find((p) => p.id === "coreweave-box-ig");
  const run = { scenario: box.scenario, options: { paths: 10, seed: 1, stochastic: gpuecon.montecarlo_typical() } };
  assert.deepEqual(read, ["gpuecon_finance_bg.wasm", "gpuecon_wasm_bg.wasm"], "the main entry's montecarlo_typical is its own");
  const report = entry.montecarlo(run);
  assert.deepEqual(read, ["gpuecon_finance_bg.wasm", "gpuecon_wasm_bg.wasm", "gpuecon_montecarlo_bg.wasm"], "the first call loads the module");
  assert.equal(report.paths, 10);
  const handle = new entry.MonteCarloRun(run);
  handle.step(10);
  assert.deepEqual(handle.report(), report, "the handle in the same module");
  handle.free();
  assert.deepEqual(entry.montecarlo_typical(), gpuecon.montecarlo_typical(), "both modules' typical inputs");
  assert.equal(read.length, 3, "the module is loaded once");

  const { workbook } = await import("gpuecon/xlsx");
  assert.deepEqual(read, ["gpuecon_finance_bg.wasm", "gpuecon_wasm_bg.wasm", "gpuecon_montecarlo_bg.wasm", "gpuecon_xlsx_bg.wasm"]);
  const bytes = workbook(box.scenario);
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), "PK");
});

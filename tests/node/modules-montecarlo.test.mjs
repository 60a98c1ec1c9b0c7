// `gpuecon/montecarlo` on its own, as the calculator's worker uses it: a run, a tornado and a
// failed run read the Monte Carlo's .wasm once and nothing else (not the main module's, which
// it does not need), and its errors are the main entry's `GpueconError` class. A file of its
// own: node:test runs each file in a fresh process, so nothing was loaded before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { original, read } from "./wasm_reads.mjs";

// The preset from the core's file (the package's `presets()` is the main entry's).
const { scenario } = JSON.parse(
  original(join(process.env.GPUECON_VECTORS, "../../core/presets/coreweave-box-ig.json"), "utf8"),
);

test("the Monte Carlo entry alone reads only its own module, at its first run", async () => {
  const entry = await import("gpuecon/montecarlo");
  assert.deepEqual(read, [], "importing it reads nothing");
  await entry.ready();
  assert.deepEqual(read, ["gpuecon_montecarlo_bg.wasm"]);
  const stochastic = entry.montecarlo_typical();
  const report = await entry.runMonteCarlo({ scenario, options: { paths: 20, seed: 1, stochastic } }, { batchSize: 7 });
  assert.equal(report.paths, 20);
  const { rows } = entry.tornado({ scenario, output: "npv_usd", swings: [{ input: "sofr", low: "0.03", high: "0.05" }] });
  assert.equal(rows.length, 1);
  assert.throws(() => new entry.MonteCarloRun({ options: { paths: 0 } }), entry.GpueconError);
  assert.deepEqual(read, ["gpuecon_montecarlo_bg.wasm"], "still only its own module");
  const { GpueconError } = await import("gpuecon/finance");
  assert.equal(entry.GpueconError, GpueconError, "one GpueconError class for every entry");
});

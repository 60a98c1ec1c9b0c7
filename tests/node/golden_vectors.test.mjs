// The golden vectors (tests/vectors/*.json) through the npm package, imported exactly as a
// user imports it: from a packed tarball installed into this scratch project.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as main from "gpuecon";
import * as montecarloEntry from "gpuecon/montecarlo";
import { sampleOracle } from "./oracle.mjs";
import { judge, loadVectors, outcomeOf } from "./vectors.mjs";

// The functions of both entries: the Monte Carlo, the tornado and the grid are
// `gpuecon/montecarlo`'s (a module of their own, issue 21).
const gpuecon = { ...main, ...montecarloEntry };
const dir = process.env.GPUECON_VECTORS;
assert.ok(dir, "GPUECON_VECTORS names the tests/vectors folder");
const oracle = sampleOracle(process.env.GPUECON_ORACLE, 60);
test("the Excel oracle sample is present", { skip: oracle.length ? false : "no ../shared oracle" }, () => {});

for (const { file, case: c } of [...loadVectors(dir), ...oracle]) {
  test(`${file} case ${c.id}`, () => {
    const fn = gpuecon[c.function];
    assert.equal(typeof fn, "function", `the package exports ${c.function}`);
    const failure = judge(c, outcomeOf(fn, c.args, gpuecon.GpueconError));
    assert.equal(failure, null, failure ?? "");
  });
}

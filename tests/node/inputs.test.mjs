// Inputs as users hold them: decimal.js and big.js values, BigInts and any object whose
// toString() gives a decimal, read exactly by their text, in the finance functions and the
// models alike; Monte Carlo seeds up to 2^64 − 1 as BigInts or decimal strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import Decimal from "decimal.js";
import Big from "big.js";
import { sln, npv, xnpv, owner_cost, montecarlo_typical, presets, GpueconError } from "gpuecon";
import { montecarlo } from "gpuecon/montecarlo";

test("finance functions read decimal.js, big.js, BigInt and toString objects exactly", () => {
  // (30000 − 7500) / 10 = 2250: Microsoft's SLN example, in every form.
  assert.equal(sln(new Decimal("30000"), new Big("7500"), 10n), "2250");
  assert.equal(sln({ toString: () => "30000" }, "7500", new Decimal(10)), "2250");
  // 19 significant digits: more than a binary double holds, so only the text gives them.
  // (1234567890.123456789 − 0) / 1 is the cost itself.
  assert.equal(sln(new Decimal("1234567890.123456789"), 0, 1), "1234567890.123456789");
  assert.equal(sln(new Big("1234567890.123456789"), 0, 1), "1234567890.123456789");
  // A BigInt above 2^53 keeps every digit: (2^64 − 1 − 1) / 2 = 9223372036854775807.
  assert.equal(sln(2n ** 64n - 1n, 1, 2), "9223372036854775807");
});

test("arrays of decimal objects are read element by element", () => {
  // Microsoft's NPV example: NPV(10%, −10000, 3000, 4200, 6800) = $1,188.44.
  const plain = npv("0.1", ["-10000", "3000", "4200", "6800"]);
  assert.match(plain, /^1188\.44/);
  assert.equal(npv(new Decimal("0.1"), [new Big("-10000"), 3000n, new Decimal("4200"), "6800"]), plain);
  const dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"];
  const values = ["-10000", "2750", "4250", "3250", "2750"];
  // Microsoft's XNPV example: $2,086.65.
  const exact = xnpv("0.09", values, dates);
  assert.match(exact, /^2086\.64/);
  assert.equal(xnpv(new Big("0.09"), values.map((v) => new Decimal(v)), dates), exact);
});

test("an object whose text is not a decimal, or whose toString throws, is an INVALID_ARGUMENT", () => {
  // Arrays and typed arrays are not read by their text, which would make [[5]] read as 5.
  for (const bad of [{}, new Map(), { toString: () => "12abc" }, new Decimal(Number.NaN), new Big(1).constructor, [5], [[new Decimal(5)]], new Float64Array([5])]) {
    assert.throws(() => sln(bad, 1, 1), (e) => {
      assert.ok(e instanceof GpueconError);
      assert.equal(e.code, "INVALID_ARGUMENT");
      assert.equal(e.field, "cost");
      return true;
    });
  }
  const throwing = { toString() { throw new Error("boom"); } };
  assert.throws(() => sln(1, throwing, 1), { code: "INVALID_ARGUMENT", field: "salvage" });
  // The instance still works.
  assert.equal(sln(30000, 7500, 10), "2250");
});

test("models read decimal.js, big.js and BigInt values as their decimal strings", () => {
  const inputs = (capex, rate) => ({
    capital: { capex_usd_per_gpu: capex, life_years: 6, annual_rate: rate },
    power: { it_kw_per_gpu: "1.275", idle_fraction: "0.1", pue: "1.3", usd_per_kwh: "0.08" },
    facility: { contracted_kw_per_gpu: "1.275", usd_per_kw_month: "150" },
    usage: { utilization: "0.8" },
  });
  const expected = owner_cost(inputs("50000", "0.1"));
  assert.deepEqual(owner_cost(inputs(new Decimal("50000"), new Big("0.1"))), expected);
  assert.deepEqual(owner_cost(inputs(50000n, new Decimal("0.1"))), expected);
});

test("a Monte Carlo seed takes any u64: a BigInt or a decimal string, beyond 2^53, and comes back exactly", () => {
  const { scenario } = presets().find((p) => p.id === "h100-cluster-1024");
  const run = (seed) => montecarlo({ scenario, options: { paths: 40, seed, stochastic: montecarlo_typical() } });
  const max = run(2n ** 64n - 1n);
  assert.deepEqual(run("18446744073709551615"), max);
  // The report gives the seed back exactly, as its digits (a number would be 2^64).
  assert.equal(max.seed, "18446744073709551615");
  assert.equal(run(18446744073709551615n).seed, "18446744073709551615");
  assert.equal(run(3).seed, "3");
  // 2^53 + 1 is no double: as a BigInt it is its own seed, not 2^53's.
  const above = run(2n ** 53n + 1n);
  assert.deepEqual(run("9007199254740993"), above);
  assert.notDeepEqual(above.npv_usd, run(2n ** 53n).npv_usd);
  for (const bad of [2n ** 64n, "18446744073709551616", -1n, "1e3"]) {
    assert.throws(() => run(bad), (e) => {
      assert.ok(e instanceof GpueconError);
      assert.equal(e.code, "INVALID_ARGUMENT");
      return true;
    });
  }
});

test("xirr and irr give the same string for numbers as for their decimal strings", async () => {
  // Plain arrays of numbers and of Date objects cross the boundary in one call and go
  // straight to the solver; strings and ISO dates take the per-element path. Both must be
  // the same flows: 144 monthly flows with cents, one with more decimals, one beyond 2^53.
  const { xirr, irr } = await import("gpuecon");
  const values = [-50000];
  for (let month = 1; month < 144; month++) values.push((120000 + ((month * 7919) % 20001) - 10000) / 100);
  const dates = values.map((_, month) => new Date(Date.UTC(2026, month, 1)));
  const iso = dates.map((date) => date.toISOString().slice(0, 10));
  const text = values.map(String);
  assert.equal(xirr(values, dates), xirr(text, iso));
  assert.equal(xirr(values, iso), xirr(text, dates));
  assert.equal(irr(values), irr(text));
  for (const odd of [0.1 + 0.2, 1234.5678901, 2 ** 60, 1e-7]) {
    const flows = [...values.slice(0, 24), odd];
    const flowsText = flows.map((v) => (v === 2 ** 60 ? "1152921504606846976" : String(v)));
    assert.equal(irr(flows), irr(flowsText), String(odd));
    assert.equal(xirr(flows, dates.slice(0, 25)), xirr(flowsText, iso.slice(0, 25)), String(odd));
  }
  // NaN is still refused with its field.
  assert.throws(() => irr([-1, NaN]), (error) => error.field === "values");
  assert.throws(() => xirr([-1, NaN], dates.slice(0, 2)), (error) => error.field === "values");
});

// Errors are real Error subclasses with a stable code and field, and never trap the
// instance: the next call still works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sln, GpueconError } from "gpuecon";

test("a bad argument throws a GpueconError naming it", () => {
  for (const bad of [Number.NaN, Infinity, null, undefined, {}, [], "abc", "1,000", true]) {
    assert.throws(() => sln(bad, 10, 5), (e) => {
      assert.ok(e instanceof GpueconError && e instanceof Error);
      assert.equal(e.name, "GpueconError");
      assert.equal(e.code, "INVALID_ARGUMENT");
      assert.equal(e.field, "cost");
      assert.equal(e.excel, "#VALUE!");
      assert.match(e.message, /^cost: must be/);
      return true;
    });
  }
});

test("Excel's #DIV/0! is a DOMAIN error on the divisor", () => {
  assert.throws(() => sln(100, 10, 0), { code: "DOMAIN", field: "life", excel: "#DIV/0!" });
});

test("overflow is an error, and the instance keeps working", () => {
  assert.throws(() => sln("79228162514264337593543950335", "-1", 1), { code: "OVERFLOW" });
  assert.equal(sln(30000, 7500, 10), "2250");
});

test("dates may be Date objects (their UTC calendar day) or YYYY-MM-DD strings", async () => {
  const { xirr, xnpv } = await import("gpuecon");
  const values = [-10000, 2750, 4250, 3250, 2750];
  const days = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"];
  const objects = days.map((d) => new Date(`${d}T00:00:00Z`));
  assert.equal(xirr(values, objects), xirr(values, days));
  assert.equal(xnpv("0.09", values, objects), xnpv("0.09", values, days));
  assert.throws(() => xirr(values, ["2008-1-1", ...days.slice(1)]), { code: "INVALID_ARGUMENT", field: "dates" });
  assert.throws(() => xirr(values, [new Date(Number.NaN), ...objects.slice(1)]), { code: "INVALID_ARGUMENT", field: "dates" });
});

test("an invalid scenario throws once with every problem and its path", async () => {
  const { presets, evaluate, validate_scenario } = await import("gpuecon");
  const all = presets();
  assert.deepEqual(
    all.map((p) => p.id),
    [
      "h100-node-on-demand", "h100-node-reserved-3y", "h100-cluster-1024", "h200-neocloud-2048",
      "coreweave-core-scientific-hosting",
      "b200-cascade", "coreweave-box-ig", "coreweave-box-sub-ig", "iren-microsoft",
      "core-scientific-host-box", "company-rollup",
    ],
  );
  const cluster = structuredClone(all.find((p) => p.id === "h100-cluster-1024").scenario);
  assert.deepEqual(validate_scenario(cluster), []);
  cluster.power.pue = "0.9";
  cluster.market.utilization = 1.5;
  cluster.contracts[0].contract.term_months = 0;
  const fields = ["power.pue", "market.utilization", "contracts[0].contract.term_months"];
  assert.deepEqual(validate_scenario(cluster).map((p) => p.field), fields);
  assert.throws(() => evaluate(cluster), (e) => {
    assert.ok(e instanceof GpueconError);
    assert.equal(e.code, "DOMAIN");
    assert.equal(e.field, "power.pue");
    assert.deepEqual(e.problems.map((p) => p.field), fields);
    assert.match(e.problems[2].message, /^contracts\[0\]\.contract\.term_months: must be greater than 0/);
    return true;
  });
  // A misspelt key is not silently ignored, even deep in an array.
  const typo = structuredClone(all[2].scenario);
  typo.contracts[0].contract.minimum_gpu_hour = 1;
  assert.throws(() => evaluate(typo), { code: "INVALID_ARGUMENT", field: "contracts[0].contract.minimum_gpu_hour" });
  // A single error from any other function still has its one problem.
  assert.throws(() => sln(100, 10, 0), (e) => e.problems.length === 1 && e.problems[0].field === "life");
});

test("the glossary explains every report field a box's report has, and its warnings", async () => {
  const { presets, evaluate, glossary } = await import("gpuecon");
  const keys = new Set(glossary().map((e) => e.key));
  const entry = glossary().find((e) => e.key === "report.financing.summary.equity.irr_annual");
  assert.equal(entry.unit, "fraction a year");
  const box = presets().find((p) => p.id === "coreweave-box-sub-ig").scenario;
  const report = evaluate(box);
  // The sub-investment-grade box breaches its LTV covenant on purpose: warned, and said.
  assert.equal(report.warnings[0].code, "LTV_HEADROOM_THIN");
  const walk = (prefix, value) => {
    if (Array.isArray(value)) value.forEach((v) => walk(`${prefix}[]`, v));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        assert.ok(keys.has(`${prefix}.${k}`), `no glossary entry for ${prefix}.${k}`);
        walk(`${prefix}.${k}`, v);
      }
    }
  };
  walk("report", report);
});

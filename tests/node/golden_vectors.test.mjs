// The golden vectors (tests/vectors/*.json) through the npm package, imported exactly as a
// user imports it: from a packed tarball installed into this scratch project.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as gpuecon from "gpuecon";

const dir = process.env.GPUECON_VECTORS;
assert.ok(dir, "GPUECON_VECTORS names the tests/vectors folder");

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
  const allowed = tolerance.absolute !== undefined
    ? Number(tolerance.absolute)
    : Number(tolerance.relative) * Math.abs(Number(expected));
  // Number() rounds each decimal to 17 digits; allow that rounding on top of the tolerance.
  return difference <= allowed + Number.EPSILON * Math.abs(Number(expected)) * 4;
}

for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const file = JSON.parse(readFileSync(join(dir, name), "utf8"));
  for (const c of file.cases) {
    test(`${name} case ${c.id}`, () => {
      const fn = gpuecon[c.function];
      assert.equal(typeof fn, "function", `the package exports ${c.function}`);
      if (c.error) {
        assert.throws(() => fn(...c.args), (e) => {
          assert.ok(e instanceof gpuecon.GpueconError, `a GpueconError, got ${e}`);
          assert.equal(e.code, c.error.code);
          assert.equal(e.field, c.error.field);
          return true;
        });
      } else {
        const got = fn(...c.args);
        assert.equal(typeof got, "string", "results are decimal strings");
        assert.ok(within(got, c.expected, c.tolerance), `expected ${c.expected}, got ${got}`);
      }
    });
  }
}

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

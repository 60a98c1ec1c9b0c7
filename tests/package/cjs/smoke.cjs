// Node, CommonJS: `require("gpuecon")`. The package is ES modules; Node 20.19+ and 22.12+
// load it with `require` because its Node entry has no top-level await (the .wasm is
// compiled synchronously there).
const assert = require("node:assert/strict");
const { sln, xirr, GpueconError, presets } = require("gpuecon");

assert.equal(sln(30000, 7500, 10), "2250");
assert.equal(
  xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]).slice(0, 10),
  "0.37336253",
);
assert.ok(presets().length > 0);
assert.throws(() => sln(1, 0, 0), (e) => e instanceof GpueconError && e.code === "DOMAIN");
// `gpuecon/finance` by `require` too (its Node entry compiles its .wasm synchronously).
const finance = require("gpuecon/finance");
assert.equal(finance.xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]).slice(0, 10), "0.37336253");
assert.throws(() => finance.sln(1, 0, 0), (e) => e instanceof GpueconError && e.code === "DOMAIN");
console.log("cjs: ok");

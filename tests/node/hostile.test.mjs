// Every export, called with hostile values, as a careless or malicious caller would:
// NaN, Infinity, -0, null, undefined, wrong types, 10 MB strings, nesting 100,000 deep,
// arrays of two million elements, getters and Proxies that throw, cycles, Symbols, BigInts,
// functions. Each call must return normally or throw a GpueconError: never another error
// (a RuntimeError would mean the wasm instance trapped), and the instance must work after
// every one of them. And a key the model does not know is an error at any depth.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as main from "gpuecon";
import * as montecarloEntry from "gpuecon/montecarlo";
import { loadVectors } from "./vectors.mjs";

// Both entries' functions: the Monte Carlo, the tornado and the grid are in
// `gpuecon/montecarlo`'s module of their own (issue 21).
const gpuecon = { ...main, ...montecarloEntry };

const { GpueconError } = gpuecon;
const dir = process.env.GPUECON_VECTORS;
assert.ok(dir, "GPUECON_VECTORS names the tests/vectors folder");

// Functions the package exports, less the classes (the error, and the Monte Carlo handle,
// whose hostile calls are in montecarlo.test.mjs, as are the Monte Carlo entry's runners
// and its `ready`) and wasm-bindgen's `initSync` (which returns at once: the module is
// already instantiated).
const CLASSES = ["GpueconError", "MonteCarloRun"];
const RUNNERS = ["ready", "runMonteCarlo", "serveMonteCarlo"];
const exported = Object.keys(gpuecon)
  .filter((name) => typeof gpuecon[name] === "function" && !CLASSES.includes(name) && !RUNNERS.includes(name) && name !== "initSync")
  .sort();

// One valid call of each function, from the golden vectors.
const valid = new Map();
for (const { case: c } of loadVectors(dir)) {
  if (!c.error && !valid.has(c.function)) valid.set(c.function, c.args);
}
// evaluate_columns takes what evaluate takes (its values are checked against evaluate's in
// columns.test.mjs).
if (valid.has("evaluate")) valid.set("evaluate_columns", valid.get("evaluate"));

function deep(depth, make) {
  let value = 1;
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
}

function cyclic() {
  const value = { a: 1 };
  value.self = value;
  return value;
}

const revoked = Proxy.revocable({}, {});
revoked.revoke();
const thrower = () => {
  throw new Error("boom");
};

// [name, make value, must it be rejected wherever it appears?]
const HOSTILE = [
  ["NaN", () => Number.NaN, true],
  ["Infinity", () => Infinity, true],
  ["-Infinity", () => -Infinity, true],
  ["-0", () => -0, false],
  ["null", () => null, false],
  ["undefined", () => undefined, false],
  ["true", () => true, false],
  ["empty string", () => "", false],
  ["not a number", () => "12abc", false],
  ["empty object", () => ({}), false],
  ["empty array", () => [], false],
  ["Symbol", () => Symbol("hostile"), true],
  // A BigInt is read as its digits (tests/node/inputs.test.mjs): accepted where a decimal goes.
  ["BigInt", () => 10n, false],
  ["function", () => () => 1, true],
  ["1 MB string", () => "9".repeat(1024 * 1024), false],
  ["1 MB decimal-like string", () => `1.${"0".repeat(1024 * 1024)}1`, false],
  ["array nested 100,000 deep", () => deep(100_000, (v) => [v]), true],
  ["object nested 100,000 deep", () => deep(100_000, (v) => ({ v })), true],
  ["array nested 200 deep", () => deep(200, (v) => [v]), true],
  ["200,000 numbers", () => new Array(200_000).fill(1), false],
  ["getter that throws", () => Object.defineProperty({}, "x", { enumerable: true, get: thrower }), true],
  ["array element getter that throws", () => Object.defineProperty([1, 2], 0, { get: thrower }), true],
  ["Proxy that throws", () => new Proxy({}, { get: thrower, ownKeys: thrower, getOwnPropertyDescriptor: thrower }), true],
  ["array Proxy that throws", () => new Proxy([1, 2, 3], { get: thrower }), true],
  ["revoked Proxy", () => revoked.proxy, true],
  ["cycle", cyclic, true],
  ["toJSON that throws", () => ({ toJSON: thrower }), true],
  ["Date", () => new Date(Number.NaN), false],
  ["Map", () => new Map([["a", 1]]), false],
  ["Float64Array", () => new Float64Array([1, 2]), false],
];

// Values too costly to put everywhere (each takes milliseconds to write and read): once per
// function, as its first argument. Every function reads its arguments through the same few
// readers; the last tests put ten times larger ones deep inside inputs.
const COSTLY = new Set(["1 MB string", "1 MB decimal-like string", "200,000 numbers", "array nested 100,000 deep", "object nested 100,000 deep"]);

const reference = gpuecon.sln(30000, 7500, 10);
const referenceModel = JSON.stringify(gpuecon.owner_cost(valid.get("owner_cost")[0]));
// A two-path run of the golden vectors' first: the Monte Carlo's instance reads, computes
// and writes as before.
const [smallRun] = valid.get("montecarlo");
const twoPaths = { ...smallRun, options: { ...smallRun.options, paths: 2 } };
const referenceMonteCarlo = JSON.stringify(montecarloEntry.montecarlo(twoPaths));

/** Both instances still compute, exactly as before. */
function stillWorks(context) {
  assert.equal(gpuecon.sln(30000, 7500, 10), reference, `after ${context}`);
  assert.equal(JSON.stringify(gpuecon.owner_cost(valid.get("owner_cost")[0])), referenceModel, `after ${context}`);
  assert.equal(JSON.stringify(montecarloEntry.montecarlo(twoPaths)), referenceMonteCarlo, `after ${context}`);
}

/** Calls `fn(...args)`: a return or a GpueconError, nothing else (`mustThrow`: only the latter). */
function call(name, args, context, mustThrow) {
  let outcome;
  try {
    gpuecon[name](...args);
    outcome = "returned";
  } catch (e) {
    if (!(e instanceof GpueconError)) {
      assert.fail(`${name} with ${context} threw ${e?.constructor?.name}: ${String(e?.message ?? e).slice(0, 200)}`);
    }
    assert.equal(typeof e.code, "string");
    assert.equal(typeof e.field, "string");
    outcome = "threw";
  }
  if (mustThrow) assert.equal(outcome, "threw", `${name} with ${context} must throw a GpueconError`);
  stillWorks(`${name} with ${context}`);
}

/** Every leaf path of a JSON-like value (`["power", "pue"]`), at most `limit`, evenly spread. */
function leafPaths(value, limit) {
  const paths = [];
  const walk = (v, path) => {
    if (v !== null && typeof v === "object") {
      for (const key of Object.keys(v)) walk(v[key], [...path, key]);
    } else {
      paths.push(path);
    }
  };
  walk(value, []);
  const step = Math.max(1, Math.ceil(paths.length / limit));
  return paths.filter((_, i) => i % step === 0);
}

/** Every object path of a JSON-like value, the root (`[]`) included. */
function objectPaths(value) {
  const paths = [];
  const walk = (v, path) => {
    if (v === null || typeof v !== "object") return;
    if (!Array.isArray(v)) paths.push(path);
    for (const key of Object.keys(v)) walk(v[key], [...path, key]);
  };
  walk(value, []);
  return paths;
}

function withValueAt(root, path, value) {
  const copy = structuredClone(root);
  if (path.length === 0) return value;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)] = value;
  return copy;
}

test("every function the package exports is exercised", () => {
  assert.ok(exported.length >= 70, `${exported.length} exports`);
  // Functions with no valid golden-vector call get hostile arguments only.
  const known = ["glossary", "gpus", "irr_all", "macrs_schedule", "montecarlo_typical", "presets", "validate_scenario"];
  const untested = exported.filter((name) => !valid.has(name) && !known.includes(name));
  assert.deepEqual(untested, []);
});

/** How many leaves of `name`'s input to poison: fewer for the slow models. */
function leafBudget(name, args) {
  const started = performance.now();
  try {
    gpuecon[name](...args);
  } catch {
    // Timing only.
  }
  const ms = performance.now() - started;
  return ms > 20 ? 2 : ms > 2 ? 5 : 12;
}

for (const name of exported) {
  test(`${name}: hostile values in every position never trap the instance`, () => {
    const args = valid.get(name) ?? [];
    const positions = Math.max(args.length, gpuecon[name].length, 1);
    const [input] = args;
    const leaves = args.length === 1 && input !== null && typeof input === "object"
      ? leafPaths(input, leafBudget(name, args))
      : [];
    for (const [label, make, mustThrow] of HOSTILE) {
      if (COSTLY.has(label)) {
        call(name, [make(), ...args.slice(1)], `${label} as argument 0`, mustThrow && args.length > 0);
        continue;
      }
      // As a whole argument, in each position (the others valid). A hostile value in
      // place of an optional argument may be ignored only if it is null or undefined;
      // everything else must be read, and rejected if it must be.
      for (let i = 0; i < positions; i++) {
        const hostileArgs = [...args];
        hostileArgs[i] = make();
        call(name, hostileArgs, `${label} as argument ${i}`, mustThrow && args.length > 0);
      }
      // Inside a model's input object, at its leaves.
      for (const path of leaves) {
        call(name, [withValueAt(input, path, make())], `${label} at ${path.join(".")}`, mustThrow);
      }
    }
  });
}

for (const [name, args] of valid) {
  const [input] = args;
  if (args.length !== 1 || input === null || typeof input !== "object" || Array.isArray(input)) continue;
  test(`${name}: a key it does not know is an error at any depth`, () => {
    for (const path of objectPaths(input)) {
      const copy = structuredClone(input);
      let node = copy;
      for (const key of path) node = node[key];
      node.misspelt_key = 1;
      assert.throws(
        () => gpuecon[name](copy),
        (e) => {
          assert.ok(e instanceof GpueconError, `${name} at ${path.join(".")}: ${e}`);
          assert.equal(e.code, "INVALID_ARGUMENT");
          const where = path.map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`)).join("");
          assert.equal(e.field, `${where}.misspelt_key`.replace(/^\./, ""));
          // The message names the argument too: "inputs.power.misspelt_key: unknown field …".
          assert.ok(e.message.includes(`${where}.misspelt_key: unknown field \`misspelt_key\``), e.message);
          return true;
        },
        `${name}: misspelt_key at ${path.join(".") || "the root"}`,
      );
    }
  });
}

test("-0 reads as 0, and NaN or Infinity anywhere in a model's input names its path", () => {
  const input = valid.get("owner_cost")[0];
  const zero = withValueAt(input, ["power", "idle_fraction"], 0);
  const negativeZero = withValueAt(input, ["power", "idle_fraction"], -0);
  assert.deepEqual(gpuecon.owner_cost(negativeZero), gpuecon.owner_cost(zero));
  for (const [value, text] of [[Number.NaN, "NaN"], [Infinity, "Infinity"], [-Infinity, "-Infinity"]]) {
    assert.throws(() => gpuecon.owner_cost(withValueAt(input, ["power", "pue"], value)), (e) => {
      assert.equal(e.field, "power.pue");
      assert.equal(e.message, `inputs.power.pue: ${text} is not a finite number`);
      return true;
    });
  }
  const scenario = gpuecon.presets().find((p) => p.id === "h100-cluster-1024").scenario;
  scenario.contracts[0].contract.minimum_gpu_hours = Number.NaN;
  assert.throws(() => gpuecon.evaluate(scenario), {
    field: "contracts[0].contract.minimum_gpu_hours",
    message: "scenario.contracts[0].contract.minimum_gpu_hours: NaN is not a finite number",
  });
  assert.throws(() => gpuecon.sln(Infinity, 1, 1), { code: "INVALID_ARGUMENT", field: "cost" });
});

test("what JSON cannot hold is a GpueconError on the argument, with the reason", () => {
  // On the offending value's path inside the argument, or on the argument when no one value is.
  for (const [value, field, reason] of [
    [cyclic(), "inputs", /circular/i],
    [{ s: Symbol("x") }, "s", /^inputs\.s: a symbol is not a JSON value/],
    [{ f() {} }, "f", /^inputs\.f: a function is not a JSON value/],
    [deep(100_000, (v) => [v]), "inputs", /call stack|too much recursion/i],
  ]) {
    assert.throws(() => gpuecon.owner_cost(value), (e) => {
      assert.ok(e instanceof GpueconError);
      assert.equal(e.code, "INVALID_ARGUMENT");
      assert.equal(e.field, field);
      assert.match(e.message, reason);
      return true;
    });
  }
  assert.throws(() => gpuecon.owner_cost(deep(200, (v) => [v])), /nested more than 128 levels deep/);
  assert.throws(() => gpuecon.owner_cost({ a: "x".repeat(33 * 1024 * 1024) }), /more than the 33554432 accepted/);
  const huge = structuredClone(valid.get("settle_contract")[0]);
  huge.usage_gpu_hours = new Array(2_000_000).fill(1);
  call("settle_contract", [huge], "two million months of usage", false);
  const tenMegabytes = "9".repeat(10 * 1024 * 1024);
  call("sln", [tenMegabytes, 1, 1], "a 10 MB string", true);
  call("npv", [0.1, [1, tenMegabytes]], "a 10 MB string in an array", true);
  call("owner_cost", [withValueAt(valid.get("owner_cost")[0], ["power", "pue"], tenMegabytes)], "a 10 MB string", true);
  const named = structuredClone(valid.get("evaluate")[0]);
  named.title = tenMegabytes;
  call("evaluate", [named], "a 10 MB title", false);
  assert.throws(() => gpuecon.owner_cost(undefined), /inputs: must be an object, got undefined/);
  assert.throws(() => gpuecon.npv(0.1, new Array(1_000_001).fill(1)), { field: "values", message: /at most 1,000,000/ });
});

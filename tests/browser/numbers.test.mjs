// The calculator's number reader (www/src/lib/numbers.js), in Node: what people type, and
// the exact decimal string the core gets, each expected value worked by hand.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readList, readNumber, shift, showNumber } from "../../www/src/lib/numbers.js";

const rate = { kind: "decimal", unit: "fraction a year" };
const usd = { kind: "decimal", unit: "USD" };
const gpus = { kind: "decimal", unit: "GPUs" };
const months = { kind: "integer", unit: "months" };
const monthly = { kind: "decimal", unit: "chance a month" };
const dscr = { kind: "decimal", unit: "×" };

test("the decimal point moves exactly", () => {
  assert.equal(shift("12.5", -2), "0.125");
  assert.equal(shift("10", -2), "0.1");
  assert.equal(shift("0.1", 2), "10");
  assert.equal(shift("1.2", 6), "1200000");
  assert.equal(shift("-0.5", -2), "-0.005");
  assert.equal(shift("0", -2), "0");
  assert.equal(shift("0.000", 2), "0");
});

test("a percent field takes 10, 10 % and 10% as 0.1", () => {
  for (const typed of ["10", "10 %", "10%", " 10.0 % "]) assert.deepEqual(readNumber(rate, typed), { ok: true, value: "0.1" }, typed);
  assert.deepEqual(readNumber(rate, "8.25"), { ok: true, value: "0.0825" });
  assert.deepEqual(readNumber(rate, "0"), { ok: true, value: "0" });
  assert.deepEqual(readNumber(rate, "0.5%"), { ok: true, value: "0.005" }, "a % typed: no question");
  assert.deepEqual(readNumber(rate, "150"), { ok: true, value: "1.5" });
});

test("0.10 in a percent field asks whether 10 % was meant", () => {
  const read = readNumber(rate, "0.10");
  assert.equal(read.ok, false);
  assert.match(read.message, /did you mean 10 %\?/);
  assert.deepEqual(read.fixes.map((f) => f.text), ["10", "0.1 %"]);
  // Each fix, typed back, is read without a question: 10 % and 0.1 %.
  assert.deepEqual(readNumber(rate, read.fixes[0].text), { ok: true, value: "0.1" });
  assert.deepEqual(readNumber(rate, read.fixes[1].text), { ok: true, value: "0.001" });
  // A monthly chance is usually under 1 %: no question.
  assert.deepEqual(readNumber(monthly, "0.2"), { ok: true, value: "0.002" });
});

test("money and counts as people type them", () => {
  for (const [typed, value] of [["50,000", "50000"], ["$50,000", "50000"], ["50k", "50000"], ["$50k", "50000"], ["1.2M", "1200000"], ["$1.25bn", "1250000000"], ["-$3,000.50", "-3000.5"], ["−12", "-12"], ["1,234,567.25", "1234567.25"]]) {
    assert.deepEqual(readNumber(usd, typed), { ok: true, value }, typed);
  }
  assert.deepEqual(readNumber(gpus, "1k"), { ok: true, value: "1000" });
  assert.deepEqual(readNumber(months, "1.2k"), { ok: true, value: 1200 });
  assert.deepEqual(readNumber(dscr, "1.25x"), { ok: true, value: "1.25" });
});

test("what is not a number is said in plain words, quoting the text", () => {
  for (const typed of ["12abc", "1,2", "1e999", "", "$", "5 apples"]) {
    const read = readNumber(usd, typed);
    assert.equal(read.ok, false, typed);
    assert.match(read.message, /is not a number: type an amount, like 50,000/, typed);
  }
  assert.match(readNumber(months, "1.5").message, /whole number/);
  assert.match(readNumber(gpus, "$5").message, /not an amount of money/);
  assert.match(readNumber(usd, "5%").message, /not a percentage/);
  assert.match(readNumber(months, "99999999999999999999").message, /too large/);
});

test("lists: items each read, percent lists asked about as a whole", () => {
  assert.deepEqual(readList({ kind: "list", unit: "USD" }, "10k, 1.2M; 7"), { ok: true, value: ["10000", "1200000", "7"] });
  assert.deepEqual(readList({ kind: "list", unit: "fractions" }, "50, 30 20"), { ok: true, value: ["0.5", "0.3", "0.2"] });
  const asked = readList({ kind: "list", unit: "fractions" }, "0.5, 0.3");
  assert.equal(asked.ok, false);
  assert.deepEqual(asked.fixes.map((f) => f.text), ["50, 30", "0.5%, 0.3%"]);
  assert.match(readList({ kind: "list", unit: "values" }, "0.6, 0.7x").message, /"0.7x" is not a number/);
});

test("values shown in their fields", () => {
  assert.equal(showNumber(rate, "0.085"), "8.5");
  assert.equal(showNumber(usd, "50000"), "50,000");
  assert.equal(showNumber(usd, "1250.5"), "1250.5");
  assert.equal(showNumber({ kind: "list", unit: "fractions" }, ["0.5", "0.25"]), "50, 25");
  assert.equal(showNumber(months, 12), "12");
});

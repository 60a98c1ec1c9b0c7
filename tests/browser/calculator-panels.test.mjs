// Every panel of the calculator in headless Chromium: it computes, it answers edits, bad
// values get the core's message next to their field, the keyboard reaches everything,
// both themes and a phone's width work. Saves a screenshot of each panel and the load and
// recompute times (GPUECON_SCREENSHOTS/calculator-timings.json).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { metric, open, recomputed, recomputes, shots, showPanel } from "./calculator-page.mjs";

let browser;
let context;

before(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
});

/**
 * Times 21 edits of `input` in `block` (elements of the page), each set to the next of
 * `values` (or left as it is: the same value typed again); the medians, in milliseconds, of
 * the core's time on the page's thread, of the drawing, of the style, layout and paint that
 * followed in the same frame, and of the wait for a worker's answer where there is one.
 * Runs in the page.
 */
async function timeEdits([block, input, values]) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const afterPaint = () => new Promise((resolve) => setTimeout(resolve, 0));
  const samples = [];
  for (let i = 0; i < 21; i += 1) {
    const before = Number(block.dataset.answers ?? 0);
    if (values) input.value = values[i % values.length];
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // The page recomputes in its next animation frame, before this callback in the same one.
    do await frame(); while (Number(block.dataset.answers ?? 0) <= before);
    const drawn = performance.now();
    await afterPaint();
    const render = performance.now() - drawn;
    samples.push([block.dataset.computeMs, block.dataset.drawMs, render, block.dataset.workerMs].map(Number));
  }
  const median = (k) => Number(samples.map((s) => s[k]).sort((a, b) => a - b)[10].toFixed(2));
  const times = { core_ms: median(0), draw_ms: median(1), render_ms: median(2) };
  if (block.dataset.workerMs !== undefined) times.worker_ms = median(3);
  return times;
}

/** Edits that change every month of the two scenario panels: the electricity price, back and forth. */
const EDITS = {
  scenario: ["#scenario-evaluate", "#scenario-evaluate-scenario-power-usd-per-kwh", ["0.09", "0.085"]],
  box: ["#box-financing", "#box-financing-scenario-power-usd-per-kwh", ["0.09", "0.085"]],
};

test("every panel computes without an error; screenshots and recompute times", async () => {
  const { page, problems } = await open(context);
  const timings = { load_ms: Number(await page.locator("html").getAttribute("data-load-ms")), panels: {}, every_month_changed: {} };
  const panels = await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.panel));
  assert.ok(panels.length >= 14, `${panels.length} panels`);
  for (const id of panels) {
    await showPanel(page, id);
    await page.waitForFunction((panel) => [...document.querySelectorAll(`#panel-${panel} .block`)].every((b) => b.dataset.state !== "computing"), id);
    const states = await page.locator(`#panel-${id} .block`).evaluateAll((blocks) => blocks.map((b) => `${b.dataset.block}: ${b.dataset.state}`));
    assert.ok(states.length > 0);
    for (const state of states) assert.match(state, /: ok$/, `${id}: ${state}`);
    // Recompute times: the same value typed again into each block's first field.
    timings.panels[id] = {};
    for (const block of await page.locator(`#panel-${id} .block`).all()) {
      const input = block.locator(".fields input[type=text]").first();
      if ((await input.count()) === 0) continue;
      const name = await block.getAttribute("data-block");
      timings.panels[id][name] = await page.evaluate(timeEdits, [await block.elementHandle(), await input.elementHandle(), null]);
    }
    if (EDITS[id]) {
      const [block, input, values] = EDITS[id];
      timings.every_month_changed[id] = await page.evaluate(timeEdits, [await page.$(block), await page.$(input), values]);
    }
    if (shots) await page.screenshot({ path: join(shots, `panel-${id}.png`), fullPage: true });
  }
  if (shots) {
    writeFileSync(join(shots, "calculator-timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
    // The README's picture: the sub-investment-grade box, its DSCR and its LTV against
    // their covenants.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await showPanel(page, "box");
    await page.selectOption("#box-financing-preset", "coreweave-box-sub-ig");
    await page.locator("#panel-box [data-chart='financing.dscr']").evaluate((f) => f.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "calculator.png") });
  }
  console.log(JSON.stringify(timings));
  assert.deepEqual(problems, []);
  await page.close();
});

test("an edit recomputes the numbers and the charts", async () => {
  const { page, problems } = await open(context, "#p=owner-cost");
  const chart = page.locator("#panel-owner-cost [data-chart='cost.stack']");
  const drawn = await chart.getAttribute("data-signature");
  const n = await recomputes(page, "owner-cost");
  await page.fill("#owner-cost-cost-power-pue", "1.5");
  await recomputed(page, "owner-cost", n);
  // power = kW × (idle + (1 − idle) × utilization) × PUE × $/kWh
  //       = 1.275 × (0.12 + 0.88 × 0.80) × 1.5 × 0.08 = 1.275 × 0.824 × 0.12 = 0.126072
  assert.equal(Number(await metric(page, "owner-cost", "cost.power")), 0.126072);
  assert.notEqual(await chart.getAttribute("data-signature"), drawn, "the cost stack is redrawn");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a bad value shows the core's message next to its field and keeps the last good result", async () => {
  const { page, problems } = await open(context, "#p=owner-cost");
  const total = await metric(page, "owner-cost", "cost.total");
  const pue = page.locator("#owner-cost-cost-power-pue");
  await pue.fill("0.5");
  const message = page.locator("#owner-cost-cost-power-pue-error");
  await message.filter({ hasText: "must be at least 1" }).waitFor({ timeout: 5_000 });
  assert.equal(await pue.getAttribute("aria-invalid"), "true");
  assert.match(await pue.getAttribute("aria-describedby"), /owner-cost-cost-power-pue-error/);
  assert.equal(await metric(page, "owner-cost", "cost.total"), total, "the last good result stays");
  assert.equal(await page.locator("#owner-cost-cost .stale-note").isVisible(), true);

  await pue.fill("1.3");
  await page.locator("#owner-cost-cost[data-state='ok']").waitFor();
  assert.equal((await message.textContent()).trim(), "");
  assert.equal(await pue.getAttribute("aria-invalid"), null);
  assert.equal(await metric(page, "owner-cost", "cost.total"), total);

  // A scenario reports every problem at once, each next to its field.
  await showPanel(page, "scenario");
  await page.fill("#scenario-evaluate-scenario-horizon-months", "0");
  await page.fill("#scenario-evaluate-scenario-power-pue", "0.9");
  await page.locator("#scenario-evaluate-scenario-horizon-months-error").filter({ hasText: "between 1 and 1200" }).waitFor({ timeout: 5_000 });
  await page.locator("#scenario-evaluate-scenario-power-pue-error").filter({ hasText: "at least 1" }).waitFor({ timeout: 5_000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a malformed number in a nested field: the core's message next to it, the last numbers kept", async () => {
  const { page, problems } = await open(context, "#p=owner-cost");
  const total = await metric(page, "owner-cost", "cost.total");
  const pue = page.locator("#owner-cost-cost-power-pue");
  const message = page.locator("#owner-cost-cost-power-pue-error");
  // power.pue, inside the model's input: the core names its path.
  await pue.fill("12abc");
  await message.filter({ hasText: "12abc" }).waitFor({ timeout: 5_000 });
  assert.doesNotMatch(await message.textContent(), /^inputs\./, "the path is the field's own: not repeated");
  assert.equal(await pue.getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#owner-cost-cost .alert").isVisible(), false, "nothing left for the block's message");
  assert.equal(await metric(page, "owner-cost", "cost.total"), total, "the last good result stays");
  assert.equal(await page.locator("#owner-cost-cost .stale-note").isVisible(), true);
  // Corrected: the numbers follow (power at PUE 1.5, as in the edit test above).
  await pue.fill("1.5");
  await page.locator("#owner-cost-cost[data-state='ok']").waitFor();
  assert.equal((await message.textContent()).trim(), "");
  assert.equal(Number(await metric(page, "owner-cost", "cost.power")), 0.126072);

  // The scenario editor: a whole number inside the first contract, in an array.
  await showPanel(page, "scenario");
  const npv = await metric(page, "scenario", "evaluate.npv");
  const term = page.locator("#scenario-evaluate-scenario-contracts-0-contract-term-months");
  const termMessage = page.locator("#scenario-evaluate-scenario-contracts-0-contract-term-months-error");
  const original = await term.inputValue();
  await term.fill("1e999");
  await termMessage.filter({ hasText: "1e999" }).waitFor({ timeout: 5_000 });
  assert.equal(await term.getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#scenario-evaluate .alert").isVisible(), false);
  assert.equal(await metric(page, "scenario", "evaluate.npv"), npv, "the last good result stays");
  await term.fill(original);
  await page.locator("#scenario-evaluate[data-state='ok']").waitFor();
  assert.equal(await metric(page, "scenario", "evaluate.npv"), npv);
  // A malformed decimal in the same contract; corrected to another price, the numbers follow.
  const price = page.locator("#scenario-evaluate-scenario-contracts-0-contract-price-usd-per-gpu-hour");
  await price.fill("2.4x");
  await page.locator("#scenario-evaluate-scenario-contracts-0-contract-price-usd-per-gpu-hour-error").filter({ hasText: "2.4x" }).waitFor({ timeout: 5_000 });
  assert.equal(await metric(page, "scenario", "evaluate.npv"), npv, "the last good result stays");
  await price.fill("2.5");
  await page.locator("#scenario-evaluate[data-state='ok']").waitFor();
  const dearer = await metric(page, "scenario", "evaluate.npv");
  assert.notEqual(dearer, npv, "a dearer contract changes the NPV");

  // A path no field shows (a key the core does not know, typed in the JSON editor): the
  // message goes above the results.
  await page.click("#scenario-evaluate .json-box summary");
  const editor = page.locator("#scenario-evaluate-json");
  // The editor is filled on the details' toggle event, which fires after the click returns.
  await page.waitForFunction(() => document.querySelector("#scenario-evaluate-json").value !== "");
  const json = await editor.inputValue();
  await editor.fill(JSON.stringify({ ...JSON.parse(json), surprise: 1 }));
  await page.locator("#scenario-evaluate .alert").filter({ hasText: "surprise" }).waitFor({ timeout: 5_000 });
  assert.equal(await metric(page, "scenario", "evaluate.npv"), dearer, "the last good result stays");
  await editor.fill(json);
  await page.locator("#scenario-evaluate[data-state='ok']").waitFor();
  assert.equal(await page.locator("#scenario-evaluate .alert").isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the keyboard reaches the panels and their fields", async () => {
  const { page, problems } = await open(context, "#p=scenario");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.focus("nav a[data-panel='power']");
  await page.keyboard.press("Enter");
  await page.locator("#panel-power:not([hidden])").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "panel-power-title");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, "power-energy-market-usd-per-mwh");
  const label = await page.locator(`label[for='${focused}']`).textContent();
  assert.match(label, /Market price/);
  const n = await recomputes(page, "power");
  await page.keyboard.press("End");
  await page.keyboard.type(", 70");
  await recomputed(page, "power", n);
  assert.equal(await page.locator("#panel-power [data-chart='energy.bill']").getAttribute("data-points"), "13");
  assert.deepEqual(problems, []);
  await page.close();
});

test("light and dark themes, and a phone's width", async () => {
  const { page, problems } = await open(context, "#p=box");
  const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = await page.locator("html").getAttribute("data-theme");
  await page.click("#theme-toggle");
  const other = theme === "dark" ? "light" : "dark";
  assert.equal(await page.locator("html").getAttribute("data-theme"), other);
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), before);
  if (shots) await page.screenshot({ path: join(shots, `calculator-${other}.png`) });
  await page.reload();
  await page.locator("html[data-ready=true]").waitFor();
  assert.equal(await page.locator("html").getAttribute("data-theme"), other, "the choice is kept");
  await page.click("#theme-toggle");
  assert.deepEqual(problems, []);
  await page.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const small = await open(phone, "#p=take-or-pay");
  assert.ok(await small.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling");
  if (shots) await small.page.screenshot({ path: join(shots, "calculator-phone.png"), fullPage: false });
  assert.deepEqual(small.problems, []);
  await phone.close();
});

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

test("every panel computes without an error; screenshots and recompute times", async () => {
  const { page, problems } = await open(context);
  const timings = { load_ms: Number(await page.locator("html").getAttribute("data-load-ms")), panels: {} };
  const panels = await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.panel));
  assert.ok(panels.length >= 14, `${panels.length} panels`);
  for (const id of panels) {
    await showPanel(page, id);
    const states = await page.locator(`#panel-${id} .block`).evaluateAll((blocks) => blocks.map((b) => `${b.dataset.block}: ${b.dataset.state}`));
    assert.ok(states.length > 0);
    for (const state of states) assert.match(state, /: ok$/, `${id}: ${state}`);
    // Recompute times: the same value typed again into each block's first field, 21 times;
    // the median of what the core took and of the drawing that followed.
    timings.panels[id] = await page.locator(`#panel-${id}`).evaluate((panel) => {
      const out = {};
      for (const block of panel.querySelectorAll(".block")) {
        const input = block.querySelector(".fields input[type=text]");
        if (!input) continue;
        const samples = [];
        for (let i = 0; i < 21; i += 1) {
          input.dispatchEvent(new Event("input", { bubbles: true }));
          samples.push([Number(block.dataset.computeMs), Number(block.dataset.drawMs)]);
        }
        const median = (k) => samples.map((s) => s[k]).sort((a, b) => a - b)[10];
        out[block.dataset.block] = { core_ms: median(0), draw_ms: median(1) };
      }
      return out;
    });
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

  // A value that is not a number: the core names the input object, not the field (the
  // package reads model inputs without their paths), so the message shows above the results.
  await pue.fill("abc");
  await page.locator("#owner-cost-cost .alert").filter({ hasText: "abc" }).waitFor({ timeout: 5_000 });
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

// The Monte Carlo panel in headless Chromium: a run in the Web Worker shows its progress and
// can be cancelled; a complete run gives the native `gpuecon montecarlo`'s report for the
// same seed (the core's paths are the same on every target); the tornado and the grid come
// from the core. Run by `cargo xtask test browser`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { assertClose, metric, native, open, recomputed, recomputes, shots } from "./calculator-page.mjs";

let browser;
let context;

before(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
});

const status = (page) => page.locator("#montecarlo-run [role=status]");

test("a Monte Carlo run shows its progress, can be cancelled, and matches the native run", async () => {
  const { page, problems } = await open(context, "#p=montecarlo");
  const paths = page.locator("#montecarlo-run-options-paths");

  // A long run: progress moves, then Cancel stops it between two batches.
  await paths.fill("400000");
  await page.click("#montecarlo-run button:text('Run')");
  await page.waitForFunction(() => document.querySelector("#montecarlo-run progress").value >= 500, null, { timeout: 30_000 });
  assert.equal(await page.locator("#montecarlo-run button:text('Cancel')").isEnabled(), true);
  await page.click("#montecarlo-run button:text('Cancel')");
  await page.locator("#montecarlo-run [role=status][data-outcome=cancelled]").waitFor({ timeout: 30_000 });
  assert.match(await status(page).textContent(), /Cancelled after [\d,]+ paths/);
  const stopped = await page.locator("#montecarlo-run progress").evaluate((p) => p.value);
  assert.ok(stopped > 0 && stopped < 400000, `stopped after ${stopped} paths`);
  assert.equal(await metric(page, "montecarlo", "run.paths"), "", "no report from a cancelled run");

  // The default run (the core's typical random inputs, seed 1) to the end.
  await paths.fill("2000");
  const n = await recomputes(page, "montecarlo");
  await page.click("#montecarlo-run button:text('Run')");
  await page.locator("#montecarlo-run [role=status][data-outcome=done]").waitFor({ timeout: 60_000 });
  await recomputed(page, "montecarlo", n);
  const expected = native("montecarlo", "--preset", "coreweave-box-ig", "--paths", "2000", "--seed", "1", "--bins", "30");
  assert.equal(await metric(page, "montecarlo", "run.paths"), "2000");
  assertClose(await metric(page, "montecarlo", "run.npv_mean"), expected.npv_usd.mean, "mean NPV");
  assertClose(await metric(page, "montecarlo", "run.npv_p5"), expected.npv_usd.p5, "NPV P5");
  assertClose(await metric(page, "montecarlo", "run.npv_p95"), expected.npv_usd.p95, "NPV P95");
  assertClose(await metric(page, "montecarlo", "run.breach"), expected.covenant_breach.probability, "breach probability");
  const histogram = page.locator("#panel-montecarlo [data-chart='run.npv_histogram']");
  assert.equal(await histogram.isVisible(), true);
  assert.equal(await histogram.getAttribute("data-points"), String(expected.npv_usd.histogram.length));
  if (shots) await page.screenshot({ path: join(shots, "panel-montecarlo-run.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the tornado and the grid follow their inputs", async () => {
  const { page, problems } = await open(context, "#p=montecarlo");
  const tornado = page.locator("#panel-montecarlo [data-chart='sensitivity.tornado']");
  assert.equal(await tornado.getAttribute("data-points"), "7");
  const before = await tornado.getAttribute("data-signature");
  const n = await recomputes(page, "montecarlo");
  await page.fill("#montecarlo-sensitivity-swings-0-high", "3.4");
  await recomputed(page, "montecarlo", n);
  assert.notEqual(await tornado.getAttribute("data-signature"), before);
  const grid = await page.locator("#panel-montecarlo table[data-grid] tbody tr").count();
  assert.equal(grid, 5);
  // A swing the core refuses: its message next to the field.
  await page.fill("#montecarlo-sensitivity-swings-1-high", "1.5");
  await page.locator("#montecarlo-sensitivity-swings-1-high-error").filter({ hasText: /./ }).waitFor({ timeout: 5_000 });
  assert.deepEqual(problems, []);
  await page.close();
});

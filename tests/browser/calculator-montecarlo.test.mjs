// The Monte Carlo panel in headless Chromium: a run in the Web Worker shows its progress and
// can be cancelled; a complete run gives the native `gpuecon montecarlo`'s report for the
// same seed (the core's paths are the same on every target); the tornado and the grid come
// from the core, computed in the same worker while the page stays responsive. Run by
// `cargo xtask test browser`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { answered, answers, assertClose, metric, native, open, recomputed, recomputes, shots, tableValues } from "./calculator-page.mjs";

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
  const stopped = await page.locator("#montecarlo-run progress").evaluate((p) => p.value);
  assert.ok(stopped > 0 && stopped < 400000, `stopped after ${stopped} paths`);
  // The paths done are kept, labelled: their report is the native run of that many paths.
  const label = `Partial: ${stopped.toLocaleString("en-US")} of 400,000 paths, cancelled`;
  assert.ok((await status(page).textContent()).startsWith(label), await status(page).textContent());
  await page.waitForFunction(() => document.querySelector("#panel-montecarlo output[data-metric='run.paths']")?.dataset.value, null, { timeout: 10_000 });
  assert.equal(await metric(page, "montecarlo", "run.paths"), String(stopped));
  assert.equal(await metric(page, "montecarlo", "run.partial"), label);
  assert.ok((await page.locator("#montecarlo-run .output-note .note").textContent()).startsWith(label));
  const partial = native("montecarlo", "--preset", "coreweave-box-ig", "--paths", String(stopped), "--seed", "1", "--bins", "30");
  assertClose(await metric(page, "montecarlo", "run.npv_mean"), partial.npv_usd.mean, "the partial run's mean NPV");
  assertClose(await metric(page, "montecarlo", "run.breach"), partial.covenant_breach.probability, "the partial run's breach probability");

  // The default run (the core's typical random inputs, seed 1) to the end.
  await paths.fill("2000");
  const n = await recomputes(page, "montecarlo");
  await page.click("#montecarlo-run button:text('Run')");
  await page.locator("#montecarlo-run [role=status][data-outcome=done]").waitFor({ timeout: 60_000 });
  await recomputed(page, "montecarlo", n);
  const expected = native("montecarlo", "--preset", "coreweave-box-ig", "--paths", "2000", "--seed", "1", "--bins", "30");
  assert.equal(await metric(page, "montecarlo", "run.paths"), "2000");
  assert.equal(await metric(page, "montecarlo", "run.partial"), "Complete");
  assertClose(await metric(page, "montecarlo", "run.npv_mean"), expected.npv_usd.mean, "mean NPV");
  assertClose(await metric(page, "montecarlo", "run.npv_p5"), expected.npv_usd.p5, "NPV P5");
  assertClose(await metric(page, "montecarlo", "run.npv_p95"), expected.npv_usd.p95, "NPV P95");
  assertClose(await metric(page, "montecarlo", "run.breach"), expected.covenant_breach.probability, "breach probability");
  // The sentence that explains the box's own "no breach" against the paths' breaches: the
  // deterministic case's months in breach (the CLI's evaluation of the preset) and the
  // share of paths that breach, in percent.
  const own = native("evaluate", "--preset", "coreweave-box-ig").financing.summary.months_in_breach;
  const lesson = await page.locator("#montecarlo-run .output-note .note").textContent();
  assert.match(lesson, own === 0 ? /never breaches a covenant/ : new RegExp(`breaches a covenant in ${own} month`));
  assert.ok(lesson.includes(`${(Number(expected.covenant_breach.probability) * 100).toFixed(2)}%`), lesson);
  assert.ok(Number(await metric(page, "montecarlo", "run.speed")) > 0, "paths a second");
  const histogram = page.locator("#panel-montecarlo [data-chart='run.npv_histogram']");
  assert.equal(await histogram.isVisible(), true);
  assert.equal(await histogram.getAttribute("data-points"), String(expected.npv_usd.histogram.length));
  if (shots) await page.screenshot({ path: join(shots, "panel-montecarlo-run.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the tornado and the grid follow their inputs", async () => {
  const { page, problems } = await open(context, "#p=montecarlo");
  await page.locator("#montecarlo-sensitivity[data-state='ok']").waitFor({ timeout: 20_000 });
  const tornado = page.locator("#panel-montecarlo [data-chart='sensitivity.tornado']");
  assert.equal(await tornado.getAttribute("data-points"), "7");
  const before = await tornado.getAttribute("data-signature");
  const n = await answers(page, "montecarlo-sensitivity");
  await page.fill("#montecarlo-sensitivity-swings-0-high", "3.4");
  await answered(page, "montecarlo-sensitivity", n);
  assert.notEqual(await tornado.getAttribute("data-signature"), before);
  const grid = await page.locator("#panel-montecarlo table[data-grid] tbody tr").count();
  assert.equal(grid, 5);
  // A swing the core refuses: its message next to the field.
  // The buyers' usage share, a fraction typed as a percentage: 150 % is refused by the core.
  await page.fill("#montecarlo-sensitivity-swings-1-high", "150");
  await page.locator("#montecarlo-sensitivity-swings-1-high-error").filter({ hasText: /./ }).waitFor({ timeout: 5_000 });
  await page.fill("#montecarlo-sensitivity-swings-1-high", "85");
  // A grid value that is not a number: the core's message next to the grid's list.
  await page.fill("#montecarlo-sensitivity-grid-y-values", "0.6, 0.7x");
  await page.locator("#montecarlo-sensitivity-grid-y-values-error").filter({ hasText: /./ }).waitFor({ timeout: 5_000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the sensitivities compute in the worker: the page keeps drawing frames, the latest edit wins", async () => {
  const { page, problems } = await open(context, "#p=montecarlo");
  const block = page.locator("#montecarlo-sensitivity");
  await page.locator("#montecarlo-sensitivity[data-state='ok']").waitFor({ timeout: 20_000 });
  const tornado = page.locator("#panel-montecarlo [data-chart='sensitivity.tornado']");
  const shown = await tornado.getAttribute("data-signature");

  // Three edits, a frame apart: while the worker computes (40 evaluations of the box), the
  // page shows "Computing…" over the last result and keeps drawing frames; only the last
  // edit's answer is drawn.
  const seen = await page.evaluate(async () => {
    const block = document.querySelector("#montecarlo-sensitivity");
    const input = document.querySelector("#montecarlo-sensitivity-swings-0-high");
    const chart = block.querySelector("[data-chart='sensitivity.tornado']");
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const before = Number(block.dataset.answers);
    const drawn = chart.dataset.signature;
    let computing = false;
    let kept = true;
    for (const high of ["3.1", "3.2", "3.3"]) {
      input.value = high;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await frame();
      computing ||= block.dataset.state === "computing" && block.querySelector(".computing").textContent === "Computing…";
      kept &&= chart.dataset.signature === drawn;
    }
    let frames = 0;
    while (Number(block.dataset.answers) === before) {
      await frame();
      frames += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // any stale answer would come by now
    return { computing, kept, frames, answers: Number(block.dataset.answers) - before, main: Number(block.dataset.computeMs) + Number(block.dataset.drawMs), worker: Number(block.dataset.workerMs) };
  });
  assert.ok(seen.computing, "Computing… is shown while the worker computes");
  assert.ok(seen.kept, "the last result stays drawn meanwhile");
  assert.ok(seen.frames >= 2, `the page drew ${seen.frames} frames while the worker computed`);
  assert.equal(seen.answers, 1, "one answer drawn: the last edit's, the others dropped");
  assert.ok(seen.main < seen.worker, `the page's thread spent ${seen.main} ms, the worker ${seen.worker} ms`);
  assert.equal(await block.getAttribute("data-state"), "ok");
  assert.notEqual(await tornado.getAttribute("data-signature"), shown);
  const rows = await tableValues(page, "montecarlo", "sensitivity.tornado");
  assert.ok(rows.some((row) => row[0] === "Contract price" && row[2] === "3.3"), "the tornado is the last edit's (high 3.3)");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a portfolio's run shows each box's lender, as the package and the CLI report them", async () => {
  const { page, problems } = await open(context, "#p=montecarlo");
  // The box panel's portfolio: its default, the company roll-up preset (three boxes).
  let n = await recomputes(page, "montecarlo");
  await page.selectOption("#montecarlo-run-source", { label: "The box panel's portfolio (the company)" });
  await recomputed(page, "montecarlo", n);
  await page.fill("#montecarlo-run-options-paths", "600");
  n = await recomputes(page, "montecarlo");
  await page.click("#montecarlo-run button:text('Run')");
  await page.locator("#montecarlo-run [role=status][data-outcome=done]").waitFor({ timeout: 120_000 });
  await recomputed(page, "montecarlo", n);
  const shown = await tableValues(page, "montecarlo", "run.montecarlo-box-credit");

  // The package's report of the same inputs, in a page of its own (not the calculator's).
  const pkgUrl = process.env.GPUECON_PKG_URL;
  const pkg = await context.newPage();
  await pkg.goto(`${pkgUrl}package.json`);
  const report = await pkg.evaluate(async ([entry, montecarloEntry]) => {
    const gpuecon = await import(entry);
    const { montecarlo, ready } = await import(montecarloEntry);
    await ready();
    const { portfolio } = gpuecon.presets().find((p) => p.id === "company-rollup");
    return montecarlo({ portfolio, options: { paths: 600, seed: 1, histogram_bins: 30, stochastic: gpuecon.montecarlo_typical() } });
  }, [`${pkgUrl}index.js`, `${pkgUrl}montecarlo.js`]);
  await pkg.close();
  const boxes = report.credit.boxes;
  assert.equal(boxes.length, 3, "the roll-up's three boxes");
  assert.equal(shown.length, boxes.length);
  // And the native command's, for the same seed (the core's paths are the same on every target).
  const cli = native("montecarlo", "--preset", "company-rollup", "--paths", "600", "--seed", "1", "--bins", "30").credit.boxes;
  for (const [i, box] of boxes.entries()) {
    const [name, pd, lgd, el] = shown[i];
    assert.equal(name, box.name);
    assert.equal(name, cli[i].name);
    assertClose(pd, box.default_probability, `${name}: probability of default`);
    assertClose(lgd, box.loss_given_default, `${name}: loss given default`);
    assertClose(el, box.expected_loss_usd, `${name}: expected loss`);
    assertClose(pd, cli[i].default_probability, `${name}: probability of default (CLI)`);
    assertClose(el, cli[i].expected_loss_usd, `${name}: expected loss (CLI)`);
  }
  // Each column head explains itself from the core's glossary, as the totals do.
  const heads = page.locator("#panel-montecarlo [data-table='run.montecarlo-box-credit'] th.has-gloss");
  assert.equal(await heads.count(), 4);
  await heads.nth(1).focus();
  assert.match(await heads.nth(1).locator(".gloss").textContent(), /probability of default/);
  // The sentence speaks of the portfolio, not of one box's deterministic case.
  assert.match(await page.locator("#montecarlo-run .output-note .note").textContent(), /portfolio's boxes/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the Monte Carlo's module is fetched by the worker only, on the Monte Carlo panel only", async () => {
  // The .wasm files a fresh page and its worker fetch (Chromium reports a dedicated worker's
  // requests on its page; a context of its own each, so that nothing comes from a cache).
  const wasmOf = async (hash, ready) => {
    const own = await browser.newContext();
    const page = await own.newPage();
    const fetched = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && fetched.push(r.url().split("/").at(-1)));
    await page.goto(`${process.env.GPUECON_URL}${hash}`);
    await page.locator(ready).waitFor({ timeout: 60_000 });
    await own.close();
    return fetched.sort();
  };
  assert.deepEqual(await wasmOf("#p=scenario", "html[data-ready=true]"), ["gpuecon_wasm_bg.wasm"], "the scenario panel: the main module only");
  assert.deepEqual(
    await wasmOf("#p=montecarlo", "#montecarlo-sensitivity[data-state='ok']"),
    ["gpuecon_montecarlo_bg.wasm", "gpuecon_wasm_bg.wasm"],
    "the worker loads the Monte Carlo's module, and not the main one again",
  );
});

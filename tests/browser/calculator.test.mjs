// The calculator in Debian's headless Chromium, served by `cargo xtask serve`'s server:
// every preset against the native core, shared links, exports. Run by
// `cargo xtask test browser`, which sets GPUECON_URL, GPUECON_CHROMIUM, GPUECON_CLI and
// GPUECON_SCREENSHOTS.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { assertClose, metric, native, open, recomputed, recomputes, showPanel, tableValues } from "./calculator-page.mjs";

let browser;
let context;
const presets = native("presets");
const scenarioPresets = presets.filter((p) => p.scenario);

before(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

after(async () => {
  await browser?.close();
});

/** The summary figures the scenario panel shows, by metric key. */
const SUMMARY = {
  "evaluate.revenue": (s) => s.revenue.total_usd,
  "evaluate.gross_margin": (s) => s.gross_margin_usd,
  "evaluate.gross_margin_share": (s) => s.gross_margin_share,
  "evaluate.npv": (s) => s.metrics.npv_usd,
  "evaluate.irr": (s) => s.metrics.irr_annual,
  "evaluate.payback": (s) => s.metrics.payback_month,
  "evaluate.capex": (s) => s.capex_usd,
  "evaluate.billed_utilization": (s) => s.billed_utilization,
  "evaluate.backlog": (s) => s.contracted_backlog_usd,
  "evaluate.backlog_pv": (s) => s.contracted_backlog_pv_usd,
  "evaluate.book_value": (s) => s.book_value_usd,
};

/** What the box panel shows of a financed scenario. */
const FINANCING = {
  "financing.debt": (f) => f.debt_usd,
  "financing.equity": (f) => f.equity_usd,
  "financing.equity_irr": (f) => f.equity.irr_annual,
  "financing.equity_npv": (f) => f.equity.npv_usd,
  "financing.minimum_dscr": (f) => f.minimum_dscr,
  "financing.peak_ltv": (f) => f.peak_ltv,
  "financing.months_in_breach": (f) => f.months_in_breach,
  "financing.first_default": (f) => f.first_default_month,
};

test("every preset is in the picker with its sources, and the page shows the native core's numbers", async () => {
  assert.ok(scenarioPresets.length >= 7, "the core has its presets");
  const { page, problems } = await open(context, "#p=scenario");
  const referenced = new Set();
  const listed = await page.locator("#scenario-evaluate-preset option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(listed, scenarioPresets.map((p) => p.id));
  for (const preset of scenarioPresets) {
    const expected = native("evaluate", "--preset", preset.id);
    const n = await recomputes(page, "scenario");
    await page.selectOption("#scenario-evaluate-preset", preset.id);
    await recomputed(page, "scenario", n);
    const sources = await page.locator("#panel-scenario .sources li").allTextContents();
    assert.deepEqual(sources, preset.sources, `${preset.id}: its sources`);
    // Every source is a link that opens (issue 17, item 5): a web address, a section of the
    // domain reference served beside the page, or the page's GPU catalog. A preset's own
    // assumptions ("assumptions: …") cite nothing and have none.
    const hrefs = await page.locator("#panel-scenario .sources li").evaluateAll((items) => items.map((li) => [...li.querySelectorAll("a")].map((a) => a.getAttribute("href"))));
    for (const [i, links] of hrefs.entries()) {
      if (/^assumptions?:/.test(preset.sources[i])) continue;
      assert.ok(links.length > 0, `${preset.id}: source ${i} has no link: ${preset.sources[i]}`);
      for (const href of links) {
        assert.match(href, /^(https?:\/\/\S+|domain\.html(#section-\d+[a-z]?)?|\.\/#p=owner-cost)$/, `${preset.id}: ${href}`);
        if (href.startsWith("domain.html")) referenced.add(href);
      }
    }
    for (const [key, get] of Object.entries(SUMMARY)) {
      assertClose(await metric(page, "scenario", key), get(expected.summary), `${preset.id} ${key}`);
    }
    // The monthly statements: month, date, then the amounts, every month.
    const rows = await tableValues(page, "scenario", "evaluate.scenario-months");
    assert.equal(rows.length, expected.months.length, `${preset.id}: one row a month`);
    for (const [i, month] of expected.months.entries()) {
      assert.equal(rows[i][1], month.date);
      assertClose(rows[i][10], month.revenue.total_usd, `${preset.id} month ${month.month} revenue`);
      assertClose(rows[i][24], month.cash_flow_usd, `${preset.id} month ${month.month} cash flow`);
    }
    assert.equal(await page.locator("#panel-scenario [data-chart='evaluate.cash_flow']").getAttribute("data-points"), String(expected.months.length));
  }

  // The domain reference opens at each section a source names.
  const reference = await context.newPage();
  const response = await reference.goto(new URL("domain.html", page.url()).href);
  assert.equal(response.status(), 200, "domain.html");
  for (const href of referenced) {
    const id = href.split("#")[1];
    if (id) assert.equal(await reference.locator(`[id="${id}"]`).count(), 1, `${href}: its section`);
  }
  await reference.close();
  assert.ok(referenced.size >= 5, `sections linked: ${[...referenced]}`);

  // The financed presets in the box panel: debt, equity and covenants as the native core.
  await showPanel(page, "box");
  for (const preset of scenarioPresets.filter((p) => p.scenario.financing)) {
    const expected = native("evaluate", "--preset", preset.id).financing;
    const n = await recomputes(page, "box");
    await page.selectOption("#box-financing-preset", preset.id);
    await recomputed(page, "box", n);
    for (const [key, get] of Object.entries(FINANCING)) {
      assertClose(await metric(page, "box", key), get(expected.summary), `${preset.id} ${key}`);
    }
    const rows = await tableValues(page, "box", "financing.box-statements");
    assert.equal(rows.length, expected.months.length);
    for (const [i, month] of expected.months.entries()) {
      assertClose(rows[i][9], month.balance_usd, `${preset.id} month ${month.month} balance`);
      assertClose(rows[i][11], month.dscr, `${preset.id} month ${month.month} DSCR`);
      assertClose(rows[i][12], month.ltv, `${preset.id} month ${month.month} LTV`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("a shared link reproduces the model: panel, preset and edited inputs", async () => {
  const { page, problems } = await open(context, "#p=scenario");
  let n = await recomputes(page, "scenario");
  await page.selectOption("#scenario-evaluate-preset", "b200-cascade");
  await recomputed(page, "scenario", n);
  n = await recomputes(page, "scenario");
  await page.fill("#scenario-evaluate-scenario-power-usd-per-kwh", "0.065");
  await recomputed(page, "scenario", n);
  const npv = await metric(page, "scenario", "evaluate.npv");
  await page.waitForFunction(() => location.hash.includes("s="));
  await page.waitForTimeout(400); // the URL is written 150 ms after the last edit
  const link = page.url();

  const { page: again, problems: more } = await open(context, new URL(link).hash);
  assert.equal(await again.locator("#panel-scenario").isVisible(), true);
  assert.equal(await again.inputValue("#scenario-evaluate-scenario-power-usd-per-kwh"), "0.065");
  assert.equal(await again.inputValue("#scenario-evaluate-preset"), "b200-cascade");
  assert.match(await again.locator("#panel-scenario .preset-about").textContent(), /Edited/);
  assert.equal(await metric(again, "scenario", "evaluate.npv"), npv);
  // The same electricity price in the preset, natively, gives the same NPV.
  const b200 = structuredClone(scenarioPresets.find((p) => p.id === "b200-cascade").scenario);
  b200.power.usd_per_kwh = "0.065";
  const dir = mkdtempSync(join(tmpdir(), "gpuecon-link-"));
  const file = join(dir, "b200.json");
  writeFileSync(file, JSON.stringify(b200));
  assertClose(npv, native("evaluate", file).summary.metrics.npv_usd, "NPV after the edit");

  // Back restores the panel before.
  await again.click("nav a[data-panel='owner-cost']");
  await again.goBack();
  await again.locator("#panel-scenario:not([hidden])").waitFor();
  assert.deepEqual([...problems, ...more], []);
  await page.close();
  await again.close();
});

test("the Excel model downloads with the native command's bytes, its module loaded on the click only", async () => {
  const { page, problems } = await open(context, "#p=scenario");
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  const n = await recomputes(page, "scenario");
  await page.selectOption("#scenario-evaluate-preset", "coreweave-box-ig");
  await recomputed(page, "scenario", n);
  assert.ok(!fetched.some((u) => u.includes("xlsx")), "no workbook code before the click");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click("#panel-scenario button:text('Download Excel model')")]);
  assert.equal(xlsx.suggestedFilename(), "coreweave-style-box-investment-grade-customer-sofr-6.xlsx");
  const dir = mkdtempSync(join(tmpdir(), "gpuecon-xlsx-"));
  const file = join(dir, "page.xlsx");
  await xlsx.saveAs(file);
  assert.ok(fetched.some((u) => u.endsWith("/gpuecon_xlsx_bg.wasm")), "the workbook's module, fetched on the click");
  const cli = join(dir, "cli.xlsx");
  execFileSync(process.env.GPUECON_CLI, ["evaluate", "--preset", "coreweave-box-ig", "--format", "xlsx", "--output", cli]);
  assert.deepEqual(readFileSync(file), readFileSync(cli));
  assert.deepEqual(problems, []);
  await page.close();
});

test("the scenario exports as JSON that `gpuecon evaluate FILE` reads, and tables as CSV", async () => {
  const { page, problems } = await open(context, "#p=scenario");
  const n = await recomputes(page, "scenario");
  await page.selectOption("#scenario-evaluate-preset", "coreweave-core-scientific-hosting");
  await recomputed(page, "scenario", n);
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#panel-scenario button:text('Download scenario JSON')")]);
  const file = join(mkdtempSync(join(tmpdir(), "gpuecon-export-")), json.suggestedFilename());
  await json.saveAs(file);
  const report = native("evaluate", file);
  assert.equal(await metric(page, "scenario", "evaluate.npv"), report.summary.metrics.npv_usd);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#panel-scenario [data-table='evaluate.scenario-months'] button:text('Download CSV')")]);
  const csvFile = join(mkdtempSync(join(tmpdir(), "gpuecon-csv-")), csv.suggestedFilename());
  await csv.saveAs(csvFile);
  const lines = readFileSync(csvFile, "utf8").trim().split("\r\n");
  // The header, the units, the close (month 0), then one line a month.
  assert.equal(lines.length, report.months.length + 3);
  assert.match(lines[0], /^Month,Date,Available GPU-hours,/);
  assert.match(lines[1], /^,,,.*USD/);
  assert.match(lines[2], /^0,/);
  const first = lines[3].split(",");
  assert.equal(first[1], report.months[0].date);
  assert.equal(first[10], report.months[0].revenue.total_usd, "exact decimals in the CSV");

  // Importing the exported file gives the same model, as a scenario of one's own.
  const m = await recomputes(page, "scenario");
  await page.setInputFiles("#scenario-evaluate-import", file);
  await recomputed(page, "scenario", m);
  assert.equal(await page.inputValue("#scenario-evaluate-preset"), "");
  assert.equal(await metric(page, "scenario", "evaluate.npv"), report.summary.metrics.npv_usd);
  assert.deepEqual(problems, []);
  await page.close();
});

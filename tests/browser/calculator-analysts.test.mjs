// The calculator as analysts work (issue 17): numbers typed as people type them, the
// answer first, every "—" explained, warnings in plain words, one format per quantity. The
// page's numbers are compared with the native core's (the `gpuecon` command) for the same
// inputs, computed here, never pasted.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { assertClose, explained, metric, native, open, recomputed, recomputes, shots, tableValues } from "./calculator-page.mjs";

let browser;
let context;
const presets = native("presets");
const scenarioOf = (id) => structuredClone(presets.find((p) => p.id === id).scenario);

before(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
});

/** The native core's report of `scenario` (written to a file for `gpuecon evaluate FILE`). */
function evaluateNatively(scenario) {
  const file = join(mkdtempSync(join(tmpdir(), "gpuecon-analysts-")), "scenario.json");
  writeFileSync(file, JSON.stringify(scenario));
  return native("evaluate", file);
}

/** Types `text` into `selector` and waits for the panel's recompute. */
async function type(page, panel, selector, text) {
  const n = await recomputes(page, panel);
  await page.fill(selector, text);
  await recomputed(page, panel, n);
}

const RATE = "#scenario-evaluate-scenario-annual-discount-rate";
const CAPEX = "#scenario-evaluate-scenario-fleet-capex-usd-per-gpu";

test("a percent field takes 10, 10 % and 10%; 0.10 brings the wrong-scale question", async () => {
  const { page, problems } = await open(context, "#p=scenario");
  const n = await recomputes(page, "scenario");
  await page.selectOption("#scenario-evaluate-preset", "h100-cluster-1024");
  await recomputed(page, "scenario", n);
  // The preset's rate is shown as a percentage: the core's fraction × 100.
  const preset = scenarioOf("h100-cluster-1024");
  assert.equal(Number(await page.inputValue(RATE)), Number(preset.annual_discount_rate) * 100);
  assert.equal(await page.locator(`${RATE}-unit`).textContent(), "% a year");

  const at10 = evaluateNatively({ ...preset, annual_discount_rate: "0.10" }).summary.metrics.npv_usd;
  for (const typed of ["10", "10 %", "10%"]) {
    await type(page, "scenario", RATE, typed);
    assertClose(await metric(page, "scenario", "evaluate.npv"), at10, `NPV with "${typed}" typed`);
  }
  // The input's definition from the core's glossary, shown on focus: as `gpuecon explain` prints it.
  const definition = explained("scenario.annual_discount_rate");
  await page.focus(RATE);
  const gloss = page.locator(`${RATE}-gloss`);
  assert.equal(await gloss.isVisible(), true);
  // A percent field's help speaks of percentages where the core's speaks of fractions (0.10).
  const help = await gloss.textContent();
  assert.ok(help.startsWith(definition.split(" (0.10 for 10 %)")[0]), help);
  assert.ok(!help.includes("0.10 for 10 %") && help.includes("Typed here as a percentage: 10 means 10 %."), help);
  // 0.10: not computed silently at 0.1 %, but asked about; the last numbers stay.
  await type(page, "scenario", RATE, "0.10");
  const message = page.locator(`${RATE}-error`);
  assert.match(await message.textContent(), /did you mean 10 %\?/);
  assert.equal(await page.locator(RATE).getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#scenario-evaluate").getAttribute("data-state"), "error");
  assertClose(await metric(page, "scenario", "evaluate.npv"), at10, "the last good NPV stays");
  // Keeping 0.1 % is a choice the field then shows with its sign.
  let m = await recomputes(page, "scenario");
  await message.locator("button", { hasText: "Keep 0.1 %" }).click();
  await recomputed(page, "scenario", m);
  assert.equal(await page.inputValue(RATE), "0.1 %");
  assertClose(await metric(page, "scenario", "evaluate.npv"), evaluateNatively({ ...preset, annual_discount_rate: "0.001" }).summary.metrics.npv_usd, "NPV at 0.1 %");
  await type(page, "scenario", RATE, "0.10");
  m = await recomputes(page, "scenario");
  await message.locator("button", { hasText: "Use 10 %" }).click();
  await recomputed(page, "scenario", m);
  assert.equal(await page.inputValue(RATE), "10");
  assertClose(await metric(page, "scenario", "evaluate.npv"), at10, "NPV after taking 10 %");
  assert.deepEqual(problems, []);
  await page.close();
});

test("amounts typed as 50,000 and $50k; three bad fields show three messages at once", async () => {
  const { page, problems } = await open(context, "#p=scenario");
  const n = await recomputes(page, "scenario");
  await page.selectOption("#scenario-evaluate-preset", "h100-cluster-1024");
  await recomputed(page, "scenario", n);
  const at50k = evaluateNatively({ ...scenarioOf("h100-cluster-1024"), fleet: { ...scenarioOf("h100-cluster-1024").fleet, capex_usd_per_gpu: "50000" } }).summary.metrics.npv_usd;
  for (const typed of ["50,000", "$50k", "$50,000"]) {
    await type(page, "scenario", CAPEX, typed);
    assertClose(await metric(page, "scenario", "evaluate.npv"), at50k, `NPV with capex "${typed}"`);
  }
  const bad = [
    [CAPEX, "50 grand"],
    [RATE, "ten"],
    ["#scenario-evaluate-scenario-horizon-months", "1.5"],
  ];
  for (const [selector, text] of bad) await type(page, "scenario", selector, text);
  for (const [selector, text] of bad) {
    const said = await page.locator(`${selector}-error`).textContent();
    assert.ok(said.includes(`"${text}"`), `${selector}: the message quotes what was typed: ${said}`);
    assert.doesNotMatch(said, /Invalid|decimal|parse|overflow/i, `${selector}: the page's words, not a library's: ${said}`);
    assert.equal(await page.locator(selector).getAttribute("aria-invalid"), "true");
  }
  assertClose(await metric(page, "scenario", "evaluate.npv"), at50k, "the last good NPV stays");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the box's answer first: IRR, DSCR and LTV against their covenants, the default, as the CLI", async () => {
  const { page, problems } = await open(context, "#p=box");
  for (const id of ["coreweave-box-ig", "coreweave-box-sub-ig"]) {
    const n = await recomputes(page, "box");
    await page.selectOption("#box-financing-preset", id);
    await recomputed(page, "box", n);
    const report = native("evaluate", "--preset", id);
    const s = report.financing.summary;
    const terms = scenarioOf(id).financing;
    const strip = page.locator("#box-financing .summary-strip");
    assertClose(await metric(page, "box", "financing.equity_irr"), s.equity.irr_annual, `${id} equity IRR`);
    assertClose(await metric(page, "box", "financing.minimum_dscr"), s.minimum_dscr, `${id} minimum DSCR`);
    assertClose(await metric(page, "box", "financing.peak_ltv"), s.peak_ltv, `${id} peak LTV`);
    assertClose(await metric(page, "box", "financing.first_default"), s.first_default_month, `${id} default month`);
    // The headroom, worked from the CLI's figures: minimum DSCR − the covenant; covenant − peak LTV.
    const dscrRoom = Number(s.minimum_dscr) - Number(terms.min_dscr);
    const dscrDetail = await strip.locator("[data-detail='financing.minimum_dscr']").textContent();
    assert.ok(dscrDetail.startsWith(`${Math.abs(dscrRoom).toFixed(2)}x ${dscrRoom >= 0 ? "above" : "below"} the ${Number(terms.min_dscr).toFixed(2)}x covenant`), `${id}: ${dscrDetail}`);
    const ltvRoom = (Number(terms.max_ltv) - Number(s.peak_ltv)) * 100;
    const ltvDetail = await strip.locator("[data-detail='financing.peak_ltv']").textContent();
    assert.ok(ltvDetail.startsWith(`${Math.abs(ltvRoom).toFixed(2)} points ${ltvRoom >= 0 ? "below" : "above"}`), `${id}: ${ltvDetail}`);
    const judged = (key) => strip.locator(`.metric:has(output[data-metric='${key}'])`).getAttribute("data-judged");
    assert.equal(await judged("financing.minimum_dscr"), dscrRoom < 0 ? "bad" : dscrRoom < 0.1 ? "near" : "good");
    assert.equal(await judged("financing.first_default"), s.first_default_month === null ? "" : "bad");
    // A "—" says why on hover.
    const dash = page.locator("output[data-metric='financing.first_default']");
    if (s.first_default_month === null) {
      assert.equal(await dash.textContent(), "—");
      assert.match(await dash.getAttribute("title"), /No default/);
    } else {
      const date = report.months.find((m) => m.month === s.first_default_month).date;
      assert.match(await strip.locator("[data-detail='financing.first_default']").textContent(), new RegExp(`month ${s.first_default_month}, ${date}`));
    }
    // The report's warnings, in the core's sentences.
    const warnings = await page.locator("#box-financing .warnings li").allTextContents();
    assert.deepEqual(warnings, (report.warnings ?? []).map((w) => w.message), `${id}: its warnings`);
  }
  // The glossary's definition of a result, on focus.
  await page.focus("output[data-metric='financing.minimum_dscr']");
  assert.equal(await page.locator("#box-financing-minimum_dscr-gloss").isVisible(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the tornado table prints the output in its format: equity IRR in %, not a fraction", async () => {
  const { page, problems } = await open(context, "#p=montecarlo");
  await page.locator("#montecarlo-sensitivity[data-state='ok']").waitFor({ timeout: 20_000 });
  const rows = await tableValues(page, "montecarlo", "sensitivity.tornado");
  const shown = await page.locator("#panel-montecarlo [data-table='sensitivity.tornado'] tbody tr[data-row]").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.ok(rows.length > 0);
  for (const [i, row] of shown.entries()) {
    const value = rows[i][3];
    if (value === "") continue;
    // The fraction × 100 with two decimals, then "%": 1.0432 → 104.32 %.
    const expected = `${(Number(value) * 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
    assert.equal(row[3], expected, `row ${i}: at low`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("an edited preset is Custom (from …), lists what changed, and undoes", async () => {
  const { page, problems } = await open(context, "#p=box");
  const n = await recomputes(page, "box");
  await page.selectOption("#box-financing-preset", "coreweave-box-ig");
  await recomputed(page, "box", n);
  const irr = await metric(page, "box", "financing.equity_irr");
  const box = scenarioOf("coreweave-box-ig");
  // The advance rate, a percent field: 30 typed is 0.30 to the core; the list shows both in %.
  assert.equal(box.financing.advance_rate, "0.385");
  await type(page, "box", "#box-financing-scenario-financing-advance-rate", "30");
  assert.match(await page.locator("#panel-box .preset-about").textContent(), /^Custom \(from “.+”\)/);
  assert.deepEqual(await page.locator("#panel-box .changed-list li").allTextContents(), ["financing.advance_rate: 38.5 % → 30 %"]);
  const m = await recomputes(page, "box");
  await page.click("#box-financing-undo");
  await recomputed(page, "box", m);
  assert.equal(await page.locator("#panel-box .changed").isVisible(), false);
  assert.equal(await metric(page, "box", "financing.equity_irr"), irr);
  assert.deepEqual(problems, []);
  await page.close();
});

test("at a phone's width the answer comes before the inputs; printed, a memo without navigation or buttons", async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { page, problems } = await open(phone, "#p=box");
  const top = (selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok((await top("#box-financing .summary-strip")) < (await top("#box-financing form.inputs")), "the summary strip is above the inputs");
  if (shots) await page.screenshot({ path: join(shots, "calculator-phone-box.png") });
  await phone.close();

  const desk = await open(context, "#p=box");
  await desk.page.emulateMedia({ media: "print" });
  for (const hidden of ["nav", "#panel-box button", "#box-financing form.inputs .fields", "#panel-box .table-block"]) {
    const shown = await desk.page.locator(hidden).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
    assert.equal(shown, 0, `${hidden} is not printed`);
  }
  assert.equal(await desk.page.locator("#box-financing .summary-strip").isVisible(), true);
  assert.equal(await desk.page.locator("#panel-box [data-chart='financing.dscr']").isVisible(), true);
  if (shots) await desk.page.screenshot({ path: join(shots, "calculator-print.png"), fullPage: true });
  assert.deepEqual([...problems, ...desk.problems], []);
  await desk.page.close();
});

test("every chart labels both axes; month charts show dates; the box shades breaches and marks the default", async () => {
  const { page, problems } = await open(context);
  const panels = await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.panel));
  const unlabelled = [];
  for (const id of panels) {
    await page.click(`nav a[data-panel="${id}"]`);
    await page.locator(`#panel-${id}:not([hidden])`).waitFor();
    await page.waitForFunction((panel) => [...document.querySelectorAll(`#panel-${panel} .block`)].every((b) => b.dataset.state && b.dataset.state !== "computing"), id);
    const figures = await page.locator(`#panel-${id} figure[data-points]:not([hidden])`).evaluateAll((fs) => fs.map((f) => [f.dataset.chart, f.dataset.xLabel, f.dataset.yLabel]));
    for (const [chart, x, y] of figures) if (!x || !y) unlabelled.push(`${id} ${chart}: x "${x}", y "${y}"`);
  }
  assert.deepEqual(unlabelled, []);
  // The sub-investment-grade box: its default month as the CLI's, its breach months shaded.
  await page.click("nav a[data-panel='box']");
  const n = await recomputes(page, "box");
  await page.selectOption("#box-financing-preset", "coreweave-box-sub-ig");
  await recomputed(page, "box", n);
  const report = native("evaluate", "--preset", "coreweave-box-sub-ig");
  const breaches = report.financing.months.filter((m) => m.in_breach).length;
  assert.ok(breaches > 0, "the preset breaches");
  const dscr = page.locator("#panel-box [data-chart='financing.dscr']");
  assert.equal(await dscr.locator(".chart-note").textContent(), "Shaded: months in breach of a covenant.");
  // Its data table: one row a month, with the month's date.
  await dscr.locator(".chart-data-box summary").click();
  // The table is made on the details' toggle event, which fires after the click returns.
  await dscr.locator(".chart-data tbody tr").first().waitFor();
  const rows = await dscr.locator(".chart-data tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, report.months.length);
  assert.equal(rows[0][1], report.months[0].date);
  // The waterfall's uses of CFADS, as the CLI's, in its table.
  const waterfall = await tableValues(page, "box", "financing.box-waterfall");
  for (const [i, m] of report.financing.months.entries()) {
    assertClose(waterfall[i][2], m.cfads_usd, `month ${m.month} CFADS`);
    assertClose(waterfall[i][3], m.interest_usd, `month ${m.month} interest`);
    assertClose(waterfall[i][4], m.principal_usd, `month ${m.month} principal`);
    assertClose(waterfall[i][10], m.distribution_usd, `month ${m.month} distribution`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("compare: the two box presets as A and B show the CLI's two evaluations and their differences, kept in the link", async () => {
  const { page, problems } = await open(context, "#p=box");
  let n = await recomputes(page, "box");
  await page.selectOption("#box-financing-preset", "coreweave-box-ig");
  await recomputed(page, "box", n);
  n = await recomputes(page, "box");
  await page.click("#box-financing-pin");
  await recomputed(page, "box", n);
  n = await recomputes(page, "box");
  await page.selectOption("#box-financing-preset", "coreweave-box-sub-ig");
  await recomputed(page, "box", n);
  const a = native("evaluate", "--preset", "coreweave-box-ig").financing.summary;
  const b = native("evaluate", "--preset", "coreweave-box-sub-ig").financing.summary;
  const row = (label) => page.locator(`#panel-box tr[data-compare='${label}'] td`).evaluateAll((tds) => tds.map((td) => [td.dataset.value, td.textContent]));
  const irr = await row("Equity IRR");
  assertClose(irr[0][0], a.equity.irr_annual, "A's equity IRR");
  assertClose(irr[1][0], b.equity.irr_annual, "B's equity IRR");
  const dIrr = (Number(b.equity.irr_annual) - Number(a.equity.irr_annual)) * 100;
  assert.equal(irr[2][1], `${dIrr > 0 ? "+" : "−"}${Math.abs(dIrr).toFixed(2)} points`);
  const dscr = await row("Minimum DSCR");
  assertClose(dscr[0][0], a.minimum_dscr, "A's minimum DSCR");
  assertClose(dscr[1][0], b.minimum_dscr, "B's minimum DSCR");
  const dDscr = Number(b.minimum_dscr) - Number(a.minimum_dscr);
  assert.equal(dscr[2][1], `${dDscr > 0 ? "+" : dDscr < 0 ? "−" : "±"}${Math.abs(dDscr).toFixed(2)}x`);
  const defaults = await row("Default month");
  assertClose(defaults[0][0], a.first_default_month, "A's default month");
  assertClose(defaults[1][0], b.first_default_month, "B's default month");
  // The inputs that differ: the two presets' own differences (the credit tier among them).
  const inputs = await page.locator("#panel-box .compare-inputs li").allTextContents();
  assert.ok(inputs.some((line) => line.startsWith("financing.interest.credit_tier: ")), inputs.join("\n"));
  assert.equal(await page.locator("#panel-box [data-chart='financing.compare_dscr']").isVisible(), true);
  // In the link: reopened, the comparison is there.
  await page.waitForTimeout(400);
  const { page: again, problems: more } = await open(context, new URL(page.url()).hash);
  const reopened = await again.locator("#panel-box tr[data-compare='Equity IRR'] td").evaluateAll((tds) => tds.map((td) => td.dataset.value));
  assert.deepEqual(reopened.slice(0, 2), irr.slice(0, 2).map(([v]) => v));
  n = await recomputes(again, "box");
  await again.click("#box-financing-unpin");
  await recomputed(again, "box", n);
  assert.equal(await again.locator("#panel-box tr[data-compare]").count(), 0);
  assert.deepEqual([...problems, ...more], []);
  await page.close();
  await again.close();
});

test("exports: the CSV's cash flows give the page's IRR and the box's equity IRR through `gpuecon fn irr`; TSV round-trips; a chart as PNG", async () => {
  const downloads = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await downloads.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { page, problems } = await open(downloads, "#p=scenario");
  const n = await recomputes(page, "scenario");
  await page.selectOption("#scenario-evaluate-preset", "h100-cluster-1024");
  await recomputed(page, "scenario", n);
  const table = page.locator("#panel-scenario [data-table='evaluate.scenario-months']");
  const [csv] = await Promise.all([page.waitForEvent("download"), table.locator("button", { hasText: "Download CSV" }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), "gpuecon-csv-")), csv.suggestedFilename());
  await csv.saveAs(file);
  const lines = readFileSync(file, "utf8").trim().split("\r\n").map((l) => l.split(","));
  const column = lines[0].indexOf("Cash flow");
  assert.equal(lines[1][column], "USD", "the units row");
  const pct = lines[0].indexOf("Billed utilization");
  assert.equal(lines[1][pct], "%");
  // Percentages as percentage numbers: the core's fraction with the point moved two places.
  const report = native("evaluate", "--preset", "h100-cluster-1024");
  assert.equal(Number(lines[3][pct]), Number(report.months[0].billed_utilization) * 100);
  assert.equal(lines[2][0], "0", "month 0, the close");
  const flows = lines.slice(2).map((l) => l[column]);
  // Excel's IRR of the column (monthly), annualized as the page's: (1 + r)^12 − 1.
  const monthly = Number(execFileSync(process.env.GPUECON_CLI, ["fn", "irr", JSON.stringify(flows)], { encoding: "utf8" }));
  const annual = (1 + monthly) ** 12 - 1;
  const shown = Number(await metric(page, "scenario", "evaluate.irr"));
  assert.ok(Math.abs(annual - shown) < 1e-9, `IRR of the CSV ${annual}, the page's ${shown}`);

  // Copy as TSV, read back from the clipboard and parsed: the same numbers as the CSV.
  await table.locator("button", { hasText: "Copy as TSV" }).click();
  await table.locator(".copied").filter({ hasText: "Copied" }).waitFor();
  const tsv = (await page.evaluate(() => navigator.clipboard.readText())).trim().split("\n").map((l) => l.split("\t"));
  assert.equal(tsv[0][column], "Cash flow (USD)");
  assert.deepEqual(tsv.slice(1).map((r) => r[column]), flows);

  // A chart as a PNG image.
  const figure = page.locator("#panel-scenario [data-chart='evaluate.cash_flow']");
  const [png] = await Promise.all([page.waitForEvent("download"), figure.locator("button", { hasText: "PNG" }).click()]);
  const image = join(mkdtempSync(join(tmpdir(), "gpuecon-png-")), png.suggestedFilename());
  await png.saveAs(image);
  assert.deepEqual([...readFileSync(image).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  assert.deepEqual(problems, []);

  // The box's statements: month 0 is the equity's flow at the close, so that Excel's IRR
  // of the equity column, annualized, is the page's equity IRR.
  const box = await open(downloads, "#p=box");
  const statements = box.page.locator("#panel-box [data-table='financing.box-statements']");
  const [boxCsv] = await Promise.all([box.page.waitForEvent("download"), statements.locator("button", { hasText: "Download CSV" }).click()]);
  const boxFile = join(mkdtempSync(join(tmpdir(), "gpuecon-csv-")), boxCsv.suggestedFilename());
  await boxCsv.saveAs(boxFile);
  const boxLines = readFileSync(boxFile, "utf8").trim().split("\r\n").map((l) => l.split(","));
  const equity = boxLines[0].indexOf("Equity cash flow");
  assert.equal(boxLines[2][0], "0", "month 0, the close");
  const closeFlow = native("evaluate", "--preset", "coreweave-box-ig").financing.summary.equity_close_cash_flow_usd;
  assert.equal(boxLines[2][equity], closeFlow, "the close's equity flow, the core's");
  assert.ok(Number(closeFlow) < 0, "the equity puts money in at the close");
  const equityFlows = boxLines.slice(2).map((l) => l[equity]);
  const equityMonthly = Number(execFileSync(process.env.GPUECON_CLI, ["fn", "irr", JSON.stringify(equityFlows)], { encoding: "utf8" }));
  const equityAnnual = (1 + equityMonthly) ** 12 - 1;
  const boxShown = Number(await metric(box.page, "box", "financing.equity_irr"));
  assert.ok(Math.abs(equityAnnual - boxShown) < 1e-9, `equity IRR of the CSV ${equityAnnual}, the page's ${boxShown}`);
  assert.deepEqual(box.problems, []);
  await downloads.close();
});

test("hosting: the strip's price per kW-month, net fees and the host's margin by hand, judged against 75 %", async () => {
  const { page, problems } = await open(context, "#p=hosting");
  await page.locator("#hosting-fees[data-state='ok']").waitFor({ timeout: 20_000 });
  // 20,000 kW × $120.83 = $2,416,600 a month (above the $2M minimum), × 12 = $28,999,200.
  // Credits: 5 % (99.8 % uptime) + 10 % (98.5 %) + 25 % capped at 20 % (94 %) = 35 % of a
  // month's fee = $845,810 (under the $1M a year cap). Net: $28,153,390.
  assert.equal(Number(await metric(page, "hosting", "fees.per_kw_month")), 120.83);
  assert.equal(Number(await metric(page, "hosting", "fees.net_total")), 28_153_390);
  // The host's cost, $27 per kW-month (the default, an assumption): 20,000 × 27 × 12 =
  // $6,480,000; margin 28,153,390 − 6,480,000 = $21,673,390, 21,673,390 ÷ 28,153,390 =
  // 76.98 %: above the 75 % threshold, so judged good.
  assert.equal(Number(await metric(page, "hosting", "fees.host_cost")), 6_480_000);
  assert.equal(Number(await metric(page, "hosting", "fees.margin_usd")), 21_673_390);
  const share = Number(await metric(page, "hosting", "fees.margin"));
  assert.ok(Math.abs(share - 21_673_390 / 28_153_390) < 1e-12, `margin share ${share}`);
  const margin = page.locator("#panel-hosting output[data-metric='fees.margin']");
  assert.equal(await margin.locator("xpath=..").getAttribute("data-judged"), "good");
  assert.match(await page.locator("#panel-hosting [data-detail='fees.margin']").textContent(), /threshold 75 %/);
  // The assumption's sources are links that open.
  const links = page.locator("#panel-hosting [data-note='host-cost'] a");
  assert.equal(await links.count(), 3);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    assert.match(href, /^(https:\/\/|domain\.html#section-)/);
  }
  // A host cost of $40 per kW-month: 1 − 40 × 20,000 × 12 ÷ 28,153,390 = 65.9 %: bad.
  let n = await recomputes(page, "hosting");
  await page.fill("#hosting-fees-host-cost-usd-per-kw-month", "40");
  await recomputed(page, "hosting", n);
  assert.ok(Math.abs(Number(await metric(page, "hosting", "fees.margin")) - (1 - 9_600_000 / 28_153_390)) < 1e-12);
  assert.equal(await margin.locator("xpath=..").getAttribute("data-judged"), "bad");
  // No host cost: a "—" that says why.
  n = await recomputes(page, "hosting");
  await page.uncheck("#hosting-fees-host-cost-on");
  await recomputed(page, "hosting", n);
  assert.equal(await margin.getAttribute("data-value"), "");
  assert.match(await margin.getAttribute("title"), /no host cost is given/);
  assert.deepEqual(problems, []);
  await page.close();
});

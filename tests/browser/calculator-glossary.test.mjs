// Glossary help on the model panels (issue 17, item 5): an input or result of a model (the
// capacity book, the utilization yield) shows, on focus, the core's definition of it, as the
// native `gpuecon explain` prints it (its key `<model>.inputs.X` or `<model>.result.X`).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchChromium } from "./chromium.mjs";
import { explained, open } from "./calculator-page.mjs";

let browser;
let context;

before(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
});

/** Focuses `selector` and checks that its help (`help`, an element's id) shows `key`'s definition. */
async function assertHelp(page, selector, help, key) {
  await page.focus(selector);
  const gloss = page.locator(help);
  assert.equal(await gloss.isVisible(), true, `${selector}: its help is shown`);
  const text = await gloss.textContent();
  const definition = explained(key);
  assert.ok(definition.length > 0, key);
  // A percent field's help drops the core's "as a fraction (0.10 for 10 %)" wording.
  assert.ok(text.startsWith(definition.split(/ as a fraction| \(0\.\d+ for/)[0]), `${selector}: ${text}`);
}

test("the pricing panel's capacity book explains its inputs and results on focus", async () => {
  const { page, problems } = await open(context, "#p=pricing");
  await assertHelp(page, "#pricing-book-spot-discount", "#pricing-book-spot-discount-gloss", "capacity_book.inputs.spot.discount");
  // A row's field: the key writes its index as [].
  await assertHelp(page, "#pricing-book-reserved-0-discount", "#pricing-book-reserved-0-discount-gloss", "capacity_book.inputs.reserved[].discount");
  await assertHelp(page, "output[data-metric='book.idle']", "#pricing-book-idle-gloss", "capacity_book.result.idle_gpu_hours");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the utilization panel explains its three utilizations and its totals on focus", async () => {
  const { page, problems } = await open(context, "#p=utilization");
  await assertHelp(page, "#utilization-yield-price-usd-per-gpu-hour", "#utilization-yield-price-usd-per-gpu-hour-gloss", "utilization_yield.inputs.price_usd_per_gpu_hour");
  await assertHelp(page, "#utilization-yield-months-0-effective", "#utilization-yield-months-0-effective-gloss", "utilization_yield.inputs.months[].effective");
  await assertHelp(page, "output[data-metric='yield.per_utilized']", "#utilization-yield-per_utilized-gloss", "utilization_yield.result.totals.cost_usd_per_utilized_gpu_hour");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the concentration panel explains its recovery rate and its HHI on focus", async () => {
  const { page, problems } = await open(context, "#p=concentration");
  await assertHelp(page, "#concentration-customers-default-recovery-rate", "#concentration-customers-default-recovery-rate-gloss", "customer_concentration.inputs.default_recovery_rate");
  await assertHelp(page, "#concentration-customers-counterparties-0-revenue-usd", "#concentration-customers-counterparties-0-revenue-usd-gloss", "customer_concentration.inputs.counterparties[].revenue_usd");
  await assertHelp(page, "output[data-metric='customers.hhi_points']", "#concentration-customers-hhi_points-gloss", "customer_concentration.result.hhi_points");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the power panel explains its PUE, its PPA's terms and its net cost on focus", async () => {
  const { page, problems } = await open(context, "#p=power");
  await assertHelp(page, "#power-energy-pue", "#power-energy-pue-gloss", "energy_cost.inputs.pue");
  // A field of the tagged PPA (the default: a virtual PPA).
  await assertHelp(page, "#power-energy-ppa-strike-usd-per-mwh", "#power-energy-ppa-strike-usd-per-mwh-gloss", "energy_cost.inputs.ppa.strike_usd_per_mwh");
  await assertHelp(page, "output[data-metric='energy.net_cost']", "#power-energy-net_cost-gloss", "energy_cost.result.totals.net_cost_usd");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the owner-cost panel explains its inputs, with the scenario's ranges, and its answer on focus", async () => {
  const { page, problems } = await open(context, "#p=owner-cost");
  await assertHelp(page, "#owner-cost-cost-power-pue", "#owner-cost-cost-power-pue-gloss", "owner_cost.inputs.power.pue");
  await assertHelp(page, "#owner-cost-cost-capital-method", "#owner-cost-cost-capital-method-gloss", "owner_cost.inputs.capital.method");
  await assertHelp(page, "output[data-metric='cost.total']", "#owner-cost-cost-total-gloss", "owner_cost.result.total_usd_per_gpu_hour");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the hosting panel explains its fee's terms and an SLA tier on focus", async () => {
  const { page, problems } = await open(context, "#p=hosting");
  await assertHelp(page, "#hosting-fees-fee-usd-per-kw-month", "#hosting-fees-fee-usd-per-kw-month-gloss", "hosting_fees.inputs.fee.usd_per_kw_month");
  await assertHelp(page, "#hosting-fees-sla-tiers-0-credit-share", "#hosting-fees-sla-tiers-0-credit-share-gloss", "hosting_fees.inputs.sla_tiers[].credit_share");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the take-or-pay panel explains its contract's terms and the shortfall paid on focus", async () => {
  const { page, problems } = await open(context, "#p=take-or-pay");
  await assertHelp(page, "#take-or-pay-settle-contract-make-up-window-periods", "#take-or-pay-settle-contract-make-up-window-periods-gloss", "settle_contract.inputs.contract.make_up.window_periods");
  await assertHelp(page, "#take-or-pay-settle-usage-gpu-hours", "#take-or-pay-settle-usage-gpu-hours-gloss", "settle_contract.inputs.usage_gpu_hours");
  await assertHelp(page, "output[data-metric='settle.shortfall_paid']", "#take-or-pay-settle-shortfall_paid-gloss", "settle_contract.result.totals.shortfall_paid_usd");
  assert.deepEqual(problems, []);
  await page.close();
});

/** The labels of the inputs shown on the page that have no help (a field or a row's cell). */
async function inputsWithoutHelp(page) {
  return page.$$eval(".block .field, .block .row-table td", (nodes) =>
    nodes
      .filter((n) => n.offsetParent !== null && n.querySelector("input, select, textarea") && !n.classList.contains("has-gloss"))
      .map((n) => n.querySelector("label")?.textContent ?? n.querySelector("input, select, textarea").getAttribute("aria-label") ?? n.outerHTML.slice(0, 80)),
  );
}

/** The headers of the result tables shown on the page that explain nothing on hover and focus. */
async function columnsWithoutHelp(page) {
  return page.$$eval(".block .results-table th[scope=col]", (heads) => heads.filter((th) => th.offsetParent !== null && !th.querySelector(".gloss")?.textContent).map((th) => th.textContent));
}

test("the month-by-month tables of the model panels explain their columns on hover", async () => {
  for (const panel of ["depreciation", "facility", "debt", "networks", "power", "take-or-pay", "utilization"]) {
    const { page, problems } = await open(context, `#p=${panel}`);
    assert.deepEqual(await columnsWithoutHelp(page), [], panel);
    assert.deepEqual(problems, [], panel);
    await page.close();
  }
  const { page } = await open(context, "#p=facility");
  const rent = page.locator("#facility-lease th[scope=col]", { hasText: "Rent USD/kW-month" });
  await rent.focus();
  const help = rent.locator(".gloss");
  assert.ok(await help.isVisible(), "the column's definition shows on focus");
  assert.ok((await help.textContent()).startsWith(explained("lease_schedule.result.months[].rent_usd_per_kw_month")));
  await page.close();
});

test("the depreciation panel explains its book, its cascade's stages and the refresh decision on focus", async () => {
  const { page, problems } = await open(context, "#p=depreciation");
  await assertHelp(page, "#depreciation-value-book-life-years", "#depreciation-value-book-life-years-gloss", "value_schedule.inputs.book.life_years");
  await assertHelp(page, "#depreciation-cascade-stages-1-utilization", "#depreciation-cascade-stages-1-utilization-gloss", "cascade.inputs.stages[].utilization");
  await assertHelp(page, "#depreciation-refresh-new-generation-kw-per-gpu", "#depreciation-refresh-new-generation-kw-per-gpu-gloss", "refresh_decision.inputs.new_generation.kw_per_gpu");
  await assertHelp(page, "output[data-metric='refresh.difference']", "#depreciation-refresh-difference-gloss", "refresh_decision.result.npv_difference_usd");
  assert.deepEqual(await inputsWithoutHelp(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the facility panel explains its lease's rent and the rent a deal implies on focus", async () => {
  const { page, problems } = await open(context, "#p=facility");
  await assertHelp(page, "#facility-lease-usd-per-kw-month", "#facility-lease-usd-per-kw-month-gloss", "lease_schedule.inputs.usd_per_kw_month");
  // A field two models share, explained under the one that reads it first.
  await assertHelp(page, "#facility-capacity-kw-per-gpu", "#facility-capacity-kw-per-gpu-gloss", "mw_to_gpus.inputs.kw_per_gpu");
  await assertHelp(page, "output[data-metric='implied.per_kw_month']", "#facility-implied-per_kw_month-gloss", "implied_lease_rate.result.usd_per_kw_month");
  assert.deepEqual(await inputsWithoutHelp(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("every input of the model panels has help", async () => {
  for (const panel of ["debt", "tokens", "networks", "montecarlo", "pricing", "utilization", "power", "take-or-pay", "owner-cost", "concentration", "hosting"]) {
    const { page, problems } = await open(context, `#p=${panel}`);
    const missing = await inputsWithoutHelp(page);
    // The Monte Carlo's choice of scenario and the tornado's are the page's, not a model's.
    const own = missing.filter((label) => !(panel === "montecarlo" && ["Scenario", "Output", "Across", "Down", "Values across", "Values down"].includes(label)) && !label.startsWith("Swing"));
    assert.deepEqual(own, [], panel);
    assert.deepEqual(problems, [], panel);
    await page.close();
  }
  const { page } = await open(context, "#p=montecarlo");
  await assertHelp(page, "#montecarlo-run-options-seed", "#montecarlo-run-options-seed-gloss", "montecarlo.inputs.options.seed");
  await page.close();
});

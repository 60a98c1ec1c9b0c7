// What the scenario panels share: the presets, the scenario's fields, and the controls
// around them (preset picker with sources, JSON editor, import and export). A scenario
// block's state is `{ preset, scenario }`; `scenario` is exactly what `evaluate` takes and
// what `gpuecon evaluate FILE` reads.

import { presets } from "gpuecon";

import { download } from "../lib/csv.js";
import { sourceItem } from "../lib/sources.js";
import { glossOf } from "../lib/glossary.js";
import { shift } from "../lib/numbers.js";
import { check, choice, dec, details, el, group, int, optional, rows, text } from "../lib/form.js";
import { bookMethod, contractFields, curve, facilityGroup, loanInterest, operationsGroup, powerGroup } from "./common.js";

/** The core's presets, read once: scenarios (for `evaluate`) and portfolios of boxes. */
export const PRESETS = presets();
export const SCENARIO_PRESETS = PRESETS.filter((p) => p.scenario);
export const PORTFOLIO_PRESETS = PRESETS.filter((p) => p.portfolio);
/** Each scenario preset as JSON, to tell an edited preset from the original. */
const PRESET_JSON = new Map(SCENARIO_PRESETS.map((p) => [p.id, JSON.stringify(p.scenario)]));

/** A block state for preset `id`. */
export function presetState(id) {
  const preset = SCENARIO_PRESETS.find((p) => p.id === id);
  return { preset: id, scenario: structuredClone(preset.scenario) };
}

const S = "scenario";

/** The fleet, its costs, its market and its contracts. */
export const scenarioFields = [
  group("Scenario", [
    text("title", "Title"),
    text("start", "Start date", { placeholder: "YYYY-MM-DD" }),
    int("horizon_months", "Horizon", "months"),
    dec("annual_discount_rate", "Discount rate", "fraction a year"),
    check("sell_at_horizon", "Sell the fleet at its economic value in the last month", { default: true }),
  ], { path: S }),
  group("Fleet", [text("gpu", "GPU (catalog name)"), dec("gpus", "GPUs", "GPUs"), dec("capex_usd_per_gpu", "Capex per GPU", "USD")], { path: `${S}.fleet` }),
  powerGroup(`${S}.power`),
  facilityGroup(`${S}.facility`),
  operationsGroup(`${S}.operations`),
  group("Depreciation and residual value", [
    dec("depreciation.life_years", "Book life", "years"),
    dec("depreciation.salvage_usd_per_gpu", "Salvage", "USD/GPU", { optional: true }),
    bookMethod("depreciation.method"),
    curve("residual", "Economic value (× capex)"),
  ], { path: S }),
  group("Market: GPUs outside the contracts", [
    dec("on_demand_usd_per_gpu_hour", "On-demand price at the start", "USD/GPU-hour"),
    dec("utilization", "On-demand billed utilization", "fraction"),
    curve("price_curve", "On-demand price path"),
    rows("reserved", "Reserved blocks", () => ({ gpus: "64", start_month: 1, term_months: 12, discount: "0.38" }), [
      dec("gpus", "GPUs", "GPUs"),
      int("start_month", "First month", "month"),
      int("term_months", "Term", "months"),
      dec("discount", "Discount", "fraction"),
    ], { layout: "table", item: "Block" }),
    optional("spot", "Spot from idle on-demand hours", () => ({ discount: "0.58", share_of_idle_sold: "0.5", preemption_rate: "0.1" }), [
      dec("discount", "Discount", "fraction"),
      dec("share_of_idle_sold", "Idle hours sold", "fraction"),
      dec("preemption_rate", "Pre-empted", "fraction"),
    ]),
  ], { path: `${S}.market` }),
  rows(`${S}.contracts`, "Take-or-pay contracts", () => ({
    contract: { name: "new contract", gpus: "128", start_month: 1, term_months: 24, price_usd_per_gpu_hour: "2.35", commitment: { unit: "gpu_hours", quantity_per_month: "74752" } },
    usage_share: "0.9",
  }), [group("Contract", contractFields, { path: "contract" }), dec("usage_share", "Expected usage", "fraction of its GPU-hours")], { item: "Contract" }),
];

/** A box's debt, as `Financing`. */
export const defaultFinancing = () => ({
  advance_rate: "0.75",
  target_dscr: "1.3",
  tenor_months: 48,
  interest: { kind: "floating", sofr_annual_rates: ["0.04"], credit_tier: "named_investment_grade" },
  repayment: "sculpted",
  fees: { upfront_fee_share_of_commitment: "0.02" },
  max_ltv: "0.85",
  min_dscr: "1.2",
  cure_months: 2,
});

/**
 * The loan agreement's optional sections that direct the box's cash (core/src/scenario/
 * financing/terms.rs). Each starts, when switched on, at terms lenders commonly ask (an
 * assumption, to be replaced by the deal's): a 6-month DSRA funded at the close; a lock-up
 * below 1.10x trailing 3 months, released after 1 month; half the excess swept while locked
 * up; a swap of the whole balance at 4 %; a cap at 5 %; the federal 21 % income tax with the
 * core's defaults for the rest (IRC 163(j), 172, MACRS 5 years).
 */
const waterfallFields = [
  optional("dsra", "Debt service reserve account (DSRA)", () => ({ months: 6, funding: "close" }), [
    int("months", "Months of debt service held", "months"),
    choice("funding", "Funded", [["close", "At the close, by the equity"], ["cash_flow", "From the cash flow"]]),
  ]),
  optional("lock_up", "Lock-up: distributions stop below a DSCR", () => ({ min_dscr: "1.10", trailing_months: 3, release_after_months: 1 }), [
    dec("min_dscr", "Lock-up DSCR", "×"),
    choice("trailing_months", "Test window", [[1, "1 month"], [3, "3 months"], [12, "12 months"]]),
    int("release_after_months", "Passes before release", "months"),
  ]),
  optional("cash_sweep", "Cash sweep to the lender", () => ({ share: "0.5", when: "locked_up" }), [
    dec("share", "Share swept", "fraction of the excess cash"),
    choice("when", "When", [["always", "Every month"], ["locked_up", "Only while locked up"]]),
  ]),
  choice("day_count", "Day count", [[null, "The interest's own (ACT/360 floating, 30/360 fixed)"], ["act_360", "ACT/360"], ["30_360", "30/360"], ["act_365f", "ACT/365F"]]),
  optional("swap", "Interest rate swap (pay fixed)", () => ({ fixed_annual_rate: "0.04", notional: { kind: "share_of_balance", share: "1" } }), [
    dec("fixed_annual_rate", "Fixed rate paid", "fraction a year"),
    dec("notional.share", "Share of the balance hedged", "fraction"),
  ]),
  optional("cap", "Interest rate cap", () => ({ strike_annual_rate: "0.05", notional: { kind: "share_of_balance", share: "1" }, premium_usd: "0" }), [
    dec("strike_annual_rate", "Strike", "fraction a year"),
    dec("notional.share", "Share of the balance capped", "fraction"),
    dec("premium_usd", "Premium at the close", "USD"),
  ]),
  optional("taxes", "Income and property taxes", () => ({ income_tax_rate: "0.21" }), [
    dec("income_tax_rate", "Income tax rate", "fraction of taxable income"),
    dec("bonus_depreciation_share", "Bonus depreciation", "fraction of cost", { optional: true }),
    int("macrs_recovery_years", "MACRS recovery", "years", { optional: true }),
    dec("property_tax_rate", "Property tax", "fraction of cost a year", { optional: true }),
  ]),
];

export const financingField = (open) =>
  optional(`${S}.financing`, "Financing: debt secured by the GPUs and the contracts (the scenario becomes a box)", defaultFinancing, [
    dec("advance_rate", "Advance rate", "fraction of capex"),
    dec("target_dscr", "DSCR the debt is sized to", "×"),
    int("tenor_months", "Tenor", "months"),
    choice("repayment", "Repayment", [
      ["sculpted", "Sculpted to the cash flow"],
      ["level_payment", "Level payment"],
      ["straight", "Straight"],
      ["bullet", "Bullet"],
    ]),
    loanInterest("interest"),
    group("Fees", [
      dec("upfront_fee_share_of_commitment", "Upfront fee", "fraction of debt", { optional: true }),
      dec("commitment_fee_annual_rate", "Commitment fee", "fraction a year", { optional: true }),
    ], { path: "fees" }),
    group("Covenants", [
      dec("max_ltv", "Maximum LTV", "fraction", { optional: true }),
      dec("min_dscr", "Minimum DSCR", "×", { optional: true }),
      int("cure_months", "Cure period", "months", { optional: true }),
      dec("liquidation_haircut", "Forced-sale haircut", "fraction", { optional: true }),
      dec("min_llcr", "Minimum LLCR (sizing)", "×", { optional: true }),
    ]),
    details("Where the cash goes: reserve, lock-up, sweep, day count, hedges, taxes", waterfallFields),
  ], { open });

function slug(text) {
  return (text || "scenario").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scenario";
}

/** `state` with the block's pinned model A (`compare`, see compare.js) kept, if one is pinned. */
function keepingPin(block, state) {
  const { compare } = block.state();
  return compare ? { ...state, compare } : state;
}

/**
 * A value in the list of changes, as its field shows it: fractions (by the glossary's unit
 * of the scenario input at `path`) as percentages, "(none)" for absent, JSON for objects.
 */
export function shownValue(path, value) {
  if (value === undefined || value === null) return "(none)";
  if (typeof value === "object") return JSON.stringify(value);
  const unit = glossOf(`scenario.${path}`)?.unit ?? "";
  return /^(fraction|share)/.test(unit) && /^-?\d+(\.\d+)?$/.test(String(value)) ? `${shift(String(value), 2)} %` : String(value);
}

/**
 * The leaves that differ between `before` and `after` (plain JSON), as `[path, before,
 * after]` with paths written as the core writes them (`contracts[0].contract.gpus`); a list
 * whose length changed is one difference.
 */
export function differences(before, after, path = "") {
  const isObject = (v) => v !== null && typeof v === "object";
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => differences(b, after[i], `${path}[${i}]`));
  }
  if (isObject(before) && isObject(after) && !Array.isArray(before) && !Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => differences(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) || sameNumber(before, after) ? [] : [[path, before, after]];
}

/** Whether `a` and `b` are the same decimal number however written ("0.1", "0.10", 0.1). */
function sameNumber(a, b) {
  const decimal = /^-?\d+(\.\d+)?$/;
  // shift(x, 0) writes a decimal without its trailing zeros: "0.10" → "0.1".
  return decimal.test(String(a)) && decimal.test(String(b)) && shift(String(a), 0) === shift(String(b), 0);
}

/**
 * The controls above a scenario form: the preset picker with what the preset shows and its
 * sources, export and import of the scenario as JSON, and a JSON editor of the whole of it.
 */
export function scenarioControls(root, block) {
  const id = block.idPrefix;
  const picker = el("select", { id: `${id}-preset` });
  picker.append(el("option", { value: "", text: "Custom (edited or imported)" }));
  for (const p of SCENARIO_PRESETS) picker.append(el("option", { value: p.id, text: p.title }));
  picker.addEventListener("change", () => {
    if (picker.value) block.app.replaceState(block.key, keepingPin(block, presetState(picker.value)));
  });
  const about = el("p", { className: "preset-about" });
  // An edited preset: what differs from it, and a way back.
  const changedList = el("ul", { className: "changed-list", "aria-label": "Inputs changed from the preset" });
  const undo = el("button", { type: "button", className: "small", id: `${id}-undo`, text: "Undo my changes" });
  undo.addEventListener("click", () => {
    const { preset } = block.state();
    if (preset) block.app.replaceState(block.key, keepingPin(block, presetState(preset)));
  });
  const changedBox = el("div", { className: "changed", hidden: true }, [el("p", { className: "changed-title", text: "Changed from the preset:" }), changedList, undo]);
  const sources = el("ul", { className: "sources", "aria-label": "Sources" });
  const sourcesBox = el("details", { className: "group-details sources-box" }, [el("summary", { text: "Sources" }), sources]);

  const exportButton = el("button", { type: "button", className: "small", text: "Download scenario JSON" });
  exportButton.addEventListener("click", () => {
    const { scenario } = block.state();
    download(`${slug(scenario.title)}.json`, `${JSON.stringify(scenario, null, 2)}\n`, "application/json");
  });
  // The workbook writer is a module of its own (gpuecon/xlsx, bundled as xlsx.js beside
  // main.js): fetched on the first click only, so the page loads no faster or slower.
  const excelButton = el("button", { type: "button", className: "small", id: `${id}-xlsx`, text: "Download Excel model" });
  const excelError = el("span", { className: "error", id: `${id}-xlsx-error`, "aria-live": "polite" });
  excelButton.addEventListener("click", async () => {
    const { scenario, preset } = block.state();
    excelButton.disabled = true;
    try {
      const { workbook } = await import("./xlsx.js");
      const sources = SCENARIO_PRESETS.find((p) => p.id === preset)?.sources ?? [];
      const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      download(`${slug(scenario.title)}.xlsx`, workbook(scenario, sources), type);
      excelError.textContent = "";
    } catch (e) {
      excelError.textContent = `No workbook: ${e.message}`;
    } finally {
      excelButton.disabled = false;
    }
  });
  const importInput = el("input", { type: "file", id: `${id}-import`, accept: ".json,application/json", className: "visually-hidden" });
  const importLabel = el("label", { for: `${id}-import`, className: "button-like small", text: "Import scenario JSON" });
  const importError = el("span", { className: "error", id: `${id}-import-error`, "aria-live": "polite" });
  importInput.setAttribute("aria-describedby", `${id}-import-error`);
  importInput.addEventListener("change", async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text());
      // A preset file ({ id, scenario, … }) or a bare scenario, as `gpuecon evaluate` reads.
      const scenario = parsed && typeof parsed.scenario === "object" && parsed.id ? parsed.scenario : parsed;
      importError.textContent = "";
      block.app.replaceState(block.key, keepingPin(block, { preset: null, scenario }));
    } catch {
      importError.textContent = `${file.name} is not a scenario file: it is not JSON. "Download scenario JSON" writes one.`;
    }
    importInput.value = "";
  });

  const editor = el("textarea", { id: `${id}-json`, className: "json-editor", spellcheck: "false", "aria-describedby": `${id}-json-error` });
  const editorError = el("span", { className: "error", id: `${id}-json-error`, "aria-live": "polite" });
  editor.addEventListener("input", () => {
    try {
      const scenario = JSON.parse(editor.value);
      editorError.textContent = "";
      editor.removeAttribute("aria-invalid");
      block.state().scenario = scenario;
      block.state().preset = null;
      block.form.forget();
      block.form.render();
      block.app.changed(block);
    } catch (e) {
      editor.setAttribute("aria-invalid", "true");
      // The page's words, with where the parser stopped (the engine's own text varies by browser).
      const at = /position (\d+)/.exec(e.message)?.[1];
      editorError.textContent = `Not JSON yet${at ? ` (near character ${at})` : ""}: check the quotes, commas and braces.`;
    }
  });
  const editorBox = el("details", { className: "group-details json-box" }, [
    el("summary", { text: "The whole scenario as JSON (what gpuecon evaluate FILE reads)" }),
    el("label", { for: `${id}-json`, className: "visually-hidden", text: "Scenario JSON" }),
    editor,
    editorError,
  ]);

  root.append(
    el("div", { className: "field" }, [el("label", { for: `${id}-preset`, text: "Preset" }), picker]),
    about,
    changedBox,
    sourcesBox,
    el("div", { className: "row-actions left" }, [exportButton, excelButton, importLabel, importInput, importError, excelError]),
    editorBox,
  );

  /** The JSON editor shows the state, unless it is being typed in; filled only while open. */
  const syncEditor = () => {
    if (!editorBox.open || document.activeElement === editor) return;
    editor.value = JSON.stringify(block.state().scenario, null, 2);
    editor.removeAttribute("aria-invalid");
    editorError.textContent = "";
  };
  editorBox.addEventListener("toggle", syncEditor);

  let shownPreset; // the preset whose sources are listed
  /** Brings the controls in line with the state (after an edit, a preset, a URL). */
  block.syncControls = () => {
    const state = block.state();
    const preset = SCENARIO_PRESETS.find((p) => p.id === state.preset) ?? null;
    // Edited when a value differs from the preset's as a number, not as text ("0.10" is 0.1).
    const changes = preset ? differences(JSON.parse(PRESET_JSON.get(preset.id)), state.scenario) : [];
    const edited = changes.length > 0;
    picker.value = preset ? preset.id : "";
    const text = preset ? `${edited ? `Custom (from “${preset.title}”). ` : ""}${preset.about}${edited ? " (Edited: the numbers below are yours.)" : ""}` : "A scenario of your own.";
    if (about.textContent !== text) about.textContent = text;
    changedBox.hidden = changes.length === 0;
    const lines = changes.map(([path, was, now]) => `${path}: ${shownValue(path, was)} → ${shownValue(path, now)}`);
    // Rebuilt only when the list changed: most edits change a value already listed, or none.
    if (lines.join("\n") !== changedList.dataset.lines) {
      changedList.dataset.lines = lines.join("\n");
      changedList.replaceChildren(...lines.map((text) => el("li", { text })));
    }
    if (preset !== shownPreset) {
      sources.replaceChildren(...(preset ? preset.sources.map(sourceItem) : []));
      sourcesBox.hidden = !preset;
      shownPreset = preset;
    }
    syncEditor();
  };
}

/** `refreshControls` for a scenario block. */
export const syncScenarioControls = (block) => block.syncControls?.();

// Compare: the model shown pinned as A, then changed (or another preset picked) as B; both
// answers side by side with their differences, the inputs that differ, and A's DSCR drawn
// under B's. A is kept in the block's state (`compare: { title, scenario }`), so in the URL
// like every input. Both models are computed by the core; the page only subtracts the two
// answers it shows, for the Δ column (presentation, in floating point).

import { evaluate } from "gpuecon";

import { el } from "../lib/form.js";
import { format } from "../lib/format.js";
import { differences, SCENARIO_PRESETS, shownValue } from "./scenario-editor.js";

/** The rows of the comparison: `[label, get(financing summary), format, what Δ is]`. */
export const COMPARED = [
  ["Equity IRR", (s) => s.equity.irr_annual, "pct", "points"],
  ["Minimum DSCR", (s) => s.minimum_dscr, "ratio", "ratio"],
  ["Peak LTV", (s) => s.peak_ltv, "pct", "points"],
  ["Default month", (s) => s.first_default_month, "int", "none"],
  ["Debt", (s) => s.debt_usd, "usd0", "usd0"],
  ["Equity NPV", (s) => s.equity.npv_usd, "usd0", "usd0"],
  ["Months in breach", (s) => s.months_in_breach, "int", "int"],
];

let cached = { json: null, report: null }; // A's report, computed once per pinned model

/** A's report (the pinned model's), or null when none is pinned. */
export function pinnedReport(input) {
  if (!input.compare?.scenario) return null;
  const json = JSON.stringify(input.compare.scenario);
  if (cached.json !== json) cached = { json, report: evaluate(input.compare.scenario) };
  return cached.report;
}

/** B − A for display: "+1.23 points", "−0.05x", "+$1,200", or "" where not defined. */
function delta(a, b, kind) {
  if (a === null || a === undefined || b === null || b === undefined || kind === "none") return "";
  const d = Number(b) - Number(a);
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  if (kind === "points") return `${sign}${(Math.abs(d) * 100).toFixed(2)} points`;
  return `${sign}${format(Math.abs(d), kind)}`;
}

/** The buttons above the form: pin the model as A, clear the comparison. */
export function compareControls(root, block) {
  const pin = el("button", { type: "button", className: "small", id: `${block.idPrefix}-pin`, text: "Pin as A to compare" });
  const clear = el("button", { type: "button", className: "small", id: `${block.idPrefix}-unpin`, text: "Stop comparing" });
  const said = el("p", { className: "compare-status", "aria-live": "polite" });
  pin.addEventListener("click", () => {
    const state = block.state();
    const title = SCENARIO_PRESETS.find((p) => p.id === state.preset)?.title ?? state.scenario.title ?? "the pinned model";
    state.compare = { title, scenario: structuredClone(state.scenario) };
    block.app.changed(block);
  });
  clear.addEventListener("click", () => {
    delete block.state().compare;
    block.app.changed(block);
  });
  root.append(el("div", { className: "row-actions left compare-actions" }, [pin, clear, said]));
  const sync = block.syncControls;
  block.syncControls = () => {
    sync?.();
    const compare = block.state().compare;
    clear.hidden = !compare;
    said.textContent = compare ? `A: ${compare.title} (pinned). Change the inputs or pick another preset: that is B.` : "";
  };
}

/** The comparison's output: A and B's answers with the differences, then the inputs that differ. */
export function renderComparison(host, r) {
  if (!r.pinned) {
    host.replaceChildren();
    host.hidden = true;
    return;
  }
  host.hidden = false;
  const a = r.pinned.financing.summary;
  const b = r.report.financing.summary;
  const rows = COMPARED.map(([label, get, kind, dk]) =>
    el("tr", { "data-compare": label }, [
      el("th", { scope: "row", text: label }),
      el("td", { className: "number", "data-value": get(a) ?? "", text: format(get(a), kind) }),
      el("td", { className: "number", "data-value": get(b) ?? "", text: format(get(b), kind) }),
      el("td", { className: "number", text: delta(get(a), get(b), dk) }),
    ]),
  );
  const changed = differences(r.pinnedScenario, r.scenario);
  host.replaceChildren(
    el("table", { className: "results-table compare-table" }, [
      el("caption", { text: `Compare: A (${r.pinnedTitle}) and B (the model above)` }),
      el("thead", {}, [el("tr", {}, ["", "A", "B", "B − A"].map((t) => el("th", { scope: "col", text: t })))]),
      el("tbody", {}, rows),
    ]),
    el("p", { className: "changed-title", text: changed.length ? `Inputs that differ (${changed.length}):` : "The inputs are the same." }),
    el("ul", { className: "changed-list compare-inputs" }, changed.slice(0, 40).map(([path, was, now]) => el("li", { text: `${path}: ${shownValue(path, was)} → ${shownValue(path, now)}` }))),
  );
}

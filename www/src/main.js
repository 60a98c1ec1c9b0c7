// The calculator: inputs go to the gpuecon package as typed (decimal strings); results
// and errors come back from the core. No formula is computed here.
import { sln, GpueconError } from "gpuecon";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

const form = document.querySelector("#sln");
const result = document.querySelector("#sln-result");
const fields = ["cost", "salvage", "life"];

function showError(field, message) {
  for (const name of fields) {
    const input = document.querySelector(`#sln-${name}`);
    const slot = document.querySelector(`#sln-${name}-error`);
    const mine = name === field;
    input.setAttribute("aria-invalid", String(mine));
    slot.textContent = mine ? message : "";
  }
}

function recompute() {
  const values = fields.map((name) => document.querySelector(`#sln-${name}`).value);
  try {
    const perYear = sln(...values);
    result.dataset.value = perYear;
    // Intl formats a decimal string exactly (no float conversion) for presentation.
    result.textContent = usd.format(perYear);
    showError(null, "");
  } catch (e) {
    if (!(e instanceof GpueconError)) throw e;
    // Keep the last good result; say what is wrong next to the field.
    showError(e.field, e.message.replace(`${e.field}: `, ""));
  }
}

form.addEventListener("input", recompute);
recompute();

//! Power: `energy_split`, `energy_cost` and `curtailment_cost`.

use gpuecon::models::power;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// IT energy against facility energy by PUE: `{ it_kwh, pue }` in; `it_kwh`,
/// `overhead_kwh` and `facility_kwh` out, decimals as strings.
#[wasm_bindgen]
pub fn energy_split(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", power::energy_split)
}

/// The electricity bill month by month. `inputs` is an object of the shape of the core's
/// `EnergyCostInputs` (`{ market_usd_per_mwh, load, pue, ppa }`); the result has one row
/// per month (energy bought, PPA settlement, net cost, cost per GPU-hour) and totals.
#[wasm_bindgen]
pub fn energy_cost(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", power::energy_cost)
}

/// The cost of curtailment month by month and the break-even power price. `inputs` is an
/// object of the shape of the core's `CurtailmentInputs`.
#[wasm_bindgen]
pub fn curtailment_cost(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", power::curtailment_cost)
}

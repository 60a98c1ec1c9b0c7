//! Facility: `rack_density`, `mw_to_gpus`, `gpus_to_mw`, `lease_schedule`,
//! `implied_lease_rate` and `interconnection_delay`.

use gpuecon::models::facility;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// kW per rack, racks, rows and whether liquid cooling is required. `inputs` is an object
/// of the shape of the core's `RackDensityInputs`; counts are numbers, decimals strings.
#[wasm_bindgen]
pub fn rack_density(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", facility::rack_density)
}

/// The whole GPUs a critical IT capacity holds: `{ critical_it_mw, kw_per_gpu }` in;
/// `gpus`, `used_kw` and `spare_kw` out.
#[wasm_bindgen]
pub fn mw_to_gpus(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", facility::mw_to_gpus)
}

/// The critical IT capacity GPUs need: `{ gpus, kw_per_gpu }` in; `critical_it_kw` and
/// `critical_it_mw` out.
#[wasm_bindgen]
pub fn gpus_to_mw(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", facility::gpus_to_mw)
}

/// A colocation or hyperscale lease month by month (rent with its escalator, triple-net
/// items) and its totals. `inputs` is an object of the shape of the core's `LeaseInputs`.
#[wasm_bindgen]
pub fn lease_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", facility::lease_schedule)
}

/// The $/kW-month a lease deal implies: `{ total_contract_value_usd, term_months,
/// contracted_mw }` in.
#[wasm_bindgen]
pub fn implied_lease_rate(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", facility::implied_lease_rate)
}

/// The NPV cost of waiting in the grid interconnection queue, month by month and for a
/// given delay. `inputs` is an object of the shape of the core's `InterconnectionInputs`.
#[wasm_bindgen]
pub fn interconnection_delay(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", facility::interconnection_delay)
}

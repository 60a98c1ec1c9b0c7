//! Hosting agreements: `hosting_fees`.

use gpuecon::models::hosting;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// A host's fees month by month: base fee (per kW or revenue share), minimum top-up, SLA
/// credit after its cap, and net fee, with totals; with a host cost, the host's cost,
/// margin and margin share of the net fee. `inputs` is an object of the shape of the
/// core's `HostingInputs` (`{ months, fee, minimum_fee_usd_per_month, uptime_by_month,
/// sla_tiers, credit_cap, host_cost }`).
#[wasm_bindgen]
pub fn hosting_fees(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", hosting::hosting_fees)
}

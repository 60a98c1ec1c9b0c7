//! Decentralized compute networks and the inference API comparison: `emission_schedule`,
//! `burn_mint`, `take_rate_settlement`, `operator_roi` and `api_comparison`.

use gpuecon::models::{networks, pricing};
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// A token emitted hourly on a disinflationary schedule up to its cap (io.net). `inputs`
/// is an object of the shape of the core's `EmissionScheduleInputs`; the result has one
/// row per period of `epochs_per_period` hours, the tokens emitted and the supply.
#[wasm_bindgen]
pub fn emission_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", networks::emission_schedule)
}

/// A burn-and-mint equilibrium (Render): tokens burned for jobs priced in USD after a fee,
/// a fixed emission minted, the supply and the equilibrium price period by period.
/// `inputs` is an object of the shape of the core's `BurnMintInputs`.
#[wasm_bindgen]
pub fn burn_mint(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", networks::burn_mint)
}

/// A marketplace's take rate (Akash): each lease's payment split between the network and
/// the provider. `inputs` is `{ leases: [{ usd_per_gpu_hour, gpu_hours, take_rate }] }`.
#[wasm_bindgen]
pub fn take_rate_settlement(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", networks::take_rate_settlement)
}

/// A node operator's fiat cash flows, payback, ROI, NPV and IRR under token price
/// scenarios, and the break-even token price. `inputs` is an object of the shape of the
/// core's `OperatorInputs`.
#[wasm_bindgen]
pub fn operator_roi(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", networks::operator_roi)
}

/// An inference API's bill for a request mix (whole requests billed at the premium tier
/// past the prompt threshold) against self-hosting paid by use and by reservation, and the
/// break-even monthly volume. `inputs` is `{ requests, api, self_hosted }`.
#[wasm_bindgen]
pub fn api_comparison(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::api_comparison)
}

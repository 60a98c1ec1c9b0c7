//! Take-or-pay contracts: `settle_contract` and `contract_backlog`.

use gpuecon::models::take_or_pay;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// Settles a take-or-pay contract against the buyer's monthly usage. `inputs` is an object
/// of the shape of the core's `SettleInputs` (`{ contract, usage_gpu_hours }`); the result
/// has one row per month served, one per true-up period, and totals, decimals as strings.
#[wasm_bindgen]
pub fn settle_contract(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", take_or_pay::settle)
}

/// The contracted backlog of a take-or-pay contract: the minimum payments after
/// `as_of_month` and their present value. `inputs` is an object of the shape of the core's
/// `BacklogInputs` (`{ contract, as_of_month, annual_discount_rate }`).
#[wasm_bindgen]
pub fn contract_backlog(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", take_or_pay::backlog)
}

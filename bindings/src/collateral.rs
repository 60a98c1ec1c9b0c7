//! GPU-collateralized lending: `collateral_schedule`.

use gpuecon::models::collateral;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// LTV, covenant tests, cure periods, defaults and the lender's recovery, month by month.
/// `inputs` is an object of the shape of the core's `CollateralInputs`
/// (`{ collateral, advance_rate, balance_usd, covenants, liquidation }`); the result has one
/// row per month of `balance_usd` and a summary, decimals as strings.
#[wasm_bindgen]
pub fn collateral_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", collateral::collateral_schedule)
}

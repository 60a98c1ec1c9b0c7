//! Customer concentration and circular counterparties: `customer_concentration`.

use gpuecon::models::concentration;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// HHI (0-1 and 0-10,000), top-1 and top-3 shares, revenue at risk from the largest
/// customer, and counterparties flagged for circular relationships. `inputs` is an object
/// of the shape of the core's `ConcentrationInputs` (`{ counterparties,
/// default_recovery_rate }`).
#[wasm_bindgen]
pub fn customer_concentration(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", concentration::customer_concentration)
}

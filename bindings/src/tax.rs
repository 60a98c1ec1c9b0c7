//! A box's taxes: `tax_schedule`.

use gpuecon::models::tax;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// A box's taxes month by month and tax year by tax year: income tax (MACRS, bonus, the
/// 163(j) interest limit, losses carried forward) paid in four installments, and property
/// tax. `inputs` is an object of the shape of the core's `TaxInputs`; decimals in the
/// result are strings.
#[wasm_bindgen]
pub fn tax_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", tax::tax_schedule)
}

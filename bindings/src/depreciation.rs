//! Depreciation, obsolescence and the cascade: `book_schedule`, `curve_series`, `cascade`,
//! `economic_end_of_life`, `refresh_decision` and `value_schedule`.

use gpuecon::models::depreciation;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// The monthly book depreciation schedule of one asset. `inputs` is an object of the shape
/// of the core's `BookScheduleInputs` (`{ cost_usd, salvage_usd, life_years, method,
/// months }`, `method` tagged by `kind`); the result has one row per month and totals.
#[wasm_bindgen]
pub fn book_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", depreciation::book_schedule)
}

/// The values of a residual or price curve in months 1 to `months`. `inputs` is
/// `{ curve, months }`, `curve` tagged by `kind`.
#[wasm_bindgen]
pub fn curve_series(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", depreciation::curve_series)
}

/// The cascade (training → inference → batch) month by month, with each stage's totals.
/// `inputs` is `{ stages: [{ name, price_usd_per_gpu_hour, utilization, months,
/// price_curve }] }`.
#[wasm_bindgen]
pub fn cascade(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", depreciation::cascade)
}

/// The first month keeping a GPU earns less than its cash cost, or less than a newer GPU in
/// the same kilowatts. `inputs` is an object of the shape of the core's `EndOfLifeInputs`.
#[wasm_bindgen]
pub fn economic_end_of_life(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", depreciation::economic_end_of_life)
}

/// Keep the fleet or sell it and buy the new generation in the same power envelope, by NPV.
/// `inputs` is an object of the shape of the core's `RefreshInputs`.
#[wasm_bindgen]
pub fn refresh_decision(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", depreciation::refresh_decision)
}

/// Book value against economic value (cost × residual curve), month by month. `inputs` is
/// `{ book, residual }`.
#[wasm_bindgen]
pub fn value_schedule(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", depreciation::value_schedule)
}

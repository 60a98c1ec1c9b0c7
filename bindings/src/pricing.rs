//! Rental pricing and utilization yield: `capacity_book`, `published_discounts`,
//! `break_even_price`, `target_margin_price`, `target_irr_price`, `token_price`,
//! `training_run_cost`, `utilization_yield` and `buyer_cost`.

use gpuecon::models::{pricing, utilization};
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;

/// One period of a fleet sold as reserved, dedicated, on-demand and spot capacity.
/// `inputs` is an object of the shape of the core's `CapacityBook`; the result has revenue
/// and billed GPU-hours by product, their totals, available hours and billed utilization.
#[wasm_bindgen]
pub fn capacity_book(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::capacity_book)
}

/// Published prices as discounts to on-demand, `1 − price / on_demand`. `inputs` is
/// `{ on_demand_usd_per_hour, offers: [{ name, usd_per_hour }] }`; the result is an array
/// of `{ name, discount }`.
#[wasm_bindgen]
pub fn published_discounts(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::published_discounts)
}

/// The break-even price at the input's utilization, SG&A included. `inputs` is an object
/// of the shape of `owner_cost`'s inputs; the result has the price and the cost at it.
#[wasm_bindgen]
pub fn break_even_price(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::break_even_price)
}

/// The price for a target gross margin. `inputs` is `{ cost, target_gross_margin }`.
#[wasm_bindgen]
pub fn target_margin_price(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::target_margin_price)
}

/// The price for a target project IRR, with the annual cash flows at it. `inputs` is
/// `{ cost, target_annual_irr }`.
#[wasm_bindgen]
pub fn target_irr_price(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::target_irr_price)
}

/// A GPU-hour price in USD per million tokens. `inputs` is
/// `{ usd_per_gpu_hour, tokens_per_second, utilization }`.
#[wasm_bindgen]
pub fn token_price(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::token_price)
}

/// The GPU-hours and the cost of a training run. `inputs` is
/// `{ total_flops, peak_flops_per_second, mfu, usd_per_gpu_hour }`.
#[wasm_bindgen]
pub fn training_run_cost(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", pricing::training_run_cost)
}

/// A GPU's monthly yield series from its billed, activity and effective utilizations.
/// `inputs` is an object of the shape of the core's `YieldInputs`.
#[wasm_bindgen]
pub fn utilization_yield(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", utilization::utilization_yield)
}

/// Reservation-based against usage-based cost for a buyer. `inputs` is an object of the
/// shape of the core's `BuyerCostInputs`.
#[wasm_bindgen]
pub fn buyer_cost(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", utilization::buyer_cost)
}

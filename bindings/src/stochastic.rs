//! `montecarlo_typical`: in the full module (a page fills its Monte Carlo form with it
//! without loading the Monte Carlo's module) and in `gpuecon/montecarlo`'s.

use gpuecon::montecarlo;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::to_js_object;

/// The typical random inputs (`Stochastic::typical` in the core, documented there): an
/// inference market, training buyers, a price with jumps and collapses, launches every two
/// years, 2 % annual buyer defaults, curtailment events and SOFR moving 25 basis points a
/// month. A starting point for `options.stochastic`.
#[wasm_bindgen]
pub fn montecarlo_typical() -> JsResult<JsValue> {
    to_js_object(&montecarlo::Stochastic::typical())
}

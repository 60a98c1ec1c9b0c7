//! Monte Carlo and sensitivities: `montecarlo`, `montecarlo_batch`, `montecarlo_finish`,
//! `tornado`, `sensitivity_grid`. The module runs single-threaded; a Web Worker runs
//! batches of paths (`montecarlo_batch`) to report progress and stop, and hands them to
//! `montecarlo_finish` (`js/montecarlo.js` does both).

use gpuecon::montecarlo::{self, sensitivity};
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::{run_model, to_js_object};

/// Runs a Monte Carlo of a box or a portfolio (`{ scenario | portfolio, options }`): the
/// distributions of NPV, IRRs, equity value and minimum DSCR, breach probabilities, the
/// expected shortfall and histograms, decimals as strings. The same seed gives the same
/// report here and natively.
#[wasm_bindgen]
pub fn montecarlo(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", montecarlo::run)
}

/// One batch of paths of a run (`{ run, first_path, count }`): an opaque accumulator for
/// `montecarlo_finish`.
#[wasm_bindgen]
pub fn montecarlo_batch(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", montecarlo::batch)
}

/// The report of a run's batches (`{ run, batches }`, together paths 0 to n − 1, in any
/// order); with a target standard error, of the paths up to the first check that meets it
/// (`target_met` says whether it was).
#[wasm_bindgen]
pub fn montecarlo_finish(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", montecarlo::finish)
}

/// A tornado (`{ scenario, output, swings: [{ input, low, high }] }`): each input at its
/// low and high value through the exact model, the largest swing first.
#[wasm_bindgen]
pub fn tornado(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", sensitivity::tornado)
}

/// A two-input grid (`{ scenario, output, x: { input, values }, y: { input, values } }`)
/// through the exact model: `values[j][i]` at `y.values[j]` and `x.values[i]`.
#[wasm_bindgen]
pub fn sensitivity_grid(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", sensitivity::grid)
}

/// The typical random inputs (`Stochastic::typical` in the core, documented there): an
/// inference market, training buyers, a price with jumps and collapses, launches every two
/// years, 2 % annual buyer defaults, curtailment events and SOFR moving 25 basis points a
/// month. A starting point for `options.stochastic`.
#[wasm_bindgen]
pub fn montecarlo_typical() -> JsResult<JsValue> {
    to_js_object(&montecarlo::Stochastic::typical())
}

//! Monte Carlo and sensitivities: `montecarlo`, the `MonteCarloRun` handle, `tornado`,
//! `sensitivity_grid`, in the package's Monte Carlo module only (`gpuecon/montecarlo`, the
//! crate's `montecarlo` feature). The module runs single-threaded; a Web Worker holds a
//! `MonteCarloRun` and steps it to report progress and stop (`js/montecarlo.js`).

use gpuecon::montecarlo::{self, MAX_PATHS, sensitivity};
use wasm_bindgen::prelude::*;

use crate::error::{self, JsResult};
use crate::models::{read_input, run_model, to_js_object};

/// Runs a Monte Carlo of a box or a portfolio (`{ scenario | portfolio, options }`): the
/// distributions of NPV, IRRs, equity value and minimum DSCR, breach probabilities, the
/// expected shortfall and histograms, decimals as strings. The same seed gives the same
/// report here and natively.
#[wasm_bindgen]
pub fn montecarlo(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", montecarlo::run)
}

/// A Monte Carlo run held in the module, step by step (as ywasm holds a document): the
/// scenario is checked and compiled once, the paths' outcomes stay here, and only
/// progress numbers and one report cross. The report is `montecarlo`'s for the same
/// inputs, to the bit, whatever the steps. Call `free()` when done with it.
#[wasm_bindgen(js_name = MonteCarloRun)]
pub struct MonteCarloRun {
    run: montecarlo::MonteCarloRun,
}

#[wasm_bindgen(js_class = MonteCarloRun)]
impl MonteCarloRun {
    /// Prepares a run (`{ scenario | portfolio, options }`, as `montecarlo` takes it); no
    /// path runs yet. Throws a `GpueconError` as `montecarlo` does for invalid inputs.
    #[wasm_bindgen(constructor)]
    pub fn new(inputs: JsValue) -> JsResult<MonteCarloRun> {
        let inputs = read_input(&inputs, "inputs")?;
        Ok(Self {
            run: montecarlo::MonteCarloRun::new(&inputs)?,
        })
    }

    /// Runs the next `paths` paths (a number, whole, from 1 to 1,000,000; fewer when the run
    /// has fewer left, none once finished): `{ done, total, finished, target_met }`.
    pub fn step(&mut self, paths: &JsValue) -> JsResult<JsValue> {
        let paths = paths.as_f64().unwrap_or(f64::NAN);
        let whole = paths.is_finite() && paths.fract() == 0.0;
        if !whole || paths < 1.0 || paths > f64::from(MAX_PATHS) {
            return Err(error::invalid_shape(
                "paths",
                &"must be a whole number from 1 to 1000000",
            ));
        }
        // A whole number from 1 to MAX_PATHS: the conversion is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let progress = self.run.step(paths as u32);
        to_js_object(&progress)
    }

    /// Where the run stands: `{ done, total, finished, target_met }`.
    pub fn progress(&self) -> JsResult<JsValue> {
        to_js_object(&self.run.progress())
    }

    /// The report of the paths run so far: once finished, `montecarlo`'s report; before
    /// (a cancelled run), the report of the paths done. Throws before any path ran.
    pub fn report(&self) -> JsResult<JsValue> {
        to_js_object(&self.run.report()?)
    }
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

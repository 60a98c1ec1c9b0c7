//! Scenarios: `evaluate`, `evaluate_portfolio`, `validate_scenario`. The built-in presets
//! are data, not code: `cargo xtask build` writes them into the package's `presets.js`
//! (`presets()` there), which keeps ~50 KB of JSON text out of the module.

use gpuecon::models::{ModelError, Validate};
use gpuecon::scenario;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::run_model;
use crate::to_json::{ToJson, write_object};

/// Evaluates a scenario (an object of the shape of the core's `Scenario`; decimals as
/// strings or numbers) into its report: the monthly series and the summary, decimals as
/// strings. An invalid scenario throws one `GpueconError` whose `problems` lists every
/// problem with its path.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> JsResult<JsValue> {
    run_model(&scenario, "scenario", scenario::evaluate)
}

/// Rolls a portfolio of boxes (`{ title?, boxes: [scenario, ...] }`, all on the same start
/// date and horizon) up into a company view: revenue, EBITDA, interest, debt service,
/// interest coverage and the first month whose debt service EBITDA does not cover; with
/// each box's own report.
#[wasm_bindgen]
pub fn evaluate_portfolio(portfolio: JsValue) -> JsResult<JsValue> {
    run_model(
        &portfolio,
        "portfolio",
        scenario::portfolio::evaluate_portfolio,
    )
}

/// Every problem with a scenario, `[{ field, message }]`, empty when it can be evaluated.
/// Throws only when the object does not have a scenario's shape.
#[wasm_bindgen]
pub fn validate_scenario(scenario: JsValue) -> JsResult<JsValue> {
    run_model(&scenario, "scenario", problems)
}

/// Every problem with `scenario` (never an error itself).
fn problems(scenario: &scenario::Scenario) -> Result<Vec<Problem>, ModelError> {
    Ok(scenario
        .validate()
        .iter()
        .map(|p| Problem {
            field: p.field().to_owned(),
            message: p.to_string(),
        })
        .collect())
}

/// One problem with a scenario.
struct Problem {
    field: String,
    message: String,
}

impl ToJson for Problem {
    fn write_json(&self, out: &mut String) {
        write_object(out, &["field", "message"], &[&self.field, &self.message]);
    }
}

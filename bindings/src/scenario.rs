//! Scenarios: `evaluate`, `evaluate_portfolio`, `validate_scenario`. The built-in presets
//! are data, not code: `cargo xtask build` writes them into the package's `presets.js`
//! (`presets()` there), which keeps ~50 KB of JSON text out of the module.

use gpuecon::models::Validate;
use gpuecon::scenario;
use wasm_bindgen::prelude::*;

use crate::error::JsResult;
use crate::models::{read_input, to_js_object};

/// Evaluates a scenario (an object of the shape of the core's `Scenario`; decimals as
/// strings or numbers) into its report: the monthly series and the summary, decimals as
/// strings. An invalid scenario throws one `GpueconError` whose `problems` lists every
/// problem with its path.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> JsResult<JsValue> {
    let parsed: scenario::Scenario = read_input(&scenario, "scenario")?;
    to_js_object(&scenario::evaluate(&parsed)?)
}

/// Rolls a portfolio of boxes (`{ title?, boxes: [scenario, ...] }`, all on the same start
/// date and horizon) up into a company view: revenue, EBITDA, interest, debt service,
/// interest coverage and the first month whose debt service EBITDA does not cover; with
/// each box's own report.
#[wasm_bindgen]
pub fn evaluate_portfolio(portfolio: JsValue) -> JsResult<JsValue> {
    let parsed: scenario::portfolio::Portfolio = read_input(&portfolio, "portfolio")?;
    to_js_object(&scenario::portfolio::evaluate_portfolio(&parsed)?)
}

/// Every problem with a scenario, `[{ field, message }]`, empty when it can be evaluated.
/// Throws only when the object does not have a scenario's shape.
#[wasm_bindgen]
pub fn validate_scenario(scenario: JsValue) -> JsResult<JsValue> {
    let parsed: scenario::Scenario = read_input(&scenario, "scenario")?;
    let problems: Vec<Problem> = parsed
        .validate()
        .iter()
        .map(|p| Problem {
            field: p.field().to_owned(),
            message: p.to_string(),
        })
        .collect();
    to_js_object(&problems)
}

/// One problem with a scenario.
#[derive(serde::Serialize)]
struct Problem {
    field: String,
    message: String,
}

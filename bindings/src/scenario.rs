//! Scenarios: `evaluate`, `evaluate_portfolio`, `validate_scenario`. The built-in presets
//! are data, not code: `cargo xtask build` writes them into the package's `presets.js`
//! (`presets()` there), which keeps ~50 KB of JSON text out of the module.

use gpuecon::models::{ModelError, Validate};
use gpuecon::scenario;
use wasm_bindgen::prelude::*;

use crate::columns::Columns;
use crate::error::JsResult;
use crate::models::{positional_run_model, run_model};
use crate::to_json::{ToJson, write_object};

/// Evaluates a scenario (an object of the shape of the core's `Scenario`; decimals as
/// strings or numbers) into its report: the monthly series and the summary, decimals as
/// strings. An invalid scenario throws one `GpueconError` whose `problems` lists every
/// problem with its path.
#[wasm_bindgen]
pub fn evaluate(scenario: JsValue) -> JsResult<JsValue> {
    positional_run_model(parse_report, &scenario, "scenario", scenario::evaluate)
}

#[wasm_bindgen(module = "/js/report.generated.js")]
extern "C" {
    /// A `Report` from its positional text, with its keys and decimals put back.
    #[wasm_bindgen(catch)]
    fn parse_report(text: &str) -> Result<JsValue, JsValue>;

    /// A `PortfolioReport` from its positional text, with its keys and decimals put back.
    #[wasm_bindgen(catch)]
    fn parse_portfolio_report(text: &str) -> Result<JsValue, JsValue>;
}

/// [`evaluate`] with the report's monthly series as columns: `months` is one object whose
/// fields hold one array each, a value per month (`months.revenue.total_usd[0]` is the first
/// month's revenue), nested as a month's fields are; the summary, the financing and the
/// warnings as `evaluate` gives them. The same values as `evaluate`'s, written straight from
/// the months' fields (`src/columns.rs`) in a text about a third shorter for `JSON.parse`
/// than the keyed rows; about `evaluate`'s CPU time (0.97-1.08x, docs/size.md), whose report
/// crosses without its keys.
#[wasm_bindgen]
pub fn evaluate_columns(scenario: JsValue) -> JsResult<JsValue> {
    run_model(&scenario, "scenario", evaluate_by_columns)
}

/// [`scenario::evaluate`]'s report, to be written with its months as columns.
fn evaluate_by_columns(
    scenario: &scenario::Scenario,
) -> Result<ReportByColumns, scenario::ScenarioError> {
    scenario::evaluate(scenario).map(ReportByColumns)
}

/// A report written with its months as [`Columns`].
struct ReportByColumns(scenario::Report);

impl ToJson for ReportByColumns {
    fn write_json(&self, out: &mut String) {
        let report = &self.0;
        write_object(
            out,
            &[
                "{\"months\":",
                ",\"summary\":",
                ",\"financing\":",
                ",\"warnings\":",
            ],
            &[
                &Columns(&report.months),
                &report.summary,
                &report.financing,
                &report.warnings,
            ],
        );
    }
}

/// Rolls a portfolio of boxes (`{ title?, boxes: [scenario, ...] }`, all on the same start
/// date and horizon) up into a company view: revenue, EBITDA, interest, debt service,
/// interest coverage and the first month whose debt service EBITDA does not cover; with
/// each box's own report.
#[wasm_bindgen]
pub fn evaluate_portfolio(portfolio: JsValue) -> JsResult<JsValue> {
    positional_run_model(
        parse_portfolio_report,
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
        write_object(
            out,
            &["{\"field\":", ",\"message\":"],
            &[&self.field, &self.message],
        );
    }
}

#[cfg(test)]
mod tests {
    use gpuecon::presets::{self, PresetKind};
    use serde_json::Value;

    use super::*;
    use crate::columns::tests::transposed;
    use crate::json::{self, FromJson};

    /// Whether the columns' report of `scenario` is `evaluate`'s (serde's text of it) with
    /// its months transposed independently (through serde_json's values), and every other
    /// key the same: a field added to the report and forgotten here fails. `false` when the
    /// scenario is invalid.
    fn columns_hold_the_rows_values(scenario: &scenario::Scenario, what: &str) -> bool {
        let Ok(report) = scenario::evaluate(scenario) else {
            return false;
        };
        let mut rows: Value = serde_json::to_value(&report).unwrap();
        let mut text = String::new();
        ReportByColumns(report).write_json(&mut text);
        let columns: Value = serde_json::from_str(&text).unwrap();
        let months = rows["months"].as_array().unwrap().clone();
        assert!(!months.is_empty(), "{what}");
        rows["months"] = transposed(&months);
        assert_eq!(columns, rows, "{what}");
        true
    }

    #[test]
    fn columns_hold_the_rows_values_on_every_scenario_preset() {
        let mut checked = 0;
        for preset in presets::all().unwrap() {
            if let (PresetKind::Scenario, Some(scenario)) = (preset.kind, &preset.scenario) {
                assert!(columns_hold_the_rows_values(scenario, &preset.id));
                checked += 1;
            }
        }
        assert!(checked > 0);
    }

    /// Every valid scenario of the golden vectors (`tests/vectors/scenarios.json`), read
    /// as the module reads it.
    #[test]
    fn columns_hold_the_rows_values_on_every_golden_vector() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/vectors/scenarios.json"
        );
        let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut inputs = std::collections::BTreeSet::new();
        for case in file["cases"].as_array().unwrap() {
            if case["function"] == "evaluate" {
                inputs.insert(case["args"][0].to_string());
            }
        }
        let mut checked = 0;
        for text in &inputs {
            let Ok(scenario) =
                json::parse(text).and_then(<scenario::Scenario as FromJson>::from_json)
            else {
                continue;
            };
            if columns_hold_the_rows_values(&scenario, text) {
                checked += 1;
            }
        }
        assert!(checked > 20, "{checked} of {} scenarios", inputs.len());
    }
}

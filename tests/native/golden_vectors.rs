//! The golden vectors in `tests/vectors/*.json`, checked against the native core.
//!
//! The same files run through the built npm package in Node (`tests/node`), so every
//! target agrees on one truth. A failure names the file and the case.

use std::{fs, path::Path, str::FromStr};

use gpuecon::{
    Decimal, FinanceError, finance,
    models::{self, ModelError},
    scenario::{self, ScenarioError},
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorFile {
    family: String,
    #[allow(dead_code)] // documentation for people reading the file
    about: String,
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    function: String,
    args: Vec<serde_json::Value>,
    expected: Option<String>,
    tolerance: Option<Tolerance>,
    error: Option<ExpectedError>,
    /// For a function that returns an object (a model): the dot-separated path of the
    /// decimal field to compare (`"total_usd_per_gpu_hour"`).
    result_path: Option<String>,
    #[allow(dead_code)] // every case must cite one; serde checks it is present
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
enum Tolerance {
    Absolute(String),
    Relative(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedError {
    code: String,
    field: String,
}

/// The arguments of one case, read as the function's parameter types.
struct Args<'a>(&'a [serde_json::Value]);

impl Args<'_> {
    fn decimal(&self, index: usize) -> Result<Decimal, String> {
        let value = self
            .0
            .get(index)
            .ok_or(format!("argument {index} is missing"))?;
        decimal_of(value).map_err(|e| format!("argument {index}: {e}"))
    }

    /// Argument `index` as `Some(decimal)`, or `None` when it is absent or JSON `null`
    /// (an optional argument left out, as `undefined` / `null` in JavaScript).
    fn optional_decimal(&self, index: usize) -> Result<Option<Decimal>, String> {
        match self.0.get(index) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(_) => self.decimal(index).map(Some),
        }
    }

    /// Argument `index` as an array of decimals (strings or numbers).
    fn decimals(&self, index: usize) -> Result<Vec<Decimal>, String> {
        let value = self
            .0
            .get(index)
            .ok_or(format!("argument {index} is missing"))?;
        let items = value
            .as_array()
            .ok_or(format!("argument {index} must be an array"))?;
        items
            .iter()
            .map(|item| decimal_of(item).map_err(|e| format!("argument {index}: {e}")))
            .collect()
    }

    /// Argument `index` as an array of dates `"YYYY-MM-DD"`.
    fn dates(&self, index: usize) -> Result<Vec<gpuecon::Date>, String> {
        let value = self
            .0
            .get(index)
            .ok_or(format!("argument {index} is missing"))?;
        let items = value
            .as_array()
            .ok_or(format!("argument {index} must be an array"))?;
        items
            .iter()
            .map(|item| {
                let text = item.as_str().ok_or(format!(
                    "argument {index}: dates are \"YYYY-MM-DD\" strings"
                ))?;
                gpuecon::Date::from_str(text).map_err(|e| format!("argument {index}: {e}"))
            })
            .collect()
    }

    /// Argument `index` as Excel's optional `type` (0 or 1; absent or `null` is `None`).
    /// Any other number is the core's own error, as the npm package reports it.
    fn optional_timing(
        &self,
        index: usize,
    ) -> Result<Result<Option<finance::PaymentTiming>, FinanceError>, String> {
        Ok(self
            .optional_decimal(index)?
            .map(finance::PaymentTiming::from_excel_type)
            .transpose())
    }

    /// Argument `index` as Excel's required `type` (0 or 1).
    fn timing(&self, index: usize) -> Result<Result<finance::PaymentTiming, FinanceError>, String> {
        Ok(finance::PaymentTiming::from_excel_type(
            self.decimal(index)?,
        ))
    }

    /// Argument `index` as an optional JSON boolean (absent or `null` is `None`).
    fn optional_bool(&self, index: usize) -> Result<Option<bool>, String> {
        match self.0.get(index) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::Bool(flag)) => Ok(Some(*flag)),
            Some(_) => Err(format!("argument {index} must be true, false or null")),
        }
    }
}

/// A decimal from a JSON decimal string (`"1234.56"`, `"1e-7"`) or a JSON number (read by
/// its shortest decimal form, as the npm package reads JavaScript numbers).
fn decimal_of(value: &serde_json::Value) -> Result<Decimal, String> {
    let text = match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Number(number) => number.to_string(),
        _ => return Err("must be a decimal string or a number".to_owned()),
    };
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(&text).map_err(|e| e.to_string())
    } else {
        Decimal::from_str(&text).map_err(|e| e.to_string())
    }
}

/// Calls the core function a case names.
fn call(function: &str, args: &Args) -> Result<Result<Decimal, FinanceError>, String> {
    Ok(match function {
        "sln" => finance::sln(args.decimal(0)?, args.decimal(1)?, args.decimal(2)?),
        // Cash flows and rates of return (helper B).
        "npv" => finance::npv(args.decimal(0)?, &args.decimals(1)?),
        "npv_at_t0" => finance::npv_at_t0(args.decimal(0)?, &args.decimals(1)?),
        "xnpv" => finance::xnpv(args.decimal(0)?, &args.decimals(1)?, &args.dates(2)?),
        "mirr" => finance::mirr(&args.decimals(0)?, args.decimal(1)?, args.decimal(2)?),
        "irr" => finance::irr(&args.decimals(0)?, args.optional_decimal(1)?),
        "xirr" => finance::xirr(
            &args.decimals(0)?,
            &args.dates(1)?,
            args.optional_decimal(2)?,
        ),
        "rate" => match args
            .optional_decimal(4)?
            .map(finance::PaymentTiming::from_excel_type)
            .transpose()
        {
            Ok(timing) => finance::rate(
                args.decimal(0)?,
                args.decimal(1)?,
                args.decimal(2)?,
                args.optional_decimal(3)?,
                timing,
                args.optional_decimal(5)?,
            ),
            Err(error) => Err(error),
        },
        // Time value of money (helper A). `type` errors are the core's, as in JavaScript.
        "pv" | "fv" | "pmt" | "nper" => {
            let (a, b, c, d) = (
                args.decimal(0)?,
                args.decimal(1)?,
                args.decimal(2)?,
                args.optional_decimal(3)?,
            );
            let tvm = match function {
                "pv" => finance::pv,
                "fv" => finance::fv,
                "pmt" => finance::pmt,
                _ => finance::nper,
            };
            args.optional_timing(4)?.and_then(|t| tvm(a, b, c, d, t))
        }
        "ipmt" | "ppmt" => {
            let (rate, per, nper, pv, fv) = (
                args.decimal(0)?,
                args.decimal(1)?,
                args.decimal(2)?,
                args.decimal(3)?,
                args.optional_decimal(4)?,
            );
            let part = if function == "ipmt" {
                finance::ipmt
            } else {
                finance::ppmt
            };
            args.optional_timing(5)?
                .and_then(|t| part(rate, per, nper, pv, fv, t))
        }
        "cumipmt" | "cumprinc" => {
            let (rate, nper, pv, start, end) = (
                args.decimal(0)?,
                args.decimal(1)?,
                args.decimal(2)?,
                args.decimal(3)?,
                args.decimal(4)?,
            );
            let cumulative = if function == "cumipmt" {
                finance::cumipmt
            } else {
                finance::cumprinc
            };
            args.timing(5)?
                .and_then(|t| cumulative(rate, nper, pv, start, end, t))
        }
        "effect" => finance::effect(args.decimal(0)?, args.decimal(1)?),
        "nominal" => finance::nominal(args.decimal(0)?, args.decimal(1)?),
        "ispmt" => finance::ispmt(
            args.decimal(0)?,
            args.decimal(1)?,
            args.decimal(2)?,
            args.decimal(3)?,
        ),
        "fvschedule" => finance::fvschedule(args.decimal(0)?, &args.decimals(1)?),
        // Depreciation (helper A).
        "syd" => finance::syd(
            args.decimal(0)?,
            args.decimal(1)?,
            args.decimal(2)?,
            args.decimal(3)?,
        ),
        "db" => finance::db(
            args.decimal(0)?,
            args.decimal(1)?,
            args.decimal(2)?,
            args.decimal(3)?,
            args.optional_decimal(4)?,
        ),
        "ddb" => finance::ddb(
            args.decimal(0)?,
            args.decimal(1)?,
            args.decimal(2)?,
            args.decimal(3)?,
            args.optional_decimal(4)?,
        ),
        "vdb" => finance::vdb(
            args.decimal(0)?,
            args.decimal(1)?,
            args.decimal(2)?,
            args.decimal(3)?,
            args.decimal(4)?,
            args.optional_decimal(5)?,
            args.optional_bool(6)?,
        ),
        "macrs" => finance::macrs(args.decimal(0)?, args.decimal(1)?, args.decimal(2)?),
        other => return Err(format!("no native dispatch for function {other:?}")),
    })
}

/// A failure as both runners see it: a stable code, the field (a path for models) and the
/// message.
#[derive(Debug)]
struct Failure {
    code: &'static str,
    field: String,
    message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<FinanceError> for Failure {
    fn from(error: FinanceError) -> Self {
        Self {
            code: error.code().as_str(),
            field: error.field().to_owned(),
            message: error.to_string(),
        }
    }
}

impl From<ScenarioError> for Failure {
    fn from(error: ScenarioError) -> Self {
        Self {
            code: error.code().as_str(),
            field: error.field().to_owned(),
            message: error.to_string(),
        }
    }
}

impl From<ModelError> for Failure {
    fn from(error: ModelError) -> Self {
        Self {
            code: error.code().as_str(),
            field: error.field().to_owned(),
            message: error.to_string(),
        }
    }
}

/// A model's result as JSON, or its error.
type ModelOutcome = Result<serde_json::Value, Failure>;

/// Reads a case's one argument as `I` (an object of the wrong shape is INVALID_ARGUMENT on
/// `inputs`, as in JavaScript) and runs `model` on it.
fn run_model<I, O, E>(
    case: &Case,
    model: impl FnOnce(&I) -> Result<O, E>,
) -> Result<ModelOutcome, String>
where
    I: serde::de::DeserializeOwned,
    O: serde::Serialize,
    Failure: From<E>,
{
    run_named(case, "inputs", model)
}

/// [`run_model`] where a malformed input is INVALID_ARGUMENT on `field` (`"scenario"`).
fn run_named<I, O, E>(
    case: &Case,
    field: &str,
    model: impl FnOnce(&I) -> Result<O, E>,
) -> Result<ModelOutcome, String>
where
    I: serde::de::DeserializeOwned,
    O: serde::Serialize,
    Failure: From<E>,
{
    let [input] = case.args.as_slice() else {
        return Err(format!(
            "{} takes one argument, the input object",
            case.function
        ));
    };
    let inputs: I = match serde_path_to_error::deserialize(input) {
        Ok(inputs) => inputs,
        Err(error) => {
            // On the path of the offending value inside the argument, or on the argument.
            let path = error.path().to_string();
            return Ok(Err(Failure {
                code: "INVALID_ARGUMENT",
                field: if path == "." { field.to_owned() } else { path },
                message: error.inner().to_string(),
            }));
        }
    };
    match model(&inputs) {
        Ok(result) => serde_json::to_value(result)
            .map(Ok)
            .map_err(|e| e.to_string()),
        Err(error) => Ok(Err(error.into())),
    }
}

/// Calls a model a case names: its one argument is the input object, its result an object
/// whose decimal field at `result_path` is compared. `None` when the function is no model.
fn call_model(case: &Case) -> Result<Option<ModelOutcome>, String> {
    Ok(Some(match case.function.as_str() {
        "owner_cost" => run_model(case, models::owner_cost)?,
        "evaluate" => run_named(case, "scenario", scenario::evaluate)?,
        "evaluate_portfolio" => {
            run_named(case, "portfolio", scenario::portfolio::evaluate_portfolio)?
        }
        "settle_contract" => run_model(case, models::take_or_pay::settle)?,
        "contract_backlog" => run_model(case, models::take_or_pay::backlog)?,
        "capacity_book" => run_model(case, models::pricing::capacity_book)?,
        "published_discounts" => run_model(case, models::pricing::published_discounts)?,
        "break_even_price" => run_model(case, models::pricing::break_even_price)?,
        "target_margin_price" => run_model(case, models::pricing::target_margin_price)?,
        "target_irr_price" => run_model(case, models::pricing::target_irr_price)?,
        "token_price" => run_model(case, models::pricing::token_price)?,
        "training_run_cost" => run_model(case, models::pricing::training_run_cost)?,
        "utilization_yield" => run_model(case, models::utilization::utilization_yield)?,
        "buyer_cost" => run_model(case, models::utilization::buyer_cost)?,
        "book_schedule" => run_model(case, models::depreciation::book_schedule)?,
        "curve_series" => run_model(case, models::depreciation::curve_series)?,
        "cascade" => run_model(case, models::depreciation::cascade)?,
        "economic_end_of_life" => run_model(case, models::depreciation::economic_end_of_life)?,
        "refresh_decision" => run_model(case, models::depreciation::refresh_decision)?,
        "value_schedule" => run_model(case, models::depreciation::value_schedule)?,
        "debt_schedule" => run_model(case, models::debt::debt_schedule)?,
        "sculpted_debt_capacity" => run_model(case, models::debt::sculpted_debt_capacity)?,
        "tax_schedule" => run_model(case, models::tax::tax_schedule)?,
        "emission_schedule" => run_model(case, models::networks::emission_schedule)?,
        "burn_mint" => run_model(case, models::networks::burn_mint)?,
        "take_rate_settlement" => run_model(case, models::networks::take_rate_settlement)?,
        "operator_roi" => run_model(case, models::networks::operator_roi)?,
        "api_comparison" => run_model(case, models::pricing::api_comparison)?,
        "collateral_schedule" => run_model(case, models::collateral::collateral_schedule)?,
        "customer_concentration" => run_model(case, models::concentration::customer_concentration)?,
        "hosting_fees" => run_model(case, models::hosting::hosting_fees)?,
        "energy_split" => run_model(case, models::power::energy_split)?,
        "energy_cost" => run_model(case, models::power::energy_cost)?,
        "curtailment_cost" => run_model(case, models::power::curtailment_cost)?,
        "rack_density" => run_model(case, models::facility::rack_density)?,
        "mw_to_gpus" => run_model(case, models::facility::mw_to_gpus)?,
        "gpus_to_mw" => run_model(case, models::facility::gpus_to_mw)?,
        "lease_schedule" => run_model(case, models::facility::lease_schedule)?,
        "implied_lease_rate" => run_model(case, models::facility::implied_lease_rate)?,
        "interconnection_delay" => run_model(case, models::facility::interconnection_delay)?,
        "montecarlo" => run_model(case, gpuecon::montecarlo::run)?,
        "tornado" => run_model(case, gpuecon::montecarlo::sensitivity::tornado)?,
        "sensitivity_grid" => run_model(case, gpuecon::montecarlo::sensitivity::grid)?,
        _ => return Ok(None),
    }))
}

/// The decimal at `result_path` (dot-separated keys; a number indexes an array:
/// `months.11.revenue_usd`) of a model's result.
fn model_result(case: &Case, outcome: ModelOutcome) -> Result<Result<Decimal, Failure>, String> {
    let value = match outcome {
        Ok(value) => value,
        Err(failure) => return Ok(Err(failure)),
    };
    if case.expected.is_none() {
        // An error was expected; report the value as a number.
        return Ok(Ok(Decimal::ZERO));
    }
    let path = case
        .result_path
        .as_deref()
        .ok_or("a model case needs a result_path")?;
    let field = path
        .split('.')
        .try_fold(&value, |v, key| match key.parse::<usize>() {
            Ok(index) if v.is_array() => v.get(index),
            _ => v.get(key),
        })
        .ok_or(format!("the result has no field {path:?}"))?;
    Ok(Ok(decimal_of(field)?))
}

/// Checks one case; `Err` says what went wrong.
fn check(case: &Case) -> Result<(), String> {
    let outcome = match call_model(case)? {
        Some(outcome) => model_result(case, outcome)?,
        None if case.result_path.is_some() => {
            return Err("result_path is for functions that return objects".to_owned());
        }
        None => call(&case.function, &Args(&case.args))?.map_err(Failure::from),
    };
    match (&case.expected, &case.error, outcome) {
        (Some(expected), None, Ok(got)) => {
            let expected = Decimal::from_str(expected).map_err(|e| format!("expected: {e}"))?;
            let difference = (got - expected).abs();
            let allowed = match &case.tolerance {
                None => Decimal::ZERO,
                Some(Tolerance::Absolute(abs)) => Decimal::from_scientific(abs)
                    .or_else(|_| Decimal::from_str(abs))
                    .map_err(|e| format!("tolerance: {e}"))?,
                Some(Tolerance::Relative(rel)) => {
                    Decimal::from_scientific(rel)
                        .or_else(|_| Decimal::from_str(rel))
                        .map_err(|e| format!("tolerance: {e}"))?
                        * expected.abs()
                }
            };
            if difference <= allowed {
                Ok(())
            } else {
                Err(format!(
                    "expected {expected}, got {got} (difference {difference}, allowed {allowed})"
                ))
            }
        }
        (None, Some(expected), Err(got)) => {
            if got.code == expected.code && got.field == expected.field {
                Ok(())
            } else {
                Err(format!(
                    "expected error {} on {}, got {} on {} ({got})",
                    expected.code, expected.field, got.code, got.field
                ))
            }
        }
        (Some(expected), None, Err(got)) => Err(format!("expected {expected}, got error {got}")),
        (None, Some(expected), Ok(got)) => {
            Err(format!("expected error {}, got {got}", expected.code))
        }
        _ => Err("a case needs exactly one of `expected` and `error`".to_owned()),
    }
}

#[test]
fn golden_vectors_hold_natively() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no vector files in {}", dir.display());

    let (mut passed, mut failures) = (0, Vec::new());
    for path in &paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = fs::read_to_string(path).expect("readable vector file");
        let file: VectorFile = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{name}: not a vector file: {e}"));
        assert!(
            !file.cases.is_empty(),
            "{name} ({}) has no cases",
            file.family
        );
        for case in &file.cases {
            match check(case) {
                Ok(()) => passed += 1,
                Err(why) => failures.push(format!("{name} case {}: {why}", case.id)),
            }
        }
    }
    println!("golden vectors: {passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "golden vector failures:\n{}",
        failures.join("\n")
    );
}

//! Scenarios, portfolios, Monte Carlo and presets: JSON text in, JSON text out, exactly as
//! the core's serde types read and write it. The Python layer (`gpuecon/_json.py`) writes
//! dicts as that text and reads results back through [`loads`], so nothing here depends on
//! a model's shape: new core types flow through untouched.

use gpuecon::models::Validate;
use gpuecon::montecarlo::{self as mc, sensitivity};
use gpuecon::scenario::{self, Scenario};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;

/// Reads `text` as `I` (naming `argument` and the path of the offending value when it is not
/// `I`'s shape or holds a key `I` does not know), runs `model` on it without holding the GIL,
/// and writes its result as JSON text.
fn run<I, O, E>(
    py: Python<'_>,
    text: &str,
    argument: &str,
    model: fn(&I) -> Result<O, E>,
) -> Result<String, Error>
where
    I: DeserializeOwned,
    O: Serialize,
    E: Into<Error>,
{
    py.detach(|| {
        let input: I = read(text, argument)?;
        let output = model(&input).map_err(Into::into)?;
        write(&output)
    })
}

/// `text` as `I`, with the path of the offending value on failure.
fn read<I: DeserializeOwned>(text: &str, argument: &str) -> Result<I, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let input = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| Error::shape(argument, &e))?;
    deserializer
        .end()
        .map_err(|e| Error::invalid(argument, format!("{argument}: {e}")))?;
    Ok(input)
}

/// A result as JSON text, as the CLI's `--format json` writes it (without the indentation).
fn write<O: Serialize>(output: &O) -> Result<String, Error> {
    serde_json::to_string(output).map_err(|e| Error::invalid("result", format!("result: {e}")))
}

/// Evaluates a scenario (JSON text of the core's `Scenario`) into its report's JSON text.
#[pyfunction]
pub fn evaluate(py: Python<'_>, scenario: &str) -> Result<String, Error> {
    run(py, scenario, "scenario", scenario::evaluate)
}

/// Evaluates a portfolio (JSON text `{"title"?, "boxes": [scenario, ...]}`) into the company
/// report's JSON text.
#[pyfunction]
pub fn evaluate_portfolio(py: Python<'_>, portfolio: &str) -> Result<String, Error> {
    run(
        py,
        portfolio,
        "portfolio",
        scenario::portfolio::evaluate_portfolio,
    )
}

/// Every problem with a scenario, as JSON text `[{"field", "message"}]` (empty when it can be
/// evaluated).
#[pyfunction]
pub fn validate_scenario(py: Python<'_>, scenario: &str) -> Result<String, Error> {
    run(py, scenario, "scenario", problems)
}

fn problems(scenario: &Scenario) -> Result<Vec<serde_json::Value>, Error> {
    Ok(scenario
        .validate()
        .iter()
        .map(|p| serde_json::json!({ "field": p.field(), "message": p.to_string() }))
        .collect())
}

/// A Monte Carlo run (`{"scenario" | "portfolio", "options"}`) into its report's JSON text.
#[pyfunction]
pub fn montecarlo(py: Python<'_>, inputs: &str) -> Result<String, Error> {
    run(py, inputs, "inputs", mc::run)
}

/// Paths `first_path` to `first_path + count - 1` of a run (its JSON text,
/// `{"scenario" | "portfolio", "options"}`): their raw outcomes as bytes (the core's
/// `Batch::to_bytes`: little-endian IEEE 754 bits, exact), for [`montecarlo_finish`].
#[pyfunction]
pub fn montecarlo_batch<'py>(
    py: Python<'py>,
    run: &str,
    first_path: u32,
    count: u32,
) -> Result<Bound<'py, PyBytes>, Error> {
    let bytes = py.detach(|| -> Result<Vec<u8>, Error> {
        let inputs: mc::MonteCarloInputs = read(run, "run")?;
        let simulation = mc::Simulation::new(&inputs)?;
        Ok(simulation.batch(first_path, count)?.to_bytes())
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// The report of a run (its JSON text) from its batches' bytes (as [`montecarlo_batch`]
/// writes them; together paths 0 to n - 1, in any order) as JSON text: the same as
/// [`montecarlo`]'s for the same run.
#[pyfunction]
pub fn montecarlo_finish(
    py: Python<'_>,
    run: &str,
    batches: Vec<Vec<u8>>,
) -> Result<String, Error> {
    py.detach(|| {
        let inputs: mc::MonteCarloInputs = read(run, "run")?;
        let report = mc::Simulation::new(&inputs)?.report_bytes(&batches)?;
        write(&report)
    })
}

/// A tornado (`{"scenario", "output", "swings": [{"input", "low", "high"}]}`): each input at
/// its low and high value through the exact model, the largest swing first; as JSON text.
#[pyfunction]
pub fn tornado(py: Python<'_>, inputs: &str) -> Result<String, Error> {
    run(py, inputs, "inputs", sensitivity::tornado)
}

/// A two-input grid (`{"scenario", "output", "x": {"input", "values"}, "y": {...}}`) through
/// the exact model, `values[j][i]` at `y.values[j]` and `x.values[i]`; as JSON text.
#[pyfunction]
pub fn sensitivity_grid(py: Python<'_>, inputs: &str) -> Result<String, Error> {
    run(py, inputs, "inputs", sensitivity::grid)
}

/// The typical random inputs (the core's `Stochastic::typical`) as JSON text.
#[pyfunction]
pub fn montecarlo_typical() -> Result<String, Error> {
    write(&mc::Stochastic::typical())
}

/// Every built-in preset (`id`, `title`, `about`, `sources`, `kind`, and its `scenario` or
/// `portfolio`) as JSON text.
#[pyfunction]
pub fn presets() -> Result<String, Error> {
    write(&gpuecon::presets::all()?)
}

/// JSON text as plain Python objects: objects as `dict`, arrays as `list`, whole numbers as
/// `int`, and every decimal string the core writes (`"-1234.50"`: an optional minus, digits,
/// optionally a point and digits) as `decimal.Decimal` with its digits as written; other text
/// (dates, names, tags, messages) stays `str`.
///
/// # Errors
/// `INVALID_ARGUMENT` on `text` when it is not JSON.
#[pyfunction]
pub fn loads(py: Python<'_>, text: &str) -> Result<Py<PyAny>, Error> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Error::invalid("text", format!("text: {e}")))?;
    to_python(py, &value)
        .map(Bound::unbind)
        .map_err(|e| Error::invalid("text", format!("text: {e}")))
}

fn to_python<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(s) => match decimal_text(s) {
            Some(d) => d.into_bound_py_any(py),
            None => s.into_bound_py_any(py),
        },
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            Ok(dict.into_any())
        }
    }
}

/// `text` as a [`Decimal`] when it has the shape the core writes decimals in
/// (`-?digits(.digits)?`) and fits one; `None` for any other text.
fn decimal_text(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

/// Registers the model functions on the module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(evaluate, module)?)?;
    module.add_function(wrap_pyfunction!(evaluate_portfolio, module)?)?;
    module.add_function(wrap_pyfunction!(validate_scenario, module)?)?;
    module.add_function(wrap_pyfunction!(montecarlo, module)?)?;
    module.add_function(wrap_pyfunction!(montecarlo_batch, module)?)?;
    module.add_function(wrap_pyfunction!(montecarlo_finish, module)?)?;
    module.add_function(wrap_pyfunction!(montecarlo_typical, module)?)?;
    module.add_function(wrap_pyfunction!(tornado, module)?)?;
    module.add_function(wrap_pyfunction!(sensitivity_grid, module)?)?;
    module.add_function(wrap_pyfunction!(presets, module)?)?;
    module.add_function(wrap_pyfunction!(loads, module)?)?;
    Ok(())
}

//! Core errors become `gpuecon.GpueconError`, with the same `code`, `field`, `excel` and
//! `problems` as the npm package's `GpueconError` (bindings/js/boundary.js).

use gpuecon::FinanceError;
use gpuecon::models::ModelError;
use gpuecon::scenario::ScenarioError;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

pyo3::create_exception!(
    gpuecon,
    GpueconError,
    PyException,
    "The one error every gpuecon function raises: `code` (INVALID_ARGUMENT, DOMAIN, OVERFLOW, \
     NO_SIGN_CHANGE, NO_CONVERGENCE), `field` (the offending argument or the path of a model \
     input, such as `power.pue`), `excel` (what Excel shows: `#NUM!`, `#VALUE!`, `#DIV/0!`) \
     and `problems` (every problem found, `[{\"field\": ..., \"message\": ...}]`)."
);

/// An error on its way to Python: what `GpueconError` carries.
#[derive(Debug)]
pub struct Error {
    code: String,
    field: String,
    message: String,
    excel: String,
    problems: Vec<(String, String)>,
}

impl Error {
    /// An input that does not have the expected shape: `INVALID_ARGUMENT` on `field`.
    pub fn invalid(field: &str, message: String) -> Self {
        Self {
            code: "INVALID_ARGUMENT".to_owned(),
            field: field.to_owned(),
            problems: vec![(field.to_owned(), message.clone())],
            message,
            excel: "#VALUE!".to_owned(),
        }
    }

    /// JSON text that is not a model's input (`argument` names the input as a whole):
    /// `INVALID_ARGUMENT` on the path of the offending value inside it
    /// (`contracts[0].contract.minimum_gpu_hour`), or on `argument` when the text as a whole
    /// is wrong; the message names both (`scenario.power.pue: invalid type ...`).
    pub fn shape(argument: &str, error: &serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = error.path().to_string();
        let inside = if path == "." { "" } else { path.as_str() };
        let (field, message) = if inside.is_empty() {
            (
                argument.to_owned(),
                format!("{argument}: {}", error.inner()),
            )
        } else {
            let joint = if inside.starts_with('[') { "" } else { "." };
            (
                inside.to_owned(),
                format!("{argument}{joint}{inside}: {}", error.inner()),
            )
        };
        Self::invalid(&field, message)
    }
}

impl From<FinanceError> for Error {
    fn from(error: FinanceError) -> Self {
        let field = error.field().to_owned();
        let message = error.to_string();
        Self {
            code: error.code().as_str().to_owned(),
            problems: vec![(field.clone(), message.clone())],
            field,
            message,
            excel: error.excel().as_str().to_owned(),
        }
    }
}

impl From<ModelError> for Error {
    fn from(error: ModelError) -> Self {
        let field = error.field().to_owned();
        let message = error.to_string();
        Self {
            code: error.code().as_str().to_owned(),
            problems: vec![(field.clone(), message.clone())],
            field,
            message,
            excel: error.excel().as_str().to_owned(),
        }
    }
}

/// A scenario error: `problems` lists every problem found, each with its path.
impl From<ScenarioError> for Error {
    fn from(error: ScenarioError) -> Self {
        Self {
            code: error.code().as_str().to_owned(),
            field: error.field().to_owned(),
            message: error.to_string(),
            excel: error.excel().as_str().to_owned(),
            problems: error.problems(),
        }
    }
}

impl From<Error> for PyErr {
    fn from(error: Error) -> Self {
        Python::attach(|py| {
            let err = GpueconError::new_err(error.message.clone());
            // Setting attributes on a fresh exception instance only fails when memory
            // runs out; the error still carries its message then.
            let _ = describe(py, &err, &error);
            err
        })
    }
}

/// Sets `code`, `field`, `excel` and `problems` on the raised exception.
fn describe(py: Python<'_>, err: &PyErr, error: &Error) -> PyResult<()> {
    let value = err.value(py);
    value.setattr("code", &error.code)?;
    value.setattr("field", &error.field)?;
    value.setattr("excel", &error.excel)?;
    let problems = PyList::empty(py);
    for (field, message) in &error.problems {
        let problem = PyDict::new(py);
        problem.set_item("field", field)?;
        problem.set_item("message", message)?;
        problems.append(problem)?;
    }
    value.setattr("problems", problems)
}

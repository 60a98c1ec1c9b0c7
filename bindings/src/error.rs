//! Core errors become `GpueconError`, a real JavaScript `Error` subclass defined in
//! `js/boundary.js` and exported by the package.

use gpuecon::FinanceError;
#[cfg(feature = "json")]
use gpuecon::models::ModelError;
#[cfg(feature = "json")]
use gpuecon::scenario::ScenarioError;
use wasm_bindgen::prelude::*;

/// What every export returns: its value, or a thrown `GpueconError`.
pub type JsResult<T> = Result<T, GpueconError>;

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    /// `class GpueconError extends Error { code; field; excel }`.
    pub type GpueconError;

    #[wasm_bindgen(constructor)]
    fn new(code: &str, field: &str, message: &str, excel: &str) -> GpueconError;

    /// The same class, with every problem found (`[{ field, message }]`).
    #[cfg(feature = "json")]
    #[wasm_bindgen(constructor, js_class = "GpueconError")]
    fn with_problems(
        code: &str,
        field: &str,
        message: &str,
        excel: &str,
        problems: js_sys::Array,
    ) -> GpueconError;
}

impl From<FinanceError> for GpueconError {
    fn from(error: FinanceError) -> Self {
        GpueconError::new(
            error.code().as_str(),
            error.field(),
            &error.to_string(),
            error.excel().as_str(),
        )
    }
}

#[cfg(feature = "json")]
/// A model error: `field` is the path of the offending input (`power.pue`).
impl From<ModelError> for GpueconError {
    fn from(error: ModelError) -> Self {
        GpueconError::new(
            error.code().as_str(),
            error.field(),
            &error.to_string(),
            error.excel().as_str(),
        )
    }
}

#[cfg(feature = "json")]
/// A scenario error: `problems` lists every problem found, each with its path.
impl From<ScenarioError> for GpueconError {
    fn from(error: ScenarioError) -> Self {
        let problems = js_sys::Array::new();
        for (field, message) in error.problems() {
            let problem = js_sys::Object::new();
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&problem, &"field".into(), &field.into());
            let _ = js_sys::Reflect::set(&problem, &"message".into(), &message.into());
            problems.push(&problem);
        }
        GpueconError::with_problems(
            error.code().as_str(),
            error.field(),
            &error.to_string(),
            error.excel().as_str(),
            problems,
        )
    }
}

#[cfg(feature = "json")]
/// An input object that does not have the model's shape (a missing or unknown field, a
/// value that is not a number or decimal string, nesting deeper than 128):
/// `INVALID_ARGUMENT` on `field`.
pub fn invalid_shape(field: &str, error: &dyn std::fmt::Display) -> GpueconError {
    let message = format!("{field}: {error}");
    GpueconError::new("INVALID_ARGUMENT", field, &message, "#VALUE!")
}

#[cfg(feature = "json")]
/// An input object that does not have the model's shape: `INVALID_ARGUMENT` on the path
/// of the offending value inside the argument `field` (`power.pue`, as a model's own
/// errors name it), or on `field` itself when the argument as a whole is wrong; the message
/// names the argument too (`inputs.power.pue: invalid type: string "x", expected a Decimal
/// type representing a fixed-point number`).
pub fn invalid_input(field: &str, error: &crate::json::ShapeError) -> GpueconError {
    let path = error.path();
    let message = format!("{field}{path}: {}", error.message());
    let inside = path.strip_prefix('.').unwrap_or(&path);
    let at = if inside.is_empty() { field } else { inside };
    GpueconError::new("INVALID_ARGUMENT", at, &message, "#VALUE!")
}

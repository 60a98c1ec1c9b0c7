//! Core errors become `GpueconError`, a real JavaScript `Error` subclass defined in
//! `js/gpuecon_error.js` and exported by the package.

use gpuecon::FinanceError;
use wasm_bindgen::prelude::*;

/// What every export returns: its value, or a thrown `GpueconError`.
pub type JsResult<T> = Result<T, GpueconError>;

#[wasm_bindgen(module = "/js/gpuecon_error.js")]
extern "C" {
    /// `class GpueconError extends Error { code; field; excel }`.
    pub type GpueconError;

    #[wasm_bindgen(constructor)]
    fn new(code: &str, field: &str, message: &str, excel: &str) -> GpueconError;
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

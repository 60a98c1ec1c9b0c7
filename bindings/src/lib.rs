//! # gpuecon-wasm
//!
//! The WebAssembly face of [`gpuecon`], packaged for npm as `gpuecon`. A thin shell: each
//! export converts its JavaScript arguments (numbers or decimal strings), calls the core,
//! and returns a decimal string or throws a `GpueconError` with a stable `code` and the
//! offending `field`. Nothing here computes; nothing here panics, so the instance never traps.

mod args;
mod error;

use gpuecon::finance;
use wasm_bindgen::prelude::*;

use crate::args::{decimal, to_js_decimal};
use crate::error::JsResult;

/// Straight-line depreciation per period, as Excel's `SLN(cost, salvage, life)`.
///
/// Each argument is a number or a decimal string; the result is a decimal string.
#[wasm_bindgen]
pub fn sln(cost: JsValue, salvage: JsValue, life: JsValue) -> JsResult<String> {
    let value = finance::sln(
        decimal(&cost, "cost")?,
        decimal(&salvage, "salvage")?,
        decimal(&life, "life")?,
    )?;
    Ok(to_js_decimal(value))
}

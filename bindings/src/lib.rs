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

// Cash flows and rates of return. Arrays are JavaScript arrays of numbers or decimal
// strings; dates are "YYYY-MM-DD" strings or Date objects (read by their UTC day);
// optional arguments may be left out, undefined or null.

/// Net present value, as Excel's `NPV(rate, values)`: the first value is discounted one
/// period. Result: a decimal string.
#[wasm_bindgen]
pub fn npv(rate: JsValue, values: JsValue) -> JsResult<String> {
    let value = finance::npv(decimal(&rate, "rate")?, &args::decimals(&values, "values")?)?;
    Ok(to_js_decimal(value))
}

/// Net present value with the first value now (t = 0), not discounted:
/// `npv_at_t0(r, v) = (1 + r) · npv(r, v)`.
#[wasm_bindgen]
pub fn npv_at_t0(rate: JsValue, values: JsValue) -> JsResult<String> {
    let value = finance::npv_at_t0(decimal(&rate, "rate")?, &args::decimals(&values, "values")?)?;
    Ok(to_js_decimal(value))
}

/// Net present value of dated flows, as Excel's `XNPV(rate, values, dates)` (Actual/365).
#[wasm_bindgen]
pub fn xnpv(rate: JsValue, values: JsValue, dates: JsValue) -> JsResult<String> {
    let value = finance::xnpv(
        decimal(&rate, "rate")?,
        &args::decimals(&values, "values")?,
        &args::dates(&dates, "dates")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Modified internal rate of return, as Excel's `MIRR(values, finance_rate, reinvest_rate)`.
#[wasm_bindgen]
pub fn mirr(values: JsValue, finance_rate: JsValue, reinvest_rate: JsValue) -> JsResult<String> {
    let value = finance::mirr(
        &args::decimals(&values, "values")?,
        decimal(&finance_rate, "finance_rate")?,
        decimal(&reinvest_rate, "reinvest_rate")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Internal rate of return, as Excel's `IRR(values, [guess])`.
#[wasm_bindgen]
pub fn irr(values: JsValue, guess: JsValue) -> JsResult<String> {
    let value = finance::irr(
        &args::decimals(&values, "values")?,
        args::optional_decimal(&guess, "guess")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Every internal rate of return in `[lower, upper]` (defaults −0.99 and 10), ascending,
/// as an array of decimal strings.
#[wasm_bindgen]
pub fn irr_all(values: JsValue, lower: JsValue, upper: JsValue) -> JsResult<Vec<String>> {
    let roots = finance::irr_all(
        &args::decimals(&values, "values")?,
        args::optional_decimal(&lower, "lower")?,
        args::optional_decimal(&upper, "upper")?,
    )?;
    Ok(args::to_js_decimals(roots))
}

/// Internal rate of return of dated flows, as Excel's `XIRR(values, dates, [guess])`.
#[wasm_bindgen]
pub fn xirr(values: JsValue, dates: JsValue, guess: JsValue) -> JsResult<String> {
    let value = finance::xirr(
        &args::decimals(&values, "values")?,
        &args::dates(&dates, "dates")?,
        args::optional_decimal(&guess, "guess")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Interest rate per period of an annuity, as Excel's
/// `RATE(nper, pmt, pv, [fv], [type], [guess])`.
#[wasm_bindgen]
pub fn rate(
    nper: JsValue,
    pmt: JsValue,
    pv: JsValue,
    fv: JsValue,
    timing: JsValue,
    guess: JsValue,
) -> JsResult<String> {
    let value = finance::rate(
        decimal(&nper, "nper")?,
        decimal(&pmt, "pmt")?,
        decimal(&pv, "pv")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
        args::optional_decimal(&guess, "guess")?,
    )?;
    Ok(to_js_decimal(value))
}

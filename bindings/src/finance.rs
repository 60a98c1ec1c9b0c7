//! The Excel-style finance functions (XIRR, IRR, NPV, PMT, depreciation, ...): each
//! converts its JavaScript arguments (numbers or decimal strings), calls the core, and
//! returns a decimal string or throws a `GpueconError`. Built into the full module and into
//! `gpuecon/finance` (the crate's `finance` feature), not into the Monte Carlo's module.

use gpuecon::finance;
use wasm_bindgen::prelude::*;

use crate::args::{self, decimal, to_js_decimal};
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

// Time value of money. Optional arguments (`fv`, `pv`, `type`) may be left out, undefined
// or null; `type` is 0 (payments at the end of each period) or 1 (at the beginning).

/// Present value, as Excel's `PV(rate, nper, pmt, [fv], [type])`. Result: a decimal string.
#[wasm_bindgen]
pub fn pv(
    rate: JsValue,
    nper: JsValue,
    pmt: JsValue,
    fv: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::pv(
        args::decimal(&rate, "rate")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pmt, "pmt")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Future value, as Excel's `FV(rate, nper, pmt, [pv], [type])`. Result: a decimal string.
#[wasm_bindgen]
pub fn fv(
    rate: JsValue,
    nper: JsValue,
    pmt: JsValue,
    pv: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::fv(
        args::decimal(&rate, "rate")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pmt, "pmt")?,
        args::optional_decimal(&pv, "pv")?,
        args::optional_timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Payment per period, as Excel's `PMT(rate, nper, pv, [fv], [type])`. Result: a decimal
/// string.
#[wasm_bindgen]
pub fn pmt(
    rate: JsValue,
    nper: JsValue,
    pv: JsValue,
    fv: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::pmt(
        args::decimal(&rate, "rate")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pv, "pv")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Number of periods, as Excel's `NPER(rate, pmt, pv, [fv], [type])`. Result: a decimal
/// string.
#[wasm_bindgen]
pub fn nper(
    rate: JsValue,
    pmt: JsValue,
    pv: JsValue,
    fv: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::nper(
        args::decimal(&rate, "rate")?,
        args::decimal(&pmt, "pmt")?,
        args::decimal(&pv, "pv")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Interest part of one payment, as Excel's `IPMT(rate, per, nper, pv, [fv], [type])`.
/// Result: a decimal string.
#[wasm_bindgen]
pub fn ipmt(
    rate: JsValue,
    per: JsValue,
    nper: JsValue,
    pv: JsValue,
    fv: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::ipmt(
        args::decimal(&rate, "rate")?,
        args::decimal(&per, "per")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pv, "pv")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Principal part of one payment, as Excel's `PPMT(rate, per, nper, pv, [fv], [type])`.
/// Result: a decimal string.
#[wasm_bindgen]
pub fn ppmt(
    rate: JsValue,
    per: JsValue,
    nper: JsValue,
    pv: JsValue,
    fv: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::ppmt(
        args::decimal(&rate, "rate")?,
        args::decimal(&per, "per")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pv, "pv")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Interest paid between two periods, as Excel's
/// `CUMIPMT(rate, nper, pv, start_period, end_period, type)` (`type` required). Result: a
/// decimal string.
#[wasm_bindgen]
pub fn cumipmt(
    rate: JsValue,
    nper: JsValue,
    pv: JsValue,
    start_period: JsValue,
    end_period: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::cumipmt(
        args::decimal(&rate, "rate")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pv, "pv")?,
        args::decimal(&start_period, "start_period")?,
        args::decimal(&end_period, "end_period")?,
        args::timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Principal repaid between two periods, as Excel's
/// `CUMPRINC(rate, nper, pv, start_period, end_period, type)` (`type` required). Result: a
/// decimal string.
#[wasm_bindgen]
pub fn cumprinc(
    rate: JsValue,
    nper: JsValue,
    pv: JsValue,
    start_period: JsValue,
    end_period: JsValue,
    timing: JsValue,
) -> JsResult<String> {
    let value = finance::cumprinc(
        args::decimal(&rate, "rate")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pv, "pv")?,
        args::decimal(&start_period, "start_period")?,
        args::decimal(&end_period, "end_period")?,
        args::timing(&timing)?,
    )?;
    Ok(to_js_decimal(value))
}

/// Effective annual rate, as Excel's `EFFECT(nominal_rate, npery)`. Result: a decimal
/// string.
#[wasm_bindgen]
pub fn effect(nominal_rate: JsValue, npery: JsValue) -> JsResult<String> {
    let value = finance::effect(
        args::decimal(&nominal_rate, "nominal_rate")?,
        args::decimal(&npery, "npery")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Nominal annual rate, as Excel's `NOMINAL(effect_rate, npery)`. Result: a decimal string.
#[wasm_bindgen]
pub fn nominal(effect_rate: JsValue, npery: JsValue) -> JsResult<String> {
    let value = finance::nominal(
        args::decimal(&effect_rate, "effect_rate")?,
        args::decimal(&npery, "npery")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Interest of one period of a loan repaid in equal principal parts, as Excel's
/// `ISPMT(rate, per, nper, pv)` (`per` counts from 0). Result: a decimal string.
#[wasm_bindgen]
pub fn ispmt(rate: JsValue, per: JsValue, nper: JsValue, pv: JsValue) -> JsResult<String> {
    let value = finance::ispmt(
        args::decimal(&rate, "rate")?,
        args::decimal(&per, "per")?,
        args::decimal(&nper, "nper")?,
        args::decimal(&pv, "pv")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Future value under a schedule of rates, as Excel's `FVSCHEDULE(principal, schedule)`:
/// `schedule` is an array of numbers or decimal strings. Result: a decimal string.
#[wasm_bindgen]
pub fn fvschedule(principal: JsValue, schedule: JsValue) -> JsResult<String> {
    let value = finance::fvschedule(
        args::decimal(&principal, "principal")?,
        &args::decimals(&schedule, "schedule")?,
    )?;
    Ok(to_js_decimal(value))
}

// Depreciation. Optional arguments (`month`, `factor`, `no_switch`) may be left out,
// undefined or null.

/// Sum-of-years'-digits depreciation, as Excel's `SYD(cost, salvage, life, per)`. Result: a
/// decimal string.
#[wasm_bindgen]
pub fn syd(cost: JsValue, salvage: JsValue, life: JsValue, per: JsValue) -> JsResult<String> {
    let value = finance::syd(
        args::decimal(&cost, "cost")?,
        args::decimal(&salvage, "salvage")?,
        args::decimal(&life, "life")?,
        args::decimal(&per, "per")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Fixed-declining-balance depreciation, as Excel's
/// `DB(cost, salvage, life, period, [month])`. Result: a decimal string.
#[wasm_bindgen]
pub fn db(
    cost: JsValue,
    salvage: JsValue,
    life: JsValue,
    period: JsValue,
    month: JsValue,
) -> JsResult<String> {
    let value = finance::db(
        args::decimal(&cost, "cost")?,
        args::decimal(&salvage, "salvage")?,
        args::decimal(&life, "life")?,
        args::decimal(&period, "period")?,
        args::optional_decimal(&month, "month")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Double-declining-balance depreciation, as Excel's
/// `DDB(cost, salvage, life, period, [factor])`. Result: a decimal string.
#[wasm_bindgen]
pub fn ddb(
    cost: JsValue,
    salvage: JsValue,
    life: JsValue,
    period: JsValue,
    factor: JsValue,
) -> JsResult<String> {
    let value = finance::ddb(
        args::decimal(&cost, "cost")?,
        args::decimal(&salvage, "salvage")?,
        args::decimal(&life, "life")?,
        args::decimal(&period, "period")?,
        args::optional_decimal(&factor, "factor")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Variable-declining-balance depreciation between two points of the life, as Excel's
/// `VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])`. Result: a
/// decimal string.
#[wasm_bindgen]
pub fn vdb(
    cost: JsValue,
    salvage: JsValue,
    life: JsValue,
    start_period: JsValue,
    end_period: JsValue,
    factor: JsValue,
    no_switch: JsValue,
) -> JsResult<String> {
    let value = finance::vdb(
        args::decimal(&cost, "cost")?,
        args::decimal(&salvage, "salvage")?,
        args::decimal(&life, "life")?,
        args::decimal(&start_period, "start_period")?,
        args::decimal(&end_period, "end_period")?,
        args::optional_decimal(&factor, "factor")?,
        args::optional_bool(&no_switch, "no_switch")?,
    )?;
    Ok(to_js_decimal(value))
}

/// MACRS (GDS, half-year convention) depreciation of one tax year:
/// `cost × rate(recovery_period, year)` from IRS Publication 946, Table A-1. Result: a
/// decimal string.
#[wasm_bindgen]
pub fn macrs(cost: JsValue, recovery_period: JsValue, year: JsValue) -> JsResult<String> {
    let value = finance::macrs(
        args::decimal(&cost, "cost")?,
        args::decimal(&recovery_period, "recovery_period")?,
        args::decimal(&year, "year")?,
    )?;
    Ok(to_js_decimal(value))
}

/// The whole MACRS (GDS, half-year convention) schedule of a cost, year 1 first: an array
/// of decimal strings, `recovery_period + 1` of them, summing to `cost`.
#[wasm_bindgen]
pub fn macrs_schedule(cost: JsValue, recovery_period: JsValue) -> JsResult<Vec<String>> {
    let class =
        finance::MacrsClass::from_years(args::decimal(&recovery_period, "recovery_period")?)?;
    let values = finance::macrs_schedule(args::decimal(&cost, "cost")?, class)?;
    Ok(args::to_js_decimals(values))
}

// Cash flows and rates of return. Arrays are JavaScript arrays of numbers or decimal
// strings; dates are "YYYY-MM-DD" strings or Date objects (read by their UTC day);
// optional arguments may be left out, undefined or null.

/// Net present value, as Excel's `NPV(rate, values)`: the first value is discounted one
/// period. Result: a decimal string.
#[wasm_bindgen]
pub fn npv(rate: JsValue, values: JsValue) -> JsResult<String> {
    let value = finance::npv(
        args::decimal(&rate, "rate")?,
        &args::decimals(&values, "values")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Net present value with the first value now (t = 0), not discounted:
/// `npv_at_t0(r, v) = (1 + r) · npv(r, v)`.
#[wasm_bindgen]
pub fn npv_at_t0(rate: JsValue, values: JsValue) -> JsResult<String> {
    let value = finance::npv_at_t0(
        args::decimal(&rate, "rate")?,
        &args::decimals(&values, "values")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Net present value of dated flows, as Excel's `XNPV(rate, values, dates)` (Actual/365).
#[wasm_bindgen]
pub fn xnpv(rate: JsValue, values: JsValue, dates: JsValue) -> JsResult<String> {
    let value = finance::xnpv(
        args::decimal(&rate, "rate")?,
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
        args::decimal(&finance_rate, "finance_rate")?,
        args::decimal(&reinvest_rate, "reinvest_rate")?,
    )?;
    Ok(to_js_decimal(value))
}

/// Internal rate of return, as Excel's `IRR(values, [guess])`.
#[wasm_bindgen]
pub fn irr(values: JsValue, guess: JsValue) -> JsResult<String> {
    let value = finance::irr_f64(
        &args::floats(&values, "values")?,
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
    let (values, dates) = args::dated_floats(&values, &dates)?;
    let value = finance::xirr_f64(&values, &dates, args::optional_decimal(&guess, "guess")?)?;
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
        args::decimal(&nper, "nper")?,
        args::decimal(&pmt, "pmt")?,
        args::decimal(&pv, "pv")?,
        args::optional_decimal(&fv, "fv")?,
        args::optional_timing(&timing)?,
        args::optional_decimal(&guess, "guess")?,
    )?;
    Ok(to_js_decimal(value))
}

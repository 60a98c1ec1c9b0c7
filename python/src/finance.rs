//! The Excel-compatible finance functions, each one call to the core: arguments read by
//! [`crate::args`], the result a `decimal.Decimal` written as the npm package writes it (no
//! trailing zeros, no negative zero).

use gpuecon::{Decimal, finance};
use pyo3::prelude::*;

use crate::args;
use crate::error::Error;

/// The result as Python sees it: normalized (`7500`, not `7500.00`), zero never negative.
fn result(value: Decimal) -> Decimal {
    if value.is_zero() {
        Decimal::ZERO
    } else {
        value.normalize()
    }
}

/// Straight-line depreciation per period, as Excel's ``SLN(cost, salvage, life)``: ``(cost - salvage) / life``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.sln(50000, 5000, 6)
/// Decimal('7500')
#[pyfunction]
#[pyo3(signature = (cost, salvage, life))]
pub fn sln(
    cost: &Bound<'_, PyAny>,
    salvage: &Bound<'_, PyAny>,
    life: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::sln(
        args::decimal(cost, "cost")?,
        args::decimal(salvage, "salvage")?,
        args::decimal(life, "life")?,
    )?;
    Ok(result(value))
}

/// Sum-of-years'-digits depreciation of period ``per``, as Excel's ``SYD(cost, salvage, life, per)``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> round(gpuecon.syd(30000, 7500, 10, 1), 6)  # 22,500 × 10 / 55
/// Decimal('4090.909091')
#[pyfunction]
#[pyo3(signature = (cost, salvage, life, per))]
pub fn syd(
    cost: &Bound<'_, PyAny>,
    salvage: &Bound<'_, PyAny>,
    life: &Bound<'_, PyAny>,
    per: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::syd(
        args::decimal(cost, "cost")?,
        args::decimal(salvage, "salvage")?,
        args::decimal(life, "life")?,
        args::decimal(per, "per")?,
    )?;
    Ok(result(value))
}

/// Fixed-declining-balance depreciation, as Excel's ``DB(cost, salvage, life, period, [month])`` (the rate rounded to 3 places, as Excel does).
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> round(gpuecon.db(1000000, 100000, 6, 1, 7), 2)  # 1,000,000 × 0.319 × 7 / 12
/// Decimal('186083.33')
#[pyfunction]
#[pyo3(signature = (cost, salvage, life, period, month=None))]
pub fn db(
    cost: &Bound<'_, PyAny>,
    salvage: &Bound<'_, PyAny>,
    life: &Bound<'_, PyAny>,
    period: &Bound<'_, PyAny>,
    month: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::db(
        args::decimal(cost, "cost")?,
        args::decimal(salvage, "salvage")?,
        args::decimal(life, "life")?,
        args::decimal(period, "period")?,
        args::optional_decimal(month, "month")?,
    )?;
    Ok(result(value))
}

/// Double-declining-balance depreciation, as Excel's ``DDB(cost, salvage, life, period, [factor])`` (factor 2 by default).
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.ddb(2400, 300, 10, 1)
/// Decimal('480')
#[pyfunction]
#[pyo3(signature = (cost, salvage, life, period, factor=None))]
pub fn ddb(
    cost: &Bound<'_, PyAny>,
    salvage: &Bound<'_, PyAny>,
    life: &Bound<'_, PyAny>,
    period: &Bound<'_, PyAny>,
    factor: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::ddb(
        args::decimal(cost, "cost")?,
        args::decimal(salvage, "salvage")?,
        args::decimal(life, "life")?,
        args::decimal(period, "period")?,
        args::optional_decimal(factor, "factor")?,
    )?;
    Ok(result(value))
}

/// Variable-declining-balance depreciation between two points of the life, as Excel's ``VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.vdb(2400, 300, 10, 0, 1)
/// Decimal('480')
#[pyfunction]
#[pyo3(signature = (cost, salvage, life, start_period, end_period, factor=None, no_switch=None))]
pub fn vdb(
    cost: &Bound<'_, PyAny>,
    salvage: &Bound<'_, PyAny>,
    life: &Bound<'_, PyAny>,
    start_period: &Bound<'_, PyAny>,
    end_period: &Bound<'_, PyAny>,
    factor: Option<&Bound<'_, PyAny>>,
    no_switch: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::vdb(
        args::decimal(cost, "cost")?,
        args::decimal(salvage, "salvage")?,
        args::decimal(life, "life")?,
        args::decimal(start_period, "start_period")?,
        args::decimal(end_period, "end_period")?,
        args::optional_decimal(factor, "factor")?,
        args::optional_bool(no_switch, "no_switch")?,
    )?;
    Ok(result(value))
}

/// MACRS (GDS, half-year convention) depreciation of one tax year: ``cost * rate(recovery_period, year)`` from IRS Publication 946, Table A-1.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.macrs(50000, 5, 1)
/// Decimal('10000')
#[pyfunction]
#[pyo3(signature = (cost, recovery_period, year))]
pub fn macrs(
    cost: &Bound<'_, PyAny>,
    recovery_period: &Bound<'_, PyAny>,
    year: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::macrs(
        args::decimal(cost, "cost")?,
        args::decimal(recovery_period, "recovery_period")?,
        args::decimal(year, "year")?,
    )?;
    Ok(result(value))
}

/// Present value, as Excel's ``PV(rate, nper, pmt, [fv], [type])``; ``type`` 0 (payments at the end of each period, the default) or 1 (at the beginning).
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.pv(0, 10, -100, -50)
/// Decimal('1050')
#[pyfunction]
#[pyo3(signature = (rate, nper, pmt, fv=None, r#type=None))]
pub fn pv(
    rate: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pmt: &Bound<'_, PyAny>,
    fv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::pv(
        args::decimal(rate, "rate")?,
        args::decimal(nper, "nper")?,
        args::decimal(pmt, "pmt")?,
        args::optional_decimal(fv, "fv")?,
        args::optional_timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Future value, as Excel's ``FV(rate, nper, pmt, [pv], [type])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.fv('0.1', 2, 0, -100)
/// Decimal('121')
#[pyfunction]
#[pyo3(signature = (rate, nper, pmt, pv=None, r#type=None))]
pub fn fv(
    rate: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pmt: &Bound<'_, PyAny>,
    pv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::fv(
        args::decimal(rate, "rate")?,
        args::decimal(nper, "nper")?,
        args::decimal(pmt, "pmt")?,
        args::optional_decimal(pv, "pv")?,
        args::optional_timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Payment per period, as Excel's ``PMT(rate, nper, pv, [fv], [type])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.pmt(0, 10, 1000)
/// Decimal('-100')
#[pyfunction]
#[pyo3(signature = (rate, nper, pv, fv=None, r#type=None))]
pub fn pmt(
    rate: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    fv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::pmt(
        args::decimal(rate, "rate")?,
        args::decimal(nper, "nper")?,
        args::decimal(pv, "pv")?,
        args::optional_decimal(fv, "fv")?,
        args::optional_timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Number of periods, as Excel's ``NPER(rate, pmt, pv, [fv], [type])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.nper(0, -100, 1000)
/// Decimal('10')
#[pyfunction]
#[pyo3(signature = (rate, pmt, pv, fv=None, r#type=None))]
pub fn nper(
    rate: &Bound<'_, PyAny>,
    pmt: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    fv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::nper(
        args::decimal(rate, "rate")?,
        args::decimal(pmt, "pmt")?,
        args::decimal(pv, "pv")?,
        args::optional_decimal(fv, "fv")?,
        args::optional_timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Interest part of payment ``per``, as Excel's ``IPMT(rate, per, nper, pv, [fv], [type])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.ipmt('0.1', 1, 2, 1000)
/// Decimal('-100')
#[pyfunction]
#[pyo3(signature = (rate, per, nper, pv, fv=None, r#type=None))]
pub fn ipmt(
    rate: &Bound<'_, PyAny>,
    per: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    fv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::ipmt(
        args::decimal(rate, "rate")?,
        args::decimal(per, "per")?,
        args::decimal(nper, "nper")?,
        args::decimal(pv, "pv")?,
        args::optional_decimal(fv, "fv")?,
        args::optional_timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Principal part of payment ``per``, as Excel's ``PPMT(rate, per, nper, pv, [fv], [type])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.ppmt(0, 1, 4, 1000)
/// Decimal('-250')
#[pyfunction]
#[pyo3(signature = (rate, per, nper, pv, fv=None, r#type=None))]
pub fn ppmt(
    rate: &Bound<'_, PyAny>,
    per: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    fv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::ppmt(
        args::decimal(rate, "rate")?,
        args::decimal(per, "per")?,
        args::decimal(nper, "nper")?,
        args::decimal(pv, "pv")?,
        args::optional_decimal(fv, "fv")?,
        args::optional_timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Interest paid from ``start_period`` to ``end_period``, as Excel's ``CUMIPMT(rate, nper, pv, start_period, end_period, type)`` (``type`` required).
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.cumipmt('0.1', 2, 1000, 1, 1, 0)  # the first period's interest: 10 % of 1,000
/// Decimal('-100')
#[pyfunction]
#[pyo3(signature = (rate, nper, pv, start_period, end_period, r#type=None))]
pub fn cumipmt(
    rate: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    start_period: &Bound<'_, PyAny>,
    end_period: &Bound<'_, PyAny>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::cumipmt(
        args::decimal(rate, "rate")?,
        args::decimal(nper, "nper")?,
        args::decimal(pv, "pv")?,
        args::decimal(start_period, "start_period")?,
        args::decimal(end_period, "end_period")?,
        args::timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Principal repaid from ``start_period`` to ``end_period``, as Excel's ``CUMPRINC(rate, nper, pv, start_period, end_period, type)`` (``type`` required).
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.cumprinc('0.1', 2, 1000, 1, 2, 0)  # over the whole life: all of it
/// Decimal('-1000')
#[pyfunction]
#[pyo3(signature = (rate, nper, pv, start_period, end_period, r#type=None))]
pub fn cumprinc(
    rate: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    start_period: &Bound<'_, PyAny>,
    end_period: &Bound<'_, PyAny>,
    r#type: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::cumprinc(
        args::decimal(rate, "rate")?,
        args::decimal(nper, "nper")?,
        args::decimal(pv, "pv")?,
        args::decimal(start_period, "start_period")?,
        args::decimal(end_period, "end_period")?,
        args::timing(r#type)?,
    )?;
    Ok(result(value))
}

/// Effective annual rate, as Excel's ``EFFECT(nominal_rate, npery)``: ``(1 + nominal_rate / npery) ** npery - 1``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.effect('0.1', 2)
/// Decimal('0.1025')
#[pyfunction]
#[pyo3(signature = (nominal_rate, npery))]
pub fn effect(nominal_rate: &Bound<'_, PyAny>, npery: &Bound<'_, PyAny>) -> Result<Decimal, Error> {
    let value = finance::effect(
        args::decimal(nominal_rate, "nominal_rate")?,
        args::decimal(npery, "npery")?,
    )?;
    Ok(result(value))
}

/// Nominal annual rate, as Excel's ``NOMINAL(effect_rate, npery)``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> round(gpuecon.nominal('0.1025', 2), 12)  # 2 × (1.1025^(1/2) − 1)
/// Decimal('0.100000000000')
#[pyfunction]
#[pyo3(signature = (effect_rate, npery))]
pub fn nominal(effect_rate: &Bound<'_, PyAny>, npery: &Bound<'_, PyAny>) -> Result<Decimal, Error> {
    let value = finance::nominal(
        args::decimal(effect_rate, "effect_rate")?,
        args::decimal(npery, "npery")?,
    )?;
    Ok(result(value))
}

/// Interest of period ``per`` (from 0) of a loan repaid in equal principal parts, as Excel's ``ISPMT(rate, per, nper, pv)``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.ispmt('0.1', 0, 4, 1000)
/// Decimal('-100')
#[pyfunction]
#[pyo3(signature = (rate, per, nper, pv))]
pub fn ispmt(
    rate: &Bound<'_, PyAny>,
    per: &Bound<'_, PyAny>,
    nper: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::ispmt(
        args::decimal(rate, "rate")?,
        args::decimal(per, "per")?,
        args::decimal(nper, "nper")?,
        args::decimal(pv, "pv")?,
    )?;
    Ok(result(value))
}

/// Future value under a schedule of rates, as Excel's ``FVSCHEDULE(principal, schedule)``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.fvschedule(100, ['0.1', '0.2'])
/// Decimal('132')
#[pyfunction]
#[pyo3(signature = (principal, schedule))]
pub fn fvschedule(
    principal: &Bound<'_, PyAny>,
    schedule: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::fvschedule(
        args::decimal(principal, "principal")?,
        &args::decimals(schedule, "schedule")?,
    )?;
    Ok(result(value))
}

/// Net present value, as Excel's ``NPV(rate, values)``: the first value is discounted one period.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.npv('0.25', [100, 100])
/// Decimal('144')
#[pyfunction]
#[pyo3(signature = (rate, values))]
pub fn npv(rate: &Bound<'_, PyAny>, values: &Bound<'_, PyAny>) -> Result<Decimal, Error> {
    let value = finance::npv(
        args::decimal(rate, "rate")?,
        &args::decimals(values, "values")?,
    )?;
    Ok(result(value))
}

/// Net present value with the first value now (t = 0), not discounted: ``(1 + rate) * npv(rate, values)``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.npv_at_t0('0.1', [-100, 110])
/// Decimal('0')
#[pyfunction]
#[pyo3(signature = (rate, values))]
pub fn npv_at_t0(rate: &Bound<'_, PyAny>, values: &Bound<'_, PyAny>) -> Result<Decimal, Error> {
    let value = finance::npv_at_t0(
        args::decimal(rate, "rate")?,
        &args::decimals(values, "values")?,
    )?;
    Ok(result(value))
}

/// Net present value of dated flows, as Excel's ``XNPV(rate, values, dates)`` (Actual/365); dates are ``datetime.date`` or ``'YYYY-MM-DD'``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.xnpv('0.1', [-1000, 1100], ['2021-01-01', '2022-01-01'])
/// Decimal('0')
#[pyfunction]
#[pyo3(signature = (rate, values, dates))]
pub fn xnpv(
    rate: &Bound<'_, PyAny>,
    values: &Bound<'_, PyAny>,
    dates: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::xnpv(
        args::decimal(rate, "rate")?,
        &args::decimals(values, "values")?,
        &args::dates(dates, "dates")?,
    )?;
    Ok(result(value))
}

/// Modified internal rate of return, as Excel's ``MIRR(values, finance_rate, reinvest_rate)``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> gpuecon.mirr([-100, 121], '0.1', '0.2')  # one period: 121 / 100 − 1
/// Decimal('0.21')
#[pyfunction]
#[pyo3(signature = (values, finance_rate, reinvest_rate))]
pub fn mirr(
    values: &Bound<'_, PyAny>,
    finance_rate: &Bound<'_, PyAny>,
    reinvest_rate: &Bound<'_, PyAny>,
) -> Result<Decimal, Error> {
    let value = finance::mirr(
        &args::decimals(values, "values")?,
        args::decimal(finance_rate, "finance_rate")?,
        args::decimal(reinvest_rate, "reinvest_rate")?,
    )?;
    Ok(result(value))
}

/// Internal rate of return, as Excel's ``IRR(values, [guess])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> round(gpuecon.irr([-100, 110]), 12)  # 110 / 100 − 1, found by a solver
/// Decimal('0.100000000000')
#[pyfunction]
#[pyo3(signature = (values, guess=None))]
pub fn irr(values: &Bound<'_, PyAny>, guess: Option<&Bound<'_, PyAny>>) -> Result<Decimal, Error> {
    let value = finance::irr(
        &args::decimals(values, "values")?,
        args::optional_decimal(guess, "guess")?,
    )?;
    Ok(result(value))
}

/// Internal rate of return of dated flows, as Excel's ``XIRR(values, dates, [guess])`` (Actual/365).
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> import datetime
/// >>> round(gpuecon.xirr([-100, 110], [datetime.date(2021, 1, 1), '2022-01-01']), 12)  # 365 days
/// Decimal('0.100000000000')
#[pyfunction]
#[pyo3(signature = (values, dates, guess=None))]
pub fn xirr(
    values: &Bound<'_, PyAny>,
    dates: &Bound<'_, PyAny>,
    guess: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::xirr(
        &args::decimals(values, "values")?,
        &args::dates(dates, "dates")?,
        args::optional_decimal(guess, "guess")?,
    )?;
    Ok(result(value))
}

/// Interest rate per period of an annuity, as Excel's ``RATE(nper, pmt, pv, [fv], [type], [guess])``.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> round(gpuecon.rate(1, 0, -100, 110), 12)
/// Decimal('0.100000000000')
#[pyfunction]
#[pyo3(signature = (nper, pmt, pv, fv=None, r#type=None, guess=None))]
pub fn rate(
    nper: &Bound<'_, PyAny>,
    pmt: &Bound<'_, PyAny>,
    pv: &Bound<'_, PyAny>,
    fv: Option<&Bound<'_, PyAny>>,
    r#type: Option<&Bound<'_, PyAny>>,
    guess: Option<&Bound<'_, PyAny>>,
) -> Result<Decimal, Error> {
    let value = finance::rate(
        args::decimal(nper, "nper")?,
        args::decimal(pmt, "pmt")?,
        args::decimal(pv, "pv")?,
        args::optional_decimal(fv, "fv")?,
        args::optional_timing(r#type)?,
        args::optional_decimal(guess, "guess")?,
    )?;
    Ok(result(value))
}

/// Every internal rate of return in ``[lower, upper]`` (defaults -0.99 and 10), ascending.
///
/// Numbers are ``int``, ``float``, ``str`` or ``decimal.Decimal``; a failure raises
/// ``GpueconError`` naming the argument.
///
/// >>> [round(r, 12) for r in gpuecon.irr_all([-100, 230, -132])]  # -100 + 230x - 132x² = 0, x = 1/(1+r)
/// [Decimal('0.100000000000'), Decimal('0.200000000000')]
#[pyfunction]
#[pyo3(signature = (values, lower=None, upper=None))]
pub fn irr_all(
    values: &Bound<'_, PyAny>,
    lower: Option<&Bound<'_, PyAny>>,
    upper: Option<&Bound<'_, PyAny>>,
) -> Result<Vec<Decimal>, Error> {
    let value = finance::irr_all(
        &args::decimals(values, "values")?,
        args::optional_decimal(lower, "lower")?,
        args::optional_decimal(upper, "upper")?,
    )?;
    Ok(value.into_iter().map(result).collect())
}

/// The whole MACRS (GDS, half-year convention) schedule of ``cost``, year 1 first:
/// ``recovery_period + 1`` amounts summing to ``cost``.
///
/// >>> gpuecon.macrs_schedule(1000, 3)
/// [Decimal('333.3'), Decimal('444.5'), Decimal('148.1'), Decimal('74.1')]
#[pyfunction]
pub fn macrs_schedule(
    cost: &Bound<'_, PyAny>,
    recovery_period: &Bound<'_, PyAny>,
) -> Result<Vec<Decimal>, Error> {
    let class =
        finance::MacrsClass::from_years(args::decimal(recovery_period, "recovery_period")?)?;
    let values = finance::macrs_schedule(args::decimal(cost, "cost")?, class)?;
    Ok(values.into_iter().map(result).collect())
}

/// Registers every finance function on the module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(sln, module)?)?;
    module.add_function(wrap_pyfunction!(syd, module)?)?;
    module.add_function(wrap_pyfunction!(db, module)?)?;
    module.add_function(wrap_pyfunction!(ddb, module)?)?;
    module.add_function(wrap_pyfunction!(vdb, module)?)?;
    module.add_function(wrap_pyfunction!(macrs, module)?)?;
    module.add_function(wrap_pyfunction!(pv, module)?)?;
    module.add_function(wrap_pyfunction!(fv, module)?)?;
    module.add_function(wrap_pyfunction!(pmt, module)?)?;
    module.add_function(wrap_pyfunction!(nper, module)?)?;
    module.add_function(wrap_pyfunction!(ipmt, module)?)?;
    module.add_function(wrap_pyfunction!(ppmt, module)?)?;
    module.add_function(wrap_pyfunction!(cumipmt, module)?)?;
    module.add_function(wrap_pyfunction!(cumprinc, module)?)?;
    module.add_function(wrap_pyfunction!(effect, module)?)?;
    module.add_function(wrap_pyfunction!(nominal, module)?)?;
    module.add_function(wrap_pyfunction!(ispmt, module)?)?;
    module.add_function(wrap_pyfunction!(fvschedule, module)?)?;
    module.add_function(wrap_pyfunction!(npv, module)?)?;
    module.add_function(wrap_pyfunction!(npv_at_t0, module)?)?;
    module.add_function(wrap_pyfunction!(xnpv, module)?)?;
    module.add_function(wrap_pyfunction!(mirr, module)?)?;
    module.add_function(wrap_pyfunction!(irr, module)?)?;
    module.add_function(wrap_pyfunction!(xirr, module)?)?;
    module.add_function(wrap_pyfunction!(rate, module)?)?;
    module.add_function(wrap_pyfunction!(irr_all, module)?)?;
    module.add_function(wrap_pyfunction!(macrs_schedule, module)?)?;
    Ok(())
}

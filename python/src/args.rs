//! Python values in: numbers as `int`, `float`, `str` or `decimal.Decimal`; dates as
//! `datetime.date` or ISO `"YYYY-MM-DD"` strings; sequences of either. The same readings as
//! the npm package (bindings/src/args.rs): text exactly, floats by their shortest round-trip
//! decimal (`0.1` is exactly 0.1), `bool` never a number.

use gpuecon::finance::PaymentTiming;
use gpuecon::{Date, Decimal, FinanceError, units};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString, PyType};

const NOT_A_NUMBER: &str = "must be a number or a decimal string such as \"1234.56\"";
const NOT_A_DATE: &str = "must be datetime.date values or \"YYYY-MM-DD\" strings";

/// `decimal.Decimal` and `datetime.date`, imported once.
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn invalid(field: &'static str, reason: &'static str) -> FinanceError {
    FinanceError::InvalidArgument { field, reason }
}

/// Whether `value` is an instance of the class `module.name`.
fn is_a(
    value: &Bound<'_, PyAny>,
    lock: &'static PyOnceLock<Py<PyType>>,
    module: &str,
    name: &str,
) -> bool {
    let py = value.py();
    lock.import(py, module, name)
        .and_then(|class| value.is_instance(class))
        .unwrap_or(false)
}

/// Reads an `int`, `float`, `str` or `decimal.Decimal` as a [`Decimal`]: floats by their
/// shortest round-trip digits ([`units::decimal_from_f64`]), the others by their text,
/// exactly ([`units::parse_decimal`]).
///
/// # Errors
/// `INVALID_ARGUMENT` on `field` for anything else (a `bool`, `None`, a list, NaN, text
/// that is not a number, more than 28 significant digits).
pub fn decimal(value: &Bound<'_, PyAny>, field: &'static str) -> Result<Decimal, FinanceError> {
    if value.is_instance_of::<PyBool>() {
        return Err(invalid(field, NOT_A_NUMBER));
    }
    if value.is_instance_of::<PyFloat>() {
        let number: f64 = value.extract().map_err(|_| invalid(field, NOT_A_NUMBER))?;
        if !number.is_finite() {
            return Err(invalid(
                field,
                "must be a finite number (not NaN or Infinity)",
            ));
        }
        return units::decimal_from_f64(number, field);
    }
    let readable = value.is_instance_of::<PyInt>()
        || value.is_instance_of::<PyString>()
        || is_a(value, &DECIMAL, "decimal", "Decimal");
    if !readable {
        return Err(invalid(field, NOT_A_NUMBER));
    }
    let text = value.str().map_err(|_| invalid(field, NOT_A_NUMBER))?;
    let text = text.to_cow().map_err(|_| invalid(field, NOT_A_NUMBER))?;
    units::parse_decimal(&text, field)
}

/// An optional number: `None` is `None`.
///
/// # Errors
/// As [`decimal`].
pub fn optional_decimal(
    value: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> Result<Option<Decimal>, FinanceError> {
    match value {
        Some(v) if !v.is_none() => decimal(v, field).map(Some),
        _ => Ok(None),
    }
}

/// The elements of a sequence (a list, a tuple, any iterable but text).
fn elements<'py>(
    value: &Bound<'py, PyAny>,
    field: &'static str,
    reason: &'static str,
) -> Result<Vec<Bound<'py, PyAny>>, FinanceError> {
    if value.is_instance_of::<PyString>() {
        return Err(invalid(field, reason));
    }
    let iterator = value.try_iter().map_err(|_| invalid(field, reason))?;
    iterator
        .map(|item| item.map_err(|_| invalid(field, reason)))
        .collect()
}

/// A sequence of numbers, each read as [`decimal`] does.
///
/// # Errors
/// `INVALID_ARGUMENT` on `field` when it is not a sequence or an element is not a number.
pub fn decimals(
    value: &Bound<'_, PyAny>,
    field: &'static str,
) -> Result<Vec<Decimal>, FinanceError> {
    const NOT_NUMBERS: &str = "must be a sequence of numbers or decimal strings";
    elements(value, field, NOT_NUMBERS)?
        .iter()
        .map(|element| decimal(element, field))
        .collect()
}

/// One date: a `datetime.date` (a `datetime.datetime` by its calendar day) or a
/// `"YYYY-MM-DD"` string.
fn date(value: &Bound<'_, PyAny>, field: &'static str) -> Result<Date, FinanceError> {
    if value.is_instance_of::<PyString>() {
        let text = value.str().map_err(|_| invalid(field, NOT_A_DATE))?;
        let text = text.to_cow().map_err(|_| invalid(field, NOT_A_DATE))?;
        return text.parse().map_err(|_| invalid(field, NOT_A_DATE));
    }
    if !is_a(value, &DATE, "datetime", "date") {
        return Err(invalid(field, NOT_A_DATE));
    }
    let part = |name: &str| -> Option<i32> { value.getattr(name).ok()?.extract().ok() };
    let (Some(year), Some(month), Some(day)) = (part("year"), part("month"), part("day")) else {
        return Err(invalid(field, NOT_A_DATE));
    };
    let (Ok(month), Ok(day)) = (u32::try_from(month), u32::try_from(day)) else {
        return Err(invalid(field, NOT_A_DATE));
    };
    Date::from_ymd_opt(year, month, day).ok_or_else(|| invalid(field, NOT_A_DATE))
}

/// A sequence of dates, each read as a `datetime.date` or an ISO string.
///
/// # Errors
/// `INVALID_ARGUMENT` on `field` when it is not a sequence or an element is not a date.
pub fn dates(value: &Bound<'_, PyAny>, field: &'static str) -> Result<Vec<Date>, FinanceError> {
    elements(value, field, NOT_A_DATE)?
        .iter()
        .map(|element| date(element, field))
        .collect()
}

/// Excel's optional `type` (0: payments at the end of each period, 1: at the beginning);
/// `None` is the default, 0.
///
/// # Errors
/// `INVALID_ARGUMENT` on `type` for anything but 0 or 1.
pub fn optional_timing(
    value: Option<&Bound<'_, PyAny>>,
) -> Result<Option<PaymentTiming>, FinanceError> {
    optional_decimal(value, "type")?
        .map(PaymentTiming::from_excel_type)
        .transpose()
}

/// Excel's required `type`, as `CUMIPMT` and `CUMPRINC` take it.
///
/// # Errors
/// `INVALID_ARGUMENT` on `type` when it is `None` or not 0 or 1.
pub fn timing(value: Option<&Bound<'_, PyAny>>) -> Result<PaymentTiming, FinanceError> {
    optional_timing(value)?.ok_or(invalid(
        "type",
        "is required: 0 (payments at the end of each period) or 1 (at the beginning)",
    ))
}

/// An optional flag: `True`, `False`, 1, 0 or `None`.
///
/// # Errors
/// `INVALID_ARGUMENT` on `field` for anything else.
pub fn optional_bool(
    value: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> Result<Option<bool>, FinanceError> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Some(flag.is_true()));
    }
    match value.extract::<i64>() {
        Ok(0) => Ok(Some(false)),
        Ok(1) => Ok(Some(true)),
        _ => Err(invalid(field, "must be True or False")),
    }
}

//! Crossing from the sensors' `f64` into [`Decimal`], and the small combinators the live
//! economics share (module docs of [`live`](super)).

use crate::Decimal;
use crate::models::ModelError;
use crate::units::{self, AMOUNT_DECIMAL_PLACES, decimal_from_f64};

/// A measured `f64` as a [`Decimal`] kept to `places`; `None` stays `None`.
pub(super) fn decimal(
    value: Option<f64>,
    places: u32,
    field: &'static str,
) -> Result<Option<Decimal>, ModelError> {
    value
        .map(|v| Ok(units::keep(decimal_from_f64(v, field)?, places)))
        .transpose()
}

/// A measured utilization, clamped to [0, 1], as a [`Decimal`].
pub(super) fn fraction(
    value: Option<f64>,
    field: &'static str,
) -> Result<Option<Decimal>, ModelError> {
    decimal(value.map(|v| v.clamp(0.0, 1.0)), 9, field)
}

/// Applies a fallible function to two known values.
pub(super) fn both<T>(
    a: Option<Decimal>,
    b: Option<Decimal>,
    f: impl FnOnce(Decimal, Decimal) -> Result<T, ModelError>,
) -> Result<Option<T>, ModelError> {
    match (a, b) {
        (Some(a), Some(b)) => f(a, b).map(Some),
        _ => Ok(None),
    }
}

/// Sums of known amounts: `None` if any is unknown (a fleet's margin is unknown while one
/// GPU's power is).
pub(super) fn sum_all(
    values: impl IntoIterator<Item = Option<Decimal>>,
    field: &'static str,
) -> Result<Option<Decimal>, ModelError> {
    let mut total = Decimal::ZERO;
    for value in values {
        let Some(value) = value else { return Ok(None) };
        total = units::add(total, value, field)?;
    }
    Ok(Some(total))
}

/// `seconds` (kept to the microsecond) as hours.
pub(super) fn hours(seconds: f64) -> Result<Decimal, ModelError> {
    let seconds = units::keep(decimal_from_f64(seconds, "seconds")?, 6);
    Ok(units::div(seconds, Decimal::from(3600), "seconds")?)
}

/// An amount kept to [`AMOUNT_DECIMAL_PLACES`].
pub(super) fn amount(value: Option<Decimal>) -> Option<Decimal> {
    value.map(|v| units::keep(v, AMOUNT_DECIMAL_PLACES))
}

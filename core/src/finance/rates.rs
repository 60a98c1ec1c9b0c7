//! Nominal and effective annual rates, as Excel's `EFFECT` and `NOMINAL`.

use super::time_value::{Num, exact_or_float};
use crate::{Decimal, FinanceError, units};

/// Excel's checks shared by both functions; returns `npery` truncated to a whole number.
fn periods_per_year(
    rate: Decimal,
    npery: Decimal,
    rate_field: &'static str,
) -> Result<Decimal, FinanceError> {
    if rate <= Decimal::ZERO {
        return Err(FinanceError::Domain {
            field: rate_field,
            reason: "must be greater than 0",
        });
    }
    let whole = npery.trunc();
    if whole < Decimal::ONE {
        return Err(FinanceError::Domain {
            field: "npery",
            reason: "must be at least 1 (it is truncated to a whole number)",
        });
    }
    Ok(whole)
}

/// The effective annual rate of a nominal annual rate compounded `npery` times a year, as
/// Excel's `EFFECT(nominal_rate, npery)`.
///
/// `EFFECT = (1 + i/m)^m − 1`, where `i` is `nominal_rate` and `m` is `npery` truncated
/// to a whole number (Excel truncates: 1.7 compounds once a year).
///
/// Exact [`Decimal`] arithmetic: `m` is whole, so the power is repeated squaring with
/// checked multiplication; only where the power does not fit in a [`Decimal`] is it
/// computed in `f64` (and then the result usually overflows anyway).
///
/// # Errors
/// - [`FinanceError::Domain`] on `nominal_rate` when it is not greater than 0, and on
///   `npery` when it is below 1 (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: `=EFFECT(0.0525, 4)` is 0.0535427 (5.35 %).
/// ```
/// use gpuecon::{finance::effect, Decimal};
/// let rate = effect(Decimal::new(525, 4), 4.into())?;
/// assert_eq!(rate.round_dp(7), Decimal::new(535_427, 7));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn effect(nominal_rate: Decimal, npery: Decimal) -> Result<Decimal, FinanceError> {
    let m = periods_per_year(nominal_rate, npery, "nominal_rate")?;
    let per_period = units::div(nominal_rate, m, "npery")?;
    exact_or_float(
        "nominal_rate",
        || <Decimal as Num>::growth(per_period, m)?.sub(Decimal::ONE, "nominal_rate"),
        || <f64 as Num>::growth(per_period, m)?.sub(1.0, "nominal_rate"),
    )
}

/// The nominal annual rate that, compounded `npery` times a year, gives the effective rate
/// `effect_rate`, as Excel's `NOMINAL(effect_rate, npery)`.
///
/// `NOMINAL = m·((1 + e)^(1/m) − 1)`, where `e` is `effect_rate` and `m` is `npery`
/// truncated to a whole number.
///
/// The root `(1 + e)^(1/m)` is irrational: it is computed in `f64` as
/// `exp(ln(1 + e)/m) − 1` (with `ln_1p` and `exp_m1`, which keep their accuracy for small
/// rates) and converted to [`Decimal`] once; the product with `m` is exact.
///
/// # Errors
/// - [`FinanceError::Domain`] on `effect_rate` when it is not greater than 0, and on
///   `npery` when it is below 1 (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: `=NOMINAL(0.053543, 4)` is 0.05250032 (5.25 %).
/// ```
/// use gpuecon::{finance::nominal, Decimal};
/// let rate = nominal(Decimal::new(53_543, 6), 4.into())?;
/// assert_eq!(rate.round_dp(8), Decimal::new(5_250_032, 8));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn nominal(effect_rate: Decimal, npery: Decimal) -> Result<Decimal, FinanceError> {
    let m = periods_per_year(effect_rate, npery, "effect_rate")?;
    let per_period =
        libm::expm1(libm::log1p(units::to_f64_lossy(effect_rate)) / units::to_f64_lossy(m));
    let per_period = units::decimal_from_f64(per_period, "effect_rate")?;
    units::mul(per_period, m, "npery")
}

/// The monthly rate equivalent to an annual rate, `(1 + annual)^(1/12) − 1`: the rate
/// the monthly models discount at (12 months at it compound to exactly one year at
/// `annual_rate`). The twelfth root is irrational, so it is computed in `f64` and converted
/// once (as Excel would).
///
/// # Errors
/// [`FinanceError::Domain`] on `field` when `annual_rate` is −1 or below (no root).
///
/// # Example
/// 10 % a year is 0.797 % a month, not 10/12 = 0.833 %:
/// ```
/// use gpuecon::{finance::monthly_rate, Decimal};
/// let monthly = monthly_rate(Decimal::new(10, 2), "annual_rate")?;
/// assert_eq!(monthly.round_dp(8), Decimal::new(797_414, 8));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn monthly_rate(annual_rate: Decimal, field: &'static str) -> Result<Decimal, FinanceError> {
    if annual_rate <= Decimal::NEGATIVE_ONE {
        return Err(FinanceError::Domain {
            field,
            reason: "must be greater than -1",
        });
    }
    let growth = units::to_f64_lossy(units::add(Decimal::ONE, annual_rate, field)?);
    units::decimal_from_f64(libm::pow(growth, 1.0 / 12.0) - 1.0, field)
}

/// The annual rate equivalent to a monthly rate, `(1 + monthly)^12 − 1`, exact in
/// [`Decimal`] (a whole power).
///
/// # Errors
/// [`FinanceError::Overflow`] on `field` when the power does not fit.
///
/// # Example
/// 1 % a month is 12.68 % a year:
/// ```
/// use gpuecon::{finance::annual_rate, Decimal};
/// let annual = annual_rate(Decimal::new(1, 2), "monthly_rate")?;
/// assert_eq!(annual.round_dp(10), Decimal::new(1_268_250_301, 10));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn annual_rate(monthly_rate: Decimal, field: &'static str) -> Result<Decimal, FinanceError> {
    let growth = units::add(Decimal::ONE, monthly_rate, field)?;
    let compounded = super::time_value::powi(growth, Decimal::from(12))
        .map_err(|_| FinanceError::Overflow { field })?;
    units::sub(compounded, Decimal::ONE, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn effect_is_exact_for_whole_compounding() {
        // (1 + 0.12/12)^12 − 1 = 1.01^12 − 1 = 0.126825030131969720661201 exactly.
        assert_eq!(
            effect(d("0.12"), d("12")),
            Ok(d("0.126825030131969720661201"))
        );
        // Once a year: the rate itself; 1.7 truncates to 1.
        assert_eq!(effect(d("0.06"), d("1.7")), Ok(d("0.06")));
    }

    #[test]
    fn domain_errors_name_the_argument() {
        assert!(matches!(
            effect(d("0"), d("4")),
            Err(FinanceError::Domain {
                field: "nominal_rate",
                ..
            })
        ));
        assert!(matches!(
            effect(d("0.1"), d("0.9")),
            Err(FinanceError::Domain { field: "npery", .. })
        ));
        assert!(matches!(
            nominal(d("-0.1"), d("4")),
            Err(FinanceError::Domain {
                field: "effect_rate",
                ..
            })
        ));
        assert!(matches!(
            nominal(d("0.1"), d("0")),
            Err(FinanceError::Domain { field: "npery", .. })
        ));
    }
}

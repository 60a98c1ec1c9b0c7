//! The time value of money: Excel's `PV`, `FV`, `PMT`, `NPER` and `FVSCHEDULE`, and the
//! arithmetic they share with the amortization functions.
//!
//! # Symbols
//! - `r`: the interest rate per period (`rate`);
//! - `n`: the number of periods (`nper`);
//! - `f = (1 + r)^n`: the growth factor;
//! - `t`: 1 when payments fall at the beginning of each period, 0 at the end
//!   ([`PaymentTiming`]);
//! - `pmt`, `pv`, `fv`: the payment per period, the present value and the future value,
//!   with Excel's signs (paid out negative, received positive).
//!
//! Every function solves the one equation Excel's are built on:
//!
//! ```text
//! pv·f + pmt·(1 + r·t)·(f − 1)/r + fv = 0      (r ≠ 0)
//! pv + pmt·n + fv = 0                           (r = 0)
//! ```
//!
//! # Where `f64` is used
//! The growth factor `f` is exact [`Decimal`] arithmetic (repeated squaring with checked
//! multiplication) when `n` is a whole number, and an `f64` power (converted once) when it
//! is not, since `(1 + r)^1.5` is irrational. The rest of each formula is checked
//! [`Decimal`] arithmetic. When a [`Decimal`] cannot carry a value (`f` beyond ±7.9e28 or
//! below 1e-28, or an intermediate product overflows), the whole formula is evaluated
//! again in `f64`, as Excel evaluates it, and the result converted once; only a result
//! that does not fit in a [`Decimal`] is an [`FinanceError::Overflow`]. Logarithms
//! (`NPER`) are `f64`.
//!
//! A small factor (`f = 1e-15` after 600 periods at −5.6 %) keeps few significant digits
//! in a [`Decimal`], which has 28 decimal places; it appears only in sums (`pv·f + …`),
//! where its absolute precision of 1e-28 is what counts, except in `PV`, which would divide
//! by it and so uses `g = 1/f` instead (computed by inverting `1 + r` first, with full
//! precision).

use super::PaymentTiming;
use crate::{Decimal, FinanceError, units};

/// The arithmetic a time-value formula needs, implemented exactly for [`Decimal`] and as
/// Excel does it for `f64`. Each formula is written once, generic over this trait.
pub(super) trait Num: Copy + PartialEq {
    /// One.
    const ONE: Self;
    /// A [`Decimal`] argument in this representation.
    fn lift(value: Decimal) -> Self;
    /// `self + other`.
    fn add(self, other: Self, field: &'static str) -> Result<Self, FinanceError>;
    /// `self − other`.
    fn sub(self, other: Self, field: &'static str) -> Result<Self, FinanceError>;
    /// `self × other`.
    fn mul(self, other: Self, field: &'static str) -> Result<Self, FinanceError>;
    /// `self ÷ other`; a zero divisor is [`FinanceError::DivisionByZero`] on `field`.
    fn div(self, other: Self, field: &'static str) -> Result<Self, FinanceError>;
    /// `−self`.
    fn neg(self) -> Self;
    /// The growth factor `(1 + rate)^nper`.
    fn growth(rate: Decimal, nper: Decimal) -> Result<Self, FinanceError>;
    /// The result as a [`Decimal`].
    fn finish(self, field: &'static str) -> Result<Decimal, FinanceError>;
}

impl Num for Decimal {
    const ONE: Self = Decimal::ONE;
    fn lift(value: Decimal) -> Self {
        value
    }
    fn add(self, other: Self, field: &'static str) -> Result<Self, FinanceError> {
        units::add(self, other, field)
    }
    fn sub(self, other: Self, field: &'static str) -> Result<Self, FinanceError> {
        units::sub(self, other, field)
    }
    fn mul(self, other: Self, field: &'static str) -> Result<Self, FinanceError> {
        units::mul(self, other, field)
    }
    fn div(self, other: Self, field: &'static str) -> Result<Self, FinanceError> {
        units::div(self, other, field)
    }
    fn neg(self) -> Self {
        -self
    }
    fn growth(rate: Decimal, nper: Decimal) -> Result<Self, FinanceError> {
        let base = units::add(Decimal::ONE, rate, "rate")?;
        let factor = if nper.fract().is_zero() {
            powi(base, nper)?
        } else {
            let float = <f64 as Num>::growth(rate, nper)?;
            units::decimal_from_f64(float, "nper")?
        };
        // A factor below 1e-28 underflows to zero in a Decimal: let the f64 path carry it.
        if factor.is_zero() && !base.is_zero() {
            return Err(FinanceError::Overflow { field: "nper" });
        }
        Ok(factor)
    }
    fn finish(self, _field: &'static str) -> Result<Decimal, FinanceError> {
        Ok(self)
    }
}

impl Num for f64 {
    const ONE: Self = 1.0;
    fn lift(value: Decimal) -> Self {
        units::to_f64_lossy(value)
    }
    fn add(self, other: Self, _field: &'static str) -> Result<Self, FinanceError> {
        Ok(self + other)
    }
    fn sub(self, other: Self, _field: &'static str) -> Result<Self, FinanceError> {
        Ok(self - other)
    }
    fn mul(self, other: Self, _field: &'static str) -> Result<Self, FinanceError> {
        Ok(self * other)
    }
    fn div(self, other: Self, field: &'static str) -> Result<Self, FinanceError> {
        if other == 0.0 {
            return Err(FinanceError::DivisionByZero { field });
        }
        Ok(self / other)
    }
    fn neg(self) -> Self {
        -self
    }
    fn growth(rate: Decimal, nper: Decimal) -> Result<Self, FinanceError> {
        let base = 1.0 + units::to_f64_lossy(rate);
        let factor = libm::pow(base, units::to_f64_lossy(nper));
        if factor.is_nan() {
            return Err(FinanceError::Domain {
                field: "nper",
                reason: "1 + rate is negative, so nper must be a whole number",
            });
        }
        Ok(factor)
    }
    fn finish(self, field: &'static str) -> Result<Decimal, FinanceError> {
        if self.is_finite() {
            units::decimal_from_f64(self, field)
        } else {
            Err(FinanceError::Overflow { field })
        }
    }
}

/// `base^exponent` for a whole `exponent`, by repeated squaring with checked
/// multiplication: at most 2·log₂|exponent| multiplications. A negative exponent divides
/// one by the power.
///
/// # Errors
/// [`FinanceError::Overflow`] on `nper` when the power does not fit (or the exponent is
/// beyond ±2⁶³); [`FinanceError::DivisionByZero`] on `rate` for `0^−k`.
pub(super) fn powi(base: Decimal, exponent: Decimal) -> Result<Decimal, FinanceError> {
    let whole =
        i64::try_from(exponent.trunc()).map_err(|_| FinanceError::Overflow { field: "nper" })?;
    let mut remaining = whole.unsigned_abs();
    let mut result = Decimal::ONE;
    // A negative power of a base below 1 in size is large: invert the base first, so that
    // every product keeps 28 significant digits (powering first would make a small number,
    // which a Decimal holds with fewer significant digits, and then invert its error).
    let invert_first = whole < 0 && base.abs() < Decimal::ONE;
    let mut square = if invert_first {
        units::div(Decimal::ONE, base, "rate")?
    } else {
        base
    };
    while remaining > 0 {
        if remaining & 1 == 1 {
            result = units::mul(result, square, "nper")?;
        }
        remaining >>= 1;
        if remaining > 0 {
            square = units::mul(square, square, "nper")?;
        }
    }
    if whole < 0 && !invert_first {
        units::div(Decimal::ONE, result, "rate")
    } else {
        Ok(result)
    }
}

/// Runs a formula exactly in [`Decimal`]; where a [`Decimal`] cannot carry an intermediate
/// value ([`FinanceError::Overflow`]), runs the same formula in `f64` and converts once.
pub(super) fn exact_or_float(
    field: &'static str,
    exact: impl FnOnce() -> Result<Decimal, FinanceError>,
    float: impl FnOnce() -> Result<f64, FinanceError>,
) -> Result<Decimal, FinanceError> {
    match exact() {
        Err(FinanceError::Overflow { .. }) => float()?.finish(field),
        other => other,
    }
}

/// `1 + r·t`: the payment's extra period of interest when payments fall in advance.
fn advance<T: Num>(rate: T, timing: PaymentTiming) -> Result<T, FinanceError> {
    match timing {
        PaymentTiming::End => Ok(T::ONE),
        PaymentTiming::Beginning => T::ONE.add(rate, "rate"),
    }
}

/// `fv = −(pv·f + pmt·(1 + r·t)·(f − 1)/r)`, or `−(pv + pmt·n)` at `r = 0`.
pub(super) fn fv_in<T: Num>(
    rate: Decimal,
    nper: Decimal,
    pmt: Decimal,
    pv: Decimal,
    timing: PaymentTiming,
) -> Result<T, FinanceError> {
    let (r, n, pmt, pv) = (T::lift(rate), T::lift(nper), T::lift(pmt), T::lift(pv));
    if rate.is_zero() {
        return Ok(pv.add(pmt.mul(n, "pmt")?, "pv")?.neg());
    }
    let f = T::growth(rate, nper)?;
    let annuity = f.sub(T::ONE, "nper")?.div(r, "rate")?;
    let payments = pmt.mul(advance(r, timing)?, "pmt")?.mul(annuity, "pmt")?;
    Ok(pv.mul(f, "pv")?.add(payments, "pmt")?.neg())
}

/// `pv = −(fv + pmt·(1 + r·t)·(f − 1)/r) / f`, or `−(fv + pmt·n)` at `r = 0`. When the
/// factor shrinks (`f < 1`), the same formula with `g = 1/f = (1 + r)^−n`:
/// `pv = −(fv·g + pmt·(1 + r·t)·(1 − g)/r)`, so that nothing divides by a small factor.
fn pv_in<T: Num>(
    rate: Decimal,
    nper: Decimal,
    pmt: Decimal,
    fv: Decimal,
    timing: PaymentTiming,
) -> Result<T, FinanceError> {
    let (r, n, pmt, fv) = (T::lift(rate), T::lift(nper), T::lift(pmt), T::lift(fv));
    if rate.is_zero() {
        return Ok(fv.add(pmt.mul(n, "pmt")?, "fv")?.neg());
    }
    let shrinks = (rate.is_sign_negative() && rate > Decimal::from(-2)) != nper.is_sign_negative();
    if shrinks {
        let g = T::growth(rate, -nper)?;
        let annuity = T::ONE.sub(g, "nper")?.div(r, "rate")?;
        let payments = pmt.mul(advance(r, timing)?, "pmt")?.mul(annuity, "pmt")?;
        return Ok(fv.mul(g, "fv")?.add(payments, "pmt")?.neg());
    }
    let f = T::growth(rate, nper)?;
    let annuity = f.sub(T::ONE, "nper")?.div(r, "rate")?;
    let payments = pmt.mul(advance(r, timing)?, "pmt")?.mul(annuity, "pmt")?;
    Ok(fv.add(payments, "pmt")?.div(f, "rate")?.neg())
}

/// `pmt = −(fv + pv·f)·r / ((1 + r·t)·(f − 1))`, or `−(fv + pv)/n` at `r = 0`.
pub(super) fn pmt_in<T: Num>(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    timing: PaymentTiming,
) -> Result<T, FinanceError> {
    let (r, n, pv, fv) = (T::lift(rate), T::lift(nper), T::lift(pv), T::lift(fv));
    if rate.is_zero() {
        return Ok(fv.add(pv, "pv")?.div(n, "nper")?.neg());
    }
    let f = T::growth(rate, nper)?;
    let owed = fv.add(pv.mul(f, "pv")?, "pv")?;
    let annuity = advance(r, timing)?.mul(f.sub(T::ONE, "nper")?, "nper")?;
    Ok(owed.mul(r, "pv")?.div(annuity, "nper")?.neg())
}

/// The future value of an investment with periodic, constant payments and a constant
/// interest rate, as Excel's `FV(rate, nper, pmt, [pv], [type])`.
///
/// `FV = −(pv·(1 + r)^n + pmt·(1 + r·t)·((1 + r)^n − 1)/r)`, and `−(pv + pmt·n)` when
/// `r = 0`, where `r` is `rate`, `n` is `nper` and `t` is 1 for payments in advance, 0 in
/// arrears.
///
/// - `rate`: the interest rate per period (0.06/12 for 6 % a year paid monthly);
/// - `nper`: the number of payment periods (any number; a fraction needs `1 + rate ≥ 0`);
/// - `pmt`: the payment made each period (negative when paid out);
/// - `pv`: the present value, a lump sum now (default 0);
/// - `timing`: when in each period payments fall (default [`PaymentTiming::End`]).
///
/// Exact [`Decimal`] arithmetic for whole `nper`: the factor `(1 + r)^n` by repeated
/// squaring with checked multiplication. `f64` for the factor of a fractional `nper`
/// (irrational), and for the whole formula, as Excel computes it, where a [`Decimal`]
/// cannot hold an intermediate value (a factor beyond ±7.9e28 or below 1e-28); the
/// result is converted to [`Decimal`] once.
///
/// # Errors
/// - [`FinanceError::Domain`] on `nper` when `1 + rate < 0` and `nper` is fractional
///   (Excel: `#NUM!`);
/// - [`FinanceError::DivisionByZero`] on `rate` when `rate = −1` and `nper < 0`;
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: `=FV(0.06/12, 10, -200, -500, 1)` is $2,581.40.
/// ```
/// use gpuecon::{finance::{fv, PaymentTiming}, Decimal};
/// let rate = Decimal::new(6, 2) / Decimal::from(12);
/// let value = fv(rate, 10.into(), (-200).into(), Some((-500).into()), Some(PaymentTiming::Beginning))?;
/// assert_eq!(value.round_dp(2), Decimal::new(258_140, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn fv(
    rate: Decimal,
    nper: Decimal,
    pmt: Decimal,
    pv: Option<Decimal>,
    timing: Option<PaymentTiming>,
) -> Result<Decimal, FinanceError> {
    let (pv, timing) = (pv.unwrap_or_default(), timing.unwrap_or_default());
    exact_or_float(
        "nper",
        || fv_in::<Decimal>(rate, nper, pmt, pv, timing),
        || fv_in::<f64>(rate, nper, pmt, pv, timing),
    )
}

/// The present value of a series of equal payments, as Excel's
/// `PV(rate, nper, pmt, [fv], [type])`.
///
/// `PV = −(fv + pmt·(1 + r·t)·((1 + r)^n − 1)/r) / (1 + r)^n`, and `−(fv + pmt·n)` when
/// `r = 0`, where `r` is `rate`, `n` is `nper` and `t` is 1 for payments in advance, 0 in
/// arrears.
///
/// - `rate`: the interest rate per period;
/// - `nper`: the number of payment periods (any number; a fraction needs `1 + rate ≥ 0`);
/// - `pmt`: the payment made each period (negative when paid out);
/// - `fv`: the future value left after the last payment (default 0);
/// - `timing`: when in each period payments fall (default [`PaymentTiming::End`]).
///
/// Exact [`Decimal`] arithmetic for whole `nper`: the factor `(1 + r)^n` by repeated
/// squaring with checked multiplication. `f64` for the factor of a fractional `nper`
/// (irrational), and for the whole formula, as Excel computes it, where a [`Decimal`]
/// cannot hold an intermediate value (a factor beyond ±7.9e28 or below 1e-28); the
/// result is converted to [`Decimal`] once.
/// When the factor is below 1, the formula uses `g = (1 + r)^−n` instead of dividing by
/// a small `(1 + r)^n`.
///
/// # Errors
/// - [`FinanceError::Domain`] on `nper` when `1 + rate < 0` and `nper` is fractional;
/// - [`FinanceError::DivisionByZero`] on `rate` when `rate = −1` (the factor is zero);
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: an annuity paying $500 a month for 20 years at 8 % a
/// year, `=PV(0.08/12, 12*20, 500, , 0)`, is worth $59,777.15 (negative: it is paid for).
/// ```
/// use gpuecon::{finance::pv, Decimal};
/// let rate = Decimal::new(8, 2) / Decimal::from(12);
/// let value = pv(rate, 240.into(), 500.into(), None, None)?;
/// assert_eq!(value.round_dp(2), Decimal::new(-5_977_715, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn pv(
    rate: Decimal,
    nper: Decimal,
    pmt: Decimal,
    fv: Option<Decimal>,
    timing: Option<PaymentTiming>,
) -> Result<Decimal, FinanceError> {
    let (fv, timing) = (fv.unwrap_or_default(), timing.unwrap_or_default());
    exact_or_float(
        "nper",
        || pv_in::<Decimal>(rate, nper, pmt, fv, timing),
        || pv_in::<f64>(rate, nper, pmt, fv, timing),
    )
}

/// The payment per period of a loan (or a savings plan) with constant payments and a
/// constant rate, as Excel's `PMT(rate, nper, pv, [fv], [type])`.
///
/// `PMT = −(fv + pv·(1 + r)^n)·r / ((1 + r·t)·((1 + r)^n − 1))`, and `−(fv + pv)/n` when
/// `r = 0`, where `r` is `rate`, `n` is `nper` and `t` is 1 for payments in advance, 0 in
/// arrears.
///
/// - `rate`: the interest rate per period;
/// - `nper`: the number of payments (not zero; a fraction needs `1 + rate ≥ 0`);
/// - `pv`: the principal, the present value of all payments;
/// - `fv`: the balance wanted after the last payment (default 0);
/// - `timing`: when in each period payments fall (default [`PaymentTiming::End`]).
///
/// Exact [`Decimal`] arithmetic for whole `nper`: the factor `(1 + r)^n` by repeated
/// squaring with checked multiplication. `f64` for the factor of a fractional `nper`
/// (irrational), and for the whole formula, as Excel computes it, where a [`Decimal`]
/// cannot hold an intermediate value (a factor beyond ±7.9e28 or below 1e-28); the
/// result is converted to [`Decimal`] once.
/// A 360-month loan takes about a dozen multiplications for the factor: a few
/// microseconds.
///
/// # Errors
/// - [`FinanceError::DivisionByZero`] on `nper` when `nper = 0` (Excel: `#NUM!` or
///   `#DIV/0!`), or when `rate = −1` with payments in advance;
/// - [`FinanceError::Domain`] on `nper` when `1 + rate < 0` and `nper` is fractional;
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: $10,000 at 8 % a year over 10 months,
/// `=PMT(0.08/12, 10, 10000)`, is −$1,037.03 a month.
/// ```
/// use gpuecon::{finance::pmt, Decimal};
/// let rate = Decimal::new(8, 2) / Decimal::from(12);
/// let payment = pmt(rate, 10.into(), 10_000.into(), None, None)?;
/// assert_eq!(payment.round_dp(2), Decimal::new(-103_703, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn pmt(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Option<Decimal>,
    timing: Option<PaymentTiming>,
) -> Result<Decimal, FinanceError> {
    let (fv, timing) = (fv.unwrap_or_default(), timing.unwrap_or_default());
    exact_or_float(
        "nper",
        || pmt_in::<Decimal>(rate, nper, pv, fv, timing),
        || pmt_in::<f64>(rate, nper, pv, fv, timing),
    )
}

/// The number of periods an investment needs, as Excel's
/// `NPER(rate, pmt, pv, [fv], [type])`.
///
/// With `a = pmt·(1 + r·t)`:
/// `NPER = ln((a − fv·r) / (a + pv·r)) / ln(1 + r)`, and `−(pv + fv)/pmt` when `r = 0`,
/// where `r` is `rate` and `t` is 1 for payments in advance, 0 in arrears.
///
/// - `rate`: the interest rate per period (greater than −1);
/// - `pmt`: the payment made each period;
/// - `pv`: the present value;
/// - `fv`: the balance wanted after the last payment (default 0);
/// - `timing`: when in each period payments fall (default [`PaymentTiming::End`]).
///
/// The ratio `(a − fv·r)/(a + pv·r)` is exact [`Decimal`] arithmetic; the two logarithms
/// are `f64` (`ln_1p`, accurate for rates and ratios near 1), and the quotient is
/// converted to [`Decimal`] once.
///
/// # Errors
/// - [`FinanceError::DivisionByZero`] on `pmt` when `rate = 0` and `pmt = 0`
///   (Excel: `#DIV/0!`);
/// - [`FinanceError::Domain`] on `rate` when `rate ≤ −1`, and on `pmt` when the ratio is
///   not positive, so that no number of periods reaches `fv` (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when an intermediate value does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: `=NPER(0.12/12, -100, -1000, 10000, 1)` is 59.6738657
/// months.
/// ```
/// use gpuecon::{finance::{nper, PaymentTiming}, Decimal};
/// let rate = Decimal::new(12, 2) / Decimal::from(12);
/// let months = nper(rate, (-100).into(), (-1000).into(), Some(10_000.into()), Some(PaymentTiming::Beginning))?;
/// assert_eq!(months.round_dp(7), Decimal::new(596_738_657, 7));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn nper(
    rate: Decimal,
    pmt: Decimal,
    pv: Decimal,
    fv: Option<Decimal>,
    timing: Option<PaymentTiming>,
) -> Result<Decimal, FinanceError> {
    let (fv, timing) = (fv.unwrap_or_default(), timing.unwrap_or_default());
    if rate.is_zero() {
        let total = units::add(pv, fv, "fv")?;
        return Ok(-units::div(total, pmt, "pmt")?);
    }
    if rate <= Decimal::NEGATIVE_ONE {
        return Err(FinanceError::Domain {
            field: "rate",
            reason: "must be greater than -1 (the logarithm of 1 + rate is undefined)",
        });
    }
    let no_solution = FinanceError::Domain {
        field: "pmt",
        reason: "no number of periods turns pv into fv with this payment",
    };
    // Exact: the numerator, the denominator and their difference (ratio − 1 = diff / den).
    let ratio_minus_one = (|| {
        let a = units::mul(pmt, advance(rate, timing)?, "pmt")?;
        let numerator = units::sub(a, units::mul(fv, rate, "fv")?, "fv")?;
        let denominator = units::add(a, units::mul(pv, rate, "pv")?, "pv")?;
        if denominator.is_zero() || numerator.is_zero() {
            return Err(no_solution.clone());
        }
        if numerator.is_sign_negative() != denominator.is_sign_negative() {
            return Err(no_solution.clone());
        }
        let difference = units::sub(numerator, denominator, "pv")?;
        units::div(difference, denominator, "pv")
    })();
    let x = match ratio_minus_one {
        Ok(x) => units::to_f64_lossy(x),
        Err(FinanceError::Overflow { .. }) => {
            // Too large for a Decimal: compute the ratio in f64, as Excel does.
            let (r, pmt, pv, fv) = (
                units::to_f64_lossy(rate),
                units::to_f64_lossy(pmt),
                units::to_f64_lossy(pv),
                units::to_f64_lossy(fv),
            );
            let a = pmt
                * if timing == PaymentTiming::Beginning {
                    1.0 + r
                } else {
                    1.0
                };
            let ratio = (a - fv * r) / (a + pv * r);
            if ratio.is_nan() || ratio <= 0.0 || ratio.is_infinite() {
                return Err(no_solution);
            }
            ratio - 1.0
        }
        Err(other) => return Err(other),
    };
    let periods = libm::log1p(x) / libm::log1p(units::to_f64_lossy(rate));
    periods.finish("rate")
}

/// The future value of a principal under a schedule of varying rates, as Excel's
/// `FVSCHEDULE(principal, schedule)`.
///
/// `FVSCHEDULE = principal · (1 + r₁) · (1 + r₂) · … · (1 + r_k)`, exact in [`Decimal`]
/// (products of decimals are decimals; the result is rounded only when it has more than
/// 28 significant digits). An empty schedule leaves the principal as it is.
///
/// - `principal`: the present value;
/// - `schedule`: the rate of each period, in order.
///
/// # Errors
/// [`FinanceError::Overflow`] on `schedule` when the product does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: `=FVSCHEDULE(1, {0.09, 0.11, 0.1})` is 1.33089.
/// ```
/// use gpuecon::{finance::fvschedule, Decimal};
/// let rates = [Decimal::new(9, 2), Decimal::new(11, 2), Decimal::new(1, 1)];
/// assert_eq!(fvschedule(Decimal::ONE, &rates)?, Decimal::new(133_089, 5));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn fvschedule(principal: Decimal, schedule: &[Decimal]) -> Result<Decimal, FinanceError> {
    schedule.iter().try_fold(principal, |value, rate| {
        let growth = units::add(Decimal::ONE, *rate, "schedule")?;
        units::mul(value, growth, "schedule")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powi_squares() {
        assert_eq!(
            powi(Decimal::TWO, Decimal::from(10)),
            Ok(Decimal::from(1024))
        );
        assert_eq!(
            powi(Decimal::TWO, Decimal::from(-2)),
            Ok(Decimal::new(25, 2))
        );
        assert!(powi(Decimal::TEN, Decimal::from(40)).is_err());
    }

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn integer_powers_are_exact() {
        // 1.1^3 = 1.331 exactly; 2^-2 = 0.25.
        assert_eq!(powi(d("1.1"), d("3")), Ok(d("1.331")));
        assert_eq!(powi(d("2"), d("-2")), Ok(d("0.25")));
        assert_eq!(powi(d("0"), d("0")), Ok(Decimal::ONE));
        assert!(matches!(
            powi(d("10"), d("29")),
            Err(FinanceError::Overflow { .. })
        ));
    }

    #[test]
    fn rate_zero_is_simple_arithmetic() {
        // PMT(0, 10, 1000) = -100; PV(0, 10, -100) = 1000; FV(0, 10, -100, -1000) = 2000.
        assert_eq!(
            pmt(Decimal::ZERO, d("10"), d("1000"), None, None),
            Ok(d("-100"))
        );
        assert_eq!(
            pv(Decimal::ZERO, d("10"), d("-100"), None, None),
            Ok(d("1000"))
        );
        assert_eq!(
            fv(Decimal::ZERO, d("10"), d("-100"), Some(d("-1000")), None),
            Ok(d("2000"))
        );
        // NPER(0, -100, 1000) = 10.
        assert_eq!(
            nper(Decimal::ZERO, d("-100"), d("1000"), None, None),
            Ok(d("10"))
        );
    }

    #[test]
    fn a_factor_beyond_decimal_falls_back_to_f64() {
        // PMT(1, 200, 1) = -(2^200)·1/(2^200 − 1) ≈ -1: 2^200 does not fit in a Decimal.
        let payment = pmt(Decimal::ONE, d("200"), Decimal::ONE, None, None).unwrap();
        assert!((payment + Decimal::ONE).abs() < d("1e-15"), "{payment}");
        // PV(1, 200, -1) ≈ 1: the same factor, divided by.
        let value = pv(Decimal::ONE, d("200"), d("-1"), None, None).unwrap();
        assert!((value - Decimal::ONE).abs() < d("1e-15"), "{value}");
    }

    #[test]
    fn nper_rejects_what_has_no_logarithm() {
        assert!(matches!(
            nper(d("-1"), d("-100"), d("1000"), None, None),
            Err(FinanceError::Domain { field: "rate", .. })
        ));
        // Paying 10 a period against 10% interest on 1000 never pays it off.
        assert!(matches!(
            nper(d("0.1"), d("-10"), d("1000"), None, None),
            Err(FinanceError::Domain { field: "pmt", .. })
        ));
        assert!(matches!(
            nper(Decimal::ZERO, Decimal::ZERO, d("1000"), None, None),
            Err(FinanceError::DivisionByZero { field: "pmt" })
        ));
    }
}

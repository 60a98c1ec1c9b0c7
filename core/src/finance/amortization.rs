//! Amortization: how each payment of a loan splits into interest and principal, as Excel's
//! `IPMT`, `PPMT`, `CUMIPMT` and `CUMPRINC`.
//!
//! Symbols as in [`super::time_value`], with `f_k = (1 + r)^k`. `B(k)` is the balance
//! still owed after `k` periods of the loan paying its own payment `PMT` (Excel's
//! `−FV(r, k, PMT, pv, type)`). Since `B(k)` is affine in `f_k` and runs from `B(0) = pv`
//! to `B(n) = −fv`, it is
//!
//! ```text
//! B(k) = (pv·(f_n − f_k) − fv·(f_k − 1)) / (f_n − 1)        (either timing)
//! ```
//!
//! gpuecon evaluates that form rather than `pv·f_k + PMT·(1 + r·t)·(f_k − 1)/r`: the two
//! are equal, but the second subtracts two numbers of size `pv·f_k` to get a small
//! balance, and loses `f_k` times the rounding of the arithmetic (for 1,000 months at
//! 3 % a month, 13 digits: Excel's `f64` keeps three). The factors are exact [`Decimal`]
//! powers for whole periods and `f64` otherwise, as in [`super::time_value`].

use super::PaymentTiming;
use super::time_value::{Num, exact_or_float, pmt};
use crate::{Decimal, FinanceError, units};

/// `B(k) = (pv·(f_n − f_k) − fv·(f_k − 1)) / (f_n − 1)`, in the arithmetic `T`.
fn balance_in<T: Num>(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    k: Decimal,
) -> Result<T, FinanceError> {
    let f_n = T::growth(rate, nper)?;
    let f_k = T::growth(rate, k)?;
    let left = T::lift(pv).mul(f_n.sub(f_k, "per")?, "pv")?;
    let grown = T::lift(fv).mul(f_k.sub(T::ONE, "per")?, "fv")?;
    left.sub(grown, "fv")?.div(f_n.sub(T::ONE, "nper")?, "nper")
}

/// The balance owed after `k` periods (see the module documentation).
fn balance(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    k: Decimal,
) -> Result<Decimal, FinanceError> {
    exact_or_float(
        "nper",
        || balance_in::<Decimal>(rate, nper, pv, fv, k),
        || balance_in::<f64>(rate, nper, pv, fv, k),
    )
}

/// The interest part of payment `per`, for the loan's payment `payment`:
/// in arrears `−r·B(per − 1)`, in advance `−r·(B(per − 2) + PMT)` (the payment at the start
/// of period `per − 1` reduces the balance before it accrues); period 1 is `−pv·r` in
/// arrears and 0 in advance.
fn interest_part(
    rate: Decimal,
    per: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Decimal,
    payment: Decimal,
    timing: PaymentTiming,
) -> Result<Decimal, FinanceError> {
    if rate.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let owed = if per == Decimal::ONE {
        match timing {
            PaymentTiming::Beginning => Decimal::ZERO,
            PaymentTiming::End => pv,
        }
    } else {
        match timing {
            PaymentTiming::Beginning => {
                let k = units::sub(per, Decimal::TWO, "per")?;
                units::add(balance(rate, nper, pv, fv, k)?, payment, "pmt")?
            }
            PaymentTiming::End => {
                let k = units::sub(per, Decimal::ONE, "per")?;
                balance(rate, nper, pv, fv, k)?
            }
        }
    };
    Ok(-units::mul(owed, rate, "rate")?)
}

fn check_period(per: Decimal, nper: Decimal) -> Result<(), FinanceError> {
    if per < Decimal::ONE || per > nper {
        return Err(FinanceError::Domain {
            field: "per",
            reason: "must be between 1 and nper",
        });
    }
    Ok(())
}

/// The interest part of payment `per` of a loan with constant payments, as Excel's
/// `IPMT(rate, per, nper, pv, [fv], [type])`.
///
/// With `P = PMT(rate, nper, pv, fv, type)` and
/// `B(k) = (pv·(f_n − f_k) − fv·(f_k − 1))/(f_n − 1)`, `f_k = (1 + r)^k`, the balance owed
/// after `k` periods (Excel's `−FV(r, k, P, pv, type)`, in a form free of the cancellation
/// of `pv·f_k + P·…` on long loans), Excel's `r · FV(…)` forms:
/// - payments at the end: `IPMT = −r · B(per − 1)` (for `per = 1`: `−pv · r`);
/// - payments at the beginning: `IPMT = −r · (B(per − 2) + P)` (for `per = 1`: 0, since
///   the first payment falls before any interest accrues).
///
/// `per` may be fractional, as in Excel (the formula is evaluated at that point). At
/// `rate = 0` there is no interest: 0.
///
/// - `rate`: the interest rate per period;
/// - `per`: the period, from 1 to `nper`;
/// - `nper`: the number of payments;
/// - `pv`: the principal;
/// - `fv`: the balance wanted after the last payment (default 0);
/// - `timing`: when in each period payments fall (default [`PaymentTiming::End`]).
///
/// Arithmetic as in [`pmt`]: exact [`Decimal`] for whole periods, `f64` for the factor of
/// a fractional one.
///
/// # Errors
/// - [`FinanceError::Domain`] on `per` when `per < 1` or `per > nper` (Excel: `#NUM!`);
/// - the errors of [`pmt`], and [`FinanceError::DivisionByZero`] on `nper` when
///   `(1 + rate)^nper = 1` with `rate ≠ 0` (`rate = −2` and an even `nper`).
///
/// # Example
/// Microsoft's documented example: the interest in the first month of $8,000 over 3 years
/// at 10 % a year, `=IPMT(0.1/12, 1, 3*12, 8000)`, is −$66.67.
/// ```
/// use gpuecon::{finance::ipmt, Decimal};
/// let rate = Decimal::new(1, 1) / Decimal::from(12);
/// let interest = ipmt(rate, 1.into(), 36.into(), 8_000.into(), None, None)?;
/// assert_eq!(interest.round_dp(2), Decimal::new(-6_667, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn ipmt(
    rate: Decimal,
    per: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Option<Decimal>,
    timing: Option<PaymentTiming>,
) -> Result<Decimal, FinanceError> {
    check_period(per, nper)?;
    let (fv, timing) = (fv.unwrap_or_default(), timing.unwrap_or_default());
    let payment = pmt(rate, nper, pv, Some(fv), Some(timing))?;
    interest_part(rate, per, nper, pv, fv, payment, timing)
}

/// The principal part of payment `per` of a loan with constant payments, as Excel's
/// `PPMT(rate, per, nper, pv, [fv], [type])`: `PPMT = PMT − IPMT`.
///
/// Arguments, arithmetic and `f64` use as in [`ipmt`].
///
/// # Errors
/// As [`ipmt`].
///
/// # Example
/// Microsoft's documented example: the principal in the first month of $2,000 over 2 years
/// at 10 % a year, `=PPMT(0.1/12, 1, 2*12, 2000)`, is −$75.62.
/// ```
/// use gpuecon::{finance::ppmt, Decimal};
/// let rate = Decimal::new(1, 1) / Decimal::from(12);
/// let principal = ppmt(rate, 1.into(), 24.into(), 2_000.into(), None, None)?;
/// assert_eq!(principal.round_dp(2), Decimal::new(-7_562, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn ppmt(
    rate: Decimal,
    per: Decimal,
    nper: Decimal,
    pv: Decimal,
    fv: Option<Decimal>,
    timing: Option<PaymentTiming>,
) -> Result<Decimal, FinanceError> {
    check_period(per, nper)?;
    let (fv, timing) = (fv.unwrap_or_default(), timing.unwrap_or_default());
    let payment = pmt(rate, nper, pv, Some(fv), Some(timing))?;
    let interest = interest_part(rate, per, nper, pv, fv, payment, timing)?;
    units::sub(payment, interest, "pmt")
}

/// The whole periods `start..=end` that `CUMIPMT`/`CUMPRINC` sum, after Excel's checks.
fn cumulative_periods(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    start_period: Decimal,
    end_period: Decimal,
) -> Result<(Decimal, Decimal), FinanceError> {
    let positive = |value: Decimal, field: &'static str| {
        if value > Decimal::ZERO {
            Ok(())
        } else {
            Err(FinanceError::Domain {
                field,
                reason: "must be greater than 0",
            })
        }
    };
    positive(rate, "rate")?;
    positive(nper, "nper")?;
    positive(pv, "pv")?;
    if start_period < Decimal::ONE {
        return Err(FinanceError::Domain {
            field: "start_period",
            reason: "must be at least 1",
        });
    }
    if end_period < start_period || end_period > nper {
        return Err(FinanceError::Domain {
            field: "end_period",
            reason: "must be between start_period and nper",
        });
    }
    // Excel sums the whole periods inside [start, end]: start rounds up, end down.
    Ok((start_period.ceil(), end_period.floor()))
}

/// `B(a) − B(b) = pv·(f_b − f_a)/(f_n − 1)` (with `fv = 0`), in the arithmetic `T`.
fn repaid_in<T: Num>(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    a: Decimal,
    b: Decimal,
) -> Result<T, FinanceError> {
    let f_n = T::growth(rate, nper)?;
    let span = T::growth(rate, b)?.sub(T::growth(rate, a)?, "end_period")?;
    T::lift(pv)
        .mul(span, "pv")?
        .div(f_n.sub(T::ONE, "nper")?, "nper")
}

/// The principal repaid in the whole periods `start..=end` (negative, Excel's sign), and
/// the payment: in arrears `−(B(start − 1) − B(end))`; in advance the first payment is all
/// principal and the rest `−(B(start − 1) − B(end)) / (1 + r)`, because each payment in
/// advance repays the balance one period before it accrues interest.
fn principal_between(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    start: Decimal,
    end: Decimal,
    timing: PaymentTiming,
) -> Result<(Decimal, Decimal), FinanceError> {
    let payment = pmt(rate, nper, pv, None, Some(timing))?;
    let mut total = Decimal::ZERO;
    let mut first = start;
    if timing == PaymentTiming::Beginning && start == Decimal::ONE {
        total = payment;
        first = Decimal::TWO;
    }
    if first <= end {
        let before = units::sub(first, Decimal::ONE, "start_period")?;
        let mut repaid = exact_or_float(
            "nper",
            || repaid_in::<Decimal>(rate, nper, pv, before, end),
            || repaid_in::<f64>(rate, nper, pv, before, end),
        )?;
        if timing == PaymentTiming::Beginning {
            repaid = units::div(repaid, units::add(Decimal::ONE, rate, "rate")?, "rate")?;
        }
        total = units::sub(total, repaid, "pv")?;
    }
    Ok((total, payment))
}

/// The cumulative interest paid on a loan between two periods, as Excel's
/// `CUMIPMT(rate, nper, pv, start_period, end_period, type)`.
///
/// `CUMIPMT = PMT · k − CUMPRINC`, where `k` is the number of whole periods in
/// `[start_period, end_period]`: the sum of [`ipmt`] over those periods, computed from
/// the balances at both ends instead of a loop (so a 1,200-period range costs the same as
/// one period), in the cancellation-free balance form of [`cumprinc`].
///
/// - `rate`: the interest rate per period (greater than 0);
/// - `nper`: the number of payments (greater than 0);
/// - `pv`: the principal (greater than 0);
/// - `start_period`, `end_period`: the first and last periods, `1 ≤ start ≤ end ≤ nper`;
///   fractional values are rounded inward to whole periods (`start` up, `end` down), as
///   the Excel oracle shows (1.3 to 2 sums period 2 only);
/// - `timing`: when in each period payments fall (required, as in Excel).
///
/// Exact [`Decimal`] for whole `nper`, `f64` for the factor otherwise (see [`pmt`]).
///
/// # Errors
/// - [`FinanceError::Domain`] on `rate`, `nper` or `pv` when not greater than 0, on
///   `start_period` below 1, and on `end_period` below `start_period` or above `nper`
///   (Excel: `#NUM!` for each);
/// - the errors of [`pmt`].
///
/// # Example
/// Microsoft's documented example: $125,000 over 30 years at 9 % a year; the interest of
/// the second year (months 13 to 24), `=CUMIPMT(0.09/12, 30*12, 125000, 13, 24, 0)`, is
/// −$11,135.23.
/// ```
/// use gpuecon::{finance::{cumipmt, PaymentTiming}, Decimal};
/// let rate = Decimal::new(9, 2) / Decimal::from(12);
/// let interest = cumipmt(rate, 360.into(), 125_000.into(), 13.into(), 24.into(), PaymentTiming::End)?;
/// assert_eq!(interest.round_dp(2), Decimal::new(-1_113_523, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn cumipmt(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    start_period: Decimal,
    end_period: Decimal,
    timing: PaymentTiming,
) -> Result<Decimal, FinanceError> {
    let (start, end) = cumulative_periods(rate, nper, pv, start_period, end_period)?;
    if start > end {
        return Ok(Decimal::ZERO);
    }
    let (principal, payment) = principal_between(rate, nper, pv, start, end, timing)?;
    let count = units::add(
        units::sub(end, start, "end_period")?,
        Decimal::ONE,
        "end_period",
    )?;
    units::sub(units::mul(payment, count, "pmt")?, principal, "pv")
}

/// The cumulative principal repaid on a loan between two periods, as Excel's
/// `CUMPRINC(rate, nper, pv, start_period, end_period, type)`.
///
/// With `B(k)` the balance owed after `k` periods (see [`ipmt`]) and `fv = 0`,
/// `B(a) − B(b) = pv·(f_b − f_a)/(f_n − 1)`: in arrears
/// `CUMPRINC = −(B(start − 1) − B(end))`; in advance the first payment is all principal
/// and the rest is `−(B(start − 1) − B(end)) / (1 + r)`. It equals the sum of [`ppmt`]
/// over the whole periods in `[start_period, end_period]`.
///
/// Arguments, arithmetic and errors as in [`cumipmt`].
///
/// # Errors
/// As [`cumipmt`].
///
/// # Example
/// Microsoft's documented example: $125,000 over 30 years at 9 % a year; the principal
/// repaid in the second year, `=CUMPRINC(0.09/12, 30*12, 125000, 13, 24, 0)`, is
/// −$934.11.
/// ```
/// use gpuecon::{finance::{cumprinc, PaymentTiming}, Decimal};
/// let rate = Decimal::new(9, 2) / Decimal::from(12);
/// let principal = cumprinc(rate, 360.into(), 125_000.into(), 13.into(), 24.into(), PaymentTiming::End)?;
/// assert_eq!(principal.round_dp(2), Decimal::new(-93_411, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn cumprinc(
    rate: Decimal,
    nper: Decimal,
    pv: Decimal,
    start_period: Decimal,
    end_period: Decimal,
    timing: PaymentTiming,
) -> Result<Decimal, FinanceError> {
    let (start, end) = cumulative_periods(rate, nper, pv, start_period, end_period)?;
    if start > end {
        return Ok(Decimal::ZERO);
    }
    principal_between(rate, nper, pv, start, end, timing).map(|(principal, _)| principal)
}

/// The interest paid in period `per` of a loan repaid in equal principal parts, as
/// Excel's `ISPMT(rate, per, nper, pv)` (a Lotus 1-2-3 compatibility function).
///
/// `ISPMT = pv · rate · (per/nper − 1)`: after `per` of `nper` equal principal
/// repayments, `pv·(1 − per/nper)` is still owed, and the period's interest is `rate` of
/// that, with Excel's sign (negative for a loan received). `per` counts from 0 (Microsoft:
/// "count the number of periods starting with zero"); Excel accepts any `per`, and so does
/// gpuecon. Exact
/// [`Decimal`] arithmetic.
///
/// - `rate`: the interest rate per period;
/// - `per`: the period, 0 for the first;
/// - `nper`: the number of periods (not zero);
/// - `pv`: the loan.
///
/// # Errors
/// - [`FinanceError::DivisionByZero`] on `nper` when it is zero (Excel: `#DIV/0!`);
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: $8,000,000 at 10 % a year over 3 years,
/// `=ISPMT(0.1, 1, 3, 8000000)`, is −$533,333.33: two thirds of the loan owed, at 10 %.
/// ```
/// use gpuecon::{finance::ispmt, Decimal};
/// let interest = ispmt(Decimal::new(1, 1), 1.into(), 3.into(), 8_000_000.into())?;
/// assert_eq!(interest.round_dp(2), Decimal::new(-53_333_333, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn ispmt(
    rate: Decimal,
    per: Decimal,
    nper: Decimal,
    pv: Decimal,
) -> Result<Decimal, FinanceError> {
    let owed_share = units::sub(units::div(per, nper, "nper")?, Decimal::ONE, "per")?;
    units::mul(units::mul(pv, rate, "pv")?, owed_share, "pv")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn periods_outside_the_loan_are_errors() {
        for per in ["0", "0.5", "11"] {
            assert!(matches!(
                ipmt(d("0.01"), d(per), d("10"), d("1000"), None, None),
                Err(FinanceError::Domain { field: "per", .. })
            ));
        }
    }

    #[test]
    fn interest_and_principal_make_the_payment() {
        // Period 1 in arrears: interest is 1% of 1000 = -10 exactly.
        let interest = ipmt(d("0.01"), d("1"), d("10"), d("1000"), None, None).unwrap();
        assert_eq!(interest, d("-10"));
        let payment = pmt(d("0.01"), d("10"), d("1000"), None, None).unwrap();
        let principal = ppmt(d("0.01"), d("1"), d("10"), d("1000"), None, None).unwrap();
        assert_eq!(principal + interest, payment);
    }

    #[test]
    fn cumulative_checks_follow_excel() {
        let t = PaymentTiming::End;
        assert!(cumipmt(d("0"), d("10"), d("100"), d("1"), d("2"), t).is_err());
        assert!(cumipmt(d("0.1"), d("10"), d("-100"), d("1"), d("2"), t).is_err());
        assert!(cumipmt(d("0.1"), d("10"), d("100"), d("0"), d("2"), t).is_err());
        assert!(cumipmt(d("0.1"), d("10"), d("100"), d("3"), d("2"), t).is_err());
        assert!(cumipmt(d("0.1"), d("10"), d("100"), d("1"), d("11"), t).is_err());
        // No whole period inside [1.2, 1.8]: nothing is paid.
        assert_eq!(
            cumipmt(d("0.1"), d("10"), d("100"), d("1.2"), d("1.8"), t),
            Ok(Decimal::ZERO)
        );
    }
}

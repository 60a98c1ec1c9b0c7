//! The interest rate of an annuity: [`rate`], as Excel's `RATE`.

use crate::{Decimal, FinanceError, units};

use super::PaymentTiming;
use super::solver::{self, Evaluation, Objective};

/// Below this `|r|`, `d/dr [((1+r)^n − 1)/r]` is taken from its Taylor series (the closed
/// form cancels catastrophically there).
const SERIES_BELOW: f64 = 1e-4;

/// The annuity equation `f(r) = pv·(1+r)^n + pmt·(1 + r·type)·((1+r)^n − 1)/r + fv`.
struct Annuity {
    nper: f64,
    pmt: f64,
    pv: f64,
    fv: f64,
    due: f64,
}

impl Annuity {
    /// `A = (1+r)^n` and `g = ((1+r)^n − 1)/r = expm1(n·ln(1+r))/r` (accurate near 0,
    /// `g(0) = n`), and `g′`.
    fn growth(&self, rate: f64) -> (f64, f64, f64) {
        let n = self.nper;
        let log_growth = libm::log1p(rate);
        let power = libm::exp(n * log_growth);
        if rate.abs() < SERIES_BELOW {
            let g = if rate == 0.0 {
                n
            } else {
                libm::expm1(n * log_growth) / rate
            };
            // g′(r) = n(n−1)/2 + n(n−1)(n−2)/3·r + O(r²).
            let g_slope = n * (n - 1.0) / 2.0 + n * (n - 1.0) * (n - 2.0) / 3.0 * rate;
            (power, g, g_slope)
        } else {
            let g = libm::expm1(n * log_growth) / rate;
            let g_slope = (n * power / (1.0 + rate) - g) / rate;
            (power, g, g_slope)
        }
    }
}

impl Objective for Annuity {
    /// `f′ = pv·n·A/(1+r) + pmt·(type·g + (1 + r·type)·g′)`; Newton's step (no `f″`).
    fn evaluate(&self, rate: f64) -> Evaluation {
        let (power, g, g_slope) = self.growth(rate);
        let timing = 1.0 + rate * self.due;
        let present = self.pv * power;
        let payments = self.pmt * timing * g;
        Evaluation {
            value: present + payments + self.fv,
            slope: self.pv * self.nper * power / (1.0 + rate)
                + self.pmt * (self.due * g + timing * g_slope),
            curvature: 0.0,
            magnitude: present.abs() + payments.abs() + self.fv.abs(),
        }
    }

    /// Above `r = 0`, `f(r)/(1+r)^n = pv + pmt·(1 + r·type)·(1 − (1+r)^−n)/r + fv·(1+r)^−n`,
    /// finite as `r → ∞`.
    fn scaled_value(&self, rate: f64) -> f64 {
        if rate <= 0.0 {
            return self.evaluate(rate).value;
        }
        let discount = libm::exp(-self.nper * libm::log1p(rate));
        self.pv + self.pmt * (1.0 + rate * self.due) * (1.0 - discount) / rate + self.fv * discount
    }
}

/// The interest rate per period of an annuity, as Excel's
/// `RATE(nper, pmt, pv, [fv], [type], [guess])`: the rate `r > −1` that solves the annuity
/// equation
///
/// `pv·(1+r)^n + pmt·(1 + r·type)·((1+r)^n − 1)/r + fv = 0` (at `r = 0`: `pv + pmt·n + fv = 0`),
///
/// - `nper` (`n`): the number of payment periods, greater than 0 (fractional allowed, as
///   in Excel);
/// - `pmt`: the payment each period; `pv`: the present value; `fv`: the future value after
///   the last payment (default 0), all with Excel's sign convention;
/// - `timing` (Excel's `type`, `type` above as 0 or 1): payments at the end (default) or
///   the beginning of each period;
/// - `guess`: where the solver starts (Excel's `guess`, honoured when given; Excel's
///   default is 0.1). When absent, the start is derived from the flows (`pv` at 0, the
///   payments at their mean time, `fv` at `n`), as [`irr`](super::irr) does.
///
/// Solved in `f64` (the powers `(1+r)^n` are irrational, and Excel solves in `f64` too):
/// Newton's method on the closed form, with `((1+r)^n − 1)/r` computed as
/// `expm1(n·ln(1+r))/r` so that it stays accurate near `r = 0`, and Brent's method on a
/// bracket when Newton leaves the domain or stalls; accepted only when
/// `|f(r)| ≤ 1e-10 · (|pv·(1+r)^n| + |pmt·(1+r·type)·g| + |fv|)`; converted to
/// [`Decimal`] once.
///
/// # Errors
/// - [`FinanceError::Domain`] on `nper` when it is not greater than 0, on `guess` when it
///   is −1 or less (Excel: `#NUM!`);
/// - [`FinanceError::NoSignChange`] on `pmt` when `pv`, `pmt` and `fv` never differ in sign
///   (then no rate balances them; Excel: `#NUM!`);
/// - [`FinanceError::NoConvergence`] on `pmt` when no root is found (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] on `pmt` when the root does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a $8,000 loan repaid by $200 a month for 4 years:
/// `=RATE(4*12, -200, 8000)` is 0.77 % a month (0.00770147248820…), 9.24 % a year.
/// ```
/// use gpuecon::{finance::rate, Decimal};
/// let monthly = rate(Decimal::from(48), Decimal::from(-200), Decimal::from(8_000), None, None, None)?;
/// assert_eq!(monthly.round_dp(9), Decimal::new(7_701_472, 9));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn rate(
    nper: Decimal,
    pmt: Decimal,
    pv: Decimal,
    fv: Option<Decimal>,
    timing: Option<PaymentTiming>,
    guess: Option<Decimal>,
) -> Result<Decimal, FinanceError> {
    if nper <= Decimal::ZERO {
        return Err(FinanceError::Domain {
            field: "nper",
            reason: "must be greater than 0",
        });
    }
    let fv = fv.unwrap_or(Decimal::ZERO);
    let timing = timing.unwrap_or_default();
    let signs = [pv, pmt, fv];
    let positive = signs.iter().any(|v| v.is_sign_positive() && !v.is_zero());
    let negative = signs.iter().any(|v| v.is_sign_negative() && !v.is_zero());
    if !(positive && negative) {
        return Err(FinanceError::NoSignChange { field: "pmt" });
    }
    let annuity = Annuity {
        nper: units::to_f64_lossy(nper),
        pmt: units::to_f64_lossy(pmt),
        pv: units::to_f64_lossy(pv),
        fv: units::to_f64_lossy(fv),
        due: f64::from(timing.excel_type()),
    };
    let start = match guess {
        Some(guess) if guess <= Decimal::NEGATIVE_ONE => {
            return Err(FinanceError::Domain {
                field: "guess",
                reason: "must be greater than -1 (a rate of -100 % or less has no meaning)",
            });
        }
        Some(guess) => units::to_f64_lossy(guess),
        None => {
            // pv at 0, the payments (n·pmt in all) at their mean time, fv at n.
            let n = annuity.nper;
            let payments_at = if annuity.due > 0.0 {
                (n - 1.0) / 2.0
            } else {
                (n + 1.0) / 2.0
            };
            solver::guess_from_flows(
                [
                    (annuity.pv, 0.0),
                    (annuity.pmt * n, payments_at),
                    (annuity.fv, n),
                ]
                .into_iter(),
            )
        }
    };
    // pv, the payments and fv may change sign twice (pv and fv against pmt): then the
    // root nearest the start.
    let changes = solver::sign_changes([annuity.pv, annuity.pmt, annuity.fv].into_iter());
    let root = solver::find_root(&annuity, start, changes > 1, "pmt")?;
    units::decimal_from_f64(root, "pmt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: i64) -> Decimal {
        Decimal::from(value)
    }

    #[test]
    fn microsoft_example_annual() {
        // =RATE(4*12,-200,8000)*12 is 9.24 %.
        let monthly = rate(d(48), d(-200), d(8_000), None, None, None).unwrap();
        assert_eq!((monthly * d(12)).round_dp(4), Decimal::new(924, 4));
    }

    #[test]
    fn zero_rate_when_payments_just_add_up() {
        // 10 payments of −10 against fv 100: pv + pmt·n + fv = 0 − 100 + 100 = 0, so r = 0.
        let r = rate(d(10), d(-10), d(0), Some(d(100)), None, None).unwrap();
        assert!(r.abs() < Decimal::new(1, 12), "{r}");
    }

    #[test]
    fn one_period() {
        // 100·(1+r) + 10 − 100 = 0 → r = −0.1.
        let r = rate(d(1), d(10), d(100), Some(d(-100)), None, None).unwrap();
        assert_eq!(r.round_dp(14), Decimal::new(-1, 1));
    }

    #[test]
    fn errors() {
        assert_eq!(
            rate(d(0), d(-1), d(10), None, None, None)
                .unwrap_err()
                .field(),
            "nper"
        );
        assert_eq!(
            rate(d(10), d(1), d(10), None, None, None),
            Err(FinanceError::NoSignChange { field: "pmt" })
        );
    }
}

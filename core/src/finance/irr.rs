//! The internal rate of return of periodic cash flows: [`irr`] (one root, as Excel's
//! `IRR`) and [`irr_all`] (every root in a range, for flows that change sign more than once).

use crate::{Decimal, FinanceError, units};

use super::solver::{self, CompensatedSum, Evaluation, Objective};

/// Default lower end of [`irr_all`]'s range: −99 % a period.
const ALL_LOWER: Decimal = Decimal::from_parts(99, 0, 0, true, 2);
/// Default upper end of [`irr_all`]'s range: 1,000 % a period.
const ALL_UPPER: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// Flows `v₀ … vₙ₋₁` at periods `0 … n−1`: `f(r) = Σ vᵢ·(1+r)^−i`.
pub(crate) struct PeriodicFlows {
    values: Vec<f64>,
}

impl PeriodicFlows {
    fn new(values: &[Decimal]) -> Self {
        Self {
            values: values.iter().copied().map(units::to_f64_lossy).collect(),
        }
    }

    /// The flows as given, when every one is finite.
    fn from_f64(values: &[f64]) -> Result<Self, FinanceError> {
        if values.iter().all(|v| v.is_finite()) {
            Ok(Self {
                values: values.to_vec(),
            })
        } else {
            Err(FinanceError::InvalidArgument {
                field: "values",
                reason: "must be finite numbers (not NaN or Infinity)",
            })
        }
    }
}

impl Objective for PeriodicFlows {
    /// With `x = 1/(1+r)` and terms `tᵢ = vᵢ·xⁱ`: `f = Σtᵢ` (compensated),
    /// `f′ = −x·Σ i·tᵢ`, `f″ = x²·Σ i(i+1)·tᵢ`.
    fn evaluate(&self, rate: f64) -> Evaluation {
        let x = 1.0 / (1.0 + rate);
        let (mut value, mut first, mut second, mut magnitude) =
            (CompensatedSum::default(), 0.0, 0.0, 0.0);
        let (mut power, mut i) = (1.0, 0.0);
        for v in &self.values {
            let term = v * power;
            value.add(term);
            first += i * term;
            second += i * (i + 1.0) * term;
            magnitude += term.abs();
            power *= x;
            i += 1.0;
        }
        Evaluation {
            value: value.value(),
            slope: -x * first,
            curvature: x * x * second,
            magnitude,
        }
    }

    /// Below `r = 0`, `(1+r)^(n−1)·f(r) = Σ vᵢ·(1+r)^(n−1−i)` (Horner from the first flow),
    /// which stays finite as `r → −1`.
    fn scaled_value(&self, rate: f64) -> f64 {
        if rate >= 0.0 {
            return self.evaluate(rate).value;
        }
        let growth = 1.0 + rate;
        self.values.iter().fold(0.0, |acc, v| acc * growth + v)
    }
}

fn check_flows(flows: &PeriodicFlows) -> Result<usize, FinanceError> {
    let positive = flows.values.iter().any(|v| *v > 0.0);
    let negative = flows.values.iter().any(|v| *v < 0.0);
    if !(positive && negative) {
        return Err(FinanceError::NoSignChange { field: "values" });
    }
    Ok(solver::sign_changes(flows.values.iter().copied()))
}

fn start_point(flows: &PeriodicFlows, guess: Option<Decimal>) -> Result<f64, FinanceError> {
    match guess {
        Some(guess) if guess <= Decimal::NEGATIVE_ONE => Err(FinanceError::Domain {
            field: "guess",
            reason: "must be greater than -1 (a rate of -100 % or less has no meaning)",
        }),
        Some(guess) => Ok(units::to_f64_lossy(guess)),
        None => Ok(solver::guess_from_flows(
            flows.values.iter().copied().zip((0_u32..).map(f64::from)),
        )),
    }
}

/// The internal rate of return of periodic cash flows, as Excel's `IRR(values, [guess])`:
/// the rate `r > −1` at which their net present value at period 0 is zero,
///
/// `Σᵢ vᵢ / (1 + r)^i = 0`, for `i = 0 … n−1`,
///
/// - `values`: the flows `vᵢ`, one a period, the first at period 0; Excel's sign
///   convention (paid out negative, received positive); at least one of each sign;
/// - `guess`: where the solver starts (Excel's `guess`, honoured when given; Excel's
///   default is 0.1). When absent, the start is derived from the flows: the rate at which
///   their inflows and outflows, each at its value-weighted mean time, balance.
///
/// The root is found in `f64` (it is irrational in general, and Excel solves in `f64`
/// too): Halley's method, with Brent's method on a bracket when Halley leaves the domain or
/// stalls; it is accepted only when `|Σ vᵢ(1+r)^−i| ≤ 1e-10 · Σ|vᵢ(1+r)^−i|`, and converted
/// to [`Decimal`] once. Excel stops at 1e-7 relative after 20 steps; this stops when a
/// step is below 1e-11 of the rate (so the rate is correct to about 15 digits).
///
/// Several roots: flows that change sign more than once may have several rates of
/// return. Then every root where the net present value changes sign is bracketed, and the
/// one nearest the start (the guess) is returned. [`irr_all`] returns all of them.
///
/// # Errors
/// - [`FinanceError::NoSignChange`] on `values` when the flows are not at least one
///   negative and one positive (Excel: `#NUM!`);
/// - [`FinanceError::Domain`] on `guess` when it is −1 or less;
/// - [`FinanceError::NoConvergence`] on `values` when no root is found (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] on `values` when the root does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: flows −70,000, 12,000, 15,000, 18,000, 21,000, 26,000;
/// `=IRR(A2:A7)` is 8.66 % (0.0866309480365…).
/// ```
/// use gpuecon::{finance::irr, Decimal};
/// let flows: Vec<Decimal> = [-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]
///     .into_iter().map(Decimal::from).collect();
/// let rate = irr(&flows, None)?;
/// assert_eq!(rate.round_dp(4), Decimal::new(866, 4));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn irr(values: &[Decimal], guess: Option<Decimal>) -> Result<Decimal, FinanceError> {
    solve(&PeriodicFlows::new(values), guess)
}

/// [`irr`] on flows already in `f64` (as a JavaScript array of numbers holds them): the
/// same root as [`irr`] gives for decimals whose [`units::to_f64_lossy`] are these values,
/// which is every decimal of up to 15 significant digits read from its nearest `f64`. For
/// callers that hold `f64` flows, without a round trip through [`Decimal`].
///
/// # Errors
/// As [`irr`]; and [`FinanceError::InvalidArgument`] on `values` when one is not finite
/// (NaN or an infinity).
///
/// # Example
/// ```
/// use gpuecon::{finance::irr_f64, Decimal};
/// // −100 now, 121 in two periods: 10 % a period.
/// let rate = irr_f64(&[-100.0, 0.0, 121.0], None)?;
/// assert_eq!(rate.round_dp(12), Decimal::new(1, 1));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn irr_f64(values: &[f64], guess: Option<Decimal>) -> Result<Decimal, FinanceError> {
    solve(&PeriodicFlows::from_f64(values)?, guess)
}

/// [`irr`]'s checks and root, on flows in `f64`.
fn solve(flows: &PeriodicFlows, guess: Option<Decimal>) -> Result<Decimal, FinanceError> {
    let changes = check_flows(flows)?;
    let start = start_point(flows, guess)?;
    let root = solver::find_root(flows, start, changes > 1, "values")?;
    units::decimal_from_f64(root, "values")
}

/// Every internal rate of return of periodic cash flows in `[lower, upper]`, ascending:
/// the rates `r` with `Σᵢ vᵢ / (1 + r)^i = 0` (`i = 0 … n−1`, as [`irr`]).
///
/// Flows that change sign `k` times have at most `k` rates of return (Descartes' rule of
/// signs, in `x = 1/(1+r)`); a project that needs money again at its end (a
/// decommissioning cost, a balloon repayment) often has two. This scans `[lower, upper]`
/// in 4,096 equal steps of `ln(1 + r)`, refines each sign change with Brent's method in
/// `f64` and checks each root's residual as [`irr`] does.
///
/// - `values`: the flows, the first at period 0;
/// - `lower`: the lowest rate searched, greater than −1 (default −0.99);
/// - `upper`: the highest (default 10, that is 1,000 % a period), greater than `lower`.
///
/// Not found: two roots closer together than one scan step, and double roots (where the
/// net present value touches zero without changing sign). An empty list means no sign
/// change of the net present value within the range.
///
/// # Errors
/// - [`FinanceError::NoSignChange`] on `values` when the flows are not at least one
///   negative and one positive;
/// - [`FinanceError::Domain`] on `lower` when it is −1 or less, on `upper` when it is not
///   greater than `lower`;
/// - [`FinanceError::Overflow`] on `values` when a root does not fit in a [`Decimal`].
///
/// # Example
/// −100 now, +230 in one period, −132 in two: the net present value
/// `−100 + 230x − 132x²` (with `x = 1/(1+r)`) is zero at `x = (230 ± 10)/264`, that is
/// `r = 10 %` and `r = 20 %`.
/// ```
/// use gpuecon::{finance::irr_all, Decimal};
/// let flows = [Decimal::from(-100), Decimal::from(230), Decimal::from(-132)];
/// let roots = irr_all(&flows, None, None)?;
/// let rounded: Vec<Decimal> = roots.iter().map(|r| r.round_dp(10)).collect();
/// assert_eq!(rounded, [Decimal::new(1, 1), Decimal::new(2, 1)]);
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn irr_all(
    values: &[Decimal],
    lower: Option<Decimal>,
    upper: Option<Decimal>,
) -> Result<Vec<Decimal>, FinanceError> {
    let flows = PeriodicFlows::new(values);
    check_flows(&flows)?;
    let lower = lower.unwrap_or(ALL_LOWER);
    let upper = upper.unwrap_or(ALL_UPPER);
    if lower <= Decimal::NEGATIVE_ONE {
        return Err(FinanceError::Domain {
            field: "lower",
            reason: "must be greater than -1",
        });
    }
    if upper <= lower {
        return Err(FinanceError::Domain {
            field: "upper",
            reason: "must be greater than lower",
        });
    }
    let roots = solver::all_roots(
        &flows,
        units::to_f64_lossy(lower),
        units::to_f64_lossy(upper),
    );
    roots
        .into_iter()
        .map(|root| units::decimal_from_f64(root, "values"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flows(values: &[i64]) -> Vec<Decimal> {
        values.iter().copied().map(Decimal::from).collect()
    }

    #[test]
    fn microsoft_examples() {
        // Microsoft Support, IRR function: A2:A6 → -2.1 %, A2:A7 → 8.7 %, A2:A4 with
        // guess -10 % → -44.4 %.
        let data = flows(&[-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]);
        let four = irr(&data[..5], None).unwrap();
        assert_eq!(four.round_dp(3), Decimal::new(-21, 3));
        let three = irr(&data[..3], Some(Decimal::new(-1, 1))).unwrap();
        assert_eq!(three.round_dp(3), Decimal::new(-444, 3));
    }

    #[test]
    fn two_sign_changes_have_two_roots() {
        let data = flows(&[-100, 230, -132]);
        let near_low = irr(&data, Some(Decimal::new(5, 2))).unwrap();
        let near_high = irr(&data, Some(Decimal::new(25, 2))).unwrap();
        assert_eq!(near_low.round_dp(12), Decimal::new(1, 1));
        assert_eq!(near_high.round_dp(12), Decimal::new(2, 1));
    }

    #[test]
    fn irr_all_roots_are_polished() {
        // −100 + 230x − 132x² = 0 at x = 10/11 and 5/6: r = 10 % and 20 % exactly. In f64
        // the roots are determined to about 1e-14: |f′| is near 7 there while the terms
        // (up to 230) round at 5e-14.
        let roots = irr_all(&flows(&[-100, 230, -132]), None, None).unwrap();
        assert_eq!(roots.len(), 2);
        assert!(
            (roots[0] - Decimal::new(1, 1)).abs() <= Decimal::new(1, 14),
            "{}",
            roots[0]
        );
        assert!(
            (roots[1] - Decimal::new(2, 1)).abs() <= Decimal::new(1, 14),
            "{}",
            roots[1]
        );
    }

    #[test]
    fn no_sign_change_is_its_own_error() {
        assert_eq!(
            irr(&flows(&[100, 10]), None),
            Err(FinanceError::NoSignChange { field: "values" })
        );
        assert_eq!(
            irr(&[], None),
            Err(FinanceError::NoSignChange { field: "values" })
        );
        assert_eq!(
            irr_all(&flows(&[-1, -2]), None, None),
            Err(FinanceError::NoSignChange { field: "values" })
        );
    }

    #[test]
    fn a_guess_of_minus_one_is_rejected() {
        let err = irr(&flows(&[-100, 110]), Some(Decimal::NEGATIVE_ONE)).unwrap_err();
        assert_eq!(err.field(), "guess");
    }

    #[test]
    fn irr_all_checks_its_range() {
        let data = flows(&[-100, 110]);
        assert_eq!(
            irr_all(&data, Some(Decimal::NEGATIVE_ONE), None)
                .unwrap_err()
                .field(),
            "lower"
        );
        assert_eq!(
            irr_all(&data, Some(Decimal::ONE), Some(Decimal::ONE))
                .unwrap_err()
                .field(),
            "upper"
        );
        // One root, 10 %, outside [20 %, 50 %]: none in range.
        assert_eq!(
            irr_all(&data, Some(Decimal::new(2, 1)), Some(Decimal::new(5, 1))),
            Ok(vec![])
        );
    }
}

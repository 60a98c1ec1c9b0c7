//! The root finder shared by [`irr`](super::irr), [`xirr`](super::xirr) and
//! [`rate`](super::rate): Halley's method in `f64` from a guess derived from the flows,
//! with a bracketing fallback (Brent's method) and a residual check.
//!
//! Everything here is `f64`: a rate of return is a root of a polynomial (IRR, RATE) or of
//! a sum of fractional powers (XIRR), irrational in general, so Decimal would add cost
//! and no truth. Callers convert the root to [`Decimal`](crate::Decimal) once.
//!
//! The algorithm, for an objective `f(r)` defined for `r > −1`:
//! 1. start at `r₀` (Excel's `guess` when given, else a guess derived from the flows:
//!    [`guess_from_flows`]);
//! 2. Halley steps `r ← r − 2·f·f′ / (2·f′² − f·f″)` (Newton's step where `f″` is not
//!    known), at most [`MAX_ITERATIONS`]; a step that leaves the domain (`r ≤ −1`), an
//!    overflow or a stall hands over to
//! 3. bracketing: the rates `−1 + e^u` for `u` on a grid from −23 to 14 in steps of 1/8
//!    (`r` from `−1 + 1e-10` to about `1.2e6`), then on to 700 in steps of 2, are scanned
//!    for a sign change, and Brent's method refines the bracket nearest the start point;
//! 4. the root is accepted only if the residual `|f(r)|` is at most [`RESIDUAL_TOLERANCE`]
//!    times the flows' magnitude `Σ|terms|` at `r` (the size of the numbers that cancel),
//!    else [`FinanceError::NoConvergence`].

use crate::FinanceError;

/// Most Halley iterations before the bracketing fallback (Excel: IRR 20, XIRR 100).
pub(crate) const MAX_ITERATIONS: u32 = 50;
/// A root is accepted when `|f(r)| ≤ RESIDUAL_TOLERANCE · Σ|terms of f at r|`: far below
/// any cent, and about 1e5 times the rounding error of an `f64` sum of a few hundred terms.
pub(crate) const RESIDUAL_TOLERANCE: f64 = 1e-10;
/// Halley stops once a step is below this, relative to `max(|r|, 1e-3)`: the next step
/// would be below `f64` resolution (convergence is cubic).
const STEP_TOLERANCE: f64 = 1e-11;
/// Brent stops when the bracket is this narrow (relative), or the residual is zero.
const BRACKET_TOLERANCE: f64 = 4.0 * f64::EPSILON;
/// The scan of step 3, in `u = ln(1 + r)`.
const SCAN_FROM: f64 = -23.0;
const SCAN_TO: f64 = 14.0;
const SCAN_STEP: f64 = 0.125;
/// Beyond `u = 14`, up to `u = 700` (`r` about 1e304, near `f64`'s limit), coarser steps:
/// roots there are beyond a Decimal anyway, but are found so that the error is an honest
/// overflow rather than "no convergence".
const SCAN_BEYOND: f64 = 700.0;
const SCAN_BEYOND_STEP: f64 = 2.0;

/// An objective's value and derivatives at one rate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evaluation {
    /// `f(r)`.
    pub value: f64,
    /// `f′(r)`.
    pub slope: f64,
    /// `f″(r)`, or 0 where it is not computed (Halley's step is then Newton's).
    pub curvature: f64,
    /// `Σ|terms of f(r)|`: the scale against which the residual is judged.
    pub magnitude: f64,
}

/// A function of the rate whose root is wanted.
pub(crate) trait Objective {
    /// Value, derivatives and magnitude at `rate` (> −1). May be non-finite on overflow.
    fn evaluate(&self, rate: f64) -> Evaluation;

    /// A positive multiple of `f(rate)` that stays finite where `f` overflows (scaled by a
    /// power of `1 + rate`), for bracketing by sign. Defaults to `f` itself.
    fn scaled_value(&self, rate: f64) -> f64 {
        self.evaluate(rate).value
    }
}

/// A first guess from the flows: outflows `N = Σ|v⁻|` at their value-weighted mean time
/// `t⁻`, inflows `P = Σv⁺` at `t⁺`, and the rate at which they balance,
/// `P·(1+r)^−t⁺ = N·(1+r)^−t⁻`, that is `r = (P/N)^(1/(t⁺ − t⁻)) − 1`. Exact for two
/// flows; for level annuities close enough that Halley needs three or four steps. Falls
/// back to 0.1 (Excel's default) when the flows have no duration, and is kept at −0.9999
/// or above.
pub(crate) fn guess_from_flows(flows: impl Iterator<Item = (f64, f64)>) -> f64 {
    let (mut inflow, mut inflow_time, mut outflow, mut outflow_time) = (0.0, 0.0, 0.0, 0.0);
    for (value, time) in flows {
        if value > 0.0 {
            inflow += value;
            inflow_time += value * time;
        } else if value < 0.0 {
            outflow -= value;
            outflow_time -= value * time;
        }
    }
    if inflow <= 0.0 || outflow <= 0.0 {
        return 0.1;
    }
    let duration = inflow_time / inflow - outflow_time / outflow;
    let guess = libm::pow(inflow / outflow, 1.0 / duration) - 1.0;
    if duration.abs() < 1e-9 || !guess.is_finite() {
        0.1
    } else {
        guess.max(-0.9999)
    }
}

/// Counts the sign changes in a sequence, zeros skipped (Descartes' bound on the number
/// of roots of a polynomial in `1/(1 + r)`).
pub(crate) fn sign_changes(values: impl Iterator<Item = f64>) -> usize {
    let mut last = 0.0_f64;
    let mut changes = 0;
    for value in values.filter(|v| *v != 0.0) {
        if last != 0.0 && (value > 0.0) != (last > 0.0) {
            changes += 1;
        }
        last = value;
    }
    changes
}

/// Neumaier's compensated sum: the running sum and its lost low-order part.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CompensatedSum {
    sum: f64,
    compensation: f64,
}

impl CompensatedSum {
    /// Adds one term.
    pub(crate) fn add(&mut self, term: f64) {
        let total = self.sum + term;
        if self.sum.abs() >= term.abs() {
            self.compensation += (self.sum - total) + term;
        } else {
            self.compensation += (term - total) + self.sum;
        }
        self.sum = total;
    }

    /// The sum.
    pub(crate) fn value(self) -> f64 {
        self.sum + self.compensation
    }
}

/// Finds the root of `objective` from `start`: Halley, then bracketing (see the module
/// documentation). With `several_roots` (the flows change sign more than once) every
/// bracketed root is also found and the one nearest `start` is returned.
///
/// `field` names the cash flows in the errors.
pub(crate) fn find_root(
    objective: &impl Objective,
    start: f64,
    several_roots: bool,
    field: &'static str,
) -> Result<f64, FinanceError> {
    let newton = halley(objective, start);
    if !several_roots && let Some(root) = newton {
        return Ok(root);
    }
    let mut best = newton;
    let fine = bracketed_roots(objective, SCAN_FROM, SCAN_TO, SCAN_STEP);
    let coarse = bracketed_roots(objective, SCAN_TO, SCAN_BEYOND, SCAN_BEYOND_STEP);
    for root in fine.into_iter().chain(coarse) {
        let nearer = best.is_none_or(|b| (root - start).abs() < (b - start).abs());
        if nearer {
            best = Some(root);
        }
    }
    best.ok_or(FinanceError::NoConvergence {
        field,
        iterations: MAX_ITERATIONS,
    })
}

/// The number of grid steps with which [`all_roots`] scans its range.
pub(crate) const ALL_ROOTS_STEPS: f64 = 4096.0;

/// Every root between `lower` and `upper` where `f` changes sign, ascending: the range is
/// cut into [`ALL_ROOTS_STEPS`] equal steps of `ln(1 + r)` and each sign change refined by
/// Brent's method. Two roots within one step of each other (no sign change between grid
/// points), and roots where `f` touches zero without crossing it, are not found.
pub(crate) fn all_roots(objective: &impl Objective, lower: f64, upper: f64) -> Vec<f64> {
    let (from, to) = (libm::log(1.0 + lower), libm::log(1.0 + upper));
    bracketed_roots(objective, from, to, (to - from) / ALL_ROOTS_STEPS)
        .into_iter()
        .filter(|r| (lower..=upper).contains(r))
        .collect()
}

fn accepted(objective: &impl Objective, rate: f64) -> bool {
    if !rate.is_finite() || rate <= -1.0 {
        return false;
    }
    let at = objective.evaluate(rate);
    at.value.is_finite()
        && at.magnitude.is_finite()
        && at.value.abs() <= RESIDUAL_TOLERANCE * at.magnitude
}

/// Halley's method from `start`; `None` when it leaves the domain, overflows or stalls.
fn halley(objective: &impl Objective, start: f64) -> Option<f64> {
    let mut rate = start;
    for _ in 0..MAX_ITERATIONS {
        let at = objective.evaluate(rate);
        if !(at.value.is_finite() && at.slope.is_finite() && at.curvature.is_finite()) {
            return None;
        }
        if at.value == 0.0 {
            return Some(rate);
        }
        let denominator = 2.0 * at.slope * at.slope - at.value * at.curvature;
        let step = if denominator != 0.0 && denominator.is_finite() {
            2.0 * at.value * at.slope / denominator
        } else if at.slope != 0.0 {
            at.value / at.slope
        } else {
            return None;
        };
        let next = rate - step;
        if !next.is_finite() || next <= -1.0 {
            return None;
        }
        let previous_residual_ok = at.value.abs() <= RESIDUAL_TOLERANCE * at.magnitude;
        rate = next;
        if step.abs() <= STEP_TOLERANCE * rate.abs().max(1e-3) {
            // The residual already passed one (tiny) step before: the root is accepted
            // without another evaluation; otherwise it is checked where it landed.
            return (previous_residual_ok || accepted(objective, rate)).then_some(rate);
        }
    }
    None
}

/// The grid of step 3 between `from` and `to` (in `ln(1 + r)`), each sign change refined
/// by Brent's method; the accepted roots, ascending.
fn bracketed_roots(objective: &impl Objective, from: f64, to: f64, step: f64) -> Vec<f64> {
    let mut roots = Vec::new();
    if !(from.is_finite() && to.is_finite() && from < to && step > 0.0) {
        return roots;
    }
    let steps = ((to - from) / step).ceil().clamp(16.0, 8192.0);
    let mut left = libm::expm1(from);
    let mut left_value = objective.scaled_value(left);
    // Counted steps (at most 8,192), so that the loop ends even where `from + width`
    // rounds back to `from`.
    let mut step = 0.0;
    while step < steps {
        step += 1.0;
        let u = from + (to - from) * (step / steps);
        let right = libm::expm1(u);
        let right_value = objective.scaled_value(right);
        if left_value == 0.0 {
            if accepted(objective, left) {
                roots.push(left);
            }
        } else if left_value.is_finite()
            && right_value.is_finite()
            && right_value != 0.0
            && (left_value > 0.0) != (right_value > 0.0)
            && let Some(root) = brent(objective, left, left_value, right, right_value)
            && accepted(objective, root)
        {
            // Brent stops at a bracket a few ulps wide; a Halley step or two from there
            // lands on the root to the last digit (kept only if it stays in the bracket).
            let polished = halley(objective, root)
                .filter(|r| (left.min(right)..=left.max(right)).contains(r))
                .unwrap_or(root);
            roots.push(polished);
        }
        left = right;
        left_value = right_value;
    }
    if left_value == 0.0 && accepted(objective, left) {
        roots.push(left);
    }
    roots
}

/// Brent's method on `[a, b]` where `f(a)` and `f(b)` differ in sign (inverse quadratic
/// interpolation, secant, or bisection, whichever keeps the bracket shrinking).
fn brent(objective: &impl Objective, a: f64, fa: f64, b: f64, fb: f64) -> Option<f64> {
    let (mut a, mut fa, mut b, mut fb) = (a, fa, b, fb);
    if fa.abs() < fb.abs() {
        (a, fa, b, fb) = (b, fb, a, fa);
    }
    let (mut c, mut fc) = (a, fa);
    let mut d = b - a;
    let mut bisected = true;
    for _ in 0..200 {
        if fb == 0.0 {
            return Some(b);
        }
        let tolerance = BRACKET_TOLERANCE * b.abs().max(1e-3);
        if (b - a).abs() <= tolerance {
            return Some(b);
        }
        let mut s = if fa != fc && fb != fc {
            a * fb * fc / ((fa - fb) * (fa - fc))
                + b * fa * fc / ((fb - fa) * (fb - fc))
                + c * fa * fb / ((fc - fa) * (fc - fb))
        } else {
            b - fb * (b - a) / (fb - fa)
        };
        let low = (3.0 * a + b) / 4.0;
        let between = (s > low.min(b)) && (s < low.max(b));
        let slow = if bisected {
            (s - b).abs() >= (b - c).abs() / 2.0 || (b - c).abs() < tolerance
        } else {
            (s - b).abs() >= (c - d).abs() / 2.0 || (c - d).abs() < tolerance
        };
        if !between || slow || !s.is_finite() {
            s = (a + b) / 2.0;
            bisected = true;
        } else {
            bisected = false;
        }
        let fs = objective.scaled_value(s);
        if !fs.is_finite() {
            return None;
        }
        d = c;
        (c, fc) = (b, fb);
        if (fa > 0.0) == (fs > 0.0) {
            (a, fa) = (s, fs);
        } else {
            (b, fb) = (s, fs);
        }
        if fa.abs() < fb.abs() {
            (a, fa, b, fb) = (b, fb, a, fa);
        }
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f(r) = (1 + r)² − 1.21: roots 0.1 and −2.1 (outside the domain).
    struct Square;
    impl Objective for Square {
        fn evaluate(&self, r: f64) -> Evaluation {
            Evaluation {
                value: (1.0 + r) * (1.0 + r) - 1.21,
                slope: 2.0 * (1.0 + r),
                curvature: 2.0,
                magnitude: (1.0 + r) * (1.0 + r) + 1.21,
            }
        }
    }

    #[test]
    fn halley_and_brent_agree() {
        let root = find_root(&Square, 5.0, false, "values").unwrap();
        assert!((root - 0.1).abs() < 1e-14);
        let all = all_roots(&Square, -0.99, 10.0);
        assert_eq!(all.len(), 1);
        assert!((all[0] - 0.1).abs() < 1e-14);
    }

    #[test]
    fn guess_is_exact_for_two_flows() {
        // −100 now, 121 in two periods: 10 %.
        let guess = guess_from_flows([(-100.0, 0.0), (121.0, 2.0)].into_iter());
        assert!((guess - 0.1).abs() < 1e-15);
    }

    #[test]
    fn compensated_sum_keeps_small_terms() {
        let mut sum = CompensatedSum::default();
        for term in [1e16, 1.0, -1e16] {
            sum.add(term);
        }
        assert_eq!(sum.value(), 1.0);
    }

    #[test]
    fn sign_changes_skip_zeros() {
        assert_eq!(sign_changes([-1.0, 0.0, 2.0, -3.0, 0.0].into_iter()), 2);
        assert_eq!(sign_changes([1.0, 2.0].into_iter()), 0);
    }
}

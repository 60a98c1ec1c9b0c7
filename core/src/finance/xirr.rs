//! The internal rate of return of dated cash flows: [`xirr`], as Excel's `XIRR`.

use crate::{Date, Decimal, FinanceError, units};

use super::solver::{self, CompensatedSum, Evaluation, Objective};

/// Most distinct day gaps between consecutive flows for which [`DatedFlows`] builds its
/// discount factors from one factor a gap (monthly flows have four: 28 to 31 days); with
/// more, one `exp` a flow.
const MAX_DISTINCT_GAPS: usize = 32;

/// The running product of [`DatedFlows`] restarts from an `exp` every this many flows, so
/// that no discount factor carries the roundings of more than this many products.
const ANCHOR_EVERY: usize = 16;

/// Flows `vᵢ` at times `tᵢ = (dᵢ − d₀)/365` years, in date order: `f(r) = Σ vᵢ·(1+r)^−tᵢ`.
pub(crate) struct DatedFlows {
    values: Vec<f64>,
    years: Vec<f64>,
    last: f64,
    /// The distinct gaps in days between consecutive flows (0 before the first), when
    /// there are at most [`MAX_DISTINCT_GAPS`]; empty otherwise.
    gaps: Vec<i32>,
    /// For each flow, the position in `gaps` of its gap from the previous flow (empty
    /// when `gaps` is).
    steps: Vec<u8>,
}

/// Checks Excel's rules for dated flows (as many dates as values, none before the first)
/// and returns each flow's day count from the first date.
pub(crate) fn day_counts<T>(values: &[T], dates: &[Date]) -> Result<Vec<i64>, FinanceError> {
    if values.is_empty() {
        return Err(FinanceError::InvalidArgument {
            field: "values",
            reason: "must hold at least one value",
        });
    }
    if values.len() != dates.len() {
        return Err(FinanceError::Domain {
            field: "dates",
            reason: "must be as many as the values",
        });
    }
    let Some(first) = dates.first().copied() else {
        return Ok(Vec::new());
    };
    // A plain loop: iterator adapters over `Result` are not inlined at opt-level "s".
    let mut days = Vec::with_capacity(dates.len());
    for date in dates {
        let count = date.days_since(first);
        if count < 0 {
            return Err(FinanceError::Domain {
                field: "dates",
                reason: "must not precede the first date",
            });
        }
        days.push(count);
    }
    Ok(days)
}

/// `days / 365` as `f64`; exact for every day count a [`Date`] can give (< 2⁵³).
pub(crate) fn years_from_days(days: i64) -> f64 {
    match i32::try_from(days) {
        Ok(days) => f64::from(days) / 365.0,
        Err(_) => units::to_f64_lossy(Decimal::from(days)) / 365.0,
    }
}

impl DatedFlows {
    /// The flows `values` on their day counts `days` from the first date (none negative),
    /// put in date order (equal dates keep their order).
    fn new(values: &[f64], days: &[i64]) -> Self {
        let order = (!days.is_sorted())
            .then(|| crate::order::stable_order(days.len(), &|a, b| days.get(a).cmp(&days.get(b))));
        let count = values.len().min(days.len());
        let mut flows = Self {
            values: Vec::with_capacity(count),
            years: Vec::with_capacity(count),
            last: 0.0,
            gaps: Vec::new(),
            steps: Vec::with_capacity(count),
        };
        let (mut previous, mut few_gaps) = (0_i64, true);
        for k in 0..count {
            let i = order.as_ref().and_then(|o| o.get(k).copied()).unwrap_or(k);
            let (Some(value), Some(day)) = (values.get(i), days.get(i)) else {
                continue;
            };
            flows.values.push(*value);
            flows.years.push(years_from_days(*day));
            let gap = i32::try_from(day - previous).unwrap_or(i32::MAX);
            previous = *day;
            if few_gaps {
                let position = match flows.gaps.iter().position(|g| *g == gap) {
                    Some(position) => position,
                    None => {
                        flows.gaps.push(gap);
                        flows.gaps.len() - 1
                    }
                };
                few_gaps = flows.gaps.len() <= MAX_DISTINCT_GAPS;
                flows.steps.push(u8::try_from(position).unwrap_or(u8::MAX));
            }
        }
        if !few_gaps {
            (flows.gaps, flows.steps) = (Vec::new(), Vec::new());
        }
        flows.last = flows.years.last().copied().unwrap_or(0.0);
        flows
    }
}

impl Objective for DatedFlows {
    /// With `L = ln(1+r)` and terms `τᵢ = vᵢ·e^(−tᵢ·L)`: `f = Στᵢ` (compensated),
    /// `f′ = −Σ tᵢ·τᵢ / (1+r)`, `f″ = Σ tᵢ(tᵢ+1)·τᵢ / (1+r)²`.
    ///
    /// With at most [`MAX_DISTINCT_GAPS`] distinct gaps between consecutive dates (the
    /// usual case: monthly or quarterly flows), the discount factors are a running
    /// product of one factor a gap of `g` days, `e^(−g·L/365)`, each computed once an
    /// evaluation by `expm1` and held as an unevaluated sum `hi + lo` (to about 1e-18,
    /// so that a factor used a hundred times carries no error of its own); each step of
    /// the product then rounds once, as an `exp` does. Otherwise one `exp` a flow.
    fn evaluate(&self, rate: f64) -> Evaluation {
        let log_growth = libm::log1p(rate);
        let per_day = -log_growth / 365.0;
        let mut factors = [(1.0_f64, 0.0_f64); MAX_DISTINCT_GAPS];
        for (factor, gap) in factors.iter_mut().zip(&self.gaps) {
            let m = libm::expm1(per_day * f64::from(*gap));
            // 1 + m as hi + lo, exactly (Knuth's two-sum).
            let hi = 1.0 + m;
            let m_part = hi - 1.0;
            *factor = (hi, (1.0 - (hi - m_part)) + (m - m_part));
        }
        let (mut value, mut first, mut second, mut magnitude) =
            (CompensatedSum::default(), 0.0, 0.0, 0.0);
        let mut running = 1.0_f64;
        let mut steps = self.steps.iter();
        for (i, (v, t)) in self.values.iter().zip(&self.years).enumerate() {
            let discount = match steps.next() {
                Some(_) if i % ANCHOR_EVERY == 0 => {
                    running = libm::exp(-t * log_growth);
                    running
                }
                Some(step) => {
                    let (hi, lo) = factors
                        .get(usize::from(*step))
                        .copied()
                        .unwrap_or((1.0, 0.0));
                    running = running * hi + running * lo;
                    running
                }
                None => libm::exp(-t * log_growth),
            };
            let term = v * discount;
            value.add(term);
            first += t * term;
            second += t * (t + 1.0) * term;
            magnitude += term.abs();
        }
        let x = 1.0 / (1.0 + rate);
        Evaluation {
            value: value.value(),
            slope: -x * first,
            curvature: x * x * second,
            magnitude,
        }
    }

    /// Below `r = 0`, `(1+r)^t_last·f(r) = Σ vᵢ·(1+r)^(t_last − tᵢ)`, finite as `r → −1`.
    fn scaled_value(&self, rate: f64) -> f64 {
        if rate >= 0.0 {
            return self.evaluate(rate).value;
        }
        let log_growth = libm::log1p(rate);
        let mut sum = CompensatedSum::default();
        for (v, t) in self.values.iter().zip(&self.years) {
            sum.add(v * libm::exp((self.last - t) * log_growth));
        }
        sum.value()
    }
}

/// The internal rate of return of cash flows on given dates, as Excel's
/// `XIRR(values, dates, [guess])`: the annual rate `r > −1` at which their net present
/// value at the first date is zero,
///
/// `Σᵢ vᵢ / (1 + r)^((dᵢ − d₀)/365) = 0`,
///
/// - `values`: the flows `vᵢ`, Excel's sign convention, at least one of each sign;
/// - `dates`: their dates `dᵢ`, as many as the values, in any order but none before the
///   first, `d₀` (day count Actual/365 from the first date, as Excel);
/// - `guess`: where the solver starts (Excel's `guess`, honoured when given; Excel's
///   default is 0.1). When absent, the start is derived from the flows: the rate at which
///   inflows and outflows, each at its value-weighted mean time, balance (exact for two
///   flows).
///
/// The root is found in `f64`, as Excel does (the powers `(1+r)^(days/365)` are
/// irrational), on the flows converted to `f64` once ([`units::to_f64_lossy`]): Halley's
/// method with compensated sums, with Brent's method on a bracket when Halley leaves the
/// domain or stalls. The discount factors of flows at a few distinct intervals (monthly,
/// quarterly) are built as a running product of one factor an interval, each held to about
/// 1e-18 (one `expm1` an interval and evaluation instead of one `exp` a flow); otherwise
/// one `exp` a flow. The root is accepted only when `|f(r)| ≤ 1e-10 · Σ|vᵢ(1+r)^−tᵢ|`, and
/// converted to [`Decimal`] once. Excel stops after 100 Newton steps at 1e-8; this stops
/// when a step is below 1e-11 of the rate.
/// Flows that change sign more than once: the root nearest the start, as [`irr`](super::irr).
///
/// # Errors
/// - [`FinanceError::InvalidArgument`] on `values` when there are none;
/// - [`FinanceError::Domain`] on `dates` when they are not as many as the values, or one
///   precedes the first (Excel: `#NUM!`); on `guess` when it is −1 or less;
/// - [`FinanceError::NoSignChange`] on `values` without a negative and a positive flow
///   (Excel: `#NUM!`);
/// - [`FinanceError::NoConvergence`] on `values` when no root is found;
/// - [`FinanceError::Overflow`] on `values` when the root does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: −10,000 on 2008-01-01, then 2,750 (2008-03-01), 4,250
/// (2008-10-30), 3,250 (2009-02-15) and 2,750 (2009-04-01): `XIRR` is 0.373362535 (37.34 %).
/// Excel's last digit comes from stopping early; the root, by bisection in 50-digit
/// decimals, is 0.3733625335188…, which this returns.
/// ```
/// use gpuecon::{finance::xirr, Date, Decimal};
/// let values = [-10_000, 2_750, 4_250, 3_250, 2_750].map(Decimal::from);
/// let dates = [(2008, 1, 1), (2008, 3, 1), (2008, 10, 30), (2009, 2, 15), (2009, 4, 1)]
///     .map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap());
/// let rate = xirr(&values, &dates, None)?;
/// assert_eq!(rate.round_dp(4), Decimal::new(3_734, 4)); // 37.34 %
/// assert_eq!(rate.round_dp(12), Decimal::new(373_362_533_519, 12));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn xirr(
    values: &[Decimal],
    dates: &[Date],
    guess: Option<Decimal>,
) -> Result<Decimal, FinanceError> {
    let floats: Vec<f64> = values.iter().copied().map(units::to_f64_lossy).collect();
    xirr_f64(&floats, dates, guess)
}

/// [`xirr`] on flows already in `f64` (as a JavaScript array of numbers holds them): the
/// same root as [`xirr`] gives for decimals whose [`units::to_f64_lossy`] are these
/// values, which is every decimal of up to 15 significant digits read from its nearest
/// `f64`. For callers that hold `f64` flows, without a round trip through [`Decimal`].
///
/// # Errors
/// As [`xirr`]; and [`FinanceError::InvalidArgument`] on `values` when one is not finite
/// (NaN or an infinity).
///
/// # Example
/// ```
/// use gpuecon::{finance::xirr_f64, Date, Decimal};
/// let dates = [(2021, 1, 1), (2022, 1, 1)].map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap());
/// // −100, then 110 a year (365 days) later: 10 %.
/// let rate = xirr_f64(&[-100.0, 110.0], &dates, None)?;
/// assert_eq!(rate.round_dp(12), Decimal::new(1, 1));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn xirr_f64(
    values: &[f64],
    dates: &[Date],
    guess: Option<Decimal>,
) -> Result<Decimal, FinanceError> {
    let days = day_counts(values, dates)?;
    if !values.iter().all(|v| v.is_finite()) {
        return Err(FinanceError::InvalidArgument {
            field: "values",
            reason: "must be finite numbers (not NaN or Infinity)",
        });
    }
    if !(values.iter().any(|v| *v > 0.0) && values.iter().any(|v| *v < 0.0)) {
        return Err(FinanceError::NoSignChange { field: "values" });
    }
    let flows = DatedFlows::new(values, &days);
    let start = match guess {
        Some(guess) if guess <= Decimal::NEGATIVE_ONE => {
            return Err(FinanceError::Domain {
                field: "guess",
                reason: "must be greater than -1 (a rate of -100 % or less has no meaning)",
            });
        }
        Some(guess) => units::to_f64_lossy(guess),
        None => solver::guess_from_flows(
            flows
                .values
                .iter()
                .copied()
                .zip(flows.years.iter().copied()),
        ),
    };
    // Sign changes in date order (the order of the terms of the polynomial-like sum).
    let changes = solver::sign_changes(flows.values.iter().copied());
    let root = solver::find_root(&flows, start, changes > 1, "values")?;
    units::decimal_from_f64(root, "values")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_hard_case_converges() {
        // domain.md: −177,900,000 on 2020-07-03, 8,799,805.85 on 2021-02-25 → −0.990247691899517.
        // Two flows: (1+r)^(237/365) = 8,799,805.85 / 177,900,000, r = that^(365/237) − 1.
        let values = [Decimal::from(-177_900_000), Decimal::new(879_980_585, 2)];
        let dates = [date(2020, 7, 3), date(2021, 2, 25)];
        let rate = xirr(&values, &dates, None).unwrap();
        let expected = Decimal::new(-990_247_691_899_517, 15);
        assert!((rate - expected).abs() < Decimal::new(1, 14), "{rate}");
        // And from Excel's default guess, where plain Newton fails.
        let rate = xirr(&values, &dates, Some(Decimal::new(1, 1))).unwrap();
        assert!((rate - expected).abs() < Decimal::new(1, 14), "{rate}");
    }

    #[test]
    fn excel_rules_for_dates() {
        let values = [Decimal::from(-100), Decimal::from(110)];
        assert_eq!(
            xirr(&values, &[date(2020, 1, 1)], None)
                .unwrap_err()
                .field(),
            "dates"
        );
        assert_eq!(
            xirr(&values, &[date(2020, 1, 1), date(2019, 1, 1)], None)
                .unwrap_err()
                .field(),
            "dates"
        );
        assert_eq!(
            xirr(
                &[Decimal::ONE, Decimal::ONE],
                &[date(2020, 1, 1), date(2021, 1, 1)],
                None
            ),
            Err(FinanceError::NoSignChange { field: "values" })
        );
    }

    #[test]
    fn a_year_apart_is_the_simple_rate() {
        // −100 on 2021-01-01, 110 on 2022-01-01 (365 days): 10 %.
        let rate = xirr(
            &[Decimal::from(-100), Decimal::from(110)],
            &[date(2021, 1, 1), date(2022, 1, 1)],
            None,
        )
        .unwrap();
        assert_eq!(rate.round_dp(14), Decimal::new(1, 1));
    }
}

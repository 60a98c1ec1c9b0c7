//! The internal rate of return of dated cash flows: [`xirr`], as Excel's `XIRR`.

use crate::{Date, Decimal, FinanceError, units};

use super::solver::{self, CompensatedSum, Evaluation, Objective};

/// Flows `vᵢ` at times `tᵢ = (dᵢ − d₀)/365` years: `f(r) = Σ vᵢ·(1+r)^−tᵢ`.
pub(crate) struct DatedFlows {
    values: Vec<f64>,
    years: Vec<f64>,
    last: f64,
    /// Days between consecutive flows, when the dates are in order (the usual case).
    gaps: Option<Vec<i32>>,
}

/// Checks Excel's rules for dated flows (as many dates as values, none before the first)
/// and returns each flow's day count from the first date.
pub(crate) fn day_counts(values: &[Decimal], dates: &[Date]) -> Result<Vec<i64>, FinanceError> {
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
    let Some(first) = dates.first() else {
        return Ok(Vec::new());
    };
    dates
        .iter()
        .map(|date| {
            let days = date.days_since(*first);
            if days < 0 {
                Err(FinanceError::Domain {
                    field: "dates",
                    reason: "must not precede the first date",
                })
            } else {
                Ok(days)
            }
        })
        .collect()
}

/// `days / 365` as `f64`; exact for every day count a [`Date`] can give (< 2⁵³).
pub(crate) fn years_from_days(days: i64) -> f64 {
    match i32::try_from(days) {
        Ok(days) => f64::from(days) / 365.0,
        Err(_) => units::to_f64_lossy(Decimal::from(days)) / 365.0,
    }
}

impl DatedFlows {
    fn new(values: &[Decimal], days: &[i64]) -> Self {
        let years: Vec<f64> = days.iter().copied().map(years_from_days).collect();
        let last = years.iter().copied().fold(0.0, f64::max);
        let mut previous = 0_i64;
        let gaps = days
            .iter()
            .map(|day| {
                let gap = i32::try_from(day - previous).ok().filter(|gap| *gap >= 0);
                previous = *day;
                gap
            })
            .collect();
        Self {
            values: values.iter().copied().map(units::to_f64_lossy).collect(),
            years,
            last,
            gaps,
        }
    }
}

impl Objective for DatedFlows {
    /// With `L = ln(1+r)` and terms `τᵢ = vᵢ·e^(−tᵢ·L)`: `f = Στᵢ` (compensated),
    /// `f′ = −Σ tᵢ·τᵢ / (1+r)`, `f″ = Σ tᵢ(tᵢ+1)·τᵢ / (1+r)²`.
    ///
    /// Dates in order: the discount factors are built as a running product of whole
    /// powers of the one-day factor `y = e^(−L/365)`, `yⁿ` for each gap of `n` days (one
    /// `exp` an evaluation instead of one a flow; relative error about 1e-14 after 144
    /// flows, far inside the residual tolerance). Otherwise one `exp` a flow.
    fn evaluate(&self, rate: f64) -> Evaluation {
        self.evaluate_with(rate, self.gaps.as_deref().unwrap_or_default())
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

impl DatedFlows {
    /// [`Objective::evaluate`], with the running product over `gaps` (empty: one `exp` a
    /// flow, the exact form).
    fn evaluate_with(&self, rate: f64, gaps: &[i32]) -> Evaluation {
        let log_growth = libm::log1p(rate);
        let (mut value, mut first, mut second, mut magnitude) =
            (CompensatedSum::default(), 0.0, 0.0, 0.0);
        let day_factor = libm::exp(-log_growth / 365.0);
        let mut running = 1.0_f64;
        let mut gap = gaps.iter();
        for (v, t) in self.values.iter().zip(&self.years) {
            let discount = match gap.next() {
                Some(days) => {
                    running *= day_factor.powi(*days);
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

    /// One Newton step on the exact form (one `exp` a flow), where it lowers the
    /// residual: the root of the running-product form is within about 1e-13 of the
    /// exact one, and this step removes that difference.
    fn polish(&self, root: f64) -> f64 {
        let at = self.evaluate_with(root, &[]);
        let next = root - at.value / at.slope;
        if next.is_finite()
            && next > -1.0
            && self.evaluate_with(next, &[]).value.abs() <= at.value.abs()
        {
            next
        } else {
            root
        }
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
/// irrational): Halley's method with compensated sums, with Brent's method on a bracket
/// when Halley leaves the domain or stalls. With the dates in order, the discount factors
/// are built as a running product of whole powers of the one-day factor `(1+r)^(−1/365)`
/// (one `exp` an evaluation instead of one a flow), and the root is then polished by one
/// Newton step on the exact form (one `exp` a flow); the root is accepted only when
/// `|f(r)| ≤ 1e-10 · Σ|vᵢ(1+r)^−tᵢ|`, and converted to [`Decimal`] once. Excel stops
/// after 100 Newton steps at 1e-8; this stops when a step is below 1e-11 of the rate.
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
    let days = day_counts(values, dates)?;
    let positive = values.iter().any(|v| v.is_sign_positive() && !v.is_zero());
    let negative = values.iter().any(|v| v.is_sign_negative() && !v.is_zero());
    if !(positive && negative) {
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
    let changes = if days.is_sorted() {
        solver::sign_changes(flows.values.iter().copied())
    } else {
        let order = crate::order::stable_order(days.len(), &|a, b| days.get(a).cmp(&days.get(b)));
        solver::sign_changes(
            order
                .into_iter()
                .filter_map(|i| flows.values.get(i).copied()),
        )
    };
    let root = flows.polish(solver::find_root(&flows, start, changes > 1, "values")?);
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

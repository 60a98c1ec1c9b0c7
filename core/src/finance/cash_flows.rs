//! Present values of cash flows: [`npv`] (Excel's, first flow one period out),
//! [`npv_at_t0`] (first flow now), [`xnpv`] (dated flows) and [`mirr`].

use crate::{Date, Decimal, FinanceError, units};

use super::fixed_point;
use super::time_value::powi;
use super::xirr::{day_counts, years_from_days};

fn non_empty(values: &[Decimal]) -> Result<(), FinanceError> {
    if values.is_empty() {
        Err(FinanceError::InvalidArgument {
            field: "values",
            reason: "must hold at least one value",
        })
    } else {
        Ok(())
    }
}

/// `1 + rate`, the one-period growth factor: exact, and not zero.
fn growth_factor(rate: Decimal) -> Result<Decimal, FinanceError> {
    let growth = units::add(Decimal::ONE, rate, "rate")?;
    if growth.is_zero() {
        return Err(FinanceError::DivisionByZero { field: "rate" });
    }
    Ok(growth)
}

/// `Σᵢ vᵢ / gⁱ⁺¹` for `i = 0 … n−1`, by Horner's rule from the last flow:
/// `acc ← (acc + vᵢ) / g`, one division a flow by the exact `g = 1 + r`. The fixed-point
/// path below where it applies (every realistic case), else Decimal division.
fn discounted_sum(growth: Decimal, values: &[Decimal]) -> Result<Decimal, FinanceError> {
    if let Some(sum) = fixed_point::discounted_sum(growth, values) {
        return Ok(sum);
    }
    discounted_sum_decimal(growth, values)
}

/// [`discounted_sum`] in Decimal arithmetic: each quotient correctly rounded to 28
/// significant digits by rust_decimal (about 90 ns a division natively).
fn discounted_sum_decimal(growth: Decimal, values: &[Decimal]) -> Result<Decimal, FinanceError> {
    values.iter().rev().try_fold(Decimal::ZERO, |acc, value| {
        units::add(acc, *value, "values")?
            .checked_div(growth)
            .ok_or(FinanceError::Overflow { field: "values" })
    })
}

/// The net present value of periodic cash flows, as Excel's `NPV(rate, value1, …)`: the
/// first flow is discounted by one period,
///
/// `NPV = Σᵢ vᵢ / (1 + r)^i`, for `i = 1 … n`,
///
/// - `rate` (`r`): the discount rate per period (any value but −1; Excel accepts rates
///   below −1 and so does this function);
/// - `values` (`v₁ … vₙ`): the flows at the end of periods 1 … n, Excel's sign convention.
///
/// For flows whose first value falls now (period 0), use [`npv_at_t0`]; Excel users write
/// `=NPV(r, v₁:vₙ) + v₀` for it.
///
/// Exact decimal arithmetic, no `f64`: Horner's rule from the last flow,
/// `acc ← (acc + vᵢ) / (1 + r)`, one division a flow by the exact `1 + r` (the powers
/// `(1 + r)^i` are never formed). Where `1 + r > 0` has at most 9 decimals and the flows
/// fit (every realistic case), the sum runs in 128-bit fixed-point decimal integers at the
/// finest scale (at most 28 decimals) that leaves room for `Σ|vᵢ|`, each quotient rounded
/// half away from zero; otherwise in [`Decimal`] division, each quotient correctly
/// rounded to 28 significant digits. Either way the result is exact whenever `1 + r`
/// divides a power of ten (1.25, 0.8), and otherwise within `n · 1e-28` of `Σ|vᵢ|`: far
/// below a cent (speed: docs/benchmarks.md).
///
/// # Errors
/// - [`FinanceError::InvalidArgument`] on `values` when there are none (Excel: `#VALUE!`);
/// - [`FinanceError::DivisionByZero`] on `rate` when it is −1 (Excel: `#DIV/0!`);
/// - [`FinanceError::Overflow`] on `values` when the sum does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a 10 % rate, an investment of 10,000 paid at the end
/// of the first year and returns of 3,000, 4,200 and 6,800 in the next three:
/// `=NPV(10%, -10000, 3000, 4200, 6800)` is $1,188.44.
/// ```
/// use gpuecon::{finance::npv, Decimal};
/// let flows = [-10_000, 3_000, 4_200, 6_800].map(Decimal::from);
/// let value = npv(Decimal::new(1, 1), &flows)?;
/// assert_eq!(value.round_dp(2), Decimal::new(118_844, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn npv(rate: Decimal, values: &[Decimal]) -> Result<Decimal, FinanceError> {
    non_empty(values)?;
    discounted_sum(growth_factor(rate)?, values)
}

/// The net present value of periodic cash flows whose first flow falls now (t = 0), as
/// numpy-financial's `npv`: the first flow is not discounted,
///
/// `NPV₀ = Σᵢ vᵢ / (1 + r)^i`, for `i = 0 … n−1`,  so `NPV₀ = (1 + r)·NPV` (Excel's).
///
/// - `rate` (`r`): the discount rate per period, not −1 when there is more than one flow;
/// - `values` (`v₀ … vₙ₋₁`): the flows, the first one now, Excel's sign convention.
///
/// Computed as `v₀ + npv(r, v₁ … vₙ₋₁)` (see [`npv`] for the arithmetic): Decimal
/// throughout, one correctly rounded division a flow, no `f64`. It is the function whose root is the
/// [`irr`](super::irr).
///
/// # Errors
/// - [`FinanceError::InvalidArgument`] on `values` when there are none;
/// - [`FinanceError::DivisionByZero`] on `rate` when it is −1 and there are later flows;
/// - [`FinanceError::Overflow`] on `values` when the sum does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's NPV example, second case: a 40,000 investment now, then 8,000, 9,200,
/// 10,000, 12,000 and 14,500 at 8 %: `=NPV(8%, B3:B7) + B2` is $1,922.06, and so is
/// `npv_at_t0` of all six flows.
/// ```
/// use gpuecon::{finance::npv_at_t0, Decimal};
/// let flows = [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500].map(Decimal::from);
/// let value = npv_at_t0(Decimal::new(8, 2), &flows)?;
/// assert_eq!(value.round_dp(2), Decimal::new(192_206, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn npv_at_t0(rate: Decimal, values: &[Decimal]) -> Result<Decimal, FinanceError> {
    let Some((first, later)) = values.split_first() else {
        return non_empty(values).map(|()| Decimal::ZERO);
    };
    if later.is_empty() {
        return Ok(*first);
    }
    let rest = discounted_sum(growth_factor(rate)?, later)?;
    units::add(*first, rest, "values")
}

/// The discount factor `(1+r)^−t` for `t = days/365`, in `f64` (a fractional power).
fn fractional_discount(log_growth: f64, days: i64) -> f64 {
    libm::exp(-years_from_days(days) * log_growth)
}

/// One term `v / (1+r)^(days/365)` of [`xnpv`].
fn xnpv_term(
    value: Decimal,
    growth: Decimal,
    log_growth: f64,
    days: i64,
) -> Result<Decimal, FinanceError> {
    if days % 365 == 0
        && let Ok(power) = powi(growth, Decimal::from(days / 365))
        && let Ok(term) = units::div(value, power, "rate")
    {
        return Ok(term);
    }
    let factor = fractional_discount(log_growth, days);
    if (1e-18..=1e18).contains(&factor) {
        let factor = units::decimal_from_f64(factor, "rate")?;
        units::mul(value, factor, "values")
    } else {
        // A factor beyond Decimal's useful range: the whole term in f64.
        let term = units::to_f64_lossy(value) * factor;
        if term.abs() < 1e-28 {
            Ok(Decimal::ZERO)
        } else {
            units::decimal_from_f64(term, "values")
        }
    }
}

/// The net present value of cash flows on given dates, as Excel's
/// `XNPV(rate, values, dates)`: each flow is discounted to the first date,
///
/// `XNPV = Σᵢ vᵢ / (1 + r)^((dᵢ − d₀)/365)`,
///
/// - `rate` (`r`): the annual discount rate, greater than −1;
/// - `values` (`vᵢ`): the flows, Excel's sign convention;
/// - `dates` (`dᵢ`): their dates, as many as the values, in any order but none before the
///   first, `d₀`. Day count Actual/365 from the first date, as Excel.
///
/// Where `f64` is used: a flow a whole number of years (a multiple of 365 days) after the
/// first is divided by `(1+r)^k` computed exactly in [`Decimal`]; any other discount factor
/// `(1+r)^−t` is a fractional power, computed in `f64` as Excel does and converted to
/// [`Decimal`] once (about 16 significant digits). Products with the flows and the sum are
/// exact [`Decimal`] arithmetic. (A factor outside `[1e-18, 1e18]` gives its whole term in
/// `f64`.)
///
/// # Errors
/// - [`FinanceError::InvalidArgument`] on `values` when there are none;
/// - [`FinanceError::Domain`] on `rate` when it is −1 or less, on `dates` when they are not
///   as many as the values or one precedes the first (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] on `values` when the sum does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: −10,000 on 2008-01-01, then 2,750 (2008-03-01), 4,250
/// (2008-10-30), 3,250 (2009-02-15), 2,750 (2009-04-01) at 9 %: `XNPV` is 2,086.65.
/// ```
/// use gpuecon::{finance::xnpv, Date, Decimal};
/// let values = [-10_000, 2_750, 4_250, 3_250, 2_750].map(Decimal::from);
/// let dates = [(2008, 1, 1), (2008, 3, 1), (2008, 10, 30), (2009, 2, 15), (2009, 4, 1)]
///     .map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap());
/// let value = xnpv(Decimal::new(9, 2), &values, &dates)?;
/// assert_eq!(value.round_dp(2), Decimal::new(208_665, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn xnpv(rate: Decimal, values: &[Decimal], dates: &[Date]) -> Result<Decimal, FinanceError> {
    if rate <= Decimal::NEGATIVE_ONE {
        return Err(FinanceError::Domain {
            field: "rate",
            reason: "must be greater than -1",
        });
    }
    let days = day_counts(values, dates)?;
    let growth = units::add(Decimal::ONE, rate, "rate")?;
    let log_growth = libm::log(units::to_f64_lossy(growth));
    values
        .iter()
        .zip(days)
        .try_fold(Decimal::ZERO, |acc, (value, days)| {
            units::add(acc, xnpv_term(*value, growth, log_growth, days)?, "values")
        })
}

/// The two sums of [`mirr`] in Decimal: `(Σ v⁺ᵢ·(1+rr)^(n−1−i), Σ v⁻ᵢ/(1+fr)^i)`.
fn mirr_sums(
    values: &[Decimal],
    finance_growth: Decimal,
    reinvest_growth: Decimal,
) -> Result<(Decimal, Decimal), FinanceError> {
    let positive = values.iter().try_fold(Decimal::ZERO, |acc, value| {
        let grown = units::mul(acc, reinvest_growth, "reinvest_rate")?;
        units::add(grown, (*value).max(Decimal::ZERO), "values")
    })?;
    let negative = values.iter().rev().try_fold(Decimal::ZERO, |acc, value| {
        let discounted = units::div(acc, finance_growth, "finance_rate")?;
        units::add(discounted, (*value).min(Decimal::ZERO), "values")
    })?;
    Ok((positive, negative))
}

/// The same two sums in `f64`, for flows whose compounded values overflow a Decimal.
fn mirr_sums_f64(values: &[Decimal], finance_growth: f64, reinvest_growth: f64) -> (f64, f64) {
    let flows = values.iter().copied().map(units::to_f64_lossy);
    let positive = flows
        .clone()
        .fold(0.0, |acc, v| acc * reinvest_growth + v.max(0.0));
    let negative = flows
        .rev()
        .fold(0.0, |acc, v| acc / finance_growth + v.min(0.0));
    (positive, negative)
}

/// The modified internal rate of return, as Excel's
/// `MIRR(values, finance_rate, reinvest_rate)`: outflows are financed at `finance_rate`,
/// inflows reinvested at `reinvest_rate`,
///
/// `MIRR = (−FV⁺ / PV⁻)^(1/(n−1)) − 1`, with
/// `FV⁺ = Σ max(vᵢ, 0)·(1 + rr)^(n−1−i)` and `PV⁻ = Σ min(vᵢ, 0) / (1 + fr)^i`, `i = 0 … n−1`,
///
/// - `values` (`vᵢ`): the flows, one a period, the first now; at least one positive and
///   one negative;
/// - `finance_rate` (`fr`): the rate paid on the money invested (any value but −1);
/// - `reinvest_rate` (`rr`): the rate earned on the money received.
///
/// `FV⁺` and `PV⁻` are exact [`Decimal`] (whole powers by Horner's rule; only the
/// divisions by `1 + fr` round, at 28 digits); the `(n−1)`-th root is irrational and taken
/// in `f64`, then converted to [`Decimal`] once (for two flows there is no root to take,
/// and the result is exact). Where `FV⁺` or `PV⁻` overflow a Decimal,
/// both are computed in `f64` instead.
///
/// # Errors
/// - [`FinanceError::DivisionByZero`] on `values` when they are not at least one positive
///   and one negative (Excel: `#DIV/0!`), on `finance_rate` when it is −1 (Excel:
///   `#DIV/0!`);
/// - [`FinanceError::Domain`] on `reinvest_rate` when `FV⁺` is negative (a reinvestment
///   rate below −1 compounds to a negative value, which has no real root);
/// - [`FinanceError::Overflow`] on `values` when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a 120,000 loan at 10 %, returns of 39,000, 30,000,
/// 21,000, 37,000 and 46,000 reinvested at 12 %: `=MIRR(A2:A7, A8, A9)` is 12.6 %.
/// ```
/// use gpuecon::{finance::mirr, Decimal};
/// let flows = [-120_000, 39_000, 30_000, 21_000, 37_000, 46_000].map(Decimal::from);
/// let rate = mirr(&flows, Decimal::new(10, 2), Decimal::new(12, 2))?;
/// assert_eq!(rate.round_dp(3), Decimal::new(126, 3));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn mirr(
    values: &[Decimal],
    finance_rate: Decimal,
    reinvest_rate: Decimal,
) -> Result<Decimal, FinanceError> {
    let has_positive = values.iter().any(|v| *v > Decimal::ZERO);
    let has_negative = values.iter().any(|v| *v < Decimal::ZERO);
    if !(has_positive && has_negative) {
        return Err(FinanceError::DivisionByZero { field: "values" });
    }
    let finance_growth = units::add(Decimal::ONE, finance_rate, "finance_rate")?;
    if finance_growth.is_zero() {
        return Err(FinanceError::DivisionByZero {
            field: "finance_rate",
        });
    }
    let reinvest_growth = units::add(Decimal::ONE, reinvest_rate, "reinvest_rate")?;
    let ratio = match mirr_sums(values, finance_growth, reinvest_growth) {
        Ok((positive, negative)) => match units::div(-positive, negative, "values") {
            // Two flows: the root is the ratio itself, exact in Decimal.
            Ok(ratio) if values.len() == 2 && ratio >= Decimal::ZERO => {
                return units::sub(ratio, Decimal::ONE, "values");
            }
            Ok(ratio) => units::to_f64_lossy(ratio),
            Err(FinanceError::Overflow { .. }) => {
                -units::to_f64_lossy(positive) / units::to_f64_lossy(negative)
            }
            Err(other) => return Err(other),
        },
        Err(FinanceError::Overflow { .. }) => {
            let (positive, negative) = mirr_sums_f64(
                values,
                units::to_f64_lossy(finance_growth),
                units::to_f64_lossy(reinvest_growth),
            );
            -positive / negative
        }
        Err(other) => return Err(other),
    };
    if ratio < 0.0 || ratio.is_nan() {
        return Err(FinanceError::Domain {
            field: "reinvest_rate",
            reason: "compounds the positive flows to a negative value (a rate below -1)",
        });
    }
    let periods = units::to_f64_lossy(Decimal::from(values.len())) - 1.0;
    units::decimal_from_f64(libm::pow(ratio, 1.0 / periods) - 1.0, "values")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn flows(values: &[i64]) -> Vec<Decimal> {
        values.iter().copied().map(Decimal::from).collect()
    }

    #[test]
    fn npv_microsoft_second_example() {
        // =NPV(8%, B3:B7) + B2 = 1,922.06 and =NPV(8%, B3:B7, -9000) + B2 = -3,749.47.
        let later = flows(&[8_000, 9_200, 10_000, 12_000, 14_500]);
        let value = npv(Decimal::new(8, 2), &later).unwrap() - Decimal::from(40_000);
        assert_eq!(value.round_dp(2), Decimal::new(192_206, 2));
        let mut with_loss = later.clone();
        with_loss.push(Decimal::from(-9_000));
        let value = npv(Decimal::new(8, 2), &with_loss).unwrap() - Decimal::from(40_000);
        assert_eq!(value.round_dp(2), Decimal::new(-374_947, 2));
    }

    #[test]
    fn npv_is_exact_where_the_factor_is() {
        // r = 25 %: d = 0.8 exactly; 100·0.8 + 100·0.64 = 144.
        assert_eq!(
            npv(Decimal::new(25, 2), &flows(&[100, 100])),
            Ok(Decimal::from(144))
        );
        // r = 0: the plain sum.
        assert_eq!(npv(Decimal::ZERO, &flows(&[1, 2, 3])), Ok(Decimal::from(6)));
    }

    #[test]
    fn npv_errors() {
        assert_eq!(
            npv(Decimal::NEGATIVE_ONE, &flows(&[1])),
            Err(FinanceError::DivisionByZero { field: "rate" })
        );
        assert_eq!(npv(Decimal::ONE, &[]).unwrap_err().field(), "values");
        assert_eq!(npv_at_t0(Decimal::ONE, &[]).unwrap_err().field(), "values");
        assert_eq!(
            npv(Decimal::new(-99, 2), &[Decimal::MAX, Decimal::MAX]),
            Err(FinanceError::Overflow { field: "values" })
        );
    }

    #[test]
    fn npv_at_t0_does_not_discount_the_first_flow() {
        assert_eq!(
            npv_at_t0(Decimal::NEGATIVE_ONE, &flows(&[5])),
            Ok(Decimal::from(5))
        );
        // −100 + 110/1.1 = 0.
        let value = npv_at_t0(Decimal::new(1, 1), &flows(&[-100, 110])).unwrap();
        assert!(value.abs() < Decimal::new(1, 20), "{value}");
    }

    #[test]
    fn whole_years_are_exact_in_xnpv() {
        let dates =
            [(2021, 1, 1), (2022, 1, 1)].map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap());
        // 2021-01-01 to 2022-01-01 is 365 days: −100 + 125/1.25 = 0 exactly.
        assert_eq!(
            xnpv(Decimal::new(25, 2), &flows(&[-100, 125]), &dates),
            Ok(Decimal::ZERO)
        );
    }

    #[test]
    fn xnpv_errors() {
        let dates =
            [(2021, 1, 1), (2022, 1, 1)].map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(
            xnpv(Decimal::NEGATIVE_ONE, &flows(&[-100, 125]), &dates)
                .unwrap_err()
                .field(),
            "rate"
        );
        assert_eq!(
            xnpv(Decimal::ONE, &flows(&[-100]), &dates)
                .unwrap_err()
                .field(),
            "dates"
        );
    }

    #[test]
    fn mirr_errors() {
        assert_eq!(
            mirr(&flows(&[1, 2]), Decimal::ZERO, Decimal::ZERO),
            Err(FinanceError::DivisionByZero { field: "values" })
        );
        assert_eq!(
            mirr(&flows(&[-1, 2]), Decimal::NEGATIVE_ONE, Decimal::ZERO),
            Err(FinanceError::DivisionByZero {
                field: "finance_rate"
            })
        );
    }

    #[test]
    fn fixed_point_agrees_with_decimal_division() {
        let monthly: Vec<Decimal> = std::iter::once(Decimal::from(-50_000))
            .chain(
                (1_i64..144)
                    .map(|m| Decimal::from(1_200) + Decimal::new((m * 7_919) % 20_001 - 10_000, 2)),
            )
            .collect();
        for (rate, values) in [
            (Decimal::new(8, 3), monthly.clone()),
            (Decimal::new(1, 1), flows(&[-10_000, 3_000, 4_200, 6_800])),
            (Decimal::new(123_456_789, 9), monthly.clone()),
            (Decimal::new(-5, 2), monthly.clone()),
            (
                Decimal::new(25, 2),
                vec![Decimal::new(1, 28), Decimal::new(-3, 27)],
            ),
            (
                Decimal::ZERO,
                vec![Decimal::from(1_000_000_000_000_i64); 100],
            ),
        ] {
            let growth = Decimal::ONE + rate;
            let fast = super::fixed_point::discounted_sum(growth, &values).expect("applies");
            let slow = discounted_sum_decimal(growth, &values).unwrap();
            let scale: Decimal = values.iter().map(|v| v.abs()).sum();
            assert!(
                (fast - slow).abs() <= scale * Decimal::new(1, 24) + Decimal::new(1, 26),
                "rate {rate}: {fast} vs {slow}"
            );
        }
        // Where it does not apply, the caller falls back.
        assert!(super::fixed_point::discounted_sum(Decimal::new(-5, 1), &flows(&[1])).is_none());
        assert!(
            super::fixed_point::discounted_sum(Decimal::new(1_234_567_890_123, 12), &flows(&[1]))
                .is_none()
        );
        assert!(
            super::fixed_point::discounted_sum(Decimal::ONE, &[Decimal::MAX, Decimal::MAX])
                .is_none()
        );
    }

    proptest::proptest! {
        #[test]
        fn fixed_point_matches_decimal_division(
            rate in (-9_000_i64..50_000).prop_map(|bp| Decimal::new(bp, 4)),
            cents in proptest::collection::vec(-10_000_000_000_i64..10_000_000_000, 1..200),
        ) {
            let values: Vec<Decimal> = cents.into_iter().map(|c| Decimal::new(c, 2)).collect();
            let growth = Decimal::ONE + rate;
            let slow = discounted_sum_decimal(growth, &values);
            if let Some(fast) = super::fixed_point::discounted_sum(growth, &values) {
                let slow = slow.unwrap();
                let scale = npv_magnitude(growth, &values);
                proptest::prop_assert!(
                    (fast - slow).abs() <= scale * Decimal::new(1, 24) + Decimal::new(1, 25),
                    "rate {}: {} vs {}", rate, fast, slow
                );
            }
        }
    }

    /// `Σ|vᵢ| / gⁱ⁺¹` in f64 as a Decimal: the size of the numbers summed.
    fn npv_magnitude(growth: Decimal, values: &[Decimal]) -> Decimal {
        let g = units::to_f64_lossy(growth);
        let magnitude = values
            .iter()
            .rev()
            .fold(0.0, |acc, v| (acc + units::to_f64_lossy(v.abs())) / g);
        Decimal::from_f64_retain(magnitude).unwrap_or(Decimal::MAX)
    }

    #[test]
    fn limb_arithmetic_is_exact() {
        for d in [
            1_u64,
            2,
            3,
            7,
            10,
            1_008,
            65_537,
            999_999_937,
            u64::from(u32::MAX),
        ] {
            for f in [1_u64, 10, 1_000, 1_000_000_000] {
                for x in [
                    0_u128,
                    1,
                    12_345_678_901_234_567_890,
                    u128::MAX / 1_000_000_000 - 7,
                ] {
                    let exact = x * u128::from(f);
                    assert_eq!(
                        fixed_point::multiply_divide(x, f, d),
                        Some((
                            exact / u128::from(d),
                            u64::try_from(exact % u128::from(d)).unwrap()
                        )),
                        "{x} * {f} / {d}"
                    );
                }
            }
        }
        assert_eq!(fixed_point::multiply_divide(u128::MAX, 10, 1), None);
        assert_eq!(fixed_point::multiply_divide(5, 1, 0), None);
    }
}

//! Declining-balance depreciation, as Excel's `DB`, `DDB` and `VDB`: each period
//! depreciates a fixed fraction of the book value left.
//!
//! Symbols: `C` the cost, `S` the salvage value, `L` the life in periods, `p` the period,
//! `k` the factor (2 for double-declining), `d = k/L` the declining rate.
//!
//! Which schedules reach the salvage value exactly:
//! - `DDB` never depreciates below `S` (a period's amount is capped at what is left above
//!   `S`), but it stops above `S` when the geometric decline is too slow to get there in
//!   `L` periods (with `S = 0` it never gets there);
//! - `VDB` with the switch to straight line (the default) ends at `S` exactly: once the
//!   straight line over the remaining life beats the declining balance, it spreads what
//!   is left evenly;
//! - `DB` uses a rate rounded to three decimals, so its schedule ends near `S`, not at it.

use super::time_value::powi;
use crate::{Decimal, FinanceError, units};

/// The most whole periods `VDB` walks (its definition is a period-by-period recurrence).
/// 100,000 periods is over 8,000 years of months.
pub const VDB_MAX_PERIODS: u32 = 100_000;

fn domain(field: &'static str, reason: &'static str) -> FinanceError {
    FinanceError::Domain { field, reason }
}

fn positive(value: Decimal, field: &'static str) -> Result<(), FinanceError> {
    if value > Decimal::ZERO {
        Ok(())
    } else {
        Err(domain(field, "must be greater than 0"))
    }
}

fn not_negative(value: Decimal, field: &'static str) -> Result<(), FinanceError> {
    if value.is_sign_negative() && !value.is_zero() {
        Err(domain(field, "must not be negative"))
    } else {
        Ok(())
    }
}

/// Fixed-declining-balance depreciation for one period, as Excel's
/// `DB(cost, salvage, life, period, [month])`.
///
/// With `C` the cost, `S` the salvage value and `L` the life, the rate is
/// `d = 1 − (S/C)^(1/L)`, rounded to three decimals (Excel does, and so the
/// schedule ends near `S`, not at it). With `m` the months in the first year (default 12):
/// - period 1 (and any `period < 2`): `C·d·m/12`;
/// - periods `2 ≤ p ≤ L`: `d` times the book value left, that is
///   `(C − C·d·m/12)·(1 − d)^(p−2)·d`;
/// - the period after the life (`L < p ≤ L + 1`, when `m < 12` leaves a part year):
///   `(C − C·d·m/12)·(1 − d)^(⌊L⌋−1)·d·(12 − m)/12`.
///
/// A fractional `period` counts as its whole part (the Excel oracle: 1.7 gives period 1's
/// value, 11.3 period 11's). The root `(S/C)^(1/L)` is irrational: it is computed in `f64`
/// and converted once, then rounded to three decimals; everything after is exact
/// [`Decimal`] arithmetic, the power `(1 − d)^j` by repeated squaring (no loop over the
/// periods, as Excel's own definition has).
///
/// # Errors
/// - [`FinanceError::Domain`] on `cost` when it is not greater than 0, on `salvage` when
///   negative, on `life` when not greater than 0, on `period` when not in `(0, L + 1]`, and
///   on `month` when not in `[1, 12]` (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when a value does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a $1,000,000 machine with a $100,000 salvage value, a
/// 6-year life and 7 months in the first year: `=DB(1000000, 100000, 6, 1, 7)` is
/// $186,083.33 and `=DB(1000000, 100000, 6, 7, 7)`, the last 5 months, $15,845.10.
/// ```
/// use gpuecon::{finance::db, Decimal};
/// let first = db(1_000_000.into(), 100_000.into(), 6.into(), 1.into(), Some(7.into()))?;
/// assert_eq!(first.round_dp(2), Decimal::new(18_608_333, 2));
/// let last = db(1_000_000.into(), 100_000.into(), 6.into(), 7.into(), Some(7.into()))?;
/// assert_eq!(last.round_dp(2), Decimal::new(1_584_510, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn db(
    cost: Decimal,
    salvage: Decimal,
    life: Decimal,
    period: Decimal,
    month: Option<Decimal>,
) -> Result<Decimal, FinanceError> {
    let month = month.unwrap_or(units::MONTHS_PER_YEAR);
    positive(cost, "cost")?;
    not_negative(salvage, "salvage")?;
    positive(life, "life")?;
    let last_period = units::add(life, Decimal::ONE, "life")?;
    if period <= Decimal::ZERO || period > last_period {
        return Err(domain(
            "period",
            "must be greater than 0 and at most life + 1",
        ));
    }
    if month < Decimal::ONE || month > units::MONTHS_PER_YEAR {
        return Err(domain("month", "must be between 1 and 12"));
    }

    // f64: the L-th root of S/C, as Excel computes it; then rounded to 0.001.
    let ratio = units::to_f64_lossy(units::div(salvage, cost, "cost")?);
    let root = libm::pow(ratio, 1.0 / units::to_f64_lossy(life));
    let rate = units::decimal_from_f64(1.0 - root, "life")?
        .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::MidpointAwayFromZero);

    let first = units::div(
        units::mul(units::mul(cost, rate, "cost")?, month, "month")?,
        units::MONTHS_PER_YEAR,
        "month",
    )?;
    if period.floor() <= Decimal::ONE {
        return Ok(first);
    }
    let after_first = units::sub(cost, first, "cost")?;
    let keep = units::sub(Decimal::ONE, rate, "life")?;
    let whole = life.min(period).floor();
    if period > life {
        // The part year after the life: the months the first year did not have.
        let exponent = units::sub(whole, Decimal::ONE, "life")?.max(Decimal::ZERO);
        let left = units::mul(after_first, powi(keep, exponent)?, "life")?;
        let months_left = units::sub(units::MONTHS_PER_YEAR, month, "month")?;
        let amount = units::mul(units::mul(left, rate, "cost")?, months_left, "month")?;
        units::div(amount, units::MONTHS_PER_YEAR, "month")
    } else {
        let exponent = units::sub(whole, Decimal::TWO, "period")?;
        let left = units::mul(after_first, powi(keep, exponent)?, "period")?;
        units::mul(left, rate, "cost")
    }
}

/// The declining-balance schedule at rate `d = k/L`, walked period by period from a whole
/// period `p` (from 1). The book value `v = C·(1 − d)^(p−1)` is found once by repeated
/// squaring and then carried from one period to the next, one multiplication a period.
struct Declining {
    salvage: Decimal,
    factor: Decimal,
    life: Decimal,
    /// `1 − d`, or `None` when `d ≥ 1` (everything goes in period 1).
    keep: Option<Decimal>,
    /// The book value before the current period, as the geometric decline has it.
    value: Decimal,
    period: Decimal,
}

impl Declining {
    fn starting_at(
        cost: Decimal,
        salvage: Decimal,
        factor: Decimal,
        life: Decimal,
        period: Decimal,
    ) -> Result<Self, FinanceError> {
        let rate = units::div(factor, life, "life")?;
        let (keep, value) = if rate >= Decimal::ONE {
            (None, cost)
        } else {
            let keep = units::sub(Decimal::ONE, rate, "factor")?;
            let exponent = units::sub(period, Decimal::ONE, "period")?;
            (Some(keep), units::mul(cost, powi(keep, exponent)?, "cost")?)
        };
        Ok(Self {
            salvage,
            factor,
            life,
            keep,
            value,
            period,
        })
    }

    /// The current period's amount: `v·k/L` (multiplied before dividing, so that
    /// `2400·2/120` is exactly 40), capped at `v − S` and never negative. With `d ≥ 1` the
    /// whole `C − S` in period 1 and nothing after.
    fn amount(&self) -> Result<Decimal, FinanceError> {
        let amount = match self.keep {
            None if self.period == Decimal::ONE => units::sub(self.value, self.salvage, "salvage")?,
            None => Decimal::ZERO,
            Some(_) => {
                let declining = units::div(
                    units::mul(self.value, self.factor, "cost")?,
                    self.life,
                    "life",
                )?;
                declining.min(units::sub(self.value, self.salvage, "salvage")?)
            }
        };
        Ok(amount.max(Decimal::ZERO))
    }

    /// Moves to the next period.
    fn advance(&mut self) -> Result<(), FinanceError> {
        if let Some(keep) = self.keep {
            self.value = units::mul(self.value, keep, "cost")?;
        }
        self.period = units::add(self.period, Decimal::ONE, "period")?;
        Ok(())
    }
}

/// Double-declining-balance (or any factor) depreciation for one period, as Excel's
/// `DDB(cost, salvage, life, period, [factor])`.
///
/// With `d = k/L` (`k` = `factor`, default 2) and the book value before the period
/// `v = C·(1 − d)^(p−1)`: `DDB = max(0, min(v·d, v − S))`, so the book value never falls
/// below `S` (`C` the cost, `S` the salvage value, `L` the life). When `d ≥ 1` the whole
/// `C − S` goes in period 1. The schedule need not reach `S`: a geometric decline gets
/// there only if it is fast enough (with `S = 0` it never does); [`vdb`] switches to the
/// straight line to get there.
///
/// A fractional `period` counts as the whole period it falls in (rounded up: the Excel
/// oracle gives period 0.3 the value of period 1). Exact [`Decimal`] arithmetic, the power
/// by repeated squaring; no `f64`.
///
/// # Errors
/// - [`FinanceError::Domain`] on `cost` or `salvage` when negative, on `life` and `factor`
///   when not greater than 0, and on `period` when not in `(0, life]` (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when a value does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a $2,400 machine, $300 salvage, 10-year life:
/// `=DDB(2400, 300, 10*365, 1)` is $1.32 on the first day, `=DDB(2400, 300, 10, 1, 2)`
/// $480.00 in the first year, and `=DDB(2400, 300, 10, 10)` $22.12 in the tenth.
/// ```
/// use gpuecon::{finance::ddb, Decimal};
/// let day = ddb(2_400.into(), 300.into(), 3_650.into(), 1.into(), None)?;
/// assert_eq!(day.round_dp(2), Decimal::new(132, 2));
/// assert_eq!(ddb(2_400.into(), 300.into(), 10.into(), 1.into(), Some(2.into()))?, Decimal::from(480));
/// let tenth = ddb(2_400.into(), 300.into(), 10.into(), 10.into(), None)?;
/// assert_eq!(tenth.round_dp(2), Decimal::new(2_212, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn ddb(
    cost: Decimal,
    salvage: Decimal,
    life: Decimal,
    period: Decimal,
    factor: Option<Decimal>,
) -> Result<Decimal, FinanceError> {
    let factor = factor.unwrap_or(Decimal::TWO);
    not_negative(cost, "cost")?;
    not_negative(salvage, "salvage")?;
    positive(life, "life")?;
    positive(factor, "factor")?;
    if period <= Decimal::ZERO || period > life {
        return Err(domain("period", "must be greater than 0 and at most life"));
    }
    Declining::starting_at(cost, salvage, factor, life, period.ceil())?.amount()
}

/// Depreciation over the first `periods` periods (the last possibly a fraction) of an
/// asset worth `cost`, declining at `factor/life` until the straight line over the
/// `remaining_life` gives more, then straight line. Excel's recurrence, period by period.
fn switching_total(
    cost: Decimal,
    salvage: Decimal,
    factor: Decimal,
    life: Decimal,
    remaining_life: Decimal,
    periods: Decimal,
) -> Result<Decimal, FinanceError> {
    let last = periods.ceil();
    let count = u32::try_from(last).map_err(|_| domain("end_period", "too many periods"))?;
    // The last period counts only by the fraction of it inside `periods`.
    let fraction = units::sub(
        units::add(periods, Decimal::ONE, "end_period")?,
        last,
        "end_period",
    )?;
    let mut total = Decimal::ZERO;
    let mut left = units::sub(cost, salvage, "salvage")?;
    let mut schedule = Declining::starting_at(cost, salvage, factor, life, Decimal::ONE)?;
    for i in 1..=count {
        let i = Decimal::from(i);
        let declining = schedule.amount()?;
        schedule.advance()?;
        let periods_left =
            units::sub(remaining_life, units::sub(i, Decimal::ONE, "life")?, "life")?;
        let straight = units::div(left, periods_left, "life")?;
        if straight > declining {
            // From here on every period takes the same straight-line amount: the periods
            // i..last-1 in full and the last by its fraction.
            let full = units::sub(last, i, "end_period")?;
            let weight = units::add(full, fraction, "end_period")?;
            return units::add(total, units::mul(straight, weight, "cost")?, "cost");
        }
        let term = if i == last {
            units::mul(declining, fraction, "cost")?
        } else {
            declining
        };
        total = units::add(total, term, "cost")?;
        left = units::sub(left, declining, "cost")?;
    }
    Ok(total)
}

/// Variable-declining-balance depreciation between two points of an asset's life, as
/// Excel's `VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])`.
///
/// Period by period, the declining amount is `max(0, min(v·d, v − S))` with `d = k/L`
/// (`k` = `factor`, default 2, `L` the life, `S` the salvage value) and `v` the book
/// value. Unless `no_switch` is true (default false), the schedule switches to the
/// straight line `(v − S)/(periods left)` in the first period where that is larger, and
/// stays on it. A fractional start or end
/// counts that fraction of its period, with Excel's own rule:
/// - with `no_switch`, the first and last periods' declining amounts are scaled by the
///   fraction of them inside `[start_period, end_period]`;
/// - with the switch, Excel computes the depreciation over the whole periods
///   `[⌊start⌋, ⌈end⌉]` on the book value at `⌊start⌋` and the life left then, and
///   subtracts the fractional parts at either end, each computed as a one-period schedule
///   restarted at that period's book value.
///
/// Either way a fraction of a period gets that fraction of the period's amount, so
/// fractional ranges do not follow a continuous (exponential) decline within a period:
/// `VDB(0, 0.5)` is exactly half of `VDB(0, 1)`. gpuecon reproduces Excel's rule; the Excel
/// oracle's 2,546 rows (fractional starts, ends and lives, both switch modes) all pass. The
/// design notes warned that with the switch and fractional periods VDB "does not add up";
/// with Excel's rule as reproduced here the laws hold: `VDB(a, b) + VDB(b, c) = VDB(a, c)`
/// on quarter-period points in both modes, and over the whole life with the switch the
/// total is `cost − salvage`, fractional lives included (property tests in
/// `core/tests/laws_depreciation.rs`).
///
/// Exact [`Decimal`] arithmetic; no `f64`. At most [`VDB_MAX_PERIODS`] periods.
///
/// # Errors
/// - [`FinanceError::Domain`] on `cost` or `salvage` when negative, on `life` and `factor`
///   when not greater than 0, on `start_period` when negative, and on `end_period` when
///   below `start_period`, above `life` or beyond [`VDB_MAX_PERIODS`] (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when a value does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a $2,400 machine, $300 salvage, 10-year life.
/// `=VDB(2400, 300, 10, 0, 1)` is $480.00 (the first year) and
/// `=VDB(2400, 300, 10*12, 6, 18)`, months 6 to 18, $396.31.
/// ```
/// use gpuecon::{finance::vdb, Decimal};
/// let year = vdb(2_400.into(), 300.into(), 10.into(), 0.into(), 1.into(), None, None)?;
/// assert_eq!(year, Decimal::from(480));
/// let months = vdb(2_400.into(), 300.into(), 120.into(), 6.into(), 18.into(), None, None)?;
/// assert_eq!(months.round_dp(2), Decimal::new(39_631, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn vdb(
    cost: Decimal,
    salvage: Decimal,
    life: Decimal,
    start_period: Decimal,
    end_period: Decimal,
    factor: Option<Decimal>,
    no_switch: Option<bool>,
) -> Result<Decimal, FinanceError> {
    let factor = factor.unwrap_or(Decimal::TWO);
    not_negative(cost, "cost")?;
    not_negative(salvage, "salvage")?;
    positive(life, "life")?;
    positive(factor, "factor")?;
    not_negative(start_period, "start_period")?;
    if end_period < start_period || end_period > life {
        return Err(domain(
            "end_period",
            "must be at least start_period and at most life",
        ));
    }
    if end_period > Decimal::from(VDB_MAX_PERIODS) {
        return Err(domain("end_period", "must be at most 100,000 periods"));
    }
    let first = start_period.floor();
    let last = end_period.ceil();

    if no_switch.unwrap_or(false) {
        let mut total = Decimal::ZERO;
        let mut i = units::add(first, Decimal::ONE, "start_period")?;
        let mut schedule = Declining::starting_at(cost, salvage, factor, life, i)?;
        while i <= last {
            let mut term = schedule.amount()?;
            schedule.advance()?;
            if i == first + Decimal::ONE {
                let inside = end_period.min(i) - start_period;
                term = units::mul(term, inside, "cost")?;
            } else if i == last {
                let inside = end_period + Decimal::ONE - last;
                term = units::mul(term, inside, "cost")?;
            }
            total = units::add(total, term, "cost")?;
            i += Decimal::ONE;
        }
        return Ok(total);
    }

    // Book value at the start of whole period `at` (from 0), following the schedule.
    let value_at = |at: Decimal| -> Result<Decimal, FinanceError> {
        units::sub(
            cost,
            switching_total(cost, salvage, factor, life, life, at)?,
            "cost",
        )
    };
    let mut part = Decimal::ZERO;
    if start_period != first {
        let value = value_at(first)?;
        let one = switching_total(value, salvage, factor, life, life - first, Decimal::ONE)?;
        part = units::add(part, units::mul(start_period - first, one, "cost")?, "cost")?;
    }
    if end_period != last {
        let before_last = last - Decimal::ONE;
        let value = value_at(before_last)?;
        let one = switching_total(
            value,
            salvage,
            factor,
            life,
            life - before_last,
            Decimal::ONE,
        )?;
        part = units::add(part, units::mul(last - end_period, one, "cost")?, "cost")?;
    }
    let value = value_at(first)?;
    let whole = switching_total(value, salvage, factor, life, life - first, last - first)?;
    units::sub(whole, part, "cost")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn db_rounds_its_rate_to_three_decimals() {
        // 1 − (100,000/1,000,000)^(1/6) = 0.31870..., rounded 0.319;
        // year 2: (1,000,000 − 186,083.33...)·0.319 = 259,639.41...
        let second = db(d("1000000"), d("100000"), d("6"), d("2"), Some(d("7"))).unwrap();
        assert_eq!(second.round_dp(2), d("259639.42"));
    }

    #[test]
    fn ddb_never_goes_below_salvage() {
        // Cost 100, salvage 60, life 5: 40, then capped at the 0 left above 60.
        assert_eq!(ddb(d("100"), d("60"), d("5"), d("1"), None), Ok(d("40")));
        assert_eq!(ddb(d("100"), d("60"), d("5"), d("2"), None), Ok(d("0")));
        // Rate 2/1 ≥ 1: everything in period 1.
        assert_eq!(ddb(d("100"), d("10"), d("1"), d("1"), None), Ok(d("90")));
    }

    #[test]
    fn vdb_switches_to_straight_line_and_reaches_salvage() {
        // Cost 100, salvage 0, life 5, factor 2: 40, 24, 14.4, then the straight line
        // over 2 periods (21.6/2 = 10.8 > 0.4·21.6 = 8.64): 10.8, 10.8.
        let years: Vec<_> = (0..5)
            .map(|y| {
                vdb(
                    d("100"),
                    d("0"),
                    d("5"),
                    y.into(),
                    (y + 1).into(),
                    None,
                    None,
                )
                .unwrap()
            })
            .collect();
        assert_eq!(years, ["40", "24", "14.4", "10.8", "10.8"].map(d));
        // Without the switch: 8.64 and 5.184 instead.
        let fourth = vdb(d("100"), d("0"), d("5"), d("3"), d("4"), None, Some(true)).unwrap();
        assert_eq!(fourth, d("8.64"));
    }

    #[test]
    fn vdb_checks_its_range() {
        assert!(vdb(d("100"), d("0"), d("5"), d("2"), d("1"), None, None).is_err());
        assert!(vdb(d("100"), d("0"), d("5"), d("0"), d("6"), None, None).is_err());
        assert!(vdb(d("100"), d("0"), d("5"), d("-1"), d("1"), None, None).is_err());
        let huge = d("1000000");
        assert!(vdb(d("100"), d("0"), huge, d("0"), huge, None, None).is_err());
    }
}

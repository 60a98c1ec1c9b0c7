//! Day counts: the share of a year each month's interest accrues for, from the loan's
//! calendar dates.
//!
//! Month `m` runs from the close plus `m − 1` months to the close plus `m` months (the
//! same day of the month, or the month's last day when it is shorter:
//! [`Date::checked_add_months`]). Its interest is
//!
//! ```text
//! ACT/360    balance × annual rate × actual days / 360   (floating loans: SOFR's own basis)
//! 30/360     balance × annual rate × 30 / 360            (fixed loans: every month is 1/12)
//! ACT/365F   balance × annual rate × actual days / 365
//! ```
//!
//! $10,000,000 at 10 % for a 31-day month: $86,111.11 (ACT/360), $83,333.33 (30/360),
//! $84,931.51 (ACT/365F). 30/360 counts each whole month of a monthly loan as 30 days (the
//! result of the ISDA 30E/360 rule and of 30/360 US for periods rolling on the same day),
//! so it needs no dates; the actual conventions need the close's date.

use serde::{Deserialize, Serialize};

use super::keep;
use super::rate::Interest;
use crate::models::ModelError;
use crate::models::check::Checker;
use crate::{Date, Decimal, units};

/// How a month's interest counts days, by its market name: `"act_360"`, `"30_360"`,
/// `"act_365f"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayCount {
    /// Actual days ÷ 360: the convention of SOFR and of floating-rate loan documents.
    #[serde(rename = "act_360")]
    Act360,
    /// 30 days a month ÷ 360 (1/12 a month): the convention of fixed-rate term loans.
    #[serde(rename = "30_360")]
    Thirty360,
    /// Actual days ÷ 365 (fixed, also in leap years).
    #[serde(rename = "act_365f")]
    Act365Fixed,
}

impl DayCount {
    /// The default for a rate: ACT/360 for a floating rate (SOFR accrues ACT/360), 30/360
    /// for a fixed one.
    ///
    /// ```
    /// use gpuecon::models::debt::{DayCount, Interest};
    /// use gpuecon::Decimal;
    /// let fixed = Interest::Fixed { annual_rate: Decimal::new(1, 1) };
    /// assert_eq!(DayCount::default_for(&fixed), DayCount::Thirty360);
    /// ```
    #[must_use]
    pub const fn default_for(interest: &Interest) -> Self {
        match interest {
            Interest::Fixed { .. } => Self::Thirty360,
            Interest::Floating { .. } => Self::Act360,
        }
    }

    /// Whether the convention counts actual days (and so needs the calendar).
    #[must_use]
    pub const fn is_actual(self) -> bool {
        !matches!(self, Self::Thirty360)
    }
}

/// One month's accrual period as a fraction of a year, `days ÷ basis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Period {
    /// Days counted: 30 under 30/360, else the month's actual days.
    pub(super) days: u32,
    /// Days in the year: 360 or 365.
    pub(super) basis: u32,
}

impl Period {
    /// The fraction reduced to lowest terms, as decimals: 30/360 is 1/12, so that a
    /// month's 30/360 interest is `amount × rate / 12` to the last digit.
    fn terms(self) -> (Decimal, Decimal) {
        let (mut a, mut b) = (self.days, self.basis);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        let g = a.max(1);
        (Decimal::from(self.days / g), Decimal::from(self.basis / g))
    }

    /// `amount × annual_rate × days ÷ basis`, unkept (the discounting's exact growth).
    pub(super) fn of(
        self,
        amount: Decimal,
        annual_rate: Decimal,
        field: &'static str,
    ) -> Result<Decimal, ModelError> {
        let (days, basis) = self.terms();
        let year = units::mul(amount, annual_rate, field)?;
        Ok(units::div(units::mul(year, days, field)?, basis, field)?)
    }

    /// `amount × annual_rate × days ÷ basis`, kept: a month's interest, fee or hedge
    /// settlement.
    pub(super) fn accrue(
        self,
        amount: Decimal,
        annual_rate: Decimal,
        field: &'static str,
    ) -> Result<Decimal, ModelError> {
        Ok(keep(self.of(amount, annual_rate, field)?))
    }

    /// `1 + annual_rate × days ÷ basis` as `(numerator, denominator)`: what a dollar owed at
    /// the start of the month has grown to at its end (the denominator is `basis` reduced).
    pub(super) fn growth(self, annual_rate: Decimal) -> Result<(Decimal, Decimal), ModelError> {
        let (days, basis) = self.terms();
        let numerator = units::add(
            basis,
            units::mul(annual_rate, days, "interest")?,
            "interest",
        )?;
        Ok((numerator, basis))
    }
}

/// Records a problem when an actual day count has no date to count from.
pub(super) fn check_calendar(
    c: &mut Checker,
    day_count: Option<DayCount>,
    start_date: Option<Date>,
) {
    if start_date.is_none() && day_count.is_some_and(DayCount::is_actual) {
        c.problem(
            "start_date",
            "is needed for an actual day count (act_360, act_365f)",
        );
    }
}

/// The accrual periods of months 1 to `months` of a loan that closes on `start_date`: the
/// stated day count, else [`DayCount::default_for`] the rate when the loan has dates, else
/// 30/360 (a loan without a calendar has only whole months).
///
/// # Errors
/// [`ModelError::Domain`] on `start_date` for an actual day count without it, or when the
/// months run past 9999-12-31.
pub(super) fn periods(
    interest: &Interest,
    day_count: Option<DayCount>,
    start_date: Option<Date>,
    months: u32,
) -> Result<Vec<Period>, ModelError> {
    let Some(start) = start_date else {
        if day_count.is_some_and(DayCount::is_actual) {
            return Err(ModelError::domain(
                "start_date",
                "is needed for an actual day count (act_360, act_365f)",
            ));
        }
        return Ok(vec![thirty(); usize::try_from(months).unwrap_or_default()]);
    };
    let convention = day_count.unwrap_or_else(|| DayCount::default_for(interest));
    let past = || ModelError::domain("start_date", "runs past 9999-12-31");
    let mut periods = Vec::with_capacity(usize::try_from(months).unwrap_or_default());
    let mut from = start;
    for month in 1..=months {
        let to = start.checked_add_months(month).ok_or_else(past)?;
        let days = u32::try_from(to.days_since(from)).map_err(|_| past())?;
        periods.push(match convention {
            DayCount::Thirty360 => thirty(),
            DayCount::Act360 => Period { days, basis: 360 },
            DayCount::Act365Fixed => Period { days, basis: 365 },
        });
        from = to;
    }
    Ok(periods)
}

/// A 30/360 month.
const fn thirty() -> Period {
    Period {
        days: 30,
        basis: 360,
    }
}

/// What a loan's month accrues at.
#[derive(Debug, Clone, Copy)]
pub(super) struct MonthTerms {
    /// The loan's annual rate: fixed, or `max(SOFR, floor) + spread`.
    pub(super) annual_rate: Decimal,
    /// SOFR as quoted (what hedges settle on); `None` for a fixed rate.
    pub(super) sofr: Option<Decimal>,
    /// The accrual period.
    pub(super) period: Period,
}

/// The terms of months 1 to `months` of a loan whose rate is `interest`, closing on
/// `start_date`, counting days as `day_count` (see [`periods`]). Errors are named relative
/// to the loan (`interest.…`, `start_date`).
pub(super) fn month_terms(
    interest: &Interest,
    day_count: Option<DayCount>,
    start_date: Option<Date>,
    months: u32,
) -> Result<Vec<MonthTerms>, ModelError> {
    let rates = interest
        .annual_rates(months)
        .map_err(|e| e.within("interest"))?;
    let periods = periods(interest, day_count, start_date, months)?;
    Ok((1..=months)
        .zip(rates)
        .zip(periods)
        .map(|((month, annual_rate), period)| MonthTerms {
            annual_rate,
            sofr: interest.sofr_in(month),
            period,
        })
        .collect())
}

/// The share of a year each of months 1 to `months` accrues for, as `(days, basis)` in
/// lowest terms (30/360 is `(1, 12)`; a 31-day month under ACT/360 `(31, 360)`): the
/// convention [`debt_schedule`](super::debt_schedule) uses for a loan at `interest`
/// closing on `start_date`, with `day_count` (default by the rate; 30/360 without a date).
///
/// # Errors
/// [`ModelError::Domain`] on `start_date` for an actual day count without it or past
/// 9999-12-31.
///
/// # Example
/// A floating loan closing on 2026-01-01 accrues ACT/360: January has 31 days.
/// ```
/// use gpuecon::models::debt::{year_fractions, CreditTier, Interest};
/// use gpuecon::{Date, Decimal};
/// let rate = Interest::Floating {
///     sofr_annual_rates: vec![Decimal::new(43, 3)],
///     credit_tier: CreditTier::OtherInvestmentGrade,
///     spread_annual_rate: None,
///     sofr_floor_annual_rate: None,
/// };
/// let start = Date::from_ymd_opt(2026, 1, 1);
/// let fractions = year_fractions(&rate, None, start, 2)?;
/// assert_eq!(fractions, [(Decimal::from(31), Decimal::from(360)), (Decimal::from(7), Decimal::from(90))]);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn year_fractions(
    interest: &Interest,
    day_count: Option<DayCount>,
    start_date: Option<Date>,
    months: u32,
) -> Result<Vec<(Decimal, Decimal)>, ModelError> {
    Ok(periods(interest, day_count, start_date, months)?
        .into_iter()
        .map(Period::terms)
        .collect())
}

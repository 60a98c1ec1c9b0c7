//! [`book_schedule`]: monthly book depreciation by the kernel's methods.
//!
//! The annual methods reuse the Excel functions of [`finance`] for each year's charge and
//! spread it evenly over the year's 12 months (`charge / 12` a month):
//!
//! ```text
//! straight_line          year y: SLN(C, S, L)                      (× the fraction of a last part year)
//! declining_balance      period p: DB(C, S, L, p, m)               (period 1 has m months, period L + 1
//!                                                                    the other 12 − m, the rest 12)
//! double_declining       year y: DDB(C, S, L, y, k)                (× the fraction of a last part year)
//! sum_of_years_digits    year y: SYD(C, S, L, y)
//! vdb                    year y: VDB(C, S, L, y − 1, min(y, L), k, no_switch)
//! macrs                  tax year y: MACRS(C, class, y), y = 1 … class + 1
//! units_of_production    month m: (C − S) × uₘ / U                (uₘ the units that month, U the total)
//! book value             Bₘ = max(floor, C − Σ depreciation to m),  floor = S (0 for MACRS)
//! ```
//!
//! (`C` the cost, `S` the salvage value, `L` the life in years, `k` the factor.)
//!
//! - **Book value** never falls below the floor and never rises. After the life nothing
//!   more is depreciated: the book value stays at `S` for the methods whose definition ends
//!   there (straight line, SYD, VDB with the switch to straight line, units of production
//!   once every unit is used), and at 0 for MACRS. DB, DDB and VDB without the switch end
//!   where the kernel's definition ends them, which may be above `S` (a geometric decline
//!   reaches `S` only if it is fast enough; DB's rate is rounded to three decimals) and
//!   the book value stays there.
//! - **Exact totals**: for straight line, SYD, VDB with the switch and MACRS the month
//!   that completes the life sets the book value to the floor exactly, absorbing the last
//!   digit of the kernel's 28-digit divisions, so the total is exactly `C − S` (`C` for
//!   MACRS).
//! - **Lives**: any life greater than 0 for straight line, DDB and VDB (5.5 years is 66
//!   months; a last part year gets its fraction of the year's charge, as VDB defines it);
//!   whole years for SYD and DB (Excel's definitions are for whole periods). MACRS follows
//!   its class (half-year convention: `class + 1` tax years of 12 months) and ignores
//!   `life_years` and the salvage value, as the tax tables do; units of production ignores
//!   `life_years`.

use serde::{Deserialize, Serialize};

use crate::finance::{self, MacrsClass};
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, MONTHS_PER_YEAR};
use crate::{Decimal, FinanceError};

/// The depreciation method. Its JSON form is tagged by `kind`:
/// `{ "kind": "double_declining", "factor": 2 }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum BookMethod {
    /// `SLN`: the same charge every year.
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    StraightLine,
    /// `DB`: Excel's fixed declining balance, its rate rounded to three decimals.
    DecliningBalance {
        /// Months in the first year, 1 to 12 (default 12): Excel's `month` argument.
        #[serde(default = "twelve")]
        month_of_first_year: u32,
    },
    /// `DDB`: declining balance at `factor / life` a year, never below salvage.
    DoubleDeclining {
        /// The declining factor (greater than 0; default 2).
        #[serde(default = "two")]
        factor: Decimal,
    },
    /// `SYD`: sum of the years' digits.
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    SumOfYearsDigits,
    /// `VDB`: declining balance switching to straight line when that gives more.
    Vdb {
        /// The declining factor (greater than 0; default 2).
        #[serde(default = "two")]
        factor: Decimal,
        /// Never switch to straight line (default false).
        #[serde(default)]
        no_switch: bool,
    },
    /// MACRS (GDS, half-year convention), IRS Publication 946 Table A-1.
    Macrs {
        /// The recovery class in years: 3, 5, 7, 10, 15 or 20 (GPU servers are 5).
        class: u32,
    },
    /// Units of production: `(cost − salvage) × units this month / total units`.
    UnitsOfProduction {
        /// The units the asset yields over its life (greater than 0), for example
        /// GPU-hours.
        total_units: Decimal,
        /// Units each month (at least 0): entry `i` is month `i + 1`; months without an
        /// entry yield none.
        units_per_month: Vec<Decimal>,
    },
}

const fn twelve() -> u32 {
    12
}

const fn two() -> Decimal {
    Decimal::TWO
}

/// What [`book_schedule`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookScheduleInputs {
    /// The asset's cost in USD (at least 0).
    pub cost_usd: Decimal,
    /// Its salvage value in USD, between 0 and the cost (default 0).
    #[serde(default)]
    pub salvage_usd: Decimal,
    /// The book life in years (greater than 0; whole years for SYD and DB).
    pub life_years: Decimal,
    /// The method.
    pub method: BookMethod,
    /// Months in the schedule, 1 to [`MAX_MONTHS`](super::MAX_MONTHS).
    pub months: u32,
}

/// One month of a [`BookSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookMonth {
    /// The month (1 is the first month after the start).
    pub month: u32,
    /// Depreciation charged in the month.
    pub depreciation_usd: Decimal,
    /// Book value at the end of the month.
    pub book_value_usd: Decimal,
}

/// Sums over a [`BookSchedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookTotals {
    /// Depreciation over the schedule: `cost − book_value_usd`.
    pub depreciation_usd: Decimal,
    /// Book value at the end of the last month.
    pub book_value_usd: Decimal,
}

/// The result of [`book_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookSchedule {
    /// One row per month, from month 1.
    pub months: Vec<BookMonth>,
    /// The totals.
    pub totals: BookTotals,
}

impl Validate for BookMethod {
    /// Every problem with the method's own parameters (paths relative to the method).
    ///
    /// ```
    /// use gpuecon::models::depreciation::BookMethod;
    /// use gpuecon::models::Validate;
    /// let method: BookMethod = serde_json::from_str(r#"{ "kind": "macrs", "class": 6 }"#).unwrap();
    /// assert_eq!(method.validate()[0].field(), "class");
    /// ```
    fn check(&self, c: &mut Checker) {
        match self {
            Self::StraightLine | Self::SumOfYearsDigits => {}
            Self::DecliningBalance {
                month_of_first_year,
            } => {
                if !(1..=12).contains(month_of_first_year) {
                    c.problem("month_of_first_year", "must be between 1 and 12");
                }
            }
            Self::DoubleDeclining { factor } | Self::Vdb { factor, .. } => {
                c.positive("factor", *factor);
            }
            Self::Macrs { class } => {
                if MacrsClass::from_years(Decimal::from(*class)).is_err() {
                    c.problem("class", "must be 3, 5, 7, 10, 15 or 20 (years)");
                }
            }
            Self::UnitsOfProduction {
                total_units,
                units_per_month,
            } => {
                c.positive("total_units", *total_units);
                for (i, units) in units_per_month.iter().enumerate() {
                    c.at_least(&format!("units_per_month[{i}]"), *units, Decimal::ZERO);
                }
            }
        }
    }
}

impl Validate for BookScheduleInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::depreciation::BookScheduleInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: BookScheduleInputs = serde_json::from_str(r#"{
    ///   "cost_usd": 50000, "salvage_usd": 60000, "life_years": 0,
    ///   "method": { "kind": "double_declining", "factor": 0 }, "months": 72
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["salvage_usd", "life_years", "method.factor"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        c.at_least("cost_usd", self.cost_usd, zero);
        c.between(
            "salvage_usd",
            self.salvage_usd,
            zero,
            self.cost_usd.max(zero),
            "must be between 0 and the cost",
        );
        c.positive("life_years", self.life_years);
        let whole_years_only = matches!(
            self.method,
            BookMethod::SumOfYearsDigits | BookMethod::DecliningBalance { .. }
        );
        if whole_years_only && !self.life_years.fract().is_zero() {
            c.problem(
                "life_years",
                "must be a whole number of years for sum_of_years_digits and declining_balance",
            );
        }
        c.nested("method", &self.method);
        c.months("months", self.months);
    }
}

/// A stretch of the kernel's schedule: its charge, spread evenly over its months.
struct Period {
    months: Decimal,
    charge: Decimal,
}

/// Renames a finance function's argument to the input it came from.
fn kernel_error(error: FinanceError) -> ModelError {
    let field = match error.field() {
        "salvage" => "salvage_usd",
        "life" | "period" | "per" | "start_period" | "end_period" => "life_years",
        "factor" => "method.factor",
        "month" => "method.month_of_first_year",
        "recovery_period" | "year" => "method.class",
        _ => "cost_usd",
    };
    ModelError::finance(field, error)
}

/// One period per year of the life (the last possibly a part year), up to `years`:
/// `charge(year, start, end)` is the charge over `[start, end]` in years.
fn yearly(
    life: Decimal,
    years: u32,
    mut charge: impl FnMut(Decimal, Decimal, Decimal) -> Result<Decimal, FinanceError>,
) -> Result<Vec<Period>, ModelError> {
    let mut periods = Vec::new();
    for year in 1..=years {
        let start = Decimal::from(year - 1);
        if start >= life {
            break;
        }
        let end = Decimal::from(year).min(life);
        periods.push(Period {
            months: units::mul(end - start, MONTHS_PER_YEAR, "life_years")?,
            charge: charge(Decimal::from(year), start, end).map_err(kernel_error)?,
        });
    }
    Ok(periods)
}

/// The kernel's schedule for the annual methods, as far as `months` needs.
fn periods(inputs: &BookScheduleInputs) -> Result<Vec<Period>, ModelError> {
    let (cost, salvage, life) = (inputs.cost_usd, inputs.salvage_usd, inputs.life_years);
    let years = inputs.months.div_ceil(12);
    match &inputs.method {
        BookMethod::StraightLine => {
            let annual = finance::sln(cost, salvage, life).map_err(kernel_error)?;
            yearly(life, years, |_, start, end| {
                units::mul(annual, end - start, "life")
            })
        }
        BookMethod::SumOfYearsDigits => yearly(life, years, |year, _, _| {
            finance::syd(cost, salvage, life, year)
        }),
        BookMethod::DoubleDeclining { factor } => yearly(life, years, |_, start, end| {
            let amount = finance::ddb(cost, salvage, life, end, Some(*factor))?;
            units::mul(amount, end - start, "cost")
        }),
        BookMethod::Vdb { factor, no_switch } => yearly(life, years, |_, start, end| {
            finance::vdb(
                cost,
                salvage,
                life,
                start,
                end,
                Some(*factor),
                Some(*no_switch),
            )
        }),
        BookMethod::DecliningBalance {
            month_of_first_year,
        } => {
            let first = Decimal::from(*month_of_first_year);
            // Periods 1 … L, and L + 1 for the months the first year did not have.
            let last = if first < MONTHS_PER_YEAR {
                units::add(life, Decimal::ONE, "life_years")?
            } else {
                life
            };
            let (mut periods, mut covered, mut period) = (Vec::new(), Decimal::ZERO, 1_u32);
            while Decimal::from(period) <= last && covered < Decimal::from(inputs.months) {
                let p = Decimal::from(period);
                let months = if period == 1 {
                    first
                } else if p > life {
                    MONTHS_PER_YEAR - first
                } else {
                    MONTHS_PER_YEAR
                };
                let charge =
                    finance::db(cost, salvage, life, p, Some(first)).map_err(kernel_error)?;
                periods.push(Period { months, charge });
                covered += months;
                period += 1;
            }
            Ok(periods)
        }
        BookMethod::Macrs { class } => {
            let class = MacrsClass::from_years(Decimal::from(*class)).map_err(kernel_error)?;
            let schedule = finance::macrs_schedule(cost, class).map_err(kernel_error)?;
            Ok(schedule
                .into_iter()
                .take(usize::try_from(years).unwrap_or(usize::MAX))
                .map(|charge| Period {
                    months: MONTHS_PER_YEAR,
                    charge,
                })
                .collect())
        }
        BookMethod::UnitsOfProduction { .. } => Ok(Vec::new()),
    }
}

/// Cumulative charges at the end of months 1 … `months`: the charges of the periods ended
/// by then, and the elapsed share of the current one, `charge × elapsed / length` (one
/// rounding, so every period's end is exact).
fn spread(periods: &[Period], months: u32) -> Result<Vec<Decimal>, ModelError> {
    let mut cumulative = Vec::new();
    let (mut ended, mut index, mut start) = (Decimal::ZERO, 0, Decimal::ZERO);
    for month in 1..=months {
        let at = Decimal::from(month);
        while let Some(period) = periods.get(index) {
            let end = units::add(start, period.months, "life_years")?;
            if end > at {
                break;
            }
            ended = units::add(ended, period.charge, "cost_usd")?;
            (start, index) = (end, index + 1);
        }
        let elapsed = match periods.get(index) {
            Some(period) => share(period.charge, at - start, period.months)?,
            None => Decimal::ZERO,
        };
        cumulative.push(units::add(ended, elapsed, "cost_usd")?);
    }
    Ok(cumulative)
}

/// `charge × part / whole`, multiplying first where the product fits.
fn share(charge: Decimal, part: Decimal, whole: Decimal) -> Result<Decimal, ModelError> {
    Ok(match charge.checked_mul(part) {
        Some(product) => units::div(product, whole, "life_years")?,
        None => units::mul(units::div(charge, whole, "life_years")?, part, "cost_usd")?,
    })
}

/// Cumulative depreciation at the end of months 1 … `months` by units of production.
fn units_cumulative(
    inputs: &BookScheduleInputs,
    total_units: Decimal,
    units_per_month: &[Decimal],
) -> Result<Vec<Decimal>, ModelError> {
    let depreciable = units::sub(inputs.cost_usd, inputs.salvage_usd, "cost_usd")?;
    let mut used = Decimal::ZERO;
    (0..inputs.months)
        .map(|m| {
            let index = usize::try_from(m).unwrap_or(usize::MAX);
            let units = units_per_month.get(index).copied().unwrap_or_default();
            used = units::add(used, units, "method.units_per_month")?.min(total_units);
            let share = units::div(used, total_units, "method.total_units")?;
            Ok(units::mul(depreciable, share, "cost_usd")?)
        })
        .collect()
}

/// The month (in months from the start) by which the method's definition reaches its floor
/// exactly, for the methods that do.
fn end_of_life_month(inputs: &BookScheduleInputs) -> Result<Option<Decimal>, ModelError> {
    let life_months = || units::mul(inputs.life_years, MONTHS_PER_YEAR, "life_years");
    Ok(match &inputs.method {
        BookMethod::StraightLine
        | BookMethod::SumOfYearsDigits
        | BookMethod::Vdb {
            no_switch: false, ..
        } => Some(life_months()?),
        BookMethod::Macrs { class } => {
            Some(Decimal::from(class.saturating_add(1)) * MONTHS_PER_YEAR)
        }
        _ => None,
    })
}

/// The monthly book depreciation schedule of one asset (formulas and conventions in the
/// [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`salvage_usd`,
/// `method.factor`, `method.units_per_month[3]`); [`ModelError::Finance`] when a value
/// overflows a [`Decimal`].
///
/// # Example
/// A $50,000 GPU with a $5,000 salvage value over 6 years, straight line: (50,000 −
/// 5,000) / 6 = $7,500 a year, $625 a month, down to $5,000 after month 72.
/// ```
/// use gpuecon::models::depreciation::{book_schedule, BookMethod, BookScheduleInputs};
/// use gpuecon::Decimal;
/// let schedule = book_schedule(&BookScheduleInputs {
///     cost_usd: Decimal::from(50_000),
///     salvage_usd: Decimal::from(5_000),
///     life_years: Decimal::from(6),
///     method: BookMethod::StraightLine,
///     months: 84,
/// })?;
/// assert_eq!(schedule.months[0].depreciation_usd, Decimal::from(625));
/// assert_eq!(schedule.months[0].book_value_usd, Decimal::from(49_375));
/// assert_eq!(schedule.months[71].book_value_usd, Decimal::from(5_000));
/// assert_eq!(schedule.months[83].depreciation_usd, Decimal::ZERO);
/// assert_eq!(schedule.totals.depreciation_usd, Decimal::from(45_000));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn book_schedule(inputs: &BookScheduleInputs) -> Result<BookSchedule, ModelError> {
    inputs.ensure_valid()?;
    let cost = inputs.cost_usd;
    let floor = match inputs.method {
        BookMethod::Macrs { .. } => Decimal::ZERO,
        _ => inputs.salvage_usd,
    };
    let cumulative = match &inputs.method {
        // Nothing to depreciate (and Excel's DB has no schedule for a cost of 0).
        _ if cost.is_zero() => vec![Decimal::ZERO; usize::try_from(inputs.months).unwrap_or(0)],
        BookMethod::UnitsOfProduction {
            total_units,
            units_per_month,
        } => units_cumulative(inputs, *total_units, units_per_month)?,
        _ => spread(&periods(inputs)?, inputs.months)?,
    };
    let end_of_life = end_of_life_month(inputs)?;
    let mut months = Vec::with_capacity(cumulative.len());
    let mut previous = cost;
    for (month, depreciated) in (1_u32..).zip(cumulative) {
        let book = if end_of_life.is_some_and(|end| Decimal::from(month) >= end) {
            floor
        } else {
            units::sub(cost, depreciated, "cost_usd")?.max(floor)
        };
        months.push(BookMonth {
            month,
            depreciation_usd: previous - book,
            book_value_usd: book,
        });
        previous = book;
    }
    Ok(BookSchedule {
        months,
        totals: BookTotals {
            depreciation_usd: cost - previous,
            book_value_usd: previous,
        },
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn inputs(method: BookMethod, life: &str, months: u32) -> BookScheduleInputs {
        BookScheduleInputs {
            cost_usd: d("50000"),
            salvage_usd: d("5000"),
            life_years: d(life),
            method,
            months,
        }
    }

    fn depreciation(schedule: &BookSchedule) -> Vec<Decimal> {
        schedule.months.iter().map(|m| m.depreciation_usd).collect()
    }

    #[test]
    fn straight_line_part_year() {
        // 5.5 years (66 months): (50,000 − 5,000) / 5.5 = 8,181.81… a year, 681.81… a
        // month for 66 months, then nothing; the book value is 5,000 exactly from month 66.
        let schedule = book_schedule(&inputs(BookMethod::StraightLine, "5.5", 70)).unwrap();
        let monthly = d("45000") / d("5.5") / d("12");
        assert!((schedule.months[0].depreciation_usd - monthly).abs() < d("1e-20"));
        assert!((schedule.months[64].depreciation_usd - monthly).abs() < d("1e-20"));
        assert_eq!(schedule.months[65].book_value_usd, d("5000"));
        assert_eq!(schedule.months[66].depreciation_usd, Decimal::ZERO);
        assert_eq!(schedule.totals.depreciation_usd, d("45000"));
    }

    #[test]
    fn sum_of_years_digits_by_hand() {
        // Life 3: digits 3 + 2 + 1 = 6; 45,000 × 3/6 = 22,500, then 15,000, then 7,500;
        // a month: 1,875, 1,250, 625.
        let schedule = book_schedule(&inputs(BookMethod::SumOfYearsDigits, "3", 36)).unwrap();
        let by_month = depreciation(&schedule);
        assert_eq!(by_month[0], d("1875"));
        assert_eq!(by_month[12], d("1250"));
        assert_eq!(by_month[35], d("625"));
        assert_eq!(schedule.totals.book_value_usd, d("5000"));
    }

    #[test]
    fn double_declining_by_hand() {
        // Life 4, factor 2: d = 0.5. Year 1: 50,000 × 0.5 = 25,000 (2,083.33… a month);
        // year 2: 12,500; year 3: min(6,250, 12,500 − 5,000) = 6,250; year 4:
        // min(3,125, 6,250 − 5,000) = 1,250. Book value 5,000 after year 4.
        let method = BookMethod::DoubleDeclining { factor: d("2") };
        let schedule = book_schedule(&inputs(method, "4", 60)).unwrap();
        let year = |y: usize| schedule.months[12 * y - 1].book_value_usd;
        assert_eq!(year(1), d("25000"));
        assert_eq!(year(2), d("12500"));
        assert_eq!(year(3), d("6250"));
        assert_eq!(year(4), d("5000"));
        assert_eq!(schedule.months[59].book_value_usd, d("5000"));
    }

    #[test]
    fn declining_balance_short_first_year() {
        // Microsoft's DB example: $1,000,000, $100,000 salvage, 6 years, 7 months in the
        // first year: rate 0.319; year 1 = 1,000,000 × 0.319 × 7/12 = 186,083.33 over 7
        // months (26,583.33… a month); the last period, 5 months, 15,845.10 in all.
        let inputs = BookScheduleInputs {
            cost_usd: d("1000000"),
            salvage_usd: d("100000"),
            life_years: d("6"),
            method: BookMethod::DecliningBalance {
                month_of_first_year: 7,
            },
            months: 80,
        };
        let schedule = book_schedule(&inputs).unwrap();
        let by_month = depreciation(&schedule);
        let first: Decimal = by_month[..7].iter().sum();
        assert_eq!(first.round_dp(2), d("186083.33"));
        let last: Decimal = by_month[67..72].iter().sum();
        assert_eq!(last.round_dp(2), d("15845.10"));
        assert_eq!(by_month[72], Decimal::ZERO);
    }

    #[test]
    fn macrs_ignores_salvage_and_ends_at_zero() {
        // 5-year class: 20 % of 50,000 = 10,000 in tax year 1 (833.33… a month), 32 % =
        // 16,000 in year 2, …, 5.76 % in year 6; book value 0 from month 72.
        let method = BookMethod::Macrs { class: 5 };
        let schedule = book_schedule(&inputs(method, "6", 84)).unwrap();
        assert_eq!(schedule.months[11].book_value_usd, d("40000"));
        assert_eq!(schedule.months[23].book_value_usd, d("24000"));
        assert_eq!(schedule.months[71].book_value_usd, Decimal::ZERO);
        assert_eq!(schedule.totals.depreciation_usd, d("50000"));
    }

    #[test]
    fn units_of_production_by_hand() {
        // 45,000 over 10,000 units: $4.50 a unit. 2,000 units, 3,000, then 6,000 (only
        // 5,000 left): 9,000, 13,500, 22,500; nothing in month 4 (no entry).
        let method = BookMethod::UnitsOfProduction {
            total_units: d("10000"),
            units_per_month: vec![d("2000"), d("3000"), d("6000")],
        };
        let schedule = book_schedule(&inputs(method, "6", 4)).unwrap();
        assert_eq!(
            depreciation(&schedule),
            [d("9000"), d("13500"), d("22500"), Decimal::ZERO]
        );
        assert_eq!(schedule.totals.book_value_usd, d("5000"));
    }

    #[test]
    fn vdb_switches_to_straight_line() {
        // Life 5, factor 2 (d = 0.4), salvage 5,000; each year the larger of the declining
        // amount and the straight line over the years left:
        // year 1: 50,000 × 0.4 = 20,000 (straight line 45,000 / 5 = 9,000);
        // year 2: 30,000 × 0.4 = 12,000 (25,000 / 4 = 6,250);
        // year 3: 18,000 × 0.4 = 7,200 (13,000 / 3 = 4,333.33);
        // year 4: 10,800 × 0.4 = 4,320 (5,800 / 2 = 2,900);
        // year 5: min(6,480 × 0.4, 6,480 − 5,000) = 1,480 (straight line 1,480 too).
        let method = BookMethod::Vdb {
            factor: d("2"),
            no_switch: false,
        };
        let schedule = book_schedule(&inputs(method, "5", 60)).unwrap();
        let year = |y: usize| schedule.months[12 * y - 1].book_value_usd;
        assert_eq!(year(1), d("30000"));
        assert_eq!(year(2), d("18000"));
        assert_eq!(year(3), d("10800"));
        assert_eq!(year(4), d("6480"));
        assert_eq!(year(5), d("5000"));
    }

    #[test]
    fn zero_cost_is_an_empty_schedule() {
        let mut zero = inputs(
            BookMethod::DecliningBalance {
                month_of_first_year: 12,
            },
            "6",
            3,
        );
        zero.cost_usd = Decimal::ZERO;
        zero.salvage_usd = Decimal::ZERO;
        let schedule = book_schedule(&zero).unwrap();
        assert_eq!(schedule.months.len(), 3);
        assert_eq!(schedule.totals.depreciation_usd, Decimal::ZERO);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let field =
            |inputs: BookScheduleInputs| book_schedule(&inputs).unwrap_err().field().to_owned();
        assert_eq!(
            field(inputs(BookMethod::StraightLine, "0", 12)),
            "life_years"
        );
        let mut negative = inputs(BookMethod::StraightLine, "6", 12);
        negative.cost_usd = d("-1");
        assert_eq!(field(negative), "cost_usd");
        let mut above = inputs(BookMethod::StraightLine, "6", 12);
        above.salvage_usd = d("60000");
        assert_eq!(field(above), "salvage_usd");
        assert_eq!(field(inputs(BookMethod::StraightLine, "6", 0)), "months");
        assert_eq!(field(inputs(BookMethod::StraightLine, "6", 1201)), "months");
        assert_eq!(
            field(inputs(BookMethod::SumOfYearsDigits, "5.5", 12)),
            "life_years"
        );
        let factor = BookMethod::Vdb {
            factor: Decimal::ZERO,
            no_switch: false,
        };
        assert_eq!(field(inputs(factor, "6", 12)), "method.factor");
        let month = BookMethod::DecliningBalance {
            month_of_first_year: 13,
        };
        assert_eq!(field(inputs(month, "6", 12)), "method.month_of_first_year");
        let units = BookMethod::UnitsOfProduction {
            total_units: d("10"),
            units_per_month: vec![d("1"), d("-1")],
        };
        assert_eq!(field(inputs(units, "6", 12)), "method.units_per_month[1]");
    }

    #[test]
    fn overflow_is_an_error() {
        // SLN = MAX / 1e-28 years: no Decimal.
        let mut huge = inputs(
            BookMethod::StraightLine,
            "0.0000000000000000000000000001",
            2,
        );
        huge.cost_usd = Decimal::MAX;
        assert_eq!(
            book_schedule(&huge).unwrap_err().code(),
            crate::ErrorCode::Overflow
        );
    }

    #[test]
    fn json_form_is_tagged_with_defaults() {
        let method: BookMethod = serde_json::from_str(r#"{ "kind": "vdb" }"#).unwrap();
        assert_eq!(
            method,
            BookMethod::Vdb {
                factor: Decimal::TWO,
                no_switch: false
            }
        );
        let db: BookMethod = serde_json::from_str(r#"{ "kind": "declining_balance" }"#).unwrap();
        assert_eq!(
            db,
            BookMethod::DecliningBalance {
                month_of_first_year: 12
            }
        );
        assert!(serde_json::from_str::<BookMethod>(r#"{ "kind": "vdb", "factr": 2 }"#).is_err());
    }
}

//! Utilization and yield (docs/domain.md section 4): three utilizations, never one, and
//! what each does to revenue and cost.
//!
//! ```text
//! revenue per available hour = price × billed
//! cost per utilized hour     = cost per available hour ÷ utilization    (none at 0)
//! yield on cost              = annual revenue ÷ capex
//! monthly, per GPU           billed hours = 730 × billed;  revenue = price × billed hours
//!                            cost = cost per available hour × 730;  margin = revenue − cost
//!                            annualized yield on cost = revenue × 12 ÷ capex
//! a buyer                    reserved: pays every hour, price ÷ activity per hour used
//!                            on demand: pays the hours used, the price per hour used
//! ```
//!
//! - [`Utilization`] keeps the three ratios apart: `billed` (commercial) sets revenue;
//!   `activity` (kernel duty cycle) and `effective` (SM activity or MFU) say how much work
//!   the billed hours did. A GPU can be 100 % billed and 100 % active at 20 % effective.
//! - No ratio is ever divided by when it is 0: the cost per utilized hour is then absent
//!   (`None`, JSON `null`).
//! - Reserved capacity earns whether used or not; idle time earns nothing unless sold as
//!   spot (see [`capacity_book`](super::pricing::capacity_book)).

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::check::{Checker, Validate};
use super::pricing::first_problem;
use crate::Decimal;
use crate::units::{self, HOURS_PER_MONTH, HOURS_PER_YEAR, MONTHS_PER_YEAR};

/// Three utilizations of a GPU over a period, each a fraction of the period's hours in
/// [0, 1]. They measure different things and are never interchangeable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Utilization {
    /// Commercial: billed (allocated) GPU-hours ÷ available GPU-hours, from the billing
    /// system. This is the one revenue follows.
    pub billed: Decimal,
    /// Activity: the share of time at least one kernel ran, NVML's `utilization.gpu` duty
    /// cycle (nvidia-smi's "GPU-Util"). 100 % can coexist with 20 % of the chip in use.
    pub activity: Decimal,
    /// Effective: the share of the chip's compute at work, DCGM's SM activity
    /// (`DCGM_FI_PROF_SM_ACTIVE`) or model FLOPs utilization (achieved ÷ peak FLOP/s; a
    /// median of 37.5 % across published training runs).
    pub effective: Decimal,
}

impl Validate for Utilization {
    fn check(&self, c: &mut Checker) {
        c.fraction("billed", self.billed);
        c.fraction("activity", self.activity);
        c.fraction("effective", self.effective);
    }
}

/// Revenue per available GPU-hour: `price × billed`.
///
/// # Errors
/// [`ModelError::Domain`] on `price_usd_per_gpu_hour` when negative and on `billed`
/// outside [0, 1]; [`ModelError::Finance`] on overflow.
///
/// # Example
/// ```
/// use gpuecon::models::utilization::revenue_per_available_hour;
/// use gpuecon::Decimal;
/// // $2.50 at 80 % billed: $2.00 per available hour.
/// let value = revenue_per_available_hour(Decimal::new(250, 2), Decimal::new(8, 1))?;
/// assert_eq!(value, Decimal::TWO);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn revenue_per_available_hour(
    price_usd_per_gpu_hour: Decimal,
    billed: Decimal,
) -> Result<Decimal, ModelError> {
    first_problem(|c| {
        c.at_least(
            "price_usd_per_gpu_hour",
            price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.fraction("billed", billed);
    })?;
    Ok(units::mul(
        price_usd_per_gpu_hour,
        billed,
        "price_usd_per_gpu_hour",
    )?)
}

/// Cost per utilized hour: `cost per available hour ÷ utilization` (any of the three),
/// `None` when the utilization is 0 (no hour to spread the cost over). Never rises as
/// the utilization rises.
///
/// # Errors
/// [`ModelError::Domain`] on `cost_usd_per_available_gpu_hour` when negative and on
/// `utilization` outside [0, 1]; [`ModelError::Finance`] on overflow.
///
/// # Example
/// ```
/// use gpuecon::models::utilization::cost_per_utilized_hour;
/// use gpuecon::Decimal;
/// // $1.68 an available hour at 80 %: $2.10 per utilized hour; at 0 %: none.
/// let value = cost_per_utilized_hour(Decimal::new(168, 2), Decimal::new(8, 1))?;
/// assert_eq!(value, Some(Decimal::new(210, 2)));
/// assert_eq!(cost_per_utilized_hour(Decimal::ONE, Decimal::ZERO)?, None);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn cost_per_utilized_hour(
    cost_usd_per_available_gpu_hour: Decimal,
    utilization: Decimal,
) -> Result<Option<Decimal>, ModelError> {
    first_problem(|c| {
        c.at_least(
            "cost_usd_per_available_gpu_hour",
            cost_usd_per_available_gpu_hour,
            Decimal::ZERO,
        );
        c.fraction("utilization", utilization);
    })?;
    if utilization.is_zero() {
        return Ok(None);
    }
    Ok(Some(units::div(
        cost_usd_per_available_gpu_hour,
        utilization,
        "utilization",
    )?))
}

/// Yield on cost: `annual revenue ÷ capex`.
///
/// # Errors
/// [`ModelError::Domain`] on `capex_usd` when it is not greater than 0;
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// ```
/// use gpuecon::models::utilization::yield_on_cost;
/// use gpuecon::Decimal;
/// // $2.00 × 8760 × 0.8 = $14,016 a year on $50,000 of capex: 28.032 %.
/// let value = yield_on_cost(Decimal::from(14_016), Decimal::from(50_000))?;
/// assert_eq!(value, Decimal::new(28_032, 5));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn yield_on_cost(
    annual_revenue_usd: Decimal,
    capex_usd: Decimal,
) -> Result<Decimal, ModelError> {
    first_problem(|c| c.positive("capex_usd", capex_usd))?;
    Ok(units::div(annual_revenue_usd, capex_usd, "capex_usd")?)
}

/// Everything [`utilization_yield`] needs; amounts are per GPU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YieldInputs {
    /// Price per billed GPU-hour in USD (at least 0).
    pub price_usd_per_gpu_hour: Decimal,
    /// The owner's cost per available GPU-hour in USD (at least 0; for example
    /// [`owner_cost`](super::owner_cost)'s `total_usd_per_gpu_hour`).
    pub cost_usd_per_available_gpu_hour: Decimal,
    /// All-in capex per GPU in USD (greater than 0).
    pub capex_usd_per_gpu: Decimal,
    /// The utilizations of months 1, 2, … (at least one).
    pub months: Vec<Utilization>,
}

/// One month of a GPU's yield.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YieldMonth {
    /// The month, from 1.
    pub month: u32,
    /// `730 × billed`.
    pub billed_gpu_hours: Decimal,
    /// `price × billed hours`.
    pub revenue_usd: Decimal,
    /// `cost per available hour × 730`.
    pub cost_usd: Decimal,
    /// `revenue − cost`.
    pub margin_usd: Decimal,
    /// `price × billed`.
    pub usd_per_available_gpu_hour: Decimal,
    /// Cost per billed hour; `None` when nothing is billed.
    pub cost_usd_per_utilized_gpu_hour: Option<Decimal>,
    /// Cost per hour a kernel ran; `None` at 0 activity.
    pub cost_usd_per_active_gpu_hour: Option<Decimal>,
    /// Cost per hour of the whole chip's compute; `None` at 0 effective utilization.
    pub cost_usd_per_effective_gpu_hour: Option<Decimal>,
    /// `revenue × 12 ÷ capex`.
    pub annualized_yield_on_cost: Decimal,
}

/// The series' sums and the ratios of the sums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YieldTotals {
    /// `730 × months`.
    pub available_gpu_hours: Decimal,
    /// Sum of the months' billed hours.
    pub billed_gpu_hours: Decimal,
    /// Sum of the months' revenue.
    pub revenue_usd: Decimal,
    /// Sum of the months' cost.
    pub cost_usd: Decimal,
    /// Revenue − cost.
    pub margin_usd: Decimal,
    /// Billed ÷ available hours.
    pub billed_utilization: Decimal,
    /// Cost ÷ billed hours; `None` when nothing is billed.
    pub cost_usd_per_utilized_gpu_hour: Option<Decimal>,
    /// `revenue × 12 ÷ months ÷ capex`.
    pub annualized_yield_on_cost: Decimal,
}

/// A GPU's monthly yield series and its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YieldSeries {
    /// One row per input month.
    pub months: Vec<YieldMonth>,
    /// Sums and ratios over all months.
    pub totals: YieldTotals,
}

impl Validate for YieldInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.at_least(
            "cost_usd_per_available_gpu_hour",
            self.cost_usd_per_available_gpu_hour,
            Decimal::ZERO,
        );
        c.positive("capex_usd_per_gpu", self.capex_usd_per_gpu);
        if self.months.is_empty() {
            c.problem("months", "must have at least one month");
        }
        c.each("months", &self.months);
    }
}

/// `value × 12 ÷ capex` (a monthly amount, annualized, over the capex).
fn annualized_yield(monthly_revenue: Decimal, capex: Decimal) -> Result<Decimal, ModelError> {
    let annual = units::mul(monthly_revenue, MONTHS_PER_YEAR, "price_usd_per_gpu_hour")?;
    yield_on_cost(annual, capex)
}

/// A GPU's yield month by month from its utilizations (see the [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] on
/// `months[3].billed` outside [0, 1], `capex_usd_per_gpu` not greater than 0, `months`
/// empty, a negative price or cost); [`ModelError::Finance`] on overflow.
///
/// # Example
/// $2.50 an hour, $1.50 of cost an available hour, $50,000 of capex; a month 80 % billed
/// and a month idle:
///
/// ```
/// use gpuecon::models::utilization::{utilization_yield, YieldInputs};
/// use gpuecon::Decimal;
/// let inputs: YieldInputs = serde_json::from_str(r#"{
///   "price_usd_per_gpu_hour": "2.50", "cost_usd_per_available_gpu_hour": "1.50",
///   "capex_usd_per_gpu": "50000",
///   "months": [{ "billed": "0.8", "activity": "0.7", "effective": "0.35" },
///              { "billed": "0", "activity": "0", "effective": "0" }]
/// }"#).unwrap();
/// let series = utilization_yield(&inputs)?;
/// // 730 × 0.8 = 584 hours × $2.50 = $1,460; cost 730 × $1.50 = $1,095; margin $365
/// assert_eq!(series.months[0].revenue_usd, Decimal::from(1_460));
/// assert_eq!(series.months[0].margin_usd, Decimal::from(365));
/// // idle: no cost per utilized hour, and a loss of $1,095
/// assert_eq!(series.months[1].cost_usd_per_utilized_gpu_hour, None);
/// assert_eq!(series.totals.margin_usd, Decimal::from(-730));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn utilization_yield(inputs: &YieldInputs) -> Result<YieldSeries, ModelError> {
    inputs.ensure_valid()?;
    let (price, cost_per_hour, capex) = (
        inputs.price_usd_per_gpu_hour,
        inputs.cost_usd_per_available_gpu_hour,
        inputs.capex_usd_per_gpu,
    );
    let cost = units::mul(
        cost_per_hour,
        HOURS_PER_MONTH,
        "cost_usd_per_available_gpu_hour",
    )?;
    let (mut billed_total, mut revenue_total, mut cost_total) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut months = Vec::with_capacity(inputs.months.len());
    for (month, u) in (1u32..).zip(&inputs.months) {
        let billed_hours = units::mul(HOURS_PER_MONTH, u.billed, "months")?;
        let revenue = units::mul(price, billed_hours, "price_usd_per_gpu_hour")?;
        billed_total = units::add(billed_total, billed_hours, "months")?;
        revenue_total = units::add(revenue_total, revenue, "price_usd_per_gpu_hour")?;
        cost_total = units::add(cost_total, cost, "cost_usd_per_available_gpu_hour")?;
        months.push(YieldMonth {
            month,
            billed_gpu_hours: billed_hours,
            revenue_usd: revenue,
            cost_usd: cost,
            margin_usd: units::sub(revenue, cost, "cost_usd_per_available_gpu_hour")?,
            usd_per_available_gpu_hour: revenue_per_available_hour(price, u.billed)?,
            cost_usd_per_utilized_gpu_hour: cost_per_utilized_hour(cost_per_hour, u.billed)?,
            cost_usd_per_active_gpu_hour: cost_per_utilized_hour(cost_per_hour, u.activity)?,
            cost_usd_per_effective_gpu_hour: cost_per_utilized_hour(cost_per_hour, u.effective)?,
            annualized_yield_on_cost: annualized_yield(revenue, capex)?,
        });
    }
    let count = Decimal::from(months.len());
    let available = units::mul(HOURS_PER_MONTH, count, "months")?;
    let cost_per_billed = if billed_total.is_zero() {
        None
    } else {
        Some(units::div(cost_total, billed_total, "months")?)
    };
    let monthly_revenue = units::div(revenue_total, count, "months")?;
    Ok(YieldSeries {
        months,
        totals: YieldTotals {
            available_gpu_hours: available,
            billed_gpu_hours: billed_total,
            revenue_usd: revenue_total,
            cost_usd: cost_total,
            margin_usd: units::sub(revenue_total, cost_total, "cost_usd_per_available_gpu_hour")?,
            billed_utilization: units::div(billed_total, available, "months")?,
            cost_usd_per_utilized_gpu_hour: cost_per_billed,
            annualized_yield_on_cost: annualized_yield(monthly_revenue, capex)?,
        },
    })
}

/// Everything [`buyer_cost`] needs: a buyer choosing between reserving GPUs and renting
/// them on demand for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuyerCostInputs {
    /// The reserved price per GPU-hour in USD (at least 0), paid for every hour.
    pub reserved_usd_per_gpu_hour: Decimal,
    /// The on-demand price per GPU-hour in USD (at least 0), paid for the hours used.
    pub on_demand_usd_per_gpu_hour: Decimal,
    /// The buyer's activity utilization: the share of the period's hours its jobs use the
    /// GPUs, in [0, 1].
    pub activity: Decimal,
    /// GPUs the buyer needs (at least 0).
    pub gpus: Decimal,
    /// Hours in the period (greater than 0; default 730, a month).
    #[serde(default = "super::pricing::hours_per_month")]
    pub hours: Decimal,
}

/// What each way of buying costs for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerCost {
    /// `gpus × hours × activity`: the hours the buyer's jobs use.
    pub used_gpu_hours: Decimal,
    /// Reservation-based: `reserved price × gpus × hours`, used or not.
    pub reserved_cost_usd: Decimal,
    /// Usage-based: `on-demand price × used hours`.
    pub on_demand_cost_usd: Decimal,
    /// `reserved price ÷ activity`: what an hour actually used costs when reserved; `None`
    /// at 0 activity.
    pub reserved_usd_per_used_gpu_hour: Option<Decimal>,
    /// The on-demand price: an on-demand buyer pays only the hours used.
    pub on_demand_usd_per_used_gpu_hour: Decimal,
    /// `reserved ÷ on-demand price`: above this activity, reserving costs less (may exceed
    /// 1: reserving never pays); `None` when the on-demand price is 0.
    pub break_even_activity: Option<Decimal>,
}

impl Validate for BuyerCostInputs {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "reserved_usd_per_gpu_hour",
            self.reserved_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.at_least(
            "on_demand_usd_per_gpu_hour",
            self.on_demand_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.fraction("activity", self.activity);
        c.at_least("gpus", self.gpus, Decimal::ZERO);
        c.positive("hours", self.hours);
    }
}

/// Reservation-based against usage-based cost for a buyer: a reserved buyer pays for every
/// hour, so an hour actually used costs `price ÷ activity`; an on-demand buyer pays only
/// the hours used.
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] on `activity`
/// outside [0, 1], `hours` not greater than 0, a negative price or GPU count);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// 8 GPUs for a month, reserved at $1.80 or on demand at $3.00, used 50 % of the time:
///
/// ```
/// use gpuecon::models::utilization::{buyer_cost, BuyerCostInputs};
/// use gpuecon::Decimal;
/// let inputs: BuyerCostInputs = serde_json::from_str(r#"{
///   "reserved_usd_per_gpu_hour": "1.80", "on_demand_usd_per_gpu_hour": "3.00",
///   "activity": "0.5", "gpus": 8
/// }"#).unwrap();
/// let cost = buyer_cost(&inputs)?;
/// // reserved: 8 × 730 × $1.80 = $10,512; on demand: 2,920 used hours × $3 = $8,760
/// assert_eq!(cost.reserved_cost_usd, Decimal::from(10_512));
/// assert_eq!(cost.on_demand_cost_usd, Decimal::from(8_760));
/// // a used hour costs $3.60 reserved; reserving pays above 60 % activity
/// assert_eq!(cost.reserved_usd_per_used_gpu_hour, Some(Decimal::new(36, 1)));
/// assert_eq!(cost.break_even_activity, Some(Decimal::new(6, 1)));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn buyer_cost(inputs: &BuyerCostInputs) -> Result<BuyerCost, ModelError> {
    inputs.ensure_valid()?;
    let paid_hours = units::mul(inputs.gpus, inputs.hours, "gpus")?;
    let used = units::mul(paid_hours, inputs.activity, "activity")?;
    let (reserved, on_demand) = (
        inputs.reserved_usd_per_gpu_hour,
        inputs.on_demand_usd_per_gpu_hour,
    );
    let break_even = if on_demand.is_zero() {
        None
    } else {
        Some(units::div(
            reserved,
            on_demand,
            "on_demand_usd_per_gpu_hour",
        )?)
    };
    Ok(BuyerCost {
        used_gpu_hours: used,
        reserved_cost_usd: units::mul(paid_hours, reserved, "reserved_usd_per_gpu_hour")?,
        on_demand_cost_usd: units::mul(used, on_demand, "on_demand_usd_per_gpu_hour")?,
        reserved_usd_per_used_gpu_hour: cost_per_utilized_hour(reserved, inputs.activity)?,
        on_demand_usd_per_used_gpu_hour: on_demand,
        break_even_activity: break_even,
    })
}

/// Annual revenue of one GPU, `price × billed × 8760`, for [`yield_on_cost`].
///
/// # Errors
/// As [`revenue_per_available_hour`]; [`ModelError::Finance`] on overflow.
///
/// # Example
/// ```
/// use gpuecon::models::utilization::{annual_revenue, yield_on_cost};
/// use gpuecon::Decimal;
/// // $2.00 at 80 %: 2 × 0.8 × 8760 = $14,016 a year.
/// let revenue = annual_revenue(Decimal::TWO, Decimal::new(8, 1))?;
/// assert_eq!(revenue, Decimal::from(14_016));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn annual_revenue(
    price_usd_per_gpu_hour: Decimal,
    billed: Decimal,
) -> Result<Decimal, ModelError> {
    let per_hour = revenue_per_available_hour(price_usd_per_gpu_hour, billed)?;
    Ok(units::mul(
        per_hour,
        HOURS_PER_YEAR,
        "price_usd_per_gpu_hour",
    )?)
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn u(billed: &str, activity: &str, effective: &str) -> Utilization {
        Utilization {
            billed: d(billed),
            activity: d(activity),
            effective: d(effective),
        }
    }

    #[test]
    fn a_year_of_three_months_by_hand() {
        let inputs = YieldInputs {
            price_usd_per_gpu_hour: d("2.00"),
            cost_usd_per_available_gpu_hour: d("1.60"),
            capex_usd_per_gpu: d("50000"),
            months: vec![
                u("1", "0.9", "0.4"),
                u("0.5", "0.5", "0.2"),
                u("0", "0", "0"),
            ],
        };
        let s = utilization_yield(&inputs).unwrap();
        let m = &s.months[0];
        // 730 × 1 = 730 hours × 2 = 1,460; cost 730 × 1.60 = 1,168; margin 292
        assert_eq!((m.billed_gpu_hours, m.revenue_usd), (d("730"), d("1460")));
        assert_eq!((m.cost_usd, m.margin_usd), (d("1168"), d("292")));
        // per utilized 1.60 / 1 = 1.60; per active 1.60 / 0.9 = 1.777...; per effective 4.00
        assert_eq!(m.cost_usd_per_utilized_gpu_hour, Some(d("1.6")));
        assert_eq!(m.cost_usd_per_effective_gpu_hour, Some(d("4")));
        // 1,460 × 12 / 50,000 = 0.3504
        assert_eq!(m.annualized_yield_on_cost, d("0.3504"));
        let m = &s.months[1];
        // 365 hours × 2 = 730; margin 730 − 1,168 = −438; per utilized 1.60 / 0.5 = 3.20
        assert_eq!((m.revenue_usd, m.margin_usd), (d("730"), d("-438")));
        assert_eq!(m.cost_usd_per_utilized_gpu_hour, Some(d("3.2")));
        assert_eq!(m.usd_per_available_gpu_hour, d("1"));
        let m = &s.months[2];
        assert_eq!(m.cost_usd_per_utilized_gpu_hour, None);
        assert_eq!(m.cost_usd_per_active_gpu_hour, None);
        assert_eq!(m.margin_usd, d("-1168"));
        // totals: 1,095 of 2,190 hours billed (0.5); revenue 2,190; cost 3,504; margin
        // −1,314; cost per billed hour 3,504 / 1,095 = 3.2; yield 2,190 / 3 × 12 / 50,000
        // = 0.1752
        let t = &s.totals;
        assert_eq!(
            (t.billed_gpu_hours, t.available_gpu_hours),
            (d("1095"), d("2190"))
        );
        assert_eq!(
            (t.revenue_usd, t.cost_usd, t.margin_usd),
            (d("2190"), d("3504"), d("-1314"))
        );
        assert_eq!(t.billed_utilization, d("0.5"));
        assert_eq!(t.cost_usd_per_utilized_gpu_hour, Some(d("3.2")));
        assert_eq!(t.annualized_yield_on_cost, d("0.1752"));
    }

    #[test]
    fn errors_name_the_field() {
        let inputs = YieldInputs {
            price_usd_per_gpu_hour: d("-1"),
            cost_usd_per_available_gpu_hour: d("1"),
            capex_usd_per_gpu: Decimal::ZERO,
            months: vec![u("1", "1", "1"), u("1", "1.5", "-0.1")],
        };
        let all: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "price_usd_per_gpu_hour",
                "capex_usd_per_gpu",
                "months[1].activity",
                "months[1].effective"
            ]
        );
        let empty = YieldInputs {
            months: vec![],
            price_usd_per_gpu_hour: d("1"),
            capex_usd_per_gpu: d("1"),
            ..inputs
        };
        assert_eq!(utilization_yield(&empty).unwrap_err().field(), "months");
        assert_eq!(
            cost_per_utilized_hour(d("1"), d("1.01"))
                .unwrap_err()
                .field(),
            "utilization"
        );
        assert_eq!(
            yield_on_cost(d("1"), Decimal::ZERO).unwrap_err().field(),
            "capex_usd"
        );
        assert_eq!(
            revenue_per_available_hour(d("-2"), d("0.5"))
                .unwrap_err()
                .field(),
            "price_usd_per_gpu_hour"
        );
    }

    #[test]
    fn a_buyer_by_hand() {
        // Never used: reserving costs 1 × 730 × 2 = 1,460 for nothing.
        let idle = BuyerCostInputs {
            reserved_usd_per_gpu_hour: d("2"),
            on_demand_usd_per_gpu_hour: Decimal::ZERO,
            activity: Decimal::ZERO,
            gpus: Decimal::ONE,
            hours: HOURS_PER_MONTH,
        };
        let cost = buyer_cost(&idle).unwrap();
        assert_eq!(cost.reserved_cost_usd, d("1460"));
        assert_eq!(cost.on_demand_cost_usd, Decimal::ZERO);
        assert_eq!(
            (
                cost.reserved_usd_per_used_gpu_hour,
                cost.break_even_activity
            ),
            (None, None)
        );
        let bad = BuyerCostInputs {
            activity: d("1.2"),
            hours: Decimal::ZERO,
            ..idle
        };
        let all: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(all, ["activity", "hours"]);
    }
}

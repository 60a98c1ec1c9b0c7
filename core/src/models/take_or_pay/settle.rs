//! [`settle`]: a contract's bill, month by month and true-up period by true-up period.

use serde::{Deserialize, Serialize};

use super::contract::Contract;
use super::credits::Ledger;
use super::schedule::{MonthTerms, PeriodTerms, schedule};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// The field named when a usage total overflows.
const USAGE: &str = "usage_gpu_hours";
/// The field named when a sum of money overflows (usage × price).
const MONEY: &str = "contract.price_usd_per_gpu_hour";

/// What [`settle`] needs: a contract and the buyer's usage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettleInputs {
    /// The contract.
    pub contract: Contract,
    /// GPU-hours the buyer uses, month by month on the timeline: entry `i` is month `i + 1`
    /// (each at least 0). Months outside the term are ignored; missing months are 0.
    #[serde(default)]
    pub usage_gpu_hours: Vec<Decimal>,
}

/// One month of the bill. Amounts in USD are billed that month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementMonth {
    /// The month on the timeline.
    pub month: u32,
    /// The month of the contract (1 for its first).
    pub contract_month: u32,
    /// The true-up period it belongs to (1 for the first).
    pub true_up_period: u32,
    /// The contract price that month, escalated.
    pub price_usd_per_gpu_hour: Decimal,
    /// The ramped commitment in GPU-hours.
    pub minimum_gpu_hours: Decimal,
    /// `minimum_gpu_hours × min(price, shortfall price)`: the least the buyer can pay for
    /// the month's minimum.
    pub minimum_payment_usd: Decimal,
    /// The buyer's usage, as given.
    pub usage_gpu_hours: Decimal,
    /// Usage above the cap billed at the overage price.
    pub overage_gpu_hours: Decimal,
    /// Usage above the cap not served (a cap without an overage price).
    pub unserved_gpu_hours: Decimal,
    /// Usage up to the cap less the make-up credit used: the hours billed at the price.
    pub billed_gpu_hours: Decimal,
    /// `billed_gpu_hours × price`.
    pub usage_billed_usd: Decimal,
    /// `overage_gpu_hours × overage price`.
    pub overage_usd: Decimal,
    /// The period's shortfall, in its last month: `max(0, minimum − usage up to the cap)`.
    pub shortfall_gpu_hours: Decimal,
    /// `shortfall_gpu_hours × shortfall price`.
    pub shortfall_paid_usd: Decimal,
    /// Make-up credit earned by the shortfall (with make-up rights), GPU-hours.
    pub make_up_earned_gpu_hours: Decimal,
    /// Make-up credit used against usage above the period's minimum, GPU-hours.
    pub make_up_used_gpu_hours: Decimal,
    /// Make-up credit expired at the end of its window or of the contract, GPU-hours.
    pub make_up_expired_gpu_hours: Decimal,
    /// Make-up credit left at the end of the month, GPU-hours.
    pub make_up_balance_gpu_hours: Decimal,
    /// The termination fee, in the termination month.
    pub termination_fee_usd: Decimal,
    /// Usage billed + overage + shortfall paid + termination fee.
    pub revenue_usd: Decimal,
}

/// One true-up period, settled in its last month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrueUpPeriod {
    /// 1 for the contract's first period.
    pub period: u32,
    /// Its first month on the timeline.
    pub first_month: u32,
    /// Its last month on the timeline, where the shortfall is billed.
    pub last_month: u32,
    /// The sum of its months' minimums (a period cut by the end of the term or a
    /// termination has fewer months, so a pro-rated minimum).
    pub minimum_gpu_hours: Decimal,
    /// Usage up to the cap, summed: what counts against the minimum.
    pub usage_counted_gpu_hours: Decimal,
    /// `max(0, minimum − usage counted)`.
    pub shortfall_gpu_hours: Decimal,
    /// The shortfall price of the period, escalated.
    pub shortfall_price_usd_per_gpu_hour: Decimal,
    /// `shortfall_gpu_hours × shortfall price`.
    pub shortfall_paid_usd: Decimal,
    /// Make-up credit used in the period, GPU-hours.
    pub make_up_used_gpu_hours: Decimal,
    /// The sum of its months' minimum payments: its revenue is never below it.
    pub minimum_payment_usd: Decimal,
    /// The sum of its months' revenue.
    pub revenue_usd: Decimal,
}

/// Sums over the whole contract.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SettlementTotals {
    /// The buyer's usage within the months served.
    pub usage_gpu_hours: Decimal,
    /// Minimums.
    pub minimum_gpu_hours: Decimal,
    /// Minimum payments.
    pub minimum_payment_usd: Decimal,
    /// Hours billed at the contract price.
    pub billed_gpu_hours: Decimal,
    /// Usage billed.
    pub usage_billed_usd: Decimal,
    /// Hours above the cap billed at the overage price.
    pub overage_gpu_hours: Decimal,
    /// Overage billed.
    pub overage_usd: Decimal,
    /// Hours above the cap not served.
    pub unserved_gpu_hours: Decimal,
    /// Shortfall hours.
    pub shortfall_gpu_hours: Decimal,
    /// Shortfall paid.
    pub shortfall_paid_usd: Decimal,
    /// Make-up credit earned.
    pub make_up_earned_gpu_hours: Decimal,
    /// Make-up credit used.
    pub make_up_used_gpu_hours: Decimal,
    /// Make-up credit expired (every credit earned is used or expired by the last month).
    pub make_up_expired_gpu_hours: Decimal,
    /// The termination fee.
    pub termination_fee_usd: Decimal,
    /// Revenue.
    pub revenue_usd: Decimal,
}

/// The result of [`settle`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    /// The contract's name.
    pub name: String,
    /// One row per month served, from the start month to the last month.
    pub months: Vec<SettlementMonth>,
    /// One row per true-up period.
    pub true_ups: Vec<TrueUpPeriod>,
    /// Sums over the months.
    pub totals: SettlementTotals,
}

impl Validate for SettleInputs {
    /// Every problem with the contract and the usage, in field order.
    ///
    /// ```
    /// use gpuecon::models::take_or_pay::SettleInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: SettleInputs = serde_json::from_str(r#"{
    ///   "contract": { "gpus": 100, "start_month": 1, "term_months": 0,
    ///     "price_usd_per_gpu_hour": 2,
    ///     "commitment": { "unit": "gpu_hours", "quantity_per_month": 60000 } },
    ///   "usage_gpu_hours": [50000, 70000, 0, -1]
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["contract.term_months", "usage_gpu_hours[3]"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.nested("contract", &self.contract);
        c.each_at_least("usage_gpu_hours", &self.usage_gpu_hours, Decimal::ZERO);
    }
}

/// Settles a take-or-pay contract against the buyer's usage (formulas in the
/// [module docs](super)): a pure function of its inputs.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input by its path
/// (`contract.term_months`, `usage_gpu_hours[3]`); [`ModelError::Finance`] with an
/// overflow on the field whose product or sum does not fit.
///
/// # Example
/// 100 GPUs, 60,000 GPU-hours a month at $2.00, monthly true-up; the buyer uses 50,000:
/// 50,000 × $2 = $100,000 of usage and 10,000 × $2 = $20,000 of shortfall.
/// ```
/// use gpuecon::models::take_or_pay::{settle, SettleInputs};
/// use gpuecon::Decimal;
/// let inputs: SettleInputs = serde_json::from_str(r#"{
///   "contract": { "gpus": 100, "start_month": 1, "term_months": 1,
///     "price_usd_per_gpu_hour": "2.00",
///     "commitment": { "unit": "gpu_hours", "quantity_per_month": 60000 } },
///   "usage_gpu_hours": [50000]
/// }"#).unwrap();
/// let bill = settle(&inputs)?;
/// assert_eq!(bill.months[0].usage_billed_usd, Decimal::from(100_000));
/// assert_eq!(bill.months[0].shortfall_paid_usd, Decimal::from(20_000));
/// assert_eq!(bill.totals.revenue_usd, Decimal::from(120_000));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn settle(inputs: &SettleInputs) -> Result<Settlement, ModelError> {
    inputs.ensure_valid()?;
    let contract = &inputs.contract;
    let mut ledger = Ledger::new(contract.make_up.as_ref());
    let mut months = Vec::new();
    let mut true_ups = Vec::new();
    let periods = schedule(contract)?;
    let last_period = periods.last().map(|p| p.period);
    for period in &periods {
        let ends = Some(period.period) == last_period;
        let (rows, true_up) = settle_period(inputs, period, &mut ledger, ends)?;
        months.extend(rows);
        true_ups.push(true_up);
    }
    let totals = totals(&months)?;
    Ok(Settlement {
        name: contract.name.clone(),
        months,
        true_ups,
        totals,
    })
}

/// The buyer's usage in `month` (0 when not given).
fn usage_in(usage: &[Decimal], month: u32) -> Decimal {
    month
        .checked_sub(1)
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| usage.get(i))
        .copied()
        .unwrap_or_default()
}

/// `max(0, x)`.
fn positive_part(x: Decimal) -> Decimal {
    x.max(Decimal::ZERO)
}

/// Settles one true-up period: its month rows and its true-up row. `contract_ends`: the
/// contract's last period, after which every credit left expires.
fn settle_period(
    inputs: &SettleInputs,
    period: &PeriodTerms,
    ledger: &mut Ledger,
    contract_ends: bool,
) -> Result<(Vec<SettlementMonth>, TrueUpPeriod), ModelError> {
    let contract = &inputs.contract;
    let minimum = period.minimum_gpu_hours;
    let mut counted = Decimal::ZERO;
    let mut used_in_period = Decimal::ZERO;
    let mut rows = Vec::with_capacity(period.months.len());
    let last = period.months.last().map(|t| t.month);
    let mut shortfall = Decimal::ZERO;
    let mut shortfall_price = Decimal::ZERO;
    for terms in &period.months {
        let usage = usage_in(&inputs.usage_gpu_hours, terms.month);
        let within = contract
            .cap_gpu_hours_per_month
            .map_or(usage, |cap| usage.min(cap));
        let above_cap = units::sub(usage, within, USAGE)?;
        let (overage_hours, unserved) = match terms.overage_price {
            Some(_) => (above_cap, Decimal::ZERO),
            None => (Decimal::ZERO, above_cap),
        };
        // Usage above the period's minimum, reached cumulatively this month, may use credit.
        let above_before = positive_part(units::sub(counted, minimum, USAGE)?);
        counted = units::add(counted, within, USAGE)?;
        let above_after = positive_part(units::sub(counted, minimum, USAGE)?);
        let eligible = units::sub(above_after, above_before, USAGE)?;
        let used = ledger.use_up_to(eligible)?;
        used_in_period = units::add(used_in_period, used, USAGE)?;
        let billed = units::sub(within, used, USAGE)?;
        let mut row = month_row(terms, period.period, usage, billed, overage_hours, unserved)?;
        row.make_up_used_gpu_hours = used;
        if Some(terms.month) == last {
            shortfall = positive_part(units::sub(minimum, counted, USAGE)?);
            shortfall_price = terms.shortfall_price;
            row.shortfall_gpu_hours = shortfall;
            row.shortfall_paid_usd = units::mul(
                shortfall,
                shortfall_price,
                "contract.shortfall_price_usd_per_gpu_hour",
            )?;
            row.make_up_earned_gpu_hours = ledger.earn(period.period, shortfall);
            row.make_up_expired_gpu_hours = ledger.expire(period.period, contract_ends)?;
        }
        if let Some(termination) = &contract.termination
            && termination.month == terms.month
        {
            row.termination_fee_usd = termination.fee_usd;
        }
        row.make_up_balance_gpu_hours = ledger.balance()?;
        row.revenue_usd = [
            row.overage_usd,
            row.shortfall_paid_usd,
            row.termination_fee_usd,
        ]
        .into_iter()
        .try_fold(row.usage_billed_usd, |sum, x| units::add(sum, x, MONEY))?;
        rows.push(row);
    }
    let true_up = TrueUpPeriod {
        period: period.period,
        first_month: period.months.first().map_or(0, |t| t.month),
        last_month: last.unwrap_or(0),
        minimum_gpu_hours: minimum,
        usage_counted_gpu_hours: counted,
        shortfall_gpu_hours: shortfall,
        shortfall_price_usd_per_gpu_hour: shortfall_price,
        shortfall_paid_usd: rows.last().map_or(Decimal::ZERO, |r| r.shortfall_paid_usd),
        make_up_used_gpu_hours: used_in_period,
        minimum_payment_usd: sum(rows.iter().map(|r| r.minimum_payment_usd), MONEY)?,
        revenue_usd: sum(rows.iter().map(|r| r.revenue_usd), MONEY)?,
    };
    Ok((rows, true_up))
}

/// A month row with its usage billed and overage; the true-up items are 0.
fn month_row(
    terms: &MonthTerms,
    period: u32,
    usage: Decimal,
    billed: Decimal,
    overage_hours: Decimal,
    unserved: Decimal,
) -> Result<SettlementMonth, ModelError> {
    let overage_usd = match terms.overage_price {
        Some(price) => units::mul(
            overage_hours,
            price,
            "contract.overage_price_usd_per_gpu_hour",
        )?,
        None => Decimal::ZERO,
    };
    Ok(SettlementMonth {
        month: terms.month,
        contract_month: terms.contract_month,
        true_up_period: period,
        price_usd_per_gpu_hour: terms.price,
        minimum_gpu_hours: terms.minimum_gpu_hours,
        minimum_payment_usd: terms.minimum_payment_usd,
        usage_gpu_hours: usage,
        overage_gpu_hours: overage_hours,
        unserved_gpu_hours: unserved,
        billed_gpu_hours: billed,
        usage_billed_usd: units::mul(billed, terms.price, "contract.price_usd_per_gpu_hour")?,
        overage_usd,
        shortfall_gpu_hours: Decimal::ZERO,
        shortfall_paid_usd: Decimal::ZERO,
        make_up_earned_gpu_hours: Decimal::ZERO,
        make_up_used_gpu_hours: Decimal::ZERO,
        make_up_expired_gpu_hours: Decimal::ZERO,
        make_up_balance_gpu_hours: Decimal::ZERO,
        termination_fee_usd: Decimal::ZERO,
        revenue_usd: Decimal::ZERO,
    })
}

/// The checked sum of `values`, naming `field` on overflow.
fn sum(
    values: impl IntoIterator<Item = Decimal>,
    field: &'static str,
) -> Result<Decimal, ModelError> {
    Ok(values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, x| units::add(acc, x, field))?)
}

/// The totals of the month rows.
fn totals(months: &[SettlementMonth]) -> Result<SettlementTotals, ModelError> {
    let hours = |item: fn(&SettlementMonth) -> Decimal| sum(months.iter().map(item), USAGE);
    let usd = |item: fn(&SettlementMonth) -> Decimal| sum(months.iter().map(item), MONEY);
    Ok(SettlementTotals {
        usage_gpu_hours: hours(|m| m.usage_gpu_hours)?,
        minimum_gpu_hours: hours(|m| m.minimum_gpu_hours)?,
        minimum_payment_usd: usd(|m| m.minimum_payment_usd)?,
        billed_gpu_hours: hours(|m| m.billed_gpu_hours)?,
        usage_billed_usd: usd(|m| m.usage_billed_usd)?,
        overage_gpu_hours: hours(|m| m.overage_gpu_hours)?,
        overage_usd: usd(|m| m.overage_usd)?,
        unserved_gpu_hours: hours(|m| m.unserved_gpu_hours)?,
        shortfall_gpu_hours: hours(|m| m.shortfall_gpu_hours)?,
        shortfall_paid_usd: usd(|m| m.shortfall_paid_usd)?,
        make_up_earned_gpu_hours: hours(|m| m.make_up_earned_gpu_hours)?,
        make_up_used_gpu_hours: hours(|m| m.make_up_used_gpu_hours)?,
        make_up_expired_gpu_hours: hours(|m| m.make_up_expired_gpu_hours)?,
        termination_fee_usd: usd(|m| m.termination_fee_usd)?,
        revenue_usd: usd(|m| m.revenue_usd)?,
    })
}

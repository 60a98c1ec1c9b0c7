//! [`collateral_schedule`]: LTV, covenant tests, defaults and recoveries, month by month.

use serde::{Deserialize, Serialize};

use super::covenants::{CovenantTest, Streak};
use super::inputs::{CollateralInputs, CollateralValue};
use super::recovery::Recovery;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::Validate;
use crate::units;

/// One month of a [`CollateralSchedule`], tested at the end of the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollateralMonth {
    /// The month (1 is the first month after origination).
    pub month: u32,
    /// The loan balance at the end of the month (the input).
    pub balance_usd: Decimal,
    /// The collateral's value at the end of the month.
    pub collateral_value_usd: Decimal,
    /// `balance ÷ value`: 0 when nothing is owed, `null` (unbounded) when the collateral
    /// is worthless and a balance is owed.
    pub ltv: Option<Decimal>,
    /// Maximum LTV: breached when `ltv > max_ltv` or unbounded.
    pub ltv_test: CovenantTest,
    /// Minimum DSCR: breached when `dscr < minimum_dscr`.
    pub dscr_test: CovenantTest,
    /// Concentration limit: breached when the largest share exceeds the maximum.
    pub concentration_test: CovenantTest,
    /// Whether any covenant is breached this month.
    pub in_breach: bool,
    /// Whether an event of default has occurred, this month or before: some covenant
    /// breached `cure_months + 1` months running. It stays true (a later cure does not
    /// undo a default).
    pub in_default: bool,
    /// What the lender would recover if the borrower defaulted this month.
    pub recovery: Recovery,
}

/// The loan at origination and the worst of the months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollateralSummary {
    /// The collateral's value at origination (month 0).
    pub origination_value_usd: Decimal,
    /// `advance_rate × origination value`: the loan the collateral supports.
    pub loan_usd: Decimal,
    /// The highest LTV of the months; `null` when some month's LTV is unbounded.
    pub peak_ltv: Option<Decimal>,
    /// The first month at the peak LTV.
    pub peak_ltv_month: u32,
    /// Months with a covenant breached (consecutive or not).
    pub months_in_breach: u32,
    /// The first month with a covenant breached.
    pub first_breach_month: Option<u32>,
    /// The first month in default.
    pub first_default_month: Option<u32>,
    /// The recovery in the first month in default.
    pub recovery_at_default: Option<Recovery>,
}

/// The result of [`collateral_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollateralSchedule {
    /// One row per month of `balance_usd`, from month 1.
    pub months: Vec<CollateralMonth>,
    /// The loan and the worst of the months.
    pub summary: CollateralSummary,
}

/// The collateral's value at origination and at the end of months 1 to `months`.
fn values(
    collateral: &CollateralValue,
    months: usize,
) -> Result<(Decimal, Vec<Decimal>), ModelError> {
    match collateral {
        CollateralValue::Fleet {
            gpus,
            capex_usd_per_gpu,
            residual,
        } => {
            let base = units::mul(*gpus, *capex_usd_per_gpu, "collateral.capex_usd_per_gpu")?;
            let horizon = u32::try_from(months)
                .map_err(|_| ModelError::domain("balance_usd", "must hold 1 to 1200 months"))?;
            let within = |e: ModelError| e.within("collateral.residual");
            let at = |factor: Decimal| Ok(units::mul(base, factor, "collateral.residual")?);
            let origination = at(residual.value_at(0).map_err(within)?)?;
            let later = residual
                .series(horizon)
                .map_err(within)?
                .into_iter()
                .map(at)
                .collect::<Result<_, ModelError>>()?;
            Ok((origination, later))
        }
        CollateralValue::Series {
            origination_value_usd,
            value_usd,
        } => Ok((
            *origination_value_usd,
            value_usd.iter().take(months).copied().collect(),
        )),
    }
}

/// Whether LTV `b` is higher than `a`, `None` being unbounded.
fn higher(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => b > a,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// LTV, covenant tests, cure periods, defaults and recoveries, month by month (formulas
/// in the [module docs](super)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds, by its path (`advance_rate`,
/// `collateral.residual.annual_factor`, `covenants.dscr.dscr_by_month`);
/// [`ModelError::Finance`] naming the input whose product or quotient overflows.
///
/// # Example
/// 100 GPUs at $50,000 losing 20 % of their value a year in straight monthly steps, a
/// $3.75M loan (75 % advance) paid down $50,000 a month, LTV at most 80 %, one month to
/// cure:
/// ```
/// use gpuecon::models::collateral::{collateral_schedule, CollateralInputs};
/// use gpuecon::Decimal;
/// let inputs: CollateralInputs = serde_json::from_str(r#"{
///   "collateral": { "kind": "fleet", "gpus": 100, "capex_usd_per_gpu": 50000,
///     "residual": { "kind": "points", "points": [
///       { "month": 0, "value": 1 }, { "month": 12, "value": 0.8 } ] } },
///   "advance_rate": 0.75,
///   "balance_usd": [3700000, 3650000, 3600000, 3550000],
///   "covenants": { "max_ltv": 0.8, "cure_months": 1 },
///   "liquidation": { "haircut": 0.3, "costs_usd": 100000 }
/// }"#).unwrap();
/// let s = collateral_schedule(&inputs)?;
/// assert_eq!(s.summary.loan_usd, Decimal::from(3_750_000));
/// // Month 4: value 5,000,000 × (1 − 0.2 × 4/12) = 4,666,666.67; LTV 3,550,000 / that = 0.7607
/// assert_eq!(s.months[3].ltv.map(|l| l.round_dp(4)), Some(Decimal::new(7607, 4)));
/// assert_eq!(s.summary.first_default_month, None);
/// // A default in month 4: 4,666,666.67 × 0.7 − 100,000 = 3,166,666.67 recovered
/// assert_eq!(s.months[3].recovery.recovery_usd.round_dp(2), Decimal::new(316_666_667, 2));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn collateral_schedule(inputs: &CollateralInputs) -> Result<CollateralSchedule, ModelError> {
    inputs.ensure_valid()?;
    let covenants = &inputs.covenants;
    let (origination, collateral) = values(&inputs.collateral, inputs.months())?;
    let loan = units::mul(inputs.advance_rate, origination, "advance_rate")?;

    let (mut ltv_streak, mut dscr_streak, mut share_streak) =
        (Streak::default(), Streak::default(), Streak::default());
    let mut in_default = false;
    let mut months = Vec::with_capacity(inputs.months());
    let rows = (1u32..).zip(inputs.balance_usd.iter().zip(collateral));
    for (i, (month, (&balance, value))) in rows.enumerate() {
        let ltv = if balance.is_zero() {
            Some(Decimal::ZERO)
        } else if value.is_zero() {
            None
        } else {
            Some(
                units::div(balance, value, "balance_usd")
                    .map_err(|e| ModelError::finance(&format!("balance_usd[{i}]"), e))?,
            )
        };
        let ltv_test = ltv_streak.record(Some(ltv.is_none_or(|l| l > covenants.max_ltv)));
        let dscr_test = dscr_streak.record(covenants.dscr.as_ref().and_then(|c| {
            let dscr = c.dscr_by_month.get(i).copied().flatten();
            dscr.map(|d| d < c.minimum_dscr)
        }));
        let concentration_test =
            share_streak.record(covenants.concentration.as_ref().and_then(|c| {
                let share = c.largest_customer_share_by_month.get(i);
                share.map(|s| *s > c.maximum_share)
            }));
        let tests = [ltv_test, dscr_test, concentration_test];
        let in_breach = tests.iter().any(|t| t.consecutive_breach_months > 0);
        in_default = in_default
            || tests
                .iter()
                .any(|t| t.consecutive_breach_months > covenants.cure_months);
        months.push(CollateralMonth {
            month,
            balance_usd: balance,
            collateral_value_usd: value,
            ltv,
            ltv_test,
            dscr_test,
            concentration_test,
            in_breach,
            in_default,
            recovery: inputs.liquidation.recover(value, balance)?,
        });
    }
    let summary = summarize(origination, loan, &months);
    Ok(CollateralSchedule { months, summary })
}

/// The summary of the months.
fn summarize(origination: Decimal, loan: Decimal, months: &[CollateralMonth]) -> CollateralSummary {
    let mut peak: Option<&CollateralMonth> = None;
    for row in months {
        if peak.is_none_or(|p| higher(p.ltv, row.ltv)) {
            peak = Some(row);
        }
    }
    let breached = months.iter().filter(|m| m.in_breach);
    let first_default = months.iter().find(|m| m.in_default);
    CollateralSummary {
        origination_value_usd: origination,
        loan_usd: loan,
        peak_ltv: peak.and_then(|p| p.ltv),
        peak_ltv_month: peak.map_or(0, |p| p.month),
        months_in_breach: u32::try_from(breached.clone().count()).unwrap_or(u32::MAX),
        first_breach_month: breached.map(|m| m.month).next(),
        first_default_month: first_default.map(|m| m.month),
        recovery_at_default: first_default.map(|m| m.recovery.clone()),
    }
}

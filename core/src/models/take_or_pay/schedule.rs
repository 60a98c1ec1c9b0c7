//! The contract's terms month by month: escalated prices, the ramped minimum and the
//! minimum payment, grouped into true-up periods. [`settle`](super::settle) and
//! [`backlog`](super::backlog) both read them.

use super::contract::{CommitmentUnit, Contract};
use crate::Decimal;
use crate::models::ModelError;
use crate::units::{self, HOURS_PER_MONTH, KW_PER_MW};

/// One month of the term, before any usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MonthTerms {
    /// The month on the timeline.
    pub month: u32,
    /// The month of the contract, 1 for its first.
    pub contract_month: u32,
    /// The escalated contract price.
    pub price: Decimal,
    /// The escalated shortfall price.
    pub shortfall_price: Decimal,
    /// The escalated overage price, when there is one.
    pub overage_price: Option<Decimal>,
    /// The ramped commitment in GPU-hours.
    pub minimum_gpu_hours: Decimal,
    /// `minimum_gpu_hours × min(price, shortfall_price)`: the least the buyer can pay.
    pub minimum_payment_usd: Decimal,
}

/// One true-up period: its months and the minimum that applies to their sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PeriodTerms {
    /// 1 for the contract's first period.
    pub period: u32,
    /// Its months, at least one (fewer than the period's length when cut by the end of the
    /// term or a termination).
    pub months: Vec<MonthTerms>,
    /// The sum of its months' minimums.
    pub minimum_gpu_hours: Decimal,
}

/// The terms of every month from the start to the last month served, in true-up periods.
/// `contract` must be valid.
pub(crate) fn schedule(contract: &Contract) -> Result<Vec<PeriodTerms>, ModelError> {
    let length = contract.true_up.months();
    let mut periods: Vec<PeriodTerms> = Vec::new();
    let mut factor = Decimal::ONE;
    for month in contract.start_month..=contract.last_month() {
        let contract_month = month - contract.start_month + 1;
        if let Some(escalator) = &contract.escalator
            && contract_month > 1
            && (contract_month - 1).checked_rem(escalator.every_months) == Some(0)
        {
            let step = units::add(
                Decimal::ONE,
                escalator.annual_rate,
                "contract.escalator.annual_rate",
            )?;
            factor = units::mul(factor, step, "contract.escalator.annual_rate")?;
        }
        let terms = month_terms(contract, month, contract_month, factor)?;
        let period = (contract_month - 1) / length + 1;
        match periods.last_mut() {
            Some(current) if current.period == period => {
                current.minimum_gpu_hours = units::add(
                    current.minimum_gpu_hours,
                    terms.minimum_gpu_hours,
                    "contract.commitment.quantity_per_month",
                )?;
                current.months.push(terms);
            }
            _ => periods.push(PeriodTerms {
                period,
                minimum_gpu_hours: terms.minimum_gpu_hours,
                months: vec![terms],
            }),
        }
    }
    Ok(periods)
}

/// The terms of one month at escalation `factor`.
fn month_terms(
    contract: &Contract,
    month: u32,
    contract_month: u32,
    factor: Decimal,
) -> Result<MonthTerms, ModelError> {
    let escalate = |price: Decimal| units::mul(price, factor, "contract.escalator.annual_rate");
    let price = escalate(contract.price_usd_per_gpu_hour)?;
    let shortfall_price = escalate(contract.shortfall_price())?;
    let overage_price = contract
        .overage_price_usd_per_gpu_hour
        .map(escalate)
        .transpose()?;
    let commitment = &contract.commitment;
    let quantity = commitment.quantity_per_month;
    let field = "contract.commitment.quantity_per_month";
    let committed = match commitment.unit {
        CommitmentUnit::GpuHours => quantity,
        CommitmentUnit::Megawatts => {
            let kw = units::mul(quantity, KW_PER_MW, field)?;
            let hours = units::mul(kw, HOURS_PER_MONTH, field)?;
            let kw_per_gpu = commitment.kw_per_gpu.ok_or_else(|| {
                ModelError::domain(
                    "contract.commitment.kw_per_gpu",
                    "is required for a commitment in megawatts",
                )
            })?;
            units::div(hours, kw_per_gpu, "contract.commitment.kw_per_gpu")?
        }
        CommitmentUnit::Usd => units::div(quantity, price, "contract.price_usd_per_gpu_hour")?,
    };
    let ramp = usize::try_from(contract_month - 1)
        .ok()
        .and_then(|i| contract.ramp.get(i))
        .copied()
        .unwrap_or(Decimal::ONE);
    let minimum_gpu_hours = units::mul(committed, ramp, "contract.ramp")?;
    let minimum_payment_usd = units::mul(
        minimum_gpu_hours,
        price.min(shortfall_price),
        "contract.price_usd_per_gpu_hour",
    )?;
    Ok(MonthTerms {
        month,
        contract_month,
        price,
        shortfall_price,
        overage_price,
        minimum_gpu_hours,
        minimum_payment_usd,
    })
}

//! The financing part of a [`Report`](super::Report): one [`FinancingMonth`] per month
//! and a [`FinancingSummary`]. The formulas are in the docs of
//! [`financing`](crate::scenario::financing).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::metrics::ProjectMetrics;

/// Which limit set the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizedBy {
    /// The advance rate on the collateral.
    AdvanceRate,
    /// The target DSCR on the cash flows.
    TargetDscr,
}

/// One month of the box's financing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingMonth {
    /// 1 for the first month after the start.
    pub month: u32,
    /// Cash flow available for debt service: the month's gross margin less the
    /// prepayments applied.
    pub cfads_usd: Decimal,
    /// Drawn at the end of the month (the start of the next) for the GPUs delivered then.
    pub draw_usd: Decimal,
    /// Interest added to the balance (construction, or a sculpted service below it).
    pub capitalized_interest_usd: Decimal,
    /// Interest paid.
    pub interest_usd: Decimal,
    /// Principal repaid.
    pub principal_usd: Decimal,
    /// Interest paid + principal.
    pub debt_service_usd: Decimal,
    /// Upfront and commitment fees.
    pub fees_usd: Decimal,
    /// The loan balance at the end of the month.
    pub balance_usd: Decimal,
    /// CFADS ÷ debt service; `None` without debt service.
    pub dscr: Option<Decimal>,
    /// Balance ÷ the GPUs' economic value; `None` when they are worth nothing.
    pub ltv: Option<Decimal>,
    /// Whether a covenant is breached this month.
    pub in_breach: bool,
    /// Whether the breach has outlasted the cure period.
    pub in_default: bool,
    /// What the equity holders receive (negative: put in).
    pub equity_cash_flow_usd: Decimal,
}

/// The financing summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingSummary {
    /// The debt: the loan's commitment, all of it drawn (at the close, or with the
    /// deliveries).
    pub debt_usd: Decimal,
    /// Which limit set it.
    pub sized_by: SizedBy,
    /// The advance-rate limit.
    pub advance_limit_usd: Decimal,
    /// The DSCR limit.
    pub dscr_limit_usd: Decimal,
    /// The equity put in: capex − debt − prepayments (at the close, or with the
    /// deliveries).
    pub equity_usd: Decimal,
    /// NPV, IRR and payback of the equity cash flows.
    pub equity: ProjectMetrics,
    /// The lowest monthly DSCR; `None` without debt service.
    pub minimum_dscr: Option<Decimal>,
    /// The highest monthly LTV.
    pub peak_ltv: Option<Decimal>,
    /// Months with a covenant breached.
    pub months_in_breach: u32,
    /// The first month in default (a breach past its cure period), if any.
    pub first_default_month: Option<u32>,
}

/// The box's financing: its months and summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingReport {
    /// One entry per month of the horizon.
    pub months: Vec<FinancingMonth>,
    /// Totals and metrics.
    pub summary: FinancingSummary,
}

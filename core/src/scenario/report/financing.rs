//! The financing part of a [`Report`](super::Report): one [`FinancingMonth`] per month
//! (the lender's waterfall, step by step) and a [`FinancingSummary`]. The formulas are in
//! the docs of [`financing`](crate::scenario::financing).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::metrics::ProjectMetrics;
use crate::models::tax::TaxSchedule;

/// Which limit set the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizedBy {
    /// The advance rate on the collateral.
    AdvanceRate,
    /// The target DSCR on the cash flows.
    TargetDscr,
    /// The minimum LLCR at the close.
    Llcr,
}

/// What made the loan default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultKind {
    /// CFADS, the reserve and the trapped cash together fell short of the fees and debt
    /// service due.
    Payment,
    /// A covenant (LTV or DSCR) stayed breached beyond its cure period.
    Covenant,
}

/// One month of the box's financing: the waterfall in its order, the accounts and the
/// tests. Every amount is in USD for the whole box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinancingMonth {
    /// 1 for the first month after the start.
    pub month: u32,
    /// Revenue (the scenario's month; 0 after a foreclosure).
    pub revenue_usd: Decimal,
    /// Cash operating costs, and the customers' prepayments applied against the month's
    /// billing (received at the close, so not cash now).
    pub operating_costs_usd: Decimal,
    /// Taxes paid (0 without a taxes section).
    pub taxes_usd: Decimal,
    /// Maintenance capex: failed GPUs replaced (0 without a maintenance section).
    pub maintenance_capex_usd: Decimal,
    /// The increase in working capital: receivables less payables (0 without a
    /// working-capital section).
    pub working_capital_change_usd: Decimal,
    /// Cash flow available for debt service: revenue − operating costs − taxes −
    /// maintenance capex − working-capital change.
    pub cfads_usd: Decimal,
    /// Put in by the equity to cover a negative CFADS (sponsor support).
    pub equity_support_usd: Decimal,
    /// Drawn at the end of the month (the start of the next) for the GPUs delivered then.
    pub draw_usd: Decimal,
    /// Upfront and commitment fees. The upfront fee is paid by the equity (a use of funds
    /// at the close, reported in month 1); commitment fees come first in the waterfall.
    pub fees_usd: Decimal,
    /// The upfront fee in `fees_usd` (month 1 only).
    pub upfront_fee_usd: Decimal,
    /// Interest added to the balance (construction, a sculpted service below it, or unpaid
    /// in a payment default).
    pub capitalized_interest_usd: Decimal,
    /// Interest paid.
    pub interest_usd: Decimal,
    /// Principal repaid: the schedule's, or under acceleration all the cash left after
    /// interest.
    pub principal_usd: Decimal,
    /// The hedges' net settlement paid (swap settlement − cap payout; negative: received),
    /// with the interest; 0 without hedges, and under acceleration (the hedges are then
    /// terminated; their termination value is not modelled).
    pub hedges_usd: Decimal,
    /// Interest paid + principal + hedges.
    pub debt_service_usd: Decimal,
    /// Fees and debt service due and not paid (a payment default).
    pub shortfall_usd: Decimal,
    /// Drawn from the debt service reserve account to pay debt service.
    pub dsra_draw_usd: Decimal,
    /// Paid into the reserve account up to its target.
    pub dsra_top_up_usd: Decimal,
    /// Released from the reserve account above its target (to the waterfall), or taken
    /// by the lender in a default.
    pub dsra_release_usd: Decimal,
    /// The reserve account at the end of the month.
    pub dsra_balance_usd: Decimal,
    /// The lock-up test's trailing DSCR; `None` without a lock-up or without debt
    /// service in its window.
    pub trailing_dscr: Option<Decimal>,
    /// Whether distributions are locked up this month.
    pub locked_up: bool,
    /// Cash swept to the lender (prepaying principal) by the cash sweep.
    pub sweep_usd: Decimal,
    /// Cash trapped this month by the lock-up.
    pub trapped_usd: Decimal,
    /// Trapped cash released: to pay debt service short of cash, to the equity after the
    /// test passed (or at the horizon), or to the lender in a default.
    pub trapped_release_usd: Decimal,
    /// Trapped cash swept to the lender (prepaying principal) after a long lock-up.
    pub trapped_swept_usd: Decimal,
    /// The trapped cash at the end of the month.
    pub trapped_balance_usd: Decimal,
    /// Distributions to the equity from the waterfall (0 while locked up or in default
    /// until the lender is repaid).
    pub distribution_usd: Decimal,
    /// The GPUs' sale proceeds paid to the lender: a foreclosure, or the sale at the
    /// horizon while a balance is owed.
    pub sale_to_lender_usd: Decimal,
    /// The balance written off: what a foreclosure or the horizon leaves unpaid after a
    /// default.
    pub written_off_usd: Decimal,
    /// The loan balance at the end of the month.
    pub balance_usd: Decimal,
    /// The CFADS the debt was sized on: less the merchant haircut.
    pub sizing_cfads_usd: Decimal,
    /// Loan life coverage: the PV at the loan's rate of CFADS to maturity ÷ the balance;
    /// `None` without a balance.
    pub llcr: Option<Decimal>,
    /// Project life coverage: the same PV to the horizon ÷ the balance.
    pub plcr: Option<Decimal>,
    /// CFADS ÷ debt service due; `None` without debt service.
    pub dscr: Option<Decimal>,
    /// Balance ÷ the GPUs' economic value; `None` when they are worth nothing.
    pub ltv: Option<Decimal>,
    /// Whether a covenant is breached this month.
    pub in_breach: bool,
    /// Whether the loan is in default (an event of default this month or before).
    pub in_default: bool,
    /// Whether the GPUs have been sold by the lender (this month or before).
    pub foreclosed: bool,
    /// What the lender receives (negative: lends): fees + debt service + sweeps + sale
    /// proceeds − the draw.
    pub lender_cash_flow_usd: Decimal,
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
    /// The LLCR limit (with `min_llcr`).
    pub llcr_limit_usd: Option<Decimal>,
    /// The target DSCR the advance-rate limit alone would need: target × DSCR limit ÷
    /// advance limit (the debt a sculpted target supports is inversely proportional to
    /// it); `None` without an advance limit.
    pub advance_rate_dscr: Option<Decimal>,
    /// The LLCR at the close: the PV of CFADS over the loan's life ÷ the debt.
    pub llcr_at_close: Option<Decimal>,
    /// The PV of the contracted backlog ÷ the debt.
    pub backlog_coverage: Option<Decimal>,
    /// The equity put in: capex − debt − prepayments (at the close, or with the
    /// deliveries).
    pub equity_usd: Decimal,
    /// The reserve account funded at the close by the equity (0 unless the DSRA is funded
    /// at the close).
    pub initial_dsra_usd: Decimal,
    /// The equity's cash flow at the close (month 0; negative: put in), the first of the
    /// flows `equity` reads: the close's cash flow + the first draw − the initial reserve −
    /// the spares − the cap's premium. With the months' `equity_cash_flow_usd` after it,
    /// an IRR of the column gives `equity.irr_monthly`.
    pub equity_close_cash_flow_usd: Decimal,
    /// Sources and uses of funds.
    pub sources_and_uses: SourcesAndUses,
    /// NPV, IRR and payback of the equity cash flows (the initial reserve included).
    pub equity: ProjectMetrics,
    /// NPV, IRR and payback of the lender's cash flows, at the scenario's discount rate.
    pub lender: ProjectMetrics,
    /// The distributions the equity received over the horizon.
    pub distributions_usd: Decimal,
    /// The lowest monthly DSCR; `None` without debt service.
    pub minimum_dscr: Option<Decimal>,
    /// The lowest LLCR at a month's end while a balance is owed.
    pub minimum_llcr: Option<Decimal>,
    /// The highest monthly LTV.
    pub peak_ltv: Option<Decimal>,
    /// Months with a covenant breached.
    pub months_in_breach: u32,
    /// What the reserve account paid towards debt service over the horizon.
    pub dsra_draws_usd: Decimal,
    /// Months with distributions locked up.
    pub months_in_lock_up: u32,
    /// The month of the event of default, if any.
    pub first_default_month: Option<u32>,
    /// What made the loan default, if it did.
    pub default_kind: Option<DefaultKind>,
    /// The month the lender sold the GPUs, if it did.
    pub foreclosure_month: Option<u32>,
    /// The lender's exposure at default: the balance owed at the end of the month of
    /// default before any write-off (after its debt service, before its sale of the GPUs
    /// and the settlement at a foreclosure or the horizon).
    pub exposure_at_default_usd: Option<Decimal>,
    /// What the lender received of its exposure: what the month of default's sale and
    /// settlement repaid, then after it fees, interest, principal from the cash, the
    /// reserve and the trapped cash, and sale proceeds.
    pub recovery_usd: Option<Decimal>,
    /// The balance written off ÷ the exposure at default.
    pub loss_given_default: Option<Decimal>,
}

/// Sources and uses of funds at the close (with the deliveries when the fleet is
/// delivered over time): sources = uses exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcesAndUses {
    /// Uses: the fleet's capex.
    pub capex_usd: Decimal,
    /// Uses: the upfront fee.
    pub upfront_fee_usd: Decimal,
    /// Uses: the reserve account funded at the close.
    pub initial_dsra_usd: Decimal,
    /// Uses: the interest capitalized during construction (`capitalize_until_month`).
    pub capitalized_interest_usd: Decimal,
    /// Uses: the spare GPUs bought at the close.
    pub spares_usd: Decimal,
    /// Uses: an interest-rate cap's premium, paid by the equity at the close (0 without a cap).
    pub cap_premium_usd: Decimal,
    /// The uses added up.
    pub uses_usd: Decimal,
    /// Sources: the debt committed and drawn.
    pub debt_usd: Decimal,
    /// Sources: the construction interest the loan's balance carries.
    pub capitalized_debt_usd: Decimal,
    /// Sources: the customers' prepayments.
    pub prepayments_usd: Decimal,
    /// Sources: the equity, the rest.
    pub equity_usd: Decimal,
    /// The sources added up (= the uses).
    pub sources_usd: Decimal,
}

/// The box's financing: its months and summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Fields are added as the model grows: not a breaking change (built only by the crate).
#[non_exhaustive]
pub struct FinancingReport {
    /// One entry per month of the horizon.
    pub months: Vec<FinancingMonth>,
    /// Totals and metrics.
    pub summary: FinancingSummary,
    /// The taxes month by month and tax year by tax year (their total paid is each month's
    /// `taxes_usd`); `None` without a taxes section.
    pub taxes: Option<TaxSchedule>,
}

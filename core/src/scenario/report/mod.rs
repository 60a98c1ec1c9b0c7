//! What [`evaluate`](super::evaluate) returns: the monthly series and the summary computed
//! from them. Every amount is in USD for the whole fleet unless its name says otherwise.

use serde::{Deserialize, Serialize};

use super::warnings::Warning;
use crate::models::metrics::ProjectMetrics;
use crate::{Date, Decimal};

pub(super) mod financing;
use financing::FinancingReport;

/// Revenue by product. `total = contracts + reserved + on demand + spot + hosting + demand
/// response − curtailed − SLA credits`: the last two are deductions, reported as positive
/// amounts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revenue {
    /// Take-or-pay contracts: usage, shortfall, overage and termination fees.
    pub contracts_usd: Decimal,
    /// Reserved capacity.
    pub reserved_usd: Decimal,
    /// On-demand sales.
    pub on_demand_usd: Decimal,
    /// Spot sales from idle hours.
    pub spot_usd: Decimal,
    /// Hosting fees billed to the tenant (the minimum top-up included), before SLA credits.
    pub hosting_usd: Decimal,
    /// Demand-response payments from the grid for the MWh not drawn in curtailed hours.
    pub demand_response_usd: Decimal,
    /// Revenue lost to curtailment: (contracts + reserved + on demand + spot) × the share of
    /// the hours cut (subtracted).
    pub curtailed_usd: Decimal,
    /// SLA credits given to the hosting tenant (subtracted).
    pub sla_credits_usd: Decimal,
    /// The six items less the two deductions.
    pub total_usd: Decimal,
}

/// Cash operating costs by item; `total` is their sum.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Costs {
    /// Electricity bought, PUE included, at the month's busy share (after curtailment, at
    /// the PPA's price).
    pub power_usd: Decimal,
    /// A virtual PPA's settlement: paid when positive, received when negative.
    pub ppa_settlement_usd: Decimal,
    /// Colocation on contracted kW, or the lease's rent.
    pub facility_usd: Decimal,
    /// The lease's property taxes (triple-net).
    pub lease_taxes_usd: Decimal,
    /// The lease's building insurance (triple-net).
    pub lease_insurance_usd: Decimal,
    /// The lease's maintenance (triple-net).
    pub lease_maintenance_usd: Decimal,
    /// Operations staff.
    pub staff_usd: Decimal,
    /// Support and maintenance.
    pub support_usd: Decimal,
    /// Software.
    pub software_usd: Decimal,
    /// Insurance.
    pub insurance_usd: Decimal,
    /// SG&A on revenue.
    pub sga_usd: Decimal,
    /// The sum of the eleven.
    pub total_usd: Decimal,
}

/// One month of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthReport {
    /// 1 for the first month after the start.
    pub month: u32,
    /// The last day of the month's period: the start date plus `month` months.
    pub date: Date,
    /// GPUs in service × 730.
    pub available_gpu_hours: Decimal,
    /// GPU-hours lost to curtailment: available × the share of the hours cut.
    pub curtailed_gpu_hours: Decimal,
    /// Hours billed or allocated (the commercial utilization's numerator): every hour of
    /// the GPUs under contract or reserved, used or not, plus the on-demand and spot hours
    /// sold (spot less pre-empted).
    pub billed_gpu_hours: Decimal,
    /// Hours the GPUs ran, which sets the power bill: contract usage served, every reserved
    /// hour (counted as busy: the buyer may use them all), on-demand and spot hours billed.
    pub busy_gpu_hours: Decimal,
    /// Billed ÷ available (0 in a month without GPUs: all sold before it).
    pub billed_utilization: Decimal,
    /// Energy drawn by the facility (IT × PUE), MWh.
    pub energy_mwh: Decimal,
    /// The on-demand price that month (base × curve, or the cascade stage's).
    pub on_demand_usd_per_gpu_hour: Decimal,
    /// Revenue by product.
    pub revenue: Revenue,
    /// Cash operating costs by item.
    pub costs: Costs,
    /// Revenue − costs.
    pub gross_margin_usd: Decimal,
    /// Revenue ÷ available GPU-hours (0 in a month without GPUs).
    pub revenue_per_available_gpu_hour: Decimal,
    /// Costs ÷ billed GPU-hours; `None` when nothing was billed.
    pub cost_per_billed_gpu_hour: Option<Decimal>,
    /// Book depreciation.
    pub depreciation_usd: Decimal,
    /// Book value at the end of the month.
    pub book_value_usd: Decimal,
    /// Economic value at the end of the month (capex × residual curve).
    pub economic_value_usd: Decimal,
    /// GPUs sold at the month's end: after a contract (`after_contract: sell`) or retired
    /// (`retire_when_uneconomic`), at their economic value less `selling_cost_share`; and
    /// in the last month, when `sell_at_horizon`, the rest of the fleet at its economic
    /// value.
    pub sale_usd: Decimal,
    /// Capex paid at the end of the month for GPUs delivered then (`fleet.deliveries`).
    pub capex_usd: Decimal,
    /// Customers' prepayments applied against the month's billing (received at the close,
    /// so not received again now).
    pub prepayment_applied_usd: Decimal,
    /// Gross margin − prepayment applied − capex + sale.
    pub cash_flow_usd: Decimal,
    /// Cumulative cash flow from the close's (the capex and prepayments at the close
    /// included).
    pub cumulative_cash_flow_usd: Decimal,
}

/// Totals and metrics over the horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Fleet capex, paid at the close or on delivery.
    pub capex_usd: Decimal,
    /// Prepayments received from customers at the close.
    pub prepayment_usd: Decimal,
    /// The cash flow at the close (month 0): prepayments − the capex paid then.
    pub close_cash_flow_usd: Decimal,
    /// Revenue by product over the horizon.
    pub revenue: Revenue,
    /// Costs by item over the horizon.
    pub costs: Costs,
    /// Revenue − costs.
    pub gross_margin_usd: Decimal,
    /// Gross margin ÷ revenue; `None` without revenue.
    pub gross_margin_share: Option<Decimal>,
    /// Billed ÷ available hours over the horizon.
    pub billed_utilization: Decimal,
    /// Revenue per year ÷ capex; `None` when the capex is 0.
    pub yield_on_cost: Option<Decimal>,
    /// Book value at the end of the horizon.
    pub book_value_usd: Decimal,
    /// Economic value at the end of the horizon.
    pub economic_value_usd: Decimal,
    /// NPV, IRR and payback of the cash flows.
    pub metrics: ProjectMetrics,
    /// The contracts' minimum payments after the start, with a hosting agreement's
    /// guaranteed fees (the fixed fee per kW or the minimum, before SLA credits): what
    /// lenders size debt on.
    pub contracted_backlog_usd: Decimal,
    /// Their present value at the scenario's discount rate.
    pub contracted_backlog_pv_usd: Decimal,
    /// Each contract's revenue over the horizon (before curtailment), in the order of
    /// `contracts`.
    pub contract_revenue_usd: Vec<Decimal>,
}

/// The result of [`evaluate`](super::evaluate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Fields are added as the model grows: not a breaking change (built only by the crate).
#[non_exhaustive]
pub struct Report {
    /// One entry per month of the horizon.
    pub months: Vec<MonthReport>,
    /// Totals and metrics.
    pub summary: Summary,
    /// The debt, DSCR, LTV and equity cash flows of a financed scenario (a box).
    pub financing: Option<FinancingReport>,
    /// What a valid scenario holds that an expert would question, each with its stable
    /// code, path and sentence (empty when nothing is suspicious; see [`Warning`]).
    pub warnings: Vec<Warning>,
}

//! What the scenario tests add up by hand, shared by the worked examples and the laws: a
//! month's revenue from its products, its costs from their items, its cash flow from its
//! parts (each test asserts these against the report's own totals).

use gpuecon::Decimal;
use gpuecon::scenario::{Costs, MonthReport, Revenue};

/// Contracts, reserved, on-demand, spot, hosting and demand response, less what curtailment
/// and SLA credits took.
pub fn revenue_from_products(r: &Revenue) -> Decimal {
    r.contracts_usd
        + r.reserved_usd
        + r.on_demand_usd
        + r.spot_usd
        + r.hosting_usd
        + r.demand_response_usd
        - r.curtailed_usd
        - r.sla_credits_usd
}

/// Every cost item of a month.
pub fn costs_from_items(c: &Costs) -> Decimal {
    c.power_usd
        + c.ppa_settlement_usd
        + c.facility_usd
        + c.lease_taxes_usd
        + c.lease_insurance_usd
        + c.lease_maintenance_usd
        + c.staff_usd
        + c.support_usd
        + c.software_usd
        + c.insurance_usd
        + c.sga_usd
}

/// Gross margin less the prepayment applied and the capex, plus any sale.
pub fn cash_flow_from_parts(m: &MonthReport) -> Decimal {
    m.gross_margin_usd - m.prepayment_applied_usd - m.capex_usd + m.sale_usd
}

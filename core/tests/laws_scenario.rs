//! Laws of the scenario evaluator, over scenarios varied around the 1,024-GPU preset:
//! revenue by product and costs by item add up to their totals exactly; billed and busy
//! hours never exceed the available hours; the summary is the sum of the months; the
//! cumulative cash flow is the running sum of the cash flows; and any scenario, however
//! odd its numbers, returns a report or a typed error.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::scenario::{Report, Scenario, evaluate};
use gpuecon::{Decimal, presets};
use proptest::prelude::*;

fn cluster() -> Scenario {
    presets::get("h100-cluster-1024").unwrap().unwrap().scenario
}

/// A decimal with `scale` places from an integer.
fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn check_report(report: &Report, capex: Decimal) -> Result<(), TestCaseError> {
    let mut cumulative = -capex;
    for m in &report.months {
        let r = &m.revenue;
        prop_assert_eq!(
            r.contracts_usd + r.reserved_usd + r.on_demand_usd + r.spot_usd,
            r.total_usd
        );
        let c = &m.costs;
        prop_assert_eq!(
            c.power_usd
                + c.facility_usd
                + c.staff_usd
                + c.support_usd
                + c.software_usd
                + c.insurance_usd
                + c.sga_usd,
            c.total_usd
        );
        prop_assert!(m.billed_gpu_hours <= m.available_gpu_hours);
        prop_assert!(m.busy_gpu_hours <= m.available_gpu_hours);
        prop_assert_eq!(m.gross_margin_usd, r.total_usd - c.total_usd);
        cumulative += m.cash_flow_usd;
        prop_assert_eq!(m.cumulative_cash_flow_usd, cumulative);
        prop_assert!(m.book_value_usd >= Decimal::ZERO);
    }
    let total: Decimal = report.months.iter().map(|m| m.revenue.total_usd).sum();
    prop_assert_eq!(report.summary.revenue.total_usd, total);
    let costs: Decimal = report.months.iter().map(|m| m.costs.total_usd).sum();
    prop_assert_eq!(report.summary.costs.total_usd, costs);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn totals_add_up_and_hours_fit(
        utilization in 0_i64..=100,
        price_cents in 0_i64..2_000,
        usage in 0_i64..=100,
        contract_gpus in 1_i64..=1_024,
        reserved_gpus in 0_i64..=512,
        horizon in 1_u32..=120,
        spot in any::<bool>(),
    ) {
        let mut s = cluster();
        s.market.utilization = dec(utilization, 2);
        s.market.on_demand_usd_per_gpu_hour = dec(price_cents, 2);
        s.contracts[0].usage_share = dec(usage, 2);
        s.contracts[0].contract.gpus = Decimal::from(contract_gpus);
        s.market.reserved[0].gpus = Decimal::from(reserved_gpus.max(1));
        s.horizon_months = horizon;
        if !spot {
            s.market.spot = None;
        }
        match evaluate(&s) {
            Ok(report) => {
                let capex = s.fleet.gpus * s.fleet.capex_usd_per_gpu;
                check_report(&report, capex)?;
                prop_assert_eq!(report.months.len(), usize::try_from(horizon).unwrap());
            }
            // Only over-committing the fleet is invalid here.
            Err(e) => prop_assert_eq!(e.field(), "fleet.gpus", "{}", e),
        }
    }

    #[test]
    fn any_numbers_give_a_report_or_a_typed_error(
        gpus in any::<i64>(),
        capex in any::<i64>(),
        scale in 0_u32..=28,
        pue in any::<i64>(),
        rate in any::<i64>(),
    ) {
        let mut s = cluster();
        s.fleet.gpus = Decimal::new(gpus, scale);
        s.fleet.capex_usd_per_gpu = Decimal::new(capex, 0);
        s.power.pue = Decimal::new(pue, scale);
        s.annual_discount_rate = Decimal::new(rate, scale);
        if let Err(e) = evaluate(&s) {
            prop_assert!(!e.field().is_empty());
            prop_assert!(!e.to_string().is_empty());
        }
    }
}

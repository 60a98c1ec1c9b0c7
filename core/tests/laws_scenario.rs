//! Laws of the scenario evaluator, over scenarios varied around the 1,024-GPU preset and the
//! investment-grade box: revenue by product and costs by item add up to their totals
//! exactly; billed and busy hours never exceed the available hours; the summary is the sum
//! of the months; each month's cash flow is the sum of its parts and the cumulative cash
//! flow their running sum from the close; a box's project flow is its equity's plus its
//! lender's month by month, and equity + debt + prepayments = capex (sources = uses); and
//! any scenario, however odd its numbers, returns a report or a typed error.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use gpuecon::scenario::{Report, Scenario, evaluate};
use gpuecon::{Decimal, presets};
use proptest::prelude::*;
use serde_json::json;

fn cluster() -> Scenario {
    presets::get("h100-cluster-1024")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap()
}

/// A decimal with `scale` places from an integer.
fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn check_report(report: &Report, capex: Decimal) -> Result<(), TestCaseError> {
    let s = &report.summary;
    prop_assert_eq!(s.capex_usd, capex);
    let mut cumulative = s.close_cash_flow_usd;
    // The capex paid at the close, then on delivery, adds up to the fleet's.
    let mut paid = s.prepayment_usd - s.close_cash_flow_usd;
    let mut applied = Decimal::ZERO;
    for m in &report.months {
        let r = &m.revenue;
        prop_assert_eq!(common::revenue_from_products(r), r.total_usd);
        let c = &m.costs;
        prop_assert_eq!(common::costs_from_items(c), c.total_usd);
        prop_assert!(m.billed_gpu_hours <= m.available_gpu_hours);
        prop_assert!(m.busy_gpu_hours <= m.available_gpu_hours);
        prop_assert_eq!(m.gross_margin_usd, r.total_usd - c.total_usd);
        prop_assert_eq!(m.cash_flow_usd, common::cash_flow_from_parts(m));
        cumulative += m.cash_flow_usd;
        prop_assert_eq!(m.cumulative_cash_flow_usd, cumulative);
        prop_assert!(m.book_value_usd >= Decimal::ZERO);
        paid += m.capex_usd;
        applied += m.prepayment_applied_usd;
    }
    prop_assert_eq!(paid, capex);
    prop_assert_eq!(applied, s.prepayment_usd);
    let total: Decimal = report.months.iter().map(|m| m.revenue.total_usd).sum();
    prop_assert_eq!(s.revenue.total_usd, total);
    let costs: Decimal = report.months.iter().map(|m| m.costs.total_usd).sum();
    prop_assert_eq!(s.costs.total_usd, costs);
    Ok(())
}

/// A box's flows reconcile: project = equity + lender (service + fees − draws + sweeps +
/// sale proceeds) + the change in its reserves each month,
/// equity + debt + prepayments = capex, the balance repaid at maturity.
fn check_box(report: &Report) -> Result<(), TestCaseError> {
    let f = report.financing.as_ref().unwrap();
    let s = &report.summary;
    prop_assert_eq!(
        f.summary.equity_usd + f.summary.debt_usd + s.prepayment_usd,
        s.capex_usd
    );
    let mut drawn_later = Decimal::ZERO;
    let mut reserves = f.summary.initial_dsra_usd;
    for (m, fm) in report.months.iter().zip(&f.months) {
        // The lender's flow: service + fees − the draw, plus sweeps and sale proceeds; the
        // reserves' change stays in the box.
        prop_assert_eq!(
            fm.lender_cash_flow_usd,
            fm.debt_service_usd + fm.fees_usd - fm.draw_usd
                + fm.sweep_usd
                + fm.trapped_swept_usd
                + fm.sale_to_lender_usd
        );
        let now = fm.dsra_balance_usd + fm.trapped_balance_usd;
        prop_assert_eq!(
            m.cash_flow_usd,
            fm.equity_cash_flow_usd + fm.lender_cash_flow_usd + (now - reserves),
            "month {}",
            m.month
        );
        reserves = now;
        prop_assert_eq!(fm.cfads_usd, m.gross_margin_usd - m.prepayment_applied_usd);
        drawn_later += fm.draw_usd;
    }
    prop_assert!(drawn_later <= f.summary.debt_usd);
    prop_assert_eq!(f.months.last().unwrap().balance_usd, Decimal::ZERO);
    Ok(())
}

fn ig_box() -> Scenario {
    presets::get("coreweave-box-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap()
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
        // The preset's 80 % of the contract's hours: a commitment its GPUs can run.
        s.contracts[0].contract.commitment.quantity_per_month = Decimal::from(contract_gpus * 584);
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
    fn a_box_with_every_section_adds_up_and_reconciles(
        first_sixty_fourths in 1_i64..=64,
        second_month in 1_usize..=11,
        prepaid in 0_i64..=40,
        cut_share in 0_i64..=10,
        strike in 0_i64..=150,
        escalator in 0_i64..=10,
        uptime in 900_i64..=1_000,
        capitalized in 0_u32..=12,
        advance in 10_i64..=100,
    ) {
        let mut s = ig_box();
        // A whole number of the 1,024 GPUs (16 for each 64th).
        let first = Decimal::from(first_sixty_fourths) / Decimal::from(64);
        let mut deliveries = vec![first];
        if first < Decimal::ONE {
            deliveries.resize(second_month + 1, Decimal::ZERO);
            deliveries[second_month] = Decimal::ONE - first;
        }
        s.fleet.deliveries = deliveries;
        // The contract runs on the GPUs there at the close.
        s.contracts[0].contract.gpus = s.fleet.gpus * first;
        s.contracts[0].contract.commitment.quantity_per_month = s.fleet.gpus * first * Decimal::from(730);
        s.contracts[0].prepaid_share = dec(prepaid, 2);
        s.power.usd_per_kwh = Decimal::ZERO;
        s.energy = Some(serde_json::from_value(json!({
            "market_usd_per_mwh": ["75", "40", "120"],
            "ppa": { "kind": "virtual", "strike_usd_per_mwh": strike, "volume_mwh_per_month": 300 },
            "curtailed": { "kind": "share", "share_of_hours": dec(cut_share, 2).to_string(), "months": 24 },
            "demand_response_usd_per_mwh": 30
        })).unwrap());
        s.facility.usd_per_kw_month = Decimal::ZERO;
        s.lease = Some(serde_json::from_value(json!({
            "contracted_kw": 1305.6, "usd_per_kw_month": 190, "term_months": 120,
            "annual_escalator": dec(escalator, 2).to_string(),
            "structure": { "kind": "triple_net", "taxes": { "usd_per_kw_month": 4 },
                           "insurance": { "usd_per_year": 12000 } }
        })).unwrap());
        s.hosting = Some(serde_json::from_value(json!({
            "months": 24,
            "fee": { "kind": "fixed_per_kw", "contracted_kw": 100, "usd_per_kw_month": 150 },
            "uptime_by_month": [dec(uptime, 3).to_string()],
            "sla_tiers": [{ "below_uptime": 0.999, "credit_share": 0.1 },
                          { "below_uptime": 0.95, "credit_share": 1 }]
        })).unwrap());
        let f = s.financing.as_mut().unwrap();
        // A sculpted loan services nothing before its last draw.
        f.capitalize_until_month = if first < Decimal::ONE {
            capitalized.max(u32::try_from(second_month).unwrap())
        } else {
            capitalized
        };
        f.advance_rate = dec(advance, 2);
        let report = evaluate(&s).unwrap();
        check_report(&report, s.fleet.gpus * s.fleet.capex_usd_per_gpu)?;
        check_box(&report)?;
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

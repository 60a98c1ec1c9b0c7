//! What happens when a contract ends, and retirement (issue 16, item 3), against hand
//! calculations from the presets' published inputs.

// Tests unwrap: a failure is a failed test.
// A test's JSON edits and indexing: a missing key or month is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::str::FromStr;

use gpuecon::scenario::{AfterContract, Report, Scenario, WarningCode, evaluate};
use gpuecon::{Decimal, presets};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn preset(id: &str) -> Scenario {
    presets::get(id).unwrap().unwrap().scenario.unwrap()
}

/// Within a cent (the residual's `0.724^(m/12)` is a float, converted once).
fn close(actual: Decimal, expected: &str) {
    assert!(
        (actual - d(expected)).abs() < d("0.01"),
        "{actual} ≠ {expected}"
    );
}

fn sum(
    report: &Report,
    months: std::ops::RangeInclusive<usize>,
    pick: fn(&gpuecon::scenario::MonthReport) -> Decimal,
) -> Decimal {
    report.months[months.start() - 1..*months.end()]
        .iter()
        .map(pick)
        .sum()
}

#[test]
fn the_coreweave_box_sold_at_the_end_of_its_contract_saves_a_year_of_costs() {
    // The preset sells at the contract's end, less 5 %; its base keeps the GPUs a year.
    let sold = preset("coreweave-box-ig");
    assert_eq!(sold.contracts[0].after_contract, AfterContract::Sell);
    assert_eq!(sold.selling_cost_share, d("0.05"));
    let mut base = sold.clone();
    base.contracts[0].after_contract = AfterContract::Remarket;
    let (b, s) = (evaluate(&base).unwrap(), evaluate(&sold).unwrap());

    // The 48-month contract on all 1,024 GPUs ends in month 48; they are sold at its end:
    // 1,024 × $50,000 × 0.724^(48/12) = $51.2M × 0.274760478976 = $14,067,736.52,
    // less 5 % = $13,364,349.70.
    close(s.months[47].sale_usd, "13364349.697");
    // From month 49 there is no GPU: no hours, no cost, no sale at the horizon.
    for m in &s.months[48..] {
        assert_eq!(m.available_gpu_hours, Decimal::ZERO);
        assert_eq!(m.costs.total_usd, Decimal::ZERO);
        assert_eq!(m.cash_flow_usd, Decimal::ZERO);
        assert_eq!(m.economic_value_usd, Decimal::ZERO);
    }
    // Kept idle instead, each of months 49-60 pays: colocation 1,024 × 1.275 kW × $190
    // = $248,064; staff 747,520 h × $0.05 = $37,376; insurance 1,024 × $50,000 × 0.5 % / 12
    // = $21,333.33; idle power 747,520 h × 1.275 kW × 0.12 × 1.3 × $0.08 = $11,894.54:
    // $318,667.87 a month, $3,824,014.46 over the 12 months.
    close(sum(&b, 49..=60, |m| m.costs.total_usd), "3824014.46");
    // ... and sells them at the horizon for $51.2M × 0.724^5 = $10,185,041.24.
    close(b.months[59].sale_usd, "10185041.243");
    // The months before the sale are the same.
    assert_eq!(
        sum(&s, 1..=47, |m| m.cash_flow_usd),
        sum(&b, 1..=47, |m| m.cash_flow_usd)
    );
    // Selling gains 13,364,349.70 − 10,185,041.24 + 3,824,014.46 = $7,003,322.92.
    let gain = sum(&s, 48..=60, |m| m.cash_flow_usd) - sum(&b, 48..=60, |m| m.cash_flow_usd);
    close(gain, "7003322.92");
    // No idle GPUs left to warn about.
    assert!(b.warnings.iter().any(|w| w.code == WarningCode::GpusIdle));
    assert!(!s.warnings.iter().any(|w| w.code == WarningCode::GpusIdle));
}

#[test]
fn idle_after_the_contract_is_explicit_and_warned() {
    let mut idle = preset("h100-cluster-1024");
    idle.contracts[0].after_contract = AfterContract::Idle;
    let remarketed = evaluate(&preset("h100-cluster-1024")).unwrap();
    // Retired at the end of month 58 with the rest of the market's GPUs (idle ones first):
    // nothing is left idle after.
    assert!(idle.retire_when_uneconomic);
    let r = evaluate(&idle).unwrap();
    // Month 37: the contract's 512 GPUs are not sold on demand; the other 512 are (the
    // reservation ended in month 12): half the on-demand revenue.
    let m = 36;
    let twice = r.months[m].revenue.on_demand_usd * d("2");
    assert!((twice - remarketed.months[m].revenue.on_demand_usd).abs() < d("1e-9"));
    assert!(r.warnings.iter().any(|w| w.code == WarningCode::GpusIdle));
}

#[test]
fn the_1024_gpu_cluster_retires_at_its_economic_end_of_life() {
    // The preset retires, selling at 5 % below the resellable 55 % of the capex.
    let retiring = preset("h100-cluster-1024");
    assert!(retiring.retire_when_uneconomic);
    assert_eq!(retiring.selling_cost_share, d("0.05"));
    assert_eq!(retiring.fleet.resellable_share, d("0.55"));
    let mut base = retiring.clone();
    base.retire_when_uneconomic = false;
    let r = evaluate(&retiring).unwrap();
    // Cash cost an available GPU-hour at 70 % utilization: power 1.275 kW × (0.12 + 0.88
    // × 0.7) × 1.3 × $0.08 = $0.0975936; colocation 1.275 × $150 / 730 = $0.2619863;
    // staff $0.05; insurance $50,000 × 0.5 % / 8,760 = $0.0285388: $0.4381187.
    // Revenue $2.99 × 0.7 × 0.724^(m/12): $0.43938 in month 58, $0.42771 in month 59,
    // below the cost. The GPUs on the market in month 59 (all 1,024: the contract and the
    // reservation have ended) are sold at the end of month 58:
    // $51.2M × 0.55 × 0.724^(58/12) × 0.95 = $5,615,985.69.
    close(r.months[57].sale_usd, "5615985.688");
    for m in &r.months[58..] {
        assert_eq!(m.available_gpu_hours, Decimal::ZERO);
        assert_eq!(m.cash_flow_usd, Decimal::ZERO);
    }
    // The months before are unchanged; the base lost money in months 60-72 instead.
    let b = evaluate(&base).unwrap();
    assert_eq!(
        r.months[56].cumulative_cash_flow_usd,
        b.months[56].cumulative_cash_flow_usd
    );
    assert!(b.months[59].gross_margin_usd < Decimal::ZERO);
    let codes: Vec<_> = r.warnings.iter().map(|w| w.code).collect();
    assert!(
        !codes.contains(&WarningCode::HorizonBeyondEndOfLife),
        "{codes:?}"
    );
    assert!(
        !codes.contains(&WarningCode::NegativeMarginWhileSellable),
        "{codes:?}"
    );
}

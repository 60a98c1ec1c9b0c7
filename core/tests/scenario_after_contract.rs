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

    // The 48-month contract on all 1,024 GPUs ends in month 48; they are sold at its end,
    // the resellable 55 % of their capex on the residual curve: 1,024 × $50,000 × 0.55 ×
    // 0.724^(48/12) = $28.16M × 0.274760478976 = $7,737,255.09, less 5 % = $7,350,392.33.
    close(s.months[47].sale_usd, "7350392.334");
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
    // ... and sells them at the horizon for $28.16M × 0.724^5 = $5,601,772.68.
    close(b.months[59].sale_usd, "5601772.684");
    // The months before the sale are the same.
    assert_eq!(
        sum(&s, 1..=47, |m| m.cash_flow_usd),
        sum(&b, 1..=47, |m| m.cash_flow_usd)
    );
    // Selling gains 7,350,392.33 − 5,601,772.68 + 3,824,014.46 = $5,572,634.11.
    let gain = sum(&s, 48..=60, |m| m.cash_flow_usd) - sum(&b, 48..=60, |m| m.cash_flow_usd);
    close(gain, "5572634.11");
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

#[test]
fn after_retirement_the_lease_is_borne_on_the_gpus_still_in_service() {
    // The tiny scenario (tests/data/tiny.json) for 3 months on a 3-month lease of 10 kW at
    // $100 ($1,000 a month), 4 of its 10 GPUs on a 3-month contract, the others retired
    // from month 3: the 6 on the market are sold at the end of month 2 and their space is
    // sublet at its rent, so month 3 bears 4 ÷ 10 of it: $1,000 × 0.4 = $400.
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("data/tiny.json")).unwrap();
    value["horizon_months"] = serde_json::json!(3);
    value["facility"]["usd_per_kw_month"] = serde_json::json!(0);
    value["lease"] =
        serde_json::json!({ "contracted_kw": 10, "usd_per_kw_month": 100, "term_months": 3 });
    value["retire_from_month"] = serde_json::json!(3);
    value["contracts"] = serde_json::json!([{ "usage_share": 1, "contract": {
        "gpus": 4, "start_month": 1, "term_months": 3, "price_usd_per_gpu_hour": 2,
        "commitment": { "unit": "gpu_hours", "quantity_per_month": 2920 } } }]);
    let s: Scenario = serde_json::from_value(value).unwrap();
    let r = evaluate(&s).unwrap();
    assert!(!r.months[1].sale_usd.is_zero());
    assert_eq!(r.months[0].costs.facility_usd, d("1000"));
    assert_eq!(r.months[1].costs.facility_usd, d("1000"));
    assert_eq!(r.months[2].available_gpu_hours, d("2920"));
    assert_eq!(r.months[2].costs.facility_usd, d("400"));
}

#[test]
fn the_host_box_counts_its_hosting_fees_in_its_backlog() {
    // 500,000 kW at $8.7B ÷ (144 × 500,000) a kW-month for 144 months, before SLA credits:
    // $60,416,666.67 a month × 144 = $8.7B (the preset's fee is that quotient to 28
    // digits, so the product is $8.7B within a millionth of a cent).
    let r = evaluate(&preset("core-scientific-host-box")).unwrap();
    assert!((r.summary.contracted_backlog_usd - d("8700000000")).abs() < d("0.00001"));
    // Its PV at 10 % a year, each month's fee at its end: the annuity
    // 60,416,666.67 × (1 − 1.1^(−12)) ÷ i with i = 1.1^(1/12) − 1 = 0.0079741404289:
    // 60,416,666.67 × 85.4473517697 = $5,162,444,169.42 (within a dollar, i is a float).
    let i = 1.1f64.powf(1.0 / 12.0) - 1.0;
    let pv = 60_416_666.666_666_67 * (1.0 - 1.1f64.powi(-12)) / i;
    let actual: f64 = r.summary.contracted_backlog_pv_usd.try_into().unwrap();
    assert!((actual - pv).abs() < 1.0, "{actual} ≠ {pv}");
}

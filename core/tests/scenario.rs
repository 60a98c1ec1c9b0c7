//! The scenario evaluator against hand-worked arithmetic and published figures; validation
//! reporting every problem with its path; JSON and TOML reading the same scenario.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use gpuecon::presets::PresetKind;
use gpuecon::scenario::portfolio::evaluate_portfolio;
use gpuecon::scenario::{Scenario, ScenarioError, evaluate};
use gpuecon::{Decimal, ErrorCode, presets};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// 10 GPUs for 2 months: small enough to work every number by hand.
const TINY: &str = include_str!("data/tiny.json");

#[test]
fn tiny_scenario_by_hand() {
    let report = evaluate(&Scenario::from_json(TINY).unwrap()).unwrap();
    let [m1, m2] = report.months.as_slice() else {
        panic!("two months")
    };
    // Month 1: 10 × 730 = 7,300 GPU-hours available.
    assert_eq!(m1.available_gpu_hours, d("7300"));
    // Reserved: 2 GPUs × 730 h × $2 × (1 − 0.25) = $2,190.
    assert_eq!(m1.revenue.reserved_usd, d("2190"));
    // On demand: the other 8 GPUs × 730 h × 0.5 = 2,920 h × $2 = $5,840.
    assert_eq!(m1.revenue.on_demand_usd, d("5840"));
    // Spot: half the 2,920 idle on-demand hours, 1,460 h × $2 × 0.5 = $1,460.
    assert_eq!(m1.revenue.spot_usd, d("1460"));
    assert_eq!(m1.revenue.total_usd, d("9490"));
    // Billed = busy = 1,460 + 2,920 + 1,460 = 5,840 h: a busy share of 0.8.
    assert_eq!(m1.billed_gpu_hours, d("5840"));
    assert_eq!(m1.busy_gpu_hours, d("5840"));
    // Power: 1 kW × (0 + 1 × 0.8) × 1.5 × $0.10 = $0.12 an hour × 7,300 = $876.
    assert_eq!(m1.costs.power_usd, d("876"));
    // Facility: 1 kW × $100 a month, on every GPU: 10 × $100 = $1,000.
    assert_eq!(m1.costs.facility_usd, d("1000"));
    // Staff $0.10 × 7,300 = $730; insurance 10,000 × 1.2 % × 7,300 / 8,760 = $100;
    // SG&A 10 % × 9,490 = $949. Total 876 + 1,000 + 730 + 100 + 949 = $3,655.
    assert_eq!(m1.costs.staff_usd, d("730"));
    assert_eq!(m1.costs.insurance_usd, d("100"));
    assert_eq!(m1.costs.sga_usd, d("949"));
    assert_eq!(m1.costs.total_usd, d("3655"));
    assert_eq!(m1.gross_margin_usd, d("5835"));
    // Straight line over 60 months: 10 × 10,000 / 60 = $1,666.67 a month.
    assert_eq!(m1.depreciation_usd.round_dp(2), d("1666.67"));
    assert_eq!(m1.book_value_usd.round_dp(2), d("98333.33"));
    // A month after 31 January is 28 February (the last valid day).
    assert_eq!(m1.date.to_string(), "2026-02-28");

    // Month 2: the reservation has ended; all 10 GPUs on demand: 3,650 h × $2 = $7,300,
    // spot 1,825 h × $1 = $1,825; busy share (3,650 + 1,825) / 7,300 = 0.75.
    assert_eq!(m2.revenue.on_demand_usd, d("7300"));
    assert_eq!(m2.revenue.spot_usd, d("1825"));
    // Power 0.75 × 1.5 × 0.10 = $0.1125 × 7,300 = $821.25; SG&A $912.50;
    // costs 821.25 + 1,000 + 730 + 100 + 912.50 = $3,563.75; margin 9,125 − 3,563.75.
    assert_eq!(m2.costs.power_usd, d("821.25"));
    assert_eq!(m2.costs.total_usd, d("3563.75"));
    assert_eq!(m2.gross_margin_usd, d("5561.25"));
    // The fleet is sold at its economic value (constant residual: the capex, $100,000).
    assert_eq!(m2.sale_usd, d("100000"));
    assert_eq!(m2.cash_flow_usd, d("105561.25"));

    let s = &report.summary;
    // Cumulative: −100,000 + 5,835 + 105,561.25 = 11,396.25, first ≥ 0 in month 2.
    assert_eq!(m2.cumulative_cash_flow_usd, d("11396.25"));
    assert_eq!(s.metrics.payback_month, Some(2));
    assert_eq!(s.metrics.npv_usd, d("11396.25"));
    // IRR: −100,000 + 5,835/(1+m) + 105,561.25/(1+m)² = 0 → m = 5.70192 % a month
    // (bisection in Python), (1 + m)^12 − 1 = 94.5335 % a year.
    let irr = s.metrics.irr_annual.unwrap();
    assert!((irr - d("0.945335")).abs() < d("0.000001"), "{irr}");
    assert_eq!(s.revenue.total_usd, d("18615"));
    assert_eq!(s.costs.total_usd, d("7218.75"));
    // Billed (5,840 + 5,475) / 14,600 available = 0.775.
    assert_eq!(s.billed_utilization, d("0.775"));
    // Yield on cost: 18,615 over 2 months = 111,690 a year ÷ 100,000 capex.
    assert_eq!(s.yield_on_cost, Some(d("1.1169")));
}

#[test]
fn hosting_deal_matches_the_published_figures() {
    let preset = presets::get("coreweave-core-scientific-hosting")
        .unwrap()
        .unwrap();
    let report = evaluate(preset.scenario.as_ref().unwrap()).unwrap();
    let s = &report.summary;
    // ~$8.7B over 12 years for ~500 MW: $8.7B / 144 months / 500,000 kW = $120.83 per
    // kW-month, the "≈ $121" of docs/domain.md.
    let per_kw_month = s.revenue.total_usd / d("500000") / d("144");
    assert_eq!(per_kw_month.round_dp(2), d("120.83"));
    assert_eq!(s.revenue.total_usd.round_dp(2), d("8700000000"));
    // A 75-80 % gross margin, as reported.
    let margin = s.gross_margin_share.unwrap();
    assert!(margin >= d("0.75") && margin <= d("0.80"), "{margin}");
    // The whole contract is backlog at the start: the minimum is all 500 MW every month.
    assert_eq!(s.contracted_backlog_usd.round_dp(2), d("8700000000"));
    assert!(s.contracted_backlog_pv_usd < s.contracted_backlog_usd);
}

#[test]
fn every_preset_evaluates_and_reads_back_from_toml() {
    let all = presets::all().unwrap();
    assert_eq!(all.len(), 11);
    for preset in all {
        assert!(!preset.sources.is_empty(), "{} cites no source", preset.id);
        let scenarios = match preset.kind {
            PresetKind::Scenario => vec![preset.scenario.unwrap()],
            PresetKind::Portfolio => {
                let portfolio = preset.portfolio.unwrap();
                evaluate_portfolio(&portfolio).unwrap();
                portfolio.boxes
            }
        };
        for scenario in scenarios {
            let report = evaluate(&scenario).unwrap();
            assert_eq!(
                report.months.len(),
                usize::try_from(scenario.horizon_months).unwrap()
            );
            let toml = scenario.to_toml().unwrap();
            assert_eq!(
                Scenario::from_toml(&toml).unwrap(),
                scenario,
                "{}",
                preset.id
            );
        }
    }
}

#[test]
fn the_reserved_node_earns_seventy_percent_of_the_market_price_on_every_hour() {
    // 8 GPUs × 730 h = 5,840 h × $2.99 = $17,461.60 × (1 − 0.30) = $12,223.12 a month
    // × 36 months = $440,032.32 (hand).
    let preset = presets::get("h100-node-reserved-3y").unwrap().unwrap();
    let s = evaluate(preset.scenario.as_ref().unwrap()).unwrap().summary;
    assert_eq!(s.revenue.reserved_usd.round_dp(2), d("440032.32"));
    assert_eq!(s.billed_utilization, Decimal::ONE);
}

#[test]
fn an_invalid_scenario_reports_every_problem_with_its_path() {
    let mut scenario = Scenario::from_json(TINY).unwrap();
    scenario.power.pue = d("0.9");
    scenario.market.utilization = d("1.5");
    scenario.market.reserved[0].gpus = d("11");
    let err = evaluate(&scenario).unwrap_err();
    let fields: Vec<String> = err.problems().into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "power.pue",
            "market.utilization",
            "market.reserved[0].gpus",
            "fleet.gpus"
        ],
        "{err}"
    );
    assert_eq!(err.code(), ErrorCode::Domain);
    assert_eq!(err.field(), "power.pue");
    assert!(err.to_string().ends_with("(and 3 more)"), "{err}");
}

#[test]
fn a_contract_error_names_its_index() {
    let mut scenario = presets::get("h100-cluster-1024")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    scenario.contracts[0].contract.term_months = 0;
    let err = evaluate(&scenario).unwrap_err();
    assert_eq!(err.field(), "contracts[0].contract.term_months");
}

#[test]
fn text_that_is_not_a_scenario_is_a_parse_error() {
    let err = Scenario::from_json("{\"start\": \"2026-01-01\"}").unwrap_err();
    assert!(matches!(err, ScenarioError::Parse { .. }));
    assert_eq!(err.field(), "scenario");
    let err = Scenario::from_toml("horizon_months = -1").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidArgument);
}

//! Warnings for the suspicious (issue 16, item 2): each code raised by a minimal scenario
//! and not raised by its neighbour, with the figures in its sentence worked by hand.

// Tests unwrap: a failure is a failed test.
// A test's JSON edits and indexing: a missing key or month is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use gpuecon::presets;
use gpuecon::scenario::{Report, Scenario, Warning, WarningCode, evaluate};
use serde_json::{Value, json};

/// 10 GPUs for 2 months (tests/data/tiny.json).
const TINY: &str = include_str!("data/tiny.json");

/// The tiny scenario with `edit` applied to its JSON.
fn tiny(edit: impl FnOnce(&mut Value)) -> Scenario {
    let mut value: Value = serde_json::from_str(TINY).unwrap();
    edit(&mut value);
    serde_json::from_value(value).unwrap()
}

fn report(s: &Scenario) -> Report {
    evaluate(s).unwrap()
}

/// The warning with `code`, if raised.
fn warning(s: &Scenario, code: WarningCode) -> Option<Warning> {
    report(s).warnings.into_iter().find(|w| w.code == code)
}

fn ig_box() -> Scenario {
    presets::get("coreweave-box-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap()
}

#[test]
fn the_tiny_scenario_raises_nothing() {
    assert_eq!(report(&tiny(|_| {})).warnings, []);
}

/// The tiny scenario on a lease of `term` months: 10 kW at $100, $1,000 a month.
fn leased(term: u32) -> Scenario {
    tiny(|s| {
        s["facility"]["usd_per_kw_month"] = json!(0);
        s["lease"] = json!({ "contracted_kw": 10, "usd_per_kw_month": 100, "term_months": term });
    })
}

#[test]
fn a_lease_shorter_than_the_horizon_is_flagged_with_the_rent_left_out() {
    let w = warning(&leased(1), WarningCode::LeaseShorterThanHorizon).unwrap();
    assert_eq!(w.path, "lease.term_months");
    // Month 2 has no lease: $1,000 of rent left out.
    assert!(
        w.message.contains("1 months carry no rent, about $1000"),
        "{}",
        w.message
    );
    assert!(warning(&leased(2), WarningCode::LeaseShorterThanHorizon).is_none());
}

#[test]
fn a_lease_longer_than_the_horizon_is_flagged_with_what_remains_owed() {
    let w = warning(&leased(5), WarningCode::LeaseLongerThanHorizon).unwrap();
    // Months 3-5 remain: 3 × $1,000.
    assert!(
        w.message.contains("3 months past the horizon: $3000"),
        "{}",
        w.message
    );
    assert!(warning(&leased(2), WarningCode::LeaseLongerThanHorizon).is_none());
}

#[test]
fn a_loan_longer_than_its_contracts_is_flagged() {
    // The box's 48-month loan matches its 48-month contract.
    assert!(warning(&ig_box(), WarningCode::LoanTenorBeyondContracts).is_none());
    // A tenor past the contracts is an error unless the merchant tail is allowed; allowed,
    // it is warned about.
    let mut longer = ig_box();
    longer.financing.as_mut().unwrap().tenor_months = 60;
    longer.financing.as_mut().unwrap().allow_merchant_tail = true;
    let w = warning(&longer, WarningCode::LoanTenorBeyondContracts).unwrap();
    assert_eq!(w.path, "financing.tenor_months");
    assert!(w.message.contains("last 12 months"), "{}", w.message);
}

/// The tiny scenario over `months` with nothing sold: no reservation, no demand, no spot.
fn unsold(months: u32) -> Scenario {
    tiny(|s| {
        s["horizon_months"] = json!(months);
        s["market"] = json!({ "on_demand_usd_per_gpu_hour": 2, "utilization": 0 });
    })
}

#[test]
fn gpus_idle_more_than_three_months_are_flagged() {
    assert!(warning(&unsold(3), WarningCode::GpusIdle).is_none());
    let w = warning(&unsold(4), WarningCode::GpusIdle).unwrap();
    assert!(
        w.message.contains("idle for 4 months from month 1"),
        "{}",
        w.message
    );
}

#[test]
fn losing_months_while_the_gpus_could_be_sold_are_flagged() {
    // Idle GPUs still pay for their facility: every month loses money, and the fleet
    // (residual constant: $100,000) could be sold.
    let w = warning(&unsold(2), WarningCode::NegativeMarginWhileSellable).unwrap();
    // Month 1: power 10 × 730 × 1 kW × 0 idle × … = $0; facility $1,000; staff $730;
    // insurance $100; no revenue, no SG&A: −$1,830.
    assert!(
        w.message
            .contains("2 months have a negative gross margin (the first, month 1, loses $1830) while the fleet could be sold for $100000"),
        "{}",
        w.message
    );
    assert!(warning(&tiny(|_| {}), WarningCode::NegativeMarginWhileSellable).is_none());
}

#[test]
fn a_horizon_beyond_economic_end_of_life_is_flagged() {
    // Cash cost an hour at 50 % utilization: power 1 × 0.5 × 1.5 × $0.10 = $0.075;
    // facility $100 / 730 = $0.13699; staff $0.10; insurance $120 / 8,760 = $0.0137:
    // $0.3257. Revenue $2 × 0.5 = $1 in month 1; a step to 0.3 in month 2 makes it
    // $0.30, below the cost.
    let step = |factor: &str| {
        tiny(|s| {
            s["market"]["price_curve"] =
                json!({ "kind": "generational_step", "steps": [{ "month": 2, "factor": factor }] });
        })
    };
    let w = warning(&step("0.3"), WarningCode::HorizonBeyondEndOfLife).unwrap();
    assert!(w.message.starts_with("from month 2 "), "{}", w.message);
    // At 0.33 it earns $0.33 > $0.3257.
    assert!(warning(&step("0.33"), WarningCode::HorizonBeyondEndOfLife).is_none());
}

fn sub_ig_box() -> Scenario {
    presets::get("coreweave-box-sub-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap()
}

#[test]
fn thin_ltv_headroom_is_flagged() {
    // The sub-investment-grade box's peak LTV is 85.4 %: 0.4 points over an 85 %
    // covenant (a breach), 9.6 points under 95 %.
    let w = warning(&sub_ig_box(), WarningCode::LtvHeadroomThin).unwrap();
    assert!(w.message.contains("falls to -0.4 points"), "{}", w.message);
    let mut loose = sub_ig_box();
    loose.financing.as_mut().unwrap().max_ltv = "0.95".parse().unwrap();
    assert!(warning(&loose, WarningCode::LtvHeadroomThin).is_none());
}

#[test]
fn thin_dscr_headroom_is_flagged() {
    // Its minimum DSCR is 2.5272 (the independent model of scenarios.py: the debt is 75 %
    // of the resellable value, below its DSCR limit, so the sculpted loan runs at 1.3x ×
    // the limit ÷ the debt): 1.33x above a 1.2x covenant, 0.04x above 2.49x.
    assert!(warning(&sub_ig_box(), WarningCode::DscrHeadroomThin).is_none());
    let mut tight = sub_ig_box();
    tight.financing.as_mut().unwrap().min_dscr = Some("2.49".parse().unwrap());
    let w = warning(&tight, WarningCode::DscrHeadroomThin).unwrap();
    assert_eq!(w.path, "financing.min_dscr");
    assert!(w.message.contains("falls to 0.04x"), "{}", w.message);
}

#[test]
fn a_price_outside_the_published_market_is_flagged() {
    let priced = |gpu: &str, price: &str| {
        tiny(|s| {
            s["fleet"]["gpu"] = json!(gpu);
            s["market"]["on_demand_usd_per_gpu_hour"] = json!(price);
        })
    };
    for inside in ["2", "2.99", "3"] {
        assert!(warning(&priced("H100 SXM", inside), WarningCode::PriceOutsideMarket).is_none());
    }
    for outside in ["1.99", "6.155"] {
        let w = warning(
            &priced("H100 SXM", outside),
            WarningCode::PriceOutsideMarket,
        )
        .unwrap();
        assert_eq!(w.path, "market.on_demand_usd_per_gpu_hour");
    }
    // The other products with a published range, each at its ends (inside) and a cent
    // beyond them (outside).
    for (gpu, low, high, below, above) in [
        ("H100 PCIe", "1.80", "2.90", "1.79", "2.91"),
        ("H200", "2.25", "4.50", "2.24", "4.51"),
        ("B200", "3.75", "6.05", "3.74", "6.06"),
        ("A100 80GB", "0.80", "1.50", "0.79", "1.51"),
    ] {
        for inside in [low, high] {
            assert!(warning(&priced(gpu, inside), WarningCode::PriceOutsideMarket).is_none());
        }
        for outside in [below, above] {
            let w = warning(&priced(gpu, outside), WarningCode::PriceOutsideMarket).unwrap();
            assert!(w.message.contains(gpu), "{}", w.message);
        }
    }
    // A product without a published range is not judged.
    assert!(warning(&priced("", "6.155"), WarningCode::PriceOutsideMarket).is_none());
    assert!(
        warning(
            &priced("GB200 NVL72", "20"),
            WarningCode::PriceOutsideMarket
        )
        .is_none()
    );
}

#[test]
fn codes_are_stable_screaming_snake_case_in_json() {
    let w = warning(&unsold(4), WarningCode::GpusIdle).unwrap();
    let value = serde_json::to_value(&w).unwrap();
    assert_eq!(value["code"], "GPUS_IDLE");
    assert_eq!(value["path"], "market.utilization");
}

#[test]
fn no_preset_raises_a_warning_its_text_does_not_explain() {
    for preset in presets::all().unwrap() {
        let scenarios: Vec<Scenario> = match (&preset.scenario, &preset.portfolio) {
            (Some(s), _) => vec![s.clone()],
            (None, Some(p)) => p.boxes.clone(),
            (None, None) => panic!("{} holds nothing", preset.id),
        };
        for s in &scenarios {
            for w in report(s).warnings {
                let code = serde_json::to_value(w.code).unwrap();
                let code = code.as_str().unwrap();
                assert!(
                    preset.about.contains(code),
                    "{}: {code} at {}: {} (the preset's text does not say why)",
                    preset.id,
                    w.path,
                    w.message
                );
            }
        }
    }
}

//! Errors for scenarios that cannot exist (issue 16, item 1): each check with a minimal
//! scenario that raises it and its neighbour that does not.

// Tests unwrap: a failure is a failed test.
// A test's JSON edits and indexing: a missing key or month is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use gpuecon::scenario::{Scenario, evaluate};
use serde_json::{Value, json};

/// 10 GPUs for 2 months (tests/data/tiny.json).
const TINY: &str = include_str!("data/tiny.json");

/// The tiny scenario with `edit` applied to its JSON.
fn tiny(edit: impl FnOnce(&mut Value)) -> Scenario {
    let mut value: Value = serde_json::from_str(TINY).unwrap();
    edit(&mut value);
    serde_json::from_value(value).unwrap()
}

/// The paths of every problem `evaluate` reports (empty when it evaluates).
fn problems(scenario: &Scenario) -> Vec<String> {
    match evaluate(scenario) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems().into_iter().map(|(path, _)| path).collect(),
    }
}

/// A contract on `gpus` GPUs committing to `hours` a month for the 2 months.
fn contract(gpus: Value, hours: Value) -> Value {
    json!({ "contract": {
        "gpus": gpus, "start_month": 1, "term_months": 2, "price_usd_per_gpu_hour": 2,
        "commitment": { "unit": "gpu_hours", "quantity_per_month": hours }
    }, "usage_share": 1 })
}

#[test]
fn the_tiny_scenario_is_consistent() {
    assert_eq!(problems(&tiny(|_| {})), Vec::<String>::new());
}

#[test]
fn a_commitment_above_its_gpus_hours_is_an_error() {
    // 4 GPUs × 730 = 2,920 GPU-hours a month: committing to 2,921 takes or pays for an
    // hour that does not exist.
    let over = tiny(|s| s["contracts"] = json!([contract(json!(4), json!(2921))]));
    assert_eq!(
        problems(&over),
        ["contracts[0].contract.commitment.quantity_per_month"]
    );
    let full = tiny(|s| s["contracts"] = json!([contract(json!(4), json!(2920))]));
    assert!(problems(&full).is_empty());
}

#[test]
fn a_megawatt_commitment_above_its_gpus_is_an_error() {
    // 0.004 MW at 1 kW per GPU is 4 GPUs' worth, 2,920 hours; on 3 GPUs it is too much.
    let mw = |gpus: u32| {
        tiny(move |s| {
            let mut line = contract(json!(gpus), json!(0));
            line["contract"]["commitment"] =
                json!({ "unit": "megawatts", "quantity_per_month": "0.004", "kw_per_gpu": 1 });
            s["contracts"] = json!([line]);
        })
    };
    assert_eq!(
        problems(&mw(3)),
        ["contracts[0].contract.commitment.quantity_per_month"]
    );
    assert!(problems(&mw(4)).is_empty());
}

#[test]
fn reserved_and_contracted_gpus_above_the_fleet_in_a_month_are_an_error() {
    // 2 reserved in month 1 + 9 under contract = 11 > 10 GPUs.
    let over = tiny(|s| s["contracts"] = json!([contract(json!(9), json!(0))]));
    assert_eq!(problems(&over), ["fleet.gpus"]);
    let fits = tiny(|s| s["contracts"] = json!([contract(json!(8), json!(0))]));
    assert!(problems(&fits).is_empty());
}

#[test]
fn a_contract_or_reservation_larger_than_the_fleet_is_an_error() {
    let contract_over = tiny(|s| {
        s["market"]["reserved"] = json!([]);
        s["contracts"] = json!([contract(json!(11), json!(0))]);
    });
    assert_eq!(
        problems(&contract_over),
        ["contracts[0].contract.gpus", "fleet.gpus"]
    );
    let reserved_over = tiny(|s| s["market"]["reserved"][0]["gpus"] = json!(11));
    assert_eq!(
        problems(&reserved_over),
        ["market.reserved[0].gpus", "fleet.gpus"]
    );
    let whole_fleet = tiny(|s| s["market"]["reserved"][0]["gpus"] = json!(10));
    assert!(problems(&whole_fleet).is_empty());
}

#[test]
fn fractional_gpus_are_an_error() {
    let fleet = tiny(|s| s["fleet"]["gpus"] = json!("10.5"));
    assert_eq!(problems(&fleet), ["fleet.gpus"]);
    let reserved = tiny(|s| s["market"]["reserved"][0]["gpus"] = json!("1.5"));
    assert_eq!(problems(&reserved), ["market.reserved[0].gpus"]);
    let contracted = tiny(|s| s["contracts"] = json!([contract(json!("0.5"), json!(0))]));
    assert_eq!(problems(&contracted), ["contracts[0].contract.gpus"]);
    // 10 GPUs delivered a quarter at a time: 2.5 GPUs at the close.
    let quarters = tiny(|s| s["fleet"]["deliveries"] = json!(["0.25", "0.75"]));
    assert_eq!(problems(&quarters), ["fleet.deliveries[0]"]);
    let halves = tiny(|s| s["fleet"]["deliveries"] = json!(["0.5", "0.5"]));
    assert!(problems(&halves).is_empty());
}

#[test]
fn a_lease_below_the_critical_it_load_is_an_error() {
    // 10 GPUs × 1 kW = 10 kW of critical IT load.
    let lease = |kw: u32| {
        tiny(move |s| {
            s["facility"]["usd_per_kw_month"] = json!(0);
            s["lease"] = json!({ "contracted_kw": kw, "usd_per_kw_month": 100, "term_months": 2 });
        })
    };
    assert_eq!(problems(&lease(9)), ["lease.contracted_kw"]);
    assert!(problems(&lease(10)).is_empty());
}

#[test]
fn shares_outside_zero_to_one_are_errors() {
    let shares = tiny(|s| {
        s["market"]["utilization"] = json!("1.01");
        s["operations"]["sga_share_of_revenue"] = json!("-0.1");
        s["contracts"] = json!([contract(json!(1), json!(0))]);
        s["contracts"][0]["usage_share"] = json!(2);
        s["contracts"][0]["prepaid_share"] = json!("-0.5");
        s["power"]["idle_fraction"] = json!("1.5");
    });
    assert_eq!(
        problems(&shares),
        [
            "power.idle_fraction",
            "operations.sga_share_of_revenue",
            "market.utilization",
            "contracts[0].usage_share",
            "contracts[0].prepaid_share",
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let many = tiny(|s| {
        s["fleet"]["gpus"] = json!("10.5");
        s["contracts"] = json!([contract(json!(4), json!(3000))]);
    });
    assert_eq!(
        problems(&many),
        [
            "fleet.gpus",
            "contracts[0].contract.commitment.quantity_per_month"
        ]
    );
}

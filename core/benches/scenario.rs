//! `evaluate` on the 1,024-GPU H100 preset (72 months, a take-or-pay contract, reserved,
//! on-demand and spot sales, exponential price and residual curves; target (issue 4): under
//! 1 ms natively), and on a 12-year box with a DSCR-sculpted loan (target (issue 5): under
//! 2 ms natively), also with every section of the lender's waterfall on (issue 15: DSRA,
//! lock-up, cash sweep, maintenance, working capital, an LLCR limit, collateral shares and
//! foreclosure; the same target).
//!
//! The group's `baseline` reads the same preset from JSON (`Scenario::from_json`): what
//! every caller does before evaluating, measured in the same run, so that `cargo xtask
//! bench` can print evaluate's time as a ratio to it as well as in absolute terms.

// Benchmarks unwrap: a failure is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gpuecon::scenario::{Scenario, evaluate};

const PRESET: &str = include_str!("../presets/h100-cluster-1024.json");

fn scenario_text() -> String {
    let preset: serde_json::Value = serde_json::from_str(PRESET).unwrap();
    preset["scenario"].to_string()
}

fn bench_evaluate(c: &mut Criterion) {
    let text = scenario_text();
    let scenario = Scenario::from_json(&text).unwrap();
    let mut group = c.benchmark_group("evaluate_h100_cluster_1024");
    group.bench_function("baseline", |b| {
        b.iter(|| Scenario::from_json(black_box(&text)).unwrap());
    });
    group.bench_function("evaluate", |b| {
        b.iter(|| evaluate(black_box(&scenario)).unwrap());
    });
    group.finish();
}

/// A 12-year monthly box (issue 5's target: under 2 ms): the investment-grade box preset
/// stretched to 144 months, its contract and its sculpted loan running the whole term.
fn bench_box(c: &mut Criterion) {
    let mut scenario = gpuecon::presets::get("coreweave-box-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    scenario.horizon_months = 144;
    scenario.contracts[0].contract.term_months = 144;
    scenario.financing.as_mut().unwrap().tenor_months = 144;
    let text = serde_json::to_string(&scenario).unwrap();
    let mut group = c.benchmark_group("evaluate_box_144_months");
    group.bench_function("baseline", |b| {
        b.iter(|| Scenario::from_json(black_box(&text)).unwrap());
    });
    group.bench_function("evaluate", |b| {
        b.iter(|| evaluate(black_box(&scenario)).unwrap());
    });
    let mut every = scenario.clone();
    let f = every.financing.as_mut().unwrap();
    *f = serde_json::from_value(serde_json::json!({
        "dsra": { "months": 6 },
        "lock_up": { "min_dscr": "1.4", "trailing_months": 12,
                     "sweep_trapped": { "after_months": 6, "share": "0.5" } },
        "cash_sweep": { "share": "0.5", "when": "locked_up" },
        "maintenance": { "annual_failure_rate": "0.03", "replacement_usd_per_gpu": "25000",
                         "spares_gpus": "10" },
        "working_capital": { "receivable_days": 45, "payable_days": 30 },
        "min_llcr": "1.35", "resellable_share": "0.81", "liquidation_haircut": "0.2",
        "foreclose_after_months": 6,
        "advance_rate": f.advance_rate, "target_dscr": f.target_dscr,
        "tenor_months": f.tenor_months, "interest": f.interest,
        "fees": f.fees, "max_ltv": f.max_ltv, "min_dscr": f.min_dscr,
        "cure_months": f.cure_months,
    }))
    .unwrap();
    group.bench_function("evaluate_every_waterfall_section", |b| {
        b.iter(|| evaluate(black_box(&every)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench_evaluate, bench_box);
criterion_main!(benches);

//! Writing the workbook of the 12-year box (the investment-grade box preset stretched to
//! 144 months, its contract and sculpted loan running the whole term, as the core's
//! `evaluate_box_144_months`), against the group's `baseline`: evaluating the same
//! scenario, which every caller does first. `cargo xtask bench` prints the ratio.

// Benchmarks unwrap: a failure is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gpuecon::scenario::evaluate;

fn bench_workbook(c: &mut Criterion) {
    let mut scenario = gpuecon::presets::get("coreweave-box-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    scenario.horizon_months = 144;
    scenario.contracts[0].contract.term_months = 144;
    scenario.financing.as_mut().unwrap().tenor_months = 144;
    let report = evaluate(&scenario).unwrap();
    let book = gpuecon_xlsx::workbook(&scenario, &report, &[]).unwrap();
    println!(
        "the 144-month box: {} bytes, {} formula cells",
        book.bytes.len(),
        book.formulas.len()
    );
    let mut group = c.benchmark_group("workbook_box_144_months");
    group.bench_function("baseline", |b| {
        b.iter(|| evaluate(black_box(&scenario)).unwrap());
    });
    group.bench_function("workbook", |b| {
        b.iter(|| gpuecon_xlsx::workbook(black_box(&scenario), black_box(&report), &[]).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench_workbook);
criterion_main!(benches);

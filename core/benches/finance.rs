//! Benchmarks of the cash-flow functions against plain `f64` baselines measured in the
//! same run (`cargo xtask bench` prints each function's ratio to its group's `baseline`).
//!
//! The flows: a realistic GPU lease, −50,000 of capex, then 143 monthly net rents around
//! +1,200 (±100, with cents), dated month by month from 2026-01-01: 144 flows.
//!
//! The baselines are what a hand-written `f64` solver does: Newton's method from Excel's
//! guess 0.1, stopping when a step is below 1e-10, on the same flows already in `f64`.

// Benchmarks unwrap: a failure is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gpuecon::{Date, Decimal, finance, units};

/// −50,000, then 143 rents of 1,200 ± 100 with cents (a fixed, deterministic pattern).
fn monthly_flows() -> Vec<Decimal> {
    let mut values = vec![Decimal::from(-50_000)];
    for month in 1_i64..144 {
        let wobble_cents = (month * 7_919) % 20_001 - 10_000;
        values.push(Decimal::from(1_200) + Decimal::new(wobble_cents, 2));
    }
    values
}

/// The first of each month from 2026-01-01.
fn monthly_dates() -> Vec<Date> {
    let start = Date::from_ymd_opt(2026, 1, 1).unwrap();
    (0..144)
        .map(|m| start.checked_add_months(m).unwrap())
        .collect()
}

fn as_f64(values: &[Decimal]) -> Vec<f64> {
    values.iter().copied().map(units::to_f64_lossy).collect()
}

/// Plain `f64` NPV, Excel's convention (first flow one period out).
fn npv_f64(rate: f64, values: &[f64]) -> f64 {
    let factor = 1.0 / (1.0 + rate);
    let mut discount = factor;
    let mut sum = 0.0;
    for v in values {
        sum += v * discount;
        discount *= factor;
    }
    sum
}

/// Plain Newton IRR from 0.1.
fn irr_newton_f64(values: &[f64]) -> Option<f64> {
    let mut rate = 0.1_f64;
    for _ in 0..100 {
        let x = 1.0 / (1.0 + rate);
        let (mut f, mut slope, mut power, mut i) = (0.0, 0.0, 1.0, 0.0);
        for v in values {
            f += v * power;
            slope -= i * v * power * x;
            power *= x;
            i += 1.0;
        }
        let step = f / slope;
        rate -= step;
        if step.abs() < 1e-10 {
            return Some(rate);
        }
    }
    None
}

/// Plain Newton XIRR from 0.1 (Actual/365), as Excel and most libraries do it.
fn xirr_newton_f64(values: &[f64], years: &[f64]) -> Option<f64> {
    let mut rate = 0.1_f64;
    for _ in 0..100 {
        let (mut f, mut slope) = (0.0, 0.0);
        for (v, t) in values.iter().zip(years) {
            let discount = (1.0 + rate).powf(-t);
            f += v * discount;
            slope -= t * v * discount / (1.0 + rate);
        }
        let step = f / slope;
        rate -= step;
        if step.abs() < 1e-10 {
            return Some(rate);
        }
    }
    None
}

fn cash_flows(c: &mut Criterion) {
    let values = monthly_flows();
    let dates = monthly_dates();
    let floats = as_f64(&values);
    let years: Vec<f64> = dates
        .iter()
        .map(|d| {
            let days = d.days_since(dates[0]);
            units::to_f64_lossy(Decimal::from(days)) / 365.0
        })
        .collect();
    let monthly_rate = Decimal::new(8, 3); // 0.8 % a month
    let annual_rate = Decimal::new(1, 1);

    // The two solvers agree before anything is timed.
    let ours = units::to_f64_lossy(finance::irr(&values, None).unwrap());
    let theirs = irr_newton_f64(&floats).unwrap();
    assert!((ours - theirs).abs() < 1e-9, "irr {ours} vs {theirs}");
    let ours = units::to_f64_lossy(finance::xirr(&values, &dates, None).unwrap());
    let theirs = xirr_newton_f64(&floats, &years).unwrap();
    assert!((ours - theirs).abs() < 1e-9, "xirr {ours} vs {theirs}");

    let mut group = c.benchmark_group("irr_144_monthly");
    group.bench_function("baseline", |b| {
        b.iter(|| irr_newton_f64(black_box(&floats)))
    });
    group.bench_function("gpuecon", |b| {
        b.iter(|| finance::irr(black_box(&values), None))
    });
    group.finish();

    let mut group = c.benchmark_group("xirr_144_monthly");
    group.bench_function("baseline", |b| {
        b.iter(|| xirr_newton_f64(black_box(&floats), black_box(&years)))
    });
    group.bench_function("gpuecon", |b| {
        b.iter(|| finance::xirr(black_box(&values), black_box(&dates), None))
    });
    group.finish();

    let mut group = c.benchmark_group("npv_144_monthly");
    let rate_f64 = units::to_f64_lossy(monthly_rate);
    group.bench_function("baseline", |b| {
        b.iter(|| npv_f64(black_box(rate_f64), black_box(&floats)))
    });
    group.bench_function("gpuecon", |b| {
        b.iter(|| finance::npv(black_box(monthly_rate), black_box(&values)))
    });
    group.finish();

    let mut group = c.benchmark_group("xnpv_144_monthly");
    let annual_f64 = units::to_f64_lossy(annual_rate);
    group.bench_function("baseline", |b| {
        b.iter(|| {
            floats
                .iter()
                .zip(&years)
                .map(|(v, t)| v * (1.0 + black_box(annual_f64)).powf(-t))
                .sum::<f64>()
        })
    });
    group.bench_function("gpuecon", |b| {
        b.iter(|| {
            finance::xnpv(
                black_box(annual_rate),
                black_box(&values),
                black_box(&dates),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, cash_flows);
criterion_main!(benches);

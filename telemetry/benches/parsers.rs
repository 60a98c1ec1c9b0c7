//! The parsers on pathological sizes: 100,000 nvidia-smi rows of distinct GPUs, one DCGM
//! line of 100,000 labels, a DCGM scrape of 100,000 GPUs (each parsed and aggregated into
//! a window). Each group's `baseline` is a quarter of the size, measured in the same run:
//! `cargo xtask bench` prints `x4 ÷ baseline`, about 4 for linear time (16 for quadratic).

// Benchmarks unwrap: a failure is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use std::fmt::Write as _;
use std::hint::black_box;

use chrono::{FixedOffset, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use gpuecon_telemetry::{Reading, Window, dcgm, smi};

/// The largest size.
const N: usize = 100_000;

fn smi_rows(n: usize) -> String {
    let mut text =
        String::from("timestamp, index, name, uuid, utilization.gpu [%], power.draw [W]\n");
    for i in 0..n {
        writeln!(
            text,
            "2026/07/14 08:12:38.696, {i}, NVIDIA H100 80GB HBM3, GPU-{i}, 50 %, 300.5 W"
        )
        .unwrap();
    }
    text
}

fn dcgm_labels(n: usize) -> String {
    let mut text = String::from("DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-0\"");
    for i in 0..n {
        write!(text, ",l{i}=\"v{i}\"").unwrap();
    }
    text.push_str("} 300\n");
    text
}

fn dcgm_gpus(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        writeln!(
            text,
            "DCGM_FI_DEV_POWER_USAGE{{gpu=\"{i}\",UUID=\"GPU-{i}\",Hostname=\"h\"}} 300"
        )
        .unwrap();
    }
    text
}

fn smi_and_group(text: &str) -> usize {
    let zone = FixedOffset::east_opt(0).unwrap();
    let parsed = smi::parse_query_csv(text, zone, Utc::now());
    Reading::group(parsed.value).len()
}

fn dcgm_and_window(text: &str) -> usize {
    let parsed = dcgm::parse(text, Utc::now());
    let mut window = Window::default();
    for gpu in &parsed.value {
        window.push(gpu);
    }
    window.summaries().len()
}

fn group(c: &mut Criterion, name: &str, make: fn(usize) -> String, run: fn(&str) -> usize) {
    let (quarter, full) = (make(N / 4), make(N));
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("baseline", |b| b.iter(|| run(black_box(&quarter))));
    group.bench_function("x4", |b| b.iter(|| run(black_box(&full))));
    group.finish();
}

fn parsers(c: &mut Criterion) {
    group(c, "nvidia_smi_rows_100k", smi_rows, smi_and_group);
    group(c, "dcgm_labels_100k", dcgm_labels, |text| {
        dcgm::parse(text, Utc::now()).value.len()
    });
    group(c, "dcgm_gpus_100k", dcgm_gpus, dcgm_and_window);
}

criterion_group!(benches, parsers);
criterion_main!(benches);

//! `cargo xtask bench`: criterion benchmarks, reported as ratios against the baseline that
//! each benchmark group measures in the same run (a function named `baseline`).

use std::{fs, path::Path};

use crate::process::{command, exec, root};

/// Runs the core's, the telemetry parsers' and the workbook's benchmarks and prints each
/// function's time as a ratio to its group's baseline; then times the npm package against
/// @formulajs/formulajs in node (`bench/package.bench.mjs`, which prints its own table of
/// ratios); then the Python package (`bench/python.bench.py`: the batch API against pyxirr,
/// Monte Carlo on Dask).
pub fn run() -> anyhow::Result<()> {
    let root = root();
    exec(command("cargo", &root).args([
        "bench",
        "--package",
        "gpuecon",
        "--package",
        "gpuecon-telemetry",
        "--package",
        "gpuecon-xlsx",
    ]))?;
    print_ratios(&root.join("target/criterion"))?;
    montecarlo_targets(&root.join("target/criterion/montecarlo_box_144_months"));

    // The package as users get it (rebuilt: cargo is incremental, and a stale package would
    // time old code), and the comparison's own node modules (formulajs is a dependency of
    // the benchmark only).
    crate::setup::for_build()?;
    crate::build::package()?;
    let bench = root.join("bench");
    crate::setup::npm_ci(&bench)?;
    let native = |group: &str| {
        mean_ns(&root.join("target/criterion").join(group).join("evaluate"))
            .unwrap_or(0.0)
            .to_string()
    };
    let pyxirr = pyxirr_us().unwrap_or_else(|error| {
        println!("pyxirr not timed: {error:#}");
        String::new()
    });
    exec(
        command("node", &bench)
            .arg("package.bench.mjs")
            .env("GPUECON_PYXIRR_US", pyxirr)
            .env(
                "GPUECON_NATIVE_EVALUATE_NS",
                native("evaluate_h100_cluster_1024"),
            )
            .env("GPUECON_NATIVE_BOX_NS", native("evaluate_box_144_months")),
    )?;
    // Monte Carlo: wasm single-threaded against criterion's single-threaded native run.
    let one_thread = mean_ns(&root.join("target/criterion/montecarlo_box_144_months/one_thread"))
        .unwrap_or(0.0)
        .to_string();
    exec(
        command("node", &bench)
            .arg("montecarlo.bench.mjs")
            .env("GPUECON_NATIVE_MONTECARLO_NS", one_thread),
    )?;
    size_targets()?;
    // The Python package: the Arrow batch API against pyxirr, and Monte Carlo on Dask.
    crate::python::bench()
}

/// The bench's own virtual environment, with pyxirr from the registry (pinned in
/// python/requirements-bench.txt; git-ignored).
const BENCH_VENV: &str = ".venv-bench";

/// pyxirr's XIRR on the package benchmark's flows, in microseconds per call as a Python
/// user calls it (bench/pyxirr.bench.py in `.venv-bench`, created and filled when missing).
fn pyxirr_us() -> anyhow::Result<String> {
    let root = root();
    let python = root.join(BENCH_VENV).join("bin/python");
    if !python.exists() {
        exec(command("python3", &root).args(["-m", "venv", BENCH_VENV]))?;
    }
    crate::python::install_bench_requirements(&python)?;
    let us = crate::process::output(
        command(&python.to_string_lossy(), &root).arg("bench/pyxirr.bench.py"),
    )
    .ok_or_else(|| anyhow::anyhow!("bench/pyxirr.bench.py failed"))?;
    Ok(us.trim().to_owned())
}

/// Issue 21's size targets, each with "met" or "MISSED": the gzipped .wasm of
/// `gpuecon/finance` and of the full module (the budgets the `size` step enforces).
fn size_targets() -> anyhow::Result<()> {
    let pkg = crate::build::package_dir();
    for (what, file, budget) in [
        (
            "gpuecon/finance",
            "gpuecon_finance_bg.wasm",
            crate::size::FINANCE_GZIP_BUDGET,
        ),
        (
            "gpuecon (full)",
            "gpuecon_wasm_bg.wasm",
            crate::size::WASM_GZIP_BUDGET,
        ),
    ] {
        let gzip = crate::size::gzip_len(&fs::read(pkg.join(file))?)?;
        let verdict = if gzip <= budget { "met" } else { "MISSED" };
        println!("size of {what}: {gzip} bytes gzipped, ≤ {budget}: {verdict}");
    }
    Ok(())
}

/// Issue 21's native Monte Carlo targets, each with "met" or "MISSED": 100,000 paths × 144
/// months on one thread in at most 0.3 s, and at least 1.85x faster on two threads (both
/// criterion means of the same run).
fn montecarlo_targets(group: &Path) {
    let (Some(one), Some(two)) = (
        mean_ns(&group.join("one_thread")),
        mean_ns(&group.join("two_threads")),
    ) else {
        println!(
            "Monte Carlo targets: no criterion result for {}",
            group.display()
        );
        return;
    };
    let verdict = |met: bool| if met { "met" } else { "MISSED" };
    let seconds = one / 1e9;
    println!(
        "Monte Carlo 100,000 × 144, one thread: {seconds:.3} s, ≤ 0.3 s: {}",
        verdict(seconds <= 0.3)
    );
    let speedup = one / two;
    println!(
        "Monte Carlo 100,000 × 144, two threads: {:.3} s, {speedup:.2}x one thread, ≥ 1.85x: {}",
        two / 1e9,
        verdict(speedup >= 1.85)
    );
}

fn mean_ns(dir: &Path) -> Option<f64> {
    let text = fs::read_to_string(dir.join("new/estimates.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn print_ratios(criterion: &Path) -> anyhow::Result<()> {
    println!(
        "\n{:<28} {:<28} {:>12} {:>12}",
        "group", "function", "mean", "÷ baseline"
    );
    let mut groups: Vec<_> = fs::read_dir(criterion)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    groups.sort();
    for group in groups.iter().filter(|g| g.join("baseline").is_dir()) {
        let Some(baseline) = mean_ns(&group.join("baseline")) else {
            continue;
        };
        let mut functions: Vec<_> = fs::read_dir(group)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        functions.sort();
        for function in functions {
            let name = function
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if let Some(mean) = mean_ns(&function) {
                let group_name = group.file_name().unwrap_or_default().to_string_lossy();
                println!(
                    "{group_name:<28} {name:<28} {:>9.1} ns {:>11.2}x",
                    mean,
                    mean / baseline
                );
            }
        }
    }
    Ok(())
}

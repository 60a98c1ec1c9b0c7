//! `cargo xtask fuzz [--seconds N]`: the fuzz targets (fuzz/) under libFuzzer, on the
//! nightly toolchain, each for a bounded time: `scenario` (its corpus from the embedded
//! presets and every committed regression, with a dictionary of the scenario format's keys
//! read from the presets), `telemetry` (the recorded nvidia-smi, DCGM and replay fixtures),
//! `portfolio` (portfolios and Monte Carlo inputs; the presets) and `package_json` (the
//! npm package's JSON reader and writer, natively; the presets and regressions).

use std::{collections::BTreeSet, fs, path::Path};

use anyhow::{Context, bail};

use crate::process::{command, exec, output, root};

/// The cargo-fuzz version `setup` installs when none is present.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Each target and the folders its corpus is seeded from.
const TARGETS: [(&str, &[&str]); 4] = [
    ("scenario", &["core/presets", "fuzz/regressions"]),
    (
        "telemetry",
        &[
            "telemetry/tests/fixtures/nvidia-smi",
            "telemetry/tests/fixtures/dcgm",
            "telemetry/tests/fixtures/replay",
        ],
    ),
    ("portfolio", &["core/presets", "fuzz/regressions"]),
    ("package_json", &["core/presets", "fuzz/regressions"]),
];

/// Runs each fuzz target for `seconds`; an error names the crashing input if one is found.
pub fn run(seconds: u64) -> anyhow::Result<()> {
    tools()?;
    for (target, seeds) in TARGETS {
        run_target(target, seeds, seconds)?;
    }
    Ok(())
}

/// Seeds `target`'s corpus from `seeds` (with a dictionary of the JSON keys found there)
/// and fuzzes it for `seconds`.
fn run_target(target: &str, seeds: &[&str], seconds: u64) -> anyhow::Result<()> {
    let root = root();
    let corpus = root.join(format!("fuzz/corpus/{target}"));
    fs::create_dir_all(&corpus)?;
    let mut keys = BTreeSet::new();
    for dir in seeds {
        for entry in fs::read_dir(root.join(dir)).with_context(|| format!("reading {dir}"))? {
            let path = entry?.path();
            let Some(name) = path.file_name() else {
                continue;
            };
            if !path.is_file() {
                continue;
            }
            let text = fs::read(&path)?;
            collect_keys(&String::from_utf8_lossy(&text), &mut keys);
            fs::write(corpus.join(name), text)?;
        }
    }
    let dict = root.join(format!("fuzz/corpus/{target}.dict"));
    let entries: String = keys.iter().map(|k| format!("\"\\\"{k}\\\"\"\n")).collect();
    fs::write(&dict, entries)?;
    let artifacts = root.join(format!("fuzz/artifacts/{target}/"));
    fs::create_dir_all(&artifacts)?;
    let result = exec(
        nightly_cargo(&root)
            .args(["fuzz", "run", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-dict={}", dict.display()))
            .arg(format!("-artifact_prefix={}", artifacts.display()))
            .arg("-timeout=10")
            .arg("-print_funcs=0")
            .arg("-rss_limit_mb=2048"),
    );
    if result.is_err() {
        bail!(
            "the fuzz target {target} found an input that crashes: it is in {}; copy it into \
             fuzz/regressions/, fix the crash, and commit both (core/tests/fuzz_regressions.rs \
             replays every file there as a scenario)",
            artifacts.display()
        );
    }
    Ok(())
}

/// The nightly toolchain (installed on these machines) and cargo-fuzz.
fn tools() -> anyhow::Result<()> {
    let toolchains = output(command("rustup", &root()).args(["toolchain", "list"]))
        .context("rustup is needed for the nightly toolchain")?;
    if !toolchains.lines().any(|line| line.starts_with("nightly")) {
        bail!("fuzzing needs the nightly toolchain: `rustup toolchain install nightly`");
    }
    if let Some(version) = output(nightly_cargo(&root()).args(["fuzz", "--version"])) {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    exec(command("cargo", &root()).args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION]))
}

/// `cargo +nightly`, free of the variables the outer (stable) cargo set for xtask.
fn nightly_cargo(dir: &Path) -> std::process::Command {
    let mut cargo = command("cargo", dir);
    cargo.arg("+nightly");
    for variable in [
        "CARGO",
        "RUSTUP_TOOLCHAIN",
        "RUSTC",
        "RUSTDOC",
        "CARGO_TARGET_DIR",
    ] {
        cargo.env_remove(variable);
    }
    cargo
}

/// Every JSON object key (a quoted string followed by `:`) in `text`.
fn collect_keys(text: &str, keys: &mut BTreeSet<String>) {
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else { break };
        let (key, tail) = (&after[..close], &after[close + 1..]);
        if tail.trim_start().starts_with(':')
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            keys.insert(key.to_owned());
        }
        rest = tail;
    }
}

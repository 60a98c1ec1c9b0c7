//! `cargo xtask test [STEP...]`: every check CI runs, each runnable on its own.

use std::{fs, path::Path, time::Instant};

use anyhow::{Context, bail};
use clap::ValueEnum;

use crate::{
    build, codegen, fuzz, package,
    process::{command, exec, output, root},
    python, serve, setup, size,
};

/// How long the test command fuzzes each target (scenario, telemetry, portfolio): enough
/// to catch a shallow crash in every commit.
const FUZZ_SECONDS: u64 = 15;

/// One named part of the test command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestStep {
    /// rustfmt, check only; and the generated readers, writers and TypeScript types match
    /// the core's source (`cargo xtask codegen --check`).
    Fmt,
    /// clippy on every crate and target, and on each wasm module's build of the bindings
    /// (`build::MODULE_FEATURES`), warnings denied.
    Clippy,
    /// Unit, integration (golden vectors, oracle) and doc tests, natively.
    Native,
    /// rustdoc on every crate with warnings denied (broken or private links, bad examples).
    Doc,
    /// `gpuecon watch --listen` scraped by a real Prometheus (Debian's, installed by setup):
    /// the PromQL fleet margin equals the CLI's JSON; promtool accepts the exposition.
    Exporter,
    /// A short fuzzing run of scenarios, the telemetry parsers, portfolios and Monte Carlo
    /// options (`cargo xtask fuzz` runs longer).
    Fuzz,
    /// The core builds for wasm32, pulls in no wasm-bindgen or js-sys, and passes its purity lints there.
    Purity,
    /// Builds the npm package and the calculator.
    Wasm,
    /// The packed npm package, installed into a scratch project: golden vectors, errors and
    /// hostile inputs in Node; index.d.ts checked by tsc against every golden vector.
    Js,
    /// The packed package installed as users install it: Node ESM and CommonJS, strict
    /// TypeScript, a Vite build in Chromium, and the README's examples run as written.
    Package,
    /// The calculator in headless Chromium.
    Browser,
    /// The package's sizes against the budget.
    Size,
    /// LibreOffice recalculates the workbooks of every preset and 20 generated scenarios
    /// to gpuecon's figures (gpuecon-xlsx's `libreoffice` test).
    Workbook,
    /// The Python wheel, built by maturin and installed into a fresh virtual environment:
    /// pytest (golden vectors, presets against the CLI, errors, the Arrow batch API, Monte
    /// Carlo on a local Dask cluster, the README's Python quick start).
    Python,
}

/// Runs `steps` (all of them when empty), building first where a step needs the package.
pub fn run(steps: &[TestStep]) -> anyhow::Result<()> {
    let steps = if steps.is_empty() {
        TestStep::value_variants().to_vec()
    } else {
        steps.to_vec()
    };
    let needs_build = |s: &TestStep| {
        matches!(
            s,
            TestStep::Wasm | TestStep::Js | TestStep::Package | TestStep::Browser | TestStep::Size
        )
    };
    if steps.iter().any(needs_build) {
        setup::for_build()?;
    } else if steps.contains(&TestStep::Purity) {
        setup::for_build()?; // the wasm32 target
    }
    if steps.contains(&TestStep::Browser) || steps.contains(&TestStep::Package) {
        setup::chromium()?;
    }
    let mut built = false;
    let started = Instant::now();
    for step in &steps {
        let step_started = Instant::now();
        println!("\n== cargo xtask test {step:?}");
        if needs_build(step) && !built {
            build::all()?;
            built = true;
        }
        match step {
            TestStep::Fmt => {
                exec(cargo().args(["fmt", "--all", "--", "--check"]))?;
                codegen::run(true)?;
            }
            TestStep::Clippy => {
                exec(cargo().args([
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--quiet",
                    "--",
                    "-D",
                    "warnings",
                ]))?;
                for features in build::MODULE_FEATURES {
                    exec(cargo().args([
                        "clippy",
                        "--package",
                        "gpuecon-wasm",
                        "--no-default-features",
                        "--features",
                        features,
                        "--quiet",
                        "--",
                        "-D",
                        "warnings",
                    ]))?;
                }
            }
            TestStep::Native => exec(cargo().args(["test", "--workspace"]))?,
            TestStep::Doc => exec(
                cargo()
                    .args(["doc", "--workspace", "--no-deps", "--quiet"])
                    .env("RUSTDOCFLAGS", "-D warnings"),
            )?,
            TestStep::Exporter => {
                setup::prometheus()?;
                exec(cargo().args([
                    "test",
                    "--package",
                    "gpuecon-cli",
                    "--test",
                    "exporter",
                    "--",
                    "--ignored",
                ]))?;
            }
            TestStep::Fuzz => fuzz::run(FUZZ_SECONDS)?,
            TestStep::Purity => purity()?,
            TestStep::Wasm => {}
            TestStep::Js => js()?,
            TestStep::Package => package::run()?,
            TestStep::Browser => browser()?,
            TestStep::Size => size::report()?,
            TestStep::Workbook => workbook()?,
            TestStep::Python => python::test()?,
        }
        println!(
            "== {step:?}: ok in {:.1} s",
            step_started.elapsed().as_secs_f64()
        );
    }
    println!(
        "\ncargo xtask test: {} steps passed in {:.0} s",
        steps.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn cargo() -> std::process::Command {
    command("cargo", &root())
}

/// The workbook test, with LibreOffice installed first.
fn workbook() -> anyhow::Result<()> {
    let soffice = setup::libreoffice()?;
    exec(
        cargo()
            .args([
                "test",
                "-p",
                "gpuecon-xlsx",
                "--test",
                "libreoffice",
                "--",
                "--ignored",
            ])
            .env("GPUECON_SOFFICE", soffice),
    )
}

/// The core stays host-free: it builds for wasm32 without wasm-bindgen or js-sys, and its
/// purity lints (clippy.toml: clocks, environment, files, threads, OS randomness) hold there.
fn purity() -> anyhow::Result<()> {
    let wasm = ["--package", "gpuecon", "--target", "wasm32-unknown-unknown"];
    exec(cargo().arg("build").args(wasm))?;
    exec(
        cargo()
            .arg("clippy")
            .args(wasm)
            .args(["--quiet", "--", "-D", "warnings"]),
    )?;
    for extra in [&[][..], &["--target", "wasm32-unknown-unknown"][..]] {
        let mut tree = cargo();
        tree.args(["tree", "--package", "gpuecon", "--prefix", "none"])
            .args(extra);
        let listing = output(&mut tree).context("cargo tree failed")?;
        let hosts: Vec<&str> = listing
            .lines()
            .filter(|line| line.starts_with("wasm-bindgen") || line.starts_with("js-sys"))
            .collect();
        if !hosts.is_empty() {
            bail!(
                "the core must not depend on JavaScript host crates, but `cargo tree -p gpuecon {}` lists: {}",
                extra.join(" "),
                hosts.join(", ")
            );
        }
    }
    println!("ok: gpuecon builds for wasm32 and depends on no wasm-bindgen or js-sys");
    Ok(())
}

/// Packs the package, installs the tarball into a scratch project as a user would, and runs
/// the Node tests there (golden vectors, errors, hostile inputs); then tsc checks the
/// package's index.d.ts against every golden vector, written as TypeScript calls.
fn js() -> anyhow::Result<()> {
    let root = root();
    let work = root.join("target/js-test");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    let tarball = package::pack(&work)?;
    let consumer = work.join("consumer");
    fs::create_dir_all(&consumer)?;
    let tests = root.join("tests/node");
    for entry in fs::read_dir(&tests)?.filter_map(Result::ok) {
        fs::copy(entry.path(), consumer.join(entry.file_name()))?;
    }
    package::install(&consumer, "module", &tarball)?;
    let vectors = root.join("tests/vectors");
    exec(
        command("node", &consumer)
            .args(["--test", "--test-reporter=spec"])
            .env("GPUECON_VECTORS", &vectors)
            .env("GPUECON_ORACLE", oracle_dir()),
    )?;
    exec(
        command("node", &consumer)
            .arg("vectors_to_ts.mjs")
            .arg(&vectors)
            .arg("vectors.generated.ts"),
    )?;
    exec(
        command(
            &root.join("node_modules/.bin/tsc").to_string_lossy(),
            &consumer,
        )
        .args(["--noEmit", "--project", "tsconfig.json"]),
    )
}

/// Serves the built calculator and the package folder on free ports, and drives both in
/// Debian's Chromium: the page's behaviour (its numbers against the native `gpuecon`
/// command's), and the golden vectors through the package. LibreOffice opens a downloaded
/// export (the seven tasks' spreadsheet task).
fn browser() -> anyhow::Result<()> {
    let chromium = setup::chromium()?;
    let soffice = setup::libreoffice()?;
    let root = root();
    let shots = root.join("target/screenshots");
    fs::create_dir_all(&shots)?;
    // The calculator's numbers are checked against the native core: the `gpuecon` command.
    exec(cargo().args(["build", "--quiet", "--package", "gpuecon-cli"]))?;
    let cli = root
        .join("target/debug")
        .join(format!("gpuecon{}", std::env::consts::EXE_SUFFIX));
    let site = serve::Running::start(build::site_dir(), 0)?;
    let package = serve::Running::start(build::package_dir(), 0)?;
    let outcome = exec(
        command("node", &root)
            .args(["--test", "--test-reporter=spec"])
            .arg(Path::new("tests/browser"))
            .env("GPUECON_URL", format!("http://127.0.0.1:{}/", site.port))
            .env(
                "GPUECON_PKG_URL",
                format!("http://127.0.0.1:{}/", package.port),
            )
            .env("GPUECON_ORACLE", oracle_dir())
            .env("GPUECON_CHROMIUM", chromium)
            .env("GPUECON_CLI", &cli)
            .env("GPUECON_SOFFICE", soffice)
            .env("GPUECON_SCREENSHOTS", &shots),
    );
    site.stop();
    package.stop();
    outcome
}

/// The Excel oracle, in the `shared/` folder beside the repository.
fn oracle_dir() -> std::path::PathBuf {
    root().join("../shared/oracles/excel-financial-functions")
}

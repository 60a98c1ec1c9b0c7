//! `cargo xtask <step>`: the named steps that people and CI share.
//!
//! Every step installs what it needs first (`setup`), so `cargo xtask test` and
//! `cargo xtask serve` work on a fresh machine with only Rust, Node.js and npm.

mod bench;
mod build;
mod codegen;
mod fuzz;
mod package;
mod process;
mod python;
mod serve;
mod setup;
mod size;
mod test;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "gpuecon's build, test and serve steps")]
struct Cli {
    #[command(subcommand)]
    step: Step,
}

#[derive(Debug, Subcommand)]
enum Step {
    /// Install what a fresh machine lacks: the wasm target, wasm-bindgen, node tools, Chromium.
    Setup,
    /// Write the npm package's JSON readers, writers and TypeScript types from the core's
    /// source (checked-in files marked `@generated`).
    Codegen {
        /// Write nothing; fail when a generated file differs from what the core gives.
        #[arg(long)]
        check: bool,
    },
    /// Build the npm package (bindings/pkg) and the static calculator (www/dist).
    Build,
    /// Run every test, or only the named sub-steps.
    Test {
        /// Sub-steps to run, in order; all of them when none is named.
        #[arg(value_enum)]
        steps: Vec<test::TestStep>,
    },
    /// Build, then serve the calculator on http://127.0.0.1:PORT until Ctrl-C.
    Serve {
        /// The port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Serve what is already in www/dist without building.
        #[arg(long)]
        no_build: bool,
    },
    /// Fuzz scenarios, the telemetry parsers, portfolios and Monte Carlo options (nightly,
    /// libFuzzer), each target for a bounded time.
    Fuzz {
        /// How long to fuzz, in seconds.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
    /// Run the benchmarks and print their ratios against the baselines measured alongside.
    Bench,
    /// Print the raw, gzip and brotli sizes of the package's .wasm and JS glue; fail over budget.
    Size,
    /// Write the man page of the `gpuecon` command to target/man/gpuecon.1 (clap_mangen).
    Man,
}

fn main() -> ExitCode {
    match step(Cli::parse().step) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cargo xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn step(step: Step) -> anyhow::Result<()> {
    match step {
        Step::Setup => setup::all(),
        Step::Build => {
            setup::for_build()?;
            build::all()
        }
        Step::Codegen { check } => codegen::run(check),
        Step::Test { steps } => test::run(&steps),
        Step::Serve { port, no_build } => {
            if !no_build {
                setup::for_build()?;
                build::all()?;
            }
            serve::until_interrupted(port)
        }
        Step::Fuzz { seconds } => fuzz::run(seconds),
        Step::Bench => bench::run(),
        Step::Size => size::report(),
        Step::Man => man(),
    }
}

/// `cargo xtask man`: the page the command prints with its hidden `gpuecon man`.
fn man() -> anyhow::Result<()> {
    let root = process::root();
    let page = process::output(process::command("cargo", &root).args([
        "run",
        "--quiet",
        "--package",
        "gpuecon-cli",
        "--",
        "man",
    ]))
    .ok_or_else(|| anyhow::anyhow!("`gpuecon man` failed"))?;
    let dir = root.join("target/man");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("gpuecon.1");
    std::fs::write(&path, page)?;
    println!("wrote {}", path.display());
    Ok(())
}

//! The `gpuecon` command: the core's functions and live GPU telemetry from a terminal.
//!
//! ```text
//! gpuecon evaluate scenario.toml                # the summary and the monthly series
//! gpuecon evaluate --preset h100-cluster-1024 --format json
//! gpuecon presets                               # the embedded presets
//! gpuecon explain equity.irr_annual             # what a report field or an input means
//! gpuecon montecarlo --preset coreweave-box-ig --paths 20000 --seed 1
//! gpuecon watch --price 2.50 --power-price 0.08 --pue 1.3     # live, NVML or nvidia-smi
//! gpuecon watch --source dcgm --from http://node-1:9400/metrics --contract deal.json
//! gpuecon watch --source replay --from session.jsonl --speed 10
//! gpuecon record --count 60 --interval 1 -o session.jsonl
//! gpuecon fn sln 30000 7500 10                  # 2250
//! ```
//!
//! Errors are one line on stderr (`gpuecon: error: …`) and a non-zero exit; malformed
//! input lines are reported on stderr with their line number and skipped.

mod evaluate;
mod explain;
mod format;
mod montecarlo;
mod watch;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gpuecon::{Decimal, finance};

/// The economics of AI compute, from the command line.
#[derive(Debug, Parser)]
#[command(name = "gpuecon", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate a scenario (a .json or .toml file, or a preset): the summary and the monthly series.
    Evaluate(evaluate::EvaluateArgs),
    /// List the embedded presets.
    Presets(evaluate::PresetsArgs),
    /// Explain a scenario input or a report field: its definition, formula, unit, sign, range and source.
    Explain(explain::ExplainArgs),
    /// Monte Carlo of a box or a portfolio: distributions of NPV, IRR and DSCR, breach probabilities.
    Montecarlo(montecarlo::MonteCarloArgs),
    /// Watch GPUs: per GPU and for the fleet, what they draw, do, earn and cost, refreshed.
    Watch(watch::WatchArgs),
    /// Record readings in the replay format (JSON lines), for `watch --source replay`.
    Record(watch::RecordArgs),
    /// Call one finance function with Excel's arguments, for example `gpuecon fn sln 30000 7500 10`.
    #[command(subcommand, name = "fn")]
    Function(Function),
}

#[derive(Debug, Subcommand)]
enum Function {
    /// Straight-line depreciation per period: (cost − salvage) / life.
    Sln {
        /// The asset's initial cost.
        #[arg(allow_negative_numbers = true)]
        cost: Decimal,
        /// The asset's value at the end of its life.
        #[arg(allow_negative_numbers = true)]
        salvage: Decimal,
        /// The number of periods of its life.
        #[arg(allow_negative_numbers = true)]
        life: Decimal,
    },
}

/// Why a command stopped.
#[derive(Debug)]
pub enum CliError {
    /// A failure, said in one line.
    Message(String),
    /// The reader of stdout went away (`gpuecon … | head`): nothing to report.
    Closed,
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Self::Closed
        } else {
            Self::Message(error.to_string())
        }
    }
}

impl From<gpuecon_telemetry::Error> for CliError {
    fn from(error: gpuecon_telemetry::Error) -> Self {
        Self::Message(error.to_string())
    }
}

impl From<String> for CliError {
    fn from(message: String) -> Self {
        Self::Message(message)
    }
}

impl From<&str> for CliError {
    fn from(message: &str) -> Self {
        Self::Message(message.to_owned())
    }
}

/// A command's result.
pub type CliResult = Result<(), CliError>;

fn function(function: Function, out: &mut dyn Write) -> CliResult {
    let value = match function {
        Function::Sln {
            cost,
            salvage,
            life,
        } => finance::sln(cost, salvage, life),
    }
    .map_err(|error| CliError::Message(format!("[{}] {error}", error.code())))?;
    writeln!(out, "{}", value.normalize())?;
    Ok(())
}

fn run(cli: Cli) -> CliResult {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Evaluate(args) => evaluate::evaluate(&args, &mut out),
        Command::Presets(args) => evaluate::presets(&args, &mut out),
        Command::Explain(args) => explain::explain(&args, &mut out),
        Command::Montecarlo(args) => montecarlo::montecarlo(&args, &mut out),
        Command::Watch(args) => watch::watch(&args, &mut out),
        Command::Record(args) => watch::record(&args, &mut out),
        Command::Function(f) => function(f, &mut out),
    }
}

/// The first line of clap's message, without its `error: ` prefix.
fn first_line(message: &str) -> &str {
    let line = message.lines().next().unwrap_or(message);
    line.strip_prefix("error: ").unwrap_or(line)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            return match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = error.print();
                    ExitCode::SUCCESS
                }
                _ => {
                    let rendered = error.render().to_string();
                    eprintln!(
                        "gpuecon: error: {} (see gpuecon --help)",
                        first_line(&rendered)
                    );
                    ExitCode::from(2)
                }
            };
        }
    };
    match run(cli) {
        Ok(()) | Err(CliError::Closed) => ExitCode::SUCCESS,
        Err(CliError::Message(message)) => {
            // One line, whatever the message holds.
            eprintln!("gpuecon: error: {}", message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

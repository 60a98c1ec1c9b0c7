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

mod completions;
mod evaluate;
mod explain;
mod exporter;
mod financing;
mod format;
mod functions;
mod input;
mod montecarlo;
mod notices;
mod terminal;
mod watch;

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Examples shown at the end of `gpuecon --help`.
const EXAMPLES: &str = "\
Examples:
  gpuecon evaluate --preset h100-node-on-demand          the summary and monthly tables
  gpuecon evaluate my-fleet.toml --format json           a scenario or portfolio file
  cat my-fleet.json | gpuecon evaluate -                 the same from stdin
  gpuecon montecarlo --preset coreweave-box-ig --paths 20000 --seed 1
  gpuecon watch --price 2.50 --power-price 0.08 --pue 1.3
  gpuecon watch --source dcgm --from http://node-1:9400/metrics --contract deal.toml \\
      --listen 0.0.0.0:9401                              Prometheus metrics beside dcgm-exporter
  gpuecon fn sln 30000 7500 10                           2250
  gpuecon fn irr_all -100,230,-132                       every IRR: 10 % and 20 %
  gpuecon completions bash > /etc/bash_completion.d/gpuecon";

/// The economics of AI compute, from the command line.
#[derive(Debug, Parser)]
#[command(name = "gpuecon", version, about, after_help = EXAMPLES)]
pub struct Cli {
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
    /// Call one finance function with Excel's arguments, for example `gpuecon fn sln 30000 7500 10`
    /// (`gpuecon fn --help` lists them; `gpuecon fn xirr --help` explains one).
    #[command(subcommand, name = "fn")]
    Function(functions::Call),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff); `cargo xtask man` writes it to target/man/gpuecon.1.
    #[command(hide = true)]
    Man,
}

/// Why a command stopped.
#[derive(Debug)]
pub enum CliError {
    /// A failure, said in one line.
    Message(String),
    /// Invalid input, with a code, the field at fault and every problem found.
    Problems {
        /// `INVALID_ARGUMENT`, `DOMAIN`, … (the core's error codes).
        code: &'static str,
        /// The path of the value at fault (`fleet.capex_usd_per_gpu`), where known.
        field: Option<String>,
        /// The whole failure in one line.
        message: String,
        /// Each problem: its field and message.
        problems: Vec<(String, String)>,
    },
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
        Command::Function(call) => functions::run(&call, &mut out),
        Command::Completions(args) => completions::completions(&args, &mut out),
        Command::Man => completions::man(&mut out),
    }
}

/// Clap's message in one line, without its `error: ` prefix: the first line and the
/// indented lines under it (`  <life>`: what is missing).
fn first_line(message: &str) -> String {
    let mut lines = message.lines();
    let first = lines.next().unwrap_or(message);
    let mut line = first.strip_prefix("error: ").unwrap_or(first).to_owned();
    for more in lines.take_while(|l| l.starts_with("  ")) {
        line.push(' ');
        line.push_str(more.trim());
    }
    line
}

/// Clap's tips (`tip: a similar subcommand exists: 'evaluate'`), joined for one line.
fn tips(message: &str) -> String {
    let tips: Vec<&str> = message
        .lines()
        .filter_map(|line| line.trim().strip_prefix("tip: "))
        .collect();
    if tips.is_empty() {
        String::new()
    } else {
        format!("; tip: {}", tips.join("; "))
    }
}

/// Whether the command line asks for `--format json` (errors are then one JSON object).
fn wants_json(args: &[String]) -> bool {
    args.iter().any(|a| a == "--format=json")
        || args
            .windows(2)
            .any(|pair| matches!(pair, [flag, value] if flag == "--format" && value == "json"))
}

/// Reports `error` on stderr: one line, or one JSON object under `--format json`.
fn report(error: CliError, json: bool) -> ExitCode {
    let (code, field, message, problems) = match error {
        CliError::Closed => return ExitCode::SUCCESS,
        CliError::Message(message) => ("ERROR", None, message, Vec::new()),
        CliError::Problems {
            code,
            field,
            message,
            problems,
        } => (code, field, message, problems),
    };
    if json {
        let problems: Vec<serde_json::Value> = problems
            .into_iter()
            .map(|(field, message)| serde_json::json!({ "field": field, "message": message }))
            .collect();
        let object = serde_json::json!({
            "code": code,
            "field": field,
            "message": message,
            "problems": problems,
        });
        eprintln!("{object}");
    } else {
        // One line, whatever the message holds: no control character, values cut.
        eprintln!(
            "gpuecon: error: {}",
            terminal::line(&message.replace('\n', " "))
        );
    }
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let json = wants_json(&args);
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
                    let message = format!(
                        "{}{} (see gpuecon --help)",
                        first_line(&rendered),
                        tips(&rendered)
                    );
                    report(
                        CliError::Problems {
                            code: "USAGE",
                            field: None,
                            message,
                            problems: Vec::new(),
                        },
                        json,
                    );
                    ExitCode::from(2)
                }
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(error, json),
    }
}

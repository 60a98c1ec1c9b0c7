//! `gpuecon montecarlo`: a box's or a portfolio's Monte Carlo, with a progress bar on
//! stderr, as tables or JSON.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use gpuecon::montecarlo::{
    Distribution, Events, MonteCarloInputs, MonteCarloReport, Options, Simulation, Stochastic,
};
use gpuecon::{Decimal, presets};
use indicatif::{ProgressBar, ProgressStyle};

use crate::CliResult;
use crate::evaluate::scenario_error;
use crate::format::{self, number, or_unknown, percent, usd};
use crate::input::{self, Model};

/// How `montecarlo` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    /// The distributions and probabilities as tables.
    #[default]
    Table,
    /// The whole report as JSON, decimals as strings.
    Json,
    /// An Excel workbook of gpuecon's values (with `--output`): the percentiles, the
    /// events' probabilities and the histograms.
    Xlsx,
}

/// Arguments of `gpuecon montecarlo`.
#[derive(Debug, Args)]
pub struct MonteCarloArgs {
    /// A scenario (`.json` or `.toml`) or a portfolio (`.json` with `boxes`).
    #[arg(required_unless_present = "preset", conflicts_with = "preset")]
    file: Option<PathBuf>,
    /// A preset's id instead of a file (see `gpuecon presets`).
    #[arg(long)]
    preset: Option<String>,
    /// Paths to run (with --target-se: the most).
    #[arg(long, default_value_t = 10_000)]
    paths: u32,
    /// The seed: the same seed gives the same report, here and in the npm package.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Stop once the standard error of the mean NPV is at most this many USD.
    #[arg(long, value_name = "USD")]
    target_se: Option<Decimal>,
    /// The random inputs as a JSON file (the `stochastic` object of the options); default:
    /// every input at its typical value.
    #[arg(long, value_name = "FILE")]
    stochastic: Option<PathBuf>,
    /// Bins of each histogram in the JSON report.
    #[arg(long, default_value_t = 20)]
    bins: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ReportFormat,
    /// Write to this file instead of the standard output (required for xlsx).
    #[arg(long)]
    output: Option<PathBuf>,
}

/// `gpuecon montecarlo`.
pub fn montecarlo(args: &MonteCarloArgs, out: &mut dyn Write) -> CliResult {
    let mut file;
    let out: &mut dyn Write = match &args.output {
        Some(path) => {
            file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            &mut file
        }
        None if args.format == ReportFormat::Xlsx => {
            return Err("--format xlsx writes a file: give --output FILE.xlsx".into());
        }
        None => out,
    };
    let (origin, scenario, portfolio) = match (&args.file, &args.preset) {
        (_, Some(id)) => {
            let preset = presets::get(id)
                .map_err(|e| scenario_error(id, &e))?
                .ok_or_else(|| format!("no preset {id:?} (see gpuecon presets)"))?;
            (format!("preset {id}"), preset.scenario, preset.portfolio)
        }
        (Some(path), None) => match input::load_model(path)? {
            Model::Scenario(scenario) => (input::origin(path), Some(*scenario), None),
            Model::Portfolio(boxes) => (input::origin(path), None, Some(*boxes)),
        },
        (None, None) => return Err("give a scenario file or --preset NAME".into()),
    };
    let stochastic = match &args.stochastic {
        Some(path) => input::load_json::<Stochastic>(path)?,
        None => Stochastic::typical(),
    };
    // The workbook's title and date: the scenario's, or the portfolio's and its first box's.
    let (title, start) = match (&scenario, &portfolio) {
        (Some(s), _) => (s.title.clone(), Some(s.start)),
        (None, Some(p)) => (p.title.clone(), p.boxes.first().map(|b| b.start)),
        (None, None) => (String::new(), None),
    };
    let inputs = MonteCarloInputs {
        scenario,
        portfolio,
        options: Options {
            paths: args.paths,
            seed: args.seed,
            target_standard_error_usd: args.target_se,
            histogram_bins: args.bins,
            stochastic,
        },
    };
    let simulation = Simulation::new(&inputs).map_err(|e| scenario_error(&origin, &e))?;
    let bar = ProgressBar::new(u64::from(args.paths));
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} paths {pos}/{len} [{bar:40}] {elapsed_precise} left {eta}",
        )
        .map_err(|e| e.to_string())?
        .progress_chars("=> "),
    );
    let report = simulation
        .run_with_progress(|done, _| bar.set_position(u64::from(done)))
        .map_err(|e| scenario_error(&origin, &e))?;
    bar.finish_and_clear();
    match args.format {
        ReportFormat::Json => {
            let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            writeln!(out, "{text}")?;
        }
        ReportFormat::Table => tables(&origin, &report, out)?,
        ReportFormat::Xlsx => {
            let start =
                start.ok_or_else(|| format!("{origin}: no scenario to date the workbook"))?;
            let bytes = gpuecon_xlsx::montecarlo::workbook(&title, start, &report)
                .map_err(|e| format!("{origin}: {e}"))?;
            out.write_all(&bytes)?;
        }
    }
    Ok(())
}

/// A distribution's row: the mean ± its standard error, the percentiles, the deterministic
/// value, each shown by `show`.
fn row(
    name: &str,
    d: Option<&Distribution>,
    deterministic: Option<Decimal>,
    show: fn(Decimal) -> String,
) -> Vec<comfy_table::Cell> {
    let mut cells = vec![comfy_table::Cell::new(name)];
    match d {
        Some(d) => {
            cells.push(number(format!(
                "{} ± {}",
                show(d.mean),
                or_unknown(d.standard_error, show)
            )));
            for p in [d.p5, d.p25, d.p50, d.p75, d.p95] {
                cells.push(number(show(p)));
            }
        }
        None => cells.extend((0..6).map(|_| number(format::UNKNOWN))),
    }
    cells.push(number(or_unknown(deterministic, show)));
    cells
}

fn ratio(value: Decimal) -> String {
    format::grouped(value, 3)
}

fn month(value: Decimal) -> String {
    format::grouped(value, 0)
}

/// An event's line: its probability ± standard error, and the median first month.
fn event(name: &str, e: &Events) -> Vec<comfy_table::Cell> {
    vec![
        comfy_table::Cell::new(name),
        number(format!(
            "{} ± {}",
            percent(e.probability),
            percent(e.standard_error)
        )),
        number(or_unknown(e.first_month.as_ref().map(|d| d.p50), month)),
        number(or_unknown(e.first_month.as_ref().map(|d| d.p5), month)),
    ]
}

/// The report as tables.
fn tables(origin: &str, r: &MonteCarloReport, out: &mut dyn Write) -> CliResult {
    let met = match r.target_met {
        Some(true) => ", target standard error met",
        Some(false) => ", target standard error not met",
        None => "",
    };
    writeln!(out, "{origin}: {} paths, seed {}{met}", r.paths, r.seed)?;
    let d = &r.deterministic;
    let mut t = format::table(&[
        "outcome",
        "mean ± s.e.",
        "P5",
        "P25",
        "P50",
        "P75",
        "P95",
        "deterministic",
    ]);
    t.add_row(row("NPV", Some(&r.npv_usd), Some(d.npv_usd), usd));
    t.add_row(row(
        "project IRR",
        r.project_irr_annual.as_ref(),
        d.project_irr_annual,
        percent,
    ));
    t.add_row(row(
        "equity value",
        Some(&r.equity_value_usd),
        Some(d.equity_value_usd),
        usd,
    ));
    t.add_row(row(
        "equity IRR",
        r.equity_irr_annual.as_ref(),
        d.equity_irr_annual,
        percent,
    ));
    t.add_row(row(
        "minimum DSCR",
        r.minimum_dscr.as_ref(),
        d.minimum_dscr,
        ratio,
    ));
    if let Some(c) = &r.credit {
        t.add_row(row(
            "lender IRR",
            c.lender_irr_annual.as_ref(),
            c.deterministic_lender_irr_annual,
            percent,
        ));
        t.add_row(row(
            "loss given default",
            c.loss_given_default.as_ref(),
            None,
            percent,
        ));
    }
    writeln!(out, "{t}")?;
    let mut e = format::table(&[
        "event",
        "probability ± s.e.",
        "median first month",
        "P5 first month",
    ]);
    e.add_row(event("covenant breach (LTV or DSCR)", &r.covenant_breach));
    e.add_row(event(
        "event of default (payment, or a covenant past the cure)",
        &r.covenant_default,
    ));
    if let Some(c) = &r.credit {
        e.add_row(event("lock-up (distributions blocked)", &c.lock_up));
    }
    e.add_row(event("a buyer defaults", &r.customer_default));
    writeln!(out, "{e}")?;
    if let Some(c) = &r.credit {
        writeln!(
            out,
            "lender: probability of default {}, expected loss (PD × mean LGD) {} of the exposure, \
             mean loss per path {} (written off ÷ exposure, 0 without a default), \
             exposure-weighted LGD {}, expected loss {} a path",
            percent(c.default.probability),
            percent(c.expected_loss_share),
            percent(c.mean_loss_share),
            or_unknown(c.exposure_weighted_loss_given_default, percent),
            usd(c.expected_loss_usd)
        )?;
        if !c.boxes.is_empty() {
            let mut b = format::table(&[
                "box",
                "probability of default",
                "mean LGD",
                "expected loss a path",
            ]);
            for x in &c.boxes {
                b.add_row(vec![
                    comfy_table::Cell::new(&x.name),
                    number(percent(x.default_probability)),
                    number(or_unknown(x.loss_given_default, percent)),
                    number(usd(x.expected_loss_usd)),
                ]);
            }
            writeln!(out, "each box's lender:\n{b}")?;
        }
    }
    writeln!(
        out,
        "expected shortfall of the equity value (mean of the worst 5 % of paths): {}",
        usd(r.equity_expected_shortfall_usd)
    )?;
    Ok(())
}

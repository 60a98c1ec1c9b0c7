//! `gpuecon watch` and `gpuecon record`: a source of readings (NVML, nvidia-smi, the DCGM
//! exporter, a replayed session), a window over them, and the economics through the core.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::FixedOffset;
use clap::{Args, ValueEnum};
use comfy_table::Cell;
use gpuecon::Decimal;
use gpuecon::live::{Billing, OwnerTerms, Terms};
use gpuecon_telemetry::dcgm::DcgmSource;
use gpuecon_telemetry::nvml::NvmlSource;
use gpuecon_telemetry::replay::{self, ReplaySource};
use gpuecon_telemetry::report::{self, LiveReport};
use gpuecon_telemetry::smi::{SmiCommand, SmiLog};
use gpuecon_telemetry::{Backoff, GpuSource, Window, detect};

use crate::evaluate::load_scenario;
use crate::exporter::{self, Health, Served};
use crate::format::{self, dollars, duration, measured, number, or_unknown, percent, signed};
use crate::input::read_text;
use crate::notices::Notices;
use crate::terminal::{self, clean};
use crate::{CliError, CliResult};

/// Where readings come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceKind {
    /// The NVIDIA Management Library (the driver's libnvidia-ml.so).
    Nvml,
    /// `nvidia-smi --query-gpu=… --format=csv`, run at each reading, or a recorded log (--from).
    Smi,
    /// The DCGM exporter's /metrics: a URL (--from http://host:9400/metrics) or a saved scrape.
    Dcgm,
    /// A session recorded by `gpuecon record` (--from FILE.jsonl).
    Replay,
}

/// Arguments shared by `watch` and `record`.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Where readings come from. Without it: with --from, guessed from it (http:// → dcgm,
    /// .jsonl → replay, .prom → dcgm, else an nvidia-smi log); without, NVML, else nvidia-smi.
    #[arg(long, value_enum)]
    source: Option<SourceKind>,
    /// A recording or URL: an nvidia-smi CSV log, a DCGM /metrics URL or saved scrape, a
    /// replay file (`-` reads stdin; at most 64 MiB).
    #[arg(long, value_name = "FILE|URL")]
    from: Option<String>,
    /// Seconds between readings of a live source.
    #[arg(long, default_value_t = 2.0, value_name = "S")]
    interval: f64,
    /// Replay speed: 1 is real time, 60 a minute a second, 0 without waiting.
    #[arg(long, default_value_t = 1.0, value_name = "X")]
    speed: f64,
    /// The UTC offset an nvidia-smi log was recorded in (its timestamps carry no zone), like
    /// +02:00; default this machine's.
    #[arg(long, value_name = "+HH:MM", allow_hyphen_values = true)]
    utc_offset: Option<String>,
}

/// How hours are billed (see `gpuecon watch --help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BillingArg {
    /// Every hour is billed, used or not (reserved, take-or-pay, rented by the hour).
    Reserved,
    /// Only the hours used: billed utilization = the measured activity.
    Usage,
}

/// How `watch` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum WatchFormat {
    /// A table per refresh (redrawn in a terminal).
    #[default]
    Table,
    /// One JSON object per refresh, a line each; exact decimals as strings.
    Json,
}

/// Arguments of `gpuecon watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// The price per billed GPU-hour in USD (needs --power-price and --pue).
    #[arg(long, value_name = "USD", conflicts_with = "contract")]
    price: Option<Decimal>,
    /// A scenario file (.json, .toml): its first contract's price and assumed usage (or its
    /// market's), its power price, PUE and capex.
    #[arg(long, value_name = "FILE")]
    contract: Option<PathBuf>,
    /// The price of electricity in USD per kWh (overrides the scenario's).
    #[arg(long, value_name = "USD")]
    power_price: Option<Decimal>,
    /// Power usage effectiveness, at least 1 (overrides the scenario's).
    #[arg(long, value_name = "X")]
    pue: Option<Decimal>,
    /// How hours are billed (default: reserved with --price or a contract; usage for a
    /// scenario's on-demand market).
    #[arg(long, value_enum)]
    billing: Option<BillingArg>,
    /// Print one report and stop: of one reading for a live source, of the whole recording
    /// for a recorded one (read without waiting).
    #[arg(long)]
    once: bool,
    /// Stop after this many readings (default: until a recording ends, or Ctrl-C).
    #[arg(long, value_name = "N", conflicts_with = "once")]
    count: Option<u64>,
    /// Serve the report as Prometheus metrics at http://ADDR/metrics (like 127.0.0.1:9401);
    /// after a recording ends the last report is served until Ctrl-C.
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
    /// Write the metrics to this file after each reading, atomically (write, then rename),
    /// for node_exporter's textfile collector.
    #[arg(long, value_name = "PATH")]
    textfile: Option<PathBuf>,
    /// Capex per GPU in USD, for the owner's capital recovery (with --life and --rate).
    #[arg(long, value_name = "USD", requires_all = ["life", "rate"])]
    capex: Option<Decimal>,
    /// The GPU's economic life in years (with --capex).
    #[arg(long, value_name = "YEARS", requires = "capex")]
    life: Option<Decimal>,
    /// The owner's cost of capital a year, 0.10 for 10 % (with --capex).
    #[arg(long, value_name = "RATE", requires = "capex")]
    rate: Option<Decimal>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: WatchFormat,
}

/// Arguments of `gpuecon record`.
#[derive(Debug, Args)]
pub struct RecordArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// Stop after this many readings (default: until the source ends, or Ctrl-C).
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `+HH:MM` / `-HH:MM` / `Z`.
fn offset(text: &str) -> Result<FixedOffset, CliError> {
    if text == "Z" || text == "UTC" {
        return FixedOffset::east_opt(0).ok_or_else(|| "invalid offset".into());
    }
    let bad = || CliError::Message(format!("--utc-offset {text:?}: expected +HH:MM or -HH:MM"));
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, text.get(1..).unwrap_or_default()),
        Some(b'-') => (-1, text.get(1..).unwrap_or_default()),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    let (h, m): (i32, i32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
}

/// The source the arguments name, and notes on how it was found (for stderr).
fn open(args: &SourceArgs, paced: bool) -> Result<(Box<dyn GpuSource>, Vec<String>), CliError> {
    let zone = match &args.utc_offset {
        Some(text) => offset(text)?,
        None => *chrono::Local::now().offset(),
    };
    let speed = paced.then_some(args.speed);
    let kind = args.source.or_else(|| {
        let from = args.from.as_deref()?;
        Some(
            if from.starts_with("http://") || from.starts_with("https://") {
                SourceKind::Dcgm
            } else if from.ends_with(".jsonl") || from.ends_with(".json") {
                SourceKind::Replay
            } else if from.ends_with(".prom") {
                SourceKind::Dcgm
            } else {
                SourceKind::Smi
            },
        )
    });
    let needs_from = |what: &str| CliError::Message(format!("--source {what} needs --from"));
    let source: Box<dyn GpuSource> = match (kind, args.from.as_deref()) {
        (None, _) => {
            let found = detect()?;
            let mut notes: Vec<String> = found
                .tried
                .iter()
                .map(|t| format!("not used: {t}"))
                .collect();
            notes.push(format!("found {}", found.source.describe()));
            return Ok((found.source, notes));
        }
        (Some(SourceKind::Nvml), None) => Box::new(NvmlSource::open()?),
        (Some(SourceKind::Nvml), Some(_)) => {
            return Err("--from is for recordings and URLs; NVML reads this machine's GPUs".into());
        }
        (Some(SourceKind::Smi), None) => Box::new(SmiCommand::open()?),
        (Some(SourceKind::Smi), Some(path)) => {
            Box::new(SmiLog::from_text(path, &read_text(Path::new(path))?, zone)?)
        }
        (Some(SourceKind::Dcgm), Some(from)) if from.contains("://") => {
            Box::new(DcgmSource::url(from)?)
        }
        (Some(SourceKind::Dcgm), Some(path)) => {
            Box::new(DcgmSource::scrape(path, read_text(Path::new(path))?))
        }
        (Some(SourceKind::Dcgm), None) => {
            return Err(
                "--source dcgm needs --from URL|FILE (the exporter's /metrics, like http://node-1:9400/metrics)".into(),
            );
        }
        (Some(SourceKind::Replay), Some(path)) => Box::new(ReplaySource::from_text(
            path,
            &read_text(Path::new(path))?,
            speed,
        )?),
        (Some(SourceKind::Replay), None) => return Err(needs_from("replay")),
    };
    let note = format!("reading {}", source.describe());
    Ok((source, vec![note]))
}

/// The terms of the economics from the arguments, if a price or contract is given.
fn terms(args: &WatchArgs) -> Result<Option<Terms>, CliError> {
    let mut terms = match (&args.price, &args.contract) {
        (Some(price), _) => {
            let usd_per_kwh = args
                .power_price
                .ok_or("--price needs --power-price (USD per kWh)")?;
            let pue = args.pue.ok_or("--price needs --pue (1 or more)")?;
            Terms::new(*price, usd_per_kwh, pue)
        }
        (None, Some(path)) => {
            let mut terms = Terms::from_scenario(&load_scenario(path)?);
            terms.usd_per_kwh = args.power_price.unwrap_or(terms.usd_per_kwh);
            terms.pue = args.pue.unwrap_or(terms.pue);
            terms
        }
        (None, None) => {
            if args.power_price.is_some()
                || args.pue.is_some()
                || args.billing.is_some()
                || args.capex.is_some()
            {
                return Err(
                    "--power-price, --pue, --billing and --capex need --price or --contract".into(),
                );
            }
            return Ok(None);
        }
    };
    if let (Some(capex), Some(life), Some(rate)) = (args.capex, args.life, args.rate) {
        terms.owner = Some(OwnerTerms::capital_only(capex, life, rate));
        terms.capex_usd_per_gpu = Some(capex);
    }
    match args.billing {
        Some(BillingArg::Reserved) => terms.billing = Billing::Reserved,
        Some(BillingArg::Usage) => terms.billing = Billing::Usage,
        None => {}
    }
    // Through telemetry's error, as every other watch error: all the problems, `; `-separated.
    Ok(Some(
        terms.checked().map_err(gpuecon_telemetry::Error::from)?,
    ))
}

/// Seconds to wait between readings of a live source.
fn pause(seconds: f64) -> Result<Duration, CliError> {
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("--interval {seconds}: must be a number of seconds above 0").into())
}

/// `gpuecon watch`. A live source that fails to read (an exporter answering 503,
/// `nvidia-smi` failing) is tried again with a [`Backoff`]; the watch goes on.
pub fn watch(args: &WatchArgs, out: &mut dyn Write) -> CliResult {
    let terms = terms(args)?;
    let interval = pause(args.source.interval)?;
    let (mut source, notes) = open(&args.source, !args.once)?;
    for note in notes {
        eprintln!("gpuecon: {}", terminal::line(&note));
    }
    let live = source.is_live();
    let redraw = args.format == WatchFormat::Table && !args.once && std::io::stdout().is_terminal();
    let describe = source.describe();
    let origin = args.source.from.as_deref().unwrap_or("input");
    let mut window = Window::default();
    let mut notices = Notices::default();
    let mut backoff = Backoff::new(interval);
    let mut readings = 0_u64;
    let served = match &args.listen {
        Some(address) => {
            let served = std::sync::Arc::new(Served::default());
            let bound = exporter::listen(address, std::sync::Arc::clone(&served))?;
            eprintln!("gpuecon: serving http://{bound}/metrics");
            Some(served)
        }
        None => None,
    };
    let mut last = None;
    let publish = |report: Option<&report::LiveReport>, up: bool, notices: &Notices| {
        if served.is_none() && args.textfile.is_none() {
            return Ok::<(), CliError>(());
        }
        let text = exporter::render(report, &Health { up, notices });
        if let Some(path) = &args.textfile {
            exporter::write_textfile(path, &text)?;
        }
        if let Some(served) = &served {
            if let Ok(mut current) = served.text.lock() {
                *current = text;
            }
        }
        Ok(())
    };
    while args.count.is_none_or(|limit| readings < limit) {
        let reading = match source.read() {
            Ok(Some(reading)) => reading,
            Ok(None) => break,
            Err(error) if live && !args.once => {
                let wait = backoff.failed();
                notices.source_failed(&error, wait);
                publish(last.as_ref(), false, &notices)?;
                std::thread::sleep(wait);
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        backoff.succeeded();
        readings += 1;
        notices.skipped(origin, &reading.problems);
        notices.warn(reading.warnings.iter().cloned());
        window.push_reading(&reading);
        notices.warn(window.take_warnings());
        if !args.once || live {
            let report = report::build(&describe, &window, terms.as_ref())?;
            notices.warn(report.warnings.iter().cloned());
            show(&report, args.format, redraw, out)?;
            publish(Some(&report), true, &notices)?;
            last = Some(report);
        }
        if live {
            if args.once {
                break;
            }
            std::thread::sleep(interval);
        }
    }
    if readings == 0 {
        return Err(format!("{describe}: no reading").into());
    }
    if args.once && !live {
        let report = report::build(&describe, &window, terms.as_ref())?;
        notices.warn(report.warnings.iter().cloned());
        show(&report, args.format, false, out)?;
        publish(Some(&report), true, &notices)?;
    }
    let total = notices.total_warnings();
    if total > 0 {
        let kinds: Vec<String> = notices
            .warnings
            .iter()
            .map(|(kind, count)| format!("{} {count}", kind.as_str()))
            .collect();
        eprintln!(
            "gpuecon: {total} value{} set aside or oddit{} seen ({})",
            if total == 1 { "" } else { "s" },
            if total == 1 { "y" } else { "ies" },
            kinds.join(", ")
        );
    }
    if served.is_some() {
        eprintln!("gpuecon: the source has no more readings; serving the last report until Ctrl-C");
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    Ok(())
}

/// `gpuecon record`.
pub fn record(args: &RecordArgs, stdout: &mut dyn Write) -> CliResult {
    let interval = pause(args.source.interval)?;
    let (mut source, notes) = open(&args.source, false)?;
    for note in notes {
        eprintln!("gpuecon: {}", terminal::line(&note));
    }
    let origin = args.source.from.as_deref().unwrap_or("input");
    let mut notices = Notices::default();
    let mut file;
    let out: &mut dyn Write = match &args.output {
        Some(path) => {
            file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            &mut file
        }
        None => stdout,
    };
    let mut count = 0_u64;
    while args.count.is_none_or(|limit| count < limit) {
        let Some(reading) = source.read()? else { break };
        notices.skipped(origin, &reading.problems);
        notices.warn(reading.warnings.iter().cloned());
        writeln!(out, "{}", replay::line(&reading)?)?;
        out.flush()?;
        count += 1;
        if source.is_live() && args.count.is_none_or(|limit| count < limit) {
            std::thread::sleep(interval);
        }
    }
    eprintln!("gpuecon: recorded {count} readings");
    Ok(())
}

/// Prints one report.
fn show(report: &LiveReport, format: WatchFormat, redraw: bool, out: &mut dyn Write) -> CliResult {
    match format {
        WatchFormat::Json => {
            let line = serde_json::to_string(report).map_err(|e| e.to_string())?;
            writeln!(out, "{line}")?;
        }
        WatchFormat::Table => {
            if redraw {
                // clear the screen and go home, so the table refreshes in place
                write!(out, "\x1b[2J\x1b[H")?;
            }
            table(report, out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Σ of the known values; `None` if any is unknown or there is none.
fn total(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let mut sum = None;
    for value in values {
        sum = Some(sum.unwrap_or(0.0) + value?);
    }
    sum
}

/// The report as tables: now, and over the window.
fn table(report: &LiveReport, out: &mut dyn Write) -> CliResult {
    let fleet = &report.fleet;
    writeln!(
        out,
        "{} · {} · {} GPU{} · window {}",
        clean(&report.source),
        report.taken_at.format("%Y-%m-%d %H:%M:%S UTC"),
        fleet.window.gpus,
        if fleet.window.gpus == 1 { "" } else { "s" },
        duration(
            report
                .gpus
                .iter()
                .map(|g| g.window.hours)
                .fold(0.0, f64::max)
        ),
    )?;
    if let Some(t) = &report.terms {
        let billing = match t.billing {
            Billing::Reserved => "every hour billed",
            Billing::Usage => "hours used billed",
        };
        writeln!(
            out,
            "terms: {}; power ${}/kWh × PUE {}; {billing}",
            clean(&t.basis),
            t.usd_per_kwh,
            t.pue
        )?;
    }
    let with_terms = report.terms.is_some();
    let mut header = vec![
        "GPU",
        "model",
        "activity",
        "SM",
        "power W",
        "limit W",
        "°C",
        "memory MiB",
    ];
    if with_terms {
        header.extend([
            "revenue $/h",
            "power $/h",
            "margin $/h",
            "power $/active h",
            "vs assumed",
        ]);
    }
    let mut now = format::table(&header);
    let pct = |v: Option<f64>| or_unknown(v, |v| format!("{:.1} %", v * 100.0));
    for gpu in &report.gpus {
        let s = &gpu.snapshot;
        let mut row = vec![
            Cell::new(clean(&gpu.label)),
            Cell::new(clean(s.name.as_deref().unwrap_or(format::UNKNOWN))),
            number(pct(s.activity_or_graphics())),
            number(pct(s.sm_active_fraction)),
            number(or_unknown(s.power_w, |w| measured(w, 2))),
            number(or_unknown(s.power_limit_w, |w| measured(w, 0))),
            number(or_unknown(s.temperature_c, |c| measured(c, 0))),
            number(match (s.memory_used_mib, s.memory_total_mib) {
                (Some(u), Some(t)) => format!("{u:.0} / {t:.0}"),
                (Some(u), None) => format!("{u:.0} / ?"),
                _ => format::UNKNOWN.to_owned(),
            }),
        ];
        if with_terms {
            let h = gpu.now.as_ref();
            row.extend([
                number(or_unknown(h.and_then(|h| h.revenue_usd_per_hour), |v| {
                    dollars(v, 4)
                })),
                number(or_unknown(h.and_then(|h| h.power_cost_usd_per_hour), |v| {
                    dollars(v, 4)
                })),
                signed(h.and_then(|h| h.margin_usd_per_hour), |v| dollars(v, 4)),
                number(or_unknown(
                    h.and_then(|h| h.power_cost_usd_per_active_gpu_hour),
                    |v| dollars(v, 4),
                )),
                number(or_unknown(h.and_then(|h| h.activity_vs_assumed), percent)),
            ]);
        }
        now.add_row(row);
    }
    let whole = || report.gpus.iter().filter(|g| g.snapshot.mig.is_none());
    let mut row = vec![
        Cell::new(format!("fleet ({})", fleet.window.gpus)),
        Cell::new(""),
        number(or_unknown(
            fleet
                .now
                .as_ref()
                .and_then(|f| f.per_gpu.activity_utilization),
            percent,
        )),
        number(or_unknown(
            fleet
                .now
                .as_ref()
                .and_then(|f| f.per_gpu.effective_utilization),
            percent,
        )),
        number(or_unknown(
            total(whole().map(|g| g.snapshot.power_w)),
            |w| measured(w, 2),
        )),
        number(or_unknown(
            total(whole().map(|g| g.snapshot.power_limit_w)),
            |w| measured(w, 0),
        )),
        Cell::new(""),
        Cell::new(""),
    ];
    if with_terms {
        let f = fleet.now.as_ref();
        row.extend([
            number(or_unknown(f.and_then(|f| f.revenue_usd_per_hour), |v| {
                dollars(v, 4)
            })),
            number(or_unknown(f.and_then(|f| f.power_cost_usd_per_hour), |v| {
                dollars(v, 4)
            })),
            signed(f.and_then(|f| f.margin_usd_per_hour), |v| dollars(v, 4)),
            number(or_unknown(
                f.and_then(|f| f.per_gpu.power_cost_usd_per_active_gpu_hour),
                |v| dollars(v, 4),
            )),
            number(or_unknown(
                f.and_then(|f| f.per_gpu.activity_vs_assumed),
                percent,
            )),
        ]);
    }
    now.add_row(row);
    writeln!(out, "now\n{now}")?;
    if fleet.window.gpu_hours <= 0.0 {
        return Ok(());
    }
    let mut header = vec!["GPU", "hours", "energy kWh", "mean W", "activity", "idle h"];
    if with_terms {
        header.extend(["revenue $", "power $", "margin $"]);
    }
    let mut over = format::table(&header);
    let kwh = |v: Option<f64>| or_unknown(v, |v| measured(v, 4));
    for gpu in &report.gpus {
        let w = &gpu.window;
        let mut row = vec![
            Cell::new(clean(&gpu.label)),
            number(measured(w.hours, 4)),
            number(kwh(w.energy_kwh)),
            number(or_unknown(w.mean_power_w, |p| measured(p, 1))),
            number(pct(w.activity_fraction)),
            number(measured(w.idle_hours, 4)),
        ];
        if with_terms {
            let o = gpu.over_window.as_ref();
            row.extend(money_cells(
                o.and_then(|o| o.revenue_usd),
                o.and_then(|o| o.power_cost_usd),
                o.and_then(|o| o.margin_usd),
            ));
        }
        over.add_row(row);
    }
    let fw = &fleet.window;
    let mut row = vec![
        Cell::new(format!("fleet ({})", fw.gpus)),
        number(measured(fw.gpu_hours, 4)),
        number(kwh(fw.energy_kwh)),
        number(or_unknown(fw.mean_power_w_per_gpu, |p| measured(p, 1))),
        number(pct(fw.activity_fraction)),
        number(measured(fw.idle_gpu_hours, 4)),
    ];
    if with_terms {
        let o = fleet.over_window.as_ref();
        row.extend(money_cells(
            o.and_then(|o| o.revenue_usd),
            o.and_then(|o| o.power_cost_usd),
            o.and_then(|o| o.margin_usd),
        ));
    }
    over.add_row(row);
    writeln!(out, "over the window\n{over}")?;
    Ok(())
}

/// Revenue, power cost and margin over a window, in dollars to 4 places (the margin red
/// when negative).
fn money_cells(
    revenue: Option<Decimal>,
    power: Option<Decimal>,
    margin: Option<Decimal>,
) -> [Cell; 3] {
    [
        number(or_unknown(revenue, |v| dollars(v, 4))),
        number(or_unknown(power, |v| dollars(v, 4))),
        signed(margin, |v| dollars(v, 4)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(offset("+02:00").unwrap().local_minus_utc(), 7200);
        assert_eq!(offset("-05:30").unwrap().local_minus_utc(), -19_800);
        assert_eq!(offset("Z").unwrap().local_minus_utc(), 0);
        assert!(offset("2").is_err());
    }

    #[test]
    fn totals_are_unknown_while_one_value_is() {
        assert_eq!(total([Some(1.0), Some(2.0)].into_iter()), Some(3.0));
        assert_eq!(total([Some(1.0), None].into_iter()), None);
        assert_eq!(total(std::iter::empty()), None);
    }
}

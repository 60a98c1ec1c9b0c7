//! `gpuecon evaluate` and `gpuecon presets`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use gpuecon::presets::{self, PresetKind};
use gpuecon::scenario::portfolio::{self, Portfolio};
use gpuecon::scenario::{self, Report, Scenario, ScenarioError, Warning};
use serde_json::Value;

use crate::format::{self, number, or_unknown, percent, signed, usd};
use crate::input::{self, Model};
use crate::terminal::clean;
use crate::{CliError, CliResult};

/// How `evaluate` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    /// The summary and the monthly series as tables, rounded to the cent.
    #[default]
    Table,
    /// The whole report as JSON, exact decimals as strings.
    Json,
    /// The monthly series as CSV, one row a month, exact decimals (month, date, then the
    /// flattened fields in alphabetical order: `costs_power_usd`, `revenue_total_usd`, …;
    /// a box's waterfall month after them, `financing_cfads_usd`, …).
    Csv,
    /// An Excel workbook (with `--output`): the inputs as named cells, the months,
    /// contracts, financing and metrics as formulas that recalculate to these figures.
    Xlsx,
}

/// Arguments of `gpuecon evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The scenario or portfolio file: JSON (`.json`) or TOML (`.toml`); `-` reads stdin.
    #[arg(required_unless_present = "preset", conflicts_with = "preset")]
    file: Option<PathBuf>,
    /// A preset's id instead of a file (see `gpuecon presets`).
    #[arg(long)]
    preset: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ReportFormat,
    /// Write to this file instead of the standard output (required for xlsx).
    #[arg(long)]
    output: Option<PathBuf>,
}

/// How `presets` prints its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    /// A table.
    #[default]
    Table,
    /// JSON: every preset with its id, title, description, sources and scenario.
    Json,
}

/// Arguments of `gpuecon presets`.
#[derive(Debug, Args)]
pub struct PresetsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ListFormat,
}

/// One line naming every problem of an invalid scenario with its path (with the code,
/// the first field and each problem for `--format json`).
pub fn scenario_error(origin: &str, error: &ScenarioError) -> CliError {
    let problems = error.problems();
    let message = match error {
        ScenarioError::Invalid { .. } => {
            let all: Vec<&str> = problems.iter().map(|(_, m)| m.as_str()).collect();
            format!(
                "{origin}: invalid scenario ({} problems): {}",
                all.len(),
                all.join("; ")
            )
        }
        other => format!("{origin}: {other}"),
    };
    CliError::Problems {
        code: error.code().as_str(),
        field: problems.first().map(|(field, _)| field.clone()),
        message,
        problems,
    }
}

/// Reads a scenario file (`-`: stdin), JSON or TOML (see [`crate::input`]).
///
/// # Errors
/// One line naming the file and the path of a malformed value.
pub fn load_scenario(path: &Path) -> Result<Scenario, CliError> {
    input::load_scenario(path)
}

/// `gpuecon evaluate`.
pub fn evaluate(args: &EvaluateArgs, out: &mut dyn Write) -> CliResult {
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
    let mut sources = Vec::new();
    let (origin, scenario) = match (&args.file, &args.preset) {
        (_, Some(id)) => {
            let preset = presets::get(id)
                .map_err(|e| scenario_error(id, &e))?
                .ok_or_else(|| {
                    let ids: Vec<String> = presets::files().map(|(id, _)| id.to_owned()).collect();
                    format!("no preset {id:?} (presets: {})", ids.join(", "))
                })?;
            match (preset.kind, preset.scenario, preset.portfolio) {
                (PresetKind::Portfolio, _, Some(boxes)) => {
                    return evaluate_portfolio(id, &boxes, args.format, out);
                }
                (_, Some(scenario), _) => {
                    sources = preset.sources;
                    (format!("preset {id}"), scenario)
                }
                _ => return Err(format!("preset {id} holds no {:?}", preset.kind).into()),
            }
        }
        (Some(path), None) => match input::load_model(path)? {
            Model::Scenario(scenario) => (input::origin(path), *scenario),
            Model::Portfolio(boxes) => {
                return evaluate_portfolio(&input::origin(path), &boxes, args.format, out);
            }
        },
        (None, None) => return Err("give a scenario file or --preset NAME".into()),
    };
    let report = scenario::evaluate(&scenario).map_err(|e| scenario_error(&origin, &e))?;
    match args.format {
        ReportFormat::Json => {
            let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            writeln!(out, "{text}")?;
        }
        ReportFormat::Csv => csv(&report, out)?,
        ReportFormat::Table => tables(&scenario, &report, out)?,
        ReportFormat::Xlsx => {
            let book = gpuecon_xlsx::workbook(&scenario, &report, &sources)
                .map_err(|e| format!("{origin}: {e}"))?;
            out.write_all(&book.bytes)?;
        }
    }
    if args.format != ReportFormat::Json {
        warn("", &report.warnings);
    }
    Ok(())
}

/// The report's warnings on stderr, one a line (`gpuecon: warning: CODE at PATH: …`), so
/// that a table or CSV on stdout stays clean; the JSON report carries them in `warnings`.
fn warn(prefix: &str, warnings: &[Warning]) {
    for w in warnings {
        let code = serde_json::to_value(w.code).unwrap_or_default();
        let code = code.as_str().unwrap_or_default();
        eprintln!(
            "gpuecon: warning: {code} at {prefix}{}: {}",
            w.path, w.message
        );
    }
}

/// `gpuecon evaluate --preset ID` of a portfolio preset: the company view (JSON, or a table
/// of its months and summary).
fn evaluate_portfolio(
    id: &str,
    boxes: &Portfolio,
    format: ReportFormat,
    out: &mut dyn Write,
) -> CliResult {
    let origin = format!("preset {id}");
    let report = portfolio::evaluate_portfolio(boxes).map_err(|e| scenario_error(&origin, &e))?;
    match format {
        ReportFormat::Json => {
            let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            writeln!(out, "{text}")?;
        }
        ReportFormat::Csv | ReportFormat::Xlsx => {
            return Err(format!("{origin} is a portfolio: use --format table or json").into());
        }
        ReportFormat::Table => {
            let s = &report.summary;
            writeln!(out, "{}: {} boxes", clean(&boxes.title), boxes.boxes.len())?;
            let mut rows = vec![
                ("revenue", usd(s.revenue_usd)),
                ("EBITDA", usd(s.ebitda_usd)),
                ("interest", usd(s.interest_usd)),
                ("debt", usd(s.debt_usd)),
                (
                    "lowest interest coverage",
                    or_unknown(s.minimum_interest_coverage, |x| {
                        format!("{}x", x.round_dp(2))
                    }),
                ),
                (
                    "first month debt service > EBITDA",
                    or_unknown(s.first_uncovered_debt_service_month, |m| {
                        format!("month {m}")
                    }),
                ),
                (
                    "first month interest > EBITDA",
                    or_unknown(s.first_interest_gap_month, |m| format!("month {m}")),
                ),
            ];
            if let Some(c) = &report.concentration {
                rows.push(("largest customer", c.largest_customer.clone()));
                rows.push(("  its share of revenue", percent(c.top1_share)));
                rows.push(("HHI (0-10,000)", format::grouped(c.hhi_points, 0)));
                rows.push(("revenue at risk", usd(c.revenue_at_risk_usd)));
            }
            writeln!(out, "{}", name_value_table("company", rows))?;
            let mut months = format::table(&[
                "month",
                "date",
                "revenue",
                "EBITDA",
                "interest",
                "debt service",
                "uncovered",
            ]);
            for m in &report.months {
                months.add_row(vec![
                    number(m.month.to_string()),
                    comfy_table::Cell::new(m.date.to_string()),
                    number(usd(m.revenue_usd)),
                    signed(Some(m.ebitda_usd), usd),
                    number(usd(m.interest_usd)),
                    number(usd(m.debt_service_usd)),
                    number(usd(m.uncovered_debt_service_usd)),
                ]);
            }
            writeln!(out, "{months}")?;
            for (i, b) in report.boxes.iter().enumerate() {
                warn(&format!("boxes[{i}]."), &b.warnings);
            }
        }
    }
    Ok(())
}

/// `(key, value)` leaves of a JSON object, keys joined by `_`.
fn flatten(prefix: &str, value: &Value, into: &mut Vec<(String, String)>) {
    let key = |k: &str| {
        if prefix.is_empty() {
            k.to_owned()
        } else {
            format!("{prefix}_{k}")
        }
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                flatten(&key(k), v, into);
            }
        }
        Value::Null => into.push((prefix.to_owned(), String::new())),
        Value::String(s) => into.push((prefix.to_owned(), s.clone())),
        other => into.push((prefix.to_owned(), other.to_string())),
    }
}

/// The monthly series as CSV.
fn csv(report: &Report, out: &mut dyn Write) -> CliResult {
    let mut writer = csv::Writer::from_writer(out);
    for (i, month) in report.months.iter().enumerate() {
        let value = serde_json::to_value(month).map_err(|e| e.to_string())?;
        let mut fields = Vec::new();
        flatten("", &value, &mut fields);
        // A box's waterfall month follows, its columns prefixed `financing_`.
        if let Some(f) = report.financing.as_ref().and_then(|f| f.months.get(i)) {
            let value = serde_json::to_value(f).map_err(|e| e.to_string())?;
            flatten("financing", &value, &mut fields);
            fields.retain(|(k, _)| k != "financing_month");
        }
        // month and date first, then the rest in (alphabetical) order
        fields.sort_by_key(|(k, _)| match k.as_str() {
            "month" => 0,
            "date" => 1,
            _ => 2,
        });
        if i == 0 {
            writer
                .write_record(fields.iter().map(|(k, _)| k))
                .map_err(|e| e.to_string())?;
        }
        writer
            .write_record(fields.iter().map(|(_, v)| v))
            .map_err(|e| e.to_string())?;
    }
    writer.flush()?;
    Ok(())
}

/// The summary and the monthly series as tables.
/// A two-column table of named values under `heading`, the values right-aligned.
fn name_value_table(heading: &str, rows: Vec<(&str, String)>) -> comfy_table::Table {
    let mut table = format::table(&[heading, "value"]);
    for (name, value) in rows {
        table.add_row(vec![comfy_table::Cell::new(name), number(value)]);
    }
    table
}

fn tables(scenario: &Scenario, report: &Report, out: &mut dyn Write) -> CliResult {
    let s = &report.summary;
    let title = if scenario.title.is_empty() {
        "scenario".into()
    } else {
        clean(&scenario.title)
    };
    writeln!(
        out,
        "{title}: {} GPUs ({}), {} months from {}",
        scenario.fleet.gpus,
        if scenario.fleet.gpu.is_empty() {
            "GPU".into()
        } else {
            clean(&scenario.fleet.gpu)
        },
        scenario.horizon_months,
        scenario.start
    )?;
    // Items only some scenarios have (hosting, curtailment, a PPA, a lease, prepayments)
    // are shown when they are not zero.
    let (r, c) = (&s.revenue, &s.costs);
    let optional = |rows: &mut Vec<(&str, String)>, items: &[(&'static str, gpuecon::Decimal)]| {
        for (name, value) in items {
            if !value.is_zero() {
                rows.push((name, usd(*value)));
            }
        }
    };
    let mut rows: Vec<(&str, String)> = vec![("capex", usd(s.capex_usd))];
    optional(&mut rows, &[("prepayments received", s.prepayment_usd)]);
    rows.extend([
        ("revenue", usd(r.total_usd)),
        ("  contracts", usd(r.contracts_usd)),
        ("  reserved", usd(r.reserved_usd)),
        ("  on demand", usd(r.on_demand_usd)),
        ("  spot", usd(r.spot_usd)),
    ]);
    optional(
        &mut rows,
        &[
            ("  hosting", r.hosting_usd),
            ("  demand response", r.demand_response_usd),
            ("  less curtailed", r.curtailed_usd),
            ("  less SLA credits", r.sla_credits_usd),
        ],
    );
    rows.extend([("costs", usd(c.total_usd)), ("  power", usd(c.power_usd))]);
    optional(
        &mut rows,
        &[
            ("  PPA settlement", c.ppa_settlement_usd),
            ("  facility", c.facility_usd),
            ("  lease taxes", c.lease_taxes_usd),
            ("  lease insurance", c.lease_insurance_usd),
            ("  lease maintenance", c.lease_maintenance_usd),
        ],
    );
    rows.extend([
        ("  staff", usd(s.costs.staff_usd)),
        ("  support", usd(s.costs.support_usd)),
        ("  software", usd(s.costs.software_usd)),
        ("  insurance", usd(s.costs.insurance_usd)),
        ("  SG&A", usd(s.costs.sga_usd)),
        ("gross margin", usd(s.gross_margin_usd)),
        (
            "gross margin share",
            or_unknown(s.gross_margin_share, percent),
        ),
        ("billed utilization", percent(s.billed_utilization)),
        (
            "yield on cost (a year)",
            or_unknown(s.yield_on_cost, percent),
        ),
        ("NPV", usd(s.metrics.npv_usd)),
        ("IRR (a year)", or_unknown(s.metrics.irr_annual, percent)),
        (
            "payback",
            or_unknown(s.metrics.payback_month, |m| format!("month {m}")),
        ),
        ("book value at the end", usd(s.book_value_usd)),
        ("economic value at the end", usd(s.economic_value_usd)),
        ("contracted backlog", usd(s.contracted_backlog_usd)),
        ("  its present value", usd(s.contracted_backlog_pv_usd)),
    ]);
    writeln!(out, "{}", name_value_table("summary", rows))?;
    let mut months = format::table(&[
        "month",
        "date",
        "billed",
        "revenue",
        "costs",
        "gross margin",
        "depreciation",
        "cash flow",
        "cumulative",
    ]);
    for m in &report.months {
        months.add_row(vec![
            number(m.month.to_string()),
            comfy_table::Cell::new(m.date.to_string()),
            number(percent(m.billed_utilization)),
            number(usd(m.revenue.total_usd)),
            number(usd(m.costs.total_usd)),
            signed(Some(m.gross_margin_usd), usd),
            number(usd(m.depreciation_usd)),
            signed(Some(m.cash_flow_usd), usd),
            signed(Some(m.cumulative_cash_flow_usd), usd),
        ]);
    }
    writeln!(out, "{months}")?;
    if let Some(f) = &report.financing {
        crate::financing::tables(f, out)?;
    }
    Ok(())
}

/// `gpuecon presets`.
pub fn presets(args: &PresetsArgs, out: &mut dyn Write) -> CliResult {
    let all = presets::all().map_err(|e| scenario_error("presets", &e))?;
    match args.format {
        ListFormat::Json => {
            let text = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?;
            writeln!(out, "{text}")?;
        }
        ListFormat::Table => {
            let mut table = format::table(&["id", "title", "kind", "GPUs", "months"]);
            for p in &all {
                let scenarios: Vec<&Scenario> = match (&p.scenario, &p.portfolio) {
                    (Some(one), _) => vec![one],
                    (None, Some(portfolio)) => portfolio.boxes.iter().collect(),
                    (None, None) => Vec::new(),
                };
                let gpus = scenarios.iter().map(|s| s.fleet.gpus).sum();
                let months = scenarios.first().map_or(0, |s| s.horizon_months);
                table.add_row(vec![
                    comfy_table::Cell::new(&p.id),
                    comfy_table::Cell::new(&p.title),
                    comfy_table::Cell::new(match p.kind {
                        PresetKind::Scenario => "scenario",
                        PresetKind::Portfolio => "portfolio",
                    }),
                    number(format::grouped(gpus, 0)),
                    number(months.to_string()),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(
                out,
                "gpuecon evaluate --preset ID  (--format json for the sources)"
            )?;
        }
    }
    Ok(())
}

//! A Monte Carlo run as a values-only workbook: the percentiles of each distribution, the
//! probabilities of the events, and the histograms. Every cell is gpuecon's value (the
//! paths are random draws no formula repeats).
//!
//! ```
//! use gpuecon::montecarlo::{self, MonteCarloInputs, Options, Stochastic};
//! let scenario = gpuecon::presets::get("coreweave-box-ig")?.ok_or("no preset")?.scenario;
//! let start = scenario.as_ref().ok_or("no scenario")?.start;
//! let inputs = MonteCarloInputs {
//!     scenario,
//!     portfolio: None,
//!     options: Options { paths: 50, seed: 1, stochastic: Stochastic::typical(), ..Options::default() },
//! };
//! let report = montecarlo::run(&inputs)?;
//! let bytes = gpuecon_xlsx::montecarlo::workbook("the box", start, &report)?;
//! assert_eq!(&bytes[..2], b"PK");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use gpuecon::Date;
use gpuecon::montecarlo::{Distribution, Events, MonteCarloReport};
use rust_xlsxwriter::Workbook;

use crate::XlsxError;
use crate::cells::{Sheet, f};
use crate::style::{Kind, Styles};

/// The distributions of a report, with their kind and deterministic value.
fn distributions(
    r: &MonteCarloReport,
) -> Vec<(&'static str, Option<&Distribution>, Option<f64>, Kind)> {
    let d = &r.deterministic;
    let mut rows = vec![
        ("NPV", Some(&r.npv_usd), Some(f(d.npv_usd)), Kind::Money),
        (
            "Project IRR",
            r.project_irr_annual.as_ref(),
            d.project_irr_annual.map(f),
            Kind::Percent,
        ),
        (
            "Equity value",
            Some(&r.equity_value_usd),
            Some(f(d.equity_value_usd)),
            Kind::Money,
        ),
        (
            "Equity IRR",
            r.equity_irr_annual.as_ref(),
            d.equity_irr_annual.map(f),
            Kind::Percent,
        ),
        (
            "Minimum DSCR",
            r.minimum_dscr.as_ref(),
            d.minimum_dscr.map(f),
            Kind::Multiple,
        ),
    ];
    if let Some(c) = &r.credit {
        rows.push((
            "Lender IRR",
            c.lender_irr_annual.as_ref(),
            c.deterministic_lender_irr_annual.map(f),
            Kind::Percent,
        ));
        rows.push((
            "Loss given default",
            c.loss_given_default.as_ref(),
            None,
            Kind::Percent,
        ));
    }
    rows
}

/// The workbook of a Monte Carlo `report` of the scenario titled `title` starting on
/// `start` (the document's date).
///
/// # Errors
/// [`XlsxError::Writer`] when the writer refuses a cell.
pub fn workbook(title: &str, start: Date, report: &MonteCarloReport) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut writer = Workbook::new();
    writer.set_properties(&crate::properties(title, start)?);
    let mut sheet = Sheet::new("Monte Carlo", &styles)?;
    let heading = if title.is_empty() {
        "Monte Carlo"
    } else {
        title
    };
    sheet.text(0, 0, heading, &styles.title)?;
    sheet.plain(
        1,
        0,
        &format!(
            "{} paths, seed {}: every figure is gpuecon's value (random paths no formula repeats). gpuecon {}",
            report.paths,
            report.seed,
            crate::VERSION
        ),
    )?;
    let headers = [
        "Outcome",
        "Paths",
        "Mean",
        "Standard error",
        "P5",
        "P25",
        "P50",
        "P75",
        "P95",
        "Minimum",
        "Maximum",
        "Deterministic",
    ];
    for (col, header) in (0_u16..).zip(headers) {
        sheet.text(3, col, header, &styles.header)?;
        sheet
            .ws
            .set_column_width(col, if col == 0 { 26 } else { 16 })?;
    }
    let mut row = 4;
    for (name, d, deterministic, kind) in distributions(report) {
        sheet.plain(row, 0, name)?;
        if let Some(d) = d {
            sheet.value(row, 1, f64::from(d.paths), Kind::Count)?;
            let values = [
                Some(d.mean),
                d.standard_error,
                Some(d.p5),
                Some(d.p25),
                Some(d.p50),
                Some(d.p75),
                Some(d.p95),
                Some(d.minimum),
                Some(d.maximum),
            ];
            for (col, value) in (2_u16..).zip(values) {
                if let Some(v) = value {
                    sheet.value(row, col, f(v), kind)?;
                }
            }
        }
        if let Some(v) = deterministic {
            sheet.value(row, 11, v, kind)?;
        }
        row += 1;
    }
    row += 1;
    for (col, header) in (0_u16..).zip([
        "Event",
        "Paths",
        "Probability",
        "Standard error",
        "First month, P50",
    ]) {
        sheet.text(row, col, header, &styles.header)?;
    }
    row += 1;
    let mut events: Vec<(&str, &Events)> = vec![
        ("Covenant breach", &report.covenant_breach),
        ("Event of default", &report.covenant_default),
        ("Customer default", &report.customer_default),
    ];
    if let Some(c) = &report.credit {
        events.push(("Lock-up", &c.lock_up));
    }
    for (name, e) in events {
        sheet.plain(row, 0, name)?;
        sheet.value(row, 1, f64::from(e.paths), Kind::Count)?;
        sheet.value(row, 2, f(e.probability), Kind::Percent)?;
        sheet.value(row, 3, f(e.standard_error), Kind::Percent)?;
        if let Some(first) = &e.first_month {
            sheet.value(row, 4, f(first.p50), Kind::Count)?;
        }
        row += 1;
    }
    row += 1;
    sheet.plain(row, 0, "Equity expected shortfall (mean of the worst 5 %)")?;
    sheet.value(row, 1, f(report.equity_expected_shortfall_usd), Kind::Money)?;
    if let Some(c) = &report.credit {
        let lines = [
            (
                "Expected loss (PD × mean LGD), share of exposure",
                f(c.expected_loss_share),
                Kind::Percent,
            ),
            (
                "Mean loss share a path (0 without default)",
                f(c.mean_loss_share),
                Kind::Percent,
            ),
            (
                "Expected loss a path, USD",
                f(c.expected_loss_usd),
                Kind::Money,
            ),
        ];
        for (name, value, kind) in lines {
            row += 1;
            sheet.plain(row, 0, name)?;
            sheet.value(row, 1, value, kind)?;
        }
        if let Some(w) = c.exposure_weighted_loss_given_default {
            row += 1;
            sheet.plain(row, 0, "Exposure-weighted LGD (Σ written off ÷ Σ exposure)")?;
            sheet.value(row, 1, f(w), Kind::Percent)?;
        }
    }
    sheet.ws.set_freeze_panes(4, 1)?;
    writer.push_worksheet(sheet.ws);
    writer.push_worksheet(histograms(&styles, report)?.ws);
    Ok(writer.save_to_buffer()?)
}

/// The `Histograms` sheet: each distribution's bins side by side.
fn histograms<'s>(styles: &'s Styles, report: &MonteCarloReport) -> Result<Sheet<'s>, XlsxError> {
    let mut sheet = Sheet::new("Histograms", styles)?;
    sheet.text(
        0,
        0,
        "Histograms: paths in each bin [from, to)",
        &styles.title,
    )?;
    let mut col = 0_u16;
    for (name, d, _, kind) in distributions(report) {
        let Some(d) = d else { continue };
        sheet.text(2, col, name, &styles.header)?;
        for (offset, header) in (0_u16..).zip(["From", "To", "Paths"]) {
            sheet.text(3, col + offset, header, &styles.header)?;
            sheet.ws.set_column_width(col + offset, 15)?;
        }
        for (row, bin) in (4_u32..).zip(&d.histogram) {
            sheet.value(row, col, f(bin.from), kind)?;
            sheet.value(row, col + 1, f(bin.to), kind)?;
            sheet.value(row, col + 2, f64::from(bin.paths), Kind::Count)?;
        }
        col += 4;
    }
    sheet.ws.set_freeze_panes(4, 0)?;
    Ok(sheet)
}

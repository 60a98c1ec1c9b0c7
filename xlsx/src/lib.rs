//! A gpuecon scenario as a live Excel workbook: its inputs as named cells, its months,
//! contracts, financing and metrics as formulas that a spreadsheet recalculates to
//! gpuecon's own figures, each formula cell carrying that figure as its cached result.
//!
//! Pure and deterministic: no IO, no clock (the document's date is the scenario's start),
//! the same scenario gives the same bytes.
//!
//! ```
//! use gpuecon::{presets, scenario::evaluate};
//! let preset = presets::get("coreweave-box-ig")?.ok_or("no preset")?;
//! let scenario = preset.scenario.ok_or("not a scenario")?;
//! let report = evaluate(&scenario)?;
//! let book = gpuecon_xlsx::workbook(&scenario, &report, &preset.sources)?;
//! assert_eq!(&book.bytes[..2], b"PK"); // a zip, as every .xlsx
//! assert!(book.formulas.len() > 1000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Sheets: `Cover`, `Inputs`, `Months`, `Contracts`, `Financing` (a financed scenario),
//! `Summary`; and [`montecarlo`] for a Monte Carlo run's percentiles and histograms.

mod cells;
mod contracts;
mod cover;
mod error;
mod financing;
mod inputs;
pub mod montecarlo;
mod months;
mod style;
mod summary;

pub use cells::{FormulaCell, InputCell, NONE};
pub use error::XlsxError;

use gpuecon::scenario::{Report, Scenario};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook as Writer};

use crate::cells::Sheet;
use crate::style::Styles;

/// The document's properties: its title, gpuecon as its author, and `start` (never the
/// clock) as its creation date, so that the same input gives the same bytes.
fn properties(title: &str, start: gpuecon::Date) -> Result<DocProperties, XlsxError> {
    let date = ExcelDateTime::from_ymd(
        u16::try_from(start.year()).unwrap_or(1900),
        u8::try_from(start.month()).unwrap_or(1),
        u8::try_from(start.day()).unwrap_or(1),
    )?;
    Ok(DocProperties::new()
        .set_title(title)
        .set_author("gpuecon")
        .set_creation_datetime(&date))
}

/// gpuecon's version, written on the cover.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A written workbook: its bytes, and every formula cell with the figure it must
/// recalculate to (for a check by a spreadsheet engine).
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The `.xlsx` file.
    pub bytes: Vec<u8>,
    /// Every formula cell, with gpuecon's figure (its cached result).
    pub formulas: Vec<FormulaCell>,
    /// Every named input cell.
    pub inputs: Vec<InputCell>,
}

/// The workbook of `scenario`, whose evaluation is `report`; `sources` (a preset's) are
/// listed on the cover.
///
/// # Errors
/// [`XlsxError::Mismatch`] when the report is not the scenario's (another horizon, or no
/// financing report for a financed scenario); [`XlsxError::Model`] or
/// [`XlsxError::Finance`] when a figure taken from the core overflows;
/// [`XlsxError::Writer`] when the writer refuses a cell.
pub fn workbook(
    scenario: &Scenario,
    report: &Report,
    sources: &[String],
) -> Result<Workbook, XlsxError> {
    if u32::try_from(report.months.len()).ok() != Some(scenario.horizon_months) {
        return Err(XlsxError::Mismatch(
            "its months are not the scenario's horizon",
        ));
    }
    let styles = Styles::new();
    let mut writer = Writer::new();
    writer.set_properties(&properties(&scenario.title, scenario.start)?);
    let book = contracts::Book::new(scenario)?;
    let cover = cover::write(&styles, scenario, report, sources)?;
    let (inputs, input_cells) = inputs::write(&mut writer, &styles, scenario)?;
    let months = months::write(&styles, scenario, report, &book)?;
    let contracts = contracts::write(&styles, scenario, &book)?;
    let financing = match (&scenario.financing, &report.financing) {
        (Some(fin), Some(fr)) => Some(financing::write(
            &mut writer,
            &styles,
            scenario,
            fin,
            report,
            fr,
        )?),
        (None, None) => None,
        _ => return Err(XlsxError::Mismatch("financing")),
    };
    let summary = summary::write(&styles, scenario, report)?;
    let mut formulas = Vec::new();
    let sheets: Vec<Sheet<'_>> = [
        Some(cover),
        Some(inputs),
        Some(summary),
        Some(months),
        Some(contracts),
        financing,
    ]
    .into_iter()
    .flatten()
    .collect();
    for sheet in sheets {
        formulas.extend(sheet.formulas);
        writer.push_worksheet(sheet.ws);
    }
    Ok(Workbook {
        bytes: writer.save_to_buffer()?,
        formulas,
        inputs: input_cells,
    })
}

/// The crate's README (what crates.io shows), its example compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

//! Recalculated by a spreadsheet engine no one here wrote: LibreOffice opens each workbook
//! with recalculation on load forced (a fresh profile whose `OOXMLRecalcMode` is 0,
//! "always"), recalculates every formula and saves it; every formula cell must then equal
//! gpuecon's figure to the cent (money) or 1e-9 (ratios), for every preset, 20
//! generated scenarios and 5 boxes exercising the waterfall and loan conventions. A workbook whose cached results were overwritten comes back right
//! (the proof that it recalculated), and a workbook whose prices were raised 10 % in the
//! Inputs sheet recalculates to gpuecon's evaluation of the same change.
//!
//! Needs `soffice` (Debian's `libreoffice-calc-nogui`, installed by `cargo xtask setup`;
//! `GPUECON_SOFFICE` names another): run by `cargo xtask test workbook`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{Case, Cells, generated, presets, waterfall};
use gpuecon::Decimal;
use gpuecon::scenario::Scenario;
use gpuecon_xlsx::FormulaCell;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The sheets in the order the writer adds them (`xl/worksheets/sheetN.xml`).
const SHEETS: [&str; 6] = [
    "Cover",
    "Inputs",
    "Summary",
    "Months",
    "Contracts",
    "Financing",
];

/// A profile that recalculates every formula of an xlsx when it is loaded.
const PROFILE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

/// A file for LibreOffice and the figures it must come back with.
struct Job {
    file: String,
    bytes: Vec<u8>,
    expected: Vec<FormulaCell>,
}

/// `bytes` with the cached value of each `(sheet, cell)` replaced by `value(cell)`.
fn set_values(bytes: &[u8], cells: &[(&str, String, String)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let edits: Vec<&(&str, String, String)> = cells
            .iter()
            .filter(|(sheet, _, _)| {
                let n = SHEETS.iter().position(|s| s == sheet).unwrap() + 1;
                name == format!("xl/worksheets/sheet{n}.xml")
            })
            .collect();
        if edits.is_empty() {
            out.raw_copy_file(file).unwrap();
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        for (_, cell, value) in edits {
            let start = xml.find(&format!("<c r=\"{cell}\"")).unwrap();
            let open = start + xml[start..].find("<v>").unwrap() + 3;
            let close = open + xml[open..].find("</v>").unwrap();
            xml.replace_range(open..close, value);
        }
        let options = zip::write::SimpleFileOptions::default();
        out.start_file(name, options).unwrap();
        out.write_all(xml.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The scenario with the on-demand price and each contract's price raised 10 %.
fn raised(s: &Scenario) -> Scenario {
    let ten = Decimal::new(11, 1);
    let mut s = s.clone();
    s.market.on_demand_usd_per_gpu_hour *= ten;
    for line in &mut s.contracts {
        line.contract.price_usd_per_gpu_hour *= ten;
    }
    s
}

/// Whether every figure that depends on the prices is a formula: no prepayment (a share
/// of the contract's value), no minimum in dollars (hours = dollars ÷ price), no taxes
/// (the debt is sized on CFADS after the unlevered tax, a value), no GPUs retired when
/// uneconomic (the month moves with the prices), and a box whose waterfall follows the
/// schedule (no default, sale to the lender, reserve, lock-up, sweep or hedges: those
/// months are gpuecon's values).
fn prices_flow_through(s: &Scenario) -> bool {
    let report = gpuecon::scenario::evaluate(s).unwrap();
    let scheduled = report.financing.as_ref().is_none_or(|fr| {
        fr.summary.first_default_month.is_none()
            && fr.months.iter().all(|m| {
                m.sale_to_lender_usd.is_zero()
                    && m.sweep_usd.is_zero()
                    && m.dsra_balance_usd.is_zero()
                    && !m.locked_up
                    && m.hedges_usd.is_zero()
            })
    });
    s.contracts.iter().all(|l| {
        l.prepaid_share.is_zero()
            && l.contract.commitment.unit != gpuecon::models::take_or_pay::CommitmentUnit::Usd
    }) && s.financing.as_ref().is_none_or(|f| f.taxes.is_none())
        && !s.retire_when_uneconomic
        && scheduled
}

fn jobs(cases: &[Case]) -> Vec<Job> {
    let mut jobs = Vec::new();
    for case in cases {
        let book = case.workbook();
        if case.name == "coreweave-box-ig" {
            // Every numeric Summary result cached as 12345: LibreOffice must replace them.
            let wrong: Vec<(&str, String, String)> = book
                .formulas
                .iter()
                .filter(|c| c.sheet == "Summary" && c.expected.is_some())
                .map(|c| ("Summary", c.cell.clone(), "12345".to_owned()))
                .collect();
            let bytes = set_values(&book.bytes, &wrong);
            let mut before = Cells::new(bytes.clone());
            for (sheet, cell, _) in &wrong {
                assert_eq!(before.get(sheet, cell), calamine::Data::Float(12345.0));
            }
            jobs.push(Job {
                file: format!("{}-wrong-cache.xlsx", case.name),
                bytes,
                expected: book.formulas.clone(),
            });
        }
        if prices_flow_through(&case.scenario) {
            let higher = Case {
                name: case.name.clone(),
                scenario: raised(&case.scenario),
                sources: case.sources.clone(),
            }
            .workbook();
            let edits: Vec<(&str, String, String)> = book
                .inputs
                .iter()
                .filter(|i| {
                    i.field == "market.on_demand_usd_per_gpu_hour"
                        || i.field.ends_with(".contract.price_usd_per_gpu_hour")
                })
                .map(|i| {
                    let new = higher.inputs.iter().find(|h| h.name == i.name).unwrap();
                    (i.sheet, i.cell.clone(), new.value.to_string())
                })
                .collect();
            assert!(!edits.is_empty(), "{}", case.name);
            jobs.push(Job {
                file: format!("{}-price-up-10pc.xlsx", case.name),
                bytes: set_values(&book.bytes, &edits),
                expected: higher.formulas,
            });
        }
        jobs.push(Job {
            file: format!("{}.xlsx", case.name),
            bytes: book.bytes,
            expected: book.formulas,
        });
    }
    jobs
}

/// Runs LibreOffice once on every file of `input`, writing the recalculated files to
/// `output`.
fn recalculate(input: &Path, output: &Path, profile: &Path, files: &[String]) {
    let soffice = std::env::var("GPUECON_SOFFICE").unwrap_or_else(|_| "soffice".to_owned());
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(profile.join("user/registrymodifications.xcu"), PROFILE).unwrap();
    let started = Instant::now();
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(output)
        .args(files.iter().map(|f| input.join(f)))
        .status()
        .expect(
            "soffice: install libreoffice-calc-nogui (cargo xtask setup) or set GPUECON_SOFFICE",
        );
    assert!(status.success(), "soffice failed: {status}");
    println!(
        "LibreOffice recalculated {} workbooks in {:.1} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
#[ignore = "needs LibreOffice: run by `cargo xtask test workbook`"]
fn libreoffice_recalculates_every_formula_to_gpuecons_figure() {
    let root = std::env::temp_dir().join(format!("gpuecon-xlsx-{}", std::process::id()));
    let (input, output, profile) = (root.join("in"), root.join("out"), root.join("profile"));
    std::fs::create_dir_all(&input).unwrap();
    std::fs::create_dir_all(&output).unwrap();
    let mut cases = presets();
    cases.extend(generated());
    cases.extend(waterfall());
    let jobs = jobs(&cases);
    for job in &jobs {
        std::fs::write(input.join(&job.file), &job.bytes).unwrap();
    }
    let files: Vec<String> = jobs.iter().map(|j| j.file.clone()).collect();
    recalculate(&input, &output, &profile, &files);
    let mut failures = Vec::new();
    let mut checked = 0;
    for job in &jobs {
        let bytes = std::fs::read(output.join(&job.file))
            .unwrap_or_else(|e| panic!("{}: LibreOffice wrote nothing: {e}", job.file));
        let wrong = Cells::new(bytes).mismatches(&job.expected);
        checked += job.expected.len();
        if !wrong.is_empty() {
            failures.push(format!(
                "{}: {} of {} cells differ, e.g. {:#?}",
                job.file,
                wrong.len(),
                job.expected.len(),
                &wrong[..wrong.len().min(8)]
            ));
        }
    }
    println!(
        "{checked} formula cells in {} workbooks equal gpuecon's figures",
        jobs.len()
    );
    std::fs::remove_dir_all(&root).ok();
    assert!(failures.is_empty(), "{failures:#?}");
}

//! `gpuecon evaluate --format xlsx`: the workbook the library writes, to a file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn gpuecon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpuecon"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn evaluate_writes_the_box_as_a_workbook() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("box.xlsx");
    let output = gpuecon(&[
        "evaluate",
        "--preset",
        "coreweave-box-ig",
        "--format",
        "xlsx",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty());
    let preset = gpuecon::presets::get("coreweave-box-ig").unwrap().unwrap();
    let scenario = preset.scenario.unwrap();
    let report = gpuecon::scenario::evaluate(&scenario).unwrap();
    let book = gpuecon_xlsx::workbook(&scenario, &report, &preset.sources).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), book.bytes);
}

#[test]
fn a_workbook_is_never_written_to_the_terminal() {
    let output = gpuecon(&[
        "evaluate",
        "--preset",
        "coreweave-box-ig",
        "--format",
        "xlsx",
    ]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let text = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        text.trim(),
        "gpuecon: error: --format xlsx writes a file: give --output FILE.xlsx"
    );
}

#[test]
fn montecarlo_writes_its_values_as_a_workbook() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("montecarlo.xlsx");
    let args = [
        "montecarlo",
        "--preset",
        "coreweave-box-ig",
        "--paths",
        "40",
        "--seed",
        "3",
    ];
    let output = gpuecon(
        &[
            &args[..],
            &["--format", "xlsx", "--output", path.to_str().unwrap()],
        ]
        .concat(),
    );
    assert!(output.status.success(), "{output:?}");
    let json = gpuecon(&[&args[..], &["--format", "json"]].concat());
    let report: gpuecon::montecarlo::MonteCarloReport =
        serde_json::from_slice(&json.stdout).unwrap();
    let start = gpuecon::presets::get("coreweave-box-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    let bytes = gpuecon_xlsx::montecarlo::workbook(&start.title, start.start, &report).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

//! `gpuecon evaluate` shows a box's financing: the default, the distributions stopping
//! and the lender's recovery in the table, the waterfall's columns in the CSV.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};

fn gpuecon(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_gpuecon"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_sub_investment_grade_box_shows_its_default_and_the_lenders_recovery() {
    let table = gpuecon(&["evaluate", "--preset", "coreweave-box-sub-ig"]);
    assert!(table.contains("month 18 (covenant)"), "{table}");
    assert!(table.contains("lender's recovery"), "{table}");
    assert!(table.contains("loss given default"), "{table}");
    // Month 18 still distributes $934,496.12 (the default is declared at its end; the
    // independent model of tests/vectors/scenarios.py gives 934,496.115411, interest
    // ACT/360); month 19, accelerated, sends every dollar of CFADS to the lender and
    // nothing to the equity.
    let waterfall = table.split("loss given default").nth(1).unwrap();
    let row = |month: &str| {
        waterfall
            .lines()
            .find(|l| {
                l.split('┆')
                    .next()
                    .is_some_and(|c| c.trim_matches(['│', ' ']) == month)
            })
            .unwrap()
            .to_owned()
    };
    assert!(row("18").contains("$934,496.12"), "{}", row("18"));
    let nineteen = row("19");
    assert!(nineteen.contains("default"), "{nineteen}");
    let cells: Vec<&str> = nineteen.split('┆').map(str::trim).collect();
    assert_eq!(cells[7], "$0.00", "to equity: {nineteen}");
    assert_eq!(
        cells[11], "$1,546,380.18",
        "lender flow = CFADS: {nineteen}"
    );
}

#[test]
fn the_csv_carries_the_waterfall() {
    let csv = gpuecon(&[
        "evaluate",
        "--preset",
        "coreweave-box-ig",
        "--format",
        "csv",
    ]);
    let header = csv.lines().next().unwrap();
    for column in [
        "financing_cfads_usd",
        "financing_distribution_usd",
        "financing_dsra_balance_usd",
        "financing_lender_cash_flow_usd",
        "financing_in_default",
    ] {
        assert!(
            header.split(',').any(|c| c == column),
            "{column} in {header}"
        );
    }
    assert!(!header.split(',').any(|c| c == "financing_month"));
    assert_eq!(csv.lines().count(), 1 + 60);
}

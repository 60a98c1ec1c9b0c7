//! Replays every input in fuzz/regressions/ (inputs the fuzzer found crashing once, and
//! hand-written hostile scenarios) through scenario and portfolio parsing and `evaluate` /
//! `evaluate_portfolio`: each must come back as a report or a typed error.

// A test reads the committed inputs from disk; the core itself never does IO.
#![allow(clippy::disallowed_methods)]

use std::{fs, path::Path};

use gpuecon::scenario::portfolio::{Portfolio, evaluate_portfolio};
use gpuecon::scenario::{Scenario, evaluate};

#[test]
fn every_regression_input_returns_instead_of_panicking() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let mut replayed = 0;
    for entry in fs::read_dir(&dir).expect("fuzz/regressions exists") {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        for scenario in [Scenario::from_json(&text), Scenario::from_toml(&text)]
            .into_iter()
            .flatten()
        {
            let _ = evaluate(&scenario);
        }
        if let Ok(portfolio) = serde_json::from_str::<Portfolio>(&text) {
            let _ = evaluate_portfolio(&portfolio);
        }
        replayed += 1;
    }
    assert!(replayed > 0, "no regression inputs in {}", dir.display());
}

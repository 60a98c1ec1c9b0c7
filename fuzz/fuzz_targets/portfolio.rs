//! Arbitrary bytes through portfolio parsing and evaluation, and Monte Carlo options
//! parsing and (for a few paths) running: any input must come back as a report or a typed
//! error, never a panic, an abort or a hang.
#![no_main]

use gpuecon::montecarlo::{self, MonteCarloInputs};
use gpuecon::scenario::portfolio::{Portfolio, evaluate_portfolio};
use libfuzzer_sys::fuzz_target;

/// The most Monte Carlo paths a fuzz input may ask for (more is slow, not wrong).
const MAX_PATHS: u32 = 20;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(portfolio) = serde_json::from_str::<Portfolio>(text) {
        let _ = evaluate_portfolio(&portfolio);
    }
    if let Ok(mut inputs) = serde_json::from_str::<MonteCarloInputs>(text) {
        inputs.options.paths = inputs.options.paths.min(MAX_PATHS);
        inputs.options.target_standard_error_usd = None;
        inputs.options.histogram_bins = inputs.options.histogram_bins.min(100);
        let _ = montecarlo::run(&inputs);
    }
});

//! Arbitrary bytes through scenario parsing and evaluation: any input must come back as a
//! report or a typed error, never a panic, an abort or a hang.
#![no_main]

use gpuecon::scenario::{Scenario, evaluate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(scenario) = Scenario::from_json(text) {
        let _ = evaluate(&scenario);
    }
    if let Ok(scenario) = Scenario::from_toml(text) {
        let _ = evaluate(&scenario);
    }
});

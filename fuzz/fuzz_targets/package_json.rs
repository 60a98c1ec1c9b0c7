//! Arbitrary bytes through the npm package's own JSON reader (bindings/src/json.rs and the
//! readers `cargo xtask codegen` generates), natively: any text must come back as an input
//! or a typed error, never a panic, an abort or a hang; and an input both it and serde read
//! must be written back by the package's writers as serde_json writes serde's value.
#![no_main]

use gpuecon::{montecarlo::MonteCarloInputs, scenario::Scenario};
use gpuecon_wasm::fuzzing::{montecarlo_round_trip, scenario_round_trip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(written) = scenario_round_trip(text) {
        if let Ok(value) = serde_json::from_str::<Scenario>(text) {
            assert_eq!(
                serde_json::to_string(&value).ok().as_deref(),
                Some(written.as_str())
            );
        }
    }
    if let Some(written) = montecarlo_round_trip(text) {
        if let Ok(value) = serde_json::from_str::<MonteCarloInputs>(text) {
            assert_eq!(
                serde_json::to_string(&value).ok().as_deref(),
                Some(written.as_str())
            );
        }
    }
});

//! Arbitrary bytes through the npm package's own JSON reader (bindings/src/json.rs and the
//! readers `cargo xtask codegen` generates), natively: any text must come back as an input
//! or a typed error, never a panic, an abort or a hang; and an input both it and serde read
//! must be written back by the package's writers as serde_json writes serde's value (a
//! `u64` quoted, as the package writes it so that JavaScript reads it exactly).
#![no_main]

use gpuecon::{montecarlo::MonteCarloInputs, scenario::Scenario};
use gpuecon_wasm::fuzzing::{montecarlo_round_trip, scenario_round_trip};
use libfuzzer_sys::fuzz_target;
use serde::Serialize;

/// serde_json's compact text with each `u64` quoted (the package's convention for seeds).
struct QuotedU64;

impl serde_json::ser::Formatter for QuotedU64 {
    fn write_u64<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        value: u64,
    ) -> std::io::Result<()> {
        write!(writer, "\"{value}\"")
    }
}

/// `value` as serde_json writes it, `u64`s quoted; `None` when it cannot be written.
fn serde_text<T: Serialize>(value: &T) -> Option<String> {
    let mut text = Vec::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut text, QuotedU64))
        .ok()?;
    String::from_utf8(text).ok()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(written) = scenario_round_trip(text) {
        if let Ok(value) = serde_json::from_str::<Scenario>(text) {
            assert_eq!(serde_text(&value).as_deref(), Some(written.as_str()));
        }
    }
    if let Some(written) = montecarlo_round_trip(text) {
        if let Ok(value) = serde_json::from_str::<MonteCarloInputs>(text) {
            assert_eq!(serde_text(&value).as_deref(), Some(written.as_str()));
        }
    }
});

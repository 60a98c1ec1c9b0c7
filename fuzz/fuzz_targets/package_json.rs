//! Arbitrary bytes through the npm package's own JSON reader (bindings/src/json.rs and the
//! readers `cargo xtask codegen` generates), natively: any text must come back as an input
//! or a typed error, never a panic, an abort or a hang; what the package's writers write
//! must read back as the same value; and an input both it and serde read must be the same
//! value, decimals compared as numbers (`29.00` is 29).
//!
//! That last check skips texts holding a number literal with a fraction, an exponent or more
//! than 18 digits: the package reads such a literal as the decimal its digits say, serde
//! through the nearest `f64` (so `1.90914816564320579` differs in its last digits; integers
//! of 19 digits or fewer it reads exactly, as `i64`/`u64`). JavaScript's `JSON.stringify`,
//! the package's only source of text, writes each number as its `f64`'s shortest digits, on
//! which both agree. (Byte-for-byte agreement of the writers with
//! serde_json's text is checked by the bindings' unit tests on every preset and vector.)
#![no_main]

use gpuecon::{montecarlo::MonteCarloInputs, scenario::Scenario};
use gpuecon_wasm::fuzzing::{read_montecarlo, read_scenario, write_montecarlo, write_scenario};
use libfuzzer_sys::fuzz_target;

/// Whether `text` holds, outside its strings, a number that serde reads through `f64`: one
/// with a fraction, an exponent, or more than 18 digits.
fn has_inexact_number(text: &str) -> bool {
    let (mut in_string, mut escaped, mut digits) = (false, false, 0_usize);
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '.' => return true,
            'e' | 'E' if digits > 0 => return true,
            _ => {}
        }
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        if digits > 18 {
            return true;
        }
    }
    false
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let compare_with_serde = !has_inexact_number(text);
    if let Some(ours) = read_scenario(text) {
        if let (true, Ok(theirs)) = (compare_with_serde, serde_json::from_str::<Scenario>(text)) {
            assert_eq!(ours, theirs);
        }
        assert_eq!(read_scenario(&write_scenario(&ours)).as_ref(), Some(&ours));
    }
    if let Some(ours) = read_montecarlo(text) {
        if let (true, Ok(theirs)) = (
            compare_with_serde,
            serde_json::from_str::<MonteCarloInputs>(text),
        ) {
            assert_eq!(ours, theirs);
        }
        assert_eq!(read_montecarlo(&write_montecarlo(&ours)).as_ref(), Some(&ours));
    }
});

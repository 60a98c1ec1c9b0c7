//! The package's JSON reader and writer, natively, for the fuzz target `package_json`
//! (fuzz/fuzz_targets/package_json.rs): any text must be read into an input or a typed
//! error, never a panic, an abort or a hang; what is read must be the value serde reads
//! from the same text; and what is written must read back as the same value.

use gpuecon::{montecarlo::MonteCarloInputs, scenario::Scenario};

use crate::{
    json::{self, FromJson},
    to_json::ToJson,
};

/// `text` read as the package reads a scenario (`evaluate`'s argument); `None` when it
/// does not read.
pub fn read_scenario(text: &str) -> Option<Scenario> {
    read(text)
}

/// `text` read as the package reads a Monte Carlo run (`montecarlo`'s argument); `None`
/// when it does not read.
pub fn read_montecarlo(text: &str) -> Option<MonteCarloInputs> {
    read(text)
}

/// `scenario` as the package writes results.
pub fn write_scenario(scenario: &Scenario) -> String {
    written(scenario)
}

/// `run` as the package writes results.
pub fn write_montecarlo(run: &MonteCarloInputs) -> String {
    written(run)
}

fn read<T: FromJson>(text: &str) -> Option<T> {
    T::from_json(json::parse(text).ok()?).ok()
}

fn written<T: ToJson>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

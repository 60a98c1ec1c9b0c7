//! The package's JSON reader and writer, natively, for the fuzz target `package_json`
//! (fuzz/fuzz_targets/package_json.rs): any text must be read into an input or a typed
//! error, never a panic, an abort or a hang, and what is read must be written back as
//! serde_json writes the value serde reads from the same text.

use gpuecon::{montecarlo::MonteCarloInputs, scenario::Scenario};

use crate::{
    json::{self, FromJson},
    to_json::ToJson,
};

/// `text` read as the package reads a scenario (`evaluate`'s argument), written back as
/// the package writes results; `None` when it does not read.
pub fn scenario_round_trip(text: &str) -> Option<String> {
    round_trip::<Scenario>(text)
}

/// `text` read as the package reads a Monte Carlo run (`montecarlo`'s argument), written
/// back as the package writes results; `None` when it does not read.
pub fn montecarlo_round_trip(text: &str) -> Option<String> {
    round_trip::<MonteCarloInputs>(text)
}

fn round_trip<T: FromJson + ToJson>(text: &str) -> Option<String> {
    let value = T::from_json(json::parse(text).ok()?).ok()?;
    let mut out = String::new();
    value.write_json(&mut out);
    Some(out)
}

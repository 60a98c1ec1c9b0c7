//! What the Monte Carlo tests share: a preset's scenario and a run of it.

use gpuecon::montecarlo::{MonteCarloInputs, Options, Stochastic};
use gpuecon::presets;
use gpuecon::scenario::Scenario;

/// The scenario of the preset `id`.
pub fn preset(id: &str) -> Scenario {
    presets::get(id).unwrap().unwrap().scenario.unwrap()
}

/// A run of `scenario`: `paths` paths from `seed` with `stochastic` randomness, the other
/// options at their defaults.
pub fn run_of(
    scenario: Scenario,
    paths: u32,
    seed: u64,
    stochastic: Stochastic,
) -> MonteCarloInputs {
    MonteCarloInputs {
        scenario: Some(scenario),
        portfolio: None,
        options: Options {
            paths,
            seed,
            stochastic,
            ..Options::default()
        },
    }
}

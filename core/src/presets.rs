//! Presets: ready-made scenarios built from public figures, each citing its sources.
//!
//! They are data (JSON files under `core/presets/`), embedded in the crate so that the
//! page, the CLI and JS apps list the same ones.
//!
//! ```
//! use gpuecon::{presets, scenario::evaluate};
//! let all = presets::all()?;
//! let cluster = all.iter().find(|p| p.id == "h100-cluster-1024").unwrap();
//! let report = evaluate(&cluster.scenario)?;
//! assert_eq!(report.months.len(), 72);
//! # Ok::<(), gpuecon::scenario::ScenarioError>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::scenario::{Scenario, ScenarioError};

/// One preset: an id, a title, what it shows, its sources, and the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// A stable identifier (`"h100-cluster-1024"`).
    pub id: String,
    /// A title for people.
    pub title: String,
    /// What the preset shows and which figures it checks.
    pub about: String,
    /// Where each figure comes from.
    pub sources: Vec<String>,
    /// The scenario, ready for [`evaluate`](crate::scenario::evaluate).
    pub scenario: Scenario,
}

/// The embedded preset files, in the order they are listed.
const FILES: [(&str, &str); 7] = [
    (
        "h100-node-on-demand",
        include_str!("../presets/h100-node-on-demand.json"),
    ),
    (
        "h100-node-reserved-3y",
        include_str!("../presets/h100-node-reserved-3y.json"),
    ),
    (
        "h100-cluster-1024",
        include_str!("../presets/h100-cluster-1024.json"),
    ),
    (
        "coreweave-core-scientific-hosting",
        include_str!("../presets/coreweave-core-scientific-hosting.json"),
    ),
    ("b200-cascade", include_str!("../presets/b200-cascade.json")),
    (
        "coreweave-box-ig",
        include_str!("../presets/coreweave-box-ig.json"),
    ),
    (
        "coreweave-box-sub-ig",
        include_str!("../presets/coreweave-box-sub-ig.json"),
    ),
];

/// Each preset's id and its file's JSON text, in the order they are listed: for front ends
/// that parse JSON themselves (the wasm package hands the text to `JSON.parse`, which keeps
/// a JSON parser out of the module).
///
/// ```
/// let (id, text) = gpuecon::presets::files().next().unwrap();
/// assert!(text.contains(id));
/// ```
pub fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().copied()
}

/// Every preset.
///
/// # Errors
/// [`ScenarioError::Parse`] if an embedded file does not parse (the crate's tests make
/// sure none does).
pub fn all() -> Result<Vec<Preset>, ScenarioError> {
    FILES.iter().map(|(_, text)| parse(text)).collect()
}

/// The preset with `id`, if there is one.
///
/// # Errors
/// [`ScenarioError::Parse`] if its embedded file does not parse.
pub fn get(id: &str) -> Result<Option<Preset>, ScenarioError> {
    FILES
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| parse(text))
        .transpose()
}

fn parse(text: &str) -> Result<Preset, ScenarioError> {
    serde_json::from_str(text).map_err(|e| ScenarioError::Parse {
        message: e.to_string(),
    })
}

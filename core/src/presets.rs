//! Presets: ready-made scenarios and portfolios built from public figures, each citing its
//! sources.
//!
//! They are data (JSON files under `core/presets/`), embedded in the crate so that the
//! page, the CLI and JS apps list the same ones. Each says by its `kind` which evaluator it
//! needs: a `scenario` preset holds a [`Scenario`] for
//! [`evaluate`](crate::scenario::evaluate), a `portfolio` preset a [`Portfolio`] of boxes
//! for [`evaluate_portfolio`](crate::scenario::portfolio::evaluate_portfolio).
//!
//! ```
//! use gpuecon::presets::{self, PresetKind};
//! use gpuecon::scenario::{evaluate, portfolio::evaluate_portfolio};
//! let cluster = presets::get("h100-cluster-1024")?.ok_or("no such preset")?;
//! assert_eq!(cluster.kind, PresetKind::Scenario);
//! let report = evaluate(cluster.scenario.as_ref().ok_or("not a scenario")?)?;
//! assert_eq!(report.months.len(), 72);
//! let company = presets::get("company-rollup")?.ok_or("no such preset")?;
//! let rollup = evaluate_portfolio(company.portfolio.as_ref().ok_or("not a portfolio")?)?;
//! assert!(rollup.concentration.is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::scenario::portfolio::Portfolio;
use crate::scenario::{Scenario, ScenarioError};

/// Which evaluator a preset needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetKind {
    /// One scenario (a fleet, or a box with its financing), for
    /// [`evaluate`](crate::scenario::evaluate).
    #[default]
    Scenario,
    /// Several boxes rolled up into a company, for
    /// [`evaluate_portfolio`](crate::scenario::portfolio::evaluate_portfolio).
    Portfolio,
}

/// One preset: an id, a title, what it shows, its sources, its kind, and the scenario or
/// the portfolio (the one its kind names, never both).
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
    /// `scenario` (the default) or `portfolio`: which evaluator the preset needs.
    #[serde(default)]
    pub kind: PresetKind,
    /// The scenario of a `scenario` preset, ready for
    /// [`evaluate`](crate::scenario::evaluate).
    #[serde(default)]
    pub scenario: Option<Scenario>,
    /// The boxes of a `portfolio` preset, ready for
    /// [`evaluate_portfolio`](crate::scenario::portfolio::evaluate_portfolio).
    #[serde(default)]
    pub portfolio: Option<Portfolio>,
}

/// The embedded preset files, in the order they are listed.
const FILES: [(&str, &str); 11] = [
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
        "h200-neocloud-2048",
        include_str!("../presets/h200-neocloud-2048.json"),
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
    (
        "iren-microsoft",
        include_str!("../presets/iren-microsoft.json"),
    ),
    (
        "core-scientific-host-box",
        include_str!("../presets/core-scientific-host-box.json"),
    ),
    (
        "company-rollup",
        include_str!("../presets/company-rollup.json"),
    ),
];

/// Each preset's id and its file's JSON text, in the order they are listed: for front ends
/// that parse JSON themselves (the wasm package hands the text to `JSON.parse`, which keeps
/// a JSON parser out of the module).
///
/// ```
/// let (id, text) = gpuecon::presets::files().next().ok_or("no presets")?;
/// assert!(text.contains(id));
/// # Ok::<(), &str>(())
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
    let preset: Preset = serde_json::from_str(text).map_err(|e| ScenarioError::Parse {
        message: e.to_string(),
    })?;
    let matches = match preset.kind {
        PresetKind::Scenario => preset.scenario.is_some() && preset.portfolio.is_none(),
        PresetKind::Portfolio => preset.portfolio.is_some() && preset.scenario.is_none(),
    };
    if matches {
        Ok(preset)
    } else {
        Err(ScenarioError::Parse {
            message: format!(
                "preset {}: a scenario preset holds a scenario and no portfolio, a portfolio \
                 preset a portfolio and no scenario",
                preset.id
            ),
        })
    }
}

//! The glossary: every field of a scenario (an input) and of its report (a result), and
//! of the calculator's models' inputs and results, explained. A report field's entry gives its definition, formula, unit and sign
//! convention; an input's its meaning, unit, typical range and source.
//!
//! Keys are paths from the root of the scenario (`scenario.…`) or of its report
//! (`report.…`), as in error and warning paths, with every array index written `[]`:
//! `report.months[].revenue.total_usd`, `scenario.contracts[].contract.gpus`. A model of
//! [`crate::models`] behind one of the calculator's panels has its inputs under
//! `<model>.inputs.…` and its result under `<model>.result.…`, the model named by its
//! function (`capacity_book.inputs.spot.discount`, `owner_cost.result.total_usd_per_gpu_hour`).
//! [`explain`] also finds an entry by the end of its key (`equity.irr_annual` is
//! `report.financing.summary.equity.irr_annual`) when only one key ends so.
//!
//! The entries are data (`core/glossary.json`), embedded like the presets and carried to
//! JavaScript as data beside the WebAssembly module (`glossary.js`), not inside it.
//!
//! ```
//! let entry = gpuecon::glossary::explain("equity.irr_annual")?.expect("an entry");
//! assert_eq!(entry.key, "report.financing.summary.equity.irr_annual");
//! assert_eq!(entry.unit, "fraction a year");
//! # Ok::<(), gpuecon::scenario::ScenarioError>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::scenario::ScenarioError;

/// The glossary's JSON text: an array of [`Entry`], ordered by key.
pub const TEXT: &str = include_str!("../glossary.json");

/// One field explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The field's path, `scenario.…` or `report.…`, array indices as `[]`.
    pub key: String,
    /// What it is.
    pub definition: String,
    /// How a result is computed from the inputs and other results (empty for an input or
    /// a value read as given).
    #[serde(default)]
    pub formula: String,
    /// Its unit: `USD`, `USD per GPU-hour`, `GPU-hours`, `fraction`, `months`, …
    pub unit: String,
    /// For an amount, which way is positive (empty where there is no sign to read).
    #[serde(default)]
    pub sign: String,
    /// For an input, the values an expert would expect (empty for a result).
    #[serde(default)]
    pub typical_range: String,
    /// For an input, where a typical value comes from (empty for a result).
    #[serde(default)]
    pub source: String,
}

/// Every entry, ordered by key.
///
/// # Errors
/// [`ScenarioError::Parse`] if the embedded text is not a glossary (a test guards it).
pub fn entries() -> Result<Vec<Entry>, ScenarioError> {
    serde_json::from_str(TEXT).map_err(|e| ScenarioError::Parse {
        message: format!("glossary: {e}"),
    })
}

/// The entry for `field`: its exact key, else the one entry whose key ends with
/// `.field` (array indices in `field` may be written `[3]` or `[]`); `None` when there is
/// none or several.
///
/// # Errors
/// As [`entries`].
pub fn explain(field: &str) -> Result<Option<Entry>, ScenarioError> {
    let wanted = normalized(field);
    let all = entries()?;
    if let Some(exact) = all.iter().find(|e| e.key == wanted) {
        return Ok(Some(exact.clone()));
    }
    let suffix = format!(".{wanted}");
    let mut matches = all.into_iter().filter(|e| e.key.ends_with(&suffix));
    Ok(match (matches.next(), matches.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    })
}

/// The keys that end with `.field` or equal it: the candidates when [`explain`] finds
/// none or several.
///
/// # Errors
/// As [`entries`].
pub fn candidates(field: &str) -> Result<Vec<String>, ScenarioError> {
    let wanted = normalized(field);
    let last = wanted.rsplit('.').next().unwrap_or_default().to_owned();
    Ok(entries()?
        .into_iter()
        .map(|e| e.key)
        .filter(|k| k.rsplit('.').next() == Some(last.as_str()))
        .collect())
}

/// `field` with each `[n]` written `[]`.
#[must_use]
pub fn normalized(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut in_index = false;
    for ch in field.chars() {
        match ch {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(ch),
        }
    }
    out
}

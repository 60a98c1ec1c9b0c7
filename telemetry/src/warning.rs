//! [`Warning`]: a value the sources gave that was set aside as unknown (a sentinel, an
//! impossible measurement) or an oddity of the input (a duplicate series, a timestamp
//! going backwards), named by GPU and line where known. Nothing stops for a warning.

use std::fmt;

use serde::Serialize;

/// What a [`Warning`] is about; the exporter counts warnings by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A "no value" code passed as a number (DCGM's INT32, INT64 and FP64 blanks, in any
    /// textual form): unknown.
    Sentinel,
    /// A measurement that cannot be (power negative or above 1.5 × its limit, a
    /// utilization outside [0, 1], an energy counter that went up faster than the power
    /// limit allows): unknown.
    Impossible,
    /// A field of one GPU's reading that could not be read: that value is unknown, the
    /// GPU's other values and the other GPUs go on.
    Unreadable,
    /// The same series twice in one scrape, or one GPU twice at one timestamp: the first
    /// is kept.
    Duplicate,
    /// A GPU's timestamp older than its previous one: the snapshot is not counted.
    Backwards,
    /// One GPU's economics could not be computed (an overflow): that GPU's amounts are
    /// unknown, the fleet's too.
    Economics,
}

impl WarningKind {
    /// The kind as the exporter's `kind` label writes it (`sentinel`, `impossible`, …).
    ///
    /// ```
    /// assert_eq!(gpuecon_telemetry::WarningKind::Backwards.as_str(), "backwards");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Sentinel => "sentinel",
            Self::Impossible => "impossible",
            Self::Unreadable => "unreadable",
            Self::Duplicate => "duplicate",
            Self::Backwards => "backwards",
            Self::Economics => "economics",
        }
    }

    /// Every kind, in order (for exporting a zero count of each).
    pub const ALL: [Self; 6] = [
        Self::Sentinel,
        Self::Impossible,
        Self::Unreadable,
        Self::Duplicate,
        Self::Backwards,
        Self::Economics,
    ];
}

/// A value set aside or an oddity seen, with the GPU and input line it concerns.
///
/// ```
/// use gpuecon_telemetry::{Warning, WarningKind};
/// let w = Warning::new(WarningKind::Sentinel, "power.draw 9223372036854775794 W is a no-value code")
///     .gpu("gpu 3")
///     .line(Some(12));
/// assert_eq!(w.to_string(), "gpu 3, line 12: power.draw 9223372036854775794 W is a no-value code (unknown)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What it is about.
    pub kind: WarningKind,
    /// The GPU, as [`GpuKey::label`](crate::GpuKey::label) writes it, where known.
    pub gpu: Option<String>,
    /// The input line, from 1, where the input has lines.
    pub line: Option<usize>,
    /// What was seen and what was done.
    pub message: String,
}

impl Warning {
    /// A warning of `kind` about no GPU or line yet.
    #[must_use]
    pub fn new(kind: WarningKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            gpu: None,
            line: None,
            message: message.into(),
        }
    }

    /// The same, about the GPU `label`.
    #[must_use]
    pub fn gpu(mut self, label: impl Into<String>) -> Self {
        self.gpu = Some(label.into());
        self
    }

    /// The same, at input line `line`.
    #[must_use]
    pub const fn line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.gpu, self.line) {
            (Some(gpu), Some(line)) => write!(f, "{gpu}, line {line}: ")?,
            (Some(gpu), None) => write!(f, "{gpu}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        let what = match self.kind {
            WarningKind::Sentinel | WarningKind::Impossible | WarningKind::Unreadable => {
                " (unknown)"
            }
            WarningKind::Duplicate => " (the first kept)",
            WarningKind::Backwards => " (not counted)",
            WarningKind::Economics => " (its amounts unknown)",
        };
        write!(f, "{}{what}", self.message)
    }
}

//! [`Error`]: why a source gave no reading; [`LineProblem`]: a malformed line, skipped.

use std::fmt;

use serde::Serialize;
use thiserror::Error;

/// Why a source could not be opened or read. Its message is one line, fit for a terminal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// NVML could not be loaded or initialized (no driver, no library, no permission).
    #[error("NVML is not available: {0}")]
    Nvml(String),
    /// `nvidia-smi` could not be run, or it failed.
    #[error("nvidia-smi: {0}")]
    Smi(String),
    /// A file could not be read or written.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The DCGM exporter could not be reached or answered with an error.
    #[error("{url}: {message}")]
    Http {
        /// The URL asked.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The input has nothing usable (no header line, no GPU, every line malformed).
    #[error("{0}")]
    NoData(String),
    /// The terms of the economics are invalid or a computation overflowed; the message
    /// names the field.
    #[error("{0}")]
    Economics(String),
}

impl From<gpuecon::models::ModelError> for Error {
    fn from(error: gpuecon::models::ModelError) -> Self {
        Self::Economics(error.to_string())
    }
}

impl From<gpuecon::scenario::ScenarioError> for Error {
    /// Every problem, `; `-separated (`usd_per_kwh: must be at least 0; pue: …`).
    fn from(error: gpuecon::scenario::ScenarioError) -> Self {
        match error {
            gpuecon::scenario::ScenarioError::Invalid { problems } => {
                let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
                Self::Economics(all.join("; "))
            }
            other => Self::Economics(other.to_string()),
        }
    }
}

impl From<gpuecon::FinanceError> for Error {
    fn from(error: gpuecon::FinanceError) -> Self {
        Self::Economics(error.to_string())
    }
}

/// A line of input that could not be used, with its 1-based line number. The parsers skip
/// it and go on.
///
/// ```
/// use gpuecon_telemetry::LineProblem;
/// let problem = LineProblem::new(7, "expected 11 fields, found 3");
/// assert_eq!(problem.to_string(), "line 7: expected 11 fields, found 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineProblem {
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl LineProblem {
    /// A problem on `line` (from 1).
    #[must_use]
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// What a parser returns: the value it could read and every line it had to skip.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// What was read.
    pub value: T,
    /// The lines skipped, in order.
    pub problems: Vec<LineProblem>,
    /// Values set aside as unknown and oddities seen, in order.
    pub warnings: Vec<crate::Warning>,
}

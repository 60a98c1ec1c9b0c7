//! [`ScenarioError`]: why a scenario could not be read or evaluated.

use thiserror::Error;

use crate::models::ModelError;
use crate::{ErrorCode, ExcelError};

/// Why a scenario gave no report.
///
/// ```
/// use gpuecon::scenario::Scenario;
/// let err = Scenario::from_json("{ \"horizon_months\": 12 }").unwrap_err();
/// assert_eq!(err.code(), gpuecon::ErrorCode::InvalidArgument);
/// assert_eq!(err.field(), "scenario");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The text is not a scenario (bad JSON or TOML, a missing or unknown field, a value
    /// of the wrong type); `message` says where.
    #[error("scenario: {message}")]
    Parse {
        /// The parser's message, with the line and column where it has them.
        message: String,
    },
    /// The scenario parsed but some inputs are outside their domain: every problem found,
    /// in field order, each naming its path (`contracts[2].contract.term_months`).
    #[error("{}", describe(problems))]
    Invalid {
        /// Every problem (never empty).
        problems: Vec<ModelError>,
    },
    /// A model failed on valid inputs (an overflow of a computed value).
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// "path: reason" for one problem; "path: reason (and N more)" for several.
fn describe(problems: &[ModelError]) -> String {
    match problems {
        [] => "scenario: invalid".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

impl ScenarioError {
    /// The stable code: `INVALID_ARGUMENT` for a parse error, else the (first) model
    /// error's code.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Parse { .. } => ErrorCode::InvalidArgument,
            Self::Invalid { problems } => problems
                .first()
                .map_or(ErrorCode::InvalidArgument, ModelError::code),
            Self::Model(error) => error.code(),
        }
    }

    /// The path of the (first) offending input; `"scenario"` for a parse error.
    #[must_use]
    pub fn field(&self) -> &str {
        match self {
            Self::Parse { .. } => "scenario",
            Self::Invalid { problems } => problems.first().map_or("scenario", ModelError::field),
            Self::Model(error) => error.field(),
        }
    }

    /// Every problem: all of them for [`ScenarioError::Invalid`], else this one error's
    /// path and message.
    #[must_use]
    pub fn problems(&self) -> Vec<(String, String)> {
        match self {
            Self::Invalid { problems } => problems
                .iter()
                .map(|p| (p.field().to_owned(), p.to_string()))
                .collect(),
            other => vec![(other.field().to_owned(), other.to_string())],
        }
    }

    /// What a spreadsheet would show for the same failure.
    #[must_use]
    pub fn excel(&self) -> ExcelError {
        match self {
            Self::Parse { .. } => ExcelError::Value,
            Self::Invalid { problems } => problems
                .first()
                .map_or(ExcelError::Value, ModelError::excel),
            Self::Model(error) => error.excel(),
        }
    }
}

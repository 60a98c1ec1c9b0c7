//! [`ModelError`]: why a model gave no result, naming the offending input by its path in
//! the input struct (`power.pue`, `capital.life_years`), with the same stable
//! [`ErrorCode`]s as the finance layer.

use thiserror::Error;

use crate::{ErrorCode, ExcelError, FinanceError};

/// Why a model gave no result. `field` is the path of the offending input, dot-separated
/// as in the input struct and in its JSON form (`usage.utilization`).
///
/// ```
/// use gpuecon::{models::ModelError, ErrorCode};
/// let err = ModelError::Domain { field: "power.pue".to_owned(), reason: "must be at least 1" };
/// assert_eq!(err.code(), ErrorCode::Domain);
/// assert_eq!(err.field(), "power.pue");
/// assert_eq!(err.to_string(), "power.pue: must be at least 1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The input is outside the model's domain (a PUE below 1, a utilization above 1).
    #[error("{field}: {reason}")]
    Domain {
        /// The input's path.
        field: String,
        /// What the domain is (`"must be at least 1"`).
        reason: &'static str,
    },
    /// A finance function or a checked operation failed on a value computed from this input.
    #[error("{field}: {source}")]
    Finance {
        /// The input's path.
        field: String,
        /// The finance layer's error (its own `field` is the function's argument name).
        source: FinanceError,
    },
}

impl ModelError {
    /// A [`ModelError::Domain`] on `field`.
    pub(crate) fn domain(field: &str, reason: &'static str) -> Self {
        Self::Domain {
            field: field.to_owned(),
            reason,
        }
    }

    /// Wraps a finance error raised on the input at `field`.
    pub(crate) fn finance(field: &str, source: FinanceError) -> Self {
        Self::Finance {
            field: field.to_owned(),
            source,
        }
    }

    /// The same error with its field's path under `prefix` (`"contracts[2]"` and
    /// `"term_months"` give `"contracts[2].term_months"`), for a model run inside a larger
    /// input such as a scenario.
    #[must_use]
    pub fn within(mut self, prefix: &str) -> Self {
        let (Self::Domain { field, .. } | Self::Finance { field, .. }) = &mut self;
        *field = if field.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{field}")
        };
        self
    }

    /// The stable code of this error (a wrapped finance error keeps its own code).
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        match self {
            Self::Domain { .. } => ErrorCode::Domain,
            Self::Finance { source, .. } => source.code(),
        }
    }

    /// The path of the offending input, for example `"capital.life_years"`.
    #[must_use]
    pub fn field(&self) -> &str {
        match self {
            Self::Domain { field, .. } | Self::Finance { field, .. } => field,
        }
    }

    /// What a spreadsheet would show for the same failure.
    #[must_use]
    pub const fn excel(&self) -> ExcelError {
        match self {
            Self::Domain { .. } => ExcelError::Num,
            Self::Finance { source, .. } => source.excel(),
        }
    }
}

/// A checked operation's error: its `field` is already the input's full path (the cost
/// model passes paths such as `"power.pue"` to [`crate::units`]).
impl From<FinanceError> for ModelError {
    fn from(source: FinanceError) -> Self {
        Self::Finance {
            field: source.field().to_owned(),
            source,
        }
    }
}

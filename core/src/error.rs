//! Errors: one type per layer, each variant naming the offending field, each mapped to a
//! stable [`ErrorCode`] that the bindings and the command line pass on unchanged.

use thiserror::Error;

/// A stable, machine-readable error code, the same in Rust, JavaScript and the CLI.
///
/// ```
/// use gpuecon::ErrorCode;
/// assert_eq!(ErrorCode::Domain.as_str(), "DOMAIN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ErrorCode {
    /// An argument is not a usable value (not a number, not finite, wrong type or shape).
    InvalidArgument,
    /// An argument is a number, but outside the function's domain (a life of 0, a rate ≤ −100 %).
    Domain,
    /// A result or an intermediate value does not fit in a [`crate::Decimal`].
    Overflow,
    /// Cash flows that never change sign have no internal rate of return.
    NoSignChange,
    /// An iterative solver found no root to the required accuracy.
    NoConvergence,
}

impl ErrorCode {
    /// The code as the bindings and the CLI print it, for example `"NO_SIGN_CHANGE"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::Domain => "DOMAIN",
            Self::Overflow => "OVERFLOW",
            Self::NoSignChange => "NO_SIGN_CHANGE",
            Self::NoConvergence => "NO_CONVERGENCE",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error value Excel shows in a cell for the same failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcelError {
    /// `#NUM!`: a number outside the function's domain, or no convergence.
    Num,
    /// `#VALUE!`: an argument of the wrong type.
    Value,
    /// `#DIV/0!`: a division by zero.
    Div0,
}

impl ExcelError {
    /// The text Excel shows, for example `"#NUM!"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Num => "#NUM!",
            Self::Value => "#VALUE!",
            Self::Div0 => "#DIV/0!",
        }
    }
}

/// Why a finance function gave no result. `field` is the argument's name as in the
/// function's signature (`life`, `values`, `guess`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum FinanceError {
    /// The argument is not a usable value.
    #[error("{field}: {reason}")]
    InvalidArgument {
        /// The argument's name.
        field: &'static str,
        /// What is wrong with it, as a sentence fragment (`"must be a finite number"`).
        reason: &'static str,
    },
    /// The argument is outside the function's domain.
    #[error("{field}: {reason}")]
    Domain {
        /// The argument's name.
        field: &'static str,
        /// What the domain is (`"must be greater than 0"`).
        reason: &'static str,
    },
    /// The formula divides by this argument (or by a value computed from it), and it is zero.
    #[error("{field}: must not be zero (the formula divides by it)")]
    DivisionByZero {
        /// The argument's name.
        field: &'static str,
    },
    /// A value computed from this argument does not fit in a [`crate::Decimal`].
    #[error("{field}: the result is too large for a decimal (about ±7.9e28)")]
    Overflow {
        /// The argument's name.
        field: &'static str,
    },
    /// The cash flows never change sign.
    #[error("{field}: the cash flows never change sign, so no rate makes their value zero")]
    NoSignChange {
        /// The argument's name (the cash flows).
        field: &'static str,
    },
    /// The solver found no root.
    #[error("{field}: no rate found to the required accuracy after {iterations} iterations")]
    NoConvergence {
        /// The argument's name (the cash flows).
        field: &'static str,
        /// How many iterations were tried.
        iterations: u32,
    },
}

impl FinanceError {
    /// The stable code of this error.
    ///
    /// ```
    /// use gpuecon::{finance, Decimal, ErrorCode};
    /// let err = finance::sln(Decimal::ONE, Decimal::ZERO, Decimal::ZERO).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::Domain);
    /// assert_eq!(err.field(), "life");
    /// ```
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidArgument { .. } => ErrorCode::InvalidArgument,
            Self::Domain { .. } | Self::DivisionByZero { .. } => ErrorCode::Domain,
            Self::Overflow { .. } => ErrorCode::Overflow,
            Self::NoSignChange { .. } => ErrorCode::NoSignChange,
            Self::NoConvergence { .. } => ErrorCode::NoConvergence,
        }
    }

    /// The name of the offending argument.
    #[must_use]
    pub const fn field(&self) -> &'static str {
        match self {
            Self::InvalidArgument { field, .. }
            | Self::Domain { field, .. }
            | Self::DivisionByZero { field }
            | Self::Overflow { field }
            | Self::NoSignChange { field }
            | Self::NoConvergence { field, .. } => field,
        }
    }

    /// What Excel shows for the same failure.
    ///
    /// ```
    /// use gpuecon::{finance, Decimal, ExcelError};
    /// let err = finance::sln(Decimal::ONE, Decimal::ZERO, Decimal::ZERO).unwrap_err();
    /// assert_eq!(err.excel(), ExcelError::Div0);
    /// ```
    #[must_use]
    pub const fn excel(&self) -> ExcelError {
        match self {
            Self::InvalidArgument { .. } => ExcelError::Value,
            Self::DivisionByZero { .. } => ExcelError::Div0,
            Self::Domain { .. }
            | Self::Overflow { .. }
            | Self::NoSignChange { .. }
            | Self::NoConvergence { .. } => ExcelError::Num,
        }
    }
}

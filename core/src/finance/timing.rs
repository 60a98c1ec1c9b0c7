//! When in each period payments fall: Excel's `type` argument.

use crate::{Decimal, FinanceError};

/// When in each period the payments fall: Excel's `type` argument of `PMT`, `PV`, `FV`,
/// `NPER`, `IPMT`, `PPMT`, `CUMIPMT`, `CUMPRINC` and `RATE`.
///
/// - [`PaymentTiming::End`] is Excel's `type = 0` (the default; an ordinary annuity, "in arrears");
/// - [`PaymentTiming::Beginning`] is Excel's `type = 1` (an annuity due, "in advance").
///
/// Other values: Excel documents only 0 and 1. `CUMIPMT` and `CUMPRINC` answer `#NUM!` for
/// anything else, while the other annuity functions of spreadsheets commonly read any
/// non-zero `type` as 1 (LibreOffice does). gpuecon takes the strict reading everywhere:
/// [`PaymentTiming::from_excel_type`] accepts exactly 0 and 1 and rejects every other
/// number as a domain error on `type`, because a `type` of 2 or 0.5 is almost always a
/// misplaced argument rather than a wish for payments in advance.
///
/// ```
/// use gpuecon::{finance::PaymentTiming, Decimal};
/// assert_eq!(PaymentTiming::default(), PaymentTiming::End);
/// assert_eq!(PaymentTiming::from_excel_type(Decimal::ONE)?, PaymentTiming::Beginning);
/// assert!(PaymentTiming::from_excel_type(Decimal::TWO).is_err());
/// assert_eq!(PaymentTiming::Beginning.excel_type(), 1);
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PaymentTiming {
    /// Payments at the end of each period (Excel `type = 0`, the default).
    #[default]
    End,
    /// Payments at the beginning of each period (Excel `type = 1`).
    Beginning,
}

impl PaymentTiming {
    /// Reads Excel's `type` argument: 0 is [`PaymentTiming::End`], 1 is
    /// [`PaymentTiming::Beginning`].
    ///
    /// # Errors
    /// [`FinanceError::Domain`] on `type` for any other value.
    pub fn from_excel_type(value: Decimal) -> Result<Self, FinanceError> {
        if value.is_zero() {
            Ok(Self::End)
        } else if value == Decimal::ONE {
            Ok(Self::Beginning)
        } else {
            Err(FinanceError::Domain {
                field: "type",
                reason: "must be 0 (payments at the end of each period) or 1 (at the beginning)",
            })
        }
    }

    /// Excel's number for this timing: 0 for [`PaymentTiming::End`], 1 for
    /// [`PaymentTiming::Beginning`].
    #[must_use]
    pub const fn excel_type(self) -> u8 {
        match self {
            Self::End => 0,
            Self::Beginning => 1,
        }
    }

    /// The same number as a [`Decimal`] (0 or 1), for use inside formulas.
    #[must_use]
    pub const fn as_decimal(self) -> Decimal {
        match self {
            Self::End => Decimal::ZERO,
            Self::Beginning => Decimal::ONE,
        }
    }
}

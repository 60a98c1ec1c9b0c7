//! Book depreciation schedules.

use crate::{Decimal, FinanceError, units};

/// Straight-line depreciation for one period, as Excel's `SLN(cost, salvage, life)`.
///
/// `SLN = (cost − salvage) / life`, exact in [`Decimal`].
///
/// - `cost`: the asset's initial cost;
/// - `salvage`: its value at the end of its life;
/// - `life`: the number of periods over which it is depreciated (any non-zero number;
///   Excel accepts fractional and negative lives, and so does this function).
///
/// # Errors
/// - [`FinanceError::DivisionByZero`] on `life` when it is zero (Excel: `#DIV/0!`);
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: `=SLN(30000, 7500, 10)` is $2,250 a year.
/// ```
/// use gpuecon::{finance::sln, Decimal};
/// let a_year = sln(Decimal::from(30_000), Decimal::from(7_500), Decimal::from(10))?;
/// assert_eq!(a_year, Decimal::from(2_250));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn sln(cost: Decimal, salvage: Decimal, life: Decimal) -> Result<Decimal, FinanceError> {
    let depreciable = units::sub(cost, salvage, "salvage")?;
    units::div(depreciable, life, "life")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sln_divides_the_depreciable_amount_evenly() {
        // (50,000 − 5,000) / 6 = 7,500
        assert_eq!(sln(50_000.into(), 5_000.into(), 6.into()), Ok(7_500.into()));
    }

    #[test]
    fn sln_rejects_a_zero_life() {
        assert_eq!(
            sln(Decimal::ONE, Decimal::ZERO, Decimal::ZERO),
            Err(FinanceError::DivisionByZero { field: "life" })
        );
    }

    #[test]
    fn sln_reports_overflow() {
        assert_eq!(
            sln(Decimal::MAX, Decimal::MIN, Decimal::ONE),
            Err(FinanceError::Overflow { field: "salvage" })
        );
    }
}

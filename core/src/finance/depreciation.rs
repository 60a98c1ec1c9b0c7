//! Book depreciation schedules that spread the depreciable amount by a fixed rule: straight
//! line (`SLN`) and sum of the years' digits (`SYD`). The declining-balance methods are in
//! `declining_balance`, the MACRS tables in `macrs`.

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

/// Sum-of-years'-digits depreciation for period `per`, as Excel's
/// `SYD(cost, salvage, life, per)`.
///
/// `SYD = (cost − salvage) · (life − per + 1) · 2 / (life · (life + 1))`: period `per`
/// gets the share `(life − per + 1)` of the digits `1 + 2 + … + life = life·(life + 1)/2`.
/// Exact in [`Decimal`] (no `f64` anywhere). For a whole `life`, the periods `1..=life`
/// sum to `cost − salvage` exactly up to the rounding of the divisions (28 digits).
///
/// - `cost`: the asset's initial cost;
/// - `salvage`: its value at the end of its life;
/// - `life`: the number of periods of its life (greater than 0; fractions allowed, as in
///   Excel);
/// - `per`: the period, greater than 0 and at most `life` (fractions allowed, as in Excel).
///
/// # Errors
/// - [`FinanceError::Domain`] on `life` when it is not greater than 0, and on `per` when it
///   is not in `(0, life]` (Excel: `#NUM!`);
/// - [`FinanceError::Overflow`] when the result does not fit in a [`Decimal`].
///
/// # Example
/// Microsoft's documented example: a $30,000 truck with a $7,500 salvage value and a
/// 10-year life, `=SYD(30000, 7500, 10, 1)`, depreciates $4,090.91 in year 1 (and
/// `=SYD(30000, 7500, 10, 10)` $409.09 in year 10).
/// ```
/// use gpuecon::{finance::syd, Decimal};
/// let first = syd(30_000.into(), 7_500.into(), 10.into(), 1.into())?;
/// assert_eq!(first.round_dp(2), Decimal::new(409_091, 2));
/// let last = syd(30_000.into(), 7_500.into(), 10.into(), 10.into())?;
/// assert_eq!(last.round_dp(2), Decimal::new(40_909, 2));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn syd(
    cost: Decimal,
    salvage: Decimal,
    life: Decimal,
    per: Decimal,
) -> Result<Decimal, FinanceError> {
    if life <= Decimal::ZERO {
        return Err(FinanceError::Domain {
            field: "life",
            reason: "must be greater than 0",
        });
    }
    if per <= Decimal::ZERO || per > life {
        return Err(FinanceError::Domain {
            field: "per",
            reason: "must be greater than 0 and at most life",
        });
    }
    let depreciable = units::sub(cost, salvage, "salvage")?;
    let digits_left = units::add(units::sub(life, per, "per")?, Decimal::ONE, "per")?;
    let digits_sum = units::mul(life, units::add(life, Decimal::ONE, "life")?, "life")?;
    // (cost − salvage) · digits_left · 2 / digits_sum, dividing first where the product
    // could overflow.
    let share = units::div(
        units::mul(digits_left, Decimal::TWO, "per")?,
        digits_sum,
        "life",
    )?;
    units::mul(depreciable, share, "cost")
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
    fn syd_shares_the_digits() {
        // Life 4: digits 4+3+2+1 = 10; (100 − 0)·4/10 = 40, then 30, 20, 10.
        let per_year: Vec<_> = (1..=4)
            .map(|p| syd(100.into(), 0.into(), 4.into(), p.into()).unwrap())
            .collect();
        assert_eq!(per_year, [40, 30, 20, 10].map(Decimal::from));
        assert!(syd(100.into(), 0.into(), 4.into(), 5.into()).is_err());
        assert!(syd(100.into(), 0.into(), 0.into(), 1.into()).is_err());
        assert!(syd(100.into(), 0.into(), 4.into(), 0.into()).is_err());
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

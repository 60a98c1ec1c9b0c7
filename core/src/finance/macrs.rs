//! MACRS tax depreciation: the US General Depreciation System (GDS) percentage tables for
//! the half-year convention, IRS Publication 946, Appendix A, Table A-1.
//!
//! The 3-, 5-, 7- and 10-year classes decline at 200 % (double) balance, the 15- and
//! 20-year classes at 150 %, each switching to the straight line when that gives more;
//! the half-year convention takes half a year in the first year and the last half in year
//! `N + 1`. The IRS publishes the percentages rounded (to 0.01 %, and 0.001 % for 20-year
//! property), each table summing to exactly 100 %; tax returns use the published numbers,
//! so gpuecon stores them as published rather than recomputing them.
//!
//! GPU servers and other computers are 5-year property.

use crate::{Decimal, FinanceError, units};

/// A GDS recovery class (the property's recovery period in years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MacrsClass {
    /// 3-year property (tractor units, some tools), 200 % declining balance.
    Year3,
    /// 5-year property (computers, GPU servers, cars, trucks), 200 % declining balance.
    Year5,
    /// 7-year property (office furniture, most other equipment), 200 % declining balance.
    Year7,
    /// 10-year property (vessels, some agricultural structures), 200 % declining balance.
    Year10,
    /// 15-year property (land improvements, some utility property), 150 % declining balance.
    Year15,
    /// 20-year property (farm buildings, municipal sewers), 150 % declining balance.
    Year20,
}

/// A percentage as published with three decimals: `p` thousandths of a percent, as a
/// fraction (`20.000 %` is `p = 20_000`, the fraction 0.2).
const fn pct(thousandths_of_a_percent: u32) -> Decimal {
    Decimal::from_parts(thousandths_of_a_percent, 0, 0, false, 5)
}

/// Table A-1, 3-year column.
const YEAR3: [Decimal; 4] = [pct(33_330), pct(44_450), pct(14_810), pct(7_410)];
/// Table A-1, 5-year column.
const YEAR5: [Decimal; 6] = [
    pct(20_000),
    pct(32_000),
    pct(19_200),
    pct(11_520),
    pct(11_520),
    pct(5_760),
];
/// Table A-1, 7-year column.
const YEAR7: [Decimal; 8] = [
    pct(14_290),
    pct(24_490),
    pct(17_490),
    pct(12_490),
    pct(8_930),
    pct(8_920),
    pct(8_930),
    pct(4_460),
];
/// Table A-1, 10-year column.
const YEAR10: [Decimal; 11] = [
    pct(10_000),
    pct(18_000),
    pct(14_400),
    pct(11_520),
    pct(9_220),
    pct(7_370),
    pct(6_550),
    pct(6_550),
    pct(6_560),
    pct(6_550),
    pct(3_280),
];
/// Table A-1, 15-year column.
const YEAR15: [Decimal; 16] = [
    pct(5_000),
    pct(9_500),
    pct(8_550),
    pct(7_700),
    pct(6_930),
    pct(6_230),
    pct(5_900),
    pct(5_900),
    pct(5_910),
    pct(5_900),
    pct(5_910),
    pct(5_900),
    pct(5_910),
    pct(5_900),
    pct(5_910),
    pct(2_950),
];
/// Table A-1, 20-year column.
const YEAR20: [Decimal; 21] = [
    pct(3_750),
    pct(7_219),
    pct(6_677),
    pct(6_177),
    pct(5_713),
    pct(5_285),
    pct(4_888),
    pct(4_522),
    pct(4_462),
    pct(4_461),
    pct(4_462),
    pct(4_461),
    pct(4_462),
    pct(4_461),
    pct(4_462),
    pct(4_461),
    pct(4_462),
    pct(4_461),
    pct(4_462),
    pct(4_461),
    pct(2_231),
];

impl MacrsClass {
    /// Every class, shortest first.
    pub const ALL: [MacrsClass; 6] = [
        Self::Year3,
        Self::Year5,
        Self::Year7,
        Self::Year10,
        Self::Year15,
        Self::Year20,
    ];

    /// The class of a recovery period in years: 3, 5, 7, 10, 15 or 20.
    ///
    /// # Errors
    /// [`FinanceError::Domain`] on `recovery_period` for any other number.
    ///
    /// ```
    /// use gpuecon::{finance::MacrsClass, Decimal};
    /// assert_eq!(MacrsClass::from_years(Decimal::from(5))?, MacrsClass::Year5);
    /// assert!(MacrsClass::from_years(Decimal::from(6)).is_err());
    /// # Ok::<(), gpuecon::FinanceError>(())
    /// ```
    pub fn from_years(recovery_period: Decimal) -> Result<Self, FinanceError> {
        Self::ALL
            .into_iter()
            .find(|class| Decimal::from(class.years()) == recovery_period)
            .ok_or(FinanceError::Domain {
                field: "recovery_period",
                reason: "must be one of the GDS classes 3, 5, 7, 10, 15 or 20 (years)",
            })
    }

    /// The recovery period in years.
    #[must_use]
    pub const fn years(self) -> u32 {
        match self {
            Self::Year3 => 3,
            Self::Year5 => 5,
            Self::Year7 => 7,
            Self::Year10 => 10,
            Self::Year15 => 15,
            Self::Year20 => 20,
        }
    }

    /// The published rates, year 1 first, as fractions of the cost (0.2 is 20 %). There are
    /// `years() + 1` of them (the half-year convention) and they sum to exactly 1.
    ///
    /// ```
    /// use gpuecon::{finance::MacrsClass, Decimal};
    /// let rates = MacrsClass::Year5.rates();
    /// assert_eq!(rates.len(), 6);
    /// assert_eq!(rates[1], Decimal::new(32, 2));
    /// assert_eq!(rates.iter().sum::<Decimal>(), Decimal::ONE);
    /// ```
    #[must_use]
    pub const fn rates(self) -> &'static [Decimal] {
        match self {
            Self::Year3 => &YEAR3,
            Self::Year5 => &YEAR5,
            Self::Year7 => &YEAR7,
            Self::Year10 => &YEAR10,
            Self::Year15 => &YEAR15,
            Self::Year20 => &YEAR20,
        }
    }
}

/// The MACRS (GDS, half-year convention) depreciation of every year of a property's
/// recovery, year 1 first: `cost × rate(year)` with the rates of IRS Publication 946,
/// Table A-1 ([`MacrsClass::rates`]).
///
/// Exact [`Decimal`] arithmetic; the years sum to `cost` exactly (the published rates sum
/// to 100 %). MACRS ignores salvage value.
///
/// # Errors
/// [`FinanceError::Overflow`] on `cost` when a year's amount does not fit in a [`Decimal`].
///
/// # Example
/// A $50,000 GPU server is 5-year property: 20 %, 32 %, 19.2 %, 11.52 %, 11.52 %, 5.76 %.
/// ```
/// use gpuecon::{finance::{macrs_schedule, MacrsClass}, Decimal};
/// let years = macrs_schedule(Decimal::from(50_000), MacrsClass::Year5)?;
/// let expected = [10_000, 16_000, 9_600, 5_760, 5_760, 2_880].map(Decimal::from);
/// assert_eq!(years, expected);
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn macrs_schedule(cost: Decimal, class: MacrsClass) -> Result<Vec<Decimal>, FinanceError> {
    class
        .rates()
        .iter()
        .map(|rate| units::mul(cost, *rate, "cost"))
        .collect()
}

/// The MACRS (GDS, half-year convention) depreciation of one year, in the style of the
/// Excel functions: `cost × rate(recovery_period, year)`, the rate from IRS Publication
/// 946, Table A-1.
///
/// - `cost`: the property's depreciable basis;
/// - `recovery_period`: the class in years, 3, 5, 7, 10, 15 or 20;
/// - `year`: the tax year of the recovery, from 1 to `recovery_period + 1`.
///
/// Exact [`Decimal`] arithmetic.
///
/// # Errors
/// - [`FinanceError::Domain`] on `recovery_period` when it is not a GDS class, and on
///   `year` when it is not a whole number from 1 to `recovery_period + 1`;
/// - [`FinanceError::Overflow`] on `cost` when the result does not fit in a [`Decimal`].
///
/// # Example
/// The second year of a $50,000 server (5-year property, 32 %) is $16,000.
/// ```
/// use gpuecon::{finance::macrs, Decimal};
/// assert_eq!(macrs(50_000.into(), 5.into(), 2.into())?, Decimal::from(16_000));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn macrs(
    cost: Decimal,
    recovery_period: Decimal,
    year: Decimal,
) -> Result<Decimal, FinanceError> {
    let class = MacrsClass::from_years(recovery_period)?;
    let out_of_range = FinanceError::Domain {
        field: "year",
        reason: "must be a whole number from 1 to recovery_period + 1",
    };
    if !year.fract().is_zero() || year < Decimal::ONE {
        return Err(out_of_range);
    }
    let index = usize::try_from(year - Decimal::ONE).map_err(|_| out_of_range.clone())?;
    let rate = class.rates().get(index).ok_or(out_of_range)?;
    units::mul(cost, *rate, "cost")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_sums_to_one_hundred_percent() {
        for class in MacrsClass::ALL {
            let rates = class.rates();
            assert_eq!(rates.len(), usize::try_from(class.years()).unwrap() + 1);
            assert_eq!(rates.iter().sum::<Decimal>(), Decimal::ONE, "{class:?}");
        }
    }

    #[test]
    fn years_outside_the_recovery_are_errors() {
        assert!(macrs(100.into(), 5.into(), 0.into()).is_err());
        assert!(macrs(100.into(), 5.into(), 7.into()).is_err());
        assert!(macrs(100.into(), 5.into(), Decimal::new(15, 1)).is_err());
        assert!(macrs(100.into(), 4.into(), 1.into()).is_err());
        assert_eq!(
            macrs(100.into(), 5.into(), 6.into()),
            Ok(Decimal::new(576, 2))
        );
    }
}

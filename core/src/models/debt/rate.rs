//! [`Interest`]: the annual rate a loan pays each month, fixed or floating (SOFR plus the
//! spread of the [`CreditTier`] of the contract's counterparty).

use serde::{Deserialize, Serialize};

use super::MAX_MONTHS;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// The credit of the counterparty whose contract backs the loan, which sets the spread
/// over SOFR. The defaults are CoreWeave's second delayed draw term loan (docs/domain.md
/// section 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditTier {
    /// A named investment-grade customer: SOFR + 6.00 %.
    NamedInvestmentGrade,
    /// Any other investment-grade customer: SOFR + 6.50 %.
    OtherInvestmentGrade,
    /// A sub-investment-grade customer: SOFR + 13.00 %.
    SubInvestmentGrade,
}

impl CreditTier {
    /// The tier's spread over SOFR, an annual rate.
    ///
    /// ```
    /// use gpuecon::models::debt::CreditTier;
    /// use gpuecon::Decimal;
    /// assert_eq!(CreditTier::SubInvestmentGrade.spread_annual_rate(), Decimal::new(13, 2));
    /// ```
    #[must_use]
    pub const fn spread_annual_rate(self) -> Decimal {
        let basis_points = match self {
            Self::NamedInvestmentGrade => 600,
            Self::OtherInvestmentGrade => 650,
            Self::SubInvestmentGrade => 1300,
        };
        Decimal::from_parts(basis_points, 0, 0, false, 4)
    }
}

/// The interest rate of a loan, tagged by `kind`:
/// `{ "kind": "fixed", "annual_rate": 0.12 }` or
/// `{ "kind": "floating", "sofr_annual_rates": [0.043], "credit_tier": "named_investment_grade" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Interest {
    /// The same annual rate every month.
    Fixed {
        /// The annual rate (greater than −1, that is −100 %).
        annual_rate: Decimal,
    },
    /// SOFR plus a spread, month by month.
    Floating {
        /// SOFR as an annual rate, one value a month from month 1 (each greater than −1); the
        /// last value holds for the months after it (a single value is a flat SOFR).
        sofr_annual_rates: Vec<Decimal>,
        /// The credit tier of the contract's counterparty, which sets the spread.
        credit_tier: CreditTier,
        /// A spread that replaces the tier's (an annual rate, at least 0; default: the
        /// tier's).
        #[serde(default)]
        spread_annual_rate: Option<Decimal>,
        /// The lowest SOFR the loan accrues on (an annual rate; loan documents often set
        /// 0 or more): the rate is `max(SOFR, floor) + spread`. Default: none.
        #[serde(default)]
        sofr_floor_annual_rate: Option<Decimal>,
    },
}

impl Validate for Interest {
    /// Every problem with the rate, in field order.
    ///
    /// ```
    /// use gpuecon::models::debt::Interest;
    /// use gpuecon::models::Validate;
    /// let rate: Interest = serde_json::from_str(r#"{ "kind": "floating",
    ///   "sofr_annual_rates": [0.04, -1.5], "credit_tier": "other_investment_grade",
    ///   "spread_annual_rate": -0.01 }"#).unwrap();
    /// let fields: Vec<_> = rate.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["sofr_annual_rates[1]", "spread_annual_rate"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        match self {
            Self::Fixed { annual_rate } => above_minus_one(c, "annual_rate", *annual_rate),
            Self::Floating {
                sofr_annual_rates,
                spread_annual_rate,
                sofr_floor_annual_rate,
                ..
            } => {
                if sofr_annual_rates.is_empty() {
                    c.problem("sofr_annual_rates", "must hold at least one value");
                }
                for (i, sofr) in sofr_annual_rates.iter().enumerate() {
                    above_minus_one(c, &format!("sofr_annual_rates[{i}]"), *sofr);
                }
                if let Some(spread) = spread_annual_rate {
                    c.at_least("spread_annual_rate", *spread, Decimal::ZERO);
                }
                if let Some(floor) = sofr_floor_annual_rate {
                    above_minus_one(c, "sofr_floor_annual_rate", *floor);
                }
            }
        }
    }
}

/// Records a problem unless `rate > −1` (−100 %).
fn above_minus_one(c: &mut Checker, field: &str, rate: Decimal) {
    if rate <= Decimal::NEGATIVE_ONE {
        c.problem(field, "must be greater than -1 (-100 %)");
    }
}

impl Interest {
    /// The spread over SOFR of a floating rate (the explicit one, else the tier's); `None`
    /// for a fixed rate.
    ///
    /// ```
    /// use gpuecon::models::debt::{CreditTier, Interest};
    /// use gpuecon::Decimal;
    /// let rate = Interest::Floating {
    ///     sofr_annual_rates: vec![Decimal::new(43, 3)],
    ///     credit_tier: CreditTier::OtherInvestmentGrade,
    ///     spread_annual_rate: None,
    ///     sofr_floor_annual_rate: None,
    /// };
    /// assert_eq!(rate.spread(), Some(Decimal::new(65, 3)));
    /// ```
    #[must_use]
    pub fn spread(&self) -> Option<Decimal> {
        match self {
            Self::Fixed { .. } => None,
            Self::Floating {
                credit_tier,
                spread_annual_rate,
                ..
            } => Some(spread_annual_rate.unwrap_or_else(|| credit_tier.spread_annual_rate())),
        }
    }

    /// The annual rate in months 1 to `months`: the fixed rate, or `max(SOFR, floor) +
    /// spread`.
    ///
    /// # Errors
    /// The first problem with the rate (by its path: `sofr_annual_rates[2]`), a domain
    /// error on `months` above [`MAX_MONTHS`], or an overflow on `spread_annual_rate`.
    ///
    /// # Example
    /// SOFR at 4.3 % then 4.1 % (held), a named investment-grade customer (+ 6.00 %), and a
    /// floor of 4.2 %:
    /// ```
    /// use gpuecon::models::debt::Interest;
    /// use gpuecon::Decimal;
    /// let rate: Interest = serde_json::from_str(r#"{ "kind": "floating",
    ///   "sofr_annual_rates": ["0.043", "0.041"], "credit_tier": "named_investment_grade",
    ///   "sofr_floor_annual_rate": "0.042" }"#).unwrap();
    /// assert_eq!(rate.annual_rates(3)?, [Decimal::new(103, 3), Decimal::new(102, 3), Decimal::new(102, 3)]);
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn annual_rates(&self, months: u32) -> Result<Vec<Decimal>, ModelError> {
        if months > MAX_MONTHS {
            return Err(ModelError::domain("months", "must be at most 1200 months"));
        }
        self.ensure_valid()?;
        (1..=months)
            .map(|month| self.annual_rate_in(month))
            .collect()
    }

    /// SOFR as quoted in `month` (from 1; before any floor), `None` for a fixed rate.
    pub(super) fn sofr_in(&self, month: u32) -> Option<Decimal> {
        match self {
            Self::Fixed { .. } => None,
            Self::Floating {
                sofr_annual_rates, ..
            } => {
                let index = usize::try_from(month.saturating_sub(1)).unwrap_or(usize::MAX);
                sofr_annual_rates
                    .get(index)
                    .or(sofr_annual_rates.last())
                    .copied()
            }
        }
    }

    /// The annual rate in `month` (from 1) of a rate already checked.
    fn annual_rate_in(&self, month: u32) -> Result<Decimal, ModelError> {
        match self {
            Self::Fixed { annual_rate } => Ok(*annual_rate),
            Self::Floating {
                sofr_floor_annual_rate,
                ..
            } => {
                let sofr = self.sofr_in(month).ok_or_else(|| {
                    ModelError::domain("sofr_annual_rates", "must hold at least one value")
                })?;
                let floored = sofr_floor_annual_rate.map_or(sofr, |floor| sofr.max(floor));
                let spread = self.spread().unwrap_or_default();
                Ok(units::add(floored, spread, "spread_annual_rate")?)
            }
        }
    }
}

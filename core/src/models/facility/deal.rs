//! [`implied_lease_rate`]: the $/kW-month a published lease deal works out to.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, KW_PER_MW, MONTHS_PER_YEAR};

/// What [`implied_lease_rate`] needs: a deal's headline figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealInputs {
    /// The total contract value in USD, undiscounted (greater than 0).
    pub total_contract_value_usd: Decimal,
    /// The term in months (greater than 0).
    pub term_months: u32,
    /// The contracted critical IT capacity in MW (greater than 0).
    pub contracted_mw: Decimal,
}

/// The result of [`implied_lease_rate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealRate {
    /// `contracted_mw × 1000`.
    pub contracted_kw: Decimal,
    /// `contracted_kw × term_months`.
    pub kw_months: Decimal,
    /// `total_contract_value ÷ kw_months`: the average all-in rent.
    pub usd_per_kw_month: Decimal,
    /// `total_contract_value × 12 ÷ term_months`: the average annual value.
    pub annual_value_usd: Decimal,
}

impl Validate for DealInputs {
    fn check(&self, c: &mut Checker) {
        c.positive("total_contract_value_usd", self.total_contract_value_usd);
        c.nonzero("term_months", self.term_months);
        c.positive("contracted_mw", self.contracted_mw);
    }
}

/// The average rent a lease deal implies (docs/domain.md section 7):
///
/// ```text
/// $/kW-month = total contract value ÷ (term months × contracted kW)     (undiscounted)
/// annual     = total contract value × 12 ÷ term months
/// ```
///
/// Published HPC hosting deals, checked in this module's tests:
///
/// | deal | value | MW | term | $/kW-month |
/// |---|---|---|---|---|
/// | Core Scientific ↔ CoreWeave | $8.7B | 500 | 12 years | 8.7e9 ÷ (144 × 500,000) = 120.83 |
/// | Applied Digital ↔ CoreWeave | ~$11B | 400 | ~15 years | 11e9 ÷ (180 × 400,000) = 152.78 |
/// | TeraWulf ↔ Fluidstack | $3.7B | 200 | 10 years | 3.7e9 ÷ (120 × 200,000) = 154.17 |
///
/// The figure is an undiscounted average over the term: with an escalator the first
/// year's rent is lower, and headline values may include more than rent (fit-out, power
/// pass-throughs). Compare it with [`lease_schedule`](super::lease_schedule)'s
/// `totals.usd_per_kw_month`, computed the same way.
///
/// # Errors
/// [`ModelError::Domain`] on a value, term or capacity that is not positive;
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// Core Scientific ↔ CoreWeave: $8.7B over 12 years for ~500 MW is ~$121/kW-month, and
/// $725M a year.
/// ```
/// use gpuecon::models::facility::{implied_lease_rate, DealInputs};
/// use gpuecon::Decimal;
/// let deal = implied_lease_rate(&DealInputs {
///     total_contract_value_usd: Decimal::from(8_700_000_000_u64),
///     term_months: 144,
///     contracted_mw: Decimal::from(500),
/// })?;
/// assert_eq!(deal.usd_per_kw_month.round_dp(0), Decimal::from(121));
/// assert_eq!(deal.annual_value_usd, Decimal::from(725_000_000));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn implied_lease_rate(inputs: &DealInputs) -> Result<DealRate, ModelError> {
    inputs.ensure_valid()?;
    let months = Decimal::from(inputs.term_months);
    let contracted_kw = units::mul(inputs.contracted_mw, KW_PER_MW, "contracted_mw")?;
    let kw_months = units::mul(contracted_kw, months, "contracted_mw")?;
    let value = inputs.total_contract_value_usd;
    let per_year = units::mul(value, MONTHS_PER_YEAR, "total_contract_value_usd")?;
    Ok(DealRate {
        contracted_kw: contracted_kw.normalize(),
        kw_months: kw_months.normalize(),
        usd_per_kw_month: units::div(value, kw_months, "contracted_mw")?.normalize(),
        annual_value_usd: units::div(per_year, months, "term_months")?.normalize(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn rate(value: &str, years: u32, mw: &str) -> DealRate {
        implied_lease_rate(&DealInputs {
            total_contract_value_usd: d(value),
            term_months: years * 12,
            contracted_mw: d(mw),
        })
        .unwrap()
    }

    #[test]
    fn core_scientific_coreweave_is_about_121() {
        // 500 MW = 500,000 kW; 12 years = 144 months; 144 × 500,000 = 72,000,000 kW-months;
        // 8,700,000,000 / 72,000,000 = 120.8333… ≈ $121/kW-month; 8.7e9 / 12 = $725M a year.
        let deal = rate("8700000000", 12, "500");
        assert_eq!(deal.kw_months, d("72000000"));
        assert_eq!(deal.usd_per_kw_month.round_dp(4), d("120.8333"));
        assert_eq!(deal.usd_per_kw_month.round_dp(0), d("121"));
        assert_eq!(deal.annual_value_usd, d("725000000"));
    }

    #[test]
    fn applied_digital_coreweave_is_about_153() {
        // 400 MW × 180 months = 72,000,000 kW-months; 11e9 / 72e6 = 152.7777… ≈ $153
        let deal = rate("11000000000", 15, "400");
        assert_eq!(deal.kw_months, d("72000000"));
        assert_eq!(deal.usd_per_kw_month.round_dp(4), d("152.7778"));
        assert_eq!(deal.usd_per_kw_month.round_dp(0), d("153"));
    }

    #[test]
    fn terawulf_fluidstack_is_about_154() {
        // 200 MW × 120 months = 24,000,000 kW-months; 3.7e9 / 24e6 = 154.1666… ≈ $154;
        // $370M a year.
        let deal = rate("3700000000", 10, "200");
        assert_eq!(deal.kw_months, d("24000000"));
        assert_eq!(deal.usd_per_kw_month.round_dp(4), d("154.1667"));
        assert_eq!(deal.usd_per_kw_month.round_dp(0), d("154"));
        assert_eq!(deal.annual_value_usd, d("370000000"));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let bad = DealInputs {
            total_contract_value_usd: Decimal::ZERO,
            term_months: 0,
            contracted_mw: d("-1"),
        };
        let all: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            ["total_contract_value_usd", "term_months", "contracted_mw"]
        );
        let huge = DealInputs {
            total_contract_value_usd: d("1"),
            term_months: 12,
            contracted_mw: Decimal::MAX,
        };
        let err = implied_lease_rate(&huge).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "contracted_mw")
        );
    }
}

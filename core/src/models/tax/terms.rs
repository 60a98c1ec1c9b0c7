//! [`Taxes`]: the rates and limits; [`TaxInputs`]: them and the monthly series they apply to.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::finance::MacrsClass;
use crate::models::check::{Checker, Validate};
use crate::units::MAX_MONTHS;

/// The taxes of a box: income tax rate, the 163(j) and NOL limits, MACRS, bonus
/// depreciation and property tax. Only the income tax rate has no default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxes {
    /// The corporate income tax rate, in [0, 1]: 0.21 federal (IRC section 11(b)), about
    /// 0.25 with a typical state's tax.
    pub income_tax_rate: Decimal,
    /// The deductible interest, as a share of ATI (EBITDA), in [0, 1] (default 0.30, IRC
    /// section 163(j)).
    #[serde(default = "thirty_percent")]
    pub interest_limit_share_of_ebitda: Decimal,
    /// The share of a year's taxable income that carried losses may offset, in [0, 1]
    /// (default 0.80, IRC section 172(a)(2)).
    #[serde(default = "eighty_percent")]
    pub nol_limit_share_of_taxable_income: Decimal,
    /// The MACRS recovery period in years: 3, 5, 7, 10, 15 or 20 (default 5: computers and
    /// GPU servers, IRS asset class 00.12).
    #[serde(default = "five_years")]
    pub macrs_recovery_years: u32,
    /// The share of the cost deducted in the year it is placed in service (bonus
    /// depreciation, IRC section 168(k)), in [0, 1] (default 0; the law of 2025 allows 1
    /// for property acquired after 2025-01-19).
    #[serde(default)]
    pub bonus_depreciation_share: Decimal,
    /// Property tax a year as a share of the equipment's cost, in [0, 1] (default 0; an
    /// effective 0.01-0.02 on business personal property in most US states).
    #[serde(default)]
    pub property_tax_rate: Decimal,
}

/// The default deductible interest as a share of ATI: 0.30 (IRC section 163(j)(1)(B)).
pub const INTEREST_LIMIT_SHARE_OF_EBITDA: Decimal = Decimal::from_parts(30, 0, 0, false, 2);

/// The default share of taxable income that carried losses may offset: 0.80 (IRC section
/// 172(a)(2), losses of tax years after 2017).
pub const NOL_LIMIT_SHARE_OF_TAXABLE_INCOME: Decimal = Decimal::from_parts(80, 0, 0, false, 2);

const fn thirty_percent() -> Decimal {
    INTEREST_LIMIT_SHARE_OF_EBITDA
}

const fn eighty_percent() -> Decimal {
    NOL_LIMIT_SHARE_OF_TAXABLE_INCOME
}

const fn five_years() -> u32 {
    5
}

impl Taxes {
    /// The MACRS class of the recovery period, if it is one.
    pub(super) fn macrs_class(&self) -> Option<MacrsClass> {
        MacrsClass::from_years(Decimal::from(self.macrs_recovery_years)).ok()
    }
}

impl Validate for Taxes {
    fn check(&self, c: &mut Checker) {
        c.fraction("income_tax_rate", self.income_tax_rate);
        c.fraction(
            "interest_limit_share_of_ebitda",
            self.interest_limit_share_of_ebitda,
        );
        c.fraction(
            "nol_limit_share_of_taxable_income",
            self.nol_limit_share_of_taxable_income,
        );
        if self.macrs_class().is_none() {
            c.problem("macrs_recovery_years", "must be 3, 5, 7, 10, 15 or 20");
        }
        c.fraction("bonus_depreciation_share", self.bonus_depreciation_share);
        c.fraction("property_tax_rate", self.property_tax_rate);
    }
}

/// What [`tax_schedule`](super::tax_schedule) needs: the box's months and its taxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxInputs {
    /// EBITDA (revenue − cash operating costs, before property tax), USD a month from
    /// month 1 (entry `i` is month `i + 1`): the horizon, 1 to 1200 months.
    pub ebitda_usd: Vec<Decimal>,
    /// Interest expense as accrued, USD a month from month 1 (default none; missing months
    /// are 0; at most one value a month of the horizon).
    #[serde(default)]
    pub interest_usd: Vec<Decimal>,
    /// The cost of the equipment placed in service, USD, each at least 0: entry 0 at the
    /// close, entry `k` at the end of month `k` (at most one a month of the horizon).
    pub placed_in_service_usd: Vec<Decimal>,
    /// The rates and limits.
    pub taxes: Taxes,
}

impl Validate for TaxInputs {
    /// Every problem, in field order.
    ///
    /// ```
    /// use gpuecon::models::tax::TaxInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: TaxInputs = serde_json::from_str(r#"{
    ///   "ebitda_usd": [1, 2], "interest_usd": [1, 2, 3], "placed_in_service_usd": [-1],
    ///   "taxes": { "income_tax_rate": 1.5, "macrs_recovery_years": 6 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, [
    ///     "interest_usd", "placed_in_service_usd[0]", "taxes.income_tax_rate",
    ///     "taxes.macrs_recovery_years",
    /// ]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let months = self.ebitda_usd.len();
        if months == 0 {
            c.problem("ebitda_usd", "must hold at least one month");
        } else if months > usize::try_from(MAX_MONTHS).unwrap_or(usize::MAX) {
            c.problem("ebitda_usd", "must hold at most 1200 months");
        }
        if self.interest_usd.len() > months {
            c.problem("interest_usd", "must not run past ebitda_usd's months");
        }
        if self.placed_in_service_usd.len() > months.saturating_add(1) {
            c.problem(
                "placed_in_service_usd",
                "must not run past ebitda_usd's months (entry k is the end of month k)",
            );
        }
        for (i, cost) in self.placed_in_service_usd.iter().enumerate() {
            c.at_least(&format!("placed_in_service_usd[{i}]"), *cost, Decimal::ZERO);
        }
        c.nested("taxes", &self.taxes);
    }
}

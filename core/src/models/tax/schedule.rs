//! [`tax_schedule`]: a box's taxes month by month and tax year by tax year.

use serde::{Deserialize, Serialize};

use super::terms::TaxInputs;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::Validate;
use crate::units::{self, MONTHS_PER_YEAR};

/// One month's taxes, USD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxMonth {
    /// The month (1 is the first after the close).
    pub month: u32,
    /// Property tax on the cost in service at the start of the month.
    pub property_tax_usd: Decimal,
    /// Income tax paid this month (an estimated installment of its tax year).
    pub income_tax_usd: Decimal,
    /// Property tax + income tax: what the waterfall pays from CFADS.
    pub taxes_usd: Decimal,
}

/// One tax year, USD (formulas in the [module docs](super)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxYear {
    /// The tax year (1 from the close).
    pub year: u32,
    /// Its first and last months.
    pub first_month: u32,
    /// Its last month (12 × year, or the horizon's last).
    pub last_month: u32,
    /// EBITDA of its months.
    pub ebitda_usd: Decimal,
    /// Property tax of its months.
    pub property_tax_usd: Decimal,
    /// EBITDA − property tax: 163(j)'s adjusted taxable income.
    pub adjusted_taxable_income_usd: Decimal,
    /// Bonus depreciation of this year's placements.
    pub bonus_depreciation_usd: Decimal,
    /// MACRS depreciation of the cost left after bonus.
    pub macrs_depreciation_usd: Decimal,
    /// Interest expense of its months.
    pub interest_usd: Decimal,
    /// Interest disallowed in earlier years, carried in.
    pub interest_carried_in_usd: Decimal,
    /// Interest deducted: at most the limit share of ATI.
    pub interest_deductible_usd: Decimal,
    /// Interest disallowed, carried forward.
    pub interest_carried_forward_usd: Decimal,
    /// ATI − depreciation − deductible interest (negative: a loss).
    pub taxable_income_before_nol_usd: Decimal,
    /// Carried losses used.
    pub nol_used_usd: Decimal,
    /// Carried losses left at the end of the year.
    pub nol_balance_usd: Decimal,
    /// Taxable income after the NOL deduction (at least 0).
    pub taxable_income_usd: Decimal,
    /// Income tax: rate × taxable income.
    pub income_tax_usd: Decimal,
}

/// Sums over the horizon, USD.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TaxTotals {
    /// Income tax.
    pub income_tax_usd: Decimal,
    /// Property tax.
    pub property_tax_usd: Decimal,
    /// Both.
    pub taxes_usd: Decimal,
}

/// The result of [`tax_schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxSchedule {
    /// One entry per month of the horizon.
    pub months: Vec<TaxMonth>,
    /// One entry per tax year (the last one shorter when the horizon ends inside it).
    pub years: Vec<TaxYear>,
    /// Sums.
    pub totals: TaxTotals,
}

/// The months of the estimated installments in a tax year (IRC section 6655).
const INSTALLMENT_MONTHS: [u32; 4] = [4, 6, 9, 12];

/// A box's taxes (formulas and conventions in the [module docs](super)): property tax
/// each month, income tax by tax year of 12 months from the close, paid in four
/// installments. A pure function of its inputs.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input by its path (`ebitda_usd` empty or
/// above 1200 months, `interest_usd` or `placed_in_service_usd` longer than the horizon,
/// `placed_in_service_usd[2]` negative, `taxes.income_tax_rate` outside [0, 1],
/// `taxes.macrs_recovery_years` not a MACRS class, …); [`ModelError::Finance`] on overflow.
///
/// # Example
/// $1,200,000 of EBITDA in a year, $1,000,000 of GPUs at the close with 100 % bonus
/// depreciation, no interest, 21 %: taxable income 200,000, tax 42,000, paid 10,500 in
/// months 4, 6, 9 and 12.
/// ```
/// use gpuecon::models::tax::{tax_schedule, TaxInputs};
/// use gpuecon::Decimal;
/// let inputs: TaxInputs = serde_json::from_str(r#"{
///   "ebitda_usd": [100000, 100000, 100000, 100000, 100000, 100000,
///                  100000, 100000, 100000, 100000, 100000, 100000],
///   "placed_in_service_usd": [1000000],
///   "taxes": { "income_tax_rate": "0.21", "bonus_depreciation_share": 1 }
/// }"#).unwrap();
/// let taxes = tax_schedule(&inputs)?;
/// assert_eq!(taxes.years[0].income_tax_usd, Decimal::from(42_000));
/// assert_eq!(taxes.months[3].income_tax_usd, Decimal::from(10_500));
/// assert_eq!(taxes.months[4].income_tax_usd, Decimal::ZERO);
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn tax_schedule(inputs: &TaxInputs) -> Result<TaxSchedule, ModelError> {
    inputs.ensure_valid()?;
    let t = &inputs.taxes;
    let rates = t
        .macrs_class()
        .ok_or_else(|| {
            ModelError::domain(
                "taxes.macrs_recovery_years",
                "must be 3, 5, 7, 10, 15 or 20",
            )
        })?
        .rates();
    let horizon = u32::try_from(inputs.ebitda_usd.len()).unwrap_or(u32::MAX);
    let placed = |k: u32| -> Decimal {
        usize::try_from(k)
            .ok()
            .and_then(|k| inputs.placed_in_service_usd.get(k))
            .copied()
            .unwrap_or_default()
    };
    let month_value = |series: &[Decimal], m: u32| -> Decimal {
        usize::try_from(m.saturating_sub(1))
            .ok()
            .and_then(|i| series.get(i))
            .copied()
            .unwrap_or_default()
    };
    let monthly_property_rate = units::div(t.property_tax_rate, MONTHS_PER_YEAR, "taxes")?;
    // Cost placed in service by tax year of placement (index 0 is year 1).
    let years_count = horizon.div_ceil(12);
    let mut placed_by_year = vec![Decimal::ZERO; usize::try_from(years_count).unwrap_or(0)];
    for k in 0..=horizon {
        let year = usize::try_from(k / 12).unwrap_or(usize::MAX);
        if let Some(slot) = placed_by_year.get_mut(year) {
            *slot = units::add(*slot, placed(k), "placed_in_service_usd")?;
        }
    }
    let after_bonus = units::sub(Decimal::ONE, t.bonus_depreciation_share, "taxes")?;

    let mut months = Vec::with_capacity(inputs.ebitda_usd.len());
    let mut years = Vec::with_capacity(placed_by_year.len());
    let mut totals = TaxTotals::default();
    let (mut in_service, mut interest_carried, mut nol) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for year in 1..=years_count {
        let first = 12 * (year - 1) + 1;
        let last = (12 * year).min(horizon);
        let (mut ebitda, mut interest, mut property) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut property_by_month = Vec::with_capacity(12);
        for m in first..=last {
            // The cost placed at the close or at the end of month m − 1 is taxed from m.
            in_service = units::add(in_service, placed(m - 1), "placed_in_service_usd")?;
            let tax = units::amount(units::mul(in_service, monthly_property_rate, "taxes")?);
            property_by_month.push(tax);
            property = units::add(property, tax, "taxes.property_tax_rate")?;
            ebitda = units::add(ebitda, month_value(&inputs.ebitda_usd, m), "ebitda_usd")?;
            interest = units::add(
                interest,
                month_value(&inputs.interest_usd, m),
                "interest_usd",
            )?;
        }
        let ati = units::sub(ebitda, property, "ebitda_usd")?;
        let this_year = usize::try_from(year - 1).unwrap_or(usize::MAX);
        let bonus = units::amount(units::mul(
            placed_by_year.get(this_year).copied().unwrap_or_default(),
            t.bonus_depreciation_share,
            "taxes.bonus_depreciation_share",
        )?);
        let mut macrs = Decimal::ZERO;
        for (p, cost) in placed_by_year.iter().enumerate().take(this_year + 1) {
            let Some(rate) = rates.get(this_year - p) else {
                continue;
            };
            let basis = units::mul(*cost, after_bonus, "taxes.bonus_depreciation_share")?;
            macrs = units::add(macrs, units::mul(basis, *rate, "taxes")?, "taxes")?;
        }
        let macrs = units::amount(macrs);
        let owed = units::add(interest, interest_carried, "interest_usd")?;
        let limit = units::amount(units::mul(
            t.interest_limit_share_of_ebitda,
            ati.max(Decimal::ZERO),
            "taxes.interest_limit_share_of_ebitda",
        )?);
        let deductible = owed.min(limit);
        let carried_forward = units::sub(owed, deductible, "interest_usd")?;
        let depreciation = units::add(bonus, macrs, "taxes")?;
        let before_nol = units::sub(
            units::sub(ati, depreciation, "taxes")?,
            deductible,
            "interest_usd",
        )?;
        let nol_in = nol;
        let (nol_used, taxable) = if before_nol < Decimal::ZERO {
            nol = units::sub(nol, before_nol, "ebitda_usd")?;
            (Decimal::ZERO, Decimal::ZERO)
        } else {
            let allowed = units::amount(units::mul(
                t.nol_limit_share_of_taxable_income,
                before_nol,
                "taxes.nol_limit_share_of_taxable_income",
            )?);
            let used = nol_in.min(allowed);
            nol = units::sub(nol, used, "ebitda_usd")?;
            (used, units::sub(before_nol, used, "ebitda_usd")?)
        };
        let income_tax = units::amount(units::mul(
            t.income_tax_rate,
            taxable,
            "taxes.income_tax_rate",
        )?);
        let installments = installments(income_tax, first, last)?;
        for (m, property_tax) in (first..=last).zip(property_by_month) {
            let income = installments
                .iter()
                .filter(|(due, _)| *due == m)
                .try_fold(Decimal::ZERO, |sum, (_, amount)| {
                    units::add(sum, *amount, "taxes")
                })?;
            let taxes = units::add(property_tax, income, "taxes")?;
            months.push(TaxMonth {
                month: m,
                property_tax_usd: property_tax,
                income_tax_usd: income,
                taxes_usd: taxes,
            });
        }
        totals.income_tax_usd = units::add(totals.income_tax_usd, income_tax, "taxes")?;
        totals.property_tax_usd = units::add(totals.property_tax_usd, property, "taxes")?;
        years.push(TaxYear {
            year,
            first_month: first,
            last_month: last,
            ebitda_usd: ebitda,
            property_tax_usd: property,
            adjusted_taxable_income_usd: ati,
            bonus_depreciation_usd: bonus,
            macrs_depreciation_usd: macrs,
            interest_usd: interest,
            interest_carried_in_usd: interest_carried,
            interest_deductible_usd: deductible,
            interest_carried_forward_usd: carried_forward,
            taxable_income_before_nol_usd: before_nol,
            nol_used_usd: nol_used,
            nol_balance_usd: nol,
            taxable_income_usd: taxable,
            income_tax_usd: income_tax,
        });
        interest_carried = carried_forward;
    }
    totals.taxes_usd = units::add(totals.income_tax_usd, totals.property_tax_usd, "taxes")?;
    Ok(TaxSchedule {
        months,
        years,
        totals,
    })
}

/// The year's tax in four installments of 25 % due in months 4, 6, 9 and 12 of a tax year
/// running from `first` to `last` (those past `last` due in it), the last taking the
/// rounding: `(month, amount)`.
fn installments(tax: Decimal, first: u32, last: u32) -> Result<Vec<(u32, Decimal)>, ModelError> {
    let quarter = units::amount(units::div(tax, Decimal::from(4), "taxes")?);
    let mut left = tax;
    let mut due = Vec::with_capacity(INSTALLMENT_MONTHS.len());
    for (i, month) in INSTALLMENT_MONTHS.iter().enumerate() {
        let amount = if i + 1 == INSTALLMENT_MONTHS.len() {
            left
        } else {
            quarter
        };
        left = units::sub(left, amount, "taxes")?;
        due.push(((first + month - 1).min(last), amount));
    }
    Ok(due)
}

//! Taxes of a box (docs/domain.md section 8a): US corporate income tax on tax years of 12
//! months from the close, with MACRS tax depreciation, bonus depreciation, the section
//! 163(j) limit on interest, net operating losses, and property tax on the equipment.
//!
//! - [`tax_schedule`]: the taxes month by month and tax year by tax year;
//! - [`Taxes`]: the rates and limits (a box's `taxes` section); [`TaxInputs`]: them and the
//!   box's monthly series.
//!
//! # Formulas
//!
//! Tax year `y` is months `12(y − 1) + 1` to `12y` from the close (the last one shorter
//! when the horizon ends inside it, with the same rules). Equipment placed in service at
//! the close (entry 0 of `placed_in_service_usd`) or at the end of month `k` (entry `k`)
//! belongs to tax year `⌊k / 12⌋ + 1` and is taxed from month `k + 1`. For each year:
//!
//! ```text
//! property tax_m   = property tax rate × cost in service at the start of month m ÷ 12
//! ATI              = EBITDA − property tax                 (163(j)'s adjusted taxable income,
//!                                                           EBITDA-based as from 2025)
//! bonus            = bonus share × cost placed in service this year
//! MACRS            = Σ over earlier and this year's placements p of
//!                    (1 − bonus share) × cost_p × rate(y − p + 1)   (IRS Pub. 946 table A-1)
//! interest owed    = interest this year + interest carried in
//! deductible       = min(interest owed, limit share × max(ATI, 0))
//! carried forward  = interest owed − deductible            (indefinitely)
//! TI               = ATI − bonus − MACRS − deductible      (taxable income before the NOL)
//! TI < 0:          NOL balance += −TI; tax = 0
//! TI ≥ 0:          NOL used = min(NOL balance, NOL limit share × TI);
//!                  taxable = TI − NOL used; tax = income tax rate × taxable
//! ```
//!
//! # Conventions (where the law leaves a choice to the model)
//!
//! - **Tax years from the close**, not calendar years: a box's SPV is assumed to elect a
//!   fiscal year ending on the close's anniversary (a short first year is not modelled).
//! - **Payment**: the year's income tax is paid in the four estimated installments of IRC
//!   section 6655, 25 % each in months 4, 6, 9 and 12 of the tax year (at the current
//!   year's tax, the 100 % safe harbour, as a model with the year's figures does); in a
//!   short last year the installments falling after its end are paid in its last month.
//!   Property tax is paid month by month as it accrues.
//! - **Half-year convention** for every placement (the mid-quarter rule, for years with
//!   more than 40 % of their cost placed in the last quarter, is not applied); no
//!   disposition: the tax on the sale at the horizon (section 1245 recapture) is not
//!   modelled.
//! - **Interest** is the interest expense as accrued (paid or capitalized, and net hedge
//!   settlements: the box passes them), deductible subject to 163(j) with no small-business
//!   exemption; ATI at or below 0 allows no interest.
//! - **No carryback and no refund**: a loss is carried forward (post-2017 NOLs, the 80 %
//!   limit of section 172(a)(2)); income tax is never negative.
//! - **Property tax** is on the original cost of the equipment in service (states assess
//!   business personal property on cost with their own schedules, not on federal bonus or
//!   MACRS basis): the stated rate is the effective rate on cost. It is deductible (it is
//!   taken from ATI).
//! - **Amounts** are kept to [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES)
//!   (12) places; the installments of a year add up to its tax exactly (the last takes the
//!   rounding).
//!
//! Errors name the first bad input by its path (`ebitda_usd`, `terms.income_tax_rate`,
//! `placed_in_service_usd[3]`); nothing panics.

mod schedule;
mod terms;

pub use schedule::{TaxMonth, TaxSchedule, TaxTotals, TaxYear, tax_schedule};
pub use terms::{
    INTEREST_LIMIT_SHARE_OF_EBITDA, NOL_LIMIT_SHARE_OF_TAXABLE_INCOME, TaxInputs, Taxes,
};

#[cfg(test)]
mod tests;

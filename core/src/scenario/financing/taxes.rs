//! Where taxes enter the box's waterfall: one series, a line of each month's CFADS.
//!
//! With a `taxes` section, the box's taxes are [`models::tax`](crate::models::tax)'s on
//! the scenario's months: EBITDA = revenue − cash operating costs (the gross margin, as
//! the months recognize revenue: prepayments are taxed as they are applied), the fleet's
//! capex placed in service at the close and with each delivery, and the loan's interest
//! as accrued (paid or capitalized) plus the hedges' net settlements, as scheduled (fees
//! are not deducted). Sizing is on CFADS after the *unlevered* tax (no interest deducted),
//! so that the debt does not depend on itself; the waterfall pays the *levered* tax of
//! the scheduled loan, which is at most the unlevered one, so DSCR stays at or above the
//! target.

use super::super::report::{MonthReport, Summary};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::debt::DebtMonth;
use crate::models::tax::{TaxInputs, TaxSchedule, Taxes, tax_schedule};
use crate::units;

/// The taxes the box pays each month (index 0 is month 1) with the loan scheduled as
/// `loan` (empty: unlevered), and the tax schedule; zeros and `None` without a taxes
/// section.
///
/// # Errors
/// The tax model's, within `financing.taxes` (or its series: `ebitda_usd`).
pub(super) fn taxes_usd(
    taxes: Option<&Taxes>,
    months: &[MonthReport],
    summary: &Summary,
    loan: &[DebtMonth],
) -> Result<(Vec<Decimal>, Option<TaxSchedule>), ModelError> {
    let Some(terms) = taxes else {
        return Ok((vec![Decimal::ZERO; months.len()], None));
    };
    let delivered = months.iter().try_fold(Decimal::ZERO, |sum, m| {
        units::add(sum, m.capex_usd, "fleet")
    })?;
    let at_close = units::sub(summary.capex_usd, delivered, "fleet")?;
    let interest = loan
        .iter()
        .take(months.len())
        .map(|m| {
            let hedges = units::sub(m.swap_settlement_usd, m.cap_payout_usd, "financing")?;
            Ok(units::add(m.interest_usd, hedges, "financing")?)
        })
        .collect::<Result<Vec<_>, ModelError>>()?;
    let schedule = tax_schedule(&TaxInputs {
        ebitda_usd: months.iter().map(|m| m.gross_margin_usd).collect(),
        interest_usd: interest,
        placed_in_service_usd: std::iter::once(at_close)
            .chain(months.iter().map(|m| m.capex_usd))
            .collect(),
        taxes: terms.clone(),
    })
    .map_err(|e| e.within("financing"))?;
    let paid = schedule.months.iter().map(|m| m.taxes_usd).collect();
    Ok((paid, Some(schedule)))
}

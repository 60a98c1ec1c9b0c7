//! Where taxes enter the box's waterfall: one series, a line of each month's CFADS.

use super::super::report::MonthReport;
use crate::Decimal;
use crate::models::ModelError;

/// The taxes the box pays each month (index 0 is month 1), deducted from CFADS before
/// debt service (docs/domain.md section 8a).
///
/// The scenario has no taxes section yet, so every month is 0. The corporate income
/// and property tax model (`models::tax`, issue 15 item 5) plugs in here: give this
/// function the scenario's taxes section and return its monthly tax paid; nothing else
/// in the waterfall changes.
///
/// # Errors
/// None yet; a tax model's overflow will be reported with its field.
pub(super) fn taxes_usd(months: &[MonthReport]) -> Result<Vec<Decimal>, ModelError> {
    Ok(vec![Decimal::ZERO; months.len()])
}

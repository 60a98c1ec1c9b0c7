//! Coverage over a loan's life: the present values behind the LLCR and the PLCR.

use crate::Decimal;
use crate::models::ModelError;
use crate::units;

/// `pv[m]` = the value at the end of month `m` (0: the close) of `cfads` of months
/// `m + 1..=n` (`n = cfads.len()`), each month discounted at its loan rate,
/// `1 ÷ (1 + r_j)` with `r_j = a_j × days_j ÷ basis` the loan's rate for the month's days
/// (its own day count: `a_j ÷ 12` under 30/360); `pv[n] = 0`. `rates` holds `r_j` of each
/// month (the last one held when it is shorter).
///
/// # Errors
/// [`ModelError`] on an overflow.
pub(super) fn present_values(
    cfads: &[Decimal],
    rates: &[Decimal],
) -> Result<Vec<Decimal>, ModelError> {
    let mut pv = vec![Decimal::ZERO; cfads.len() + 1];
    let mut value = Decimal::ZERO;
    for (j, cf) in cfads.iter().enumerate().rev() {
        let rate = rates.get(j).or(rates.last()).copied().unwrap_or_default();
        let growth = units::add(Decimal::ONE, rate, "interest")?;
        value = units::div(units::add(value, *cf, "financing")?, growth, "interest")?;
        if let Some(slot) = pv.get_mut(j) {
            *slot = value;
        }
    }
    Ok(pv)
}

//! The month-end covenant tests (LTV and DSCR), the lowest DSCR, and the covenant default.

use super::accounts::State;
use super::months::BoxMonth;
use super::outcome::Credit;
use super::terms::Terms;

/// The month-end covenant tests on the balance after the month, and the lowest DSCR; a
/// breach past its cure is a covenant default (when there is none yet).
#[inline]
pub(super) fn covenants(
    terms: &Terms,
    state: &mut State,
    out: &mut Credit,
    i: usize,
    month: &BoxMonth,
    service_due: f64,
) {
    let value = (1.0 - terms.haircut) * month.collateral;
    let ltv_breach =
        state.balance != 0.0 && (value == 0.0 || state.balance > terms.max_ltv * value);
    let dscr = (service_due != 0.0).then(|| (month.cfads, service_due, month.cfads / service_due));
    let dscr_breach = match (terms.min_dscr, dscr) {
        (Some(min), Some((_, _, ratio))) => ratio < min,
        _ => false,
    };
    if let Some((n, d, ratio)) = dscr
        && (out.lowest_dscr.is_none() || ratio < state.lowest_dscr)
    {
        out.lowest_dscr = Some((n, d));
        state.lowest_dscr = ratio;
    }
    state.ltv_streak = if ltv_breach { state.ltv_streak + 1 } else { 0 };
    state.dscr_streak = if dscr_breach {
        state.dscr_streak + 1
    } else {
        0
    };
    if (ltv_breach || dscr_breach) && out.first_breach.is_none() {
        out.first_breach = Some(i);
    }
    if out.default.is_none() && state.ltv_streak.max(state.dscr_streak) > terms.cure_months {
        out.default = Some((i, false));
    }
}

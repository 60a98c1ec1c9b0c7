//! Under the schedule, after the debt service: the DSRA topped up or released, the lock-up
//! test on the trailing DSCR, the cash sweep and the trapped cash.

use super::accounts::{Paid, State};
use super::months::{BoxMonth, PathMonth, month_at};
use super::pay::pay;
use super::rates::Rates;
use super::terms::Terms;

/// The reserve, the lock-up, the sweep and the trapped cash; returns the distribution.
#[inline]
pub(super) fn reserve_and_distribute(
    terms: &Terms,
    state: &mut State,
    paid: &mut Paid,
    (base, path, rates): (&[BoxMonth], &[PathMonth], &Rates<'_>),
    service_due: &[f64],
    i: usize,
    surplus: f64,
) -> f64 {
    let mut surplus = surplus;
    if let Some((n, _)) = terms.dsra {
        let target = if state.balance == 0.0 {
            0.0
        } else {
            (i + 1..)
                .take(n)
                .map_while(|j| month_at(base, path, rates, j))
                .map(|m| m.loan.service)
                .fold(0.0, |sum, s| sum + s)
        };
        if state.dsra < target {
            let (top_up, left) = pay(surplus, target - state.dsra);
            state.dsra += top_up;
            surplus = left;
        } else {
            surplus += state.dsra - target;
            state.dsra = target;
        }
    }
    if let Some(l) = terms.lock_up {
        let from = (i + 1).saturating_sub(l.trailing_months);
        let cfads = path
            .iter()
            .take(i + 1)
            .skip(from)
            .fold(0.0, |sum, m| sum + m.cfads);
        let service = service_due
            .iter()
            .take(i + 1)
            .skip(from)
            .fold(0.0, |sum, s| sum + s);
        paid.locked_up = service > 0.0 && cfads / service < l.min_dscr;
        if paid.locked_up {
            state.locked_run += 1;
            state.passed_run = 0;
        } else {
            state.passed_run += 1;
            state.locked_run = 0;
        }
    }
    if let Some((share, always)) = terms.sweep
        && (always || paid.locked_up)
    {
        let swept = (share * surplus).min(state.balance);
        paid.sweep = swept;
        state.balance -= swept;
        surplus -= swept;
    }
    let Some(l) = terms.lock_up else {
        return surplus;
    };
    if paid.locked_up {
        state.trapped += surplus;
        surplus = 0.0;
        if let Some((after, share)) = l.sweep_trapped
            && state.locked_run >= after
        {
            let swept = (share * state.trapped).min(state.balance);
            paid.trapped_swept = swept;
            state.trapped -= swept;
            state.balance -= swept;
        }
    } else if state.trapped != 0.0 && state.passed_run >= l.release_after_months {
        surplus += state.trapped;
        state.trapped = 0.0;
    }
    surplus
}

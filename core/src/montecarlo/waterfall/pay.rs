//! A payment from the cash at hand, and the interest on a balance.

use super::super::float::{greater, minimum};
use super::months::LoanMonth;

/// Pays `due` from `cash` as far as it goes: (paid, cash left), `paid = max(min(cash,
/// due), 0)`.
///
/// The two common cases are branches that the processor predicts (a due paid in full; no
/// cash or nothing due), so that what is paid does not wait on the cash left by the
/// previous payment: the month's balance then depends on the loan's schedule, not on the
/// chain of payments before it. Each returns what the formula gives, to the bit: with `due
/// > 0` and `cash ≥ due`, `min(cash, due)` is `due` (or `cash`, equal and non-zero: the
/// same bits) and above 0; with `cash = ±0` or `due = ±0`, the minimum is at most 0 (or
/// NaN against a zero, then the zero), so the payment is `+0`.
#[inline(always)]
pub(super) fn pay(cash: f64, due: f64) -> (f64, f64) {
    if due > 0.0 && cash >= due {
        (due, cash - due)
    } else if cash == 0.0 || due == 0.0 {
        (0.0, cash - 0.0)
    } else {
        pay_partly(cash, due)
    }
}

/// [`pay`] in general: a partial payment, or a negative cash or due. Inlined: a call
/// spilled and reloaded every live `f64` of the month around it (no SSE register outlives
/// a call), some 30 instructions a call, where the payment itself is four (an accelerated
/// month's principal is paid in part in most months until the loan is repaid).
#[inline(always)]
fn pay_partly(cash: f64, due: f64) -> (f64, f64) {
    let paid = greater(minimum(cash, due), 0.0);
    (paid, cash - paid)
}

/// The month's interest on `owed`: the schedule's when the balance is the scheduled one,
/// else the schedule's rate on `owed`.
#[inline]
pub(super) fn interest_on(owed: f64, sched: &LoanMonth) -> f64 {
    if sched.owed == 0.0 {
        0.0
    } else if owed == sched.owed {
        sched.interest
    } else {
        owed * sched.interest / sched.owed
    }
}

//! A month's fees, hedges, interest and principal: under the schedule (from the CFADS, then
//! the DSRA, then the trapped cash) or accelerated (all cash to the lender).

use super::super::float::{greater, minimum};
use super::accounts::{Paid, State};
use super::months::LoanMonth;
use super::pay::pay;
use super::terms::Terms;

/// A month under the schedule; returns (the cash left, the balance after).
#[allow(clippy::too_many_arguments)] // one month's state, as the exact waterfall's
#[inline]
pub(super) fn scheduled_month(
    terms: &Terms,
    state: &mut State,
    paid: &mut Paid,
    i: usize,
    cash: f64,
    owed: f64,
    interest: f64,
    m: &LoanMonth,
) -> (f64, f64) {
    let interest_due = greater(minimum(interest, m.interest_paid), 0.0);
    let capitalized = interest - interest_due;
    let owed_after_interest = owed + capitalized;
    let principal_due = if i + 1 >= terms.tenor {
        owed_after_interest
    } else {
        minimum(m.principal, owed_after_interest)
    };
    let fees_due = m.commitment_fee;
    let hedges_due = greater(m.hedges, 0.0);
    let received = if m.hedges < 0.0 { -m.hedges } else { 0.0 };
    let cash = cash + received;
    paid.service_due = interest_due + principal_due + m.hedges;
    let due = (fees_due + hedges_due) + (interest_due + principal_due);
    let mut available = cash;
    if cash < due {
        let (from_dsra, _) = pay(state.dsra, due - cash);
        state.dsra -= from_dsra;
        available += from_dsra;
        let (from_trapped, _) = pay(state.trapped, due - available);
        state.trapped -= from_trapped;
        available += from_trapped;
    }
    let (fees, left) = pay(available, fees_due);
    let (paid_hedges, left) = pay(left, hedges_due);
    let (paid_interest, left) = pay(left, interest_due);
    let (principal, left) = pay(left, principal_due);
    paid.fees = fees;
    paid.interest = paid_interest;
    paid.principal = principal;
    let balance = owed + (interest - paid_interest) - principal;
    paid.shortfall = fees + paid_hedges + paid_interest + principal < due;
    (left, balance)
}

/// A month under acceleration; returns (the cash left, the balance).
#[inline]
pub(super) fn accelerated(
    state: &mut State,
    paid: &mut Paid,
    cash: f64,
    owed: f64,
    interest: f64,
    m: &LoanMonth,
) -> (f64, f64) {
    let mut available = cash;
    if state.dsra != 0.0 || state.trapped != 0.0 {
        available = available + state.dsra + state.trapped;
        state.dsra = 0.0;
        state.trapped = 0.0;
    }
    let (fees, left) = pay(available, m.commitment_fee);
    let (paid_interest, left) = pay(left, interest);
    let owed = owed + (interest - paid_interest);
    let (principal, left) = pay(left, owed);
    paid.fees = fees;
    paid.interest = paid_interest;
    paid.principal = principal;
    (left, owed - principal)
}

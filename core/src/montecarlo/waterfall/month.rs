//! One month of a path's waterfall, in the exact model's order, scheduled or accelerated.

use super::super::float::greater;
use super::accounts::{Paid, State, add_flows};
use super::covenants::covenants;
use super::debt_service::{accelerated, scheduled_month};
use super::months::{BoxMonth, PathMonth, composed};
use super::outcome::Credit;
use super::pay::{interest_on, pay};
use super::rates::{ExtraRun, Rates};
use super::repaid_base::RepaidBase;
use super::reserves::reserve_and_distribute;
#[cfg(test)]
use super::run::Buffers;
use super::terms::Terms;

/// A path's waterfall as it runs month by month.
pub(super) struct Running<'a> {
    pub(super) terms: &'a Terms,
    /// The deterministic months and the path's changes to them.
    pub(super) months: (&'a [BoxMonth], &'a [PathMonth]),
    /// The deterministic months' parts of a repaid month.
    pub(super) repaid: &'a RepaidBase,
    /// What the months' extra interest reads besides the path's SOFR.
    pub(super) rates: Rates<'a>,
    /// The last month's index.
    pub(super) last: usize,
    pub(super) state: State,
    pub(super) out: Credit,
    /// Each row's debt service due so far (kept only with a lock-up, until the default:
    /// read only by the lock-up's trailing DSCR, which is tested only before it).
    pub(super) service_due: &'a mut Vec<f64>,
    /// The months' extra interest, a run of months at a time.
    pub(super) extras: ExtraRun<'a>,
    /// The foreclosure's month index once the loan is accelerated ([`foreclosure_month`],
    /// set when the accelerated months start; `usize::MAX` before): what an accelerated
    /// month compares its index with, where it would read the default's and the
    /// financing's `Option`s each month.
    pub(super) foreclosure: usize,
    /// Whether the financing has a DSRA, a lock-up or a cash sweep ([`Terms::reserves`]),
    /// else a month under the schedule distributes its surplus as it is.
    pub(super) reserves: bool,
}

/// The month index of the foreclosure: `foreclose_after` months after the default's
/// (`usize::MAX`, no month's index, without a default or a foreclosure; where the sum
/// saturates, too, as no month's index reaches it).
#[inline(always)]
pub(super) fn foreclosure_month(out: &Credit, terms: &Terms) -> usize {
    out.default
        .zip(terms.foreclose_after)
        .map_or(usize::MAX, |((row, _), k)| row.saturating_add(k))
}

#[cfg(test)]
impl<'a> Running<'a> {
    /// A loan accelerated by a default in month 0, for the tests of its later months: the
    /// months `months` (the last index `last`), the `rates`, the accounts `state`, the
    /// first breach `first_breach`, nothing run yet; `repaid`, the months' parts of a
    /// repaid month; `buffers`, its buffers.
    pub(super) fn accelerated(
        (terms, rates): (&'a Terms, Rates<'a>),
        (months, repaid): ((&'a [BoxMonth], &'a [PathMonth]), &'a RepaidBase),
        last: usize,
        (state, first_breach): (State, Option<usize>),
        buffers: &'a mut Buffers,
    ) -> Self {
        let (_, service_due, extras) = buffers.parts();
        let out = Credit {
            default: Some((0, false)),
            first_breach,
            ..Credit::default()
        };
        Self {
            foreclosure: foreclosure_month(&out, terms),
            reserves: terms.reserves(),
            terms,
            months,
            repaid,
            rates,
            last,
            state,
            out,
            service_due,
            extras,
        }
    }
}

impl Running<'_> {
    /// Month index `i` (the deterministic month `b`, the path's changes `p`), its lender's
    /// and equity's flows added to `slots`. `ACCELERATING`: whether the loan is accelerated (a default before the month;
    /// never foreclosed), else under the schedule (no default before the month): the same
    /// rules, each copy without the other's branches.
    #[inline(always)]
    pub(super) fn month<const ACCELERATING: bool>(
        &mut self,
        i: usize,
        month: (&BoxMonth, &PathMonth),
        (lender_slot, equity_slot): (&mut f64, &mut f64),
    ) {
        let Self {
            terms,
            months: (base, path),
            repaid: _,
            rates,
            last,
            state,
            out,
            service_due,
            extras,
            foreclosure,
            reserves,
        } = self;
        let (terms, base, path, last) = (*terms, *base, *path, *last);
        // The last month accelerated with nothing owed (the balance +0, no draw; where
        // `repaid_months` does not take it: reserves left, or deterministic months longer
        // than the path's): its interest is 0 · I ÷ O
        // (`interest_on`), ±0 for any finite I, which pays nothing and leaves the balance +0
        // whatever its sign, and nothing else reads the loan's interest or service: the
        // extra interest (and the path's SOFR shift, so that a loan repaid early draws none
        // of its later months) is not read where the sum is known finite.
        let loan = &month.0.loan;
        let unread = ACCELERATING
            && i == last
            && state.balance.to_bits() == 0
            && loan.draw == 0.0
            && !loan.owed.is_nan()
            && rates.finite_with_extra(loan.interest, i);
        let extra = if unread {
            0.0
        } else {
            rates.extra_in(extras, i, last + 1)
        };
        let (month, draw_out) = &composed(base, extra, i, month);
        let draw_out = *draw_out;
        let sched = &month.loan;
        let upfront = sched.upfront_fee;
        let support = if month.cfads < 0.0 { -month.cfads } else { 0.0 };
        let cash = greater(month.cfads, 0.0);
        let owed = state.balance + sched.draw;
        let interest = interest_on(owed, sched);
        let mut paid = Paid::default();
        let (mut surplus, balance) = if ACCELERATING {
            accelerated(state, &mut paid, cash, owed, interest, sched)
        } else {
            scheduled_month(terms, state, &mut paid, i, cash, owed, interest, sched)
        };
        if !ACCELERATING && terms.lock_up.is_some() {
            service_due.push(paid.service_due);
        }
        if !ACCELERATING && paid.shortfall {
            out.default = Some((i, true));
        }
        state.balance = balance;
        // Without a DSRA, a lock-up or a sweep, the reserves leave the surplus and the
        // accounts as they are and lock nothing up: one test a month for their several.
        if !ACCELERATING && out.default.is_none() && *reserves {
            surplus = reserve_and_distribute(
                terms,
                state,
                &mut paid,
                (base, path, rates),
                service_due,
                i,
                surplus,
            );
            if paid.locked_up && out.first_lock_up.is_none() {
                out.first_lock_up = Some(i);
            }
        }
        let mut distribution = surplus;
        let foreclose = if ACCELERATING {
            i == *foreclosure
        } else {
            foreclosure_month(out, terms) == i
        };
        let sale = if foreclose {
            (1.0 - terms.haircut) * month.collateral
        } else {
            month.sale
        };
        let mut to_equity_outside = draw_out - month.capex - upfront - support;
        // The exposure if the month is the default's: owed before the month's sale of the
        // GPUs and its settlement.
        let owed = state.balance;
        if foreclose || i == last {
            let reserves = state.dsra + state.trapped;
            state.dsra = 0.0;
            state.trapped = 0.0;
            let (repaid, reserves_left) = pay(reserves, state.balance);
            paid.principal += repaid;
            state.balance -= repaid;
            distribution += reserves_left;
        }
        let (to_lender, sale_left) = pay(sale, state.balance);
        state.balance -= to_lender;
        to_equity_outside += sale_left;
        // Tested on the month's balance; after a default (the exact model's second run),
        // on what is left once written off.
        let defaulted = ACCELERATING || out.default.is_some();
        if !defaulted {
            covenants(terms, state, out, i, month, paid.service_due);
        }
        if (foreclose || i == last) && (ACCELERATING || out.default.is_some()) {
            out.written_off += state.balance;
            state.balance = 0.0;
        }
        // Accelerated, the tests can only find the first breach: a default is already
        // there and no service is due (no DSCR), so the streaks are read no more.
        if defaulted && (!ACCELERATING || out.first_breach.is_none()) {
            covenants(terms, state, out, i, month, paid.service_due);
        }
        if foreclose {
            state.foreclosed = true;
        }
        if !ACCELERATING && out.default.is_some_and(|(row, _)| row == i) {
            out.exposure = owed;
        }
        let to_equity = to_equity_outside + distribution;
        add_flows::<ACCELERATING>(
            (lender_slot, equity_slot),
            (draw_out, upfront),
            &paid,
            to_lender,
            to_equity,
        );
    }
}

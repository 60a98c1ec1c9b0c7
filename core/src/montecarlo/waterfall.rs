//! The lender's waterfall on a path, in `f64`: the same rules, in the same order, as the
//! exact model's ([`scenario::financing`](crate::scenario::financing), whose module docs
//! hold the formulas), run on the path's CFADS, sale and collateral with the loan as
//! sized and scheduled at the close. The `exact` module runs a path through the `Decimal`
//! waterfall itself; a test compares the two on sampled paths.
//!
//! Each month: senior fees, interest and scheduled principal from CFADS (then the DSRA,
//! then the trapped cash; still short: a payment default); the DSRA topped up or released;
//! the lock-up test on the trailing DSCR; the cash sweep; the trapped cash; the
//! distribution. The covenants (LTV on the collateral after the liquidation haircut, DSCR
//! = CFADS ÷ debt service due) are tested at the month's end; a breach past its cure is a
//! covenant default. After a default of either kind the loan is accelerated from the next
//! month (all cash to the lender, nothing to the equity until it is repaid), the GPUs are
//! sold `foreclose_after_months` later when the financing says so, and what is owed at the
//! foreclosure or the horizon is written off. The exposure at default is what is owed at
//! the end of the month of default before any write-off: after its debt service, before
//! its sale of the GPUs and settlement (so a default in the horizon's last month has one).
//!
//! One pass gives what the exact model's two runs give: its first run finds the covenant
//! default on the balances as they stand until then, which are this pass's until then.

use super::float::greater;

/// One month of the loan as scheduled, in `f64` (a row of
/// [`DebtMonth`](crate::models::debt::DebtMonth)).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LoanMonth {
    /// The draw at the start of the month (the close's in the first).
    pub(crate) draw: f64,
    pub(crate) upfront_fee: f64,
    pub(crate) commitment_fee: f64,
    /// The month's interest, and the part the schedule pays (the rest capitalized).
    pub(crate) interest: f64,
    pub(crate) interest_paid: f64,
    pub(crate) principal: f64,
    /// The hedges' net settlement (swap − cap payout).
    pub(crate) hedges: f64,
    /// The scheduled debt service (the DSRA's target adds it up).
    pub(crate) service: f64,
    /// The balance interest accrues on, opening + draw.
    pub(crate) owed: f64,
}

impl LoanMonth {
    /// The month with `extra` more interest (a path's SOFR): paid with the interest when the
    /// schedule pays all of it, else capitalized with it.
    #[inline]
    pub(crate) fn with_extra_interest(self, extra: f64) -> Self {
        if extra == 0.0 {
            return self;
        }
        let pays_all = self.interest_paid == self.interest && self.interest != 0.0;
        Self {
            interest: self.interest + extra,
            interest_paid: if pays_all {
                self.interest_paid + extra
            } else {
                self.interest_paid
            },
            service: if pays_all {
                self.service + extra
            } else {
                self.service
            },
            ..self
        }
    }
}

/// The lock-up's terms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LockUpTerms {
    pub(crate) min_dscr: f64,
    pub(crate) trailing_months: usize,
    pub(crate) release_after_months: u32,
    /// (after how many locked months, the share swept each month).
    pub(crate) sweep_trapped: Option<(u32, f64)>,
}

/// The financing's terms that the waterfall reads.
#[derive(Debug, Clone)]
pub(crate) struct Terms {
    pub(crate) tenor: usize,
    /// The DSRA's months of debt service, and whether it is funded at the close.
    pub(crate) dsra: Option<(usize, bool)>,
    pub(crate) lock_up: Option<LockUpTerms>,
    /// The cash sweep's share, and whether it sweeps always (else only while locked up).
    pub(crate) sweep: Option<(f64, bool)>,
    pub(crate) foreclose_after: Option<usize>,
    pub(crate) haircut: f64,
    pub(crate) max_ltv: f64,
    pub(crate) min_dscr: Option<f64>,
    pub(crate) cure_months: u32,
}

/// One month of the box on the path.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BoxMonth {
    pub(crate) cfads: f64,
    pub(crate) capex: f64,
    pub(crate) sale: f64,
    /// What resells, before the liquidation haircut.
    pub(crate) collateral: f64,
    /// The loan's month, with the path's interest.
    pub(crate) loan: LoanMonth,
}

/// What a path changes in one month of a box with debt: the deterministic month (a
/// [`BoxMonth`]) with this CFADS, its sale and collateral × the residual shock, and the
/// loan's interest with the path's SOFR ([`LoanMonth::with_extra_interest`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PathMonth {
    /// The month's CFADS on the path.
    pub(crate) cfads: f64,
    /// The cumulative residual shock.
    pub(crate) shock: f64,
    /// The extra interest of the path's SOFR.
    pub(crate) extra: f64,
}

impl PathMonth {
    /// The box's month on the path: `base`, the deterministic month (a default one past
    /// the deterministic months' end), with this month's changes.
    #[inline(always)]
    fn on(&self, base: Option<&BoxMonth>) -> BoxMonth {
        let base = base.copied().unwrap_or_default();
        BoxMonth {
            cfads: self.cfads,
            sale: base.sale * self.shock,
            collateral: base.collateral * self.shock,
            loan: base.loan.with_extra_interest(self.extra),
            ..base
        }
    }
}

/// Month index `j` on the path (`None` past the path's months).
#[inline(always)]
fn month_at(base: &[BoxMonth], path: &[PathMonth], j: usize) -> Option<BoxMonth> {
    Some(path.get(j)?.on(base.get(j)))
}

/// What the waterfall gives of a path, besides the flows.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Credit {
    /// The row of the event of default, and whether it is a payment default.
    pub(crate) default: Option<(usize, bool)>,
    /// The first row with a covenant breached, and the first locked up.
    pub(crate) first_breach: Option<usize>,
    pub(crate) first_lock_up: Option<usize>,
    /// The lowest DSCR as (CFADS, debt service due).
    pub(crate) lowest_dscr: Option<(f64, f64)>,
    /// The balance owed at the end of the month of default before any write-off: after its
    /// debt service, before its sale of the GPUs and settlement (0 without a default).
    pub(crate) exposure: f64,
    /// What was written off (0 without a default).
    pub(crate) written_off: f64,
}

/// The accounts as they run.
#[derive(Debug, Default)]
struct State {
    balance: f64,
    dsra: f64,
    trapped: f64,
    locked_run: u32,
    passed_run: u32,
    ltv_streak: u32,
    dscr_streak: u32,
    foreclosed: bool,
    /// The lowest DSCR so far, `n ÷ d` of `Credit::lowest_dscr` (divided once, when it is
    /// set; the same bits as dividing again).
    lowest_dscr: f64,
}

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
fn pay(cash: f64, due: f64) -> (f64, f64) {
    if due > 0.0 && cash >= due {
        (due, cash - due)
    } else if cash == 0.0 || due == 0.0 {
        (0.0, cash - 0.0)
    } else {
        pay_partly(cash, due)
    }
}

/// [`pay`] in general: a partial payment, or a negative cash or due.
#[cold]
#[inline(never)]
fn pay_partly(cash: f64, due: f64) -> (f64, f64) {
    let paid = greater(cash.min(due), 0.0);
    (paid, cash - paid)
}

/// Buffers reused from path to path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buffers {
    /// Each row's debt service due (the lock-up's trailing DSCR; kept only with a lock-up).
    service_due: Vec<f64>,
}

/// The box's months on the path (`path`'s changes to the deterministic `base`, month by
/// month; as many months as `path` has) through the waterfall: adds the close's lender and equity flows to
/// `lender[0]` and `equity[0]` and month `m`'s to `lender[m]` and `equity[m]`, and returns
/// the credit outcome. `equity_close` is the equity's flow at the close before the DSRA
/// it funds (the close's cash flow + the first draw − the spares − the cap's premium).
#[inline(never)] // once a path: its own registers, apart from the path's month loop
pub(crate) fn run(
    terms: &Terms,
    (base, path): (&[BoxMonth], &[PathMonth]),
    equity_close: f64,
    buffers: &mut Buffers,
    lender: &mut [f64],
    equity: &mut [f64],
) -> Credit {
    let initial_dsra = match terms.dsra {
        Some((n, true)) => (0..n)
            .map_while(|j| month_at(base, path, j))
            .fold(0.0, |sum, m| sum + m.loan.service),
        _ => 0.0,
    };
    let state = State {
        dsra: initial_dsra,
        ..State::default()
    };
    if let (Some(l), Some(e)) = (lender.first_mut(), equity.first_mut()) {
        *l += -month_at(base, path, 0).map_or(0.0, |m| m.loan.draw);
        *e += equity_close - initial_dsra;
    }
    let out = Credit::default();
    let service_due = &mut buffers.service_due;
    service_due.clear();
    let mut run = Running {
        terms,
        months: (base, path),
        last: path.len().saturating_sub(1),
        state,
        out,
        service_due,
    };
    let mut months = path
        .iter()
        .zip(lender.iter_mut().skip(1))
        .zip(equity.iter_mut().skip(1))
        .enumerate();
    // The months under the schedule, to the default's.
    for (i, ((p, lender_slot), equity_slot)) in months.by_ref() {
        run.month::<false>(i, p, (lender_slot, equity_slot));
        if run.out.default.is_some() {
            break;
        }
    }
    // After the default: accelerated, to the foreclosure (nothing moves after it); once the
    // loan is repaid, most months by the shortcut of a repaid month.
    for (i, ((p, lender_slot), equity_slot)) in months {
        if run.state.foreclosed {
            break;
        }
        if !run.repaid_month(i, p, (lender_slot, equity_slot)) {
            run.month::<true>(i, p, (lender_slot, equity_slot));
        }
    }
    run.out
}

/// A path's waterfall as it runs month by month.
struct Running<'a> {
    terms: &'a Terms,
    /// The deterministic months and the path's changes to them.
    months: (&'a [BoxMonth], &'a [PathMonth]),
    /// The last month's index.
    last: usize,
    state: State,
    out: Credit,
    /// Each row's debt service due so far (kept only with a lock-up, until the default:
    /// read only by the lock-up's trailing DSCR, which is tested only before it).
    service_due: &'a mut Vec<f64>,
}

impl Running<'_> {
    /// Month index `i` (the path's changes `p`), its lender's and equity's flows added to
    /// `slots`. `ACCELERATING`: whether the loan is accelerated (a default before the month;
    /// never foreclosed), else under the schedule (no default before the month): the same
    /// rules, each copy without the other's branches.
    #[inline(always)]
    fn month<const ACCELERATING: bool>(
        &mut self,
        i: usize,
        p: &PathMonth,
        (lender_slot, equity_slot): (&mut f64, &mut f64),
    ) {
        let Self {
            terms,
            months: (base, path),
            last,
            state,
            out,
            service_due,
        } = self;
        let (terms, base, path, last) = (*terms, *base, *path, *last);
        let (month, draw_out) = &composed((base, path), i, p);
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
        if !ACCELERATING && out.default.is_none() {
            surplus = reserve_and_distribute(
                terms,
                state,
                &mut paid,
                (base, path),
                service_due,
                i,
                surplus,
            );
            if paid.locked_up && out.first_lock_up.is_none() {
                out.first_lock_up = Some(i);
            }
        }
        let mut distribution = surplus;
        let foreclose = out
            .default
            .zip(terms.foreclose_after)
            .is_some_and(|((row, _), k)| row.saturating_add(k) == i);
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
        add_flows(
            (lender_slot, equity_slot),
            (draw_out, upfront),
            &paid,
            to_lender,
            to_equity,
        );
    }

    /// Month index `i` when the loan is accelerated and already repaid (`true`), or
    /// `false`, having done nothing, when it is not that month: the general month
    /// ([`Self::month`]) with what it computes then, to the bit.
    ///
    /// With the balance +0, no reserves, no draw and a finite interest, not in the
    /// foreclosure's month nor the last: what is owed is +0 (+0 + ±0), so its interest
    /// is ±0 ([`interest_on`]: 0 · I ÷ O) and pays nothing (`pay` of ±0 gives 0 and the
    /// cash − 0, the same bits); the balance stays +0 (+0 + (±0 − 0) − 0); the
    /// sale goes to the equity whole (sale − 0); and the month-end tests find no breach
    /// (a zero balance, no service due). The CFADS pays the commitment fee, the rest is
    /// distributed.
    #[inline(always)]
    fn repaid_month(&mut self, i: usize, p: &PathMonth, slots: (&mut f64, &mut f64)) -> bool {
        let (month, draw_out) = composed(self.months, i, p);
        let sched = &month.loan;
        let state = &self.state;
        let foreclosure = self
            .out
            .default
            .zip(self.terms.foreclose_after)
            .is_some_and(|((row, _), k)| row.saturating_add(k) == i);
        if state.balance.to_bits() != 0
            || state.dsra != 0.0
            || state.trapped != 0.0
            || i == self.last
            || foreclosure
            || sched.draw != 0.0
            || !sched.interest.is_finite()
            || sched.owed.is_nan()
        {
            return false;
        }
        let support = if month.cfads < 0.0 { -month.cfads } else { 0.0 };
        let (fees, surplus) = pay(greater(month.cfads, 0.0), sched.commitment_fee);
        let (to_lender, sale_left) = pay(month.sale, state.balance);
        let to_equity_outside = draw_out - month.capex - sched.upfront_fee - support + sale_left;
        let paid = Paid {
            fees,
            ..Paid::default()
        };
        let to_equity = to_equity_outside + surplus;
        add_flows(
            slots,
            (draw_out, sched.upfront_fee),
            &paid,
            to_lender,
            to_equity,
        );
        true
    }
}

/// Month index `i` on the path (`base`, the deterministic months; `p`, the path's changes
/// to it), and the next month's draw, paid out at this month's end (0 past the path).
#[inline(always)]
fn composed((base, path): (&[BoxMonth], &[PathMonth]), i: usize, p: &PathMonth) -> (BoxMonth, f64) {
    let draw_out = month_at(base, path, i + 1).map_or(0.0, |m| m.loan.draw);
    (p.on(base.get(i)), draw_out)
}

/// A month's flows into its lender's and equity's slots: the lender's from the draw paid
/// out, the upfront fee, what was `paid` and `to_lender` from the sale; the equity's
/// `to_equity`.
#[inline(always)]
fn add_flows(
    (lender_slot, equity_slot): (&mut f64, &mut f64),
    (draw_out, upfront): (f64, f64),
    paid: &Paid,
    to_lender: f64,
    to_equity: f64,
) {
    *lender_slot += -draw_out
        + upfront
        + paid.fees
        + paid.interest
        + paid.principal
        + paid.sweep
        + paid.trapped_swept
        + to_lender;
    *equity_slot += to_equity;
}

/// What a month paid, and its tests.
#[derive(Debug, Default)]
struct Paid {
    fees: f64,
    interest: f64,
    principal: f64,
    sweep: f64,
    trapped_swept: f64,
    service_due: f64,
    shortfall: bool,
    locked_up: bool,
}

/// The month's interest on `owed`: the schedule's when the balance is the scheduled one,
/// else the schedule's rate on `owed`.
#[inline]
fn interest_on(owed: f64, sched: &LoanMonth) -> f64 {
    if sched.owed == 0.0 {
        0.0
    } else if owed == sched.owed {
        sched.interest
    } else {
        owed * sched.interest / sched.owed
    }
}

/// A month under the schedule; returns (the cash left, the balance after).
#[allow(clippy::too_many_arguments)] // one month's state, as the exact waterfall's
#[inline]
fn scheduled_month(
    terms: &Terms,
    state: &mut State,
    paid: &mut Paid,
    i: usize,
    cash: f64,
    owed: f64,
    interest: f64,
    m: &LoanMonth,
) -> (f64, f64) {
    let interest_due = greater(interest.min(m.interest_paid), 0.0);
    let capitalized = interest - interest_due;
    let owed_after_interest = owed + capitalized;
    let principal_due = if i + 1 >= terms.tenor {
        owed_after_interest
    } else {
        m.principal.min(owed_after_interest)
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
fn accelerated(
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

/// The reserve, the lock-up, the sweep and the trapped cash; returns the distribution.
#[inline]
fn reserve_and_distribute(
    terms: &Terms,
    state: &mut State,
    paid: &mut Paid,
    (base, path): (&[BoxMonth], &[PathMonth]),
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
                .map_while(|j| month_at(base, path, j))
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

/// The month-end covenant tests on the balance after the month, and the lowest DSCR; a
/// breach past its cure is a covenant default (when there is none yet).
#[inline]
fn covenants(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Terms {
        Terms {
            tenor: 3,
            dsra: None,
            lock_up: None,
            sweep: None,
            foreclose_after: None,
            haircut: 0.25,
            max_ltv: 0.85,
            min_dscr: Some(1.2),
            cure_months: 2,
        }
    }

    /// Month 1 of three (the default in month 0, the balance `balance`) by `repaid_month`
    /// when it takes it, else `month::<true>`: the slots' and the state's bits, the
    /// outcome, and whether `repaid_month` took it.
    fn accelerated_month(
        base: &[BoxMonth; 3],
        path: &[PathMonth; 3],
        balance: f64,
        first_breach: Option<usize>,
        repaid: bool,
    ) -> ([u64; 3], Credit, bool) {
        let terms = terms();
        let mut service_due = Vec::new();
        let mut run = Running {
            terms: &terms,
            months: (base, path),
            last: 2,
            state: State {
                balance,
                ..State::default()
            },
            out: Credit {
                default: Some((0, false)),
                first_breach,
                ..Credit::default()
            },
            service_due: &mut service_due,
        };
        let (mut lender, mut equity) = (1.5, -2.5);
        let took = repaid && run.repaid_month(1, &path[1], (&mut lender, &mut equity));
        if !took {
            run.month::<true>(1, &path[1], (&mut lender, &mut equity));
        }
        let bits = [
            lender.to_bits(),
            equity.to_bits(),
            run.state.balance.to_bits(),
        ];
        (bits, run.out, took)
    }

    #[test]
    fn a_repaid_month_is_the_accelerated_month_to_the_bit() {
        let mut taken = 0;
        for cfads in [-500.0, -0.0, 0.0, 120.5] {
            for fee in [0.0, 3.0, 200.0] {
                for (sale, capex) in [(0.0, 0.0), (1_000.0, 7.0)] {
                    for extra in [0.0, 2.5, -12.0] {
                        for (interest, owed) in [(0.0, 0.0), (10.0, 1_000.0), (-0.0, 1_000.0)] {
                            for (upfront, draw_out) in [(0.0, 0.0), (-0.0, 50.0), (4.0, 0.0)] {
                                for first_breach in [None, Some(0)] {
                                    let loan = LoanMonth {
                                        commitment_fee: fee,
                                        upfront_fee: upfront,
                                        interest,
                                        interest_paid: interest,
                                        owed,
                                        ..LoanMonth::default()
                                    };
                                    let month = BoxMonth {
                                        capex,
                                        sale,
                                        collateral: 3.0 * sale,
                                        loan,
                                        ..BoxMonth::default()
                                    };
                                    let next = BoxMonth {
                                        loan: LoanMonth {
                                            draw: draw_out,
                                            ..loan
                                        },
                                        ..month
                                    };
                                    let base = [month, month, next];
                                    let p = PathMonth {
                                        cfads,
                                        shock: 0.75,
                                        extra,
                                    };
                                    let path = [p; 3];
                                    for balance in [0.0, -0.0, 30.0] {
                                        let general = accelerated_month(
                                            &base,
                                            &path,
                                            balance,
                                            first_breach,
                                            false,
                                        );
                                        let fast = accelerated_month(
                                            &base,
                                            &path,
                                            balance,
                                            first_breach,
                                            true,
                                        );
                                        assert_eq!(
                                            general.0, fast.0,
                                            "{cfads} {fee} {sale} {extra} {interest} {owed} {upfront} {draw_out} {balance}"
                                        );
                                        assert_eq!(general.1, fast.1);
                                        // Taken only with the balance +0.
                                        assert_eq!(fast.2, balance.to_bits() == 0);
                                        taken += usize::from(fast.2);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(taken, 4 * 3 * 2 * 3 * 3 * 3 * 2);
    }
}

//! The lender's waterfall, month by month (formulas in the [module docs](super)): the
//! scheduled loan's service paid from CFADS, the reserve account, the lock-up, the cash
//! sweep, an event of default and its remedies.

use super::terms::{CashSweep, Dsra, DsraFunding, LockUp, SweepWhen};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::debt::DebtMonth;
use crate::scenario::report::financing::DefaultKind;
use crate::units;

/// One month of the box before the financing: CFADS and the flows outside the waterfall.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct BoxMonth {
    /// Cash flow available for debt service.
    pub cfads: Decimal,
    /// Capex paid at the end of the month (deliveries).
    pub capex: Decimal,
    /// The fleet's sale at the horizon (0 in other months).
    pub sale: Decimal,
    /// The GPUs' value to a forced sale, before the liquidation haircut.
    pub collateral_value: Decimal,
}

/// What the waterfall is run on.
pub(super) struct Inputs<'a> {
    /// The box's months.
    pub months: &'a [BoxMonth],
    /// The loan as scheduled (month k is row k − 1); empty without debt.
    pub loan: &'a [DebtMonth],
    /// The loan's maturity month.
    pub tenor: usize,
    /// The optional sections.
    pub dsra: Option<&'a Dsra>,
    pub lock_up: Option<&'a LockUp>,
    pub sweep: Option<&'a CashSweep>,
    /// Months after the default to the foreclosure, if the lender forecloses.
    pub foreclose_after: Option<u32>,
    /// The forced sale's discount, in [0, 1].
    pub haircut: Decimal,
    /// The row of a covenant default found by a first run (acceleration from the next).
    pub covenant_default: Option<usize>,
}

/// One month of the waterfall (see [`FinancingMonth`](crate::scenario::FinancingMonth)
/// for each amount).
#[derive(Debug, Clone, Default)]
pub(super) struct Step {
    pub support: Decimal,
    pub draw: Decimal,
    /// The upfront fee, paid by the equity (a use of funds).
    pub upfront: Decimal,
    /// Commitment fees paid in the waterfall.
    pub fees: Decimal,
    pub capitalized: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
    /// The hedges' net settlement paid (negative: received).
    pub hedges: Decimal,
    /// Interest paid, principal scheduled and the hedges' net (not under acceleration):
    /// the DSCR's divisor.
    pub service_due: Decimal,
    pub shortfall: Decimal,
    pub dsra_draw: Decimal,
    pub dsra_top_up: Decimal,
    pub dsra_release: Decimal,
    pub dsra_balance: Decimal,
    pub trailing_dscr: Option<Decimal>,
    pub locked_up: bool,
    pub sweep: Decimal,
    pub trapped: Decimal,
    pub trapped_release: Decimal,
    pub trapped_swept: Decimal,
    pub trapped_balance: Decimal,
    pub distribution: Decimal,
    pub sale_to_lender: Decimal,
    pub written_off: Decimal,
    pub balance: Decimal,
    /// What is owed at the end of the month after its debt service, before its sale of
    /// the GPUs, its settlement (the reserves at a foreclosure or the horizon) and any
    /// write-off: the exposure at default when the month is the default's.
    pub exposure: Decimal,
    pub in_default: bool,
    pub foreclosed: bool,
    pub lender: Decimal,
    pub equity: Decimal,
}

/// The waterfall's months and what happens at the close.
#[derive(Debug, Clone, Default)]
pub(super) struct Outcome {
    pub steps: Vec<Step>,
    /// The reserve funded at the close by the equity.
    pub initial_dsra: Decimal,
    /// The cap's premium, paid by the equity at the close.
    pub cap_premium: Decimal,
    /// The lender's flow at the close (− the first draw).
    pub lender_close: Decimal,
    /// The row and kind of the event of default.
    pub default: Option<(usize, DefaultKind)>,
    /// The row of the foreclosure.
    pub foreclosure: Option<usize>,
}

const F: &str = "financing";

fn add(a: Decimal, b: Decimal) -> Result<Decimal, ModelError> {
    Ok(units::add(a, b, F)?)
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal, ModelError> {
    Ok(units::sub(a, b, F)?)
}

/// `share × amount`, kept to 12 places.
fn part(share: Decimal, amount: Decimal) -> Result<Decimal, ModelError> {
    Ok(units::amount(units::mul(share, amount, F)?))
}

/// The scheduled debt service of rows `from..to` (past the loan: 0).
fn scheduled(loan: &[DebtMonth], from: usize, to: usize) -> Result<Decimal, ModelError> {
    loan.iter()
        .take(to)
        .skip(from)
        .try_fold(Decimal::ZERO, |sum, m| add(sum, m.debt_service_usd))
}

/// Pays `due` from `cash` as far as it goes: (paid, cash left).
fn pay(cash: Decimal, due: Decimal) -> Result<(Decimal, Decimal), ModelError> {
    let paid = cash.min(due).max(Decimal::ZERO);
    Ok((paid, sub(cash, paid)?))
}

/// The running state of the accounts.
#[derive(Default)]
struct State {
    balance: Decimal,
    dsra: Decimal,
    trapped: Decimal,
    /// Consecutive months locked up, and passing the test.
    locked_run: u32,
    passed_run: u32,
    /// The row whose next month starts acceleration.
    default: Option<(usize, DefaultKind)>,
    foreclosed: bool,
}

/// Runs the waterfall over every month.
pub(super) fn run(inputs: &Inputs<'_>) -> Result<Outcome, ModelError> {
    let mut state = State::default();
    let initial_dsra = match inputs.dsra {
        Some(d) if d.funding == DsraFunding::Close => scheduled(
            inputs.loan,
            0,
            usize::try_from(d.months).unwrap_or(usize::MAX),
        )?,
        _ => Decimal::ZERO,
    };
    state.dsra = initial_dsra;
    let first_draw = inputs.loan.first().map(|m| m.draw_usd).unwrap_or_default();
    let mut out = Outcome {
        steps: Vec::with_capacity(inputs.months.len()),
        initial_dsra,
        cap_premium: inputs
            .loan
            .first()
            .map(|m| m.cap_premium_usd)
            .unwrap_or_default(),
        lender_close: -first_draw,
        ..Outcome::default()
    };
    let last = inputs.months.len().saturating_sub(1);
    for (i, month) in inputs.months.iter().enumerate() {
        let step = if state.foreclosed {
            Step {
                in_default: true,
                foreclosed: true,
                ..Step::default()
            }
        } else {
            month_step(inputs, &mut state, &mut out, i, month, i == last)?
        };
        out.steps.push(step);
    }
    out.default = state.default;
    Ok(out)
}

/// Row `i` of the waterfall.
fn month_step(
    inputs: &Inputs<'_>,
    state: &mut State,
    out: &mut Outcome,
    i: usize,
    month: &BoxMonth,
    is_last: bool,
) -> Result<Step, ModelError> {
    let sched = inputs.loan.get(i);
    let draw_in = sched.map(|m| m.draw_usd).unwrap_or_default();
    let draw_out = inputs
        .loan
        .get(i + 1)
        .map(|m| m.draw_usd)
        .unwrap_or_default();
    let upfront = sched.map(|m| m.upfront_fee_usd).unwrap_or_default();
    let mut s = Step {
        draw: draw_out,
        upfront,
        // (not `(-cfads).max(0)`: rust_decimal's max keeps −0 when CFADS is 0)
        support: if month.cfads < Decimal::ZERO {
            -month.cfads
        } else {
            Decimal::ZERO
        },
        ..Step::default()
    };
    let cash = month.cfads.max(Decimal::ZERO);
    let owed = add(state.balance, draw_in)?;
    let interest = interest_on(owed, sched)?;
    let accelerating = state.default.is_some();
    // Acceleration after a covenant default found in an earlier run.
    let accelerate_next = inputs.covenant_default == Some(i) && state.default.is_none();
    let (mut surplus, balance) = if accelerating {
        accelerated(state, &mut s, cash, owed, interest, sched)?
    } else {
        scheduled_month(inputs, state, &mut s, i, cash, owed, interest, sched)?
    };
    state.balance = balance;
    if !accelerating && state.default.is_none_or(|(row, _)| row != i) {
        surplus = reserve_and_distribute(inputs, state, &mut s, &out.steps, i, surplus)?;
    }
    s.distribution = surplus;
    if accelerate_next {
        state.default = Some((i, DefaultKind::Covenant));
    }
    // The sale of the GPUs: a foreclosure, or the fleet's sale at the horizon.
    let foreclose = state.default.and_then(|(row, _)| {
        inputs
            .foreclose_after
            .and_then(|k| usize::try_from(k).ok())
            .and_then(|k| row.checked_add(k))
            .filter(|f| *f == i)
    });
    let sale = if foreclose.is_some() {
        part(sub(Decimal::ONE, inputs.haircut)?, month.collateral_value)?
    } else {
        month.sale
    };
    let mut to_equity_outside = sub(draw_out, month.capex)?;
    to_equity_outside = sub(to_equity_outside, upfront)?;
    to_equity_outside = sub(to_equity_outside, s.support)?;
    s.exposure = state.balance;
    if foreclose.is_some() || is_last {
        // Whatever is owed is repaid from the reserves, the trapped cash and the sale.
        let reserves = add(state.dsra, state.trapped)?;
        s.dsra_release = add(s.dsra_release, state.dsra)?;
        s.trapped_release = add(s.trapped_release, state.trapped)?;
        state.dsra = Decimal::ZERO;
        state.trapped = Decimal::ZERO;
        let (repaid, reserves_left) = pay(reserves, state.balance)?;
        s.principal = add(s.principal, repaid)?;
        state.balance = sub(state.balance, repaid)?;
        s.distribution = add(s.distribution, reserves_left)?;
    }
    // A sale of the GPUs (foreclosure, the horizon, or the end of a contract) repays the
    // lender first: disposal proceeds are a mandatory prepayment; the rest is the equity's.
    let (to_lender, sale_left) = pay(sale, state.balance)?;
    s.sale_to_lender = to_lender;
    state.balance = sub(state.balance, to_lender)?;
    to_equity_outside = add(to_equity_outside, sale_left)?;
    if foreclose.is_some() || is_last {
        if state.default.is_some() {
            s.written_off = state.balance;
            state.balance = Decimal::ZERO;
        }
        if foreclose.is_some() {
            out.foreclosure = Some(i);
            state.foreclosed = true;
        }
    }
    s.balance = state.balance;
    s.dsra_balance = state.dsra;
    s.trapped_balance = state.trapped;
    s.in_default = state.default.is_some();
    s.foreclosed = state.foreclosed;
    s.lender = [
        upfront,
        s.fees,
        s.interest,
        s.principal,
        s.sweep,
        s.trapped_swept,
        s.sale_to_lender,
    ]
    .into_iter()
    .try_fold(-draw_out, add)?;
    s.equity = add(to_equity_outside, s.distribution)?;
    Ok(s)
}

/// The month's interest on `owed`: the schedule's own when the balance is the scheduled
/// one, otherwise the schedule's rate (its interest ÷ its balance) on `owed`, kept.
fn interest_on(owed: Decimal, sched: Option<&DebtMonth>) -> Result<Decimal, ModelError> {
    let Some(m) = sched else {
        return Ok(Decimal::ZERO);
    };
    let sched_owed = add(m.opening_balance_usd, m.draw_usd)?;
    if owed == sched_owed || sched_owed.is_zero() {
        return Ok(if sched_owed.is_zero() {
            Decimal::ZERO
        } else {
            m.interest_usd
        });
    }
    Ok(units::amount(units::div(
        units::mul(owed, m.interest_usd, F)?,
        sched_owed,
        F,
    )?))
}

/// A month under the schedule: fees, interest and principal due from CFADS, then the
/// reserve and trapped cash for a shortfall; a payment default when they are not enough.
/// Returns (the cash left, the balance after).
#[allow(clippy::too_many_arguments)] // one month's state, split for reading
fn scheduled_month(
    inputs: &Inputs<'_>,
    state: &mut State,
    s: &mut Step,
    i: usize,
    cash: Decimal,
    owed: Decimal,
    interest: Decimal,
    sched: Option<&DebtMonth>,
) -> Result<(Decimal, Decimal), ModelError> {
    let Some(m) = sched else {
        return Ok((cash, owed));
    };
    let interest_due = interest.min(m.interest_paid_usd).max(Decimal::ZERO);
    let capitalized = sub(interest, interest_due)?;
    let owed_after_interest = add(owed, capitalized)?;
    let principal_due = if i + 1 >= inputs.tenor {
        owed_after_interest
    } else {
        m.principal_usd.min(owed_after_interest)
    };
    let fees_due = m.commitment_fee_usd;
    // The hedges settle as scheduled, pari passu with the interest: a net payment is due,
    // a net receipt adds to the month's cash.
    let hedges = sub(m.swap_settlement_usd, m.cap_payout_usd)?;
    let hedges_due = hedges.max(Decimal::ZERO);
    // A net receipt (not `(-hedges).max(0)`: rust_decimal's max keeps the first of two equal
    // values, and −0 reached the report).
    let received = if hedges < Decimal::ZERO {
        -hedges
    } else {
        Decimal::ZERO
    };
    let cash = add(cash, received)?;
    s.service_due = add(add(interest_due, principal_due)?, hedges)?;
    let due = add(
        add(fees_due, hedges_due)?,
        add(interest_due, principal_due)?,
    )?;
    let mut available = cash;
    if cash < due {
        let (from_dsra, _) = pay(state.dsra, sub(due, cash)?)?;
        s.dsra_draw = from_dsra;
        state.dsra = sub(state.dsra, from_dsra)?;
        available = add(available, from_dsra)?;
        let (from_trapped, _) = pay(state.trapped, sub(due, available)?)?;
        s.trapped_release = from_trapped;
        state.trapped = sub(state.trapped, from_trapped)?;
        available = add(available, from_trapped)?;
    }
    let (fees, left) = pay(available, fees_due)?;
    let (paid_hedges, left) = pay(left, hedges_due)?;
    let (paid_interest, left) = pay(left, interest_due)?;
    let (principal, left) = pay(left, principal_due)?;
    s.fees = fees;
    s.hedges = sub(paid_hedges, received)?;
    s.interest = paid_interest;
    s.principal = principal;
    // Unpaid interest is added to the balance; unpaid principal stays in it.
    s.capitalized = sub(interest, paid_interest)?;
    let balance = sub(add(owed, s.capitalized)?, principal)?;
    let paid = [fees, paid_hedges, paid_interest, principal]
        .into_iter()
        .try_fold(Decimal::ZERO, add)?;
    if paid < due {
        s.shortfall = sub(due, paid)?;
        state.default = Some((i, DefaultKind::Payment));
    }
    Ok((left, balance))
}

/// A month under acceleration: every dollar of CFADS (and, the first month, the reserve
/// and the trapped cash) pays the fees, the interest and then the balance; what is left
/// once the lender is repaid goes to the equity. Returns (the cash left, the balance).
fn accelerated(
    state: &mut State,
    s: &mut Step,
    cash: Decimal,
    owed: Decimal,
    interest: Decimal,
    sched: Option<&DebtMonth>,
) -> Result<(Decimal, Decimal), ModelError> {
    let mut available = cash;
    if !state.dsra.is_zero() || !state.trapped.is_zero() {
        s.dsra_release = state.dsra;
        s.trapped_release = state.trapped;
        available = add(add(available, state.dsra)?, state.trapped)?;
        state.dsra = Decimal::ZERO;
        state.trapped = Decimal::ZERO;
    }
    let fees_due = sched.map(|m| m.commitment_fee_usd).unwrap_or_default();
    let (fees, left) = pay(available, fees_due)?;
    let (paid_interest, left) = pay(left, interest)?;
    s.capitalized = sub(interest, paid_interest)?;
    let owed = add(owed, s.capitalized)?;
    let (principal, left) = pay(left, owed)?;
    s.fees = fees;
    s.interest = paid_interest;
    s.principal = principal;
    Ok((left, sub(owed, principal)?))
}

/// After debt service: the reserve topped up or released to its target, the lock-up
/// test, the cash sweep and the trapped cash. Returns the distribution.
fn reserve_and_distribute(
    inputs: &Inputs<'_>,
    state: &mut State,
    s: &mut Step,
    past: &[Step],
    i: usize,
    surplus: Decimal,
) -> Result<Decimal, ModelError> {
    let mut surplus = surplus;
    if let Some(d) = inputs.dsra {
        let n = usize::try_from(d.months).unwrap_or(usize::MAX);
        let target = if state.balance.is_zero() {
            Decimal::ZERO
        } else {
            scheduled(inputs.loan, i + 1, i.saturating_add(1).saturating_add(n))?
        };
        if state.dsra < target {
            let (top_up, left) = pay(surplus, sub(target, state.dsra)?)?;
            s.dsra_top_up = top_up;
            state.dsra = add(state.dsra, top_up)?;
            surplus = left;
        } else {
            let release = sub(state.dsra, target)?;
            s.dsra_release = add(s.dsra_release, release)?;
            state.dsra = target;
            surplus = add(surplus, release)?;
        }
    }
    if let Some(l) = inputs.lock_up {
        s.trailing_dscr = trailing_dscr(inputs.months, past, s.service_due, i, l.trailing_months)?;
        s.locked_up = s.trailing_dscr.is_some_and(|d| d < l.min_dscr);
        if s.locked_up {
            state.locked_run += 1;
            state.passed_run = 0;
        } else {
            state.passed_run += 1;
            state.locked_run = 0;
        }
    }
    if let Some(sweep) = inputs.sweep
        && (sweep.when == SweepWhen::Always || s.locked_up)
    {
        let swept = part(sweep.share, surplus)?.min(state.balance);
        s.sweep = swept;
        state.balance = sub(state.balance, swept)?;
        surplus = sub(surplus, swept)?;
    }
    let Some(l) = inputs.lock_up else {
        return Ok(surplus);
    };
    if s.locked_up {
        s.trapped = surplus;
        state.trapped = add(state.trapped, surplus)?;
        surplus = Decimal::ZERO;
        if let Some(t) = &l.sweep_trapped
            && state.locked_run >= t.after_months
        {
            let swept = part(t.share, state.trapped)?.min(state.balance);
            s.trapped_swept = swept;
            state.trapped = sub(state.trapped, swept)?;
            state.balance = sub(state.balance, swept)?;
        }
    } else if !state.trapped.is_zero() && state.passed_run >= l.release_after_months {
        s.trapped_release = add(s.trapped_release, state.trapped)?;
        surplus = add(surplus, state.trapped)?;
        state.trapped = Decimal::ZERO;
    }
    Ok(surplus)
}

/// The trailing DSCR of row `i`: the CFADS of rows `i − w + 1..=i` over their debt
/// service due (`past` holds the rows before `i`, `current` is row `i`'s service due);
/// `None` without debt service in the window.
fn trailing_dscr(
    months: &[BoxMonth],
    past: &[Step],
    current: Decimal,
    i: usize,
    w: u32,
) -> Result<Option<Decimal>, ModelError> {
    let from = (i + 1).saturating_sub(usize::try_from(w).unwrap_or(usize::MAX));
    let cfads = months
        .iter()
        .take(i + 1)
        .skip(from)
        .try_fold(Decimal::ZERO, |sum, m| add(sum, m.cfads))?;
    let service = past
        .iter()
        .skip(from)
        .try_fold(current, |sum, m| add(sum, m.service_due))?;
    if service <= Decimal::ZERO {
        return Ok(None);
    }
    Ok(Some(units::div(cfads, service, "financing.lock_up")?))
}

//! One path through every box, in `f64` only.
//!
//! Each month the path recomputes, from its draws, what the random inputs move: the
//! contracts' settlements, the market's sales, the power bought and the demand response,
//! the revenue lost to curtailment, and SG&A; everything else (colocation, the lease,
//! staff, hosting fees, prepayments, capex) stays the exact model's. With `V` that variable
//! part of the gross margin, computed by the same code on the deterministic path:
//!
//! ```text
//! sold           = contracts + reserved + on demand + spot revenue     (before curtailment)
//! busy           = contract usage served + reserved + on-demand + spot hours
//! MWh            = (kWh₀ · available + kWh₁ · busy) ÷ 1000   (kWh per GPU-hour k₀ + k₁·share)
//! c              = 1 − (1 − c_scenario)(1 − c_event)                   (shares of hours cut)
//! V              = (sold · (1 − c) + MWh · c · demand response) · (1 − SG&A share)
//!                  − MWh · (1 − c) · price per MWh
//! ΔGM            = V_path − V_deterministic
//! value          = economic value × the residual shock;  Δsale likewise in a month with a sale
//! cash flow      = deterministic cash flow + ΔGM + Δsale;   NPV = NPV₀ + Σ Δflowₘ · DFₘ
//! extra interest = owed × (SOFR_path − SOFR_deterministic) ÷ 12       (floating debt; in a
//!                  month without debt service, construction, paid with the next service)
//! debt service   = deterministic service + extra interest;  CFADS = CFADS₀ + ΔGM
//! equity flow    = deterministic equity flow + Δcash flow − extra interest
//! ```
//!
//! A month whose inputs are the deterministic ones gives exactly the deterministic numbers
//! (every Δ is 0, and unchanged months keep the exact model's DSCR and covenant results),
//! so a path without randomness is the deterministic report, to the bit.

use super::contract::LineState;
use super::float::{greater, unit};
use super::model::{Base, BoxModel, DebtMonth, FinancingModel, HOURS, Model, Month, annual_irr};
use super::processes::{BoxDraws, Draws, Shape};

/// One path's outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PathOutcome {
    pub(crate) npv: f64,
    pub(crate) irr_annual: Option<f64>,
    pub(crate) equity_value: f64,
    pub(crate) equity_irr_annual: Option<f64>,
    pub(crate) minimum_dscr: Option<f64>,
    pub(crate) first_breach_month: Option<u32>,
    pub(crate) first_default_month: Option<u32>,
    pub(crate) first_customer_default_month: Option<u32>,
}

/// Buffers reused from path to path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    pub(crate) draws: Draws,
    lines: Vec<Vec<LineState>>,
    flows: Vec<f64>,
    equity: Vec<f64>,
    shape_lines: Vec<usize>,
    floating: bool,
    priced: bool,
    utilized: bool,
}

impl Scratch {
    /// Buffers for `model`'s paths.
    pub(crate) fn new(model: &Model) -> Self {
        Self {
            shape_lines: model.lines(),
            floating: model.floating(),
            priced: model.priced(),
            utilized: model.utilized(),
            ..Self::default()
        }
    }
}

/// The variable part of a box's gross margin in month `m` (see the module docs).
#[inline(always)]
fn variable(b: &BoxModel, m: &Month, sold: f64, busy: f64, event_cut: f64) -> f64 {
    let mwh = m.idle_mwh + b.busy_mwh * busy;
    let cut = if event_cut == 0.0 {
        m.cut
    } else {
        1.0 - (1.0 - m.cut) * (1.0 - event_cut)
    };
    let revenue = sold - sold * cut + mwh * cut * b.demand_response;
    revenue * (1.0 - b.sga) - mwh * (1.0 - cut) * m.power_price
}

/// The market's utilization on a path: its level × the path's shock, within [0, 1], × the
/// lull factor.
#[inline(always)]
pub(crate) fn market_utilization(level: f64, shock: f64, lull: f64) -> f64 {
    unit(level * shock) * lull
}

/// A box's sales in month index `i` (month `m`): (revenue sold, busy hours).
#[inline]
fn operate(
    b: &BoxModel,
    i: usize,
    m: &Month,
    draws: &Draws,
    bd: &BoxDraws,
    states: &mut [LineState],
) -> (f64, f64) {
    let month = u32::try_from(i + 1).unwrap_or(u32::MAX);
    let (mut sold, mut busy, mut contracted) = (0.0, 0.0, 0.0);
    for ((c, state), ld) in b.contracts.iter().zip(states.iter_mut()).zip(&bd.lines) {
        if c.serves(state, month) {
            contracted += c.gpus;
            let settled = c.settle(state, month, c.usage_share(ld, i));
            sold += settled.revenue;
            busy += settled.served;
        }
    }
    let free = m.in_service - contracted;
    if free == 0.0 && b.reserved.is_empty() {
        // No GPU left to the market this month: nothing to sell, nothing to run.
        return (sold, busy);
    }
    let multiplier = |i: usize| draws.price.get(i).copied().unwrap_or(1.0);
    let price = m.price * multiplier(i);
    let shock = draws.market_shock.get(i).copied().unwrap_or(1.0);
    let lull = draws.market_lull.get(i).copied().unwrap_or(1.0);
    let utilization = market_utilization(m.utilization, shock, lull);
    let (mut reserved_hours, mut reserved_usd) = (0.0, 0.0);
    for r in &b.reserved {
        if i >= r.first && i < r.end {
            let hours = r.gpus * HOURS;
            let start = b.months.get(r.first).map_or(0.0, |s| s.price) * multiplier(r.first);
            reserved_hours += hours;
            reserved_usd += hours * (start * r.factor);
        }
    }
    let on_demand_available = free * HOURS - reserved_hours;
    let on_demand_hours = on_demand_available * utilization;
    let idle = on_demand_available - on_demand_hours;
    let (spot_hours, spot_usd) = match b.spot {
        Some((factor, share, preemption)) => {
            let spot_sold = idle * share;
            let billed = spot_sold - spot_sold * preemption;
            (billed, billed * (price * factor))
        }
        None => (0.0, 0.0),
    };
    sold += reserved_usd + on_demand_hours * price + spot_usd;
    busy += on_demand_hours + reserved_hours + spot_hours;
    (sold, busy)
}

/// The variable part of the gross margin on the deterministic path, by month index.
pub(crate) fn base_variable(b: &BoxModel) -> Vec<f64> {
    let draws = neutral(b.months.len(), &[b.contracts.len()]);
    let mut states = vec![LineState::default(); b.contracts.len()];
    let Some(bd) = draws.boxes.first() else {
        return Vec::new();
    };
    for (c, (state, ld)) in b.contracts.iter().zip(states.iter_mut().zip(&bd.lines)) {
        c.start(ld, 0.0, u32::MAX, state);
    }
    b.months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (sold, busy) = operate(b, i, m, &draws, bd, &mut states);
            variable(b, m, sold, busy, 0.0)
        })
        .collect()
}

/// Draws that leave every input at its deterministic value.
fn neutral(months: usize, lines: &[usize]) -> Draws {
    let params = super::processes::Params::new(&super::options::Stochastic::default());
    let mut draws = Draws::default();
    let shape = Shape {
        months,
        lines,
        floating: false,
        priced: false,
        utilized: false,
    };
    params.draw(&super::normal::Ziggurat::new(), 0, 0, &shape, &mut draws);
    draws
}

/// The deterministic outcome computed in `f64` (IRRs solved, never taken from the base).
pub(crate) fn base_outcome(model: &Model) -> Base {
    let mut scratch = Scratch::new(model);
    scratch.draws = neutral(model.months, &model.lines());
    let o = run(model, &mut scratch, false);
    Base {
        npv: o.npv,
        irr_monthly: o.irr_annual.and(model_monthly(&scratch.flows)),
        irr_annual: o.irr_annual,
        equity_value: o.equity_value,
        equity_irr_monthly: model_monthly(&scratch.equity),
        equity_irr_annual: o.equity_irr_annual,
        minimum_dscr: o.minimum_dscr,
        first_breach_month: o.first_breach_month,
        first_default_month: o.first_default_month,
    }
}

/// The monthly IRR of `flows`.
fn model_monthly(flows: &[f64]) -> Option<f64> {
    annual_irr(flows, None).0
}

/// Draws path `path` under `seed` into `scratch`.
pub(crate) fn draw(model: &Model, seed: u64, path: u64, scratch: &mut Scratch) {
    let shape = Shape {
        months: model.months,
        lines: &scratch.shape_lines,
        floating: scratch.floating,
        priced: scratch.priced,
        utilized: scratch.utilized,
    };
    model
        .params
        .draw(&model.ziggurat, seed, path, &shape, &mut scratch.draws);
}

/// Path `path` under `seed`.
pub(crate) fn simulate(model: &Model, seed: u64, path: u64, scratch: &mut Scratch) -> PathOutcome {
    draw(model, seed, path, scratch);
    run(model, scratch, true)
}

/// Whether `a / b < c / d` for `b` and `d` above 0 (debt services), without dividing.
#[inline(always)]
fn below(a: f64, b: f64, c: f64, d: f64) -> bool {
    a * d < c * b
}

/// Covenant streaks of one box.
#[derive(Debug, Clone, Copy, Default)]
struct Streaks {
    ltv: u32,
    dscr: u32,
}

/// The path whose draws are in `scratch`; `shortcut`: a path equal to the deterministic one
/// takes the model's base IRRs instead of solving again.
fn run(model: &Model, scratch: &mut Scratch, shortcut: bool) -> PathOutcome {
    let months = model.months;
    let Scratch {
        draws,
        lines,
        flows,
        equity,
        ..
    } = scratch;
    flows.clear();
    flows.resize(months + 1, 0.0);
    equity.clear();
    equity.resize(months + 1, 0.0);
    lines.resize_with(model.boxes.len(), Vec::new);
    let recovery = model.params.default.map_or(0.0, |(_, r)| r);
    let floor = model.params.sofr.and_then(|(_, _, floor)| floor);
    let horizon = u32::try_from(months).unwrap_or(u32::MAX);
    let mut o = PathOutcome {
        npv: 0.0,
        irr_annual: None,
        equity_value: 0.0,
        equity_irr_annual: None,
        minimum_dscr: None,
        first_breach_month: None,
        first_default_month: None,
        first_customer_default_month: None,
    };
    let mut changed = false;
    let empty = BoxDraws::default();
    for ((b, states), bi) in model.boxes.iter().zip(lines.iter_mut()).zip(0..) {
        let bd = draws.boxes.get(bi).unwrap_or(&empty);
        states.resize_with(b.contracts.len(), LineState::default);
        for (c, (state, ld)) in b.contracts.iter().zip(states.iter_mut().zip(&bd.lines)) {
            c.start(ld, recovery, horizon, state);
            o.first_customer_default_month =
                match (o.first_customer_default_month, state.default_month) {
                    (Some(a), Some(d)) => Some(a.min(d)),
                    (a, d) => a.or(d),
                };
        }
        let fin = b.financing.as_ref();
        let close = (b.close, fin.map_or(b.close, |f| f.equity_close));
        if let (Some(p), Some(e)) = (flows.first_mut(), equity.first_mut()) {
            *p += close.0;
            *e += close.1;
        }
        o.npv += b.npv;
        o.equity_value += fin.map_or(b.npv, |f| f.equity_npv);
        let mut streaks = Streaks::default();
        let mut unpaid = 0.0;
        let mut lowest: Option<(f64, f64)> = None;
        let mut flow_slots = flows.iter_mut().skip(1).zip(equity.iter_mut().skip(1));
        for (i, m) in b.months.iter().enumerate() {
            let Some((flow_slot, equity_slot)) = flow_slots.next() else {
                break;
            };
            let (sold, busy) = operate(b, i, m, draws, bd, states);
            let event_cut = bd.curtailed.get(i).copied().unwrap_or(0.0);
            let d_gm = variable(b, m, sold, busy, event_cut) - m.variable;
            let shock = draws.residual.get(i).copied().unwrap_or(1.0);
            let d_sale = m.sale * shock - m.sale;
            let d_cf = d_gm + d_sale;
            *flow_slot += m.flow + d_cf;
            o.npv += d_cf * m.discount;
            let mut extra = 0.0;
            let mut equity_flow = m.flow;
            if let Some((f, dm)) = fin.and_then(|f| f.months.get(i).map(|dm| (f, dm))) {
                if f.floating {
                    let shifted = dm.sofr + draws.sofr_shift.get(i).copied().unwrap_or(0.0);
                    let realized = floor.map_or(shifted, |fl| greater(shifted, fl));
                    // The loan accrues on max(SOFR, its floor), on the path and as scheduled.
                    let realized = f.sofr_floor.map_or(realized, |fl| greater(realized, fl));
                    let base = f.sofr_floor.map_or(dm.sofr, |fl| greater(dm.sofr, fl));
                    unpaid += dm.owed_accrual * (realized - base);
                }
                // Interest moved in a month without debt service (construction) is paid
                // with the next service.
                if dm.service != 0.0 {
                    extra = unpaid;
                    unpaid = 0.0;
                }
                equity_flow = dm.equity_flow;
                let month = u32::try_from(i + 1).unwrap_or(u32::MAX);
                let (ltv_breach, dscr_breach) =
                    covenants(f, dm, d_gm, extra, m.value * shock, shock, &mut lowest);
                if ltv_breach || dscr_breach {
                    o.first_breach_month =
                        Some(o.first_breach_month.map_or(month, |m| m.min(month)));
                }
                streaks.ltv = if ltv_breach { streaks.ltv + 1 } else { 0 };
                streaks.dscr = if dscr_breach { streaks.dscr + 1 } else { 0 };
                if streaks.ltv.max(streaks.dscr) > f.cure_months {
                    o.first_default_month =
                        Some(o.first_default_month.map_or(month, |m| m.min(month)));
                }
            }
            *equity_slot += equity_flow + d_cf - extra;
            o.equity_value += (d_cf - extra) * m.discount;
            changed |= d_cf != 0.0 || extra != 0.0;
        }
        if let Some((n, d)) = lowest {
            let box_lowest = n / d;
            o.minimum_dscr = Some(
                o.minimum_dscr
                    .map_or(box_lowest, |m: f64| m.min(box_lowest)),
            );
        }
    }
    if shortcut && !changed {
        o.irr_annual = model.base.irr_annual;
        o.equity_irr_annual = model.base.equity_irr_annual;
    } else {
        o.irr_annual = annual_irr(flows, model.base.irr_monthly).1;
        o.equity_irr_annual = annual_irr(equity, model.base.equity_irr_monthly).1;
    }
    o
}

/// A month's covenant tests: (LTV breached, DSCR breached), with `lowest` updated to the
/// lowest DSCR so far as a fraction (CFADS, service). An unchanged month (`d_gm` and `extra`
/// 0, the value unshocked) keeps the exact model's results.
#[inline]
fn covenants(
    f: &FinancingModel,
    dm: &DebtMonth,
    d_gm: f64,
    extra: f64,
    value: f64,
    shock: f64,
    lowest: &mut Option<(f64, f64)>,
) -> (bool, bool) {
    let service = dm.service + extra;
    let unchanged = d_gm == 0.0 && extra == 0.0;
    let dscr = if unchanged {
        dm.dscr.map(|d| (d, 1.0))
    } else if service > 0.0 {
        Some((dm.cfads + d_gm, service))
    } else {
        None
    };
    let dscr_breach = if unchanged {
        dm.dscr_breach
    } else {
        match (f.min_dscr, dscr) {
            (Some(min), Some((cfads, service))) => below(cfads, service, min, 1.0),
            _ => false,
        }
    };
    let ltv_breach = if shock == 1.0 {
        dm.ltv_breach
    } else if dm.balance == 0.0 {
        false
    } else {
        value <= 0.0 || dm.balance > f.max_ltv * value
    };
    if let Some((n, d)) = dscr {
        *lowest = Some(match *lowest {
            Some((ln, ld)) if !below(n, d, ln, ld) => (ln, ld),
            _ => (n, d),
        });
    }
    (ltv_breach, dscr_breach)
}

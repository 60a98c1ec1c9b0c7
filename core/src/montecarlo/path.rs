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
//! extra interest = owed × (SOFR_path − SOFR_deterministic) × days ÷ basis   (floating
//!                  debt: paid with the month's interest when the schedule pays it,
//!                  capitalized with it in construction)
//! CFADS          = CFADS₀ + ΔGM   (taxes, maintenance and working capital: the
//!                  deterministic path's);  collateral, sale = the deterministic ones × the
//!                  residual shock
//! ```
//!
//! A box with debt then runs the lender's waterfall (module `waterfall`) on its CFADS,
//! sale, collateral and SOFR shifts (the extra interest computed there, where a month is
//! composed: `waterfall::Rates`): the loan's service, the DSRA, the lock-up, the sweep, the
//! covenants, an event of default and its acceleration, foreclosure and write-off. Its
//! outcome gives the equity's and the lender's flows, the default, the lock-up, the
//! exposure at default and what was written off.
//!
//! A box whose inputs are the deterministic ones in every month gives exactly the
//! deterministic numbers (every Δ is 0, and it keeps the exact model's flows and credit
//! outcome), so a path without randomness is the deterministic report, to the bit.

use super::contract::LineState;
use super::float::{minimum, unit};
use super::irr::without_zero_tail;
use super::model::{Base, BoxModel, FinancingModel, HOURS, Model, Month, annual_irr, annual_irrs};
use super::normal::Ziggurat;
use super::processes::{BoxDraws, Draws, Shape, every_month};
use super::sales::{ContractSales, settle_lines};
use super::waterfall::{self, Buffers, Credit, PathMonth, Rates};

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
    /// The lender's annual IRR (`None` without debt, or none found).
    pub(crate) lender_irr_annual: Option<f64>,
    /// The first month locked up.
    pub(crate) first_lock_up_month: Option<u32>,
    /// The balances owed at the end of the months of default before any write-off, and
    /// what was written off, over the boxes (0 without a default).
    pub(crate) exposure: f64,
    pub(crate) written_off: f64,
}

/// Buffers reused from path to path.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    pub(crate) draws: Draws,
    lines: Vec<Vec<LineState>>,
    flows: Vec<f64>,
    equity: Vec<f64>,
    lender: Vec<f64>,
    box_equity: Vec<f64>,
    box_months: Vec<PathMonth>,
    /// A box's contract sums by month (settled before its month loop).
    sales: Vec<ContractSales>,
    buffers: Buffers,
    /// Each box's credit outcome on the path, in the portfolio's order (only for a
    /// portfolio of more than one box; empty otherwise).
    pub(crate) box_credit: Vec<Credit>,
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
    let (cut, uncut) = if event_cut == 0.0 {
        (m.cut, m.uncut)
    } else {
        combined_cut(m.cut, event_cut)
    };
    let revenue = sold - sold * cut + mwh * cut * b.demand_response;
    revenue * (1.0 - b.sga) - mwh * uncut * m.power_price
}

/// The share of hours cut by the scenario's own cut `cut` and a curtailment event's
/// `event_cut`, `c = 1 − (1 − cut)(1 − c_event)`, and `1 − c`. Cold: an event is rare
/// (about 5 % of months), so that the month loop branches around it instead of computing
/// it every month and selecting; inlined, so that the branch spills no register.
#[cold]
#[inline(always)]
fn combined_cut(cut: f64, event_cut: f64) -> (f64, f64) {
    let c = 1.0 - (1.0 - cut) * (1.0 - event_cut);
    (c, 1.0 - c)
}

/// The market's utilization on a path: its level × the path's shock, within [0, 1], × the
/// lull factor.
#[inline(always)]
pub(crate) fn market_utilization(level: f64, shock: f64, lull: f64) -> f64 {
    unit(level * shock) * lull
}

/// A path's market draws by month index: the price multipliers, the market utilization's
/// shocks and its lull factors (each read as its neutral value, 1, past its end).
#[derive(Debug, Clone, Copy)]
struct Market<'a> {
    price: &'a [f64],
    shock: &'a [f64],
    lull: &'a [f64],
}

impl<'a> Market<'a> {
    /// The market draws of `draws`.
    fn of(draws: &'a Draws) -> Self {
        Self {
            price: &draws.price,
            shock: &draws.market_shock,
            lull: &draws.market_lull,
        }
    }
}

/// A box's sales in month index `i` (month `m`, the path's market draws `market`, the
/// month's contract sums `contracts`): (revenue sold, busy hours).
///
/// Inlined into the month loop: a call each month would spill and reload every value the
/// loop holds in registers.
#[inline(always)]
fn operate(
    b: &BoxModel,
    i: usize,
    m: &Month,
    market: &Market<'_>,
    contracts: ContractSales,
) -> (f64, f64) {
    let ContractSales {
        contracted,
        sold,
        busy,
    } = contracts;
    // GPUs idle after their contract are off the market (as the exact model's book).
    let free = m.in_service - contracted - m.idle;
    if free == b.none_free {
        // No GPU left to the market this month: nothing to sell, nothing to run.
        return (sold, busy);
    }
    let (usd, hours) = market_sales(b, i, m, market, free);
    (sold + usd, busy + hours)
}

/// What box `b` sells on the market in month index `i` (month `m`, `free` GPUs on the
/// market, the path's market draws `market`): (the reserved, on-demand
/// and spot revenue, summed in that order; the on-demand, reserved and spot hours, in that
/// order), which [`operate`] adds to the contracts' sums.
#[inline(always)]
fn market_sales(b: &BoxModel, i: usize, m: &Month, market: &Market<'_>, free: f64) -> (f64, f64) {
    let price = m.price * at(market.price, i, 1.0);
    let (shock, lull) = (at(market.shock, i, 1.0), at(market.lull, i, 1.0));
    let utilization = market_utilization(m.utilization, shock, lull);
    let (mut reserved_hours, mut reserved_usd) = (0.0, 0.0);
    for r in &b.reserved {
        if i >= r.first && i < r.end {
            let hours = r.gpus * HOURS;
            // The block's price is fixed at its first month's (r.first ≤ i: a month the
            // market's draws cover wherever month i's do).
            let start =
                b.months.get(r.first).map_or(0.0, |s| s.price) * at(market.price, r.first, 1.0);
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
    (
        reserved_usd + on_demand_hours * price + spot_usd,
        on_demand_hours + reserved_hours + spot_hours,
    )
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
    let mut sales = Vec::new();
    settle_lines(b, bd, &mut states, b.months.len(), &mut sales);
    b.months
        .iter()
        .zip(sales)
        .enumerate()
        .map(|(i, (m, contracts))| {
            let (sold, busy) = operate(b, i, m, &Market::of(&draws), contracts);
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
        usage_months: &every_month,
    };
    params.draw(&Ziggurat::new(), 0, 0, &shape, &mut draws);
    draws
}

/// The deterministic outcome computed in `f64` (IRRs solved, never taken from the base;
/// the waterfall run, never taken from the exact model).
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
        lender_irr_monthly: o.lender_irr_annual.and(model_monthly(&scratch.lender)),
        lender_irr_annual: o.lender_irr_annual,
    }
}

/// The monthly IRR of `flows`.
fn model_monthly(flows: &[f64]) -> Option<f64> {
    annual_irr(flows, None).0
}

/// Draws path `path` under `seed` into `scratch`: each contract line's usage only over the
/// months the path reads (to its last month served, `ContractModel::usage_months`).
pub(crate) fn draw(model: &Model, seed: u64, path: u64, scratch: &mut Scratch) {
    let months = model.months;
    let read = |b: usize, line: usize, u: Option<f64>| {
        let c = model.boxes.get(b).and_then(|b| b.contracts.get(line));
        c.map_or(months, |c| c.usage_months(u, months))
    };
    draw_usage(model, (seed, path), scratch, &read);
}

/// Draws path `path` under `seed` into `scratch` with every month of each contract line's
/// usage (a replay writes them all into its scenario).
pub(crate) fn draw_whole(model: &Model, seed: u64, path: u64, scratch: &mut Scratch) {
    draw_usage(model, (seed, path), scratch, &every_month);
    scratch.draws.sofr.draw_all(&model.ziggurat);
}

/// Draws path `path` under `seed` into `scratch`, each line's usage over `usage_months`
/// ([`Shape::usage_months`]).
fn draw_usage(
    model: &Model,
    (seed, path): (u64, u64),
    scratch: &mut Scratch,
    usage_months: &dyn Fn(usize, usize, Option<f64>) -> usize,
) {
    let shape = Shape {
        months: model.months,
        lines: &scratch.shape_lines,
        floating: scratch.floating,
        priced: scratch.priced,
        utilized: scratch.utilized,
        usage_months,
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

/// The earlier of two first months.
fn earliest(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Month index `i` as a month (1 for the first).
fn month_of(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// What the extra interest of box `f`'s loan reads: its rates, the SOFR process's
/// `floor` and the path's SOFR shifts (`draws.sofr`, drawn by `z` as far as read).
fn rates_of<'a>(
    f: &'a FinancingModel,
    (floor, z): (Option<f64>, &'a Ziggurat),
    draws: &'a Draws,
) -> Rates<'a> {
    Rates::new(
        (f.floating, f.rates_bounded),
        (floor, f.sofr_floor),
        (&f.sofr, &f.owed_accrual),
        Some((z, &draws.sofr)),
    )
}

/// Sets `v` to `len` zeros: lengthened once, then filled (a `memset`, and `memory.fill` in
/// WebAssembly, where clearing and resizing again wrote element by element each path).
fn zeroed(v: &mut Vec<f64>, len: usize) {
    v.resize(len, 0.0);
    v.truncate(len);
    v.fill(0.0);
}

/// The path whose draws are in `scratch`; `shortcut`: a box equal to the deterministic one
/// takes the exact model's flows and credit outcome, and a path equal to the deterministic
/// one the model's base IRRs, instead of running and solving again.
#[allow(clippy::too_many_lines)] // one path through every box, month by month
fn run(model: &Model, scratch: &mut Scratch, shortcut: bool) -> PathOutcome {
    let months = model.months;
    let Scratch {
        draws,
        lines,
        flows,
        equity,
        lender,
        box_equity,
        box_months,
        sales,
        buffers,
        box_credit,
        ..
    } = scratch;
    box_credit.clear();
    let per_box = model.boxes.len() > 1;
    for v in [&mut *flows, &mut *equity, &mut *lender] {
        zeroed(v, months + 1);
    }
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
        lender_irr_annual: None,
        first_lock_up_month: None,
        exposure: 0.0,
        written_off: 0.0,
    };
    let mut changed = false;
    let mut financed = false;
    // Whether a box before has added to the path's equity flows (all +0 until then).
    let mut equity_written = false;
    let empty = BoxDraws::default();
    for ((b, states), bi) in model.boxes.iter().zip(lines.iter_mut()).zip(0..) {
        let bd = draws.boxes.get(bi).unwrap_or(&empty);
        states.resize_with(b.contracts.len(), LineState::default);
        for (c, (state, ld)) in b.contracts.iter().zip(states.iter_mut().zip(&bd.lines)) {
            c.start(ld, recovery, horizon, state);
            o.first_customer_default_month =
                earliest(o.first_customer_default_month, state.default_month);
        }
        let fin = b.financing.as_ref();
        if let Some(p) = flows.first_mut() {
            *p += b.close;
        }
        if let (None, Some(e)) = (fin, equity.first_mut()) {
            *e += b.close;
        }
        let sums = box_months_of(
            b,
            draws,
            bd,
            (states, sales),
            (floor, &model.ziggurat),
            BoxSlots {
                flows,
                equity,
                months: box_months,
            },
            (o.npv + b.npv, o.equity_value),
        );
        o.npv = sums.npv;
        o.equity_value = sums.equity_value;
        changed |= sums.changed;
        let box_changed = sums.box_changed;
        let sole_equity = !equity_written;
        equity_written = true;
        let Some(f) = fin else {
            o.equity_value += b.npv;
            if per_box {
                box_credit.push(Credit::default());
            }
            continue;
        };
        financed = true;
        changed |= box_changed;
        let credit = if shortcut && !box_changed {
            for ((e, l), (be, bl)) in equity
                .iter_mut()
                .zip(lender.iter_mut())
                .zip(f.equity_flows.iter().zip(&f.lender_flows))
            {
                *e += be;
                *l += bl;
            }
            o.equity_value += f.equity_npv;
            f.credit
        } else {
            // The box's equity flows: into the path's directly while those are all +0 (the
            // same bits as into a zeroed buffer then added: a sum started at +0 is never
            // −0, and +0 + x is x for every other x), else into a zeroed buffer first.
            let box_flows: &mut [f64] = if sole_equity {
                equity
            } else {
                zeroed(box_equity, months + 1);
                box_equity
            };
            let credit = waterfall::run(
                &f.terms,
                (
                    (&f.months, &f.repaid),
                    box_months,
                    rates_of(f, (floor, &model.ziggurat), draws),
                ),
                f.equity_close,
                buffers,
                lender,
                box_flows,
            );
            o.equity_value += equity_value(box_flows, &f.equity_flows, &b.discounts, f.equity_npv);
            if !sole_equity {
                for (e, be) in equity.iter_mut().zip(box_equity.iter()) {
                    *e += be;
                }
            }
            credit
        };
        add_credit(&mut o, &credit);
        if per_box {
            box_credit.push(credit);
        }
    }
    if shortcut && !changed {
        o.irr_annual = model.base.irr_annual;
        o.equity_irr_annual = model.base.equity_irr_annual;
        o.lender_irr_annual = model.base.lender_irr_annual;
    } else {
        let (project, owners) = (model.base.irr_monthly, model.base.equity_irr_monthly);
        if financed && without_zero_tail(lender) * 2 <= lender.len() {
            // The lender's flows end early (a loan repaid or foreclosed in the horizon's
            // first half): solved alone on its months up to the last non-zero one, the
            // other two side by side (each rate the same bits either way).
            [o.irr_annual, o.equity_irr_annual] = annual_irrs([flows, equity], [project, owners]);
            [o.lender_irr_annual] = annual_irrs([lender], [model.base.lender_irr_monthly]);
        } else if financed {
            let guesses = [project, owners, model.base.lender_irr_monthly];
            [o.irr_annual, o.equity_irr_annual, o.lender_irr_annual] =
                annual_irrs([flows, equity, lender], guesses);
        } else {
            [o.irr_annual, o.equity_irr_annual] = annual_irrs([flows, equity], [project, owners]);
        }
    }
    o
}

/// The path's buffers one box's months write into: the project's and (without debt) the
/// equity's flows, and (with debt) the path's changes to the box's months, for the waterfall.
struct BoxSlots<'a> {
    flows: &'a mut [f64],
    equity: &'a mut [f64],
    months: &'a mut Vec<PathMonth>,
}

/// What one box's months add to a path: the NPV and equity value so far, and whether the
/// path (its cash flow) or the box's debt (its CFADS, sale, collateral or interest) moved.
struct BoxSums {
    npv: f64,
    equity_value: f64,
    changed: bool,
    box_changed: bool,
}

/// One box's months on the path whose draws are `draws` and `bd` (its contract lines
/// `states`, settled first into `sales`): its cash flows into
/// `slots.flows` (and `slots.equity` without debt), the path's changes to the waterfall's
/// months into `slots.months` (with debt); `(npv, equity_value)` are the path's sums so far, to which
/// the months' discounted changes are added one by one, in month order.
///
/// Kept out of [`run`] (`inline(never)`): the month loop's accumulators stay in registers
/// instead of being spilled around the waterfall's code.
#[inline(never)]
fn box_months_of(
    b: &BoxModel,
    draws: &Draws,
    bd: &BoxDraws,
    (states, sales): (&mut [LineState], &mut Vec<ContractSales>),
    sofr: (Option<f64>, &Ziggurat),
    slots: BoxSlots<'_>,
    sums: (f64, f64),
) -> BoxSums {
    let flows = slots.flows.get_mut(1..).unwrap_or_default();
    let equity = slots.equity.get_mut(1..).unwrap_or_default();
    let n = b.months.len().min(flows.len()).min(equity.len());
    let fin = b.financing.as_ref();
    settle_lines(b, bd, states, n, sales);
    let inputs = MonthInputs {
        months: &b.months,
        sales,
        curtailed: &bd.curtailed,
        residual: &draws.residual,
        market: Market::of(draws),
    };
    let month_slots = (flows, equity, &mut *slots.months);
    // The same loop twice: with every input at least `n` months long (always, as drawn and
    // modelled), sliced to exactly `n` so that its reads need no check; else as it is.
    match inputs.exact(n) {
        Some(exact) => box_months_loop(b, fin, draws, sofr, exact, month_slots, sums),
        None => box_months_as_they_are(b, draws, sofr, inputs, month_slots, sums),
    }
}

/// [`box_months_loop`] on inputs as they are (one shorter than the months: never drawn or
/// modelled so), out of the common loop's way.
#[cold]
#[inline(never)]
fn box_months_as_they_are(
    b: &BoxModel,
    draws: &Draws,
    sofr: (Option<f64>, &Ziggurat),
    inputs: MonthInputs<'_>,
    slots: (&mut [f64], &mut [f64], &mut Vec<PathMonth>),
    sums: (f64, f64),
) -> BoxSums {
    box_months_loop(b, b.financing.as_ref(), draws, sofr, inputs, slots, sums)
}

/// A box's inputs month by month on a path: its months, its contract sums and the path's
/// draws; each read as its neutral value past its end.
#[derive(Debug, Clone, Copy)]
struct MonthInputs<'a> {
    months: &'a [Month],
    sales: &'a [ContractSales],
    curtailed: &'a [f64],
    residual: &'a [f64],
    market: Market<'a>,
}

impl MonthInputs<'_> {
    /// Each input's first `n` months, or `None` if one is shorter.
    fn exact(self, n: usize) -> Option<Self> {
        Some(Self {
            months: self.months.get(..n)?,
            sales: self.sales.get(..n)?,
            curtailed: self.curtailed.get(..n)?,
            residual: self.residual.get(..n)?,
            market: Market {
                price: self.market.price.get(..n)?,
                shock: self.market.shock.get(..n)?,
                lull: self.market.lull.get(..n)?,
            },
        })
    }
}

/// Month index `i` of `values`, `neutral` past its end.
#[inline(always)]
fn at(values: &[f64], i: usize, neutral: f64) -> f64 {
    values.get(i).copied().unwrap_or(neutral)
}

/// [`box_months_of`]'s loop over the box's months (`flows` and `equity` from month 1): the
/// loop without debt, or the one with it (`months` sized once to the loop's months and
/// written by index: no test of the debt's presence nor a push a month; the months
/// without debt left empty).
#[inline(always)]
fn box_months_loop(
    b: &BoxModel,
    fin: Option<&FinancingModel>,
    draws: &Draws,
    sofr: (Option<f64>, &Ziggurat),
    inputs: MonthInputs<'_>,
    (flows, equity, months): (&mut [f64], &mut [f64], &mut Vec<PathMonth>),
    (mut npv, mut equity_value): (f64, f64),
) -> BoxSums {
    let (mut changed, mut box_changed) = (false, false);
    let Some(f) = fin else {
        months.clear();
        for ((i, m), (flow_slot, equity_slot)) in inputs
            .months
            .iter()
            .enumerate()
            .zip(flows.iter_mut().zip(equity.iter_mut()))
        {
            let (_, _, d_cf) = month_change(b, &inputs, i, m);
            *flow_slot += m.flow + d_cf;
            npv += d_cf * m.discount;
            changed |= d_cf != 0.0;
            *equity_slot += m.flow + d_cf;
            equity_value += d_cf * m.discount;
        }
        return BoxSums {
            npv,
            equity_value,
            changed,
            box_changed,
        };
    };
    let rates = rates_of(f, sofr, draws);
    // Every slot is written below; the buffer keeps its length from path to path (one
    // box's months), so that nothing is written here then.
    let len = inputs.months.len().min(flows.len()).min(equity.len());
    months.resize(len, PathMonth::default());
    let mut rows = inputs
        .months
        .iter()
        .enumerate()
        .zip(flows.iter_mut())
        .zip(months.iter_mut());
    // The months up to the first that changes both the cash flow and the debt's inputs test
    // for a change (the extra interest computed for it); the rest, the same months without
    // the tests (the flags are set): the waterfall computes a month's extra interest from
    // its SOFR shift where it composes the month (the shift drawn as far as read).
    let mut rest = 0;
    for (((i, m), flow_slot), month_slot) in rows.by_ref() {
        let slots = (flow_slot, month_slot);
        let (d_cf, d_gm, shock) = financed_month(b, &inputs, (i, m), slots, &mut npv);
        changed |= d_cf != 0.0;
        box_changed |= d_gm != 0.0 || shock != 1.0 || rates.extra(i) != 0.0;
        rest = i + 1;
        if changed && box_changed {
            break;
        }
    }
    if rest < len {
        npv = financed_rest(b, inputs, rest, (flows, months.as_mut_slice()), npv);
    }
    BoxSums {
        npv,
        equity_value,
        changed,
        box_changed,
    }
}

/// Month indices `from..` of a box with debt on the path, after the months that test for a
/// change ([`box_months_loop`]), as [`financed_month`] month by month: the path's `npv` so
/// far, returned with their discounted changes added in month order.
///
/// Out of line (`inline(never)`), with its inputs and slots sliced here to the months'
/// number: the loop holds the slices and the sum in registers, each month read without a
/// check, where inlined after the testing months (whose SOFR reads call out) it reloaded
/// them from the stack each month.
#[inline(never)]
fn financed_rest(
    b: &BoxModel,
    inputs: MonthInputs<'_>,
    from: usize,
    (flows, months): (&mut [f64], &mut [PathMonth]),
    npv: f64,
) -> f64 {
    let n = inputs.months.len();
    match (inputs.exact(n), flows.get_mut(..n), months.get_mut(..n)) {
        (Some(exact), Some(flows), Some(months)) => {
            financed_rest_loop(b, &exact, from, (flows, months), npv)
        }
        _ => financed_rest_as_they_are(b, &inputs, from, (flows, months), npv),
    }
}

/// [`financed_rest`]'s loop on inputs as they are (one shorter than the months: never
/// drawn or modelled so), out of the common loop's way.
#[cold]
#[inline(never)]
fn financed_rest_as_they_are(
    b: &BoxModel,
    inputs: &MonthInputs<'_>,
    from: usize,
    slots: (&mut [f64], &mut [PathMonth]),
    npv: f64,
) -> f64 {
    financed_rest_loop(b, inputs, from, slots, npv)
}

/// [`financed_rest`]'s loop: months `from..` of `inputs.months` (and of `flows` and
/// `months`, as far as all three go).
#[inline(always)]
fn financed_rest_loop(
    b: &BoxModel,
    inputs: &MonthInputs<'_>,
    from: usize,
    (flows, months): (&mut [f64], &mut [PathMonth]),
    mut npv: f64,
) -> f64 {
    for i in from..inputs.months.len() {
        let (Some(m), Some(flow_slot), Some(month_slot)) =
            (inputs.months.get(i), flows.get_mut(i), months.get_mut(i))
        else {
            break;
        };
        financed_month(b, inputs, (i, m), (flow_slot, month_slot), &mut npv);
    }
    npv
}

/// Month index `i` (month `m`) of a box with debt on the path: its cash flow added to
/// `flow_slot`, its discounted change to `npv`, the path's changes to the waterfall's
/// month written to `month_slot`; returns (the change in the cash flow, in the variable
/// gross margin, the residual shock) for the caller's tests.
#[inline(always)]
fn financed_month(
    b: &BoxModel,
    inputs: &MonthInputs<'_>,
    (i, m): (usize, &Month),
    (flow_slot, month_slot): (&mut f64, &mut PathMonth),
    npv: &mut f64,
) -> (f64, f64, f64) {
    let (d_gm, shock, d_cf) = month_change(b, inputs, i, m);
    *flow_slot += m.flow + d_cf;
    *npv += d_cf * m.discount;
    *month_slot = PathMonth {
        cfads: m.cfads + d_gm,
        shock,
    };
    (d_cf, d_gm, shock)
}

/// Month index `i` (month `m`) of a box on the path: (the change in its variable gross
/// margin, the residual shock, the change in its cash flow: the gross margin's and the
/// sale's).
#[inline(always)]
fn month_change(b: &BoxModel, inputs: &MonthInputs<'_>, i: usize, m: &Month) -> (f64, f64, f64) {
    let contracts = inputs.sales.get(i).copied().unwrap_or_default();
    let (sold, busy) = operate(b, i, m, &inputs.market, contracts);
    let event_cut = at(inputs.curtailed, i, 0.0);
    let d_gm = variable(b, m, sold, busy, event_cut) - m.variable;
    let shock = at(inputs.residual, i, 1.0);
    let d_sale = m.sale * shock - m.sale;
    (d_gm, shock, d_gm + d_sale)
}

/// A box's equity value on the path whose equity flows are `box_equity`: the exact
/// model's (`npv`) plus each month's change from the exact flows (`base`), discounted,
/// added in month order.
#[inline(never)]
fn equity_value(box_equity: &[f64], base: &[f64], discounts: &[f64], npv: f64) -> f64 {
    let mut value = npv;
    let (Some((be, box_equity)), Some((base_close, base))) =
        (box_equity.split_first(), base.split_first())
    else {
        return value;
    };
    // The close, discounted by 1 (x · 1 = x, to the bit).
    value += be - base_close;
    let n = box_equity.len().min(base.len()).min(discounts.len());
    let (Some(box_equity), Some(base), Some(discounts)) =
        (box_equity.get(..n), base.get(..n), discounts.get(..n))
    else {
        return value;
    };
    // Four months a step, then the rest (the additions in month order): the loop's tests
    // once for four months, which V8 does not unroll.
    let steps = (
        box_equity.chunks_exact(4),
        base.chunks_exact(4),
        discounts.chunks_exact(4),
    );
    let rest = (
        steps.0.remainder(),
        steps.1.remainder(),
        steps.2.remainder(),
    );
    let add = |value: &mut f64, (e, b, d): (&[f64], &[f64], &[f64])| {
        for ((e, b), d) in e.iter().zip(b).zip(d) {
            *value += (e - b) * d;
        }
    };
    for ((e, b), d) in steps.0.zip(steps.1).zip(steps.2) {
        add(&mut value, (e, b, d));
    }
    add(&mut value, rest);
    value
}

/// A box's credit outcome into the path's: the earliest months, the lowest DSCR, the
/// summed exposure and write-off.
fn add_credit(o: &mut PathOutcome, c: &Credit) {
    o.first_breach_month = earliest(o.first_breach_month, c.first_breach.map(month_of));
    o.first_default_month = earliest(o.first_default_month, c.default.map(|(r, _)| month_of(r)));
    o.first_lock_up_month = earliest(o.first_lock_up_month, c.first_lock_up.map(month_of));
    if let Some((n, d)) = c.lowest_dscr {
        let lowest = n / d;
        o.minimum_dscr = Some(o.minimum_dscr.map_or(lowest, |m| minimum(m, lowest)));
    }
    o.exposure += c.exposure;
    o.written_off += c.written_off;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::montecarlo::options::{MonteCarloInputs, Options, Stochastic};
    use crate::montecarlo::prepare;

    /// `coreweave-box-ig` (a box with debt, under contract) with typical randomness.
    fn model() -> Model {
        model_of("coreweave-box-ig")
    }

    /// Preset `id`'s box with typical randomness.
    fn model_of(id: &str) -> Model {
        let scenario = crate::presets::get(id).unwrap().unwrap().scenario.unwrap();
        let inputs = MonteCarloInputs {
            scenario: Some(scenario),
            portfolio: None,
            options: Options {
                stochastic: Stochastic::typical(),
                ..Options::default()
            },
        };
        prepare::model(&inputs).unwrap()
    }

    /// The months after the change tests through `financed_rest`: (flows, the path's
    /// months, the NPV) as bits.
    type Bits = (Vec<u64>, Vec<[u64; 2]>, u64);

    /// Box `b`'s months `from..` on the path drawn into `scratch`, its inputs as given,
    /// through the sliced route (`exact`) or the one as they are.
    fn rest(b: &BoxModel, scratch: &Scratch, residual: &[f64], exact: bool) -> Bits {
        let draws = &scratch.draws;
        let bd = draws.boxes.first().unwrap();
        let n = b.months.len();
        let mut states = vec![LineState::default(); b.contracts.len()];
        for (c, (state, ld)) in b.contracts.iter().zip(states.iter_mut().zip(&bd.lines)) {
            c.start(ld, 0.4, u32::try_from(n).unwrap(), state);
        }
        let mut sales = Vec::new();
        settle_lines(b, bd, &mut states, n, &mut sales);
        let inputs = MonthInputs {
            months: &b.months,
            sales: &sales,
            curtailed: &bd.curtailed,
            residual,
            market: Market::of(draws),
        };
        let mut flows = vec![0.25; n];
        let mut months = vec![PathMonth::default(); n];
        let slots = (flows.as_mut_slice(), months.as_mut_slice());
        let npv = if exact {
            financed_rest(b, inputs, 3, slots, 1.5)
        } else {
            financed_rest_as_they_are(b, &inputs, 3, slots, 1.5)
        };
        (
            flows.iter().map(|x| x.to_bits()).collect(),
            months
                .iter()
                .map(|m| [m.cfads.to_bits(), m.shock.to_bits()])
                .collect(),
            npv.to_bits(),
        )
    }

    /// The months after the change tests, their inputs sliced once, give the bits of the
    /// same months read as they are; and inputs shorter than the months (a residual drawn
    /// over fewer months) give the bits of the same inputs padded with their neutral value,
    /// the route as they are taken then. A path whose shocks move the months differs from
    /// the neutral one, so that the comparisons can fail.
    #[test]
    fn the_months_after_the_tests_are_the_same_sliced_or_as_they_are() {
        let model = model();
        let b = model.boxes.first().unwrap();
        let n = b.months.len();
        let mut scratch = Scratch::new(&model);
        let mut moved = 0;
        for path in 0..40 {
            draw(&model, 11, path, &mut scratch);
            let residual = scratch.draws.residual.clone();
            let sliced = rest(b, &scratch, &residual, true);
            assert_eq!(sliced, rest(b, &scratch, &residual, false));
            // The residual's last 7 months not drawn: read as 1, as if drawn so.
            let short = residual.get(..n - 7).unwrap().to_vec();
            let mut padded = short.clone();
            padded.resize(n, 1.0);
            let cut = rest(b, &scratch, &short, true);
            assert_eq!(cut, rest(b, &scratch, &padded, true));
            moved += usize::from(cut != sliced);
        }
        assert!(moved > 30, "{moved}");
    }

    /// Edge values of the month loop's inputs: signed zeros, infinities, NaN, subnormals,
    /// shares at 0 and 1, and ordinary values.
    const EDGES: [f64; 12] = [
        0.0,
        -0.0,
        1.0,
        0.25,
        1e-310,
        -1e-310,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        0.999_999_999_999_999_9,
        -3.5,
        1.0e9,
    ];

    /// Whether `a` and `b` are the same bits, or both NaN (a NaN's sign and payload are
    /// not fixed by the source: the compiler may swap an addition's operands, and x86 keeps
    /// the first operand's NaN).
    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    /// The variable margin as computed before `1 − cut` was read from the month and the
    /// event's cut was inlined: the independent reference.
    fn variable_before(b: &BoxModel, m: &Month, sold: f64, busy: f64, event_cut: f64) -> f64 {
        let mwh = m.idle_mwh + b.busy_mwh * busy;
        let cut = if event_cut == 0.0 {
            m.cut
        } else {
            1.0 - (1.0 - m.cut) * (1.0 - event_cut)
        };
        let revenue = sold - sold * cut + mwh * cut * b.demand_response;
        revenue * (1.0 - b.sga) - mwh * (1.0 - cut) * m.power_price
    }

    /// The month's sales as computed before the blocks' test was folded into the free GPUs'
    /// comparison: the independent reference.
    fn operate_before(
        b: &BoxModel,
        i: usize,
        m: &Month,
        market: &Market<'_>,
        contracts: ContractSales,
    ) -> (f64, f64) {
        let free = m.in_service - contracts.contracted - m.idle;
        if free == 0.0 && b.reserved.is_empty() {
            return (contracts.sold, contracts.busy);
        }
        let (usd, hours) = market_sales(b, i, m, market, free);
        (contracts.sold + usd, contracts.busy + hours)
    }

    /// Every preset's months hold `1 − cut` as computed from the cut and the loan's CFADS
    /// (0 without debt or past the loan's months), and its box the free GPUs' comparison
    /// value of its reserved blocks (0 without, NaN with).
    #[test]
    fn the_months_precomputed_values_are_their_definitions() {
        let mut reserved = 0;
        for (name, _) in crate::presets::files() {
            let id = name.trim_end_matches(".json");
            let Some(scenario) = crate::presets::get(id).unwrap().unwrap().scenario else {
                continue;
            };
            let inputs = MonteCarloInputs {
                scenario: Some(scenario),
                portfolio: None,
                options: Options::default(),
            };
            let model = prepare::model(&inputs).unwrap();
            for b in &model.boxes {
                let loan = b.financing.as_ref().map_or(&[][..], |f| &f.months);
                for (i, m) in b.months.iter().enumerate() {
                    assert_eq!(m.uncut.to_bits(), (1.0 - m.cut).to_bits(), "{id} {i}");
                    let cfads = loan.get(i).map_or(0.0, |l| l.cfads);
                    assert_eq!(m.cfads.to_bits(), cfads.to_bits(), "{id} {i}");
                }
                if b.reserved.is_empty() {
                    assert_eq!(b.none_free.to_bits(), 0.0_f64.to_bits(), "{id}");
                } else {
                    assert!(b.none_free.is_nan(), "{id}");
                    reserved += 1;
                }
            }
        }
        assert!(reserved > 0);
    }

    /// The month's variable margin and sales give the bits of their former formulations on
    /// every combination of edge values (cuts, events, sales, busy hours, free GPUs), for a
    /// box without reserved blocks and one with them.
    #[test]
    fn the_month_loops_arithmetic_is_the_same_bits_as_before() {
        let mut scratch = Scratch::new(&model());
        for id in ["coreweave-box-ig", "h100-node-reserved-3y"] {
            let model = model_of(id);
            let b = model.boxes.first().unwrap();
            draw(&model, 3, 1, &mut scratch);
            let market = Market::of(&scratch.draws);
            let base = *b.months.first().unwrap();
            for (cut, event_cut, x) in EDGES
                .iter()
                .flat_map(|c| EDGES.iter().flat_map(move |e| EDGES.map(|x| (*c, *e, x))))
            {
                let m = Month {
                    cut,
                    uncut: 1.0 - cut,
                    in_service: x,
                    ..base
                };
                for (sold, busy) in [(x, 3.0), (2.0, x), (x, x)] {
                    let new = variable(b, &m, sold, busy, event_cut);
                    let old = variable_before(b, &m, sold, busy, event_cut);
                    assert!(same(new, old), "{cut} {event_cut} {x}: {new} {old}");
                }
                for contracted in [x, 0.0, -0.0, m.in_service - m.idle] {
                    let contracts = ContractSales {
                        contracted,
                        sold: cut,
                        busy: event_cut,
                    };
                    let (usd, hours) = operate(b, 0, &m, &market, contracts);
                    let (usd_before, hours_before) = operate_before(b, 0, &m, &market, contracts);
                    assert!(
                        same(usd, usd_before),
                        "{id} {cut} {event_cut} {x} {contracted}"
                    );
                    assert!(
                        same(hours, hours_before),
                        "{id} {cut} {event_cut} {x} {contracted}"
                    );
                }
            }
        }
    }

    /// The first box's equity flows added by the waterfall into the path's directly give the
    /// bits of the former route (into a zeroed buffer, then added to the path's +0 flows,
    /// the value summed in the same loop), on paths that move the box's months; and a sum
    /// started at +0 is unchanged, to the bit, by a +0 added to it, whatever the addends.
    #[test]
    fn the_equity_written_directly_is_the_same_bits_as_through_a_buffer() {
        for x in EDGES {
            for y in EDGES {
                let sum = std::hint::black_box(0.0) + x + y;
                assert_eq!((0.0 + sum).to_bits(), sum.to_bits(), "{x} {y}");
            }
        }
        let model = model();
        let b = model.boxes.first().unwrap();
        let f = b.financing.as_ref().unwrap();
        let mut scratch = Scratch::new(&model);
        let mut moved = 0;
        for path in 0..40 {
            let o = simulate(&model, 5, path, &mut scratch);
            let n = model.months + 1;
            let (mut lender, mut box_equity) = (vec![0.0; n], vec![0.0; n]);
            let floor = model.params.sofr.and_then(|(_, _, floor)| floor);
            let rates = rates_of(f, (floor, &model.ziggurat), &scratch.draws);
            waterfall::run(
                &f.terms,
                ((&f.months, &f.repaid), &scratch.box_months, rates),
                f.equity_close,
                &mut Buffers::default(),
                &mut lender,
                &mut box_equity,
            );
            // The former route: the flows added to +0, the value summed in the same loop
            // (the close's change undiscounted).
            let mut equity = vec![0.0; n];
            equity[0] += box_equity[0];
            let mut value = f.equity_npv + (box_equity[0] - f.equity_flows[0]);
            for (((e, be), base), m) in equity[1..]
                .iter_mut()
                .zip(&box_equity[1..])
                .zip(&f.equity_flows[1..])
                .zip(&b.months)
            {
                *e += be;
                value += (be - base) * m.discount;
            }
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&scratch.equity), bits(&equity), "{path}");
            assert_eq!(bits(&scratch.lender), bits(&lender), "{path}");
            assert_eq!(o.equity_value.to_bits(), (0.0 + value).to_bits(), "{path}");
            moved += usize::from(value != f.equity_npv);
        }
        assert!(moved > 30, "{moved}");
    }

    /// The equity value four months a step is the month-by-month sum, to the bit: every
    /// count of months (the remainder's cases), every edge value in every place, and slices
    /// of unequal lengths (the shortest's months).
    #[test]
    fn the_equity_value_four_months_a_step_is_the_month_by_month_sum() {
        let month_by_month = |box_equity: &[f64], base: &[f64], discounts: &[f64], npv: f64| {
            let (Some((be, box_equity)), Some((b, base))) =
                (box_equity.split_first(), base.split_first())
            else {
                return npv;
            };
            let mut value = npv + (be - b);
            for ((be, base), discount) in box_equity.iter().zip(base).zip(discounts) {
                value += (be - base) * discount;
            }
            value
        };
        for n in 0..11 {
            for (k, x) in EDGES.iter().enumerate() {
                // Flows and discounts whose products and sums round (thirds, sevenths of
                // millions), so that a different order of additions shows in the bits.
                let filler =
                    |j: usize| f64::from(u32::try_from(j * 7 + k).unwrap()) * 1e6 / 3.0 + 0.1;
                let equity: Vec<f64> = (0..n)
                    .map(|j| if j == k % n.max(1) { *x } else { filler(j) })
                    .collect();
                let base: Vec<f64> = (0..n).map(|j| filler(j + 3) / 7.0).collect();
                let discounts: Vec<f64> = (0..n)
                    .map(|j| 1.0 / (1.01 + 0.003 * f64::from(u32::try_from(j).unwrap())))
                    .collect();
                for short in [0, 1] {
                    let d = &discounts[..discounts.len().saturating_sub(short)];
                    let got = equity_value(&equity, &base, d, 2.5);
                    let want = month_by_month(&equity, &base, d, 2.5);
                    assert!(same(got, want), "{n} {k} {short}: {got} {want}");
                }
            }
        }
    }
}

//! A take-or-pay contract settled in `f64` on one path's usage, month by month, by the
//! formulas of [`models::take_or_pay`](crate::models::take_or_pay) (true-up periods,
//! shortfalls, make-up credits, caps and overage, escalated prices, a termination fee) on
//! the contract's own terms, computed once by that module in `Decimal`.
//!
//! A buyer that defaults in month `d` is a termination in `d`: the months after it are not
//! served, the period it cuts is pro-rated (its minimum is the sum of its months' minimums
//! up to `d`), and the fee is the recovery: `recovery × the minimum payments of the months
//! after d`. Its GPUs return to the market from month `d + 1`.

use super::float::{lesser, positive, unit};
use super::processes::LineDraws;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::take_or_pay::{self, Contract};
use crate::scenario::ContractLine;
use crate::units::{self, HOURS_PER_MONTH, to_f64_lossy};

/// One month of a contract's terms.
#[derive(Debug, Clone)]
struct Terms {
    price: f64,
    shortfall_price: f64,
    overage_price: Option<f64>,
    /// The period (1 first), its last month, its full minimum, and the sum of the minimums
    /// of its months up to this one.
    period: u32,
    period_end: u32,
    period_minimum: f64,
    minimum_so_far: f64,
}

/// A contract line's terms and base usage, in `f64`.
#[derive(Debug, Clone)]
pub(crate) struct ContractModel {
    pub(crate) gpus: f64,
    pub(crate) start: u32,
    /// The last month served (the term's end, or the scenario's own termination).
    pub(crate) last: u32,
    /// The scenario's own termination fee, and its month.
    fee: Option<(u32, f64)>,
    cap: Option<f64>,
    window: Option<u32>,
    terms: Vec<Terms>,
    /// `gpus × 730`.
    full: f64,
    /// The usage share, months 1 to the horizon.
    pub(crate) share: Vec<f64>,
    /// The minimum payments after each month of the term, exact: what a default leaves
    /// unpaid (entry `j` for the month `start + j`).
    pub(crate) unpaid_after: Vec<Decimal>,
    /// The chance of a default by each month of the term, `1 − q^(j + 1)`.
    default_by: Vec<f64>,
}

/// A contract's state on one path.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineState {
    /// The last month served on this path.
    pub(crate) last: u32,
    /// The fee and its month on this path.
    fee: Option<(u32, f64)>,
    /// The default month, if the buyer defaults within the horizon.
    pub(crate) default_month: Option<u32>,
    /// The current period, its minimum and the usage counted against it.
    period: u32,
    minimum: f64,
    counted: f64,
    /// Make-up credits: (period earned, GPU-hours left), oldest first.
    credits: Vec<(u32, f64)>,
}

/// A line's inputs over the months it serves on a path, each exactly as long
/// ([`ContractModel::served_inputs`]): read month by month without a check.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Served<'a> {
    /// The month index of the first.
    first: usize,
    terms: &'a [Terms],
    share: &'a [f64],
    shock: &'a [f64],
    lull: &'a [f64],
}

/// A month's settlement: revenue and usage served.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Settled {
    pub(crate) revenue: f64,
    pub(crate) served: f64,
}

impl ContractModel {
    /// The model of `line` over `months` months; `survival` is the monthly survival factor
    /// of a buyer default, when buyers default (never a prepaid buyer).
    pub(crate) fn new(
        line: &ContractLine,
        months: u32,
        survival: Option<f64>,
    ) -> Result<Self, ModelError> {
        let c: &Contract = &line.contract;
        let periods = take_or_pay::terms(c)?;
        let mut terms = Vec::new();
        let mut payments = Vec::new();
        for period in &periods {
            let end = period.months.last().map_or(0, |t| t.month);
            let mut so_far = Decimal::ZERO;
            for t in &period.months {
                so_far = units::add(so_far, t.minimum_gpu_hours, "contract")?;
                terms.push(Terms {
                    price: to_f64_lossy(t.price),
                    shortfall_price: to_f64_lossy(t.shortfall_price),
                    overage_price: t.overage_price.map(to_f64_lossy),
                    period: period.period,
                    period_end: end,
                    period_minimum: to_f64_lossy(period.minimum_gpu_hours),
                    minimum_so_far: to_f64_lossy(so_far),
                });
                payments.push(t.minimum_payment_usd);
            }
        }
        let mut unpaid_after = vec![Decimal::ZERO; payments.len()];
        let mut sum = Decimal::ZERO;
        for (slot, payment) in unpaid_after.iter_mut().zip(&payments).rev() {
            *slot = sum;
            sum = units::add(sum, *payment, "contract")?;
        }
        let full = units::mul(c.gpus, HOURS_PER_MONTH, "contract.gpus")?;
        // A prepaid buyer is not drawn to default: what it owes is paid (the scenario applies
        // its prepayment over the months served).
        let survival = survival.filter(|_| line.prepaid_share.is_zero());
        let default_by = survival.map_or_else(Vec::new, |q| {
            let mut alive = 1.0;
            terms
                .iter()
                .map(|_| {
                    alive *= q;
                    1.0 - alive
                })
                .collect()
        });
        Ok(Self {
            gpus: to_f64_lossy(c.gpus),
            start: c.start_month,
            last: c.last_month(),
            fee: c.termination.map(|t| (t.month, to_f64_lossy(t.fee_usd))),
            cap: c.cap_gpu_hours_per_month.map(to_f64_lossy),
            window: c.make_up.map(|m| m.window_periods),
            terms,
            full: to_f64_lossy(full),
            share: (1..=months)
                .map(|m| to_f64_lossy(line.usage_share_in(m)))
                .collect(),
            unpaid_after,
            default_by,
        })
    }

    /// The terms of `month` (within the term).
    #[inline(always)]
    fn terms(&self, month: u32) -> Option<&Terms> {
        let index = month.checked_sub(self.start)?;
        self.terms.get(usize::try_from(index).ok()?)
    }

    /// The default month of a path whose default uniform is `u`: the first month of the
    /// term by which the chance of default exceeds `u`, if within the term and `horizon`.
    pub(crate) fn default_month(&self, u: Option<f64>, horizon: u32) -> Option<u32> {
        let u = u?;
        let j = self.default_by.partition_point(|p| *p <= u);
        if j >= self.default_by.len() {
            return None;
        }
        let month = self.start.checked_add(u32::try_from(j).ok()?)?;
        (month <= self.last && month <= horizon).then_some(month)
    }

    /// Starts a path: its default month and the state to settle it.
    pub(crate) fn start(
        &self,
        draws: &LineDraws,
        recovery: f64,
        horizon: u32,
        state: &mut LineState,
    ) {
        state.default_month = self.default_month(draws.default_uniform, horizon);
        match state.default_month {
            Some(d) => {
                state.last = d;
                let unpaid = usize::try_from(d - self.start)
                    .ok()
                    .and_then(|j| self.unpaid_after.get(j))
                    .map_or(0.0, |u| to_f64_lossy(*u));
                state.fee = Some((d, recovery * unpaid));
            }
            None => {
                state.last = self.last;
                state.fee = self.fee;
            }
        }
        state.period = 0;
        state.counted = 0.0;
        state.credits.clear();
    }

    /// The month indices among `0..months` that the contract serves on this path, as a
    /// range `lo..hi`: months `lo + 1` to `hi`, from its start (or month 1) to its last
    /// month on the path, empty if none (index `i` is month `i + 1`).
    #[inline(always)]
    pub(crate) fn served(&self, state: &LineState, months: usize) -> (usize, usize) {
        let index = |month: u32| usize::try_from(month).unwrap_or(usize::MAX);
        let lo = index(self.start.max(1) - 1).min(months);
        let hi = index(state.last).min(months).max(lo);
        (lo, hi)
    }

    /// The usage share in month index `i` on this path.
    #[inline(always)]
    pub(crate) fn usage_share(&self, draws: &LineDraws, i: usize) -> f64 {
        let at = |v: &[f64], default: f64| v.get(i).copied().unwrap_or(default);
        unit(at(&self.share, 0.0) * at(&draws.shock, 1.0)) * at(&draws.lull, 1.0)
    }

    /// Settles month index `i` (month `i + 1`, one the contract serves on this path: in
    /// [`served`](Self::served)) on the path's usage draws `draws`: nothing past the
    /// contract's terms.
    #[inline(always)]
    pub(crate) fn settle_served(
        &self,
        state: &mut LineState,
        draws: &LineDraws,
        i: usize,
    ) -> Settled {
        let month = u32::try_from(i + 1).unwrap_or(u32::MAX);
        match self.terms(month) {
            Some(t) => self.settle_on(t, state, month, self.usage_share(draws, i)),
            None => Settled::default(),
        }
    }

    /// The line's terms, base usage shares and the path's usage draws over the month
    /// indices `lo..hi` it serves ([`served`](Self::served)), each sliced once to `hi − lo`
    /// months, or `None` if one is shorter (the draws or shares shorter than the horizon,
    /// or months past the terms: never so drawn or modelled).
    #[inline(always)]
    pub(crate) fn served_inputs<'a>(
        &'a self,
        draws: &'a LineDraws,
        (lo, hi): (usize, usize),
    ) -> Option<Served<'a>> {
        let n = hi.checked_sub(lo)?;
        let first_term = (lo + 1).checked_sub(usize::try_from(self.start).ok()?)?;
        Some(Served {
            first: lo,
            terms: self.terms.get(first_term..)?.get(..n)?,
            share: self.share.get(lo..hi)?,
            shock: draws.shock.get(lo..hi)?,
            lull: draws.lull.get(lo..hi)?,
        })
    }

    /// Settles the `k`-th month of `served` (month index `served.first + k`): as
    /// [`settle_served`](Self::settle_served), its inputs read from the slices.
    #[inline(always)]
    pub(crate) fn settle_at(
        &self,
        state: &mut LineState,
        served: &Served<'_>,
        k: usize,
    ) -> Settled {
        let inputs = (
            served.terms.get(k),
            served.share.get(k),
            served.shock.get(k),
            served.lull.get(k),
        );
        let (Some(t), Some(share), Some(shock), Some(lull)) = inputs else {
            return Settled::default();
        };
        let month = u32::try_from(served.first + k + 1).unwrap_or(u32::MAX);
        self.settle_on(t, state, month, unit(share * shock) * lull)
    }

    /// Settles `month` (1 first, one the contract serves on this path; `t`, its terms) at
    /// usage share `share`.
    #[inline(always)]
    fn settle_on(&self, t: &Terms, state: &mut LineState, month: u32, share: f64) -> Settled {
        if t.period != state.period {
            state.period = t.period;
            state.counted = 0.0;
            state.minimum = if state.last < t.period_end {
                self.terms(state.last).map_or(0.0, |cut| cut.minimum_so_far)
            } else {
                t.period_minimum
            };
        }
        let usage = self.full * share;
        let within = self.cap.map_or(usage, |cap| lesser(usage, cap));
        let above_cap = usage - within;
        let (overage, unserved) = match t.overage_price {
            Some(_) => (above_cap, 0.0),
            None => (0.0, above_cap),
        };
        let above_before = positive(state.counted - state.minimum);
        state.counted += within;
        let above_after = positive(state.counted - state.minimum);
        let used = use_credits(&mut state.credits, above_after - above_before);
        let mut revenue = (within - used) * t.price + overage * t.overage_price.unwrap_or(0.0);
        if month == t.period_end || month == state.last {
            let shortfall = positive(state.minimum - state.counted);
            revenue += shortfall * t.shortfall_price;
            if let Some(window) = self.window {
                if shortfall > 0.0 {
                    state.credits.push((t.period, shortfall));
                }
                let ends = month == state.last;
                state.credits.retain(|(earned, _)| {
                    !(ends || u64::from(*earned) + u64::from(window) <= u64::from(t.period))
                });
            }
        }
        if let Some((fee_month, fee)) = state.fee
            && fee_month == month
        {
            revenue += fee;
        }
        Settled {
            revenue,
            served: usage - unserved,
        }
    }
}

/// Uses up to `wanted` GPU-hours of credit, oldest first; returns the hours used.
#[inline]
fn use_credits(credits: &mut Vec<(u32, f64)>, wanted: f64) -> f64 {
    let mut used = 0.0;
    while let Some((_, left)) = credits.first_mut() {
        let still = wanted - used;
        if still <= 0.0 {
            break;
        }
        let take = lesser(*left, still);
        *left -= take;
        used += take;
        if *left == 0.0 {
            credits.remove(0);
        }
    }
    used
}

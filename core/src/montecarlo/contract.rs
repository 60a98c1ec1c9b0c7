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
use super::make_up::{Credits, NoCredits};
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
    /// The price of the hours above the cap, 0 without one (the model's `overage` says
    /// whether there is one: a contract's, so every month's).
    overage_price: f64,
    /// The period (1 first), its last month, whether this month is that one, its full
    /// minimum, and the sum of the minimums of its months up to this one.
    period: u32,
    period_end: u32,
    ends_period: bool,
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
    /// The scenario's own termination fee, billed in its month: the last.
    fee: Option<f64>,
    /// The cap on the GPU-hours a month within the price, +∞ without one: the lesser of a
    /// path's usage (finite: a share in [0, 1] of finite hours) and +∞ is the usage itself.
    cap: f64,
    window: Option<u32>,
    /// Whether the hours above the cap are sold at the overage price (else unserved): read
    /// once a line rather than from each month's terms, so that the month's choice is the
    /// same in every month of the settlement's loop.
    overage: bool,
    terms: Vec<Terms>,
    /// Whether every month is a true-up period of its own (each month's terms end their
    /// period, numbered from 1, each month's number another than the month's before): a
    /// month served then starts its period, at its full minimum ([`Settling`]'s `MONTHLY`).
    monthly: bool,
    /// Whether the line has a cap or an overage price (the latter only with the former, as
    /// validated): without either, a month serves all its usage within the price
    /// ([`Settling`]'s `CAPPED`).
    capped: bool,
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
    /// The fee on this path, billed in its last month (a default's, or the termination's).
    fee: Option<f64>,
    /// The default month, if the buyer defaults within the horizon.
    pub(crate) default_month: Option<u32>,
    /// Make-up credits: (period earned, GPU-hours left), oldest first.
    credits: Vec<(u32, f64)>,
}

/// A line's current true-up period while its months are settled on a path: its number (1
/// first; 0 before the first month), its minimum and the usage counted against it, in
/// GPU-hours.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Period {
    number: u32,
    minimum: f64,
    counted: f64,
}

/// A line's settlement over the months it serves on a path
/// ([`ContractModel::settling`], run by [`Settling::settle_into`]): its inputs, its current
/// period, its last month and fee on the path, and its credits `C` held here, in registers
/// through the months' loop. `MONTHLY`: the line's periods are its months
/// ([`ContractModel`]'s `monthly`), so each month starts its period without the tests.
/// `CAPPED`: the line has a cap or an overage price ([`ContractModel`]'s `capped`); else
/// each month serves its usage within the price, without the cap's arithmetic.
#[derive(Debug)]
pub(crate) struct Settling<'a, C, const MONTHLY: bool = false, const CAPPED: bool = true> {
    model: &'a ContractModel,
    inputs: Served<'a>,
    /// Whether the last of these months is the line's last on the path (not cut by the
    /// horizon).
    ends: bool,
    period: Period,
    last: u32,
    fee: Option<f64>,
    credits: C,
}

/// A line's [`Settling`], on the kind of credits its contract can hold: chosen once a line
/// ([`ContractModel::settling`]), so that each kind has its own months' loop.
#[derive(Debug)]
pub(crate) enum Settlings<'a> {
    /// No make-up window: never a credit.
    WithoutCredits(Settling<'a, NoCredits>),
    /// No make-up window, and every month a period of its own.
    WithoutCreditsMonthly(Settling<'a, NoCredits, true>),
    /// No make-up window, every month a period of its own, and neither a cap nor an overage
    /// price.
    WithoutCreditsMonthlyUncapped(Settling<'a, NoCredits, true, false>),
    /// A make-up window: the path's credits, in its line state.
    WithCredits(Settling<'a, &'a mut Vec<(u32, f64)>>),
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
                    overage_price: t.overage_price.map_or(0.0, to_f64_lossy),
                    period: period.period,
                    period_end: end,
                    ends_period: t.month == end,
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
        let monthly = terms.iter().all(|t| t.ends_period && t.period != 0)
            && terms
                .iter()
                .zip(terms.iter().skip(1))
                .all(|(a, b)| a.period != b.period);
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
            // A termination's month is within the term (validated): the contract's last.
            fee: c.termination.map(|t| to_f64_lossy(t.fee_usd)),
            cap: c
                .cap_gpu_hours_per_month
                .map_or(f64::INFINITY, to_f64_lossy),
            window: c.make_up.map(|m| m.window_periods),
            overage: c.overage_price_usd_per_gpu_hour.is_some(),
            terms,
            monthly,
            capped: c.cap_gpu_hours_per_month.is_some()
                || c.overage_price_usd_per_gpu_hour.is_some(),
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

    /// The months of usage draws that a path whose default uniform is `u` reads for this
    /// line, over `months` months: the served months' end ([`served`](Self::served)), 0 if
    /// it serves none. The usage after a buyer's default (or after the term) is never read.
    pub(crate) fn usage_months(&self, u: Option<f64>, months: usize) -> usize {
        let horizon = u32::try_from(months).unwrap_or(u32::MAX);
        // The last month served: the default month, else the line's own (as `start`).
        let last = self.default_month(u, horizon).unwrap_or(self.last);
        match self.served_until(last, months) {
            (lo, hi) if hi > lo => hi,
            _ => 0,
        }
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
        state.last = state.default_month.unwrap_or(self.last);
        match state.default_month {
            Some(d) => {
                let unpaid = usize::try_from(d - self.start)
                    .ok()
                    .and_then(|j| self.unpaid_after.get(j))
                    .map_or(0.0, |u| to_f64_lossy(*u));
                state.fee = Some(recovery * unpaid);
            }
            None => state.fee = self.fee,
        }
        state.credits.clear();
    }

    /// The month indices among `0..months` that the contract serves on this path, as a
    /// range `lo..hi`: months `lo + 1` to `hi`, from its start (or month 1) to its last
    /// month on the path, empty if none (index `i` is month `i + 1`).
    #[inline(always)]
    pub(crate) fn served(&self, state: &LineState, months: usize) -> (usize, usize) {
        self.served_until(state.last, months)
    }

    /// [`served`](Self::served) on a path where the line's last month is `last`.
    #[inline(always)]
    fn served_until(&self, last: u32, months: usize) -> (usize, usize) {
        let index = |month: u32| usize::try_from(month).unwrap_or(usize::MAX);
        let lo = index(self.start.max(1) - 1).min(months);
        let hi = index(last).min(months).max(lo);
        (lo, hi)
    }

    /// The usage share in month index `i` on this path.
    #[inline(always)]
    pub(crate) fn usage_share(&self, draws: &LineDraws, i: usize) -> f64 {
        let at = |v: &[f64], default: f64| v.get(i).copied().unwrap_or(default);
        unit(at(&self.share, 0.0) * at(&draws.shock, 1.0)) * at(&draws.lull, 1.0)
    }

    /// Settles month index `i` (month `i + 1`, one the contract serves on this path: in
    /// [`served`](Self::served)) on the path's usage draws `draws`, in the line's current
    /// period `period` (the default before the first month served): nothing past the
    /// contract's terms.
    #[inline(always)]
    pub(crate) fn settle_served(
        &self,
        (state, period): (&mut LineState, &mut Period),
        draws: &LineDraws,
        i: usize,
    ) -> Settled {
        let month = u32::try_from(i + 1).unwrap_or(u32::MAX);
        match self.terms(month) {
            Some(t) => {
                let on_path = (state.last, state.fee);
                let share = self.usage_share(draws, i);
                let ends = month == state.last;
                let credits = &mut state.credits;
                self.settle_on::<false, true>(t, (period, credits), on_path, ends, share)
            }
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

    /// The settlement of this line over `inputs`, its inputs over the months it serves on
    /// the path ([`served_inputs`](Self::served_inputs)), from `state` (started for the
    /// path): on [`NoCredits`] without a make-up window (a credit is only earned with one),
    /// else on the state's credits.
    #[inline(always)]
    pub(crate) fn settling<'a>(
        &'a self,
        state: &'a mut LineState,
        inputs: Served<'a>,
    ) -> Settlings<'a> {
        let on_path = (state.last, state.fee);
        match self.window {
            None if self.monthly && !self.capped => Settlings::WithoutCreditsMonthlyUncapped(
                Settling::new(self, inputs, on_path, NoCredits),
            ),
            None if self.monthly => {
                Settlings::WithoutCreditsMonthly(Settling::new(self, inputs, on_path, NoCredits))
            }
            None => Settlings::WithoutCredits(Settling::new(self, inputs, on_path, NoCredits)),
            Some(_) => {
                let credits = &mut state.credits;
                Settlings::WithCredits(Settling::new(self, inputs, on_path, credits))
            }
        }
    }

    /// Settles a month the contract serves on this path (`t`, its terms; `ends`: the line's
    /// last on the path) at usage share `share`, in the line's current period `p` with its
    /// `credits`, the line's last month and fee on the path being `(last, fee)`.
    /// `MONTHLY`: every month is a period of its own ([`Settling`]), so this one starts its
    /// period at its full minimum and ends it: as the tests below give for such a month
    /// (its number is not the month's before, nor 0, the line's last month is not before
    /// this month, its period's end, and its terms end their period).
    ///
    /// `CAPPED` false: the line has neither a cap nor an overage price ([`Settling`]), so
    /// the month's hours are all within the price, to the bits the cap's arithmetic gives:
    /// the usage is finite (a share in [0, 1] of finite hours), so the lesser of it and the
    /// cap of +∞ is the usage itself, the hours above the cap +0, and the usage less +0 the
    /// usage to the bit (`x − (+0)` is `x` for every `x`); the overage's revenue is +0 hours
    /// at a price of +0 (the terms' without an overage price), +0, added as it was.
    #[inline(always)]
    fn settle_on<const MONTHLY: bool, const CAPPED: bool>(
        &self,
        t: &Terms,
        (p, credits): (&mut Period, &mut impl Credits),
        (last, fee): (u32, Option<f64>),
        ends: bool,
        share: f64,
    ) -> Settled {
        let usage = self.full * share;
        let (within, overage_revenue, unserved) = if CAPPED {
            let within = lesser(usage, self.cap);
            let above_cap = usage - within;
            let (overage, unserved) = if self.overage {
                (above_cap, 0.0)
            } else {
                (0.0, above_cap)
            };
            (within, overage * t.overage_price, unserved)
        } else {
            (usage, 0.0, 0.0)
        };
        if MONTHLY {
            *p = Period {
                number: t.period,
                minimum: t.period_minimum,
                counted: 0.0,
            };
        } else if t.period != p.number {
            *p = Period {
                number: t.period,
                minimum: if last < t.period_end {
                    self.terms(last).map_or(0.0, |cut| cut.minimum_so_far)
                } else {
                    t.period_minimum
                },
                counted: 0.0,
            };
        }
        let above_before = positive(p.counted - p.minimum);
        p.counted += within;
        let above_after = positive(p.counted - p.minimum);
        let used = credits.used(above_after - above_before);
        let mut revenue = (within - used) * t.price + overage_revenue;
        // Every month of a `MONTHLY` line ends its period: no test.
        if MONTHLY || t.ends_period || ends {
            let shortfall = positive(p.minimum - p.counted);
            revenue += shortfall * t.shortfall_price;
            if let Some(window) = self.window {
                credits.close(window, t.period, shortfall, ends);
            }
        }
        if let Some(fee) = fee
            && ends
        {
            revenue += fee;
        }
        Settled {
            revenue,
            served: usage - unserved,
        }
    }
}

impl<'a, C: Credits, const MONTHLY: bool, const CAPPED: bool> Settling<'a, C, MONTHLY, CAPPED> {
    /// The settlement of `model`'s months over `inputs` from before its first month, the
    /// line's last month and fee on the path being `(last, fee)`, on `credits`.
    #[inline(always)]
    fn new(
        model: &'a ContractModel,
        inputs: Served<'a>,
        (last, fee): (u32, Option<f64>),
        credits: C,
    ) -> Self {
        let end = inputs.first + inputs.terms.len();
        Self {
            model,
            inputs,
            ends: usize::try_from(last).is_ok_and(|last| end == last),
            period: Period::default(),
            last,
            fee,
            credits,
        }
    }

    /// Settles the months in order, each into its entry of `out` (one a month, as many) by
    /// `add`: as [`ContractModel::settle_served`] month by month, the inputs read side by
    /// side from the slices; all months but the last in one loop, where none is the line's
    /// last, then the last.
    ///
    /// Out of line (`inline(never)`, one copy for each kind of credits and each caller):
    /// its loop keeps the inputs' slices in registers, where inlined into the box's lines'
    /// loop it reloaded them from the stack every month.
    #[inline(never)]
    pub(crate) fn settle_into<T>(mut self, out: &mut [T], mut add: impl FnMut(&mut T, Settled)) {
        let Served {
            terms,
            share,
            shock,
            lull,
            ..
        } = self.inputs;
        let Some(k) = out.len().checked_sub(1) else {
            return;
        };
        let (Some((out, [last_out])), Some((terms, [last_terms]))) =
            (out.split_at_mut_checked(k), terms.split_at_checked(k))
        else {
            return;
        };
        let (Some((share, [last_share])), Some((shock, [last_shock])), Some((lull, [last_lull]))) = (
            share.split_at_checked(k),
            shock.split_at_checked(k),
            lull.split_at_checked(k),
        ) else {
            return;
        };
        let months = terms.iter().zip(share).zip(shock).zip(lull);
        for (slot, (((t, share), shock), lull)) in out.iter_mut().zip(months) {
            add(slot, self.month(t, unit(share * shock) * lull, false));
        }
        let share = unit(last_share * last_shock) * last_lull;
        let ends = self.ends;
        add(last_out, self.month(last_terms, share, ends));
    }

    /// Settles a month (`t`, its terms; `ends`: the line's last) at usage share `share`.
    #[inline(always)]
    fn month(&mut self, t: &Terms, share: f64, ends: bool) -> Settled {
        self.model.settle_on::<MONTHLY, CAPPED>(
            t,
            (&mut self.period, &mut self.credits),
            (self.last, self.fee),
            ends,
            share,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::take_or_pay::{MakeUp, Termination, TrueUp};
    use crate::montecarlo::rng::Rng;

    /// A number in `lo..=hi` from `rng`.
    fn within(rng: &mut Rng, lo: u32, hi: u32) -> u32 {
        lo + u32::try_from(rng.next_u64() % u64::from(hi - lo + 1)).unwrap()
    }

    /// The preset's line with a random start, term, true-up period, minimum, cap, overage
    /// price, make-up window, termination and usage share.
    fn random_line(rng: &mut Rng) -> ContractLine {
        let scenario = crate::presets::get("coreweave-box-ig")
            .unwrap()
            .unwrap()
            .scenario
            .unwrap();
        let mut line = scenario.contracts[0].clone();
        let c = &mut line.contract;
        c.start_month = within(rng, 1, 8);
        c.term_months = within(rng, 6, 48);
        c.true_up = [TrueUp::Monthly, TrueUp::Quarterly, TrueUp::Annual]
            [usize::try_from(within(rng, 0, 2)).unwrap()];
        let mut coin = || rng.uniform() < 0.5;
        let (cap, overage, window, fee) = (coin(), coin(), coin(), coin());
        // 680-729 hours a GPU: below the 730 of a full month, so a busy month hits it.
        c.cap_gpu_hours_per_month = cap.then(|| c.gpus * Decimal::from(within(rng, 680, 729)));
        c.overage_price_usd_per_gpu_hour = overage.then(|| Decimal::new(310, 2));
        c.make_up = window.then(|| MakeUp {
            window_periods: within(rng, 1, 3),
        });
        c.termination = fee.then(|| Termination {
            month: c.start_month + within(rng, 0, c.term_months - 1),
            fee_usd: Decimal::from(1_500_000),
        });
        // A minimum of 60-100 % of the full 747,520 GPU-hours a month, so that busy months
        // go above it and use credits.
        c.commitment.quantity_per_month = Decimal::from(within(rng, 448_512, 747_520));
        line.usage_share = Decimal::from(within(rng, 60, 100)) / Decimal::from(100);
        line
    }

    /// A line's months settled as a list of (revenue, served) bits.
    fn bits(months: impl Iterator<Item = Settled>) -> Vec<[u64; 2]> {
        months
            .map(|s| [s.revenue.to_bits(), s.served.to_bits()])
            .collect()
    }

    /// The bits of `n` months settled by `settling`.
    fn settled<C: Credits, const MONTHLY: bool, const CAPPED: bool>(
        settling: Settling<'_, C, MONTHLY, CAPPED>,
        n: usize,
    ) -> Vec<[u64; 2]> {
        let mut out = vec![Settled::default(); n];
        settling.settle_into(&mut out, |slot, settled| *slot = settled);
        bits(out.into_iter())
    }

    /// Random lines (with and without a cap, an overage price, a make-up window, a fee, a
    /// buyer's default; monthly, quarterly and annual periods; cut by the horizon or not)
    /// settled three ways: on the credits `settling` chooses (none without a window; each
    /// month a period of its own without the tests for the lines whose periods are their
    /// months; without the cap's arithmetic for those with neither a cap nor an overage
    /// price, and with it too), on a list of credits always, and month by month from the
    /// inputs as they are; on usage draws with edge values (±0, subnormal, an infinite
    /// shock). The same bits every way; and a window's credits do change some lines' revenue
    /// (settled on no credits, they differ), as does settling a line with longer periods
    /// as if each month were one, so that the comparisons can fail.
    #[test]
    fn a_line_without_a_window_settles_on_no_credits_to_the_same_bits() {
        let mut rng = Rng::seeded(21);
        let (mut plain, mut credited, mut defaulted, mut capped) = (0, 0, 0, 0);
        let (mut monthly, mut longer, mut uncapped) = (0, 0, 0);
        for _ in 0..400 {
            let line = random_line(&mut rng);
            let horizon = within(&mut rng, 12, 60);
            let months = usize::try_from(horizon).unwrap();
            let c = ContractModel::new(&line, horizon, Some(0.97)).unwrap();
            // A termination's fee is billed in its month, the line's last (a default's in
            // the default month, its last on the path): billed when the last month ends.
            if let Some(t) = line.contract.termination {
                assert_eq!(t.month, c.last);
            }
            let draws = LineDraws {
                // Now and then an edge value: a usage of ±0, a subnormal one, or the share's
                // cap of 1 from an infinite shock.
                shock: (0..months)
                    .map(|_| match rng.next_u64() % 16 {
                        0 => [0.0, -0.0, 5e-324, -5e-324, f64::INFINITY]
                            [usize::try_from(rng.next_u64() % 5).unwrap()],
                        _ => 0.6 + 0.8 * rng.uniform(),
                    })
                    .collect(),
                lull: (0..months)
                    .map(|_| if rng.uniform() < 0.2 { 0.3 } else { 1.0 })
                    .collect(),
                default_uniform: Some(rng.uniform()),
            };
            let mut state = LineState::default();
            c.start(&draws, 0.4, horizon, &mut state);
            let (lo, hi) = c.served(&state, months);
            let inputs = c.served_inputs(&draws, (lo, hi)).unwrap();
            let on_path = (state.last, state.fee);
            let chosen = match c.settling(&mut state, inputs) {
                Settlings::WithoutCredits(months) => settled(months, hi - lo),
                Settlings::WithoutCreditsMonthly(months) => {
                    monthly += 1;
                    assert!(c.monthly && c.window.is_none() && c.capped);
                    settled(months, hi - lo)
                }
                Settlings::WithoutCreditsMonthlyUncapped(months) => {
                    uncapped += 1;
                    assert!(c.monthly && c.window.is_none() && !c.capped);
                    assert!(c.cap == f64::INFINITY && !c.overage);
                    // The cap's arithmetic kept, on the same line: the same bits.
                    let with_cap = Settling::<_, true>::new(&c, inputs, on_path, NoCredits);
                    let chosen = settled(months, hi - lo);
                    assert_eq!(chosen, settled(with_cap, hi - lo), "{line:?}");
                    chosen
                }
                Settlings::WithCredits(months) => settled(months, hi - lo),
            };
            let mut credits = Vec::new();
            let listed = Settling::<_, false>::new(&c, inputs, on_path, &mut credits);
            let listed = settled(listed, hi - lo);
            c.start(&draws, 0.4, horizon, &mut state);
            let mut period = Period::default();
            let as_they_are =
                bits((lo..hi).map(|i| c.settle_served((&mut state, &mut period), &draws, i)));
            assert_eq!(chosen.len(), hi - lo);
            assert_eq!(chosen, listed, "{line:?}");
            assert_eq!(chosen, as_they_are, "{line:?}");
            let none = settled(
                Settling::<_, false>::new(&c, inputs, on_path, NoCredits),
                hi - lo,
            );
            // Months taken as periods of their own where they are not.
            if !c.monthly && c.window.is_none() {
                let each = Settling::<_, true>::new(&c, inputs, on_path, NoCredits);
                longer += usize::from(settled(each, hi - lo) != chosen);
            }
            match c.window {
                None => plain += 1,
                Some(_) => credited += usize::from(none != chosen),
            }
            defaulted += usize::from(state.default_month.is_some());
            capped += usize::from(c.full * 0.99 > c.cap);
        }
        // Every kind of line came up, and credits were used on some.
        assert!(plain > 150 && credited > 50, "{plain} {credited}");
        assert!(defaulted > 100 && capped > 120, "{defaulted} {capped}");
        assert!(monthly > 50 && longer > 50, "{monthly} {longer}");
        assert!(uncapped > 5, "{uncapped}");
    }
}

//! A box's contract lines settled over all its months on a path, before the month loop.
//!
//! Each line's settlement is a chain through its own months (its period, the usage counted
//! against the minimum, its make-up credits) that no other input of the month feeds, so
//! the lines are settled first, line by line, each in a loop of its own with its state in
//! registers; the path's month loop then reads each month's sums instead of calling the
//! settlement (a call a month spilled the loop's registers around it).
//!
//! ```text
//! contractedᵢ = Σ_lines gpus           over the lines serving month i + 1
//! soldᵢ       = Σ_lines revenue        (take-or-pay settlement, `contract::Settling`)
//! busyᵢ       = Σ_lines usage served
//! ```
//!
//! Each sum starts at 0 and adds the lines in the box's order, as the month loop did: the
//! same operations in the same order, so the same bits.

use super::contract::{ContractModel, LineState, Period, Settled, Settlings};
use super::model::BoxModel;
use super::processes::{BoxDraws, LineDraws};

/// One month's contract sums over a box's lines: the GPUs under a contract serving the
/// month, the revenue settled, and the GPU-hours served.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ContractSales {
    pub(crate) contracted: f64,
    pub(crate) sold: f64,
    pub(crate) busy: f64,
}

/// Settles box `b`'s lines (`states`, started for the path; `bd`, the path's draws) over
/// month indices `0..months` into `out` (`months` entries), line by line, each over the
/// months it serves only: the first line writes every entry (the buffer keeps its length
/// from path to path, so that nothing is cleared first), the others add to them.
pub(crate) fn settle_lines(
    b: &BoxModel,
    bd: &BoxDraws,
    states: &mut [LineState],
    months: usize,
    out: &mut Vec<ContractSales>,
) {
    out.resize(months, ContractSales::default());
    let mut lines = b.contracts.iter().zip(states.iter_mut()).zip(&bd.lines);
    let Some(((c, state), ld)) = lines.next() else {
        out.fill(ContractSales::default());
        return;
    };
    add_line::<true>(out, (c, state, ld));
    for ((c, state), ld) in lines {
        add_line::<false>(out, (c, state, ld));
    }
}

/// Adds line `c`'s settlements to `out`, month by month over the months it serves
/// (`FIRST`: written over a zero instead, and every other entry set to zero).
#[inline(always)]
fn add_line<const FIRST: bool>(
    out: &mut [ContractSales],
    (c, state, ld): (&ContractModel, &mut LineState, &LineDraws),
) {
    let (lo, hi) = c.served(state, out.len());
    let Some((before, rest)) = out.split_at_mut_checked(lo) else {
        return;
    };
    let Some((served, after)) = rest.split_at_mut_checked(hi.saturating_sub(lo)) else {
        return;
    };
    if FIRST {
        before.fill(ContractSales::default());
        after.fill(ContractSales::default());
    }
    if served.is_empty() {
        // A line that serves no month (its usage drawn over none).
        return;
    }
    // The line's inputs sliced once to the months served (always, as drawn and modelled),
    // so that its reads need no check; else each month's read as it is. A loop for each
    // kind of credits, chosen once for the line.
    let Some(inputs) = c.served_inputs(ld, (lo, hi)) else {
        return add_as_they_are::<FIRST>(served, (c, state, ld), lo);
    };
    let add = |slot: &mut ContractSales, settled| add::<FIRST>(slot, c.gpus, settled);
    match c.settling(state, inputs) {
        Settlings::WithoutCredits(months) => months.settle_into(served, add),
        Settlings::WithoutCreditsMonthly(months) => months.settle_into(served, add),
        Settlings::WithoutCreditsMonthlyUncapped(months) => months.settle_into(served, add),
        Settlings::WithCredits(months) => months.settle_into(served, add),
    }
}

/// The months' settlements added as [`add_line`] does, each month's inputs read as they
/// are (shorter than the months served: never drawn or modelled so), out of the common
/// loop's way.
#[cold]
#[inline(never)]
fn add_as_they_are<const FIRST: bool>(
    served: &mut [ContractSales],
    (c, state, ld): (&ContractModel, &mut LineState, &LineDraws),
    lo: usize,
) {
    let mut period = Period::default();
    for (slot, i) in served.iter_mut().zip(lo..) {
        add::<FIRST>(slot, c.gpus, c.settle_served((state, &mut period), ld, i));
    }
}

/// Adds `gpus` and a month's settlement `settled` to its entry `slot` (`FIRST`: to zero
/// instead of the entry).
#[inline(always)]
fn add<const FIRST: bool>(slot: &mut ContractSales, gpus: f64, settled: Settled) {
    let sums = if FIRST {
        ContractSales::default()
    } else {
        *slot
    };
    *slot = ContractSales {
        contracted: sums.contracted + gpus,
        sold: sums.sold + settled.revenue,
        busy: sums.busy + settled.served,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Decimal;
    use crate::montecarlo::normal::Ziggurat;
    use crate::montecarlo::options::{CustomerDefault, Stochastic};
    use crate::montecarlo::processes::{Draws, Params, Shape, every_month};

    /// A line's months settled (as the first line of its box) into a fresh buffer of
    /// `months`, as bits.
    fn settled_bits(c: &ContractModel, ld: &LineDraws, months: u32) -> Vec<[u64; 3]> {
        let mut state = LineState::default();
        c.start(ld, 0.4, months, &mut state);
        let mut out = vec![ContractSales::default(); usize::try_from(months).unwrap()];
        add_line::<true>(&mut out, (c, &mut state, ld));
        out.iter()
            .map(|s| [s.contracted, s.sold, s.busy].map(f64::to_bits))
            .collect()
    }

    /// A line's usage drawn only over the months the path reads (to its default month,
    /// its term's end, or none) settles to the same bits as drawn over the horizon; the
    /// shorter draws are the longer ones' first months, and still take the sliced route.
    #[test]
    fn usage_drawn_over_the_months_read_settles_as_drawn_over_all() {
        let mut stochastic = Stochastic::typical();
        stochastic.customer_default = Some(CustomerDefault {
            annual_probability: Decimal::new(3, 1),
            recovery: Decimal::new(4, 1),
        });
        let params = Params::new(&stochastic);
        let survival = params.default.map(|(q, _)| q);
        let z = Ziggurat::new();
        let scenario = crate::presets::get("coreweave-box-ig")
            .unwrap()
            .unwrap()
            .scenario
            .unwrap();
        let (mut cut, mut none) = (0, 0);
        // Lines from month 1, from month 7, and one after the horizon.
        for (start, term) in [(1, 48), (1, 20), (7, 30), (50, 12)] {
            let months = 40;
            let mut line = scenario.contracts[0].clone();
            line.contract.start_month = start;
            line.contract.term_months = term;
            let c = ContractModel::new(&line, months, survival).unwrap();
            let n = usize::try_from(months).unwrap();
            let read = |_: usize, _: usize, u: Option<f64>| c.usage_months(u, n);
            let shape = |usage_months| Shape {
                months: n,
                lines: &[1],
                floating: false,
                priced: false,
                utilized: false,
                usage_months,
            };
            let (mut whole, mut some) = (Draws::default(), Draws::default());
            for path in 0..300 {
                params.draw(&z, 8, path, &shape(&every_month), &mut whole);
                params.draw(&z, 8, path, &shape(&read), &mut some);
                let (all, part) = (&whole.boxes[0].lines[0], &some.boxes[0].lines[0]);
                let drawn = part.shock.len();
                assert_eq!(drawn, c.usage_months(part.default_uniform, n));
                assert_eq!(part.shock[..], all.shock[..drawn]);
                assert_eq!(part.lull[..], all.lull[..drawn]);
                let mut state = LineState::default();
                c.start(part, 0.4, months, &mut state);
                let (lo, hi) = c.served(&state, n);
                assert!(hi == lo || c.served_inputs(part, (lo, hi)).is_some());
                assert_eq!(
                    settled_bits(&c, part, months),
                    settled_bits(&c, all, months)
                );
                cut += usize::from(drawn < n && drawn > 0);
                none += usize::from(drawn == 0);
            }
        }
        // Lines cut short by a default or their term, and lines serving no month.
        assert!(cut > 300 && none == 300, "{cut} {none}");
    }

    /// A line's months settled from its inputs sliced once and read as they are: the same
    /// bits, first line and later ones.
    #[test]
    fn sliced_inputs_settle_as_the_inputs_read_month_by_month() {
        let scenario = crate::presets::get("coreweave-box-ig")
            .unwrap()
            .unwrap()
            .scenario
            .unwrap();
        let line = &scenario.contracts[0];
        let months = 40;
        let c = ContractModel::new(line, 40, None).unwrap();
        let draws = LineDraws {
            shock: (0..months)
                .map(|i| 0.7 + 0.02 * f64::from(i % 25))
                .collect(),
            lull: (0..months)
                .map(|i| if i % 7 == 3 { 0.4 } else { 1.0 })
                .collect(),
            default_uniform: None,
        };
        let settled = |sliced: bool, first: bool| {
            let mut state = LineState::default();
            c.start(&draws, 0.0, 40, &mut state);
            let (lo, hi) = c.served(&state, 40);
            assert!(hi > lo + 12, "{lo} {hi}");
            let mut out = vec![
                ContractSales {
                    contracted: 1.5,
                    sold: -2.0,
                    busy: 3.0
                };
                40
            ];
            let served = out.get_mut(lo..hi).unwrap();
            let line = (&c, &mut state, &draws);
            match (sliced, first) {
                (true, true) => add_line::<true>(&mut out, line),
                (true, false) => add_line::<false>(&mut out, line),
                (false, true) => add_as_they_are::<true>(served, line, lo),
                (false, false) => add_as_they_are::<false>(served, line, lo),
            }
            let out = out.get(lo..hi).unwrap();
            out.iter()
                .map(|s| [s.contracted, s.sold, s.busy].map(f64::to_bits))
                .collect::<Vec<_>>()
        };
        for first in [true, false] {
            let sliced = settled(true, first);
            assert_eq!(sliced, settled(false, first));
            // Something was sold, at the contract's price.
            assert!(sliced.iter().any(|s| f64::from_bits(s[1]) > 1.0));
        }
    }
}

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
//! soldᵢ       = Σ_lines revenue        (take-or-pay settlement, `ContractModel::settle`)
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
    // The line's inputs sliced once to the months served (always, as drawn and modelled),
    // so that its reads need no check; else each month's read as it is. A loop for each
    // kind of credits, chosen once for the line.
    let Some(inputs) = c.served_inputs(ld, (lo, hi)) else {
        return add_as_they_are::<FIRST>(served, (c, state, ld), lo);
    };
    match c.settling(state, inputs) {
        Settlings::WithoutCredits(months) => add_settled::<FIRST>(served, c.gpus, months),
        Settlings::WithCredits(months) => add_settled::<FIRST>(served, c.gpus, months),
    }
}

/// [`add_settled`] with each month's inputs read as they are (shorter than the months
/// served: never drawn or modelled so), out of the common loop's way.
#[cold]
#[inline(never)]
fn add_as_they_are<const FIRST: bool>(
    served: &mut [ContractSales],
    (c, state, ld): (&ContractModel, &mut LineState, &LineDraws),
    lo: usize,
) {
    let mut period = Period::default();
    let months = (lo..).map(|i| c.settle_served((state, &mut period), ld, i));
    add_settled::<FIRST>(served, c.gpus, months);
}

/// Adds `gpus` and each month's settlement of `settled` (in month order, at least as many)
/// to the entry of `served` of its month (`FIRST`: to zero instead of the entry).
#[inline(always)]
fn add_settled<const FIRST: bool>(
    served: &mut [ContractSales],
    gpus: f64,
    settled: impl Iterator<Item = Settled>,
) {
    for (slot, settled) in served.iter_mut().zip(settled) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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

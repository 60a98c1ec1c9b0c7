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

use super::contract::{ContractModel, LineState};
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
    for (slot, i) in served.iter_mut().zip(lo..) {
        let settled = c.settle_served(state, ld, i);
        let sums = if FIRST {
            ContractSales::default()
        } else {
            *slot
        };
        *slot = ContractSales {
            contracted: sums.contracted + c.gpus,
            sold: sums.sold + settled.revenue,
            busy: sums.busy + settled.served,
        };
    }
}

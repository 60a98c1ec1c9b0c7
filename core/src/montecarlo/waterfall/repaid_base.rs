//! The parts of a repaid month that no path changes, computed once a model: each month's
//! deterministic flows and where a run of repaid months must stop whatever the path.

use super::super::float::greater;
use super::months::{BoxMonth, PathMonth};
use super::pay::pay;
use super::rates::INTEREST_LIMITS;

/// One month's parts of a repaid month's flows that no path changes (the next month's draw
/// `draw_out`, paid out at this month's end, the month's capex, upfront and commitment
/// fees and sale before the path's residual shock).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct RepaidMonth {
    /// The equity's flow outside the distribution before the support and the sale:
    /// `draw_out − capex − upfront`, in that order (the general month's first three terms).
    equity: f64,
    /// The lender's flow before the fees: `(−draw_out + upfront) + 0`, the general month's
    /// first terms and the +0 that the fees are at least (see [`RepaidMonth::flows`]).
    lender: f64,
    /// The commitment fee due.
    commitment_fee: f64,
    /// The sale on the deterministic path (× the path's shock).
    sale: f64,
}

impl RepaidMonth {
    /// The month's flows on the path's month `p` (the loan repaid: see
    /// [`Running::repaid_months`](super::month::Running::repaid_months)): (the lender's,
    /// the equity's).
    ///
    /// ```text
    /// fees, surplus = pay(max(CFADS, 0), commitment fee)
    /// lender = ((−draw_out + upfront) + 0) + fees
    /// equity = (((draw_out − capex − upfront) − support) + sale × shock) + surplus
    /// support = −CFADS where CFADS < 0, else 0
    /// ```
    ///
    /// The general month's flows to the bit: its lender's flow adds the interest, the
    /// principal, the sweeps and the sale's share to the lender, each +0, after the fees;
    /// `fees` is never −0 (`pay` gives a due above 0, +0, or the greater of a number and
    /// +0), so neither is `lender + fees` (−0 only as −0 + −0), and `x + 0 = x` for every
    /// `x` but −0 (NaN and infinities included); its sale paid against a due of +0 leaves
    /// `sale − 0`, the sale's own bits (−0 − 0 is −0). For the same reason `x + fees` and
    /// `(x + 0) + fees` are the same bits (they differ only for x = −0, where both are
    /// `fees`, or +0 with `fees` +0), so the +0 is added once a model.
    ///
    /// `FEE_FREE`: the commitment fee is known ±0 (most months: the fee runs on the
    /// undrawn commitment), where `pay(cash, ±0)` is `(+0, cash − 0)` and `cash − 0` is
    /// `cash` (never −0 nor NaN: the greater of the CFADS and +0): the lender's flow is
    /// `(−draw_out + upfront) + 0`, no payment made.
    #[inline(always)]
    pub(super) fn flows<const FEE_FREE: bool>(&self, p: &PathMonth) -> (f64, f64) {
        let support = if p.cfads < 0.0 { -p.cfads } else { 0.0 };
        let cash = greater(p.cfads, 0.0);
        let sale = self.sale * p.shock;
        if FEE_FREE {
            return (self.lender, self.equity - support + sale + cash);
        }
        let (fees, surplus) = pay(cash, self.commitment_fee);
        (self.lender + fees, self.equity - support + sale + surplus)
    }
}

/// Each month's [`RepaidMonth`], and for each month index and each of
/// [`INTEREST_LIMITS`] the first month index from it that a repaid month's shortcut does
/// not take whatever the path: a draw (`draw ≠ 0`), a balance owed that is NaN, or an
/// interest beyond the limit (whose sum with the path's extra interest is not known
/// finite, [`Rates::finite_with_extra`](super::rates::Rates::finite_with_extra)); and the
/// first with a commitment fee that is not ±0.
#[derive(Debug, Clone, Default)]
pub(crate) struct RepaidBase {
    months: Vec<RepaidMonth>,
    /// By month index, the first month index from it that is not a repaid month's under
    /// each limit, and the first with a commitment fee not ±0 (the months' number where
    /// none).
    stops: Vec<[usize; 3]>,
}

impl RepaidBase {
    /// The parts of `months` (a box's deterministic months, by index).
    pub(crate) fn new(months: &[BoxMonth]) -> Self {
        let draws = months.iter().skip(1).map(|m| m.loan.draw).chain([0.0]);
        let parts = months
            .iter()
            .zip(draws)
            .map(|(m, draw_out)| RepaidMonth {
                equity: draw_out - m.capex - m.loan.upfront_fee,
                lender: -draw_out + m.loan.upfront_fee + 0.0,
                commitment_fee: m.loan.commitment_fee,
                sale: m.sale,
            })
            .collect();
        let mut stops = vec![[months.len(); 3]; months.len()];
        let mut next = [months.len(); 3];
        for (i, (m, stop)) in months.iter().zip(&mut stops).enumerate().rev() {
            let loan = &m.loan;
            let [fixed, floating, fee] = &mut next;
            for (n, limit) in [fixed, floating].into_iter().zip(INTEREST_LIMITS) {
                let within = loan.interest.abs() <= limit;
                if loan.draw != 0.0 || !within || loan.owed.is_nan() {
                    *n = i;
                }
            }
            if loan.commitment_fee != 0.0 {
                *fee = i;
            }
            *stop = next;
        }
        Self {
            months: parts,
            stops,
        }
    }

    /// Whether these are the parts of exactly `n` months.
    #[inline(always)]
    pub(super) fn covers(&self, n: usize) -> bool {
        self.months.len() == n
    }

    /// The months `start..end` (`None` where past the months).
    #[inline(always)]
    pub(super) fn months(&self, start: usize, end: usize) -> Option<&[RepaidMonth]> {
        self.months.get(start..end)
    }

    /// The first month index from `i` that a repaid month's shortcut does not take whatever
    /// the path, the interest within `INTEREST_LIMITS[limit]` (`None`: never taken; `i`
    /// past the months).
    #[inline(always)]
    pub(super) fn stop(&self, i: usize, limit: Option<usize>) -> usize {
        limit
            .filter(|&l| l < INTEREST_LIMITS.len())
            .and_then(|l| self.stops.get(i)?.get(l).copied())
            .unwrap_or(i)
    }

    /// The first month index from `i` with a commitment fee that is not ±0 (`i` past the
    /// months).
    #[inline(always)]
    pub(super) fn fee_free_until(&self, i: usize) -> usize {
        self.stops.get(i).map_or(i, |[_, _, fee]| *fee)
    }
}

#[cfg(test)]
mod tests {
    use super::super::months::LoanMonth;
    use super::*;

    /// Each month's stop is the first month from it, scanned forward, with a draw, a NaN
    /// balance owed or an interest beyond the limit (NaN and infinities included); no
    /// limit (or one not known) stops at once, and past the months at the month; a fee-free
    /// run ends at the first commitment fee that is not ±0.
    #[test]
    fn a_run_stops_at_the_first_month_it_cannot_take() {
        let interests = [0.0, -0.0, 5.0, 2e100, -2e100, f64::INFINITY, f64::NAN];
        let draws = [0.0, -0.0, 0.0, 0.0, 3.0, f64::NAN];
        let owed = [0.0, 100.0, 100.0, f64::NAN];
        let fees = [0.0, -0.0, 0.0, 2.0, 0.0, f64::NAN, 0.0, 0.0, 0.0, 0.0, 0.0];
        let months: Vec<BoxMonth> = (0..60_usize)
            .map(|k| BoxMonth {
                loan: LoanMonth {
                    interest: interests[k % 7],
                    draw: draws[(k / 7) % 6],
                    owed: owed[(k / 3) % 4],
                    commitment_fee: fees[k % 11],
                    ..LoanMonth::default()
                },
                ..BoxMonth::default()
            })
            .collect();
        let parts = RepaidBase::new(&months);
        let mut stops_inside = 0;
        for (l, limit) in INTEREST_LIMITS.into_iter().enumerate() {
            for i in 0..months.len() {
                let blocked = |m: &BoxMonth| {
                    let within = m.loan.interest.abs() <= limit;
                    m.loan.draw != 0.0 || m.loan.owed.is_nan() || !within
                };
                let by_scan = months[i..]
                    .iter()
                    .position(blocked)
                    .map_or(months.len(), |k| i + k);
                assert_eq!(parts.stop(i, Some(l)), by_scan, "{i} {limit}");
                stops_inside += usize::from(by_scan > i && by_scan < months.len());
                assert_eq!(parts.stop(i, None), i);
            }
            assert_eq!(parts.stop(months.len(), Some(l)), months.len());
            assert_eq!(parts.stop(3, Some(l + 2)), 3);
            assert_eq!(parts.stop(months.len() + 5, Some(l)), months.len() + 5);
        }
        assert!(stops_inside > 10, "{stops_inside}");
        // The first fee that is not ±0 (NaN is not).
        for i in 0..=months.len() + 1 {
            let by_scan = months
                .get(i..)
                .and_then(|ms| ms.iter().position(|m| m.loan.commitment_fee != 0.0))
                .map_or(i.max(months.len()), |k| i + k);
            assert_eq!(parts.fee_free_until(i), by_scan, "{i}");
        }
        // The floating limit stops where the fixed one does not (an interest of 2·10¹⁰⁰).
        assert!((0..months.len()).any(|i| parts.stop(i, Some(1)) < parts.stop(i, Some(0))));
    }
}

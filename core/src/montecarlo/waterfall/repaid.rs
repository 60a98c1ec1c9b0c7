//! The shortcut of an accelerated month once the loan is repaid, and its test against the
//! general month, bit for bit.

use super::month::Running;
use super::months::PathMonth;
use super::rates::Rates;
use super::repaid_base::RepaidMonth;

impl Running<'_> {
    /// Whether the loan is repaid with no reserves left: the balance +0, no DSRA, no
    /// trapped cash. A month by [`repaid_months`](Self::repaid_months) leaves the state as it
    /// is, so that this holds through a run of such months.
    #[inline(always)]
    pub(super) fn repaid(&self) -> bool {
        let state = &self.state;
        state.balance.to_bits() == 0 && state.dsra == 0.0 && state.trapped == 0.0
    }

    /// The first month index from which [`repaid_months`](Self::repaid_months) does not
    /// apply, whatever the month: the one after the last, or the foreclosure's if earlier
    /// (fixed once the loan is accelerated); the last month where the deterministic months'
    /// parts ([`RepaidBase`](super::repaid_base::RepaidBase)) are not exactly the path's
    /// months (their last month's next draw is then not the general month's 0 past the
    /// path).
    #[inline(always)]
    pub(super) fn repaid_until(&self) -> usize {
        let end = if self.repaid.covers(self.months.1.len()) {
            self.last.saturating_add(1)
        } else {
            self.last
        };
        self.foreclosure.min(end)
    }

    /// The run of repaid months from index `start`, the loan accelerated and
    /// [`repaid`](Self::repaid), to [`repaid_until`](Self::repaid_until) at most (`until`):
    /// each month's flows added to `lender[i]` and `equity[i]` (month index `i`'s slots) by
    /// [`RepaidMonth::flows`](super::repaid_base::RepaidMonth::flows) until a month it does
    /// not take; returns the index of the first month not taken (`start` if none), which
    /// the general month ([`Self::month`]) takes.
    ///
    /// With the balance +0, no reserves, no draw and a finite interest, not in the
    /// foreclosure's month: what is owed is +0 (+0 + ±0), so its interest is ±0
    /// ([`interest_on`](super::pay::interest_on): 0 · I ÷ O) and pays nothing (`pay` of ±0
    /// gives 0 and the cash − 0, the same bits); the balance stays +0 (+0 + (±0 − 0) − 0);
    /// the sale goes to the equity whole (sale − 0); and the month-end tests find no breach
    /// (a zero balance, no service due). In the last month the general month also releases
    /// the reserves (+0 + +0, which repay nothing: the principal +0 + +0, the distribution
    /// `surplus + 0`, the surplus never −0) and writes off the balance (the write-off, +0
    /// until then, stays +0), and no draw follows it (0 past the path). The CFADS pays the
    /// commitment fee, the rest is distributed. The month's interest is the path's
    /// (`with_extra_interest`: `I + extra` where the extra is not 0), read only for being
    /// finite, which
    /// [`Rates::finite_with_extra`](super::rates::Rates::finite_with_extra) tells without
    /// computing the extra (where it cannot tell, the month is left to the general one,
    /// which gives the same where it is finite).
    ///
    /// What does not depend on the path is found once a model
    /// ([`RepaidBase`](super::repaid_base::RepaidBase)): the months' deterministic flows,
    /// and the first month from `start` with a draw, a balance owed that is NaN or an
    /// interest beyond the limit the rates test it against, up to which the loop runs
    /// without testing them; and whether a commitment fee is due in the run (if not, its
    /// months pay none: no payment's tests). A repaid month leaves the state as it is, so
    /// the run reads only what each month changes. Out of line (`inline(never)`: a call or two
    /// a path): its loop keeps its own registers, and the general months' loop around it
    /// spills less.
    #[inline(never)]
    pub(super) fn repaid_months(
        &self,
        start: usize,
        until: usize,
        lender: &mut [f64],
        equity: &mut [f64],
    ) -> usize {
        let rates = &self.rates;
        let end = until
            .min(self.repaid.stop(start, rates.interest_limit()))
            .min(self.months.1.len())
            .min(lender.len())
            .min(equity.len());
        let (Some(months), Some(path), Some(lender), Some(equity)) = (
            self.repaid.months(start, end),
            self.months.1.get(start..end),
            lender.get_mut(start..end),
            equity.get_mut(start..end),
        ) else {
            return start;
        };
        let run = (months, path, lender, equity);
        // Without a commitment fee in the run (the common case), no payment a month.
        let taken = if self.repaid.fee_free_until(start) >= end {
            run_of::<true>(rates, start, run)
        } else {
            run_of::<false>(rates, start, run)
        };
        start + taken
    }
}

/// The repaid months `months` (from month index `start`), with the path's months `path`
/// and the slots `lender` and `equity`, all as long: each month's flows added to its slots
/// until a month whose extra interest is not surely finite; returns how many were taken.
/// `FEE_FREE`: no month has a commitment fee ([`RepaidMonth::flows`]).
#[inline(always)]
fn run_of<const FEE_FREE: bool>(
    rates: &Rates<'_>,
    start: usize,
    (months, path, lender, equity): (&[RepaidMonth], &[PathMonth], &mut [f64], &mut [f64]),
) -> usize {
    // The path's shifts read only where not all known within the bound (then the
    // interest's limit is the floating one): a test a month, predicted (the loop is
    // compiled twice, with the test and without).
    let shifts_known = rates.shifts_known();
    for k in 0..months.len() {
        let (Some(m), Some(p), Some(l), Some(e)) = (
            months.get(k),
            path.get(k),
            lender.get_mut(k),
            equity.get_mut(k),
        ) else {
            return k;
        };
        if !shifts_known && !rates.shift_within(start + k) {
            return k;
        }
        let (to_lender, to_equity) = m.flows::<FEE_FREE>(p);
        *l += to_lender;
        *e += to_equity;
    }
    months.len()
}

#[cfg(test)]
mod tests {
    use super::super::super::normal::Ziggurat;
    use super::super::super::sofr::SofrShifts;
    use super::super::accounts::State;
    use super::super::month::Running;
    use super::super::months::{BoxMonth, LoanMonth, PathMonth};
    use super::super::outcome::Credit;
    use super::super::rates::Rates;
    use super::super::repaid_base::RepaidBase;
    use super::super::run::Buffers;
    use super::super::terms::Terms;

    /// Month `i` of three (1, or 2: the last; the default in month 0, the balance
    /// `balance` before month `i`) by `repaid_months` when it takes it (`repaid`), else
    /// `month::<true>`: the slots' and the state's bits, the outcome, and whether
    /// `repaid_months` took it.
    fn accelerated_month(
        base: &[BoxMonth; 3],
        (path, shift, z): (&[PathMonth; 3], f64, &Ziggurat),
        balance: f64,
        first_breach: Option<usize>,
        (i, repaid): (usize, bool),
    ) -> ([u64; 3], Credit, bool) {
        let terms = Terms::three_months();
        let mut buffers = Buffers::default();
        // A floating loan: SOFR quoted at 4 %, 100 accruing (an extra of 100 × the shift).
        let (quoted, owed_accrual) = ([0.04; 3], [100.0; 3]);
        let shifts = SofrShifts::given(&[shift; 3]);
        let rates = Rates::new(
            (true, true),
            (None, None),
            (&quoted, &owed_accrual),
            Some((z, &shifts)),
        );
        let state = State {
            balance,
            ..State::default()
        };
        let parts = RepaidBase::new(base);
        let mut run = Running::accelerated(
            (&terms, rates),
            ((base, path), &parts),
            2,
            (state, first_breach),
            &mut buffers,
        );
        // Slots at −0: each flow's own bits (−0 + x is x, a −0 flow included).
        let (mut lender, mut equity) = ([0.0, -0.0, -0.0], [0.0, -0.0, -0.0]);
        // The run of month `i` alone.
        let until = run.repaid_until().min(i + 1);
        let took = repaid
            && run.repaid()
            && i < until
            && run.repaid_months(i, until, &mut lender, &mut equity) == i + 1;
        if !took {
            let slots = (&mut lender[i], &mut equity[i]);
            run.month::<true>(i, (&base[i], &path[i]), slots);
        }
        let bits = [
            lender[i].to_bits(),
            equity[i].to_bits(),
            run.state.balance.to_bits(),
        ];
        (bits, run.out, took)
    }

    /// A repaid month, and the last month repaid, by the shortcut (its deterministic parts
    /// from [`RepaidBase`]) and by the general accelerated month: the same slots, balance and outcome, to the bit, on
    /// every combination of the month's inputs, edges (±0, infinities, NaN) and sums that
    /// round included, so that a change of sign of a zero or of the operations' order
    /// fails it.
    #[test]
    fn a_repaid_month_is_the_accelerated_month_to_the_bit() {
        let mut taken = 0;
        let z = Ziggurat::new();
        let (inf, nan) = (f64::INFINITY, f64::NAN);
        // Edges (±0, infinities, NaN), and values whose sums round (so that the order of
        // the operations shows).
        let cfadss = [-500.0, -0.0, 0.0, 120.5, 0.3, 8.0, nan, inf, -inf];
        let sales = [
            (0.0, 0.0),
            (1_000.0, 7.0),
            (1e17, 0.1),
            // 7.5·10¹⁶ + 8 is a tie, rounded to even: 7.5·10¹⁶ (+ 8 + 8 ≠ + 16).
            (1e17, -8.0),
            (0.0, -8.0),
            (-0.0, -0.0),
            (inf, 1.0),
            (nan, 0.0),
        ];
        for cfads in cfadss {
            for fee in [0.0, 3.0, -0.0, inf, nan] {
                for (sale, capex) in sales {
                    for shift in [0.0, -0.12] {
                        for (interest, owed) in [(0.0, 0.0), (10.0, 1_000.0), (-0.0, 1_000.0)] {
                            for (upfront, draw_out) in [
                                (0.0, 0.0),
                                (-0.0, 50.0),
                                (4.0, 0.0),
                                (0.0, -0.0),
                                (-0.0, 0.0),
                                (0.7, 0.1),
                                // 10¹⁷ + 8 + 8 is 10¹⁷ (ties to even), 10¹⁷ + 16 is not.
                                (-8.0, 1e17),
                                (nan, inf),
                            ] {
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
                                    let p = PathMonth { cfads, shock: 0.75 };
                                    let path = [p; 3];
                                    for (balance, i) in
                                        [0.0, -0.0, 30.0].into_iter().flat_map(|b| [(b, 1), (b, 2)])
                                    {
                                        let general = accelerated_month(
                                            &base,
                                            (&path, shift, &z),
                                            balance,
                                            first_breach,
                                            (i, false),
                                        );
                                        let fast = accelerated_month(
                                            &base,
                                            (&path, shift, &z),
                                            balance,
                                            first_breach,
                                            (i, true),
                                        );
                                        assert_eq!(
                                            general.0, fast.0,
                                            "{i} {cfads} {fee} {sale} {shift} {interest} {owed} {upfront} {draw_out} {balance}"
                                        );
                                        // The outcome's Debug text (NaN equal to NaN) and the
                                        // write-off's bits (the last month writes off).
                                        let out = |c: &Credit| {
                                            (format!("{c:?}"), c.written_off.to_bits())
                                        };
                                        assert_eq!(out(&general.1), out(&fast.1));
                                        // Taken only with the balance +0, and the last
                                        // month (whose draw is `draw_out`) without a draw.
                                        let drawn = i == 2 && draw_out != 0.0;
                                        assert_eq!(fast.2, balance.to_bits() == 0 && !drawn);
                                        taken += usize::from(fast.2);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Month 1 with each (upfront, next draw), the last with the four without a draw.
        assert_eq!(taken, 9 * 5 * 8 * 2 * 3 * (8 + 4) * 2);
    }

    /// The last month accelerated with nothing owed reads no extra interest where the sum
    /// is known finite (`Running::month`): the same bits as the month with its extra
    /// interest computed (the same rates, not known bounded: never claimed), at shifts that
    /// raise, lower and turn negative the month's interest, balances +0, −0 and owed.
    #[test]
    fn the_last_month_without_its_extra_interest_is_the_month_with_it() {
        let terms = Terms::three_months();
        let (quoted, owed_accrual) = ([0.04; 3], [100.0; 3]);
        let z = Ziggurat::new();
        let mut unread = 0;
        for shift in [0.0, 0.025, -0.12, -3.0, 7.5] {
            let shifts = SofrShifts::given(&[shift; 3]);
            for (interest, owed) in [
                (0.0, 0.0),
                (10.0, 1_000.0),
                (-0.0, 1_000.0),
                (2.0, f64::INFINITY),
            ] {
                for (cfads, fee, sale) in [
                    (-500.0, 3.0, 0.0),
                    (120.5, 0.0, 1_000.0),
                    (0.0, 200.0, 10.0),
                ] {
                    for balance in [0.0, -0.0, 30.0] {
                        let loan = LoanMonth {
                            commitment_fee: fee,
                            interest,
                            interest_paid: interest,
                            owed,
                            ..LoanMonth::default()
                        };
                        let month = BoxMonth {
                            sale,
                            collateral: 3.0 * sale,
                            loan,
                            ..BoxMonth::default()
                        };
                        let path = PathMonth { cfads, shock: 0.75 };
                        let last_month = |bounded: bool| {
                            let rates = Rates::new(
                                (true, bounded),
                                (None, None),
                                (&quoted, &owed_accrual),
                                Some((&z, &shifts)),
                            );
                            let mut buffers = Buffers::default();
                            let base = [month; 3];
                            let paths = [path; 3];
                            let state = State {
                                balance,
                                ..State::default()
                            };
                            let repaid = RepaidBase::new(&base);
                            let mut run = Running::accelerated(
                                (&terms, rates),
                                ((&base, &paths), &repaid),
                                2,
                                (state, None),
                                &mut buffers,
                            );
                            let (mut lender, mut equity) = (1.5, -2.5);
                            run.month::<true>(2, (&month, &path), (&mut lender, &mut equity));
                            let bits = [lender, equity, run.state.balance].map(f64::to_bits);
                            (bits, run.out)
                        };
                        let (read, skipped) = (last_month(false), last_month(true));
                        assert_eq!(
                            read.0, skipped.0,
                            "{shift} {interest} {owed} {cfads} {balance}"
                        );
                        assert_eq!(read.1, skipped.1);
                        unread += usize::from(balance.to_bits() == 0 && shift != 0.0);
                    }
                }
            }
        }
        assert!(unread > 0);
    }
}

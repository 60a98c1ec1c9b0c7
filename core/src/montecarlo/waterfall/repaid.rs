//! The shortcut of an accelerated month once the loan is repaid, and its test against the
//! general month, bit for bit.

use super::super::float::greater;
use super::accounts::{Paid, add_flows};
use super::month::Running;
use super::months::{BoxMonth, PathMonth, composed};
use super::pay::pay;

impl Running<'_> {
    /// Whether the loan is repaid with no reserves left: the balance +0, no DSRA, no
    /// trapped cash. A month by [`repaid_month`](Self::repaid_month) leaves the state as it
    /// is, so that this holds through a run of such months.
    #[inline(always)]
    pub(super) fn repaid(&self) -> bool {
        let state = &self.state;
        state.balance.to_bits() == 0 && state.dsra == 0.0 && state.trapped == 0.0
    }

    /// The first month index from which [`repaid_month`](Self::repaid_month) does not
    /// apply, whatever the month: the last month, or the foreclosure's if earlier (fixed
    /// once the loan is accelerated).
    #[inline(always)]
    pub(super) fn repaid_until(&self) -> usize {
        let foreclosure = self
            .out
            .default
            .zip(self.terms.foreclose_after)
            .map(|((row, _), k)| row.saturating_add(k));
        foreclosure.map_or(self.last, |f| f.min(self.last))
    }

    /// Month index `i`, the loan accelerated and [`repaid`](Self::repaid), `i` before
    /// [`repaid_until`](Self::repaid_until) (the caller's tests): `true`, or `false`, having
    /// done nothing, when it is not such a month: the general month ([`Self::month`]) with
    /// what it computes then, to the bit.
    ///
    /// With the balance +0, no reserves, no draw and a finite interest, not in the
    /// foreclosure's month nor the last: what is owed is +0 (+0 + ±0), so its interest
    /// is ±0 ([`interest_on`](super::pay::interest_on): 0 · I ÷ O) and pays nothing
    /// (`pay` of ±0 gives 0 and the cash − 0, the same bits); the balance stays +0 (+0 +
    /// (±0 − 0) − 0); the sale goes to the equity whole (sale − 0); and the month-end tests
    /// find no breach (a zero balance, no service due). The CFADS pays the commitment fee,
    /// the rest is distributed.
    #[inline(always)]
    pub(super) fn repaid_month(
        &mut self,
        i: usize,
        month: (&BoxMonth, &PathMonth),
        slots: (&mut f64, &mut f64),
    ) -> bool {
        let (month, draw_out) = composed(self.months.0, i, month);
        let sched = &month.loan;
        let state = &self.state;
        if sched.draw != 0.0 || !sched.interest.is_finite() || sched.owed.is_nan() {
            return false;
        }
        let support = if month.cfads < 0.0 { -month.cfads } else { 0.0 };
        let (fees, surplus) = pay(greater(month.cfads, 0.0), sched.commitment_fee);
        let (to_lender, sale_left) = pay(month.sale, state.balance);
        let to_equity_outside = draw_out - month.capex - sched.upfront_fee - support + sale_left;
        let paid = Paid {
            fees,
            ..Paid::default()
        };
        let to_equity = to_equity_outside + surplus;
        add_flows(
            slots,
            (draw_out, sched.upfront_fee),
            &paid,
            to_lender,
            to_equity,
        );
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::accounts::State;
    use super::super::month::Running;
    use super::super::months::{BoxMonth, LoanMonth, PathMonth};
    use super::super::outcome::Credit;
    use super::super::terms::Terms;

    /// Month 1 of three (the default in month 0, the balance `balance`) by `repaid_month`
    /// when it takes it, else `month::<true>`: the slots' and the state's bits, the
    /// outcome, and whether `repaid_month` took it.
    fn accelerated_month(
        base: &[BoxMonth; 3],
        path: &[PathMonth; 3],
        balance: f64,
        first_breach: Option<usize>,
        repaid: bool,
    ) -> ([u64; 3], Credit, bool) {
        let terms = Terms::three_months();
        let mut service_due = Vec::new();
        let mut run = Running {
            terms: &terms,
            months: (base, path),
            last: 2,
            state: State {
                balance,
                ..State::default()
            },
            out: Credit {
                default: Some((0, false)),
                first_breach,
                ..Credit::default()
            },
            service_due: &mut service_due,
        };
        let (mut lender, mut equity) = (1.5, -2.5);
        let took = repaid
            && run.repaid()
            && 1 < run.repaid_until()
            && run.repaid_month(1, (&base[1], &path[1]), (&mut lender, &mut equity));
        if !took {
            run.month::<true>(1, (&base[1], &path[1]), (&mut lender, &mut equity));
        }
        let bits = [
            lender.to_bits(),
            equity.to_bits(),
            run.state.balance.to_bits(),
        ];
        (bits, run.out, took)
    }

    #[test]
    fn a_repaid_month_is_the_accelerated_month_to_the_bit() {
        let mut taken = 0;
        for cfads in [-500.0, -0.0, 0.0, 120.5] {
            for fee in [0.0, 3.0, 200.0] {
                for (sale, capex) in [(0.0, 0.0), (1_000.0, 7.0)] {
                    for extra in [0.0, 2.5, -12.0] {
                        for (interest, owed) in [(0.0, 0.0), (10.0, 1_000.0), (-0.0, 1_000.0)] {
                            for (upfront, draw_out) in [(0.0, 0.0), (-0.0, 50.0), (4.0, 0.0)] {
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
                                    let p = PathMonth {
                                        cfads,
                                        shock: 0.75,
                                        extra,
                                    };
                                    let path = [p; 3];
                                    for balance in [0.0, -0.0, 30.0] {
                                        let general = accelerated_month(
                                            &base,
                                            &path,
                                            balance,
                                            first_breach,
                                            false,
                                        );
                                        let fast = accelerated_month(
                                            &base,
                                            &path,
                                            balance,
                                            first_breach,
                                            true,
                                        );
                                        assert_eq!(
                                            general.0, fast.0,
                                            "{cfads} {fee} {sale} {extra} {interest} {owed} {upfront} {draw_out} {balance}"
                                        );
                                        assert_eq!(general.1, fast.1);
                                        // Taken only with the balance +0.
                                        assert_eq!(fast.2, balance.to_bits() == 0);
                                        taken += usize::from(fast.2);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(taken, 4 * 3 * 2 * 3 * 3 * 3 * 2);
    }
}

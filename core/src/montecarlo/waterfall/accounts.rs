//! The accounts as they run, what a month paid, and its flows into the lender's and the
//! equity's slots.

/// The accounts as they run.
#[derive(Debug, Default)]
pub(super) struct State {
    pub(super) balance: f64,
    pub(super) dsra: f64,
    pub(super) trapped: f64,
    pub(super) locked_run: u32,
    pub(super) passed_run: u32,
    pub(super) ltv_streak: u32,
    pub(super) dscr_streak: u32,
    pub(super) foreclosed: bool,
    /// The lowest DSCR so far, `n ÷ d` of `Credit::lowest_dscr` (divided once, when it is
    /// set; the same bits as dividing again).
    pub(super) lowest_dscr: f64,
}

/// What a month paid, and its tests.
#[derive(Debug, Default)]
pub(super) struct Paid {
    pub(super) fees: f64,
    pub(super) interest: f64,
    pub(super) principal: f64,
    pub(super) sweep: f64,
    pub(super) trapped_swept: f64,
    pub(super) service_due: f64,
    pub(super) shortfall: bool,
    pub(super) locked_up: bool,
}

/// A month's flows into its lender's and equity's slots: the lender's ([`lender_flow`]) and
/// the equity's `to_equity`. `ACCELERATING`: whether the loan is accelerated in the month.
#[inline(always)]
pub(super) fn add_flows<const ACCELERATING: bool>(
    (lender_slot, equity_slot): (&mut f64, &mut f64),
    (draw_out, upfront): (f64, f64),
    paid: &Paid,
    to_lender: f64,
    to_equity: f64,
) {
    *lender_slot += lender_flow::<ACCELERATING>((draw_out, upfront), paid, to_lender);
    *equity_slot += to_equity;
}

/// A month's flow to the lender: `−draw_out + upfront + fees + interest + principal + sweep
/// + trapped swept + to_lender` (the draw paid out, the upfront fee, what was `paid`, and
/// `to_lender` from the sale), added in that order.
///
/// `ACCELERATING`: the loan accelerated in the month, which sweeps nothing (the sweeps +0),
/// where the two sweeps are not added: `x + 0` is `x` but for `x = −0`, and the sum before
/// them is never −0. Each payment (fees, interest, principal) is never −0 (`pay` gives a due
/// above 0, +0, or the greater of a number and +0; the principal plus the reserves' repaid
/// in the last month is a sum of two such), and a sum is −0 only where both its terms are
/// (round to nearest: `x + (−x)` is +0), so the sum with each is not −0.
#[inline(always)]
pub(super) fn lender_flow<const ACCELERATING: bool>(
    (draw_out, upfront): (f64, f64),
    paid: &Paid,
    to_lender: f64,
) -> f64 {
    let paid_sum = -draw_out + upfront + paid.fees + paid.interest + paid.principal;
    let swept = if ACCELERATING {
        paid_sum
    } else {
        paid_sum + paid.sweep + paid.trapped_swept
    };
    swept + to_lender
}

#[cfg(test)]
mod tests {
    use super::super::pay::pay;
    use super::*;

    /// An accelerated month's lender flow without the sweeps is the flow with them at +0,
    /// to the bit: on payments as `pay` gives them from edge values (±0, infinities, NaN,
    /// subnormals, sums that round), a principal with the reserves' repayment added, and
    /// draws, upfront fees and sale proceeds of every sign of zero.
    #[test]
    fn the_lender_flow_without_the_sweeps_is_the_flow_with_them_at_zero() {
        let edges = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1e17,
            -1e17,
            5e-324,
            -5e-324,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let payments: Vec<f64> = edges
            .iter()
            .flat_map(|&cash| edges.iter().map(move |&due| pay(cash, due).0))
            .collect();
        let mut compared = 0;
        for (k, &fees) in payments.iter().enumerate() {
            let interest = payments[(k * 7 + 3) % payments.len()];
            let principal = payments[(k * 13 + 5) % payments.len()];
            let repaid = payments[(k * 5 + 1) % payments.len()];
            for principal in [principal, principal + repaid] {
                for (draw_out, upfront, to_lender) in [
                    (0.0, -0.0, -0.0),
                    (-0.0, -0.0, 0.0),
                    (1e17, 8.0, -0.0),
                    (edges[k % 12], edges[(k / 12) % 12], edges[(k / 5) % 12]),
                ] {
                    let paid = Paid {
                        fees,
                        interest,
                        principal,
                        ..Paid::default()
                    };
                    let flows = (draw_out, upfront);
                    let without = lender_flow::<true>(flows, &paid, to_lender);
                    let with = lender_flow::<false>(flows, &paid, to_lender);
                    assert_eq!(without.to_bits(), with.to_bits(), "{k} {fees} {draw_out}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 1_000, "{compared}");
    }
}

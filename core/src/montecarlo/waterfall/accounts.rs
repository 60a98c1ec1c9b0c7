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
/// the equity's `to_equity`.
#[inline(always)]
pub(super) fn add_flows(
    (lender_slot, equity_slot): (&mut f64, &mut f64),
    (draw_out, upfront): (f64, f64),
    paid: &Paid,
    to_lender: f64,
    to_equity: f64,
) {
    *lender_slot += lender_flow((draw_out, upfront), paid, to_lender);
    *equity_slot += to_equity;
}

/// A month's flow to the lender: `−draw_out + upfront + fees + interest + principal + sweep
/// + trapped swept + to_lender` (the draw paid out, the upfront fee, what was `paid`, and
/// `to_lender` from the sale), added in that order.
#[inline(always)]
pub(super) fn lender_flow((draw_out, upfront): (f64, f64), paid: &Paid, to_lender: f64) -> f64 {
    -draw_out
        + upfront
        + paid.fees
        + paid.interest
        + paid.principal
        + paid.sweep
        + paid.trapped_swept
        + to_lender
}

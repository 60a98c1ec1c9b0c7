//! What the waterfall gives of a path, besides the flows.

/// What the waterfall gives of a path, besides the flows.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Credit {
    /// The row of the event of default, and whether it is a payment default.
    pub(crate) default: Option<(usize, bool)>,
    /// The first row with a covenant breached, and the first locked up.
    pub(crate) first_breach: Option<usize>,
    pub(crate) first_lock_up: Option<usize>,
    /// The lowest DSCR as (CFADS, debt service due).
    pub(crate) lowest_dscr: Option<(f64, f64)>,
    /// The balance owed at the end of the month of default before any write-off: after its
    /// debt service, before its sale of the GPUs and settlement (0 without a default).
    pub(crate) exposure: f64,
    /// What was written off (0 without a default).
    pub(crate) written_off: f64,
}

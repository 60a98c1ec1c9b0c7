//! The financing's terms that the waterfall reads.

/// The lock-up's terms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LockUpTerms {
    pub(crate) min_dscr: f64,
    pub(crate) trailing_months: usize,
    pub(crate) release_after_months: u32,
    /// (after how many locked months, the share swept each month).
    pub(crate) sweep_trapped: Option<(u32, f64)>,
}

/// The financing's terms that the waterfall reads.
#[derive(Debug, Clone)]
pub(crate) struct Terms {
    pub(crate) tenor: usize,
    /// The DSRA's months of debt service, and whether it is funded at the close.
    pub(crate) dsra: Option<(usize, bool)>,
    pub(crate) lock_up: Option<LockUpTerms>,
    /// The cash sweep's share, and whether it sweeps always (else only while locked up).
    pub(crate) sweep: Option<(f64, bool)>,
    pub(crate) foreclose_after: Option<usize>,
    pub(crate) haircut: f64,
    pub(crate) max_ltv: f64,
    pub(crate) min_dscr: Option<f64>,
    pub(crate) cure_months: u32,
}

impl Terms {
    /// Whether the financing has a DSRA, a lock-up or a cash sweep: what
    /// [`reserve_and_distribute`](super::reserves::reserve_and_distribute) reads, which
    /// without them returns the surplus as it is and changes nothing.
    pub(super) fn reserves(&self) -> bool {
        self.dsra.is_some() || self.lock_up.is_some() || self.sweep.is_some()
    }
}

#[cfg(test)]
impl Terms {
    /// A three-month loan for the waterfall's unit tests: no reserve, lock-up, sweep or
    /// foreclosure; a 25 % haircut, an 85 % LTV limit, a 1.2 DSCR covenant, two months to
    /// cure.
    pub(crate) const fn three_months() -> Self {
        Self {
            tenor: 3,
            dsra: None,
            lock_up: None,
            sweep: None,
            foreclose_after: None,
            haircut: 0.25,
            max_ltv: 0.85,
            min_dscr: Some(1.2),
            cure_months: 2,
        }
    }
}

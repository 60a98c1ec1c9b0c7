//! The optional sections of a box's loan agreement that direct its cash: the debt service
//! reserve account, the lock-up and the cash sweep (formulas in the
//! [module docs](super)).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::check::{Checker, Validate};

/// When the debt service reserve account is first filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DsraFunding {
    /// At the close, by the equity: a use of funds (the default, as lenders usually ask).
    #[default]
    Close,
    /// From the cash flow after debt service, before any distribution.
    CashFlow,
}

/// A debt service reserve account (DSRA): cash held for the lender, drawn when CFADS falls
/// short of debt service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dsra {
    /// The target: the scheduled debt service of this many following months, 1 to 24
    /// (lenders commonly ask 3 to 6).
    pub months: u32,
    /// Funded at the close (default) or from the cash flow.
    #[serde(default)]
    pub funding: DsraFunding,
}

impl Validate for Dsra {
    fn check(&self, c: &mut Checker) {
        if self.months == 0 || self.months > 24 {
            c.problem("months", "must be 1 to 24 months of debt service");
        }
    }
}

/// Trapped cash swept to the lender after a long lock-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrappedSweep {
    /// Consecutive months locked up before the sweep, at least 1.
    pub after_months: u32,
    /// The share of the trapped cash swept each month from then on, in (0, 1].
    pub share: Decimal,
}

impl Validate for TrappedSweep {
    fn check(&self, c: &mut Checker) {
        c.nonzero("after_months", self.after_months);
        c.positive("share", self.share);
        c.fraction("share", self.share);
    }
}

/// The distribution block: while the trailing DSCR is under `min_dscr`, the cash left
/// after debt service and the reserve is trapped in the box instead of distributed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockUp {
    /// The lock-up DSCR, greater than 0 (lenders set 1.10-1.20, above the default
    /// covenant).
    pub min_dscr: Decimal,
    /// The test's window: 1, 3 or 12 months of CFADS over their debt service.
    pub trailing_months: u32,
    /// Consecutive months the test must pass before the trapped cash is released to the
    /// equity, at least 1 (default 1).
    #[serde(default = "one_month")]
    pub release_after_months: u32,
    /// Sweep trapped cash to the lender after a long lock-up (default: never; it waits
    /// for the release).
    #[serde(default)]
    pub sweep_trapped: Option<TrappedSweep>,
}

const fn one_month() -> u32 {
    1
}

impl Validate for LockUp {
    fn check(&self, c: &mut Checker) {
        c.positive("min_dscr", self.min_dscr);
        if !matches!(self.trailing_months, 1 | 3 | 12) {
            c.problem("trailing_months", "must be 1, 3 or 12");
        }
        c.nonzero("release_after_months", self.release_after_months);
        if let Some(sweep) = &self.sweep_trapped {
            c.nested("sweep_trapped", sweep);
        }
    }
}

/// When the cash sweep applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepWhen {
    /// Every month (the default).
    #[default]
    Always,
    /// Only in months locked up.
    LockedUp,
}

/// A share of the cash left after debt service and the reserve, paid to the lender as a
/// prepayment of principal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CashSweep {
    /// The share swept, in (0, 1] (lenders ask 50-100 %).
    pub share: Decimal,
    /// Every month (default) or only while locked up.
    #[serde(default)]
    pub when: SweepWhen,
}

impl Validate for CashSweep {
    fn check(&self, c: &mut Checker) {
        c.positive("share", self.share);
        c.fraction("share", self.share);
    }
}

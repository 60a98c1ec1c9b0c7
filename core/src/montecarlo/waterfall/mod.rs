//! The lender's waterfall on a path, in `f64`: the same rules, in the same order, as the
//! exact model's ([`scenario::financing`](crate::scenario::financing), whose module docs
//! hold the formulas), run on the path's CFADS, sale and collateral with the loan as
//! sized and scheduled at the close. The `exact` module runs a path through the `Decimal`
//! waterfall itself; a test compares the two on sampled paths.
//!
//! Each month: senior fees, interest and scheduled principal from CFADS (then the DSRA,
//! then the trapped cash; still short: a payment default); the DSRA topped up or released;
//! the lock-up test on the trailing DSCR; the cash sweep; the trapped cash; the
//! distribution. The covenants (LTV on the collateral after the liquidation haircut, DSCR
//! = CFADS ÷ debt service due) are tested at the month's end; a breach past its cure is a
//! covenant default. After a default of either kind the loan is accelerated from the next
//! month (all cash to the lender, nothing to the equity until it is repaid), the GPUs are
//! sold `foreclose_after_months` later when the financing says so, and what is owed at the
//! foreclosure or the horizon is written off. The exposure at default is what is owed at
//! the end of the month of default before any write-off: after its debt service, before
//! its sale of the GPUs and settlement (so a default in the horizon's last month has one).
//!
//! One pass gives what the exact model's two runs give: its first run finds the covenant
//! default on the balances as they stand until then, which are this pass's until then.
//!
//! The files, one purpose each: `rates` (a floating loan's extra interest on the path),
//! `months` (the deterministic and the path's months), `terms` and `outcome` (what the
//! waterfall reads and gives), `pay` (a payment and the interest on a balance), `accounts` (the accounts as they run, a month's
//! payments and its flows), `debt_service` (the month's payments under the schedule or
//! accelerated), `reserves` (the DSRA, the lock-up, the sweep and the trapped cash),
//! `covenants` (the month-end tests), `month` (one month of a path, in order), `repaid_base`
//! (a repaid month's parts that no path changes, once a model), `repaid` (the shortcut of
//! an accelerated month once the loan is repaid) and `run` (a path's
//! months, the scheduled ones to the default's, then the accelerated ones).

mod accounts;
mod covenants;
mod debt_service;
mod month;
mod months;
mod outcome;
mod pay;
mod rates;
mod repaid;
mod repaid_base;
mod reserves;
mod run;
mod terms;

pub(crate) use months::{BoxMonth, LoanMonth, PathMonth};
pub(crate) use outcome::Credit;
pub(crate) use rates::Rates;
pub(crate) use repaid_base::RepaidBase;
pub(crate) use run::{Buffers, run};
pub(crate) use terms::{LockUpTerms, Terms};

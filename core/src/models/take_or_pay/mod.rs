//! Take-or-pay contracts (docs/domain.md section 6): a buyer commits to a minimum each
//! month and pays for it whether used or not. [`settle`] bills a [`Contract`] against the
//! buyer's usage; [`backlog`] values the minimum payments still to come.
//!
//! Months are on the scenario's timeline (month 1 is the first month after the start).
//! For month `m` of the term, contract month `j = m − start_month + 1`, up to the last
//! month served (the end of the term, or the termination month):
//!
//! ```text
//! escalation    e_j = (1 + annual_rate)^k,  k = ⌊(j − 1) / every_months⌋   (whole steps, exact)
//! prices        p_j = price × e_j,  s_j = shortfall price × e_j (default the price),
//!               o_j = overage price × e_j
//! commitment    c_j = quantity                              (gpu_hours)
//!                   = quantity × 1000 / kw_per_gpu × 730    (megawatts: MW → GPUs → GPU-hours)
//!                   = quantity / p_j                        (usd: a fixed dollar minimum)
//! minimum       min_j = c_j × ramp_j            (ramp_j = ramp[j − 1], 1 after the ramp)
//! min. payment  min_j × min(p_j, s_j)           (the least the buyer can pay for the month)
//! cap           within_j = min(usage_j, cap);  above the cap: overage hours billed at o_j
//!               with an overage price, else not served
//! ```
//!
//! The minimum applies to the sum over each true-up period (1, 3 or 12 contract months,
//! counted from the contract's first month). A period cut by the end of the term or a
//! termination is pro-rated: its minimum is the sum of the minimums of the months it has.
//! With `M` the period's minimum and `U` its usage up to the cap (overage hours do not
//! count against the minimum):
//!
//! ```text
//! credit used_j  = min(credit balance, (U to j − M)⁺ − (U before j − M)⁺)   (usage above M)
//! billed_j       = within_j − credit used_j;    usage billed_j = billed_j × p_j
//! shortfall      = (M − U)⁺ in the period's last month, paid at its s_j
//! credit earned  = shortfall (with make-up rights), in GPU-hours
//! revenue_j      = usage billed + overage hours × o_j + shortfall paid + termination fee
//! ```
//!
//! - **Monthly billing**: usage is billed each month; the true-up shortfall in the last
//!   month of its period; a termination fee in the termination month.
//! - **Make-up credits** are GPU-hours: a shortfall hour paid at the shortfall price
//!   becomes an hour of usage above a later period's minimum not billed. Credits earned at
//!   the end of period `q` are usable in periods `q + 1 … q + window_periods`, oldest
//!   first, and expire at the end of period `q + window_periods`, or at the end of the
//!   contract (term or termination), so that `earned = used + expired + balance`.
//! - **Escalator steps** must hold whole true-up periods (`every_months` a multiple of the
//!   period's months), so each period has one price and its revenue is never below the
//!   sum of its months' minimum payments.
//! - **Exactness**: all arithmetic is checked [`Decimal`](crate::Decimal); the backlog's
//!   monthly discount rate `(1 + r)^(1/12) − 1` is the one irrational quantity, computed
//!   in `f64` by [`finance::monthly_rate`](crate::finance::monthly_rate).
//! - **Errors**: inputs are checked first ([`Validate`](crate::models::Validate)); the
//!   first problem is returned with its path (`contract.term_months`,
//!   `usage_gpu_hours[3]`). Nothing panics.

mod backlog;
mod contract;
mod credits;
mod schedule;
mod settle;

pub use backlog::{Backlog, BacklogInputs, backlog};
pub use contract::{Commitment, CommitmentUnit, Contract, Escalator, MakeUp, Termination, TrueUp};
pub use settle::{
    SettleInputs, Settlement, SettlementMonth, SettlementTotals, TrueUpPeriod, settle,
};

pub use crate::units::MAX_MONTHS;
/// A contract's terms month by month, for the Monte Carlo's own settlement of sampled usage.
pub(crate) use schedule::schedule as terms;

#[cfg(test)]
mod tests;

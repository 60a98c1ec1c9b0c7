//! GPU-collateralized lending (docs/domain.md section 8): the loan the GPUs support, its
//! loan-to-value month by month as they lose value, the covenants tested each month with a
//! cure period, and what the lender recovers if the borrower defaults.
//!
//! For month `m` (1 is the first month after origination), with the loan balance `Bₘ` an
//! input (a debt schedule's closing balances) and the collateral value `Vₘ`:
//!
//! ```text
//! value          Vₘ = gpus × capex_usd_per_gpu × residual(m)     (fleet; residual a Curve)
//!                   = value_usd[m − 1]                           (series)
//! loan           L = advance_rate × V₀                           (at origination)
//! LTV            Bₘ / Vₘ      (0 when Bₘ = 0; unbounded, JSON null, when Vₘ = 0 < Bₘ)
//! covenants      LTV breached   when LTVₘ > max_ltv (or unbounded)
//!                DSCR breached  when DSCRₘ < minimum_dscr     (not tested where DSCR is null)
//!                concentration  when largest shareₘ > maximum_share
//! cure           kₘ = kₘ₋₁ + 1 if breached, else 0              (one count per covenant)
//!                event of default in the first month with some kₘ > cure_months
//! liquidation    Pₘ = max(0, Vₘ × (1 − haircut) − costs_usd)
//! recovery       Rₘ = min(Bₘ, Pₘ);  rate Rₘ / Bₘ;  loss Bₘ − Rₘ   (if the default is in m)
//! ```
//!
//! - **Testing dates**: every covenant is tested at the end of the month, on the month's
//!   closing balance and the value at the end of the month (`residual(m)`).
//! - **Cure periods**: each covenant keeps its own count of consecutive breached months. A
//!   month in which it passes — a paydown that brings LTV back under the limit, DSCR or
//!   the customer share returning within the limit — cures the breach and resets the
//!   count; a month in which it is not tested (no debt service, so no DSCR) counts as a
//!   pass. With `cure_months = N`, a covenant breached `N + 1` months running is an event
//!   of default in the last of them (`N = 0`: a breach is a default at once). Breaches of
//!   different covenants do not add up. A default, once declared, stays (the lender may
//!   accelerate): later cures do not undo it.
//! - **Recovery** is what the lender would get if the borrower defaulted in that month and
//!   the GPUs were sold then, reported for every month; the summary repeats it for the
//!   first month in default.
//! - **Exactness**: checked [`Decimal`](crate::Decimal) arithmetic; the residual curve's
//!   fractional powers come from [`Curve`](crate::models::depreciation::Curve) (`f64`,
//!   converted once). Nothing is rounded.
//! - **Errors**: inputs are checked first ([`Validate`](crate::models::Validate)); the
//!   first problem is returned with its path (`covenants.dscr.minimum_dscr`,
//!   `balance_usd[3]`). Nothing panics.

mod covenants;
mod inputs;
mod recovery;
mod schedule;

pub use covenants::{CovenantTest, TestStatus};
pub use inputs::{
    CollateralInputs, CollateralValue, ConcentrationCovenant, Covenants, DscrCovenant, Liquidation,
};
pub use recovery::Recovery;
pub use schedule::{CollateralMonth, CollateralSchedule, CollateralSummary, collateral_schedule};

#[cfg(test)]
mod tests;

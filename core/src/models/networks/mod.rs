//! Decentralized compute networks (docs/domain.md section 12): how a network's token is
//! emitted and burned, how a marketplace splits a payment, and what a node operator earns
//! in fiat.
//!
//! - [`emission_schedule`]: a token emitted every hour on a disinflationary schedule up to
//!   a supply cap (io.net: 500M at launch, 300M more over about 20 years);
//! - [`burn_mint()`]: a burn-and-mint equilibrium (Render): jobs priced in USD burn tokens at
//!   the token's price after a fee, a fixed emission is minted, and the equilibrium price
//!   is the one at which the two balance;
//! - [`take_rate_settlement`]: a marketplace's take rate (Akash): the buyer pays, the
//!   network takes its share, the provider receives the rest;
//! - [`operator_roi`]: a node operator's cash flows in fiat (token rewards at a price path,
//!   rental income, power, hardware and a stake that may be slashed) with payback, ROI, NPV
//!   and IRR under several token price scenarios.
//!
//! In short, with `S₀` the initial supply, `r` the first year's inflation, `d` the
//! disinflation per epoch, `f` the fee, `P` the token's price and `t` a take rate:
//!
//! ```text
//! emission       e₁ = S₀ × r / 8760,  e_T = e_{T−1} × (1 − d),  capped at max − supply
//! burn           burned tokens = jobs_usd × (1 − f) / P;   net supply change = minted − burned
//! equilibrium    P* = jobs_usd × (1 − f) / minted           (burned = minted at P*)
//! take rate      network = buyer × t;   provider = buyer − network
//! operator       cash_m = reward_tokens_m × P_m + rental − power − other  (month m)
//! ```
//!
//! Token and USD amounts the models report are kept to [`KEPT_DECIMAL_PLACES`]
//! ([`units::keep`]), so that periods, leases and months add up to
//! their totals exactly; rates and prices are not rounded. Every model checks its inputs
//! first ([`Validate`](crate::models::Validate)) and names the offending field by its path
//! (`periods[2].token_price_usd`, `scenarios[0].price.curve.annual_factor`). Nothing
//! panics.

pub mod burn_mint;
pub mod emissions;
pub mod marketplace;
pub mod operator;

pub use burn_mint::{BurnMint, BurnMintInputs, BurnMintPeriod, BurnMintResult, burn_mint};
pub use emissions::{
    EmissionPeriod, EmissionSchedule, EmissionScheduleInputs, MAX_EPOCHS, emission_schedule,
};
pub use marketplace::{
    Lease, LeaseSettlement, TakeRateInputs, TakeRateSettlement, take_rate_settlement,
};
pub use operator::{
    OperatorInputs, OperatorMonth, OperatorRoi, ScenarioRoi, TokenPricePath, TokenPriceScenario,
    operator_roi,
};

use crate::Decimal;
use crate::models::check::Checker;
use crate::units::{self, MAX_MONTHS};

/// Decimal places every reported token or USD amount is kept to (half-even): far below
/// any token's smallest unit or a cent, and few enough that sums of amounts up to about
/// ten billion keep every digit, so totals are exact in any order.
pub const KEPT_DECIMAL_PLACES: u32 = 18;

/// `value` kept to [`KEPT_DECIMAL_PLACES`].
fn kept(value: Decimal) -> Decimal {
    units::keep(value, KEPT_DECIMAL_PLACES)
}

/// Records a problem on `field` unless a list holds 1 to [`MAX_MONTHS`] items.
fn check_periods(c: &mut Checker, field: &str, len: usize) {
    if len == 0 || u32::try_from(len).map_or(true, |n| n > MAX_MONTHS) {
        c.problem(field, "must hold 1 to 1200 periods");
    }
}

//! Power (docs/domain.md section 7): PUE, power purchase agreements, the monthly energy
//! bill and curtailment.
//!
//! - [`energy_split`]: IT energy against facility energy, `facility = IT × PUE` (PUE, ISO/IEC
//!   30134-2: Uptime's 2025 average 1.54, AI designs 1.1-1.3), and the overhead between;
//! - [`Ppa`]: fixed price, indexed (market + adder), virtual (a contract for difference on a
//!   volume) or collar (floor and cap on the market price);
//! - [`energy_cost`]: per month, from a market price series (USD per MWh) and a metered
//!   load or a fleet (`gpus × kW × load factor × PUE × 730`): energy bought, PPA
//!   settlement, net cost, cost per GPU-hour;
//! - [`curtailment_cost`]: hours cut (events or a share of hours), lost margin, power not
//!   bought, demand-response payments, net cost, and the break-even power price.
//!
//! Prices of electricity are in USD per **MWh** throughout (the unit of wholesale markets
//! and PPAs; `$/kWh × 1000`); energies in MWh (kWh for [`energy_split`]). Months are on the
//! monthly timeline: month 1 is the first month after the start, 730 hours each. Money is
//! checked [`Decimal`](crate::Decimal) arithmetic, monthly amounts kept to [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES) so
//! totals are exact sums. Inputs are checked first ([`Validate`](crate::models::Validate))
//! and every problem names its field by its path (`load.it_mwh[3]`,
//! `ppa.cap_usd_per_mwh`). Nothing panics.

pub mod bill;
pub mod curtailment;
pub mod ppa;
pub mod pue;

pub use bill::{
    EnergyCost, EnergyCostInputs, EnergyCostMonth, EnergyCostTotals, Load, energy_cost,
};
pub use curtailment::{
    CurtailedHours, CurtailmentCost, CurtailmentInputs, CurtailmentMonth, CurtailmentTotals,
    curtailment_cost,
};
pub use ppa::Ppa;
pub use pue::{EnergySplit, EnergySplitInputs, energy_split};

//! Facility (docs/domain.md section 7): racks and cooling, the GPUs a capacity holds,
//! colocation and hyperscale leases, and the cost of waiting for the grid.
//!
//! - [`rack_density`]: kW per rack, racks and rows, and whether the racks need liquid
//!   cooling (above [`AIR_COOLING_LIMIT_KW_PER_RACK`], 35 kW by default) with its capex and
//!   PUE;
//! - [`mw_to_gpus`] and [`gpus_to_mw`]: critical IT MW ÷ all-in kW per GPU, whole GPUs,
//!   and back;
//! - [`lease_schedule`]: rent on contracted critical IT kW per month with an annual
//!   escalator, modified gross or triple-net (taxes, insurance and maintenance as separate
//!   items); hyperscale leases (typically 20-200 MW for 10-15 years) are the same model;
//! - [`implied_lease_rate`]: a deal's total value ÷ (months × kW), the $/kW-month that
//!   published deals are compared by;
//! - [`interconnection_delay`]: the NPV cost of each month of delay in the grid queue, and
//!   of a given delay.
//!
//! Capacities are critical IT kW or MW (before PUE). Months are on the monthly timeline:
//! month 1 is the first month after the start. Money is checked [`Decimal`](crate::Decimal)
//! arithmetic; the twelfth root of a discount rate is `f64`, converted once
//! ([`finance::monthly_rate`](crate::finance::monthly_rate)). Inputs are checked first
//! ([`Validate`](crate::models::Validate)) and every problem names its field by its path
//! (`structure.taxes.usd_per_year`, `liquid_cooling.pue`). Nothing panics.

pub mod deal;
pub mod gpus;
pub mod grid;
pub mod lease;
pub mod rack;

pub use deal::{DealInputs, DealRate, implied_lease_rate};
pub use gpus::{GpusToMw, GpusToMwInputs, MwToGpus, MwToGpusInputs, gpus_to_mw, mw_to_gpus};
pub use grid::{
    DelayMonth, InterconnectionDelay, InterconnectionInputs, UpgradePayment, interconnection_delay,
};
pub use lease::{
    LeaseInputs, LeaseMonth, LeaseSchedule, LeaseStructure, LeaseTotals, PassThrough,
    lease_schedule,
};
pub use rack::{
    AIR_COOLING_LIMIT_KW_PER_RACK, LiquidCooling, RackDensity, RackDensityInputs, rack_density,
};

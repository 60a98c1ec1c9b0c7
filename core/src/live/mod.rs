//! Live economics: what measured GPUs earn and cost an hour and over a window, from a
//! [`GpuReading`] per GPU (filled by `gpuecon-telemetry`'s adapters) and [`Terms`] (a
//! price, or a scenario's contract or market), through the core's models.
//!
//! Given [`Terms`] (a price per GPU-hour, or a contract or market from a scenario file; the
//! power price and PUE) and a measured [`GpuReading`] (power, activity, SM activity):
//!
//! ```text
//! billed utilization   1 (billing "reserved": every hour of the GPU is sold, as reserved
//!                      and take-or-pay capacity is) or the measured activity (billing
//!                      "usage": the hours sold are the hours used)
//! revenue / h          price × billed                models::utilization::revenue_per_available_hour
//! power cost / h       kW × 1 × PUE × $/kWh          models::PowerInputs::usd_per_gpu_hour, with the
//!                      (kW = measured W ÷ 1000)      measured draw as it_kw and idle_fraction 1
//!                                                    (the draw is measured, not modelled)
//! margin / h           revenue − power cost          (over power: the cost the GPUs themselves tell)
//! power cost per billed, active and effective GPU-hour
//!                      power cost ÷ utilization      models::utilization::cost_per_utilized_hour
//!                                                    (None at 0)
//! activity vs assumed  measured activity ÷ the utilization the contract assumed
//! yield on cost        price × billed × 8760 ÷ capex  models::utilization::{annual_revenue, yield_on_cost}
//!                      (with a scenario's capex), measured and as assumed
//! owner's other costs  capital recovery, facility    models::owner_cost, with the owner's terms
//!   / h                and operations per available  (a scenario's fleet, facility and
//!                      GPU-hour                      operations, or --capex/--life/--rate)
//! owner cost / h       power cost + the above
//! owner margin / h     revenue − owner cost
//! owner cost per active GPU-hour
//!                      owner cost ÷ activity         models::utilization::cost_per_utilized_hour
//! ```
//!
//! Measurements cross into [`Decimal`](crate::Decimal) once, through [`units::decimal_from_f64`](crate::units::decimal_from_f64)
//! (the shortest decimal that round-trips), kept to a microwatt and to 1e-9 of a
//! utilization (far below the sensors' ±5 W and whole percent; it drops the float noise of
//! averages such as 350.90000000000003 W); utilizations are clamped to [0, 1] first (an
//! average may land a hair outside). Durations cross as seconds (exact for millisecond
//! timestamps) and become hours in [`Decimal`](crate::Decimal). Amounts over a window are kept to
//! [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES) like the scenario report's. Every amount is `None` where an
//! input it needs is unknown.

mod convert;
mod hourly;
mod reading;
mod terms;
mod window;

pub use hourly::{FleetHourly, Hourly, fleet_hourly, hourly};
pub use reading::GpuReading;
pub use terms::{Billing, OwnerTerms, Terms};
pub use window::{FleetOverWindow, OverWindow, fleet_over_window, over_window};

#[cfg(test)]
mod tests;

//! # gpuecon
//!
//! The economics of AI compute, exact to the cent: GPUs, power, facilities and contracts
//! turned into prices, yields, schedules and risk.
//!
//! The crate is pure: it does no IO, reads no clock, environment or OS randomness, and
//! never panics. Every public function returns a [`Result`] whose error names the offending
//! argument and carries a stable [`ErrorCode`]. Money is [`Decimal`] with checked
//! arithmetic; irrational quantities (roots, fractional powers, logarithms) are computed in
//! `f64`, as Excel does, and converted to [`Decimal`] once.
//!
//! ```
//! use gpuecon::{finance, Decimal};
//!
//! // An H100 server at $50,000 all-in, $5,000 salvage after 6 years: $7,500 a year.
//! let per_year = finance::sln(Decimal::from(50_000), Decimal::from(5_000), Decimal::from(6))?;
//! assert_eq!(per_year, Decimal::from(7_500));
//! # Ok::<(), gpuecon::FinanceError>(())
//! ```
//!
//! Layers, each using only those below it:
//! - [`units`]: hours, money helpers and the one lossy exit from [`Decimal`] to `f64`;
//! - [`finance`]: the Excel-compatible functions;
//! - [`models`]: the hardware catalog, the owner's itemized cost per GPU-hour, rental
//!   pricing, utilization yield, depreciation and the cascade, take-or-pay contracts;
//! - [`scenario`]: a fleet, its costs, contracts and curves evaluated month by month into
//!   a report; [`presets`]: ready-made scenarios from public figures;
//! - [`live`]: what measured GPUs earn and cost an hour, from a plain per-GPU reading that
//!   `gpuecon-telemetry`'s adapters fill, and a price or a scenario's terms;
//! - [`montecarlo`]: distributions of a box's or a portfolio's outcomes over random paths
//!   of demand, prices, values, buyers and rates, and deterministic sensitivities.

pub mod date;
pub mod error;
pub mod finance;
pub mod glossary;
pub mod live;
pub mod models;
pub mod montecarlo;
mod order;
pub mod presets;
pub mod scenario;
pub mod units;

pub use date::{Date, ParseDateError};
pub use error::{ErrorCode, ExcelError, FinanceError};
pub use rust_decimal::Decimal;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

/// The crate's own README (core/README.md, what crates.io shows), its example run too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;

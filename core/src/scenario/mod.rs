//! Scenarios: one description of a fleet, its costs, its book of contracts and its curves,
//! evaluated month by month into a [`Report`].
//!
//! ```text
//! JSON / TOML ─▶ Scenario ─▶ validate (every problem, with its path) ─▶ evaluate ─▶ Report
//! ```
//!
//! A scenario runs on one monthly timeline: month 1 is the first month after `start`, and
//! every series in the report has `horizon_months` entries. Each month:
//!
//! ```text
//! available      = gpus × 730 GPU-hours
//! contracts      = each take-or-pay contract settled on its own GPUs (models::take_or_pay)
//! market         = the remaining GPUs sold as reserved, on demand and spot (models::pricing)
//!                  at the market price (base × price curve, or the cascade's stage price)
//! billed hours   = every contracted and reserved hour (allocated, used or not)
//!                  + on-demand hours + spot hours billed (sold less pre-empted)
//! busy hours     = contract usage served + reserved hours + on-demand + spot hours billed
//! power          = power per GPU-hour at busy ÷ available × available hours
//! facility, staff, support, software, insurance: per GPU-hour × available hours
//! SG&A           = share × revenue
//! gross margin   = revenue − those costs (cash, before depreciation)
//! cash flow      = gross margin (month 0: −capex; the last month adds the fleet's sale at
//!                  its economic value when `sell_at_horizon`)
//! book value     = the depreciation schedule; economic value = capex × residual curve
//! ```
//!
//! The summary is computed from the series, never kept separately: totals, margin, yield
//! on cost, NPV, IRR and payback ([`metrics`]), and the contracted backlog at the start.

mod error;
mod evaluate;
pub mod financing;
pub mod portfolio;

/// NPV, IRR and payback of monthly cash flows (from [`models::metrics`](crate::models::metrics)).
pub use crate::models::metrics;
mod report;
mod spec;

pub use crate::units::AMOUNT_DECIMAL_PLACES;
pub use error::ScenarioError;
pub use evaluate::evaluate;
pub use financing::{Financing, FinancingReport, Repayment};
pub use report::{Costs, MonthReport, Report, Revenue, Summary};
pub use spec::{ContractLine, Depreciation, Fleet, Market, Reservation, Scenario};

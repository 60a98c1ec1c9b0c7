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
//! available      = GPUs in service × 730 GPU-hours (all of them unless fleet.deliveries
//!                  spreads their delivery)
//! contracts      = each take-or-pay contract settled on its own GPUs (models::take_or_pay)
//! market         = the remaining GPUs sold as reserved, on demand and spot (models::pricing)
//!                  at the market price (base × price curve, or the cascade's stage price)
//! hosting        = the hosting agreement's fees, less SLA credits (models::hosting)
//! curtailed      = the share of the month's hours cut × (contracts + reserved + on demand
//!                  + spot); hours billed and run fall by the same share (energy)
//! billed hours   = every contracted and reserved hour (allocated, used or not)
//!                  + on-demand hours + spot hours billed (sold less pre-empted)
//! busy hours     = contract usage served + reserved hours + on-demand + spot hours billed
//! power          = power per GPU-hour at busy ÷ available × available hours; with an
//!                  energy section: MWh drawn × the PPA's price at the month's market
//!                  price, a virtual PPA's settlement, demand response for the MWh cut
//! facility       = colocation per GPU-month × GPUs, or the lease's rent and triple-net
//!                  items (models::facility::lease_schedule)
//! staff, support, software: per GPU-hour × available hours; insurance: per GPU-year ÷ 12
//! SG&A           = share × revenue
//! gross margin   = revenue − those costs (cash, before depreciation)
//! cash flow      = gross margin − prepayments applied − capex paid on delivery
//!                  (+ the fleet's sale at its economic value in the last month when
//!                  `sell_at_horizon`, + GPUs sold earlier after their contract or
//!                  retired, less the selling cost: see `retirement`); month 0, the
//!                  close: prepayments − capex then
//! book value     = the depreciation schedule; economic value = capex × resellable share
//!                  × residual curve,
//!                  each tranche of a delivered fleet by its own age
//! ```
//!
//! The sections [`Energy`] (`energy`), `lease`, `hosting`, `fleet.deliveries` and a
//! contract's `prepaid_share` are optional: without them a scenario evaluates as it did
//! before they existed. Their formulas are in the docs of [`Energy`], [`Scenario`] and
//! [`financing`].
//!
//! The summary is computed from the series, never kept separately: totals, margin, yield
//! on cost, NPV, IRR and payback ([`metrics`]), and the contracted backlog at the start.

mod agreements;
mod consistency;
mod deliveries;
mod energy;
mod error;
mod evaluate;
pub mod financing;
pub mod portfolio;

/// NPV, IRR and payback of monthly cash flows (from [`models::metrics`](crate::models::metrics)).
pub use crate::models::metrics;
mod report;
mod retirement;
pub(crate) use retirement::{idle_gpus, retirement_month};
mod spec;
pub mod warnings;

pub use crate::units::AMOUNT_DECIMAL_PLACES;
pub use energy::Energy;
pub use error::ScenarioError;
pub use evaluate::evaluate;
pub(crate) use evaluate::evaluate_planned;
pub use financing::{Financing, Repayment};
pub(crate) use financing::{Plan, PlanMonth, settle};
pub use report::financing::{
    DefaultKind, FinancingMonth, FinancingReport, FinancingSummary, SizedBy, SourcesAndUses,
};
pub use report::{Costs, MonthReport, Report, Revenue, Summary};
pub use spec::{AfterContract, ContractLine, Depreciation, Fleet, Market, Reservation, Scenario};
pub use warnings::{Warning, WarningCode};

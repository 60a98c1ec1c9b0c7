//! Models: the economics of a GPU built from the [`finance`](crate::finance) functions.
//!
//! - [`catalog`]: GPU SKUs with their power and capex figures, each with its source;
//! - [`price`]: per-GPU and per-node prices as distinct types;
//! - [`cost`]: the owner's itemized cost of one GPU-hour;
//! - [`take_or_pay`]: take-or-pay contracts settled against usage, and their backlog;
//! - [`tax`]: a box's income tax (MACRS, bonus, 163(j), NOLs) and property tax;
//! - [`pricing`]: the capacity book, break-even / margin / IRR prices, token prices;
//! - [`utilization`]: billed, activity and effective utilization, and the yield they give;
//! - [`depreciation`]: book schedules, residual and price curves, the cascade, economic end
//!   of life and the refresh decision;
//! - [`collateral`], [`concentration`], [`hosting`]: GPU-collateralized loans (LTV,
//!   covenants, cure periods, recovery), customer concentration (HHI, circular
//!   counterparties) and hosting agreements (fees, minimums, SLA credits, caps);
//! - [`debt`]: loan schedules (level, straight, bullet, sculpted to a DSCR), delayed draws,
//!   capitalized interest, floating SOFR + credit-tier spreads, fees and the all-in cost;
//! - [`power`], [`facility`]: PUE, power purchase agreements, the energy bill and
//!   curtailment; rack density and cooling, MW ↔ GPUs, colocation and hyperscale leases,
//!   grid interconnection delay;
//! - [`networks`]: decentralized compute networks: io.net's hourly emissions, Render's
//!   burn-mint equilibrium, Akash's take rate, a node operator's ROI in fiat;
//! - [`check`]: [`Validate`] and its [`Checker`](check::Checker), collecting every problem
//!   with its path;
//! - [`error`]: [`ModelError`], naming the offending field by its path (`power.pue`).

pub mod catalog;
pub mod check;
pub mod collateral;
pub mod concentration;
pub mod cost;
pub mod debt;
pub mod depreciation;
pub mod error;
pub mod facility;
pub mod hosting;
pub mod market_prices;
pub mod metrics;
pub mod networks;
pub mod power;
pub mod price;
pub mod pricing;
pub mod take_or_pay;
pub mod tax;
pub mod utilization;

pub use catalog::{GpuSpec, gpu, gpus};
pub use check::Validate;
pub use cost::{
    CapitalInputs, CapitalMethod, FacilityInputs, OperationsInputs, OwnerCost, OwnerCostInputs,
    PowerInputs, UsageInputs, owner_cost,
};
pub use error::ModelError;
pub use market_prices::{MarketRange, market_price_range};
pub use price::{UsdPerGpuHour, UsdPerNodeHour};

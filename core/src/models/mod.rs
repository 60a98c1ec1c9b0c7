//! Models: the economics of a GPU built from the [`finance`](crate::finance) functions.
//!
//! - [`catalog`]: GPU SKUs with their power and capex figures, each with its source;
//! - [`price`]: per-GPU and per-node prices as distinct types;
//! - [`cost`]: the owner's itemized cost of one GPU-hour;
//! - [`check`]: [`Validate`] and its [`Checker`](check::Checker), collecting every problem
//!   with its path;
//! - [`error`]: [`ModelError`], naming the offending field by its path (`power.pue`).

pub mod catalog;
pub mod check;
pub mod cost;
pub mod error;
pub mod price;

pub use catalog::{GpuSpec, gpu, gpus};
pub use check::Validate;
pub use cost::{
    CapitalInputs, CapitalMethod, FacilityInputs, OperationsInputs, OwnerCost, OwnerCostInputs,
    PowerInputs, UsageInputs, owner_cost,
};
pub use error::ModelError;
pub use price::{UsdPerGpuHour, UsdPerNodeHour};

//! Prices per GPU-hour and per node-hour as distinct types: a node-hour of 8 GPUs is not
//! a GPU-hour, and the only way from one to the other names the GPUs per node.

use serde::{Deserialize, Serialize};

use crate::{Decimal, FinanceError, units};

/// A price in US dollars for one GPU for one hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UsdPerGpuHour(pub Decimal);

/// A price in US dollars for one node (a server or rack of several GPUs) for one hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UsdPerNodeHour(pub Decimal);

impl UsdPerNodeHour {
    /// The price per GPU-hour: `node price ÷ gpus_per_node`.
    ///
    /// ```
    /// use gpuecon::{models::UsdPerNodeHour, Decimal};
    /// // CoreWeave's H100 node, Feb 2026: $49.24 per 8-GPU hour is $6.155 per GPU-hour.
    /// let per_gpu = UsdPerNodeHour(Decimal::new(4924, 2)).per_gpu(8)?;
    /// assert_eq!(per_gpu.0, Decimal::new(6155, 3));
    /// # Ok::<(), gpuecon::FinanceError>(())
    /// ```
    ///
    /// # Errors
    /// [`FinanceError::DivisionByZero`] on `gpus_per_node` when it is 0.
    pub fn per_gpu(self, gpus_per_node: u32) -> Result<UsdPerGpuHour, FinanceError> {
        units::div(self.0, Decimal::from(gpus_per_node), "gpus_per_node").map(UsdPerGpuHour)
    }
}

impl UsdPerGpuHour {
    /// The price per node-hour: `GPU price × gpus_per_node`.
    ///
    /// ```
    /// use gpuecon::{models::UsdPerGpuHour, Decimal};
    /// // $2.99 per GPU-hour is $23.92 per 8-GPU node-hour.
    /// let per_node = UsdPerGpuHour(Decimal::new(299, 2)).per_node(8)?;
    /// assert_eq!(per_node.0, Decimal::new(2392, 2));
    /// # Ok::<(), gpuecon::FinanceError>(())
    /// ```
    ///
    /// # Errors
    /// [`FinanceError::Overflow`] on `gpus_per_node` when the product does not fit.
    pub fn per_node(self, gpus_per_node: u32) -> Result<UsdPerNodeHour, FinanceError> {
        units::mul(self.0, Decimal::from(gpus_per_node), "gpus_per_node").map(UsdPerNodeHour)
    }
}

//! The hardware catalog: GPU SKUs with exact names, their TDP, the all-in IT power and
//! capex of the node (server or rack) they come in, and the source and date of each
//! figure. The entries are defaults, not truths: every field is public and the type is
//! serde-(de)serializable, so a user replaces any figure with their own quote.
//!
//! Figures marked "estimate" in [`GpuSpec::source`] are not published all-in numbers;
//! the text says how they were derived.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::{Decimal, FinanceError, units};

/// One GPU product as it is bought and racked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GpuSpec {
    /// A stable identifier for lookups, lower-case with hyphens (`"h100-sxm"`).
    pub id: Cow<'static, str>,
    /// The exact product name (`"H100 SXM"`: not the same product as `"H100 PCIe"`).
    pub name: Cow<'static, str>,
    /// The vendor (`"NVIDIA"`, `"AMD"`).
    pub vendor: Cow<'static, str>,
    /// Thermal design power of one GPU, in watts.
    pub tdp_watts: Decimal,
    /// GPUs in one node (a server, or a rack for rack-scale systems such as GB200 NVL72).
    pub gpus_per_node: u32,
    /// All-in IT power of one node at full load, in kW (GPUs, CPUs, memory, NICs, fans).
    pub node_it_kw: Decimal,
    /// Typical all-in capex of one node in USD (GPUs, server, network and storage share,
    /// installation).
    pub node_capex_usd: Decimal,
    /// Where the figures come from; estimates say so and say how they were derived.
    pub source: Cow<'static, str>,
    /// When the figures were current (`"2026-02"`).
    pub as_of: Cow<'static, str>,
}

impl GpuSpec {
    /// All-in IT power per GPU in kW: `node_it_kw ÷ gpus_per_node`.
    ///
    /// ```
    /// use gpuecon::{models::gpu, Decimal};
    /// // DGX H100: 10.2 kW for 8 GPUs is 1.275 kW per GPU.
    /// let h100 = gpu("h100-sxm").unwrap();
    /// assert_eq!(h100.it_kw_per_gpu()?, Decimal::new(1275, 3));
    /// # Ok::<(), gpuecon::FinanceError>(())
    /// ```
    ///
    /// # Errors
    /// [`FinanceError::DivisionByZero`] on `gpus_per_node` when it is 0.
    pub fn it_kw_per_gpu(&self) -> Result<Decimal, FinanceError> {
        units::div(
            self.node_it_kw,
            Decimal::from(self.gpus_per_node),
            "gpus_per_node",
        )
    }

    /// All-in capex per GPU in USD: `node_capex_usd ÷ gpus_per_node`.
    ///
    /// ```
    /// use gpuecon::{models::gpu, Decimal};
    /// assert_eq!(gpu("h100-sxm").unwrap().capex_usd_per_gpu()?, Decimal::from(50_000));
    /// # Ok::<(), gpuecon::FinanceError>(())
    /// ```
    ///
    /// # Errors
    /// [`FinanceError::DivisionByZero`] on `gpus_per_node` when it is 0.
    pub fn capex_usd_per_gpu(&self) -> Result<Decimal, FinanceError> {
        units::div(
            self.node_capex_usd,
            Decimal::from(self.gpus_per_node),
            "gpus_per_node",
        )
    }
}

/// `value × 10^−scale` as a constant.
const fn dec(value: u32, scale: u32) -> Decimal {
    Decimal::from_parts(value, 0, 0, false, scale)
}

/// A catalog entry.
#[allow(clippy::too_many_arguments)]
const fn spec(
    id: &'static str,
    name: &'static str,
    vendor: &'static str,
    tdp_watts: u32,
    gpus_per_node: u32,
    node_it_kw: Decimal,
    node_capex_usd: u32,
    source: &'static str,
    as_of: &'static str,
) -> GpuSpec {
    GpuSpec {
        id: Cow::Borrowed(id),
        name: Cow::Borrowed(name),
        vendor: Cow::Borrowed(vendor),
        tdp_watts: dec(tdp_watts, 0),
        gpus_per_node,
        node_it_kw,
        node_capex_usd: dec(node_capex_usd, 0),
        source: Cow::Borrowed(source),
        as_of: Cow::Borrowed(as_of),
    }
}

/// The built-in catalog.
static GPUS: [GpuSpec; 8] = [
    spec(
        "h100-sxm",
        "H100 SXM",
        "NVIDIA",
        700,
        8,
        dec(102, 1),
        400_000,
        "TDP 700 W: NVIDIA H100 datasheet; 10.2 kW per 8 GPUs: NVIDIA DGX H100 (max system power); ~$50k per GPU all-in (GPU ~$25-30k plus server, network, storage, installation): docs/domain.md sections 3, 7, 14",
        "2026-02",
    ),
    spec(
        "h100-pcie",
        "H100 PCIe",
        "NVIDIA",
        350,
        8,
        dec(51, 1),
        280_000,
        "TDP 350 W: NVIDIA H100 datasheet; estimate: node power scaled from DGX H100 (10.2 kW per 8) by TDP 350/700; estimate: capex $35k per GPU all-in, below the H100 SXM's $50k",
        "2026-11",
    ),
    spec(
        "h100-nvl",
        "H100 NVL",
        "NVIDIA",
        400,
        8,
        dec(58, 1),
        304_000,
        "TDP 400 W: NVIDIA H100 datasheet; estimate: node power scaled from DGX H100 (10.2 kW per 8) by TDP 400/700, rounded to 0.1 kW; estimate: capex $38k per GPU all-in",
        "2026-11",
    ),
    spec(
        "h200-sxm",
        "H200",
        "NVIDIA",
        700,
        8,
        dec(102, 1),
        440_000,
        "TDP 700 W (SXM): NVIDIA H200 datasheet; estimate: node power as DGX H100 (same 700 W TDP, 10.2 kW per 8); estimate: capex $55k per GPU all-in, the H100 SXM's $50k plus its larger memory",
        "2026-11",
    ),
    spec(
        "b200",
        "B200",
        "NVIDIA",
        1000,
        8,
        dec(143, 1),
        500_000,
        "TDP 1000 W: NVIDIA B200 datasheet; 14.3 kW per 8 GPUs: NVIDIA DGX B200 (docs/domain.md sections 7, 14); estimate: capex $62.5k per GPU all-in",
        "2026-11",
    ),
    spec(
        "gb200-nvl72",
        "GB200 NVL72",
        "NVIDIA",
        1200,
        72,
        dec(120, 0),
        3_000_000,
        "~120 kW and ~$3M a rack of 72 GPUs: docs/domain.md sections 7, 14; estimate: TDP 1200 W per Blackwell GPU, the commonly cited GB200 configuration",
        "2026-02",
    ),
    spec(
        "mi300x",
        "MI300X",
        "AMD",
        750,
        8,
        dec(109, 1),
        320_000,
        "TDP 750 W: AMD Instinct MI300X datasheet; estimate: node power scaled from DGX H100 (10.2 kW per 8) by TDP 750/700, rounded to 0.1 kW; estimate: capex $40k per GPU all-in",
        "2026-11",
    ),
    spec(
        "a100-80gb-sxm",
        "A100 80GB",
        "NVIDIA",
        400,
        8,
        dec(65, 1),
        200_000,
        "TDP 400 W (SXM): NVIDIA A100 datasheet; 6.5 kW per 8 GPUs: NVIDIA DGX A100 (max system power); estimate: capex $25k per GPU all-in",
        "2026-11",
    ),
];

/// The built-in catalog, in a fixed order.
///
/// ```
/// use gpuecon::models::gpus;
/// assert!(gpus().iter().any(|g| g.name == "H100 NVL"));
/// ```
#[must_use]
pub fn gpus() -> &'static [GpuSpec] {
    &GPUS
}

/// The catalog entry with this `id` (`"h100-sxm"`, `"gb200-nvl72"`), if any.
///
/// ```
/// use gpuecon::{models::gpu, Decimal};
/// let gb200 = gpu("gb200-nvl72").unwrap();
/// assert_eq!(gb200.gpus_per_node, 72);
/// assert_eq!(gb200.node_it_kw, Decimal::from(120));
/// assert!(gpu("h100").is_none()); // SKU names are exact
/// ```
#[must_use]
pub fn gpu(id: &str) -> Option<&'static GpuSpec> {
    GPUS.iter().find(|spec| spec.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_figures_positive() {
        for (i, a) in gpus().iter().enumerate() {
            assert!(a.tdp_watts > Decimal::ZERO && a.node_it_kw > Decimal::ZERO);
            assert!(a.node_capex_usd > Decimal::ZERO && a.gpus_per_node > 0);
            // Node power covers at least the GPUs' own TDP.
            let gpu_kw = a.tdp_watts * Decimal::from(a.gpus_per_node) / Decimal::from(1000);
            assert!(a.node_it_kw >= gpu_kw, "{}", a.id);
            for b in gpus().iter().skip(i + 1) {
                assert_ne!(a.id, b.id);
            }
        }
    }

    #[test]
    fn published_figures() {
        // DGX B200: 14.3 kW / 8 = 1.7875 kW per GPU.
        assert_eq!(
            gpu("b200").unwrap().it_kw_per_gpu().unwrap(),
            Decimal::new(17875, 4)
        );
        // GB200 NVL72: $3M / 72 = $41,666.67 (to the cent).
        let per_gpu = gpu("gb200-nvl72").unwrap().capex_usd_per_gpu().unwrap();
        assert_eq!(per_gpu.round_dp(2), Decimal::new(4_166_667, 2));
    }

    #[test]
    fn a_user_overrides_a_figure_through_serde() {
        let mut h100 = gpu("h100-sxm").unwrap().clone();
        h100.node_capex_usd = Decimal::from(360_000);
        let json = serde_json::to_string(&h100).unwrap();
        let back: GpuSpec = serde_json::from_str(&json).unwrap();
        assert_eq!(back.capex_usd_per_gpu().unwrap(), Decimal::from(45_000));
    }
}

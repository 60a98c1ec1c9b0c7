//! [`market_price_range`]: the on-demand prices a GPU rents for in public price lists, by
//! the catalog's exact product name. A scenario priced outside the range gets a
//! `PRICE_OUTSIDE_MARKET` warning (it may be right: a list price no one pays at scale, a
//! discount; the warning asks the modeler to say so).

use crate::Decimal;

/// The range of published on-demand prices of one GPU, per GPU-hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarketRange {
    /// The catalog's exact product name (`"H100 SXM"`).
    pub gpu: &'static str,
    /// The lowest published on-demand price, USD per GPU-hour.
    pub low_usd_per_gpu_hour: Decimal,
    /// The highest published on-demand price the market clears at, USD per GPU-hour.
    pub high_usd_per_gpu_hour: Decimal,
    /// Where the range comes from.
    pub source: &'static str,
    /// When it was current.
    pub as_of: &'static str,
}

/// The published ranges, one per product.
const RANGES: [MarketRange; 1] = [MarketRange {
    gpu: "H100 SXM",
    low_usd_per_gpu_hour: Decimal::from_parts(200, 0, 0, false, 2),
    high_usd_per_gpu_hour: Decimal::from_parts(300, 0, 0, false, 2),
    source: "Lambda $2.99 (lambda.ai/pricing, Feb 2026: docs/domain.md section 14) and the $2-3 of 2025-26 public neocloud price lists (gpuecon issue 16); CoreWeave's $6.155 and AWS p5's list prices are not what the market clears at",
    as_of: "2025-2026",
}];

/// The published on-demand range of the GPU named `gpu` (the catalog's exact name);
/// `None` for a product without one.
///
/// ```
/// use gpuecon::models::market_price_range;
/// use gpuecon::Decimal;
/// let h100 = market_price_range("H100 SXM").unwrap();
/// assert_eq!((h100.low_usd_per_gpu_hour, h100.high_usd_per_gpu_hour), (Decimal::new(2, 0), Decimal::new(3, 0)));
/// assert!(market_price_range("H100 PCIe").is_none());
/// ```
#[must_use]
pub fn market_price_range(gpu: &str) -> Option<&'static MarketRange> {
    RANGES.iter().find(|r| r.gpu == gpu)
}

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

/// `cents` hundredths of a dollar, as a const [`Decimal`].
const fn usd(cents: u32) -> Decimal {
    Decimal::from_parts(cents, 0, 0, false, 2)
}

/// The published ranges, one per product: each an assumption read from public price lists
/// (neoclouds' posted on-demand rates; hyperscalers' list prices, two to three times
/// higher, are not what the market clears at), with where and when.
const RANGES: [MarketRange; 5] = [
    MarketRange {
        gpu: "H100 SXM",
        low_usd_per_gpu_hour: usd(200),
        high_usd_per_gpu_hour: usd(300),
        source: "assumption from Lambda $2.99 (lambda.ai/pricing, Feb 2026: docs/domain.md section 14) and the $2-3 of 2025-26 public neocloud price lists (gpuecon issue 16); CoreWeave's $6.155 and AWS p5's list prices are not what the market clears at",
        as_of: "2025-2026",
    },
    MarketRange {
        gpu: "H100 PCIe",
        low_usd_per_gpu_hour: usd(180),
        high_usd_per_gpu_hour: usd(290),
        source: "assumption from RunPod community cloud $1.80-2.40 and secure cloud ~$2.79 (https://www.spheron.network/blog/runpod-h100-pricing-2026/, May 2026) and Lambda 1x H100 PCIe $2.86 (https://techbytes.app/posts/serverless-gpu-pricing-matrix-modal-replicate-lambda-2026/, verified 7 May 2026)",
        as_of: "2026-05",
    },
    MarketRange {
        gpu: "H200",
        low_usd_per_gpu_hour: usd(225),
        high_usd_per_gpu_hour: usd(450),
        source: "assumption from packet.ai H200 SXM $2.25 (https://packet.ai/blog/gpu-pricing-models-compared, June 2026) and the long-tail $2.50-3.50 and specialty-cloud $3.50-4.50 on-demand bands of the Mercatus GPU index (https://www.mercatus-ai.com/blog/cloud-gpu-pricing, May 2026); hyperscalers' $4.50-7.00 left out",
        as_of: "2026-05",
    },
    MarketRange {
        gpu: "B200",
        low_usd_per_gpu_hour: usd(375),
        high_usd_per_gpu_hour: usd(605),
        source: "assumption from packet.ai B200 SXM $3.75, the lowest on-demand rate of 26 providers it tracks (https://packet.ai/blog/gpu-pricing-models-compared, June 2026), and Spheron B200 $6.03 (https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200, 17 March 2026); AWS's $8.00-14.24 left out",
        as_of: "2026-03 to 2026-06",
    },
    MarketRange {
        gpu: "A100 80GB",
        low_usd_per_gpu_hour: usd(80),
        high_usd_per_gpu_hour: usd(150),
        source: "assumption from the long-tail $0.80-1.10 and specialty-cloud $1.10-1.50 on-demand bands of the Mercatus GPU index (https://www.mercatus-ai.com/blog/cloud-gpu-pricing, May 2026); hyperscalers' $1.50-3.00 left out",
        as_of: "2026-05",
    },
];

/// The published on-demand range of the GPU named `gpu` (the catalog's exact name);
/// `None` for a product without one.
///
/// ```
/// use gpuecon::models::market_price_range;
/// use gpuecon::Decimal;
/// let h100 = market_price_range("H100 SXM").unwrap();
/// assert_eq!((h100.low_usd_per_gpu_hour, h100.high_usd_per_gpu_hour), (Decimal::new(2, 0), Decimal::new(3, 0)));
/// assert_eq!(market_price_range("H200").unwrap().high_usd_per_gpu_hour, Decimal::new(450, 2));
/// assert!(market_price_range("GB200 NVL72").is_none());
/// ```
#[must_use]
pub fn market_price_range(gpu: &str) -> Option<&'static MarketRange> {
    RANGES.iter().find(|r| r.gpu == gpu)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::catalog::gpus;

    #[test]
    fn every_range_names_a_catalog_product_and_a_dated_source() {
        for range in &RANGES {
            assert!(
                gpus().iter().any(|g| g.name == range.gpu),
                "{} is not in the catalog",
                range.gpu
            );
            assert!(range.low_usd_per_gpu_hour < range.high_usd_per_gpu_hour);
            assert!(range.source.starts_with("assumption"), "{}", range.source);
            assert!(!range.as_of.is_empty());
        }
    }
}

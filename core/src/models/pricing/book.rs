//! The capacity book: one period of a fleet sold as four products (formulas in the
//! [`pricing`](super) module docs).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::{self, HOURS_PER_MONTH};

/// The on-demand product: GPUs not reserved or dedicated, sold by the hour when asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnDemand {
    /// The on-demand price per GPU-hour in USD (at least 0); spot is discounted from it.
    pub price_usd_per_gpu_hour: Decimal,
    /// Billed utilization of the on-demand GPUs: hours sold ÷ hours available, in [0, 1].
    pub utilization: Decimal,
}

/// A block of reserved (committed) GPUs, billed every hour of the period at a discount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reserved {
    /// GPUs reserved (at least 0).
    pub gpus: Decimal,
    /// The on-demand price the discount applies to (the price at the reservation's start),
    /// in USD per GPU-hour (at least 0).
    pub on_demand_price_usd_per_gpu_hour: Decimal,
    /// Discount to that on-demand price, in [0, 1] (public defaults: 1-year 25-41 %,
    /// 3-year 49-64 %; see [`published_discounts`](super::published_discounts)).
    pub discount: Decimal,
    /// Length of the term in months (greater than 0). The book bills one period; the term
    /// tells a caller (the scenario evaluator) in which periods the block belongs.
    pub term_months: u32,
}

/// Spot: idle on-demand hours sold at a discount, pre-emptible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    /// Discount to the on-demand price, in [0, 1] (AWS p4d, 2023: 58 %).
    pub discount: Decimal,
    /// Share of the idle on-demand hours sold as spot, in [0, 1].
    pub share_of_idle_sold: Decimal,
    /// Share of the spot hours sold that are pre-empted (reclaimed) and not billed, in
    /// [0, 1].
    pub preemption_rate: Decimal,
}

/// Dedicated GPUs (a take-or-pay customer's own), billed every hour at their price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dedicated {
    /// GPUs dedicated (at least 0).
    pub gpus: Decimal,
    /// Price per GPU-hour in USD (at least 0).
    pub price_usd_per_gpu_hour: Decimal,
}

/// A fleet's products for one period: everything [`capacity_book`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityBook {
    /// GPUs in the fleet (at least 0; at least the reserved and dedicated GPUs).
    pub gpus: Decimal,
    /// Hours in the period (greater than 0; default 730, a month).
    #[serde(default = "hours_per_month")]
    pub hours: Decimal,
    /// Price and utilization of the GPUs left after reserved and dedicated.
    pub on_demand: OnDemand,
    /// Reserved blocks (none by default).
    #[serde(default)]
    pub reserved: Vec<Reserved>,
    /// Spot sales from idle on-demand hours (none by default).
    #[serde(default)]
    pub spot: Option<Spot>,
    /// Dedicated blocks (none by default).
    #[serde(default)]
    pub dedicated: Vec<Dedicated>,
}

/// The period's revenue (USD) and billed GPU-hours by product. The products add up to the
/// totals exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookRevenue {
    /// On-demand revenue.
    pub on_demand_usd: Decimal,
    /// Reserved revenue.
    pub reserved_usd: Decimal,
    /// Spot revenue.
    pub spot_usd: Decimal,
    /// Dedicated revenue.
    pub dedicated_usd: Decimal,
    /// On-demand + reserved + spot + dedicated.
    pub total_usd: Decimal,
    /// On-demand hours sold.
    pub on_demand_gpu_hours: Decimal,
    /// Reserved hours (every hour of the reserved GPUs).
    pub reserved_gpu_hours: Decimal,
    /// Spot hours billed (sold less pre-empted).
    pub spot_gpu_hours: Decimal,
    /// Dedicated hours (every hour of the dedicated GPUs).
    pub dedicated_gpu_hours: Decimal,
    /// On-demand + reserved + spot + dedicated hours; never above the available hours.
    pub billed_gpu_hours: Decimal,
    /// GPUs × hours.
    pub available_gpu_hours: Decimal,
    /// Available hours not billed (idle, or spot pre-empted).
    pub idle_gpu_hours: Decimal,
    /// Billed ÷ available hours; `None` when no hour is available (no GPUs).
    pub billed_utilization: Option<Decimal>,
    /// Total revenue ÷ available hours; `None` when no hour is available (no GPUs).
    pub usd_per_available_gpu_hour: Option<Decimal>,
}

/// The default period: a month of 730 hours (serde's default for `hours` fields).
pub(crate) fn hours_per_month() -> Decimal {
    HOURS_PER_MONTH
}

impl Validate for OnDemand {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.fraction("utilization", self.utilization);
    }
}

impl Validate for Reserved {
    fn check(&self, c: &mut Checker) {
        c.at_least("gpus", self.gpus, Decimal::ZERO);
        c.at_least(
            "on_demand_price_usd_per_gpu_hour",
            self.on_demand_price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.fraction("discount", self.discount);
        c.nonzero("term_months", self.term_months);
    }
}

impl Validate for Spot {
    fn check(&self, c: &mut Checker) {
        c.fraction("discount", self.discount);
        c.fraction("share_of_idle_sold", self.share_of_idle_sold);
        c.fraction("preemption_rate", self.preemption_rate);
    }
}

impl Validate for Dedicated {
    fn check(&self, c: &mut Checker) {
        c.at_least("gpus", self.gpus, Decimal::ZERO);
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
    }
}

impl Validate for CapacityBook {
    /// Every problem with the book, in field order; reserved and dedicated GPUs above the
    /// fleet's are a problem on `gpus`.
    ///
    /// ```
    /// use gpuecon::models::{pricing::CapacityBook, Validate};
    /// let book: CapacityBook = serde_json::from_str(r#"{
    ///   "gpus": 100, "on_demand": { "price_usd_per_gpu_hour": 2, "utilization": 1.2 },
    ///   "reserved": [{ "gpus": 80, "on_demand_price_usd_per_gpu_hour": 2, "discount": 0.3, "term_months": 12 }],
    ///   "dedicated": [{ "gpus": 30, "price_usd_per_gpu_hour": 1.5 }]
    /// }"#).unwrap();
    /// let fields: Vec<_> = book.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["gpus", "on_demand.utilization"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.at_least("gpus", self.gpus, Decimal::ZERO);
        let committed = self
            .reserved
            .iter()
            .map(|r| r.gpus)
            .chain(self.dedicated.iter().map(|d| d.gpus))
            .fold(Decimal::ZERO, |sum, gpus| sum.saturating_add(gpus));
        if committed > self.gpus {
            c.problem("gpus", "is less than the reserved and dedicated GPUs");
        }
        c.positive("hours", self.hours);
        c.nested("on_demand", &self.on_demand);
        c.each("reserved", &self.reserved);
        if let Some(spot) = &self.spot {
            c.nested("spot", spot);
        }
        c.each("dedicated", &self.dedicated);
    }
}

/// `price × (1 − discount)`.
fn discounted(
    price: Decimal,
    discount: Decimal,
    field: &'static str,
) -> Result<Decimal, ModelError> {
    let share = units::sub(Decimal::ONE, discount, field)?;
    Ok(units::mul(price, share, field)?)
}

/// Hours and revenue of blocks billed every hour: `Σ gpus × hours` and `Σ gpus × hours ×
/// price`.
fn billed_blocks(
    blocks: impl Iterator<Item = Result<(Decimal, Decimal), ModelError>>,
    hours: Decimal,
    field: &'static str,
) -> Result<(Decimal, Decimal), ModelError> {
    let (mut total_hours, mut total_usd) = (Decimal::ZERO, Decimal::ZERO);
    for block in blocks {
        let (gpus, price) = block?;
        let block_hours = units::mul(gpus, hours, field)?;
        total_hours = units::add(total_hours, block_hours, field)?;
        let block_usd = units::mul(block_hours, price, field)?;
        total_usd = units::add(total_usd, block_usd, field)?;
    }
    Ok((total_hours, total_usd))
}

/// The period's revenue and billed GPU-hours by product (see the [module docs](super) for
/// the formulas). A pure function of `book`: the scenario evaluator calls it once a month.
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field: `gpus` below the reserved and dedicated GPUs, `on_demand.utilization` outside
/// [0, 1], `reserved[0].discount`, a negative price); [`ModelError::Finance`] naming the
/// product when an amount overflows a [`Decimal`].
///
/// # Example
/// 100 GPUs for a month: 40 reserved at 40 % off $2.50, 10 dedicated at $2, the other 50
/// on demand at $2.50 and 80 % utilization, half the idle hours sold as spot at 60 % off,
/// a tenth of them pre-empted:
///
/// ```
/// use gpuecon::models::pricing::{capacity_book, CapacityBook};
/// use gpuecon::Decimal;
/// let book: CapacityBook = serde_json::from_str(r#"{
///   "gpus": 100,
///   "on_demand": { "price_usd_per_gpu_hour": "2.50", "utilization": "0.8" },
///   "reserved": [{ "gpus": 40, "on_demand_price_usd_per_gpu_hour": "2.50", "discount": "0.4", "term_months": 12 }],
///   "spot": { "discount": "0.6", "share_of_idle_sold": "0.5", "preemption_rate": "0.1" },
///   "dedicated": [{ "gpus": 10, "price_usd_per_gpu_hour": "2" }]
/// }"#).unwrap();
/// let revenue = capacity_book(&book)?;
/// // reserved: 40 × 730 = 29,200 hours × $1.50 = $43,800
/// assert_eq!(revenue.reserved_usd, Decimal::from(43_800));
/// // on demand: 50 × 730 = 36,500 hours available; 80 % sold = 29,200 hours × $2.50 = $73,000
/// assert_eq!(revenue.on_demand_usd, Decimal::from(73_000));
/// // spot: 7,300 idle × 0.5 × 0.9 = 3,285 hours × $1.00 = $3,285
/// assert_eq!(revenue.spot_usd, Decimal::from(3_285));
/// // dedicated: 7,300 hours × $2 = $14,600; total $134,685
/// assert_eq!(revenue.total_usd, Decimal::from(134_685));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn capacity_book(book: &CapacityBook) -> Result<BookRevenue, ModelError> {
    book.ensure_valid()?;
    let hours = book.hours;
    let available = units::mul(book.gpus, hours, "gpus")?;
    let (reserved_hours, reserved_usd) = billed_blocks(
        book.reserved.iter().map(|r| {
            let price = discounted(r.on_demand_price_usd_per_gpu_hour, r.discount, "reserved")?;
            Ok((r.gpus, price))
        }),
        hours,
        "reserved",
    )?;
    let (dedicated_hours, dedicated_usd) = billed_blocks(
        book.dedicated
            .iter()
            .map(|d| Ok((d.gpus, d.price_usd_per_gpu_hour))),
        hours,
        "dedicated",
    )?;

    let od = &book.on_demand;
    let committed = units::add(reserved_hours, dedicated_hours, "gpus")?;
    let on_demand_available = units::sub(available, committed, "gpus")?;
    let on_demand_hours = units::mul(on_demand_available, od.utilization, "on_demand.utilization")?;
    let on_demand_usd = units::mul(
        on_demand_hours,
        od.price_usd_per_gpu_hour,
        "on_demand.price_usd_per_gpu_hour",
    )?;
    let idle_on_demand = units::sub(
        on_demand_available,
        on_demand_hours,
        "on_demand.utilization",
    )?;

    let (spot_hours, spot_usd) = match &book.spot {
        None => (Decimal::ZERO, Decimal::ZERO),
        Some(spot) => {
            let sold = units::mul(
                idle_on_demand,
                spot.share_of_idle_sold,
                "spot.share_of_idle_sold",
            )?;
            let preempted = units::mul(sold, spot.preemption_rate, "spot.preemption_rate")?;
            let billed = units::sub(sold, preempted, "spot.preemption_rate")?;
            let price = discounted(od.price_usd_per_gpu_hour, spot.discount, "spot.discount")?;
            (billed, units::mul(billed, price, "spot.discount")?)
        }
    };

    let mut total_usd = Decimal::ZERO;
    for part in [on_demand_usd, reserved_usd, spot_usd, dedicated_usd] {
        total_usd = units::add(total_usd, part, "total_usd")?;
    }
    let mut billed = Decimal::ZERO;
    for part in [on_demand_hours, reserved_hours, spot_hours, dedicated_hours] {
        billed = units::add(billed, part, "billed_gpu_hours")?;
    }
    let idle = units::sub(available, billed, "gpus")?;
    let per_available = |value: Decimal| -> Result<Option<Decimal>, ModelError> {
        if available.is_zero() {
            return Ok(None);
        }
        Ok(Some(units::div(value, available, "gpus")?))
    };
    Ok(BookRevenue {
        on_demand_usd,
        reserved_usd,
        spot_usd,
        dedicated_usd,
        total_usd,
        on_demand_gpu_hours: on_demand_hours,
        reserved_gpu_hours: reserved_hours,
        spot_gpu_hours: spot_hours,
        dedicated_gpu_hours: dedicated_hours,
        billed_gpu_hours: billed,
        available_gpu_hours: available,
        idle_gpu_hours: idle,
        billed_utilization: per_available(billed)?,
        usd_per_available_gpu_hour: per_available(total_usd)?,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// The doctest's fleet: 100 GPUs, 40 reserved at 40 % off $2.50, 10 dedicated at $2,
    /// 50 on demand at $2.50 and 80 %, spot at 60 % off selling half the idle hours, 10 %
    /// pre-empted.
    fn fleet() -> CapacityBook {
        CapacityBook {
            gpus: d("100"),
            hours: HOURS_PER_MONTH,
            on_demand: OnDemand {
                price_usd_per_gpu_hour: d("2.50"),
                utilization: d("0.8"),
            },
            reserved: vec![Reserved {
                gpus: d("40"),
                on_demand_price_usd_per_gpu_hour: d("2.50"),
                discount: d("0.4"),
                term_months: 12,
            }],
            spot: Some(Spot {
                discount: d("0.6"),
                share_of_idle_sold: d("0.5"),
                preemption_rate: d("0.1"),
            }),
            dedicated: vec![Dedicated {
                gpus: d("10"),
                price_usd_per_gpu_hour: d("2"),
            }],
        }
    }

    #[test]
    fn a_month_by_hand() {
        let r = capacity_book(&fleet()).unwrap();
        // available = 100 × 730 = 73,000
        assert_eq!(r.available_gpu_hours, d("73000"));
        // reserved: 40 × 730 = 29,200 hours at 2.50 × 0.6 = 1.50 → 43,800
        assert_eq!(
            (r.reserved_gpu_hours, r.reserved_usd),
            (d("29200"), d("43800"))
        );
        // dedicated: 10 × 730 = 7,300 hours at 2 → 14,600
        assert_eq!(
            (r.dedicated_gpu_hours, r.dedicated_usd),
            (d("7300"), d("14600"))
        );
        // on demand: 73,000 − 29,200 − 7,300 = 36,500 available; × 0.8 = 29,200 at 2.50
        assert_eq!(
            (r.on_demand_gpu_hours, r.on_demand_usd),
            (d("29200"), d("73000"))
        );
        // spot: idle 36,500 − 29,200 = 7,300; sold 3,650; pre-empted 365; billed 3,285 at
        // 2.50 × 0.4 = 1.00
        assert_eq!((r.spot_gpu_hours, r.spot_usd), (d("3285"), d("3285")));
        // totals: 43,800 + 14,600 + 73,000 + 3,285 = 134,685 USD;
        // 29,200 + 7,300 + 29,200 + 3,285 = 68,985 hours; idle 73,000 − 68,985 = 4,015
        assert_eq!(r.total_usd, d("134685"));
        assert_eq!(r.billed_gpu_hours, d("68985"));
        assert_eq!(r.idle_gpu_hours, d("4015"));
        // 68,985 / 73,000 = 0.945; 134,685 / 73,000 = 1.845
        assert_eq!(r.billed_utilization, Some(d("0.945")));
        assert_eq!(r.usd_per_available_gpu_hour, Some(d("1.845")));
    }

    #[test]
    fn a_week_and_no_gpus() {
        let mut book = fleet();
        book.hours = d("168");
        let r = capacity_book(&book).unwrap();
        // 40 × 168 = 6,720 reserved hours × 1.50 = 10,080
        assert_eq!(r.reserved_usd, d("10080"));

        let empty = CapacityBook {
            gpus: Decimal::ZERO,
            reserved: vec![],
            dedicated: vec![],
            ..fleet()
        };
        let r = capacity_book(&empty).unwrap();
        assert_eq!(r.total_usd, Decimal::ZERO);
        assert_eq!(
            (r.billed_utilization, r.usd_per_available_gpu_hour),
            (None, None)
        );
    }

    #[test]
    fn the_hours_default_to_a_month() {
        let book: CapacityBook = serde_json::from_str(
            r#"{ "gpus": 1, "on_demand": { "price_usd_per_gpu_hour": 2, "utilization": 1 } }"#,
        )
        .unwrap();
        assert_eq!(book.hours, HOURS_PER_MONTH);
        assert_eq!(capacity_book(&book).unwrap().on_demand_usd, d("1460"));
    }

    #[test]
    fn errors_name_the_field() {
        let mut book = fleet();
        book.dedicated[0].gpus = d("61");
        let err = capacity_book(&book).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Domain, "gpus")
        );

        let mut book = fleet();
        book.reserved[0].discount = d("1.1");
        book.spot = Some(Spot {
            preemption_rate: d("-0.1"),
            ..fleet().spot.unwrap()
        });
        book.dedicated[0].price_usd_per_gpu_hour = d("-2");
        book.hours = Decimal::ZERO;
        let all: Vec<_> = book
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "hours",
                "reserved[0].discount",
                "spot.preemption_rate",
                "dedicated[0].price_usd_per_gpu_hour"
            ]
        );
    }

    #[test]
    fn overflow_names_the_product() {
        let mut book = fleet();
        book.gpus = Decimal::MAX;
        book.reserved[0].gpus = Decimal::MAX;
        book.dedicated.clear();
        let err = capacity_book(&book).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "gpus")
        );

        let mut book = fleet();
        book.reserved[0].on_demand_price_usd_per_gpu_hour = Decimal::MAX;
        book.reserved[0].discount = Decimal::ZERO;
        let err = capacity_book(&book).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "reserved")
        );
    }
}

//! Published prices as discounts to on-demand (see the [`pricing`](super) module docs).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// One published offer: a name and its price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedOffer {
    /// What the offer is (`"spot"`, `"reserved_1_year"`).
    pub name: String,
    /// Its price per hour in USD, in the on-demand price's unit (between 0 and the
    /// on-demand price).
    pub usd_per_hour: Decimal,
}

/// Everything [`published_discounts`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedPrices {
    /// The on-demand price per hour in USD (greater than 0), per GPU or per instance.
    pub on_demand_usd_per_hour: Decimal,
    /// The other offers, in the same unit.
    pub offers: Vec<PublishedOffer>,
}

/// One offer's discount to on-demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferDiscount {
    /// The offer's name.
    pub name: String,
    /// `1 − price / on_demand`, in [0, 1].
    pub discount: Decimal,
}

impl Validate for PublishedOffer {
    fn check(&self, c: &mut Checker) {
        c.at_least("usd_per_hour", self.usd_per_hour, Decimal::ZERO);
    }
}

impl Validate for PublishedPrices {
    fn check(&self, c: &mut Checker) {
        c.positive("on_demand_usd_per_hour", self.on_demand_usd_per_hour);
        c.each("offers", &self.offers);
        for (i, offer) in self.offers.iter().enumerate() {
            if offer.usd_per_hour > self.on_demand_usd_per_hour {
                c.within(&format!("offers[{i}]"), |c| {
                    c.problem("usd_per_hour", "must not exceed the on-demand price");
                });
            }
        }
    }
}

/// The discount of a price to the on-demand price, `1 − price / on_demand`.
///
/// # Errors
/// [`ModelError::Domain`] on `on_demand_usd_per_hour` when it is not greater than 0, and on
/// `usd_per_hour` when the price is negative or above the on-demand price.
///
/// # Example
/// AWS p4d (2023): spot at $13.655 against $32.773 on demand is 58.3 % off.
///
/// ```
/// use gpuecon::models::pricing::discount_to_on_demand;
/// use gpuecon::Decimal;
/// let discount = discount_to_on_demand(Decimal::new(13_655, 3), Decimal::new(32_773, 3))?;
/// assert_eq!(discount.round_dp(5), Decimal::new(58_335, 5));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn discount_to_on_demand(
    usd_per_hour: Decimal,
    on_demand_usd_per_hour: Decimal,
) -> Result<Decimal, ModelError> {
    if on_demand_usd_per_hour <= Decimal::ZERO {
        return Err(ModelError::domain(
            "on_demand_usd_per_hour",
            "must be greater than 0",
        ));
    }
    if usd_per_hour < Decimal::ZERO || usd_per_hour > on_demand_usd_per_hour {
        return Err(ModelError::domain(
            "usd_per_hour",
            "must be between 0 and the on-demand price",
        ));
    }
    let ratio = units::div(
        usd_per_hour,
        on_demand_usd_per_hour,
        "on_demand_usd_per_hour",
    )?;
    Ok(units::sub(Decimal::ONE, ratio, "usd_per_hour")?)
}

/// Each offer's discount to the on-demand price, in the offers' order.
///
/// # Errors
/// The first problem [`Validate::validate`] finds: [`ModelError::Domain`] on
/// `on_demand_usd_per_hour` (not greater than 0) or `offers[i].usd_per_hour` (negative or
/// above the on-demand price).
///
/// # Example
/// AWS p4d (2023, per instance-hour): $32.773 on demand, $20.175 reserved for a year,
/// $12.499 for three:
///
/// ```
/// use gpuecon::models::pricing::{published_discounts, PublishedPrices};
/// use gpuecon::Decimal;
/// let prices: PublishedPrices = serde_json::from_str(r#"{
///   "on_demand_usd_per_hour": "32.773",
///   "offers": [{ "name": "1-year", "usd_per_hour": "20.175" },
///              { "name": "3-year", "usd_per_hour": "12.499" }]
/// }"#).unwrap();
/// let discounts = published_discounts(&prices)?;
/// // 1 − 20.175/32.773 = 12.598/32.773 = 0.38440...; 1 − 12.499/32.773 = 0.61862...
/// assert_eq!(discounts[0].discount.round_dp(5), Decimal::new(38_440, 5));
/// assert_eq!(discounts[1].discount.round_dp(5), Decimal::new(61_862, 5));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn published_discounts(prices: &PublishedPrices) -> Result<Vec<OfferDiscount>, ModelError> {
    prices.ensure_valid()?;
    prices
        .offers
        .iter()
        .map(|offer| {
            Ok(OfferDiscount {
                name: offer.name.clone(),
                discount: discount_to_on_demand(offer.usd_per_hour, prices.on_demand_usd_per_hour)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn errors_name_the_field() {
        let prices = PublishedPrices {
            on_demand_usd_per_hour: d("10"),
            offers: vec![
                PublishedOffer {
                    name: "a".to_owned(),
                    usd_per_hour: d("-1"),
                },
                PublishedOffer {
                    name: "b".to_owned(),
                    usd_per_hour: d("11"),
                },
            ],
        };
        let all: Vec<_> = prices
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(all, ["offers[0].usd_per_hour", "offers[1].usd_per_hour"]);
        assert_eq!(
            discount_to_on_demand(d("1"), Decimal::ZERO)
                .unwrap_err()
                .field(),
            "on_demand_usd_per_hour"
        );
        // Free, and at the on-demand price.
        assert_eq!(
            discount_to_on_demand(Decimal::ZERO, d("3")).unwrap(),
            Decimal::ONE
        );
        assert_eq!(
            discount_to_on_demand(d("3"), d("3")).unwrap(),
            Decimal::ZERO
        );
    }
}

//! [`Ppa`]: how the electricity is bought, and the price and settlement it gives in a month.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// A power purchase agreement, tagged by `kind` in JSON
/// (`{ "kind": "virtual", "strike_usd_per_mwh": 60, "volume_mwh_per_month": 1000 }`).
/// Prices are in USD per MWh of facility energy (IT energy × PUE).
///
/// | kind | price paid per MWh bought | settlement (received > 0) |
/// |---|---|---|
/// | `market` | market | 0 |
/// | `fixed_price` | the fixed price | 0 |
/// | `indexed` | market + adder | 0 |
/// | `virtual` | market (the buyer still buys its power at market) | (market − strike) × volume |
/// | `collar` | min(max(market, floor), cap) | 0 |
///
/// A virtual PPA is a contract for difference settled on a fixed volume: the buyer receives
/// `(market − strike) × volume` when the market is above the strike and pays it when below,
/// so the hedged volume costs `strike × volume` net: `market × volume − settlement`.
///
/// ```
/// use gpuecon::models::power::Ppa;
/// use gpuecon::Decimal;
/// let collar: Ppa = serde_json::from_str(
///     r#"{ "kind": "collar", "floor_usd_per_mwh": 40, "cap_usd_per_mwh": 90 }"#).unwrap();
/// assert_eq!(collar.price_usd_per_mwh(Decimal::from(120))?, Decimal::from(90));
/// assert_eq!(collar.price_usd_per_mwh(Decimal::from(25))?, Decimal::from(40));
/// let vppa = Ppa::Virtual { strike_usd_per_mwh: Decimal::from(60), volume_mwh_per_month: Decimal::from(1_000) };
/// assert_eq!(vppa.settlement_usd(Decimal::from(75))?, Decimal::from(15_000));
/// assert_eq!(vppa.settlement_usd(Decimal::from(50))?, Decimal::from(-10_000));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Ppa {
    /// No agreement: every MWh at the market price (the default).
    #[default]
    #[serde(deserialize_with = "crate::models::check::no_fields")]
    Market,
    /// Every MWh at a fixed price.
    FixedPrice {
        /// The price in USD per MWh (at least 0).
        usd_per_mwh: Decimal,
    },
    /// Every MWh at the market price plus an adder (the supplier's margin, shaping, fees).
    Indexed {
        /// Added to the market price, in USD per MWh (at least 0).
        adder_usd_per_mwh: Decimal,
    },
    /// A virtual (financial) PPA: power bought at market, and a contract for difference on
    /// a fixed volume each month.
    Virtual {
        /// The strike price in USD per MWh (at least 0).
        strike_usd_per_mwh: Decimal,
        /// The MWh settled each month (at least 0), whatever the consumption.
        volume_mwh_per_month: Decimal,
    },
    /// The market price held between a floor and a cap.
    Collar {
        /// The least paid per MWh (at least 0).
        floor_usd_per_mwh: Decimal,
        /// The most paid per MWh (at least the floor).
        cap_usd_per_mwh: Decimal,
    },
}

impl Validate for Ppa {
    /// Every problem with the agreement's terms.
    ///
    /// ```
    /// use gpuecon::models::power::Ppa;
    /// use gpuecon::models::Validate;
    /// let collar: Ppa = serde_json::from_str(
    ///     r#"{ "kind": "collar", "floor_usd_per_mwh": 90, "cap_usd_per_mwh": 40 }"#).unwrap();
    /// assert_eq!(collar.validate()[0].field(), "cap_usd_per_mwh");
    /// ```
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        match self {
            Self::Market => {}
            Self::FixedPrice { usd_per_mwh } => c.at_least("usd_per_mwh", *usd_per_mwh, zero),
            Self::Indexed { adder_usd_per_mwh } => {
                c.at_least("adder_usd_per_mwh", *adder_usd_per_mwh, zero);
            }
            Self::Virtual {
                strike_usd_per_mwh,
                volume_mwh_per_month,
            } => {
                c.at_least("strike_usd_per_mwh", *strike_usd_per_mwh, zero);
                c.at_least("volume_mwh_per_month", *volume_mwh_per_month, zero);
            }
            Self::Collar {
                floor_usd_per_mwh,
                cap_usd_per_mwh,
            } => {
                c.at_least("floor_usd_per_mwh", *floor_usd_per_mwh, zero);
                if cap_usd_per_mwh < floor_usd_per_mwh {
                    c.problem("cap_usd_per_mwh", "must be at least the floor");
                }
            }
        }
    }
}

impl Ppa {
    /// The price paid per MWh bought when the market is at `market_usd_per_mwh` (table
    /// above): the market price for `market` and `virtual`, the fixed price, market + adder,
    /// or the market held within the collar.
    ///
    /// # Errors
    /// [`ModelError::Finance`] on `ppa.adder_usd_per_mwh` when market + adder overflows.
    ///
    /// # Example
    /// ```
    /// use gpuecon::models::power::Ppa;
    /// use gpuecon::Decimal;
    /// let indexed = Ppa::Indexed { adder_usd_per_mwh: Decimal::new(425, 2) };
    /// assert_eq!(indexed.price_usd_per_mwh(Decimal::new(7250, 2))?, Decimal::new(7675, 2));
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn price_usd_per_mwh(&self, market_usd_per_mwh: Decimal) -> Result<Decimal, ModelError> {
        Ok(match self {
            Self::Market | Self::Virtual { .. } => market_usd_per_mwh,
            Self::FixedPrice { usd_per_mwh } => *usd_per_mwh,
            Self::Indexed { adder_usd_per_mwh } => units::add(
                market_usd_per_mwh,
                *adder_usd_per_mwh,
                "ppa.adder_usd_per_mwh",
            )?,
            Self::Collar {
                floor_usd_per_mwh,
                cap_usd_per_mwh,
            } => market_usd_per_mwh
                .max(*floor_usd_per_mwh)
                .min(*cap_usd_per_mwh),
        })
    }

    /// The month's settlement in USD, positive when the buyer receives it: for a virtual
    /// PPA `(market − strike) × volume`, else 0.
    ///
    /// # Errors
    /// [`ModelError::Finance`] on `ppa.volume_mwh_per_month` when the product overflows.
    ///
    /// # Example
    /// Struck at $60 on 1,000 MWh: the market at $42 makes the buyer pay $18,000.
    /// ```
    /// use gpuecon::models::power::Ppa;
    /// use gpuecon::Decimal;
    /// let vppa = Ppa::Virtual { strike_usd_per_mwh: Decimal::from(60), volume_mwh_per_month: Decimal::from(1_000) };
    /// assert_eq!(vppa.settlement_usd(Decimal::from(42))?, Decimal::from(-18_000));
    /// assert_eq!(Ppa::Market.settlement_usd(Decimal::from(42))?, Decimal::ZERO);
    /// # Ok::<(), gpuecon::models::ModelError>(())
    /// ```
    pub fn settlement_usd(&self, market_usd_per_mwh: Decimal) -> Result<Decimal, ModelError> {
        match self {
            Self::Virtual {
                strike_usd_per_mwh,
                volume_mwh_per_month,
            } => {
                let field = "ppa.volume_mwh_per_month";
                let difference = units::sub(market_usd_per_mwh, *strike_usd_per_mwh, field)?;
                Ok(units::mul(difference, *volume_mwh_per_month, field)?)
            }
            _ => Ok(Decimal::ZERO),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn prices_by_kind() {
        let market = d("72.50");
        assert_eq!(Ppa::Market.price_usd_per_mwh(market).unwrap(), market);
        let fixed = Ppa::FixedPrice {
            usd_per_mwh: d("55"),
        };
        assert_eq!(fixed.price_usd_per_mwh(market).unwrap(), d("55"));
        // 72.50 + 4.25 = 76.75
        let indexed = Ppa::Indexed {
            adder_usd_per_mwh: d("4.25"),
        };
        assert_eq!(indexed.price_usd_per_mwh(market).unwrap(), d("76.75"));
        let collar = Ppa::Collar {
            floor_usd_per_mwh: d("40"),
            cap_usd_per_mwh: d("60"),
        };
        // 72.50 is above the cap of 60; −20 (a negative hour) is below the floor of 40.
        assert_eq!(collar.price_usd_per_mwh(market).unwrap(), d("60"));
        assert_eq!(collar.price_usd_per_mwh(d("-20")).unwrap(), d("40"));
        assert_eq!(collar.price_usd_per_mwh(d("51.3")).unwrap(), d("51.3"));
        for ppa in [Ppa::Market, fixed, indexed, collar] {
            assert_eq!(ppa.settlement_usd(market).unwrap(), Decimal::ZERO);
        }
    }

    #[test]
    fn a_virtual_ppa_fixes_the_hedged_volume_at_the_strike() {
        let vppa = Ppa::Virtual {
            strike_usd_per_mwh: d("60"),
            volume_mwh_per_month: d("1000"),
        };
        // Market 85: buy 1,000 MWh at 85 = 85,000; receive (85 − 60) × 1,000 = 25,000;
        // net 60,000 = strike × volume.
        assert_eq!(vppa.price_usd_per_mwh(d("85")).unwrap(), d("85"));
        assert_eq!(vppa.settlement_usd(d("85")).unwrap(), d("25000"));
        // Market 42: pay (42 − 60) × 1,000 = −18,000; 42,000 + 18,000 = 60,000.
        assert_eq!(vppa.settlement_usd(d("42")).unwrap(), d("-18000"));
    }

    #[test]
    fn bad_terms_name_the_field() {
        let fields = |ppa: Ppa| -> Vec<String> {
            ppa.validate()
                .iter()
                .map(|e| e.field().to_owned())
                .collect()
        };
        assert_eq!(
            fields(Ppa::Virtual {
                strike_usd_per_mwh: d("-1"),
                volume_mwh_per_month: d("-1"),
            }),
            ["strike_usd_per_mwh", "volume_mwh_per_month"]
        );
        assert_eq!(
            fields(Ppa::FixedPrice {
                usd_per_mwh: d("-0.01")
            }),
            ["usd_per_mwh"]
        );
        assert_eq!(
            fields(Ppa::Indexed {
                adder_usd_per_mwh: d("-3")
            }),
            ["adder_usd_per_mwh"]
        );
        assert!(fields(Ppa::Market).is_empty());
    }

    #[test]
    fn overflow_names_the_field() {
        let vppa = Ppa::Virtual {
            strike_usd_per_mwh: Decimal::ZERO,
            volume_mwh_per_month: Decimal::MAX,
        };
        let err = vppa.settlement_usd(d("2")).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "ppa.volume_mwh_per_month");
    }
}

//! [`take_rate_settlement`]: a compute marketplace that keeps a share of each payment, as
//! Akash (docs/domain.md section 12). Providers win leases in a reverse auction; the buyer
//! pays the lease's price, the network takes its take rate out of the provider's
//! settlement, and the provider receives the rest. Akash's stable-payment design takes
//! 20 % of settlements paid in USDC (its own token pays a lower rate), so one provider's
//! month can mix take rates.
//!
//! For each lease, and summed over the leases:
//!
//! ```text
//! buyer pays         b = usd_per_gpu_hour × gpu_hours
//! network takes      n = b × take_rate
//! provider receives  p = b − n                       (so p + n = b exactly)
//! effective take     Σn / Σb
//! ```
//!
//! Amounts are kept to [`KEPT_DECIMAL_PLACES`](super::KEPT_DECIMAL_PLACES) *before* the
//! provider's share is taken as the difference, so the identity holds to the last digit for
//! every lease and for the totals (for amounts below about ten billion dollars, whose 18
//! places fit a [`Decimal`]'s 28 digits).

use serde::{Deserialize, Serialize};

use super::kept;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// One lease: its price, its hours and the network's take rate on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lease {
    /// The price the buyer pays per GPU-hour in USD (at least 0).
    pub usd_per_gpu_hour: Decimal,
    /// GPU-hours leased (at least 0; a GPU for a 730-hour month is 730).
    pub gpu_hours: Decimal,
    /// The network's share of the payment, in [0, 1] (Akash, USDC settlements: 0.20).
    pub take_rate: Decimal,
}

/// What [`take_rate_settlement`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakeRateInputs {
    /// The leases settled (at least one).
    pub leases: Vec<Lease>,
}

/// One lease settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseSettlement {
    /// `usd_per_gpu_hour × gpu_hours`.
    pub buyer_pays_usd: Decimal,
    /// `buyer_pays × take_rate`.
    pub network_take_usd: Decimal,
    /// `buyer_pays − network_take`.
    pub provider_receives_usd: Decimal,
    /// `usd_per_gpu_hour × (1 − take_rate)`: what the provider nets per GPU-hour.
    pub provider_usd_per_gpu_hour: Decimal,
}

/// The result of [`take_rate_settlement`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeRateSettlement {
    /// Each lease, in the input's order.
    pub leases: Vec<LeaseSettlement>,
    /// What the buyers pay in all.
    pub buyer_pays_usd: Decimal,
    /// What the network takes in all.
    pub network_take_usd: Decimal,
    /// What the providers receive in all: `buyer_pays − network_take` exactly.
    pub provider_receives_usd: Decimal,
    /// `network_take / buyer_pays`; `None` when the buyers pay nothing.
    pub effective_take_rate: Option<Decimal>,
}

impl Validate for Lease {
    fn check(&self, c: &mut Checker) {
        c.at_least("usd_per_gpu_hour", self.usd_per_gpu_hour, Decimal::ZERO);
        c.at_least("gpu_hours", self.gpu_hours, Decimal::ZERO);
        c.fraction("take_rate", self.take_rate);
    }
}

impl Validate for TakeRateInputs {
    fn check(&self, c: &mut Checker) {
        if self.leases.is_empty() {
            c.problem("leases", "must hold at least one lease");
        }
        c.each("leases", &self.leases);
    }
}

/// Each lease's payment split between the network and the provider, and the totals
/// (formulas in the [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field, for example `leases[1].take_rate` outside [0, 1], or `leases` when empty);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// An H100 leased for a 730-hour month at $1.50 an hour, paid in USDC (20 % take): the
/// buyer pays $1,095, the network takes $219, the provider receives $876.
/// ```
/// use gpuecon::models::networks::{take_rate_settlement, Lease, TakeRateInputs};
/// use gpuecon::Decimal;
/// let inputs = TakeRateInputs { leases: vec![Lease {
///     usd_per_gpu_hour: Decimal::new(150, 2),
///     gpu_hours: Decimal::from(730),
///     take_rate: Decimal::new(20, 2),
/// }] };
/// let settled = take_rate_settlement(&inputs)?;
/// assert_eq!(settled.buyer_pays_usd, Decimal::from(1095));
/// assert_eq!(settled.network_take_usd, Decimal::from(219));
/// assert_eq!(settled.provider_receives_usd, Decimal::from(876));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn take_rate_settlement(inputs: &TakeRateInputs) -> Result<TakeRateSettlement, ModelError> {
    inputs.ensure_valid()?;
    let mut leases = Vec::with_capacity(inputs.leases.len());
    let (mut buyer, mut network) = (Decimal::ZERO, Decimal::ZERO);
    for (i, lease) in inputs.leases.iter().enumerate() {
        let settled = settle_lease(lease).map_err(|e| e.within(&format!("leases[{i}]")))?;
        buyer = units::add(buyer, settled.buyer_pays_usd, "leases")?;
        network = units::add(network, settled.network_take_usd, "leases")?;
        leases.push(settled);
    }
    let effective_take_rate = if buyer.is_zero() {
        None
    } else {
        Some(units::div(network, buyer, "leases")?)
    };
    Ok(TakeRateSettlement {
        leases,
        buyer_pays_usd: buyer,
        network_take_usd: network,
        provider_receives_usd: units::sub(buyer, network, "leases")?,
        effective_take_rate,
    })
}

/// One lease's split; errors named relative to the lease.
fn settle_lease(lease: &Lease) -> Result<LeaseSettlement, ModelError> {
    let buyer = kept(units::mul(
        lease.usd_per_gpu_hour,
        lease.gpu_hours,
        "gpu_hours",
    )?);
    let network = kept(units::mul(buyer, lease.take_rate, "take_rate")?);
    let kept_share = units::sub(Decimal::ONE, lease.take_rate, "take_rate")?;
    Ok(LeaseSettlement {
        buyer_pays_usd: buyer,
        network_take_usd: network,
        provider_receives_usd: units::sub(buyer, network, "take_rate")?,
        provider_usd_per_gpu_hour: units::mul(lease.usd_per_gpu_hour, kept_share, "take_rate")?,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn lease(price: &str, hours: &str, take: &str) -> Lease {
        Lease {
            usd_per_gpu_hour: d(price),
            gpu_hours: d(hours),
            take_rate: d(take),
        }
    }

    #[test]
    fn a_month_of_mixed_leases_by_hand() {
        let settled = take_rate_settlement(&TakeRateInputs {
            leases: vec![lease("1.50", "730", "0.20"), lease("2.10", "100", "0.04")],
        })
        .unwrap();
        // USDC lease: 1.50 × 730 = 1,095; 20 % = 219; provider 876 (1.20 an hour).
        assert_eq!(settled.leases[0].provider_usd_per_gpu_hour, d("1.2"));
        // AKT lease: 2.10 × 100 = 210; 4 % = 8.4; provider 201.6 (2.016 an hour).
        assert_eq!(settled.leases[1].network_take_usd, d("8.4"));
        assert_eq!(settled.leases[1].provider_receives_usd, d("201.6"));
        // Totals: buyers 1,305; network 227.4; providers 1,077.6; effective take
        // 227.4 / 1,305 = 0.174252873563218390804597701...
        assert_eq!(settled.buyer_pays_usd, d("1305"));
        assert_eq!(settled.network_take_usd, d("227.4"));
        assert_eq!(settled.provider_receives_usd, d("1077.6"));
        assert_eq!(
            settled.effective_take_rate.unwrap().round_dp(12),
            d("0.174252873563")
        );
    }

    #[test]
    fn the_split_is_exact_to_the_last_digit() {
        // 1/3 of a dollar an hour for 7 hours: 2.333...; the 17 % take is kept to 18 places and
        // the provider's share is the difference, so the two add back to the payment.
        let settled = take_rate_settlement(&TakeRateInputs {
            leases: vec![lease("0.3333333333333333333333333333", "7", "0.17")],
        })
        .unwrap();
        let one = &settled.leases[0];
        assert_eq!(
            one.provider_receives_usd + one.network_take_usd,
            one.buyer_pays_usd
        );
        // 2.333...×0.17 kept to 18 places, over 2.333... kept to 18 places: 0.17 within 1e-18.
        let rate = settled.effective_take_rate.unwrap();
        assert!((rate - d("0.17")).abs() <= d("1e-18"), "{rate}");
    }

    #[test]
    fn nothing_paid_has_no_effective_rate() {
        let settled = take_rate_settlement(&TakeRateInputs {
            leases: vec![lease("0", "730", "0.2")],
        })
        .unwrap();
        assert_eq!(settled.effective_take_rate, None);
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let inputs = TakeRateInputs {
            leases: vec![lease("1", "1", "0.2"), lease("-1", "1", "1.2")],
        };
        let fields: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            fields,
            ["leases[1].usd_per_gpu_hour", "leases[1].take_rate"]
        );
        let empty = TakeRateInputs { leases: vec![] };
        assert_eq!(take_rate_settlement(&empty).unwrap_err().field(), "leases");
        let huge = TakeRateInputs {
            leases: vec![lease("79228162514264337593543950335", "2", "0.1")],
        };
        let err = take_rate_settlement(&huge).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "leases[0].gpu_hours")
        );
    }
}

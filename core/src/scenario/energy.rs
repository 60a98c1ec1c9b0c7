//! [`Energy`]: how a scenario's electricity is priced and cut: a monthly market price in USD
//! per MWh, a power purchase agreement ([`Ppa`], from [`models::power`](crate::models::power))
//! and curtailment ([`CurtailedHours`]) with demand-response payments.
//!
//! For month `m`, with the IT load of `power` (kW per GPU at the load factor of the month's
//! busy share, PUE applied once) and `c` the share of the month's 730 hours cut:
//!
//! ```text
//! facility MWh, uncut  E = in-service GPUs × 730 × kWh per GPU-hour ÷ 1000
//! energy drawn           = E × (1 − c)
//! market price         P = market_usd_per_mwh[m − 1] (the last value held), or power.usd_per_kwh × 1000
//! power (energy bought)  = E × (1 − c) × the PPA's price at P      (market, fixed, P + adder, collar)
//! PPA settlement         = −(P − strike) × volume                  (virtual PPA: a cost, negative when received)
//! demand response        = E × c × demand_response_usd_per_mwh     (revenue, from the grid)
//! revenue lost           = (contracts + reserved + on demand + spot) × c
//! ```
//!
//! **Curtailment** stops the whole fleet for the hours cut: nothing runs and nothing is
//! drawn, not even idle power; hours sold and hours billed fall by the share cut. Contracts
//! and reservations are billed on the hours the seller could deliver: a buyer does not pay
//! for hours cut (force majeure), so a take-or-pay minimum falls with them. Fixed monthly
//! costs (colocation, the lease, insurance) and per-hour staff, support and software do not
//! change. Hosting fees are not curtailed (the host's SLA credits answer for its uptime).

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::check::{Checker, Validate};
use crate::models::power::{CurtailedHours, Ppa};
use crate::models::{ModelError, PowerInputs};
use crate::units::{self, HOURS_PER_MONTH, KW_PER_MW, MAX_MONTHS, amount};

/// How a scenario's electricity is priced and cut. Every field has a default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Energy {
    /// The market (index) price in USD per MWh for months 1, 2, …; the last value holds for
    /// later months; may be negative. Default: `power.usd_per_kwh × 1000` every month (which
    /// must then be 0 when a series is given).
    #[serde(default)]
    pub market_usd_per_mwh: Vec<Decimal>,
    /// How the power is bought at that market price (default: at market).
    #[serde(default)]
    pub ppa: Ppa,
    /// Hours cut by the grid or a contract from month 1 (default none).
    #[serde(default)]
    pub curtailed: Option<CurtailedHours>,
    /// Paid by the grid per MWh not drawn in the hours cut, in USD (at least 0; default 0).
    #[serde(default)]
    pub demand_response_usd_per_mwh: Decimal,
}

impl Validate for Energy {
    /// Every problem, in field order.
    ///
    /// ```
    /// use gpuecon::scenario::Energy;
    /// use gpuecon::models::Validate;
    /// let energy: Energy = serde_json::from_str(r#"{
    ///   "ppa": { "kind": "virtual", "strike_usd_per_mwh": -5, "volume_mwh_per_month": 100 },
    ///   "curtailed": { "kind": "share", "share_of_hours": 1.5, "months": 12 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = energy.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["ppa.strike_usd_per_mwh", "curtailed.share_of_hours"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        if u32::try_from(self.market_usd_per_mwh.len()).unwrap_or(u32::MAX) > MAX_MONTHS {
            c.problem("market_usd_per_mwh", "must have at most 1200 values");
        }
        c.nested("ppa", &self.ppa);
        if let Some(curtailed) = &self.curtailed {
            c.nested("curtailed", curtailed);
        }
        c.at_least(
            "demand_response_usd_per_mwh",
            self.demand_response_usd_per_mwh,
            Decimal::ZERO,
        );
    }
}

impl Energy {
    /// The market price in month index `i` (0 is month 1): the series' value, the last one
    /// after its end, else `usd_per_kwh × 1000`.
    fn market_usd_per_mwh(&self, i: usize, usd_per_kwh: Decimal) -> Result<Decimal, ModelError> {
        match self
            .market_usd_per_mwh
            .get(i)
            .or(self.market_usd_per_mwh.last())
        {
            Some(price) => Ok(*price),
            None => Ok(units::mul(usd_per_kwh, KW_PER_MW, "power.usd_per_kwh")?),
        }
    }
}

/// The share of each month's hours cut, months 1 to `horizon` (0 without curtailment).
pub(super) fn cut_shares(
    energy: Option<&Energy>,
    horizon: u32,
) -> Result<Vec<Decimal>, ModelError> {
    let months = usize::try_from(horizon).unwrap_or(usize::MAX);
    let Some(curtailed) = energy.and_then(|e| e.curtailed.as_ref()) else {
        return Ok(vec![Decimal::ZERO; months]);
    };
    let mut shares = curtailed
        .hours()
        .map_err(|e| e.within("energy"))?
        .into_iter()
        .take(months)
        .map(|hours| units::div(hours, HOURS_PER_MONTH, "energy.curtailed"))
        .collect::<Result<Vec<_>, _>>()?;
    shares.resize(months, Decimal::ZERO);
    Ok(shares)
}

/// A month's electricity, amounts kept to [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES).
pub(super) struct PowerMonth {
    /// Energy drawn by the facility (IT × PUE), after curtailment, MWh.
    pub(super) mwh: Decimal,
    /// Energy bought.
    pub(super) bought_usd: Decimal,
    /// The PPA's settlement as a cost (paid > 0, received < 0).
    pub(super) settlement_usd: Decimal,
    /// Demand-response payments received.
    pub(super) demand_response_usd: Decimal,
}

/// The month index `i`'s electricity for `available` GPU-hours at `busy_share`, `cut` of
/// the hours curtailed (formulas in the [module docs](self)). Without an [`Energy`]
/// section the bill is the flat `power.usd_per_kwh` one, as before it existed.
pub(super) fn power_month(
    power: &PowerInputs,
    energy: Option<&Energy>,
    i: usize,
    available: Decimal,
    busy_share: Decimal,
    cut: Decimal,
) -> Result<PowerMonth, ModelError> {
    // kWh per available GPU-hour: the same formula as the bill, at one dollar a kWh.
    let per_kwh = PowerInputs {
        usd_per_kwh: Decimal::ONE,
        ..power.clone()
    };
    let kwh = units::mul(per_kwh.usd_per_gpu_hour(busy_share)?, available, "power")?;
    let uncut = units::div(kwh, KW_PER_MW, "power")?;
    let kept = units::sub(Decimal::ONE, cut, "energy.curtailed")?;
    let mwh = amount(units::mul(uncut, kept, "energy.curtailed")?);
    let Some(energy) = energy else {
        let bought = units::mul(power.usd_per_gpu_hour(busy_share)?, available, "power")?;
        return Ok(PowerMonth {
            mwh,
            bought_usd: amount(bought),
            settlement_usd: Decimal::ZERO,
            demand_response_usd: Decimal::ZERO,
        });
    };
    let market = energy.market_usd_per_mwh(i, power.usd_per_kwh)?;
    let price = energy
        .ppa
        .price_usd_per_mwh(market)
        .map_err(|e| e.within("energy"))?;
    let settlement = energy
        .ppa
        .settlement_usd(market)
        .map_err(|e| e.within("energy"))?;
    let cut_mwh = units::mul(uncut, cut, "energy.curtailed")?;
    Ok(PowerMonth {
        mwh,
        bought_usd: amount(units::mul(mwh, price, "energy.market_usd_per_mwh")?),
        settlement_usd: amount(-settlement),
        demand_response_usd: amount(units::mul(
            cut_mwh,
            energy.demand_response_usd_per_mwh,
            "energy.demand_response_usd_per_mwh",
        )?),
    })
}

//! [`energy_cost`]: the electricity bill month by month, from a market price series, the
//! load and a power purchase agreement.

use serde::{Deserialize, Serialize};

use super::ppa::Ppa;
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units::amount;
use crate::units::{self, HOURS_PER_MONTH, KW_PER_MW};

/// The IT load, tagged by `kind` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Load {
    /// A fleet drawing the same power every month:
    /// `IT MWh = gpus × it_kw_per_gpu × load_factor × 730 / 1000`.
    Fleet {
        /// GPUs (greater than 0).
        gpus: Decimal,
        /// All-in IT kW per GPU at full load (at least 0; 1.275 for an H100 in a 10.2 kW
        /// DGX of 8).
        it_kw_per_gpu: Decimal,
        /// Average draw as a fraction of full load, in [0, 1] (an idle GPU still draws
        /// 10-14 % of its power: see [`PowerInputs`](crate::models::PowerInputs)).
        load_factor: Decimal,
    },
    /// Metered IT energy, one value a month.
    Metered {
        /// IT energy in MWh for months 1, 2, … (at least 0 each; one per market price).
        it_mwh: Vec<Decimal>,
        /// GPUs served, for the cost per GPU-hour (greater than 0; optional).
        #[serde(default)]
        gpus: Option<Decimal>,
    },
}

/// What [`energy_cost`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnergyCostInputs {
    /// The market (index) price of electricity in USD per MWh for months 1, 2, … (1 to
    /// [`MAX_MONTHS`](crate::units::MAX_MONTHS) values; may be negative, as wholesale
    /// prices sometimes are).
    pub market_usd_per_mwh: Vec<Decimal>,
    /// The IT load.
    pub load: Load,
    /// Power usage effectiveness, facility energy ÷ IT energy (at least 1), applied once.
    pub pue: Decimal,
    /// How the power is bought (default: at market).
    #[serde(default)]
    pub ppa: Ppa,
}

/// One month of an [`EnergyCost`]. Energies and amounts are kept to
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergyCostMonth {
    /// The month, 1 for the first.
    pub month: u32,
    /// The market price.
    pub market_usd_per_mwh: Decimal,
    /// IT energy.
    pub it_mwh: Decimal,
    /// Facility energy, `it_mwh × PUE`: what is bought.
    pub facility_mwh: Decimal,
    /// The price paid per MWh bought under the PPA.
    pub price_usd_per_mwh: Decimal,
    /// `facility_mwh × price_usd_per_mwh`.
    pub energy_bought_usd: Decimal,
    /// The PPA's settlement: received when positive, paid when negative.
    pub ppa_settlement_usd: Decimal,
    /// `energy_bought_usd − ppa_settlement_usd`.
    pub net_cost_usd: Decimal,
    /// `net_cost_usd ÷ (gpus × 730)`, per available GPU-hour; `None` without a GPU count.
    pub usd_per_gpu_hour: Option<Decimal>,
}

/// The sums over the months of an [`EnergyCost`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergyCostTotals {
    /// IT energy.
    pub it_mwh: Decimal,
    /// Facility energy.
    pub facility_mwh: Decimal,
    /// Facility − IT energy: cooling, conversion, lighting.
    pub overhead_mwh: Decimal,
    /// Energy bought.
    pub energy_bought_usd: Decimal,
    /// PPA settlements (received > 0).
    pub ppa_settlement_usd: Decimal,
    /// Net cost.
    pub net_cost_usd: Decimal,
    /// Net cost ÷ facility MWh; `None` when no energy was bought.
    pub usd_per_mwh: Option<Decimal>,
    /// Net cost ÷ available GPU-hours (gpus × 730 × months); `None` without a GPU count.
    pub usd_per_gpu_hour: Option<Decimal>,
}

/// The result of [`energy_cost`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergyCost {
    /// One row a month.
    pub months: Vec<EnergyCostMonth>,
    /// Their sums.
    pub totals: EnergyCostTotals,
}

impl Validate for Load {
    fn check(&self, c: &mut Checker) {
        match self {
            Self::Fleet {
                gpus,
                it_kw_per_gpu,
                load_factor,
            } => {
                c.positive("gpus", *gpus);
                c.at_least("it_kw_per_gpu", *it_kw_per_gpu, Decimal::ZERO);
                c.fraction("load_factor", *load_factor);
            }
            Self::Metered { it_mwh, gpus } => {
                for (i, mwh) in it_mwh.iter().enumerate() {
                    c.at_least(&format!("it_mwh[{i}]"), *mwh, Decimal::ZERO);
                }
                if let Some(gpus) = gpus {
                    c.positive("gpus", *gpus);
                }
            }
        }
    }
}

impl Validate for EnergyCostInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::power::EnergyCostInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: EnergyCostInputs = serde_json::from_str(r#"{
    ///   "market_usd_per_mwh": [60, 70],
    ///   "load": { "kind": "metered", "it_mwh": [100] },
    ///   "pue": 0.9
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["load.it_mwh", "pue"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        let months = self.market_usd_per_mwh.len();
        c.months(
            "market_usd_per_mwh",
            u32::try_from(months).unwrap_or(u32::MAX),
        );
        c.nested("load", &self.load);
        if let Load::Metered { it_mwh, .. } = &self.load
            && it_mwh.len() != months
        {
            c.problem(
                "load.it_mwh",
                "must hold one value for each month of market_usd_per_mwh",
            );
        }
        c.pue("pue", self.pue);
        c.nested("ppa", &self.ppa);
    }
}

/// The month's IT MWh and the GPUs it serves.
fn it_energy(load: &Load, index: usize) -> Result<(Decimal, Option<Decimal>), ModelError> {
    match load {
        Load::Fleet {
            gpus,
            it_kw_per_gpu,
            load_factor,
        } => {
            let kw = units::mul(*gpus, *it_kw_per_gpu, "load.it_kw_per_gpu")?;
            let kw = units::mul(kw, *load_factor, "load.load_factor")?;
            let kwh = units::mul(kw, HOURS_PER_MONTH, "load.gpus")?;
            Ok((units::div(kwh, KW_PER_MW, "load.gpus")?, Some(*gpus)))
        }
        Load::Metered { it_mwh, gpus } => {
            Ok((it_mwh.get(index).copied().unwrap_or_default(), *gpus))
        }
    }
}

/// The electricity bill month by month (docs/domain.md section 7). For month `m` with
/// market price `Pₘ` (USD/MWh):
///
/// ```text
/// IT MWh        = gpus × it_kw_per_gpu × load_factor × 730 / 1000   (fleet), or metered
/// facility MWh  = IT MWh × PUE                                       (PUE applied once)
/// price         = Pₘ (market, virtual) | fixed | Pₘ + adder | min(max(Pₘ, floor), cap)
/// energy bought = facility MWh × price
/// settlement    = (Pₘ − strike) × volume                    (virtual PPA; else 0)
/// net cost      = energy bought − settlement
/// per GPU-hour  = net cost ÷ (gpus × 730)                   (per available GPU-hour)
/// ```
///
/// A virtual PPA is purely financial: the buyer still buys every MWh at market, and the
/// settlement (received when the market is above the strike, paid when below) makes the
/// hedged volume cost `strike × volume`. Consumption above or below that volume stays at
/// market. Exact [`Decimal`] arithmetic; each month's energies and amounts are kept to
/// [`AMOUNT_DECIMAL_PLACES`](crate::units::AMOUNT_DECIMAL_PLACES) so the totals are
/// their exact sums; the per-GPU-hour figures are quotients, not rounded.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`market_usd_per_mwh` empty or longer
/// than 1200 months, `load.it_mwh` of the wrong length, `pue` below 1,
/// `ppa.cap_usd_per_mwh` below the floor, …); [`ModelError::Finance`] on overflow.
///
/// # Example
/// 1,000 H100s (1.275 kW) at a load factor of 0.8 and PUE 1.25 draw
/// 1,000 × 1.275 × 0.8 × 730 / 1000 = 744.6 MWh of IT energy, 930.75 MWh from the grid.
/// With a virtual PPA struck at $60 on 900 MWh and a market at $80:
/// bought 930.75 × 80 = $74,460; settlement (80 − 60) × 900 = $18,000 received;
/// net $56,460, or 56,460 / 730,000 = $0.0773424… per GPU-hour.
/// ```
/// use gpuecon::models::power::{energy_cost, EnergyCostInputs};
/// use gpuecon::Decimal;
/// let inputs: EnergyCostInputs = serde_json::from_str(r#"{
///   "market_usd_per_mwh": [80],
///   "load": { "kind": "fleet", "gpus": 1000, "it_kw_per_gpu": "1.275", "load_factor": "0.8" },
///   "pue": "1.25",
///   "ppa": { "kind": "virtual", "strike_usd_per_mwh": 60, "volume_mwh_per_month": 900 }
/// }"#).unwrap();
/// let cost = energy_cost(&inputs)?;
/// let month = &cost.months[0];
/// assert_eq!(month.facility_mwh, Decimal::new(93_075, 2));
/// assert_eq!(month.energy_bought_usd, Decimal::from(74_460));
/// assert_eq!(month.ppa_settlement_usd, Decimal::from(18_000));
/// assert_eq!(cost.totals.net_cost_usd, Decimal::from(56_460));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn energy_cost(inputs: &EnergyCostInputs) -> Result<EnergyCost, ModelError> {
    inputs.ensure_valid()?;
    let mut months = Vec::with_capacity(inputs.market_usd_per_mwh.len());
    let zero = Decimal::ZERO;
    let (mut it_total, mut facility_total, mut bought_total, mut settlement_total) =
        (zero, zero, zero, zero);
    let mut gpu_hours_total = Some(zero);
    for ((index, market), month) in inputs.market_usd_per_mwh.iter().enumerate().zip(1..) {
        let (it_mwh, gpus) = it_energy(&inputs.load, index)?;
        let it_mwh = amount(it_mwh);
        let facility_mwh = amount(units::mul(it_mwh, inputs.pue, "pue")?);
        let price = inputs.ppa.price_usd_per_mwh(*market)?;
        let bought = amount(units::mul(facility_mwh, price, "market_usd_per_mwh")?);
        let settlement = amount(inputs.ppa.settlement_usd(*market)?);
        let net = units::sub(bought, settlement, "ppa")?;
        let gpu_hours = gpus
            .map(|g| units::mul(g, HOURS_PER_MONTH, "load.gpus"))
            .transpose()?;
        let usd_per_gpu_hour = gpu_hours
            .map(|h| units::div(net, h, "load.gpus"))
            .transpose()?;
        it_total = units::add(it_total, it_mwh, "load")?;
        facility_total = units::add(facility_total, facility_mwh, "pue")?;
        bought_total = units::add(bought_total, bought, "market_usd_per_mwh")?;
        settlement_total = units::add(settlement_total, settlement, "ppa")?;
        gpu_hours_total = match (gpu_hours_total, gpu_hours) {
            (Some(total), Some(hours)) => Some(units::add(total, hours, "load.gpus")?),
            _ => None,
        };
        months.push(EnergyCostMonth {
            month,
            market_usd_per_mwh: *market,
            it_mwh,
            facility_mwh,
            price_usd_per_mwh: price,
            energy_bought_usd: bought,
            ppa_settlement_usd: settlement,
            net_cost_usd: net,
            usd_per_gpu_hour,
        });
    }
    let net_total = units::sub(bought_total, settlement_total, "ppa")?;
    let usd_per_mwh = if facility_total.is_zero() {
        None
    } else {
        Some(units::div(net_total, facility_total, "pue")?)
    };
    let usd_per_gpu_hour = gpu_hours_total
        .map(|h| units::div(net_total, h, "load.gpus"))
        .transpose()?;
    Ok(EnergyCost {
        months,
        totals: EnergyCostTotals {
            it_mwh: it_total,
            facility_mwh: facility_total,
            overhead_mwh: units::sub(facility_total, it_total, "pue")?,
            energy_bought_usd: bought_total,
            ppa_settlement_usd: settlement_total,
            net_cost_usd: net_total,
            usd_per_mwh,
            usd_per_gpu_hour,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn fleet(ppa: Ppa, prices: &[&str]) -> EnergyCostInputs {
        EnergyCostInputs {
            market_usd_per_mwh: prices.iter().map(|p| d(p)).collect(),
            load: Load::Fleet {
                gpus: d("1000"),
                it_kw_per_gpu: d("1.275"),
                load_factor: d("0.8"),
            },
            pue: d("1.25"),
            ppa,
        }
    }

    #[test]
    fn market_fleet_by_hand() {
        let cost = energy_cost(&fleet(Ppa::Market, &["80", "45.5"])).unwrap();
        // IT: 1,000 × 1.275 × 0.8 × 730 / 1000 = 744.6 MWh; facility × 1.25 = 930.75 MWh.
        let first = &cost.months[0];
        assert_eq!(first.it_mwh, d("744.6"));
        assert_eq!(first.facility_mwh, d("930.75"));
        // 930.75 × 80 = 74,460; per GPU-hour 74,460 / 730,000 = 0.10200 (exactly 0.102)
        assert_eq!(first.energy_bought_usd, d("74460"));
        assert_eq!(first.usd_per_gpu_hour, Some(d("0.102")));
        // 930.75 × 45.5 = 42,349.125
        assert_eq!(cost.months[1].net_cost_usd, d("42349.125"));
        // totals: 74,460 + 42,349.125 = 116,809.125 over 1,861.5 MWh = 62.75 $/MWh
        // (the average price, as both months bought the same energy), over 1,460,000
        // GPU-hours = 0.0800062499...
        let totals = &cost.totals;
        assert_eq!(totals.net_cost_usd, d("116809.125"));
        assert_eq!(totals.facility_mwh, d("1861.5"));
        assert_eq!(totals.overhead_mwh, d("372.3"));
        assert_eq!(totals.usd_per_mwh, Some(d("62.75")));
        assert_eq!(
            totals.usd_per_gpu_hour.unwrap().round_dp(12),
            d("0.080006250000")
        );
    }

    #[test]
    fn each_ppa_by_hand() {
        let price = |ppa: Ppa| energy_cost(&fleet(ppa, &["80"])).unwrap().totals;
        // fixed $55: 930.75 × 55 = 51,191.25
        let fixed = price(Ppa::FixedPrice {
            usd_per_mwh: d("55"),
        });
        assert_eq!(fixed.net_cost_usd, d("51191.25"));
        // indexed +$5: 930.75 × 85 = 79,113.75
        let indexed = price(Ppa::Indexed {
            adder_usd_per_mwh: d("5"),
        });
        assert_eq!(indexed.net_cost_usd, d("79113.75"));
        // collar [40, 70]: 80 is capped at 70: 930.75 × 70 = 65,152.5
        let collar = price(Ppa::Collar {
            floor_usd_per_mwh: d("40"),
            cap_usd_per_mwh: d("70"),
        });
        assert_eq!(collar.net_cost_usd, d("65152.5"));
        // virtual at $60 on 900 MWh: 74,460 − (80 − 60) × 900 = 74,460 − 18,000 = 56,460
        let vppa = price(Ppa::Virtual {
            strike_usd_per_mwh: d("60"),
            volume_mwh_per_month: d("900"),
        });
        assert_eq!(vppa.energy_bought_usd, d("74460"));
        assert_eq!(vppa.ppa_settlement_usd, d("18000"));
        assert_eq!(vppa.net_cost_usd, d("56460"));
    }

    #[test]
    fn metered_load_without_gpus() {
        let inputs = EnergyCostInputs {
            market_usd_per_mwh: vec![d("50"), d("-10")],
            load: Load::Metered {
                it_mwh: vec![d("100"), d("200")],
                gpus: None,
            },
            pue: d("1.1"),
            ppa: Ppa::Market,
        };
        let cost = energy_cost(&inputs).unwrap();
        // 110 MWh × 50 = 5,500; 220 MWh × −10 = −2,200 (paid to consume); net 3,300.
        assert_eq!(cost.months[1].net_cost_usd, d("-2200"));
        assert_eq!(cost.totals.net_cost_usd, d("3300"));
        assert_eq!(cost.totals.usd_per_gpu_hour, None);
        assert_eq!(cost.months[0].usd_per_gpu_hour, None);
        // 3,300 / 330 MWh = 10 $/MWh
        assert_eq!(cost.totals.usd_per_mwh, Some(d("10")));
    }

    #[test]
    fn no_energy_has_no_price_per_mwh() {
        let mut inputs = fleet(Ppa::Market, &["80"]);
        inputs.load = Load::Fleet {
            gpus: d("8"),
            it_kw_per_gpu: d("1.275"),
            load_factor: Decimal::ZERO,
        };
        let totals = energy_cost(&inputs).unwrap().totals;
        assert_eq!(totals.usd_per_mwh, None);
        assert_eq!(totals.usd_per_gpu_hour, Some(Decimal::ZERO));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let first = |inputs: &EnergyCostInputs| energy_cost(inputs).unwrap_err().field().to_owned();
        let mut inputs = fleet(Ppa::Market, &[]);
        assert_eq!(first(&inputs), "market_usd_per_mwh");
        inputs = fleet(Ppa::Market, &["1"; 1201]);
        assert_eq!(first(&inputs), "market_usd_per_mwh");
        inputs = fleet(Ppa::Market, &["80"]);
        inputs.load = Load::Fleet {
            gpus: Decimal::ZERO,
            it_kw_per_gpu: d("-1"),
            load_factor: d("1.5"),
        };
        let all: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(all, ["load.gpus", "load.it_kw_per_gpu", "load.load_factor"]);
        inputs = fleet(
            Ppa::Collar {
                floor_usd_per_mwh: d("50"),
                cap_usd_per_mwh: d("40"),
            },
            &["80"],
        );
        assert_eq!(first(&inputs), "ppa.cap_usd_per_mwh");
        inputs.ppa = Ppa::Market;
        inputs.load = Load::Metered {
            it_mwh: vec![d("-1")],
            gpus: Some(Decimal::ZERO),
        };
        let all: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(all, ["load.it_mwh[0]", "load.gpus"]);
    }

    #[test]
    fn overflow_names_a_field() {
        let mut inputs = fleet(Ppa::Market, &["80"]);
        inputs.market_usd_per_mwh = vec![Decimal::MAX];
        let err = energy_cost(&inputs).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Overflow);
        assert_eq!(err.field(), "market_usd_per_mwh");
    }
}

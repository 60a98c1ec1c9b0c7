//! [`operator_roi`]: what a node operator on a decentralized network earns in fiat
//! (docs/domain.md section 12): hardware and a stake paid at the start, token rewards sold
//! each month at the token's price, rental income, power and other costs, the stake sold at
//! the end less what was slashed, under one or more token price scenarios.
//!
//! For month `m` = 1 … `n` of a scenario with token price `Pₘ` (`P₀` at the start):
//!
//! ```text
//! power          w  = gpus × it_kw × load_factor(utilization) × PUE × usd_per_kwh × 730
//! fiat margin    F  = rental_income − w − other                       (every month)
//! rewards        Rₘ = reward_tokens_per_month × reward_curve(m)       (tokens)
//! cash flow      cₘ = Rₘ × Pₘ + F
//!                c_n also gets salvage + stake × (1 − slashed_share) × P_n
//! investment     c₀ = −(hardware + stake × P₀)
//! net cash       N  = Σ cₘ (m = 0 … n);  ROI = N / investment
//! payback        the first month after which the cumulative cash flow stays at least 0
//!                (0 when it is never below 0: models::metrics)
//! NPV, IRR       of c₀ … c_n, monthly at the annual rate's twelfth-root equivalent,
//!                the IRR annualized: (1 + monthly)^12 − 1
//! break-even     the constant token price with N = 0:
//!                P* = (hardware − salvage − n × F) / (Σ Rₘ − stake × slashed_share)
//! ```
//!
//! - **Price paths**: a scenario's price is a start price times a
//!   [`Curve`] (constant, exponential, generational steps, or points with a
//!   start of 1 for absolute prices), or a series of prices from month 0, the last
//!   carried forward. The rewards follow their own curve: io.net's emissions fall about
//!   1.02 % a month, an exponential curve with an annual factor near 0.885.
//! - **Power** is the cost model's ([`PowerInputs`]): idle GPUs still draw power, and PUE
//!   applies once.
//! - **Metrics** are the scenario report's ([`project_metrics`]): NPV and IRR through
//!   [`finance::npv_at_t0`](crate::finance::npv_at_t0) and
//!   [`finance::irr`](crate::finance::irr) (solved in `f64`, as Excel). Amounts are kept
//!   to [`KEPT_DECIMAL_PLACES`](super::KEPT_DECIMAL_PLACES), so the months add up to the
//!   net cash exactly.
//! - **Break-even** is `None` when the rewards net of slashing are not positive (no token
//!   price pays the hardware back). A break-even at or below 0 means the fiat margin and
//!   salvage alone pay the hardware back.

use serde::{Deserialize, Serialize};

use super::{check_periods, kept};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::models::cost::PowerInputs;
use crate::models::depreciation::Curve;
use crate::models::metrics::project_metrics;
use crate::units::{self, HOURS_PER_MONTH, MAX_MONTHS};

/// The most scenarios one call evaluates.
const MAX_SCENARIOS: usize = 100;

/// A token's price over the months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TokenPricePath {
    /// `start_usd_per_token × curve(m)`.
    Curve {
        /// The price at month 0 in USD (at least 0; 1 with a curve of absolute points).
        start_usd_per_token: Decimal,
        /// The path, a multiplier from month 0.
        curve: Curve,
    },
    /// One price per month from month 0; months after the last price keep it.
    Series {
        /// Prices in USD (each at least 0), 1 to 1,200 of them, the first at month 0.
        usd_per_token: Vec<Decimal>,
    },
}

/// A named token price scenario (bear, base, bull).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenPriceScenario {
    /// A name for people (default "").
    #[serde(default)]
    pub name: String,
    /// The token's price path.
    pub price: TokenPricePath,
}

/// What [`operator_roi`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorInputs {
    /// Months examined, 1 to [`MAX_MONTHS`].
    pub months: u32,
    /// Hardware bought at the start, in USD (at least 0).
    pub hardware_usd: Decimal,
    /// The hardware's sale at the end, in USD (at least 0; default 0).
    #[serde(default)]
    pub salvage_usd: Decimal,
    /// GPUs the node runs (at least 0).
    pub gpus: Decimal,
    /// The share of hours the GPUs are busy, in [0, 1] (sets the power bill).
    pub utilization: Decimal,
    /// Electricity per GPU, as in the owner's cost.
    pub power: PowerInputs,
    /// Other cash costs a month in USD: hosting, bandwidth, staff (at least 0; default 0).
    #[serde(default)]
    pub other_usd_per_month: Decimal,
    /// Rental income and fees received a month in USD, after the network's take (at least
    /// 0; default 0).
    #[serde(default)]
    pub rental_income_usd_per_month: Decimal,
    /// Token rewards a month before the reward curve: month `m` earns this ×
    /// `reward_curve(m)` (at least 0).
    pub reward_tokens_per_month: Decimal,
    /// The rewards' path, a multiplier from month 0 (default constant).
    #[serde(default)]
    pub reward_curve: Curve,
    /// Tokens the network requires the operator to stake, bought at the start and sold at
    /// the end (at least 0; default 0).
    #[serde(default)]
    pub stake_tokens: Decimal,
    /// The share of the stake slashed by the end, in [0, 1] (default 0).
    #[serde(default)]
    pub slashed_share: Decimal,
    /// The annual rate the cash flows are discounted at (greater than −1).
    pub annual_discount_rate: Decimal,
    /// The token price scenarios, 1 to 100 of them.
    pub scenarios: Vec<TokenPriceScenario>,
}

/// One month of a [`ScenarioRoi`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorMonth {
    /// The month, from 1.
    pub month: u32,
    /// The token's price.
    pub usd_per_token: Decimal,
    /// Tokens earned.
    pub reward_tokens: Decimal,
    /// `reward_tokens × usd_per_token`.
    pub reward_usd: Decimal,
    /// Rewards + fiat margin (+ salvage and the stake in the last month).
    pub cash_flow_usd: Decimal,
    /// The cash flows so far, the investment included.
    pub cumulative_cash_flow_usd: Decimal,
}

/// One scenario's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRoi {
    /// The scenario's name.
    pub name: String,
    /// Hardware + stake at the start price.
    pub investment_usd: Decimal,
    /// The stake at the start price.
    pub stake_usd: Decimal,
    /// What is left of the stake, sold at the last month's price.
    pub stake_returned_usd: Decimal,
    /// Rewards over the months, in USD.
    pub reward_usd: Decimal,
    /// All cash flows, the investment included.
    pub net_cash_usd: Decimal,
    /// `net_cash / investment`; `None` when nothing is invested.
    pub roi: Option<Decimal>,
    /// NPV at the annual discount rate, at the start.
    pub npv_usd: Decimal,
    /// The annualized IRR; `None` when the flows have none.
    pub irr_annual: Option<Decimal>,
    /// The first month with a cumulative cash flow at least 0; `None` within the horizon.
    pub payback_month: Option<u32>,
    /// Every month.
    pub months: Vec<OperatorMonth>,
}

/// The result of [`operator_roi`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorRoi {
    /// Electricity a month.
    pub power_usd_per_month: Decimal,
    /// `rental_income − power − other`, a month.
    pub fiat_margin_usd_per_month: Decimal,
    /// Reward tokens over the months.
    pub reward_tokens: Decimal,
    /// The constant token price at which the net cash is 0; `None` when the rewards net
    /// of slashing are not positive.
    pub break_even_usd_per_token: Option<Decimal>,
    /// Each scenario, in the input's order.
    pub scenarios: Vec<ScenarioRoi>,
}

impl Validate for TokenPricePath {
    fn check(&self, c: &mut Checker) {
        match self {
            Self::Curve {
                start_usd_per_token,
                curve,
            } => {
                c.at_least("start_usd_per_token", *start_usd_per_token, Decimal::ZERO);
                c.nested("curve", curve);
            }
            Self::Series { usd_per_token } => {
                check_periods(c, "usd_per_token", usd_per_token.len());
                for (i, price) in usd_per_token.iter().enumerate() {
                    c.at_least(&format!("usd_per_token[{i}]"), *price, Decimal::ZERO);
                }
            }
        }
    }
}

impl Validate for TokenPriceScenario {
    fn check(&self, c: &mut Checker) {
        c.nested("price", &self.price);
    }
}

impl Validate for OperatorInputs {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        if self.months == 0 || self.months > MAX_MONTHS {
            c.problem("months", "must be between 1 and 1200");
        }
        c.at_least("hardware_usd", self.hardware_usd, zero);
        c.at_least("salvage_usd", self.salvage_usd, zero);
        c.at_least("gpus", self.gpus, zero);
        c.fraction("utilization", self.utilization);
        c.nested("power", &self.power);
        c.at_least("other_usd_per_month", self.other_usd_per_month, zero);
        c.at_least(
            "rental_income_usd_per_month",
            self.rental_income_usd_per_month,
            zero,
        );
        c.at_least(
            "reward_tokens_per_month",
            self.reward_tokens_per_month,
            zero,
        );
        c.nested("reward_curve", &self.reward_curve);
        c.at_least("stake_tokens", self.stake_tokens, zero);
        c.fraction("slashed_share", self.slashed_share);
        if self.annual_discount_rate <= Decimal::NEGATIVE_ONE {
            c.problem("annual_discount_rate", "must be greater than -1");
        }
        if self.scenarios.is_empty() || self.scenarios.len() > MAX_SCENARIOS {
            c.problem("scenarios", "must hold 1 to 100 scenarios");
        }
        c.each("scenarios", &self.scenarios);
    }
}

impl TokenPricePath {
    /// Prices at months 0 to `months`; errors named relative to the path.
    fn prices(&self, months: u32) -> Result<Vec<Decimal>, ModelError> {
        match self {
            Self::Curve {
                start_usd_per_token,
                curve,
            } => {
                let at = |value: Decimal| {
                    units::mul(*start_usd_per_token, value, "start_usd_per_token")
                        .map_err(ModelError::from)
                };
                let within = |e: ModelError| e.within("curve");
                let mut prices = vec![at(curve.value_at(0).map_err(within)?)?];
                for value in curve.series(months).map_err(within)? {
                    prices.push(at(value)?);
                }
                Ok(prices)
            }
            Self::Series { usd_per_token } => {
                let last = usd_per_token.last().copied().unwrap_or_default();
                Ok((0..=months)
                    .map(|m| {
                        usize::try_from(m)
                            .ok()
                            .and_then(|m| usd_per_token.get(m))
                            .copied()
                            .unwrap_or(last)
                    })
                    .collect())
            }
        }
    }
}

/// A node operator's fiat cash flows, payback, ROI, NPV and IRR under each token price
/// scenario, and the break-even token price (formulas in the [module docs](self)).
///
/// # Errors
/// The first problem [`Validate::validate`] finds ([`ModelError::Domain`] naming the
/// field, for example `scenarios[1].price.curve.annual_factor` or `power.pue`);
/// [`ModelError::Finance`] on overflow.
///
/// # Example
/// A $30,000 node earning 1,000 tokens a month, $400 of rentals, paying $100 of power
/// (1 kW busy, PUE 1, $0.137/kWh: 1 × 0.137 × 730 = $100.01), for 24 months at $2 and at
/// $0.50 a token:
/// ```
/// use gpuecon::models::networks::{operator_roi, OperatorInputs, TokenPricePath, TokenPriceScenario};
/// use gpuecon::models::{depreciation::Curve, PowerInputs};
/// use gpuecon::Decimal;
/// let flat = |name: &str, price: Decimal| TokenPriceScenario {
///     name: name.to_owned(),
///     price: TokenPricePath::Curve { start_usd_per_token: price, curve: Curve::Constant },
/// };
/// let inputs = OperatorInputs {
///     months: 24,
///     hardware_usd: Decimal::from(30_000),
///     salvage_usd: Decimal::ZERO,
///     gpus: Decimal::ONE,
///     utilization: Decimal::ONE,
///     power: PowerInputs {
///         it_kw_per_gpu: Decimal::ONE,
///         idle_fraction: Decimal::ZERO,
///         pue: Decimal::ONE,
///         usd_per_kwh: Decimal::new(137, 3),
///     },
///     other_usd_per_month: Decimal::ZERO,
///     rental_income_usd_per_month: Decimal::from(400),
///     reward_tokens_per_month: Decimal::from(1_000),
///     reward_curve: Curve::Constant,
///     stake_tokens: Decimal::ZERO,
///     slashed_share: Decimal::ZERO,
///     annual_discount_rate: Decimal::new(10, 2),
///     scenarios: vec![flat("base", Decimal::TWO), flat("bear", Decimal::new(5, 1))],
/// };
/// let roi = operator_roi(&inputs)?;
/// // Base: 2,000 + 400 − 100.01 = 2,299.99 a month pays 30,000 back in month 14.
/// assert_eq!(roi.scenarios[0].payback_month, Some(14));
/// // Bear: 799.99 a month never does within 24 months.
/// assert_eq!(roi.scenarios[1].payback_month, None);
/// // Break-even: (30,000 − 24 × 299.99) / 24,000 = $0.95001 a token.
/// assert_eq!(roi.break_even_usd_per_token, Some(Decimal::new(95_001, 5)));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn operator_roi(inputs: &OperatorInputs) -> Result<OperatorRoi, ModelError> {
    inputs.ensure_valid()?;
    let months = inputs.months;
    let per_gpu_hour = inputs.power.usd_per_gpu_hour(inputs.utilization)?;
    let per_month = units::mul(per_gpu_hour, HOURS_PER_MONTH, "power.usd_per_kwh")?;
    let power = kept(units::mul(per_month, inputs.gpus, "gpus")?);
    let fiat_margin = units::sub(
        units::sub(
            inputs.rental_income_usd_per_month,
            power,
            "rental_income_usd_per_month",
        )?,
        inputs.other_usd_per_month,
        "other_usd_per_month",
    )?;
    let rewards = inputs
        .reward_curve
        .series(months)
        .map_err(|e| e.within("reward_curve"))?
        .into_iter()
        .map(|factor| {
            units::mul(
                inputs.reward_tokens_per_month,
                factor,
                "reward_tokens_per_month",
            )
            .map(kept)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut reward_tokens = Decimal::ZERO;
    for r in &rewards {
        reward_tokens = units::add(reward_tokens, *r, "reward_tokens_per_month")?;
    }
    let scenarios = inputs
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let prices = s
                .price
                .prices(months)
                .map_err(|e| e.within(&format!("scenarios[{i}].price")))?;
            scenario_roi(inputs, s, &prices, &rewards, fiat_margin)
        })
        .collect::<Result<_, _>>()?;
    Ok(OperatorRoi {
        power_usd_per_month: power,
        fiat_margin_usd_per_month: fiat_margin,
        reward_tokens,
        break_even_usd_per_token: break_even(inputs, reward_tokens, fiat_margin)?,
        scenarios,
    })
}

/// `(hardware − salvage − n × F) / (Σ R − stake × slashed_share)`, when the divisor is
/// positive.
fn break_even(
    inputs: &OperatorInputs,
    reward_tokens: Decimal,
    fiat_margin: Decimal,
) -> Result<Option<Decimal>, ModelError> {
    let slashed = units::mul(inputs.stake_tokens, inputs.slashed_share, "slashed_share")?;
    let net_tokens = units::sub(reward_tokens, slashed, "slashed_share")?;
    if net_tokens <= Decimal::ZERO {
        return Ok(None);
    }
    let margin = units::mul(fiat_margin, Decimal::from(inputs.months), "months")?;
    let unpaid = units::sub(
        units::sub(inputs.hardware_usd, inputs.salvage_usd, "salvage_usd")?,
        margin,
        "rental_income_usd_per_month",
    )?;
    Ok(Some(units::div(
        unpaid,
        net_tokens,
        "reward_tokens_per_month",
    )?))
}

/// One scenario's months and metrics, from its prices at months 0 to `n`.
fn scenario_roi(
    inputs: &OperatorInputs,
    scenario: &TokenPriceScenario,
    prices: &[Decimal],
    rewards: &[Decimal],
    fiat_margin: Decimal,
) -> Result<ScenarioRoi, ModelError> {
    let start = prices.first().copied().unwrap_or_default();
    let end = prices.last().copied().unwrap_or_default();
    let stake_usd = kept(units::mul(inputs.stake_tokens, start, "stake_tokens")?);
    let kept_share = units::sub(Decimal::ONE, inputs.slashed_share, "slashed_share")?;
    let stake_left = units::mul(inputs.stake_tokens, kept_share, "stake_tokens")?;
    let stake_returned_usd = kept(units::mul(stake_left, end, "stake_tokens")?);
    let investment_usd = units::add(inputs.hardware_usd, stake_usd, "hardware_usd")?;
    let end_extra = units::add(inputs.salvage_usd, stake_returned_usd, "salvage_usd")?;

    let mut flows = Vec::with_capacity(rewards.len() + 1);
    flows.push(-investment_usd);
    let mut cumulative = -investment_usd;
    let mut reward_usd = Decimal::ZERO;
    let mut months = Vec::with_capacity(rewards.len());
    for ((month, tokens), price) in (1_u32..).zip(rewards).zip(prices.iter().skip(1)) {
        let earned = kept(units::mul(*tokens, *price, "reward_tokens_per_month")?);
        let mut cash = units::add(earned, fiat_margin, "reward_tokens_per_month")?;
        if month == inputs.months {
            cash = units::add(cash, end_extra, "salvage_usd")?;
        }
        reward_usd = units::add(reward_usd, earned, "reward_tokens_per_month")?;
        cumulative = units::add(cumulative, cash, "hardware_usd")?;
        flows.push(cash);
        months.push(OperatorMonth {
            month,
            usd_per_token: *price,
            reward_tokens: *tokens,
            reward_usd: earned,
            cash_flow_usd: cash,
            cumulative_cash_flow_usd: cumulative,
        });
    }
    let metrics = project_metrics(&flows, inputs.annual_discount_rate)?;
    let roi = if investment_usd.is_zero() {
        None
    } else {
        Some(units::div(cumulative, investment_usd, "hardware_usd")?)
    };
    Ok(ScenarioRoi {
        name: scenario.name.clone(),
        investment_usd,
        stake_usd,
        stake_returned_usd,
        reward_usd,
        net_cash_usd: cumulative,
        roi,
        npv_usd: metrics.npv_usd,
        irr_annual: metrics.irr_annual,
        payback_month: metrics.payback_month,
        months,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::models::depreciation::CurvePoint;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn flat(name: &str, price: &str) -> TokenPriceScenario {
        TokenPriceScenario {
            name: name.to_owned(),
            price: TokenPricePath::Curve {
                start_usd_per_token: d(price),
                curve: Curve::Constant,
            },
        }
    }

    /// A 12-month node: $10,000 of hardware, 2 GPUs of 0.5 kW with 20 % idle power at 75 %
    /// utilization, PUE 1.2, $0.10/kWh; $300 of rentals and $50 of other costs a month;
    /// 500 tokens a month.
    fn node() -> OperatorInputs {
        OperatorInputs {
            months: 12,
            hardware_usd: d("10000"),
            salvage_usd: d("2000"),
            gpus: d("2"),
            utilization: d("0.75"),
            power: PowerInputs {
                it_kw_per_gpu: d("0.5"),
                idle_fraction: d("0.2"),
                pue: d("1.2"),
                usd_per_kwh: d("0.10"),
            },
            other_usd_per_month: d("50"),
            rental_income_usd_per_month: d("300"),
            reward_tokens_per_month: d("500"),
            reward_curve: Curve::Constant,
            stake_tokens: Decimal::ZERO,
            slashed_share: Decimal::ZERO,
            annual_discount_rate: Decimal::ZERO,
            scenarios: vec![flat("base", "1.5")],
        }
    }

    #[test]
    fn a_node_by_hand() {
        let roi = operator_roi(&node()).unwrap();
        // load factor 0.2 + 0.8 × 0.75 = 0.8; 0.5 kW × 0.8 × 1.2 × $0.10 = $0.048 a GPU-hour;
        // × 730 × 2 GPUs = $70.08 a month. Margin 300 − 70.08 − 50 = $179.92.
        assert_eq!(roi.power_usd_per_month, d("70.08"));
        assert_eq!(roi.fiat_margin_usd_per_month, d("179.92"));
        assert_eq!(roi.reward_tokens, d("6000"));
        let base = &roi.scenarios[0];
        // Month: 500 × 1.5 = 750 + 179.92 = 929.92; cumulative −10,000 + 929.92 m reaches
        // 0 in month 11 (10,229.12); month 12 adds the $2,000 salvage: 2,929.92.
        assert_eq!(base.months[0].cash_flow_usd, d("929.92"));
        assert_eq!(base.months[11].cash_flow_usd, d("2929.92"));
        assert_eq!(base.payback_month, Some(11));
        // Net: −10,000 + 12 × 929.92 + 2,000 = 3,159.04; ROI 3,159.04 / 10,000 = 0.315904;
        // at 0 % the NPV is the net.
        assert_eq!(base.net_cash_usd, d("3159.04"));
        assert_eq!(base.roi, Some(d("0.315904")));
        assert_eq!(base.npv_usd, d("3159.04"));
        assert_eq!(base.reward_usd, d("9000"));
        // Break-even: (10,000 − 2,000 − 12 × 179.92) / 6,000 = 5,840.96 / 6,000 = 0.97349333...
        assert_eq!(
            roi.break_even_usd_per_token.unwrap().round_dp(10),
            d("0.9734933333")
        );
        // The IRR solves −10,000 + 929.92 × a(11) + 2,929.92 / (1+i)^12 = 0 monthly; its
        // flows at the break-even price give a net of 0 (checked below).
        assert!(base.irr_annual.unwrap() > Decimal::ZERO);
    }

    #[test]
    fn the_break_even_price_nets_zero() {
        let mut inputs = node();
        let price = operator_roi(&inputs)
            .unwrap()
            .break_even_usd_per_token
            .unwrap();
        inputs.scenarios = vec![TokenPriceScenario {
            name: String::new(),
            price: TokenPricePath::Curve {
                start_usd_per_token: price,
                curve: Curve::Constant,
            },
        }];
        let net = operator_roi(&inputs).unwrap().scenarios[0].net_cash_usd;
        assert!(net.abs() <= d("1e-15"), "{net}");
    }

    #[test]
    fn stake_slashing_and_a_price_series() {
        let mut inputs = node();
        inputs.months = 3;
        inputs.salvage_usd = Decimal::ZERO;
        inputs.stake_tokens = d("1000");
        inputs.slashed_share = d("0.1");
        inputs.reward_curve = Curve::Points {
            points: vec![
                CurvePoint {
                    month: 0,
                    value: d("1"),
                },
                CurvePoint {
                    month: 2,
                    value: d("0.5"),
                },
            ],
        };
        inputs.scenarios = vec![TokenPriceScenario {
            name: "series".to_owned(),
            price: TokenPricePath::Series {
                usd_per_token: vec![d("2"), d("1")],
            },
        }];
        let roi = operator_roi(&inputs).unwrap();
        let s = &roi.scenarios[0];
        // Stake: 1,000 × $2 at the start; 900 left × $1 (the last price carried) at the end.
        assert_eq!(s.stake_usd, d("2000"));
        assert_eq!(s.stake_returned_usd, d("900"));
        assert_eq!(s.investment_usd, d("12000"));
        // Rewards: 500 × (0.75, 0.5, 0.5) = 375, 250, 250 tokens at $1.
        let rewards: Vec<_> = s.months.iter().map(|m| m.reward_tokens).collect();
        assert_eq!(rewards, [d("375"), d("250"), d("250")]);
        // Cash: 375 + 179.92 = 554.92; 250 + 179.92 = 429.92; 429.92 + 900 = 1,329.92.
        let cash: Vec<_> = s.months.iter().map(|m| m.cash_flow_usd).collect();
        assert_eq!(cash, [d("554.92"), d("429.92"), d("1329.92")]);
        // Net −12,000 + 2,314.76 = −9,685.24: no payback.
        assert_eq!(s.net_cash_usd, d("-9685.24"));
        assert_eq!(s.payback_month, None);
        // Break-even: (10,000 − 3 × 179.92) / (875 − 100) = 9,460.24 / 775 = 12.2067612903...
        assert_eq!(
            roi.break_even_usd_per_token.unwrap().round_dp(10),
            d("12.2067612903")
        );
    }

    #[test]
    fn no_rewards_have_no_break_even() {
        let mut inputs = node();
        inputs.reward_tokens_per_month = Decimal::ZERO;
        inputs.hardware_usd = Decimal::ZERO;
        inputs.salvage_usd = Decimal::ZERO;
        let roi = operator_roi(&inputs).unwrap();
        assert_eq!(roi.break_even_usd_per_token, None);
        // Nothing invested: no ROI; every month earns the margin, so the cumulative cash
        // flow is never below 0: paid back at the start (month 0).
        assert_eq!(roi.scenarios[0].roi, None);
        assert_eq!(roi.scenarios[0].payback_month, Some(0));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut inputs = node();
        inputs.power.pue = d("0.9");
        inputs.annual_discount_rate = d("-1");
        inputs.scenarios = vec![
            flat("ok", "1"),
            TokenPriceScenario {
                name: String::new(),
                price: TokenPricePath::Curve {
                    start_usd_per_token: d("1"),
                    curve: Curve::Exponential {
                        annual_factor: Decimal::ZERO,
                    },
                },
            },
            TokenPriceScenario {
                name: String::new(),
                price: TokenPricePath::Series {
                    usd_per_token: vec![d("1"), d("-2")],
                },
            },
        ];
        let fields: Vec<_> = inputs
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            fields,
            [
                "power.pue",
                "annual_discount_rate",
                "scenarios[1].price.curve.annual_factor",
                "scenarios[2].price.usd_per_token[1]"
            ]
        );
        let mut inputs = node();
        inputs.months = 0;
        assert_eq!(operator_roi(&inputs).unwrap_err().field(), "months");
        inputs.months = 12;
        inputs.scenarios = vec![];
        assert_eq!(operator_roi(&inputs).unwrap_err().field(), "scenarios");
    }

    #[test]
    fn overflow_is_an_error() {
        let mut inputs = node();
        inputs.scenarios = vec![TokenPriceScenario {
            name: String::new(),
            price: TokenPricePath::Curve {
                start_usd_per_token: d("1"),
                curve: Curve::Exponential {
                    annual_factor: d("1000000"),
                },
            },
        }];
        inputs.months = 1200;
        // 10^6 a year for 100 years: the curve overflows.
        let err = operator_roi(&inputs).unwrap_err();
        assert_eq!(err.field(), "scenarios[0].price.curve.annual_factor");
        let mut inputs = node();
        inputs.reward_tokens_per_month = Decimal::MAX;
        inputs.scenarios = vec![flat("", "2")];
        let err = operator_roi(&inputs).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "reward_tokens_per_month")
        );
    }
}

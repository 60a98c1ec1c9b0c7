//! What a Monte Carlo run takes: the paths, the seed, the stopping rule, and the random
//! inputs with their parameters (formulas in the [module docs](super)). Every random input
//! is optional: left out, it stays at the scenario's own (deterministic) value.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::check::{Checker, Validate};
use crate::scenario::Scenario;
use crate::scenario::portfolio::Portfolio;

/// The most paths one run may have.
pub const MAX_PATHS: u32 = 1_000_000;

/// With a target standard error, the rule is checked after every this many paths.
pub const CHECK_EVERY_PATHS: u32 = 1_000;

/// A Monte Carlo run: a box (a scenario, with or without financing) or a portfolio of
/// boxes, and the options. Exactly one of `scenario` and `portfolio`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonteCarloInputs {
    /// The scenario, when the run is on one box.
    #[serde(default)]
    pub scenario: Option<Scenario>,
    /// The portfolio, when the run is on several boxes (market, SOFR and residual paths
    /// shared by all boxes; usage, customer defaults and curtailment drawn box by box).
    #[serde(default)]
    pub portfolio: Option<Portfolio>,
    /// Paths, seed, stopping rule and the random inputs.
    #[serde(default)]
    pub options: Options,
}

/// Paths, seed, stopping rule and the random inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Paths to run, 1 to [`MAX_PATHS`] (default 10,000); with a target standard error, the
    /// most paths to run.
    #[serde(default = "ten_thousand")]
    pub paths: u32,
    /// The seed: the same seed gives the same paths on every target (default 0).
    #[serde(default)]
    pub seed: u64,
    /// Stop at the first multiple of [`CHECK_EVERY_PATHS`] paths at which the standard error
    /// of the mean NPV is at most this many USD (greater than 0), or at `paths`. Default:
    /// run `paths` paths.
    #[serde(default)]
    pub target_standard_error_usd: Option<Decimal>,
    /// Bins of each histogram, 1 to 200 (default 20).
    #[serde(default = "twenty")]
    pub histogram_bins: u32,
    /// The random inputs (default none: every path is the deterministic one).
    #[serde(default)]
    pub stochastic: Stochastic,
}

const fn ten_thousand() -> u32 {
    10_000
}

const fn twenty() -> u32 {
    20
}

impl Default for Options {
    fn default() -> Self {
        Self {
            paths: ten_thousand(),
            seed: 0,
            target_standard_error_usd: None,
            histogram_bins: twenty(),
            stochastic: Stochastic::default(),
        }
    }
}

/// The random inputs; each one left out stays deterministic.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stochastic {
    /// The on-demand market's utilization (an inference-like segment: many small buyers,
    /// steady).
    #[serde(default)]
    pub market_utilization: Option<UtilizationProcess>,
    /// Each take-or-pay buyer's usage, a path of its own per contract (a training-like
    /// segment: bursty, with lulls).
    #[serde(default)]
    pub contract_usage: Option<UtilizationProcess>,
    /// The on-demand price, as a multiplier of the scenario's price path.
    #[serde(default)]
    pub price: Option<PriceProcess>,
    /// Residual value shocks when a new GPU generation ships.
    #[serde(default)]
    pub residual: Option<ResidualShocks>,
    /// Each contract's buyer defaulting, with a recovery.
    #[serde(default)]
    pub customer_default: Option<CustomerDefault>,
    /// Curtailment events (the grid cutting the site's power).
    #[serde(default)]
    pub curtailment: Option<CurtailmentEvents>,
    /// SOFR, for floating-rate debt.
    #[serde(default)]
    pub sofr: Option<SofrProcess>,
}

/// A mean-reverting utilization: `u = clamp(level × (1 + x), 0, 1) × lull`, with
/// `xₘ = (1 − κ)·xₘ₋₁ + σ·εₘ` from `x₀ = 0` (the scenario's level is the long-run mean).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UtilizationProcess {
    /// κ: the share of the gap to the long-run level closed each month, in [0, 1].
    pub mean_reversion_per_month: Decimal,
    /// σ: the monthly shock, a share of the level, in [0, 1].
    pub volatility_per_month: Decimal,
    /// Lulls: months in which demand stops (a training run ended), default none.
    #[serde(default)]
    pub lulls: Option<Lulls>,
}

/// A two-state chain between busy months and lulls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lulls {
    /// The chance that a busy month is followed by a lull, in [0, 1].
    pub start_probability_per_month: Decimal,
    /// The chance that a lull ends the next month, in [0, 1].
    pub end_probability_per_month: Decimal,
    /// Utilization in a lull, as a share of the busy utilization, in [0, 1].
    pub level: Decimal,
}

/// A price mean-reverting in logs: `multiplier = exp(y + regime)`,
/// `yₘ = (1 − κ)·yₘ₋₁ + σ·εₘ + jumpₘ` from `y₀ = 0`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceProcess {
    /// κ: the share of the log gap closed each month, in [0, 1].
    pub mean_reversion_per_month: Decimal,
    /// σ: the monthly log shock, in [0, 1].
    pub volatility_per_month: Decimal,
    /// Jumps (default none).
    #[serde(default)]
    pub jumps: Option<Jumps>,
    /// Regime shifts: a collapse (or a boom) that lasts (default none).
    #[serde(default)]
    pub regimes: Option<RegimeShift>,
}

/// Price jumps: in a month with a jump, `y` moves by a normal log size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jumps {
    /// The chance of a jump in a month, in [0, 1].
    pub probability_per_month: Decimal,
    /// The mean log size, between −5 and 5 (−0.3: a 26 % drop).
    pub mean_log_size: Decimal,
    /// The log size's standard deviation, in [0, 1].
    pub log_size_volatility: Decimal,
}

/// A second price regime: while in it, the log price is `log_level` away from the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegimeShift {
    /// The regime's log level, between −5 and 5 (−1.5: 22 % of the price, as $8 → $1.70).
    pub log_level: Decimal,
    /// The chance of entering the regime in a month, in [0, 1].
    pub start_probability_per_month: Decimal,
    /// The chance of leaving it in a month, in [0, 1].
    pub end_probability_per_month: Decimal,
}

/// Value shocks at generation launches: at months `first_month`, `first_month +
/// every_months`, … the economic value is multiplied by `(1 − median_drop) × exp(σ·ε)`,
/// for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidualShocks {
    /// The first launch month (at least 1).
    pub first_month: u32,
    /// Months between launches (greater than 0).
    pub every_months: u32,
    /// The median share of value lost at a launch, in [0, 1).
    pub median_drop: Decimal,
    /// σ of the log shock, in [0, 1].
    pub volatility: Decimal,
}

/// Buyers defaulting: each contract's buyer, independently, with a constant monthly hazard
/// `1 − (1 − annual_probability)^(1/12)` over its term (a prepaid buyer does not default:
/// what it owes is paid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerDefault {
    /// The chance of default within a year, in [0, 1].
    pub annual_probability: Decimal,
    /// The share of the remaining minimum payments recovered, paid in the month of the
    /// default, in [0, 1].
    pub recovery: Decimal,
}

/// Curtailment events: in each month, with `probability_per_month`, the grid cuts
/// `share_of_hours` of the month's hours (on top of the scenario's own curtailment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurtailmentEvents {
    /// The chance of an event in a month, in [0, 1].
    pub probability_per_month: Decimal,
    /// The share of the month's hours an event cuts, in [0, 1].
    pub share_of_hours: Decimal,
}

/// SOFR around the scenario's path (Vasicek, in levels):
/// `SOFRₘ = max(pathₘ + zₘ, floor)`, `zₘ = (1 − κ)·zₘ₋₁ + σ·εₘ` from `z₀ = 0`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SofrProcess {
    /// κ: the share of the gap to the path closed each month, in [0, 1].
    pub mean_reversion_per_month: Decimal,
    /// σ: the monthly shock in annual-rate units, in [0, 0.1] (0.0025: 25 basis points).
    pub volatility_per_month: Decimal,
    /// The lowest SOFR, greater than −1 (default none).
    #[serde(default)]
    pub floor_annual_rate: Option<Decimal>,
}

/// `n / 100`.
const fn hundredths(n: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, false, 2)
}

/// `−n / 100`.
const fn minus_hundredths(n: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, true, 2)
}

impl UtilizationProcess {
    /// A steady inference-like segment: κ 0.5, σ 5 %, no lulls.
    #[must_use]
    pub const fn inference() -> Self {
        Self {
            mean_reversion_per_month: hundredths(50),
            volatility_per_month: hundredths(5),
            lulls: None,
        }
    }

    /// A bursty training-like segment: κ 0.3, σ 10 %, lulls starting 5 % and ending 25 % of
    /// months (one month in six in a lull, for four months on average) at 30 % of the level.
    #[must_use]
    pub const fn training() -> Self {
        Self {
            mean_reversion_per_month: hundredths(30),
            volatility_per_month: hundredths(10),
            lulls: Some(Lulls {
                start_probability_per_month: hundredths(5),
                end_probability_per_month: hundredths(25),
                level: hundredths(30),
            }),
        }
    }
}

impl Stochastic {
    /// Every random input at the typical values of the [module docs](super): an inference
    /// market, training buyers, a price with jumps and collapses, launches every two years
    /// (a median 3 % step down, ± 8 %), 2 % annual buyer defaults recovering 40 %, 5 % of
    /// months curtailed by 10 %, SOFR moving 25 basis points a month.
    ///
    /// ```
    /// use gpuecon::montecarlo::Stochastic;
    /// let typical = Stochastic::typical();
    /// assert!(typical.price.is_some() && typical.sofr.is_some());
    /// ```
    #[must_use]
    pub fn typical() -> Self {
        Self {
            market_utilization: Some(UtilizationProcess::inference()),
            contract_usage: Some(UtilizationProcess::training()),
            price: Some(PriceProcess {
                mean_reversion_per_month: hundredths(5),
                volatility_per_month: hundredths(8),
                jumps: Some(Jumps {
                    probability_per_month: hundredths(2),
                    mean_log_size: minus_hundredths(30),
                    log_size_volatility: hundredths(20),
                }),
                regimes: Some(RegimeShift {
                    log_level: minus_hundredths(150),
                    start_probability_per_month: hundredths(1),
                    end_probability_per_month: hundredths(5),
                }),
            }),
            residual: Some(ResidualShocks {
                first_month: 12,
                every_months: 24,
                median_drop: hundredths(3),
                volatility: hundredths(8),
            }),
            customer_default: Some(CustomerDefault {
                annual_probability: hundredths(2),
                recovery: hundredths(40),
            }),
            curtailment: Some(CurtailmentEvents {
                probability_per_month: hundredths(5),
                share_of_hours: hundredths(10),
            }),
            sofr: Some(SofrProcess {
                mean_reversion_per_month: hundredths(5),
                volatility_per_month: Decimal::from_parts(25, 0, 0, false, 4),
                floor_annual_rate: Some(Decimal::ZERO),
            }),
        }
    }
}

impl Validate for MonteCarloInputs {
    fn check(&self, c: &mut Checker) {
        match (&self.scenario, &self.portfolio) {
            (Some(scenario), None) => c.nested("scenario", scenario),
            (None, Some(portfolio)) => c.nested("portfolio", portfolio),
            _ => c.problem("scenario", "give exactly one of scenario and portfolio"),
        }
        c.nested("options", &self.options);
    }
}

impl Validate for Options {
    fn check(&self, c: &mut Checker) {
        if self.paths == 0 || self.paths > MAX_PATHS {
            c.problem("paths", "must be between 1 and 1000000");
        }
        if let Some(target) = self.target_standard_error_usd {
            c.positive("target_standard_error_usd", target);
        }
        if self.histogram_bins == 0 || self.histogram_bins > 200 {
            c.problem("histogram_bins", "must be between 1 and 200");
        }
        c.nested("stochastic", &self.stochastic);
    }
}

impl Validate for Stochastic {
    fn check(&self, c: &mut Checker) {
        if let Some(p) = &self.market_utilization {
            c.nested("market_utilization", p);
        }
        if let Some(p) = &self.contract_usage {
            c.nested("contract_usage", p);
        }
        if let Some(p) = &self.price {
            c.nested("price", p);
        }
        if let Some(p) = &self.residual {
            c.nested("residual", p);
        }
        if let Some(p) = &self.customer_default {
            c.nested("customer_default", p);
        }
        if let Some(p) = &self.curtailment {
            c.nested("curtailment", p);
        }
        if let Some(p) = &self.sofr {
            c.nested("sofr", p);
        }
    }
}

impl Validate for UtilizationProcess {
    fn check(&self, c: &mut Checker) {
        c.fraction("mean_reversion_per_month", self.mean_reversion_per_month);
        c.fraction("volatility_per_month", self.volatility_per_month);
        if let Some(lulls) = &self.lulls {
            c.within("lulls", |c| {
                c.fraction(
                    "start_probability_per_month",
                    lulls.start_probability_per_month,
                );
                c.fraction("end_probability_per_month", lulls.end_probability_per_month);
                c.fraction("level", lulls.level);
            });
        }
    }
}

/// `−5 ≤ value ≤ 5`: a log level or size (a factor between 0.7 % and 148).
fn log_size(c: &mut Checker, field: &str, value: Decimal) {
    let five = Decimal::from(5);
    c.between(field, value, -five, five, "must be between -5 and 5");
}

impl Validate for PriceProcess {
    fn check(&self, c: &mut Checker) {
        c.fraction("mean_reversion_per_month", self.mean_reversion_per_month);
        c.fraction("volatility_per_month", self.volatility_per_month);
        if let Some(jumps) = &self.jumps {
            c.within("jumps", |c| {
                c.fraction("probability_per_month", jumps.probability_per_month);
                log_size(c, "mean_log_size", jumps.mean_log_size);
                c.fraction("log_size_volatility", jumps.log_size_volatility);
            });
        }
        if let Some(regimes) = &self.regimes {
            c.within("regimes", |c| {
                log_size(c, "log_level", regimes.log_level);
                c.fraction(
                    "start_probability_per_month",
                    regimes.start_probability_per_month,
                );
                c.fraction(
                    "end_probability_per_month",
                    regimes.end_probability_per_month,
                );
            });
        }
    }
}

impl Validate for ResidualShocks {
    fn check(&self, c: &mut Checker) {
        c.months("first_month", self.first_month);
        c.nonzero("every_months", self.every_months);
        if self.median_drop < Decimal::ZERO || self.median_drop >= Decimal::ONE {
            c.problem("median_drop", "must be at least 0 and below 1");
        }
        c.fraction("volatility", self.volatility);
    }
}

impl Validate for CustomerDefault {
    fn check(&self, c: &mut Checker) {
        c.fraction("annual_probability", self.annual_probability);
        c.fraction("recovery", self.recovery);
    }
}

impl Validate for CurtailmentEvents {
    fn check(&self, c: &mut Checker) {
        c.fraction("probability_per_month", self.probability_per_month);
        c.fraction("share_of_hours", self.share_of_hours);
    }
}

impl Validate for SofrProcess {
    fn check(&self, c: &mut Checker) {
        c.fraction("mean_reversion_per_month", self.mean_reversion_per_month);
        c.between(
            "volatility_per_month",
            self.volatility_per_month,
            Decimal::ZERO,
            Decimal::new(1, 1),
            "must be between 0 and 0.1",
        );
        if let Some(floor) = self.floor_annual_rate
            && floor <= Decimal::NEGATIVE_ONE
        {
            c.problem("floor_annual_rate", "must be greater than -1");
        }
    }
}

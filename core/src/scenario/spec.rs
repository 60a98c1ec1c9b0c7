//! The scenario format: what a fleet is, what it costs, how it is sold and how its value
//! falls. Its JSON and TOML forms use the same field names; decimals may be strings or
//! numbers; unknown fields are errors.

use serde::{Deserialize, Serialize};

use super::ScenarioError;
use super::energy::Energy;
use super::financing::{Financing, Repayment};
use crate::models::check::{Checker, Validate};
use crate::models::depreciation::{BookMethod, CascadeStage, Curve};
use crate::models::facility::LeaseInputs;
use crate::models::hosting::HostingInputs;
use crate::models::pricing::Spot;
use crate::models::take_or_pay::Contract;
use crate::models::{FacilityInputs, OperationsInputs, PowerInputs};
use crate::units::MAX_MONTHS;
use crate::{Date, Decimal};

/// A whole scenario.
///
/// ```
/// use gpuecon::scenario::Scenario;
/// let scenario = Scenario::from_json(r#"{
///   "start": "2026-01-01", "horizon_months": 36, "annual_discount_rate": "0.10",
///   "fleet": { "gpu": "H100 SXM", "gpus": 8, "capex_usd_per_gpu": "50000" },
///   "power": { "it_kw_per_gpu": "1.275", "idle_fraction": "0.12", "pue": "1.3", "usd_per_kwh": "0.08" },
///   "facility": { "contracted_kw_per_gpu": "1.275", "usd_per_kw_month": "190" },
///   "depreciation": { "method": { "kind": "straight_line" }, "life_years": "6" },
///   "residual": { "kind": "exponential", "annual_factor": "0.724" },
///   "market": { "on_demand_usd_per_gpu_hour": "6.155", "utilization": "0.6" }
/// }"#)?;
/// let report = gpuecon::scenario::evaluate(&scenario)?;
/// // 8 GPUs × 730 h × 60 % × $6.155 = $21,567.12 in the first month.
/// assert_eq!(report.months[0].revenue.on_demand_usd, "21567.12".parse().unwrap());
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A title for people (optional).
    #[serde(default)]
    pub title: String,
    /// The start date; month 1 is the month after it.
    pub start: Date,
    /// Months evaluated (1 to [`MAX_MONTHS`]).
    pub horizon_months: u32,
    /// Annual discount rate for NPV and the backlog's present value (0.10 for 10 %).
    pub annual_discount_rate: Decimal,
    /// The annual rate a MIRR finances negative flows at, reported when the cash flows
    /// change sign more than once (greater than −1; default `annual_discount_rate`).
    #[serde(default)]
    pub mirr_finance_rate: Option<Decimal>,
    /// The annual rate a MIRR reinvests positive flows at (greater than −1; default
    /// `annual_discount_rate`).
    #[serde(default)]
    pub mirr_reinvestment_rate: Option<Decimal>,
    /// The GPUs, bought at the start.
    pub fleet: Fleet,
    /// Electricity per GPU.
    pub power: PowerInputs,
    /// How the electricity is priced and cut: a monthly market price in USD per MWh, a
    /// power purchase agreement, curtailment and demand response (default none: every kWh
    /// at `power.usd_per_kwh`, nothing cut). See [`Energy`].
    #[serde(default)]
    pub energy: Option<Energy>,
    /// Colocation per GPU, on contracted kW.
    pub facility: FacilityInputs,
    /// A colocation or hyperscale lease (escalators; modified gross or triple-net) instead
    /// of `facility`'s flat $/kW-month, whose `usd_per_kw_month` must then be 0. Its months
    /// are the scenario's; its `annual_discount_rate` must be left out (the scenario's
    /// discounts). Default none.
    #[serde(default)]
    pub lease: Option<LeaseInputs>,
    /// A hosting agreement: the scenario is the host, paid by its tenant a fee per kW or a
    /// share of the tenant's revenue, with a minimum and SLA credits, from month 1 for its
    /// `months` (within the horizon). Default none.
    #[serde(default)]
    pub hosting: Option<HostingInputs>,
    /// Staff, support, software, insurance and SG&A.
    #[serde(default)]
    pub operations: OperationsInputs,
    /// The book depreciation of the fleet.
    pub depreciation: Depreciation,
    /// Economic value as a multiplier of the capex (1 at the start).
    pub residual: Curve,
    /// The GPUs not under a take-or-pay contract: reserved, on demand and spot.
    pub market: Market,
    /// Take-or-pay contracts, each on GPUs of its own.
    #[serde(default)]
    pub contracts: Vec<ContractLine>,
    /// Whether the fleet is sold at its economic value at the end of the horizon (a cash
    /// inflow in the last month). Default true.
    #[serde(default = "yes")]
    pub sell_at_horizon: bool,
    /// Whether GPUs on the market are sold from the end of the month before their
    /// economic end of life (the first month an on-demand GPU-hour earns less than its
    /// cash cost: [`economic_end_of_life`](crate::models::depreciation::economic_end_of_life)).
    /// Default false.
    #[serde(default)]
    pub retire_when_uneconomic: bool,
    /// The month from which GPUs on the market are retired, stated instead of computed
    /// (1 to `horizon_months`; default none): sold from the end of the month before, as
    /// with `retire_when_uneconomic`, which it overrides. A Monte Carlo path keeps the
    /// deterministic scenario's retirement month this way.
    #[serde(default)]
    pub retire_from_month: Option<u32>,
    /// The share of the economic value a sale before the horizon loses to brokers,
    /// de-installation and shipping, in [0, 1] (default 0; an assumption, 5-10 % is
    /// typical for used GPUs): applied to `after_contract: sell` and to retirement.
    #[serde(default)]
    pub selling_cost_share: Decimal,
    /// Debt secured by the GPUs and the contracts, making the scenario a box (an SPV):
    /// see [`Financing`]. Default none.
    #[serde(default)]
    pub financing: Option<Financing>,
}

const fn yes() -> bool {
    true
}

/// The fleet: how many GPUs of which SKU, at what all-in price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fleet {
    /// The SKU's exact name in the catalog (`"H100 SXM"`), for people; optional.
    #[serde(default)]
    pub gpu: String,
    /// Number of GPUs (greater than 0).
    pub gpus: Decimal,
    /// All-in capex per GPU in USD (at least 0), paid on delivery.
    pub capex_usd_per_gpu: Decimal,
    /// The delivery schedule: shares of the fleet delivered and paid for, entry 0 at the
    /// close and entry `k` at the end of month `k` (in service from month `k + 1`). Each in
    /// [0, 1], the first above 0, together exactly 1, at most `horizon_months` entries.
    /// Default: the whole fleet at the close. A financed scenario draws its loan on the
    /// same schedule.
    #[serde(default)]
    pub deliveries: Vec<Decimal>,
    /// The share of the capex a buyer of used GPUs pays for, in [0, 1] (default 1): the
    /// GPUs (and server) resell; network, installation and the rest of the all-in capex
    /// do not. The economic value is `capex × resellable_share × residual`.
    #[serde(default = "one")]
    pub resellable_share: Decimal,
}

const fn one() -> Decimal {
    Decimal::ONE
}

/// Book depreciation: the method, the life and the salvage value per GPU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Depreciation {
    /// Straight line, declining balance, SYD, VDB, MACRS or units of production.
    pub method: BookMethod,
    /// Book life in years.
    pub life_years: Decimal,
    /// Salvage value per GPU in USD (default 0).
    #[serde(default)]
    pub salvage_usd_per_gpu: Decimal,
}

/// How the GPUs outside the take-or-pay contracts are sold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// The on-demand price per GPU-hour at the start.
    pub on_demand_usd_per_gpu_hour: Decimal,
    /// The on-demand price path as a multiplier of the start price (default constant).
    #[serde(default)]
    pub price_curve: Curve,
    /// Billed utilization of the on-demand GPUs, in [0, 1].
    pub utilization: Decimal,
    /// Reserved capacity, billed every hour of its term at a discount to the on-demand
    /// price at its start.
    #[serde(default)]
    pub reserved: Vec<Reservation>,
    /// Spot sales from idle on-demand hours (none by default).
    #[serde(default)]
    pub spot: Option<Spot>,
    /// The cascade: when given, its stages set the on-demand price and utilization month
    /// by month instead of `on_demand_usd_per_gpu_hour`, `price_curve` and `utilization`.
    #[serde(default)]
    pub cascade: Vec<CascadeStage>,
}

/// A block of reserved GPUs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// Number of GPUs reserved (greater than 0).
    pub gpus: Decimal,
    /// The first month of the term (at least 1).
    pub start_month: u32,
    /// Length of the term in months (greater than 0).
    pub term_months: u32,
    /// Discount to the on-demand price at `start_month`, in [0, 1] (public 1-year
    /// discounts 25-41 %, 3-year 49-64 %).
    pub discount: Decimal,
}

/// A take-or-pay contract and the usage expected of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractLine {
    /// The contract's terms.
    pub contract: Contract,
    /// The buyer's expected usage as a share of the contract's GPU-hours, in [0, 1]:
    /// usage = gpus × 730 × share each month of the term.
    pub usage_share: Decimal,
    /// The usage share month by month (month 1 first), each in [0, 1], replacing
    /// `usage_share` in the months it covers: a forecast, or one Monte Carlo path
    /// ([`montecarlo::replay`](crate::montecarlo::replay)). Default none.
    #[serde(default)]
    pub usage_share_by_month: Vec<Decimal>,
    /// The buyer, for a portfolio's concentration of revenue (default: the contract's
    /// name).
    #[serde(default)]
    pub customer: String,
    /// The share of the contract's value (its minimum payments over the term, the backlog
    /// at the start) the buyer pays up front, in [0, 1] (default 0). It is cash at the
    /// close; the revenue is still billed month by month, and the prepayment is applied
    /// against it in equal parts over the months the contract serves (the last part takes
    /// the rounding, and whatever remains at the end of the horizon is applied in its last
    /// month).
    #[serde(default)]
    pub prepaid_share: Decimal,
    /// What its GPUs do after its last month (default `remarket`).
    #[serde(default)]
    pub after_contract: AfterContract,
}

/// What a contract's GPUs do once it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterContract {
    /// They join the market: sold on demand at the market's price curve and utilization
    /// (the default).
    #[default]
    Remarket,
    /// They are sold at the end of the contract's term (a termination does not move it),
    /// at the fleet's economic value per GPU less `selling_cost_share` (unless the term
    /// ends in the horizon's last month, when `sell_at_horizon` decides).
    Sell,
    /// After the term they stay in the fleet, paying their costs, sold to no one.
    Idle,
}

impl Scenario {
    /// Reads a scenario from JSON.
    ///
    /// # Errors
    /// [`ScenarioError::Parse`] with the parser's message (line and column).
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        serde_json::from_str(text).map_err(|e| ScenarioError::Parse {
            message: e.to_string(),
        })
    }

    /// Reads a scenario from TOML (feature `toml`, on by default).
    ///
    /// ```
    /// use gpuecon::{presets, scenario::Scenario};
    /// let cluster = presets::get("h100-cluster-1024")?.unwrap().scenario.unwrap();
    /// let text = cluster.to_toml()?;
    /// assert!(text.contains("horizon_months = 72"));
    /// assert_eq!(Scenario::from_toml(&text)?, cluster);
    /// # Ok::<(), gpuecon::scenario::ScenarioError>(())
    /// ```
    ///
    /// # Errors
    /// [`ScenarioError::Parse`] with the parser's message.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Self, ScenarioError> {
        toml::from_str(text).map_err(|e| ScenarioError::Parse {
            message: e.to_string(),
        })
    }

    /// Writes the scenario as TOML (feature `toml`).
    ///
    /// # Errors
    /// [`ScenarioError::Parse`] if a value has no TOML form.
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String, ScenarioError> {
        toml::to_string(self).map_err(|e| ScenarioError::Parse {
            message: e.to_string(),
        })
    }

    /// Every problem with the scenario, each with its path; `Ok(())` when there is none:
    /// each section's own domain (shares in [0, 1], counts above 0, …) and what the
    /// sections cannot hold together (whole GPUs, contracts and reservations within the
    /// fleet in every month, commitments within their GPUs' hours, a lease that holds the
    /// critical IT load: see the `consistency` checks in the module docs).
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] listing all problems.
    pub fn check_all(&self) -> Result<(), ScenarioError> {
        let problems = self.validate();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ScenarioError::Invalid { problems })
        }
    }
}

impl Validate for Scenario {
    fn check(&self, c: &mut Checker) {
        let zero = Decimal::ZERO;
        if self.horizon_months == 0 || self.horizon_months > MAX_MONTHS {
            c.problem("horizon_months", "must be between 1 and 1200");
        }
        for (field, rate) in [
            ("annual_discount_rate", Some(self.annual_discount_rate)),
            ("mirr_finance_rate", self.mirr_finance_rate),
            ("mirr_reinvestment_rate", self.mirr_reinvestment_rate),
        ] {
            if rate.is_some_and(|r| r <= Decimal::NEGATIVE_ONE) {
                c.problem(field, "must be greater than -1");
            }
        }
        c.within("fleet", |c| {
            c.positive("gpus", self.fleet.gpus);
            c.at_least("capex_usd_per_gpu", self.fleet.capex_usd_per_gpu, zero);
            c.fraction("resellable_share", self.fleet.resellable_share);
            check_deliveries(c, &self.fleet.deliveries, self.horizon_months);
        });
        c.nested("power", &self.power);
        if let Some(energy) = &self.energy {
            c.nested("energy", energy);
            if !energy.market_usd_per_mwh.is_empty() && !self.power.usd_per_kwh.is_zero() {
                c.problem(
                    "power.usd_per_kwh",
                    "must be 0 when energy.market_usd_per_mwh is given (the series sets the price)",
                );
            }
        }
        c.nested("facility", &self.facility);
        if let Some(lease) = &self.lease {
            c.nested("lease", lease);
            if lease.annual_discount_rate.is_some() {
                c.problem(
                    "lease.annual_discount_rate",
                    "must be left out (the scenario's annual_discount_rate discounts)",
                );
            }
            if !self.facility.usd_per_kw_month.is_zero() {
                c.problem(
                    "facility.usd_per_kw_month",
                    "must be 0 when a lease is given (the lease sets the rent)",
                );
            }
        }
        if let Some(hosting) = &self.hosting {
            c.nested("hosting", hosting);
            if hosting.months > self.horizon_months {
                c.problem("hosting.months", "must not end after the horizon");
            }
            if hosting.host_cost.is_some() {
                c.problem(
                    "hosting.host_cost",
                    "must be left out: a scenario's own costs (power, facility, operations) are the host's",
                );
            }
        }
        c.nested("operations", &self.operations);
        c.within("depreciation", |c| {
            let d = &self.depreciation;
            c.positive("life_years", d.life_years);
            c.between(
                "salvage_usd_per_gpu",
                d.salvage_usd_per_gpu,
                zero,
                self.fleet.capex_usd_per_gpu.max(zero),
                "must be between 0 and the capex",
            );
            c.nested("method", &d.method);
        });
        c.nested("residual", &self.residual);
        c.nested("market", &self.market);
        c.each("contracts", &self.contracts);
        c.fraction("selling_cost_share", self.selling_cost_share);
        if let Some(month) = self.retire_from_month
            && (month == 0 || month > self.horizon_months)
        {
            c.problem("retire_from_month", "must be between 1 and horizon_months");
        }
        if let Some(financing) = &self.financing {
            c.nested("financing", financing);
            if financing.tenor_months > self.horizon_months {
                c.problem("financing.tenor_months", "must not end after the horizon");
            }
            if u32::try_from(self.fleet.deliveries.len()).unwrap_or(u32::MAX)
                > financing.tenor_months
            {
                c.problem(
                    "fleet.deliveries",
                    "must end before financing.tenor_months (the loan draws on them)",
                );
            }
            // Sculpted service before the last draw would repay draws not yet made.
            let last_delivery = self
                .fleet
                .deliveries
                .iter()
                .rposition(|share| !share.is_zero())
                .and_then(|row| u32::try_from(row).ok())
                .unwrap_or_default();
            if financing.repayment == Repayment::Sculpted
                && financing.capitalize_until_month < last_delivery
            {
                c.problem(
                    "financing.capitalize_until_month",
                    "must reach the month of the last delivery: a sculpted loan services nothing before its last draw",
                );
            }
            // Lenders do not lend past the contracts that repay them (docs/domain.md 8a).
            let contracted_until = self
                .contracts
                .iter()
                .map(|l| l.contract.last_month())
                .chain(self.hosting.as_ref().map(|h| h.months))
                .max()
                .unwrap_or_default();
            if !financing.allow_merchant_tail && financing.tenor_months > contracted_until {
                c.problem(
                    "financing.tenor_months",
                    "must not run past the last contract or hosting agreement (set financing.allow_merchant_tail to lend on merchant cash flow)",
                );
            }
        }
        self.check_consistency(c);
    }
}

impl Reservation {
    /// Whether `month` is within the reservation's term.
    #[must_use]
    pub fn is_active(&self, month: u32) -> bool {
        month >= self.start_month && month - self.start_month < self.term_months
    }
}

impl Validate for Market {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "on_demand_usd_per_gpu_hour",
            self.on_demand_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.nested("price_curve", &self.price_curve);
        c.fraction("utilization", self.utilization);
        c.each("reserved", &self.reserved);
        if let Some(spot) = &self.spot {
            c.nested("spot", spot);
        }
        c.each("cascade", &self.cascade);
    }
}

impl Validate for Reservation {
    fn check(&self, c: &mut Checker) {
        c.positive("gpus", self.gpus);
        if self.start_month == 0 {
            c.problem("start_month", "must be at least 1");
        }
        c.nonzero("term_months", self.term_months);
        c.fraction("discount", self.discount);
    }
}

impl Validate for ContractLine {
    fn check(&self, c: &mut Checker) {
        c.nested("contract", &self.contract);
        c.fraction("usage_share", self.usage_share);
        for (i, share) in self.usage_share_by_month.iter().enumerate() {
            c.fraction(&format!("usage_share_by_month[{i}]"), *share);
        }
        c.fraction("prepaid_share", self.prepaid_share);
    }
}

impl ContractLine {
    /// The usage share in `month` (1 first): `usage_share_by_month`'s value, else
    /// `usage_share`.
    #[must_use]
    pub fn usage_share_in(&self, month: u32) -> Decimal {
        month
            .checked_sub(1)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.usage_share_by_month.get(i))
            .copied()
            .unwrap_or(self.usage_share)
    }
}

/// Records every problem with a delivery schedule (paths under `fleet`).
fn check_deliveries(c: &mut Checker, deliveries: &[Decimal], horizon_months: u32) {
    if deliveries.is_empty() {
        return;
    }
    let mut total = Some(Decimal::ZERO);
    for (i, share) in deliveries.iter().enumerate() {
        c.fraction(&format!("deliveries[{i}]"), *share);
        total = total.and_then(|t| t.checked_add(*share));
    }
    if deliveries.first().is_some_and(|first| first.is_zero()) {
        c.problem(
            "deliveries[0]",
            "must be greater than 0 (GPUs in service in month 1)",
        );
    }
    if total != Some(Decimal::ONE) {
        c.problem("deliveries", "must add up to 1");
    }
    if u32::try_from(deliveries.len()).unwrap_or(u32::MAX) > horizon_months {
        c.problem(
            "deliveries",
            "must not have more entries than horizon_months",
        );
    }
}

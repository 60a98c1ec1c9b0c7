//! [`Terms`]: what the measured GPUs are sold for and what their power and ownership
//! cost (a price, or a scenario's first contract or market).

use serde::Serialize;

use crate::Decimal;
use crate::models::check::{Checker, Validate};
use crate::models::{CapitalInputs, FacilityInputs, OperationsInputs};
use crate::scenario::{Scenario, ScenarioError};

/// How the GPUs' hours are billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Billing {
    /// Every hour is billed, used or not (reserved capacity, take-or-pay contracts, a GPU
    /// rented by the hour): billed utilization 1.
    Reserved,
    /// Only the hours used are billed (on demand, per job): billed utilization = the
    /// measured activity.
    Usage,
}

/// What the GPUs are sold for and what their power costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Terms {
    /// The price per billed GPU-hour in USD.
    pub price_usd_per_gpu_hour: Decimal,
    /// How hours are billed.
    pub billing: Billing,
    /// The price of electricity in USD per kWh.
    pub usd_per_kwh: Decimal,
    /// Power usage effectiveness (facility energy ÷ IT energy, at least 1).
    pub pue: Decimal,
    /// The utilization the contract or plan assumed, in [0, 1] (a contract's
    /// `usage_share`, a market's `utilization`).
    pub assumed_utilization: Option<Decimal>,
    /// Capex per GPU in USD, for the yield on cost.
    pub capex_usd_per_gpu: Option<Decimal>,
    /// The owner's costs besides power, for the owner cost and margin.
    pub owner: Option<OwnerTerms>,
    /// Where the terms come from, for people.
    pub basis: String,
}

/// The owner's costs besides the measured power: capital, colocation and operations, as
/// the core's [`owner_cost`](crate::models::owner_cost) takes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerTerms {
    /// Capex, salvage, life, cost of capital and method.
    pub capital: CapitalInputs,
    /// Colocation on contracted kW (0 where not given).
    pub facility: FacilityInputs,
    /// Staff, support, software, insurance and SG&A (0 where not given).
    pub operations: OperationsInputs,
}

impl OwnerTerms {
    /// Capital recovery only: `capex` over `life_years` at `annual_rate`, no salvage, no
    /// facility or operations cost (what `--capex --life --rate` give).
    ///
    /// ```
    /// use gpuecon::live::OwnerTerms;
    /// use gpuecon::Decimal;
    /// let owner = OwnerTerms::capital_only(Decimal::from(30_000), Decimal::from(5), Decimal::new(10, 2));
    /// assert_eq!(owner.capital.salvage_usd_per_gpu, Decimal::ZERO);
    /// assert_eq!(owner.facility.usd_per_kw_month, Decimal::ZERO);
    /// ```
    #[must_use]
    pub fn capital_only(
        capex_usd_per_gpu: Decimal,
        life_years: Decimal,
        annual_rate: Decimal,
    ) -> Self {
        Self {
            capital: CapitalInputs {
                capex_usd_per_gpu,
                salvage_usd_per_gpu: Decimal::ZERO,
                life_years,
                annual_rate,
                method: crate::models::CapitalMethod::default(),
            },
            facility: FacilityInputs {
                contracted_kw_per_gpu: Decimal::ZERO,
                usd_per_kw_month: Decimal::ZERO,
            },
            operations: OperationsInputs::default(),
        }
    }
}

impl Validate for Terms {
    fn check(&self, c: &mut Checker) {
        c.at_least(
            "price_usd_per_gpu_hour",
            self.price_usd_per_gpu_hour,
            Decimal::ZERO,
        );
        c.at_least("usd_per_kwh", self.usd_per_kwh, Decimal::ZERO);
        c.at_least("pue", self.pue, Decimal::ONE);
        if let Some(assumed) = self.assumed_utilization {
            c.fraction("assumed_utilization", assumed);
        }
        if let Some(capex) = self.capex_usd_per_gpu {
            c.positive("capex_usd_per_gpu", capex);
        }
        if let Some(owner) = &self.owner {
            c.nested("owner.capital", &owner.capital);
            c.nested("owner.facility", &owner.facility);
            c.nested("owner.operations", &owner.operations);
        }
    }
}

impl Terms {
    /// A price per GPU-hour, billed every hour, with the power price and PUE.
    ///
    /// ```
    /// use gpuecon::live::{Billing, Terms};
    /// use gpuecon::Decimal;
    /// let terms = Terms::new(Decimal::new(250, 2), Decimal::new(8, 2), Decimal::new(13, 1));
    /// assert_eq!(terms.billing, Billing::Reserved);
    /// assert!(terms.checked().is_ok());
    /// ```
    #[must_use]
    pub fn new(price_usd_per_gpu_hour: Decimal, usd_per_kwh: Decimal, pue: Decimal) -> Self {
        Self {
            price_usd_per_gpu_hour,
            billing: Billing::Reserved,
            usd_per_kwh,
            pue,
            assumed_utilization: None,
            capex_usd_per_gpu: None,
            owner: None,
            basis: format!("${price_usd_per_gpu_hour} per GPU-hour"),
        }
    }

    /// The terms of a scenario: its first take-or-pay contract (price, billed every hour,
    /// `usage_share` assumed), or without one its market (the on-demand price or the first
    /// cascade stage's, billed on usage, its utilization assumed); its power price, PUE and
    /// capex per GPU; the owner's other costs: capital recovery of the capex less salvage
    /// over the depreciation life at the scenario's discount rate, its facility and its
    /// operations (an assumption: a lease or hosting arrangement is not read).
    ///
    /// ```
    /// use gpuecon::live::{Billing, Terms};
    /// let preset = gpuecon::presets::get("h100-node-on-demand").unwrap().unwrap();
    /// let terms = Terms::from_scenario(preset.scenario.as_ref().unwrap());
    /// assert_eq!(terms.billing, Billing::Usage);
    /// assert_eq!(terms.price_usd_per_gpu_hour.to_string(), "2.99");
    /// assert_eq!(terms.assumed_utilization.unwrap().to_string(), "0.60");
    /// ```
    #[must_use]
    pub fn from_scenario(scenario: &Scenario) -> Self {
        let capex =
            Some(scenario.fleet.capex_usd_per_gpu).filter(|c| c.is_sign_positive() && !c.is_zero());
        let (price, billing, assumed, basis) = if let Some(line) = scenario.contracts.first() {
            let c = &line.contract;
            let name = if c.name.is_empty() {
                "contracts[0]"
            } else {
                &c.name
            };
            (
                c.price_usd_per_gpu_hour,
                Billing::Reserved,
                line.usage_share,
                format!(
                    "contract {name}: ${} per GPU-hour, take-or-pay, usage share {} assumed",
                    c.price_usd_per_gpu_hour, line.usage_share
                ),
            )
        } else {
            let market = &scenario.market;
            let (price, utilization) = market.cascade.first().map_or(
                (market.on_demand_usd_per_gpu_hour, market.utilization),
                |stage| (stage.price_usd_per_gpu_hour, stage.utilization),
            );
            (
                price,
                Billing::Usage,
                utilization,
                format!(
                    "market: ${price} per GPU-hour on demand, utilization {utilization} assumed"
                ),
            )
        };
        let title = if scenario.title.is_empty() {
            String::new()
        } else {
            format!(" ({})", scenario.title)
        };
        Self {
            price_usd_per_gpu_hour: price,
            billing,
            usd_per_kwh: scenario.power.usd_per_kwh,
            pue: scenario.power.pue,
            assumed_utilization: Some(assumed),
            capex_usd_per_gpu: capex,
            owner: Some(OwnerTerms {
                capital: CapitalInputs {
                    capex_usd_per_gpu: scenario.fleet.capex_usd_per_gpu,
                    salvage_usd_per_gpu: scenario.depreciation.salvage_usd_per_gpu,
                    life_years: scenario.depreciation.life_years,
                    annual_rate: scenario.annual_discount_rate,
                    method: crate::models::CapitalMethod::default(),
                },
                facility: scenario.facility.clone(),
                operations: scenario.operations.clone(),
            }),
            basis: format!("{basis}{title}"),
        }
    }

    /// The terms, or every problem with them in one error.
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] listing each problem with its field, in field order.
    pub fn checked(self) -> Result<Self, ScenarioError> {
        let problems = self.validate();
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(ScenarioError::Invalid { problems })
        }
    }
}

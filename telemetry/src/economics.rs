//! Live economics: what the measured GPUs earn and cost an hour, computed by the core's
//! models (`gpuecon::models`), never here.
//!
//! Given [`Terms`] (a price per GPU-hour, or a contract or market from a scenario file; the
//! power price and PUE) and measured [`Rates`] (power, activity, SM activity):
//!
//! ```text
//! billed utilization   1 (billing "reserved": every hour of the GPU is sold, as reserved
//!                      and take-or-pay capacity is) or the measured activity (billing
//!                      "usage": the hours sold are the hours used)
//! revenue / h          price × billed                models::utilization::revenue_per_available_hour
//! power cost / h       kW × 1 × PUE × $/kWh          models::PowerInputs::usd_per_gpu_hour, with the
//!                      (kW = measured W ÷ 1000)      measured draw as it_kw and idle_fraction 1
//!                                                    (the draw is measured, not modelled)
//! margin / h           revenue − power cost          (over power: the cost the GPUs themselves tell)
//! power cost per billed, active and effective GPU-hour
//!                      power cost ÷ utilization      models::utilization::cost_per_utilized_hour
//!                                                    (None at 0)
//! activity vs assumed  measured activity ÷ the utilization the contract assumed
//! yield on cost        price × billed × 8760 ÷ capex  models::utilization::{annual_revenue, yield_on_cost}
//!                      (with a scenario's capex), measured and as assumed
//! owner's other costs  capital recovery, facility    models::owner_cost, with the owner's terms
//!   / h                and operations per available  (a scenario's fleet, facility and
//!                      GPU-hour                      operations, or --capex/--life/--rate)
//! owner cost / h       power cost + the above
//! owner margin / h     revenue − owner cost
//! owner cost per active GPU-hour
//!                      owner cost ÷ activity         models::utilization::cost_per_utilized_hour
//! ```
//!
//! Measurements cross into [`Decimal`] once, through `gpuecon::units::decimal_from_f64`
//! (the shortest decimal that round-trips), kept to a microwatt and to 1e-9 of a
//! utilization (far below the sensors' ±5 W and whole percent; it drops the float noise of
//! averages such as 350.90000000000003 W); utilizations are clamped to [0, 1] first (an
//! average may land a hair outside). Durations cross as seconds (exact for millisecond
//! timestamps) and become hours in [`Decimal`]. Amounts over a window are kept to
//! [`AMOUNT_DECIMAL_PLACES`] like the scenario report's. Every amount is `None` where an
//! input it needs is unknown.

use gpuecon::Decimal;
use gpuecon::models::check::{Checker, Validate};
use gpuecon::models::utilization::{
    annual_revenue, cost_per_utilized_hour, revenue_per_available_hour, yield_on_cost,
};
use gpuecon::models::{
    CapitalInputs, FacilityInputs, OperationsInputs, OwnerCostInputs, PowerInputs, UsageInputs,
    owner_cost,
};
use gpuecon::scenario::{AMOUNT_DECIMAL_PLACES, Scenario};
use gpuecon::units::{self, decimal_from_f64};
use serde::Serialize;

use crate::aggregate::{FleetWindow, GpuWindow};
use crate::{Error, GpuSnapshot};

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
/// the core's [`owner_cost`] takes them.
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
    /// use gpuecon_telemetry::economics::OwnerTerms;
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
                method: gpuecon::models::CapitalMethod::default(),
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
    /// use gpuecon_telemetry::economics::{Billing, Terms};
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
    /// use gpuecon_telemetry::economics::{Billing, Terms};
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
                    method: gpuecon::models::CapitalMethod::default(),
                },
                facility: scenario.facility.clone(),
                operations: scenario.operations.clone(),
            }),
            basis: format!("{basis}{title}"),
        }
    }

    /// The terms, or every problem with them in one error (`pue: must be at least 1; …`).
    ///
    /// # Errors
    /// [`Error::Economics`] listing each problem with its field.
    pub fn checked(self) -> Result<Self, Error> {
        let problems = self.validate();
        if problems.is_empty() {
            Ok(self)
        } else {
            let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
            Err(Error::Economics(all.join("; ")))
        }
    }
}

/// What was measured, per GPU: the inputs of the economics.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rates {
    /// Power draw in watts.
    pub power_w: Option<f64>,
    /// Activity utilization in [0, 1].
    pub activity: Option<f64>,
    /// Effective utilization (SM activity) in [0, 1].
    pub effective: Option<f64>,
}

impl Rates {
    /// The rates of one snapshot (activity: [`GpuSnapshot::activity_or_graphics`]).
    #[must_use]
    pub fn of_snapshot(snapshot: &GpuSnapshot) -> Self {
        Self {
            power_w: snapshot.power_w,
            activity: snapshot.activity_or_graphics(),
            effective: snapshot.sm_active_fraction,
        }
    }

    /// The mean rates of a GPU over a window.
    #[must_use]
    pub fn of_window(window: &GpuWindow) -> Self {
        Self {
            power_w: window.mean_power_w,
            activity: window.activity_fraction,
            effective: window.effective_fraction,
        }
    }

    /// The mean rates per GPU of a fleet over a window.
    #[must_use]
    pub fn of_fleet(window: &FleetWindow) -> Self {
        Self {
            power_w: window.mean_power_w_per_gpu,
            activity: window.activity_fraction,
            effective: window.effective_fraction,
        }
    }

    /// The mean of each rate over the GPUs that have it (the fleet's GPU at one moment).
    #[must_use]
    pub fn mean(all: &[Self]) -> Self {
        let mean = |f: fn(&Self) -> Option<f64>| {
            let known: Vec<f64> = all.iter().filter_map(f).collect();
            let count = u32::try_from(known.len()).ok().filter(|n| *n > 0)?;
            Some(known.iter().sum::<f64>() / f64::from(count))
        };
        Self {
            power_w: mean(|r| r.power_w),
            activity: mean(|r| r.activity),
            effective: mean(|r| r.effective),
        }
    }
}

/// One GPU's economics per hour (or the average GPU's, for a fleet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hourly {
    /// Commercial utilization: 1 for reserved billing, the activity for usage billing.
    pub billed_utilization: Option<Decimal>,
    /// Activity utilization, measured.
    pub activity_utilization: Option<Decimal>,
    /// Effective utilization (SM activity), measured.
    pub effective_utilization: Option<Decimal>,
    /// The measured draw in kW.
    pub power_kw: Option<Decimal>,
    /// `price × billed`.
    pub revenue_usd_per_hour: Option<Decimal>,
    /// `kW × PUE × $/kWh`.
    pub power_cost_usd_per_hour: Option<Decimal>,
    /// `revenue − power cost`.
    pub margin_usd_per_hour: Option<Decimal>,
    /// `power cost ÷ billed`; `None` when nothing is billed.
    pub power_cost_usd_per_billed_gpu_hour: Option<Decimal>,
    /// `power cost ÷ activity`: per hour a kernel ran; `None` at 0 activity.
    pub power_cost_usd_per_active_gpu_hour: Option<Decimal>,
    /// `power cost ÷ SM activity`; `None` at 0 or unknown.
    pub power_cost_usd_per_effective_gpu_hour: Option<Decimal>,
    /// The utilization the terms assumed.
    pub assumed_utilization: Option<Decimal>,
    /// `activity ÷ assumed utilization`: 1 is as assumed, 0.5 half of it.
    pub activity_vs_assumed: Option<Decimal>,
    /// `price × billed × 8760 ÷ capex`, with a capex.
    pub annualized_yield_on_cost: Option<Decimal>,
    /// The same at the assumed utilization (for usage billing; for reserved billing the
    /// billed hours do not depend on use, and it equals the measured one).
    pub assumed_annualized_yield_on_cost: Option<Decimal>,
    /// Capital recovery per hour (with the owner's terms).
    pub capital_usd_per_hour: Option<Decimal>,
    /// Colocation per hour (with the owner's terms).
    pub facility_usd_per_hour: Option<Decimal>,
    /// Staff, support, software, insurance and SG&A per hour (with the owner's terms).
    pub operations_usd_per_hour: Option<Decimal>,
    /// `power cost + capital + facility + operations`: what the GPU costs its owner an
    /// hour.
    pub owner_cost_usd_per_hour: Option<Decimal>,
    /// `revenue − owner cost`.
    pub owner_margin_usd_per_hour: Option<Decimal>,
    /// `owner cost ÷ activity`: the effective cost per utilized GPU-hour; `None` at 0.
    pub owner_cost_usd_per_active_gpu_hour: Option<Decimal>,
}

/// The owner's costs besides power per hour (capital, facility, operations), through the
/// core's [`owner_cost`]: every available hour, SG&A on `revenue`.
fn owner_items(terms: &Terms, owner: &OwnerTerms, revenue: Decimal) -> Result<[Decimal; 3], Error> {
    let cost = owner_cost(&OwnerCostInputs {
        capital: owner.capital.clone(),
        power: PowerInputs {
            it_kw_per_gpu: Decimal::ZERO, // the measured power is costed apart
            idle_fraction: Decimal::ONE,
            pue: terms.pue,
            usd_per_kwh: terms.usd_per_kwh,
        },
        facility: owner.facility.clone(),
        operations: owner.operations.clone(),
        usage: UsageInputs {
            utilization: Decimal::ONE,
            price_usd_per_gpu_hour: revenue,
        },
    })?;
    Ok([
        cost.capital_usd_per_gpu_hour,
        cost.facility_usd_per_gpu_hour,
        cost.operations_usd_per_gpu_hour,
    ])
}

/// A measured `f64` as a [`Decimal`] kept to `places`; `None` stays `None`.
fn decimal(value: Option<f64>, places: u32, field: &'static str) -> Result<Option<Decimal>, Error> {
    value
        .map(|v| Ok(units::keep(decimal_from_f64(v, field)?, places)))
        .transpose()
}

/// A measured utilization, clamped to [0, 1], as a [`Decimal`].
fn fraction(value: Option<f64>, field: &'static str) -> Result<Option<Decimal>, Error> {
    decimal(value.map(|v| v.clamp(0.0, 1.0)), 9, field)
}

/// Applies a fallible function to two known values.
fn both<T>(
    a: Option<Decimal>,
    b: Option<Decimal>,
    f: impl FnOnce(Decimal, Decimal) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    match (a, b) {
        (Some(a), Some(b)) => f(a, b).map(Some),
        _ => Ok(None),
    }
}

/// Yield on cost at `billed`, with the terms' capex.
fn annual_yield(terms: &Terms, billed: Option<Decimal>) -> Result<Option<Decimal>, Error> {
    both(billed, terms.capex_usd_per_gpu, |billed, capex| {
        let revenue = annual_revenue(terms.price_usd_per_gpu_hour, billed)?;
        Ok(yield_on_cost(revenue, capex)?)
    })
}

/// One GPU's economics per hour at `rates` (see the [module docs](self)).
///
/// # Errors
/// [`Error::Economics`] for invalid terms (the first problem) or an overflow.
///
/// # Example
/// An H100 drawing 631.95 W at 100 % activity, sold at $2.50 an hour, power at $0.08/kWh
/// with a PUE of 1.3:
///
/// ```
/// use gpuecon_telemetry::economics::{hourly, Rates, Terms};
/// use gpuecon::Decimal;
/// let terms = Terms::new(Decimal::new(250, 2), Decimal::new(8, 2), Decimal::new(13, 1));
/// let rates = Rates { power_w: Some(631.95), activity: Some(1.0), effective: None };
/// let h = hourly(&terms, &rates)?;
/// // 0.63195 kW × 1.3 × $0.08 = $0.0657228 an hour
/// assert_eq!(h.power_cost_usd_per_hour, Some("0.0657228".parse().unwrap()));
/// assert_eq!(h.margin_usd_per_hour, Some("2.4342772".parse().unwrap()));
/// assert_eq!(h.power_cost_usd_per_effective_gpu_hour, None); // SM activity unknown
/// # Ok::<(), gpuecon_telemetry::Error>(())
/// ```
pub fn hourly(terms: &Terms, rates: &Rates) -> Result<Hourly, Error> {
    terms.ensure_valid()?;
    let activity = fraction(rates.activity, "activity_fraction")?;
    let effective = fraction(rates.effective, "sm_active_fraction")?;
    let billed = match terms.billing {
        Billing::Reserved => Some(Decimal::ONE),
        Billing::Usage => activity,
    };
    let power_kw = decimal(rates.power_w, 6, "power_w")?
        .map(|w| units::div(w, Decimal::ONE_THOUSAND, "power_w"))
        .transpose()?;
    let revenue = billed
        .map(|b| revenue_per_available_hour(terms.price_usd_per_gpu_hour, b))
        .transpose()?;
    let power_cost = power_kw
        .map(|kw| {
            PowerInputs {
                it_kw_per_gpu: kw,
                idle_fraction: Decimal::ONE,
                pue: terms.pue,
                usd_per_kwh: terms.usd_per_kwh,
            }
            .usd_per_gpu_hour(Decimal::ONE)
        })
        .transpose()?;
    let per = |utilization: Option<Decimal>| {
        both(power_cost, utilization, |cost, u| {
            Ok(cost_per_utilized_hour(cost, u)?)
        })
        .map(Option::flatten)
    };
    let assumed_billed = match terms.billing {
        Billing::Reserved => Some(Decimal::ONE),
        Billing::Usage => terms.assumed_utilization,
    };
    let items = match (&terms.owner, revenue) {
        (Some(owner), Some(revenue)) => Some(owner_items(terms, owner, revenue)?),
        _ => None,
    };
    let owner_cost = match (items, power_cost) {
        (Some([capital, facility, operations]), Some(power)) => Some(units::add(
            units::add(power, capital, "owner_cost")?,
            units::add(facility, operations, "owner_cost")?,
            "owner_cost",
        )?),
        _ => None,
    };
    Ok(Hourly {
        billed_utilization: billed,
        activity_utilization: activity,
        effective_utilization: effective,
        power_kw,
        revenue_usd_per_hour: revenue,
        power_cost_usd_per_hour: power_cost,
        margin_usd_per_hour: both(revenue, power_cost, |r, c| Ok(units::sub(r, c, "margin")?))?,
        power_cost_usd_per_billed_gpu_hour: per(billed)?,
        power_cost_usd_per_active_gpu_hour: per(activity)?,
        power_cost_usd_per_effective_gpu_hour: per(effective)?,
        assumed_utilization: terms.assumed_utilization,
        activity_vs_assumed: both(
            activity,
            terms.assumed_utilization.filter(|a| !a.is_zero()),
            |a, b| Ok(units::div(a, b, "assumed_utilization")?),
        )?,
        annualized_yield_on_cost: annual_yield(terms, billed)?,
        assumed_annualized_yield_on_cost: annual_yield(terms, assumed_billed)?,
        capital_usd_per_hour: items.map(|[capital, _, _]| capital),
        facility_usd_per_hour: items.map(|[_, facility, _]| facility),
        operations_usd_per_hour: items.map(|[_, _, operations]| operations),
        owner_cost_usd_per_hour: owner_cost,
        owner_margin_usd_per_hour: both(revenue, owner_cost, |r, c| {
            Ok(units::sub(r, c, "owner_margin")?)
        })?,
        owner_cost_usd_per_active_gpu_hour: both(owner_cost, activity, |cost, a| {
            Ok(cost_per_utilized_hour(cost, a)?)
        })?
        .flatten(),
    })
}

/// Sums of known amounts: `None` if any is unknown (a fleet's margin is unknown while one
/// GPU's power is).
fn sum_all(
    values: impl IntoIterator<Item = Option<Decimal>>,
    field: &'static str,
) -> Result<Option<Decimal>, Error> {
    let mut total = Decimal::ZERO;
    for value in values {
        let Some(value) = value else { return Ok(None) };
        total = units::add(total, value, field)?;
    }
    Ok(Some(total))
}

/// The fleet's economics per hour: sums over its GPUs, and the average GPU's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FleetHourly {
    /// GPUs counted.
    pub gpus: u32,
    /// Σ revenue per hour; `None` if one GPU's is unknown.
    pub revenue_usd_per_hour: Option<Decimal>,
    /// Σ power cost per hour; `None` if one GPU's power is unknown.
    pub power_cost_usd_per_hour: Option<Decimal>,
    /// Σ margin per hour; `None` if one GPU's is unknown.
    pub margin_usd_per_hour: Option<Decimal>,
    /// Σ owner cost per hour; `None` if one GPU's is unknown or there are no owner terms.
    pub owner_cost_usd_per_hour: Option<Decimal>,
    /// Σ owner margin per hour; `None` as the owner cost.
    pub owner_margin_usd_per_hour: Option<Decimal>,
    /// The average GPU (the mean of each rate over the GPUs that have it).
    pub per_gpu: Hourly,
}

/// The fleet's economics per hour from each GPU's and the average GPU's.
///
/// # Errors
/// As [`hourly`].
pub fn fleet_hourly(terms: &Terms, gpus: &[Hourly], average: &Rates) -> Result<FleetHourly, Error> {
    Ok(FleetHourly {
        gpus: u32::try_from(gpus.len()).unwrap_or(u32::MAX),
        revenue_usd_per_hour: sum_all(gpus.iter().map(|g| g.revenue_usd_per_hour), "revenue")?,
        power_cost_usd_per_hour: sum_all(
            gpus.iter().map(|g| g.power_cost_usd_per_hour),
            "power_cost",
        )?,
        margin_usd_per_hour: sum_all(gpus.iter().map(|g| g.margin_usd_per_hour), "margin")?,
        owner_cost_usd_per_hour: sum_all(
            gpus.iter().map(|g| g.owner_cost_usd_per_hour),
            "owner_cost",
        )?,
        owner_margin_usd_per_hour: sum_all(
            gpus.iter().map(|g| g.owner_margin_usd_per_hour),
            "owner_margin",
        )?,
        per_gpu: hourly(terms, average)?,
    })
}

/// Amounts over a window: the hourly figures at the window's mean rates, times its hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverWindow {
    /// Hours in the window: its seconds ÷ 3600.
    pub hours: Decimal,
    /// The figures per hour at the window's mean rates.
    pub hourly: Hourly,
    /// `revenue per hour × hours`.
    pub revenue_usd: Option<Decimal>,
    /// `power cost per hour × hours`: the measured energy × PUE × $/kWh. `None` unless the
    /// energy of every hour is known.
    pub power_cost_usd: Option<Decimal>,
    /// `revenue − power cost`.
    pub margin_usd: Option<Decimal>,
    /// `power cost + (capital + facility + operations per hour) × hours`: what the GPU
    /// cost its owner over the window; `None` as the power cost, or without owner terms.
    pub owner_cost_usd: Option<Decimal>,
}

/// `seconds` (kept to the microsecond) as hours.
fn hours(seconds: f64) -> Result<Decimal, Error> {
    let seconds = units::keep(decimal_from_f64(seconds, "seconds")?, 6);
    Ok(units::div(seconds, Decimal::from(3600), "seconds")?)
}

/// An amount kept to [`AMOUNT_DECIMAL_PLACES`].
fn amount(value: Option<Decimal>) -> Option<Decimal> {
    value.map(|v| units::keep(v, AMOUNT_DECIMAL_PLACES))
}

/// The amounts over a window of `seconds`, at `rates`; the power cost only where the
/// energy of the whole window is known (`energy_complete`).
///
/// # Errors
/// As [`hourly`].
///
/// # Example
/// Half an hour at a mean 350.9 W, $2.50 an hour, $0.08/kWh, PUE 1.3:
/// ```
/// use gpuecon_telemetry::economics::{over_window, Rates, Terms};
/// use gpuecon::Decimal;
/// let terms = Terms::new(Decimal::new(250, 2), Decimal::new(8, 2), Decimal::new(13, 1));
/// let rates = Rates { power_w: Some(350.9), activity: Some(1.0), effective: None };
/// let w = over_window(&terms, &rates, 1800.0, true)?;
/// // revenue 2.50 × 0.5 = 1.25; power 0.3509 × 1.3 × 0.08 × 0.5 = 0.0182468
/// assert_eq!(w.revenue_usd, Some("1.25".parse().unwrap()));
/// assert_eq!(w.power_cost_usd, Some("0.0182468".parse().unwrap()));
/// # Ok::<(), gpuecon_telemetry::Error>(())
/// ```
pub fn over_window(
    terms: &Terms,
    rates: &Rates,
    seconds: f64,
    energy_complete: bool,
) -> Result<OverWindow, Error> {
    let hourly = hourly(terms, rates)?;
    let total = hours(seconds)?;
    let covered = energy_complete.then_some(total);
    let times = |per_hour: Option<Decimal>, span: Option<Decimal>| {
        both(per_hour, span, |a, h| Ok(units::mul(a, h, "hours")?))
    };
    let revenue = amount(times(hourly.revenue_usd_per_hour, Some(total))?);
    let power_cost = amount(times(hourly.power_cost_usd_per_hour, covered)?);
    let others = match (
        hourly.capital_usd_per_hour,
        hourly.facility_usd_per_hour,
        hourly.operations_usd_per_hour,
    ) {
        (Some(capital), Some(facility), Some(operations)) => Some(units::add(
            capital,
            units::add(facility, operations, "owner_cost")?,
            "owner_cost",
        )?),
        _ => None,
    };
    let owner_cost = both(power_cost, times(others, Some(total))?, |power, rest| {
        Ok(units::add(power, rest, "owner_cost")?)
    })?;
    Ok(OverWindow {
        owner_cost_usd: amount(owner_cost),
        hours: total,
        margin_usd: both(revenue, power_cost, |r, c| Ok(units::sub(r, c, "margin")?))?,
        revenue_usd: revenue,
        power_cost_usd: power_cost,
        hourly,
    })
}

/// The fleet over a window: the sums of its GPUs' amounts, and the average GPU's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FleetOverWindow {
    /// GPU-hours.
    pub gpu_hours: Decimal,
    /// Σ revenue.
    pub revenue_usd: Option<Decimal>,
    /// Σ power cost; `None` if one GPU's is unknown.
    pub power_cost_usd: Option<Decimal>,
    /// Σ margin; `None` if one GPU's is unknown.
    pub margin_usd: Option<Decimal>,
    /// Σ owner cost; `None` if one GPU's is unknown.
    pub owner_cost_usd: Option<Decimal>,
    /// The average GPU over the window, per hour.
    pub per_gpu: Hourly,
}

/// The fleet's amounts over a window from its GPUs'.
///
/// # Errors
/// As [`hourly`].
pub fn fleet_over_window(
    terms: &Terms,
    gpus: &[OverWindow],
    fleet: &FleetWindow,
) -> Result<FleetOverWindow, Error> {
    Ok(FleetOverWindow {
        gpu_hours: hours(fleet.gpu_seconds)?,
        revenue_usd: sum_all(gpus.iter().map(|g| g.revenue_usd), "revenue")?,
        power_cost_usd: sum_all(gpus.iter().map(|g| g.power_cost_usd), "power_cost")?,
        margin_usd: sum_all(gpus.iter().map(|g| g.margin_usd), "margin")?,
        owner_cost_usd: sum_all(gpus.iter().map(|g| g.owner_cost_usd), "owner_cost")?,
        per_gpu: hourly(terms, &Rates::of_fleet(fleet))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn terms() -> Terms {
        Terms::new(d("2.50"), d("0.08"), d("1.3"))
    }

    #[test]
    fn owner_cost_and_margin_by_hand() {
        // $30,000 over 5 years at 10 %: PMT = 30,000 × 0.1 ÷ (1 − 1.1⁻⁵) = $7,913.924424 a
        // year, ÷ 8760 = $0.903416030 an hour (tests/vectors style: Python fractions give
        // 0.903416030118991). Power: 0.7 kW × 1.3 × $0.08 = $0.0728 an hour.
        let mut terms = terms();
        terms.owner = Some(OwnerTerms::capital_only(d("30000"), d("5"), d("0.10")));
        let rates = Rates {
            power_w: Some(700.0),
            activity: Some(0.5),
            effective: None,
        };
        let h = hourly(&terms, &rates).unwrap();
        let close = |value: Option<Decimal>, expected: &str| {
            let error = (value.unwrap() - d(expected)).abs();
            assert!(error < d("0.000000001"), "{value:?} vs {expected}");
        };
        close(h.capital_usd_per_hour, "0.903416030118991");
        assert_eq!(h.facility_usd_per_hour, Some(Decimal::ZERO));
        assert_eq!(h.operations_usd_per_hour, Some(Decimal::ZERO));
        close(h.owner_cost_usd_per_hour, "0.976216030118991");
        // $2.50 − $0.976216… = $1.523783969881009
        close(h.owner_margin_usd_per_hour, "1.523783969881009");
        // ÷ 0.5 activity: $1.952432060237982 per active hour
        close(h.owner_cost_usd_per_active_gpu_hour, "1.952432060237982");
        // without owner terms, none of it
        let h = hourly(&self::terms(), &rates).unwrap();
        assert_eq!(h.owner_cost_usd_per_hour, None);
    }

    #[test]
    fn reserved_billing_by_hand() {
        let rates = Rates {
            power_w: Some(350.0),
            activity: Some(0.5),
            effective: Some(0.25),
        };
        let h = hourly(&terms(), &rates).unwrap();
        assert_eq!(h.billed_utilization, Some(Decimal::ONE));
        assert_eq!(h.revenue_usd_per_hour, Some(d("2.50")));
        // W → kW at the boundary: 350 W = 0.35 kW; × 1.3 × 0.08 = 0.0364
        assert_eq!(h.power_kw, Some(d("0.35")));
        assert_eq!(h.power_cost_usd_per_hour, Some(d("0.0364")));
        assert_eq!(h.margin_usd_per_hour, Some(d("2.4636")));
        // 0.0364 / 1, / 0.5, / 0.25
        assert_eq!(h.power_cost_usd_per_billed_gpu_hour, Some(d("0.0364")));
        assert_eq!(h.power_cost_usd_per_active_gpu_hour, Some(d("0.0728")));
        assert_eq!(h.power_cost_usd_per_effective_gpu_hour, Some(d("0.1456")));
        // no assumption, no capex: no comparison, no yield
        assert_eq!(
            (h.activity_vs_assumed, h.annualized_yield_on_cost),
            (None, None)
        );
    }

    #[test]
    fn usage_billing_with_an_assumption_and_a_capex() {
        let t = Terms {
            billing: Billing::Usage,
            assumed_utilization: Some(d("0.8")),
            capex_usd_per_gpu: Some(d("50000")),
            ..terms()
        };
        let rates = Rates {
            power_w: None,
            activity: Some(0.6),
            effective: None,
        };
        let h = hourly(&t, &rates).unwrap();
        // 2.50 × 0.6 = 1.50 an hour; power unknown: no cost, no margin (never 0)
        assert_eq!(h.revenue_usd_per_hour, Some(d("1.5")));
        assert_eq!(
            (h.power_cost_usd_per_hour, h.margin_usd_per_hour),
            (None, None)
        );
        // 0.6 / 0.8 = 0.75 of the assumed activity
        assert_eq!(h.activity_vs_assumed, Some(d("0.75")));
        // 1.50 × 8760 / 50,000 = 0.2628; assumed 2.00 × 8760 / 50,000 = 0.3504
        assert_eq!(h.annualized_yield_on_cost, Some(d("0.2628")));
        assert_eq!(h.assumed_annualized_yield_on_cost, Some(d("0.3504")));
    }

    #[test]
    fn idle_gpus_have_no_cost_per_active_hour_and_sensor_noise_is_clamped() {
        let rates = Rates {
            power_w: Some(70.0),
            activity: Some(0.0),
            effective: Some(1.000_000_000_000_2),
        };
        let h = hourly(&terms(), &rates).unwrap();
        assert_eq!(h.power_cost_usd_per_active_gpu_hour, None);
        assert_eq!(h.effective_utilization, Some(Decimal::ONE));
    }

    #[test]
    fn invalid_terms_name_every_field() {
        let bad = Terms {
            pue: d("0.9"),
            usd_per_kwh: d("-0.1"),
            assumed_utilization: Some(d("1.5")),
            ..terms()
        };
        let error = bad.checked().unwrap_err().to_string();
        assert!(error.starts_with("usd_per_kwh: "), "{error}");
        assert!(
            error.contains("; pue: ") && error.contains("; assumed_utilization: "),
            "{error}"
        );
    }

    #[test]
    fn a_contract_from_a_scenario() {
        let preset = gpuecon::presets::get("coreweave-core-scientific-hosting")
            .unwrap()
            .unwrap();
        let scenario = preset.scenario.unwrap();
        let line = &scenario.contracts[0];
        let t = Terms::from_scenario(&scenario);
        assert_eq!(t.billing, Billing::Reserved);
        assert_eq!(
            t.price_usd_per_gpu_hour,
            line.contract.price_usd_per_gpu_hour
        );
        assert_eq!(t.assumed_utilization, Some(line.usage_share));
        assert_eq!(t.pue, scenario.power.pue);
        assert!(t.basis.starts_with("contract "), "{}", t.basis);
    }

    #[test]
    fn fleet_sums_are_unknown_while_one_gpu_is() {
        let t = terms();
        let a = hourly(
            &t,
            &Rates {
                power_w: Some(100.0),
                activity: Some(1.0),
                effective: None,
            },
        )
        .unwrap();
        let b = hourly(
            &t,
            &Rates {
                power_w: None,
                activity: Some(0.0),
                effective: None,
            },
        )
        .unwrap();
        let rates = [
            Rates {
                power_w: Some(100.0),
                ..Rates::default()
            },
            Rates::default(),
        ];
        let fleet = fleet_hourly(&t, &[a, b], &Rates::mean(&rates)).unwrap();
        assert_eq!(fleet.revenue_usd_per_hour, Some(d("5.00")));
        assert_eq!(fleet.power_cost_usd_per_hour, None);
        assert_eq!(fleet.margin_usd_per_hour, None);
        // the average GPU: 100 W (the mean over the GPUs that have power)
        assert_eq!(fleet.per_gpu.power_kw, Some(d("0.1")));
    }
}

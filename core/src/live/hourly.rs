//! [`hourly`] and [`fleet_hourly`]: what a GPU, and a fleet, earn and cost an hour at a
//! reading (formulas in the [module docs](super)).

use serde::Serialize;

use super::convert::{both, decimal, fraction, sum_all};
use super::{Billing, GpuReading, OwnerTerms, Terms};
use crate::Decimal;
use crate::models::check::Validate;
use crate::models::utilization::{
    annual_revenue, cost_per_utilized_hour, revenue_per_available_hour, yield_on_cost,
};
use crate::models::{ModelError, OwnerCostInputs, PowerInputs, UsageInputs, owner_cost};
use crate::units;

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
fn owner_items(
    terms: &Terms,
    owner: &OwnerTerms,
    revenue: Decimal,
) -> Result<[Decimal; 3], ModelError> {
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

/// Yield on cost at `billed`, with the terms' capex.
fn annual_yield(terms: &Terms, billed: Option<Decimal>) -> Result<Option<Decimal>, ModelError> {
    both(billed, terms.capex_usd_per_gpu, |billed, capex| {
        let revenue = annual_revenue(terms.price_usd_per_gpu_hour, billed)?;
        yield_on_cost(revenue, capex)
    })
}

/// One GPU's economics per hour at `reading` (see the [module docs](crate::live)).
///
/// # Errors
/// [`ModelError`] for invalid terms (the first problem, by its field) or an overflow.
///
/// # Example
/// An H100 drawing 631.95 W at 100 % activity, sold at $2.50 an hour, power at $0.08/kWh
/// with a PUE of 1.3:
///
/// ```
/// use gpuecon::live::{hourly, GpuReading, Terms};
/// use gpuecon::Decimal;
/// let terms = Terms::new(Decimal::new(250, 2), Decimal::new(8, 2), Decimal::new(13, 1));
/// let reading = GpuReading { power_w: Some(631.95), activity_fraction: Some(1.0), ..GpuReading::default() };
/// let h = hourly(&terms, &reading)?;
/// // 0.63195 kW × 1.3 × $0.08 = $0.0657228 an hour
/// assert_eq!(h.power_cost_usd_per_hour, Some("0.0657228".parse().unwrap()));
/// assert_eq!(h.margin_usd_per_hour, Some("2.4342772".parse().unwrap()));
/// assert_eq!(h.power_cost_usd_per_effective_gpu_hour, None); // SM activity unknown
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn hourly(terms: &Terms, reading: &GpuReading) -> Result<Hourly, ModelError> {
    terms.ensure_valid()?;
    let activity = fraction(reading.activity_fraction, "activity_fraction")?;
    let effective = fraction(reading.effective_fraction, "sm_active_fraction")?;
    let billed = match terms.billing {
        Billing::Reserved => Some(Decimal::ONE),
        Billing::Usage => activity,
    };
    let power_kw = decimal(reading.power_w, 6, "power_w")?
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
            cost_per_utilized_hour(cost, u)
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
            cost_per_utilized_hour(cost, a)
        })?
        .flatten(),
    })
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
pub fn fleet_hourly(
    terms: &Terms,
    gpus: &[Hourly],
    average: &GpuReading,
) -> Result<FleetHourly, ModelError> {
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

//! [`over_window`] and [`fleet_over_window`]: the amounts over a span of measurement (the
//! hourly figures at the span's mean reading, times its hours).

use serde::Serialize;

use super::convert::{amount, both, hours, sum_all};
use super::{GpuReading, Hourly, Terms, hourly};
use crate::Decimal;
use crate::models::ModelError;
use crate::units;

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

/// The amounts over a window of `seconds`, at its mean `reading`; the power cost only where the
/// energy of the whole window is known (`energy_complete`).
///
/// # Errors
/// As [`hourly`].
///
/// # Example
/// Half an hour at a mean 350.9 W, $2.50 an hour, $0.08/kWh, PUE 1.3:
/// ```
/// use gpuecon::live::{over_window, GpuReading, Terms};
/// use gpuecon::Decimal;
/// let terms = Terms::new(Decimal::new(250, 2), Decimal::new(8, 2), Decimal::new(13, 1));
/// let reading = GpuReading { power_w: Some(350.9), activity_fraction: Some(1.0), ..GpuReading::default() };
/// let w = over_window(&terms, &reading, 1800.0, true)?;
/// // revenue 2.50 × 0.5 = 1.25; power 0.3509 × 1.3 × 0.08 × 0.5 = 0.0182468
/// assert_eq!(w.revenue_usd, Some("1.25".parse().unwrap()));
/// assert_eq!(w.power_cost_usd, Some("0.0182468".parse().unwrap()));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn over_window(
    terms: &Terms,
    reading: &GpuReading,
    seconds: f64,
    energy_complete: bool,
) -> Result<OverWindow, ModelError> {
    let hourly = hourly(terms, reading)?;
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

/// The fleet's amounts over a window from its GPUs', with the fleet's GPU-seconds and its
/// mean reading per GPU (the average GPU).
///
/// # Errors
/// As [`hourly`].
pub fn fleet_over_window(
    terms: &Terms,
    gpus: &[OverWindow],
    gpu_seconds: f64,
    average: &GpuReading,
) -> Result<FleetOverWindow, ModelError> {
    Ok(FleetOverWindow {
        gpu_hours: hours(gpu_seconds)?,
        revenue_usd: sum_all(gpus.iter().map(|g| g.revenue_usd), "revenue")?,
        power_cost_usd: sum_all(gpus.iter().map(|g| g.power_cost_usd), "power_cost")?,
        margin_usd: sum_all(gpus.iter().map(|g| g.margin_usd), "margin")?,
        owner_cost_usd: sum_all(gpus.iter().map(|g| g.owner_cost_usd), "owner_cost")?,
        per_gpu: hourly(terms, average)?,
    })
}

//! Retirement and the end of contracts: which GPUs leave the fleet, when, and for how much.
//!
//! ```text
//! after_contract = remarket   the contract's GPUs join the market (on-demand curve and
//!                             utilization) from the month after its last served (the
//!                             default)
//!                = sell       they are sold at the end of its term (before the horizon's
//!                             last month; a termination does not move it: the GPUs it
//!                             frees are on the market until then): proceeds = the fleet's economic value ×
//!                             sold ÷ delivered × (1 − selling_cost_share)
//!                = idle       after its term they stay, paying their costs, sold to no one
//!                             (GPUS_IDLE)
//! retire_from_month           E stated (overrides the next)
//! retire_when_uneconomic      E = economic_end_of_life on the market's price, curve and
//!                             utilization and the running cost below; from the end of
//!                             month E − 1 (at least month 1), every GPU that is on the
//!                             market the next month (in service, not contracted or
//!                             reserved) is sold as above
//! in service_m  = delivered_m − sold before month m
//! values        depreciation × in service ÷ delivered; book and economic value at the
//!               month's end × (in service − sold_m) ÷ delivered (sold pro rata across
//!               tranches)
//! running cost  per available GPU-hour at the market's utilization: power, facility
//!               (colocation, or the lease's highest monthly payment in the horizon
//!               shared by the fleet: the space is sublet once the GPUs are gone), staff,
//!               support, software and insurance; SG&A (a share of revenue) left out
//! lease after   once GPUs are sold, the lease's rent, taxes, insurance and maintenance
//! a sale        are borne × in service ÷ delivered (kept to 12 places): the space of the
//!               GPUs sold is sublet at its rent, as the running cost above assumes
//! ```

use super::deliveries::Deliveries;
use super::{AfterContract, Scenario};
use crate::Decimal;
use crate::models::ModelError;
use crate::models::depreciation::{EndOfLifeInputs, RunningCost, economic_end_of_life};
use crate::models::facility::lease_schedule;
use crate::units::{self, HOURS_PER_MONTH, HOURS_PER_YEAR};

/// The month from which GPUs on the market are retired: `retire_from_month`, else the
/// economic end of life when `retire_when_uneconomic`, else none.
///
/// # Errors
/// [`ModelError`] when the running cost overflows.
pub(crate) fn retirement_month(s: &Scenario) -> Result<Option<u32>, ModelError> {
    if s.retire_from_month.is_some() {
        return Ok(s.retire_from_month);
    }
    if s.retire_when_uneconomic {
        return end_of_life_month(s);
    }
    Ok(None)
}

/// GPUs idle after their contract (`after_contract: idle`), by month index (0 is month 1):
/// in service, off the market.
///
/// # Errors
/// [`ModelError`] when the fleet's or the contracts' GPUs overflow.
pub(crate) fn idle_gpus(s: &Scenario) -> Result<Vec<Decimal>, ModelError> {
    let deliveries = Deliveries::new(
        s.fleet.gpus,
        s.fleet.capex_usd_per_gpu,
        &s.fleet.deliveries,
        s.horizon_months,
    )?;
    Ok(Retirements::new(s, &deliveries)?.idle)
}

/// GPUs leaving the fleet or standing idle, by month index (0 is month 1).
pub(super) struct Retirements {
    /// GPUs sold at the end of an earlier month: out of service in month index `i`.
    retired: Vec<Decimal>,
    /// GPUs sold at the end of month index `i`.
    sold: Vec<Decimal>,
    /// GPUs kept idle after their contract in month index `i`.
    idle: Vec<Decimal>,
}

impl Retirements {
    /// The sales and idle GPUs of a valid scenario.
    pub(super) fn new(s: &Scenario, deliveries: &Deliveries) -> Result<Self, ModelError> {
        let h = s.horizon_months;
        let end = retirement_month(s)?;
        let n = usize::try_from(h).unwrap_or(usize::MAX);
        let (mut retired, mut sold, mut idle) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        // GPUs sold so far, and those of them that were idle (retired first).
        let (mut gone, mut idle_gone) = (Decimal::ZERO, Decimal::ZERO);
        let idle_in = |month: u32, idle_gone: Decimal| -> Result<Decimal, ModelError> {
            let declared = ended(s, AfterContract::Idle, |last| last < month)?;
            Ok(units::sub(declared, idle_gone, "contracts")?.max(Decimal::ZERO))
        };
        for month in 1..=h {
            retired.push(gone);
            idle.push(idle_in(month, idle_gone)?);
            let mut sale = Decimal::ZERO;
            if month < h {
                sale = ended(s, AfterContract::Sell, |last| last == month)?;
                if end.is_some_and(|e| month.saturating_add(1) >= e) {
                    let next = deliveries.in_service(usize::try_from(month).unwrap_or(usize::MAX));
                    let left =
                        units::sub(units::sub(next, gone, "fleet.gpus")?, sale, "fleet.gpus")?;
                    let free = units::sub(left, s.committed_gpus(month + 1), "fleet.gpus")?
                        .max(Decimal::ZERO);
                    let idle_sold = idle_in(month + 1, idle_gone)?.min(free);
                    idle_gone = units::add(idle_gone, idle_sold, "contracts")?;
                    sale = units::add(sale, free, "fleet.gpus")?;
                }
            }
            gone = units::add(gone, sale, "fleet.gpus")?;
            sold.push(sale);
        }
        Ok(Self {
            retired,
            sold,
            idle,
        })
    }

    /// GPUs sold before month index `i` (out of service in it).
    pub(super) fn retired(&self, i: usize) -> Decimal {
        self.retired.get(i).copied().unwrap_or_default()
    }

    /// GPUs sold at the end of month index `i`.
    pub(super) fn sold(&self, i: usize) -> Decimal {
        self.sold.get(i).copied().unwrap_or_default()
    }

    /// GPUs idle after their contract in month index `i`.
    pub(super) fn idle(&self, i: usize) -> Decimal {
        self.idle.get(i).copied().unwrap_or_default()
    }

    /// Whether no GPU is ever sold before the horizon.
    pub(super) fn none_sold(&self) -> bool {
        self.sold.iter().all(Decimal::is_zero)
    }
}

/// The GPUs of the contracts that end as `after` and whose last month passes `test`.
fn ended(
    s: &Scenario,
    after: AfterContract,
    test: impl Fn(u32) -> bool,
) -> Result<Decimal, ModelError> {
    s.contracts
        .iter()
        .filter(|l| l.after_contract == after && test(l.contract.end_month()))
        .try_fold(Decimal::ZERO, |sum, l| {
            Ok(units::add(sum, l.contract.gpus, "contracts")?)
        })
}

/// The cash cost of keeping one GPU running an available hour, at the market's
/// utilization: power, facility (colocation, or the lease's highest monthly payment within
/// the horizon shared by the fleet: the space is taken to be sublet once the GPUs are gone) and operations (staff, support, software, insurance); SG&A, a share of revenue,
/// is left out.
fn running_cost(s: &Scenario) -> Result<RunningCost, ModelError> {
    let o = &s.operations;
    let facility = match &s.lease {
        Some(lease) => {
            let schedule = lease_schedule(lease).map_err(|e| e.within("lease"))?;
            let highest = schedule
                .months
                .iter()
                .filter(|m| m.month <= s.horizon_months)
                .map(|m| m.total_usd)
                .max()
                .unwrap_or_default();
            units::div(
                highest,
                units::mul(s.fleet.gpus, HOURS_PER_MONTH, "fleet.gpus")?,
                "fleet.gpus",
            )?
        }
        None => s.facility.usd_per_gpu_hour()?,
    };
    let per_hour = [
        o.staff_usd_per_gpu_hour,
        o.support_usd_per_gpu_hour,
        o.software_usd_per_gpu_hour,
    ]
    .into_iter()
    .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "operations"))?;
    let insurance = units::div(
        o.insurance_usd_per_gpu_year(s.fleet.capex_usd_per_gpu)?,
        HOURS_PER_YEAR,
        "operations.insurance_rate_per_year",
    )?;
    Ok(RunningCost {
        power_usd_per_gpu_hour: s.power.usd_per_gpu_hour(s.market.utilization)?,
        facility_usd_per_gpu_hour: facility,
        operations_usd_per_gpu_hour: units::add(per_hour, insurance, "operations")?,
    })
}

/// The market's end-of-life month for the fleet (`None`: within the horizon it pays its
/// cash cost, or the market has no price: a fleet sold only under contract or hosted, or
/// a cascade, whose stages set their own prices).
pub(super) fn end_of_life_month(s: &Scenario) -> Result<Option<u32>, ModelError> {
    let m = &s.market;
    if !m.cascade.is_empty() || m.on_demand_usd_per_gpu_hour.is_zero() || m.utilization.is_zero() {
        return Ok(None);
    }
    let end = economic_end_of_life(&EndOfLifeInputs {
        price_usd_per_gpu_hour: m.on_demand_usd_per_gpu_hour,
        price_curve: m.price_curve.clone(),
        utilization: m.utilization,
        running_cost: running_cost(s)?,
        kw_per_gpu: s.power.it_kw_per_gpu,
        newer: None,
        horizon_months: s.horizon_months,
    })
    .map_err(|e| e.within("market"))?;
    Ok(end.month)
}

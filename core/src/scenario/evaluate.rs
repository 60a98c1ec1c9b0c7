//! The main job: a valid [`Scenario`] month by month into a [`Report`] (formulas in the
//! [module docs](super)).

use super::financing::finance;
use super::report::{Costs, MonthReport, Report, Revenue, Summary};
use super::{Scenario, ScenarioError};
use crate::models::ModelError;
use crate::models::depreciation::{self, BookScheduleInputs, CascadeInputs};
use crate::models::metrics::project_metrics;
use crate::models::pricing::{self, CapacityBook, OnDemand, Reserved};
use crate::models::take_or_pay::{self, BacklogInputs, SettleInputs};
use crate::units::{self, HOURS_PER_MONTH};
use crate::{Date, Decimal};

/// Evaluates a scenario into its monthly series and summary.
///
/// # Errors
/// [`ScenarioError::Invalid`] with every problem when the scenario is invalid (see
/// [`Scenario::check_all`]); [`ScenarioError::Model`] when a computed value overflows,
/// naming the scenario field it came from.
///
/// # Example
/// ```
/// use gpuecon::{presets, scenario::evaluate};
/// let preset = presets::get("h100-cluster-1024")?.unwrap();
/// let report = evaluate(&preset.scenario)?;
/// // 1,024 GPUs × 730 hours
/// assert_eq!(report.months[0].available_gpu_hours, 747_520.into());
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn evaluate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    scenario.check_all()?;
    let series = Series::new(scenario)?;
    let mut months = Vec::with_capacity(series.prices.len());
    let fleet_capex = units::mul(
        scenario.fleet.gpus,
        scenario.fleet.capex_usd_per_gpu,
        "fleet.capex_usd_per_gpu",
    )
    .map_err(ModelError::from)?;
    let mut cumulative = -fleet_capex;
    for month in 1..=scenario.horizon_months {
        let report = month_report(scenario, &series, month, cumulative)?;
        cumulative = report.cumulative_cash_flow_usd;
        months.push(report);
    }
    let summary = summarize(scenario, &months, fleet_capex)?;
    let financing = scenario
        .financing
        .as_ref()
        .map(|f| finance(f, &months, fleet_capex, scenario.annual_discount_rate))
        .transpose()?;
    Ok(Report {
        months,
        summary,
        financing,
    })
}

/// What is computed once for the whole horizon (index 0 is month 1).
struct Series {
    /// On-demand price and utilization.
    prices: Vec<Decimal>,
    utilizations: Vec<Decimal>,
    /// All contracts: revenue, and usage served (the hours their GPUs ran).
    contract_revenue: Vec<Decimal>,
    contract_served: Vec<Decimal>,
    /// Per GPU: depreciation and book value; the residual multiplier.
    depreciation: Vec<Decimal>,
    book_value: Vec<Decimal>,
    residual: Vec<Decimal>,
}

/// The value at `index`, or 0 past the end of a shorter series (a cascade that ended).
fn at(series: &[Decimal], index: usize) -> Decimal {
    series.get(index).copied().unwrap_or_default()
}

impl Series {
    fn new(s: &Scenario) -> Result<Self, ModelError> {
        let h = s.horizon_months;
        let (prices, utilizations) = if s.market.cascade.is_empty() {
            let curve = s
                .market
                .price_curve
                .series(h)
                .map_err(|e| e.within("market.price_curve"))?;
            let prices = curve
                .into_iter()
                .map(|k| units::mul(s.market.on_demand_usd_per_gpu_hour, k, "market.price_curve"))
                .collect::<Result<Vec<_>, _>>()?;
            (prices, vec![s.market.utilization; len(h)])
        } else {
            let stages = CascadeInputs {
                stages: s.market.cascade.clone(),
            };
            let schedule =
                depreciation::cascade(&stages).map_err(|e| e.within("market.cascade"))?;
            schedule
                .months
                .into_iter()
                .take(len(h))
                .map(|m| (m.price_usd_per_gpu_hour, m.utilization))
                .unzip()
        };
        let (contract_revenue, contract_served) = contracts(s)?;
        let book = depreciation::book_schedule(&BookScheduleInputs {
            cost_usd: s.fleet.capex_usd_per_gpu,
            salvage_usd: s.depreciation.salvage_usd_per_gpu,
            life_years: s.depreciation.life_years,
            method: s.depreciation.method.clone(),
            months: h,
        })
        .map_err(|e| e.within("depreciation"))?;
        let (depreciation, book_value) = book
            .months
            .into_iter()
            .map(|m| (m.depreciation_usd, m.book_value_usd))
            .unzip();
        let residual = s.residual.series(h).map_err(|e| e.within("residual"))?;
        Ok(Self {
            prices,
            utilizations,
            contract_revenue,
            contract_served,
            depreciation,
            book_value,
            residual,
        })
    }
}

/// `months` as a length.
fn len(months: u32) -> usize {
    usize::try_from(months).unwrap_or(usize::MAX)
}

/// Each contract settled on its expected usage, summed: (revenue, usage served) a month.
fn contracts(s: &Scenario) -> Result<(Vec<Decimal>, Vec<Decimal>), ModelError> {
    let h = len(s.horizon_months);
    let (mut revenue, mut served) = (vec![Decimal::ZERO; h], vec![Decimal::ZERO; h]);
    for (i, line) in s.contracts.iter().enumerate() {
        let path = format!("contracts[{i}]");
        let c = &line.contract;
        let full = units::mul(c.gpus, HOURS_PER_MONTH, "contract.gpus")
            .map_err(|e| ModelError::from(e).within(&path))?;
        let usage = units::mul(full, line.usage_share, "usage_share")
            .map_err(|e| ModelError::from(e).within(&path))?;
        let usage_gpu_hours = (1..=s.horizon_months)
            .map(|m| if c.is_active(m) { usage } else { Decimal::ZERO })
            .collect();
        let settlement = take_or_pay::settle(&SettleInputs {
            contract: c.clone(),
            usage_gpu_hours,
        })
        .map_err(|e| e.within(&path))?;
        for m in settlement.months {
            let Some(index) = m.month.checked_sub(1).map(len).filter(|&i| i < h) else {
                continue;
            };
            let ran = units::sub(m.usage_gpu_hours, m.unserved_gpu_hours, "usage_share")?;
            if let (Some(r), Some(u)) = (revenue.get_mut(index), served.get_mut(index)) {
                *r = units::add(*r, m.revenue_usd, "contracts")
                    .map_err(|e| ModelError::from(e).within(&path))?;
                *u = units::add(*u, ran, "contracts")
                    .map_err(|e| ModelError::from(e).within(&path))?;
            }
        }
    }
    Ok((revenue, served))
}

/// One month of the report; `cumulative` is the cumulative cash flow before it.
fn month_report(
    s: &Scenario,
    series: &Series,
    month: u32,
    cumulative: Decimal,
) -> Result<MonthReport, ModelError> {
    let i = len(month - 1);
    let gpus = s.fleet.gpus;
    let available = units::mul(gpus, HOURS_PER_MONTH, "fleet.gpus")?;
    let price = at(&series.prices, i);
    let contracted_gpus = s
        .contracts
        .iter()
        .filter(|l| l.contract.is_active(month))
        .try_fold(Decimal::ZERO, |sum, l| {
            units::add(sum, l.contract.gpus, "contracts")
        })?;
    let reserved = s
        .market
        .reserved
        .iter()
        .filter(|r| r.is_active(month))
        .map(|r| Reserved {
            gpus: r.gpus,
            on_demand_price_usd_per_gpu_hour: at(&series.prices, len(r.start_month - 1)),
            discount: r.discount,
            term_months: r.term_months,
        })
        .collect();
    let book = pricing::capacity_book(&CapacityBook {
        gpus: units::sub(gpus, contracted_gpus, "fleet.gpus")?,
        hours: HOURS_PER_MONTH,
        on_demand: OnDemand {
            price_usd_per_gpu_hour: price,
            utilization: at(&series.utilizations, i),
        },
        reserved,
        spot: s.market.spot.clone(),
        dedicated: Vec::new(),
    })
    .map_err(|e| e.within("market"))?;

    let contract_hours = units::mul(contracted_gpus, HOURS_PER_MONTH, "contracts")?;
    let billed = units::add(book.billed_gpu_hours, contract_hours, "contracts")?;
    let busy = units::add(
        book.billed_gpu_hours,
        at(&series.contract_served, i),
        "contracts",
    )?;
    let revenue = revenue(
        at(&series.contract_revenue, i),
        book.reserved_usd,
        book.on_demand_usd,
        book.spot_usd,
    )?;
    let costs = costs(
        s,
        available,
        units::div(busy, available, "fleet.gpus")?,
        revenue.total_usd,
    )?;
    let gross_margin = units::sub(revenue.total_usd, costs.total_usd, "costs")?;

    let per_gpu = |value: Decimal, field| units::mul(value, gpus, field).map(units::amount);
    let economic_value = per_gpu(
        units::mul(
            s.fleet.capex_usd_per_gpu,
            at(&series.residual, i),
            "residual",
        )?,
        "residual",
    )?;
    let sale = if s.sell_at_horizon && month == s.horizon_months {
        economic_value
    } else {
        Decimal::ZERO
    };
    let cash_flow = units::add(gross_margin, sale, "residual")?;
    Ok(MonthReport {
        month,
        date: month_end(s.start, month),
        available_gpu_hours: available,
        billed_gpu_hours: billed,
        busy_gpu_hours: busy,
        billed_utilization: units::div(billed, available, "fleet.gpus")?,
        on_demand_usd_per_gpu_hour: price,
        revenue_per_available_gpu_hour: units::div(revenue.total_usd, available, "fleet.gpus")?,
        cost_per_billed_gpu_hour: if billed.is_zero() {
            None
        } else {
            Some(units::div(costs.total_usd, billed, "costs")?)
        },
        revenue,
        costs,
        gross_margin_usd: gross_margin,
        depreciation_usd: per_gpu(at(&series.depreciation, i), "depreciation")?,
        book_value_usd: per_gpu(at(&series.book_value, i), "depreciation")?,
        economic_value_usd: economic_value,
        sale_usd: sale,
        cash_flow_usd: cash_flow,
        cumulative_cash_flow_usd: units::add(cumulative, cash_flow, "fleet.capex_usd_per_gpu")?,
    })
}

/// The start date plus `month` months (the last valid day when the month is shorter).
fn month_end(start: Date, month: u32) -> Date {
    start
        .checked_add_months(chrono::Months::new(month))
        .unwrap_or(Date::MAX)
}

fn revenue(
    contracts: Decimal,
    reserved: Decimal,
    on_demand: Decimal,
    spot: Decimal,
) -> Result<Revenue, ModelError> {
    let [contracts, reserved, on_demand, spot] =
        [contracts, reserved, on_demand, spot].map(units::amount);
    let total = [contracts, reserved, on_demand, spot]
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "revenue"))?;
    Ok(Revenue {
        contracts_usd: contracts,
        reserved_usd: reserved,
        on_demand_usd: on_demand,
        spot_usd: spot,
        total_usd: total,
    })
}

/// A month's costs for `available` GPU-hours with a busy share `busy_share`. Charges
/// quoted by the month or the year (colocation, insurance) are taken as such, not through
/// an hourly rate, so that they stay exact.
fn costs(
    s: &Scenario,
    available: Decimal,
    busy_share: Decimal,
    revenue: Decimal,
) -> Result<Costs, ModelError> {
    let o = &s.operations;
    let hours = |per_hour: Decimal, field| units::mul(per_hour, available, field);
    let power = hours(s.power.usd_per_gpu_hour(busy_share)?, "power")?;
    let gpus = s.fleet.gpus;
    let facility = units::mul(s.facility.usd_per_gpu_month()?, gpus, "facility")?;
    let staff = hours(
        o.staff_usd_per_gpu_hour,
        "operations.staff_usd_per_gpu_hour",
    )?;
    let support = hours(
        o.support_usd_per_gpu_hour,
        "operations.support_usd_per_gpu_hour",
    )?;
    let software = hours(
        o.software_usd_per_gpu_hour,
        "operations.software_usd_per_gpu_hour",
    )?;
    let insurance_per_month = units::div(
        o.insurance_usd_per_gpu_year(s.fleet.capex_usd_per_gpu)?,
        Decimal::from(12),
        "operations.insurance_rate_per_year",
    )?;
    let insurance = units::mul(
        insurance_per_month,
        gpus,
        "operations.insurance_rate_per_year",
    )?;
    let sga = o.sga_usd(revenue)?;
    let [power, facility, staff, support, software, insurance, sga] =
        [power, facility, staff, support, software, insurance, sga].map(units::amount);
    let total = [power, facility, staff, support, software, insurance, sga]
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "costs"))?;
    Ok(Costs {
        power_usd: power,
        facility_usd: facility,
        staff_usd: staff,
        support_usd: support,
        software_usd: software,
        insurance_usd: insurance,
        sga_usd: sga,
        total_usd: total,
    })
}

/// Totals and metrics, from the monthly series.
fn summarize(s: &Scenario, months: &[MonthReport], capex: Decimal) -> Result<Summary, ModelError> {
    let sum = |pick: fn(&MonthReport) -> Decimal| {
        months.iter().try_fold(Decimal::ZERO, |total, m| {
            units::add(total, pick(m), "months")
        })
    };
    let revenue = revenue(
        sum(|m| m.revenue.contracts_usd)?,
        sum(|m| m.revenue.reserved_usd)?,
        sum(|m| m.revenue.on_demand_usd)?,
        sum(|m| m.revenue.spot_usd)?,
    )?;
    let costs = Costs {
        power_usd: sum(|m| m.costs.power_usd)?,
        facility_usd: sum(|m| m.costs.facility_usd)?,
        staff_usd: sum(|m| m.costs.staff_usd)?,
        support_usd: sum(|m| m.costs.support_usd)?,
        software_usd: sum(|m| m.costs.software_usd)?,
        insurance_usd: sum(|m| m.costs.insurance_usd)?,
        sga_usd: sum(|m| m.costs.sga_usd)?,
        total_usd: sum(|m| m.costs.total_usd)?,
    };
    let gross_margin = sum(|m| m.gross_margin_usd)?;
    let mut flows = Vec::with_capacity(months.len() + 1);
    flows.push(-capex);
    flows.extend(months.iter().map(|m| m.cash_flow_usd));
    let (mut backlog, mut backlog_pv) = (Decimal::ZERO, Decimal::ZERO);
    for (i, line) in s.contracts.iter().enumerate() {
        let b = take_or_pay::backlog(&BacklogInputs {
            contract: line.contract.clone(),
            as_of_month: 0,
            annual_discount_rate: s.annual_discount_rate,
        })
        .map_err(|e| e.within(&format!("contracts[{i}]")))?;
        backlog = units::add(backlog, b.remaining_minimum_usd, "contracts")?;
        backlog_pv = units::add(backlog_pv, b.present_value_usd, "contracts")?;
    }
    let last = months.last();
    // Revenue a year: the horizon's revenue × 12 ÷ its months (multiplying first keeps a
    // horizon that is not a whole number of years exact).
    let annual_revenue = units::div(
        units::mul(revenue.total_usd, Decimal::from(12), "revenue")?,
        Decimal::from(s.horizon_months),
        "horizon_months",
    )?;
    Ok(Summary {
        capex_usd: capex,
        gross_margin_share: if revenue.total_usd.is_zero() {
            None
        } else {
            Some(units::div(gross_margin, revenue.total_usd, "revenue")?)
        },
        billed_utilization: units::div(
            sum(|m| m.billed_gpu_hours)?,
            sum(|m| m.available_gpu_hours)?,
            "fleet.gpus",
        )?,
        yield_on_cost: if capex.is_zero() {
            None
        } else {
            Some(units::div(
                annual_revenue,
                capex,
                "fleet.capex_usd_per_gpu",
            )?)
        },
        revenue,
        costs,
        gross_margin_usd: gross_margin,
        book_value_usd: last.map(|m| m.book_value_usd).unwrap_or_default(),
        economic_value_usd: last.map(|m| m.economic_value_usd).unwrap_or_default(),
        metrics: project_metrics(&flows, s.annual_discount_rate)?,
        contracted_backlog_usd: backlog,
        contracted_backlog_pv_usd: backlog_pv,
    })
}

//! The main job: a valid [`Scenario`] month by month into a [`Report`] (formulas in the
//! [module docs](super)).

use super::agreements::Agreements;
use super::deliveries::Deliveries;
use super::energy::{PowerMonth, cut_shares, power_month};
use super::financing::{Plan, plan, settle};
use super::report::{Costs, MonthReport, Report, Revenue, Summary};
use super::retirement::Retirements;
use super::warnings::warnings;
use super::{Scenario, ScenarioError};
use crate::models::ModelError;
use crate::models::depreciation::{self, BookScheduleInputs, CascadeInputs};
use crate::models::hosting::hosting_backlog;
use crate::models::metrics::{MirrRates, project_metrics_at};
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
/// let report = evaluate(preset.scenario.as_ref().unwrap())?;
/// // 1,024 GPUs × 730 hours
/// assert_eq!(report.months[0].available_gpu_hours, 747_520.into());
/// # Ok::<(), gpuecon::scenario::ScenarioError>(())
/// ```
pub fn evaluate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    evaluate_planned(scenario).map(|(report, _)| report)
}

/// [`evaluate`], with the plan its financing's waterfall ran on (the Monte Carlo paths run
/// it again on their own cash flows).
///
/// # Errors
/// As [`evaluate`].
pub(crate) fn evaluate_planned(
    scenario: &Scenario,
) -> Result<(Report, Option<Plan>), ScenarioError> {
    scenario.check_all()?;
    let series = Series::new(scenario)?;
    let mut months = Vec::with_capacity(series.prices.len());
    let fleet_capex = units::mul(
        scenario.fleet.gpus,
        scenario.fleet.capex_usd_per_gpu,
        "fleet.capex_usd_per_gpu",
    )
    .map_err(ModelError::from)?;
    let close = units::sub(
        series.agreements.prepayment_usd,
        series.deliveries.capex(0),
        "fleet.capex_usd_per_gpu",
    )
    .map_err(ModelError::from)?;
    let mut cumulative = close;
    for month in 1..=scenario.horizon_months {
        let report = month_report(scenario, &series, month, cumulative)?;
        cumulative = report.cumulative_cash_flow_usd;
        months.push(report);
    }
    let summary = summarize(scenario, &series, &months, fleet_capex, close)?;
    let (financing, planned) = match &scenario.financing {
        Some(f) => {
            let shares = series.deliveries.shares(scenario.fleet.gpus)?;
            let planned = plan(f, scenario.start, &months, &summary, &shares)?;
            let report = settle(f, &summary, &planned, scenario.annual_discount_rate)?;
            (Some(report), Some(planned))
        }
        None => (None, None),
    };
    let warnings = warnings(scenario, &months, financing.as_ref())?;
    Ok((
        Report {
            months,
            summary,
            financing,
            warnings,
        },
        planned,
    ))
}

/// What is computed once for the whole horizon (index 0 is month 1).
struct Series {
    /// On-demand price and utilization.
    prices: Vec<Decimal>,
    utilizations: Vec<Decimal>,
    /// All contracts: revenue, and usage served (the hours their GPUs ran).
    contract_revenue: Vec<Decimal>,
    contract_served: Vec<Decimal>,
    /// Each contract's revenue over the horizon.
    contract_totals: Vec<Decimal>,
    /// The delivery schedule, the agreements' monthly amounts and the share of each
    /// month's hours curtailed.
    deliveries: Deliveries,
    /// The GPUs sold before the horizon (after a contract, or retired) and kept idle.
    retirements: Retirements,
    agreements: Agreements,
    cut: Vec<Decimal>,
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
    /// GPUs in service in month index `i`: delivered, less those sold before it.
    fn in_service(&self, i: usize) -> Result<Decimal, ModelError> {
        Ok(units::sub(
            self.deliveries.in_service(i),
            self.retirements.retired(i),
            "fleet.gpus",
        )?)
    }

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
        let (contract_revenue, contract_served, contract_totals) = contracts(s)?;
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
        let deliveries = Deliveries::new(
            s.fleet.gpus,
            s.fleet.capex_usd_per_gpu,
            &s.fleet.deliveries,
            h,
        )?;
        let retirements = Retirements::new(s, &deliveries)?;
        Ok(Self {
            prices,
            utilizations,
            contract_revenue,
            contract_served,
            contract_totals,
            deliveries,
            retirements,
            agreements: Agreements::new(s)?,
            cut: cut_shares(s.energy.as_ref(), h)?,
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

/// The monthly revenue and usage served of the contracts, and each one's revenue over the
/// horizon.
type Settled = (Vec<Decimal>, Vec<Decimal>, Vec<Decimal>);

/// Each contract settled on its expected usage, summed: (revenue, usage served) a month;
/// and each contract's revenue over the horizon.
fn contracts(s: &Scenario) -> Result<Settled, ModelError> {
    let h = len(s.horizon_months);
    let (mut revenue, mut served) = (vec![Decimal::ZERO; h], vec![Decimal::ZERO; h]);
    let mut totals = Vec::with_capacity(s.contracts.len());
    for (i, line) in s.contracts.iter().enumerate() {
        let mut total = Decimal::ZERO;
        let path = format!("contracts[{i}]");
        let c = &line.contract;
        let full = units::mul(c.gpus, HOURS_PER_MONTH, "contract.gpus")
            .map_err(|e| ModelError::from(e).within(&path))?;
        let usage_gpu_hours = (1..=s.horizon_months)
            .map(|m| {
                if c.is_active(m) {
                    units::mul(full, line.usage_share_in(m), "usage_share")
                        .map_err(|e| ModelError::from(e).within(&path))
                } else {
                    Ok(Decimal::ZERO)
                }
            })
            .collect::<Result<_, _>>()?;
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
                total = units::add(total, units::amount(m.revenue_usd), "contracts")
                    .map_err(|e| ModelError::from(e).within(&path))?;
            }
        }
        totals.push(total);
    }
    Ok((revenue, served, totals))
}

/// One month of the report; `cumulative` is the cumulative cash flow before it.
fn month_report(
    s: &Scenario,
    series: &Series,
    month: u32,
    cumulative: Decimal,
) -> Result<MonthReport, ModelError> {
    let i = len(month - 1);
    let gpus = series.in_service(i)?;
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
    let on_market = units::sub(gpus, contracted_gpus, "fleet.gpus")?;
    let book = pricing::capacity_book(&CapacityBook {
        gpus: units::sub(on_market, series.retirements.idle(i), "fleet.gpus")?,
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
    let cut = at(&series.cut, i);
    let kept = |hours: Decimal| -> Result<Decimal, ModelError> {
        if cut.is_zero() {
            return Ok(hours);
        }
        let share = units::sub(Decimal::ONE, cut, "energy.curtailed")?;
        Ok(units::amount(units::mul(hours, share, "energy.curtailed")?))
    };
    let uncut_busy = units::add(
        book.billed_gpu_hours,
        at(&series.contract_served, i),
        "contracts",
    )?;
    let billed = kept(units::add(
        book.billed_gpu_hours,
        contract_hours,
        "contracts",
    )?)?;
    let busy = kept(uncut_busy)?;
    let power = power_month(
        &s.power,
        s.energy.as_ref(),
        i,
        available,
        per_available(uncut_busy, available)?,
        cut,
    )?;
    let sold = [
        at(&series.contract_revenue, i),
        book.reserved_usd,
        book.on_demand_usd,
        book.spot_usd,
    ]
    .into_iter()
    .map(units::amount)
    .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "revenue"))?;
    let (hosting, sla_credits) = series.agreements.hosting(i);
    let revenue = revenue([
        at(&series.contract_revenue, i),
        book.reserved_usd,
        book.on_demand_usd,
        book.spot_usd,
        hosting,
        power.demand_response_usd,
        units::mul(sold, cut, "energy.curtailed")?,
        sla_credits,
    ])?;
    let costs = costs(s, series, i, &power, revenue.total_usd)?;
    let gross_margin = units::sub(revenue.total_usd, costs.total_usd, "costs")?;

    let values = Values::new(s, series, i)?;
    // The fleet's value from a per-GPU value by age, × the share of it still held.
    let scaled = |v: &[Decimal], share: Decimal, field| -> Result<Decimal, ModelError> {
        let fleet = series.deliveries.value(i, |age| Ok(at(v, age)), field)?;
        of_share(fleet, share, field)
    };
    let economic_value = values.economic_kept;
    let sale = if s.sell_at_horizon && month == s.horizon_months {
        units::add(economic_value, values.sale, "residual")?
    } else {
        values.sale
    };
    let capex = series.deliveries.capex(i + 1);
    let prepayment_applied = series.agreements.prepayment_applied(i);
    let cash_flow = units::sub(
        units::add(gross_margin, sale, "residual")?,
        units::add(capex, prepayment_applied, "contracts")?,
        "fleet.capex_usd_per_gpu",
    )?;
    Ok(MonthReport {
        month,
        date: month_end(s.start, month),
        available_gpu_hours: available,
        curtailed_gpu_hours: units::amount(units::mul(available, cut, "energy.curtailed")?),
        billed_gpu_hours: billed,
        busy_gpu_hours: busy,
        billed_utilization: per_available(billed, available)?,
        energy_mwh: power.mwh,
        on_demand_usd_per_gpu_hour: price,
        revenue_per_available_gpu_hour: per_available(revenue.total_usd, available)?,
        cost_per_billed_gpu_hour: if billed.is_zero() {
            None
        } else {
            Some(units::div(costs.total_usd, billed, "costs")?)
        },
        revenue,
        costs,
        gross_margin_usd: gross_margin,
        depreciation_usd: scaled(&series.depreciation, values.in_month, "depreciation")?,
        book_value_usd: scaled(&series.book_value, values.kept, "depreciation")?,
        economic_value_usd: economic_value,
        sale_usd: sale,
        capex_usd: capex,
        prepayment_applied_usd: prepayment_applied,
        cash_flow_usd: cash_flow,
        cumulative_cash_flow_usd: units::add(cumulative, cash_flow, "fleet.capex_usd_per_gpu")?,
    })
}

/// Month index `i`'s shares of the delivered fleet and its sale before the horizon.
struct Values {
    /// GPUs in service ÷ delivered (1 when none was sold before).
    in_month: Decimal,
    /// GPUs kept past the month's end ÷ delivered.
    kept: Decimal,
    /// The economic value of the GPUs kept.
    economic_kept: Decimal,
    /// The sale at the month's end of the GPUs sold then, less the selling cost.
    sale: Decimal,
}

impl Values {
    fn new(s: &Scenario, series: &Series, i: usize) -> Result<Self, ModelError> {
        let resellable = units::mul(
            s.fleet.capex_usd_per_gpu,
            s.fleet.resellable_share,
            "fleet.resellable_share",
        )?;
        let economic = series.deliveries.value(
            i,
            |age| {
                Ok(units::mul(
                    resellable,
                    at(&series.residual, age),
                    "residual",
                )?)
            },
            "residual",
        )?;
        let r = &series.retirements;
        if r.none_sold() {
            return Ok(Self {
                in_month: Decimal::ONE,
                kept: Decimal::ONE,
                economic_kept: economic,
                sale: Decimal::ZERO,
            });
        }
        let delivered = series.deliveries.in_service(i);
        let share = |gpus: Decimal| -> Result<Decimal, ModelError> {
            if delivered.is_zero() {
                return Ok(Decimal::ZERO);
            }
            Ok(units::div(gpus, delivered, "fleet.gpus")?)
        };
        let in_service = series.in_service(i)?;
        let sold = r.sold(i);
        let kept = share(units::sub(in_service, sold, "fleet.gpus")?)?;
        let sold_value = units::mul(economic, share(sold)?, "residual")?;
        let net = units::sub(Decimal::ONE, s.selling_cost_share, "selling_cost_share")?;
        Ok(Self {
            in_month: share(in_service)?,
            kept,
            economic_kept: of_share(economic, kept, "residual")?,
            sale: units::amount(units::mul(sold_value, net, "selling_cost_share")?),
        })
    }
}

/// The lease's items (rent, taxes, building insurance, maintenance) of month index `i`
/// that the owner still bears: all of them until GPUs are sold, then the share of the
/// delivered GPUs still in service, `item × in service ÷ delivered` kept to 12 places. The
/// space of the GPUs sold is sublet at its rent (the assumption the retirement test makes
/// when it counts the lease in a GPU's cash cost: module docs of `retirement`).
fn sublet(series: &Series, i: usize, items: [Decimal; 4]) -> Result<[Decimal; 4], ModelError> {
    let delivered = series.deliveries.in_service(i);
    if series.retirements.retired(i).is_zero() || delivered.is_zero() {
        return Ok(items);
    }
    let share = units::div(series.in_service(i)?, delivered, "fleet.gpus")?;
    let [a, b, c, d] = items;
    Ok([
        of_share(a, share, "lease")?,
        of_share(b, share, "lease")?,
        of_share(c, share, "lease")?,
        of_share(d, share, "lease")?,
    ])
}

/// `x ÷ available` GPU-hours; 0 in a month without GPUs (all sold before it).
fn per_available(x: Decimal, available: Decimal) -> Result<Decimal, ModelError> {
    if available.is_zero() {
        return Ok(Decimal::ZERO);
    }
    Ok(units::div(x, available, "fleet.gpus")?)
}

/// `amount × share` kept to 12 places; `amount` itself for a share of 1.
fn of_share(amount: Decimal, share: Decimal, field: &'static str) -> Result<Decimal, ModelError> {
    if share == Decimal::ONE {
        return Ok(amount);
    }
    Ok(units::amount(units::mul(amount, share, field)?))
}

/// The start date plus `month` months (the last valid day when the month is shorter).
fn month_end(start: Date, month: u32) -> Date {
    start.checked_add_months(month).unwrap_or(Date::MAX)
}

/// Revenue from its items, in the order of [`Revenue`]'s fields (the last two are
/// deductions), each kept to 12 places.
fn revenue(items: [Decimal; 8]) -> Result<Revenue, ModelError> {
    let [
        contracts,
        reserved,
        on_demand,
        spot,
        hosting,
        demand_response,
        curtailed,
        sla_credits,
    ] = items.map(units::amount);
    let gross = [
        contracts,
        reserved,
        on_demand,
        spot,
        hosting,
        demand_response,
    ]
    .into_iter()
    .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "revenue"))?;
    let total = units::sub(
        units::sub(gross, curtailed, "energy.curtailed")?,
        sla_credits,
        "hosting",
    )?;
    Ok(Revenue {
        contracts_usd: contracts,
        reserved_usd: reserved,
        on_demand_usd: on_demand,
        spot_usd: spot,
        hosting_usd: hosting,
        demand_response_usd: demand_response,
        curtailed_usd: curtailed,
        sla_credits_usd: sla_credits,
        total_usd: total,
    })
}

/// Month index `i`'s costs, with its electricity `power` computed. Charges quoted by the
/// month or the year (colocation, the lease, insurance) are taken as such, not through an
/// hourly rate, so that they stay exact.
fn costs(
    s: &Scenario,
    series: &Series,
    i: usize,
    power: &PowerMonth,
    revenue: Decimal,
) -> Result<Costs, ModelError> {
    let o = &s.operations;
    let gpus = series.in_service(i)?;
    let available = units::mul(gpus, HOURS_PER_MONTH, "fleet.gpus")?;
    let hours = |per_hour: Decimal, field| units::mul(per_hour, available, field);
    let [rent, taxes, building_insurance, maintenance] =
        sublet(series, i, series.agreements.lease(i))?;
    let facility = if s.lease.is_some() {
        rent
    } else {
        units::mul(s.facility.usd_per_gpu_month()?, gpus, "facility")?
    };
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
    let items = [
        power.bought_usd,
        power.settlement_usd,
        facility,
        taxes,
        building_insurance,
        maintenance,
        staff,
        support,
        software,
        insurance,
        sga,
    ]
    .map(units::amount);
    let total = items
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, x| units::add(sum, x, "costs"))?;
    let [
        power,
        ppa_settlement,
        facility,
        taxes,
        building_insurance,
        maintenance,
        staff,
        support,
        software,
        insurance,
        sga,
    ] = items;
    Ok(Costs {
        power_usd: power,
        ppa_settlement_usd: ppa_settlement,
        facility_usd: facility,
        lease_taxes_usd: taxes,
        lease_insurance_usd: building_insurance,
        lease_maintenance_usd: maintenance,
        staff_usd: staff,
        support_usd: support,
        software_usd: software,
        insurance_usd: insurance,
        sga_usd: sga,
        total_usd: total,
    })
}

/// Totals and metrics, from the monthly series; `close` is the cash flow at the close.
fn summarize(
    s: &Scenario,
    series: &Series,
    months: &[MonthReport],
    capex: Decimal,
    close: Decimal,
) -> Result<Summary, ModelError> {
    let sum = |pick: fn(&MonthReport) -> Decimal| {
        months.iter().try_fold(Decimal::ZERO, |total, m| {
            units::add(total, pick(m), "months")
        })
    };
    let revenue = revenue([
        sum(|m| m.revenue.contracts_usd)?,
        sum(|m| m.revenue.reserved_usd)?,
        sum(|m| m.revenue.on_demand_usd)?,
        sum(|m| m.revenue.spot_usd)?,
        sum(|m| m.revenue.hosting_usd)?,
        sum(|m| m.revenue.demand_response_usd)?,
        sum(|m| m.revenue.curtailed_usd)?,
        sum(|m| m.revenue.sla_credits_usd)?,
    ])?;
    let costs = Costs {
        power_usd: sum(|m| m.costs.power_usd)?,
        ppa_settlement_usd: sum(|m| m.costs.ppa_settlement_usd)?,
        facility_usd: sum(|m| m.costs.facility_usd)?,
        lease_taxes_usd: sum(|m| m.costs.lease_taxes_usd)?,
        lease_insurance_usd: sum(|m| m.costs.lease_insurance_usd)?,
        lease_maintenance_usd: sum(|m| m.costs.lease_maintenance_usd)?,
        staff_usd: sum(|m| m.costs.staff_usd)?,
        support_usd: sum(|m| m.costs.support_usd)?,
        software_usd: sum(|m| m.costs.software_usd)?,
        insurance_usd: sum(|m| m.costs.insurance_usd)?,
        sga_usd: sum(|m| m.costs.sga_usd)?,
        total_usd: sum(|m| m.costs.total_usd)?,
    };
    let gross_margin = sum(|m| m.gross_margin_usd)?;
    let mut flows = Vec::with_capacity(months.len() + 1);
    flows.push(close);
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
    if let Some(hosting) = &s.hosting {
        let b =
            hosting_backlog(hosting, s.annual_discount_rate).map_err(|e| e.within("hosting"))?;
        backlog = units::add(backlog, b.remaining_minimum_usd, "hosting")?;
        backlog_pv = units::add(backlog_pv, b.present_value_usd, "hosting")?;
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
        prepayment_usd: series.agreements.prepayment_usd,
        close_cash_flow_usd: close,
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
        metrics: project_metrics_at(
            &flows,
            s.annual_discount_rate,
            MirrRates {
                finance_annual_rate: s.mirr_finance_rate.unwrap_or(s.annual_discount_rate),
                reinvestment_annual_rate: s
                    .mirr_reinvestment_rate
                    .unwrap_or(s.annual_discount_rate),
            },
        )?,
        contracted_backlog_usd: backlog,
        contracted_backlog_pv_usd: backlog_pv,
        contract_revenue_usd: series.contract_totals.clone(),
    })
}

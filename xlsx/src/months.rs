//! The `Months` sheet: month 0 (the close) and one row per month, from the GPUs in service
//! to the cash flow, mirroring [`gpuecon::scenario::evaluate`] (formulas in the scenario
//! module's docs). Every amount the sheet can compute from the inputs is a formula; the
//! rest (take-or-pay settlement hours, hosting, the energy section, a lease, a cascade,
//! depreciation, a delivered fleet's value, prepayments) are gpuecon's values.

use gpuecon::models::depreciation::{self, CascadeInputs};
use gpuecon::scenario::{MonthReport, Report, Scenario};
use gpuecon::{Decimal, units};

use crate::XlsxError;
use crate::cells::{Sheet, a1, column, f};
use crate::contracts::Book;
use crate::inputs::name_of;
use crate::style::{Kind, Styles};

/// The sheet's name.
pub(crate) const SHEET: &str = "Months";

/// The row of month `m` (0 is the close), on this sheet and on `Contracts`.
pub(crate) const fn row(month: u32) -> u32 {
    3 + month
}

/// The sheet's columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum C {
    Month,
    Date,
    Delivered,
    Gpus,
    Available,
    Cut,
    ContractedGpus,
    ReservedGpus,
    PriceCurve,
    Price,
    Utilization,
    ReservedHours,
    OnDemandHours,
    SpotHours,
    ContractServed,
    Billed,
    Busy,
    Contracts,
    Reserved,
    OnDemand,
    Spot,
    Hosting,
    DemandResponse,
    Curtailed,
    SlaCredits,
    Revenue,
    Power,
    Ppa,
    Facility,
    LeaseTaxes,
    LeaseInsurance,
    LeaseMaintenance,
    Staff,
    Support,
    Software,
    Insurance,
    Sga,
    Costs,
    GrossMargin,
    Depreciation,
    BookValue,
    Residual,
    EconomicValue,
    Sale,
    CapexShare,
    Capex,
    PrepaymentReceived,
    PrepaymentApplied,
    CashFlow,
    Cumulative,
}

/// Each column's header and unit.
const COLUMNS: [(C, &str, &str); 50] = [
    (C::Month, "Month", "0 = close"),
    (C::Date, "Date", "end of month"),
    (C::Delivered, "Delivered share", "of the fleet, in service"),
    (C::Gpus, "GPUs in service", "GPUs"),
    (C::Available, "Available GPU-hours", "× 730"),
    (C::Cut, "Curtailed share", "of the hours"),
    (C::ContractedGpus, "GPUs under contract", "GPUs"),
    (C::ReservedGpus, "GPUs reserved", "GPUs"),
    (C::PriceCurve, "Price curve", "× start price"),
    (C::Price, "On-demand price", "USD per GPU-hour"),
    (C::Utilization, "On-demand utilization", "share"),
    (C::ReservedHours, "Reserved hours", "GPU-hours"),
    (C::OnDemandHours, "On-demand hours", "GPU-hours"),
    (C::SpotHours, "Spot hours billed", "GPU-hours"),
    (C::ContractServed, "Contract usage served", "GPU-hours"),
    (C::Billed, "Billed GPU-hours", "after curtailment"),
    (C::Busy, "Busy GPU-hours", "after curtailment"),
    (C::Contracts, "Revenue: contracts", "USD"),
    (C::Reserved, "Revenue: reserved", "USD"),
    (C::OnDemand, "Revenue: on demand", "USD"),
    (C::Spot, "Revenue: spot", "USD"),
    (C::Hosting, "Revenue: hosting", "USD"),
    (C::DemandResponse, "Revenue: demand response", "USD"),
    (C::Curtailed, "Less: curtailed", "USD"),
    (C::SlaCredits, "Less: SLA credits", "USD"),
    (C::Revenue, "Revenue", "USD"),
    (C::Power, "Cost: power", "USD"),
    (C::Ppa, "Cost: PPA settlement", "USD"),
    (C::Facility, "Cost: facility", "USD"),
    (C::LeaseTaxes, "Cost: lease taxes", "USD"),
    (C::LeaseInsurance, "Cost: lease insurance", "USD"),
    (C::LeaseMaintenance, "Cost: lease maintenance", "USD"),
    (C::Staff, "Cost: staff", "USD"),
    (C::Support, "Cost: support", "USD"),
    (C::Software, "Cost: software", "USD"),
    (C::Insurance, "Cost: insurance", "USD"),
    (C::Sga, "Cost: SG&A", "USD"),
    (C::Costs, "Costs", "USD"),
    (C::GrossMargin, "Gross margin", "USD"),
    (C::Depreciation, "Depreciation", "USD"),
    (C::BookValue, "Book value", "USD, end of month"),
    (C::Residual, "Residual curve", "× capex"),
    (C::EconomicValue, "Economic value", "USD, end of month"),
    (C::Sale, "Sale of the fleet", "USD"),
    (C::CapexShare, "Delivered now", "share of the fleet"),
    (C::Capex, "Capex", "USD"),
    (C::PrepaymentReceived, "Prepayments received", "USD"),
    (C::PrepaymentApplied, "Prepayments applied", "USD"),
    (C::CashFlow, "Cash flow", "USD"),
    (C::Cumulative, "Cumulative cash flow", "USD"),
];

/// The column of `c`.
pub(crate) fn col(c: C) -> u16 {
    let i = COLUMNS.iter().position(|(k, _, _)| *k == c).unwrap_or(0);
    u16::try_from(i).unwrap_or(0)
}

/// `Months!X5`-style reference to `c` in month `m`, from another sheet.
pub(crate) fn at(c: C, month: u32) -> String {
    format!("{SHEET}!{}", a1(row(month), col(c)))
}

/// `Months!$X$4:$X$64`: column `c` from month `first` to `last`.
pub(crate) fn range(c: C, first: u32, last: u32) -> String {
    let letters = column(col(c));
    format!(
        "{SHEET}!${letters}${}:${letters}${}",
        row(first) + 1,
        row(last) + 1
    )
}

/// The per-month series the scenario gives (index 0 is month 1) that the sheet writes as
/// input columns or values.
struct Series {
    /// Cumulative delivered share in service, and the share delivered in each row (0 is
    /// the close).
    in_service: Vec<f64>,
    delivered: Vec<Decimal>,
    /// The price curve's multiplier; a cascade's prices and utilizations instead.
    price_curve: Vec<Decimal>,
    cascade: Option<(Vec<Decimal>, Vec<Decimal>)>,
    residual: Vec<Decimal>,
    /// Whether GPUs leave the fleet before the horizon (sold after a contract, or
    /// retired): the GPUs in service, the economic value and the sales are then gpuecon's
    /// values.
    sold_early: bool,
}

impl Series {
    fn new(s: &Scenario, report: &Report) -> Result<Self, XlsxError> {
        let h = s.horizon_months;
        let delivered = if s.fleet.deliveries.is_empty() {
            vec![Decimal::ONE]
        } else {
            s.fleet.deliveries.clone()
        };
        let in_service = in_service(&delivered, h);
        let cascade = if s.market.cascade.is_empty() {
            None
        } else {
            let schedule = depreciation::cascade(&CascadeInputs {
                stages: s.market.cascade.clone(),
            })?;
            Some(
                schedule
                    .months
                    .into_iter()
                    .map(|m| (m.price_usd_per_gpu_hour, m.utilization))
                    .unzip(),
            )
        };
        let sold_early = sold_early(s, report, &in_service);
        Ok(Self {
            in_service,
            delivered,
            price_curve: s.market.price_curve.series(h)?,
            cascade,
            residual: s.residual.series(h)?,
            sold_early,
        })
    }
}

/// The cumulative share of the fleet delivered in months 1 to `h`, from the `delivered`
/// shares (index 0 is the close).
fn in_service(delivered: &[Decimal], h: u32) -> Vec<f64> {
    let mut total = 0.0;
    (0..usize::try_from(h).unwrap_or(0))
        .map(|i| {
            total += f(get(delivered, i));
            total
        })
        .collect()
}

/// Whether GPUs leave the scenario's fleet before the horizon (see [`sold_early`]).
pub(crate) fn fleet_sold_early(s: &Scenario, report: &Report) -> bool {
    let delivered = if s.fleet.deliveries.is_empty() {
        vec![Decimal::ONE]
    } else {
        s.fleet.deliveries.clone()
    };
    sold_early(s, report, &in_service(&delivered, s.horizon_months))
}

/// Whether the report's fleet shrinks before the horizon: a sale before it, or fewer GPUs
/// in a month than the delivery schedule puts in service.
fn sold_early(s: &Scenario, report: &Report, in_service: &[f64]) -> bool {
    let gpus = f(s.fleet.gpus);
    report.months.iter().zip(in_service).any(|(m, share)| {
        (m.month < s.horizon_months && !m.sale_usd.is_zero())
            || (f(m.available_gpu_hours) / 730.0 - gpus * share).abs() > 1e-6
    })
}

/// The value at `i` (0 past the end).
fn get(values: &[Decimal], i: usize) -> Decimal {
    values.get(i).copied().unwrap_or_default()
}

/// Excel's serial number of a date (days since 1899-12-30).
pub(crate) fn serial(date: gpuecon::Date) -> f64 {
    let epoch = gpuecon::Date::from_ymd_opt(1899, 12, 30).unwrap_or(date);
    #[allow(clippy::cast_precision_loss)] // days since 1900 fit an f64 exactly
    let days = date.days_since(epoch) as f64;
    days
}

/// Writes the sheet.
pub(crate) fn write<'s>(
    styles: &'s Styles,
    s: &Scenario,
    report: &Report,
    book: &Book,
) -> Result<Sheet<'s>, XlsxError> {
    let mut sheet = Sheet::new(SHEET, styles)?;
    let series = Series::new(s, report)?;
    sheet.text(
        0,
        0,
        "Months: blue = input series, black = formula, grey italics = gpuecon's value",
        &styles.title,
    )?;
    for (c, header, unit) in COLUMNS {
        sheet.text(1, col(c), header, &styles.header)?;
        sheet.text(2, col(c), unit, &styles.note)?;
        sheet.ws.set_column_width(col(c), 15)?;
    }
    sheet.ws.set_row_height(1, 45)?;
    sheet.ws.set_freeze_panes(3, 2)?;
    close(&mut sheet, s, report, &series)?;
    for m in &report.months {
        month(&mut sheet, s, book, &series, m)?;
    }
    Ok(sheet)
}

/// Month 0: the close's capex and prepayments.
fn close(
    sheet: &mut Sheet<'_>,
    s: &Scenario,
    report: &Report,
    series: &Series,
) -> Result<(), XlsxError> {
    let r = row(0);
    let at = |c: C| a1(r, col(c));
    sheet.value(r, col(C::Month), 0.0, Kind::Count)?;
    sheet.value(r, col(C::Date), serial(s.start), Kind::Date)?;
    let share0 = get(&series.delivered, 0);
    sheet.input(r, col(C::CapexShare), f(share0), Kind::Percent)?;
    // Capex at the close: prepayments − the close's cash flow (= capex then).
    let capex0 = units::sub(
        report.summary.prepayment_usd,
        report.summary.close_cash_flow_usd,
        "capex",
    )?;
    sheet.formula_d(
        r,
        col(C::Capex),
        &format!("=fleet_gpus*fleet_capex_usd_per_gpu*{}", at(C::CapexShare)),
        capex0,
        Kind::Money,
    )?;
    sheet.value(
        r,
        col(C::PrepaymentReceived),
        f(report.summary.prepayment_usd),
        Kind::Money,
    )?;
    let close = report.summary.close_cash_flow_usd;
    sheet.formula_d(
        r,
        col(C::CashFlow),
        &format!("={}-{}", at(C::PrepaymentReceived), at(C::Capex)),
        close,
        Kind::Money,
    )?;
    sheet.formula_d(
        r,
        col(C::Cumulative),
        &format!("={}", at(C::CashFlow)),
        close,
        Kind::Money,
    )
}

/// One month's row.
#[allow(clippy::too_many_lines)] // one formula per column, in the sheet's order
fn month(
    sheet: &mut Sheet<'_>,
    s: &Scenario,
    book: &Book,
    series: &Series,
    m: &MonthReport,
) -> Result<(), XlsxError> {
    let month = m.month;
    let i = usize::try_from(month - 1).unwrap_or(0);
    let r = row(month);
    let at = |c: C| a1(r, col(c));
    let money = Kind::Money;
    sheet.value(r, col(C::Month), f64::from(month), Kind::Count)?;
    sheet.value(r, col(C::Date), serial(m.date), Kind::Date)?;

    // Hours.
    let delivered = s.fleet.deliveries.is_empty();
    let available = f(m.available_gpu_hours);
    let gpus = available / 730.0;
    if series.sold_early {
        let fleet = f(s.fleet.gpus);
        let share = if fleet == 0.0 { 0.0 } else { gpus / fleet };
        sheet.value(r, col(C::Delivered), share, Kind::Percent)?;
    } else if delivered {
        sheet.value(r, col(C::Delivered), 1.0, Kind::Percent)?;
    } else {
        let share = series.in_service.get(i).copied().unwrap_or_default();
        sheet.input(r, col(C::Delivered), share, Kind::Percent)?;
    }
    sheet.formula(
        r,
        col(C::Gpus),
        &format!("=fleet_gpus*{}", at(C::Delivered)),
        Some(gpus),
        Kind::Count,
    )?;
    sheet.formula(
        r,
        col(C::Available),
        &format!("={}*730", at(C::Gpus)),
        Some(available),
        Kind::Hours,
    )?;
    let cut = if available == 0.0 {
        0.0
    } else {
        f(m.curtailed_gpu_hours) / available
    };
    sheet.value(r, col(C::Cut), cut, Kind::Percent)?;
    let (contracted, contracted_formula) = sum_of(
        s.contracts
            .iter()
            .enumerate()
            .filter(|(_, l)| l.contract.is_active(month))
            .map(|(k, l)| {
                (
                    l.contract.gpus,
                    name_of(&format!("contracts[{k}].contract.gpus")),
                )
            }),
    );
    sheet.formula(
        r,
        col(C::ContractedGpus),
        &contracted_formula,
        Some(contracted),
        Kind::Count,
    )?;
    let active: Vec<(usize, &gpuecon::scenario::Reservation)> = s
        .market
        .reserved
        .iter()
        .enumerate()
        .filter(|(_, res)| res.is_active(month))
        .collect();
    let (reserved_gpus, reserved_formula) = sum_of(
        active
            .iter()
            .map(|(k, res)| (res.gpus, name_of(&format!("market.reserved[{k}].gpus")))),
    );
    sheet.formula(
        r,
        col(C::ReservedGpus),
        &reserved_formula,
        Some(reserved_gpus),
        Kind::Count,
    )?;
    let price = m.on_demand_usd_per_gpu_hour;
    let utilization = match &series.cascade {
        None => {
            sheet.input(
                r,
                col(C::PriceCurve),
                f(get(&series.price_curve, i)),
                Kind::Factor,
            )?;
            sheet.formula_d(
                r,
                col(C::Price),
                &format!("=market_on_demand_usd_per_gpu_hour*{}", at(C::PriceCurve)),
                price,
                Kind::Price,
            )?;
            sheet.formula_d(
                r,
                col(C::Utilization),
                "=market_utilization",
                s.market.utilization,
                Kind::Percent,
            )?;
            f(s.market.utilization)
        }
        Some((_, utilizations)) => {
            sheet.value(r, col(C::Price), f(price), Kind::Price)?;
            let u = f(get(utilizations, i));
            sheet.value(r, col(C::Utilization), u, Kind::Percent)?;
            u
        }
    };
    let reserved_hours = reserved_gpus * 730.0;
    sheet.formula(
        r,
        col(C::ReservedHours),
        &format!("={}*730", at(C::ReservedGpus)),
        Some(reserved_hours),
        Kind::Hours,
    )?;
    let open = (gpus - contracted - reserved_gpus) * 730.0;
    let open_formula = format!(
        "({}-{}-{})*730",
        at(C::Gpus),
        at(C::ContractedGpus),
        at(C::ReservedGpus)
    );
    let on_demand_hours = open * utilization;
    sheet.formula(
        r,
        col(C::OnDemandHours),
        &format!("={open_formula}*{}", at(C::Utilization)),
        Some(on_demand_hours),
        Kind::Hours,
    )?;
    let (spot_formula, spot_hours) = match &s.market.spot {
        None => ("=0".to_owned(), 0.0),
        Some(spot) => (
            format!(
                "=({open_formula}-{})*market_spot_share_of_idle_sold*(1-market_spot_preemption_rate)",
                at(C::OnDemandHours)
            ),
            (open - on_demand_hours) * f(spot.share_of_idle_sold) * (1.0 - f(spot.preemption_rate)),
        ),
    };
    sheet.formula(
        r,
        col(C::SpotHours),
        &spot_formula,
        Some(spot_hours),
        Kind::Hours,
    )?;
    let (served, served_refs) = book.served(month);
    sheet.formula(
        r,
        col(C::ContractServed),
        &sum_formula(&served_refs),
        Some(served),
        Kind::Hours,
    )?;
    sheet.formula_d(
        r,
        col(C::Billed),
        &format!(
            "=({}+{}+{}+{}*730)*(1-{})",
            at(C::ReservedHours),
            at(C::OnDemandHours),
            at(C::SpotHours),
            at(C::ContractedGpus),
            at(C::Cut)
        ),
        m.billed_gpu_hours,
        Kind::Hours,
    )?;
    sheet.formula_d(
        r,
        col(C::Busy),
        &format!(
            "=({}+{}+{}+{})*(1-{})",
            at(C::ReservedHours),
            at(C::OnDemandHours),
            at(C::SpotHours),
            at(C::ContractServed),
            at(C::Cut)
        ),
        m.busy_gpu_hours,
        Kind::Hours,
    )?;

    // Revenue.
    let rev = &m.revenue;
    sheet.formula_d(
        r,
        col(C::Contracts),
        &sum_formula(&book.revenue_refs(month)),
        rev.contracts_usd,
        money,
    )?;
    let reserved_terms: Vec<String> = active
        .iter()
        .map(|(k, res)| {
            let start = a1(row(res.start_month), col(C::Price));
            format!(
                "{}*730*{start}*(1-{})",
                name_of(&format!("market.reserved[{k}].gpus")),
                name_of(&format!("market.reserved[{k}].discount"))
            )
        })
        .collect();
    sheet.formula_d(
        r,
        col(C::Reserved),
        &sum_formula(&reserved_terms),
        rev.reserved_usd,
        money,
    )?;
    sheet.formula_d(
        r,
        col(C::OnDemand),
        &format!("={}*{}", at(C::OnDemandHours), at(C::Price)),
        rev.on_demand_usd,
        money,
    )?;
    let spot_formula = if s.market.spot.is_some() {
        format!(
            "={}*{}*(1-market_spot_discount)",
            at(C::SpotHours),
            at(C::Price)
        )
    } else {
        "=0".to_owned()
    };
    sheet.formula_d(r, col(C::Spot), &spot_formula, rev.spot_usd, money)?;
    sheet.value(r, col(C::Hosting), f(rev.hosting_usd), money)?;
    sheet.value(r, col(C::DemandResponse), f(rev.demand_response_usd), money)?;
    let sold = format!(
        "({}+{}+{}+{})",
        at(C::Contracts),
        at(C::Reserved),
        at(C::OnDemand),
        at(C::Spot)
    );
    sheet.formula_d(
        r,
        col(C::Curtailed),
        &format!("={sold}*{}", at(C::Cut)),
        rev.curtailed_usd,
        money,
    )?;
    sheet.value(r, col(C::SlaCredits), f(rev.sla_credits_usd), money)?;
    sheet.formula_d(
        r,
        col(C::Revenue),
        &format!(
            "={sold}+{}+{}-{}-{}",
            at(C::Hosting),
            at(C::DemandResponse),
            at(C::Curtailed),
            at(C::SlaCredits)
        ),
        rev.total_usd,
        money,
    )?;

    // Costs.
    let c = &m.costs;
    if s.energy.is_some() {
        sheet.value(r, col(C::Power), f(c.power_usd), money)?;
        sheet.value(r, col(C::Ppa), f(c.ppa_settlement_usd), money)?;
    } else {
        sheet.formula_d(
            r,
            col(C::Power),
            &format!(
                "=(power_idle_fraction*{a}+(1-power_idle_fraction)*{b})*power_it_kw_per_gpu*power_pue*power_usd_per_kwh",
                a = at(C::Available),
                b = at(C::Busy)
            ),
            c.power_usd,
            money,
        )?;
        sheet.formula_d(r, col(C::Ppa), "=0", c.ppa_settlement_usd, money)?;
    }
    if s.lease.is_some() {
        sheet.value(r, col(C::Facility), f(c.facility_usd), money)?;
    } else {
        sheet.formula_d(
            r,
            col(C::Facility),
            &format!(
                "=facility_contracted_kw_per_gpu*facility_usd_per_kw_month*{}",
                at(C::Gpus)
            ),
            c.facility_usd,
            money,
        )?;
    }
    sheet.value(r, col(C::LeaseTaxes), f(c.lease_taxes_usd), money)?;
    sheet.value(r, col(C::LeaseInsurance), f(c.lease_insurance_usd), money)?;
    sheet.value(
        r,
        col(C::LeaseMaintenance),
        f(c.lease_maintenance_usd),
        money,
    )?;
    for (column, name, value) in [
        (C::Staff, "operations_staff_usd_per_gpu_hour", c.staff_usd),
        (
            C::Support,
            "operations_support_usd_per_gpu_hour",
            c.support_usd,
        ),
        (
            C::Software,
            "operations_software_usd_per_gpu_hour",
            c.software_usd,
        ),
    ] {
        sheet.formula_d(
            r,
            col(column),
            &format!("={name}*{}", at(C::Available)),
            value,
            money,
        )?;
    }
    sheet.formula_d(
        r,
        col(C::Insurance),
        &format!(
            "=fleet_capex_usd_per_gpu*operations_insurance_rate_per_year/12*{}",
            at(C::Gpus)
        ),
        c.insurance_usd,
        money,
    )?;
    sheet.formula_d(
        r,
        col(C::Sga),
        &format!("=operations_sga_share_of_revenue*{}", at(C::Revenue)),
        c.sga_usd,
        money,
    )?;
    sheet.formula_d(
        r,
        col(C::Costs),
        &format!("=SUM({}:{})", at(C::Power), at(C::Sga)),
        c.total_usd,
        money,
    )?;
    sheet.formula_d(
        r,
        col(C::GrossMargin),
        &format!("={}-{}", at(C::Revenue), at(C::Costs)),
        m.gross_margin_usd,
        money,
    )?;

    // Values and cash.
    sheet.value(r, col(C::Depreciation), f(m.depreciation_usd), money)?;
    sheet.value(r, col(C::BookValue), f(m.book_value_usd), money)?;
    if delivered {
        sheet.input(
            r,
            col(C::Residual),
            f(get(&series.residual, i)),
            Kind::Factor,
        )?;
    }
    if delivered && !series.sold_early {
        sheet.formula_d(
            r,
            col(C::EconomicValue),
            &format!(
                "=fleet_gpus*fleet_capex_usd_per_gpu*fleet_resellable_share*{}",
                at(C::Residual)
            ),
            m.economic_value_usd,
            money,
        )?;
    } else {
        sheet.value(r, col(C::EconomicValue), f(m.economic_value_usd), money)?;
    }
    if series.sold_early {
        sheet.value(r, col(C::Sale), f(m.sale_usd), money)?;
    } else if s.sell_at_horizon && month == s.horizon_months {
        sheet.formula_d(
            r,
            col(C::Sale),
            &format!("={}", at(C::EconomicValue)),
            m.sale_usd,
            money,
        )?;
    } else {
        sheet.formula_d(r, col(C::Sale), "=0", m.sale_usd, money)?;
    }
    sheet.input(
        r,
        col(C::CapexShare),
        f(get(&series.delivered, i + 1)),
        Kind::Percent,
    )?;
    sheet.formula_d(
        r,
        col(C::Capex),
        &format!("=fleet_gpus*fleet_capex_usd_per_gpu*{}", at(C::CapexShare)),
        m.capex_usd,
        money,
    )?;
    sheet.value(
        r,
        col(C::PrepaymentApplied),
        f(m.prepayment_applied_usd),
        money,
    )?;
    sheet.formula_d(
        r,
        col(C::CashFlow),
        &format!(
            "={}-{}-{}+{}",
            at(C::GrossMargin),
            at(C::PrepaymentApplied),
            at(C::Capex),
            at(C::Sale)
        ),
        m.cash_flow_usd,
        money,
    )?;
    sheet.formula_d(
        r,
        col(C::Cumulative),
        &format!("={}+{}", a1(r - 1, col(C::Cumulative)), at(C::CashFlow)),
        m.cumulative_cash_flow_usd,
        money,
    )?;
    Ok(())
}

/// `=a+b+c` of references (`=0` for none).
pub(crate) fn sum_formula(terms: &[String]) -> String {
    if terms.is_empty() {
        "=0".to_owned()
    } else {
        format!("={}", terms.join("+"))
    }
}

/// The sum of named values and the formula adding their names.
fn sum_of(items: impl Iterator<Item = (Decimal, String)>) -> (f64, String) {
    let (values, names): (Vec<Decimal>, Vec<String>) = items.unzip();
    (values.iter().map(|v| f(*v)).sum(), sum_formula(&names))
}

//! The `Financing` sheet: the box's debt sized, scheduled and tested, mirroring
//! [`gpuecon::scenario::financing`] (formulas in its docs): the sizing block (advance
//! limit, DSCR limit as the present value of CFADS ÷ target at the loan's own rate, debt
//! as their minimum, the day count) and the loan month by month: CFADS, the rate (fixed,
//! or max(SOFR, floor) + spread), the month's accrual fraction on the scenario's calendar
//! (ACT/360 = days between the Months dates ÷ 360, 30/360 = 1/12, ACT/365F = days ÷ 365:
//! [`debt::year_fractions`]), draws, interest = balance × rate × accrual, principal
//! level (the installment set as the core's amortization sets it), straight, bullet or
//! sculpted, fees, balance, DSCR, LTV, covenant streaks and flags, equity flows.
//!
//! The lender's waterfall is path-dependent (reserve, lock-up, trapped cash, sweeps,
//! defaults and acceleration, foreclosure, taxes with carryforwards): its own lines are
//! gpuecon's values in every month, and the loan's lines are formulas until the first
//! month the waterfall leaves the schedule ([`first_value_month`]), gpuecon's values from
//! then on (the cover says from which month).
//!
//! Every figure taken from the [`FinancingReport`] goes through [`expected`], the one
//! place that knows its field names.

use gpuecon::Decimal;
use gpuecon::models::debt::{self, DayCount, DebtCapacityInputs, Interest};
use gpuecon::scenario::financing::{probe_schedule, sculpting_inputs};
use gpuecon::scenario::{Financing, FinancingMonth, FinancingReport, Repayment, Report, Scenario};

use crate::XlsxError;
use crate::cells::{NONE, Sheet, a1, abs, column, f};
use crate::months::{self, C};
use crate::style::{Kind, Styles};

/// The sheet's name.
pub(crate) const SHEET: &str = "Financing";

/// The row of month `m` (0 is the close).
pub(crate) const fn row(month: u32) -> u32 {
    18 + month
}

/// The monthly columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum F {
    Month,
    Taxes,
    Cfads,
    Sofr,
    Rate,
    Accrual,
    Discount,
    TargetService,
    DrawShare,
    Draw,
    Opening,
    Owed,
    Interest,
    Service,
    InterestPaid,
    Capitalized,
    Principal,
    DebtService,
    Fees,
    Closing,
    Dscr,
    Ltv,
    LtvStreak,
    DscrStreak,
    Breach,
    Default,
    Equity,
    Distribution,
    Shortfall,
    DsraBalance,
    Sweep,
    TrappedBalance,
    SaleToLender,
    WrittenOff,
    ProbeOwed,
    ProbeInterest,
    ProbeInstallment,
    ProbePrincipal,
    ProbeClosing,
    ProbeService,
    LimitHere,
}

/// The columns of the probe loan that sizes a level, straight or bullet loan (none for a
/// sculpted one, or where the limit is gpuecon's value: [`probe_live`]).
const PROBE: [F; 7] = [
    F::ProbeOwed,
    F::ProbeInterest,
    F::ProbeInstallment,
    F::ProbePrincipal,
    F::ProbeClosing,
    F::ProbeService,
    F::LimitHere,
];

const COLUMNS: [(F, &str, &str); 41] = [
    (F::Month, "Month", "0 = close"),
    (F::Taxes, "Taxes", "gpuecon's value (carryforwards)"),
    (
        F::Cfads,
        "CFADS",
        "gross margin − prepayments applied − taxes",
    ),
    (F::Sofr, "SOFR", "a year (input series)"),
    (
        F::Rate,
        "Loan rate",
        "a year: fixed, or max(SOFR, floor) + spread",
    ),
    (
        F::Accrual,
        "Accrual",
        "the month's year fraction (day count)",
    ),
    (
        F::Discount,
        "Discount factor",
        "÷ (1 + rate × accrual) a month",
    ),
    (
        F::TargetService,
        "Service at target",
        "max(CFADS, 0) ÷ target DSCR",
    ),
    (F::DrawShare, "Drawn share", "of the debt, end of month"),
    (F::Draw, "Draw", "USD, end of month"),
    (F::Opening, "Opening balance", "USD"),
    (F::Owed, "Balance owed", "opening + draw"),
    (F::Interest, "Interest", "balance × rate × accrual"),
    (
        F::Service,
        "Scheduled service",
        "sculpted: max(CFADS, 0) ÷ sculpting DSCR; level: the installment",
    ),
    (F::InterestPaid, "Interest paid", "USD"),
    (F::Capitalized, "Interest capitalized", "USD"),
    (F::Principal, "Principal", "USD"),
    (F::DebtService, "Debt service", "interest paid + principal"),
    (F::Fees, "Fees", "upfront + commitment"),
    (F::Closing, "Closing balance", "USD"),
    (F::Dscr, "DSCR", "CFADS ÷ debt service"),
    (F::Ltv, "LTV", "balance ÷ economic value"),
    (
        F::LtvStreak,
        "LTV breach streak",
        "months above max LTV in a row",
    ),
    (
        F::DscrStreak,
        "DSCR breach streak",
        "months below min DSCR in a row",
    ),
    (F::Breach, "Covenant breached", "a streak above 0"),
    (
        F::Default,
        "In default",
        "a streak past the cure period, for good",
    ),
    (F::Equity, "Equity cash flow", "USD"),
    (
        F::Distribution,
        "Distribution",
        "gpuecon's value: the waterfall's cash left",
    ),
    (
        F::Shortfall,
        "Shortfall",
        "gpuecon's value: due and not paid",
    ),
    (
        F::DsraBalance,
        "Reserve (DSRA)",
        "gpuecon's value, end of month",
    ),
    (
        F::Sweep,
        "Swept to lender",
        "gpuecon's value: cash and trapped-cash sweeps",
    ),
    (
        F::TrappedBalance,
        "Trapped cash",
        "gpuecon's value, end of month",
    ),
    (
        F::SaleToLender,
        "Sale to lender",
        "gpuecon's value: GPU sale proceeds",
    ),
    (F::WrittenOff, "Written off", "gpuecon's value"),
    (F::ProbeOwed, "Probe: balance owed", "per dollar lent"),
    (F::ProbeInterest, "Probe: interest", "per dollar lent"),
    (
        F::ProbeInstallment,
        "Probe: installment",
        "level: per dollar lent",
    ),
    (F::ProbePrincipal, "Probe: principal", "per dollar lent"),
    (F::ProbeClosing, "Probe: closing balance", "per dollar lent"),
    (F::ProbeService, "Probe: debt service", "per dollar lent"),
    (
        F::LimitHere,
        "DSCR limit this month",
        "max(CFADS, 0) ÷ target ÷ service per dollar",
    ),
];

/// The column of `c`.
pub(crate) fn col(c: F) -> u16 {
    let i = COLUMNS.iter().position(|(k, _, _)| *k == c).unwrap_or(0);
    u16::try_from(i).unwrap_or(0)
}

/// `Financing!$X$19:$X$79`: column `c` from month `first` to `last`.
pub(crate) fn range(c: F, first: u32, last: u32) -> String {
    let letters = column(col(c));
    format!(
        "{SHEET}!${letters}${}:${letters}${}",
        row(first) + 1,
        row(last) + 1
    )
}

/// gpuecon's figure for column `c` in a month of the financing report: `None` for a
/// column the report does not hold, `Some(None)` where the report has no figure (a DSCR
/// without debt service). The one place that reads the report's month fields.
fn expected(c: F, m: &FinancingMonth) -> Option<Option<Decimal>> {
    Some(match c {
        F::Cfads => Some(m.cfads_usd),
        F::Draw => Some(m.draw_usd),
        F::Interest => Some(m.interest_usd.saturating_add(m.capitalized_interest_usd)),
        F::InterestPaid => Some(m.interest_usd),
        F::Capitalized => Some(m.capitalized_interest_usd),
        F::Principal => Some(m.principal_usd),
        F::DebtService => Some(m.debt_service_usd),
        F::Fees => Some(m.fees_usd),
        F::Closing => Some(m.balance_usd),
        F::Ltv => m.ltv,
        F::Equity => Some(m.equity_cash_flow_usd),
        F::Taxes => Some(m.taxes_usd),
        F::Distribution => Some(m.distribution_usd),
        F::Shortfall => Some(m.shortfall_usd),
        F::DsraBalance => Some(m.dsra_balance_usd),
        F::Sweep => Some(m.sweep_usd.saturating_add(m.trapped_swept_usd)),
        F::TrappedBalance => Some(m.trapped_balance_usd),
        F::SaleToLender => Some(m.sale_to_lender_usd),
        F::WrittenOff => Some(m.written_off_usd),
        F::Dscr => m.dscr,
        F::Default => Some(if m.in_default {
            Decimal::ONE
        } else {
            Decimal::ZERO
        }),
        _ => return None,
    })
}

/// Debt service below this is none (no DSCR): half a cent.
pub(crate) const MIN_SERVICE_USD: f64 = 0.005;

/// The sizing block's rows (column B holds the figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum S {
    Capex = 2,
    Advance,
    Capacity,
    Weight,
    DscrLimit,
    Debt,
    SizedBy,
    SculptDscr,
    Equity,
    UpfrontFee,
    Availability,
    DayCount,
    InitialReserve,
    CapPremium,
}

/// The cell of sizing row `s`.
fn sizing(s: S) -> String {
    abs(s as u32, 1)
}

/// The names the monthly formulas use for sizing figures.
const NAMES: [(&str, S); 6] = [
    ("financing_debt", S::Debt),
    ("financing_sculpt_dscr", S::SculptDscr),
    ("financing_upfront_fee", S::UpfrontFee),
    ("financing_availability_months", S::Availability),
    ("financing_initial_reserve", S::InitialReserve),
    ("financing_cap_premium", S::CapPremium),
];

/// The loan's terms month by month, from the core: the annual rate, the accrual fraction
/// (its day count on the scenario's calendar) and the discount factors at the loan's own
/// rate (index 0 is the close), in `f64`.
struct Rates {
    annual: Vec<f64>,
    accrual: Vec<f64>,
    discount: Vec<f64>,
    convention: DayCount,
}

impl Rates {
    fn new(s: &Scenario, fin: &Financing, cfads: &[Decimal]) -> Result<Self, XlsxError> {
        let horizon = s.horizon_months;
        let annual = fin
            .interest
            .annual_rates(horizon)?
            .into_iter()
            .map(f)
            .collect();
        let accrual = debt::year_fractions(&fin.interest, fin.day_count, Some(s.start), horizon)?
            .into_iter()
            .map(|(days, basis)| f(days) / f(basis))
            .collect();
        let mut discount = vec![1.0];
        discount.extend(
            debt::discount_factors(&DebtCapacityInputs {
                tenor_months: horizon,
                capitalize_until_month: 0,
                ..sculpting_inputs(fin, s.start, cfads)
            })?
            .into_iter()
            .map(f),
        );
        Ok(Self {
            annual,
            accrual,
            discount,
            convention: fin
                .day_count
                .unwrap_or_else(|| DayCount::default_for(&fin.interest)),
        })
    }
}

/// Whether a month's waterfall leaves the scheduled loan: a shortfall, the reserve, a
/// sweep, a lock-up, a sale to the lender, a write-off, a foreclosure, hedges or sponsor
/// support.
fn event(m: &FinancingMonth) -> bool {
    [
        m.shortfall_usd,
        m.dsra_draw_usd,
        m.dsra_top_up_usd,
        m.dsra_release_usd,
        m.dsra_balance_usd,
        m.sweep_usd,
        m.trapped_usd,
        m.trapped_release_usd,
        m.trapped_swept_usd,
        m.trapped_balance_usd,
        m.sale_to_lender_usd,
        m.written_off_usd,
        m.hedges_usd,
        m.equity_support_usd,
    ]
    .iter()
    .any(|x| !x.is_zero())
        || m.locked_up
        || m.foreclosed
}

/// The first month whose loan lines are gpuecon's values rather than formulas: from the
/// close for a box with taxes (sized on the unlevered tax), hedges or a reserve account;
/// otherwise the first month the waterfall leaves the schedule ([`event`]), or the month
/// after an event of default (acceleration). `u32::MAX` when every month is a formula.
pub(crate) fn first_value_month(fin: &Financing, fr: &FinancingReport) -> u32 {
    if fin.taxes.is_some() || fin.swap.is_some() || fin.cap.is_some() || fin.dsra.is_some() {
        return 1;
    }
    let mut accelerated = u32::MAX;
    for m in &fr.months {
        if m.month >= accelerated || event(m) {
            return m.month;
        }
        if m.in_default {
            accelerated = m.month.saturating_add(1);
        }
    }
    u32::MAX
}

/// The DSCR the sheet shows in month `m`: CFADS ÷ debt service due, none below half a cent
/// of service ([`MIN_SERVICE_USD`]) in a formula month; gpuecon's in a value month.
pub(crate) fn shown_dscr(m: &FinancingMonth, first_value: u32) -> Option<f64> {
    if m.month >= first_value {
        return m.dscr.map(f);
    }
    (f(m.debt_service_usd).abs() >= MIN_SERVICE_USD)
        .then(|| m.dscr.map(f))
        .flatten()
}

/// Writes the sheet for a financed scenario, and defines the names of the debt and the
/// sculpting DSCR.
#[allow(clippy::too_many_lines)] // the sizing block, in the sheet's order
pub(crate) fn write<'s>(
    workbook: &mut rust_xlsxwriter::Workbook,
    styles: &'s Styles,
    s: &Scenario,
    fin: &Financing,
    report: &Report,
    fr: &FinancingReport,
) -> Result<Sheet<'s>, XlsxError> {
    let mut sheet = Sheet::new(SHEET, styles)?;
    let sum = &fr.summary;
    let cfads: Vec<Decimal> = fr.months.iter().map(|m| m.cfads_usd).collect();
    let rates = Rates::new(s, fin, &cfads)?;
    let shares: Vec<Decimal> = if s.fleet.deliveries.is_empty() {
        vec![Decimal::ONE]
    } else {
        s.fleet.deliveries.clone()
    };
    sheet.text(
        0,
        0,
        "Financing: the box's debt, sized, scheduled and tested",
        &styles.title,
    )?;
    for (name, cell) in NAMES {
        workbook.define_name(name, &format!("={SHEET}!{}", sizing(cell)))?;
    }
    let h = s.horizon_months;
    let label = |sheet: &mut Sheet<'_>, s: S, text: &str, note: &str| -> Result<(), XlsxError> {
        sheet.plain(s as u32, 0, text)?;
        sheet.text(s as u32, 2, note, &styles.note)
    };
    label(&mut sheet, S::Capex, "Fleet capex", "GPUs × capex per GPU")?;
    sheet.formula_d(
        S::Capex as u32,
        1,
        "=fleet_gpus*fleet_capex_usd_per_gpu",
        report.summary.capex_usd,
        Kind::Money,
    )?;
    label(
        &mut sheet,
        S::Advance,
        "Advance limit",
        "advance rate × capex",
    )?;
    sheet.formula_d(
        S::Advance as u32,
        1,
        &format!("=financing_advance_rate*{}", sizing(S::Capex)),
        sum.advance_limit_usd,
        Kind::Money,
    )?;
    let sculpted = fin.repayment == Repayment::Sculpted;
    let weight: f64 = shares
        .iter()
        .zip(&rates.discount)
        .map(|(share, df)| f(*share) * df)
        .sum();
    // With taxes the debt is sized on CFADS after the unlevered tax, which the sheet does
    // not hold: the DSCR limit is then gpuecon's value (so too a probe loan with hedges).
    if sculpted && fin.taxes.is_none() {
        let capacity = debt::sculpted_debt_capacity(&sculpting_inputs(fin, s.start, &cfads))?;
        label(
            &mut sheet,
            S::Capacity,
            "Capacity drawn at the close",
            "PV at the loan's rate of CFADS ÷ target DSCR, months after capitalization to the tenor",
        )?;
        sheet.formula_d(
            S::Capacity as u32,
            1,
            &format!(
                "=SUMPRODUCT({},{})",
                range(F::TargetService, 1, h),
                range(F::Discount, 1, h)
            ),
            capacity.debt_capacity_usd,
            Kind::Money,
        )?;
        label(
            &mut sheet,
            S::Weight,
            "Draw weight",
            "Σ drawn share × discount factor: a dollar drawn later, in dollars at the close",
        )?;
        sheet.formula(
            S::Weight as u32,
            1,
            &format!(
                "=SUMPRODUCT({},{})",
                range(F::DrawShare, 0, h),
                range(F::Discount, 0, h)
            ),
            Some(weight),
            Kind::Factor,
        )?;
        label(
            &mut sheet,
            S::DscrLimit,
            "DSCR limit",
            "capacity ÷ draw weight",
        )?;
        sheet.formula_d(
            S::DscrLimit as u32,
            1,
            &format!("={}/{}", sizing(S::Capacity), sizing(S::Weight)),
            sum.dscr_limit_usd,
            Kind::Money,
        )?;
    } else if !probe_live(fin) {
        label(
            &mut sheet,
            S::DscrLimit,
            "DSCR limit",
            "gpuecon's value: sized on CFADS after the unlevered tax, or a probe loan with hedges",
        )?;
        sheet.value(S::DscrLimit as u32, 1, f(sum.dscr_limit_usd), Kind::Money)?;
    } else {
        label(
            &mut sheet,
            S::DscrLimit,
            "DSCR limit",
            "the tightest month: the least of max(CFADS, 0) ÷ target ÷ a probe loan's service per dollar",
        )?;
        let limits = range(F::LimitHere, 1, h);
        sheet.formula_d(
            S::DscrLimit as u32,
            1,
            &format!("=IF(COUNT({limits})=0,0,MIN({limits}))"),
            sum.dscr_limit_usd,
            Kind::Money,
        )?;
    }
    label(&mut sheet, S::Debt, "Debt", "the lesser of the two limits")?;
    sheet.formula_d(
        S::Debt as u32,
        1,
        &format!("=MIN({},{})", sizing(S::Advance), sizing(S::DscrLimit)),
        sum.debt_usd,
        Kind::Money,
    )?;
    label(
        &mut sheet,
        S::SizedBy,
        "Sized by",
        "which limit set the debt",
    )?;
    let sized_by = if sum.advance_limit_usd <= sum.dscr_limit_usd {
        "advance rate"
    } else {
        "target DSCR"
    };
    sheet.ws.write_formula(
        S::SizedBy as u32,
        1,
        rust_xlsxwriter::Formula::new(format!(
            "=IF({}<={},\"advance rate\",\"target DSCR\")",
            sizing(S::Advance),
            sizing(S::DscrLimit)
        ))
        .set_result(sized_by),
    )?;
    let (debt, limit, target) = (f(sum.debt_usd), f(sum.dscr_limit_usd), f(fin.target_dscr));
    let sculpt_dscr = if debt > 0.0 && debt < limit {
        target * limit / debt
    } else {
        target
    };
    label(
        &mut sheet,
        S::SculptDscr,
        "Sculpting DSCR",
        "target × limit ÷ debt: a loan below its DSCR limit keeps the profile and matures at the tenor",
    )?;
    sheet.formula(
        S::SculptDscr as u32,
        1,
        &format!(
            "=IF(AND({d}>0,{d}<{l}),financing_target_dscr*{l}/{d},financing_target_dscr)",
            d = sizing(S::Debt),
            l = sizing(S::DscrLimit)
        ),
        Some(sculpt_dscr),
        Kind::Multiple,
    )?;
    label(
        &mut sheet,
        S::Equity,
        "Equity",
        "capex − debt − prepayments (the cap's premium, the reserve and spares are in sources and uses)",
    )?;
    sheet.formula_d(
        S::Equity as u32,
        1,
        &format!(
            "={}-{}-{}",
            sizing(S::Capex),
            sizing(S::Debt),
            months::at(C::PrepaymentReceived, 0)
        ),
        sum.equity_usd,
        Kind::Money,
    )?;
    label(
        &mut sheet,
        S::UpfrontFee,
        "Upfront fee",
        "debt × upfront share, paid in month 1",
    )?;
    sheet.formula(
        S::UpfrontFee as u32,
        1,
        &format!(
            "={}*financing_fees_upfront_fee_share_of_commitment",
            sizing(S::Debt)
        ),
        Some(debt * f(fin.fees.upfront_fee_share_of_commitment)),
        Kind::Money,
    )?;
    let availability = shares
        .iter()
        .rposition(|share| !share.is_zero())
        .map_or(1, |k| k + 1);
    label(
        &mut sheet,
        S::Availability,
        "Availability period",
        "months of commitment fee: to the month of the last draw",
    )?;
    #[allow(clippy::cast_precision_loss)] // at most 1,200 months
    sheet.value(S::Availability as u32, 1, availability as f64, Kind::Count)?;
    let (convention, basis) = match rates.convention {
        DayCount::Act360 => ("ACT/360", "actual days ÷ 360 (Months dates)"),
        DayCount::Thirty360 => ("30/360", "30 ÷ 360: every month is 1/12"),
        DayCount::Act365Fixed => ("ACT/365F", "actual days ÷ 365 (Months dates)"),
    };
    label(&mut sheet, S::DayCount, "Day count", basis)?;
    sheet.plain(S::DayCount as u32, 1, convention)?;
    label(
        &mut sheet,
        S::InitialReserve,
        "Reserve funded at the close",
        "gpuecon's value: the DSRA the equity funds at the close",
    )?;
    sheet.value(
        S::InitialReserve as u32,
        1,
        f(sum.initial_dsra_usd),
        Kind::Money,
    )?;
    label(
        &mut sheet,
        S::CapPremium,
        "Cap premium",
        "paid by the equity at the close",
    )?;
    let premium = fin.cap.as_ref().map_or(0.0, |c| f(c.premium_usd));
    sheet.value(S::CapPremium as u32, 1, premium, Kind::Money)?;
    sheet.ws.set_column_width(0, 28)?;

    for (c, header, unit) in COLUMNS {
        if !probe_live(fin) && PROBE.contains(&c) {
            continue;
        }
        sheet.text(row(0) - 2, col(c), header, &styles.header)?;
        sheet.text(row(0) - 1, col(c), unit, &styles.note)?;
        if col(c) > 0 {
            sheet.ws.set_column_width(col(c), 15)?;
        }
    }
    sheet.ws.set_row_height(row(0) - 2, 30)?;
    sheet.ws.set_freeze_panes(row(0), 1)?;
    let mut previous = Previous {
        balance: 0.0,
        draw: month_zero(&mut sheet, &shares, debt, report, fr, premium)?,
        ltv_streak: 0,
        dscr_streak: 0,
    };
    let probe = if probe_live(fin) {
        probe_months(s, fin, &cfads, &shares, report.summary.capex_usd)?
    } else {
        Vec::new()
    };
    let ctx = Context {
        fin,
        rates: &rates,
        sculpt_dscr,
        shares: &shares,
        first_value: first_value_month(fin, fr),
        probe: &probe,
    };
    for m in &fr.months {
        let (ltv_streak, dscr_streak) = month(&mut sheet, &ctx, &previous, m)?;
        previous = Previous {
            balance: f(m.balance_usd),
            draw: f(m.draw_usd),
            ltv_streak,
            dscr_streak,
        };
    }
    Ok(sheet)
}

/// What every month's row needs.
struct Context<'a> {
    fin: &'a Financing,
    rates: &'a Rates,
    sculpt_dscr: f64,
    shares: &'a [Decimal],
    /// The first month written as gpuecon's values ([`first_value_month`]).
    first_value: u32,
    /// The probe loan's months per dollar lent (level, straight and bullet loans).
    probe: &'a [ProbeMonth],
}

/// A month of the probe loan, per dollar lent.
#[derive(Clone, Copy, Default)]
struct ProbeMonth {
    owed: f64,
    interest: f64,
    principal: f64,
    closing: f64,
    service: f64,
}

/// Whether the probe loan and its DSCR limit are formulas: a level, straight or bullet
/// loan without taxes (the debt is sized on CFADS after the unlevered tax) or hedges (the
/// probe's service includes their settlements).
fn probe_live(fin: &Financing) -> bool {
    fin.repayment != Repayment::Sculpted
        && fin.taxes.is_none()
        && fin.swap.is_none()
        && fin.cap.is_none()
}

/// The probe loan `scenario::financing` sizes a level, straight or bullet loan with
/// ([`probe_schedule`]: the capex, or 1 without capex, lent on the delivery shares without
/// fees), each month per dollar lent.
fn probe_months(
    s: &Scenario,
    fin: &Financing,
    cfads: &[Decimal],
    shares: &[Decimal],
    capex: Decimal,
) -> Result<Vec<ProbeMonth>, XlsxError> {
    let schedule = probe_schedule(fin, s.start, cfads, capex, shares)?;
    let lent = if capex > Decimal::ZERO { f(capex) } else { 1.0 };
    let per = |x: Decimal| f(x) / lent;
    Ok(schedule
        .months
        .iter()
        .map(|m| ProbeMonth {
            owed: per(m.opening_balance_usd) + per(m.draw_usd),
            interest: per(m.interest_usd),
            principal: per(m.principal_usd),
            closing: per(m.closing_balance_usd),
            service: per(m.debt_service_usd),
        })
        .collect())
}

/// The previous row's closing balance and draw (at its end), and its covenant streaks.
struct Previous {
    balance: f64,
    draw: f64,
    ltv_streak: u32,
    dscr_streak: u32,
}

/// The covenant tests of one month (models::collateral): a streak counts the months in a
/// row a test is breached (a pass or no test resets it); LTV is breached above the maximum
/// or when the GPUs are worth nothing while a balance is owed; DSCR below the minimum where
/// there is debt service. A month is in breach with a streak above 0, and in default from
/// the first month a streak passes the cure period on. The flags are 1 (yes) or 0 (no).
/// Returns the month's streaks.
fn covenants(
    sheet: &mut Sheet<'_>,
    ctx: &Context<'_>,
    previous: &Previous,
    m: &FinancingMonth,
    r: u32,
) -> Result<(u32, u32), XlsxError> {
    let at = |c: F| a1(r, col(c));
    let prev = |c: F| a1(r - 1, col(c));
    let first = m.month == 1;
    let before = |c: F| if first { "0".to_owned() } else { prev(c) };
    let ltv = m.ltv.map(f);
    let ltv_breached = ltv.is_none_or(|l| l > f(ctx.fin.max_ltv));
    let ltv_streak = if ltv_breached {
        previous.ltv_streak + 1
    } else {
        0
    };
    sheet.formula(
        r,
        col(F::LtvStreak),
        &format!(
            "=IF(OR(NOT(ISNUMBER({l})),N({l})>financing_max_ltv),{}+1,0)",
            before(F::LtvStreak),
            l = at(F::Ltv)
        ),
        Some(f64::from(ltv_streak)),
        Kind::Count,
    )?;
    let dscr_streak = match ctx.fin.min_dscr {
        Some(min) => {
            let breached = shown_dscr(m, ctx.first_value).is_some_and(|d| d < f(min));
            let streak = if breached {
                previous.dscr_streak + 1
            } else {
                0
            };
            sheet.formula(
                r,
                col(F::DscrStreak),
                &format!(
                    "=IF(ISNUMBER({d}),IF(N({d})<financing_min_dscr,{}+1,0),0)",
                    before(F::DscrStreak),
                    d = at(F::Dscr)
                ),
                Some(f64::from(streak)),
                Kind::Count,
            )?;
            streak
        }
        None => {
            sheet.formula(r, col(F::DscrStreak), "=0", Some(0.0), Kind::Count)?;
            0
        }
    };
    let (ls, ds) = (at(F::LtvStreak), at(F::DscrStreak));
    sheet.formula(
        r,
        col(F::Breach),
        &format!("=IF(OR({ls}>0,{ds}>0),1,0)"),
        Some(if m.in_breach { 1.0 } else { 0.0 }),
        Kind::Flag,
    )?;
    let in_default = if m.in_default { 1.0 } else { 0.0 };
    if m.month >= ctx.first_value {
        // A payment default and acceleration are the waterfall's.
        sheet.value(r, col(F::Default), in_default, Kind::Flag)?;
    } else {
        sheet.formula(
            r,
            col(F::Default),
            &format!(
                "=IF(OR({}=1,{ls}>financing_cure_months,{ds}>financing_cure_months),1,0)",
                before(F::Default)
            ),
            Some(in_default),
            Kind::Flag,
        )?;
    }
    Ok((ltv_streak, dscr_streak))
}

/// The close: the first draw, the discount factor 1, the first equity flow; returns the
/// draw.
fn month_zero(
    sheet: &mut Sheet<'_>,
    shares: &[Decimal],
    debt: f64,
    report: &Report,
    fr: &FinancingReport,
    premium: f64,
) -> Result<f64, XlsxError> {
    let r = row(0);
    let at = |c: F| a1(r, col(c));
    sheet.value(r, col(F::Month), 0.0, Kind::Count)?;
    sheet.value(r, col(F::Discount), 1.0, Kind::Factor)?;
    let share = f(shares.first().copied().unwrap_or_default());
    sheet.formula(
        r,
        col(F::DrawShare),
        &format!("={}", months::at(C::CapexShare, 0)),
        Some(share),
        Kind::Percent,
    )?;
    let draw = if shares.len() <= 1 {
        debt
    } else {
        debt * share
    };
    sheet.formula(
        r,
        col(F::Draw),
        &format!("=financing_debt*{}", at(F::DrawShare)),
        Some(draw),
        Kind::Money,
    )?;
    sheet.formula(
        r,
        col(F::Equity),
        &format!(
            "={}+{}-financing_initial_reserve-financing_cap_premium",
            months::at(C::CashFlow, 0),
            at(F::Draw)
        ),
        Some(
            f(report.summary.close_cash_flow_usd) + draw - f(fr.summary.initial_dsra_usd) - premium,
        ),
        Kind::Money,
    )?;
    sheet.value(r, col(F::Closing), 0.0, Kind::Money)?;
    Ok(draw)
}

/// The columns that follow the waterfall: gpuecon's values from [`first_value_month`] on.
const WATERFALL: [F; 9] = [
    F::Interest,
    F::InterestPaid,
    F::Capitalized,
    F::Principal,
    F::DebtService,
    F::Fees,
    F::Closing,
    F::Dscr,
    F::Equity,
];

/// The waterfall's own lines: always gpuecon's values.
const LINES: [F; 7] = [
    F::Distribution,
    F::Shortfall,
    F::DsraBalance,
    F::Sweep,
    F::TrappedBalance,
    F::SaleToLender,
    F::WrittenOff,
];

/// gpuecon's figure as a value cell ([`NONE`] where it has none).
fn value(sheet: &mut Sheet<'_>, r: u32, c: F, v: Option<f64>, kind: Kind) -> Result<(), XlsxError> {
    match v {
        Some(v) => sheet.value(r, col(c), v, kind),
        None => {
            let format = sheet.styles.value(kind).clone();
            sheet.text(r, col(c), NONE, &format)
        }
    }
}

/// The principal of a level, straight or bullet loan in the month in cell `month`, whose
/// balance owed and interest are in cells `owed` and `interest` and a level loan's
/// installment in `installment` ([`installment`]).
fn principal_formula(
    repayment: Repayment,
    month: &str,
    owed: &str,
    interest: &str,
    installment: &str,
) -> String {
    let k = "financing_capitalize_until_month";
    let t = "financing_tenor_months";
    let amortizing = match repayment {
        Repayment::LevelPayment => {
            format!("MIN(MAX({installment}-{interest},0),{owed})")
        }
        Repayment::Straight => format!("MIN({owed}/({t}-{month}+1),{owed})"),
        Repayment::Bullet | Repayment::Sculpted => "0".to_owned(),
    };
    format!("=IF({month}<={k},0,IF({month}>={t},{owed},{amortizing}))")
}

/// The probe loan's month (per dollar lent) and the DSCR limit it gives this month.
fn probe_row(
    sheet: &mut Sheet<'_>,
    ctx: &Context<'_>,
    m: &FinancingMonth,
    r: u32,
) -> Result<(), XlsxError> {
    let n = m.month;
    let at = |c: F| a1(r, col(c));
    let prev = |c: F| a1(r - 1, col(c));
    let month = at(F::Month);
    let k = "financing_capitalize_until_month";
    let p = ctx
        .probe
        .get(usize::try_from(n).unwrap_or(0).wrapping_sub(1))
        .copied()
        .unwrap_or_default();
    let owed = if n == 1 {
        format!("={}", prev(F::DrawShare))
    } else {
        format!("={}+{}", prev(F::ProbeClosing), prev(F::DrawShare))
    };
    let per_dollar = Kind::Factor;
    sheet.formula(r, col(F::ProbeOwed), &owed, Some(p.owed), per_dollar)?;
    let (o, i) = (at(F::ProbeOwed), at(F::ProbeInterest));
    if ctx.fin.repayment == Repayment::LevelPayment {
        let cols = Level {
            installment: F::ProbeInstallment,
            owed: F::ProbeOwed,
            draw: F::DrawShare,
        };
        installment(sheet, ctx, n, &cols, p.interest + p.principal)?;
    }
    sheet.formula(
        r,
        col(F::ProbeInterest),
        &format!("={o}*{}*{}", at(F::Rate), at(F::Accrual)),
        Some(p.interest),
        per_dollar,
    )?;
    sheet.formula(
        r,
        col(F::ProbePrincipal),
        &principal_formula(ctx.fin.repayment, &month, &o, &i, &at(F::ProbeInstallment)),
        Some(p.principal),
        per_dollar,
    )?;
    let principal = at(F::ProbePrincipal);
    sheet.formula(
        r,
        col(F::ProbeClosing),
        &format!("={o}+IF({month}<={k},{i},0)-{principal}"),
        Some(p.closing),
        per_dollar,
    )?;
    sheet.formula(
        r,
        col(F::ProbeService),
        &format!("=IF({month}<={k},0,{i})+{principal}"),
        Some(p.service),
        per_dollar,
    )?;
    let limit =
        (p.service != 0.0).then(|| f(m.cfads_usd).max(0.0) / f(ctx.fin.target_dscr) / p.service);
    sheet.formula(
        r,
        col(F::LimitHere),
        &format!(
            "=IF(ABS({s})<{PROBE_ZERO},\"n/a\",MAX({},0)/financing_target_dscr/{s})",
            at(F::Cfads),
            s = at(F::ProbeService)
        ),
        limit,
        Kind::Money,
    )
}

/// A probe loan's service per dollar below this is none: what `f64` leaves of a repaid
/// balance (about 1e-17 a dollar), where the decimals leave exactly 0.
const PROBE_ZERO: f64 = 1e-12;

/// One month of the loan.
#[allow(clippy::too_many_lines)] // one formula per column, in the sheet's order
fn month(
    sheet: &mut Sheet<'_>,
    ctx: &Context<'_>,
    previous: &Previous,
    m: &FinancingMonth,
) -> Result<(u32, u32), XlsxError> {
    let n = m.month;
    let i = usize::try_from(n).unwrap_or(0);
    let r = row(n);
    let at = |c: F| a1(r, col(c));
    let prev = |c: F| a1(r - 1, col(c));
    let month = at(F::Month);
    let k = "financing_capitalize_until_month";
    let t = "financing_tenor_months";
    let valued = n >= ctx.first_value;
    sheet.value(r, col(F::Month), f64::from(n), Kind::Count)?;
    let write =
        |sheet: &mut Sheet<'_>, c: F, formula: String, fallback: Option<f64>, kind: Kind| {
            let v = match expected(c, m) {
                Some(v) => v.map(f),
                None => fallback,
            };
            if valued && WATERFALL.contains(&c) {
                value(sheet, r, c, v, kind)
            } else {
                sheet.formula(r, col(c), &formula, v, kind)
            }
        };
    for c in LINES {
        value(sheet, r, c, expected(c, m).flatten().map(f), Kind::Money)?;
    }
    value(sheet, r, F::Taxes, Some(f(m.taxes_usd)), Kind::Money)?;
    let cfads = f(m.cfads_usd);
    write(
        sheet,
        F::Cfads,
        format!(
            "={}-{}-{}",
            months::at(C::GrossMargin, n),
            months::at(C::PrepaymentApplied, n),
            at(F::Taxes)
        ),
        None,
        Kind::Money,
    )?;
    let rate = ctx
        .rates
        .annual
        .get(i.wrapping_sub(1))
        .copied()
        .unwrap_or_default();
    match &ctx.fin.interest {
        Interest::Fixed { .. } => write(
            sheet,
            F::Rate,
            "=financing_interest_annual_rate".to_owned(),
            Some(rate),
            Kind::Percent,
        )?,
        Interest::Floating {
            sofr_annual_rates,
            sofr_floor_annual_rate,
            ..
        } => {
            let sofr = sofr_annual_rates
                .get(i.wrapping_sub(1))
                .or(sofr_annual_rates.last())
                .copied()
                .unwrap_or_default();
            sheet.input(r, col(F::Sofr), f(sofr), Kind::Percent)?;
            let floored = if sofr_floor_annual_rate.is_some() {
                format!(
                    "MAX({},financing_interest_sofr_floor_annual_rate)",
                    at(F::Sofr)
                )
            } else {
                at(F::Sofr)
            };
            write(
                sheet,
                F::Rate,
                format!("={floored}+financing_interest_spread_annual_rate"),
                Some(rate),
                Kind::Percent,
            )?;
        }
    }
    let accrual = match ctx.rates.convention {
        DayCount::Thirty360 => "=30/360".to_owned(),
        DayCount::Act360 | DayCount::Act365Fixed => format!(
            "=({}-{})/{}",
            months::at(C::Date, n),
            months::at(C::Date, n - 1),
            if ctx.rates.convention == DayCount::Act360 {
                360
            } else {
                365
            }
        ),
    };
    write(
        sheet,
        F::Accrual,
        accrual,
        ctx.rates.accrual.get(i.wrapping_sub(1)).copied(),
        Kind::Factor,
    )?;
    let discount = ctx.rates.discount.get(i).copied();
    if ctx.fin.swap.is_some() || ctx.fin.cap.is_some() {
        // The hedges' settlements change the loan's growth: gpuecon's factors.
        value(sheet, r, F::Discount, discount, Kind::Factor)?;
    } else {
        write(
            sheet,
            F::Discount,
            format!(
                "={}/(1+{}*{})",
                prev(F::Discount),
                at(F::Rate),
                at(F::Accrual)
            ),
            discount,
            Kind::Factor,
        )?;
    }
    let target = f(ctx.fin.target_dscr);
    let outside = n <= ctx.fin.capitalize_until_month || n > ctx.fin.tenor_months;
    write(
        sheet,
        F::TargetService,
        format!(
            "=IF(OR({month}<={k},{month}>{t}),0,MAX({},0)/financing_target_dscr)",
            at(F::Cfads)
        ),
        Some(if outside {
            0.0
        } else {
            cfads.max(0.0) / target
        }),
        Kind::Money,
    )?;
    let share = ctx.shares.get(i).copied().map(f);
    write(
        sheet,
        F::DrawShare,
        format!("={}", months::at(C::CapexShare, n)),
        Some(share.unwrap_or_default()),
        Kind::Percent,
    )?;
    write(
        sheet,
        F::Draw,
        format!("=financing_debt*{}", at(F::DrawShare)),
        None,
        Kind::Money,
    )?;
    let opening = if n == 1 {
        "=0".to_owned()
    } else {
        format!("={}", prev(F::Closing))
    };
    sheet.formula(
        r,
        col(F::Opening),
        &opening,
        Some(previous.balance),
        Kind::Money,
    )?;
    write(
        sheet,
        F::Owed,
        format!("={}+{}", at(F::Opening), prev(F::Draw)),
        Some(previous.balance + previous.draw),
        Kind::Money,
    )?;
    write(
        sheet,
        F::Interest,
        format!("={}*{}*{}", at(F::Owed), at(F::Rate), at(F::Accrual)),
        None,
        Kind::Money,
    )?;
    let (owed, interest) = (at(F::Owed), at(F::Interest));
    if probe_live(ctx.fin) {
        probe_row(sheet, ctx, m, r)?;
    }
    let (paid, principal) = match ctx.fin.repayment {
        Repayment::Sculpted => {
            let service = if n <= ctx.fin.capitalize_until_month {
                0.0
            } else {
                cfads.max(0.0) / ctx.sculpt_dscr
            };
            if !valued {
                write(
                    sheet,
                    F::Service,
                    format!(
                        "=IF({month}<={k},0,MAX({},0)/financing_sculpt_dscr)",
                        at(F::Cfads)
                    ),
                    Some(service),
                    Kind::Money,
                )?;
            }
            let s = at(F::Service);
            (
                format!("=IF({month}<={k},0,IF({month}>={t},{interest},MIN({interest},{s})))"),
                format!(
                    "=IF({month}<={k},0,IF({month}>={t},{owed},MIN(MAX({s}-{interest},0),{owed})))"
                ),
            )
        }
        other => {
            if other == Repayment::LevelPayment && !valued {
                let cols = Level {
                    installment: F::Service,
                    owed: F::Owed,
                    draw: F::Draw,
                };
                let cached = f(m.interest_usd) + f(m.principal_usd);
                installment(sheet, ctx, n, &cols, cached)?;
            }
            (
                format!("=IF({month}<={k},0,{interest})"),
                principal_formula(other, &month, &owed, &interest, &at(F::Service)),
            )
        }
    };
    write(sheet, F::InterestPaid, paid, None, Kind::Money)?;
    write(
        sheet,
        F::Capitalized,
        format!("={interest}-{}", at(F::InterestPaid)),
        None,
        Kind::Money,
    )?;
    write(sheet, F::Principal, principal, None, Kind::Money)?;
    write(
        sheet,
        F::DebtService,
        format!("={}+{}", at(F::InterestPaid), at(F::Principal)),
        None,
        Kind::Money,
    )?;
    let draws = format!("{}:{}", abs(row(0), col(F::Draw)), a1(r - 1, col(F::Draw)));
    write(
        sheet,
        F::Fees,
        format!(
            "=IF({month}=1,financing_upfront_fee,0)+IF({month}<=financing_availability_months,MAX(financing_debt-SUM({draws}),0)*financing_fees_commitment_fee_annual_rate*{},0)",
            at(F::Accrual)
        ),
        None,
        Kind::Money,
    )?;
    write(
        sheet,
        F::Closing,
        format!("={owed}+{}-{}", at(F::Capitalized), at(F::Principal)),
        None,
        Kind::Money,
    )?;
    // Service below half a cent is none: what is left of a repaid balance in `f64`
    // (1e-9) or in decimals (1e-12) would give a DSCR of 1e14 or more.
    let dscr = shown_dscr(m, ctx.first_value);
    if valued {
        value(sheet, r, F::Dscr, dscr, Kind::Multiple)?;
    } else {
        sheet.formula(
            r,
            col(F::Dscr),
            &format!(
                "=IF(ABS({ds})<{MIN_SERVICE_USD},\"n/a\",{}/{ds})",
                at(F::Cfads),
                ds = at(F::DebtService)
            ),
            dscr,
            Kind::Multiple,
        )?;
    }
    write(
        sheet,
        F::Ltv,
        format!(
            "=IF({b}=0,0,IF({v}=0,\"n/a\",{b}/{v}))",
            b = at(F::Closing),
            v = months::at(C::EconomicValue, n)
        ),
        None,
        Kind::Percent,
    )?;
    let streaks = covenants(sheet, ctx, previous, m, r)?;
    write(
        sheet,
        F::Equity,
        format!(
            "={}-{}-{}+{}",
            months::at(C::CashFlow, n),
            at(F::DebtService),
            at(F::Fees),
            at(F::Draw)
        ),
        None,
        Kind::Money,
    )?;
    Ok(streaks)
}

/// Where a level loan's installment goes and what it reads: its own column, the balance
/// owed and the draw (at the previous row's end).
struct Level {
    installment: F,
    owed: F,
    draw: F,
}

/// A level loan's installment: `PMT(rate ÷ 12, months left, −owed)`, set in the first
/// month of amortization and set again after a draw or when the rate changes (the core's
/// amortization), else the previous month's. Cached with the month's interest + principal
/// (`cached`) and checked through the principal it sets.
fn installment(
    sheet: &mut Sheet<'_>,
    ctx: &Context<'_>,
    n: u32,
    cols: &Level,
    cached: f64,
) -> Result<(), XlsxError> {
    let r = row(n);
    let at = |c: F| a1(r, col(c));
    let prev = |c: F| a1(r - 1, col(c));
    let month = at(F::Month);
    let k = "financing_capitalize_until_month";
    let t = "financing_tenor_months";
    let first = n == 1;
    let reset = if first {
        "TRUE".to_owned()
    } else {
        format!(
            "OR({month}={k}+1,{}>0,{}<>{})",
            prev(cols.draw),
            at(F::Rate),
            prev(F::Rate)
        )
    };
    let kept = if first {
        "0".to_owned()
    } else {
        prev(cols.installment)
    };
    let formula = format!(
        "=IF(OR({month}<={k},{month}>={t}),0,IF({reset},PMT({}/12,{t}-{month}+1,-{}),{kept}))",
        at(F::Rate),
        at(cols.owed)
    );
    let level = n > ctx.fin.capitalize_until_month && n < ctx.fin.tenor_months;
    let cached = if level { cached } else { 0.0 };
    let cell = rust_xlsxwriter::Formula::new(formula).set_result(cached.to_string());
    sheet.ws.write_formula_with_format(
        r,
        col(cols.installment),
        cell,
        sheet.styles.formula(Kind::Money),
    )?;
    Ok(())
}

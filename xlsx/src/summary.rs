//! The `Summary` sheet: totals and metrics from the monthly sheets with Excel's own
//! functions (NPV, IRR, XIRR, MIRR), the payback month, and the box's debt, equity
//! returns, minimum DSCR and peak LTV.

use gpuecon::finance;
use gpuecon::scenario::{FinancingReport, Report, Scenario};
use gpuecon::{Date, Decimal};

use crate::XlsxError;
use crate::cells::{Sheet, f};
use crate::financing::{self, F};
use crate::months::{self, C};
use crate::style::{Kind, Styles};

/// The sheet's name.
pub(crate) const SHEET: &str = "Summary";

/// Writes rows one after another: label, formula, note.
struct Rows<'a, 's> {
    sheet: &'a mut Sheet<'s>,
    row: u32,
}

impl Rows<'_, '_> {
    fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        self.row += 1;
        let styles = self.sheet.styles;
        self.sheet.text(self.row, 0, text, &styles.header)?;
        self.row += 1;
        Ok(())
    }

    fn formula(
        &mut self,
        label: &str,
        formula: &str,
        value: Option<f64>,
        kind: Kind,
        note: &str,
    ) -> Result<(), XlsxError> {
        let styles = self.sheet.styles;
        self.sheet.plain(self.row, 0, label)?;
        self.sheet.formula(self.row, 1, formula, value, kind)?;
        self.sheet.text(self.row, 2, note, &styles.note)?;
        self.row += 1;
        Ok(())
    }
}

/// The annualized IRR of `flows` with Excel's `IRR`, started from 1 % a month (12.7 % a
/// year, near the returns of GPU fleets), then −3 % (a losing project), then Excel's
/// default 10 %: over horizons of 100 months and more the default alone diverges or
/// finds another root than gpuecon's (the one nearest its guess).
fn irr(flows: &str) -> String {
    format!(
        "=IFERROR((1+IFERROR(IRR({flows},0.01),IFERROR(IRR({flows},-0.03),IRR({flows},0.1))))^12-1,\"n/a\")"
    )
}

/// `(1 + monthly)^12 − 1` of a monthly rate from the core, in `f64`.
fn annualized(monthly: Option<Decimal>) -> Option<f64> {
    monthly
        .and_then(|m| finance::annual_rate(m, "rate").ok())
        .map(f)
}

/// Writes the sheet.
#[allow(clippy::too_many_lines)] // one row per metric, in the sheet's order
pub(crate) fn write<'s>(
    styles: &'s Styles,
    s: &Scenario,
    report: &Report,
) -> Result<Sheet<'s>, XlsxError> {
    let mut sheet = Sheet::new(SHEET, styles)?;
    sheet.text(0, 0, "Summary", &styles.title)?;
    sheet.ws.set_column_width(0, 34)?;
    sheet.ws.set_column_width(1, 20)?;
    sheet.ws.set_column_width(2, 80)?;
    let h = s.horizon_months;
    let sum = &report.summary;
    let mut rows = Rows {
        sheet: &mut sheet,
        row: 1,
    };
    rows.heading("The project (unlevered)")?;
    let total = |c: C| format!("=SUM({})", months::range(c, 1, h));
    rows.formula(
        "Revenue",
        &total(C::Revenue),
        Some(f(sum.revenue.total_usd)),
        Kind::Money,
        "over the horizon",
    )?;
    rows.formula(
        "Costs",
        &total(C::Costs),
        Some(f(sum.costs.total_usd)),
        Kind::Money,
        "cash operating costs",
    )?;
    rows.formula(
        "Gross margin",
        &total(C::GrossMargin),
        Some(f(sum.gross_margin_usd)),
        Kind::Money,
        "revenue − costs",
    )?;
    rows.formula(
        "Capex",
        &format!("=SUM({})", months::range(C::Capex, 0, h)),
        Some(f(sum.capex_usd)),
        Kind::Money,
        "at the close and on delivery",
    )?;
    let monthly = finance::monthly_rate(s.annual_discount_rate, "annual_discount_rate")?;
    let rate_cell = crate::cells::abs(rows.row, 1);
    rows.formula(
        "Monthly discount rate",
        "=(1+annual_discount_rate)^(1/12)-1",
        Some(f(monthly)),
        Kind::Percent,
        "the annual rate's twelfth root",
    )?;
    let flows = months::range(C::CashFlow, 0, h);
    let later = months::range(C::CashFlow, 1, h);
    let close = months::at(C::CashFlow, 0);
    rows.formula(
        "NPV",
        &format!("={close}+NPV({rate_cell},{later})"),
        Some(f(sum.metrics.npv_usd)),
        Kind::Money,
        "month 0 undiscounted, month m discounted m months",
    )?;
    rows.formula(
        "IRR",
        &irr(&flows),
        sum.metrics.irr_annual.map(f),
        Kind::Percent,
        "monthly IRR, annualized (1 + IRR)^12 − 1",
    )?;
    let cash: Vec<Decimal> = std::iter::once(sum.close_cash_flow_usd)
        .chain(report.months.iter().map(|m| m.cash_flow_usd))
        .collect();
    let dates: Vec<Date> = std::iter::once(s.start)
        .chain(report.months.iter().map(|m| m.date))
        .collect();
    let xirr = finance::xirr(&cash, &dates, None).ok().map(f);
    let irr_cell = crate::cells::abs(rows.row - 1, 1);
    rows.formula(
        "XIRR",
        &format!(
            "=IFERROR(XIRR({flows},{},IF(ISNUMBER({irr_cell}),{irr_cell},0.1)),\"n/a\")",
            months::range(C::Date, 0, h)
        ),
        xirr,
        Kind::Percent,
        "on the month-end dates, actual/365",
    )?;
    let mirr = finance::mirr(&cash, monthly, monthly)
        .ok()
        .and_then(|m| annualized(Some(m)));
    rows.formula(
        "MIRR",
        &format!("=IFERROR((1+MIRR({flows},{rate_cell},{rate_cell}))^12-1,\"n/a\")"),
        mirr,
        Kind::Percent,
        "financed and reinvested at the discount rate, annualized",
    )?;
    rows.formula(
        "Payback month",
        &format!(
            "=IF(COUNTIF({cum},\"<0\")=0,0,IF({last}<0,\"n/a\",SUMPRODUCT(MAX(({cum}<0)*{month}))+1))",
            cum = months::range(C::Cumulative, 0, h),
            month = months::range(C::Month, 0, h),
            last = months::at(C::Cumulative, h),
        ),
        sum.metrics.payback_month.map(f64::from),
        Kind::Count,
        "the month after the last whose cumulative cash flow is below 0",
    )?;
    rows.formula(
        "Book value at the end",
        &format!("={}", months::at(C::BookValue, h)),
        Some(f(sum.book_value_usd)),
        Kind::Money,
        "",
    )?;
    rows.formula(
        "Economic value at the end",
        &format!("={}", months::at(C::EconomicValue, h)),
        Some(f(sum.economic_value_usd)),
        Kind::Money,
        "",
    )?;
    if let Some(fr) = &report.financing {
        let first_value = s
            .financing
            .as_ref()
            .map_or(u32::MAX, |fin| financing::first_value_month(fin, fr));
        box_rows(&mut rows, fr, h, &rate_cell, first_value)?;
    }
    sheet.ws.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

/// The financing's rows.
fn box_rows(
    rows: &mut Rows<'_, '_>,
    fr: &FinancingReport,
    h: u32,
    rate_cell: &str,
    first_value: u32,
) -> Result<(), XlsxError> {
    let sum = &fr.summary;
    rows.heading("The box (levered)")?;
    rows.formula(
        "Debt",
        "=financing_debt",
        Some(f(sum.debt_usd)),
        Kind::Money,
        "the lesser of the advance and DSCR limits",
    )?;
    rows.formula(
        "Equity",
        &format!(
            "=SUM({})-financing_debt-{}",
            months::range(C::Capex, 0, h),
            months::at(C::PrepaymentReceived, 0)
        ),
        Some(f(sum.equity_usd)),
        Kind::Money,
        "capex − debt − prepayments (the cap's premium, the reserve and spares are in sources and uses)",
    )?;
    let flows = financing::range(F::Equity, 0, h);
    rows.formula(
        "Equity NPV",
        &format!(
            "={}+NPV({rate_cell},{})",
            financing::range(F::Equity, 0, 0),
            financing::range(F::Equity, 1, h)
        ),
        Some(f(sum.equity.npv_usd)),
        Kind::Money,
        "at the scenario's discount rate",
    )?;
    rows.formula(
        "Equity IRR",
        &irr(&flows),
        sum.equity.irr_annual.map(f),
        Kind::Percent,
        "monthly IRR, annualized",
    )?;
    let dscr = financing::range(F::Dscr, 1, h);
    // gpuecon's minimum, over the months whose DSCR the sheet shows (financing::shown_dscr).
    let minimum_dscr = fr
        .months
        .iter()
        .filter_map(|m| financing::shown_dscr(m, first_value))
        .reduce(f64::min);
    debug_assert!(sum.minimum_dscr.is_some() || minimum_dscr.is_none());
    rows.formula(
        "Minimum DSCR",
        &format!("=IF(COUNT({dscr})=0,\"n/a\",MIN({dscr}))"),
        minimum_dscr,
        Kind::Multiple,
        "over the months with debt service",
    )?;
    let ltv = financing::range(F::Ltv, 1, h);
    rows.formula(
        "Peak LTV",
        &format!("=IF(COUNT({ltv})=0,\"n/a\",MAX({ltv}))"),
        sum.peak_ltv.map(f),
        Kind::Percent,
        "balance ÷ economic value",
    )?;
    rows.formula(
        "Months in breach",
        &format!("=SUM({})", financing::range(F::Breach, 1, h)),
        Some(f64::from(sum.months_in_breach)),
        Kind::Count,
        "months with a covenant breached",
    )?;
    rows.formula(
        "First month in default",
        &format!(
            "=IFERROR(INDEX({},MATCH(1,{},0)),\"n/a\")",
            financing::range(F::Month, 1, h),
            financing::range(F::Default, 1, h)
        ),
        sum.first_default_month.map(f64::from),
        Kind::Count,
        "a breach past the cure period",
    )
}

//! The `Cover` sheet: what the workbook is, which gpuecon made it, how to read its
//! colours, and which cells are gpuecon's values rather than formulas, and why.

use gpuecon::scenario::{Report, Scenario};

use crate::XlsxError;
use crate::cells::Sheet;
use crate::style::{Kind, Styles};

/// The sheet's name.
pub(crate) const SHEET: &str = "Cover";

/// The cells written as gpuecon's values, and why a formula does not compute them; with
/// whether the scenario has them.
fn values(s: &Scenario, report: &Report) -> Vec<(&'static str, &'static str, String)> {
    let yes = |here: bool| if here { "yes" } else { "no" }.to_owned();
    let fin = s.financing.as_ref();
    let first_value = match (fin, &report.financing) {
        (Some(fin), Some(fr)) => crate::financing::first_value_month(fin, fr),
        _ => u32::MAX,
    };
    let loan = if first_value == u32::MAX {
        "no".to_owned()
    } else {
        format!("from month {first_value}")
    };
    let listed: Vec<(&'static str, &'static str, bool)> = vec![
        (
            "Contracts: usage, billed, overage, shortfall and served hours; escalation; termination fees",
            "take-or-pay true-ups and make-up credits carried across periods are iteration; the revenue is a formula on the prices",
            !s.contracts.is_empty(),
        ),
        (
            "Months: hosting fees, SLA credits",
            "the hosting agreement's minimum top-up and credit tiers (models::hosting)",
            s.hosting.is_some(),
        ),
        (
            "Months: power, PPA settlement, demand response, curtailed share",
            "the energy section: a monthly market price through a PPA's collar, curtailment schedules",
            s.energy.is_some(),
        ),
        (
            "Months: facility and the lease's taxes, insurance and maintenance",
            "a lease's escalators and triple-net items (models::facility)",
            s.lease.is_some(),
        ),
        (
            "Months: on-demand price and utilization",
            "the cascade's stages (models::depreciation::cascade)",
            !s.market.cascade.is_empty(),
        ),
        (
            "Months: depreciation and book value",
            "the book method's schedule (straight line, declining balance, SYD, VDB, MACRS); not in the cash flow",
            true,
        ),
        (
            "Months: economic value",
            "a fleet delivered in tranches, each valued at its own age",
            !s.fleet.deliveries.is_empty(),
        ),
        (
            "Months: prepayments received and applied",
            "each contract's prepayment spread over the months it serves, the rounding in the last",
            s.contracts.iter().any(|c| !c.prepaid_share.is_zero()),
        ),
        (
            "Months: GPUs in service, economic value and sale",
            "GPUs sold after a contract or retired before the horizon: which leave when, and their sale less its cost",
            crate::months::fleet_sold_early(s, report),
        ),
        (
            "Financing: taxes; the DSCR limit",
            "the tax model's carryforwards and depreciation (models::tax); the debt is sized on CFADS after the unlevered tax",
            fin.is_some_and(|f| f.taxes.is_some()),
        ),
        (
            "Financing: discount factors; a level, straight or bullet loan's DSCR limit",
            "a swap's or cap's settlements change the loan's monthly growth and service (models::debt::discount_factors)",
            fin.is_some_and(|f| f.swap.is_some() || f.cap.is_some()),
        ),
        (
            "Financing: distribution, shortfall, reserve (DSRA), sweeps, trapped cash, sale to the lender, written off; the reserve at the close",
            "the waterfall's path: each month's accounts depend on every month before (scenario::financing)",
            fin.is_some(),
        ),
    ];
    let mut rows: Vec<(&'static str, &'static str, String)> = listed
        .into_iter()
        .map(|(cells, why, here)| (cells, why, yes(here)))
        .collect();
    rows.push((
        "Financing: interest, interest paid and capitalized, principal, debt service, fees, closing balance, DSCR, equity flow and the default flag, from the month the waterfall leaves the schedule",
        "a payment or covenant default and acceleration, a sale to the lender, a reserve, lock-up or sweep, taxes or hedges: path-dependent, as gpuecon's waterfall runs it (the sheet's LTV, streaks and breach flags stay formulas on these balances)",
        loan,
    ));
    rows
}

/// Writes the sheet.
pub(crate) fn write<'s>(
    styles: &'s Styles,
    s: &Scenario,
    report: &Report,
    sources: &[String],
) -> Result<Sheet<'s>, XlsxError> {
    let mut sheet = Sheet::new(SHEET, styles)?;
    let title = if s.title.is_empty() {
        "A gpuecon scenario"
    } else {
        &s.title
    };
    sheet.text(0, 0, title, &styles.title)?;
    sheet.plain(
        1,
        0,
        &format!(
            "Written by gpuecon {} from the scenario starting {}, {} months. Recalculate (F9, or Ctrl+Alt+F9) after a change.",
            crate::VERSION,
            s.start,
            s.horizon_months
        ),
    )?;
    sheet.text(3, 0, "How to read it", &styles.header)?;
    sheet.input(4, 1, 1.0, Kind::Factor)?;
    sheet.plain(
        4,
        0,
        "Input: change it (Inputs, and the input series on Months and Financing)",
    )?;
    sheet.formula(5, 1, "=B5*2", Some(2.0), Kind::Factor)?;
    sheet.plain(
        5,
        0,
        "Formula: recalculated from the inputs, cached with gpuecon's own figure",
    )?;
    sheet.value(6, 1, 3.0, Kind::Factor)?;
    sheet.plain(
        6,
        0,
        "Value: gpuecon's figure, not recalculated (listed below)",
    )?;
    sheet.text(8, 0, "Sheets", &styles.header)?;
    let sheets = [
        "Inputs: every scalar input, each a defined name",
        "Months: month 0 and one row per month, hours to cash flow",
        "Contracts: take-or-pay settlement per month",
        "Financing: the box's sizing, the loan on its day count, the waterfall's lines, DSCR, LTV, equity flows",
        "Summary: NPV, IRR, XIRR, MIRR, payback; debt, equity returns, minimum DSCR, peak LTV",
    ];
    let mut row = 9;
    for line in sheets {
        sheet.plain(row, 0, line)?;
        row += 1;
    }
    row += 1;
    sheet.text(row, 0, "Values, not formulas", &styles.header)?;
    sheet.text(row, 1, "Why", &styles.header)?;
    sheet.text(row, 2, "In this scenario", &styles.header)?;
    row += 1;
    for (cells, why, here) in values(s, report) {
        sheet.plain(row, 0, cells)?;
        sheet.text(row, 1, why, &styles.note)?;
        sheet.plain(row, 2, &here)?;
        row += 1;
    }
    if !sources.is_empty() {
        row += 1;
        sheet.text(row, 0, "Sources", &styles.header)?;
        row += 1;
        for source in sources {
            sheet.plain(row, 0, source)?;
            row += 1;
        }
    }
    sheet.ws.set_column_width(0, 90)?;
    sheet.ws.set_column_width(1, 60)?;
    sheet.ws.set_column_width(2, 16)?;
    Ok(sheet)
}

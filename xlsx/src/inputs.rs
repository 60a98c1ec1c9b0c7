//! The `Inputs` sheet: every scalar input of the scenario as a named cell, with its unit,
//! a note and the scenario field it comes from. Series (a price curve, SOFR by month, the
//! delivery schedule) are input columns on the sheets that use them.

use gpuecon::Decimal;
use gpuecon::models::debt::Interest;
use gpuecon::scenario::Scenario;
use rust_xlsxwriter::Workbook;

use crate::XlsxError;
use crate::cells::{InputCell, Sheet, abs, f};
use crate::style::{Kind, Styles};

/// The sheet's name.
pub(crate) const SHEET: &str = "Inputs";

/// One named input.
struct Input {
    name: String,
    field: String,
    value: Decimal,
    kind: Kind,
    unit: &'static str,
    note: &'static str,
}

/// Collects the inputs in the order the scenario lists them.
#[derive(Default)]
struct List(Vec<Input>);

impl List {
    fn add(
        &mut self,
        field: &str,
        value: Decimal,
        kind: Kind,
        unit: &'static str,
        note: &'static str,
    ) {
        self.0.push(Input {
            name: name_of(field),
            field: field.to_owned(),
            value,
            kind,
            unit,
            note,
        });
    }
}

/// The defined name of a scenario field: `market.reserved[0].gpus` is
/// `market_reserved1_gpus` (every name holds an underscore, so none reads as a cell).
pub(crate) fn name_of(field: &str) -> String {
    let mut name = String::with_capacity(field.len());
    let mut index = String::new();
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '.' => name.push('_'),
            '[' => in_index = true,
            ']' => {
                in_index = false;
                let n: usize = index.parse().unwrap_or(0);
                name.push_str(&(n + 1).to_string());
                index.clear();
            }
            c if in_index => index.push(c),
            c => name.push(c),
        }
    }
    name
}

/// The scenario's scalar inputs.
fn list(s: &Scenario) -> List {
    let mut l = List::default();
    l.add(
        "annual_discount_rate",
        s.annual_discount_rate,
        Kind::Percent,
        "a year",
        "discounts NPV (monthly: the twelfth root)",
    );
    l.add("fleet.gpus", s.fleet.gpus, Kind::Count, "GPUs", "the fleet");
    l.add(
        "fleet.capex_usd_per_gpu",
        s.fleet.capex_usd_per_gpu,
        Kind::Money,
        "USD per GPU",
        "all-in, paid on delivery",
    );
    l.add(
        "fleet.resellable_share",
        s.fleet.resellable_share,
        Kind::Percent,
        "of capex",
        "the share of capex the residual curve values (the GPUs)",
    );
    l.add(
        "power.it_kw_per_gpu",
        s.power.it_kw_per_gpu,
        Kind::Factor,
        "kW per GPU",
        "IT load at full use",
    );
    l.add(
        "power.idle_fraction",
        s.power.idle_fraction,
        Kind::Percent,
        "of full load",
        "drawn when idle",
    );
    l.add(
        "power.pue",
        s.power.pue,
        Kind::Factor,
        "ratio",
        "facility ÷ IT energy",
    );
    l.add(
        "power.usd_per_kwh",
        s.power.usd_per_kwh,
        Kind::Price,
        "USD per kWh",
        "electricity price",
    );
    l.add(
        "facility.contracted_kw_per_gpu",
        s.facility.contracted_kw_per_gpu,
        Kind::Factor,
        "kW per GPU",
        "colocation is billed on contracted kW",
    );
    l.add(
        "facility.usd_per_kw_month",
        s.facility.usd_per_kw_month,
        Kind::Money,
        "USD per kW-month",
        "colocation rate",
    );
    let o = &s.operations;
    l.add(
        "operations.staff_usd_per_gpu_hour",
        o.staff_usd_per_gpu_hour,
        Kind::Price,
        "USD per available GPU-hour",
        "operations staff",
    );
    l.add(
        "operations.support_usd_per_gpu_hour",
        o.support_usd_per_gpu_hour,
        Kind::Price,
        "USD per available GPU-hour",
        "support and maintenance",
    );
    l.add(
        "operations.software_usd_per_gpu_hour",
        o.software_usd_per_gpu_hour,
        Kind::Price,
        "USD per available GPU-hour",
        "software",
    );
    l.add(
        "operations.insurance_rate_per_year",
        o.insurance_rate_per_year,
        Kind::Percent,
        "of capex a year",
        "insurance",
    );
    l.add(
        "operations.sga_share_of_revenue",
        o.sga_share_of_revenue,
        Kind::Percent,
        "of revenue",
        "SG&A",
    );
    let m = &s.market;
    l.add(
        "market.on_demand_usd_per_gpu_hour",
        m.on_demand_usd_per_gpu_hour,
        Kind::Price,
        "USD per GPU-hour",
        "on-demand price at the start (× the price curve, Months)",
    );
    l.add(
        "market.utilization",
        m.utilization,
        Kind::Percent,
        "of on-demand hours",
        "billed utilization of the on-demand GPUs",
    );
    for (i, r) in m.reserved.iter().enumerate() {
        l.add(
            &format!("market.reserved[{i}].gpus"),
            r.gpus,
            Kind::Count,
            "GPUs",
            "reserved block",
        );
        l.add(
            &format!("market.reserved[{i}].discount"),
            r.discount,
            Kind::Percent,
            "off on-demand",
            "at the on-demand price of its first month",
        );
    }
    if let Some(spot) = &m.spot {
        l.add(
            "market.spot.share_of_idle_sold",
            spot.share_of_idle_sold,
            Kind::Percent,
            "of idle on-demand hours",
            "sold as spot",
        );
        l.add(
            "market.spot.preemption_rate",
            spot.preemption_rate,
            Kind::Percent,
            "of spot hours sold",
            "pre-empted, not billed",
        );
        l.add(
            "market.spot.discount",
            spot.discount,
            Kind::Percent,
            "off on-demand",
            "spot price",
        );
    }
    for (i, line) in s.contracts.iter().enumerate() {
        let c = &line.contract;
        l.add(
            &format!("contracts[{i}].contract.gpus"),
            c.gpus,
            Kind::Count,
            "GPUs",
            "dedicated to the contract",
        );
        l.add(
            &format!("contracts[{i}].contract.price_usd_per_gpu_hour"),
            c.price_usd_per_gpu_hour,
            Kind::Price,
            "USD per GPU-hour",
            "before the escalator",
        );
        if let Some(price) = c.shortfall_price_usd_per_gpu_hour {
            l.add(
                &format!("contracts[{i}].contract.shortfall_price_usd_per_gpu_hour"),
                price,
                Kind::Price,
                "USD per GPU-hour",
                "a shortfall hour, before the escalator",
            );
        }
        if let Some(price) = c.overage_price_usd_per_gpu_hour {
            l.add(
                &format!("contracts[{i}].contract.overage_price_usd_per_gpu_hour"),
                price,
                Kind::Price,
                "USD per GPU-hour",
                "an hour above the cap, before the escalator",
            );
        }
    }
    if let Some(fin) = &s.financing {
        financing(&mut l, fin);
    }
    l
}

/// The financing's inputs.
fn financing(l: &mut List, fin: &gpuecon::scenario::Financing) {
    l.add(
        "financing.advance_rate",
        fin.advance_rate,
        Kind::Percent,
        "of capex",
        "the most the lender advances",
    );
    l.add(
        "financing.target_dscr",
        fin.target_dscr,
        Kind::Multiple,
        "CFADS ÷ debt service",
        "the DSCR the debt is sized to",
    );
    l.add(
        "financing.tenor_months",
        Decimal::from(fin.tenor_months),
        Kind::Count,
        "months",
        "close to maturity",
    );
    l.add(
        "financing.capitalize_until_month",
        Decimal::from(fin.capitalize_until_month),
        Kind::Count,
        "month",
        "interest capitalized through this month",
    );
    match &fin.interest {
        Interest::Fixed { annual_rate } => l.add(
            "financing.interest.annual_rate",
            *annual_rate,
            Kind::Percent,
            "a year",
            "fixed rate (day count: Financing)",
        ),
        Interest::Floating {
            sofr_floor_annual_rate,
            ..
        } => {
            l.add(
                "financing.interest.spread_annual_rate",
                fin.interest.spread().unwrap_or_default(),
                Kind::Percent,
                "a year, over SOFR",
                "the credit tier's spread unless given (SOFR by month: Financing)",
            );
            if let Some(floor) = sofr_floor_annual_rate {
                l.add(
                    "financing.interest.sofr_floor_annual_rate",
                    *floor,
                    Kind::Percent,
                    "a year",
                    "SOFR counts at least this",
                );
            }
        }
    }
    l.add(
        "financing.fees.upfront_fee_share_of_commitment",
        fin.fees.upfront_fee_share_of_commitment,
        Kind::Percent,
        "of the debt",
        "paid in month 1",
    );
    l.add(
        "financing.fees.commitment_fee_annual_rate",
        fin.fees.commitment_fee_annual_rate,
        Kind::Percent,
        "a year on undrawn",
        "until the last draw",
    );
    l.add(
        "financing.max_ltv",
        fin.max_ltv,
        Kind::Percent,
        "balance ÷ value",
        "covenant: breached above it",
    );
    if let Some(min) = fin.min_dscr {
        l.add(
            "financing.min_dscr",
            min,
            Kind::Multiple,
            "CFADS ÷ debt service",
            "covenant: breached below it",
        );
    }
    l.add(
        "financing.cure_months",
        Decimal::from(fin.cure_months),
        Kind::Count,
        "months",
        "a breach longer than this is a default",
    );
}

/// Writes the sheet and defines its names; returns it and the named cells.
pub(crate) fn write<'s>(
    workbook: &mut Workbook,
    styles: &'s Styles,
    scenario: &Scenario,
) -> Result<(Sheet<'s>, Vec<InputCell>), XlsxError> {
    let mut sheet = Sheet::new(SHEET, styles)?;
    sheet.text(
        0,
        0,
        "Inputs: change the blue cells; every formula follows",
        &styles.title,
    )?;
    for (col, header) in ["Name", "Value", "Unit", "Scenario field", "Note"]
        .iter()
        .enumerate()
    {
        sheet.text(2, u16::try_from(col).unwrap_or(0), header, &styles.header)?;
    }
    let mut cells = Vec::new();
    for (row, input) in (3_u32..).zip(list(scenario).0) {
        sheet.plain(row, 0, &input.name)?;
        sheet.input(row, 1, f(input.value), input.kind)?;
        sheet.text(row, 2, input.unit, &styles.note)?;
        sheet.plain(row, 3, &input.field)?;
        sheet.text(row, 4, input.note, &styles.note)?;
        workbook.define_name(&input.name, &format!("={SHEET}!{}", abs(row, 1)))?;
        cells.push(InputCell {
            name: input.name,
            field: input.field,
            sheet: SHEET,
            cell: crate::cells::a1(row, 1),
            value: f(input.value),
        });
    }
    sheet.ws.set_column_width(0, 52)?;
    sheet.ws.set_column_width(1, 16)?;
    sheet.ws.set_column_width(2, 26)?;
    sheet.ws.set_column_width(3, 58)?;
    sheet.ws.set_column_width(4, 60)?;
    sheet.ws.set_freeze_panes(3, 0)?;
    Ok((sheet, cells))
}

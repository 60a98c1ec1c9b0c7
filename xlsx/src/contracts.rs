//! The `Contracts` sheet: each take-or-pay contract settled month by month. The hours
//! (usage, billed, overage, shortfall, served) and the escalation factor are gpuecon's
//! values: make-up credits carried across true-up periods are iteration a sheet cannot
//! express cleanly. The revenue is a formula on the contract's prices (Inputs), so a
//! price change flows through.

use gpuecon::models::take_or_pay::{self, SettleInputs, SettlementMonth};
use gpuecon::scenario::Scenario;
use gpuecon::units::HOURS_PER_MONTH;
use gpuecon::{Decimal, units};

use crate::XlsxError;
use crate::cells::{Sheet, a1, f};
use crate::inputs::name_of;
use crate::months::row;
use crate::style::{Kind, Styles};

/// The sheet's name.
pub(crate) const SHEET: &str = "Contracts";

/// The columns of each contract's block, in order.
const BLOCK: [(&str, Kind); 8] = [
    ("Usage", Kind::Hours),
    ("Billed at the price", Kind::Hours),
    ("Overage", Kind::Hours),
    ("Shortfall paid", Kind::Hours),
    ("Usage served", Kind::Hours),
    ("Escalation", Kind::Factor),
    ("Termination fee", Kind::Money),
    ("Revenue", Kind::Money),
];

/// The contracts settled on their expected usage, as `evaluate` settles them.
pub(crate) struct Book {
    /// Per contract, its settlement months within the horizon, by month index.
    settled: Vec<Vec<Option<SettlementMonth>>>,
}

/// The first column of contract `k`'s block.
fn first(k: usize) -> u16 {
    u16::try_from(1 + k * BLOCK.len()).unwrap_or(u16::MAX)
}

/// Contract `k`'s column `offset` in month `m`, from another sheet.
fn reference(k: usize, offset: usize, month: u32) -> String {
    let col = first(k).saturating_add(u16::try_from(offset).unwrap_or(0));
    format!("{SHEET}!{}", a1(row(month), col))
}

impl Book {
    /// Settles each contract of `s` on its usage share, month by month.
    pub(crate) fn new(s: &Scenario) -> Result<Self, XlsxError> {
        let h = usize::try_from(s.horizon_months).unwrap_or(0);
        let mut settled = Vec::with_capacity(s.contracts.len());
        for line in &s.contracts {
            let c = &line.contract;
            let full = units::mul(c.gpus, HOURS_PER_MONTH, "contract.gpus")?;
            let usage_gpu_hours = (1..=s.horizon_months)
                .map(|m| {
                    if c.is_active(m) {
                        units::mul(full, line.usage_share_in(m), "usage_share")
                    } else {
                        Ok(Decimal::ZERO)
                    }
                })
                .collect::<Result<_, _>>()?;
            let settlement = take_or_pay::settle(&SettleInputs {
                contract: c.clone(),
                usage_gpu_hours,
            })?;
            let mut months = vec![None; h];
            for m in settlement.months {
                let index = usize::try_from(m.month).unwrap_or(0).wrapping_sub(1);
                if let Some(slot) = months.get_mut(index) {
                    *slot = Some(m);
                }
            }
            settled.push(months);
        }
        Ok(Self { settled })
    }

    /// The contracts' settlement in `month`, with their index.
    fn in_month(&self, month: u32) -> impl Iterator<Item = (usize, &SettlementMonth)> {
        let index = usize::try_from(month).unwrap_or(0).wrapping_sub(1);
        self.settled
            .iter()
            .enumerate()
            .filter_map(move |(k, months)| {
                months.get(index).and_then(Option::as_ref).map(|m| (k, m))
            })
    }

    /// The usage served by the contracts in `month` and the cells that hold it.
    pub(crate) fn served(&self, month: u32) -> (f64, Vec<String>) {
        self.in_month(month)
            .map(|(k, m)| {
                (
                    f(m.usage_gpu_hours) - f(m.unserved_gpu_hours),
                    reference(k, 4, month),
                )
            })
            .fold((0.0, Vec::new()), |(sum, mut refs), (v, r)| {
                refs.push(r);
                (sum + v, refs)
            })
    }

    /// The cells of the contracts' revenue in `month`.
    pub(crate) fn revenue_refs(&self, month: u32) -> Vec<String> {
        self.in_month(month)
            .map(|(k, _)| reference(k, 7, month))
            .collect()
    }
}

/// Writes the sheet (a note alone when there is no contract).
pub(crate) fn write<'s>(
    styles: &'s Styles,
    s: &Scenario,
    book: &Book,
) -> Result<Sheet<'s>, XlsxError> {
    let mut sheet = Sheet::new(SHEET, styles)?;
    sheet.text(
        0,
        0,
        "Take-or-pay settlement: hours are gpuecon's values (make-up credits), revenue a formula on the prices",
        &styles.title,
    )?;
    sheet.text(1, 0, "Month", &styles.header)?;
    for m in 0..=s.horizon_months {
        sheet.value(row(m), 0, f64::from(m), Kind::Count)?;
    }
    for (k, line) in s.contracts.iter().enumerate() {
        let c = &line.contract;
        let base = first(k);
        let name = if c.name.is_empty() {
            format!("contract {}", k + 1)
        } else {
            c.name.clone()
        };
        for (offset, (header, _)) in (0_u16..).zip(BLOCK) {
            sheet.text(
                1,
                base.saturating_add(offset),
                &format!("{name}: {header}"),
                &styles.header,
            )?;
            sheet.ws.set_column_width(base.saturating_add(offset), 14)?;
        }
        let price = name_of(&format!("contracts[{k}].contract.price_usd_per_gpu_hour"));
        let shortfall = if c.shortfall_price_usd_per_gpu_hour.is_some() {
            name_of(&format!(
                "contracts[{k}].contract.shortfall_price_usd_per_gpu_hour"
            ))
        } else {
            price.clone()
        };
        let overage = if c.overage_price_usd_per_gpu_hour.is_some() {
            name_of(&format!(
                "contracts[{k}].contract.overage_price_usd_per_gpu_hour"
            ))
        } else {
            "0".to_owned()
        };
        for (index, settled) in book.settled.get(k).into_iter().flatten().enumerate() {
            let Some(m) = settled else { continue };
            let r = row(u32::try_from(index + 1).unwrap_or(0));
            let escalation = if c.price_usd_per_gpu_hour.is_zero() {
                Decimal::ONE
            } else {
                units::div(m.price_usd_per_gpu_hour, c.price_usd_per_gpu_hour, "price")?
            };
            let values = [
                f(m.usage_gpu_hours),
                f(m.billed_gpu_hours),
                f(m.overage_gpu_hours),
                f(m.shortfall_gpu_hours),
                f(m.usage_gpu_hours) - f(m.unserved_gpu_hours),
                f(escalation),
                f(m.termination_fee_usd),
            ];
            for (offset, (value, (_, kind))) in (0_u16..).zip(values.into_iter().zip(BLOCK)) {
                sheet.value(r, base.saturating_add(offset), value, kind)?;
            }
            let cell = |offset: u16| a1(r, base.saturating_add(offset));
            sheet.formula_d(
                r,
                base.saturating_add(7),
                &format!(
                    "=({b}*{price}+{o}*{overage}+{s}*{shortfall})*{e}+{t}",
                    b = cell(1),
                    o = cell(2),
                    s = cell(3),
                    e = cell(5),
                    t = cell(6)
                ),
                m.revenue_usd,
                Kind::Money,
            )?;
        }
    }
    if s.contracts.is_empty() {
        sheet.text(
            2,
            1,
            "no take-or-pay contract in this scenario",
            &styles.note,
        )?;
    }
    sheet.ws.set_freeze_panes(3, 1)?;
    Ok(sheet)
}

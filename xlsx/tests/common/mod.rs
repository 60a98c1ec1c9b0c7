//! What the workbook tests share: the scenarios (every preset and 20 generated ones) and
//! reading a cell back.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use gpuecon::presets::{self, PresetKind};
use gpuecon::scenario::{Scenario, evaluate};
use gpuecon_xlsx::{FormulaCell, Workbook};
use serde_json::{Value, json};
use std::io::Cursor;

/// A scenario to write, named for messages.
pub struct Case {
    /// The preset's id, or `generated-N`.
    pub name: String,
    /// The scenario.
    pub scenario: Scenario,
    /// The preset's sources (none for a generated scenario).
    pub sources: Vec<String>,
}

impl Case {
    /// The scenario evaluated and written.
    pub fn workbook(&self) -> Workbook {
        let report = evaluate(&self.scenario).unwrap_or_else(|e| panic!("{}: {e}", self.name));
        gpuecon_xlsx::workbook(&self.scenario, &report, &self.sources).unwrap()
    }
}

/// Every scenario preset.
pub fn presets() -> Vec<Case> {
    presets::all()
        .unwrap()
        .into_iter()
        .filter(|p| p.kind == PresetKind::Scenario)
        .map(|p| Case {
            name: p.id.clone(),
            scenario: p.scenario.clone().unwrap(),
            sources: p.sources.clone(),
        })
        .collect()
}

/// A small deterministic generator (a 64-bit LCG: Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        #[allow(clippy::cast_precision_loss)]
        let x = (self.0 >> 11) as f64 / (1_u64 << 53) as f64;
        x
    }
    /// A decimal string in [lo, hi] with `places` decimals.
    fn dec(&mut self, lo: f64, hi: f64, places: usize) -> Value {
        Value::String(format!("{:.*}", places, lo + (hi - lo) * self.next()))
    }
    fn int(&mut self, lo: u32, hi: u32) -> u32 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let x = lo + ((f64::from(hi - lo + 1)) * self.next()) as u32;
        x.min(hi)
    }
}

/// 20 scenarios generated from two presets (a market fleet with reserved, spot and a
/// contract; a financed box) with their prices, utilization, costs, fleet, deliveries and
/// financing drawn at random, every repayment method and both interest kinds.
pub fn generated() -> Vec<Case> {
    let base = |id: &str| {
        serde_json::to_value(presets::get(id).unwrap().unwrap().scenario.unwrap()).unwrap()
    };
    let cluster = base("h100-cluster-1024");
    let boxed = base("coreweave-box-ig");
    let repayments = ["sculpted", "level_payment", "straight", "bullet"];
    let mut rng = Lcg(20_261_206);
    (0..20)
        .map(|i| {
            let mut s = if i % 2 == 0 {
                cluster.clone()
            } else {
                boxed.clone()
            };
            s["title"] = json!(format!("generated {i}"));
            s["annual_discount_rate"] = rng.dec(0.04, 0.15, 3);
            s["power"]["usd_per_kwh"] = rng.dec(0.03, 0.15, 4);
            s["power"]["pue"] = rng.dec(1.1, 1.6, 2);
            s["power"]["idle_fraction"] = rng.dec(0.05, 0.3, 2);
            s["facility"]["usd_per_kw_month"] = rng.dec(120.0, 220.0, 2);
            s["fleet"]["capex_usd_per_gpu"] = rng.dec(25_000.0, 60_000.0, 0);
            s["operations"]["staff_usd_per_gpu_hour"] = rng.dec(0.0, 0.1, 3);
            s["operations"]["sga_share_of_revenue"] = rng.dec(0.0, 0.05, 3);
            s["operations"]["insurance_rate_per_year"] = rng.dec(0.0, 0.01, 4);
            if i % 2 == 0 {
                s["market"]["on_demand_usd_per_gpu_hour"] = rng.dec(1.5, 4.5, 3);
                s["market"]["utilization"] = rng.dec(0.3, 0.95, 3);
                s["contracts"][0]["usage_share"] = rng.dec(0.5, 1.0, 2);
            } else {
                s["market"]["on_demand_usd_per_gpu_hour"] = rng.dec(1.5, 4.5, 3);
                s["market"]["utilization"] = rng.dec(0.3, 0.95, 3);
                s["fleet"]["gpus"] = json!(1024 + rng.int(0, 512));
                s["contracts"][0]["contract"]["price_usd_per_gpu_hour"] = rng.dec(1.8, 3.2, 2);
                s["contracts"][0]["usage_share"] = rng.dec(0.6, 1.0, 2);
            }
            let horizon = s["horizon_months"].as_u64().unwrap();
            let mut fin = if i % 2 == 0 {
                boxed["financing"].clone()
            } else {
                s["financing"].clone()
            };
            let repayment = repayments[(i / 2) % 4];
            fin["repayment"] = json!(repayment);
            fin["advance_rate"] = rng.dec(0.5, 0.85, 2);
            fin["target_dscr"] = rng.dec(1.15, 1.6, 2);
            fin["tenor_months"] = json!(rng.int(24, u32::try_from(horizon).unwrap().min(60)));
            // Lent on the merchant cash flow too, as before lenders' sizing: the tenor may
            // run past the contracts, and no merchant haircut.
            fin["allow_merchant_tail"] = json!(true);
            fin["merchant_haircut"] = json!("0");
            if i % 3 == 0 {
                fin["interest"] = json!({ "kind": "fixed", "annual_rate": rng.dec(0.06, 0.14, 3) });
            } else {
                fin["interest"]["sofr_annual_rates"] = json!([
                    rng.dec(0.03, 0.05, 4),
                    rng.dec(0.03, 0.05, 4),
                    rng.dec(0.03, 0.05, 4)
                ]);
            }
            // Covenants tight enough that some paths breach and default.
            fin["max_ltv"] = rng.dec(0.4, 0.9, 2);
            fin["min_dscr"] = rng.dec(1.0, 1.4, 2);
            fin["cure_months"] = json!(rng.int(0, 3));
            fin["fees"] = json!({
                "upfront_fee_share_of_commitment": rng.dec(0.0, 0.03, 3),
                "commitment_fee_annual_rate": rng.dec(0.0, 0.01, 4)
            });
            if i % 4 == 2 {
                // Delivered in three tranches, the loan drawn with them; the contracts and
                // reservations start once every GPU is in service.
                s["fleet"]["deliveries"] = json!(["0.5", "0.25", "0.25"]);
                fin["capitalize_until_month"] = json!(2 + rng.int(0, 2));
                for list in ["contracts", "reserved"] {
                    let items = if list == "contracts" {
                        s["contracts"].as_array_mut()
                    } else {
                        s["market"]["reserved"].as_array_mut()
                    };
                    for item in items.into_iter().flatten() {
                        let start = if list == "contracts" {
                            &mut item["contract"]["start_month"]
                        } else {
                            &mut item["start_month"]
                        };
                        *start = json!(start.as_u64().unwrap().max(3));
                    }
                }
            }
            if i % 5 != 4 {
                s["financing"] = fin;
            } else {
                s.as_object_mut().unwrap().remove("financing");
            }
            Case {
                name: format!("generated-{i}"),
                scenario: serde_json::from_value(s).unwrap(),
                sources: Vec::new(),
            }
        })
        .collect()
}

/// (row, column) from 0 of an A1 cell.
pub fn position(cell: &str) -> (u32, u32) {
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits: u32 = cell[letters.len()..].parse().unwrap();
    let col = letters
        .bytes()
        .fold(0_u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    (digits - 1, col - 1)
}

/// An xlsx's cells, read back.
pub struct Cells(Xlsx<Cursor<Vec<u8>>>);

impl Cells {
    /// Opens an xlsx.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(open_workbook_from_rs(Cursor::new(bytes)).unwrap())
    }

    /// The value of `sheet!cell`.
    pub fn get(&mut self, sheet: &str, cell: &str) -> Data {
        let range = self.0.worksheet_range(sheet).unwrap();
        let (row, col) = position(cell);
        range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    /// Every formula cell of `expected` whose value here is not gpuecon's figure, as
    /// messages (empty: all equal).
    pub fn mismatches(&mut self, expected: &[FormulaCell]) -> Vec<String> {
        let mut sheets = std::collections::HashMap::new();
        let mut wrong = Vec::new();
        for cell in expected {
            let range = sheets
                .entry(cell.sheet)
                .or_insert_with(|| self.0.worksheet_range(cell.sheet).unwrap());
            let (row, col) = position(&cell.cell);
            let got = range.get_value((row, col)).cloned().unwrap_or(Data::Empty);
            let ok = match (cell.expected, &got) {
                (None, Data::String(s)) => s == gpuecon_xlsx::NONE,
                (Some(x), Data::Float(y)) => (x - y).abs() <= cell.tolerance,
                #[allow(clippy::cast_precision_loss)]
                (Some(x), Data::Int(y)) => (x - *y as f64).abs() <= cell.tolerance,
                _ => false,
            };
            if !ok {
                wrong.push(format!(
                    "{}!{}: expected {:?}, got {got:?}",
                    cell.sheet, cell.cell, cell.expected
                ));
            }
        }
        wrong
    }
}

/// The IG box with each of the lender's waterfall and loan conventions in turn: a SOFR
/// floor above SOFR on ACT/365F with level payments (every month a formula), a reserve
/// with a lock-up and sweeps, taxes, a swap and a cap, and a box sized at a DSCR below 1
/// (a payment default in its first month of service).
pub fn waterfall() -> Vec<Case> {
    let boxed = serde_json::to_value(
        presets::get("coreweave-box-ig")
            .unwrap()
            .unwrap()
            .scenario
            .unwrap(),
    )
    .unwrap();
    let variants: [(&str, Value); 5] = [
        (
            "floor-act365f-level",
            json!({
                "interest": { "kind": "floating", "sofr_annual_rates": ["0.035", "0.04", "0.05"],
                    "credit_tier": "named_investment_grade", "sofr_floor_annual_rate": "0.045" },
                "day_count": "act_365f",
                "repayment": "level_payment"
            }),
        ),
        (
            // The lock-up test above the box's own minimum DSCR (3.09x on its 38.5 %
            // advance), so that the section binds.
            "reserve-lock-up-sweep",
            json!({
                "dsra": { "months": 3 },
                "lock_up": { "min_dscr": "3.2", "trailing_months": 3,
                    "sweep_trapped": { "after_months": 3, "share": "0.5" } },
                "cash_sweep": { "share": "0.25", "when": "always" }
            }),
        ),
        (
            "taxes",
            json!({ "taxes": { "income_tax_rate": "0.21", "bonus_depreciation_share": "0.5",
                "property_tax_rate": "0.01" } }),
        ),
        (
            "swap-cap",
            json!({
                "swap": { "fixed_annual_rate": "0.038",
                    "notional": { "kind": "share_of_balance", "share": "0.5" } },
                "cap": { "strike_annual_rate": "0.045", "premium_usd": "150000",
                    "notional": { "kind": "share_of_balance", "share": "0.25" } }
            }),
        ),
        (
            "payment-default",
            json!({ "target_dscr": "0.8", "advance_rate": "0.95", "tenor_months": 24,
                "min_dscr": null, "max_ltv": "5" }),
        ),
    ];
    variants
        .into_iter()
        .map(|(name, changes)| {
            let mut s = boxed.clone();
            for (key, value) in changes.as_object().unwrap() {
                s["financing"][key] = value.clone();
            }
            s["title"] = json!(format!("waterfall: {name}"));
            Case {
                name: format!("waterfall-{name}"),
                scenario: serde_json::from_value(s).unwrap(),
                sources: Vec::new(),
            }
        })
        .collect()
}

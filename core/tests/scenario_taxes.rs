//! A box that pays taxes, worked by hand: 10 GPUs at $10,000 ($100,000 at the close), on
//! demand at $2 × 730 h × 10 GPUs = $14,600 a month with no operating costs, for 12 months;
//! a straight loan of 0.6 × $100,000 = $60,000 at 12 % fixed (30/360: 1 % a month), $5,000
//! of principal a month; 21 % income tax, 50 % bonus depreciation, 1 % property tax.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use gpuecon::Decimal;
use gpuecon::scenario::{Scenario, evaluate};

mod ten_gpu_box;
use ten_gpu_box::ten_gpu_box;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn taxed_box(taxes: &str) -> Scenario {
    ten_gpu_box(r#"{ "kind": "fixed", "annual_rate": 0.12 }"#, taxes)
}

const TAXES: &str = r#", "taxes": { "income_tax_rate": "0.21", "bonus_depreciation_share": "0.5",
    "property_tax_rate": "0.01" }"#;

#[test]
fn a_tax_year_of_a_box_by_hand() {
    let report = evaluate(&taxed_box(TAXES)).unwrap();
    let f = report.financing.unwrap();
    assert_eq!(f.summary.debt_usd, d("60000"));
    let taxes = f.taxes.as_ref().unwrap();
    let year = &taxes.years[0];
    // EBITDA 12 × 14,600 = 175,200; property tax 0.01 × 100,000 = 1,000 (83.33 a month);
    // ATI 174,200. Interest on 60,000, 55,000, …, 5,000 at 1 %: 600 + 550 + … + 50 = 3,900,
    // under the 163(j) limit 0.3 × 174,200 = 52,260. Bonus 0.5 × 100,000 = 50,000; MACRS
    // 0.2 × 50,000 = 10,000. Taxable 174,200 − 60,000 − 3,900 = 110,300; tax 0.21 × =
    // 23,163, paid 5,790.75 in months 4, 6, 9 and 12.
    assert_eq!(year.ebitda_usd, d("175200"));
    assert_eq!(year.property_tax_usd.round_dp(6), d("1000"));
    assert_eq!(year.interest_usd, d("3900"));
    assert_eq!(year.interest_deductible_usd, d("3900"));
    assert_eq!(year.bonus_depreciation_usd, d("50000"));
    assert_eq!(year.macrs_depreciation_usd, d("10000"));
    assert_eq!(year.taxable_income_usd.round_dp(6), d("110300"));
    assert_eq!(year.income_tax_usd.round_dp(6), d("23163"));
    for (i, m) in f.months.iter().enumerate() {
        let income = if [3, 5, 8, 11].contains(&i) {
            d("5790.75")
        } else {
            Decimal::ZERO
        };
        // The month's taxes are a line of CFADS: 14,600 − 83.33 − the installment.
        assert_eq!(m.taxes_usd.round_dp(2), (d("83.33") + income).round_dp(2));
        assert_eq!(m.cfads_usd, d("14600") - m.taxes_usd);
        assert_eq!(m.taxes_usd, taxes.months[i].taxes_usd);
    }
    // Month 4: CFADS 14,600 − 83.333… − 5,790.75 = 8,725.92; service 450 + 5,000.
    assert_eq!(f.months[3].cfads_usd.round_dp(2), d("8725.92"));
    assert_eq!(f.months[3].debt_service_usd, d("5450"));
}

#[test]
fn taxes_lower_the_equity_return_and_nothing_else_without_them() {
    let untaxed = evaluate(&taxed_box("")).unwrap().financing.unwrap();
    let taxed = evaluate(&taxed_box(TAXES)).unwrap().financing.unwrap();
    assert!(untaxed.taxes.is_none());
    assert!(untaxed.months.iter().all(|m| m.taxes_usd.is_zero()));
    // The equity receives exactly the taxes less: 23,163 + 1,000 over the year.
    let paid = |f: &gpuecon::scenario::FinancingReport| -> Decimal {
        f.months.iter().map(|m| m.equity_cash_flow_usd).sum()
    };
    assert_eq!((paid(&untaxed) - paid(&taxed)).round_dp(6), d("24163"));
    assert!(taxed.summary.equity.irr_annual < untaxed.summary.equity.irr_annual);
}

#[test]
fn a_bad_tax_rate_is_named_by_its_path() {
    let bad = taxed_box(r#", "taxes": { "income_tax_rate": 2 }"#);
    let error = evaluate(&bad).unwrap_err();
    assert_eq!(error.field(), "financing.taxes.income_tax_rate");
}

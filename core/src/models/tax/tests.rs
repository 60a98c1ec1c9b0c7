//! Tax years by hand, the arithmetic in the comments.

use super::*;
use crate::Decimal;
use crate::models::Validate;

fn d(text: &str) -> Decimal {
    text.parse().unwrap_or_default()
}

fn inputs(json: &str) -> TaxInputs {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
}

/// `n` months of `value`, as JSON.
fn months(value: &str, n: usize) -> String {
    vec![value; n].join(", ")
}

#[test]
fn a_loss_carried_forward_the_163j_cap_binding_and_bonus_depreciation() {
    // $2,000,000 of GPUs at the close, 50 % bonus, MACRS 5-year; property tax 1 % of cost
    // (20,000 a year, 1,666.67 a month); interest 40,000 a month (480,000 a year); 21 %.
    // Year 1: EBITDA 100,000 × 12 = 1,200,000; ATI = 1,200,000 − 20,000 = 1,180,000.
    //   bonus = 0.5 × 2,000,000 = 1,000,000; MACRS = 1,000,000 × 20 % = 200,000.
    //   163(j): limit 0.3 × 1,180,000 = 354,000 < 480,000: deduct 354,000, carry 126,000.
    //   TI = 1,180,000 − 1,200,000 − 354,000 = −374,000: a loss; NOL 374,000, no tax.
    // Year 2: EBITDA 200,000 × 12 = 2,400,000; ATI 2,380,000; limit 714,000 ≥ 480,000 +
    //   126,000 = 606,000: all deducted, nothing carried. MACRS 1,000,000 × 32 % = 320,000.
    //   TI = 2,380,000 − 320,000 − 606,000 = 1,454,000; NOL limit 0.8 × 1,454,000 =
    //   1,163,200 ≥ 374,000: use 374,000; taxable 1,080,000; tax 0.21 × = 226,800, paid
    //   56,700 in months 16, 18, 21 and 24.
    let json = format!(
        r#"{{ "ebitda_usd": [{}, {}], "interest_usd": [{}],
             "placed_in_service_usd": [2000000],
             "taxes": {{ "income_tax_rate": "0.21", "bonus_depreciation_share": "0.5",
                         "property_tax_rate": "0.01" }} }}"#,
        months("100000", 12),
        months("200000", 12),
        months("40000", 24)
    );
    let s = tax_schedule(&inputs(&json)).unwrap_or_else(|e| panic!("{e}"));
    let (one, two) = (&s.years[0], &s.years[1]);
    assert_eq!(one.property_tax_usd.round_dp(6), d("20000"));
    assert_eq!(one.adjusted_taxable_income_usd.round_dp(6), d("1180000"));
    assert_eq!(one.bonus_depreciation_usd, d("1000000"));
    assert_eq!(one.macrs_depreciation_usd, d("200000"));
    assert_eq!(one.interest_deductible_usd.round_dp(6), d("354000"));
    assert_eq!(one.interest_carried_forward_usd.round_dp(6), d("126000"));
    assert_eq!(one.taxable_income_before_nol_usd.round_dp(6), d("-374000"));
    assert_eq!(one.nol_balance_usd.round_dp(6), d("374000"));
    assert_eq!(one.income_tax_usd, Decimal::ZERO);
    assert_eq!(two.interest_carried_in_usd.round_dp(6), d("126000"));
    assert_eq!(two.interest_deductible_usd.round_dp(6), d("606000"));
    assert_eq!(two.interest_carried_forward_usd, Decimal::ZERO);
    assert_eq!(two.bonus_depreciation_usd, Decimal::ZERO);
    assert_eq!(two.macrs_depreciation_usd, d("320000"));
    assert_eq!(two.taxable_income_before_nol_usd.round_dp(6), d("1454000"));
    assert_eq!(two.nol_used_usd.round_dp(6), d("374000"));
    assert_eq!(two.nol_balance_usd.round_dp(6), Decimal::ZERO);
    assert_eq!(two.income_tax_usd.round_dp(6), d("226800"));
    for (i, m) in s.months.iter().enumerate() {
        let due = [15, 17, 20, 23].contains(&i);
        let income = if due { d("56700") } else { Decimal::ZERO };
        assert_eq!(m.income_tax_usd.round_dp(6), income, "month {}", m.month);
        assert_eq!(m.property_tax_usd.round_dp(2), d("1666.67"));
    }
    assert_eq!(s.totals.income_tax_usd.round_dp(6), d("226800"));
    assert_eq!(s.totals.property_tax_usd.round_dp(6), d("40000"));
}

#[test]
fn losses_offset_at_most_80_percent_of_taxable_income() {
    // Year 1: EBITDA 0, $1,000,000 expensed by 100 % bonus: a loss of 1,000,000.
    // Year 2: EBITDA 1,000,000 (in its last month), nothing to depreciate: TI 1,000,000; the NOL offsets at
    // most 800,000; taxable 200,000; tax 0.21 × 200,000 = 42,000; 200,000 of NOL left.
    let json = format!(
        r#"{{ "ebitda_usd": [{}, {}], "placed_in_service_usd": [1000000],
             "taxes": {{ "income_tax_rate": "0.21", "bonus_depreciation_share": 1 }} }}"#,
        months("0", 12),
        months("0", 11) + ", 1000000"
    );
    let s = tax_schedule(&inputs(&json)).unwrap_or_else(|e| panic!("{e}"));
    let two = &s.years[1];
    assert_eq!(s.years[0].nol_balance_usd, d("1000000"));
    assert_eq!(two.taxable_income_before_nol_usd, d("1000000"));
    assert_eq!(two.nol_used_usd, d("800000"));
    assert_eq!(two.taxable_income_usd, d("200000"));
    assert_eq!(two.income_tax_usd, d("42000"));
    assert_eq!(two.nol_balance_usd, d("200000"));
}

#[test]
fn a_short_last_year_and_a_delivery_in_the_second_year() {
    // 15 months: year 2 is months 13-15; its installments due in months 16, 18, 21 and 24
    // are all paid in month 15. $600,000 placed at the end of month 12 belongs to year 2
    // (taxed from month 13): property tax 2 % × 600,000 ÷ 12 = 1,000 a month from month
    // 13 (on the close's 1,200,000: 2,000 a month from month 1).
    // Year 1: EBITDA 12 × 50,000 = 600,000; property 24,000; ATI 576,000; MACRS
    //   0.2 × 1,200,000 = 240,000; TI 336,000; tax 0.25 × 336,000 = 84,000.
    // Year 2: EBITDA 150,000; property 3 × 3,000 = 9,000; ATI 141,000; MACRS 0.32 ×
    //   1,200,000 + 0.2 × 600,000 = 384,000 + 120,000 = 504,000; TI −363,000: a loss.
    let json = format!(
        r#"{{ "ebitda_usd": [{}], "placed_in_service_usd": [1200000, {}, 600000],
             "taxes": {{ "income_tax_rate": "0.25", "property_tax_rate": "0.02" }} }}"#,
        months("50000", 15),
        months("0", 11)
    );
    let s = tax_schedule(&inputs(&json)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.years.len(), 2);
    assert_eq!((s.years[1].first_month, s.years[1].last_month), (13, 15));
    assert_eq!(s.years[0].income_tax_usd, d("84000"));
    assert_eq!(s.years[0].property_tax_usd, d("24000"));
    assert_eq!(s.months[3].income_tax_usd, d("21000"));
    assert_eq!(s.months[12].property_tax_usd, d("3000"));
    assert_eq!(s.years[1].macrs_depreciation_usd, d("504000"));
    assert_eq!(s.years[1].taxable_income_before_nol_usd, d("-363000"));
    assert_eq!(s.years[1].income_tax_usd, Decimal::ZERO);
}

#[test]
fn installments_past_a_short_year_fall_in_its_last_month() {
    // 5 months, EBITDA 100,000 each, nothing placed: tax 0.2 × 500,000 = 100,000; 25,000
    // in month 4, the other three (75,000) in month 5.
    let json = format!(
        r#"{{ "ebitda_usd": [{}], "placed_in_service_usd": [],
             "taxes": {{ "income_tax_rate": "0.2" }} }}"#,
        months("100000", 5)
    );
    let s = tax_schedule(&inputs(&json)).unwrap_or_else(|e| panic!("{e}"));
    let paid: Vec<Decimal> = s.months.iter().map(|m| m.income_tax_usd).collect();
    assert_eq!(paid, [0, 0, 0, 25_000, 75_000].map(Decimal::from));
}

#[test]
fn bad_inputs_name_their_field() {
    let bad = inputs(
        r#"{ "ebitda_usd": [], "placed_in_service_usd": [],
             "taxes": { "income_tax_rate": 0.2, "interest_limit_share_of_ebitda": -1,
                        "nol_limit_share_of_taxable_income": 2, "bonus_depreciation_share": 2,
                        "property_tax_rate": -0.1 } }"#,
    );
    let fields: Vec<String> = bad
        .validate()
        .iter()
        .map(|e| e.field().to_owned())
        .collect();
    assert_eq!(
        fields,
        [
            "ebitda_usd",
            "taxes.interest_limit_share_of_ebitda",
            "taxes.nol_limit_share_of_taxable_income",
            "taxes.bonus_depreciation_share",
            "taxes.property_tax_rate",
        ]
    );
    assert!(tax_schedule(&bad).is_err());
}

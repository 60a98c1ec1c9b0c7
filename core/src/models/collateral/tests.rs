//! Hand-worked collateral schedules.

use std::str::FromStr;

use super::*;
use crate::models::Validate;
use crate::models::depreciation::Curve;
use crate::{Decimal, ErrorCode};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn ds(values: &[&str]) -> Vec<Decimal> {
    values.iter().map(|v| d(v)).collect()
}

fn close(got: Decimal, expected: &str, tolerance: &str) {
    let diff = (got - d(expected)).abs();
    assert!(diff <= d(tolerance), "got {got}, expected {expected}");
}

/// $1M of GPUs appraised down $100k a month, a 70 % advance, LTV at most 80 %, one month
/// to cure, a 20 % haircut and $10k of costs.
fn appraised() -> CollateralInputs {
    CollateralInputs {
        collateral: CollateralValue::Series {
            origination_value_usd: d("1000000"),
            value_usd: ds(&["900000", "800000", "700000", "600000", "500000", "400000"]),
        },
        advance_rate: d("0.7"),
        balance_usd: ds(&["690000", "680000", "550000", "470000", "410000", "330000"]),
        covenants: Covenants {
            max_ltv: d("0.8"),
            dscr: None,
            concentration: None,
            cure_months: 1,
        },
        liquidation: Liquidation {
            haircut: d("0.2"),
            costs_usd: d("10000"),
        },
    }
}

fn statuses(s: &CollateralSchedule, test: fn(&CollateralMonth) -> CovenantTest) -> Vec<u32> {
    s.months
        .iter()
        .map(|m| test(m).consecutive_breach_months)
        .collect()
}

#[test]
fn a_paydown_cures_and_a_second_breach_defaults() {
    let s = collateral_schedule(&appraised()).unwrap();
    // loan = 0.7 × 1,000,000 = 700,000
    assert_eq!(s.summary.loan_usd, d("700000"));
    // LTV: 690/900 = 0.7666…; 680/800 = 0.85 (breach); 550/700 = 0.7857… (cured by the
    // paydown); 470/600 = 0.7833…; 410/500 = 0.82 (breach); 330/400 = 0.825 (breach, the
    // second month running: more than cure_months = 1, a default).
    close(
        s.months[0].ltv.unwrap(),
        "0.766666666666666666666666667",
        "1e-26",
    );
    assert_eq!(s.months[1].ltv, Some(d("0.85")));
    assert_eq!(s.months[4].ltv, Some(d("0.82")));
    assert_eq!(s.months[5].ltv, Some(d("0.825")));
    assert_eq!(statuses(&s, |m| m.ltv_test), [0, 1, 0, 0, 1, 2]);
    assert_eq!(s.months[1].ltv_test.status, TestStatus::Breach);
    assert_eq!(s.months[2].ltv_test.status, TestStatus::Pass);
    assert_eq!(s.months[0].dscr_test.status, TestStatus::NotTested);
    let defaults: Vec<bool> = s.months.iter().map(|m| m.in_default).collect();
    assert_eq!(defaults, [false, false, false, false, false, true]);
    // Peak LTV 0.85 in month 2; three months in breach, the first in month 2.
    assert_eq!(s.summary.peak_ltv, Some(d("0.85")));
    assert_eq!(s.summary.peak_ltv_month, 2);
    assert_eq!(s.summary.months_in_breach, 3);
    assert_eq!(s.summary.first_breach_month, Some(2));
    assert_eq!(s.summary.first_default_month, Some(6));
    // Month 6: 400,000 × (1 − 0.2) − 10,000 = 310,000 < 330,000 owed: recovery 310,000,
    // rate 310/330 = 0.93939…, loss 20,000.
    let r = s.summary.recovery_at_default.unwrap();
    assert_eq!(r.liquidation_value_usd, d("310000"));
    assert_eq!(r.recovery_usd, d("310000"));
    close(
        r.recovery_rate.unwrap(),
        "0.939393939393939393939393939",
        "1e-26",
    );
    assert_eq!(r.loss_usd, d("20000"));
    // Month 1: 900,000 × 0.8 − 10,000 = 710,000 covers the 690,000 owed: no loss.
    let first = &s.months[0].recovery;
    assert_eq!(first.recovery_usd, d("690000"));
    assert_eq!(first.recovery_rate, Some(Decimal::ONE));
    assert_eq!(first.loss_usd, Decimal::ZERO);
}

#[test]
fn dscr_and_concentration_keep_their_own_counts() {
    // Collateral far above the balance: LTV never binds.
    let mut inputs = appraised();
    inputs.balance_usd = ds(&["100000", "100000", "100000"]);
    inputs.covenants.dscr = Some(DscrCovenant {
        minimum_dscr: d("1.25"),
        dscr_by_month: vec![None, Some(d("1.1")), Some(d("1.3"))],
    });
    inputs.covenants.concentration = Some(ConcentrationCovenant {
        maximum_share: d("0.5"),
        largest_customer_share_by_month: ds(&["0.6", "0.6", "0.4"]),
    });
    let s = collateral_schedule(&inputs).unwrap();
    // DSCR: no debt service in month 1 (not tested), 1.1 < 1.25 in month 2, 1.3 in month 3.
    assert_eq!(s.months[0].dscr_test.status, TestStatus::NotTested);
    assert_eq!(statuses(&s, |m| m.dscr_test), [0, 1, 0]);
    // Share 0.6 > 0.5 in months 1 and 2: two months running, more than cure_months = 1.
    assert_eq!(statuses(&s, |m| m.concentration_test), [1, 2, 0]);
    assert_eq!(s.summary.first_default_month, Some(2));
    // Every covenant passes in month 3, but the default stays.
    assert!(!s.months[2].in_breach);
    assert!(s.months[2].in_default);
    assert_eq!(s.summary.months_in_breach, 2);
}

#[test]
fn a_fleet_on_an_exponential_curve() {
    // 10 GPUs × $10,000 = $100,000, halving each year; a 60 % advance = $60,000; the
    // balance stays at $40,000; LTV at most 1; no cure period.
    let inputs = CollateralInputs {
        collateral: CollateralValue::Fleet {
            gpus: d("10"),
            capex_usd_per_gpu: d("10000"),
            residual: Curve::Exponential {
                annual_factor: d("0.5"),
            },
        },
        advance_rate: d("0.6"),
        balance_usd: vec![d("40000"); 24],
        covenants: Covenants {
            max_ltv: Decimal::ONE,
            dscr: None,
            concentration: None,
            cure_months: 0,
        },
        liquidation: Liquidation::default(),
    };
    let s = collateral_schedule(&inputs).unwrap();
    assert_eq!(s.summary.origination_value_usd, d("100000"));
    assert_eq!(s.summary.loan_usd, d("60000"));
    // Month 12: 100,000 × 0.5 = 50,000, LTV 0.8; month 24: 25,000, LTV 1.6.
    assert_eq!(s.months[11].collateral_value_usd, d("50000"));
    assert_eq!(s.months[11].ltv, Some(d("0.8")));
    assert_eq!(s.months[23].ltv, Some(d("1.6")));
    // The value falls below 40,000 when 0.5^(m/12) < 0.4: m > 12 × ln 0.4 / ln 0.5 =
    // 15.86, so month 16 breaches and (no cure) defaults.
    assert_eq!(s.summary.first_breach_month, Some(16));
    assert_eq!(s.summary.first_default_month, Some(16));
    // Month 16: 100,000 × 0.5^(4/3) = 39,685.026299…; recovered whole, the rest lost.
    let r = s.summary.recovery_at_default.unwrap();
    close(r.recovery_usd, "39685.0262992", "1e-6");
    close(r.loss_usd, "314.9737008", "1e-6");
    // The peak is the last month.
    assert_eq!(s.summary.peak_ltv_month, 24);
}

#[test]
fn worthless_collateral_and_repaid_loans() {
    let mut inputs = appraised();
    inputs.collateral = CollateralValue::Series {
        origination_value_usd: d("1000"),
        value_usd: ds(&["500", "0", "0"]),
    };
    inputs.balance_usd = ds(&["400", "300", "0"]);
    let s = collateral_schedule(&inputs).unwrap();
    // Month 2: 300 owed on nothing: LTV unbounded, a breach; month 3: nothing owed, LTV 0.
    assert_eq!(s.months[1].ltv, None);
    assert_eq!(s.months[1].ltv_test.status, TestStatus::Breach);
    assert_eq!(s.months[2].ltv, Some(Decimal::ZERO));
    assert_eq!(s.summary.peak_ltv, None);
    assert_eq!(s.summary.peak_ltv_month, 2);
    // Month 2: 0 × 0.8 − 10,000 < 0: the liquidation value is 0, all 300 lost.
    assert_eq!(s.months[1].recovery.liquidation_value_usd, Decimal::ZERO);
    assert_eq!(s.months[1].recovery.loss_usd, d("300"));
    assert_eq!(s.months[2].recovery.recovery_rate, None);
}

#[test]
fn bad_inputs_name_the_field() {
    let field =
        |inputs: CollateralInputs| collateral_schedule(&inputs).unwrap_err().field().to_owned();

    let mut inputs = appraised();
    inputs.balance_usd.clear();
    assert_eq!(field(inputs), "balance_usd");

    let mut inputs = appraised();
    inputs.balance_usd[1] = d("-1");
    assert_eq!(field(inputs), "balance_usd[1]");

    let mut inputs = appraised();
    inputs.balance_usd.push(d("1"));
    assert_eq!(field(inputs), "collateral.value_usd");

    let mut inputs = appraised();
    inputs.covenants.max_ltv = Decimal::ZERO;
    inputs.covenants.dscr = Some(DscrCovenant {
        minimum_dscr: d("1.25"),
        dscr_by_month: vec![Some(d("2"))],
    });
    inputs.liquidation.haircut = d("1.01");
    let all: Vec<_> = inputs
        .validate()
        .iter()
        .map(|e| e.field().to_owned())
        .collect();
    assert_eq!(
        all,
        [
            "covenants.max_ltv",
            "covenants.dscr.dscr_by_month",
            "liquidation.haircut"
        ]
    );

    let mut inputs = appraised();
    inputs.collateral = CollateralValue::Fleet {
        gpus: Decimal::ZERO,
        capex_usd_per_gpu: d("1"),
        residual: Curve::Exponential {
            annual_factor: d("-1"),
        },
    };
    let all: Vec<_> = inputs
        .validate()
        .iter()
        .map(|e| e.field().to_owned())
        .collect();
    assert_eq!(
        all,
        ["collateral.gpus", "collateral.residual.annual_factor"]
    );

    inputs.collateral = CollateralValue::Fleet {
        gpus: Decimal::MAX,
        capex_usd_per_gpu: d("2"),
        residual: Curve::Constant,
    };
    let err = collateral_schedule(&inputs).unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Overflow, "collateral.capex_usd_per_gpu")
    );
}

#[test]
fn json_form() {
    let inputs: CollateralInputs = serde_json::from_str(
        r#"{
          "collateral": { "kind": "series", "origination_value_usd": "100", "value_usd": [90] },
          "advance_rate": 0.75,
          "balance_usd": [70],
          "covenants": { "max_ltv": 0.8, "dscr": { "minimum_dscr": 1.3, "dscr_by_month": [null] } }
        }"#,
    )
    .unwrap();
    assert_eq!(inputs.liquidation, Liquidation::default());
    let s = collateral_schedule(&inputs).unwrap();
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["months"][0]["dscr_test"]["status"], "not_tested");
    assert_eq!(json["summary"]["loan_usd"], "75.00");
    assert!(
        serde_json::from_str::<CollateralInputs>(
            r#"{ "collateral": { "kind": "series", "origination_value_usd": 1, "value_usd": [] },
                 "advance_rate": 0.5, "balance_usd": [], "covenants": { "max_ltv": 1, "cure": 2 } }"#
        )
        .is_err()
    );
}

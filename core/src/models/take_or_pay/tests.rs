//! Hand-worked examples, the arithmetic in the comments.

use std::str::FromStr;

use super::*;
use crate::models::Validate;
use crate::{Decimal, ErrorCode};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// 100 GPUs, 60,000 GPU-hours a month at $2.00, monthly true-up, `term` months from month 1.
fn contract(term: u32) -> Contract {
    Contract {
        name: "anchor".to_owned(),
        gpus: d("100"),
        start_month: 1,
        term_months: term,
        price_usd_per_gpu_hour: d("2.00"),
        commitment: Commitment {
            unit: CommitmentUnit::GpuHours,
            quantity_per_month: d("60000"),
            kw_per_gpu: None,
        },
        true_up: TrueUp::Monthly,
        shortfall_price_usd_per_gpu_hour: None,
        make_up: None,
        cap_gpu_hours_per_month: None,
        overage_price_usd_per_gpu_hour: None,
        ramp: Vec::new(),
        escalator: None,
        termination: None,
    }
}

fn bill(contract: Contract, usage: &[&str]) -> Settlement {
    settle(&SettleInputs {
        contract,
        usage_gpu_hours: usage.iter().map(|u| d(u)).collect(),
    })
    .unwrap()
}

fn revenues(settlement: &Settlement) -> Vec<Decimal> {
    settlement.months.iter().map(|m| m.revenue_usd).collect()
}

#[test]
fn shortfall_is_paid_at_the_contract_price() {
    let s = bill(contract(1), &["50000"]);
    let m = &s.months[0];
    // usage 50,000 × $2 = $100,000; shortfall 60,000 − 50,000 = 10,000 × $2 = $20,000
    assert_eq!(m.usage_billed_usd, d("100000"));
    assert_eq!(m.shortfall_gpu_hours, d("10000"));
    assert_eq!(m.shortfall_paid_usd, d("20000"));
    assert_eq!(m.revenue_usd, d("120000"));
    // the minimum payment is 60,000 × min($2, $2) = $120,000
    assert_eq!(m.minimum_payment_usd, d("120000"));
    assert_eq!(s.totals.revenue_usd, d("120000"));
}

#[test]
fn a_shortfall_price_below_the_contract_price() {
    let mut c = contract(1);
    c.shortfall_price_usd_per_gpu_hour = Some(d("1.50"));
    let s = bill(c, &["50000"]);
    // 50,000 × $2 + 10,000 × $1.50 = 100,000 + 15,000
    assert_eq!(s.months[0].revenue_usd, d("115000"));
    // minimum payment 60,000 × min($2, $1.50) = $90,000
    assert_eq!(s.months[0].minimum_payment_usd, d("90000"));
}

#[test]
fn quarterly_true_up_lets_a_strong_month_cover_a_weak_one() {
    let mut c = contract(3);
    c.true_up = TrueUp::Quarterly;
    // 80,000 + 40,000 + 60,000 = 180,000 = 3 × 60,000: no shortfall
    let s = bill(c.clone(), &["80000", "40000", "60000"]);
    assert_eq!(revenues(&s), [d("160000"), d("80000"), d("120000")]);
    assert_eq!(s.totals.shortfall_gpu_hours, Decimal::ZERO);
    assert_eq!(s.true_ups.len(), 1);
    assert_eq!(s.true_ups[0].minimum_gpu_hours, d("180000"));
    // 80,000 + 40,000 + 50,000 = 170,000: shortfall 10,000 × $2 = $20,000 in month 3
    let s = bill(c, &["80000", "40000", "50000"]);
    assert_eq!(revenues(&s), [d("160000"), d("80000"), d("120000")]);
    assert_eq!(s.months[2].shortfall_paid_usd, d("20000"));
    assert_eq!(s.true_ups[0].shortfall_paid_usd, d("20000"));
    // monthly, month 2 alone would have fallen 20,000 short and month 3 10,000
    let s = bill(contract(3), &["80000", "40000", "50000"]);
    assert_eq!(s.totals.shortfall_gpu_hours, d("30000"));
}

#[test]
fn make_up_credit_is_used_then_expires() {
    let mut c = contract(3);
    c.make_up = Some(MakeUp { window_periods: 1 });
    let s = bill(c.clone(), &["50000", "65000", "70000"]);
    let [m1, m2, m3] = [&s.months[0], &s.months[1], &s.months[2]];
    // month 1: shortfall 10,000 paid ($20,000) and earned as credit
    assert_eq!(m1.make_up_earned_gpu_hours, d("10000"));
    assert_eq!(m1.make_up_balance_gpu_hours, d("10000"));
    assert_eq!(m1.revenue_usd, d("120000"));
    // month 2: 5,000 above the minimum use 5,000 of credit: billed 60,000 × $2 = $120,000;
    // the other 5,000 expire at the end of period 2 (earned in 1, window 1)
    assert_eq!(m2.make_up_used_gpu_hours, d("5000"));
    assert_eq!(m2.billed_gpu_hours, d("60000"));
    assert_eq!(m2.revenue_usd, d("120000"));
    assert_eq!(m2.make_up_expired_gpu_hours, d("5000"));
    assert_eq!(m2.make_up_balance_gpu_hours, Decimal::ZERO);
    // month 3: no credit left, 70,000 × $2 = $140,000
    assert_eq!(m3.revenue_usd, d("140000"));
    // earned 10,000 = used 5,000 + expired 5,000
    assert_eq!(s.totals.make_up_used_gpu_hours, d("5000"));
    assert_eq!(s.totals.make_up_expired_gpu_hours, d("5000"));

    // A window of 2: month 3 uses the other 5,000 (70,000 − 5,000 = 65,000 × $2 = $130,000).
    c.make_up = Some(MakeUp { window_periods: 2 });
    let s = bill(c, &["50000", "65000", "70000"]);
    assert_eq!(revenues(&s), [d("120000"), d("120000"), d("130000")]);
    assert_eq!(s.totals.make_up_used_gpu_hours, d("10000"));
    assert_eq!(s.totals.make_up_expired_gpu_hours, Decimal::ZERO);
}

#[test]
fn credits_go_first_in_first_out_and_expire_at_the_end() {
    let mut c = contract(4);
    c.make_up = Some(MakeUp { window_periods: 3 });
    // months 1 and 2 earn 10,000 and 20,000; month 3 uses 15,000: all 10,000 of month 1's
    // and 5,000 of month 2's; month 4 (the last) is exactly at the minimum, and the
    // 15,000 left expire with the contract.
    let s = bill(c, &["50000", "40000", "75000", "60000"]);
    assert_eq!(s.months[2].make_up_used_gpu_hours, d("15000"));
    assert_eq!(s.months[2].make_up_balance_gpu_hours, d("15000"));
    assert_eq!(s.months[3].make_up_expired_gpu_hours, d("15000"));
    assert_eq!(s.months[3].make_up_balance_gpu_hours, Decimal::ZERO);
    // earned 30,000 = used 15,000 + expired 15,000
    assert_eq!(s.totals.make_up_earned_gpu_hours, d("30000"));
}

#[test]
fn a_cap_with_and_without_an_overage_price() {
    let mut c = contract(1);
    c.cap_gpu_hours_per_month = Some(d("70000"));
    c.overage_price_usd_per_gpu_hour = Some(d("3"));
    // 70,000 × $2 = $140,000 + 10,000 × $3 = $30,000
    let s = bill(c.clone(), &["80000"]);
    assert_eq!(s.months[0].overage_gpu_hours, d("10000"));
    assert_eq!(s.months[0].overage_usd, d("30000"));
    assert_eq!(s.months[0].revenue_usd, d("170000"));
    // without an overage price the 10,000 hours are not served
    c.overage_price_usd_per_gpu_hour = None;
    let s = bill(c, &["80000"]);
    assert_eq!(s.months[0].unserved_gpu_hours, d("10000"));
    assert_eq!(s.months[0].revenue_usd, d("140000"));
}

#[test]
fn a_three_step_ramp() {
    let mut c = contract(4);
    c.ramp = vec![d("0.25"), d("0.5"), d("0.75")];
    let s = bill(c, &["20000", "20000", "20000", "20000"]);
    // minimums 15,000, 30,000, 45,000, 60,000; usage 20,000 × $2 = $40,000 each month
    // shortfalls 0, 10,000, 25,000, 40,000 × $2 = 0, 20,000, 50,000, 80,000
    let minimums: Vec<_> = s.months.iter().map(|m| m.minimum_gpu_hours).collect();
    assert_eq!(minimums, [d("15000"), d("30000"), d("45000"), d("60000")]);
    assert_eq!(
        revenues(&s),
        [d("40000"), d("60000"), d("90000"), d("120000")]
    );
}

#[test]
fn a_three_percent_escalator_over_24_months() {
    let mut c = contract(24);
    c.escalator = Some(Escalator {
        annual_rate: d("0.03"),
        every_months: 12,
    });
    let s = bill(c, &[]);
    // months 1-12 at $2.00, 13-24 at $2.00 × 1.03 = $2.06; no usage: all shortfall
    assert_eq!(s.months[11].price_usd_per_gpu_hour, d("2.00"));
    assert_eq!(s.months[12].price_usd_per_gpu_hour, d("2.06"));
    assert_eq!(s.months[12].shortfall_paid_usd, d("123600"));
    // 12 × 120,000 + 12 × 60,000 × 2.06 = 1,440,000 + 1,483,200
    assert_eq!(s.totals.revenue_usd, d("2923200"));
}

#[test]
fn a_termination_cuts_the_period_and_bills_the_fee() {
    let mut c = contract(12);
    c.true_up = TrueUp::Quarterly;
    c.termination = Some(Termination {
        month: 5,
        fee_usd: d("500000"),
    });
    let s = bill(c, &["60000", "60000", "60000", "50000", "50000", "60000"]);
    // served months 1-5; period 2 is cut to months 4-5: minimum 2 × 60,000 = 120,000,
    // usage 100,000, shortfall 20,000 × $2 = $40,000 in month 5 with the $500,000 fee
    assert_eq!(s.months.len(), 5);
    assert_eq!(s.true_ups[1].minimum_gpu_hours, d("120000"));
    assert_eq!(s.months[4].shortfall_paid_usd, d("40000"));
    assert_eq!(s.months[4].termination_fee_usd, d("500000"));
    // 100,000 + 40,000 + 500,000
    assert_eq!(s.months[4].revenue_usd, d("640000"));
    // months 1-3: 3 × 120,000; month 4: 100,000
    assert_eq!(s.totals.revenue_usd, d("1100000"));
}

#[test]
fn megawatt_and_dollar_commitments() {
    let mut c = contract(1);
    c.commitment = Commitment {
        unit: CommitmentUnit::Megawatts,
        quantity_per_month: d("1"),
        kw_per_gpu: Some(d("1.25")),
    };
    // 1 MW × 1000 / 1.25 kW = 800 GPUs × 730 hours = 584,000 GPU-hours
    let s = bill(c.clone(), &[]);
    assert_eq!(s.months[0].minimum_gpu_hours, d("584000"));
    c.commitment = Commitment {
        unit: CommitmentUnit::Usd,
        quantity_per_month: d("100000"),
        kw_per_gpu: None,
    };
    // $100,000 / $2 = 50,000 GPU-hours; usage 40,000: 80,000 + 10,000 × $2 = $100,000
    let s = bill(c, &["40000"]);
    assert_eq!(s.months[0].minimum_gpu_hours, d("50000"));
    assert_eq!(s.months[0].revenue_usd, d("100000"));
}

#[test]
fn months_outside_the_term_are_ignored() {
    let mut c = contract(2);
    c.start_month = 3;
    let s = bill(c, &["999", "999", "70000"]);
    // months 3 and 4: 70,000 × $2 and a missing month (0 usage: 60,000 × $2 shortfall)
    assert_eq!(s.months.len(), 2);
    assert_eq!(s.months[0].month, 3);
    assert_eq!(revenues(&s), [d("140000"), d("120000")]);
    assert_eq!(s.totals.usage_gpu_hours, d("70000"));
}

#[test]
fn backlog_after_a_month_with_ramp_escalator_and_fee() {
    let mut c = contract(24);
    c.start_month = 3;
    c.ramp = vec![d("0.5")];
    c.escalator = Some(Escalator {
        annual_rate: d("0.03"),
        every_months: 12,
    });
    c.termination = Some(Termination {
        month: 20,
        fee_usd: d("1000"),
    });
    let value = backlog(&BacklogInputs {
        contract: c.clone(),
        as_of_month: 1,
        annual_discount_rate: Decimal::ZERO,
    })
    .unwrap();
    // months 3-20 served: month 3 at half (60,000), 4-14 full at $2 (11 × 120,000),
    // 15-20 at $2.06 (6 × 123,600), + the $1,000 fee
    // 60,000 + 1,320,000 + 741,600 + 1,000 = 2,122,600
    assert_eq!(value.remaining_minimum_usd, d("2122600"));
    assert_eq!(value.present_value_usd, d("2122600"));
    assert_eq!(value.months_remaining, 18);
    // at month 20 nothing remains
    let value = backlog(&BacklogInputs {
        contract: c,
        as_of_month: 20,
        annual_discount_rate: d("0.1"),
    })
    .unwrap();
    assert_eq!(value.remaining_minimum_usd, Decimal::ZERO);
    assert_eq!(value.present_value_usd, Decimal::ZERO);
    assert_eq!(value.months_remaining, 0);
}

#[test]
fn backlog_discounts_monthly_at_the_twelfth_root() {
    let value = backlog(&BacklogInputs {
        contract: contract(12),
        as_of_month: 0,
        annual_discount_rate: d("0.10"),
    })
    .unwrap();
    // i = 1.1^(1/12) − 1; PV = 120,000 × (1 − 1.1^−1) / i
    //   = 120,000 × 0.0909090909... / 0.00797414042890374106603...
    //   = 1,368,058.539519682811385975... (Python decimal at 50 digits)
    let diff = (value.present_value_usd - d("1368058.539519682811385975")).abs();
    assert!(diff < d("0.000001"), "{}", value.present_value_usd);
    assert_eq!(value.remaining_minimum_usd, d("1440000"));
}

#[test]
fn errors_name_the_field() {
    let field = |c: Contract, usage: &[&str]| {
        let err = settle(&SettleInputs {
            contract: c,
            usage_gpu_hours: usage.iter().map(|u| d(u)).collect(),
        })
        .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Domain);
        err.field().to_owned()
    };
    let mut c = contract(12);
    c.term_months = 0;
    assert_eq!(field(c, &[]), "contract.term_months");
    let mut c = contract(12);
    c.start_month = 0;
    assert_eq!(field(c, &[]), "contract.start_month");
    let mut c = contract(12);
    c.price_usd_per_gpu_hour = d("-1");
    assert_eq!(field(c, &[]), "contract.price_usd_per_gpu_hour");
    let mut c = contract(12);
    c.commitment.quantity_per_month = d("-1");
    assert_eq!(field(c, &[]), "contract.commitment.quantity_per_month");
    let mut c = contract(12);
    c.ramp = vec![d("0.5"), d("1.1")];
    assert_eq!(field(c, &[]), "contract.ramp[1]");
    let mut c = contract(12);
    c.make_up = Some(MakeUp { window_periods: 0 });
    assert_eq!(field(c, &[]), "contract.make_up.window_periods");
    for month in [0, 13] {
        let mut c = contract(12);
        c.termination = Some(Termination {
            month,
            fee_usd: Decimal::ZERO,
        });
        assert_eq!(field(c, &[]), "contract.termination.month");
    }
    let mut c = contract(12);
    c.true_up = TrueUp::Quarterly;
    c.escalator = Some(Escalator {
        annual_rate: d("0.03"),
        every_months: 4,
    });
    assert_eq!(field(c, &[]), "contract.escalator.every_months");
    let mut c = contract(12);
    c.overage_price_usd_per_gpu_hour = Some(d("3"));
    assert_eq!(field(c, &[]), "contract.overage_price_usd_per_gpu_hour");
    let mut c = contract(12);
    c.start_month = 1200;
    assert_eq!(field(c, &[]), "contract.term_months");
    assert_eq!(
        field(contract(12), &["1", "2", "3", "-4"]),
        "usage_gpu_hours[3]"
    );
    let err = backlog(&BacklogInputs {
        contract: contract(12),
        as_of_month: 0,
        annual_discount_rate: d("-1"),
    })
    .unwrap_err();
    assert_eq!(err.field(), "annual_discount_rate");
}

#[test]
fn overflow_is_an_error_naming_a_field() {
    let mut c = contract(2);
    c.price_usd_per_gpu_hour = Decimal::MAX;
    let err = settle(&SettleInputs {
        contract: c,
        usage_gpu_hours: vec![d("2")],
    })
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Overflow);
    assert_eq!(err.field(), "contract.price_usd_per_gpu_hour");
}

#[test]
fn the_contract_is_active_through_its_last_month() {
    let mut c = contract(12);
    c.start_month = 4;
    assert!(!c.is_active(3) && c.is_active(4) && c.is_active(15) && !c.is_active(16));
    c.termination = Some(Termination {
        month: 6,
        fee_usd: Decimal::ZERO,
    });
    assert!(c.is_active(6) && !c.is_active(7));
    assert!(c.validate().is_empty());
}

//! Hand-worked loans, with the arithmetic in the comments.

use std::str::FromStr;

use super::*;
use crate::ErrorCode;
use crate::models::Validate;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn loan(json: &str) -> LoanInputs {
    serde_json::from_str(json).unwrap()
}

fn close(got: Decimal, expected: &str, tolerance: &str) {
    let diff = (got - d(expected)).abs();
    assert!(diff <= d(tolerance), "got {got}, expected {expected}");
}

/// `closing = opening + draw + capitalized − principal` and `debt service = interest paid +
/// principal` in every month, exactly; the balance ends at 0.
fn assert_consistent(schedule: &DebtSchedule) {
    for m in &schedule.months {
        assert_eq!(
            m.closing_balance_usd,
            m.opening_balance_usd + m.draw_usd + m.capitalized_interest_usd - m.principal_usd,
            "month {}",
            m.month
        );
        assert_eq!(m.debt_service_usd, m.interest_paid_usd + m.principal_usd);
        assert_eq!(
            m.interest_usd,
            m.interest_paid_usd + m.capitalized_interest_usd
        );
    }
    assert_eq!(
        schedule.months.last().unwrap().closing_balance_usd,
        Decimal::ZERO
    );
    let t = &schedule.totals;
    assert_eq!(t.principal_usd, t.drawn_usd + t.capitalized_interest_usd);
}

const LEVEL: &str = r#"{
  "commitment_usd": 1000000, "tenor_months": 36,
  "interest": { "kind": "fixed", "annual_rate": "0.12" },
  "amortization": { "kind": "level_payment" }
}"#;

#[test]
fn level_payment_matches_excel() {
    let schedule = debt_schedule(&loan(LEVEL)).unwrap();
    assert_consistent(&schedule);
    let m = &schedule.months;
    // PMT(1%, 36, -1e6) = 1e6 × 0.01 × 1.01^36 / (1.01^36 − 1)
    //   = 33,214.30981285119468569933... (exact rational arithmetic); kept to 12 places.
    assert_eq!(m[0].debt_service_usd, d("33214.309812851195"));
    // Month 1: 1,000,000 × 0.12 / 12 = 10,000 of interest; 23,214.309812851195 of principal.
    assert_eq!(m[0].interest_paid_usd, d("10000"));
    assert_eq!(m[0].principal_usd, d("23214.309812851195"));
    // The same service every month but the last (which repays the balance exactly).
    assert!(
        m[..35]
            .iter()
            .all(|x| x.debt_service_usd == m[0].debt_service_usd)
    );
    // IPMT(1%, 12, 36, -1e6) = r × B(11) = 7,314.83916497106813...
    close(m[11].interest_paid_usd, "7314.839164971068132636", "1e-9");
    // Balance after 12 payments B(12) = 1e6 × (1.01^36 − 1.01^12)/(1.01^36 − 1) = 705,584.445849226686...
    close(
        m[11].closing_balance_usd,
        "705584.445849226686710579",
        "1e-9",
    );
    // IPMT(1%, 36, 36, -1e6) = 328.854552602487076...
    close(m[35].interest_paid_usd, "328.854552602487076096", "1e-9");
    // CUMIPMT(1%, 36, 1e6, 1, 36, 0) = 36 × PMT − 1e6 = 195,715.153262643008685...
    close(
        schedule.totals.interest_usd,
        "195715.153262643008685176",
        "1e-9",
    );
    assert_eq!(schedule.totals.principal_usd, d("1000000"));
    assert_eq!(schedule.maturity_month, 36);
    // The lender earns exactly 1 % a month: 1.01^12 − 1 = 0.126825030131969720661201.
    close(schedule.all_in_monthly_rate.unwrap(), "0.01", "1e-12");
    close(
        schedule.all_in_annual_rate.unwrap(),
        "0.126825030131969720661201",
        "1e-11",
    );
}

#[test]
fn straight_by_hand() {
    let schedule = debt_schedule(&loan(
        r#"{ "commitment_usd": 1200000, "tenor_months": 12,
        "interest": { "kind": "fixed", "annual_rate": "0.12" },
        "amortization": { "kind": "straight" } }"#,
    ))
    .unwrap();
    assert_consistent(&schedule);
    // 1,200,000 / 12 = 100,000 of principal a month; interest 1 % of the balance:
    // 12,000, 11,000, ..., 1,000; in all 1,000 × (12 + 11 + ... + 1) = 78,000.
    for (k, m) in schedule.months.iter().enumerate() {
        assert_eq!(m.principal_usd, d("100000"));
        assert_eq!(m.interest_paid_usd, Decimal::from(12_000 - 1_000 * k));
    }
    assert_eq!(schedule.totals.interest_usd, d("78000"));
    assert_eq!(schedule.months[11].debt_service_usd, d("101000"));
}

#[test]
fn bullet_by_hand() {
    let schedule = debt_schedule(&loan(
        r#"{ "commitment_usd": 1000000, "tenor_months": 12,
        "interest": { "kind": "fixed", "annual_rate": "0.12" },
        "amortization": { "kind": "bullet" },
        "fees": { "upfront_fee_share_of_commitment": "0.02" } }"#,
    ))
    .unwrap();
    assert_consistent(&schedule);
    // 10,000 of interest a month; all the principal in month 12: 1,010,000.
    assert!(
        schedule.months[..11]
            .iter()
            .all(|m| m.debt_service_usd == d("10000") && m.principal_usd.is_zero())
    );
    assert_eq!(schedule.months[11].debt_service_usd, d("1010000"));
    assert_eq!(schedule.totals.interest_usd, d("120000"));
    // Upfront fee 2 % × 1,000,000 = 20,000 at the close: the lender's flows are −980,000,
    // then 10,000 × 11, then 1,010,000; their IRR (bisection in exact rationals) is
    // 1.17972169160945 % a month, 15.1123091304463 % a year effective.
    assert_eq!(schedule.months[0].upfront_fee_usd, d("20000"));
    assert_eq!(schedule.totals.fees_usd, d("20000"));
    close(
        schedule.all_in_monthly_rate.unwrap(),
        "0.011797216916094544",
        "1e-12",
    );
    close(
        schedule.all_in_annual_rate.unwrap(),
        "0.151123091304462901",
        "1e-11",
    );
}

/// Three deliveries of $1M drawn in months 1-3, interest capitalized through month 3, then
/// straight amortization over months 4-6; 1 % upfront, 0.5 % a year on the undrawn amount.
const DELAYED: &str = r#"{
  "commitment_usd": 3000000, "tenor_months": 6, "capitalize_until_month": 3,
  "draws": { "kind": "amounts", "usd": [1000000, 1000000, 1000000] },
  "interest": { "kind": "fixed", "annual_rate": "0.12" },
  "amortization": { "kind": "straight" },
  "fees": { "upfront_fee_share_of_commitment": "0.01", "commitment_fee_annual_rate": "0.005" }
}"#;

#[test]
fn delayed_draws_with_capitalized_interest_by_hand() {
    let schedule = debt_schedule(&loan(DELAYED)).unwrap();
    assert_consistent(&schedule);
    let m = &schedule.months;
    // Month 1: 1,000,000 drawn, 1 % = 10,000 capitalized → 1,010,000.
    // Month 2: 1,010,000 + 1,000,000 = 2,010,000; 20,100 capitalized → 2,030,100.
    // Month 3: 2,030,100 + 1,000,000 = 3,030,100; 30,301 capitalized → 3,060,401.
    let capitalized: Vec<_> = m[..3].iter().map(|x| x.capitalized_interest_usd).collect();
    assert_eq!(capitalized, [d("10000"), d("20100"), d("30301")]);
    assert_eq!(m[2].closing_balance_usd, d("3060401"));
    assert!(m[..3].iter().all(|x| x.debt_service_usd.is_zero()));
    // Months 4-6: 3,060,401 / 3 = 1,020,133.666666666667 (kept to 12 places) a month, the
    // last month repaying the rest, 1,020,133.666666666666.
    assert_eq!(m[3].principal_usd, d("1020133.666666666667"));
    assert_eq!(m[4].principal_usd, d("1020133.666666666667"));
    assert_eq!(m[5].principal_usd, d("1020133.666666666666"));
    // Interest: 30,604.01; 2,040,267.333333333333 × 1 % = 20,402.673333333333;
    // 1,020,133.666666666666 × 1 % = 10,201.336666666667 (kept).
    assert_eq!(m[3].interest_paid_usd, d("30604.01"));
    assert_eq!(m[4].interest_paid_usd, d("20402.673333333333"));
    assert_eq!(m[5].interest_paid_usd, d("10201.336666666667"));
    // Principal repaid = drawn + capitalized = 3,000,000 + 60,401.
    assert_eq!(schedule.totals.principal_usd, d("3060401"));
    assert_eq!(schedule.totals.capitalized_interest_usd, d("60401"));
    // Fees: 30,000 upfront; undrawn 2,000,000 then 1,000,000 then 0 in the availability
    // period (to the last draw, month 3): × 0.5 % / 12 = 833.333333333333 and
    // 416.666666666667.
    assert_eq!(m[0].upfront_fee_usd, d("30000"));
    let fees: Vec<_> = m.iter().map(|x| x.commitment_fee_usd).collect();
    assert_eq!(
        fees[..3],
        [d("833.333333333333"), d("416.666666666667"), d("0")]
    );
    assert_eq!(schedule.totals.fees_usd, d("31250"));

    // The same schedule by shares of the commitment, and a longer availability period
    // charging 0 on nothing undrawn.
    let mut by_shares = loan(DELAYED);
    by_shares.draws = DrawSchedule::Shares {
        of_commitment: vec![d("0.25"), d("0.25"), d("0.5")],
    };
    by_shares.availability_months = Some(4);
    let shared = debt_schedule(&by_shares).unwrap();
    // 750,000 + 750,000 + 1,500,000; undrawn 2,250,000 → 937.5, 1,500,000 → 625, then 0.
    let draws: Vec<_> = shared.months.iter().map(|x| x.draw_usd).collect();
    assert_eq!(
        draws,
        [
            d("750000"),
            d("750000"),
            d("1500000"),
            d("0"),
            d("0"),
            d("0")
        ]
    );
    let fees: Vec<_> = shared.months.iter().map(|x| x.commitment_fee_usd).collect();
    assert_eq!(fees, [d("937.5"), d("625"), d("0"), d("0"), d("0"), d("0")]);
    assert_consistent(&shared);
}

#[test]
fn a_draw_during_amortization_resets_the_level_payment() {
    let mut inputs = loan(LEVEL);
    inputs.commitment_usd = d("2000000");
    inputs.tenor_months = 3;
    inputs.draws = DrawSchedule::Amounts {
        usd: vec![d("1000000"), d("0"), d("1000000")],
    };
    let schedule = debt_schedule(&inputs).unwrap();
    assert_consistent(&schedule);
    // Month 1: PMT(1%, 3, -1e6) = 1e6 × 0.01 × 1.01³/(1.01³ − 1) = 340,022.1114814692584...;
    // month 3 repays the rest and the new million.
    close(
        schedule.months[0].debt_service_usd,
        "340022.1114814692584",
        "1e-12",
    );
    assert_eq!(schedule.months[2].draw_usd, d("1000000"));
    assert_eq!(schedule.maturity_month, 3);
}

#[test]
fn sculpted_service_is_exactly_cfads_over_the_dscr() {
    // $1,000,000 at 1 % a month; CFADS 663,000 and 656,500 at DSCR 1.3 service 510,000
    // and 505,000: 10,000 + 500,000, then 5,000 + 500,000: repaid at maturity exactly.
    let schedule = debt_schedule(&loan(
        r#"{ "commitment_usd": 1000000, "tenor_months": 2,
        "interest": { "kind": "fixed", "annual_rate": "0.12" },
        "amortization": { "kind": "sculpted", "cfads_usd": [663000, 656500], "target_dscr": "1.3" } }"#,
    ))
    .unwrap();
    assert_consistent(&schedule);
    let service: Vec<_> = schedule.months.iter().map(|m| m.debt_service_usd).collect();
    assert_eq!(service, [d("510000"), d("505000")]);
    assert_eq!(d("663000") / service[0], d("1.3"));
    assert_eq!(d("656500") / service[1], d("1.3"));
}

#[test]
fn sculpting_at_capacity_below_and_above_it() {
    // CFADS 130,000 × 3 at 1.3 services 100,000 a month; at 1 % a month the capacity is
    // 100,000 × (1/1.01 + 1/1.01² + 1/1.01³) = 294,098.5207235555434771... (fractions).
    let capacity = sculpted_debt_capacity(&DebtCapacityInputs {
        cfads_usd: vec![d("130000"); 3],
        target_dscr: d("1.3"),
        interest: Interest::Fixed {
            annual_rate: d("0.12"),
        },
        tenor_months: 3,
        capitalize_until_month: 0,
        start_date: None,
        day_count: None,
        swap: None,
        cap: None,
    })
    .unwrap();
    close(
        capacity.debt_capacity_usd,
        "294098.520723555543477100",
        "1e-12",
    );
    let mut inputs = loan(
        r#"{ "commitment_usd": 1, "tenor_months": 3,
        "interest": { "kind": "fixed", "annual_rate": "0.12" },
        "amortization": { "kind": "sculpted", "cfads_usd": [130000, 130000, 130000], "target_dscr": "1.3" } }"#,
    );
    // At capacity: exactly 100,000 in months 1 and 2, and in month 3 within a cent.
    inputs.commitment_usd = capacity.debt_capacity_usd;
    let at = debt_schedule(&inputs).unwrap();
    assert_consistent(&at);
    assert_eq!(at.months[0].debt_service_usd, d("100000"));
    assert_eq!(at.months[1].debt_service_usd, d("100000"));
    close(at.months[2].debt_service_usd, "100000", "1e-9");
    assert_eq!(at.maturity_month, 3);

    // Below: 200,000 is repaid early. Month 1: 2,000 + 98,000; month 2: 1,020 + 98,980;
    // month 3: the rest, 3,020 + 30.20 of interest; DSCR above target in month 3.
    inputs.commitment_usd = d("200000");
    let below = debt_schedule(&inputs).unwrap();
    assert_consistent(&below);
    let principal: Vec<_> = below.months.iter().map(|m| m.principal_usd).collect();
    assert_eq!(principal, [d("98000"), d("98980"), d("3020")]);
    assert_eq!(below.months[2].debt_service_usd, d("3050.2"));
    assert_eq!(below.maturity_month, 3);
    inputs.tenor_months = 3;
    inputs.amortization = Amortization::Sculpted {
        cfads_usd: vec![d("130000"), d("130000"), d("130000"), d("130000")],
        target_dscr: d("1.3"),
    };
    inputs.tenor_months = 4;
    let early = debt_schedule(&inputs).unwrap();
    assert_eq!(early.maturity_month, 3);
    assert!(early.months[3].debt_service_usd.is_zero());

    // Above by a dollar: the target service cannot repay it.
    inputs.tenor_months = 3;
    inputs.amortization = Amortization::Sculpted {
        cfads_usd: vec![d("130000"); 3],
        target_dscr: d("1.3"),
    };
    inputs.commitment_usd = capacity.debt_capacity_usd + Decimal::ONE;
    let err = debt_schedule(&inputs).unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Domain, "amortization.target_dscr")
    );
}

#[test]
fn sculpted_service_below_the_interest_is_capitalized() {
    // Month 1: CFADS 0 services nothing: 10,000 of interest capitalized → 1,010,000.
    // Month 2: 1.3 × 20,100 = 26,130 services 20,100 = interest 10,100 + principal 10,000.
    let schedule = debt_schedule(&loan(
        r#"{ "commitment_usd": 1000000, "tenor_months": 3,
        "interest": { "kind": "fixed", "annual_rate": "0.12" },
        "amortization": { "kind": "sculpted", "cfads_usd": [-5, 26130, 1300000000], "target_dscr": "1.3" } }"#,
    ))
    .unwrap();
    assert_consistent(&schedule);
    let m = &schedule.months;
    assert_eq!(m[0].capitalized_interest_usd, d("10000"));
    assert!(m[0].debt_service_usd.is_zero());
    assert_eq!(m[1].interest_paid_usd, d("10100"));
    assert_eq!(m[1].principal_usd, d("10000"));
    // Month 3 repays 1,000,000 + 10,000 of interest.
    assert_eq!(m[2].debt_service_usd, d("1010000"));
}

#[test]
fn floating_rates_by_credit_tier() {
    let mut inputs = loan(
        r#"{ "commitment_usd": 1000000, "tenor_months": 3,
        "interest": { "kind": "floating", "sofr_annual_rates": ["0.043", "0.041"],
                      "credit_tier": "named_investment_grade" },
        "amortization": { "kind": "bullet" } }"#,
    );
    let schedule = debt_schedule(&inputs).unwrap();
    // SOFR 4.3 % + 6.00 % = 10.3 %: 1,000,000 × 0.103 / 12 = 8,583.333333333333;
    // then 4.1 % (held in month 3) + 6.00 % = 10.1 %: 8,416.666666666667 (kept).
    let rates: Vec<_> = schedule.months.iter().map(|m| m.annual_rate).collect();
    assert_eq!(rates, [d("0.103"), d("0.101"), d("0.101")]);
    let interest: Vec<_> = schedule.months.iter().map(|m| m.interest_usd).collect();
    assert_eq!(
        interest,
        [
            d("8583.333333333333"),
            d("8416.666666666667"),
            d("8416.666666666667")
        ]
    );
    // Sub-investment grade: 4.3 % + 13 % = 17.3 %: 14,416.666666666667 in month 1.
    let Interest::Floating { credit_tier, .. } = &mut inputs.interest else {
        unreachable!()
    };
    *credit_tier = CreditTier::SubInvestmentGrade;
    let sub = debt_schedule(&inputs).unwrap();
    assert_eq!(sub.months[0].interest_usd, d("14416.666666666667"));
    // An explicit spread (the 2026 facility's 2.25 %) replaces the tier's: 6.55 % → 5,458.33...
    let Interest::Floating {
        spread_annual_rate, ..
    } = &mut inputs.interest
    else {
        unreachable!()
    };
    *spread_annual_rate = Some(d("0.0225"));
    let explicit = debt_schedule(&inputs).unwrap();
    assert_eq!(explicit.months[0].interest_usd, d("5458.333333333333"));
    assert_eq!(
        [
            CreditTier::NamedInvestmentGrade,
            CreditTier::OtherInvestmentGrade,
            CreditTier::SubInvestmentGrade
        ]
        .map(CreditTier::spread_annual_rate),
        [d("0.06"), d("0.065"), d("0.13")]
    );
}

#[test]
fn bad_inputs_name_their_field() {
    let field = |json: &str| {
        let err = debt_schedule(&loan(json)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Domain, "{err}");
        err.field().to_owned()
    };
    let with = |extra: &str| {
        format!(
            r#"{{ "commitment_usd": 1000, "tenor_months": 3,
            "interest": {{ "kind": "fixed", "annual_rate": 0.1 }},
            "amortization": {{ "kind": "level_payment" }} {extra} }}"#
        )
    };
    assert_eq!(
        field(&with("").replace("\"tenor_months\": 3", "\"tenor_months\": 0")),
        "tenor_months"
    );
    assert_eq!(
        field(&with("").replace("\"tenor_months\": 3", "\"tenor_months\": 1201")),
        "tenor_months"
    );
    assert_eq!(
        field(&with("").replace("0.1 }", "-1.5 }")),
        "interest.annual_rate"
    );
    assert_eq!(field(&with("").replace("1000,", "0,")), "commitment_usd");
    assert_eq!(
        field(&with(
            r#", "draws": { "kind": "amounts", "usd": [600, 600] }"#
        )),
        "draws.usd[1]"
    );
    assert_eq!(
        field(&with(
            r#", "draws": { "kind": "amounts", "usd": [600, -1] }"#
        )),
        "draws.usd[1]"
    );
    assert_eq!(
        field(&with(r#", "draws": { "kind": "amounts", "usd": [0, 0] }"#)),
        "draws.usd"
    );
    assert_eq!(
        field(&with(
            r#", "draws": { "kind": "amounts", "usd": [100, 0, 100] }, "availability_months": 2"#
        )),
        "draws.usd[2]"
    );
    assert_eq!(
        field(&with(
            r#", "draws": { "kind": "shares", "of_commitment": [0.5, 0.6] }"#
        )),
        "draws.of_commitment[1]"
    );
    assert_eq!(
        field(&with(
            r#", "draws": { "kind": "amounts", "usd": [100, 0, 0, 100] }"#
        )),
        "draws.usd[3]"
    );
    assert_eq!(
        field(&with(r#", "availability_months": 4"#)),
        "availability_months"
    );
    assert_eq!(
        field(&with(r#", "capitalize_until_month": 3"#)),
        "capitalize_until_month"
    );
    assert_eq!(
        field(&with(
            r#", "fees": { "upfront_fee_share_of_commitment": 1.5 }"#
        )),
        "fees.upfront_fee_share_of_commitment"
    );
    let sculpted = |cfads: &str, dscr: &str| {
        with("").replace(
            r#"{ "kind": "level_payment" }"#,
            &format!(r#"{{ "kind": "sculpted", "cfads_usd": {cfads}, "target_dscr": {dscr} }}"#),
        )
    };
    assert_eq!(
        field(&sculpted("[1000, 1000, 1000]", "0")),
        "amortization.target_dscr"
    );
    assert_eq!(
        field(&sculpted("[1000, 1000, 1000]", "-1.3")),
        "amortization.target_dscr"
    );
    assert_eq!(
        field(&sculpted("[1000, 1000]", "1.3")),
        "amortization.cfads_usd"
    );
    let floating = with("").replace(
        r#"{ "kind": "fixed", "annual_rate": 0.1 }"#,
        r#"{ "kind": "floating", "sofr_annual_rates": [], "credit_tier": "sub_investment_grade" }"#,
    );
    assert_eq!(field(&floating), "interest.sofr_annual_rates");
    // Every problem at once, in field order.
    let all: Vec<_> =
        loan(&with(r#", "fees": { "commitment_fee_annual_rate": -0.01 }"#).replace("1000,", "-1,"))
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
    assert_eq!(all, ["commitment_usd", "fees.commitment_fee_annual_rate"]);
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    let mut inputs = loan(LEVEL);
    inputs.commitment_usd = Decimal::MAX;
    inputs.fees.upfront_fee_share_of_commitment = d("0.5");
    inputs.interest = Interest::Fixed {
        annual_rate: d("5"),
    };
    let err = debt_schedule(&inputs).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Overflow);
    let capacity = sculpted_debt_capacity(&DebtCapacityInputs {
        cfads_usd: vec![Decimal::MAX; 2],
        target_dscr: d("0.5"),
        interest: Interest::Fixed {
            annual_rate: d("0.1"),
        },
        tenor_months: 2,
        capitalize_until_month: 0,
        start_date: None,
        day_count: None,
        swap: None,
        cap: None,
    });
    assert_eq!(capacity.unwrap_err().code(), ErrorCode::Overflow);
}

#[test]
fn capacity_counts_no_service_while_interest_is_capitalized() {
    // Month 1 capitalized; then 100,000 in months 2-3 at 1 %: 100,000/1.01² + 100,000/1.01³
    // = 98,029.6049406920890108... + 97,059.0147927644445652... = 195,088.6197334565335761...
    let capacity = sculpted_debt_capacity(&DebtCapacityInputs {
        cfads_usd: vec![d("130000"); 3],
        target_dscr: d("1.3"),
        interest: Interest::Fixed {
            annual_rate: d("0.12"),
        },
        tenor_months: 3,
        capitalize_until_month: 1,
        start_date: None,
        day_count: None,
        swap: None,
        cap: None,
    })
    .unwrap();
    assert_eq!(
        capacity.target_debt_service_usd,
        [d("0"), d("100000"), d("100000")]
    );
    close(
        capacity.debt_capacity_usd,
        "195088.6197334565335761",
        "1e-12",
    );
}

#[test]
fn a_century_of_sculpting_at_capacity_repays() {
    // $130M of CFADS a month for 1,200 months at DSCR 1.3 and 15 %: $100M a month of
    // service; the loan at its capacity is repaid in month 1,200, every service before it
    // exactly $100M, the last within the cent of tolerance.
    let capacity = sculpted_debt_capacity(&DebtCapacityInputs {
        cfads_usd: vec![d("130000000"); 1200],
        target_dscr: d("1.3"),
        interest: Interest::Fixed {
            annual_rate: d("0.15"),
        },
        tenor_months: 1200,
        capitalize_until_month: 0,
        start_date: None,
        day_count: None,
        swap: None,
        cap: None,
    })
    .unwrap();
    // 1e8 × (1 − 1.0125^−1200) / 0.0125 = 7,999,997,314.3357202223447554... (fractions;
    // 1.0125^−1200 ≈ 3.36e-7).
    close(
        capacity.debt_capacity_usd,
        "7999997314.3357202223447554",
        "1e-9",
    );
    let mut inputs = loan(LEVEL);
    inputs.commitment_usd = capacity.debt_capacity_usd;
    inputs.tenor_months = 1200;
    inputs.interest = Interest::Fixed {
        annual_rate: d("0.15"),
    };
    inputs.amortization = Amortization::Sculpted {
        cfads_usd: vec![d("130000000"); 1200],
        target_dscr: d("1.3"),
    };
    let schedule = debt_schedule(&inputs).unwrap();
    assert_consistent(&schedule);
    assert!(
        schedule.months[..1199]
            .iter()
            .all(|m| m.debt_service_usd == d("100000000"))
    );
    close(schedule.months[1199].debt_service_usd, "100000000", "0.01");
    assert_eq!(schedule.maturity_month, 1200);
}

//! A loan's interest conventions by hand: the three day counts on the calendar, the
//! default by rate, the SOFR floor, a swap and a cap; and the day counts' law.

// Helpers outside #[test] functions unwrap and index too: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use gpuecon::Decimal;
use gpuecon::models::debt::{DebtCapacityInputs, debt_schedule, sculpted_debt_capacity};
use gpuecon::models::debt::{DebtMonth, LoanInputs};
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn loan(json: &str) -> LoanInputs {
    serde_json::from_str(json).unwrap()
}

/// Month 1 of a $10,000,000 bullet loan at `interest`, closing on `start` (January 2026
/// has 31 days), with `extra` fields.
fn first_month(interest: &str, start: &str, extra: &str) -> DebtMonth {
    let json = format!(
        r#"{{ "commitment_usd": 10000000, "tenor_months": 2, "interest": {interest},
             "amortization": {{ "kind": "bullet" }}, "start_date": "{start}" {extra} }}"#
    );
    debt_schedule(&loan(&json)).unwrap().months[0].clone()
}

const FIXED_10: &str = r#"{ "kind": "fixed", "annual_rate": "0.10" }"#;
/// SOFR 4 % + a 6 % spread: 10 %.
const FLOATING_10: &str = r#"{ "kind": "floating", "sofr_annual_rates": ["0.04"],
    "credit_tier": "named_investment_grade" }"#;

#[test]
fn the_three_day_counts_of_a_31_day_month() {
    // 10,000,000 × 0.10 = 1,000,000 a year.
    // ACT/360:  1,000,000 × 31 / 360 = 86,111.111…
    // 30/360:   1,000,000 × 30 / 360 = 83,333.333…
    // ACT/365F: 1,000,000 × 31 / 365 = 84,931.506849…
    for (day_count, cents) in [
        ("act_360", 8_611_111),
        ("30_360", 8_333_333),
        ("act_365f", 8_493_151),
    ] {
        let extra = format!(r#", "day_count": "{day_count}""#);
        let month = first_month(FIXED_10, "2026-01-01", &extra);
        assert_eq!(
            month.interest_usd.round_dp(2),
            Decimal::new(cents, 2),
            "{day_count}"
        );
    }
    // February 2026 has 28 days: ACT/360 = 1,000,000 × 28 / 360 = 77,777.78.
    let feb = first_month(FIXED_10, "2026-02-01", r#", "day_count": "act_360""#);
    assert_eq!(feb.interest_usd.round_dp(2), d("77777.78"));
    assert_eq!(feb.days, 28);
}

#[test]
fn floating_loans_accrue_act_360_and_fixed_ones_30_360_by_default() {
    let floating = first_month(FLOATING_10, "2026-01-01", "");
    assert_eq!(floating.days, 31);
    assert_eq!(floating.interest_usd.round_dp(2), d("86111.11"));
    let fixed = first_month(FIXED_10, "2026-01-01", "");
    assert_eq!(fixed.interest_usd.round_dp(2), d("83333.33"));
    // Without a date, a floating loan has only whole months: 30/360.
    let undated = loan(&format!(
        r#"{{ "commitment_usd": 10000000, "tenor_months": 1, "interest": {FLOATING_10},
             "amortization": {{ "kind": "bullet" }} }}"#
    ));
    let month = &debt_schedule(&undated).unwrap().months[0];
    assert_eq!(month.interest_usd.round_dp(2), d("83333.33"));
}

#[test]
fn a_month_from_the_31st_ends_on_the_last_day_of_a_shorter_month() {
    // Closing 2026-01-31: month 1 to 2026-02-28 (28 days), month 2 to 2026-03-31 (31 days).
    let json = format!(
        r#"{{ "commitment_usd": 10000000, "tenor_months": 2, "interest": {FLOATING_10},
             "amortization": {{ "kind": "bullet" }}, "start_date": "2026-01-31" }}"#
    );
    let months = debt_schedule(&loan(&json)).unwrap().months;
    assert_eq!((months[0].days, months[1].days), (28, 31));
}

#[test]
fn the_sofr_floor_holds_the_rate_up() {
    // SOFR 3 % under a 4 % floor: 4 % + 6 % = 10 %, 86,111.11 for 31 days ACT/360.
    let interest = r#"{ "kind": "floating", "sofr_annual_rates": ["0.03"],
        "credit_tier": "named_investment_grade", "sofr_floor_annual_rate": "0.04" }"#;
    let month = first_month(interest, "2026-01-01", "");
    assert_eq!(month.annual_rate, d("0.10"));
    assert_eq!(month.interest_usd.round_dp(2), d("86111.11"));
}

#[test]
fn a_swap_on_the_whole_balance_fixes_the_rate() {
    // SOFR 5 % + 6 % = 11 %: interest 10,000,000 × 0.11 × 31/360 = 94,722.22;
    // the swap pays 4 % fixed for SOFR: 10,000,000 × (0.04 − 0.05) × 31/360 = −8,611.11
    // (received); service 94,722.22 − 8,611.11 = 86,111.11 = 10 % (4 % + 6 %) ACT/360.
    let interest = r#"{ "kind": "floating", "sofr_annual_rates": ["0.05"],
        "credit_tier": "named_investment_grade" }"#;
    let swap = r#", "swap": { "fixed_annual_rate": "0.04",
        "notional": { "kind": "share_of_balance", "share": 1 } }"#;
    let month = first_month(interest, "2026-01-01", swap);
    assert_eq!(month.interest_usd.round_dp(2), d("94722.22"));
    assert_eq!(month.swap_settlement_usd.round_dp(2), d("-8611.11"));
    assert_eq!(month.debt_service_usd.round_dp(2), d("86111.11"));
}

#[test]
fn a_cap_pays_above_its_strike_on_its_notional() {
    // SOFR 5 %, strike 4.5 %, $6,000,000 in month 1 only:
    // 6,000,000 × 0.005 × 31/360 = 2,583.33 received; month 2 (no notional) nothing.
    // Interest 10,000,000 × 0.11 × 31/360 = 94,722.22; service 94,722.22 − 2,583.33.
    let interest = r#"{ "kind": "floating", "sofr_annual_rates": ["0.05"],
        "credit_tier": "named_investment_grade" }"#;
    let cap = r#", "cap": { "strike_annual_rate": "0.045", "premium_usd": 50000,
        "notional": { "kind": "amounts", "usd": [6000000] } }"#;
    let json = format!(
        r#"{{ "commitment_usd": 10000000, "tenor_months": 2, "interest": {interest},
             "amortization": {{ "kind": "bullet" }}, "start_date": "2026-01-01" {cap} }}"#
    );
    let schedule = debt_schedule(&loan(&json)).unwrap();
    let (one, two) = (&schedule.months[0], &schedule.months[1]);
    assert_eq!(one.cap_payout_usd.round_dp(2), d("2583.33"));
    assert_eq!(one.debt_service_usd.round_dp(2), d("92138.89"));
    assert_eq!(one.cap_premium_usd, d("50000"));
    assert_eq!(
        (two.cap_payout_usd, two.cap_premium_usd),
        (Decimal::ZERO, Decimal::ZERO)
    );
    assert_eq!(schedule.totals.cap_premium_usd, d("50000"));
    // The lender's yield ignores the hedges: SOFR 5 % + 6 % on ACT/360 months.
    let unhedged = format!(
        r#"{{ "commitment_usd": 10000000, "tenor_months": 2, "interest": {interest},
             "amortization": {{ "kind": "bullet" }}, "start_date": "2026-01-01" }}"#
    );
    let plain = debt_schedule(&loan(&unhedged)).unwrap();
    assert_eq!(schedule.all_in_monthly_rate, plain.all_in_monthly_rate);
}

#[test]
fn a_sculpted_loan_with_a_swap_at_capacity_repays_at_the_target() {
    // The capacity discounts at the loan's rate plus the swap's (fixed − SOFR) on half the
    // balance; a loan of that size, sculpted, services CFADS ÷ 1.25 every month including
    // the swap, and is repaid exactly at maturity.
    let interest = r#"{ "kind": "floating", "sofr_annual_rates": ["0.05", "0.03"],
        "credit_tier": "other_investment_grade", "sofr_floor_annual_rate": "0.035" }"#;
    let swap = r#"{ "fixed_annual_rate": "0.04",
        "notional": { "kind": "share_of_balance", "share": "0.5" } }"#;
    let capacity: DebtCapacityInputs = serde_json::from_str(&format!(
        r#"{{ "cfads_usd": [125000, 125000, 125000, 125000, 125000, 125000],
             "target_dscr": "1.25", "interest": {interest}, "tenor_months": 6,
             "start_date": "2026-01-15", "swap": {swap} }}"#
    ))
    .unwrap();
    let debt = sculpted_debt_capacity(&capacity).unwrap().debt_capacity_usd;
    let json = format!(
        r#"{{ "commitment_usd": "{debt}", "tenor_months": 6, "interest": {interest},
             "amortization": {{ "kind": "sculpted", "target_dscr": "1.25",
               "cfads_usd": [125000, 125000, 125000, 125000, 125000, 125000] }},
             "start_date": "2026-01-15", "swap": {swap} }}"#
    );
    let schedule = debt_schedule(&loan(&json)).unwrap();
    for month in &schedule.months[..5] {
        assert_eq!(month.debt_service_usd, d("100000"), "month {}", month.month);
        assert!(!month.swap_settlement_usd.is_zero());
    }
    let last = &schedule.months[5];
    assert!((last.debt_service_usd - d("100000")).abs() <= d("0.01"));
    assert_eq!(last.closing_balance_usd, Decimal::ZERO);
}

#[test]
fn bad_conventions_name_their_field() {
    let fields = |json: &str| -> Vec<String> {
        use gpuecon::models::Validate;
        loan(json)
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect()
    };
    let fixed_hedged = format!(
        r#"{{ "commitment_usd": 1, "tenor_months": 1, "interest": {FIXED_10},
             "amortization": {{ "kind": "bullet" }}, "day_count": "act_360",
             "swap": {{ "fixed_annual_rate": "0.04",
               "notional": {{ "kind": "share_of_balance", "share": 2 }} }},
             "cap": {{ "strike_annual_rate": -2, "premium_usd": -1,
               "notional": {{ "kind": "amounts", "usd": [-1] }} }} }}"#
    );
    assert_eq!(
        fields(&fixed_hedged),
        [
            "start_date",
            "swap.notional.share",
            "swap",
            "cap.strike_annual_rate",
            "cap.notional.usd[0]",
            "cap.premium_usd",
            "cap",
        ]
    );
    let floor = r#"{ "commitment_usd": 1, "tenor_months": 1, "amortization": { "kind": "bullet" },
        "interest": { "kind": "floating", "sofr_annual_rates": ["0.04"],
          "credit_tier": "named_investment_grade", "sofr_floor_annual_rate": -1 } }"#;
    assert_eq!(fields(floor), ["interest.sofr_floor_annual_rate"]);
}

proptest! {
    /// ACT/360 interest ÷ 30/360 interest = the month's actual days ÷ 30.
    #[test]
    fn act_360_over_30_360_is_actual_days_over_30(
        year in 1990i32..2100,
        month in 1u32..=12,
        day in 1u32..=31,
        balance in 1i64..10_000_000_000,
        rate_bp in 1i64..5_000,
    ) {
        let Some(start) = gpuecon::Date::from_ymd_opt(year, month, day) else {
            return Ok(());
        };
        let end = start.checked_add_months(1).unwrap();
        let days = end.days_since(start);
        let interest = |day_count: &str| {
            let json = format!(
                r#"{{ "commitment_usd": {balance}, "tenor_months": 1,
                     "interest": {{ "kind": "fixed", "annual_rate": "{}" }},
                     "amortization": {{ "kind": "bullet" }}, "start_date": "{start}",
                     "day_count": "{day_count}" }}"#,
                Decimal::new(rate_bp, 4)
            );
            debt_schedule(&loan(&json)).unwrap().months[0].interest_usd
        };
        let (actual, thirty) = (interest("act_360"), interest("30_360"));
        // Both are kept to 12 places: compare actual × 30 with thirty × days to the
        // rounding of each (12 places × at most 31).
        let gap = (actual * Decimal::from(30) - thirty * Decimal::from(days)).abs();
        prop_assert!(gap <= Decimal::new(31, 12), "{actual} {thirty} {days}");
    }
}

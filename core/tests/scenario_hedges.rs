//! A box whose floating loan is swapped and capped, worked by hand: 10 GPUs at $10,000,
//! $14,600 a month on demand with no costs; a straight loan of $60,000 at SOFR 5 % + 6 %
//! (a named investment-grade customer), ACT/360 from 2026-01-31 (month 1 has 28 days).

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

fn hedged_box(hedges: &str) -> Scenario {
    ten_gpu_box(
        r#"{ "kind": "floating", "sofr_annual_rates": ["0.05"], "credit_tier": "named_investment_grade" }"#,
        hedges,
    )
}

#[test]
fn the_swap_is_paid_with_the_interest_and_the_cap_premium_at_the_close() {
    let plain = evaluate(&hedged_box("")).unwrap().financing.unwrap();
    let hedged = evaluate(&hedged_box(
        r#", "swap": { "fixed_annual_rate": "0.04",
                       "notional": { "kind": "share_of_balance", "share": 1 } },
             "cap": { "strike_annual_rate": "0.06", "premium_usd": 1000,
                      "notional": { "kind": "share_of_balance", "share": 1 } }"#,
    ))
    .unwrap()
    .financing
    .unwrap();
    let (p, h) = (&plain.months[0], &hedged.months[0]);
    // Interest 60,000 × 11 % × 28/360 = 513.33 either way; the swap receives
    // 60,000 × (5 % − 4 %) × 28/360 = 46.67; the cap (strike 6 % above SOFR) pays nothing.
    // Debt service 513.33 + 5,000 − 46.67 = 5,466.67 (10 % all in: 4 % + 6 %).
    assert_eq!(p.interest_usd.round_dp(2), d("513.33"));
    assert_eq!(h.interest_usd, p.interest_usd);
    assert_eq!(h.hedges_usd.round_dp(2), d("-46.67"));
    assert_eq!(h.debt_service_usd.round_dp(2), d("5466.67"));
    assert_eq!(p.hedges_usd, Decimal::ZERO);
    // The equity keeps what the swap receives, month by month.
    for (p, h) in plain.months.iter().zip(&hedged.months) {
        assert_eq!(
            h.equity_cash_flow_usd - p.equity_cash_flow_usd,
            -h.hedges_usd,
            "month {}",
            p.month
        );
    }
    // The cap's premium is a use of funds at the close, paid by the equity.
    let su = &hedged.summary.sources_and_uses;
    assert_eq!(su.cap_premium_usd, d("1000"));
    assert_eq!(
        su.uses_usd - plain.summary.sources_and_uses.uses_usd,
        d("1000")
    );
    assert_eq!(su.sources_usd, su.uses_usd);
}

//! Laws of the lender's waterfall, over 12-month boxes whose revenue swings month by month
//! (core/tests/data/box6.json stretched), with every new section on or off at random: every
//! dollar of cash lands in exactly one place each month; the lender's flow plus the
//! equity's plus the change in the reserves is the project's flow; the reserve and the
//! trapped cash are never negative; nothing is distributed while locked up or, after a
//! default, before the lender is repaid; sources = uses at the close; and with every new
//! section off and no default the equity's flows are the ones before the waterfall.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::Decimal;
use gpuecon::scenario::{Report, Scenario, evaluate};
use proptest::prelude::*;
use serde_json::json;

/// A 12-month box with the price multiplier `k_m` (hundredths) each month and the given
/// financing sections.
fn scenario(prices: &[u32], financing: serde_json::Value) -> Scenario {
    let mut s: Scenario = serde_json::from_str(include_str!("data/box6.json")).unwrap();
    s.horizon_months = 12;
    let points: Vec<_> = prices
        .iter()
        .enumerate()
        .map(
            |(i, k)| json!({ "month": i + 1, "value": Decimal::new(i64::from(*k), 2).to_string() }),
        )
        .collect();
    s.market.price_curve =
        serde_json::from_value(json!({ "kind": "points", "points": points })).unwrap();
    s.operations.staff_usd_per_gpu_hour = Decimal::new(5, 1); // $3,650 a month
    s.financing = Some(serde_json::from_value(financing).unwrap());
    s
}

fn check(report: &Report) -> Result<(), TestCaseError> {
    let f = report.financing.as_ref().unwrap();
    let s = &report.summary;
    let zero = Decimal::ZERO;
    // Sources = uses: equity + debt + prepayments = capex; at the close the equity pays
    // the capex then, less the first draw, plus the reserve funded.
    prop_assert_eq!(
        f.summary.equity_usd + f.summary.debt_usd + s.prepayment_usd,
        s.capex_usd
    );
    let su = &f.summary.sources_and_uses;
    prop_assert_eq!(su.sources_usd, su.uses_usd);
    prop_assert_eq!(
        su.uses_usd,
        su.capex_usd
            + su.upfront_fee_usd
            + su.initial_dsra_usd
            + su.capitalized_interest_usd
            + su.spares_usd
            + su.cap_premium_usd
    );
    prop_assert_eq!(
        su.equity_usd,
        f.summary.equity_usd + su.upfront_fee_usd + su.initial_dsra_usd + su.spares_usd
    );
    let (mut dsra, mut trapped) = (f.summary.initial_dsra_usd, zero);
    let mut repaid_since_default = false;
    let last = f.months.len() - 1;
    for (i, (m, fm)) in report.months.iter().zip(&f.months).enumerate() {
        for x in [
            fm.fees_usd,
            fm.interest_usd,
            fm.principal_usd,
            fm.dsra_draw_usd,
            fm.dsra_top_up_usd,
            fm.dsra_release_usd,
            fm.dsra_balance_usd,
            fm.sweep_usd,
            fm.trapped_usd,
            fm.trapped_release_usd,
            fm.trapped_swept_usd,
            fm.trapped_balance_usd,
            fm.distribution_usd,
            fm.sale_to_lender_usd,
            fm.written_off_usd,
            fm.balance_usd,
            fm.equity_support_usd,
            fm.shortfall_usd,
        ] {
            prop_assert!(x >= zero, "month {}: {} < 0", fm.month, x);
        }
        if fm.foreclosed && f.summary.foreclosure_month != Some(fm.month) {
            prop_assert_eq!(fm.equity_cash_flow_usd, zero);
            prop_assert_eq!(fm.lender_cash_flow_usd, zero);
            continue;
        }
        // Every dollar of cash lands in one place: lender, reserve, trapped cash, equity.
        let cash = fm.cfads_usd.max(zero)
            + fm.dsra_draw_usd
            + fm.dsra_release_usd
            + fm.trapped_release_usd;
        let uses = fm.fees_usd - fm.upfront_fee_usd
            + fm.interest_usd
            + fm.principal_usd
            + fm.dsra_top_up_usd
            + fm.sweep_usd
            + fm.trapped_usd
            + fm.distribution_usd;
        prop_assert_eq!(cash, uses, "month {}", fm.month);
        // The accounts move by what goes in and out.
        let next_dsra = dsra + fm.dsra_top_up_usd - fm.dsra_draw_usd - fm.dsra_release_usd;
        let next_trapped = trapped + fm.trapped_usd - fm.trapped_release_usd - fm.trapped_swept_usd;
        prop_assert_eq!(next_dsra, fm.dsra_balance_usd);
        prop_assert_eq!(next_trapped, fm.trapped_balance_usd);
        // Lender + equity + the reserves' change = the project's flow (the foreclosure's
        // proceeds in place of the horizon's sale).
        let sale = if f.summary.foreclosure_month == Some(fm.month) {
            fm.sale_to_lender_usd + fm.equity_cash_flow_usd + fm.equity_support_usd
                - fm.distribution_usd
                - fm.draw_usd
                + m.capex_usd
        } else {
            m.sale_usd
        };
        prop_assert_eq!(
            fm.lender_cash_flow_usd
                + fm.equity_cash_flow_usd
                + (next_dsra - dsra)
                + (next_trapped - trapped),
            fm.cfads_usd - m.capex_usd + sale,
            "month {}",
            fm.month
        );
        if f.summary.foreclosure_month != Some(fm.month) {
            prop_assert_eq!(sale, m.sale_usd);
        }
        dsra = next_dsra;
        trapped = next_trapped;
        // No distribution while locked up (the horizon releases what is trapped).
        if fm.locked_up && i != last {
            prop_assert_eq!(fm.distribution_usd, zero);
        }
        // After the month of default, nothing to the equity until the lender is repaid.
        let after_default = f.summary.first_default_month.is_some_and(|d| fm.month > d);
        if after_default && !repaid_since_default {
            prop_assert!(fm.distribution_usd.is_zero() || fm.balance_usd.is_zero());
        }
        repaid_since_default |= after_default && fm.balance_usd.is_zero();
    }
    Ok(())
}

fn prices() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(20_u32..=150, 12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_waterfall_accounts_for_every_dollar(
        prices in prices(),
        advance in 20_u32..=90,
        repayment in prop::sample::select(vec!["straight", "level_payment", "sculpted", "bullet"]),
        dsra in prop::option::of((1_u32..=3, any::<bool>())),
        lock_up in prop::option::of((100_u32..=150, prop::sample::select(vec![1_u32, 3, 12]),
                                     1_u32..=3, prop::option::of((1_u32..=3, 1_u32..=100)))),
        sweep in prop::option::of((1_u32..=100, any::<bool>())),
        foreclose in prop::option::of(1_u32..=4),
        haircut in 0_u32..=100,
        min_dscr in prop::option::of(80_u32..=130),
        upkeep in prop::option::of((0_u32..=30, 0_u32..=3)),
        days in prop::option::of((0_u32..=90, 0_u32..=60)),
        resellable in 50_u32..=100,
    ) {
        let mut f = json!({
            "advance_rate": Decimal::new(i64::from(advance), 2).to_string(),
            "target_dscr": "1.1", "tenor_months": 12,
            "interest": { "kind": "fixed", "annual_rate": "0.12" },
            "repayment": repayment,
            "fees": { "upfront_fee_share_of_commitment": "0.01" },
            "merchant_haircut": "0", "allow_merchant_tail": true,
            "max_ltv": "0.8",
            "liquidation_haircut": Decimal::new(i64::from(haircut), 2).to_string(),
        });
        if let Some((months, at_close)) = dsra {
            f["dsra"] = json!({ "months": months,
                                "funding": if at_close { "close" } else { "cash_flow" } });
        }
        if let Some((min, window, release, trapped)) = lock_up {
            f["lock_up"] = json!({ "min_dscr": Decimal::new(i64::from(min), 2).to_string(),
                                   "trailing_months": window, "release_after_months": release });
            if let Some((after, share)) = trapped {
                f["lock_up"]["sweep_trapped"] = json!({ "after_months": after,
                    "share": Decimal::new(i64::from(share), 2).to_string() });
            }
        }
        if let Some((share, always)) = sweep {
            f["cash_sweep"] = json!({ "share": Decimal::new(i64::from(share), 2).to_string(),
                                      "when": if always { "always" } else { "locked_up" } });
        }
        if let Some(k) = foreclose {
            f["foreclose_after_months"] = json!(k);
        }
        if let Some(min) = min_dscr {
            f["min_dscr"] = json!(Decimal::new(i64::from(min), 2).to_string());
        }
        if let Some((rate, spares)) = upkeep {
            f["maintenance"] = json!({ "annual_failure_rate": Decimal::new(i64::from(rate), 2).to_string(),
                                       "replacement_usd_per_gpu": "9000", "spares_gpus": spares });
        }
        if let Some((receivable, payable)) = days {
            f["working_capital"] = json!({ "receivable_days": receivable, "payable_days": payable });
        }
        f["resellable_share"] = json!(Decimal::new(i64::from(resellable), 2).to_string());
        let s = scenario(&prices, f);
        let report = evaluate(&s).unwrap();
        check(&report)?;
        let fin = report.financing.as_ref().unwrap();
        let e0 = report.summary.close_cash_flow_usd - fin.summary.initial_dsra_usd
            - fin.summary.sources_and_uses.spares_usd
            + fin.summary.debt_usd
            - fin.months.iter().map(|m| m.draw_usd).sum::<Decimal>();
        // At a 0 discount rate the equity's NPV is the sum of its flows, the close's the
        // capex then less the first draw and plus the reserve funded (sources = uses).
        let total = e0 + fin.months.iter().map(|m| m.equity_cash_flow_usd).sum::<Decimal>();
        prop_assert!((fin.summary.equity.npv_usd - total).abs() < Decimal::new(1, 9));
    }

    #[test]
    fn every_new_section_off_gives_the_flows_before_the_waterfall(
        prices in prices(),
        advance in 20_u32..=90,
        repayment in prop::sample::select(vec!["straight", "level_payment", "sculpted", "bullet"]),
    ) {
        let s = scenario(&prices, json!({
            "advance_rate": Decimal::new(i64::from(advance), 2).to_string(),
            "target_dscr": "1.1", "tenor_months": 12,
            "interest": { "kind": "fixed", "annual_rate": "0.12" },
            "repayment": repayment,
            "fees": { "upfront_fee_share_of_commitment": "0.01" },
            "merchant_haircut": "0", "allow_merchant_tail": true,
        }));
        let report = evaluate(&s).unwrap();
        let f = report.financing.as_ref().unwrap();
        check(&report)?;
        if f.summary.first_default_month.is_none() {
            for (m, fm) in report.months.iter().zip(&f.months) {
                prop_assert_eq!(
                    fm.equity_cash_flow_usd,
                    m.cash_flow_usd - fm.debt_service_usd - fm.fees_usd + fm.draw_usd
                );
                prop_assert_eq!(fm.cfads_usd, m.gross_margin_usd - m.prepayment_applied_usd);
                prop_assert_eq!(fm.dsra_balance_usd + fm.trapped_balance_usd, Decimal::ZERO);
            }
        }
    }
}

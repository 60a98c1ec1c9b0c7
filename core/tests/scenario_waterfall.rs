//! The lender's waterfall worked by hand on a 6-month box (core/tests/data/box6.json): 10
//! GPUs at $10,000, no operating costs, on demand at $2 × 730 h × 10 GPUs = $14,600 a month,
//! halved in month 3 by the price curve; a straight loan of 0.6 × $100,000 = $60,000 at
//! 1 % a month over 6 months ($10,000 of principal a month), so the scheduled service is
//! $10,600, 10,500, 10,400, 10,300, 10,200, 10,100.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use gpuecon::Decimal;
use gpuecon::scenario::{DefaultKind, FinancingMonth, Scenario, evaluate};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn box6() -> Scenario {
    serde_json::from_str(include_str!("data/box6.json")).unwrap()
}

/// The month's amounts, each rounded to the cent, in the order of the assertions.
fn cents(m: &FinancingMonth) -> [Decimal; 12] {
    [
        m.cfads_usd,
        m.interest_usd,
        m.principal_usd,
        m.dsra_draw_usd,
        m.dsra_top_up_usd,
        m.dsra_release_usd,
        m.dsra_balance_usd,
        m.sweep_usd,
        m.trapped_usd,
        m.trapped_swept_usd,
        m.distribution_usd,
        m.balance_usd,
    ]
    .map(|x| x.round_dp(2).normalize())
}

fn row(values: [&str; 12]) -> [Decimal; 12] {
    values.map(|v| d(v).normalize())
}

#[test]
fn six_months_through_every_step() {
    let report = evaluate(&box6()).unwrap();
    let f = report.financing.unwrap();
    // Sized by the advance rate: 0.6 × 100,000. The DSCR limit at 0.5 is the tightest
    // month, 3: 7,300 ÷ 0.5 ÷ (10,400 ÷ 60,000) = 84,230.77.
    assert_eq!(f.summary.debt_usd, d("60000"));
    assert_eq!(f.summary.dscr_limit_usd.round_dp(2), d("84230.77"));
    // The DSRA holds the next month's service, funded at the close: 10,600.
    assert_eq!(f.summary.initial_dsra_usd, d("10600"));
    let m = &f.months;
    //           CFADS   interest principal draw top-up release DSRA  sweep   trapped
    //           trapped-swept distribution balance
    // 1: 14,600 − 10,600 = 4,000; the target falls to month 2's 10,500: 100 released;
    //    trailing DSCR 14,600 ÷ 10,600 = 1.377 ≥ 1.2: 4,100 distributed.
    assert_eq!(
        cents(&m[0]),
        row([
            "14600", "600", "10000", "0", "0", "100", "10500", "0", "0", "0", "4100", "50000"
        ])
    );
    // 2: 14,600 − 10,500 + 100 released (target 10,400) = 4,200; 29,200 ÷ 21,100 = 1.384.
    assert_eq!(
        cents(&m[1]),
        row([
            "14600", "500", "10000", "0", "0", "100", "10400", "0", "0", "0", "4200", "40000"
        ])
    );
    // 3: 7,300 < 10,400: 3,100 drawn from the DSRA (10,400 → 7,300); nothing left to top
    //    it up; trailing 3 months 36,500 ÷ 31,500 = 1.159 < 1.2: locked (nothing to trap).
    assert_eq!(
        cents(&m[2]),
        row([
            "7300", "400", "10000", "3100", "0", "0", "7300", "0", "0", "0", "0", "30000"
        ])
    );
    assert!(m[2].locked_up);
    // 4: 14,600 − 10,300 = 4,300; top-up to month 5's 10,200: 2,900; 1,400 left; still
    //    locked (36,500 ÷ 31,200 = 1.170): half swept (700 prepays: 20,000 → 19,300), the
    //    other half trapped.
    assert_eq!(
        cents(&m[3]),
        row([
            "14600", "300", "10000", "0", "2900", "0", "10200", "700", "700", "0", "0", "19300"
        ])
    );
    // 5: interest at the schedule's 1 % on the smaller balance: 19,300 × 200 ÷ 20,000 =
    //    193; 14,600 − 10,193 = 4,407 + 100 released (target month 6's 10,100) = 4,507;
    //    locked (36,500 ÷ 30,893 = 1.1815), the third month running: 2,253.50 swept,
    //    2,253.50 trapped, then the whole trapped 700 + 2,253.50 = 2,953.50 swept:
    //    19,300 − 10,000 − 2,253.50 − 2,953.50 = 4,093.
    assert_eq!(
        cents(&m[4]),
        row([
            "14600", "193", "10000", "0", "0", "100", "10100", "2253.5", "2253.5", "2953.5", "0",
            "4093"
        ])
    );
    assert_eq!(m[4].trapped_balance_usd, Decimal::ZERO);
    // 6: maturity: interest 4,093 × 1 % = 40.93, the whole 4,093 repaid; the DSRA's
    //    10,100 released: 14,600 − 4,133.93 + 10,100 = 20,566.07 distributed (trailing
    //    43,800 ÷ 24,626.93 = 1.779 passes).
    assert_eq!(
        cents(&m[5]),
        row([
            "14600", "40.93", "4093", "0", "0", "10100", "0", "0", "0", "0", "20566.07", "0"
        ])
    );
    assert!(!m[5].locked_up);
    // The equity: −100,000 + 60,000 − 10,600 at the close; then the distributions, and the
    // fleet's sale for 100,000 in month 6.
    let equity: Vec<Decimal> = m
        .iter()
        .map(|x| x.equity_cash_flow_usd.normalize())
        .collect();
    assert_eq!(
        equity,
        ["4100", "4200", "0", "0", "0", "120566.07"].map(|v| d(v).normalize())
    );
    // The lender: service, plus the sweeps of months 4 and 5.
    assert_eq!(m[3].lender_cash_flow_usd, d("11000"));
    assert_eq!(m[4].lender_cash_flow_usd, d("15400"));
    assert_eq!(f.summary.months_in_lock_up, 3);
    assert_eq!(f.summary.dsra_draws_usd, d("3100"));
    assert_eq!(f.summary.first_default_month, None);
}

#[test]
fn a_payment_default_accelerates_and_the_lender_forecloses() {
    let mut s = box6();
    let f = s.financing.as_mut().unwrap();
    f.dsra = None;
    f.lock_up = None;
    f.cash_sweep = None;
    f.foreclose_after_months = Some(2);
    f.liquidation_haircut = d("0.99");
    // The LTV on the liquidation value (1 % of 100,000) would default at once: no LTV test.
    f.max_ltv = d("100");
    let report = evaluate(&s).unwrap();
    let f = report.financing.unwrap();
    let m = &f.months;
    // Months 1 and 2 as scheduled: 4,000 and 4,100 distributed.
    assert_eq!(m[0].distribution_usd, d("4000"));
    assert_eq!(m[1].distribution_usd, d("4100"));
    // 3: CFADS 7,300 < 10,400 due, nothing in reserve: a payment default. 400 of interest
    //    and 6,900 of principal paid, 3,100 short; the balance 40,000 − 6,900 = 33,100.
    assert_eq!(f.summary.first_default_month, Some(3));
    assert_eq!(f.summary.default_kind, Some(DefaultKind::Payment));
    assert_eq!(m[2].principal_usd, d("6900"));
    assert_eq!(m[2].shortfall_usd, d("3100"));
    assert_eq!(m[2].balance_usd, d("33100"));
    assert!(m[2].in_default);
    // 4: acceleration: interest 33,100 × 300 ÷ 30,000 = 331, the other 14,269 of CFADS
    //    repays principal: 18,831 left; nothing to the equity.
    assert_eq!(m[3].interest_usd, d("331"));
    assert_eq!(m[3].principal_usd, d("14269"));
    assert_eq!(m[3].balance_usd, d("18831"));
    assert_eq!(m[3].equity_cash_flow_usd, Decimal::ZERO);
    // 5 (default + 2): interest 18,831 × 200 ÷ 20,000 = 188.31, principal 14,411.69:
    //    4,419.31 owed; the GPUs sold at 100,000 × (1 − 0.99) = 1,000 to the lender;
    //    3,419.31 written off.
    assert_eq!(m[4].interest_usd, d("188.31"));
    assert_eq!(m[4].principal_usd, d("14411.69"));
    assert_eq!(m[4].sale_to_lender_usd, d("1000"));
    assert_eq!(m[4].written_off_usd, d("3419.31"));
    assert_eq!(m[4].balance_usd, Decimal::ZERO);
    assert_eq!(f.summary.foreclosure_month, Some(5));
    // 6: nothing left: no revenue, no sale at the horizon.
    assert!(m[5].foreclosed);
    assert_eq!(m[5].cfads_usd, Decimal::ZERO);
    assert_eq!(m[5].equity_cash_flow_usd, Decimal::ZERO);
    // Exposure 33,100; recovered 331 + 14,269 + 188.31 + 14,411.69 + 1,000 = 30,200;
    // 33,100 + 331 + 188.31 of interest − 30,200 = 3,419.31 lost: LGD 3,419.31 ÷ 33,100.
    assert_eq!(f.summary.exposure_at_default_usd, Some(d("33100")));
    assert_eq!(f.summary.recovery_usd, Some(d("30200")));
    assert_eq!(
        f.summary.loss_given_default,
        Some(d("3419.31") / d("33100"))
    );
    // The equity: −40,000 at the close, 4,000 and 4,100, then nothing.
    let equity: Vec<Decimal> = m.iter().map(|x| x.equity_cash_flow_usd).collect();
    assert_eq!(equity, ["4000", "4100", "0", "0", "0", "0"].map(d).to_vec());
    // The lender: −60,000, then 10,600, 10,500, 7,300, 14,600, 14,600 + 1,000.
    let lender: Vec<Decimal> = m.iter().map(|x| x.lender_cash_flow_usd).collect();
    assert_eq!(
        lender,
        ["10600", "10500", "7300", "14600", "15600", "0"]
            .map(d)
            .to_vec()
    );
}

/// The box cut to 3 months with a 3-month loan and month 3's price a quarter (CFADS 14,600,
/// 14,600, 3,650), without reserves, lock-up or sweep, `edit` applied. The DSCR limit at
/// the 0.5x target binds: month 3's service (1/3 + 1/300) × L = 3,650 ÷ 0.5 = 7,300, so L =
/// 7,300 × 300 ÷ 101 = 21,683.17 (< 0.6 × 100,000). Month 3 owes 7,227.72 + 72.28 of
/// interest = 7,300 and pays 3,650: a payment default in the horizon's last month with
/// 7,300 − 3,650 = 3,650 still owed.
fn defaulting_in_the_last_month(
    edit: impl FnOnce(&mut Scenario),
) -> gpuecon::scenario::FinancingReport {
    let mut s = box6();
    s.horizon_months = 3;
    s.market.price_curve = serde_json::from_str(
        r#"{ "kind": "points", "points": [ { "month": 0, "value": 1 }, { "month": 2, "value": 1 },
             { "month": 3, "value": 0.25 } ] }"#,
    )
    .unwrap();
    let f = s.financing.as_mut().unwrap();
    f.tenor_months = 3;
    f.dsra = None;
    f.lock_up = None;
    f.cash_sweep = None;
    edit(&mut s);
    evaluate(&s).unwrap().financing.unwrap()
}

/// `x` to the cent.
fn cent(x: Decimal) -> Decimal {
    x.round_dp(2).normalize()
}

#[test]
fn a_default_in_the_horizons_last_month_has_an_exposure_and_a_loss() {
    // The fleet kept: nothing repays the 3,650, all of it is written off. Exposure 3,650
    // (owed before the write-off, not the 0 left after it), recovery 0, LGD 1.
    let f = defaulting_in_the_last_month(|s| s.sell_at_horizon = false);
    let m = &f.months;
    assert_eq!(cent(f.summary.debt_usd), d("21683.17"));
    assert_eq!(f.summary.first_default_month, Some(3));
    assert_eq!(f.summary.default_kind, Some(DefaultKind::Payment));
    assert_eq!(cent(m[2].shortfall_usd), d("3650"));
    assert_eq!(cent(m[2].written_off_usd), d("3650"));
    assert_eq!(m[2].balance_usd, Decimal::ZERO);
    assert_eq!(f.summary.exposure_at_default_usd.map(cent), Some(d("3650")));
    assert_eq!(f.summary.recovery_usd, Some(Decimal::ZERO));
    assert_eq!(f.summary.loss_given_default, Some(Decimal::ONE));
}

#[test]
fn a_default_in_the_horizons_last_month_is_repaid_by_the_sale() {
    // The fleet sold at the horizon (worth far more) repays the 3,650 first: exposure
    // 3,650, recovery 3,650, nothing written off, LGD 0.
    let f = defaulting_in_the_last_month(|_| {});
    let m = &f.months;
    assert_eq!(f.summary.first_default_month, Some(3));
    assert_eq!(cent(m[2].sale_to_lender_usd), d("3650"));
    assert_eq!(m[2].written_off_usd, Decimal::ZERO);
    let exposure = f.summary.exposure_at_default_usd.unwrap();
    assert_eq!(cent(exposure), d("3650"));
    assert_eq!(f.summary.recovery_usd, Some(exposure));
    assert_eq!(f.summary.loss_given_default, Some(Decimal::ZERO));
}

#[test]
fn a_covenant_default_stops_the_distributions_from_the_next_month() {
    // The sub-investment-grade box breaches its DSCR covenant (1.2) past the 2-month cure
    // and defaults in month 18 (as before acceleration: the breach months do not change).
    let preset = gpuecon::presets::get("coreweave-box-sub-ig")
        .unwrap()
        .unwrap()
        .scenario
        .unwrap();
    let f = evaluate(&preset).unwrap().financing.unwrap();
    assert_eq!(f.summary.first_default_month, Some(18));
    assert_eq!(f.summary.default_kind, Some(DefaultKind::Covenant));
    for m in &f.months[18..] {
        // From month 19 on, nothing to the equity until the lender is repaid.
        if !m.balance_usd.is_zero() {
            assert_eq!(m.distribution_usd, Decimal::ZERO, "month {}", m.month);
        }
    }
}

#[test]
fn merchant_cash_flow_is_haircut_when_sizing() {
    let mut s = box6();
    let f = s.financing.as_mut().unwrap();
    f.dsra = None;
    f.lock_up = None;
    f.cash_sweep = None;
    f.merchant_haircut = d("0.5");
    let f = evaluate(&s).unwrap().financing.unwrap();
    // All of box6's revenue is on demand (merchant): sizing CFADS = CFADS − 0.5 × revenue
    // = 7,300 a month, 3,650 in month 3.
    assert_eq!(f.months[0].sizing_cfads_usd, d("7300"));
    assert_eq!(f.months[2].sizing_cfads_usd, d("3650"));
    // Straight at 1 %: month 3's service is 10,400 per 60,000 lent; its limit
    // 3,650 ÷ 0.5 ÷ (10,400 ÷ 60,000) = 42,115.38 binds, below the 60,000 advance.
    assert_eq!(f.summary.dscr_limit_usd.round_dp(2), d("42115.38"));
    assert_eq!(f.summary.debt_usd, f.summary.dscr_limit_usd);
    // The advance rate alone would need a DSCR of 0.5 × 42,115.38 ÷ 60,000 = 0.351.
    assert_eq!(f.summary.advance_rate_dscr.unwrap().round_dp(3), d("0.351"));
    // A full haircut leaves nothing to lend on.
    let mut all = box6();
    all.financing.as_mut().unwrap().merchant_haircut = Decimal::ONE;
    assert_eq!(
        evaluate(&all).unwrap().financing.unwrap().summary.debt_usd,
        Decimal::ZERO
    );
}

#[test]
fn a_tenor_past_the_contracts_needs_a_merchant_tail() {
    let mut s = box6();
    s.financing.as_mut().unwrap().allow_merchant_tail = false;
    let err = evaluate(&s).unwrap_err();
    assert_eq!(err.field(), "financing.tenor_months");
}

//! The box: a scenario with debt. Debt sizing by hand, the reconciliation of the project's
//! cash flows to equity plus lender month by month, DSCR held at the target by sculpting,
//! and LTV rising as the residual value falls.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::str::FromStr;

use gpuecon::scenario::{Financing, Report, Scenario, SizedBy, evaluate};
use gpuecon::{Decimal, presets};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn preset(id: &str) -> Scenario {
    presets::get(id).unwrap().unwrap().scenario.unwrap()
}

/// The tiny scenario of tests/scenario.rs (10 GPUs, 2 months; gross margin $5,835 then
/// $5,561.25, the fleet sold for $100,000 at the end), with a straight-amortizing loan at
/// 12 % over 2 months, up to half the capex, at DSCR 1.3.
fn tiny_box() -> Scenario {
    let mut s: Scenario = serde_json::from_str(include_str!("data/tiny.json")).unwrap();
    s.financing = Some(
        serde_json::from_str::<Financing>(
            r#"{
        "advance_rate": 0.5, "target_dscr": 1.3, "tenor_months": 2,
        "interest": { "kind": "fixed", "annual_rate": 0.12 }, "repayment": "straight",
        "merchant_haircut": 0, "allow_merchant_tail": true
    }"#,
        )
        .unwrap(),
    );
    s
}

#[test]
fn a_straight_loan_sized_by_dscr_by_hand() {
    let report = evaluate(&tiny_box()).unwrap();
    let f = report.financing.unwrap();
    // Straight over 2 months at 1 % a month: service per dollar lent is 0.5 + 0.01 = 0.51
    // in month 1 and 0.5 + 0.005 = 0.505 in month 2. The DSCR limit is the tighter month:
    // min(5,835 / 1.3 / 0.51, 5,561.25 / 1.3 / 0.505) = 5,561.25 / 0.6565 = 8,471.0586...
    // below the advance limit of 0.5 × 100,000.
    assert_eq!(f.summary.sized_by, SizedBy::TargetDscr);
    assert_eq!(f.summary.advance_limit_usd, d("50000"));
    assert_eq!(f.summary.debt_usd.round_dp(4), d("8471.0586"));
    // Month 1: principal 4,235.53 + interest 84.71 = 4,320.24; DSCR 5,835 / 4,320.24 = 1.3506.
    let [m1, m2] = f.months.as_slice() else {
        panic!("two months")
    };
    assert_eq!(m1.debt_service_usd.round_dp(2), d("4320.24"));
    assert_eq!(m1.dscr.unwrap().round_dp(4), d("1.3506"));
    // Month 2: 4,235.53 + 42.36 = 4,277.88, exactly CFADS / 1.3: the binding month.
    assert_eq!(m2.debt_service_usd.round_dp(2), d("4277.88"));
    assert_eq!(m2.dscr.unwrap().round_dp(9), d("1.3"));
    assert_eq!(m2.balance_usd, Decimal::ZERO);
    // Equity: −100,000 + 8,471.06 at the close; 5,835 − 4,320.24 = 1,514.76; then
    // 5,561.25 + 100,000 (the sale) − 4,277.88 = 101,283.37.
    assert_eq!(f.summary.equity_usd.round_dp(2), d("91528.94"));
    // The equity's flow at the close (month 0): −100,000 + 8,471.0586 (no fee, reserve,
    // spares or cap to pay) = −91,528.9414.
    assert_eq!(
        f.summary.equity_close_cash_flow_usd.round_dp(4),
        d("-91528.9414")
    );
    assert_eq!(m1.equity_cash_flow_usd.round_dp(2), d("1514.76"));
    assert_eq!(m2.equity_cash_flow_usd.round_dp(2), d("101283.37"));
    assert_eq!(f.summary.minimum_dscr.unwrap().round_dp(9), d("1.3"));
}

/// Project flow = equity flow + the lender's flow, every month; sources = uses at the close.
fn reconciles(report: &Report, capex: Decimal) {
    let f = report.financing.as_ref().unwrap();
    assert_eq!(
        f.summary.equity_usd + f.summary.debt_usd,
        capex,
        "sources = uses"
    );
    for (m, fm) in report.months.iter().zip(&f.months) {
        let lender = fm.debt_service_usd + fm.fees_usd;
        let repaid_at_sale = if usize::try_from(m.month).unwrap() == report.months.len() {
            fm.balance_usd
        } else {
            Decimal::ZERO
        };
        assert_eq!(
            m.cash_flow_usd,
            fm.equity_cash_flow_usd + lender + repaid_at_sale,
            "month {}",
            m.month
        );
        assert_eq!(fm.cfads_usd, m.gross_margin_usd);
    }
}

#[test]
fn the_box_presets_reconcile_month_by_month() {
    for id in ["coreweave-box-ig", "coreweave-box-sub-ig"] {
        let s = preset(id);
        let capex = s.fleet.gpus * s.fleet.capex_usd_per_gpu;
        let report = evaluate(&s).unwrap();
        reconciles(&report, capex);
        let f = report.financing.as_ref().unwrap();
        // The debt is the lesser of the two limits.
        assert_eq!(
            f.summary.debt_usd,
            f.summary.advance_limit_usd.min(f.summary.dscr_limit_usd)
        );
        // Repaid by maturity (the contract's 48 months).
        assert_eq!(f.months[47].balance_usd, Decimal::ZERO, "{id}");
    }
}

#[test]
fn a_sub_investment_grade_customer_costs_the_equity() {
    let ig = evaluate(&preset("coreweave-box-ig"))
        .unwrap()
        .financing
        .unwrap()
        .summary;
    let sub = evaluate(&preset("coreweave-box-sub-ig"))
        .unwrap()
        .financing
        .unwrap()
        .summary;
    // SOFR + 13 % instead of + 6 %: less debt capacity, a lower equity return, a higher LTV.
    assert!(sub.dscr_limit_usd < ig.dscr_limit_usd);
    assert!(sub.equity.irr_annual.unwrap() < ig.equity.irr_annual.unwrap());
    assert!(sub.peak_ltv.unwrap() > ig.peak_ltv.unwrap());
}

#[test]
fn sculpting_at_the_dscr_limit_holds_dscr_at_the_target() {
    let mut s = preset("coreweave-box-ig");
    let f = s.financing.as_mut().unwrap();
    f.advance_rate = Decimal::ONE; // the DSCR limit binds
    f.max_ltv = d("10"); // and the LTV covenant does not (a default would accelerate)
    let report = evaluate(&s).unwrap();
    let f = report.financing.unwrap();
    assert_eq!(f.summary.sized_by, SizedBy::TargetDscr);
    for m in &f.months[..48] {
        let dscr = m.dscr.unwrap();
        assert!(
            (dscr - d("1.3")).abs() < d("0.000000001"),
            "month {}: {dscr}",
            m.month
        );
    }
}

#[test]
fn ltv_rises_when_the_residual_value_falls_faster() {
    let base = preset("coreweave-box-ig");
    let mut steeper = base.clone();
    steeper.residual =
        serde_json::from_str(r#"{ "kind": "exponential", "annual_factor": 0.5 }"#).unwrap();
    let peak = |s: &Scenario| {
        evaluate(s)
            .unwrap()
            .financing
            .unwrap()
            .summary
            .peak_ltv
            .unwrap()
    };
    assert!(peak(&steeper) > peak(&base));
}

#[test]
fn a_tenor_beyond_the_horizon_is_reported_with_its_path() {
    let mut s = tiny_box();
    s.financing.as_mut().unwrap().tenor_months = 3;
    let err = evaluate(&s).unwrap_err();
    assert_eq!(err.field(), "financing.tenor_months");
}

#[test]
fn a_portfolio_adds_its_boxes_and_finds_the_first_funding_gap() {
    use gpuecon::scenario::{
        Repayment,
        portfolio::{Portfolio, evaluate_portfolio},
    };
    let ig = preset("coreweave-box-ig");
    let mut bullet = preset("coreweave-box-sub-ig");
    // Interest only, everything at maturity, sized by the advance rate alone (a DSCR target
    // of 0.01 does not bind): month 48 owes the whole $38.4M principal.
    let f = bullet.financing.as_mut().unwrap();
    f.repayment = Repayment::Bullet;
    f.target_dscr = d("0.01");
    // No covenants: the box pays interest until the balloon of month 48, which its CFADS
    // cannot pay (a payment default; the company must fund the service due).
    f.max_ltv = d("10");
    f.min_dscr = None;
    let company = evaluate_portfolio(&Portfolio {
        title: String::new(),
        boxes: vec![ig, bullet],
        counterparties: Vec::new(),
        default_recovery_rate: Decimal::ZERO,
    })
    .unwrap();
    for (i, m) in company.months.iter().enumerate() {
        let boxes = &company.boxes;
        assert_eq!(
            m.ebitda_usd,
            boxes[0].months[i].gross_margin_usd + boxes[1].months[i].gross_margin_usd
        );
        let interest: Decimal = boxes
            .iter()
            .map(|b| b.financing.as_ref().unwrap().months[i].interest_usd)
            .sum();
        assert_eq!(m.interest_usd, interest);
        if !interest.is_zero() {
            assert_eq!(m.interest_coverage, Some(m.ebitda_usd / interest));
        }
    }
    assert_eq!(company.summary.first_uncovered_debt_service_month, Some(48));
    assert_eq!(company.summary.first_interest_gap_month, None);
    // 38.5 % × $51.2M = $19.712M (the investment-grade box: 70 % of the resellable 55 %)
    // + 41.25 % × $51.2M = $21.12M (the other: 75 % of 55 %).
    assert_eq!(company.summary.debt_usd, d("40832000"));

    let mut late = preset("coreweave-box-ig");
    late.horizon_months = 59;
    let err = evaluate_portfolio(&Portfolio {
        title: String::new(),
        boxes: vec![preset("coreweave-box-ig"), late],
        counterparties: Vec::new(),
        default_recovery_rate: Decimal::ZERO,
    })
    .unwrap_err();
    assert_eq!(err.field(), "boxes[1].horizon_months");
}

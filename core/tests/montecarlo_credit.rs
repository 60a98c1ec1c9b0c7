//! Monte Carlo paths through the lender's waterfall: the `f64` waterfall against the exact
//! `Decimal` one on sampled paths, zero volatility against `evaluate`, and the credit
//! statistics against a separate aggregation of the per-path outcomes.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use gpuecon::Decimal;
use gpuecon::montecarlo::{
    self, CustomerDefault, MonteCarloInputs, Options, Simulation, SofrProcess, Stochastic,
};
use gpuecon::scenario::{Scenario, evaluate};
use gpuecon::units::to_f64_lossy;

mod montecarlo_common;
use montecarlo_common::{preset, run_of};

/// The sub-investment-grade box with every section of the waterfall on: a DSRA of 3
/// months funded from cash flow, a lock-up under a trailing 3-month DSCR of 1.25 whose
/// trapped cash is half swept after 2 months, a 25 % sweep while locked up, and a
/// foreclosure 6 months after a default at a 20 % haircut.
fn every_section(id: &str) -> Scenario {
    let mut s = preset(id);
    // The lock-up test just under the box's own minimum DSCR (at least 1.25x): the
    // deterministic path stays clear of it and distressed paths cross it, whatever the
    // preset's leverage.
    let own_minimum = evaluate(&s)
        .unwrap()
        .financing
        .and_then(|f| f.summary.minimum_dscr)
        .unwrap();
    let lock_up_dscr = (own_minimum * Decimal::new(97, 2))
        .round_dp(2)
        .max(Decimal::new(125, 2));
    let f = s.financing.as_mut().unwrap();
    f.dsra = Some(serde_json::from_str(r#"{ "months": 3, "funding": "cash_flow" }"#).unwrap());
    f.lock_up = Some(
        serde_json::from_str(&format!(
            r#"{{ "min_dscr": {lock_up_dscr}, "trailing_months": 3, "release_after_months": 2,
                 "sweep_trapped": {{ "after_months": 2, "share": 0.5 }} }}"#
        ))
        .unwrap(),
    );
    f.cash_sweep = Some(serde_json::from_str(r#"{ "share": 0.25, "when": "locked_up" }"#).unwrap());
    f.foreclose_after_months = Some(6);
    f.liquidation_haircut = Decimal::new(2, 1);
    s
}

/// The typical processes with buyer defaults made likelier (more paths default) and SOFR
/// moving (the loan's interest moves).
fn distressed() -> Stochastic {
    let mut s = Stochastic::typical();
    s.customer_default = Some(CustomerDefault {
        annual_probability: Decimal::new(15, 2),
        recovery: Decimal::new(3, 1),
    });
    s.sofr = Some(SofrProcess {
        mean_reversion_per_month: Decimal::new(5, 2),
        volatility_per_month: Decimal::new(25, 4),
        floor_annual_rate: Some(Decimal::ZERO),
    });
    s
}

/// Whether `rate` (annual) is an IRR of `flows` (the close's first, then monthly): their
/// NPV at it within 1e-9 of their gross size.
fn is_irr(flows: &[f64], rate: f64) -> bool {
    let monthly = (1.0 + rate).powf(1.0 / 12.0);
    let (mut npv, mut size, mut factor) = (0.0, 0.0, 1.0);
    for cf in flows {
        npv += cf * factor;
        size += cf.abs();
        factor /= monthly;
    }
    npv.abs() <= 1e-9 * size
}

/// `got` within 1e-9 of `exact` relatively (1e-6 absolutely near 0: dollars).
fn close(got: f64, exact: f64, what: &str) {
    assert!(
        (got - exact).abs() <= 1e-9 * exact.abs().max(1000.0),
        "{what}: f64 {got} against exact {exact}"
    );
}

/// The equity's flows of an exact path: at the close, the close's cash flow + the first
/// draw − the DSRA funded − the spares − the cap's premium; then each month's.
fn equity_flows(exact: &montecarlo::Replay) -> Vec<f64> {
    let fin = exact.financing.as_ref().unwrap();
    let s = &fin.summary;
    let later: Decimal = fin.months.iter().map(|m| m.draw_usd).sum();
    let su = &s.sources_and_uses;
    let close = exact.report.summary.close_cash_flow_usd + (s.debt_usd - later)
        - s.initial_dsra_usd
        - su.spares_usd
        - su.cap_premium_usd;
    std::iter::once(close)
        .chain(fin.months.iter().map(|m| m.equity_cash_flow_usd))
        .map(to_f64_lossy)
        .collect()
}

#[test]
fn the_f64_waterfall_agrees_with_the_exact_one_on_sampled_paths() {
    let cases = [
        ("coreweave-box-sub-ig", preset("coreweave-box-sub-ig")),
        ("coreweave-box-ig", preset("coreweave-box-ig")),
        (
            "sub-ig every section",
            every_section("coreweave-box-sub-ig"),
        ),
        ("ig every section", every_section("coreweave-box-ig")),
        ("iren every section", every_section("iren-microsoft")),
    ];
    let (mut defaults, mut lock_ups, mut paths_seen) = (0, 0, 0);
    for (name, scenario) in cases {
        let inputs = run_of(scenario, 16, 7, distressed());
        let batch = Simulation::new(&inputs).unwrap().batch(0, 16).unwrap();
        for path in 0..16 {
            let exact = montecarlo::replay(&inputs, path).unwrap();
            let fin = exact.financing.as_ref().unwrap();
            let s = &fin.summary;
            let p = usize::try_from(path).unwrap();
            let what = |m: &str| format!("{name} path {path} {m}");
            paths_seen += 1;
            assert_eq!(
                batch.first_default_month[p],
                s.first_default_month,
                "{}",
                what("default month")
            );
            defaults += usize::from(s.first_default_month.is_some());
            let locked = fin.months.iter().find(|m| m.locked_up).map(|m| m.month);
            assert_eq!(batch.first_lock_up_month[p], locked, "{}", what("lock-up"));
            lock_ups += usize::from(locked.is_some());
            let f = to_f64_lossy;
            close(
                batch.equity_value_usd[p],
                f(s.equity.npv_usd),
                &what("equity value"),
            );
            match (batch.lender_irr_annual[p], s.lender.irr_annual) {
                (Some(g), Some(e)) => close(g, f(e), &what("lender irr")),
                (g, e) => assert!(g.is_none() && e.is_none(), "{}", what("lender irr")),
            }
            // After a default the equity's flows may change sign more than once: both
            // solvers must find an IRR, not always the same one of several.
            match (batch.equity_irr_annual[p], s.equity.irr_annual) {
                (Some(g), Some(e)) if (g - f(e)).abs() > 1e-9 => {
                    let flows = equity_flows(&exact);
                    assert!(
                        is_irr(&flows, g) && is_irr(&flows, f(e)),
                        "{}: {g} and {e}",
                        what("equity irr")
                    );
                }
                (Some(_), Some(_)) => {}
                (g, e) => assert!(g.is_none() && e.is_none(), "{}", what("equity irr")),
            }
            let written_off: Decimal = fin.months.iter().map(|m| m.written_off_usd).sum();
            close(
                batch.written_off_usd[p],
                f(written_off),
                &what("written off"),
            );
            close(
                batch.exposure_at_default_usd[p],
                s.exposure_at_default_usd.map_or(0.0, f),
                &what("exposure"),
            );
            assert_eq!(
                batch.first_breach_month[p],
                exact.outcome.first_breach_month,
                "{}",
                what("breach")
            );
        }
    }
    // The sample holds both kinds of path: the check covers the default's branches.
    assert!(
        defaults > 0 && defaults < paths_seen,
        "{defaults} of {paths_seen}"
    );
    assert!(lock_ups > 0, "no path locked up");
}

#[test]
fn zero_volatility_paths_are_the_evaluated_waterfall() {
    for id in [
        "coreweave-box-ig",
        "coreweave-box-sub-ig",
        "iren-microsoft",
        "core-scientific-host-box",
    ] {
        for scenario in [preset(id), every_section(id)] {
            let report = evaluate(&scenario).unwrap();
            let s = &report.financing.as_ref().unwrap().summary;
            let mc = montecarlo::run(&run_of(scenario, 20, 3, Stochastic::default())).unwrap();
            let credit = mc.credit.as_ref().unwrap();
            assert_eq!(
                credit.deterministic_lender_irr_annual, s.lender.irr_annual,
                "{id}"
            );
            assert_eq!(mc.deterministic.first_default_month, s.first_default_month);
            assert_eq!(mc.deterministic.equity_irr_annual, s.equity.irr_annual);
            let f = |x: Decimal| to_f64_lossy(x);
            let pd = if s.first_default_month.is_some() {
                1.0
            } else {
                0.0
            };
            assert_eq!(f(credit.default.probability), pd, "{id}");
            if let Some(irr) = s.lender.irr_annual {
                let lender = credit.lender_irr_annual.as_ref().unwrap();
                // The paths' IRRs are f64 solutions of the same flows as the Decimal
                // one: equal to within a few ulps.
                assert!((f(lender.p5) - f(irr)).abs() < 1e-12, "{id}");
                assert!((f(lender.p95) - f(irr)).abs() < 1e-12, "{id}");
            }
            if let Some(month) = s.first_default_month {
                let first = credit.default.first_month.as_ref().unwrap();
                assert_eq!(f(first.p50), f64::from(month), "{id}");
            }
            match s.loss_given_default {
                Some(lgd) => {
                    let got = credit.loss_given_default.as_ref().unwrap();
                    assert!((f(got.mean) - f(lgd)).abs() < 1e-12, "{id}");
                }
                None => assert!(credit.loss_given_default.is_none(), "{id}"),
            }
        }
    }
}

#[test]
fn the_sub_investment_grade_box_defaults_on_every_still_path() {
    // evaluate: the box breaches its DSCR covenant from month 16 and defaults in month 18
    // (cure 2 months); with nothing random every path does the same.
    let scenario = preset("coreweave-box-sub-ig");
    let report = evaluate(&scenario).unwrap();
    assert_eq!(
        report
            .financing
            .as_ref()
            .unwrap()
            .summary
            .first_default_month,
        Some(18)
    );
    let mc = montecarlo::run(&run_of(scenario, 50, 11, Stochastic::default())).unwrap();
    let credit = mc.credit.unwrap();
    assert_eq!(credit.default.probability, Decimal::ONE);
    assert_eq!(credit.default.paths, 50);
    assert_eq!(
        credit.default.first_month.unwrap().maximum,
        Decimal::from(18)
    );
}

#[test]
fn credit_statistics_are_the_paths_outcomes_aggregated() {
    // A separate aggregation of the batch's columns, written from the definitions:
    // PD = defaulted paths ÷ paths; LGD of a path = written off ÷ exposure; EL share =
    // PD × mean LGD; the exposure-weighted LGD = Σ written off ÷ Σ exposure; the expected
    // loss in dollars = Σ written off ÷ paths.
    let mut scenario = every_section("coreweave-box-ig");
    // No haircut: the LTV covenant holds on the deterministic path, and only some paths
    // default.
    scenario.financing.as_mut().unwrap().liquidation_haircut = Decimal::ZERO;
    let inputs = run_of(scenario, 400, 5, distressed());
    let sim = Simulation::new(&inputs).unwrap();
    let batch = sim.batch(0, 400).unwrap();
    let report = sim.report(vec![batch.clone()]).unwrap();
    let credit = report.credit.unwrap();
    let n = 400.0;
    let mut defaulted = 0.0;
    let mut lgds = Vec::new();
    let (mut lost, mut exposed, mut lost_all) = (0.0, 0.0, 0.0);
    let mut locked = 0.0;
    for p in 0..400 {
        lost_all += batch.written_off_usd[p];
        if batch.first_lock_up_month[p].is_some() {
            locked += 1.0;
        }
        if batch.first_default_month[p].is_none() {
            assert_eq!(batch.written_off_usd[p], 0.0);
            continue;
        }
        defaulted += 1.0;
        lost += batch.written_off_usd[p];
        exposed += batch.exposure_at_default_usd[p];
        if batch.exposure_at_default_usd[p] > 0.0 {
            lgds.push(batch.written_off_usd[p] / batch.exposure_at_default_usd[p]);
        }
    }
    assert!(defaulted > 0.0 && defaulted < n, "{defaulted}");
    let pd = defaulted / n;
    let mean_lgd = lgds.iter().sum::<f64>() / f64::from(u32::try_from(lgds.len()).unwrap());
    let f = to_f64_lossy;
    let near = |got: Decimal, want: f64, what: &str| {
        assert!(
            (f(got) - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{what}: {got} against {want}"
        );
    };
    near(credit.default.probability, pd, "PD");
    near(credit.lock_up.probability, locked / n, "lock-up");
    near(credit.expected_loss_share, pd * mean_lgd, "EL share");
    near(
        credit.mean_loss_share,
        lgds.iter().sum::<f64>() / n,
        "mean loss share",
    );
    near(
        credit.exposure_weighted_loss_given_default.unwrap(),
        lost / exposed,
        "exposure-weighted LGD",
    );
    near(credit.expected_loss_usd, lost_all / n, "EL USD");
    near(
        credit.loss_given_default.as_ref().unwrap().mean,
        mean_lgd,
        "mean LGD",
    );
    assert_eq!(report.covenant_default, credit.default);
    let lender = credit.lender_irr_annual.unwrap();
    let with_irr = batch.lender_irr_annual.iter().flatten().count();
    assert_eq!(usize::try_from(lender.paths).unwrap(), with_irr);
}

/// The box of core/tests/data/box6.json cut to 3 months with a 3-month loan and month 3's
/// price a quarter, without reserves, lock-up or sweep: a payment default in the horizon's
/// last month with 3,650 still owed (worked in core/tests/scenario_waterfall.rs: the DSCR
/// limit lends 21,683.17; month 3 owes 7,300 and its CFADS is 3,650).
fn defaulting_in_the_last_month(sell_at_horizon: bool) -> Scenario {
    let mut s: Scenario = serde_json::from_str(include_str!("data/box6.json")).unwrap();
    s.horizon_months = 3;
    s.sell_at_horizon = sell_at_horizon;
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
    s
}

#[test]
fn a_default_in_the_horizons_last_month_has_its_exposure_on_every_path() {
    // Exposure = the balance owed at the end of the month of default before any write-off:
    // 3,650 (not the 0 left after a write-off). The fleet kept: all of it written off, LGD
    // 1. Sold at the horizon: the sale repays it, LGD 0.
    for (sell, written_off) in [(false, 3_650.0), (true, 0.0)] {
        let name = if sell { "sold" } else { "kept" };
        let inputs = run_of(
            defaulting_in_the_last_month(sell),
            4,
            1,
            Stochastic::default(),
        );
        let sim = Simulation::new(&inputs).unwrap();
        let batch = sim.batch(0, 4).unwrap();
        for p in 0..4 {
            assert_eq!(batch.first_default_month[p], Some(3), "{name}");
            assert!(
                (batch.exposure_at_default_usd[p] - 3_650.0).abs() < 1e-6,
                "{name}"
            );
            assert!(
                (batch.written_off_usd[p] - written_off).abs() < 1e-6,
                "{name}"
            );
        }
        let credit = sim.report(vec![batch]).unwrap().credit.unwrap();
        let lgd = credit.loss_given_default.unwrap();
        assert_eq!(lgd.paths, 4, "{name}");
        assert!(
            (to_f64_lossy(lgd.mean) - written_off / 3_650.0).abs() < 1e-9,
            "{name}: {}",
            lgd.mean
        );
    }
}

#[test]
fn a_portfolio_reports_each_boxs_credit() {
    // Two boxes, nothing random: "weak" is the box above that defaults in month 3 with
    // its fleet kept (exposure 3,650, all written off); "strong" is the same box lent 0.1
    // × 100,000 = 10,000 (the advance rate binds: under the DSCR limit's 21,683.17), whose
    // month-3 service 10,000 ÷ 3 × 1.01 = 3,366.67 ≤ 3,650 of CFADS: it never defaults.
    // Per box: PD 1 and 0; LGD 3,650 ÷ 3,650 = 1 and none; expected loss 3,650 and 0.
    // The portfolio's PD is 1, its expected loss the sum, 3,650.
    let mut weak = defaulting_in_the_last_month(false);
    weak.title = "weak".to_owned();
    let mut strong = defaulting_in_the_last_month(false);
    strong.title = "strong".to_owned();
    strong.financing.as_mut().unwrap().advance_rate = Decimal::new(1, 1);
    let portfolio: gpuecon::scenario::portfolio::Portfolio =
        serde_json::from_value(serde_json::json!({
            "boxes": [weak, strong],
        }))
        .unwrap();
    let inputs = MonteCarloInputs {
        scenario: None,
        portfolio: Some(portfolio),
        options: Options {
            paths: 8,
            seed: 2,
            stochastic: Stochastic::default(),
            ..Options::default()
        },
    };
    let sim = Simulation::new(&inputs).unwrap();
    let batch = sim.batch(0, 8).unwrap();
    assert_eq!(batch.boxes.len(), 2);
    // The columns cross as bytes with the boxes' too.
    let report = sim.report_bytes(&[batch.to_bytes()]).unwrap();
    assert_eq!(report, montecarlo::run(&inputs).unwrap());
    let credit = report.credit.unwrap();
    let [weak, strong] = credit.boxes.as_slice() else {
        panic!("two boxes: {:?}", credit.boxes);
    };
    assert_eq!(weak.name, "weak");
    assert_eq!(weak.default_probability, Decimal::ONE);
    let lgd = to_f64_lossy(weak.loss_given_default.unwrap());
    assert!((lgd - 1.0).abs() < 1e-9, "{lgd}");
    assert!((to_f64_lossy(weak.expected_loss_usd) - 3_650.0).abs() < 1e-6);
    assert_eq!(strong.name, "strong");
    assert_eq!(strong.default_probability, Decimal::ZERO);
    assert_eq!(strong.loss_given_default, None);
    assert_eq!(strong.expected_loss_usd, Decimal::ZERO);
    assert_eq!(credit.default.probability, Decimal::ONE);
    assert!((to_f64_lossy(credit.expected_loss_usd) - 3_650.0).abs() < 1e-6);
    // A batch without the boxes' columns is refused for a portfolio.
    let mut bare = sim.batch(0, 8).unwrap();
    bare.boxes.clear();
    assert!(sim.report(vec![bare]).is_err());
}

#[test]
fn one_scenario_has_no_box_columns() {
    let inputs = run_of(
        defaulting_in_the_last_month(false),
        4,
        1,
        Stochastic::default(),
    );
    let sim = Simulation::new(&inputs).unwrap();
    assert!(sim.batch(0, 4).unwrap().boxes.is_empty());
    assert!(sim.run().unwrap().credit.unwrap().boxes.is_empty());
}

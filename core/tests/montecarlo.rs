//! Monte Carlo: the path loop against the exact model, zero volatility against the
//! deterministic report, reproducibility across threads and batches, statistical laws with
//! fixed seeds, and the sensitivities.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use gpuecon::montecarlo::sensitivity::{
    Axis, GridInputs, Input, Output, Swing, TornadoInputs, grid, tornado,
};
use gpuecon::montecarlo::{
    self, Batch, CurtailmentEvents, CustomerDefault, MonteCarloInputs, MonteCarloRun, Options,
    PriceProcess, ResidualShocks, Simulation, SofrProcess, Stochastic, UtilizationProcess,
};
use gpuecon::scenario::{Scenario, ScenarioError, evaluate};
use gpuecon::units::{decimal_from_f64, to_f64_lossy};
use gpuecon::{Decimal, presets};

mod montecarlo_common;
use montecarlo_common::{preset, run_of};

/// Every random input present, every one of them still: zero volatilities, probabilities
/// and drops.
fn still() -> Stochastic {
    let zero = Decimal::ZERO;
    let utilization = UtilizationProcess {
        mean_reversion_per_month: Decimal::new(3, 1),
        volatility_per_month: zero,
        lulls: None,
    };
    Stochastic {
        market_utilization: Some(utilization.clone()),
        contract_usage: Some(utilization),
        price: Some(PriceProcess {
            mean_reversion_per_month: Decimal::new(1, 1),
            volatility_per_month: zero,
            jumps: None,
            regimes: None,
        }),
        residual: Some(ResidualShocks {
            first_month: 12,
            every_months: 24,
            median_drop: zero,
            volatility: zero,
        }),
        customer_default: Some(CustomerDefault {
            annual_probability: zero,
            recovery: Decimal::new(4, 1),
        }),
        curtailment: Some(CurtailmentEvents {
            probability_per_month: zero,
            share_of_hours: Decimal::new(1, 1),
        }),
        sofr: Some(SofrProcess {
            mean_reversion_per_month: Decimal::new(1, 1),
            volatility_per_month: zero,
            floor_annual_rate: None,
        }),
    }
}

/// A contract-heavy scenario that exercises every part of the path's settlement: the
/// 1,024-GPU cluster (on demand, reserved, spot, a quarterly take-or-pay contract) with
/// make-up credits, a cap with an overage price and an escalator on its contract, and a
/// market price series, a fixed-price PPA, curtailment and demand response for its power.
fn rich() -> Scenario {
    let mut s = preset("h100-cluster-1024");
    let c = &mut s.contracts[0].contract;
    c.make_up = Some(serde_json::from_str(r#"{ "window_periods": 2 }"#).unwrap());
    c.cap_gpu_hours_per_month = Some(Decimal::from(250_000));
    c.overage_price_usd_per_gpu_hour = Some(Decimal::new(310, 2));
    c.escalator = Some(serde_json::from_str(r#"{ "annual_rate": 0.03 }"#).unwrap());
    s.contracts[0].usage_share = Decimal::new(7, 1);
    s.power.usd_per_kwh = Decimal::ZERO;
    s.energy = Some(
        serde_json::from_str(
            r#"{ "market_usd_per_mwh": [70, 85, 60, 95], "ppa": { "kind": "fixed_price", "usd_per_mwh": 72 },
                 "curtailed": { "kind": "share", "share_of_hours": 0.02, "months": 24 },
                 "demand_response_usd_per_mwh": 150 }"#,
        )
        .unwrap(),
    );
    s
}

/// `got` within 1e-9 of `exact` relatively (1e-9 absolutely near 0).
fn close(got: f64, exact: Decimal, what: &str) {
    let exact = to_f64_lossy(exact);
    assert!(
        (got - exact).abs() <= 1e-9 * exact.abs().max(1.0),
        "{what}: f64 {got} against exact {exact}"
    );
}

fn close_option(got: Option<f64>, exact: Option<Decimal>, what: &str) {
    match (got, exact) {
        (Some(g), Some(e)) => close(g, e, what),
        (g, e) => assert!(g.is_none() && e.is_none(), "{what}: {g:?} against {e:?}"),
    }
}

#[test]
fn a_fixed_path_agrees_with_the_exact_model_to_1e_9() {
    let cases = [
        ("coreweave-box-ig", preset("coreweave-box-ig")),
        ("coreweave-box-sub-ig", preset("coreweave-box-sub-ig")),
        ("iren-microsoft", preset("iren-microsoft")),
        (
            "core-scientific-host-box",
            preset("core-scientific-host-box"),
        ),
        ("b200-cascade", preset("b200-cascade")),
        ("rich", rich()),
    ];
    for (name, scenario) in cases {
        let inputs = run_of(scenario, 12, 42, Stochastic::typical());
        let batch = Simulation::new(&inputs).unwrap().batch(0, 12).unwrap();
        for path in 0..12 {
            let exact = montecarlo::replay(&inputs, path).unwrap();
            let o = &exact.outcome;
            let p = usize::try_from(path).unwrap();
            let what = |m: &str| format!("{name} path {path} {m}");
            close(batch.npv_usd[p], o.npv_usd, &what("npv"));
            close_option(
                batch.project_irr_annual[p],
                o.project_irr_annual,
                &what("irr"),
            );
            close(
                batch.equity_value_usd[p],
                o.equity_value_usd,
                &what("equity value"),
            );
            close_option(
                batch.equity_irr_annual[p],
                o.equity_irr_annual,
                &what("equity irr"),
            );
            close_option(batch.minimum_dscr[p], o.minimum_dscr, &what("minimum dscr"));
            assert_eq!(
                batch.first_breach_month[p],
                o.first_breach_month,
                "{}",
                what("breach")
            );
            assert_eq!(
                batch.first_default_month[p],
                o.first_default_month,
                "{}",
                what("default")
            );
            assert_eq!(
                batch.first_customer_default_month[p],
                exact.first_customer_default_month,
                "{}",
                what("customer default")
            );
        }
    }
}

#[test]
fn zero_volatility_reproduces_the_deterministic_report_exactly() {
    for id in [
        "coreweave-box-ig",
        "coreweave-box-sub-ig",
        "iren-microsoft",
        "h100-cluster-1024",
    ] {
        let scenario = preset(id);
        let report = evaluate(&scenario).unwrap();
        let inputs = run_of(scenario, 30, 9, still());
        let mc = montecarlo::run(&inputs).unwrap();
        let d = &mc.deterministic;
        let financing = report.financing.as_ref().map(|f| &f.summary);
        // The deterministic outcome is the report's, digit for digit.
        assert_eq!(d.npv_usd, report.summary.metrics.npv_usd, "{id}");
        assert_eq!(
            d.project_irr_annual, report.summary.metrics.irr_annual,
            "{id}"
        );
        // The paths run the waterfall: its DSCR is the report's.
        assert_eq!(
            d.minimum_dscr,
            financing.and_then(|f| f.minimum_dscr),
            "{id}"
        );
        assert_eq!(
            d.first_default_month,
            financing.and_then(|f| f.first_default_month),
            "{id}"
        );
        // And every path is it, to the bit of its f64 conversion: each statistic is the
        // decimal of that f64.
        let f = |x: Decimal| decimal_from_f64(to_f64_lossy(x), "x").unwrap();
        let same = |dist: &montecarlo::Distribution, want: Decimal, what: &str| {
            for got in [
                dist.p5,
                dist.p25,
                dist.p50,
                dist.p75,
                dist.p95,
                dist.mean,
                dist.minimum,
                dist.maximum,
            ] {
                assert_eq!(got, f(want), "{id} {what}");
            }
            assert_eq!(dist.standard_error, Some(Decimal::ZERO), "{id} {what}");
        };
        same(&mc.npv_usd, d.npv_usd, "npv");
        same(&mc.equity_value_usd, d.equity_value_usd, "equity value");
        if let Some(irr) = d.project_irr_annual {
            same(mc.project_irr_annual.as_ref().unwrap(), irr, "irr");
        }
        if let Some(irr) = d.equity_irr_annual {
            same(mc.equity_irr_annual.as_ref().unwrap(), irr, "equity irr");
        }
        if let Some(dscr) = d.minimum_dscr {
            same(mc.minimum_dscr.as_ref().unwrap(), dscr, "minimum dscr");
        }
        let all_or_none = |happens: bool| if happens { Decimal::ONE } else { Decimal::ZERO };
        assert_eq!(
            mc.covenant_breach.probability,
            all_or_none(d.first_breach_month.is_some()),
            "{id}"
        );
        assert_eq!(
            mc.covenant_default.probability,
            all_or_none(d.first_default_month.is_some()),
            "{id}"
        );
        assert_eq!(mc.customer_default.probability, Decimal::ZERO, "{id}");
    }
}

#[test]
fn a_portfolio_without_randomness_is_its_deterministic_outcome() {
    let portfolio = presets::get("company-rollup")
        .unwrap()
        .unwrap()
        .portfolio
        .unwrap();
    let inputs = MonteCarloInputs {
        scenario: None,
        portfolio: Some(portfolio.clone()),
        options: Options {
            paths: 5,
            stochastic: still(),
            ..Options::default()
        },
    };
    let mc = montecarlo::run(&inputs).unwrap();
    // The company's NPV is the sum of its boxes' (each at its own rate).
    let sum: f64 = portfolio
        .boxes
        .iter()
        .map(|b| to_f64_lossy(evaluate(b).unwrap().summary.metrics.npv_usd))
        .sum();
    let npv = to_f64_lossy(mc.deterministic.npv_usd);
    assert!((npv - sum).abs() <= 1e-9 * sum.abs());
    assert_eq!(mc.npv_usd.p5, mc.deterministic.npv_usd);
    assert_eq!(mc.npv_usd.p95, mc.deterministic.npv_usd);
    assert_eq!(
        mc.project_irr_annual.map(|d| d.p50),
        mc.deterministic.project_irr_annual
    );
    // With randomness the paths spread.
    let random = MonteCarloInputs {
        options: Options {
            paths: 200,
            stochastic: Stochastic::typical(),
            ..Options::default()
        },
        ..inputs
    };
    let mc = montecarlo::run(&random).unwrap();
    assert!(mc.npv_usd.p5 < mc.npv_usd.p95);
}

#[test]
fn the_same_seed_gives_the_same_numbers_on_one_or_two_threads_and_in_any_batches() {
    let inputs = run_of(
        preset("coreweave-box-sub-ig"),
        3_000,
        77,
        Stochastic::typical(),
    );
    let simulation = Simulation::new(&inputs).unwrap();
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    };
    let one = pool(1).install(|| simulation.batch(0, 3_000).unwrap());
    let two = pool(2).install(|| simulation.batch(0, 3_000).unwrap());
    assert_eq!(one, two);
    let whole = montecarlo::run(&inputs).unwrap();
    // The report too, its statistics computed on one thread or two, and a run in blocks
    // with a progress callback.
    assert_eq!(pool(1).install(|| simulation.run().unwrap()), whole);
    assert_eq!(pool(2).install(|| simulation.run().unwrap()), whole);
    let mut calls = 0;
    let blocks = simulation.run_with_progress(|_, _| calls += 1).unwrap();
    assert_eq!((blocks, calls), (whole.clone(), 1));
    // Three batches, given out of order as bytes (as other processes return them), report
    // what one run reports.
    let bytes = [(2_000, 1_000), (0, 700), (700, 1_300)]
        .map(|(first_path, count)| simulation.batch(first_path, count).unwrap().to_bytes());
    let pieces = simulation.report_bytes(&bytes).unwrap();
    assert_eq!(pieces, whole);
    // A run taken in steps of any size reports the same, to the bit.
    for step in [1, 250, 999, 3_000, 5_000] {
        let mut run = MonteCarloRun::new(&inputs).unwrap();
        let mut steps = 0;
        while !run.step(step).finished {
            steps += 1;
        }
        assert_eq!(steps, 3_000_u32.div_ceil(step) - 1, "step {step}");
        assert_eq!(run.report().unwrap(), whole, "steps of {step} paths");
    }
    // Another seed, other numbers.
    let other = run_of(
        preset("coreweave-box-sub-ig"),
        3_000,
        78,
        Stochastic::typical(),
    );
    assert_ne!(montecarlo::run(&other).unwrap().npv_usd, pieces.npv_usd);
}

#[test]
fn breach_probability_rises_with_leverage() {
    // The same paths (the same seed: common random numbers) under more and more debt: the
    // balance and the debt service grow with the advance rate while the cash flows and
    // values do not, so a path that breaches at one advance rate breaches at every higher
    // one, and the probability never falls.
    let mut last_debt = Decimal::ZERO;
    let mut last = Decimal::ZERO;
    let mut probabilities = Vec::new();
    for advance in [40, 50, 60, 70, 75, 80] {
        let mut scenario = preset("coreweave-box-ig");
        let f = scenario.financing.as_mut().unwrap();
        f.advance_rate = Decimal::new(advance, 2);
        f.target_dscr = Decimal::ONE;
        let debt = evaluate(&scenario)
            .unwrap()
            .financing
            .unwrap()
            .summary
            .debt_usd;
        assert!(debt > last_debt, "the debt grows with the advance rate");
        last_debt = debt;
        let mc = montecarlo::run(&run_of(scenario, 400, 5, Stochastic::typical())).unwrap();
        let p = mc.covenant_breach.probability;
        assert!(p >= last, "advance {advance} %: {p} below {last}");
        last = p;
        probabilities.push(p);
    }
    // From low to high leverage the probability rises by far more than its standard error
    // (at most sqrt(0.25 / 400) = 0.025).
    assert!(
        probabilities[5] - probabilities[0] > Decimal::new(2, 1),
        "{probabilities:?}"
    );
}

#[test]
fn the_mean_npv_of_a_mean_reverting_utilization_is_the_deterministic_npv() {
    // On-demand only: revenue and power are linear in utilization, so the NPV is too. The
    // utilization's shocks have mean 0 around its level (0.6 ± a stationary σ of
    // 0.02 / sqrt(1 − 0.7²) = 2.8 %, never near the clamps at 0 and 1), so the paths' mean
    // NPV converges to the deterministic one: within 4 standard errors (a 1-in-15,000
    // failure under the normal approximation), and the standard error falls as 1/sqrt(n).
    let scenario = preset("h100-node-on-demand");
    let stochastic = Stochastic {
        market_utilization: Some(UtilizationProcess {
            mean_reversion_per_month: Decimal::new(3, 1),
            volatility_per_month: Decimal::new(2, 2),
            lulls: None,
        }),
        ..Stochastic::default()
    };
    let mc = montecarlo::run(&run_of(scenario.clone(), 4_000, 11, stochastic.clone())).unwrap();
    let npv = mc.deterministic.npv_usd;
    let se = mc.npv_usd.standard_error.unwrap();
    assert!(se > Decimal::ZERO);
    assert!(
        (mc.npv_usd.mean - npv).abs() <= Decimal::from(4) * se,
        "{} vs {npv} ± {se}",
        mc.npv_usd.mean
    );
    let quarter = montecarlo::run(&run_of(scenario, 1_000, 11, stochastic)).unwrap();
    let ratio = to_f64_lossy(quarter.npv_usd.standard_error.unwrap()) / to_f64_lossy(se);
    // sqrt(4000 / 1000) = 2; the estimate of a standard error from 1,000 paths is within
    // 10 % of its value with near certainty.
    assert!((ratio - 2.0).abs() < 0.25, "{ratio}");
}

#[test]
fn a_target_standard_error_stops_at_a_check() {
    let mut inputs = run_of(preset("coreweave-box-ig"), 20_000, 3, Stochastic::typical());
    inputs.options.target_standard_error_usd = Some(Decimal::from(250_000));
    let mc = montecarlo::run(&inputs).unwrap();
    assert_eq!(mc.target_met, Some(true));
    assert_eq!(mc.paths % 1_000, 0);
    assert!(mc.npv_usd.standard_error.unwrap() <= Decimal::from(250_000));
    // In batches of 1,700 paths (not a multiple of the check), the same report.
    let simulation = Simulation::new(&inputs).unwrap();
    let batches = (0..12)
        .map(|k| simulation.batch(k * 1_700, 1_700).unwrap())
        .collect();
    assert_eq!(simulation.report(batches).unwrap(), mc);
    // In steps of 1,700 or 250, the run stops at the first step that reaches the check that
    // meets the target, and reports the same.
    for step in [1_700, 250] {
        let mut run = MonteCarloRun::new(&inputs).unwrap();
        let mut last = run.step(step);
        assert_eq!(last.target_met, Some(last.done >= mc.paths));
        while !last.finished {
            last = run.step(step);
        }
        assert_eq!(last.target_met, Some(true));
        assert!(last.done >= mc.paths && last.done < mc.paths + step);
        assert_eq!(run.report().unwrap(), mc, "steps of {step} paths");
        // A finished run runs no more paths.
        assert_eq!(run.step(step), last);
    }
    // An unreachable target runs every path and says so.
    inputs.options.target_standard_error_usd = Some(Decimal::ONE);
    inputs.options.paths = 2_000;
    let capped = montecarlo::run(&inputs).unwrap();
    assert_eq!((capped.paths, capped.target_met), (2_000, Some(false)));
}

fn fields(error: &ScenarioError) -> Vec<String> {
    error
        .problems()
        .into_iter()
        .map(|(field, _)| field)
        .collect()
}

#[test]
fn bad_inputs_name_their_fields() {
    let mut inputs = run_of(preset("coreweave-box-ig"), 0, 1, Stochastic::typical());
    inputs
        .options
        .stochastic
        .price
        .as_mut()
        .unwrap()
        .volatility_per_month = Decimal::TWO;
    inputs.scenario.as_mut().unwrap().power.pue = Decimal::new(9, 1);
    let error = montecarlo::run(&inputs).unwrap_err();
    assert_eq!(
        fields(&error),
        [
            "scenario.power.pue",
            "options.paths",
            "options.stochastic.price.volatility_per_month"
        ]
    );
    let neither = MonteCarloInputs {
        scenario: None,
        portfolio: None,
        options: Options::default(),
    };
    assert_eq!(
        fields(&montecarlo::run(&neither).unwrap_err()),
        ["scenario"]
    );
    // Batches with a gap, and bytes that are not a batch.
    let inputs = run_of(preset("coreweave-box-ig"), 100, 1, Stochastic::typical());
    let simulation = Simulation::new(&inputs).unwrap();
    let batch = |first_path| simulation.batch(first_path, 10).unwrap();
    let error = simulation.report(vec![batch(0), batch(20)]).unwrap_err();
    assert_eq!(fields(&error), ["batches[1].first_path"]);
    let error = simulation.report(Vec::new()).unwrap_err();
    assert_eq!(fields(&error), ["batches"]);
    let mut cut = batch(10).to_bytes();
    cut.pop();
    let error = simulation
        .report_bytes(&[batch(0).to_bytes(), cut, b"GMCB".to_vec()])
        .unwrap_err();
    assert_eq!(fields(&error), ["batches[1]", "batches[2]"]);
    // A batch with a value that is not finite (as a forged batch could hold).
    let mut forged = batch(0);
    forged.npv_usd[3] = f64::NAN;
    let error = simulation
        .report_bytes(&[Batch::from_bytes(&forged.to_bytes()).unwrap().to_bytes()])
        .unwrap_err();
    assert_eq!(fields(&error), ["batches[0].npv_usd"]);
    assert_eq!(fields(&simulation.batch(0, 0).unwrap_err()), ["count"]);
    assert_eq!(
        fields(&simulation.batch(999_995, 10).unwrap_err()),
        ["first_path"]
    );
    // A run's report before any step.
    let error = MonteCarloRun::new(&inputs).unwrap().report().unwrap_err();
    assert_eq!(fields(&error), ["npv_usd"]);
}

#[test]
fn a_cancelled_run_reports_its_paths_so_far() {
    // The first 400 of 1,000 paths are the paths of a 400-path run (each path's stream
    // depends on the seed and its number only), so the partial report is that run's.
    let inputs = run_of(preset("coreweave-box-ig"), 1_000, 9, Stochastic::typical());
    let mut run = MonteCarloRun::new(&inputs).unwrap();
    run.step(150);
    let progress = run.step(250);
    assert_eq!((progress.done, progress.total), (400, 1_000));
    assert!(!progress.finished);
    assert_eq!(progress.target_met, None);
    let shorter = run_of(preset("coreweave-box-ig"), 400, 9, Stochastic::typical());
    assert_eq!(run.report().unwrap(), montecarlo::run(&shorter).unwrap());
}

#[test]
fn a_tornado_sorts_its_inputs_by_swing() {
    let scenario = preset("coreweave-box-sub-ig");
    let base = evaluate(&scenario).unwrap();
    let t = tornado(&TornadoInputs {
        scenario: scenario.clone(),
        output: Output::NpvUsd,
        swings: vec![
            Swing {
                input: Input::Pue,
                low: Decimal::new(12, 1),
                high: Decimal::new(14, 1),
            },
            Swing {
                input: Input::ContractPrice,
                low: Decimal::new(230, 2),
                high: Decimal::new(290, 2),
            },
            Swing {
                input: Input::Sofr,
                low: Decimal::new(3, 2),
                high: Decimal::new(5, 2),
            },
        ],
    })
    .unwrap();
    assert_eq!(t.base, Some(base.summary.metrics.npv_usd));
    let order: Vec<Input> = t.rows.iter().map(|r| r.input).collect();
    // The project's NPV does not see SOFR (financing leaves the project's flows alone).
    assert_eq!(order, [Input::ContractPrice, Input::Pue, Input::Sofr]);
    assert_eq!(t.rows[2].swing, Some(Decimal::ZERO));
    // By hand: $0.30 more per GPU-hour on 1,024 GPUs × 730 hours × 48 months is
    // 10,764,288 more revenue; the NPV moves by its present value, less than that.
    let up = t.rows[0].change_at_high.unwrap();
    assert!(up > Decimal::ZERO && up < Decimal::from(10_764_288));
    // A PUE below 1 is the scenario's own error, named under the swing.
    let error = tornado(&TornadoInputs {
        scenario: scenario.clone(),
        output: Output::NpvUsd,
        swings: vec![Swing {
            input: Input::Pue,
            low: Decimal::new(9, 1),
            high: Decimal::new(13, 1),
        }],
    })
    .unwrap_err();
    assert_eq!(fields(&error), ["swings[0].low.power.pue"]);
    // SOFR on a scenario without debt names the input.
    let error = tornado(&TornadoInputs {
        scenario: preset("h100-cluster-1024"),
        output: Output::NpvUsd,
        swings: vec![Swing {
            input: Input::Sofr,
            low: Decimal::ZERO,
            high: Decimal::ONE,
        }],
    })
    .unwrap_err();
    assert_eq!(fields(&error), ["swings[0].low.input"]);
}

#[test]
fn a_grid_is_each_pair_through_the_exact_model() {
    let scenario = preset("coreweave-box-ig");
    let prices = vec![
        Decimal::new(240, 2),
        Decimal::new(260, 2),
        Decimal::new(280, 2),
    ];
    // The preset's advance is 38.5 % (70 % of the resellable 55 % of the capex).
    let advance = vec![Decimal::new(30, 2), Decimal::new(385, 3)];
    let g = grid(&GridInputs {
        scenario: scenario.clone(),
        output: Output::EquityIrrAnnual,
        x: Axis {
            input: Input::ContractPrice,
            values: prices.clone(),
        },
        y: Axis {
            input: Input::AdvanceRate,
            values: advance.clone(),
        },
    })
    .unwrap();
    assert_eq!((g.values.len(), g.values[0].len()), (2, 3));
    for (j, a) in advance.iter().enumerate() {
        for (i, p) in prices.iter().enumerate() {
            let mut s = scenario.clone();
            s.contracts[0].contract.price_usd_per_gpu_hour = *p;
            s.financing.as_mut().unwrap().advance_rate = *a;
            let want = evaluate(&s)
                .unwrap()
                .financing
                .unwrap()
                .summary
                .equity
                .irr_annual;
            assert_eq!(g.values[j][i], want);
        }
    }
    // The preset's own cell is the base.
    assert_eq!(g.values[1][1], g.base);
    let error = grid(&GridInputs {
        scenario,
        output: Output::NpvUsd,
        x: Axis {
            input: Input::Pue,
            values: vec![Decimal::ONE],
        },
        y: Axis {
            input: Input::Pue,
            values: vec![],
        },
    })
    .unwrap_err();
    assert_eq!(fields(&error), ["y.values", "y.input"]);
}

/// The 1,024-GPU cluster whose contract's GPUs stay idle after it (`after_contract: idle`):
/// on the market they are not, so a path must not sell them on demand.
fn idle_after_contract() -> Scenario {
    let mut s = preset("h100-cluster-1024");
    s.contracts[0].after_contract = gpuecon::scenario::AfterContract::Idle;
    s
}

#[test]
fn idle_after_contract_paths_agree_with_the_exact_model() {
    let scenario = idle_after_contract();
    let report = evaluate(&scenario).unwrap();
    // Zero volatility: every path is the report.
    let still_run = montecarlo::run(&run_of(scenario.clone(), 8, 4, still())).unwrap();
    let npv = to_f64_lossy(report.summary.metrics.npv_usd);
    assert_eq!(to_f64_lossy(still_run.npv_usd.p5), npv);
    assert_eq!(to_f64_lossy(still_run.npv_usd.p95), npv);
    // Moving prices and utilization: each path as the exact model's.
    let inputs = run_of(scenario, 12, 42, Stochastic::typical());
    let batch = Simulation::new(&inputs).unwrap().batch(0, 12).unwrap();
    for path in 0..12 {
        let exact = montecarlo::replay(&inputs, path).unwrap();
        let p = usize::try_from(path).unwrap();
        close(
            batch.npv_usd[p],
            exact.outcome.npv_usd,
            &format!("idle path {path} npv"),
        );
    }
}

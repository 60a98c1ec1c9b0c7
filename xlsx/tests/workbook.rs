//! The workbook without a spreadsheet engine: the same scenario gives the same bytes, and
//! what a reader sees before any recalculation (the cached results) is gpuecon's figures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{Cells, generated, presets, waterfall};

#[test]
fn the_same_scenario_gives_the_same_bytes() {
    for case in presets().iter().chain(generated().iter().take(4)) {
        assert_eq!(
            case.workbook().bytes,
            case.workbook().bytes,
            "{}",
            case.name
        );
    }
}

#[test]
fn cached_results_are_gpuecons_figures_for_every_preset() {
    for case in presets() {
        let book = case.workbook();
        assert!(book.formulas.len() > 100, "{}", case.name);
        let wrong = Cells::new(book.bytes).mismatches(&book.formulas);
        assert!(
            wrong.is_empty(),
            "{}: {:#?}",
            case.name,
            &wrong[..wrong.len().min(10)]
        );
    }
}

#[test]
fn the_box_reads_as_its_report() {
    // CoreWeave-style box: 1,024 GPUs × $50,000 = $51,200,000 of capex, a 38.5 % advance
    // (70 % of the 55 % resellable GPU share): $19,712,000.
    let case = presets()
        .into_iter()
        .find(|c| c.name == "coreweave-box-ig")
        .unwrap();
    let mut cells = Cells::new(case.workbook().bytes);
    assert_eq!(
        cells.get("Financing", "B3"),
        calamine::Data::Float(51_200_000.0)
    );
    assert_eq!(
        cells.get("Financing", "B4"),
        calamine::Data::Float(19_712_000.0)
    );
    // Month 1: 1,024 × 730 = 747,520 GPU-hours, every one billed at $2.60 under the
    // take-or-pay minimum (usage 90 %, shortfall 10 % at the same price): $1,943,552.
    assert_eq!(cells.get("Months", "E5"), calamine::Data::Float(747_520.0));
    assert_eq!(
        cells.get("Months", "R5"),
        calamine::Data::Float(1_943_552.0)
    );
}

#[test]
fn inputs_are_named_after_their_fields() {
    let case = presets()
        .into_iter()
        .find(|c| c.name == "coreweave-box-ig")
        .unwrap();
    let book = case.workbook();
    let names: Vec<&str> = book.inputs.iter().map(|i| i.name.as_str()).collect();
    for name in [
        "fleet_gpus",
        "fleet_capex_usd_per_gpu",
        "power_pue",
        "contracts1_contract_price_usd_per_gpu_hour",
        "financing_advance_rate",
        "financing_target_dscr",
        "financing_tenor_months",
        "financing_interest_spread_annual_rate",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
}

#[test]
fn a_monte_carlo_run_reads_back_as_its_report() {
    use gpuecon::montecarlo::{self, MonteCarloInputs, Options, Stochastic};
    let scenario = presets()
        .into_iter()
        .find(|c| c.name == "coreweave-box-ig")
        .unwrap()
        .scenario;
    let start = scenario.start;
    let inputs = MonteCarloInputs {
        scenario: Some(scenario),
        portfolio: None,
        options: Options {
            paths: 60,
            seed: 11,
            stochastic: Stochastic::typical(),
            ..Options::default()
        },
    };
    let report = montecarlo::run(&inputs).unwrap();
    let bytes = gpuecon_xlsx::montecarlo::workbook("box", start, &report).unwrap();
    assert_eq!(
        bytes,
        gpuecon_xlsx::montecarlo::workbook("box", start, &report).unwrap()
    );
    let mut cells = Cells::new(bytes);
    // Row 5 is NPV: paths, mean, standard error, P5, P25, P50 (column G).
    let f = gpuecon::units::to_f64_lossy;
    assert_eq!(cells.get("Monte Carlo", "B5"), calamine::Data::Float(60.0));
    assert_eq!(
        cells.get("Monte Carlo", "G5"),
        calamine::Data::Float(f(report.npv_usd.p50))
    );
    // The NPV histogram's paths add up to every path.
    let total: f64 = (5..5 + report.npv_usd.histogram.len())
        .map(|row| match cells.get("Histograms", &format!("C{row}")) {
            calamine::Data::Float(x) => x,
            other => panic!("{other:?}"),
        })
        .sum();
    assert_eq!(total, 60.0);
}

#[test]
fn some_generated_boxes_breach_their_covenants() {
    // The covenant formulas are checked on breaches and defaults, not only on passes.
    let (mut breached, mut defaulted) = (0, 0);
    for case in generated() {
        let report = gpuecon::scenario::evaluate(&case.scenario).unwrap();
        if let Some(f) = report.financing {
            breached += usize::from(f.summary.months_in_breach > 0);
            defaulted += usize::from(f.summary.first_default_month.is_some());
        }
    }
    assert!(breached >= 3 && defaulted >= 2, "{breached} {defaulted}");
}

#[test]
fn a_floored_loan_accrues_act_365f_and_a_default_turns_the_loan_into_values() {
    let case = |name: &str| {
        waterfall()
            .into_iter()
            .find(|c| c.name == name)
            .unwrap()
            .workbook()
    };
    let formula = |book: &gpuecon_xlsx::Workbook, cell: &str| {
        book.formulas
            .iter()
            .find(|c| c.sheet == "Financing" && c.cell == cell)
            .cloned()
    };
    // Month 1 (row 20): $19,712,000 (a 38.5 % advance on $51,200,000) at max(SOFR 3.5 %,
    // floor 4.5 %) + 6.00 % (a named investment-grade tenant) = 10.5 %, for January 2026's
    // 31 days on 365: 19,712,000 × 0.105 × 31 ÷ 365 = 2,069,760 × 31 ÷ 365 = $175,787.8356.
    let floored = case("waterfall-floor-act365f-level");
    let rate = formula(&floored, "E20").unwrap();
    assert!((rate.expected.unwrap() - 0.105).abs() < 1e-12);
    let accrual = formula(&floored, "F20").unwrap();
    assert!((accrual.expected.unwrap() - 31.0 / 365.0).abs() < 1e-12);
    let interest = formula(&floored, "M20").unwrap();
    assert!(
        (interest.expected.unwrap() - 175_787.835_616).abs() < 0.005,
        "{interest:?}"
    );
    // Sized at a DSCR of 0.8, the box cannot pay its first month's service: the loan's
    // lines are gpuecon's values from month 1, its CFADS still a formula.
    let defaulted = case("waterfall-payment-default");
    assert!(formula(&defaulted, "M20").is_none());
    assert!(formula(&defaulted, "C20").is_some());
}

#[test]
fn the_waterfall_boxes_exercise_what_they_are_named_for() {
    let report = |name: &str| {
        let case = waterfall().into_iter().find(|c| c.name == name).unwrap();
        gpuecon::scenario::evaluate(&case.scenario)
            .unwrap()
            .financing
            .unwrap()
    };
    let any = |fr: &gpuecon::scenario::FinancingReport,
               pick: fn(&gpuecon::scenario::FinancingMonth) -> bool| {
        fr.months.iter().any(pick)
    };
    let floored = report("waterfall-floor-act365f-level");
    assert!(floored.summary.first_default_month.is_none());
    let reserve = report("waterfall-reserve-lock-up-sweep");
    assert!(any(&reserve, |m| !m.dsra_balance_usd.is_zero()));
    assert!(any(&reserve, |m| !m.sweep_usd.is_zero()));
    assert!(reserve.summary.months_in_lock_up > 0);
    let taxes = report("waterfall-taxes");
    assert!(any(&taxes, |m| m.taxes_usd > gpuecon::Decimal::ZERO));
    let hedged = report("waterfall-swap-cap");
    assert!(any(&hedged, |m| !m.hedges_usd.is_zero()));
    let defaulted = report("waterfall-payment-default");
    assert_eq!(
        defaulted.summary.default_kind,
        Some(gpuecon::scenario::DefaultKind::Payment)
    );
}

//! Every field of a scenario and of its report has a glossary entry (issue 16, item 6):
//! the keys of the serialized scenarios and reports of every preset, and of a box with
//! every optional section, and of a Monte Carlo report's credit section, are walked and
//! each must be explained. So must every input and result field of the models behind the
//! calculator's panels (keys `<model>.inputs.X` and `<model>.result.X`), walked on the
//! golden vectors' inputs (tests/vectors/*.json) with every optional part filled: one
//! test a panel (issue 17, item 5), and one for the Monte Carlo's options (keys
//! `montecarlo.inputs.options.X`). Every key the page's panels name (`gloss: "…"`) exists.

// Tests unwrap: a failure is a failed test.
// A test's JSON edits and indexing: a missing key or month is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use gpuecon::scenario::{Scenario, evaluate};
use gpuecon::{glossary, presets};
use serde_json::{Value, json};

/// Every key path under `prefix` (objects' keys, arrays as `[]`).
fn walk(prefix: &str, value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = format!("{prefix}.{k}");
                into.insert(path.clone());
                walk(&path, v, into);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(&format!("{prefix}[]"), item, into);
            }
        }
        _ => {}
    }
}

/// The investment-grade box with energy, a lease, hosting, spot, reservations and a
/// delivery schedule: every optional section filled.
fn every_section() -> Scenario {
    let mut v = serde_json::to_value(
        presets::get("coreweave-box-ig")
            .unwrap()
            .unwrap()
            .scenario
            .unwrap(),
    )
    .unwrap();
    v["power"]["usd_per_kwh"] = json!(0);
    v["energy"] = json!({
        "market_usd_per_mwh": ["75", "40"],
        "ppa": { "kind": "virtual", "strike_usd_per_mwh": 60, "volume_mwh_per_month": 300 },
        "curtailed": { "kind": "share", "share_of_hours": "0.02", "months": 24 },
        "demand_response_usd_per_mwh": 30
    });
    v["facility"]["usd_per_kw_month"] = json!(0);
    v["lease"] = json!({
        "contracted_kw": 1305.6, "usd_per_kw_month": 190, "term_months": 60,
        "annual_escalator": "0.03",
        "structure": { "kind": "triple_net", "taxes": { "usd_per_kw_month": 4 },
                       "insurance": { "usd_per_year": 12000 } }
    });
    v["hosting"] = json!({
        "months": 24,
        "fee": { "kind": "fixed_per_kw", "contracted_kw": 100, "usd_per_kw_month": 150 },
        "uptime_by_month": ["0.998"],
        "sla_tiers": [{ "below_uptime": 0.999, "credit_share": 0.1 }]
    });
    v["market"] = json!({
        "on_demand_usd_per_gpu_hour": 2.5, "utilization": 0.5,
        "price_curve": { "kind": "exponential", "annual_factor": "0.724" },
        "reserved": [], "spot": { "discount": 0.5, "share_of_idle_sold": 0.5, "preemption_rate": 0.1 }
    });
    serde_json::from_value(v).unwrap()
}

#[test]
fn every_scenario_and_report_field_has_an_entry() {
    let mut scenarios: Vec<Scenario> = Vec::new();
    for preset in presets::all().unwrap() {
        scenarios.extend(preset.scenario);
        scenarios.extend(preset.portfolio.into_iter().flat_map(|p| p.boxes));
    }
    scenarios.push(every_section());
    let mut keys = BTreeSet::new();
    for s in &scenarios {
        walk("scenario", &serde_json::to_value(s).unwrap(), &mut keys);
        let report = evaluate(s).unwrap();
        walk("report", &serde_json::to_value(&report).unwrap(), &mut keys);
    }
    // The Monte Carlo report's credit section (a box whose paths default and lock up).
    let mut boxed = every_section();
    if let Some(f) = boxed.financing.as_mut() {
        f.lock_up =
            Some(serde_json::from_value(json!({ "min_dscr": 1.5, "trailing_months": 1 })).unwrap());
    }
    let mc = gpuecon::montecarlo::run(&gpuecon::montecarlo::MonteCarloInputs {
        scenario: Some(boxed),
        portfolio: None,
        options: gpuecon::montecarlo::Options {
            paths: 200,
            stochastic: gpuecon::montecarlo::Stochastic::typical(),
            ..gpuecon::montecarlo::Options::default()
        },
    })
    .unwrap();
    let credit = serde_json::to_value(mc.credit.as_ref().unwrap()).unwrap();
    assert!(credit["lock_up"]["first_month"].is_object(), "{credit}");
    assert!(credit["loss_given_default"].is_object(), "{credit}");
    keys.insert("montecarlo.credit".to_owned());
    walk("montecarlo.credit", &credit, &mut keys);
    // A portfolio's credit section holds each box's (two boxes, a few still paths).
    let portfolio =
        serde_json::from_value(json!({ "boxes": [every_section(), every_section()] })).unwrap();
    let mc = gpuecon::montecarlo::run(&gpuecon::montecarlo::MonteCarloInputs {
        scenario: None,
        portfolio: Some(portfolio),
        options: gpuecon::montecarlo::Options {
            paths: 2,
            ..gpuecon::montecarlo::Options::default()
        },
    })
    .unwrap();
    let credit = serde_json::to_value(mc.credit.as_ref().unwrap()).unwrap();
    assert_eq!(
        credit["boxes"].as_array().map(Vec::len),
        Some(2),
        "{credit}"
    );
    walk("montecarlo.credit", &credit, &mut keys);
    assert_explained(&keys);
}

/// Fails, listing them, when some of `keys` have no glossary entry.
fn assert_explained(keys: &BTreeSet<String>) {
    let known: BTreeSet<String> = glossary::entries()
        .unwrap()
        .into_iter()
        .map(|e| e.key)
        .collect();
    let missing: Vec<&String> = keys.iter().filter(|k| !known.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "no glossary entry for:\n{}",
        missing
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The golden vectors of the models walked below (generated by tests/vectors/*.py).
const PRICING_VECTORS: &str = include_str!("../../tests/vectors/pricing.json");
const CONCENTRATION_VECTORS: &str = include_str!("../../tests/vectors/concentration.json");
const HOSTING_VECTORS: &str = include_str!("../../tests/vectors/hosting.json");
const OWNER_COST_VECTORS: &str = include_str!("../../tests/vectors/owner_cost.json");
const POWER_VECTORS: &str = include_str!("../../tests/vectors/power.json");
const TAKE_OR_PAY_VECTORS: &str = include_str!("../../tests/vectors/take_or_pay.json");
const UTILIZATION_VECTORS: &str = include_str!("../../tests/vectors/utilization.json");
const OBSOLESCENCE_VECTORS: &str = include_str!("../../tests/vectors/obsolescence.json");
const NETWORKS_VECTORS: &str = include_str!("../../tests/vectors/networks.json");
const API_TIERS_VECTORS: &str = include_str!("../../tests/vectors/api_tiers.json");
const COLLATERAL_VECTORS: &str = include_str!("../../tests/vectors/collateral.json");
const CONVENTIONS_VECTORS: &str = include_str!("../../tests/vectors/conventions.json");
const DEBT_VECTORS: &str = include_str!("../../tests/vectors/debt.json");
const FACILITY_VECTORS: &str = include_str!("../../tests/vectors/facility.json");

/// The keys of `model`'s inputs and results, over the golden vectors (`vectors`, the text of
/// a tests/vectors/*.json) whose function is `model`: each case's first argument is
/// read as the core's input type (`I`), run through `run` and both serialized, so fields
/// that a vector leaves to their default are walked too.
fn model_keys<I, R, E>(vectors: &str, model: &str, run: fn(&I) -> Result<R, E>) -> BTreeSet<String>
where
    I: serde::de::DeserializeOwned + serde::Serialize,
    R: serde::Serialize,
    E: std::fmt::Debug,
{
    let vectors: Value = serde_json::from_str(vectors).unwrap();
    let mut keys = BTreeSet::new();
    let mut walked = 0;
    for case in vectors["cases"].as_array().unwrap() {
        if case["function"] != model || case.get("error").is_some_and(|e| !e.is_null()) {
            continue;
        }
        let Ok(inputs) = serde_json::from_value::<I>(case["args"][0].clone()) else {
            continue;
        };
        let Ok(result) = run(&inputs) else { continue };
        walk(
            &format!("{model}.inputs"),
            &serde_json::to_value(&inputs).unwrap(),
            &mut keys,
        );
        walk(
            &format!("{model}.result"),
            &serde_json::to_value(&result).unwrap(),
            &mut keys,
        );
        walked += 1;
    }
    assert!(walked > 0, "no case of {model} in its vectors");
    keys
}

#[test]
fn every_panel_model_field_has_an_entry() {
    use gpuecon::models::{
        concentration, hosting, owner_cost, power, pricing, take_or_pay, utilization,
    };
    let mut keys = model_keys(PRICING_VECTORS, "capacity_book", pricing::capacity_book);
    keys.extend(model_keys(
        UTILIZATION_VECTORS,
        "utilization_yield",
        utilization::utilization_yield,
    ));
    keys.extend(model_keys(
        CONCENTRATION_VECTORS,
        "customer_concentration",
        concentration::customer_concentration,
    ));
    keys.extend(model_keys(POWER_VECTORS, "energy_cost", power::energy_cost));
    keys.extend(model_keys(OWNER_COST_VECTORS, "owner_cost", owner_cost));
    keys.extend(model_keys(
        HOSTING_VECTORS,
        "hosting_fees",
        hosting::hosting_fees,
    ));
    keys.extend(model_keys(
        TAKE_OR_PAY_VECTORS,
        "settle_contract",
        take_or_pay::settle,
    ));
    // Every optional part present (a spot section, a reserved and a dedicated block) and
    // every kind of a tagged section (the power's loads and PPAs).
    for part in [
        "capacity_book.inputs.spot.preemption_rate",
        "capacity_book.inputs.reserved[].term_months",
        "capacity_book.inputs.dedicated[].price_usd_per_gpu_hour",
        "utilization_yield.result.months[].cost_usd_per_effective_gpu_hour",
        "customer_concentration.result.circular[].revenue_share",
        "energy_cost.inputs.load.it_mwh",
        "owner_cost.inputs.operations.sga_share_of_revenue",
        "hosting_fees.inputs.fee.model_revenue_usd",
        "hosting_fees.inputs.credit_cap.usd_per_contract_year",
        "hosting_fees.inputs.host_cost.usd_per_kw_month",
        "hosting_fees.result.totals.margin_share",
        "settle_contract.inputs.contract.escalator.every_months",
        "settle_contract.inputs.contract.termination.fee_usd",
        "settle_contract.inputs.contract.make_up.window_periods",
        "energy_cost.inputs.ppa.cap_usd_per_mwh",
        "energy_cost.inputs.ppa.volume_mwh_per_month",
    ] {
        assert!(keys.contains(part), "no vector fills {part}");
    }
    assert_explained(&keys);
}

#[test]
fn every_entry_says_what_it_is_and_its_unit() {
    let all = glossary::entries().unwrap();
    let mut seen = BTreeSet::new();
    for e in &all {
        assert!(seen.insert(e.key.clone()), "{} twice", e.key);
        assert!(!e.definition.is_empty() && !e.unit.is_empty(), "{}", e.key);
        if e.key.starts_with("scenario.") {
            assert!(
                !e.typical_range.is_empty() && !e.source.is_empty(),
                "{}",
                e.key
            );
        }
    }
}

#[test]
fn explain_finds_an_entry_by_the_end_of_its_key() {
    let e = glossary::explain("equity.irr_annual").unwrap().unwrap();
    assert_eq!(e.key, "report.financing.summary.equity.irr_annual");
    let m = glossary::explain("report.months[7].revenue.total_usd")
        .unwrap()
        .unwrap();
    assert_eq!(m.key, "report.months[].revenue.total_usd");
    // `irr_annual` alone ends two keys (the project's and the equity's): none chosen.
    assert!(glossary::explain("irr_annual").unwrap().is_none());
    assert!(glossary::candidates("irr_annual").unwrap().len() >= 2);
    assert!(glossary::explain("no_such_field").unwrap().is_none());
}

#[test]
fn depreciation_panel_fields_have_entries() {
    use gpuecon::models::depreciation;
    let mut keys = model_keys(
        OBSOLESCENCE_VECTORS,
        "value_schedule",
        depreciation::value_schedule,
    );
    keys.extend(model_keys(
        OBSOLESCENCE_VECTORS,
        "cascade",
        depreciation::cascade,
    ));
    keys.extend(model_keys(
        OBSOLESCENCE_VECTORS,
        "economic_end_of_life",
        depreciation::economic_end_of_life,
    ));
    keys.extend(model_keys(
        OBSOLESCENCE_VECTORS,
        "refresh_decision",
        depreciation::refresh_decision,
    ));
    assert_explained(&keys);
}

#[test]
fn facility_panel_fields_have_entries() {
    use gpuecon::models::facility;
    let mut keys = model_keys(FACILITY_VECTORS, "rack_density", facility::rack_density);
    keys.extend(model_keys(
        FACILITY_VECTORS,
        "mw_to_gpus",
        facility::mw_to_gpus,
    ));
    keys.extend(model_keys(
        FACILITY_VECTORS,
        "gpus_to_mw",
        facility::gpus_to_mw,
    ));
    keys.extend(model_keys(
        FACILITY_VECTORS,
        "lease_schedule",
        facility::lease_schedule,
    ));
    keys.extend(model_keys(
        FACILITY_VECTORS,
        "implied_lease_rate",
        facility::implied_lease_rate,
    ));
    keys.extend(model_keys(
        FACILITY_VECTORS,
        "interconnection_delay",
        facility::interconnection_delay,
    ));
    assert_explained(&keys);
}

/// The calculator's panels (www/src/panels/*.js), read for the glossary keys they name.
const PANELS: &[(&str, &str)] = &[
    ("box.js", include_str!("../../www/src/panels/box.js")),
    (
        "compare.js",
        include_str!("../../www/src/panels/compare.js"),
    ),
    (
        "concentration.js",
        include_str!("../../www/src/panels/concentration.js"),
    ),
    ("debt.js", include_str!("../../www/src/panels/debt.js")),
    (
        "depreciation.js",
        include_str!("../../www/src/panels/depreciation.js"),
    ),
    (
        "facility.js",
        include_str!("../../www/src/panels/facility.js"),
    ),
    (
        "hosting.js",
        include_str!("../../www/src/panels/hosting.js"),
    ),
    (
        "montecarlo.js",
        include_str!("../../www/src/panels/montecarlo.js"),
    ),
    (
        "networks.js",
        include_str!("../../www/src/panels/networks.js"),
    ),
    (
        "owner-cost.js",
        include_str!("../../www/src/panels/owner-cost.js"),
    ),
    ("power.js", include_str!("../../www/src/panels/power.js")),
    (
        "pricing.js",
        include_str!("../../www/src/panels/pricing.js"),
    ),
    (
        "scenario.js",
        include_str!("../../www/src/panels/scenario.js"),
    ),
    (
        "scenario-editor.js",
        include_str!("../../www/src/panels/scenario-editor.js"),
    ),
    (
        "take-or-pay.js",
        include_str!("../../www/src/panels/take-or-pay.js"),
    ),
    ("tokens.js", include_str!("../../www/src/panels/tokens.js")),
    (
        "utilization.js",
        include_str!("../../www/src/panels/utilization.js"),
    ),
];

/// The glossary keys the calculator's panels name (`gloss: "…"`): a block's model (whose
/// inputs are `<model>.inputs.…`), a table's rows (`<model>.result.months[]`, whose fields
/// its columns explain) or a field's or result's full key.
#[test]
fn every_key_the_page_names_has_an_entry() {
    let known: BTreeSet<String> = glossary::entries()
        .unwrap()
        .into_iter()
        .map(|e| e.key)
        .collect();
    let mut named = 0;
    for (file, text) in PANELS {
        for part in text.split("gloss: \"").skip(1) {
            let key = &part[..part.find('"').unwrap()];
            let model_inputs = format!("{key}.inputs.");
            let row_fields = format!("{key}.");
            assert!(
                known.contains(key)
                    || known.iter().any(|k| k.starts_with(&model_inputs))
                    || (key.ends_with("[]") && known.iter().any(|k| k.starts_with(&row_fields))),
                "{file}: no glossary entry for {key}"
            );
            named += 1;
        }
    }
    assert!(named > 50, "only {named} keys named");
}

#[test]
fn debt_panel_fields_have_entries() {
    use gpuecon::models::{collateral, debt};
    let mut keys = model_keys(DEBT_VECTORS, "debt_schedule", debt::debt_schedule);
    keys.extend(model_keys(
        CONVENTIONS_VECTORS,
        "debt_schedule",
        debt::debt_schedule,
    ));
    keys.extend(model_keys(
        DEBT_VECTORS,
        "sculpted_debt_capacity",
        debt::sculpted_debt_capacity,
    ));
    keys.extend(model_keys(
        COLLATERAL_VECTORS,
        "collateral_schedule",
        collateral::collateral_schedule,
    ));
    assert_explained(&keys);
}

#[test]
fn tokens_panel_fields_have_entries() {
    use gpuecon::models::pricing;
    let mut keys = model_keys(PRICING_VECTORS, "token_price", pricing::token_price);
    keys.extend(model_keys(
        PRICING_VECTORS,
        "training_run_cost",
        pricing::training_run_cost,
    ));
    keys.extend(model_keys(
        API_TIERS_VECTORS,
        "api_comparison",
        pricing::api_comparison,
    ));
    assert_explained(&keys);
}

#[test]
fn networks_panel_fields_have_entries() {
    use gpuecon::models::networks;
    let mut keys = model_keys(
        NETWORKS_VECTORS,
        "emission_schedule",
        networks::emission_schedule,
    );
    keys.extend(model_keys(
        NETWORKS_VECTORS,
        "burn_mint",
        networks::burn_mint,
    ));
    keys.extend(model_keys(
        NETWORKS_VECTORS,
        "take_rate_settlement",
        networks::take_rate_settlement,
    ));
    keys.extend(model_keys(
        NETWORKS_VECTORS,
        "operator_roi",
        networks::operator_roi,
    ));
    assert_explained(&keys);
}

#[test]
fn montecarlo_options_have_entries() {
    use gpuecon::montecarlo::{Options, Stochastic};
    // Every random input and the optional stop: the typical options with a target.
    let options = Options {
        stochastic: Stochastic::typical(),
        target_standard_error_usd: Some(rust_decimal::Decimal::ONE_HUNDRED),
        ..Options::default()
    };
    let mut keys = BTreeSet::new();
    walk(
        "montecarlo.inputs.options",
        &serde_json::to_value(&options).unwrap(),
        &mut keys,
    );
    keys.insert("montecarlo.inputs.options".to_owned());
    assert!(keys.contains("montecarlo.inputs.options.stochastic.price.jumps.mean_log_size"));
    assert_explained(&keys);
    // The report's numbers the panel shows (keys `montecarlo.<field>`, as the credit's) name
    // fields of a report.
    let report = gpuecon::montecarlo::run(&gpuecon::montecarlo::MonteCarloInputs {
        scenario: Some(every_section()),
        portfolio: None,
        options: Options {
            paths: 2,
            ..Options::default()
        },
    })
    .unwrap();
    let mut fields = BTreeSet::new();
    walk(
        "montecarlo",
        &serde_json::to_value(&report).unwrap(),
        &mut fields,
    );
    let shown: BTreeSet<String> = [
        "paths",
        "npv_usd.mean",
        "npv_usd.standard_error",
        "npv_usd.p5",
        "npv_usd.p50",
        "npv_usd.p95",
        "covenant_breach.probability",
        "covenant_default.probability",
        "equity_expected_shortfall_usd",
    ]
    .iter()
    .map(|k| format!("montecarlo.{k}"))
    .collect();
    assert!(shown.is_subset(&fields), "{shown:?}");
    assert_explained(&shown);
}

/// `keys` without those under `prefix` (`prefix` itself kept): a part explained under
/// another model's key (a target price's `cost` is the owner cost's inputs).
fn without_children(mut keys: BTreeSet<String>, prefix: &str) -> BTreeSet<String> {
    keys.retain(|k| {
        !k.starts_with(&format!("{prefix}.")) && !k.starts_with(&format!("{prefix}[]"))
    });
    keys
}

#[test]
fn blocks_beside_the_panel_models_have_entries() {
    use gpuecon::models::{power, pricing, take_or_pay, utilization};
    // The target prices' `cost` is the owner cost's inputs (explained as `owner_cost.inputs`).
    let mut keys = model_keys(
        PRICING_VECTORS,
        "break_even_price",
        pricing::break_even_price,
    );
    keys.retain(|k| !k.starts_with("break_even_price.inputs"));
    keys.extend(without_children(
        model_keys(
            PRICING_VECTORS,
            "target_margin_price",
            pricing::target_margin_price,
        ),
        "target_margin_price.inputs.cost",
    ));
    keys.extend(without_children(
        model_keys(
            PRICING_VECTORS,
            "target_irr_price",
            pricing::target_irr_price,
        ),
        "target_irr_price.inputs.cost",
    ));
    keys.extend(model_keys(
        PRICING_VECTORS,
        "published_discounts",
        pricing::published_discounts,
    ));
    keys.extend(model_keys(
        UTILIZATION_VECTORS,
        "buyer_cost",
        utilization::buyer_cost,
    ));
    keys.extend(model_keys(
        POWER_VECTORS,
        "energy_split",
        power::energy_split,
    ));
    keys.extend(model_keys(
        POWER_VECTORS,
        "curtailment_cost",
        power::curtailment_cost,
    ));
    // The backlog's contract is the settled one (explained as `settle_contract.inputs.contract`).
    keys.extend(without_children(
        model_keys(
            TAKE_OR_PAY_VECTORS,
            "contract_backlog",
            take_or_pay::backlog,
        ),
        "contract_backlog.inputs.contract",
    ));
    // The catalog takes nothing and answers a list of GPUs.
    walk(
        "gpus.result",
        &serde_json::to_value(gpuecon::models::gpus()).unwrap(),
        &mut keys,
    );
    assert_explained(&keys);
}

/// A curve input (its kind one of constant, exponential, generational_step, points) is
/// explained for every kind the page offers, not only the kinds the vectors use.
#[test]
fn every_curve_input_explains_every_kind() {
    let all = glossary::entries().unwrap();
    let known: BTreeSet<&str> = all.iter().map(|e| e.key.as_str()).collect();
    let curves: Vec<&str> = all
        .iter()
        .filter(|e| {
            e.key.ends_with(".kind")
                && e.definition
                    .contains("constant, exponential, generational_step or points")
        })
        .map(|e| e.key.trim_end_matches(".kind"))
        .collect();
    assert!(curves.len() >= 9, "{curves:?}");
    for curve in curves {
        for part in [
            "annual_factor",
            "steps",
            "steps[].month",
            "steps[].factor",
            "points",
            "points[].month",
            "points[].value",
        ] {
            let key = format!("{curve}.{part}");
            assert!(known.contains(key.as_str()), "no glossary entry for {key}");
        }
    }
}

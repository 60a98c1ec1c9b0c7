//! The live economics by hand.

// Tests unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::Decimal;
use crate::models::ModelError;
use crate::scenario::ScenarioError;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn terms() -> Terms {
    Terms::new(d("2.50"), d("0.08"), d("1.3"))
}

#[test]
fn owner_cost_and_margin_by_hand() {
    // $30,000 over 5 years at 10 %: PMT = 30,000 × 0.1 ÷ (1 − 1.1⁻⁵) = $7,913.924424 a
    // year, ÷ 8760 = $0.903416030 an hour (tests/vectors style: Python fractions give
    // 0.903416030118991). Power: 0.7 kW × 1.3 × $0.08 = $0.0728 an hour.
    let mut terms = terms();
    terms.owner = Some(OwnerTerms::capital_only(d("30000"), d("5"), d("0.10")));
    let rates = GpuReading {
        power_w: Some(700.0),
        activity_fraction: Some(0.5),
        effective_fraction: None,
        ..GpuReading::default()
    };
    let h = hourly(&terms, &rates).unwrap();
    let close = |value: Option<Decimal>, expected: &str| {
        let error = (value.unwrap() - d(expected)).abs();
        assert!(error < d("0.000000001"), "{value:?} vs {expected}");
    };
    close(h.capital_usd_per_hour, "0.903416030118991");
    assert_eq!(h.facility_usd_per_hour, Some(Decimal::ZERO));
    assert_eq!(h.operations_usd_per_hour, Some(Decimal::ZERO));
    close(h.owner_cost_usd_per_hour, "0.976216030118991");
    // $2.50 − $0.976216… = $1.523783969881009
    close(h.owner_margin_usd_per_hour, "1.523783969881009");
    // ÷ 0.5 activity: $1.952432060237982 per active hour
    close(h.owner_cost_usd_per_active_gpu_hour, "1.952432060237982");
    // without owner terms, none of it
    let h = hourly(&self::terms(), &rates).unwrap();
    assert_eq!(h.owner_cost_usd_per_hour, None);
}

#[test]
fn reserved_billing_by_hand() {
    let rates = GpuReading {
        power_w: Some(350.0),
        activity_fraction: Some(0.5),
        effective_fraction: Some(0.25),
        ..GpuReading::default()
    };
    let h = hourly(&terms(), &rates).unwrap();
    assert_eq!(h.billed_utilization, Some(Decimal::ONE));
    assert_eq!(h.revenue_usd_per_hour, Some(d("2.50")));
    // W → kW at the boundary: 350 W = 0.35 kW; × 1.3 × 0.08 = 0.0364
    assert_eq!(h.power_kw, Some(d("0.35")));
    assert_eq!(h.power_cost_usd_per_hour, Some(d("0.0364")));
    assert_eq!(h.margin_usd_per_hour, Some(d("2.4636")));
    // 0.0364 / 1, / 0.5, / 0.25
    assert_eq!(h.power_cost_usd_per_billed_gpu_hour, Some(d("0.0364")));
    assert_eq!(h.power_cost_usd_per_active_gpu_hour, Some(d("0.0728")));
    assert_eq!(h.power_cost_usd_per_effective_gpu_hour, Some(d("0.1456")));
    // no assumption, no capex: no comparison, no yield
    assert_eq!(
        (h.activity_vs_assumed, h.annualized_yield_on_cost),
        (None, None)
    );
}

#[test]
fn usage_billing_with_an_assumption_and_a_capex() {
    let t = Terms {
        billing: Billing::Usage,
        assumed_utilization: Some(d("0.8")),
        capex_usd_per_gpu: Some(d("50000")),
        ..terms()
    };
    let rates = GpuReading {
        power_w: None,
        activity_fraction: Some(0.6),
        effective_fraction: None,
        ..GpuReading::default()
    };
    let h = hourly(&t, &rates).unwrap();
    // 2.50 × 0.6 = 1.50 an hour; power unknown: no cost, no margin (never 0)
    assert_eq!(h.revenue_usd_per_hour, Some(d("1.5")));
    assert_eq!(
        (h.power_cost_usd_per_hour, h.margin_usd_per_hour),
        (None, None)
    );
    // 0.6 / 0.8 = 0.75 of the assumed activity
    assert_eq!(h.activity_vs_assumed, Some(d("0.75")));
    // 1.50 × 8760 / 50,000 = 0.2628; assumed 2.00 × 8760 / 50,000 = 0.3504
    assert_eq!(h.annualized_yield_on_cost, Some(d("0.2628")));
    assert_eq!(h.assumed_annualized_yield_on_cost, Some(d("0.3504")));
}

#[test]
fn idle_gpus_have_no_cost_per_active_hour_and_sensor_noise_is_clamped() {
    let rates = GpuReading {
        power_w: Some(70.0),
        activity_fraction: Some(0.0),
        effective_fraction: Some(1.000_000_000_000_2),
        ..GpuReading::default()
    };
    let h = hourly(&terms(), &rates).unwrap();
    assert_eq!(h.power_cost_usd_per_active_gpu_hour, None);
    assert_eq!(h.effective_utilization, Some(Decimal::ONE));
}

#[test]
fn invalid_terms_name_every_field() {
    let bad = Terms {
        pue: d("0.9"),
        usd_per_kwh: d("-0.1"),
        assumed_utilization: Some(d("1.5")),
        ..terms()
    };
    let error = bad.checked().unwrap_err();
    let ScenarioError::Invalid { problems } = error else {
        unreachable!("{error}")
    };
    let fields: Vec<&str> = problems.iter().map(ModelError::field).collect();
    assert_eq!(fields, ["usd_per_kwh", "pue", "assumed_utilization"]);
}

#[test]
fn a_contract_from_a_scenario() {
    let preset = crate::presets::get("coreweave-core-scientific-hosting")
        .unwrap()
        .unwrap();
    let scenario = preset.scenario.unwrap();
    let line = &scenario.contracts[0];
    let t = Terms::from_scenario(&scenario);
    assert_eq!(t.billing, Billing::Reserved);
    assert_eq!(
        t.price_usd_per_gpu_hour,
        line.contract.price_usd_per_gpu_hour
    );
    assert_eq!(t.assumed_utilization, Some(line.usage_share));
    assert_eq!(t.pue, scenario.power.pue);
    assert!(t.basis.starts_with("contract "), "{}", t.basis);
}

#[test]
fn fleet_sums_are_unknown_while_one_gpu_is() {
    let t = terms();
    let a = hourly(
        &t,
        &GpuReading {
            power_w: Some(100.0),
            activity_fraction: Some(1.0),
            effective_fraction: None,
            ..GpuReading::default()
        },
    )
    .unwrap();
    let b = hourly(
        &t,
        &GpuReading {
            power_w: None,
            activity_fraction: Some(0.0),
            effective_fraction: None,
            ..GpuReading::default()
        },
    )
    .unwrap();
    let rates = [
        GpuReading {
            power_w: Some(100.0),
            ..GpuReading::default()
        },
        GpuReading::default(),
    ];
    let fleet = fleet_hourly(&t, &[a, b], &GpuReading::mean(&rates)).unwrap();
    assert_eq!(fleet.revenue_usd_per_hour, Some(d("5.00")));
    assert_eq!(fleet.power_cost_usd_per_hour, None);
    assert_eq!(fleet.margin_usd_per_hour, None);
    // the average GPU: 100 W (the mean over the GPUs that have power)
    assert_eq!(fleet.per_gpu.power_kw, Some(d("0.1")));
}

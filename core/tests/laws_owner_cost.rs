//! Laws of the owner's cost per GPU-hour (`gpuecon::models::owner_cost`), on generated
//! inputs (proptest).

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::{
    CapitalInputs, CapitalMethod, FacilityInputs, OperationsInputs, OwnerCostInputs, PowerInputs,
    UsageInputs, Validate, owner_cost,
};
use gpuecon::{Decimal, ErrorCode};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// Realistic inputs: capex $0-100k, life 1-10 years (whole or half), rate 0-20 %, power
/// 0-3 kW, idle 0-30 %, PUE 1-2, $0-0.30/kWh, $0-300/kW-month, operations, price $0-10,
/// utilization in (0, 1].
fn inputs() -> impl Strategy<Value = OwnerCostInputs> {
    (
        (
            0i64..=100_000,
            0i64..=100,
            2i64..=20,
            0i64..=2000,
            any::<bool>(),
        ),
        (0i64..=3000, 0i64..=30, 100i64..=200, 0i64..=300),
        (0i64..=3000, 0i64..=300),
        (0i64..=100, 0i64..=100, 0i64..=100, 0i64..=20, 0i64..=30),
        (1i64..=1000, 0i64..=1000),
    )
        .prop_map(|(c, w, f, o, u)| OwnerCostInputs {
            capital: CapitalInputs {
                capex_usd_per_gpu: dec(c.0, 0),
                salvage_usd_per_gpu: dec(c.0 * c.1 / 100, 0),
                life_years: dec(c.2, 0) / dec(2, 0),
                annual_rate: dec(c.3, 4),
                method: if c.4 {
                    CapitalMethod::CapitalRecovery
                } else {
                    CapitalMethod::StraightLine
                },
            },
            power: PowerInputs {
                it_kw_per_gpu: dec(w.0, 3),
                idle_fraction: dec(w.1, 2),
                pue: dec(w.2, 2),
                usd_per_kwh: dec(w.3, 3),
            },
            facility: FacilityInputs {
                contracted_kw_per_gpu: dec(f.0, 3),
                usd_per_kw_month: dec(f.1, 0),
            },
            operations: OperationsInputs {
                staff_usd_per_gpu_hour: dec(o.0, 3),
                support_usd_per_gpu_hour: dec(o.1, 3),
                software_usd_per_gpu_hour: dec(o.2, 3),
                insurance_rate_per_year: dec(o.3, 3),
                sga_share_of_revenue: dec(o.4, 2),
            },
            usage: UsageInputs {
                utilization: dec(u.0, 3),
                price_usd_per_gpu_hour: dec(u.1, 2),
            },
        })
}

/// Any decimal at all, for the "never panics" law.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
    ]
}

proptest! {
    /// capital + power + facility + operations = total, and operations is the sum of its
    /// five parts, exactly.
    #[test]
    fn items_sum_to_the_total_exactly(inputs in inputs()) {
        let c = owner_cost(&inputs).unwrap();
        let ops = c.staff_usd_per_gpu_hour + c.support_usd_per_gpu_hour
            + c.software_usd_per_gpu_hour + c.insurance_usd_per_gpu_hour + c.sga_usd_per_gpu_hour;
        prop_assert_eq!(ops, c.operations_usd_per_gpu_hour);
        // In another order too: the items carry few enough digits that order does not matter.
        let total = c.operations_usd_per_gpu_hour + c.facility_usd_per_gpu_hour
            + c.power_usd_per_gpu_hour + c.capital_usd_per_gpu_hour;
        prop_assert_eq!(total, c.total_usd_per_gpu_hour);
    }

    /// More utilization never raises the cost per utilized hour, and strictly lowers it
    /// when there are fixed costs (capital, facility, staff, support, software, insurance
    /// or idle power). SG&A (a share of revenue) and busy power grow with utilization per
    /// available hour but are constant per utilized hour.
    #[test]
    fn cost_per_utilized_hour_falls_as_utilization_rises(
        inputs in inputs(), lower in 1i64..=999, step in 1i64..=999,
    ) {
        let higher = (lower + step).min(1000);
        prop_assume!(higher > lower);
        let mut low = inputs.clone();
        low.usage.utilization = dec(lower, 3);
        let mut high = inputs;
        high.usage.utilization = dec(higher, 3);
        let (a, b) = (owner_cost(&low).unwrap(), owner_cost(&high).unwrap());
        let fixed = a.capital_usd_per_gpu_hour + a.facility_usd_per_gpu_hour
            + a.staff_usd_per_gpu_hour + a.support_usd_per_gpu_hour
            + a.software_usd_per_gpu_hour + a.insurance_usd_per_gpu_hour;
        // Rounding to 18 places and the final division leave at most ~1e-15 of noise.
        let slack = dec(1, 15);
        prop_assert!(b.total_usd_per_utilized_gpu_hour <= a.total_usd_per_utilized_gpu_hour + slack);
        if fixed > dec(1, 6) {
            prop_assert!(b.total_usd_per_utilized_gpu_hour < a.total_usd_per_utilized_gpu_hour);
        }
    }

    /// Bad inputs are typed errors naming the field.
    #[test]
    fn bad_inputs_name_the_field(inputs in inputs(), which in 0usize..6, bad in 1i64..=1000) {
        let mut inputs = inputs;
        let field = match which {
            0 => { inputs.usage.price_usd_per_gpu_hour = dec(-bad, 2); "usage.price_usd_per_gpu_hour" }
            1 => { inputs.usage.utilization = Decimal::ONE + dec(bad, 3); "usage.utilization" }
            2 => { inputs.usage.utilization = dec(-bad, 3); "usage.utilization" }
            3 => { inputs.power.pue = Decimal::ONE - dec(bad, 4); "power.pue" }
            4 => { inputs.capital.life_years = Decimal::ZERO; "capital.life_years" }
            _ => { inputs.power.idle_fraction = Decimal::ONE + dec(bad, 3); "power.idle_fraction" }
        };
        let err = owner_cost(&inputs).unwrap_err();
        prop_assert_eq!(err.code(), ErrorCode::Domain);
        prop_assert_eq!(err.field(), field);
        prop_assert!(inputs.validate().iter().any(|e| e.field() == field));
    }

    /// No input panics: every call returns a value or an error.
    #[test]
    fn no_input_panics(
        a in any_decimal(), b in any_decimal(), c in any_decimal(), d in any_decimal(),
        e in any_decimal(), f in any_decimal(), g in any_decimal(), h in any_decimal(),
        straight in any::<bool>(),
    ) {
        let inputs = OwnerCostInputs {
            capital: CapitalInputs {
                capex_usd_per_gpu: a, salvage_usd_per_gpu: b.abs().min(a.abs()), life_years: c,
                annual_rate: d,
                method: if straight { CapitalMethod::StraightLine } else { CapitalMethod::CapitalRecovery },
            },
            power: PowerInputs { it_kw_per_gpu: e, idle_fraction: f, pue: g, usd_per_kwh: h },
            facility: FacilityInputs { contracted_kw_per_gpu: a, usd_per_kw_month: h },
            operations: OperationsInputs {
                staff_usd_per_gpu_hour: b, support_usd_per_gpu_hour: c,
                software_usd_per_gpu_hour: d, insurance_rate_per_year: e, sga_share_of_revenue: f,
            },
            usage: UsageInputs { utilization: f, price_usd_per_gpu_hour: a },
        };
        let _ = owner_cost(&inputs);
    }
}

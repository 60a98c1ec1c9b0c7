//! Laws of the facility models (`gpuecon::models::facility`): racks, MW ↔ GPUs, leases,
//! deal rates and the cost of grid delay, on generated inputs (proptest).

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::Decimal;
use gpuecon::models::Validate;
use gpuecon::models::facility::{
    DealInputs, GpusToMwInputs, InterconnectionInputs, LeaseInputs, LeaseStructure, LiquidCooling,
    MwToGpusInputs, PassThrough, RackDensityInputs, UpgradePayment, gpus_to_mw, implied_lease_rate,
    interconnection_delay, lease_schedule, mw_to_gpus, rack_density,
};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
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

/// A pass-through charge with a non-negative escalator.
fn pass_through() -> impl Strategy<Value = PassThrough> {
    (0i64..=2_000, 0i64..=10_000_000, 0i64..=100).prop_map(|(per_kw, per_year, esc)| PassThrough {
        usd_per_kw_month: dec(per_kw, 2),
        usd_per_year: dec(per_year, 0),
        annual_escalator: dec(esc, 3),
    })
}

/// Valid leases: 1 kW to 500 MW, $50-300/kW-month, up to 20 years from months 1-24, with
/// escalators of 0-10 %, modified gross or triple-net, sometimes discounted.
fn lease() -> impl Strategy<Value = LeaseInputs> {
    (
        (
            1i64..=500_000,
            5_000i64..=30_000,
            1u32..=240,
            1u32..=24,
            0i64..=100,
        ),
        prop::option::of((pass_through(), pass_through(), pass_through())),
        prop::option::of(0i64..=300),
    )
        .prop_map(|((kw, rent, term, start, esc), nnn, rate)| LeaseInputs {
            contracted_kw: dec(kw, 0),
            usd_per_kw_month: dec(rent, 2),
            term_months: term,
            start_month: start,
            annual_escalator: dec(esc, 3),
            structure: nnn.map_or(LeaseStructure::ModifiedGross, |(t, i, m)| {
                LeaseStructure::TripleNet {
                    taxes: t,
                    insurance: i,
                    maintenance: m,
                }
            }),
            annual_discount_rate: rate.map(|r| dec(r, 3)),
        })
}

proptest! {
    /// The racks hold every kW (racks × kW per rack ≥ total kW), and one rack fewer would
    /// not; the rows hold every rack.
    #[test]
    fn racks_hold_every_kw(
        node_kw in 100i64..=150_000, nodes in 1u32..=100_000, per_rack in 1u32..=16,
        per_row in 1u32..=40, limit in 1i64..=1_000,
    ) {
        let inputs = RackDensityInputs {
            node_kw: dec(node_kw, 3),
            nodes,
            nodes_per_rack: per_rack,
            racks_per_row: per_row,
            air_cooling_limit_kw_per_rack: dec(limit, 0),
            air_cooling_pue: None,
            liquid_cooling: Some(LiquidCooling { capex_usd_per_kw: dec(1_500, 0), pue: dec(115, 2) }),
        };
        let r = rack_density(&inputs).unwrap();
        let racks = Decimal::from(r.racks);
        prop_assert!(racks * r.kw_per_rack >= r.total_kw);
        prop_assert!((racks - Decimal::ONE) * r.kw_per_rack < r.total_kw);
        prop_assert!(r.rows * per_row >= r.racks && (r.rows - 1) * per_row < r.racks);
        prop_assert_eq!(r.liquid_cooling_required, r.kw_per_rack > inputs.air_cooling_limit_kw_per_rack);
        prop_assert_eq!(r.liquid_cooling_capex_usd.is_some(), r.liquid_cooling_required);
    }

    /// MW → GPUs → MW never exceeds the MW, and one more GPU would.
    #[test]
    fn mw_to_gpus_to_mw_never_exceeds_the_mw(mw in 0i64..=2_000_000_000, kw in 1i64..=200_000) {
        let (mw, kw) = (dec(mw, 6), dec(kw, 5));
        let fit = mw_to_gpus(&MwToGpusInputs { critical_it_mw: mw, kw_per_gpu: kw }).unwrap();
        prop_assert_eq!(fit.gpus, fit.gpus.trunc());
        let back = gpus_to_mw(&GpusToMwInputs { gpus: fit.gpus, kw_per_gpu: kw }).unwrap();
        prop_assert!(back.critical_it_mw <= mw);
        prop_assert_eq!(back.critical_it_kw, fit.used_kw);
        prop_assert!((fit.gpus + Decimal::ONE) * kw > mw * Decimal::from(1_000));
        prop_assert!(fit.spare_kw >= Decimal::ZERO && fit.spare_kw < kw);
    }

    /// With non-negative escalators a lease's payments never fall, month to month; the
    /// totals are the sums of the months; the present value at a non-negative rate is at
    /// most the undiscounted total.
    #[test]
    fn lease_payments_never_fall(inputs in lease()) {
        prop_assert_eq!(inputs.validate(), Vec::new());
        let lease = lease_schedule(&inputs).unwrap();
        prop_assert_eq!(lease.months.len(), usize::try_from(inputs.term_months).unwrap());
        for pair in lease.months.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(b.rent_usd >= a.rent_usd, "rent fell in month {}", b.month);
            prop_assert!(b.total_usd >= a.total_usd, "total fell in month {}", b.month);
            prop_assert_eq!(b.month, a.month + 1);
        }
        let total: Decimal = lease.months.iter().map(|m| m.total_usd).sum();
        prop_assert_eq!(lease.totals.total_usd, total);
        for m in &lease.months {
            prop_assert_eq!(m.total_usd, m.rent_usd + m.taxes_usd + m.insurance_usd + m.maintenance_usd);
        }
        if let Some(pv) = lease.totals.present_value_usd {
            prop_assert!(pv <= lease.totals.total_usd * (Decimal::ONE + dec(1, 20)));
        }
    }

    /// A lease's value, quoted back as a deal, gives its average $/kW-month.
    #[test]
    fn a_lease_quoted_as_a_deal_gives_its_average(inputs in lease()) {
        let lease = lease_schedule(&inputs).unwrap();
        prop_assume!(lease.totals.total_usd > Decimal::ZERO);
        let deal = implied_lease_rate(&DealInputs {
            total_contract_value_usd: lease.totals.total_usd,
            term_months: inputs.term_months,
            contracted_mw: inputs.contracted_kw / Decimal::from(1_000),
        }).unwrap();
        prop_assert_eq!(deal.kw_months, lease.totals.kw_months);
        prop_assert_eq!(deal.usd_per_kw_month, lease.totals.usd_per_kw_month);
    }

    /// With a positive connected cash flow, a positive rate, upfront upgrades and holding
    /// costs of at least 0, every month of delay costs money, and the months add up to the
    /// cost of the delay.
    #[test]
    fn the_cost_of_delay_is_not_negative(
        t in 0u32..=60, delay in 0u32..=24, operating in 1u32..=180,
        flow in 1i64..=10_000_000_000, upgrade in 0i64..=1_000_000_000,
        holding in 0i64..=100_000_000, rate in 1i64..=500,
    ) {
        let inputs = InterconnectionInputs {
            expected_connection_month: t,
            delay_months: delay,
            operating_months: operating,
            monthly_net_cash_flow_usd: dec(flow, 2),
            upgrade_cost_usd: dec(upgrade, 2),
            upgrade_paid: UpgradePayment::Upfront,
            holding_cost_usd_per_month: dec(holding, 2),
            annual_discount_rate: dec(rate, 3),
        };
        let cost = interconnection_delay(&inputs).unwrap();
        prop_assert!(cost.cost_of_one_month_usd >= Decimal::ZERO);
        prop_assert!(cost.cost_of_delay_usd >= Decimal::ZERO);
        let mut sum = Decimal::ZERO;
        for (k, month) in cost.delays.iter().enumerate() {
            prop_assert!(month.marginal_cost_usd >= Decimal::ZERO);
            prop_assert_eq!(usize::try_from(month.delay_months).unwrap(), k + 1);
            sum += month.marginal_cost_usd;
            prop_assert_eq!(month.cumulative_cost_usd, sum);
        }
        prop_assert_eq!(sum, cost.cost_of_delay_usd);
        if let Some(first) = cost.delays.first() {
            prop_assert_eq!(first.marginal_cost_usd, cost.cost_of_one_month_usd);
        }
    }

    /// Any inputs at all give a result or a typed error naming a field; nothing panics.
    #[test]
    fn bad_inputs_never_panic(
        a in any_decimal(), b in any_decimal(), c in any_decimal(),
        n in any::<u32>(), m in any::<u32>(), k in 0u32..1_300,
    ) {
        let results = [
            rack_density(&RackDensityInputs {
                node_kw: a, nodes: n % 1_000_000, nodes_per_rack: m % 40, racks_per_row: k,
                air_cooling_limit_kw_per_rack: b, air_cooling_pue: Some(c),
                liquid_cooling: Some(LiquidCooling { capex_usd_per_kw: c, pue: b }),
            }).err(),
            mw_to_gpus(&MwToGpusInputs { critical_it_mw: a, kw_per_gpu: b }).err(),
            gpus_to_mw(&GpusToMwInputs { gpus: a, kw_per_gpu: b }).err(),
            lease_schedule(&LeaseInputs {
                contracted_kw: a, usd_per_kw_month: b, term_months: k, start_month: m % 1_300,
                annual_escalator: c,
                structure: LeaseStructure::TripleNet {
                    taxes: PassThrough { usd_per_kw_month: a, usd_per_year: b, annual_escalator: c },
                    insurance: PassThrough::default(),
                    maintenance: PassThrough { usd_per_kw_month: c, usd_per_year: a, annual_escalator: b },
                },
                annual_discount_rate: Some(c),
            }).err(),
            implied_lease_rate(&DealInputs { total_contract_value_usd: a, term_months: n, contracted_mw: b }).err(),
            interconnection_delay(&InterconnectionInputs {
                expected_connection_month: n % 1_300, delay_months: m % 1_300, operating_months: k,
                monthly_net_cash_flow_usd: a, upgrade_cost_usd: b,
                upgrade_paid: UpgradePayment::AtConnection, holding_cost_usd_per_month: c,
                annual_discount_rate: c,
            }).err(),
        ];
        for error in results.into_iter().flatten() {
            prop_assert!(!error.field().is_empty());
        }
    }
}

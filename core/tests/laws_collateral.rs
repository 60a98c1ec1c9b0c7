//! Laws of GPU-collateralized lending (`gpuecon::models::collateral`), on generated loans
//! (proptest):
//!
//! - LTV rises (never falls) when the collateral's value falls with the balance fixed: a
//!   lower value series, or a steeper exponential residual curve, gives an LTV at least as
//!   high every month (unbounded counting as highest);
//! - the peak LTV is at least every month's LTV, in its month;
//! - a default needs `cure_months + 1` consecutive breached months of a covenant, and
//!   once declared it stays;
//! - the recovery is at most the balance and the liquidation value, recovery + loss =
//!   balance, and the recovery rate is in [0, 1];
//! - bad inputs give a typed error naming the field; arbitrary inputs never panic.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::Validate;
use gpuecon::models::collateral::{
    CollateralInputs, CollateralSchedule, CollateralValue, ConcentrationCovenant, Covenants,
    DscrCovenant, Liquidation, TestStatus, collateral_schedule,
};
use gpuecon::models::depreciation::Curve;
use gpuecon::{Decimal, ErrorCode};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// Whether LTV `a ≤ b`, `None` being unbounded.
fn at_most(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a <= b,
        (_, None) => true,
        (None, Some(_)) => false,
    }
}

/// Realistic loans: 1-60 months of values ($0-2M, zero sometimes) and balances ($0-1.5M),
/// every covenant on or off, cure periods of 0-3 months.
fn loan() -> impl Strategy<Value = CollateralInputs> {
    (1usize..=60).prop_flat_map(|months| {
        (
            (
                prop::collection::vec(prop_oneof![1 => Just(0i64), 9 => 0i64..=2_000_000], months),
                prop::collection::vec(0i64..=1_500_000, months),
                0i64..=2_000_000,
                0i64..=100,
            ),
            (
                1i64..=150,
                prop::option::of((
                    1i64..=200,
                    prop::collection::vec(prop::option::of(0i64..=300), months),
                )),
                prop::option::of((0i64..=100, prop::collection::vec(0i64..=100, months))),
                0u32..=3,
            ),
            (0i64..=100, 0i64..=100_000),
        )
            .prop_map(|(values, covenants, liquidation)| {
                let (value, balance, origination, advance) = values;
                let (max_ltv, dscr, concentration, cure_months) = covenants;
                let (haircut, costs) = liquidation;
                CollateralInputs {
                    collateral: CollateralValue::Series {
                        origination_value_usd: dec(origination, 0),
                        value_usd: value.into_iter().map(|v| dec(v, 0)).collect(),
                    },
                    advance_rate: dec(advance, 2),
                    balance_usd: balance.into_iter().map(|b| dec(b, 0)).collect(),
                    covenants: Covenants {
                        max_ltv: dec(max_ltv, 2),
                        dscr: dscr.map(|(minimum, series)| DscrCovenant {
                            minimum_dscr: dec(minimum, 2),
                            dscr_by_month: series
                                .into_iter()
                                .map(|d| d.map(|d| dec(d, 2)))
                                .collect(),
                        }),
                        concentration: concentration.map(|(maximum, shares)| {
                            ConcentrationCovenant {
                                maximum_share: dec(maximum, 2),
                                largest_customer_share_by_month: shares
                                    .into_iter()
                                    .map(|s| dec(s, 2))
                                    .collect(),
                            }
                        }),
                        cure_months,
                    },
                    liquidation: Liquidation {
                        haircut: dec(haircut, 2),
                        costs_usd: dec(costs, 0),
                    },
                }
            })
    })
}

fn run(inputs: &CollateralInputs) -> CollateralSchedule {
    assert_eq!(inputs.validate(), Vec::new());
    collateral_schedule(inputs).unwrap()
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
    /// Scaling every value down by a factor in [0, 1] never lowers any month's LTV.
    #[test]
    fn ltv_rises_when_the_value_falls(inputs in loan(), factor in 0i64..=100) {
        let lower = {
            let mut lower = inputs.clone();
            if let CollateralValue::Series { value_usd, .. } = &mut lower.collateral {
                for v in value_usd.iter_mut() {
                    *v *= dec(factor, 2);
                }
            }
            lower
        };
        let (base, fallen) = (run(&inputs), run(&lower));
        for (a, b) in base.months.iter().zip(&fallen.months) {
            prop_assert!(at_most(a.ltv, b.ltv), "month {}: {:?} then {:?}", a.month, a.ltv, b.ltv);
            if a.ltv_test.status == TestStatus::Breach {
                prop_assert_eq!(b.ltv_test.status, TestStatus::Breach);
            }
        }
        prop_assert!(at_most(base.summary.peak_ltv, fallen.summary.peak_ltv));
    }

    /// A steeper exponential residual curve (a lower annual factor) never lowers the LTV.
    #[test]
    fn a_steeper_residual_curve_raises_the_ltv(
        gpus in 1i64..=2_000, capex in 1_000i64..=80_000, steep in 10i64..=99, gap in 0i64..=50,
        balance in prop::collection::vec(0i64..=50_000_000, 1..=72),
    ) {
        let fleet = |factor: Decimal| CollateralInputs {
            collateral: CollateralValue::Fleet {
                gpus: dec(gpus, 0),
                capex_usd_per_gpu: dec(capex, 0),
                residual: Curve::Exponential { annual_factor: factor },
            },
            advance_rate: dec(75, 2),
            balance_usd: balance.iter().map(|b| dec(*b, 0)).collect(),
            covenants: Covenants { max_ltv: dec(8, 1), dscr: None, concentration: None, cure_months: 0 },
            liquidation: Liquidation::default(),
        };
        let steeper = run(&fleet(dec(steep, 2)));
        let gentler = run(&fleet(dec(steep + gap, 2).min(Decimal::ONE)));
        for (s, g) in steeper.months.iter().zip(&gentler.months) {
            prop_assert!(at_most(g.ltv, s.ltv), "month {}: {:?} vs {:?}", s.month, g.ltv, s.ltv);
            prop_assert!(s.collateral_value_usd <= g.collateral_value_usd);
        }
    }

    /// The peak LTV bounds every month's; the summary's counts match the months.
    #[test]
    fn the_summary_matches_the_months(inputs in loan()) {
        let s = run(&inputs);
        for m in &s.months {
            prop_assert!(at_most(m.ltv, s.summary.peak_ltv));
        }
        let peak = s.months.iter().find(|m| m.month == s.summary.peak_ltv_month).unwrap();
        prop_assert_eq!(peak.ltv, s.summary.peak_ltv);
        let breached = s.months.iter().filter(|m| m.in_breach).count();
        prop_assert_eq!(usize::try_from(s.summary.months_in_breach).unwrap(), breached);
        prop_assert_eq!(s.summary.loan_usd, inputs.advance_rate * s.summary.origination_value_usd);
        prop_assert_eq!(s.months.len(), inputs.balance_usd.len());
    }

    /// A default is declared only after `cure_months + 1` consecutive breached months of
    /// one covenant, in the first month that happens, and then it stays.
    #[test]
    fn defaults_follow_the_cure_period(inputs in loan()) {
        let s = run(&inputs);
        let cure = inputs.covenants.cure_months;
        let mut was_in_default = false;
        for (i, m) in s.months.iter().enumerate() {
            let tests = [m.ltv_test, m.dscr_test, m.concentration_test];
            let over = tests.iter().any(|t| t.consecutive_breach_months > cure);
            prop_assert_eq!(m.in_default, was_in_default || over);
            for t in tests {
                // The count is the number of breached months running, this one included.
                prop_assert_eq!(t.status == TestStatus::Breach, t.consecutive_breach_months > 0);
                prop_assert!(usize::try_from(t.consecutive_breach_months).unwrap() <= i + 1);
            }
            was_in_default = m.in_default;
        }
        if let (Some(breach), Some(default)) = (s.summary.first_breach_month, s.summary.first_default_month) {
            prop_assert!(default >= breach + cure);
        }
    }

    /// Recovery ≤ balance and ≤ liquidation value; recovery + loss = balance; rate in [0, 1].
    #[test]
    fn recoveries_add_up(inputs in loan()) {
        let s = run(&inputs);
        for m in &s.months {
            let r = &m.recovery;
            prop_assert!(r.recovery_usd <= m.balance_usd);
            prop_assert!(r.recovery_usd <= r.liquidation_value_usd);
            prop_assert!(r.liquidation_value_usd >= Decimal::ZERO);
            prop_assert!(r.liquidation_value_usd <= m.collateral_value_usd);
            prop_assert_eq!(r.recovery_usd + r.loss_usd, m.balance_usd);
            match r.recovery_rate {
                Some(rate) => prop_assert!(rate >= Decimal::ZERO && rate <= Decimal::ONE),
                None => prop_assert!(m.balance_usd.is_zero()),
            }
        }
    }

    /// Bad inputs are typed errors naming the field.
    #[test]
    fn bad_inputs_name_the_field(inputs in loan(), which in 0usize..6, bad in 1i64..=1000) {
        let mut inputs = inputs;
        let field = match which {
            0 => { inputs.advance_rate = Decimal::ONE + dec(bad, 3); "advance_rate".to_owned() }
            1 => {
                let last = inputs.balance_usd.len() - 1;
                inputs.balance_usd[last] = dec(-bad, 0);
                format!("balance_usd[{last}]")
            }
            2 => { inputs.covenants.max_ltv = dec(-bad, 2); "covenants.max_ltv".to_owned() }
            3 => { inputs.liquidation.haircut = dec(-bad, 3); "liquidation.haircut".to_owned() }
            4 => { inputs.liquidation.costs_usd = dec(-bad, 0); "liquidation.costs_usd".to_owned() }
            _ => {
                inputs.balance_usd.push(Decimal::ZERO);
                "collateral.value_usd".to_owned()
            }
        };
        prop_assert!(inputs.validate().iter().any(|e| e.field() == field), "{:?}", inputs.validate());
        let err = collateral_schedule(&inputs).unwrap_err();
        prop_assert_eq!(err.code(), ErrorCode::Domain);
    }

    /// No input panics: every call returns a value or an error.
    #[test]
    fn no_input_panics(
        a in any_decimal(), b in any_decimal(), c in any_decimal(),
        values in prop::collection::vec(any_decimal(), 0..6),
        balances in prop::collection::vec(any_decimal(), 0..6),
        cure in any::<u32>(), fleet in any::<bool>(),
    ) {
        let collateral = if fleet {
            CollateralValue::Fleet { gpus: a, capex_usd_per_gpu: b, residual: Curve::Exponential { annual_factor: c } }
        } else {
            CollateralValue::Series { origination_value_usd: a, value_usd: values.clone() }
        };
        let inputs = CollateralInputs {
            collateral,
            advance_rate: c,
            balance_usd: balances,
            covenants: Covenants {
                max_ltv: b,
                dscr: Some(DscrCovenant { minimum_dscr: a, dscr_by_month: values.iter().map(|v| Some(*v)).collect() }),
                concentration: Some(ConcentrationCovenant { maximum_share: c, largest_customer_share_by_month: values }),
                cure_months: cure,
            },
            liquidation: Liquidation { haircut: b, costs_usd: a },
        };
        let _ = collateral_schedule(&inputs);
    }
}

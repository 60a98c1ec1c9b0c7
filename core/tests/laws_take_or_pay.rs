//! Laws of take-or-pay contracts (`gpuecon::models::take_or_pay`), on generated contracts
//! and usage (proptest).

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::Validate;
use gpuecon::models::take_or_pay::{
    BacklogInputs, Commitment, CommitmentUnit, Contract, Escalator, MakeUp, SettleInputs,
    Settlement, Termination, TrueUp, backlog, settle,
};
use gpuecon::{Decimal, ErrorCode};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// Dollar and megawatt commitments are turned into GPU-hours by a division (28 significant
/// digits), so sums taken in another order may differ in the last digits: far below a cent.
fn slack() -> Decimal {
    dec(1, 12)
}

/// `a` and `b` agree to within [`slack`].
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= slack()
}

fn commitment() -> impl Strategy<Value = Commitment> {
    (0u8..3, 0i64..=100_000, 500i64..=2_000).prop_map(|(unit, quantity, kw)| match unit {
        0 => Commitment {
            unit: CommitmentUnit::GpuHours,
            quantity_per_month: dec(quantity, 0),
            kw_per_gpu: None,
        },
        1 => Commitment {
            unit: CommitmentUnit::Megawatts,
            quantity_per_month: dec(quantity, 5),
            kw_per_gpu: Some(dec(kw, 3)),
        },
        _ => Commitment {
            unit: CommitmentUnit::Usd,
            quantity_per_month: dec(quantity * 2, 0),
            kw_per_gpu: None,
        },
    })
}

/// Realistic valid contracts: terms of 1-40 months from months 1-6, prices $0.01-5, every
/// option on or off.
fn contract() -> impl Strategy<Value = Contract> {
    (
        (1u32..=6, 1u32..=40, 1i64..=500, commitment(), 0u8..3),
        (
            prop::option::of(0i64..=600),
            prop::option::of(1u32..=4),
            prop::option::of((0i64..=150_000, prop::option::of(0i64..=800))),
        ),
        (
            prop::collection::vec(0i64..=100, 0..5),
            prop::option::of((-20i64..=20, 1u32..=3)),
            prop::option::of((0u32..40, 0i64..=1_000_000)),
        ),
    )
        .prop_map(|(basic, options, shape)| {
            let (start_month, term_months, price, commitment, true_up) = basic;
            let (shortfall, make_up, cap) = options;
            let (ramp, escalator, termination) = shape;
            let true_up = match true_up {
                0 => TrueUp::Monthly,
                1 => TrueUp::Quarterly,
                _ => TrueUp::Annual,
            };
            Contract {
                name: "generated".to_owned(),
                gpus: dec(100, 0),
                start_month,
                term_months,
                price_usd_per_gpu_hour: dec(price, 2),
                commitment,
                true_up,
                shortfall_price_usd_per_gpu_hour: shortfall.map(|s| dec(s, 2)),
                make_up: make_up.map(|window_periods| MakeUp { window_periods }),
                cap_gpu_hours_per_month: cap.map(|(c, _)| dec(c, 0)),
                overage_price_usd_per_gpu_hour: cap.and_then(|(_, o)| o.map(|o| dec(o, 2))),
                ramp: ramp.into_iter().map(|f| dec(f, 2)).collect(),
                escalator: escalator.map(|(rate, steps)| Escalator {
                    annual_rate: dec(rate, 2),
                    every_months: steps * true_up.months(),
                }),
                termination: termination.map(|(offset, fee)| Termination {
                    month: start_month + offset % term_months,
                    fee_usd: dec(fee, 0),
                }),
            }
        })
}

/// Up to 50 months of usage, 0-150,000 GPU-hours each, some with a decimal.
fn usage() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec((0i64..=1_500_000).prop_map(|u| dec(u, 1)), 0..50)
}

fn bill(contract: &Contract, usage: &[Decimal]) -> Settlement {
    let inputs = SettleInputs {
        contract: contract.clone(),
        usage_gpu_hours: usage.to_vec(),
    };
    assert_valid(&inputs);
    settle(&inputs).unwrap()
}

fn assert_valid(inputs: &SettleInputs) {
    assert_eq!(inputs.validate(), Vec::new());
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
    /// Revenue never falls below the minimum payment of each true-up period: the sum of its
    /// months' ramped, escalated minimum × min(price, shortfall price).
    #[test]
    fn revenue_covers_each_periods_minimum_payment(contract in contract(), usage in usage()) {
        let s = bill(&contract, &usage);
        for period in &s.true_ups {
            prop_assert!(
                period.revenue_usd >= period.minimum_payment_usd - slack(),
                "period {}: revenue {} below minimum payment {}",
                period.period, period.revenue_usd, period.minimum_payment_usd
            );
        }
        prop_assert!(s.totals.revenue_usd >= s.totals.minimum_payment_usd - slack());
    }

    /// Make-up credits: used never exceeds the shortfall paid; the balance is never
    /// negative; expired + used + balance = earned, month by month; nothing is left at the end.
    #[test]
    fn make_up_credits_are_accounted_for(contract in contract(), usage in usage()) {
        let s = bill(&contract, &usage);
        let (mut shortfall, mut earned, mut used, mut expired) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for m in &s.months {
            shortfall += m.shortfall_gpu_hours;
            earned += m.make_up_earned_gpu_hours;
            used += m.make_up_used_gpu_hours;
            expired += m.make_up_expired_gpu_hours;
            prop_assert!(m.make_up_balance_gpu_hours >= Decimal::ZERO);
            prop_assert!(used <= shortfall + slack());
            prop_assert!(earned <= shortfall + slack());
            prop_assert!(close(expired + used + m.make_up_balance_gpu_hours, earned));
            if contract.make_up.is_none() {
                prop_assert_eq!(earned, Decimal::ZERO);
            }
        }
        let last = s.months.last().unwrap();
        prop_assert_eq!(last.make_up_balance_gpu_hours, Decimal::ZERO);
        prop_assert!(close(s.totals.make_up_earned_gpu_hours, used + expired));
    }

    /// Each month's revenue is the sum of its items, and the totals the sums of the months;
    /// one row per month served.
    #[test]
    fn rows_add_up(contract in contract(), usage in usage()) {
        let s = bill(&contract, &usage);
        prop_assert_eq!(s.months.len(), usize::try_from(contract.last_month() - contract.start_month + 1).unwrap());
        let mut revenue = Decimal::ZERO;
        for m in &s.months {
            prop_assert_eq!(
                m.revenue_usd,
                m.usage_billed_usd + m.overage_usd + m.shortfall_paid_usd + m.termination_fee_usd
            );
            prop_assert!(m.billed_gpu_hours >= Decimal::ZERO);
            revenue += m.revenue_usd;
        }
        prop_assert_eq!(s.totals.revenue_usd, revenue);
    }

    /// The backlog's present value never exceeds the remaining minimum for r ≥ 0, equals it
    /// at r = 0, and from month 0 the remaining minimum is the settlement's minimum
    /// payments plus the termination fee.
    #[test]
    fn backlog_pv_is_at_most_the_remaining_minimum(
        contract in contract(), as_of in 0u32..50, rate in 0i64..=500,
    ) {
        let inputs = BacklogInputs {
            contract: contract.clone(),
            as_of_month: as_of,
            annual_discount_rate: dec(rate, 3),
        };
        let value = backlog(&inputs).unwrap();
        prop_assert!(value.present_value_usd <= value.remaining_minimum_usd);
        prop_assert!(value.present_value_usd >= Decimal::ZERO);
        let undiscounted = backlog(&BacklogInputs { annual_discount_rate: Decimal::ZERO, ..inputs }).unwrap();
        prop_assert!(close(undiscounted.present_value_usd, undiscounted.remaining_minimum_usd));

        let whole = backlog(&BacklogInputs {
            contract: contract.clone(),
            as_of_month: 0,
            annual_discount_rate: Decimal::ZERO,
        })
        .unwrap();
        let s = bill(&contract, &[]);
        let fee = contract.termination.map_or(Decimal::ZERO, |t| t.fee_usd);
        prop_assert!(close(whole.remaining_minimum_usd, s.totals.minimum_payment_usd + fee));
        prop_assert_eq!(usize::try_from(whole.months_remaining).unwrap(), s.months.len());
    }

    /// Bad inputs are typed errors naming the field.
    #[test]
    fn bad_inputs_name_the_field(
        contract in contract(), usage in usage(), which in 0usize..9, bad in 1i64..=1000,
    ) {
        let mut inputs = SettleInputs { contract, usage_gpu_hours: usage };
        let c = &mut inputs.contract;
        let field = match which {
            0 => { c.price_usd_per_gpu_hour = dec(-bad, 2); "contract.price_usd_per_gpu_hour".to_owned() }
            1 => { c.commitment.quantity_per_month = dec(-bad, 0); "contract.commitment.quantity_per_month".to_owned() }
            2 => { c.term_months = 0; "contract.term_months".to_owned() }
            3 => { c.start_month = 0; "contract.start_month".to_owned() }
            4 => {
                c.termination = Some(Termination { month: c.start_month + c.term_months, fee_usd: Decimal::ZERO });
                "contract.termination.month".to_owned()
            }
            5 => {
                c.ramp.push(Decimal::ONE + dec(bad, 3));
                format!("contract.ramp[{}]", c.ramp.len() - 1)
            }
            6 => { c.make_up = Some(MakeUp { window_periods: 0 }); "contract.make_up.window_periods".to_owned() }
            7 => {
                c.shortfall_price_usd_per_gpu_hour = Some(dec(-bad, 2));
                "contract.shortfall_price_usd_per_gpu_hour".to_owned()
            }
            _ => {
                inputs.usage_gpu_hours.push(dec(-bad, 1));
                format!("usage_gpu_hours[{}]", inputs.usage_gpu_hours.len() - 1)
            }
        };
        prop_assert!(inputs.validate().iter().any(|e| e.field() == field), "{:?}", inputs.validate());
        let err = settle(&inputs).unwrap_err();
        prop_assert_eq!(err.code(), ErrorCode::Domain);
        if which < 8 {
            // The contract's own fields come first in field order.
            prop_assert_eq!(err.field(), field);
        }
    }

    /// No input panics: every call returns a value or an error.
    #[test]
    fn no_input_panics(
        a in any_decimal(), b in any_decimal(), c in any_decimal(), e in any_decimal(),
        months in (any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>()),
        unit in 0u8..3, true_up in 0u8..3, usage in prop::collection::vec(any_decimal(), 0..8),
    ) {
        let contract = Contract {
            name: String::new(),
            gpus: a,
            start_month: months.0 % 1300,
            term_months: months.1 % 1300,
            price_usd_per_gpu_hour: b,
            commitment: Commitment {
                unit: [CommitmentUnit::GpuHours, CommitmentUnit::Megawatts, CommitmentUnit::Usd][usize::from(unit)],
                quantity_per_month: c,
                kw_per_gpu: Some(e),
            },
            true_up: [TrueUp::Monthly, TrueUp::Quarterly, TrueUp::Annual][usize::from(true_up)],
            shortfall_price_usd_per_gpu_hour: Some(e),
            make_up: Some(MakeUp { window_periods: months.2 }),
            cap_gpu_hours_per_month: Some(c),
            overage_price_usd_per_gpu_hour: Some(a),
            ramp: vec![e, a],
            escalator: Some(Escalator { annual_rate: e, every_months: months.3 % 30 }),
            termination: Some(Termination { month: months.4 % 1300, fee_usd: a }),
        };
        let _ = settle(&SettleInputs { contract: contract.clone(), usage_gpu_hours: usage });
        let _ = backlog(&BacklogInputs { contract, as_of_month: months.4, annual_discount_rate: b });
    }

    /// Huge but valid amounts overflow into errors, never panics.
    #[test]
    fn huge_amounts_are_errors_or_values(
        contract in contract(), scale in 0u32..=28, usage in prop::collection::vec(any_decimal(), 0..6),
    ) {
        let mut contract = contract;
        contract.price_usd_per_gpu_hour = Decimal::MAX / Decimal::from(10u64.pow(scale.min(19)));
        let usage: Vec<Decimal> = usage.into_iter().map(|u| u.abs()).collect();
        let _ = settle(&SettleInputs { contract: contract.clone(), usage_gpu_hours: usage });
        let _ = backlog(&BacklogInputs { contract, as_of_month: 0, annual_discount_rate: Decimal::ONE });
    }
}

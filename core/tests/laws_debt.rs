//! Laws of debt schedules (`gpuecon::models::debt`), on generated loans (proptest).
//!
//! Every amount of a schedule is kept to 12 decimal places, so the balance laws are exact:
//! the balance reaches zero at maturity *exactly* (the last month repays what is owed),
//! never goes negative, and the principal repaid is exactly the amount drawn plus the
//! interest capitalized. Sculpted debt service is exactly `CFADS ÷ target DSCR` (that
//! quotient, rounded once to 12 places) in every month before the loan is repaid.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::Validate;
use gpuecon::models::debt::{
    Amortization, CreditTier, DEBT_DECIMAL_PLACES, DebtCapacityInputs, DebtSchedule, DrawSchedule,
    Fees, Interest, LoanInputs, SCULPT_TOLERANCE_USD, debt_schedule, sculpted_debt_capacity,
};
use gpuecon::{Decimal, units};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

fn tier() -> impl Strategy<Value = CreditTier> {
    prop_oneof![
        Just(CreditTier::NamedInvestmentGrade),
        Just(CreditTier::OtherInvestmentGrade),
        Just(CreditTier::SubInvestmentGrade),
    ]
}

/// Fixed rates from −50 % to 30 % (in basis points), or a SOFR path of 1-12 values from 0 to
/// 8 % with a tier, sometimes an explicit spread. `min_bp` bounds every rate from below.
fn interest(min_bp: i64) -> impl Strategy<Value = Interest> {
    prop_oneof![
        (min_bp..=3_000).prop_map(|bp| Interest::Fixed {
            annual_rate: dec(bp, 4)
        }),
        (
            prop::collection::vec(0i64..=800, 1..12),
            tier(),
            prop::option::of(0i64..=1_500),
        )
            .prop_map(|(sofr, credit_tier, spread)| Interest::Floating {
                sofr_annual_rates: sofr.into_iter().map(|bp| dec(bp, 4)).collect(),
                credit_tier,
                spread_annual_rate: spread.map(|bp| dec(bp, 4)),
                sofr_floor_annual_rate: None,
            }),
    ]
}

/// A tenor of 1-60 months and a capitalization period before it.
fn term() -> impl Strategy<Value = (u32, u32)> {
    (1u32..=60).prop_flat_map(|tenor| (Just(tenor), 0..tenor))
}

/// Draws within the first `months` months (at most 8), adding up to at most the commitment.
fn draws(months: u32) -> impl Strategy<Value = DrawSchedule> {
    let months = usize::try_from(months.min(8)).unwrap();
    prop_oneof![
        Just(DrawSchedule::AtClose),
        prop::collection::vec(0i64..=100, 1..=months).prop_map(|weights| {
            // Shares of at most 1 in all: each weight over their sum, truncated.
            let total: i64 = weights.iter().sum::<i64>().max(1);
            DrawSchedule::Shares {
                of_commitment: weights.iter().map(|w| dec(w * 10_000 / total, 4)).collect(),
            }
        }),
    ]
}

/// Fees of 0-3 % upfront and 0-1 % a year on undrawn amounts.
fn fees() -> impl Strategy<Value = Fees> {
    (0i64..=300, 0i64..=100).prop_map(|(upfront, commitment)| Fees {
        upfront_fee_share_of_commitment: dec(upfront, 4),
        commitment_fee_annual_rate: dec(commitment, 4),
    })
}

/// Level, straight or bullet loans of $1,000 to $10 billion.
fn loan() -> impl Strategy<Value = LoanInputs> {
    term()
        .prop_flat_map(|(tenor, capitalize)| {
            (
                Just((tenor, capitalize)),
                1_000i64..=10_000_000_000,
                draws(tenor),
                interest(-5_000),
                0u8..3,
                fees(),
            )
        })
        .prop_map(
            |((tenor, capitalize), commitment, draws, interest, method, fees)| {
                let amortization = match method {
                    0 => Amortization::LevelPayment,
                    1 => Amortization::Straight,
                    _ => Amortization::Bullet,
                };
                LoanInputs {
                    commitment_usd: dec(commitment, 0),
                    tenor_months: tenor,
                    capitalize_until_month: capitalize,
                    draws,
                    availability_months: None,
                    interest,
                    amortization,
                    fees,
                    start_date: None,
                    day_count: None,
                    swap: None,
                    cap: None,
                }
            },
        )
        .prop_filter("drawn", |l| l.validate().is_empty())
}

/// A sculpted loan at a share (10-100 %) of its capacity, rates at least 0: CFADS of
/// −$10,000 to $1,000,000 a month, target DSCR 1.00-2.00. Its draws fall before its first
/// debt service (by the month after the capitalization period): the capacity is the value
/// at the close of every month's target service, and a loan drawn later misses the
/// service of the months before it.
fn sculpted_loan() -> impl Strategy<Value = LoanInputs> {
    term()
        .prop_flat_map(|(tenor, capitalize)| {
            let months = usize::try_from(tenor).unwrap();
            (
                Just((tenor, capitalize)),
                prop::collection::vec(-10_000i64..=1_000_000, months..=months + 2),
                100i64..=200,
                interest(0),
                10i64..=100,
                draws(capitalize + 1),
                fees(),
            )
        })
        .prop_filter_map(
            "capacity above 0",
            |((tenor, capitalize), cfads, dscr, interest, share, draws, fees)| {
                let cfads: Vec<_> = cfads.into_iter().map(|c| dec(c, 0)).collect();
                let target_dscr = dec(dscr, 2);
                let capacity = sculpted_debt_capacity(&DebtCapacityInputs {
                    cfads_usd: cfads.clone(),
                    target_dscr,
                    interest: interest.clone(),
                    tenor_months: tenor,
                    capitalize_until_month: capitalize,
                    start_date: None,
                    day_count: None,
                    swap: None,
                    cap: None,
                })
                .unwrap()
                .debt_capacity_usd;
                let commitment = units::keep(capacity * dec(share, 2), DEBT_DECIMAL_PLACES);
                let loan = LoanInputs {
                    commitment_usd: commitment,
                    tenor_months: tenor,
                    capitalize_until_month: capitalize,
                    draws,
                    availability_months: None,
                    interest,
                    amortization: Amortization::Sculpted {
                        cfads_usd: cfads,
                        target_dscr,
                    },
                    fees,
                    start_date: None,
                    day_count: None,
                    swap: None,
                    cap: None,
                };
                loan.validate().is_empty().then_some(loan)
            },
        )
}

/// The balance laws every schedule keeps, exactly.
fn assert_balances(s: &DebtSchedule, tenor: u32) -> Result<(), TestCaseError> {
    prop_assert_eq!(s.months.len(), usize::try_from(tenor).unwrap());
    let mut opening = Decimal::ZERO;
    let (mut drawn, mut capitalized, mut principal) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for m in &s.months {
        prop_assert_eq!(m.opening_balance_usd, opening);
        prop_assert_eq!(
            m.closing_balance_usd,
            m.opening_balance_usd + m.draw_usd + m.capitalized_interest_usd - m.principal_usd
        );
        prop_assert!(m.closing_balance_usd >= Decimal::ZERO, "month {}", m.month);
        prop_assert!(m.principal_usd >= Decimal::ZERO);
        prop_assert_eq!(m.debt_service_usd, m.interest_paid_usd + m.principal_usd);
        opening = m.closing_balance_usd;
        drawn += m.draw_usd;
        capitalized += m.capitalized_interest_usd;
        principal += m.principal_usd;
    }
    // Zero at maturity, exactly; everything drawn or capitalized is repaid, exactly.
    prop_assert_eq!(opening, Decimal::ZERO);
    prop_assert_eq!(principal, drawn + capitalized);
    prop_assert_eq!(
        s.totals.principal_usd,
        s.totals.drawn_usd + s.totals.capitalized_interest_usd
    );
    prop_assert!(s.maturity_month >= 1 && s.maturity_month <= tenor);
    Ok(())
}

/// The total interest of `loan` with its floating spread raised by `extra` basis points.
fn interest_with_extra_spread(loan: &LoanInputs, extra: i64) -> Option<Decimal> {
    let mut loan = loan.clone();
    let raised = match &loan.interest {
        Interest::Fixed { annual_rate } => Interest::Fixed {
            annual_rate: annual_rate + dec(extra, 4),
        },
        Interest::Floating {
            sofr_annual_rates,
            credit_tier,
            ..
        } => Interest::Floating {
            sofr_annual_rates: sofr_annual_rates.clone(),
            credit_tier: *credit_tier,
            spread_annual_rate: Some(loan.interest.spread().unwrap() + dec(extra, 4)),
            sofr_floor_annual_rate: None,
        },
    };
    loan.interest = raised;
    debt_schedule(&loan).ok().map(|s| s.totals.interest_usd)
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
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Level, straight and bullet loans: the balance laws; nothing paid while interest is
    /// capitalized; between draws, the same debt service every month of a fixed-rate level
    /// loan and the same principal of a straight one (to the month before maturity); no
    /// principal before maturity for a bullet.
    #[test]
    fn balances_reach_zero_at_maturity_exactly(loan in loan()) {
        let s = debt_schedule(&loan).unwrap();
        assert_balances(&s, loan.tenor_months)?;
        prop_assert_eq!(s.maturity_month, loan.tenor_months);
        let fixed = matches!(loan.interest, Interest::Fixed { .. });
        for (before, m) in s.months.iter().zip(&s.months[1..]) {
            let amortizing = before.month > loan.capitalize_until_month;
            // Between two draws, the installment set at the start of amortization holds.
            let same_installment = amortizing && m.month < loan.tenor_months && m.draw_usd.is_zero();
            match loan.amortization {
                Amortization::LevelPayment if same_installment && fixed => {
                    prop_assert_eq!(m.debt_service_usd, before.debt_service_usd, "month {}", m.month);
                }
                Amortization::Straight if same_installment => {
                    prop_assert_eq!(m.principal_usd, before.principal_usd, "month {}", m.month);
                }
                Amortization::Bullet if m.month < loan.tenor_months => {
                    prop_assert_eq!(m.principal_usd, Decimal::ZERO);
                }
                _ => {}
            }
        }
        for m in s.months.iter().filter(|m| m.month <= loan.capitalize_until_month) {
            prop_assert_eq!(m.debt_service_usd, Decimal::ZERO);
            prop_assert_eq!(m.capitalized_interest_usd, m.interest_usd);
        }
    }

    /// Sculpted loans at or below their capacity are repaid, and their debt service is
    /// exactly CFADS ÷ target DSCR (rounded once to 12 places) in every month after the
    /// capitalization period while the loan is outstanding, so DSCR = target; the month
    /// that repays it services no more than that plus a cent (a payment within a cent of
    /// the balance repays it, and maturity may need up to a cent more).
    #[test]
    fn sculpted_service_keeps_the_dscr_at_target(loan in sculpted_loan()) {
        let s = debt_schedule(&loan).unwrap();
        assert_balances(&s, loan.tenor_months)?;
        let Amortization::Sculpted { cfads_usd, target_dscr } = &loan.amortization else {
            unreachable!()
        };
        for (m, cfads) in s.months.iter().zip(cfads_usd) {
            if m.month <= loan.capitalize_until_month {
                continue;
            }
            let target = units::keep((*cfads).max(Decimal::ZERO) / target_dscr, DEBT_DECIMAL_PLACES);
            if m.month < loan.tenor_months && m.closing_balance_usd > Decimal::ZERO {
                prop_assert_eq!(m.debt_service_usd, target, "month {}", m.month);
                if !target.is_zero() {
                    let dscr = cfads / m.debt_service_usd;
                    prop_assert!((dscr - target_dscr).abs() <= dec(1, 9), "DSCR {dscr}");
                }
            } else {
                prop_assert!(
                    m.debt_service_usd <= target + SCULPT_TOLERANCE_USD,
                    "month {}: service {} above target {} by more than a cent",
                    m.month, m.debt_service_usd, target
                );
            }
        }
    }

    /// A higher spread (or fixed rate) never lowers the interest of a loan that still
    /// repays.
    #[test]
    fn a_higher_spread_never_lowers_interest(
        loan in prop_oneof![loan(), sculpted_loan()], extra in 1i64..=500,
    ) {
        let base = debt_schedule(&loan).unwrap().totals.interest_usd;
        if let Some(raised) = interest_with_extra_spread(&loan, extra) {
            prop_assert!(raised >= base, "{raised} < {base}");
        }
    }

    /// The lender's all-in cost of a fixed-rate loan without fees is its own rate: the IRR
    /// of its flows is `annual_rate / 12` a month.
    #[test]
    fn all_in_cost_without_fees_is_the_loan_rate(mut loan in loan()) {
        loan.fees = Fees::default();
        let Interest::Fixed { annual_rate } = loan.interest else {
            return Ok(());
        };
        let s = debt_schedule(&loan).unwrap();
        let monthly = s.all_in_monthly_rate.unwrap();
        prop_assert!((monthly - annual_rate / Decimal::from(12)).abs() <= dec(1, 8), "{monthly}");
    }

    /// Any input at all gives a schedule or an error naming a field; nothing panics.
    #[test]
    fn never_panics(
        commitment in any_decimal(), tenor in 0u32..=1_300, capitalize in 0u32..=1_300,
        values in prop::collection::vec(any_decimal(), 0..6), rate in any_decimal(),
        dscr in any_decimal(), method in 0u8..4, shares in any::<bool>(),
        availability in prop::option::of(0u32..=1_300), fee in any_decimal(),
    ) {
        let amortization = match method {
            0 => Amortization::LevelPayment,
            1 => Amortization::Straight,
            2 => Amortization::Bullet,
            _ => Amortization::Sculpted { cfads_usd: values.clone(), target_dscr: dscr },
        };
        let draws = if shares {
            DrawSchedule::Shares { of_commitment: values.clone() }
        } else {
            DrawSchedule::Amounts { usd: values.clone() }
        };
        let loan = LoanInputs {
            commitment_usd: commitment,
            tenor_months: tenor.min(120),
            capitalize_until_month: capitalize,
            draws,
            availability_months: availability,
            interest: Interest::Fixed { annual_rate: rate },
            amortization,
            fees: Fees { upfront_fee_share_of_commitment: fee, commitment_fee_annual_rate: fee },
            start_date: None,
            day_count: None,
            swap: None,
            cap: None,
        };
        if let Err(err) = debt_schedule(&loan) {
            prop_assert!(!err.field().is_empty());
        }
        let capacity = sculpted_debt_capacity(&DebtCapacityInputs {
            cfads_usd: values,
            target_dscr: dscr,
            interest: Interest::Floating {
                sofr_annual_rates: vec![rate],
                credit_tier: CreditTier::SubInvestmentGrade,
                spread_annual_rate: Some(fee),
                sofr_floor_annual_rate: None,
            },
            tenor_months: tenor,
            capitalize_until_month: capitalize,
            start_date: None,
            day_count: None,
            swap: None,
            cap: None,
        });
        if let Err(err) = capacity {
            prop_assert!(!err.field().is_empty());
        }
    }
}

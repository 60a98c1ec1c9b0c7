//! Laws of customer concentration (`gpuecon::models::concentration`), on generated revenue
//! books (proptest):
//!
//! - the HHI lies in [1/n, 1] for n customers, and equal shares give exactly the decimal
//!   nearest 1/n; it is at most the top-1 share (Σ s² ≤ max s · Σ s);
//! - top-1 ≤ top-3 ≤ 1, exactly; the HHI points are 10,000 × HHI; the shares add up to 1;
//! - a counterparty is flagged exactly when it has two or more of investor, supplier and
//!   customer (revenue making it a customer);
//! - bad inputs give a typed error naming the field; arbitrary inputs never panic.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::models::Validate;
use gpuecon::models::concentration::{
    ConcentrationInputs, Counterparty, Role, customer_concentration,
};
use gpuecon::{Decimal, ErrorCode};
use proptest::prelude::*;

/// A decimal `mantissa × 10^−scale`.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// Far below any share that matters: 28-digit divisions round in the last place.
fn slack() -> Decimal {
    dec(1, 26)
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Investor),
        Just(Role::Supplier),
        Just(Role::Customer),
        Just(Role::Lender)
    ]
}

/// 1-40 counterparties with revenue of $0-10B in cents (at least one above 0), 0-4 roles each.
fn book() -> impl Strategy<Value = ConcentrationInputs> {
    (
        prop::collection::vec(
            (
                prop_oneof![1 => Just(0i64), 4 => 1i64..=1_000_000_000_000],
                prop::collection::vec(role(), 0..4),
            ),
            1..40,
        ),
        1i64..=1_000_000_000,
        0i64..=100,
    )
        .prop_map(|(parties, first_revenue, recovery)| {
            let counterparties = parties
                .into_iter()
                .enumerate()
                .map(|(i, (revenue, roles))| Counterparty {
                    name: format!("party {i}"),
                    revenue_usd: dec(if i == 0 { first_revenue } else { revenue }, 2),
                    roles,
                })
                .collect();
            ConcentrationInputs {
                counterparties,
                default_recovery_rate: dec(recovery, 2),
            }
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
    /// 1/n ≤ HHI ≤ top-1 ≤ top-3 ≤ 1 (HHI's bounds to the last digit of a division).
    #[test]
    fn hhi_and_top_shares_are_ordered(inputs in book()) {
        assert_eq!(inputs.validate(), Vec::new());
        let c = customer_concentration(&inputs).unwrap();
        let n = Decimal::from(c.customers.len());
        prop_assert!(c.hhi >= Decimal::ONE / n - slack(), "hhi {} below 1/{n}", c.hhi);
        prop_assert!(c.hhi <= Decimal::ONE);
        prop_assert!(c.hhi <= c.top1_share + slack());
        prop_assert!(c.top1_share <= c.top3_share);
        prop_assert!(c.top3_share <= Decimal::ONE);
        prop_assert_eq!(c.hhi_points, c.hhi * Decimal::from(10_000));
        let shares: Decimal = c.customers.iter().map(|s| s.share).sum();
        prop_assert!((shares - Decimal::ONE).abs() <= slack());
        prop_assert_eq!(c.top1_share, c.customers[0].share);
        for pair in c.customers.windows(2) {
            prop_assert!(pair[0].revenue_usd >= pair[1].revenue_usd);
        }
        prop_assert!(c.default_loss_usd <= c.revenue_at_risk_usd);
        prop_assert_eq!(c.revenue_at_risk_usd, c.customers[0].revenue_usd);
    }

    /// n customers with the same revenue: HHI is exactly `1 / n` as a Decimal.
    #[test]
    fn equal_shares_give_exactly_one_over_n(n in 1usize..=200, revenue in 1i64..=100_000_000_000, scale in 0u32..=4) {
        let inputs = ConcentrationInputs {
            counterparties: (0..n)
                .map(|i| Counterparty { name: format!("c{i}"), revenue_usd: dec(revenue, scale), roles: vec![] })
                .collect(),
            default_recovery_rate: Decimal::ZERO,
        };
        let c = customer_concentration(&inputs).unwrap();
        prop_assert_eq!(c.hhi, Decimal::ONE / Decimal::from(n));
        prop_assert_eq!(c.top1_share, Decimal::ONE / Decimal::from(n));
    }

    /// Flagged exactly when two or more of investor, supplier, customer.
    #[test]
    fn circular_flags_follow_the_roles(inputs in book()) {
        let c = customer_concentration(&inputs).unwrap();
        let mut flags = c.circular.iter();
        for party in &inputs.counterparties {
            let has = |r: Role| party.roles.contains(&r) || (r == Role::Customer && party.revenue_usd > Decimal::ZERO);
            let sides = [Role::Investor, Role::Supplier, Role::Customer].into_iter().filter(|r| has(*r)).count();
            if sides >= 2 {
                let flag = flags.next().unwrap();
                prop_assert_eq!(&flag.name, &party.name);
                prop_assert_eq!(flag.revenue_usd, party.revenue_usd);
                prop_assert!(flag.roles.windows(2).all(|w| w[0] < w[1]));
            }
        }
        prop_assert!(flags.next().is_none());
    }

    /// Bad inputs are typed errors naming the field.
    #[test]
    fn bad_inputs_name_the_field(inputs in book(), which in 0usize..3, bad in 1i64..=1000) {
        let mut inputs = inputs;
        let last = inputs.counterparties.len() - 1;
        let field = match which {
            0 => { inputs.counterparties[last].revenue_usd = dec(-bad, 0); format!("counterparties[{last}].revenue_usd") }
            1 => {
                inputs.counterparties.push(Counterparty { name: "party 0".to_owned(), revenue_usd: Decimal::ONE, roles: vec![] });
                format!("counterparties[{}].name", last + 1)
            }
            _ => { inputs.default_recovery_rate = Decimal::ONE + dec(bad, 3); "default_recovery_rate".to_owned() }
        };
        let err = customer_concentration(&inputs).unwrap_err();
        prop_assert_eq!((err.code(), err.field()), (ErrorCode::Domain, field.as_str()));
    }

    /// No input panics: every call returns a value or an error.
    #[test]
    fn no_input_panics(revenues in prop::collection::vec(any_decimal(), 0..6), rate in any_decimal()) {
        let inputs = ConcentrationInputs {
            counterparties: revenues
                .into_iter()
                .enumerate()
                .map(|(i, revenue_usd)| Counterparty { name: format!("{}", i % 3), revenue_usd, roles: vec![Role::Investor] })
                .collect(),
            default_recovery_rate: rate,
        };
        let _ = customer_concentration(&inputs);
    }
}

//! Laws of the tax model (`gpuecon::models::tax`), on generated boxes (proptest): taxes
//! are never negative, the NOL balance and the interest carried forward never negative,
//! a zero rate taxes nothing, and the installments of a year add up to its tax.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::Decimal;
use gpuecon::models::tax::{TaxInputs, Taxes, tax_schedule};
use proptest::prelude::*;

/// A share in [0, 1] with `places` decimals.
fn share(places: u32) -> impl Strategy<Value = Decimal> {
    let top = 10i64.pow(places);
    (0..=top).prop_map(move |n| Decimal::new(n, places))
}

fn taxes() -> impl Strategy<Value = Taxes> {
    (
        share(2),
        share(2),
        share(2),
        prop::sample::select(vec![3u32, 5, 7, 10, 15, 20]),
        share(2),
        share(3),
    )
        .prop_map(|(rate, limit, nol, years, bonus, property)| Taxes {
            income_tax_rate: rate,
            interest_limit_share_of_ebitda: limit,
            nol_limit_share_of_taxable_income: nol,
            macrs_recovery_years: years,
            bonus_depreciation_share: bonus,
            property_tax_rate: property,
        })
}

/// A box of 1-60 months: EBITDA of any sign, interest, and a few placements.
fn inputs() -> impl Strategy<Value = TaxInputs> {
    (1usize..=60).prop_flat_map(|months| {
        (
            prop::collection::vec(-2_000_000i64..5_000_000, months),
            prop::collection::vec(0i64..1_000_000, 0..=months),
            prop::collection::vec(0i64..20_000_000, 0..=months.min(6)),
            taxes(),
        )
            .prop_map(|(ebitda, interest, placed, taxes)| TaxInputs {
                ebitda_usd: ebitda.into_iter().map(Decimal::from).collect(),
                interest_usd: interest.into_iter().map(Decimal::from).collect(),
                placed_in_service_usd: placed.into_iter().map(Decimal::from).collect(),
                taxes,
            })
    })
}

proptest! {
    #[test]
    fn taxes_and_balances_are_never_negative(inputs in inputs()) {
        let s = tax_schedule(&inputs).unwrap();
        prop_assert_eq!(s.months.len(), inputs.ebitda_usd.len());
        for m in &s.months {
            prop_assert!(m.income_tax_usd >= Decimal::ZERO);
            prop_assert!(m.property_tax_usd >= Decimal::ZERO);
            prop_assert_eq!(m.taxes_usd, m.income_tax_usd + m.property_tax_usd);
        }
        for y in &s.years {
            prop_assert!(y.nol_balance_usd >= Decimal::ZERO);
            prop_assert!(y.nol_used_usd >= Decimal::ZERO);
            prop_assert!(y.interest_carried_forward_usd >= Decimal::ZERO);
            prop_assert!(y.taxable_income_usd >= Decimal::ZERO);
            prop_assert!(y.income_tax_usd >= Decimal::ZERO);
            // The installments of the year add up to its tax exactly.
            let paid: Decimal = s
                .months
                .iter()
                .filter(|m| (y.first_month..=y.last_month).contains(&m.month))
                .map(|m| m.income_tax_usd)
                .sum();
            prop_assert_eq!(paid, y.income_tax_usd);
        }
    }

    #[test]
    fn a_zero_rate_taxes_nothing(mut inputs in inputs()) {
        inputs.taxes.income_tax_rate = Decimal::ZERO;
        inputs.taxes.property_tax_rate = Decimal::ZERO;
        let s = tax_schedule(&inputs).unwrap();
        prop_assert!(s.months.iter().all(|m| m.taxes_usd.is_zero()));
        prop_assert!(s.totals.taxes_usd.is_zero());
    }

    #[test]
    fn depreciation_never_exceeds_the_cost(inputs in inputs()) {
        let s = tax_schedule(&inputs).unwrap();
        let cost: Decimal = inputs.placed_in_service_usd.iter().sum();
        let taken: Decimal = s
            .years
            .iter()
            .map(|y| y.bonus_depreciation_usd + y.macrs_depreciation_usd)
            .sum();
        prop_assert!(taken <= cost + Decimal::new(1, 9), "{taken} > {cost}");
    }
}

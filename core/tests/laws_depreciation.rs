//! Laws of the depreciation functions, checked on generated inputs (proptest):
//!
//! - SYD over periods `1..=life` (a whole life) sums to `cost − salvage`;
//! - VDB with the switch to straight line, year by year over the whole life, and in one
//!   call over `[0, life]`, sums to `cost − salvage` (whole and fractional lives);
//! - VDB is additive: `VDB(a, b) + VDB(b, c) = VDB(a, c)`, fractional points included;
//! - VDB of one whole period without the switch is DDB of that period;
//! - DDB never takes the book value below salvage and never goes negative; its sum over the
//!   life is at most `cost − salvage` (it reaches it only when the decline is fast enough:
//!   with salvage 0 a geometric decline never gets there);
//! - DB: every period is at least 0 and the total over the life (plus the part year) at
//!   most `cost`; it does not end at salvage exactly, because Excel rounds its rate to
//!   three decimals;
//! - MACRS: each schedule sums to the cost exactly, and each published rate is within the
//!   table's rounding (0.01 %, 0.001 % for 20-year property) of the rate the method itself
//!   gives (200 % or 150 % declining balance switching to straight line, half-year
//!   convention), computed here independently in exact rational arithmetic;
//! - arbitrary inputs, extremes included, give `Ok` or `Err`, never a panic.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::{
    Decimal,
    finance::{self, MacrsClass},
};
use proptest::prelude::*;

/// Money with cents, from 1 dollar to `max`.
fn money(max: i64) -> impl Strategy<Value = Decimal> {
    (100_i64..=max * 100).prop_map(|c| Decimal::new(c, 2))
}

/// A cost and a salvage value of 0 to 50 % of it.
fn cost_and_salvage() -> impl Strategy<Value = (Decimal, Decimal)> {
    (money(10_000_000), 0_i64..=500)
        .prop_map(|(cost, per_mille)| (cost, (cost * Decimal::new(per_mille, 3)).round_dp(2)))
}

/// `|a − b| ≤ relative·scale + 1e-18`.
fn close(a: Decimal, b: Decimal, relative: &str, scale: Decimal) -> bool {
    let relative = Decimal::from_scientific(relative).unwrap();
    (a - b).abs() <= relative * scale.abs() + Decimal::new(1, 18)
}

/// A declining factor from 0.5 to 3 (1.5 and 2 most often).
fn factor() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        2 => Just(Decimal::TWO),
        1 => Just(Decimal::new(15, 1)),
        1 => (5_i64..=30).prop_map(|m| Decimal::new(m, 1)),
    ]
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0_u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
        3 => (-2_000_i64..2_000, 0_u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::ONE),
        1 => Just(Decimal::NEGATIVE_ONE),
        1 => Just(Decimal::new(1, 28)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn syd_sums_to_the_depreciable_amount((cost, salvage) in cost_and_salvage(), life in 1_i64..=50) {
        let life = Decimal::from(life);
        let mut total = Decimal::ZERO;
        let mut per = Decimal::ONE;
        while per <= life {
            total += finance::syd(cost, salvage, life, per).unwrap();
            per += Decimal::ONE;
        }
        prop_assert!(close(total, cost - salvage, "1e-20", cost), "Σ SYD = {total}");
    }

    #[test]
    fn vdb_with_the_switch_reaches_salvage(
        (cost, salvage) in cost_and_salvage(),
        whole in 1_i64..=40,
        tenths in 0_i64..=9,
        factor in factor(),
    ) {
        // Lives such as 12 or 12.7 years.
        let life = Decimal::from(whole) + Decimal::new(tenths, 1);
        let mut total = Decimal::ZERO;
        let mut start = Decimal::ZERO;
        while start < life {
            let end = (start + Decimal::ONE).min(life);
            total += finance::vdb(cost, salvage, life, start, end, Some(factor), None).unwrap();
            start = end;
        }
        prop_assert!(close(total, cost - salvage, "1e-15", cost), "Σ VDB = {total}, cost − salvage = {}", cost - salvage);
        let at_once = finance::vdb(cost, salvage, life, Decimal::ZERO, life, Some(factor), None).unwrap();
        prop_assert!(close(at_once, cost - salvage, "1e-15", cost), "VDB(0, life) = {at_once}");
    }

    #[test]
    fn vdb_is_additive(
        (cost, salvage) in cost_and_salvage(),
        life in 2_i64..=30,
        points in prop::collection::vec(0_i64..=1_000, 3),
        factor in factor(),
        no_switch in any::<bool>(),
    ) {
        let life = Decimal::from(life);
        // Three points in [0, life], on a grid of quarters (fractions included).
        let mut quarters: Vec<Decimal> = points
            .iter()
            .map(|p| (life * Decimal::new(*p, 3) * Decimal::from(4)).floor() / Decimal::from(4))
            .collect();
        quarters.sort();
        let (a, b, c) = (quarters[0], quarters[1], quarters[2]);
        let vdb = |from, to| finance::vdb(cost, salvage, life, from, to, Some(factor), Some(no_switch)).unwrap();
        let (left, right, whole) = (vdb(a, b), vdb(b, c), vdb(a, c));
        prop_assert!(close(left + right, whole, "1e-15", cost), "{left} + {right} ≠ {whole} on [{a}, {b}, {c}]");
    }

    #[test]
    fn vdb_without_the_switch_is_ddb_period_by_period(
        (cost, salvage) in cost_and_salvage(),
        life in 1_i64..=40,
        period in 1_i64..=40,
        factor in factor(),
    ) {
        let (life, period) = (Decimal::from(life), Decimal::from(period.min(life)));
        let one = finance::vdb(cost, salvage, life, period - Decimal::ONE, period, Some(factor), Some(true)).unwrap();
        let ddb = finance::ddb(cost, salvage, life, period, Some(factor)).unwrap();
        prop_assert!(close(one, ddb, "1e-20", cost), "VDB = {one}, DDB = {ddb}");
    }

    #[test]
    fn ddb_stays_above_salvage(
        (cost, salvage) in cost_and_salvage(),
        life in 1_i64..=60,
        factor in factor(),
    ) {
        let life = Decimal::from(life);
        let mut book = cost;
        let mut per = Decimal::ONE;
        while per <= life {
            let amount = finance::ddb(cost, salvage, life, per, Some(factor)).unwrap();
            prop_assert!(amount >= Decimal::ZERO);
            book -= amount;
            prop_assert!(book >= salvage - Decimal::new(1, 18), "book value {book} below salvage {salvage}");
            per += Decimal::ONE;
        }
    }

    #[test]
    fn db_never_depreciates_more_than_the_cost(
        (cost, salvage) in cost_and_salvage(),
        life in 1_i64..=40,
        month in 1_i64..=12,
    ) {
        let (life, month) = (Decimal::from(life), Decimal::from(month));
        let last = if month < Decimal::from(12) { life + Decimal::ONE } else { life };
        let mut total = Decimal::ZERO;
        let mut period = Decimal::ONE;
        while period <= last {
            let amount = finance::db(cost, salvage, life, period, Some(month)).unwrap();
            prop_assert!(amount >= Decimal::ZERO);
            total += amount;
            period += Decimal::ONE;
        }
        prop_assert!(total <= cost, "Σ DB = {total} > cost {cost}");
    }

    #[test]
    fn macrs_schedules_sum_to_the_cost(cost in money(1_000_000_000), class in prop::sample::select(MacrsClass::ALL.to_vec())) {
        let years = finance::macrs_schedule(cost, class).unwrap();
        prop_assert_eq!(years.iter().sum::<Decimal>(), cost);
        for (year, amount) in (1_i64..).zip(&years) {
            prop_assert_eq!(finance::macrs(cost, Decimal::from(class.years()), Decimal::from(year)).unwrap(), *amount);
        }
    }
}

/// The MACRS rates the method gives, exactly: declining balance at `percent`/100 ×
/// 1/`years` a year, half a year in year 1, switching to the straight line over the
/// remaining recovery period when that is larger, the last half year in year `years + 1`.
/// Written from IRS Publication 946's description of the method, with rational numbers
/// (numerator, denominator) in `i128`, independent of the published table.
fn method_rates(years: i128, percent: i128) -> Vec<(i128, i128)> {
    fn reduce((n, d): (i128, i128)) -> (i128, i128) {
        fn gcd(a: i128, b: i128) -> i128 {
            if b == 0 { a.abs() } else { gcd(b, a % b) }
        }
        let g = gcd(n, d).max(1);
        (n / g, d / g)
    }
    let sub = |(a, b): (i128, i128), (c, d): (i128, i128)| reduce((a * d - c * b, b * d));
    let mul = |(a, b): (i128, i128), (c, d): (i128, i128)| reduce((a * c, b * d));
    let less = |(a, b): (i128, i128), (c, d): (i128, i128)| a * d < c * b;
    let rate = (percent, 100 * years);
    let mut book = (1, 1);
    let mut rates = Vec::new();
    for year in 1..=years + 1 {
        let amount = if year == 1 {
            mul(rate, (1, 2))
        } else if year == years + 1 {
            book
        } else {
            // Years of recovery left at the start of this year: years − (year − 1.5).
            let left = (2 * years - 2 * year + 3, 2);
            let declining = mul(book, rate);
            let straight = mul(book, (left.1, left.0));
            if less(declining, straight) {
                straight
            } else {
                declining
            }
        };
        book = sub(book, amount);
        rates.push(amount);
    }
    rates
}

#[test]
fn macrs_tables_follow_the_method_within_their_rounding() {
    for class in MacrsClass::ALL {
        let years = i128::from(class.years());
        let (percent, rounding) = match class {
            MacrsClass::Year15 => (150, Decimal::new(1, 4)),
            MacrsClass::Year20 => (150, Decimal::new(1, 5)),
            _ => (200, Decimal::new(1, 4)),
        };
        let exact = method_rates(years, percent);
        assert_eq!(exact.len(), class.rates().len(), "{class:?}");
        for (year, ((n, d), published)) in exact.iter().zip(class.rates()).enumerate() {
            let method =
                Decimal::from_i128_with_scale(*n, 0) / Decimal::from_i128_with_scale(*d, 0);
            assert!(
                (method - published).abs() <= rounding,
                "{class:?} year {}: the method gives {method}, the table {published}",
                year + 1
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn arbitrary_inputs_never_panic(
        a in any_decimal(),
        b in any_decimal(),
        c in any_decimal(),
        d in any_decimal(),
        e in any_decimal(),
        optional in prop::option::of(any_decimal()),
        flag in prop::option::of(any::<bool>()),
    ) {
        let _ = finance::sln(a, b, c);
        let _ = finance::syd(a, b, c, d);
        let _ = finance::db(a, b, c, d, optional);
        let _ = finance::ddb(a, b, c, d, optional);
        let _ = finance::vdb(a, b, c, d, e, optional, flag);
        let _ = finance::macrs(a, b, c);
        if let Ok(class) = MacrsClass::from_years(b) {
            let _ = finance::macrs_schedule(a, class);
        }
    }
}

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
//!
//! And of the models built on them (`gpuecon::models::depreciation`):
//!
//! - a monthly book schedule, by any method, never takes the book value below salvage
//!   (0 for MACRS) and never raises it; each month's depreciation is the fall in book value;
//! - by the end of the life, straight line and SYD (and VDB with the switch, and MACRS to
//!   0) have depreciated exactly `cost − salvage`; DDB and VDB without the switch exactly
//!   what the kernel's own functions give over the life (to the last digits);
//! - curves are never negative, exponential declines never rise, and interpolation between
//!   points stays within the two points' values;
//! - a cascade's revenue is `price × utilization × 730` each month and its totals add up;
//! - arbitrary model inputs give `Ok` or a typed error, never a panic.

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

// ---------------------------------------------------------------------------------------
// The models: gpuecon::models::depreciation.

mod models {
    use gpuecon::models::Validate;
    use gpuecon::models::depreciation::{
        BookMethod, BookSchedule, BookScheduleInputs, CascadeInputs, CascadeStage, Curve,
        CurvePoint, CurveStep, EndOfLifeInputs, NewerGpu, RefreshInputs, RunningCost,
        book_schedule, cascade, economic_end_of_life, refresh_decision,
    };
    use gpuecon::{Decimal, finance};
    use proptest::prelude::*;

    use super::{any_decimal, close, cost_and_salvage, factor};

    /// Any method, with the life it needs (whole years for SYD and DB; halves otherwise).
    fn method_and_life() -> impl Strategy<Value = (BookMethod, Decimal)> {
        let whole = (1_i64..=12).prop_map(Decimal::from);
        let halves = (1_i64..=24).prop_map(|h| Decimal::new(h * 5, 1));
        prop_oneof![
            halves.clone().prop_map(|l| (BookMethod::StraightLine, l)),
            (whole.clone(), 1_u32..=12).prop_map(|(l, m)| (
                BookMethod::DecliningBalance {
                    month_of_first_year: m
                },
                l
            )),
            (halves.clone(), factor())
                .prop_map(|(l, k)| (BookMethod::DoubleDeclining { factor: k }, l)),
            whole.prop_map(|l| (BookMethod::SumOfYearsDigits, l)),
            (halves.clone(), factor(), any::<bool>()).prop_map(|(l, k, no_switch)| (
                BookMethod::Vdb {
                    factor: k,
                    no_switch
                },
                l
            )),
            (
                halves.clone(),
                prop::sample::select(vec![3_u32, 5, 7, 10, 15, 20])
            )
                .prop_map(|(l, class)| (BookMethod::Macrs { class }, l)),
            (
                halves,
                1_i64..=100_000,
                prop::collection::vec(0_i64..=5_000, 0..80)
            )
                .prop_map(|(l, total, units)| (
                    BookMethod::UnitsOfProduction {
                        total_units: Decimal::from(total),
                        units_per_month: units.into_iter().map(Decimal::from).collect(),
                    },
                    l
                )),
        ]
    }

    fn schedule(
        cost: Decimal,
        salvage: Decimal,
        life: Decimal,
        method: BookMethod,
        months: u32,
    ) -> BookSchedule {
        book_schedule(&BookScheduleInputs {
            cost_usd: cost,
            salvage_usd: salvage,
            life_years: life,
            method,
            months,
        })
        .unwrap()
    }

    /// Whole lives for the total laws, and the months that cover them.
    fn whole_life() -> impl Strategy<Value = (Decimal, u32)> {
        (1_u32..=30).prop_map(|years| (Decimal::from(years), years * 12))
    }

    /// A curve of any kind, with factors from 0.05 to 2 and values from 0 to 100.
    fn curve() -> impl Strategy<Value = Curve> {
        let factor = (5_i64..=200).prop_map(|f| Decimal::new(f, 2));
        prop_oneof![
            Just(Curve::Constant),
            factor
                .clone()
                .prop_map(|annual_factor| Curve::Exponential { annual_factor }),
            (
                prop::option::of(factor.clone()),
                prop::collection::vec((1_u32..=60, factor), 0..4)
            )
                .prop_map(|(annual_factor, steps)| {
                    let mut month = 0;
                    let steps = steps
                        .into_iter()
                        .map(|(gap, factor)| {
                            month += gap;
                            CurveStep { month, factor }
                        })
                        .collect();
                    Curve::GenerationalStep {
                        annual_factor,
                        steps,
                    }
                }),
            prop::collection::vec((1_u32..=40, 0_i64..=10_000), 1..6).prop_map(|points| {
                let mut month = 0;
                let points = points
                    .into_iter()
                    .map(|(gap, value)| {
                        month += gap;
                        CurvePoint {
                            month,
                            value: Decimal::new(value, 2),
                        }
                    })
                    .collect();
                Curve::Points { points }
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn book_value_never_falls_below_the_floor_nor_rises(
            (cost, salvage) in cost_and_salvage(),
            (method, life) in method_and_life(),
            months in 1_u32..=400,
        ) {
            let floor = if matches!(method, BookMethod::Macrs { .. }) { Decimal::ZERO } else { salvage };
            let result = schedule(cost, salvage, life, method, months);
            prop_assert_eq!(result.months.len(), usize::try_from(months).unwrap());
            let mut previous = cost;
            for row in &result.months {
                prop_assert!(row.book_value_usd >= floor, "month {}: {} below {floor}", row.month, row.book_value_usd);
                prop_assert!(row.book_value_usd <= previous, "month {}: rose to {}", row.month, row.book_value_usd);
                prop_assert_eq!(row.depreciation_usd, previous - row.book_value_usd);
                previous = row.book_value_usd;
            }
            prop_assert_eq!(result.totals.book_value_usd, previous);
            prop_assert_eq!(result.totals.depreciation_usd, cost - previous);
        }

        #[test]
        fn straight_line_syd_vdb_and_macrs_end_exactly_at_the_floor(
            (cost, salvage) in cost_and_salvage(),
            (life, months) in whole_life(),
            k in factor(),
            class in prop::sample::select(vec![3_u32, 5, 7, 10, 15, 20]),
        ) {
            for method in [
                BookMethod::StraightLine,
                BookMethod::SumOfYearsDigits,
                BookMethod::Vdb { factor: k, no_switch: false },
            ] {
                let result = schedule(cost, salvage, life, method.clone(), months);
                prop_assert_eq!(result.totals.depreciation_usd, cost - salvage, "{:?}", method);
                prop_assert_eq!(result.totals.book_value_usd, salvage);
            }
            let macrs = schedule(cost, salvage, life, BookMethod::Macrs { class }, (class + 1) * 12);
            prop_assert_eq!(macrs.totals.depreciation_usd, cost);
        }

        #[test]
        fn ddb_and_vdb_without_the_switch_follow_the_kernel(
            (cost, salvage) in cost_and_salvage(),
            (life, months) in whole_life(),
            k in factor(),
        ) {
            // Σ DDB over the years of the life, and VDB(0, life) without the switch.
            let mut ddb = Decimal::ZERO;
            let mut year = Decimal::ONE;
            while year <= life {
                ddb += finance::ddb(cost, salvage, life, year, Some(k)).unwrap();
                year += Decimal::ONE;
            }
            let vdb = finance::vdb(cost, salvage, life, Decimal::ZERO, life, Some(k), Some(true)).unwrap();
            let by_ddb = schedule(cost, salvage, life, BookMethod::DoubleDeclining { factor: k }, months + 12);
            let by_vdb = schedule(cost, salvage, life, BookMethod::Vdb { factor: k, no_switch: true }, months + 12);
            prop_assert!(close(by_ddb.totals.depreciation_usd, ddb, "1e-20", cost), "{} vs Σ DDB {ddb}", by_ddb.totals.depreciation_usd);
            prop_assert!(close(by_vdb.totals.depreciation_usd, vdb, "1e-20", cost), "{} vs VDB {vdb}", by_vdb.totals.depreciation_usd);
            prop_assert!(by_ddb.totals.depreciation_usd <= cost - salvage);
        }

        #[test]
        fn curves_are_never_negative(curve in curve(), months in 1_u32..=240) {
            prop_assert!(curve.validate().is_empty());
            for value in curve.series(months).unwrap() {
                prop_assert!(value >= Decimal::ZERO);
            }
        }

        #[test]
        fn exponential_declines_never_rise(factor in 1_i64..=99, months in 1_u32..=600) {
            let curve = Curve::Exponential { annual_factor: Decimal::new(factor, 2) };
            let values = curve.series(months).unwrap();
            prop_assert!(values.windows(2).all(|w| w[1] <= w[0]));
            prop_assert!(values.iter().all(|v| *v <= Decimal::ONE));
        }

        #[test]
        fn interpolation_stays_between_the_points(curve in curve(), month in 0_u32..=250) {
            if let Curve::Points { points } = &curve {
                let value = curve.value_at(month).unwrap();
                let left = points.iter().rev().find(|p| p.month <= month);
                let right = points.iter().find(|p| p.month >= month);
                let (lo, hi) = match (left, right) {
                    (Some(l), Some(r)) => (l.value.min(r.value), l.value.max(r.value)),
                    (Some(p), None) | (None, Some(p)) => (p.value, p.value),
                    (None, None) => unreachable!("a valid curve has a point"),
                };
                prop_assert!(lo <= value && value <= hi, "{value} outside [{lo}, {hi}]");
            }
        }

        #[test]
        fn cascade_revenue_adds_up(
            stages in prop::collection::vec((0_i64..=1_000, 0_i64..=100, 1_u32..=36, curve()), 1..5),
        ) {
            let stages: Vec<_> = stages
                .into_iter()
                .enumerate()
                .map(|(i, (price, utilization, months, price_curve))| CascadeStage {
                    name: format!("stage {i}"),
                    price_usd_per_gpu_hour: Decimal::new(price, 2),
                    utilization: Decimal::new(utilization, 2),
                    months,
                    price_curve,
                })
                .collect();
            let result = cascade(&CascadeInputs { stages: stages.clone() }).unwrap();
            let total_months: u32 = stages.iter().map(|s| s.months).sum();
            prop_assert_eq!(result.months.len(), usize::try_from(total_months).unwrap());
            for row in &result.months {
                let stage = &stages[usize::try_from(row.stage).unwrap()];
                prop_assert_eq!(row.utilization, stage.utilization);
                prop_assert_eq!(row.revenue_usd_per_gpu, row.price_usd_per_gpu_hour * row.utilization * Decimal::from(730));
            }
            let by_stage: Decimal = result.stages.iter().map(|s| s.revenue_usd_per_gpu).sum();
            let by_month: Decimal = result.months.iter().map(|m| m.revenue_usd_per_gpu).sum();
            // Sums in another order differ only in the last of 28 digits.
            let total = result.revenue_usd_per_gpu;
            prop_assert_eq!(by_stage, total);
            prop_assert!(close(by_month, total, "1e-24", total), "{by_month} vs {total}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_model_inputs_never_panic(
            a in any_decimal(),
            b in any_decimal(),
            c in any_decimal(),
            e in any_decimal(),
            kind in 0_u8..7,
            months in prop_oneof![Just(0_u32), 1_u32..=300, Just(1_201_u32), Just(u32::MAX)],
            small in prop_oneof![0_u32..=25, Just(u32::MAX)],
        ) {
            let method = match kind {
                0 => BookMethod::StraightLine,
                1 => BookMethod::DecliningBalance { month_of_first_year: small },
                2 => BookMethod::DoubleDeclining { factor: c },
                3 => BookMethod::SumOfYearsDigits,
                4 => BookMethod::Vdb { factor: c, no_switch: small % 2 == 0 },
                5 => BookMethod::Macrs { class: small },
                _ => BookMethod::UnitsOfProduction { total_units: c, units_per_month: vec![e, a, b] },
            };
            let _ = book_schedule(&BookScheduleInputs { cost_usd: a, salvage_usd: b, life_years: e, method, months });
            let curves = [
                Curve::Exponential { annual_factor: c },
                Curve::GenerationalStep { annual_factor: Some(a), steps: vec![CurveStep { month: small, factor: e }] },
                Curve::Points { points: vec![CurvePoint { month: small, value: a }, CurvePoint { month: months, value: b }] },
            ];
            for curve in &curves {
                let _ = curve.value_at(months);
                let _ = curve.series(months.min(1_300));
                let _ = Curve::from_orders_of_magnitude_per_year(a);
                let _ = cascade(&CascadeInputs { stages: vec![CascadeStage {
                    name: String::new(), price_usd_per_gpu_hour: a, utilization: b, months: small, price_curve: curve.clone(),
                }] });
                let _ = economic_end_of_life(&EndOfLifeInputs {
                    price_usd_per_gpu_hour: a,
                    price_curve: curve.clone(),
                    utilization: b,
                    running_cost: RunningCost { power_usd_per_gpu_hour: c, facility_usd_per_gpu_hour: e, operations_usd_per_gpu_hour: Decimal::ZERO },
                    kw_per_gpu: e,
                    newer: Some(NewerGpu { net_margin_usd_per_gpu_hour: c, kw_per_gpu: b, margin_curve: curve.clone() }),
                    horizon_months: small,
                });
            }
            let _ = refresh_decision(&RefreshInputs {
                power_envelope_kw: a,
                current: gpuecon::models::depreciation::CurrentFleet {
                    kw_per_gpu: b, net_margin_usd_per_gpu_month: c, margin_curve: Curve::Constant,
                    sale_value_usd_per_gpu: e, residual_at_horizon_usd_per_gpu: a,
                },
                new_generation: gpuecon::models::depreciation::NewFleet {
                    capex_usd_per_gpu: c, kw_per_gpu: e, net_margin_usd_per_gpu_month: a,
                    margin_curve: Curve::Constant, residual_at_horizon_usd_per_gpu: b,
                },
                horizon_months: small,
                annual_discount_rate: c,
            });
        }
    }
}

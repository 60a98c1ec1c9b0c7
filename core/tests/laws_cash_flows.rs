//! Laws of the cash-flow functions, checked on generated inputs (proptest):
//!
//! - the net present value at the IRR is zero, relative to the flows' magnitude;
//! - the XNPV at the XIRR is zero, likewise;
//! - `npv_at_t0(r, v) = (1 + r) · npv(r, v)`;
//! - RATE solves the annuity equation it was built from, and PV at RATE gives the present
//!   value back;
//! - every root `irr_all` returns is a root, and `irr` returns one of them;
//! - arbitrary inputs, extremes included, give `Ok` or `Err`, never a panic.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::{Date, Decimal, ErrorCode, finance, units};
use proptest::prelude::*;

/// Money with cents, `[-max, max]`.
fn cents(max: i64) -> impl Strategy<Value = Decimal> {
    (-max * 100..=max * 100).prop_map(|c| Decimal::new(c, 2))
}

/// A project: an outlay now, then inflows (some may be zero): one sign change, so exactly
/// one rate of return.
fn project() -> impl Strategy<Value = Vec<Decimal>> {
    (
        1_000_i64..10_000_000,
        prop::collection::vec(0_i64..5_000_000, 1..60),
    )
        .prop_filter("some inflow", |(_, inflows)| inflows.iter().any(|c| *c > 0))
        .prop_map(|(outlay, inflows)| {
            std::iter::once(Decimal::new(-outlay, 2))
                .chain(inflows.into_iter().map(|c| Decimal::new(c, 2)))
                .collect()
        })
}

/// A dated project: an outlay, then 12 to 59 inflows of 0.1 % to 50 % of it, 28 to 120
/// days apart. Realistic on purpose: a single tiny inflow days after a large outlay has a
/// root `1 + r` below 1e-300 (beyond `f64`: NoConvergence), a large one a root beyond
/// 7.9e28 (beyond Decimal: Overflow); `arbitrary_inputs_never_panic` covers those.
fn dated_project() -> impl Strategy<Value = (Vec<Decimal>, Vec<Date>)> {
    (
        1_000_i64..10_000_000,
        prop::collection::vec((1_i64..=500, 28_i64..=120), 12..60),
    )
        .prop_map(|(outlay, inflows)| {
            let mut values = vec![Decimal::new(-outlay, 2)];
            let mut dates = vec![base()];
            let mut day = 0;
            for (per_mille, gap) in inflows {
                day += gap;
                values.push((Decimal::new(outlay, 2) * Decimal::new(per_mille, 3)).round_dp(2));
                dates.push(base().checked_add_days(day).unwrap());
            }
            (values, dates)
        })
}

/// Any decimal: random mantissa and scale, plus the extremes.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0_u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
        2 => (-1_000_000_i64..1_000_000, 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::NEGATIVE_ONE),
        1 => Just(Decimal::new(-99_999_999, 8)),
    ]
}

/// Any date a `Date` can hold (0001-01-01 to 9999-12-31), biased towards ordinary ones.
fn any_date() -> impl Strategy<Value = Date> {
    prop_oneof![
        8 => (-100_000_i64..100_000).prop_map(|days| base().checked_add_days(days).unwrap()),
        1 => Just(Date::MIN),
        1 => Just(Date::MAX),
    ]
}

fn base() -> Date {
    Date::from_ymd_opt(2026, 1, 1).unwrap()
}

/// `Σ |v_i| / (1+r)^i`: the magnitude against which a residual is judged.
fn magnitude(rate: Decimal, values: &[Decimal]) -> Decimal {
    let absolute: Vec<Decimal> = values.iter().map(|v| v.abs()).collect();
    finance::npv_at_t0(rate, &absolute).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn npv_at_the_irr_is_zero(values in project()) {
        let rate = finance::irr(&values, None).unwrap();
        // Near r = −1 the discount factors can overflow a Decimal: then the law is
        // checked in f64 below instead.
        match finance::npv_at_t0(rate, &values) {
            Ok(residual) => {
                let scale = magnitude(rate, &values);
                prop_assert!(
                    residual.abs() <= scale * Decimal::new(1, 9),
                    "NPV at IRR {rate} is {residual}, magnitude {scale}"
                );
            }
            Err(error) => {
                prop_assert_eq!(error.code(), ErrorCode::Overflow);
                let r = units::to_f64_lossy(rate);
                let (mut sum, mut scale, mut factor) = (0.0_f64, 0.0_f64, 1.0_f64);
                for v in &values {
                    let term = units::to_f64_lossy(*v) * factor;
                    sum += term;
                    scale += term.abs();
                    factor /= 1.0 + r;
                }
                prop_assert!(sum.abs() <= 1e-9 * scale);
            }
        }
    }

    #[test]
    fn irr_with_a_guess_finds_the_same_single_root(values in project(), guess in -90_i64..300) {
        // One sign change: one root, whatever the start.
        let from_flows = finance::irr(&values, None).unwrap();
        let from_guess = finance::irr(&values, Some(Decimal::new(guess, 2))).unwrap();
        let difference = (from_flows - from_guess).abs();
        prop_assert!(
            difference <= Decimal::new(1, 9) * (Decimal::ONE + from_flows.abs()),
            "{from_flows} vs {from_guess}"
        );
    }

    #[test]
    fn xnpv_at_the_xirr_is_zero(
        (values, dates) in dated_project(),
    ) {
        let rate = finance::xirr(&values, &dates, None).unwrap();
        if let Ok(residual) = finance::xnpv(rate, &values, &dates) {
            let absolute: Vec<Decimal> = values.iter().map(|v| v.abs()).collect();
            let scale = finance::xnpv(rate, &absolute, &dates).unwrap();
            prop_assert!(
                residual.abs() <= scale * Decimal::new(1, 9),
                "XNPV at XIRR {rate} is {residual}, magnitude {scale}"
            );
        }
    }

    #[test]
    fn npv_at_t0_is_one_plus_r_times_npv(
        rate in (-5_000_i64..10_000).prop_map(|bp| Decimal::new(bp, 4)),
        values in prop::collection::vec(cents(10_000_000), 1..40),
    ) {
        let at_t0 = finance::npv_at_t0(rate, &values).unwrap();
        let excel = finance::npv(rate, &values).unwrap();
        let scaled = (Decimal::ONE + rate) * excel;
        let scale = Decimal::ONE + magnitude(rate, &values);
        prop_assert!(
            (at_t0 - scaled).abs() <= scale * Decimal::new(1, 20),
            "npv_at_t0 {at_t0} vs (1+r)·npv {scaled}"
        );
    }

    #[test]
    fn rate_solves_the_annuity_equation(
        nper in 1_i64..=360,
        true_rate in -500_i64..2_000,
        pv in 1_000_i64..10_000_000,
        balloon_share in 0_i64..=100,
        due in any::<bool>(),
    ) {
        // Build a loan whose rate is `true_rate` basis points / 100 a period, round its
        // payment to cents, then ask RATE for the rate back.
        let r = f64::from(i32::try_from(true_rate).unwrap()) / 10_000.0;
        let n = f64::from(i32::try_from(nper).unwrap());
        let pv = Decimal::from(pv);
        let fv = -pv * Decimal::new(balloon_share, 2);
        let (pv_f, fv_f) = (units::to_f64_lossy(pv), units::to_f64_lossy(fv));
        let timing = if due { 1.0 } else { 0.0 };
        let growth = (1.0 + r).powf(n);
        let annuity = if r == 0.0 { n } else { (growth - 1.0) / r };
        let pmt_f = -(pv_f * growth + fv_f) / ((1.0 + r * timing) * annuity);
        let pmt = units::decimal_from_f64(pmt_f, "pmt").unwrap().round_dp(2);
        let timing_arg = Some(if due {
            finance::PaymentTiming::Beginning
        } else {
            finance::PaymentTiming::End
        });
        match finance::rate(Decimal::from(nper), pmt, pv, Some(fv), timing_arg, None) {
            Ok(found) => {
                let x = units::to_f64_lossy(found);
                let pmt = units::to_f64_lossy(pmt);
                let growth = (n * x.ln_1p()).exp();
                let annuity = if x == 0.0 { n } else { (n * x.ln_1p()).exp_m1() / x };
                let terms = [pv_f * growth, pmt * (1.0 + x * timing) * annuity, fv_f];
                let residual: f64 = terms.iter().sum();
                let scale: f64 = terms.iter().map(|t| t.abs()).sum();
                prop_assert!(residual.abs() <= 1e-9 * scale, "rate {found}: residual {residual} of {scale}");
            }
            Err(error) => {
                // Only when the payment rounds to zero and nothing balances pv.
                prop_assert!(pmt.is_zero() && fv.is_zero(), "{error}");
                prop_assert_eq!(error.code(), ErrorCode::NoSignChange);
            }
        }
    }

    #[test]
    fn pv_at_the_rate_gives_back_the_present_value(
        nper in 1_i64..=360,
        true_rate in 1_i64..2_000,
        pv in 1_000_i64..10_000_000,
        due in any::<bool>(),
    ) {
        // A loan of `pv` at `true_rate` basis points / 100 a period, its payment rounded to
        // cents; RATE finds the rate of that payment, and PV (helper A's) at that rate must
        // give the loan back, to 1e-9 of the payments' total.
        let r = f64::from(i32::try_from(true_rate).unwrap()) / 10_000.0;
        let n = f64::from(i32::try_from(nper).unwrap());
        let timing = if due { finance::PaymentTiming::Beginning } else { finance::PaymentTiming::End };
        let growth = (1.0 + r).powf(n);
        let due_factor = if due { 1.0 + r } else { 1.0 };
        let pmt_f = -(f64::from(i32::try_from(pv).unwrap()) * growth) / (due_factor * (growth - 1.0) / r);
        let pmt = units::decimal_from_f64(pmt_f, "pmt").unwrap().round_dp(2);
        prop_assume!(!pmt.is_zero());
        let pv = Decimal::from(pv);
        let nper = Decimal::from(nper);
        let rate = finance::rate(nper, pmt, pv, None, Some(timing), None).unwrap();
        let back = finance::pv(rate, nper, pmt, None, Some(timing)).unwrap();
        let total = (pmt * nper).abs() + pv;
        prop_assert!(
            (back - pv).abs() <= total * Decimal::new(1, 9),
            "rate {}: pv {} back as {}", rate, pv, back
        );
    }

    #[test]
    fn every_root_of_irr_all_is_a_root(
        values in prop::collection::vec(cents(1_000_000), 2..12),
    ) {
        if let Ok(roots) = finance::irr_all(&values, None, None) {
            let mut previous = Decimal::MIN;
            for rate in &roots {
                prop_assert!(*rate > previous, "ascending");
                previous = *rate;
                let r = units::to_f64_lossy(*rate);
                let (mut sum, mut scale, mut factor) = (0.0_f64, 0.0_f64, 1.0_f64);
                for v in &values {
                    let term = units::to_f64_lossy(*v) * factor;
                    sum += term;
                    scale += term.abs();
                    factor /= 1.0 + r;
                }
                prop_assert!(sum.abs() <= 1e-9 * scale, "irr_all root {rate}: {sum} of {scale}");
            }
        }
    }

    #[test]
    fn arbitrary_inputs_never_panic(
        rate in any_decimal(),
        other in any_decimal(),
        guess in prop::option::of(any_decimal()),
        values in prop::collection::vec(any_decimal(), 0..20),
        dates in prop::collection::vec(any_date(), 0..20),
        due in prop::option::of(any::<bool>()),
    ) {
        let timing = due.map(|d| if d { finance::PaymentTiming::Beginning } else { finance::PaymentTiming::End });
        let _ = finance::npv(rate, &values);
        let _ = finance::npv_at_t0(rate, &values);
        let _ = finance::xnpv(rate, &values, &dates);
        let _ = finance::mirr(&values, rate, other);
        let _ = finance::irr(&values, guess);
        let _ = finance::irr_all(&values, guess, Some(other));
        let _ = finance::xirr(&values, &dates, guess);
        let first = values.first().copied().unwrap_or(Decimal::ONE);
        let _ = finance::rate(rate, other, first, guess, timing, guess);
    }
}

#[test]
fn the_documented_hard_cases() {
    // domain.md: XIRR of −177,900,000 on 2020-07-03 and 8,799,805.85 on 2021-02-25.
    let values = [Decimal::from(-177_900_000), Decimal::new(879_980_585, 2)];
    let dates = [
        Date::from_ymd_opt(2020, 7, 3).unwrap(),
        Date::from_ymd_opt(2021, 2, 25).unwrap(),
    ];
    let rate = finance::xirr(&values, &dates, None).unwrap();
    assert_eq!(rate.round_dp(15), Decimal::new(-990_247_691_899_517, 15));
    // Two sign changes, two roots: −100, +230, −132 has 10 % and 20 %.
    let values = [-100, 230, -132].map(Decimal::from);
    let roots = finance::irr_all(&values, None, None).unwrap();
    assert_eq!(roots.len(), 2);
    assert_eq!(roots[0].round_dp(12), Decimal::new(1, 1));
    assert_eq!(roots[1].round_dp(12), Decimal::new(2, 1));
}

//! Laws of the time-value functions, checked on generated inputs (proptest):
//!
//! - the principal parts of all payments repay the loan: `Σ PPMT(per) = −PV` (FV 0);
//! - each payment splits into interest and principal: `IPMT + PPMT = PMT`;
//! - the cumulative functions agree: `CUMPRINC(1, n) = −PV`, and
//!   `CUMIPMT + CUMPRINC = PMT × (periods)`;
//! - PV, FV and PMT solve one equation: `PV(r, n, PMT(r, n, pv, fv), fv) = pv`, and
//!   `FV(r, n, PMT(r, n, pv, fv), pv) = fv`;
//! - NPER inverts PMT: `NPER(r, PMT(r, n, pv), pv) = n`;
//! - EFFECT and NOMINAL are inverse: `EFFECT(NOMINAL(x, m), m) = x`;
//! - FVSCHEDULE of a constant rate is FV: `FVSCHEDULE(p, [r; n]) = FV(r, n, 0, −p)`;
//! - ISPMT over the life is the interest of equal principal repayments:
//!   `Σ_{per=0}^{n−1} ISPMT = −pv·r·(n + 1)/2`;
//! - arbitrary inputs, extremes included, give `Ok` or `Err`, never a panic.
//!
//! Tolerances: the exact paths (whole `n`, rates with a few decimals) carry 28 significant
//! digits, so sums over hundreds of periods agree to about 1e-20 of the amounts; 1e-15
//! relative is used, tight enough to catch any formula error (which shows at 1e-3 or
//! worse) and loose enough for the rounding of 28-digit quotients. Laws through `f64`
//! (NPER's logarithms, NOMINAL's root) use 1e-9 and 1e-12.

// Helpers outside #[test] functions unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use gpuecon::{
    Decimal,
    finance::{self, PaymentTiming},
};
use proptest::prelude::*;

/// A rate per period from 0.01 % to 5 %, with up to 6 decimals (monthly to yearly rates).
fn rate() -> impl Strategy<Value = Decimal> {
    (100_i64..=50_000).prop_map(|m| Decimal::new(m, 6))
}

/// Money with cents, from 1 cent to `max`.
fn principal(max: i64) -> impl Strategy<Value = Decimal> {
    (1_i64..=max * 100).prop_map(|c| Decimal::new(c, 2))
}

fn timing() -> impl Strategy<Value = PaymentTiming> {
    prop_oneof![Just(PaymentTiming::End), Just(PaymentTiming::Beginning)]
}

/// `|a − b| ≤ relative·scale + 1e-20`.
fn close(a: Decimal, b: Decimal, relative: &str, scale: Decimal) -> bool {
    let relative: Decimal = Decimal::from_scientific(relative).unwrap();
    (a - b).abs() <= relative * scale.abs() + Decimal::new(1, 20)
}

/// Any decimal: random mantissa and scale, plus the extremes.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0_u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
        3 => (-1_000_000_i64..1_000_000, 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::ONE),
        1 => Just(Decimal::NEGATIVE_ONE),
        1 => Just(Decimal::new(1, 28)),
        1 => Just(Decimal::new(-1, 28)),
        1 => Just(Decimal::new(-99_999_999, 8)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn principal_parts_repay_the_loan(
        rate in rate(),
        n in 1_i64..=360,
        pv in principal(10_000_000),
        timing in timing(),
    ) {
        let n = Decimal::from(n);
        let mut repaid = Decimal::ZERO;
        let mut per = Decimal::ONE;
        while per <= n {
            repaid += finance::ppmt(rate, per, n, pv, None, Some(timing)).unwrap();
            per += Decimal::ONE;
        }
        prop_assert!(close(repaid, -pv, "1e-15", pv), "Σ PPMT = {repaid}, pv = {pv}");
    }
}

proptest! {
    #[test]
    fn interest_and_principal_make_each_payment(
        rate in rate(),
        n in 1_i64..=600,
        per_fraction in 0_u32..=1_000,
        pv in principal(10_000_000),
        fv in prop::option::of(principal(1_000_000)),
        timing in timing(),
    ) {
        let n = Decimal::from(n);
        // Any period in [1, n], fractional ones included (Excel allows them).
        let per = Decimal::ONE + (n - Decimal::ONE) * Decimal::new(i64::from(per_fraction), 3);
        let payment = finance::pmt(rate, n, pv, fv, Some(timing)).unwrap();
        let interest = finance::ipmt(rate, per, n, pv, fv, Some(timing)).unwrap();
        let principal = finance::ppmt(rate, per, n, pv, fv, Some(timing)).unwrap();
        prop_assert!(close(interest + principal, payment, "1e-20", payment));
    }

    #[test]
    fn cumulative_principal_over_the_life_is_the_loan(
        rate in rate(),
        n in 1_i64..=1_200,
        pv in principal(100_000_000),
        timing in timing(),
    ) {
        let n = Decimal::from(n);
        let repaid = finance::cumprinc(rate, n, pv, Decimal::ONE, n, timing).unwrap();
        prop_assert!(close(repaid, -pv, "1e-15", pv), "CUMPRINC = {repaid}, pv = {pv}");
    }

    #[test]
    fn cumulative_interest_and_principal_make_the_payments(
        rate in rate(),
        n in 1_i64..=480,
        a in 1_i64..=480,
        b in 1_i64..=480,
        pv in principal(10_000_000),
        timing in timing(),
    ) {
        let (start, end) = (a.min(b).min(n), a.max(b).min(n));
        let count = Decimal::from(end - start + 1);
        let (n, start, end) = (Decimal::from(n), Decimal::from(start), Decimal::from(end));
        let payment = finance::pmt(rate, n, pv, None, Some(timing)).unwrap();
        let interest = finance::cumipmt(rate, n, pv, start, end, timing).unwrap();
        let principal = finance::cumprinc(rate, n, pv, start, end, timing).unwrap();
        prop_assert!(close(interest + principal, payment * count, "1e-15", payment * count));
        // And the cumulative interest is the sum of the single periods' interest.
        let mut summed = Decimal::ZERO;
        let mut per = start;
        while per <= end {
            summed += finance::ipmt(rate, per, n, pv, None, Some(timing)).unwrap();
            per += Decimal::ONE;
        }
        prop_assert!(close(interest, summed, "1e-15", pv), "CUMIPMT = {interest}, Σ IPMT = {summed}");
    }

    #[test]
    fn pv_fv_and_pmt_solve_one_equation(
        rate in prop_oneof![rate(), Just(Decimal::ZERO), (-500_i64..0).prop_map(|m| Decimal::new(m, 4))],
        n in 1_i64..=600,
        pv in principal(10_000_000),
        fv in principal(10_000_000),
        timing in timing(),
    ) {
        let n = Decimal::from(n);
        let fv = -fv;
        let payment = finance::pmt(rate, n, pv, Some(fv), Some(timing)).unwrap();
        let scale = pv.abs() + fv.abs();
        let back = finance::pv(rate, n, payment, Some(fv), Some(timing)).unwrap();
        prop_assert!(close(back, pv, "1e-15", scale), "PV = {back}, pv = {pv}");
        let forward = finance::fv(rate, n, payment, Some(pv), Some(timing)).unwrap();
        prop_assert!(close(forward, fv, "1e-15", scale), "FV = {forward}, fv = {fv}");
    }

    #[test]
    fn nper_inverts_pmt(
        rate in prop_oneof![rate(), Just(Decimal::ZERO)],
        n in 1_i64..=600,
        pv in principal(10_000_000),
        timing in timing(),
    ) {
        let n = Decimal::from(n);
        let payment = finance::pmt(rate, n, pv, None, Some(timing)).unwrap();
        let periods = finance::nper(rate, payment, pv, None, Some(timing)).unwrap();
        // f64 logarithms of a ratio near 1: about 1e-12 relative in the worst case here.
        prop_assert!(close(periods, n, "1e-9", n), "NPER = {periods}, n = {n}");
    }

    #[test]
    fn effect_inverts_nominal(
        effective in (1_i64..=1_000_000).prop_map(|m| Decimal::new(m, 6)),
        m in 1_i64..=365,
    ) {
        let m = Decimal::from(m);
        let nominal = finance::nominal(effective, m).unwrap();
        let back = finance::effect(nominal, m).unwrap();
        prop_assert!(close(back, effective, "1e-12", effective), "EFFECT(NOMINAL) = {back}, x = {effective}");
    }

    #[test]
    fn fvschedule_of_a_constant_rate_is_fv(
        rate in prop_oneof![rate(), (-500_i64..0).prop_map(|m| Decimal::new(m, 4))],
        n in 0_usize..=120,
        principal in principal(10_000_000),
    ) {
        let scheduled = finance::fvschedule(principal, &vec![rate; n]).unwrap();
        let compounded = finance::fv(rate, Decimal::from(n), Decimal::ZERO, Some(-principal), None).unwrap();
        prop_assert!(close(scheduled, compounded, "1e-20", scheduled), "{scheduled} vs {compounded}");
    }

    #[test]
    fn ispmt_sums_to_the_interest_of_equal_repayments(
        rate in rate(),
        n in 1_i64..=360,
        pv in principal(10_000_000),
    ) {
        let nper = Decimal::from(n);
        let mut total = Decimal::ZERO;
        for per in 0..n {
            total += finance::ispmt(rate, Decimal::from(per), nper, pv).unwrap();
        }
        // Owed before each period: pv·(n − per)/n, summed: pv·(n + 1)/2.
        let expected = -(pv * rate * Decimal::from(n + 1) / Decimal::TWO);
        prop_assert!(close(total, expected, "1e-20", expected), "Σ ISPMT = {total}, expected {expected}");
    }

    #[test]
    fn rate_zero_is_plain_division(n in 1_i64..=1_000, pv in principal(1_000_000_000)) {
        let n = Decimal::from(n);
        prop_assert_eq!(finance::pmt(Decimal::ZERO, n, pv, None, None).unwrap(), -(pv / n));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_inputs_never_panic(
        a in any_decimal(),
        b in any_decimal(),
        c in any_decimal(),
        d in any_decimal(),
        e in any_decimal(),
        optional in prop::option::of(any_decimal()),
        timing in prop::option::of(timing()),
    ) {
        let t = timing.unwrap_or_default();
        let _ = finance::pv(a, b, c, optional, timing);
        let _ = finance::fv(a, b, c, optional, timing);
        let _ = finance::pmt(a, b, c, optional, timing);
        let _ = finance::nper(a, b, c, optional, timing);
        let _ = finance::ipmt(a, b, c, d, optional, timing);
        let _ = finance::ppmt(a, b, c, d, optional, timing);
        let _ = finance::cumipmt(a, b, c, d, e, t);
        let _ = finance::cumprinc(a, b, c, d, e, t);
        let _ = finance::effect(a, b);
        let _ = finance::nominal(a, b);
        let _ = finance::ispmt(a, b, c, d);
        let _ = finance::fvschedule(a, &[b, c, d, e]);
        let _ = PaymentTiming::from_excel_type(a);
    }

    #[test]
    fn ordinary_loans_with_odd_inputs_never_panic(
        rate in (-2_000_000_i64..2_000_000, 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
        n in (-10_000_i64..10_000, 0_u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
        pv in any_decimal(),
        per in (-100_i64..10_000, 0_u32..=1).prop_map(|(m, s)| Decimal::new(m, s)),
        timing in prop::option::of(timing()),
    ) {
        // Rates beyond -100 %, huge factors (1.9^9999), fractional and negative periods:
        // each gives a value or an error.
        let _ = finance::pmt(rate, n, pv, None, timing);
        let _ = finance::pv(rate, n, pv, None, timing);
        let _ = finance::fv(rate, n, pv, Some(pv), timing);
        let _ = finance::nper(rate, pv, pv, Some(rate), timing);
        let _ = finance::ipmt(rate, per, n, pv, None, timing);
        let _ = finance::cumipmt(rate, n, pv, per, n, timing.unwrap_or_default());
    }
}

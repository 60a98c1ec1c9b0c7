//! Units and the arithmetic of money: the hour constants (fixed once, here), checked
//! [`Decimal`] operations that name the field on overflow, the one lossy exit to `f64`, and
//! rounding for presentation.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::FinanceError;

/// Hours in a year: 365 × 24. The one constant every model uses.
pub const HOURS_PER_YEAR: Decimal = Decimal::from_parts(8_760, 0, 0, false, 0);
/// Months in a year.
pub const MONTHS_PER_YEAR: Decimal = Decimal::from_parts(12, 0, 0, false, 0);
/// Hours in a month: 8,760 / 12 = 730. Never 720, never 30.4 × 24.
pub const HOURS_PER_MONTH: Decimal = Decimal::from_parts(730, 0, 0, false, 0);
/// The last month any monthly model runs to: 100 years of months. Bounds every series a
/// model allocates, so that no input can ask for an unbounded one.
pub const MAX_MONTHS: u32 = 1200;
/// kW in a MW: the one conversion between a facility's megawatts and a GPU's kilowatts.
pub const KW_PER_MW: Decimal = Decimal::from_parts(1_000, 0, 0, false, 0);
/// Days in a year for the Actual/365 day count (XNPV, XIRR).
pub const DAYS_PER_YEAR: Decimal = Decimal::from_parts(365, 0, 0, false, 0);

/// `a + b`, or [`FinanceError::Overflow`] naming `field`.
///
/// # Errors
/// [`FinanceError::Overflow`] when the sum does not fit in a [`Decimal`].
pub fn add(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, FinanceError> {
    a.checked_add(b).ok_or(FinanceError::Overflow { field })
}

/// `a − b`, or [`FinanceError::Overflow`] naming `field`.
///
/// # Errors
/// [`FinanceError::Overflow`] when the difference does not fit in a [`Decimal`].
pub fn sub(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, FinanceError> {
    a.checked_sub(b).ok_or(FinanceError::Overflow { field })
}

/// `a × b`, or [`FinanceError::Overflow`] naming `field`.
///
/// # Errors
/// [`FinanceError::Overflow`] when the product does not fit in a [`Decimal`].
pub fn mul(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, FinanceError> {
    a.checked_mul(b).ok_or(FinanceError::Overflow { field })
}

/// `a ÷ b`, naming `field` (the divisor's name) when `b` is zero or the quotient overflows.
///
/// # Errors
/// [`FinanceError::DivisionByZero`] when `b` is zero, [`FinanceError::Overflow`] when the
/// quotient does not fit in a [`Decimal`].
pub fn div(a: Decimal, b: Decimal, field: &'static str) -> Result<Decimal, FinanceError> {
    if b.is_zero() {
        return Err(FinanceError::DivisionByZero { field });
    }
    a.checked_div(b).ok_or(FinanceError::Overflow { field })
}

/// The one named exit from [`Decimal`] to `f64`, for roots and transcendental factors.
///
/// Lossy: an `f64` holds about 15-17 significant digits, a [`Decimal`] up to 28. Where the
/// mantissa `m` is below 2⁵³ and the scale `s` at most 22 (every realistic amount of
/// money), `m` and `10^s` are exact `f64`s and `m / 10^s` is one IEEE division, so the
/// result is the `f64` nearest the decimal; other values are within an ulp or so, computed
/// with IEEE operations only, so that every target gives the same `f64` (seeded Monte Carlo
/// paths start from these numbers). Both paths are fast: rust_decimal's conversion divides
/// 128-bit integers, which costs more than a whole IRR solve on 144 flows in WebAssembly.
///
/// ```
/// use gpuecon::{units, Decimal};
/// assert_eq!(units::to_f64_lossy(Decimal::new(15, 2)), 0.15);
/// ```
#[must_use]
pub fn to_f64_lossy(value: Decimal) -> f64 {
    /// Powers of ten as `f64` literals: exact up to 10²² (the largest an `f64` holds), the
    /// nearest `f64` above; the same constants on every target.
    const POWERS_OF_TEN: [f64; 29] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
    ];
    const EXACT_BELOW: u128 = 1 << 53;
    const TWO_32: f64 = 4_294_967_296.0;
    let mantissa = value.mantissa().unsigned_abs();
    let scale = usize::try_from(value.scale()).unwrap_or(usize::MAX);
    let power = POWERS_OF_TEN.get(scale).copied().unwrap_or(1e28);
    // The 32-bit limb at `shift` (the mantissa has 96 bits).
    let limb =
        |shift: u32| f64::from(u32::try_from((mantissa >> shift) & 0xFFFF_FFFF).unwrap_or(0));
    let magnitude = if mantissa < EXACT_BELOW && scale <= 22 {
        // Exact numerator and divisor: one IEEE division, the nearest f64.
        (limb(32) * TWO_32 + limb(0)) / power
    } else {
        // A few roundings (within about an ulp), IEEE operations only: the same natively
        // and in WebAssembly (rust_decimal's own conversion rounds through `powi`, whose
        // result the platform decides).
        ((limb(64) * TWO_32 + limb(32)) * TWO_32 + limb(0)) / power
    };
    if value.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    }
}

/// Converts an `f64` result (a root, a power) to [`Decimal`], keeping the shortest decimal
/// that round-trips to the same `f64` (`0.1_f64` becomes exactly `0.1`).
///
/// # Errors
/// [`FinanceError::Domain`] for NaN or ±∞, [`FinanceError::Overflow`] beyond ±7.9e28.
///
/// ```
/// use gpuecon::{units, Decimal};
/// assert_eq!(units::decimal_from_f64(0.1, "rate")?, Decimal::new(1, 1));
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn decimal_from_f64(value: f64, field: &'static str) -> Result<Decimal, FinanceError> {
    if !value.is_finite() {
        return Err(FinanceError::Domain {
            field,
            reason: "the result is not a finite number",
        });
    }
    // zmij writes the shortest digits that round-trip ("0.1", "1.2345678901234567e-13"),
    // and Decimal parses them exactly, unless they need more than 28 decimal places: such
    // a tiny value is rounded to 28 decimal places (half away from zero; 0 below 5e-29), far
    // below any cent or basis point.
    let mut buffer = zmij::Buffer::new();
    let digits = buffer.format_finite(value);
    let scientific = digits.contains(['e', 'E']);
    let exact = if scientific {
        Decimal::from_scientific(digits)
    } else {
        Decimal::from_str_exact(digits)
    };
    exact.or_else(|_| {
        if scientific && value.abs() < 1.0 {
            Ok(Decimal::from_scientific_lossy(digits).unwrap_or(Decimal::ZERO))
        } else {
            Err(FinanceError::Overflow { field })
        }
    })
}

/// Parses a decimal written as text, exactly: `"1234.56"`, `"-0.5"`, `" 42 "` (surrounding
/// spaces are ignored) or scientific `"1e-7"`, `"1.5E+3"`. More than 28 significant digits
/// is an error, never a silent rounding; so are `"1,000"`, `"NaN"` and `"Infinity"`. The
/// one reading of decimal text that the npm package and the Python package share.
///
/// # Errors
/// [`FinanceError::InvalidArgument`] on `field` when the text is not such a number.
///
/// ```
/// use gpuecon::{units, Decimal};
/// assert_eq!(units::parse_decimal("1.5E+3", "pv")?, Decimal::new(1500, 0));
/// assert!(units::parse_decimal("1,000", "pv").is_err());
/// # Ok::<(), gpuecon::FinanceError>(())
/// ```
pub fn parse_decimal(text: &str, field: &'static str) -> Result<Decimal, FinanceError> {
    let text = text.trim();
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    parsed.map_err(|_| FinanceError::InvalidArgument {
        field,
        reason: "must be a number or a decimal string such as \"1234.56\"",
    })
}

/// How a presented value is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Banker's rounding: 2.345 → 2.34, 2.355 → 2.36.
    #[default]
    HalfEven,
    /// Commercial rounding: 2.345 → 2.35.
    HalfAwayFromZero,
}

/// Rounds `value` to `decimal_places` for presentation only (never inside a computation).
///
/// ```
/// use gpuecon::{units::{round_for_display, Rounding}, Decimal};
/// let x = Decimal::new(2345, 3); // 2.345
/// assert_eq!(round_for_display(x, 2, Rounding::HalfEven), Decimal::new(234, 2));
/// assert_eq!(round_for_display(x, 2, Rounding::HalfAwayFromZero), Decimal::new(235, 2));
/// ```
#[must_use]
pub fn round_for_display(value: Decimal, decimal_places: u32, rounding: Rounding) -> Decimal {
    let strategy = match rounding {
        Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        Rounding::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
    };
    value.round_dp_with_strategy(decimal_places, strategy)
}

/// Decimal places every monthly amount a model reports is kept to (a trillionth of a
/// dollar): sums of kept amounts are exact, so products add up to revenue, items to costs
/// and months to totals, in any order.
pub const AMOUNT_DECIMAL_PLACES: u32 = 12;

/// An amount kept to [`AMOUNT_DECIMAL_PLACES`].
#[must_use]
pub fn amount(value: Decimal) -> Decimal {
    keep(value, AMOUNT_DECIMAL_PLACES)
}

/// `value` kept to `decimal_places` (half-even, trailing zeros dropped): how a model stores
/// the amounts it reports, far below a cent, so that adding them is exact in any order (a
/// sum of 28-digit values would otherwise round its last digit differently by order).
///
/// ```
/// use gpuecon::{units::keep, Decimal};
/// assert_eq!(keep(Decimal::new(1_234_565, 6), 5), Decimal::new(123_456, 5));
/// ```
#[must_use]
pub fn keep(value: Decimal, decimal_places: u32) -> Decimal {
    value
        .round_dp_with_strategy(decimal_places, RoundingStrategy::MidpointNearestEven)
        .normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_per_month_is_a_twelfth_of_the_year() {
        assert_eq!(HOURS_PER_MONTH * MONTHS_PER_YEAR, HOURS_PER_YEAR);
    }

    #[test]
    fn checked_operations_name_the_field() {
        assert_eq!(
            mul(Decimal::MAX, Decimal::TWO, "capex"),
            Err(FinanceError::Overflow { field: "capex" })
        );
        assert_eq!(
            div(Decimal::ONE, Decimal::ZERO, "life"),
            Err(FinanceError::DivisionByZero { field: "life" })
        );
        assert_eq!(add(Decimal::ONE, Decimal::ONE, "x"), Ok(Decimal::TWO));
        assert_eq!(sub(Decimal::ONE, Decimal::ONE, "x"), Ok(Decimal::ZERO));
    }

    #[test]
    fn decimals_convert_to_the_nearest_f64() {
        for (text, expected) in [
            ("1200.50", 1200.5),
            ("-0.1", -0.1),
            ("0.3", 0.3),
            ("-50000", -50000.0),
            ("123456789.123456", 123_456_789.123_456),
            ("79228162514264337593543950335", 7.922_816_251_426_434e28),
        ] {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(to_f64_lossy(value), expected, "{text}");
        }
        // Scale 28: rust_decimal's own conversion, within an ulp or so.
        let tiny: Decimal = "0.0000000000000000000000000001".parse().unwrap();
        assert!((to_f64_lossy(tiny) - 1e-28).abs() <= 1e-43);
    }

    #[test]
    fn non_finite_floats_are_errors() {
        assert!(decimal_from_f64(f64::NAN, "r").is_err());
        assert!(decimal_from_f64(f64::INFINITY, "r").is_err());
        assert!(decimal_from_f64(1e30, "r").is_err());
        assert_eq!(
            decimal_from_f64(-0.990247691899517, "r")
                .unwrap()
                .to_string(),
            "-0.990247691899517"
        );
    }

    #[test]
    fn floats_become_their_shortest_decimal() {
        // The digits a reader of the f64 would write: plain or with an exponent.
        for (value, expected) in [
            (0.1, "0.1"),
            (123_456.789, "123456.789"),
            (-5e-7, "-0.0000005"),
            (1e21, "1000000000000000000000"),
            (1.5e-20, "0.000000000000000000015"),
            (7.9e28, "79000000000000000000000000000"),
        ] {
            assert_eq!(decimal_from_f64(value, "r").unwrap().to_string(), expected);
        }
        assert_eq!(
            decimal_from_f64(8e28, "r"),
            Err(FinanceError::Overflow { field: "r" })
        );
    }

    #[test]
    fn tiny_floats_round_to_28_places() {
        // 1.2345678901234567e-13 has 29 decimal places in its shortest digits:
        // 0.0000000000001234567890123456|7 → …3457 (28 places, the 7 rounds up).
        assert_eq!(
            decimal_from_f64(1.234_567_890_123_456_7e-13, "r")
                .unwrap()
                .to_string(),
            "0.0000000000001234567890123457"
        );
        // 2.5e-28 is half of the 28th place's 5: away from zero, 3e-28.
        assert_eq!(
            decimal_from_f64(-2.5e-28, "r").unwrap().to_string(),
            "-0.0000000000000000000000000003"
        );
        // Below half a unit of the 28th place: zero.
        assert_eq!(decimal_from_f64(4e-29, "r"), Ok(Decimal::ZERO));
    }
}

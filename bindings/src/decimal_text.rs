//! A decimal's text without `core::fmt`: the digits every result crosses the boundary as.
//!
//! rust_decimal's `Display` divides its 96-bit mantissa by 10 once per digit, each a
//! three-word long division, and goes through `Formatter::pad_integral`; in the wasm
//! module, built for size, that was 43 % of a whole `evaluate` call (issue 21). Here the
//! mantissa is divided by 10^9 once per nine digits (three 64-bit divisions), and each
//! group of nine is split by divisions of a `u32` by the constant 10, which compile to
//! multiplications. The text is `Display`'s, byte for byte (property-tested below): the
//! scale's trailing zeros kept, a `0` before a leading point, and `-` for every negative
//! sign, negative zero's included.

use gpuecon::Decimal;

/// The base of the groups the mantissa is cut into: nine decimal digits, the most a `u32`
/// holds.
const GROUP: u64 = 1_000_000_000;
/// Digits in a full group.
const GROUP_DIGITS: usize = 9;

/// Appends `value`'s text, as rust_decimal's `Display` writes it (`1.50`, `-0.007`, `0.000`,
/// `-0`, `79228162514264337593543950335`).
pub fn write_decimal(out: &mut String, value: &Decimal) {
    let (groups, count) = groups(value.mantissa().unsigned_abs());
    // The digits written: the leading group's own, nine for each group under it.
    let leading = count
        .checked_sub(1)
        .and_then(|top| groups.get(top))
        .map_or(0, |&group| digit_count(group));
    let length = leading + GROUP_DIGITS * count.saturating_sub(1);
    let scale = usize::try_from(value.scale()).unwrap_or(usize::MAX);
    // rust_decimal pads the digits with zeros on the left to at least the scale.
    let padded = length.max(scale);
    let whole = padded - scale;

    if value.is_sign_negative() {
        out.push('-');
    }
    if whole == 0 {
        out.push('0');
    }
    let mut position = 0;
    let mut digit = |out: &mut String, byte: u8| {
        if position == whole && scale > 0 {
            out.push('.');
        }
        out.push(char::from(byte));
        position += 1;
    };
    for _ in length..padded {
        digit(out, b'0');
    }
    for (index, &group) in groups.iter().take(count).rev().enumerate() {
        let skip = if index == 0 {
            GROUP_DIGITS - leading
        } else {
            0
        };
        for &byte in nine_digits(group).iter().skip(skip) {
            digit(out, byte);
        }
    }
}

/// The magnitude's groups of nine digits, least significant first, and how many there are
/// (none for zero; at most 4, since 2^96 < 10^36).
fn groups(magnitude: u128) -> ([u32; 4], usize) {
    // The three 32-bit words of the 96-bit mantissa, most significant first (the casts
    // keep each word's bits).
    let mut words = [
        (magnitude >> 64) as u32,
        (magnitude >> 32) as u32,
        magnitude as u32,
    ];
    let mut groups = [0; 4];
    let mut count = 0;
    for group in &mut groups {
        if words == [0; 3] {
            break;
        }
        // Long division by 10^9, one word at a time: each step divides a number below
        // 10^9 · 2^32 < 2^64.
        let mut remainder = 0_u64;
        for word in &mut words {
            let dividend = (remainder << 32) | u64::from(*word);
            *word = u32::try_from(dividend / GROUP).unwrap_or(u32::MAX);
            remainder = dividend % GROUP;
        }
        *group = u32::try_from(remainder).unwrap_or(0);
        count += 1;
    }
    (groups, count)
}

/// The nine ASCII digits of `group` (below 10^9), zero-padded.
fn nine_digits(mut group: u32) -> [u8; GROUP_DIGITS] {
    let mut digits = [b'0'; GROUP_DIGITS];
    for slot in digits.iter_mut().rev() {
        // `group % 10` is below 10: the cast keeps it.
        *slot = b'0' + (group % 10) as u8;
        group /= 10;
    }
    digits
}

/// How many digits `group` has without leading zeros (1 to 9; a group written is never 0
/// when it leads, but 0 counts as one digit).
fn digit_count(group: u32) -> usize {
    let mut count = 1;
    let mut rest = group / 10;
    while rest > 0 {
        count += 1;
        rest /= 10;
    }
    count
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ours(value: &Decimal) -> String {
        let mut out = String::new();
        write_decimal(&mut out, value);
        out
    }

    /// Zero with a negative sign (which `from_parts` clears): what `(-0).max(0)` kept
    /// once (see the waterfall's history).
    fn negative_zero(scale: u32) -> Decimal {
        let mut zero = Decimal::new(0, scale);
        zero.set_sign_negative(true);
        zero
    }

    /// Values whose text is known by hand, and the edges of the representation.
    #[test]
    fn writes_what_display_writes_at_the_edges() {
        let cases: [(Decimal, &str); 14] = [
            (Decimal::ZERO, "0"),
            (Decimal::new(0, 3), "0.000"),
            (Decimal::new(-0, 2), "0.00"),
            (negative_zero(0), "-0"),
            (negative_zero(4), "-0.0000"),
            (Decimal::new(150, 2), "1.50"),
            (Decimal::new(-7, 3), "-0.007"),
            (Decimal::new(1_000_000_000, 0), "1000000000"),
            (Decimal::new(999_999_999, 9), "0.999999999"),
            (Decimal::new(1_000_000_000, 9), "1.000000000"),
            (Decimal::MAX, "79228162514264337593543950335"),
            (Decimal::MIN, "-79228162514264337593543950335"),
            (
                Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 28),
                "7.9228162514264337593543950335",
            ),
            (
                Decimal::from_parts(1, 0, 0, true, 28),
                "-0.0000000000000000000000000001",
            ),
        ];
        for (value, text) in cases {
            assert_eq!(ours(&value), text);
            // The hand-written text is also Display's.
            assert_eq!(value.to_string(), text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Any mantissa (the three words at random, so the i96 extremes and every length
        /// are drawn), any sign, any scale from 0 to 28.
        #[test]
        fn writes_what_display_writes(
            lo in any::<u32>(),
            mid in any::<u32>(),
            hi in any::<u32>(),
            negative in any::<bool>(),
            scale in 0_u32..=28,
        ) {
            let mut value = Decimal::from_parts(lo, mid, hi, negative, scale);
            // `from_parts` clears the sign of zero; set it, so negative zero is drawn too.
            value.set_sign_negative(negative);
            prop_assert_eq!(ours(&value), value.to_string());
        }

        /// Short mantissas, where the padding with zeros and the leading `0.` are.
        #[test]
        fn writes_short_mantissas_as_display_does(
            mantissa in -1_000_000_000_000_i64..1_000_000_000_000,
            scale in 0_u32..=28,
        ) {
            let value = Decimal::new(mantissa, scale);
            prop_assert_eq!(ours(&value), value.to_string());
        }
    }
}

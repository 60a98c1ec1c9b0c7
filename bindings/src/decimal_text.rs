//! Numbers' text without `core::fmt`: the digits every result crosses the boundary as
//! (decimals, and the integers and dates of [`crate::to_json`]).
//!
//! rust_decimal's `Display` divides its 96-bit mantissa by 10 once per digit, each a
//! three-word long division, and goes through `Formatter::pad_integral`; in the wasm
//! module, built for size, that was 43 % of a whole `evaluate` call (issue 21). Here the
//! mantissa is divided by 10^9 once per nine digits (three 64-bit divisions), and each
//! group of nine is split two digits at a time by divisions of a `u32` by the constant 100,
//! which compile to multiplications, each pair copied from a table; the point is put in
//! once the digits are written (no test per digit). The text is `Display`'s, byte for byte
//! (property-tested below): the scale's trailing zeros kept, a `0` before a leading point,
//! and `-` for every negative sign, negative zero's included.

use gpuecon::Decimal;

/// The base of the groups the mantissa is cut into: nine decimal digits, the most a `u32`
/// holds.
const GROUP: u64 = 1_000_000_000;
/// Digits in a full group.
const GROUP_DIGITS: usize = 9;

/// Appends `value`'s text, as rust_decimal's `Display` writes it (`1.50`, `-0.007`, `0.000`,
/// `-0`, `79228162514264337593543950335`).
///
/// The text is built right to left in a buffer on the stack (the fraction's digits, the
/// point, the whole part's, the sign) and appended with one copy: no per-character push.
// The finance functions' results (`args.rs`) and the decimals a positional report writes
// beside its JSON (`to_json.rs`): not in the Monte Carlo's module.
#[cfg(any(feature = "finance", feature = "json"))]
pub fn write_decimal(out: &mut String, value: &Decimal) {
    write_decimal_text(out, value, false);
}

// The models' results only (`to_json.rs`); the finance functions write bare decimals.
#[cfg(feature = "json")]
/// [`write_decimal`]'s text in double quotes: a decimal as JSON holds it, appended at once.
pub fn write_quoted_decimal(out: &mut String, value: &Decimal) {
    write_decimal_text(out, value, true);
}

/// A decimal's text, quoted or not.
fn write_decimal_text(out: &mut String, value: &Decimal, quoted: bool) {
    let magnitude = value.mantissa().unsigned_abs();
    // Zero at scale 0, the commonest value of a report (the lines a scenario leaves out).
    if magnitude == 0 && value.scale() == 0 && !value.is_sign_negative() {
        out.push_str(if quoted { "\"0\"" } else { "0" });
        return;
    }
    let (groups, count) = groups(magnitude);
    let scale = usize::try_from(value.scale()).unwrap_or(usize::MAX);
    let mut text = Text::new();
    if quoted {
        text.byte(b'"');
    }
    // The digits alone, right to left; the point goes in once they are all written.
    let end = text.start;
    for (index, &group) in groups.iter().take(count).enumerate() {
        // Every group but the leading one has its nine digits, zeros included.
        let minimum = if index + 1 < count { GROUP_DIGITS } else { 1 };
        text.group(group, minimum);
    }
    // rust_decimal pads the digits with zeros on the left to at least the scale, and writes
    // a `0` before a leading point (and for zero at scale 0).
    while end - text.start <= scale && text.start > 0 {
        text.byte(b'0');
    }
    if scale > 0 {
        text.point(end.saturating_sub(scale));
    }
    if value.is_sign_negative() {
        text.byte(b'-');
    }
    if quoted {
        text.byte(b'"');
    }
    out.push_str(text.as_str());
}

// The models' results only (`to_json.rs`); the finance functions write bare decimals.
#[cfg(feature = "json")]
/// Appends the decimal digits of `magnitude`, after a `-` when `negative`.
pub fn write_integer(out: &mut String, negative: bool, magnitude: u64) {
    let mut text = Text::new();
    let mut rest = magnitude;
    // Nine digits at a time: the groups are `u32`s, whose divisions by 100 are cheap.
    while rest >= GROUP {
        text.group(u32::try_from(rest % GROUP).unwrap_or(0), GROUP_DIGITS);
        rest /= GROUP;
    }
    text.group(u32::try_from(rest).unwrap_or(0), 1);
    if negative {
        text.byte(b'-');
    }
    out.push_str(text.as_str());
}

// The positional reports' decimal indexes only (`to_json.rs`).
#[cfg(feature = "json")]
/// Appends the digits of `index` (a decimal's index in a report's table), as
/// [`write_integer`] writes them: below 1,000 (a report's distinct decimals number a few
/// hundred, and half its decimals are `0`) pushed from the pair table without the buffer
/// [`write_integer`] fills and checks with `from_utf8` (3.6 % of a whole `evaluate` of
/// h100-cluster-1024 in the module, profiled).
pub fn write_index(out: &mut String, index: u32) {
    if index < 10 {
        out.push(char::from_digit(index, 10).unwrap_or('0'));
    } else if index < 100 {
        out.push_str(pair_text(index));
    } else if index < 1_000 {
        out.push(char::from_digit(index / 100, 10).unwrap_or('0'));
        out.push_str(pair_text(index % 100));
    } else {
        write_integer(out, false, u64::from(index));
    }
}

/// The two digits of `pair` (below 100) as text.
#[cfg(feature = "json")]
fn pair_text(pair: u32) -> &'static str {
    let at = usize::try_from(pair).unwrap_or(0) * 2;
    DIGIT_PAIRS_TEXT.get(at..at + 2).unwrap_or("00")
}

// The models' results only (`to_json.rs`); the finance functions write bare decimals.
#[cfg(feature = "json")]
/// Appends `value` (below 10^`width`) as exactly `width` digits, zeros on the left
/// (`0001`, `07`).
pub fn write_padded(out: &mut String, value: u32, width: usize) {
    let mut text = Text::new();
    text.group(value, width);
    out.push_str(text.as_str());
}

/// `00`, `01`, … `99`: two digits from one division of a `u32` by 100 (a multiplication).
const DIGIT_PAIRS_TEXT: &str = "\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";
/// [`DIGIT_PAIRS_TEXT`]'s bytes.
const DIGIT_PAIRS: &[u8] = DIGIT_PAIRS_TEXT.as_bytes();

/// A number's text, written right to left into the end of a buffer on the stack: the
/// longest, `"-0.` and 28 more digits and `"` (or `-` and 29 digits, quoted), is 33 bytes.
/// Its methods are always inlined (the module is built for size, where they would not be:
/// a call per digit cost a tenth of a whole `evaluate`, measured).
struct Text {
    bytes: [u8; 40],
    /// Where the text starts: it is `bytes[start..]`.
    start: usize,
}

impl Text {
    #[inline(always)]
    fn new() -> Self {
        Self {
            bytes: [0; 40],
            start: 40,
        }
    }

    /// Writes `byte` before the text (a byte past the buffer's front is dropped: never,
    /// with the lengths above).
    #[inline(always)]
    fn byte(&mut self, byte: u8) {
        if let Some(start) = self.start.checked_sub(1) {
            if let Some(slot) = self.bytes.get_mut(start) {
                *slot = byte;
                self.start = start;
            }
        }
    }

    /// Writes the two digits of `pair` (below 100) before the text.
    #[inline(always)]
    fn pair(&mut self, pair: u32) {
        let at = usize::try_from(pair).unwrap_or(0) * 2;
        if let (Some(start), Some(digits)) =
            (self.start.checked_sub(2), DIGIT_PAIRS.get(at..at + 2))
        {
            if let Some(slot) = self.bytes.get_mut(start..start + 2) {
                slot.copy_from_slice(digits);
                self.start = start;
            }
        }
    }

    /// Writes `group`'s digits before the text, at least `minimum` of them (zeros on the
    /// left), two at a time.
    #[inline(always)]
    fn group(&mut self, mut group: u32, minimum: usize) {
        let end = self.start;
        while group >= 100 {
            self.pair(group % 100);
            group /= 100;
        }
        if group >= 10 {
            self.pair(group);
        } else if group > 0 {
            // Below 10: the cast keeps it.
            self.byte(b'0' + group as u8);
        }
        while end - self.start < minimum && self.start > 0 {
            self.byte(b'0');
        }
    }

    /// Puts a point before the byte at `at` (within the text): the digits before it move
    /// one place left.
    #[inline(always)]
    fn point(&mut self, at: usize) {
        if let Some(start) = self.start.checked_sub(1) {
            if at > self.start && at <= self.bytes.len() {
                self.bytes.copy_within(self.start..at, start);
                if let Some(slot) = self.bytes.get_mut(at - 1) {
                    *slot = b'.';
                }
                self.start = start;
            }
        }
    }

    /// The text written (ASCII, so valid UTF-8).
    #[inline(always)]
    fn as_str(&self) -> &str {
        self.bytes
            .get(self.start..)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }
}

/// The magnitude's groups of nine digits, least significant first, and how many there are
/// (none for zero; at most 4, since 2^96 < 10^36).
fn groups(magnitude: u128) -> ([u32; 4], usize) {
    let mut groups = [0; 4];
    let mut count = 0;
    // The high 32-bit word of the 96-bit mantissa (the cast keeps its bits) and the low 64
    // bits: while the high word is not zero, one group is cut off by a long division, one
    // 32-bit word at a time (each step divides a number below 10^9 · 2^32 < 2^64); then the
    // rest, which fits 64 bits, by one division per group.
    let mut high = (magnitude >> 64) as u32;
    let mut low = magnitude as u64;
    for group in &mut groups {
        let remainder = if high != 0 {
            let mut remainder = 0_u64;
            let mut words = [high, (low >> 32) as u32, low as u32];
            for word in &mut words {
                let dividend = (remainder << 32) | u64::from(*word);
                *word = u32::try_from(dividend / GROUP).unwrap_or(u32::MAX);
                remainder = dividend % GROUP;
            }
            let [top, middle, bottom] = words;
            high = top;
            low = (u64::from(middle) << 32) | u64::from(bottom);
            remainder
        } else if low != 0 {
            let remainder = low % GROUP;
            low /= GROUP;
            remainder
        } else {
            break;
        };
        *group = u32::try_from(remainder).unwrap_or(0);
        count += 1;
    }
    (groups, count)
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

    #[cfg(feature = "json")]
    fn integer(negative: bool, magnitude: u64) -> String {
        let mut out = String::new();
        write_integer(&mut out, negative, magnitude);
        out
    }

    /// Integers by hand at the group edges, and `Display`'s text for the extremes; quoted
    /// decimals.
    #[cfg(feature = "json")]
    #[test]
    fn writes_integers_padded_digits_and_quoted_decimals() {
        let mut quoted = String::new();
        write_quoted_decimal(&mut quoted, &Decimal::MIN.trunc_with_scale(0));
        write_quoted_decimal(&mut quoted, &Decimal::from_parts(1, 0, 0, true, 28));
        assert_eq!(
            quoted,
            "\"-79228162514264337593543950335\"\"-0.0000000000000000000000000001\""
        );

        assert_eq!(integer(false, 0), "0");
        assert_eq!(integer(true, 7), "-7");
        assert_eq!(integer(false, 999_999_999), "999999999");
        assert_eq!(integer(false, 1_000_000_000), "1000000000");
        assert_eq!(
            integer(false, 1_000_000_000_000_000_001),
            "1000000000000000001"
        );
        assert_eq!(integer(false, u64::MAX), "18446744073709551615");
        assert_eq!(integer(false, u64::MAX), u64::MAX.to_string());
        assert_eq!(integer(true, i64::MIN.unsigned_abs()), i64::MIN.to_string());
        let mut out = String::new();
        write_padded(&mut out, 1, 4);
        write_padded(&mut out, 12, 2);
        write_padded(&mut out, 9999, 4);
        assert_eq!(out, "0001129999");
    }

    /// Every index below 100,000 (each fast path and the first lengths beyond them) and the
    /// largest: `Display`'s text.
    #[cfg(feature = "json")]
    #[test]
    fn writes_indexes_as_display_does() {
        let mut out = String::new();
        for index in (0..100_000).chain([u32::MAX]) {
            out.clear();
            write_index(&mut out, index);
            assert_eq!(out, index.to_string());
        }
    }

    #[cfg(feature = "json")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Any `u64`, either sign: `Display`'s text.
        #[test]
        fn writes_integers_as_display_does(magnitude in any::<u64>(), negative in any::<bool>()) {
            let expected = if negative { format!("-{magnitude}") } else { magnitude.to_string() };
            prop_assert_eq!(integer(negative, magnitude), expected);
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

//! JavaScript values in, decimal strings out.
//!
//! Money crosses the boundary as decimal strings so that no cent is lost to binary
//! floating point; plain JS numbers are accepted as input and read by their shortest
//! round-trip decimal form (`0.1` is exactly 0.1), and so are the values users hold
//! decimals in: a BigInt, or an object whose `toString()` gives a decimal (decimal.js's
//! `Decimal`, big.js's `Big`, bignumber.js's `BigNumber`), read exactly by that text.
//!
//! The readers every finance export calls for each argument are never inlined: one call
//! per argument instead of a copy per argument keeps the module small (docs/size.md).

use gpuecon::{Date, Decimal, FinanceError, finance::PaymentTiming, units};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue, prelude::wasm_bindgen};

use crate::decimal_text::write_decimal;

/// Why an object (or an array) is not read as a decimal: what is.
const NOT_A_DECIMAL_OBJECT: &str = "must be a number, a decimal string, a BigInt, or an object whose toString() gives a decimal (decimal.js, big.js)";

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    /// `String(value)` (`None` for an array or a typed array), or the exception it threw
    /// (a `toString` that throws, a Proxy).
    #[wasm_bindgen(catch)]
    fn decimal_text(value: &JsValue) -> Result<Option<String>, JsValue>;
}

/// Reads a number or a decimal string (`"1234.56"`, `"-0.5"`, `"1e-7"`) as a [`Decimal`]:
/// numbers by their shortest round-trip decimal form ([`decimal_from_number`]), strings
/// exactly ([`parse_decimal`]); a BigInt, or an object (decimal.js, big.js, anything whose
/// `toString()` gives a decimal), exactly by the text `String(value)` gives.
#[inline(never)]
pub fn decimal(value: &JsValue, field: &'static str) -> Result<Decimal, FinanceError> {
    if let Some(number) = value.as_f64() {
        return decimal_from_number(number, field);
    }
    if let Some(text) = value.as_string() {
        return parse_decimal(&text, field);
    }
    let not_a_number = FinanceError::InvalidArgument {
        field,
        reason: NOT_A_DECIMAL_OBJECT,
    };
    if !(value.is_object() || value.is_bigint()) {
        return Err(not_a_number);
    }
    // An object's text that is no decimal ("[object Object]") says what is accepted rather
    // than why the text is not a number.
    match decimal_text(value) {
        Ok(Some(text)) => parse_decimal(&text, field).map_err(|_| not_a_number),
        Ok(None) => Err(not_a_number),
        Err(_) => Err(FinanceError::InvalidArgument {
            field,
            reason: "could not be read (its toString() threw)",
        }),
    }
}

/// Parses a decimal string, exactly ([`units::parse_decimal`]), the common plain shape by
/// a faster path: more than 28 significant digits is an error, not a silent rounding.
pub fn parse_decimal(text: &str, field: &'static str) -> Result<Decimal, FinanceError> {
    let text = text.trim();
    if let Some(plain) = parse_plain_decimal(text) {
        return Ok(plain);
    }
    units::parse_decimal(text, field)
}

/// The decimal string JavaScript receives: no trailing zeros, no negative zero.
#[inline(never)]
pub fn to_js_decimal(value: Decimal) -> String {
    let normal = value.normalize();
    let mut text = String::new();
    if normal.is_zero() {
        text.push('0');
    } else {
        write_decimal(&mut text, &normal);
    }
    text
}

/// Reads an optional argument: `undefined` or `null` (or a missing trailing argument) is
/// `None`, anything else must be a number or a decimal string.
#[inline(never)]
pub fn optional_decimal(
    value: &JsValue,
    field: &'static str,
) -> Result<Option<Decimal>, FinanceError> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        decimal(value, field).map(Some)
    }
}

/// Reads Excel's optional `type` (0: payments at the end of each period, 1: at the
/// beginning); `undefined` or `null` is `None` (the default, 0).
#[inline(never)]
pub fn optional_timing(value: &JsValue) -> Result<Option<PaymentTiming>, FinanceError> {
    optional_decimal(value, "type")?
        .map(PaymentTiming::from_excel_type)
        .transpose()
}

/// A JavaScript number as a [`Decimal`], quickly: the fewest decimal places (up to 12)
/// at which an integer `m` below 2⁵³ gives back exactly this number as `m / 10^s` (one
/// correctly rounded division of exact operands), which is its shortest decimal form
/// (`1200.5`, `-0.1`). Other finite numbers take [`units::decimal_from_f64`] (float
/// formatting, much slower in WebAssembly); NaN and infinities are errors.
fn decimal_from_number(number: f64, field: &'static str) -> Result<Decimal, FinanceError> {
    const EXACT_BELOW: f64 = 9_007_199_254_740_992.0; // 2^53
    if !number.is_finite() {
        return Err(FinanceError::InvalidArgument {
            field,
            reason: "must be a finite number (not NaN or Infinity)",
        });
    }
    let mut power = 1.0_f64;
    for scale in 0..=12_u32 {
        // Any nearest whole number will do (the check below decides): ties-to-even is
        // one WebAssembly instruction, `round` a library call.
        let scaled = (number * power).round_ties_even();
        if scaled.abs() < EXACT_BELOW && scaled / power == number {
            // |scaled| < 2^53, a whole number: the cast is exact.
            #[allow(clippy::cast_possible_truncation)]
            return Ok(Decimal::new(scaled as i64, scale));
        }
        power *= 10.0;
    }
    units::decimal_from_f64(number, field)
}

/// The common shape of a decimal string, `-?digits(.digits)?` with at most 18 digits, read
/// straight into an `i64` mantissa (the same value and scale as [`parse_decimal`] gives,
/// several times faster in WebAssembly); `None` for anything else, which then takes
/// [`parse_decimal`].
fn parse_plain_decimal(text: &str) -> Option<Decimal> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    let (mut mantissa, mut count, mut scale, mut seen_point) = (0_i64, 0_u32, 0_u32, false);
    for byte in digits {
        match byte {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + i64::from(byte - b'0');
                count += 1;
                if seen_point {
                    scale += 1;
                }
            }
            b'.' if !seen_point && count > 0 => seen_point = true,
            _ => return None,
        }
        if count > 18 {
            return None;
        }
    }
    if count == 0 || (seen_point && scale == 0) {
        return None;
    }
    Some(Decimal::new(
        if negative { -mantissa } else { mantissa },
        scale,
    ))
}

// Arrays are first copied, in JavaScript, into a plain array of their elements, read once:
// a getter that throws, a Proxy or a revoked Proxy then fails there (caught, and reported
// as an argument that cannot be read), never in the middle of the module's own frames.
// Whole arrays then cross the boundary in one call where they can: a JavaScript loop
// copies an array of numbers into a Float64Array (wasm-bindgen copies that into wasm
// memory at once), and an array of dates into [year, month, day, …] triples, instead of
// one call (and one JsValue) per element. `undefined` means "not that simple": the
// per-element path then reads the copy and names any bad element precisely.
#[wasm_bindgen(inline_js = r#"
const MAX_ELEMENTS = 1000000;
export function elements_of(value) {
  try {
    if (!Array.isArray(value)) return 1;
    const length = value.length;
    if (length > MAX_ELEMENTS) return 2;
    const out = new Array(length);
    for (let i = 0; i < length; i++) out[i] = value[i];
    return out;
  } catch {
    return 3;
  }
}
export function numbers_of(array) {
  const out = new Float64Array(array.length);
  for (let i = 0; i < array.length; i++) {
    const x = array[i];
    if (typeof x !== "number") return undefined;
    out[i] = x;
  }
  return out;
}
export function strings_of(array) {
  try {
    let joined = "";
    for (let i = 0; i < array.length; i++) {
      const x = array[i];
      if (typeof x !== "string") return undefined;
      joined = i === 0 ? x : joined + "," + x;
    }
    return joined;
  } catch {
    return undefined; // longer than a string may be
  }
}
function digits(text, from, to) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
export function utc_day(x) {
  try {
    if (!(x instanceof Date)) return undefined;
    const t = x.getTime();
    return Number.isFinite(t) ? Math.floor(t / 86400000) : undefined;
  } catch {
    return undefined;
  }
}
// Dates into `out` from `at`, three numbers each: [year, month, day] for a "YYYY-MM-DD"
// string, [UTC day number since 1970-01-01, 0, 0] for a Date object; false for anything else.
function fill_ymd(out, at, array) {
  for (let i = 0; i < array.length; i++) {
    const x = array[i];
    const k = at + 3 * i;
    if (typeof x === "string") {
      if (x.length !== 10 || x.charCodeAt(4) !== 45 || x.charCodeAt(7) !== 45) return false;
      const y = digits(x, 0, 4), m = digits(x, 5, 7), d = digits(x, 8, 10);
      if (y < 0 || m < 0 || d < 0) return false;
      out[k] = y;
      out[k + 1] = m;
      out[k + 2] = d;
    } else {
      // One getter: the UTC day number since 1970-01-01, marked by a month of 0.
      const day = utc_day(x);
      if (day === undefined) return false;
      out[k] = day;
      out[k + 1] = 0;
      out[k + 2] = 0;
    }
  }
  return true;
}
export function ymd_of(array) {
  const out = new Float64Array(array.length * 3);
  return fill_ymd(out, 0, array) ? out : undefined;
}
// The length of a plain array of at most MAX_ELEMENTS elements; -1 for anything else.
export function plain_length(value) {
  try {
    return Array.isArray(value) && value.length <= MAX_ELEMENTS ? value.length : -1;
  } catch {
    return -1;
  }
}
// The numbers of a plain array of numbers, read once, written straight into `out` (a view
// of the module's memory, as long as the array); false for anything else (the per-element
// path then reads a copy and names a bad element).
export function fill_numbers(value, out) {
  try {
    if (!Array.isArray(value) || value.length !== out.length) return false;
    for (let i = 0; i < out.length; i++) {
      const x = value[i];
      if (typeof x !== "number") return false;
      out[i] = x;
    }
    return true;
  } catch {
    return false;
  }
}
// XIRR's arguments written into `out` (4n long): the n numbers of `values`, then `dates` as
// fill_ymd writes them (3n); false unless both are plain arrays of n such elements.
export function fill_dated_numbers(values, dates, out) {
  try {
    const n = out.length / 4;
    if (!fill_numbers(values, out.subarray(0, n)) || !Array.isArray(dates) || dates.length !== n) {
      return false;
    }
    // Date objects read here, inside this try (fill_ymd would call utc_day's own).
    for (let i = 0; i < n; i++) {
      const x = dates[i];
      if (!(x instanceof Date)) return fill_ymd(out, n, dates);
      const t = x.getTime();
      if (!Number.isFinite(t)) return false;
      out[n + 3 * i] = Math.floor(t / 86400000);
      out[n + 3 * i + 1] = 0;
      out[n + 3 * i + 2] = 0;
    }
    return true;
  } catch {
    return false;
  }
}
"#)]
extern "C" {
    fn elements_of(value: &JsValue) -> JsValue;
    fn numbers_of(array: &Array) -> Option<Vec<f64>>;
    fn strings_of(array: &Array) -> Option<String>;
    fn utc_day(value: &JsValue) -> Option<f64>;
    fn ymd_of(array: &Array) -> Option<Vec<f64>>;
    fn plain_length(value: &JsValue) -> f64;
    fn fill_numbers(value: &JsValue, out: &mut [f64]) -> bool;
    fn fill_dated_numbers(values: &JsValue, dates: &JsValue, out: &mut [f64]) -> bool;
}

/// A plain copy of the elements of a JavaScript array, or [`FinanceError::InvalidArgument`]
/// on `field`: not an array, more than a million elements, or one that cannot be read.
fn elements(value: &JsValue, field: &'static str) -> Result<Array, FinanceError> {
    let copy = elements_of(value);
    let reason = match copy.as_f64() {
        None => return Ok(copy.unchecked_into()),
        Some(1.0) => "must be an array",
        Some(2.0) => "must hold at most 1,000,000 values",
        Some(_) => "could not be read (reading an element threw)",
    };
    Err(FinanceError::InvalidArgument { field, reason })
}

/// Reads an array of numbers or decimal strings (`[-1000, "250.50", 300]`).
pub fn decimals(value: &JsValue, field: &'static str) -> Result<Vec<Decimal>, FinanceError> {
    let array = elements(value, field)?;
    if let Some(numbers) = numbers_of(&array) {
        // A plain loop: iterator adapters over `Result` are not inlined at opt-level "s".
        let mut out = Vec::with_capacity(numbers.len());
        for number in numbers {
            out.push(decimal_from_number(number, field)?);
        }
        return Ok(out);
    }
    // All strings: joined by commas in one call (a comma is never part of a decimal, so a
    // count that differs from the array's length means a bad element: the slow path
    // below then names it).
    if let Some(joined) = strings_of(&array) {
        let parts: Vec<&str> = if array.length() == 0 {
            Vec::new()
        } else {
            joined.split(',').collect()
        };
        if u32::try_from(parts.len()).is_ok_and(|n| n == array.length()) {
            let mut out = Vec::with_capacity(parts.len());
            for text in parts {
                out.push(parse_decimal(text, field)?);
            }
            return Ok(out);
        }
    }
    array
        .iter()
        .map(|element| decimal(&element, field))
        .collect()
}

const NOT_A_DATE: &str = "must hold dates as \"YYYY-MM-DD\" strings or Date objects";

/// Parses a calendar date written `YYYY-MM-DD` (four-digit year, two-digit month and day),
/// and nothing else.
pub fn parse_date(text: &str, field: &'static str) -> Result<Date, FinanceError> {
    text.parse().map_err(|_| FinanceError::InvalidArgument {
        field,
        reason: NOT_A_DATE,
    })
}

/// Reads one date: a `"YYYY-MM-DD"` string, or a `Date` object read by its UTC calendar
/// day (what `new Date("2026-01-01")` and `Date.UTC(...)` denote).
fn date(value: &JsValue, field: &'static str) -> Result<Date, FinanceError> {
    if let Some(text) = value.as_string() {
        return parse_date(&text, field);
    }
    utc_day(value)
        .and_then(from_utc_day)
        .ok_or(FinanceError::InvalidArgument {
            field,
            reason: NOT_A_DATE,
        })
}

/// The date `day` days after 1970-01-01 (JavaScript's day number), if `day` is one.
fn from_utc_day(day: f64) -> Option<Date> {
    if !day.is_finite() {
        return None;
    }
    // A whole number (Math.floor of a finite time, below 10^8 in magnitude): exact.
    #[allow(clippy::cast_possible_truncation)]
    let day = day as i64;
    Date::UNIX_EPOCH.checked_add_days(day)
}

/// Reads an array of dates (`["2026-01-01", new Date("2026-02-01")]`).
pub fn dates(value: &JsValue, field: &'static str) -> Result<Vec<Date>, FinanceError> {
    let array = elements(value, field)?;
    if let Some(fast) = ymd_of(&array).as_deref().and_then(dates_from_triples) {
        return Ok(fast);
    }
    array.iter().map(|element| date(&element, field)).collect()
}

/// The dates `fill_ymd` wrote, three numbers each; `None` if one is no date.
fn dates_from_triples(triples: &[f64]) -> Option<Vec<Date>> {
    // A plain loop: iterator adapters over `Option` are not inlined at opt-level "s".
    let mut out = Vec::with_capacity(triples.len() / 3);
    for ymd in triples.chunks_exact(3) {
        // Whole numbers from a 4-2-2 digit pattern: exact casts.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let date = match ymd {
            [day, m, _] if *m == 0.0 => from_utc_day(*day),
            [y, m, d] => Date::from_ymd_opt(*y as i32, *m as u32, *d as u32),
            _ => None,
        };
        out.push(date?);
    }
    Some(out)
}

/// A JavaScript number as the `f64` the core's root finders use for its decimal,
/// `to_f64_lossy(decimal_from_number(number))`: the number itself when it has at most two
/// decimal places (money; then that decimal is `m / 10^s` with `s ≤ 2`, whose nearest
/// `f64` is the number), else by way of the decimal.
fn float_from_number(number: f64, field: &'static str) -> Result<f64, FinanceError> {
    const EXACT_BELOW: f64 = 9_007_199_254_740_992.0; // 2^53
    let cents = (number * 100.0).round_ties_even();
    if cents.abs() < EXACT_BELOW && cents / 100.0 == number {
        return Ok(number);
    }
    decimal_from_number(number, field).map(units::to_f64_lossy)
}

/// Reads an array of numbers or decimal strings as the `f64` values the core's root
/// finders take ([`gpuecon::finance::irr_f64`]): each the nearest `f64` to its decimal,
/// as [`decimals`] then `to_f64_lossy` would give, a plain array of numbers without the
/// decimals.
pub fn floats(value: &JsValue, field: &'static str) -> Result<Vec<f64>, FinanceError> {
    if let Some(mut numbers) = plain_numbers(value, 1)
        && fill_numbers(value, &mut numbers)
    {
        return checked_numbers(numbers, field);
    }
    Ok(decimals(value, field)?
        .into_iter()
        .map(units::to_f64_lossy)
        .collect())
}

/// A zeroed buffer of `per_element` numbers for each element of `value`, a plain array:
/// JavaScript writes into it in place (no array of its own, no copy).
fn plain_numbers(value: &JsValue, per_element: usize) -> Option<Vec<f64>> {
    let length = plain_length(value);
    // A whole number from 0 to 1,000,000, or -1: the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (length >= 0.0).then(|| vec![0.0; length as usize * per_element])
}

/// [`float_from_number`] of each number, in place.
fn checked_numbers(mut numbers: Vec<f64>, field: &'static str) -> Result<Vec<f64>, FinanceError> {
    for number in &mut numbers {
        *number = float_from_number(*number, field)?;
    }
    Ok(numbers)
}

/// XIRR's `values` (as [`floats`]) and `dates` (as [`dates`]), both from one crossing of
/// the boundary when they are plain arrays of numbers and of dates, as long as each other.
pub fn dated_floats(
    values: &JsValue,
    dates_value: &JsValue,
) -> Result<(Vec<f64>, Vec<Date>), FinanceError> {
    if let Some(mut both) = plain_numbers(values, 4)
        && fill_dated_numbers(values, dates_value, &mut both)
    {
        let count = both.len() / 4;
        if let Some(dates) = both.get(count..).and_then(dates_from_triples) {
            both.truncate(count);
            return Ok((checked_numbers(both, "values")?, dates));
        }
    }
    Ok((floats(values, "values")?, dates(dates_value, "dates")?))
}

/// Decimal strings for a JavaScript array of results.
pub fn to_js_decimals(values: Vec<Decimal>) -> Vec<String> {
    values.into_iter().map(to_js_decimal).collect()
}

/// Reads Excel's required `type` (0: payments at the end of each period, 1: at the
/// beginning), as `CUMIPMT` and `CUMPRINC` take it: leaving it out is an error.
#[inline(never)]
pub fn timing(value: &JsValue) -> Result<PaymentTiming, FinanceError> {
    if value.is_undefined() || value.is_null() {
        return Err(FinanceError::InvalidArgument {
            field: "type",
            reason: "is required: 0 (payments at the end of each period) or 1 (at the beginning)",
        });
    }
    PaymentTiming::from_excel_type(decimal(value, "type")?)
}

/// Reads an optional flag: `undefined` or `null` is `None`, otherwise `true` or `false`
/// (Excel's TRUE/FALSE; the numbers 0 and 1 are accepted too, as Excel accepts them).
pub fn optional_bool(value: &JsValue, field: &'static str) -> Result<Option<bool>, FinanceError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Some(flag));
    }
    match value.as_f64() {
        Some(0.0) => Ok(Some(false)),
        Some(1.0) => Ok(Some(true)),
        _ => Err(FinanceError::InvalidArgument {
            field,
            reason: "must be true or false",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_parse_as_the_general_parser_does() {
        for text in [
            "0",
            "-0",
            "1200.50",
            "-50000",
            "0.000000000000000001",
            "123456789012345678",
            "-1.5",
            "7.",
        ] {
            let fast = parse_plain_decimal(text);
            let general = parse_decimal(text, "x").ok();
            if let Some(fast) = fast {
                assert_eq!(Some(fast), general, "{text}");
                assert_eq!(fast.to_string(), general.unwrap().to_string(), "{text}");
            }
        }
        for text in [
            "",
            "-",
            ".5",
            "1e5",
            " 1",
            "1,0",
            "1.2.3",
            "1234567890123456789",
            "+1",
            "--1",
        ] {
            assert_eq!(parse_plain_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn parses_iso_dates_only() {
        assert_eq!(
            parse_date("2026-01-31", "dates"),
            Ok(Date::from_ymd_opt(2026, 1, 31).unwrap())
        );
        for bad in [
            "2026-02-30",
            "2026-1-31",
            "31/01/2026",
            "2026-01-31T00:00:00Z",
            "",
            "+2026-01-31",
        ] {
            assert_eq!(
                parse_date(bad, "dates"),
                Err(FinanceError::InvalidArgument {
                    field: "dates",
                    reason: NOT_A_DATE
                }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn parses_plain_and_scientific_strings() {
        assert_eq!(
            parse_decimal(" 1234.56 ", "x"),
            Ok(Decimal::new(123_456, 2))
        );
        assert_eq!(parse_decimal("1e-7", "x"), Ok(Decimal::new(1, 7)));
        assert_eq!(parse_decimal("-0.5", "x"), Ok(Decimal::new(-5, 1)));
    }

    /// What the core's parser says of a string that is no decimal.
    const NOT_A_NUMBER: &str = "must be a number or a decimal string such as \"1234.56\"";

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for bad in [
            "",
            "abc",
            "1,000",
            "0x10",
            "NaN",
            "1.2.3",
            "12345678901234567890123456789012",
        ] {
            assert_eq!(
                parse_decimal(bad, "cost"),
                Err(FinanceError::InvalidArgument {
                    field: "cost",
                    reason: NOT_A_NUMBER
                }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn output_has_no_trailing_zeros_or_negative_zero() {
        assert_eq!(to_js_decimal(Decimal::new(225_000, 2)), "2250");
        assert_eq!(to_js_decimal(Decimal::new(-0, 3)), "0");
        assert_eq!(to_js_decimal(Decimal::new(-15, 1)), "-1.5");
    }
}

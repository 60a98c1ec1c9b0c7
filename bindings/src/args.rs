//! JavaScript values in, decimal strings out.
//!
//! Money crosses the boundary as decimal strings so that no cent is lost to binary
//! floating point; plain JS numbers are accepted as input and read by their shortest
//! round-trip decimal form (`0.1` is exactly 0.1).

use gpuecon::{Date, Decimal, FinanceError, finance::PaymentTiming, units};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue, prelude::wasm_bindgen};

const NOT_A_NUMBER: &str = "must be a number or a decimal string such as \"1234.56\"";

/// Reads a number or a decimal string (`"1234.56"`, `"-0.5"`, `"1e-7"`) as a [`Decimal`]:
/// numbers by their shortest round-trip decimal form ([`decimal_from_number`]), strings
/// exactly ([`parse_decimal`]).
pub fn decimal(value: &JsValue, field: &'static str) -> Result<Decimal, FinanceError> {
    if let Some(number) = value.as_f64() {
        return decimal_from_number(number, field);
    }
    let Some(text) = value.as_string() else {
        return Err(FinanceError::InvalidArgument {
            field,
            reason: NOT_A_NUMBER,
        });
    };
    parse_decimal(&text, field)
}

/// Parses a decimal string, exactly: more than 28 significant digits is an error, not a
/// silent rounding.
pub fn parse_decimal(text: &str, field: &'static str) -> Result<Decimal, FinanceError> {
    let text = text.trim();
    if let Some(plain) = parse_plain_decimal(text) {
        return Ok(plain);
    }
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    parsed.map_err(|_| FinanceError::InvalidArgument {
        field,
        reason: NOT_A_NUMBER,
    })
}

/// The decimal string JavaScript receives: no trailing zeros, no negative zero.
pub fn to_js_decimal(value: Decimal) -> String {
    let normal = value.normalize();
    if normal.is_zero() {
        "0".to_owned()
    } else {
        normal.to_string()
    }
}

/// Reads an optional argument: `undefined` or `null` (or a missing trailing argument) is
/// `None`, anything else must be a number or a decimal string.
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
pub fn optional_timing(value: &JsValue) -> Result<Option<PaymentTiming>, FinanceError> {
    optional_decimal(value, "type")?
        .map(PaymentTiming::from_excel_type)
        .transpose()
}

/// The elements of a JavaScript array, or [`FinanceError::InvalidArgument`] on `field`.
fn array_elements(value: &JsValue, field: &'static str) -> Result<Vec<JsValue>, FinanceError> {
    if !Array::is_array(value) {
        return Err(FinanceError::InvalidArgument {
            field,
            reason: "must be an array",
        });
    }
    let array: &Array = value.unchecked_ref();
    Ok((0..array.length()).map(|index| array.get(index)).collect())
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

// Whole arrays cross the boundary in one call where they can: a JavaScript loop copies an
// array of numbers into a Float64Array (wasm-bindgen copies that into wasm memory at
// once), and an array of dates into [year, month, day, …] triples, instead of one call
// (and one JsValue) per element. `undefined` means "not that simple": the per-element
// path then reads the array and names any bad element precisely.
#[wasm_bindgen(inline_js = r#"
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
  let joined = "";
  for (let i = 0; i < array.length; i++) {
    const x = array[i];
    if (typeof x !== "string") return undefined;
    joined = i === 0 ? x : joined + "," + x;
  }
  return joined;
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
export function ymd_of(array) {
  const out = new Float64Array(array.length * 3);
  for (let i = 0; i < array.length; i++) {
    const x = array[i];
    if (typeof x === "string") {
      if (x.length !== 10 || x.charCodeAt(4) !== 45 || x.charCodeAt(7) !== 45) return undefined;
      const y = digits(x, 0, 4), m = digits(x, 5, 7), d = digits(x, 8, 10);
      if (y < 0 || m < 0 || d < 0) return undefined;
      out[3 * i] = y;
      out[3 * i + 1] = m;
      out[3 * i + 2] = d;
    } else if (x instanceof Date) {
      // One getter: the UTC day number since 1970-01-01, marked by a month of 0.
      const t = x.getTime();
      if (!Number.isFinite(t)) return undefined;
      out[3 * i] = Math.floor(t / 86400000);
      out[3 * i + 1] = 0;
      out[3 * i + 2] = 0;
    } else {
      return undefined;
    }
  }
  return out;
}
"#)]
extern "C" {
    fn numbers_of(array: &JsValue) -> Option<Vec<f64>>;
    fn strings_of(array: &JsValue) -> Option<String>;
    fn ymd_of(array: &JsValue) -> Option<Vec<f64>>;
}

/// Reads an array of numbers or decimal strings (`[-1000, "250.50", 300]`).
pub fn decimals(value: &JsValue, field: &'static str) -> Result<Vec<Decimal>, FinanceError> {
    if Array::is_array(value)
        && let Some(numbers) = numbers_of(value)
    {
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
    if Array::is_array(value)
        && let Some(joined) = strings_of(value)
    {
        let length = value.unchecked_ref::<Array>().length();
        let parts: Vec<&str> = if length == 0 {
            Vec::new()
        } else {
            joined.split(',').collect()
        };
        if u32::try_from(parts.len()).is_ok_and(|n| n == length) {
            let mut out = Vec::with_capacity(parts.len());
            for text in parts {
                out.push(parse_decimal(text, field)?);
            }
            return Ok(out);
        }
    }
    array_elements(value, field)?
        .iter()
        .map(|element| decimal(element, field))
        .collect()
}

/// 1970-01-01 as chrono's day number from the Common Era (0001-01-01 is day 1).
const UNIX_EPOCH_CE_DAY: i32 = 719_163;

const NOT_A_DATE: &str = "must hold dates as \"YYYY-MM-DD\" strings or Date objects";

/// Parses a calendar date written `YYYY-MM-DD` (four-digit year, two-digit month and day),
/// and nothing else.
pub fn parse_date(text: &str, field: &'static str) -> Result<Date, FinanceError> {
    let invalid = FinanceError::InvalidArgument {
        field,
        reason: NOT_A_DATE,
    };
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(invalid);
    }
    Date::parse_from_str(text, "%Y-%m-%d").map_err(|_| invalid)
}

/// Reads one date: a `"YYYY-MM-DD"` string, or a `Date` object read by its UTC calendar
/// day (what `new Date("2026-01-01")` and `Date.UTC(...)` denote).
pub fn date(value: &JsValue, field: &'static str) -> Result<Date, FinanceError> {
    if let Some(text) = value.as_string() {
        return parse_date(&text, field);
    }
    let invalid = FinanceError::InvalidArgument {
        field,
        reason: NOT_A_DATE,
    };
    let Some(js_date) = value.dyn_ref::<js_sys::Date>() else {
        return Err(invalid);
    };
    if js_date.get_time().is_nan() {
        return Err(invalid);
    }
    let year = i32::try_from(js_date.get_utc_full_year()).map_err(|_| invalid.clone())?;
    Date::from_ymd_opt(year, js_date.get_utc_month() + 1, js_date.get_utc_date()).ok_or(invalid)
}

/// Reads an array of dates (`["2026-01-01", new Date("2026-02-01")]`).
pub fn dates(value: &JsValue, field: &'static str) -> Result<Vec<Date>, FinanceError> {
    if Array::is_array(value)
        && let Some(triples) = ymd_of(value)
    {
        // Whole numbers from JavaScript's date getters or a 4-2-2 digit pattern: exact casts.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let fast: Option<Vec<Date>> = triples
            .chunks_exact(3)
            .map(|ymd| match ymd {
                [days, m, _] if *m == 0.0 => {
                    Date::from_num_days_from_ce_opt((*days as i32).checked_add(UNIX_EPOCH_CE_DAY)?)
                }
                [y, m, d] => Date::from_ymd_opt(*y as i32, *m as u32, *d as u32),
                _ => None,
            })
            .collect();
        if let Some(fast) = fast {
            return Ok(fast);
        }
    }
    array_elements(value, field)?
        .iter()
        .map(|element| date(element, field))
        .collect()
}

/// Decimal strings for a JavaScript array of results.
pub fn to_js_decimals(values: Vec<Decimal>) -> Vec<String> {
    values.into_iter().map(to_js_decimal).collect()
}

/// Reads Excel's required `type` (0: payments at the end of each period, 1: at the
/// beginning), as `CUMIPMT` and `CUMPRINC` take it: leaving it out is an error.
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
    fn the_unix_epoch_day() {
        assert_eq!(
            Date::from_num_days_from_ce_opt(UNIX_EPOCH_CE_DAY),
            Date::from_ymd_opt(1970, 1, 1)
        );
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

//! JavaScript values in, decimal strings out.
//!
//! Money crosses the boundary as decimal strings so that no cent is lost to binary
//! floating point; plain JS numbers are accepted as input and read by their shortest
//! round-trip decimal form (`0.1` is exactly 0.1).

use gpuecon::{Decimal, FinanceError, units};
use wasm_bindgen::JsValue;

const NOT_A_NUMBER: &str = "must be a number or a decimal string such as \"1234.56\"";

/// Reads a number or a decimal string (`"1234.56"`, `"-0.5"`, `"1e-7"`) as a [`Decimal`].
pub fn decimal(value: &JsValue, field: &'static str) -> Result<Decimal, FinanceError> {
    if let Some(number) = value.as_f64() {
        if !number.is_finite() {
            return Err(FinanceError::InvalidArgument {
                field,
                reason: "must be a finite number (not NaN or Infinity)",
            });
        }
        return units::decimal_from_f64(number, field);
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

#[cfg(test)]
mod tests {
    use super::*;

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

//! `nvidia-smi --query-gpu=... --format=csv` output.

/// Parses one field of `nvidia-smi --format=csv` output to a number, with or without its
/// unit (`"69.63 W"`, `"81559 MiB"`, `"0 %"`, or with `nounits`, `"69.63"`).
///
/// Returns `None` for the values `nvidia-smi` prints when it does not know
/// (`[N/A]`, `[Not Supported]`, `[Unknown Error]`, ...) and for anything that is not a
/// number: unknown is never reported as 0.
///
/// ```
/// use gpuecon_telemetry::smi::parse_number;
/// assert_eq!(parse_number(" 69.63 W"), Some(69.63));
/// assert_eq!(parse_number("81559 MiB"), Some(81559.0));
/// assert_eq!(parse_number("[N/A]"), None);
/// assert_eq!(parse_number("[Not Supported]"), None);
/// ```
#[must_use]
pub fn parse_number(field: &str) -> Option<f64> {
    let number = field.split_whitespace().next()?;
    number.parse::<f64>().ok().filter(|value| value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_fields_from_a_recorded_h100_line() {
        // From fixtures/telemetry/nvidia-smi/h100-80gb-hbm3_590.48.01_query-gpu_all-fields:
        // "power.draw [W]" and "memory.total [MiB]" columns.
        assert_eq!(parse_number("69.40 W"), Some(69.40));
        assert_eq!(parse_number(" 81559 MiB"), Some(81_559.0));
        assert_eq!(parse_number("35"), Some(35.0));
    }

    #[test]
    fn unknown_is_none_never_zero() {
        for unknown in [
            "[N/A]",
            "[Not Supported]",
            "[Unknown Error]",
            "",
            "  ",
            "N/A",
            "nan",
            "inf",
        ] {
            assert_eq!(parse_number(unknown), None, "{unknown:?}");
        }
    }
}

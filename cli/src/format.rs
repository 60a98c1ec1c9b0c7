//! How numbers look in a terminal: rounded for display only (half-even, the core's
//! `round_for_display`), money with thousands separators, ratios as percent, unknown as
//! `n/a`. Machine formats (JSON, CSV) print the exact values instead.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};
use gpuecon::Decimal;
use gpuecon::units::{Rounding, round_for_display};

/// What an unknown value shows.
pub const UNKNOWN: &str = "n/a";

/// `1234567.891` with `places` decimals: `1,234,567.89`.
pub fn grouped(value: Decimal, places: u32) -> String {
    let rounded = round_for_display(value, places, Rounding::HalfEven);
    let text = format!("{:.*}", usize::try_from(places).unwrap_or(2), rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("-{out}")
    } else {
        out
    }
}

/// Dollars to the cent: `$1,234.57`, `-$12.00`.
pub fn usd(value: Decimal) -> String {
    dollars(value, 2)
}

/// Dollars with `places` decimals.
pub fn dollars(value: Decimal, places: u32) -> String {
    let text = grouped(value, places);
    match text.strip_prefix('-') {
        Some(rest) => format!("-${rest}"),
        None => format!("${text}"),
    }
}

/// A fraction as percent with one decimal: `0.875` → `87.5 %`.
pub fn percent(value: Decimal) -> String {
    format!("{} %", grouped(value * Decimal::ONE_HUNDRED, 1))
}

/// A measured `f64` with `places` decimals.
pub fn measured(value: f64, places: usize) -> String {
    format!("{value:.places$}")
}

/// `value` formatted, or [`UNKNOWN`].
pub fn or_unknown<T>(value: Option<T>, show: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| UNKNOWN.to_owned(), show)
}

/// Hours as people say them: `14.7 s`, `2.5 min`, `3.2 h`.
pub fn duration(hours: f64) -> String {
    let seconds = hours * 3600.0;
    if seconds < 120.0 {
        format!("{seconds:.1} s")
    } else if seconds < 7200.0 {
        format!("{:.1} min", seconds / 60.0)
    } else {
        format!("{hours:.1} h")
    }
}

/// A table in the house style: condensed UTF-8 borders, fitted to the terminal, colours
/// only on a terminal and never with `NO_COLOR` set.
pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(Cell::new));
    if std::env::var_os("NO_COLOR").is_some() {
        table.force_no_tty();
    }
    table
}

/// A right-aligned cell (numbers).
pub fn number(text: impl Into<String>) -> Cell {
    Cell::new(text.into()).set_alignment(CellAlignment::Right)
}

/// A right-aligned money cell, red when negative.
pub fn signed(value: Option<Decimal>, show: impl FnOnce(Decimal) -> String) -> Cell {
    let cell = number(or_unknown(value, show));
    match value {
        Some(v) if v.is_sign_negative() && !v.is_zero() => cell.fg(Color::Red),
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn display_rounding_and_grouping() {
        assert_eq!(usd(d("1234567.885")), "$1,234,567.88"); // half-even
        assert_eq!(usd(d("-12")), "-$12.00");
        assert_eq!(usd(d("-0.001")), "$0.00");
        assert_eq!(grouped(d("999.5"), 0), "1,000");
        assert_eq!(dollars(d("0.0657228"), 4), "$0.0657");
        assert_eq!(percent(d("0.875")), "87.5 %");
        assert_eq!(duration(14.657 / 3600.0), "14.7 s");
        assert_eq!(duration(0.5), "30.0 min");
        assert_eq!(duration(30.0), "30.0 h");
        assert_eq!(or_unknown(None::<f64>, |v| v.to_string()), "n/a");
    }
}

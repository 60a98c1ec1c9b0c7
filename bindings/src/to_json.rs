//! The core's results as JSON text, with as little code per type as possible.
//!
//! A model's result crosses the boundary as the text written here, read by `JSON.parse` on
//! the JavaScript side. The impls for the core's types are generated from the core's
//! source by `cargo xtask codegen` into `generated/to_json.rs` (xtask/src/codegen says why): each is one call to [`write_object`] with the
//! fields' keys (`{"name":`, `,"name":`) and a `&dyn ToJson` for each value, so that a type's impl holds no
//! formatting code of its own. The text is serde_json's for the same value, byte for byte
//! (native tests compare the two on every preset and golden vector): decimals as strings,
//! dates as `YYYY-MM-DD`, `None` as `null`; except that a `u64` (a Monte Carlo seed) is a
//! string of its digits, which a JavaScript number could not hold beyond 2^53.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use gpuecon::{Date, Decimal};

use crate::decimal_table::{DecimalTable, is_first_entry};
use crate::decimal_text::{write_index, write_integer, write_padded, write_quoted_decimal};

/// A value written as JSON text.
pub trait ToJson {
    /// Appends the value's JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// `{"name":value,...}`: each of `keys` followed by its value in `values`. A key is a
/// name with the punctuation before its value: `{"name":` for the first, `,"name":` for
/// the others (names are the core's field names and tags: identifiers, written without
/// escaping), so that each field is one append and its value's text.
///
/// Inside [`positionally`], the same object is written without its keys, as the array
/// of its values in the same order (`[value,...]`; an internally tagged variant's tag is
/// its first value; a decimal as its index in a table beside the JSON), which
/// `js/report.generated.js` turns back into the keyed object.
#[inline(never)]
pub fn write_object(out: &mut String, keys: &[&str], values: &[&dyn ToJson]) {
    if is_positional() {
        out.push('[');
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            value.write_json(out);
        }
        out.push(']');
        return;
    }
    for (key, value) in keys.iter().zip(values) {
        out.push_str(key);
        value.write_json(out);
    }
    out.push_str(if keys.is_empty() { "{}" } else { "}" });
}

thread_local! {
    /// Whether [`write_object`] writes objects as arrays of their values, and decimals as
    /// their index in [`DECIMALS`]: set only while [`positionally`] runs.
    static POSITIONAL: Cell<bool> = const { Cell::new(false) };
    /// The distinct decimals written inside [`positionally`] (its memory kept from one
    /// result to the next).
    static DECIMALS: RefCell<DecimalTable> = const { RefCell::new(DecimalTable::new()) };
}

/// Whether [`positionally`] is running.
fn is_positional() -> bool {
    POSITIONAL.try_with(Cell::get).unwrap_or(false)
}

/// Runs `write` with every object [`write_object`] writes written positionally: as the
/// array of its values, in the order the keyed text has them, and every decimal written
/// as its index in a table of the distinct decimals ([`DecimalTable`]: `0` is always
/// index 0, the others numbered as first written), which is returned with `write`'s
/// result as text: each entry's text (rust_decimal's `Display`, unquoted) followed by a
/// comma. `{"month":1,"revenue":{"total_usd":"5","cost_usd":"0"}}` is `[1,[1,0]]` beside
/// `0,5,`; everything else (strings, dates, numbers, `null`, arrays) is as in the keyed
/// text, so an `Option<Decimal>` is `null` or an index.
///
/// A report's text is a third as long without its keys (34 KB instead of 88 KB for
/// `h100-cluster-1024`), and `JSON.parse` of it with the generated builder that puts the
/// keys back (`js/report.generated.js`) takes about half the time of `JSON.parse` of the
/// keyed text; with the decimals beside it, `JSON.parse` reads no string for them, and
/// one `split(",")` makes each distinct one once (docs/benchmarks.md, issue 21).
pub fn positionally<R>(write: impl FnOnce() -> R) -> (R, String) {
    // `try_with`, not `with`: a `const` `Cell` is never destroyed, so it never fails, and
    // the module leaves out `with`'s panic for an access after a thread's end (measured:
    // 287 bytes gzipped).
    let set = |on| POSITIONAL.try_with(|positional| positional.set(on));
    let _ = DECIMALS.try_with(|table| table.try_borrow_mut().map(|mut t| t.start()));
    let _ = set(true);
    let result = write();
    let _ = set(false);
    let text = DECIMALS.try_with(|table| table.try_borrow_mut().map(|mut t| t.take_text()));
    (result, text.ok().and_then(Result::ok).unwrap_or_default())
}

impl ToJson for str {
    /// A string, escaped as serde_json escapes it: `"` and `\`, and the control
    /// characters (`\b \t \n \f \r` by name, the others as `\u00XX`). The runs between
    /// escapes are copied whole.
    fn write_json(&self, out: &mut String) {
        out.push('"');
        let mut run = 0;
        for (index, byte) in self.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                0x08 => "\\b",
                b'\t' => "\\t",
                b'\n' => "\\n",
                0x0c => "\\f",
                b'\r' => "\\r",
                0..=0x1f => "",
                _ => continue,
            };
            // `index` is an ASCII byte's: a character boundary.
            out.push_str(self.get(run..index).unwrap_or_default());
            if escape.is_empty() {
                out.push_str("\\u00");
                write_padded(out, u32::from(byte >> 4), 1);
                out.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xf)]));
            } else {
                out.push_str(escape);
            }
            run = index + 1;
        }
        out.push_str(self.get(run..).unwrap_or_default());
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl ToJson for Cow<'_, str> {
    fn write_json(&self, out: &mut String) {
        self.as_ref().write_json(out);
    }
}

/// A tag's value in `write_object`'s list (`&"variant"`).
impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

/// A decimal string, as rust_decimal's serde impl writes it (its `Display` text, written by
/// [`write_quoted_decimal`] without `core::fmt`); inside [`positionally`], its index in
/// the table of decimals beside the JSON.
impl ToJson for Decimal {
    fn write_json(&self, out: &mut String) {
        if !is_positional() {
            write_quoted_decimal(out, self);
            return;
        }
        if is_first_entry(self) {
            out.push('0');
            return;
        }
        // The table is borrowed only here and in `positionally`, around no other writing:
        // never found borrowed (the quoted text would be a wrong index).
        let index = DECIMALS.try_with(|table| table.try_borrow_mut().map(|mut t| t.index(self)));
        match index {
            Ok(Ok(index)) => write_index(out, index),
            _ => write_quoted_decimal(out, self),
        }
    }
}

/// `"YYYY-MM-DD"` (the core's dates have years 1 to 9999: four digits).
impl ToJson for Date {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        write_padded(out, self.year().unsigned_abs(), 4);
        out.push('-');
        write_padded(out, self.month(), 2);
        out.push('-');
        write_padded(out, self.day(), 2);
        out.push('"');
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// Whole numbers, as their digits.
macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_integer(out, false, u64::from(*self));
            }
        }
    )*};
}

unsigned!(u8, u16, u32);

/// Whole numbers, as their digits, after a `-` when negative.
macro_rules! signed {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_integer(out, *self < 0, i64::from(*self).unsigned_abs());
            }
        }
    )*};
}

signed!(i8, i16, i32, i64);

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        // A `usize` has at most 64 bits on every target Rust supports.
        write_integer(out, false, u64::try_from(*self).unwrap_or(u64::MAX));
    }
}

/// A string of its decimal digits (`"18446744073709551615"`), not a number: `JSON.parse`
/// would round a number above 2^53 to the nearest double, and a seed given back must be the
/// seed given (the package's types call it `U64String`; `U64Input` takes it back).
impl ToJson for u64 {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        write_integer(out, false, *self);
        out.push('"');
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

/// `[item,...]`.
impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

include!("generated/to_json.rs");

#[cfg(test)]
mod tests {
    use gpuecon::models::{
        self, collateral, concentration, debt, depreciation, facility, hosting, networks, power,
        pricing, take_or_pay, tax, utilization,
    };
    use gpuecon::montecarlo::{
        self, MonteCarloInputs, MonteCarloRun, Options, Stochastic, sensitivity,
    };
    use gpuecon::presets::{self, PresetKind};
    use gpuecon::scenario::{self, portfolio};
    use serde::Serialize;

    use super::*;
    use crate::json::{self, FromJson};

    /// serde_json's compact text, but a `u64` quoted, as [`ToJson`] writes it for
    /// JavaScript.
    struct QuotedU64;

    impl serde_json::ser::Formatter for QuotedU64 {
        fn write_u64<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            value: u64,
        ) -> std::io::Result<()> {
            write!(writer, "\"{value}\"")
        }
    }

    /// serde_json's compact text written positionally, as [`positionally`] writes it: each
    /// object as `[` its values `]`, its keys left out (a `u64` quoted, as [`QuotedU64`]),
    /// and each string that is a decimal's text (`-?digits(.digits)?`: serde writes a
    /// decimal as a string) written as its index among the distinct such texts (`0` first,
    /// the others in the order first seen), each new one and a comma appended to
    /// `decimals`.
    /// Which values an object has, and their order, are serde's derive's. (A string that
    /// only looks like a decimal would be taken out too, and the texts would differ: the
    /// comparison fails rather than passes.)
    struct Positional<'a> {
        /// Whether a key is being written (and left out).
        in_key: bool,
        /// The string value being written, held until its end shows whether it is a
        /// decimal's text; `None` outside a string or once it had an escape (written out).
        string: Option<String>,
        /// The distinct decimals' texts so far, `0` first (there from the start).
        seen: Vec<String>,
        /// Their texts, each followed by a comma.
        decimals: &'a mut String,
    }

    /// Whether `text` is a decimal's text as rust_decimal's `Display` writes it.
    fn is_decimal_text(text: &str) -> bool {
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let unsigned = text.strip_prefix('-').unwrap_or(text);
        match unsigned.split_once('.') {
            Some((whole, fraction)) => digits(whole) && digits(fraction),
            None => digits(unsigned),
        }
    }

    impl serde_json::ser::Formatter for Positional<'_> {
        fn write_u64<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            value: u64,
        ) -> std::io::Result<()> {
            QuotedU64.write_u64(writer, value)
        }

        fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            w.write_all(b"[")
        }

        fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            w.write_all(b"]")
        }

        fn begin_object_key<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            self.in_key = true;
            if first { Ok(()) } else { w.write_all(b",") }
        }

        fn end_object_key<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
            self.in_key = false;
            Ok(())
        }

        fn begin_object_value<W: ?Sized + std::io::Write>(
            &mut self,
            _: &mut W,
        ) -> std::io::Result<()> {
            Ok(())
        }

        fn begin_string<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
            if !self.in_key {
                self.string = Some(String::new());
            }
            Ok(())
        }

        fn end_string<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
            if self.in_key {
                return Ok(());
            }
            match self.string.take() {
                Some(text) if is_decimal_text(&text) => {
                    let index = match self.seen.iter().position(|seen| *seen == text) {
                        Some(index) => index,
                        None => {
                            self.decimals.push_str(&text);
                            self.decimals.push(',');
                            self.seen.push(text);
                            self.seen.len() - 1
                        }
                    };
                    write!(w, "{index}")
                }
                Some(text) => write!(w, "\"{text}\""),
                None => w.write_all(b"\""),
            }
        }

        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            match &mut self.string {
                _ if self.in_key => Ok(()),
                Some(held) => {
                    held.push_str(fragment);
                    Ok(())
                }
                None => w.write_all(fragment.as_bytes()),
            }
        }

        fn write_char_escape<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            escape: serde_json::ser::CharEscape,
        ) -> std::io::Result<()> {
            if self.in_key {
                return Ok(());
            }
            // A string with an escape is no decimal: what was held goes out as it is.
            if let Some(held) = self.string.take() {
                write!(w, "\"{held}")?;
            }
            serde_json::ser::CompactFormatter.write_char_escape(w, escape)
        }
    }

    /// Records where the generated writers inside [`positionally`] and serde_json with
    /// [`Positional`] write `value` differently (the positional text must be the keyed
    /// text's values, in its order, byte for byte).
    fn compare_positional<T: ToJson + Serialize + ?Sized>(
        what: &str,
        value: &T,
        out: &mut Vec<String>,
    ) {
        let mut ours = String::new();
        let ((), our_decimals) = positionally(|| value.write_json(&mut ours));
        let mut serde = Vec::new();
        let mut serde_decimals = "0,".to_owned();
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut serde,
                Positional {
                    in_key: false,
                    string: None,
                    seen: vec!["0".to_owned()],
                    decimals: &mut serde_decimals,
                },
            ))
            .unwrap();
        let serde = String::from_utf8(serde).unwrap();
        if ours != serde || our_decimals != serde_decimals {
            out.push(format!(
                "{what} (positional):\n  ours  {ours}\n        {our_decimals}\n  serde {serde}\n        {serde_decimals}"
            ));
        }
    }

    /// `value`'s text from [`ToJson`], and serde_json's (a `u64` quoted).
    fn both<T: ToJson + Serialize + ?Sized>(value: &T) -> (String, String) {
        let mut ours = String::new();
        value.write_json(&mut ours);
        let mut serde = Vec::new();
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut serde, QuotedU64,
            ))
            .unwrap();
        (ours, String::from_utf8(serde).unwrap())
    }

    /// Records where the generated writer and serde_json write `value` differently. The
    /// texts must be equal, byte for byte: what `JSON.parse` reads from them then is too.
    fn compare<T: ToJson + Serialize + ?Sized>(what: &str, value: &T, out: &mut Vec<String>) {
        let (ours, serde) = both(value);
        if ours != serde {
            out.push(format!("{what}:\n  ours  {ours}\n  serde {serde}"));
        }
    }

    /// A comparison of the texts of one export's result for an input's text.
    type Check = Box<dyn Fn(&str, &str, &mut Vec<String>)>;

    /// A model export, natively: its input read from JSON text as the module reads it, the
    /// model, and the comparison of its result's texts (an input the model rejects is
    /// skipped: the golden vectors check those errors through the package).
    fn export<I, O, E>(model: fn(&I) -> Result<O, E>) -> Check
    where
        I: FromJson + 'static,
        O: ToJson + Serialize + 'static,
        E: 'static,
    {
        Box::new(move |what, text, out| {
            let result = json::parse(text)
                .and_then(I::from_json)
                .map(|input| model(&input));
            if let Ok(Ok(result)) = result {
                compare(what, &result, out);
                compare_positional(what, &result, out);
            }
        })
    }

    /// Every export with an object argument, by its name (the golden vectors' `function`).
    fn exports(name: &str) -> Option<Check> {
        Some(match name {
            "owner_cost" => export(models::owner_cost),
            "collateral_schedule" => export(collateral::collateral_schedule),
            "customer_concentration" => export(concentration::customer_concentration),
            "debt_schedule" => export(debt::debt_schedule),
            "sculpted_debt_capacity" => export(debt::sculpted_debt_capacity),
            "tax_schedule" => export(tax::tax_schedule),
            "book_schedule" => export(depreciation::book_schedule),
            "curve_series" => export(depreciation::curve_series),
            "cascade" => export(depreciation::cascade),
            "economic_end_of_life" => export(depreciation::economic_end_of_life),
            "refresh_decision" => export(depreciation::refresh_decision),
            "value_schedule" => export(depreciation::value_schedule),
            "rack_density" => export(facility::rack_density),
            "mw_to_gpus" => export(facility::mw_to_gpus),
            "gpus_to_mw" => export(facility::gpus_to_mw),
            "lease_schedule" => export(facility::lease_schedule),
            "implied_lease_rate" => export(facility::implied_lease_rate),
            "interconnection_delay" => export(facility::interconnection_delay),
            "hosting_fees" => export(hosting::hosting_fees),
            "emission_schedule" => export(networks::emission_schedule),
            "burn_mint" => export(networks::burn_mint),
            "take_rate_settlement" => export(networks::take_rate_settlement),
            "operator_roi" => export(networks::operator_roi),
            "api_comparison" => export(pricing::api_comparison),
            "energy_split" => export(power::energy_split),
            "energy_cost" => export(power::energy_cost),
            "curtailment_cost" => export(power::curtailment_cost),
            "capacity_book" => export(pricing::capacity_book),
            "published_discounts" => export(pricing::published_discounts),
            "break_even_price" => export(pricing::break_even_price),
            "target_margin_price" => export(pricing::target_margin_price),
            "target_irr_price" => export(pricing::target_irr_price),
            "token_price" => export(pricing::token_price),
            "training_run_cost" => export(pricing::training_run_cost),
            "utilization_yield" => export(utilization::utilization_yield),
            "buyer_cost" => export(utilization::buyer_cost),
            "settle_contract" => export(take_or_pay::settle),
            "contract_backlog" => export(take_or_pay::backlog),
            "evaluate" => export(scenario::evaluate),
            "evaluate_portfolio" => export(portfolio::evaluate_portfolio),
            "montecarlo" => export(montecarlo::run),
            "tornado" => export(sensitivity::tornado),
            "sensitivity_grid" => export(sensitivity::grid),
            _ => return None,
        })
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..=0x7f).map(char::from).collect();
        for text in [
            every_ascii.as_str(),
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\u{e9}\u{2028}\u{2029}\u{fffd}\u{1F600}",
        ] {
            let (ours, serde) = both(text);
            assert_eq!(ours, serde);
            let (ours, serde) = both(&Cow::Borrowed(text));
            assert_eq!(ours, serde);
        }
    }

    #[test]
    fn leaves_are_written_as_serde_json_writes_them() {
        let mut out = Vec::new();
        for text in [
            "0",
            "-0",
            "1.500",
            "-12.5",
            "0.0000001",
            "79228162514264337593543950335",
        ] {
            let decimal: Decimal = text.parse().unwrap();
            compare(text, &decimal, &mut out);
        }
        compare("-1e-28", &Decimal::new(-1, 28), &mut out);
        for (year, month, day) in [(1, 1, 1), (2026, 2, 28), (9999, 12, 31)] {
            compare(
                "date",
                &Date::from_ymd_opt(year, month, day).unwrap(),
                &mut out,
            );
        }
        compare("bool", &vec![true, false], &mut out);
        compare("u8", &u8::MAX, &mut out);
        compare("u64", &vec![0, u64::MAX], &mut out);
        let mut seeds = String::new();
        vec![0, u64::MAX].write_json(&mut seeds);
        assert_eq!(seeds, r#"["0","18446744073709551615"]"#);
        // serde writes a `usize` as a `u64`, which the formatter above quotes: not this.
        let mut size = String::new();
        usize::MAX.write_json(&mut size);
        assert_eq!(size, serde_json::to_string(&usize::MAX).unwrap());
        compare("i64", &vec![i64::MIN, -1, 0, i64::MAX], &mut out);
        compare("i8", &i8::MIN, &mut out);
        compare("options", &vec![None, Some(1u32)], &mut out);
        compare("nested", &vec![vec![], vec![Some(2u16)]], &mut out);
        compare("box", &Box::new(String::from("x")), &mut out);
        // Every escape serde_json writes, between and around runs of plain text.
        compare(
            "escapes",
            "\"a\\b\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f}é€ \u{7f}\"",
            &mut out,
        );
        compare("no escapes", "GPU-hours é", &mut out);
        compare("empty", "", &mut out);
        assert!(out.is_empty(), "{}", out.join("\n"));
    }

    /// Written out by hand: a struct as the array of its values in field order (a string
    /// enum as its name), a tagged variant with its tag first, arrays and `null` as they
    /// are; and keys again once [`positionally`] returns.
    #[test]
    fn objects_are_arrays_of_their_values_inside_positionally() {
        use gpuecon::models::collateral::{CollateralValue, CovenantTest, TestStatus};
        let test = CovenantTest {
            status: TestStatus::Breach,
            consecutive_breach_months: 2,
        };
        let series = CollateralValue::Series {
            origination_value_usd: Decimal::new(15, 1),
            value_usd: vec![Decimal::ONE, Decimal::ZERO],
        };
        let mut text = String::new();
        let ((), decimals) = positionally(|| {
            vec![Some(test), None].write_json(&mut text);
            series.write_json(&mut text);
            Some(Decimal::new(-7, 3)).write_json(&mut text);
            None::<Decimal>.write_json(&mut text);
        });
        // 1.5, 1 and -0.007 numbered from 1 as first written; 0 is always 0.
        assert_eq!(text, r#"[["breach",2],null]["series",1,[2,0]]3null"#);
        assert_eq!(decimals, "0,1.5,1,-0.007,");
        text.clear();
        test.write_json(&mut text);
        Decimal::new(15, 1).write_json(&mut text);
        assert_eq!(
            text,
            r#"{"status":"breach","consecutive_breach_months":2}"1.5""#
        );
        // A second run starts with no decimals of the first.
        let ((), again) = positionally(|| Decimal::TEN.write_json(&mut text));
        assert_eq!(again, "0,10,");
    }

    #[test]
    fn every_core_type_that_derives_serialize_has_a_writer() {
        assert!(UNWRITABLE.is_empty(), "{UNWRITABLE:?}");
    }

    /// At most 20 paths in a Monte Carlo input (anywhere in it): the texts are compared,
    /// not the statistics.
    fn few_paths(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, item) in map.iter_mut() {
                    match (key.as_str(), item.as_u64()) {
                        ("paths" | "count", Some(n)) if n > 20 => *item = 20.into(),
                        _ => few_paths(item),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(few_paths),
            _ => {}
        }
    }

    /// Every golden vector case of a model (one object argument), run natively: the
    /// generated writers write each result as serde_json does.
    #[test]
    fn generated_writers_agree_with_serde_on_every_golden_vector() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        let mut inputs = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let file: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for case in file["cases"].as_array().unwrap() {
                if let [argument @ serde_json::Value::Object(_)] =
                    case["args"].as_array().unwrap().as_slice()
                {
                    let mut argument = argument.clone();
                    few_paths(&mut argument);
                    let function = case["function"].as_str().unwrap().to_owned();
                    inputs.insert((function, argument.to_string()));
                }
            }
        }
        assert!(inputs.len() > 300, "{} inputs", inputs.len());
        let mut out = Vec::new();
        for (function, text) in &inputs {
            let Some(run) = exports(function) else {
                panic!("no export `{function}` in this test's table");
            };
            run(&format!("{function} {text}"), text, &mut out);
        }
        assert!(out.is_empty(), "{}", out.join("\n"));
    }

    /// Every preset's report, and a Monte Carlo of each (a run, its batches and their
    /// report); the catalog and the typical random inputs.
    #[test]
    fn generated_writers_agree_with_serde_on_every_preset() {
        let mut out = Vec::new();
        for preset in presets::all().unwrap() {
            let id = &preset.id;
            compare(id, &preset, &mut out);
            let run = MonteCarloInputs {
                scenario: preset.scenario.clone(),
                portfolio: preset.portfolio.clone(),
                options: Options {
                    paths: 8,
                    seed: 3,
                    stochastic: Stochastic::typical(),
                    ..Options::default()
                },
            };
            match (preset.kind, &preset.scenario, &preset.portfolio) {
                (PresetKind::Scenario, Some(s), _) => {
                    let report = scenario::evaluate(s).unwrap();
                    compare(id, &report, &mut out);
                    compare_positional(id, &report, &mut out);
                }
                (PresetKind::Portfolio, _, Some(p)) => {
                    let report = portfolio::evaluate_portfolio(p).unwrap();
                    compare(id, &report, &mut out);
                    compare_positional(id, &report, &mut out);
                }
                _ => panic!("{id}: no scenario or portfolio"),
            }
            let report = montecarlo::run(&run).unwrap();
            compare(id, &report, &mut out);
            // The handle's progress, and its report (the same) after steps of 5 and 3.
            let mut handle = MonteCarloRun::new(&run).unwrap();
            compare(id, &handle.step(5), &mut out);
            compare(id, &handle.step(3), &mut out);
            assert_eq!(handle.report().unwrap(), report, "{id}");
        }
        compare("gpus", &models::gpus(), &mut out);
        compare("typical", &Stochastic::typical(), &mut out);
        assert!(out.is_empty(), "{}", out.join("\n"));
    }
}

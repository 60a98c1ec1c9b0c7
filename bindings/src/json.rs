//! JSON text into the core's input types, with as little code per type as possible.
//!
//! Every model input crosses the boundary as the text of `JSON.stringify`; this module
//! parses it into a small tree ([`Json`]) and builds the input from the tree with
//! [`FromJson`]. The impls for the core's types are generated from the core's source by
//! `cargo xtask codegen` into `generated/from_json.rs` (xtask/src/codegen says why): each is a list of calls to [`Object::field`] and
//! [`Object::or`] (or [`Object::decoded`], for a field whose JSON form a core `with` module
//! defines), one per field. No serde code is in the module: the error messages are serde's
//! words, written here.
//!
//! Numbers keep their text. A decimal reads it exactly (`0.1` is one tenth), an integer
//! field parses it; no binary floating point is parsed or formatted on the way in.
//!
//! A misspelt key is an error at any depth: every input type denies unknown fields, unit
//! variants of tagged enums included. Errors carry the path of the offending value
//! (`contracts[2].minimum_gpu_hours`); nesting deeper than [`MAX_DEPTH`] is an error, not
//! a stack overflow.

use std::{borrow::Cow, fmt, str::FromStr};

use gpuecon::{Date, Decimal};

/// How deeply arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// Parses `text` (JSON) into a tree.
pub fn parse(text: &str) -> Result<Json, ShapeError> {
    let mut parser = Parser { text, pos: 0 };
    let tree = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos == text.len() {
        Ok(tree)
    } else {
        Err(not_json())
    }
}

/// A value read from a JSON tree.
pub trait FromJson: Sized {
    /// Reads `value`; an error names what is wrong and where.
    fn from_json(value: Json) -> Result<Self, ShapeError>;
}

/// A parsed JSON value; numbers keep their text.
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's entries, in order.
    Object(Vec<(String, Json)>),
}

/// Why an input could not be read, and where. Boxed, so that every `Result` the readers
/// pass around stays one word wider than its value.
pub struct ShapeError(Box<Problem>);

/// What is wrong, and the path to it (innermost step first).
struct Problem {
    path: Vec<Step>,
    message: String,
}

/// One step of a path: an object's key or an array's index.
enum Step {
    Key(String),
    Index(usize),
}

impl ShapeError {
    #[cold]
    #[inline(never)]
    fn at_key(mut self, key: &str) -> Self {
        self.0.path.push(Step::Key(key.to_owned()));
        self
    }

    #[cold]
    #[inline(never)]
    fn at_index(mut self, index: usize) -> Self {
        self.0.path.push(Step::Index(index));
        self
    }

    /// The path of the offending value, each key after a dot and each index in brackets
    /// (`.contracts[2].minimum_gpu_hours`); empty for the value itself.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in self.0.path.iter().rev() {
            match step {
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Step::Index(index) => {
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// What is wrong, without the path.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message())
    }
}

impl fmt::Debug for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for ShapeError {}

// The messages are serde's (`serde::de::Error`), word for word: what the module said when
// serde read its inputs, and what callers may match.

/// An error with `message`, at the value itself (the readers add the path on the way out).
#[cold]
#[inline(never)]
fn shape_error(message: String) -> ShapeError {
    ShapeError(Box::new(Problem {
        path: Vec::new(),
        message,
    }))
}

fn not_json() -> ShapeError {
    shape_error("not valid JSON".to_owned())
}

fn missing_field(name: &str) -> ShapeError {
    shape_error(format!("missing field `{name}`"))
}

fn unknown_field(key: &str, known: &[&str]) -> ShapeError {
    unknown("field", key, known)
}

/// `name` is none of the variants `known`.
pub fn unknown_variant(name: &str, known: &[&str]) -> ShapeError {
    unknown("variant", name, known)
}

/// An unknown field or variant (`what`) and the names expected instead.
fn unknown(what: &str, name: &str, known: &[&str]) -> ShapeError {
    shape_error(match known {
        [] => format!("unknown {what} `{name}`, there are no {what}s"),
        [one] => format!("unknown {what} `{name}`, expected `{one}`"),
        [first, second] => format!("unknown {what} `{name}`, expected `{first}` or `{second}`"),
        _ => {
            let quoted: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            format!(
                "unknown {what} `{name}`, expected one of {}",
                quoted.join(", ")
            )
        }
    })
}

/// `value` is not of the type `expected` describes.
fn type_error(value: &Json, expected: &str) -> ShapeError {
    let found = match value {
        Json::Null => "unit value".to_owned(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Number(_) => "a number".to_owned(),
        Json::String(s) => string_value(s),
        Json::Array(_) => "sequence".to_owned(),
        Json::Object(_) => "map".to_owned(),
    };
    invalid("type", &found, expected)
}

/// `found` has the right type but is not a value `expected` describes.
fn invalid_value(found: &str, expected: &str) -> ShapeError {
    invalid("value", found, expected)
}

fn invalid(what: &str, found: &str, expected: &str) -> ShapeError {
    shape_error(format!("invalid {what}: {found}, expected {expected}"))
}

/// A string as messages quote it: `string "text"`, escaped as Rust's `Debug` escapes it.
fn string_value(text: &str) -> String {
    format!("string {text:?}")
}

/// A recursive-descent JSON parser (RFC 8259) over the text's bytes.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        if byte.is_some() {
            self.pos += 1;
        }
        byte
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, ShapeError> {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(not_json())
        }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    fn value(&mut self, depth: usize) -> Result<Json, ShapeError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') if depth < MAX_DEPTH => self.array(depth + 1),
            Some(b'{') if depth < MAX_DEPTH => self.object(depth + 1),
            Some(b'[' | b'{') => Err(shape_error(format!(
                "nested more than {MAX_DEPTH} levels deep"
            ))),
            _ => Err(not_json()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ShapeError> {
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b']') => return Ok(Json::Array(items)),
                _ => return Err(not_json()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ShapeError> {
        self.pos += 1; // {
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(not_json());
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.next() != Some(b':') {
                return Err(not_json());
            }
            entries.push((key, self.value(depth)?));
            self.skip_whitespace();
            match self.next() {
                Some(b',') => {}
                Some(b'}') => return Ok(Json::Object(entries)),
                _ => return Err(not_json()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, ShapeError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(not_json()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(not_json());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(not_json());
            }
        }
        let text = self.text.get(start..self.pos).ok_or_else(not_json)?;
        Ok(Json::Number(text.to_owned()))
    }

    /// A string, from its opening quote; a lone surrogate escape becomes U+FFFD.
    fn string(&mut self) -> Result<String, ShapeError> {
        self.pos += 1; // "
        let mut out = String::new();
        loop {
            let rest = self.rest();
            let end = rest.find(['"', '\\']).ok_or_else(not_json)?;
            out.push_str(rest.get(..end).unwrap_or_default());
            self.pos += end;
            if self.next() == Some(b'"') {
                return Ok(out);
            }
            let unescaped = match self.next() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => self.unicode_escape()?,
                _ => return Err(not_json()),
            };
            out.push(unescaped);
        }
    }

    /// The character of a `\uXXXX` escape (after the `u`), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, ShapeError> {
        let unit = self.hex4()?;
        if (0xD800..0xDC00).contains(&unit) && self.rest().starts_with("\\u") {
            let before = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.pos = before;
        }
        Ok(char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, ShapeError> {
        let digits = self.rest().get(..4).ok_or_else(not_json)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(not_json());
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| not_json())
    }
}

/// An object being read field by field, each read taking its entry out.
pub struct Object {
    entries: Vec<(String, Json)>,
}

impl Object {
    /// The entries of `value`, which must be an object (`expecting` names the type).
    pub fn open(value: Json, expecting: &'static str) -> Result<Object, ShapeError> {
        match value {
            Json::Object(entries) => Ok(Object { entries }),
            other => Err(type_error(&other, expecting)),
        }
    }

    fn take(&mut self, name: &str) -> Option<Json> {
        let index = self.entries.iter().position(|(key, _)| key == name)?;
        Some(self.entries.swap_remove(index).1)
    }

    // `field` and `or` are instantiated once per field type and called from every field
    // of that type: never inlined (measured: the gzipped module is smaller).

    /// The required field `name`.
    #[inline(never)]
    pub fn field<T: FromJson>(&mut self, name: &'static str) -> Result<T, ShapeError> {
        let value = self.required(name)?;
        T::from_json(value).map_err(|e| e.at_key(name))
    }

    /// The field `name`, or `default` when the object has none (`null` is read as a
    /// value, as serde reads it).
    #[inline(never)]
    pub fn or<T: FromJson>(&mut self, name: &'static str, default: T) -> Result<T, ShapeError> {
        match self.take(name) {
            Some(value) => T::from_json(value).map_err(|e| e.at_key(name)),
            None => Ok(default),
        }
    }

    fn required(&mut self, name: &'static str) -> Result<Json, ShapeError> {
        self.take(name).ok_or_else(|| missing_field(name))
    }

    /// An error if the object has a key not in `known` (before any field is read, so that
    /// a misspelt key is reported rather than the field it was meant to be).
    pub fn only(&self, known: &'static [&'static str]) -> Result<(), ShapeError> {
        match self
            .entries
            .iter()
            .find(|(key, _)| !known.contains(&key.as_str()))
        {
            None => Ok(()),
            Some((key, _)) => Err(unknown_field(key, known).at_key(key)),
        }
    }
}

/// The name of a unit variant, written as a string.
pub fn variant_name(value: Json) -> Result<String, ShapeError> {
    match value {
        Json::String(name) => Ok(name),
        other => Err(type_error(&other, "a variant name")),
    }
}

/// The tag `tag` of an internally tagged enum names none of the variants `known`: an
/// error on the tag's path (`fee.kind`).
pub fn unknown_tag(tag: &'static str, name: &str, known: &'static [&'static str]) -> ShapeError {
    unknown_variant(name, known).at_key(tag)
}

impl FromJson for Decimal {
    /// A number or a decimal string, as rust_decimal's serde impl reads them.
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::Number(text) | Json::String(text) => Decimal::from_str(&text)
                .or_else(|_| Decimal::from_scientific(&text))
                .map_err(|_| {
                    invalid_value(
                        &string_value(&text),
                        "a Decimal type representing a fixed-point number",
                    )
                }),
            other => Err(type_error(
                &other,
                "a Decimal type representing a fixed-point number",
            )),
        }
    }
}

/// Whole numbers: the number's text must be one, in range.
macro_rules! integers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: Json) -> Result<Self, ShapeError> {
                match value {
                    Json::Number(text) => text.parse().map_err(|_| {
                        invalid_value(&text, stringify!($t))
                    }),
                    other => Err(type_error(&other, &stringify!($t))),
                }
            }
        }
    )*};
}

integers!(u8, u16, u32, usize, i8, i16, i32, i64);

impl FromJson for u64 {
    /// A whole number, or a string of its decimal digits: how a BigInt crosses JSON, which
    /// has no exact form for integers above 2^53 (a Monte Carlo seed takes any u64, as the
    /// command does).
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::Number(text) => text.parse().map_err(|_| invalid_value(&text, "u64")),
            Json::String(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
                text.parse()
                    .map_err(|_| invalid_value(&string_value(&text), "u64"))
            }
            other => Err(type_error(&other, "u64")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::Bool(b) => Ok(b),
            other => Err(type_error(&other, "a boolean")),
        }
    }
}

impl FromJson for String {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::String(s) => Ok(s),
            other => Err(type_error(&other, "a string")),
        }
    }
}

impl FromJson for Cow<'static, str> {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        String::from_json(value).map(Cow::Owned)
    }
}

impl FromJson for Date {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::String(s) => s
                .parse()
                .map_err(|_| invalid_value(&string_value(&s), "a date written YYYY-MM-DD")),
            other => Err(type_error(&other, "a date written YYYY-MM-DD")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        let Json::Array(items) = value else {
            return Err(type_error(&value, "an array"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            out.push(T::from_json(item).map_err(|e| e.at_index(index))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        T::from_json(value).map(Box::new)
    }
}

include!("generated/from_json.rs");

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::de::{Error as _, Unexpected, value::Error as SerdeError};

    use super::*;

    // Test types with the impls `cargo xtask codegen` writes for their shapes.

    #[derive(Debug, PartialEq)]
    struct Inner {
        count: u32,
        rate: Decimal,
    }

    impl FromJson for Inner {
        fn from_json(value: Json) -> Result<Self, ShapeError> {
            let mut o = Object::open(value, "struct Inner")?;
            o.only(&["count", "rate"])?;
            Ok(Self {
                count: o.field("count")?,
                rate: o.field("rate")?,
            })
        }
    }

    #[derive(Debug, PartialEq)]
    enum Tagged {
        Flat { inner: Inner },
        Steps { months: u32, values: Vec<Decimal> },
    }

    impl FromJson for Tagged {
        fn from_json(value: Json) -> Result<Self, ShapeError> {
            let mut o = Object::open(value, "enum Tagged")?;
            let kind: String = o.field("kind")?;
            Ok(match kind.as_str() {
                "flat" => {
                    o.only(&["inner"])?;
                    Self::Flat {
                        inner: o.field("inner")?,
                    }
                }
                "steps" => {
                    o.only(&["months", "values"])?;
                    Self::Steps {
                        months: o.field("months")?,
                        values: o.field("values")?,
                    }
                }
                _ => return Err(unknown_variant(&kind, &["flat", "steps"])),
            })
        }
    }

    #[derive(Debug, PartialEq)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
        tagged: Tagged,
        note: Option<String>,
    }

    impl FromJson for Outer {
        fn from_json(value: Json) -> Result<Self, ShapeError> {
            let mut o = Object::open(value, "struct Outer")?;
            o.only(&["name", "items", "tagged", "note"])?;
            Ok(Self {
                name: o.field("name")?,
                items: o.field("items")?,
                tagged: o.field("tagged")?,
                note: o.or("note", None)?,
            })
        }
    }

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn reads_objects_arrays_and_tagged_enums() {
        let text = r#" { "name": "a\"b\u00e9\ud83d\ude00", "items": [{"count": 3, "rate": 0.1},
            {"rate": "1e-7", "count": 0}], "tagged": {"kind": "steps", "values": [1.5, -2, "3"],
            "months": 12}, "note": null } "#;
        let outer: Outer = from_tree(text).unwrap();
        assert_eq!(outer.name, "a\"b\u{e9}\u{1F600}");
        assert_eq!(outer.items[0].rate, dec("0.1"));
        assert_eq!(outer.items[1].rate, dec("0.0000001"));
        assert_eq!(
            outer.tagged,
            Tagged::Steps {
                months: 12,
                values: vec![dec("1.5"), dec("-2"), dec("3")]
            }
        );
        assert_eq!(outer.note, None);
    }

    #[test]
    fn errors_name_the_path() {
        let base = r#"{"name":"n","tagged":{"kind":"flat","inner":{"count":1,"rate":1}},"items":"#;
        let cases = [
            (
                r#"[{"count":1,"rate":1},{"count":-1,"rate":1}]}"#,
                ".items[1].count",
            ),
            (r#"[{"count":1,"rate":1,"extra":1}]}"#, ".items[0].extra"),
            (r#"[{"count":1,"rate":"abc"}]}"#, ".items[0].rate"),
            (r#"[{"count":1.5,"rate":1}]}"#, ".items[0].count"),
            (r#"[[1, 2]]}"#, ".items[0]"),
        ];
        for (tail, path) in cases {
            let error = from_tree::<Outer>(&format!("{base}{tail}")).unwrap_err();
            assert_eq!(error.path(), path, "{tail}: {error}");
        }
        let unknown = r#"{"name":"n","items":[],"tagged":{"kind":"flat","inner":{"count":1,"rate":1},"x":1}}"#;
        let error = from_tree::<Outer>(unknown).unwrap_err();
        assert_eq!(error.path(), ".tagged.x");
        assert_eq!(
            error.message(),
            "unknown field `x`, expected `inner`",
            "{error}"
        );
    }

    /// The messages are serde's `de::Error` messages, word for word.
    #[test]
    fn messages_are_serdes() {
        let serde = |error: SerdeError| error.to_string();
        let ours = |error: ShapeError| error.message().to_owned();
        let string = Json::String("a\"b\n\u{7f}\u{e9}\u{200b}".to_owned());
        let cases = [
            (
                ours(type_error(&string, "a boolean")),
                serde(SerdeError::invalid_type(
                    Unexpected::Str("a\"b\n\u{7f}\u{e9}\u{200b}"),
                    &"a boolean",
                )),
            ),
            (
                ours(type_error(&Json::Null, "u32")),
                serde(SerdeError::invalid_type(Unexpected::Unit, &"u32")),
            ),
            (
                ours(type_error(&Json::Bool(true), "a string")),
                serde(SerdeError::invalid_type(
                    Unexpected::Bool(true),
                    &"a string",
                )),
            ),
            (
                ours(type_error(&Json::Number("1".to_owned()), "a string")),
                serde(SerdeError::invalid_type(
                    Unexpected::Other("a number"),
                    &"a string",
                )),
            ),
            (
                ours(type_error(&Json::Array(Vec::new()), "struct X")),
                serde(SerdeError::invalid_type(Unexpected::Seq, &"struct X")),
            ),
            (
                ours(type_error(&Json::Object(Vec::new()), "an array")),
                serde(SerdeError::invalid_type(Unexpected::Map, &"an array")),
            ),
            (
                ours(invalid_value(
                    &string_value("x\ty"),
                    "a date written YYYY-MM-DD",
                )),
                serde(SerdeError::invalid_value(
                    Unexpected::Str("x\ty"),
                    &"a date written YYYY-MM-DD",
                )),
            ),
            (
                ours(invalid_value("-1", "u32")),
                serde(SerdeError::invalid_value(Unexpected::Other("-1"), &"u32")),
            ),
            (
                ours(missing_field("kind")),
                serde(SerdeError::missing_field("kind")),
            ),
            (
                ours(not_json()),
                serde(SerdeError::custom("not valid JSON")),
            ),
        ];
        for (ours, serde) in cases {
            assert_eq!(ours, serde);
        }
        const NAMES: [&str; 3] = ["a", "b", "c"];
        for count in 0..=NAMES.len() {
            let known: &'static [&'static str] = &NAMES[..count];
            assert_eq!(
                ours(unknown_field("x", known)),
                serde(SerdeError::unknown_field("x", known))
            );
            assert_eq!(
                ours(unknown_variant("x", known)),
                serde(SerdeError::unknown_variant("x", known))
            );
        }
    }

    #[test]
    fn rejects_what_is_not_json_or_too_deep() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"\\x\"",
            "[1] 2",
            "nul",
            "\"\\ud800",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&deep).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let error = parse(&deeper).err().unwrap();
        assert!(error.message().contains("nested more than 128"), "{error}");
        let deepest = "[".repeat(1_000_000);
        assert!(parse(&deepest).is_err());
    }

    /// Records where [`FromJson`] and serde (serde_json, as the native core reads inputs)
    /// disagree about `text` as a `T`: one rejects what the other accepts, or they read
    /// different values.
    pub(super) fn agree<T>(text: &str, out: &mut Vec<String>)
    where
        T: FromJson + serde::de::DeserializeOwned + serde::Serialize,
    {
        let name = std::any::type_name::<T>();
        match (
            parse(text).and_then(T::from_json),
            serde_json::from_str::<T>(text),
        ) {
            (Ok(ours), Ok(theirs)) => {
                if serde_json::to_value(&ours).ok() != serde_json::to_value(&theirs).ok() {
                    out.push(format!("{name}: different values from {text}"));
                }
            }
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) => out.push(format!("{name}: only serde rejects {text}: {e}")),
            (Err(e), Ok(_)) => out.push(format!("{name}: only FromJson rejects {text}: {e}")),
        }
    }

    /// Every object in `value`, itself included, as JSON text, grouped by its keys (the
    /// golden vectors repeat shapes with other numbers: three of each shape are kept).
    fn objects(value: &serde_json::Value, out: &mut BTreeMap<Vec<String>, Vec<String>>) {
        match value {
            serde_json::Value::Object(map) => {
                let same_keys = out.entry(map.keys().cloned().collect()).or_default();
                let text = value.to_string();
                if same_keys.len() < 3 && !same_keys.contains(&text) {
                    same_keys.push(text);
                }
                map.values().for_each(|v| objects(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| objects(v, out)),
            _ => {}
        }
    }

    /// The generated readers read every object of every golden-vector input and every
    /// preset exactly as serde does, as every type they were generated for (so each object
    /// is also tried as types it is not, where both must reject it).
    #[test]
    fn generated_readers_agree_with_serde() {
        let mut shapes = BTreeMap::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let file: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                objects(&file["cases"], &mut shapes);
            }
        }
        for (_, text) in gpuecon::presets::files() {
            objects(&serde_json::from_str(text).unwrap(), &mut shapes);
        }
        let texts: Vec<String> = shapes.into_values().flatten().collect();
        assert!(texts.len() > 300, "{} objects", texts.len());
        let mut out = Vec::new();
        for text in &texts {
            disagreements(text, &mut out);
        }
        assert!(
            out.is_empty(),
            "{} disagreements:\n{}",
            out.len(),
            out.join("\n")
        );
    }

    #[test]
    fn every_core_type_that_derives_deserialize_has_a_reader() {
        assert!(UNREADABLE.is_empty(), "{UNREADABLE:?}");
    }

    #[test]
    fn unknown_keys_are_errors_at_any_depth_even_in_unit_variants() {
        use gpuecon::models::depreciation::curve::Curve;
        let error = from_tree::<Curve>(r#"{"kind": "constant", "factor": 2}"#).unwrap_err();
        assert_eq!(error.path(), ".factor");
        assert!(
            error.message().contains("unknown field `factor`"),
            "{error}"
        );
        let error =
            from_tree::<Curve>(r#"{"kind": "exponential", "annual_factor": "0.8", "x": 1}"#)
                .unwrap_err();
        assert_eq!(error.path(), ".x");
        let error = from_tree::<Curve>(r#"{"kind": "cubic"}"#).unwrap_err();
        assert!(
            error.message().contains("unknown variant `cubic`"),
            "{error}"
        );
        let error = from_tree::<Curve>(r#"{"annual_factor": "0.8"}"#).unwrap_err();
        assert!(error.message().contains("missing field `kind`"), "{error}");
    }

    #[test]
    fn leaves_read_numbers_by_their_text() {
        assert_eq!(from_tree::<Decimal>("0.1").unwrap(), Decimal::new(1, 1));
        assert_eq!(from_tree::<Decimal>("1e-7").unwrap(), Decimal::new(1, 7));
        assert_eq!(from_tree::<Decimal>("1E+3").unwrap(), Decimal::new(1000, 0));
        assert_eq!(
            from_tree::<Decimal>("\"-2.50\"").unwrap(),
            Decimal::new(-250, 2)
        );
        assert!(from_tree::<Decimal>("\"NaN\"").is_err());
        assert!(from_tree::<Decimal>("\"Infinity\"").is_err());
        assert!(from_tree::<Decimal>("true").is_err());
        assert_eq!(from_tree::<u32>("12").unwrap(), 12);
        for bad in ["1.5", "-1", "1e3", "4294967296", "\"12\"", "null"] {
            assert!(from_tree::<u32>(bad).is_err(), "{bad}");
        }
        assert_eq!(from_tree::<Option<u32>>("null").unwrap(), None);
        // A u64 (a seed) also as the digits a BigInt crosses as: 2^64 − 1 is the largest.
        assert_eq!(
            from_tree::<u64>("\"18446744073709551615\"").unwrap(),
            u64::MAX
        );
        assert_eq!(from_tree::<u64>("18446744073709551615").unwrap(), u64::MAX);
        assert_eq!(
            from_tree::<u64>("\"9007199254740993\"").unwrap(),
            (1 << 53) + 1
        );
        for bad in [
            "\"18446744073709551616\"",
            "\"-1\"",
            "\"+1\"",
            "\"\"",
            "\"1.0\"",
            "\" 1\"",
            "-1",
        ] {
            assert!(from_tree::<u64>(bad).is_err(), "{bad}");
        }
        assert_eq!(
            from_tree::<Date>("\"2026-01-31\"").unwrap(),
            Date::from_ymd_opt(2026, 1, 31).unwrap()
        );
        assert!(from_tree::<Date>("\"2026-02-31\"").is_err());
        let error = from_tree::<Vec<Vec<u32>>>("[[1], [2, -3]]").unwrap_err();
        assert_eq!(error.path(), "[1][1]");
    }

    fn from_tree<T: FromJson>(text: &str) -> Result<T, ShapeError> {
        T::from_json(parse(text)?)
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(from_tree::<String>(r#""\ud800x""#).unwrap(), "\u{FFFD}x");
        assert_eq!(from_tree::<String>(r#""\udc00""#).unwrap(), "\u{FFFD}");
    }
}

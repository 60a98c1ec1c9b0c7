//! JSON text into the core's input types, with as little code per type as possible.
//!
//! Every model input crosses the boundary as the text of `JSON.stringify`; this module
//! parses it into a small tree ([`Json`]) and builds the input from the tree with
//! [`FromJson`]. The impls for the core's types are generated from the core's source by
//! `build.rs` (see there why): each is a list of calls to [`Object::field`] and
//! [`Object::or`], one per field. The few types the generator does not reproduce (see
//! `SERDE_FALLBACKS`) are read by serde's derive through [`Tree`], a deserializer over the
//! same tree that reads structs from objects only.
//!
//! Numbers keep their text. A decimal reads it exactly (`0.1` is one tenth), an integer
//! field parses it; no binary floating point is parsed or formatted on the way in.
//!
//! A misspelt key is an error at any depth: every input type denies unknown fields, unit
//! variants of tagged enums included. Errors carry the path of the offending value
//! (`contracts[2].minimum_gpu_hours`); nesting deeper than [`MAX_DEPTH`] is an error, not
//! a stack overflow.

use std::{fmt, str::FromStr};

use gpuecon::{Date, Decimal};
use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};

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
    fn at_key(mut self, key: String) -> Self {
        self.0.path.push(Step::Key(key));
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

impl de::Error for ShapeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ShapeError(Box::new(Problem {
            path: Vec::new(),
            message: message.to_string(),
        }))
    }
}

fn not_json() -> ShapeError {
    de::Error::custom("not valid JSON")
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
            Some(b'[' | b'{') => Err(de::Error::custom(format_args!(
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
            other => Err(type_error(&other, &expecting)),
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
        T::from_json(value).map_err(|e| e.at_key(name.to_owned()))
    }

    /// The field `name`, or `default` when the object has none (`null` is read as a
    /// value, as serde reads it).
    #[inline(never)]
    pub fn or<T: FromJson>(&mut self, name: &'static str, default: T) -> Result<T, ShapeError> {
        match self.take(name) {
            Some(value) => T::from_json(value).map_err(|e| e.at_key(name.to_owned())),
            None => Ok(default),
        }
    }

    fn required(&mut self, name: &'static str) -> Result<Json, ShapeError> {
        self.take(name)
            .ok_or_else(|| de::Error::missing_field(name))
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
            Some((key, _)) => {
                let error: ShapeError = de::Error::unknown_field(key, known);
                Err(error.at_key(key.clone()))
            }
        }
    }
}

/// The name of a unit variant, written as a string.
pub fn variant_name(value: Json) -> Result<String, ShapeError> {
    match value {
        Json::String(name) => Ok(name),
        other => Err(type_error(&other, &"a variant name")),
    }
}

/// `name` is none of the variants `known`.
pub fn unknown_variant(name: &str, known: &'static [&'static str]) -> ShapeError {
    de::Error::unknown_variant(name, known)
}

/// The tag `tag` of an internally tagged enum names none of the variants `known`: an
/// error on the tag's path (`fee.kind`).
pub fn unknown_tag(tag: &'static str, name: &str, known: &'static [&'static str]) -> ShapeError {
    unknown_variant(name, known).at_key(tag.to_owned())
}

impl FromJson for Decimal {
    /// A number or a decimal string, as rust_decimal's serde impl reads them.
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::Number(text) | Json::String(text) => Decimal::from_str(&text)
                .or_else(|_| Decimal::from_scientific(&text))
                .map_err(|_| {
                    de::Error::invalid_value(
                        Unexpected::Str(&text),
                        &"a Decimal type representing a fixed-point number",
                    )
                }),
            other => Err(type_error(
                &other,
                &"a Decimal type representing a fixed-point number",
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
                        de::Error::invalid_value(Unexpected::Other(&text), &stringify!($t))
                    }),
                    other => Err(type_error(&other, &stringify!($t))),
                }
            }
        }
    )*};
}

integers!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

impl FromJson for bool {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::Bool(b) => Ok(b),
            other => Err(type_error(&other, &"a boolean")),
        }
    }
}

impl FromJson for String {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::String(s) => Ok(s),
            other => Err(type_error(&other, &"a string")),
        }
    }
}

impl FromJson for Date {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        match value {
            Json::String(s) => s.parse().map_err(|_| {
                de::Error::invalid_value(Unexpected::Str(&s), &"a date written YYYY-MM-DD")
            }),
            other => Err(type_error(&other, &"a date written YYYY-MM-DD")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Json) -> Result<Self, ShapeError> {
        let Json::Array(items) = value else {
            return Err(type_error(&value, &"an array"));
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

include!(concat!(env!("OUT_DIR"), "/from_json.rs"));

/// What a value is, for "invalid type" messages.
fn unexpected(value: &Json) -> Unexpected<'_> {
    match value {
        Json::Null => Unexpected::Unit,
        Json::Bool(b) => Unexpected::Bool(*b),
        Json::Number(_) => Unexpected::Other("a number"),
        Json::String(s) => Unexpected::Str(s),
        Json::Array(_) => Unexpected::Seq,
        Json::Object(_) => Unexpected::Map,
    }
}

fn type_error(value: &Json, expected: &dyn Expected) -> ShapeError {
    de::Error::invalid_type(unexpected(value), expected)
}

/// Integers as `u64` or `i64`; any other number as its text.
fn visit_number<'de, V: Visitor<'de>>(text: String, visitor: V) -> Result<V::Value, ShapeError> {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(n) = text.parse::<u64>() {
            return visitor.visit_u64(n);
        }
        if let Ok(n) = text.parse::<i64>() {
            return visitor.visit_i64(n);
        }
    }
    visitor.visit_string(text)
}

fn visit_array<'de, V: Visitor<'de>>(items: Vec<Json>, visitor: V) -> Result<V::Value, ShapeError> {
    let length = items.len();
    let mut seq = Seq {
        items: items.into_iter(),
        index: 0,
    };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(length, &"fewer elements"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    entries: Vec<(String, Json)>,
    visitor: V,
) -> Result<V::Value, ShapeError> {
    visitor.visit_map(Map {
        entries: entries.into_iter(),
        value: None,
    })
}

/// serde's view of a tree, for the types read by serde's derive: a parsed value, consumed.
pub struct Tree(pub Json);

impl<'de> de::Deserializer<'de> for Tree {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(b),
            Json::Number(text) => visit_number(text, visitor),
            Json::String(s) => visitor.visit_string(s),
            Json::Array(items) => visit_array(items, visitor),
            Json::Object(entries) => visit_object(entries, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// Objects only: a struct is never read from an array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::Object(entries) => visit_object(entries, visitor),
            other => Err(type_error(&other, &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::Array(items) => visit_array(items, visitor),
            other => Err(type_error(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::String(s) => visitor.visit_string(s),
            other => Err(type_error(&other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::Null => visitor.visit_unit(),
            other => Err(type_error(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_unit()
    }

    /// Externally tagged: `"variant"` or `{ "variant": value }`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.0 {
            Json::String(variant) => visitor.visit_enum(variant.into_deserializer()),
            Json::Object(entries) if entries.len() == 1 => {
                let mut entries = entries.into_iter();
                match entries.next() {
                    Some((variant, value)) => visitor.visit_enum(Enum { variant, value }),
                    None => Err(not_json()),
                }
            }
            other => Err(type_error(&other, &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
    }
}

/// An object's entries, each value read under its key's name.
struct Map {
    entries: std::vec::IntoIter<(String, Json)>,
    value: Option<(String, Json)>,
}

impl<'de> MapAccess<'de> for Map {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ShapeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        match seed.deserialize(de::value::StrDeserializer::<ShapeError>::new(&key)) {
            Ok(read) => {
                self.value = Some((key, value));
                Ok(Some(read))
            }
            Err(error) => Err(error.at_key(key)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ShapeError> {
        let (key, value) = self.value.take().ok_or_else(not_json)?;
        seed.deserialize(Tree(value))
            .map_err(|error| error.at_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An array's items, each read under its index.
struct Seq {
    items: std::vec::IntoIter<Json>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Seq {
    type Error = ShapeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ShapeError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Tree(item))
            .map(Some)
            .map_err(|error| error.at_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// `{ "variant": value }`.
struct Enum {
    variant: String,
    value: Json,
}

impl<'de> EnumAccess<'de> for Enum {
    type Error = ShapeError;
    type Variant = Variant;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant), ShapeError> {
        let read = seed.deserialize(self.variant.into_deserializer())?;
        Ok((read, Variant(self.value)))
    }
}

/// The value of an externally tagged variant.
struct Variant(Json);

impl<'de> VariantAccess<'de> for Variant {
    type Error = ShapeError;

    fn unit_variant(self) -> Result<(), ShapeError> {
        match self.0 {
            Json::Null => Ok(()),
            other => Err(type_error(&other, &"a unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, ShapeError> {
        seed.deserialize(Tree(self.0))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        de::Deserializer::deserialize_seq(Tree(self.0), visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        de::Deserializer::deserialize_map(Tree(self.0), visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    /// Reads `text` with serde's derive, through [`Tree`] (as the fallbacks do).
    fn serde_read<T: de::DeserializeOwned>(text: &str) -> Result<T, ShapeError> {
        T::deserialize(Tree(parse(text)?))
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        count: u32,
        rate: gpuecon::Decimal,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
    enum Tagged {
        Flat {
            inner: Inner,
        },
        Steps {
            months: u32,
            values: Vec<gpuecon::Decimal>,
        },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
        tagged: Tagged,
        #[serde(default)]
        note: Option<String>,
        labels: BTreeMap<String, bool>,
    }

    fn dec(text: &str) -> gpuecon::Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn reads_objects_arrays_and_tagged_enums() {
        let text = r#" { "name": "a\"b\u00e9\ud83d\ude00", "items": [{"count": 3, "rate": 0.1},
            {"rate": "1e-7", "count": 0}], "tagged": {"kind": "steps", "values": [1.5, -2, "3"],
            "months": 12}, "note": null, "labels": {"x": true} } "#;
        let outer: Outer = serde_read(text).unwrap();
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
        assert_eq!(outer.labels.get("x"), Some(&true));
    }

    #[test]
    fn errors_name_the_path() {
        let base = r#"{"name":"n","labels":{},"tagged":{"kind":"flat","inner":{"count":1,"rate":1}},"items":"#;
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
            let error = serde_read::<Outer>(&format!("{base}{tail}")).unwrap_err();
            assert_eq!(error.path(), path, "{tail}: {error}");
        }
        let unknown = r#"{"name":"n","items":[],"labels":{},"tagged":{"kind":"flat","inner":{"count":1,"rate":1},"x":1}}"#;
        assert!(
            serde_read::<Outer>(unknown)
                .unwrap_err()
                .message()
                .contains("unknown field `x`")
        );
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
            assert!(serde_read::<serde::de::IgnoredAny>(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(serde_read::<serde::de::IgnoredAny>(&deep).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let error = serde_read::<serde::de::IgnoredAny>(&deeper).unwrap_err();
        assert!(error.message().contains("nested more than 128"), "{error}");
        let deepest = "[".repeat(1_000_000);
        assert!(serde_read::<serde::de::IgnoredAny>(&deepest).is_err());
    }

    /// Records where [`FromJson`] and serde (serde_json, as the native core reads inputs)
    /// disagree about `text` as a `T`: one rejects what the other accepts, or they read
    /// different values.
    pub(super) fn agree<T>(text: &str, out: &mut Vec<String>)
    where
        T: FromJson + de::DeserializeOwned + serde::Serialize,
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
    fn only_types_the_generator_cannot_read_fall_back_to_serde() {
        // Each is either not an input (the GPU catalog's `Cow` id) or carries serde
        // attributes the generator does not reproduce (Monte Carlo batches' `with`).
        for fallback in SERDE_FALLBACKS {
            assert!(
                fallback.contains("GpuSpec") || fallback.contains("montecarlo::Batch"),
                "{fallback}"
            );
        }
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
        assert_eq!(serde_read::<String>(r#""\ud800x""#).unwrap(), "\u{FFFD}x");
        assert_eq!(serde_read::<String>(r#""\udc00""#).unwrap(), "\u{FFFD}");
    }
}

//! Rows written as columns: a monthly series as one array per field instead of one object
//! per month, so that the field names cross the boundary once, not once a month.
//!
//! The rows are first written as usual (by their [`ToJson`] impls, generated or not), then
//! their texts are walked side by side: where every row holds an object with the same keys
//! in the same order, the output holds an object with those keys and each key's columns
//! below it (recursively); anything else (a number, a string, `null`, an array, or objects
//! that differ between rows) is a leaf: the array of the rows' values, as written. So
//! `[{"a":"1","b":{"c":2}},{"a":"3","b":{"c":4}}]` becomes `{"a":["1","3"],"b":{"c":[2,4]}}`.
//! No rows give `{}`.

use crate::to_json::ToJson;

/// `rows` written as columns (see the module's documentation).
pub struct Columns<'a, T>(pub &'a [T]);

impl<T: ToJson> ToJson for Columns<'_, T> {
    fn write_json(&self, out: &mut String) {
        let mut texts = String::new();
        let mut ends = Vec::with_capacity(self.0.len());
        for row in self.0 {
            row.write_json(&mut texts);
            ends.push(texts.len());
        }
        let mut start = 0;
        let mut cursors: Vec<&str> = Vec::with_capacity(ends.len());
        for end in ends {
            cursors.push(texts.get(start..end).unwrap_or_default());
            start = end;
        }
        if cursors.is_empty() {
            out.push_str("{}");
        } else {
            write_columns(out, &mut cursors);
        }
    }
}

/// Writes the columns of the values at the start of every cursor, and moves each cursor past
/// its value.
fn write_columns(out: &mut String, cursors: &mut [&str]) {
    if let Some(keys) = shared_keys(cursors) {
        out.push('{');
        for (index, key) in keys.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            out.push_str(key);
            out.push(':');
            // Past `{` or `,`, the key and `:` in every row.
            for cursor in cursors.iter_mut() {
                *cursor = cursor.get(1 + key.len() + 1..).unwrap_or_default();
            }
            write_columns(out, cursors);
        }
        // Past each row's `}`.
        for cursor in cursors.iter_mut() {
            *cursor = cursor.get(1..).unwrap_or_default();
        }
        out.push('}');
    } else {
        out.push('[');
        for (index, cursor) in cursors.iter_mut().enumerate() {
            if index > 0 {
                out.push(',');
            }
            let length = value_length(cursor.as_bytes());
            out.push_str(cursor.get(..length).unwrap_or_default());
            *cursor = cursor.get(length..).unwrap_or_default();
        }
        out.push(']');
    }
}

/// The keys (with their quotes) of the objects at the start of every cursor, when every one
/// is an object with the same keys in the same order; `None` otherwise (an empty object
/// included: its column is a leaf).
fn shared_keys<'a>(cursors: &[&'a str]) -> Option<Vec<&'a str>> {
    let (first, rest) = cursors.split_first()?;
    let mut keys = Vec::new();
    object_keys(first, |key| {
        keys.push(key);
        true
    })?;
    if keys.is_empty() {
        return None;
    }
    for cursor in rest {
        let mut expected = keys.iter();
        object_keys(cursor, |key| expected.next() == Some(&key))?;
        if expected.next().is_some() {
            return None;
        }
    }
    Some(keys)
}

/// Hands each key of the object at the start of `text` (with its quotes) to `key`, in
/// order, while it returns `true`; `None` when `text` is not an object or `key` said no.
fn object_keys<'a>(text: &'a str, mut key: impl FnMut(&'a str) -> bool) -> Option<()> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'{') {
        return None;
    }
    let mut at = 1;
    while bytes.get(at) == Some(&b'"') {
        let rest = text.get(at..)?;
        let key_length = value_length(rest.as_bytes());
        if !key(rest.get(..key_length)?) {
            return None;
        }
        // The key, `:`, the value, then `,` or `}`.
        at += key_length + 1;
        at += value_length(bytes.get(at..)?);
        if bytes.get(at) == Some(&b',') {
            at += 1;
        }
    }
    Some(())
}

/// The length in bytes of the JSON value at the start of `text` (as written by [`ToJson`]:
/// no whitespace), or of all of `text` when it ends first.
fn value_length(text: &[u8]) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0_usize, false, false);
    for (index, &byte) in text.iter().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    in_string = false;
                    if depth == 0 {
                        return index + 1;
                    }
                }
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return index,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return index + 1;
                }
            }
            b',' if depth == 0 => return index,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{Map, Value, json};

    use super::*;

    struct Raw(&'static str);

    impl ToJson for Raw {
        fn write_json(&self, out: &mut String) {
            out.push_str(self.0);
        }
    }

    fn columns(rows: &[Raw]) -> Value {
        let mut out = String::new();
        Columns(rows).write_json(&mut out);
        serde_json::from_str(&out).unwrap()
    }

    /// The rows transposed independently of the code above, through serde_json's values:
    /// objects with the same keys in every row recurse, anything else is a leaf.
    pub(crate) fn transposed(rows: &[Value]) -> Value {
        let Some(first) = rows.first() else {
            return json!({});
        };
        let keys: Option<Vec<&String>> = first
            .as_object()
            .filter(|object| !object.is_empty())
            .map(|object| object.keys().collect());
        let Some(keys) = keys.filter(|keys| {
            rows.iter().all(|row| {
                row.as_object()
                    .is_some_and(|object| object.keys().collect::<Vec<_>>() == *keys)
            })
        }) else {
            return Value::Array(rows.to_vec());
        };
        let mut out = Map::new();
        for key in keys {
            let column: Vec<Value> = rows.iter().map(|row| row[key].clone()).collect();
            out.insert(key.clone(), transposed(&column));
        }
        Value::Object(out)
    }

    #[test]
    fn writes_the_example_of_the_documentation() {
        let rows = [
            Raw(r#"{"a":"1","b":{"c":2}}"#),
            Raw(r#"{"a":"3","b":{"c":4}}"#),
        ];
        assert_eq!(columns(&rows), json!({"a": ["1", "3"], "b": {"c": [2, 4]}}));
    }

    #[test]
    fn keeps_as_leaves_what_differs_between_rows() {
        let rows = [
            Raw(r#"{"a":null,"b":[1,{"x":"]"}],"c":{"d":"\"}"},"e":{}}"#),
            Raw(r#"{"a":{"z":1},"b":[],"c":{"d":"e\\"},"e":{}}"#),
        ];
        let expected = json!({
            "a": [null, {"z": 1}],
            "b": [[1, {"x": "]"}], []],
            "c": {"d": ["\"}", "e\\"]},
            "e": [{}, {}],
        });
        assert_eq!(columns(&rows), expected);
        let values: Vec<Value> = rows
            .iter()
            .map(|r| serde_json::from_str(r.0).unwrap())
            .collect();
        assert_eq!(transposed(&values), expected);
    }

    #[test]
    fn writes_rows_of_different_keys_and_no_rows() {
        let rows = [Raw(r#"{"a":1}"#), Raw(r#"{"b":1}"#)];
        assert_eq!(columns(&rows), json!([{"a": 1}, {"b": 1}]));
        assert_eq!(columns(&[]), json!({}));
        assert_eq!(columns(&[Raw("1"), Raw("\"x\"")]), json!([1, "x"]));
    }
}

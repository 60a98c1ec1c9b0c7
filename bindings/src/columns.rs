//! Rows written as columns: a monthly series as one array per field instead of one object
//! per month, so that the field names cross the boundary once, not once a month.
//!
//! The output is one object with the rows' keys, and below each key the array of the rows'
//! values; a field that is itself a struct is an object of its own fields' columns
//! (recursively), anything else (a number, a string, `null`, an array) is one array. So
//! rows `[{"a":"1","b":{"c":2}},{"a":"3","b":{"c":4}}]` are written
//! `{"a":["1","3"],"b":{"c":[2,4]}}`; no rows give every key with an empty array.
//!
//! The impls of [`ToColumns`] are generated from the core's source by `cargo xtask codegen`
//! into `generated/columns.rs` (xtask/src/codegen/columns.rs says which types get one): a
//! [`write_column`] call per column, straight from the rows' fields, each value written by
//! the [`ToJson`] impl the row writer uses, so that every value's text is the rows'.

use crate::to_json::ToJson;

/// A type whose slices are written as columns (see the module's documentation).
pub trait ToColumns: Sized {
    /// Appends `rows` as columns to `out`.
    fn write_columns(rows: &[Self], out: &mut String);
}

/// `rows` written as columns (see the module's documentation).
pub struct Columns<'a, T>(pub &'a [T]);

impl<T: ToColumns> ToJson for Columns<'_, T> {
    fn write_json(&self, out: &mut String) {
        T::write_columns(self.0, out);
    }
}

/// Appends `key` (the column's name with the punctuation before it: `{"name":`,
/// `,"name":`, `},"name":{"inner":`) and the column: `[v0,v1,...]`, each `value(row)` by
/// its [`ToJson`] impl. `value` is a function pointer, not a generic closure, so that there
/// is one copy of this loop per row and value type, not one per column.
fn write_column<R, T: ToJson + ?Sized>(
    out: &mut String,
    key: &str,
    rows: &[R],
    value: fn(&R) -> &T,
) {
    out.push_str(key);
    out.push('[');
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        value(row).write_json(out);
    }
    out.push(']');
}

include!("generated/columns.rs");

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{Map, Value, json};

    use super::*;

    /// The rows transposed independently of the generated writers, through serde_json's
    /// values: objects with the same keys in every row recurse, anything else is a leaf.
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

    /// Two rows of two fields, one nested, written as the generated impls write them; the
    /// text written out by hand.
    #[test]
    fn writes_the_example_of_the_documentation() {
        struct Row {
            a: String,
            c: u32,
        }
        impl ToColumns for Row {
            fn write_columns(rows: &[Self], out: &mut String) {
                write_column(out, "{\"a\":", rows, |row| &row.a);
                write_column(out, ",\"b\":{\"c\":", rows, |row| &row.c);
                out.push_str("}}");
            }
        }
        let rows = [
            Row {
                a: "1".to_owned(),
                c: 2,
            },
            Row {
                a: "3".to_owned(),
                c: 4,
            },
        ];
        let mut out = String::new();
        Columns(&rows).write_json(&mut out);
        assert_eq!(out, r#"{"a":["1","3"],"b":{"c":[2,4]}}"#);
        out.clear();
        Columns::<Row>(&[]).write_json(&mut out);
        assert_eq!(out, r#"{"a":[],"b":{"c":[]}}"#);
    }

    /// The transposition this module's tests check against, on rows whose keys differ.
    #[test]
    fn the_independent_transposition_keeps_as_leaves_what_differs_between_rows() {
        let rows = [
            json!({"a": null, "b": [1, {"x": "]"}], "c": {"d": "\"}"}, "e": {}}),
            json!({"a": {"z": 1}, "b": [], "c": {"d": "e\\"}, "e": {}}),
        ];
        let expected = json!({
            "a": [null, {"z": 1}],
            "b": [[1, {"x": "]"}], []],
            "c": {"d": ["\"}", "e\\"]},
            "e": [{}, {}],
        });
        assert_eq!(transposed(&rows), expected);
        assert_eq!(
            transposed(&[json!({"a": 1}), json!({"b": 1})]),
            json!([{"a": 1}, {"b": 1}])
        );
    }
}

//! The column writers: a `ToColumns` impl for each month type whose slice the bindings
//! write as columns (`evaluate_columns`' months), into `bindings/src/generated/columns.rs`.
//!
//! A slice of rows as columns is one object with a key per field and, below it, the array
//! of the rows' values (`{"month":[1,2],"revenue":{"total_usd":["5","6"]}}`): a field
//! that is itself a struct becomes an object of its own fields' columns, anything else (a
//! leaf, an `Option` of one, an array, a string enum) is one array. The impl writes that
//! straight from the rows, one `write_column` call per leaf column: the column's key (with
//! the punctuation before it, `{"revenue":{"total_usd":`) and how a row reaches its value
//! (`|row| &row.revenue.total_usd`); each value is written by its `ToJson` impl, the same
//! one the row writer calls, so each value's text is the rows'. Which keys a column has
//! does not depend on the values: a type that holds an `Option` or a tagged enum of a
//! struct (an object in some months, not in others) gets no column writer, and naming it
//! below is an error.

use std::{collections::BTreeMap, fmt::Write as _};

use syn::{GenericArgument, PathArguments, Type};

use super::{Crate, Direction, LEAVES, MARK, Shape, TypeDef, VariantShape, source::json_name};

/// The types whose slices the bindings write as columns: the scenario report's months
/// (`evaluate_columns` in `bindings/src/scenario.rs`).
pub(super) const COLUMN_TYPES: [&str; 1] = ["MonthReport"];

/// How a field's values are written as columns.
enum Column<'a> {
    /// One array of the rows' values.
    Leaf,
    /// An object of the struct's own fields' columns.
    Object(&'a TypeDef),
}

/// One `write_column` call: the text before the column's array, and the path from a row to
/// its value (`.revenue.total_usd`).
struct LeafColumn {
    key: String,
    access: String,
}

impl Crate {
    /// `generated/columns.rs`: the `ToColumns` impl of each type named in `names`, or why
    /// one of them cannot have one.
    pub(super) fn columns(&self, names: &[&str]) -> Result<String, String> {
        let (writers, _) = self.implementable(Direction::Write);
        let mut by_name: BTreeMap<&str, Vec<(&TypeDef, &String)>> = BTreeMap::new();
        for (index, path) in &writers {
            if let Some(t) = self.types.get(*index) {
                by_name.entry(t.name.as_str()).or_default().push((t, path));
            }
        }
        let mut out = format!("// {MARK}\n");
        for name in names {
            let (t, path) = match by_name.get(name).map(Vec::as_slice) {
                Some([one]) => *one,
                Some(_) => return Err(format!("{name}: more than one type of that name")),
                None => return Err(format!("{name}: no type of that name with a writer")),
            };
            let mut columns = Vec::new();
            let mut pending = String::new();
            self.object_columns(t, "", &by_name, &mut pending, &mut columns)
                .map_err(|reason| format!("{name}: {reason}"))?;
            let calls: Vec<String> = columns
                .iter()
                .map(|c| {
                    format!(
                        "write_column(out, {:?}, rows, |row| &row{});",
                        c.key, c.access
                    )
                })
                .collect();
            // The `}` of every object still open (clippy wants a `char` pushed alone).
            let close = match pending.as_str() {
                "}" => "out.push('}');".to_owned(),
                _ => format!("out.push_str({pending:?});"),
            };
            let _ = writeln!(
                out,
                "impl ToColumns for {path} {{\n    fn write_columns(rows: &[Self], out: &mut String) {{\n        {}\n        {close}\n    }}\n}}",
                calls.join("\n        "),
            );
        }
        Ok(out)
    }

    /// Appends the leaf columns of struct `t`, reached from a row by `access`, to
    /// `columns`; `pending` holds the text written since the last column (`{`, a key, the
    /// `}` of an object just closed), which the next column's key starts with.
    fn object_columns(
        &self,
        t: &TypeDef,
        access: &str,
        by_name: &BTreeMap<&str, Vec<(&TypeDef, &String)>>,
        pending: &mut String,
        columns: &mut Vec<LeafColumn>,
    ) -> Result<(), String> {
        // A transparent struct is written as its field, an empty one as `{}` (a leaf).
        let fields = match &t.shape {
            Shape::Named(fields) if !t.container.transparent && !fields.is_empty() => fields,
            _ => return Err(format!("{}: not a struct with named fields", t.name)),
        };
        pending.push('{');
        for (index, f) in fields.iter().enumerate() {
            let access = format!("{access}.{}", f.ident);
            // The field's path from the row, for the reason it has no columns.
            let path = access.trim_start_matches('.');
            if f.with.is_some() {
                return Err(format!("{path}: a field with `with`"));
            }
            if index > 0 {
                pending.push(',');
            }
            let _ = write!(pending, "\"{}\":", json_name(f));
            match column(&f.ty, by_name).map_err(|reason| format!("{path}: {reason}"))? {
                Column::Leaf => columns.push(LeafColumn {
                    key: std::mem::take(pending),
                    access,
                }),
                Column::Object(inner) => {
                    self.object_columns(inner, &access, by_name, pending, columns)?;
                }
            }
        }
        pending.push('}');
        Ok(())
    }
}

/// How the values of a field of type `ty` are written as columns, or why they cannot be
/// written with the same keys whatever the values.
fn column<'a>(
    ty: &Type,
    by_name: &BTreeMap<&str, Vec<(&'a TypeDef, &String)>>,
) -> Result<Column<'a>, String> {
    let Type::Path(path) = ty else {
        return Err("a type that is not a path".to_owned());
    };
    let Some(last) = path.path.segments.last() else {
        return Err("an empty type path".to_owned());
    };
    let ident = last.ident.to_string();
    let inner = match &last.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        }),
        _ => None,
    };
    match (ident.as_str(), inner) {
        // Arrays are leaves whatever they hold, as are `Cow<str>` strings.
        (leaf, None) if LEAVES.contains(&leaf) => Ok(Column::Leaf),
        ("Vec" | "Cow", Some(_)) => Ok(Column::Leaf),
        ("Box", Some(inner)) => column(inner, by_name),
        ("Option", Some(inner)) => match column(inner, by_name)? {
            Column::Leaf => Ok(Column::Leaf),
            Column::Object(_) => {
                Err("an Option of a struct (an object in some rows, null in others)".to_owned())
            }
        },
        (name, None) => {
            let Some([(t, _)]) = by_name.get(name).map(Vec::as_slice) else {
                return Err(format!("{name}: no single type of that name with a writer"));
            };
            match &t.shape {
                Shape::Named(fields) if t.container.transparent => match fields.as_slice() {
                    [only] => leaf_only(column(&only.ty, by_name)?, name),
                    _ => Err(format!("{name}: transparent without one field")),
                },
                // An empty object is a leaf (no key to make columns of).
                Shape::Named(fields) if fields.is_empty() => Ok(Column::Leaf),
                Shape::Named(_) => Ok(Column::Object(t)),
                Shape::Tuple(inner) => match inner.as_slice() {
                    [(_, inner)] => leaf_only(column(inner, by_name)?, name),
                    _ => Err(format!("{name}: a tuple struct")),
                },
                Shape::Enum(variants)
                    if t.container.tag.is_none()
                        && variants
                            .iter()
                            .all(|v| matches!(v.shape, VariantShape::Unit)) =>
                {
                    Ok(Column::Leaf)
                }
                Shape::Enum(_) => Err(format!(
                    "{name}: an enum of objects (their keys vary by variant)"
                )),
                Shape::Unit => Err(format!("{name}: a unit struct")),
            }
        }
        _ => Err(format!("{ident}: a generic type without a column rule")),
    }
}

/// `column` when it is a leaf: a newtype's or transparent struct's value is its field's,
/// reached through a path the generator does not write.
fn leaf_only<'a>(column: Column<'a>, name: &str) -> Result<Column<'a>, String> {
    match column {
        Column::Leaf => Ok(Column::Leaf),
        Column::Object(_) => Err(format!("{name}: a wrapper of a struct")),
    }
}

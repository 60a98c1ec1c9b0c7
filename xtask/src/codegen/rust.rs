//! The Rust side: `FromJson` and `ToJson` impls that reproduce serde's derives.

use std::fmt::Write as _;

use syn::Type;

use super::{
    Crate, Direction, Field, FieldDefault, MARK, Shape, TypeDef, Variant, VariantShape,
    source::json_name, source::snake_case,
};

impl Crate {
    /// The impls of `direction`'s trait for every type that can have one; a type that
    /// cannot is listed (and a warning printed): using it in an export fails to compile.
    pub(super) fn generate(&self, direction: Direction) -> String {
        let (paths, skipped) = self.implementable(direction);
        let (trait_, header, list) = match direction {
            Direction::Read => (
                "FromJson",
                "fn from_json(value: Json) -> Result<Self, ShapeError>",
                "UNREADABLE",
            ),
            Direction::Write => (
                "ToJson",
                "fn write_json(&self, out: &mut String)",
                "UNWRITABLE",
            ),
        };
        let mut out = format!("// {MARK}\n");
        let mut checks = String::new();
        for (index, path) in &paths {
            let Some(t) = self.types.get(*index) else {
                continue;
            };
            let body = match direction {
                Direction::Read => {
                    if t.serialize {
                        let _ = writeln!(checks, "    tests::agree::<{path}>(text, out);");
                    }
                    self.reader(t)
                }
                Direction::Write => self.writer(t),
            };
            let _ = writeln!(
                out,
                "impl {trait_} for {path} {{\n    {header} {{\n        {body}\n    }}\n}}"
            );
        }
        for reason in &skipped {
            eprintln!("warning: no {} impl for {reason}", direction.derive());
        }
        let _ = writeln!(
            out,
            "/// The core's `{}` types without an impl, and why.\n#[cfg(test)]\npub(crate) const {list}: &[&str] = &{skipped:?};",
            direction.derive()
        );
        if direction == Direction::Read {
            let _ = writeln!(
                out,
                "/// Where the generated readers and serde's disagree about `text`, for every type\n/// with a generated reader.\n#[cfg(test)]\npub(crate) fn disagreements(text: &str, out: &mut Vec<String>) {{\n{checks}}}"
            );
        }
        out
    }

    /// `o.field("name")?` and its kin for one field.
    fn field_read(&self, t: &TypeDef, f: &Field) -> String {
        let name = json_name(f);
        if let Some(decode) = f
            .with
            .as_ref()
            .and_then(|with| self.with_function(&t.module, with, Direction::Read))
        {
            return format!("{}: o.decoded({name:?}, {decode})?", f.ident);
        }
        let optional = matches!(&f.ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Option"));
        let default = match &f.default {
            FieldDefault::Trait => Some("::core::default::Default::default()".to_owned()),
            FieldDefault::Function(function) => self.default_expression(&t.module, function),
            FieldDefault::None if t.container.default => Some(format!("defaults.{}", f.ident)),
            FieldDefault::None if optional => Some("None".to_owned()),
            FieldDefault::None => None,
        };
        match default {
            Some(default) => format!("{}: o.or({name:?}, {default})?", f.ident),
            None => format!("{}: o.field({name:?})?", f.ident),
        }
    }

    /// A field's value in `write_object`'s list (`src/to_json.rs`): `value` (how the field
    /// is reached, `&self.name`), or the JSON form its `with` module's `encode` gives.
    fn field_value(&self, t: &TypeDef, f: &Field, value: &str) -> String {
        match f
            .with
            .as_ref()
            .and_then(|with| self.with_function(&t.module, with, Direction::Write))
        {
            Some(encode) => format!("&{encode}({value})"),
            None => value.to_owned(),
        }
    }

    /// The variants' names in JSON.
    pub(super) fn variant_names(t: &TypeDef, variants: &[Variant]) -> Vec<String> {
        variants
            .iter()
            .map(|v| {
                v.rename.clone().unwrap_or_else(|| {
                    if t.container.snake_case {
                        snake_case(&v.ident)
                    } else {
                        v.ident.clone()
                    }
                })
            })
            .collect()
    }

    /// The body of `from_json`.
    fn reader(&self, t: &TypeDef) -> String {
        // With `deny_unknown_fields`, the keys are checked before any field is read.
        let only = |fields: &[Field]| -> String {
            if t.container.deny_unknown_fields {
                let names: Vec<String> = fields.iter().map(json_name).collect();
                format!("o.only(&{names:?})?; ")
            } else {
                String::new()
            }
        };
        match &t.shape {
            Shape::Tuple(_) => "Ok(Self(FromJson::from_json(value)?))".to_owned(),
            Shape::Named(fields) if t.container.transparent => {
                let ident = fields.first().map(|f| f.ident.as_str()).unwrap_or_default();
                format!("Ok(Self {{ {ident}: FromJson::from_json(value)? }})")
            }
            Shape::Named(fields) => {
                let defaults = if t.container.default {
                    "let defaults = <Self as ::core::default::Default>::default();\n        "
                } else {
                    ""
                };
                let reads: Vec<String> = fields.iter().map(|f| self.field_read(t, f)).collect();
                format!(
                    "let mut o = Object::open(value, {:?})?;\n        {}{defaults}Ok(Self {{ {} }})",
                    format!("struct {}", t.name),
                    only(fields),
                    reads.join(", "),
                )
            }
            Shape::Enum(variants) => {
                let names = Self::variant_names(t, variants);
                let Some(tag) = &t.container.tag else {
                    // Unit variants only: a string.
                    let arms: Vec<String> = variants
                        .iter()
                        .zip(&names)
                        .map(|(v, name)| format!("{name:?} => Self::{}", v.ident))
                        .collect();
                    return format!(
                        "let name = variant_name(value)?;\n        Ok(match name.as_str() {{ {}, _ => return Err(unknown_variant(&name, &{names:?})) }})",
                        arms.join(", ")
                    );
                };
                let arms: Vec<String> = variants
                    .iter()
                    .zip(&names)
                    .map(|(v, name)| match &v.shape {
                        VariantShape::Named(fields) => {
                            let reads: Vec<String> =
                                fields.iter().map(|f| self.field_read(t, f)).collect();
                            format!(
                                "{name:?} => {{ {}Self::{} {{ {} }} }}",
                                only(fields),
                                v.ident,
                                reads.join(", "),
                            )
                        }
                        _ => format!("{name:?} => {{ {}Self::{} }}", only(&[]), v.ident),
                    })
                    .collect();
                format!(
                    "let mut o = Object::open(value, {:?})?;\n        let kind: String = o.field({tag:?})?;\n        Ok(match kind.as_str() {{ {}, _ => return Err(unknown_tag({tag:?}, &kind, &{names:?})) }})",
                    format!("enum {}", t.name),
                    arms.join(", ")
                )
            }
            Shape::Unit => String::new(),
        }
    }

    /// The body of `write_json`: one call to `write_object` with the fields' keys (each
    /// name quoted, with the `{` or `,` before it and the `:` after it) and values (an internally tagged variant's tag first), or the one value a newtype, a
    /// transparent struct or a unit variant is written as.
    fn writer(&self, t: &TypeDef) -> String {
        // Each name with the punctuation before its value (`{"name":`, then `,"name":`),
        // so that `write_object` appends one piece per field.
        let object = |names: Vec<String>, values: Vec<String>| {
            let keys: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(index, name)| format!("{}\"{name}\":", if index == 0 { '{' } else { ',' }))
                .collect();
            format!("write_object(out, &{keys:?}, &[{}])", values.join(", "))
        };
        match &t.shape {
            Shape::Tuple(_) => "self.0.write_json(out)".to_owned(),
            Shape::Named(fields) if t.container.transparent => {
                let ident = fields.first().map(|f| f.ident.as_str()).unwrap_or_default();
                format!("self.{ident}.write_json(out)")
            }
            Shape::Named(fields) => object(
                fields.iter().map(json_name).collect(),
                fields
                    .iter()
                    .map(|f| self.field_value(t, f, &format!("&self.{}", f.ident)))
                    .collect(),
            ),
            Shape::Enum(variants) => {
                let names = Self::variant_names(t, variants);
                let arms: Vec<String> = variants
                    .iter()
                    .zip(&names)
                    .map(|(v, name)| {
                        let Some(tag) = &t.container.tag else {
                            return format!("Self::{} => {name:?}.write_json(out)", v.ident);
                        };
                        let fields = match &v.shape {
                            VariantShape::Named(fields) => fields.as_slice(),
                            _ => &[],
                        };
                        let idents: Vec<&str> = fields.iter().map(|f| f.ident.as_str()).collect();
                        let mut keys = vec![tag.clone()];
                        keys.extend(fields.iter().map(json_name));
                        let mut values = vec![format!("&{name:?}")];
                        values.extend(fields.iter().map(|f| self.field_value(t, f, &f.ident)));
                        format!(
                            "Self::{} {{ {} }} => {}",
                            v.ident,
                            idents.join(", "),
                            object(keys, values)
                        )
                    })
                    .collect();
                format!("match self {{ {} }}", arms.join(", "))
            }
            Shape::Unit => String::new(),
        }
    }
}

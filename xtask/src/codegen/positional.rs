//! The JavaScript builders of the results that cross the boundary positionally
//! (`bindings/js/report.generated.js`, imported by `bindings/src/scenario.rs`).
//!
//! Inside `positionally` (bindings/src/to_json.rs) every object a result's writer writes
//! is the array of its values in the order of its keys (an internally tagged variant's tag
//! is its first value), and every decimal is its index in a table of the distinct decimals
//! written beside the JSON (`0` always index 0): `{"month":1,"revenue":{"total_usd":"5"}}`
//! is `[1,[1]]`, then a line break, then the table `0,5,`. Everything else is written as in
//! the keyed text. For each root type below, the file exports `parse_<root>(text)`:
//! `split(",")` of the table, `JSON.parse` of the JSON and a builder per struct that puts
//! the keys back, in the keyed writer's order (`function buildMonthReport(a){return
//! {"month":a[0],"revenue":buildRevenue(a[1]),…};}`), a loop per array of structs,
//! `x===null?null:…` for an `Option` of one, and a `switch` on the tag for a tagged enum.
//! A decimal is its entry in the table (`D[a[2]]`). Other leaves (strings, numbers, dates,
//! unit enums) and arrays of them are taken as they are. So `JSON.stringify` of what a
//! builder returns is the keyed text, byte for byte (tests/node/positional.test.mjs
//! compares the two on every preset and golden vector scenario).

use std::{collections::BTreeMap, fmt::Write as _};

use syn::{GenericArgument, PathArguments, Type};

use super::{
    Crate, Direction, LEAVES, MARK, Shape, TypeDef, VariantShape, source::json_name,
    source::snake_case,
};

/// The results written positionally: `evaluate`'s and `evaluate_portfolio`'s reports.
pub(super) const POSITIONAL_TYPES: [&str; 2] = ["Report", "PortfolioReport"];

/// The builders being written: one function per struct, enum or array type, by name.
struct Builders<'a> {
    by_name: BTreeMap<&'a str, Vec<&'a TypeDef>>,
    crate_: &'a Crate,
    /// The functions written so far, by name, in the order they were first needed.
    functions: Vec<(String, String)>,
}

impl Crate {
    /// `report.generated.js`: `parse_<name>` for each type in `names` and the builders it
    /// calls, or why one of them cannot have one.
    pub(super) fn positional(&self, names: &[&str]) -> Result<String, String> {
        let (writers, _) = self.implementable(Direction::Write);
        let mut builders = Builders {
            by_name: BTreeMap::new(),
            crate_: self,
            functions: Vec::new(),
        };
        for index in writers.keys() {
            if let Some(t) = self.types.get(*index) {
                builders.by_name.entry(t.name.as_str()).or_default().push(t);
            }
        }
        let mut out = format!(
            "// {MARK}\n\
             // The results written positionally (each object as the array of its values, the\n\
             // decimals beside the JSON), and a builder per type that puts the keys and the\n\
             // decimals back: xtask/src/codegen/positional.rs says how.\n\
             \n\
             /** The distinct decimals of the result being rebuilt, by their index in its JSON. */\n\
             let D = [];\n\
             \n\
             /** `build` of the JSON before `text`'s first line break, the decimals after it. */\n\
             function rebuild(text, build) {{\n  \
               const at = text.indexOf(\"\\n\");\n  \
               D = text.slice(at + 1).split(\",\");\n  \
               const value = build(JSON.parse(text.slice(0, at)));\n  \
               D = [];\n  \
               return value;\n\
             }}\n"
        );
        for name in names {
            let build = builders
                .named(name)
                .map_err(|reason| format!("{name}: {reason}"))?
                .ok_or_else(|| format!("{name}: a leaf, not a struct"))?;
            let _ = write!(
                out,
                "\n/** A `{name}` from its positional text, with its keys and decimals put back. */\n\
                 export function parse_{}(text) {{\n  return rebuild(text, {build});\n}}\n",
                snake_case(name)
            );
        }
        for (_, function) in &builders.functions {
            out.push('\n');
            out.push_str(function);
        }
        Ok(out)
    }
}

impl Builders<'_> {
    /// The expression that rebuilds a value of type `ty` held in `x` (a plain variable or
    /// an element, read twice for an `Option`; a decimal's `x` is its index in the table
    /// `D`), or `None` when it is taken as it is.
    fn expression(&mut self, ty: &Type, x: &str) -> Result<Option<String>, String> {
        let (ident, inner) = parts(ty)?;
        Ok(match (ident.as_str(), inner) {
            ("Decimal", None) => Some(format!("D[{x}]")),
            (leaf, None) if LEAVES.contains(&leaf) => None,
            ("Cow", Some(_)) => None,
            ("Box", Some(inner)) => self.expression(inner, x)?,
            ("Option", Some(inner)) => self
                .expression(inner, x)?
                .map(|built| format!("({x}===null?null:{built})")),
            ("Vec", Some(inner)) => self.list(inner)?.map(|list| format!("{list}({x})")),
            (name, None) => self.named(name)?.map(|build| format!("{build}({x})")),
            _ => return Err(format!("{ident}: a generic type without a rule")),
        })
    }

    /// The name of the function that rebuilds an array of `item`s, written on first use;
    /// `None` when the items are taken as they are.
    fn list(&mut self, item: &Type) -> Result<Option<String>, String> {
        let Some(element) = self.expression(item, "a[i]")? else {
            return Ok(None);
        };
        // `Vec<Option<Curve>>`: `listOptionCurve`.
        let name = format!(
            "list{}",
            quote::ToTokens::to_token_stream(item)
                .to_string()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        );
        self.define(&name, |_| {
            Ok(format!(
                "function {name}(a) {{\n  const n = a.length, o = new Array(n);\n  for (let i = 0; i < n; i++) o[i] = {element};\n  return o;\n}}\n"
            ))
        })?;
        Ok(Some(name))
    }

    /// The name of the builder of the type called `name`, written on first use; `None`
    /// for a type written as a leaf (a string enum, or a newtype of a leaf).
    fn named(&mut self, name: &str) -> Result<Option<String>, String> {
        let t = match self.by_name.get(name).map(Vec::as_slice) {
            Some([one]) => *one,
            Some(_) => return Err(format!("{name}: more than one type of that name")),
            None => return Err(format!("{name}: no type of that name with a writer")),
        };
        match &t.shape {
            Shape::Named(fields) if t.container.transparent => match fields.as_slice() {
                [only] => self.expression(&only.ty, "a"),
                _ => Err(format!("{name}: transparent without one field")),
            },
            Shape::Tuple(inner) => match inner.as_slice() {
                [(_, inner)] => self.expression(inner, "a"),
                _ => Err(format!("{name}: a tuple struct")),
            },
            Shape::Enum(_) if t.container.tag.is_none() => Ok(None),
            Shape::Unit => Err(format!("{name}: a unit struct")),
            Shape::Named(_) | Shape::Enum(_) => {
                let function = format!("build{name}");
                self.define(&function, |builders| builders.builder(t, &function))?;
                Ok(Some(function))
            }
        }
    }

    /// Defines the function `name` with the text `write` gives, unless it is defined (the
    /// name is taken first, so that a type that holds itself ends).
    fn define(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut Self) -> Result<String, String>,
    ) -> Result<(), String> {
        if self.functions.iter().any(|(defined, _)| defined == name) {
            return Ok(());
        }
        let index = self.functions.len();
        self.functions.push((name.to_owned(), String::new()));
        let text = write(self)?;
        if let Some((_, slot)) = self.functions.get_mut(index) {
            *slot = text;
        }
        Ok(())
    }

    /// `function buildName(a) { … }`: an object literal of the fields (a struct), or a
    /// `switch` on the tag with one per variant (an internally tagged enum).
    fn builder(&mut self, t: &TypeDef, function: &str) -> Result<String, String> {
        match (&t.shape, &t.container.tag) {
            (Shape::Named(fields), _) => {
                let members = self.members(t, fields, 0)?;
                Ok(format!(
                    "function {function}(a) {{\n  return {{{}}};\n}}\n",
                    members.join(", ")
                ))
            }
            (Shape::Enum(variants), Some(tag)) => {
                let mut cases = String::new();
                for (v, json) in variants.iter().zip(Crate::variant_names(t, variants)) {
                    let fields = match &v.shape {
                        VariantShape::Named(fields) => fields.as_slice(),
                        _ => &[],
                    };
                    let mut members = vec![format!("{tag:?}: {json:?}")];
                    members.extend(self.members(t, fields, 1)?);
                    let _ = writeln!(
                        cases,
                        "    case {json:?}: return {{{}}};",
                        members.join(", ")
                    );
                }
                Ok(format!(
                    "function {function}(a) {{\n  switch (a[0]) {{\n{cases}    default: throw new Error(\"{}: unknown {tag} \" + a[0]);\n  }}\n}}\n",
                    t.name
                ))
            }
            _ => Err(format!("{}: not a struct or a tagged enum", t.name)),
        }
    }

    /// `"name": expression` for each field, its value at `a[first + index]`.
    fn members(
        &mut self,
        t: &TypeDef,
        fields: &[super::Field],
        first: usize,
    ) -> Result<Vec<String>, String> {
        let mut members = Vec::new();
        for (index, f) in fields.iter().enumerate() {
            let x = format!("a[{}]", first + index);
            // A `with` field is written as what its module's `encode` returns.
            let ty = match &f.with {
                Some(with) => self
                    .crate_
                    .encoded_type(&t.module, with)
                    .ok_or_else(|| format!("{}: `with` without an `encode`", f.ident))?,
                None => &f.ty,
            };
            let value = self
                .expression(ty, &x)
                .map_err(|reason| format!("{}.{}: {reason}", t.name, f.ident))?
                .unwrap_or(x);
            members.push(format!("{:?}: {value}", json_name(f)));
        }
        Ok(members)
    }
}

/// A type's last segment and its one type argument, if any.
fn parts(ty: &Type) -> Result<(String, Option<&Type>), String> {
    let Type::Path(path) = ty else {
        return Err("a type that is not a path".to_owned());
    };
    let Some(last) = path.path.segments.last() else {
        return Err("an empty type path".to_owned());
    };
    let inner = match &last.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        }),
        _ => None,
    };
    Ok((last.ident.to_string(), inner))
}

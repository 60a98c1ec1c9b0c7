//! The TypeScript side: one declaration per type that crosses the boundary, named as in
//! Rust, with its rustdoc (up to its first `# ` section, such as `# Errors`).
//!
//! A type the package reads (a parameter of a model the bindings export through
//! `run_model`, or a type one holds) is declared as an input: its decimals are
//! `DecimalInput`, a `u64` (a seed) `U64Input` (a BigInt or a string of digits too), and a field serde fills in when it is missing (`default`, or an
//! `Option`) is optional (`field?: T`, an `Option` also `null`). Every other type is
//! declared as a result: decimals are `DecimalString`, a `u64` `U64String` (its digits, as
//! the bindings write it: a number would lose digits beyond 2^53), every field is present, an `Option`
//! is `T | null`. A type both read and written (a scenario, which a preset returns and
//! `evaluate` takes) is declared once, as an input, so that a result can be passed back in. Enums of unit variants are unions of their names; internally
//! tagged enums (`#[serde(tag = "kind")]`) unions of objects with their tag.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
};

use syn::{GenericArgument, PathArguments, Type};

use super::source::{json_name, snake_case};
use super::{Crate, Direction, Field, FieldDefault, MARK, Shape, TypeDef, VariantShape};

/// Whether a declaration is of an input (read by the package) or a result (written by it).
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Input,
    Result,
}

impl Crate {
    /// `types.generated.d.ts`: every type with a reader or a writer, in the core's module
    /// order; those that `models` (the exported functions' paths) take, and the types they
    /// hold, as inputs.
    pub(super) fn typescript(&self, models: &[Vec<String>]) -> String {
        let (readers, _) = self.implementable(Direction::Read);
        let (writers, _) = self.implementable(Direction::Write);
        let inputs = self.inputs(models, &readers);
        let mut forms: BTreeMap<usize, Form> = BTreeMap::new();
        for index in writers.keys().chain(readers.keys()) {
            let read = self
                .types
                .get(*index)
                .is_some_and(|t| inputs.contains(&t.name));
            let form = if read && readers.contains_key(index) {
                Form::Input
            } else {
                Form::Result
            };
            forms.insert(*index, form);
        }
        let mut out = format!(
            "// {MARK}\n\
             // The inputs and results of the package's functions, one declaration per core type\n\
             // (xtask/src/codegen/typescript.rs says how each is written); index.d.ts re-exports them.\n\n\
             import type {{ DecimalInput, DecimalString, U64Input, U64String }} from \"./index.js\";\n"
        );
        for (index, form) in forms {
            let Some(t) = self.types.get(index) else {
                continue;
            };
            out.push('\n');
            out.push_str(&doc_comment(&t.docs, ""));
            out.push_str(&self.declaration(t, form));
        }
        out
    }

    /// The names of the types the package reads: the parameters of `models`, and every type
    /// their fields hold, among the types with a reader.
    fn inputs(
        &self,
        models: &[Vec<String>],
        readers: &BTreeMap<usize, String>,
    ) -> BTreeSet<String> {
        let mut pending: Vec<String> = Vec::new();
        for model in models {
            let Some(name) = model.last() else {
                continue;
            };
            for function in self.functions.get(name).into_iter().flatten() {
                // `facility::rack_density` names `models::facility::rack::rack_density`:
                // the written path's segments appear, in order, in the public one.
                let reached = self
                    .public_path(&function.module, name)
                    .is_some_and(|path| {
                        let mut segments = path.iter();
                        model.iter().all(|m| segments.any(|s| s == m))
                    });
                if function.public && reached {
                    for ty in &function.inputs {
                        named_types(ty, &mut pending);
                    }
                }
            }
        }
        let by_name: BTreeMap<&str, &TypeDef> = readers
            .keys()
            .filter_map(|index| self.types.get(*index))
            .map(|t| (t.name.as_str(), t))
            .collect();
        let mut seen = BTreeSet::new();
        while let Some(name) = pending.pop() {
            let Some(t) = by_name.get(name.as_str()) else {
                continue;
            };
            if !seen.insert(name) {
                continue;
            }
            let mut fields: Vec<&Type> = Vec::new();
            match &t.shape {
                Shape::Named(named) => fields.extend(named.iter().map(|f| &f.ty)),
                Shape::Tuple(tuple) => fields.extend(tuple.iter().map(|(_, ty)| ty)),
                Shape::Unit => {}
                Shape::Enum(variants) => {
                    for v in variants {
                        if let VariantShape::Named(named) = &v.shape {
                            fields.extend(named.iter().map(|f| &f.ty));
                        }
                    }
                }
            }
            for ty in fields {
                named_types(ty, &mut pending);
            }
        }
        seen
    }

    /// `export interface Name { … }` or `export type Name = …;`.
    fn declaration(&self, t: &TypeDef, form: Form) -> String {
        let name = &t.name;
        match &t.shape {
            Shape::Named(fields) if t.container.transparent => {
                let ty = fields
                    .first()
                    .map_or_else(|| "never".to_owned(), |f| self.field_type(t, f, form));
                format!("export type {name} = {ty};\n")
            }
            Shape::Named(fields) => {
                format!(
                    "export interface {name} {{\n{}}}\n",
                    self.members(t, fields, form, "  ")
                )
            }
            Shape::Tuple(fields) => {
                let ty = fields
                    .first()
                    .map_or_else(|| "never".to_owned(), |(_, ty)| ts_type(ty, form));
                format!("export type {name} = {ty};\n")
            }
            Shape::Unit => format!("export type {name} = null;\n"),
            Shape::Enum(variants) => {
                let names: Vec<String> = variants
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
                    .collect();
                let mut out = format!("export type {name} =\n");
                for (v, json) in variants.iter().zip(&names) {
                    let doc = doc_comment(&v.docs, "  ");
                    let Some(tag) = &t.container.tag else {
                        let _ = writeln!(out, "{doc}  | {json:?}");
                        continue;
                    };
                    let fields = match &v.shape {
                        VariantShape::Named(fields) => fields.as_slice(),
                        _ => &[],
                    };
                    let _ = write!(
                        out,
                        "{doc}  | {{\n      {tag}: {json:?};\n{}    }}\n",
                        self.members(t, fields, form, "      ")
                    );
                }
                // The last line ends the union.
                out.pop();
                out.push_str(";\n");
                out
            }
        }
    }

    /// One line (with its doc comment) per field, indented by `indent`.
    fn members(&self, t: &TypeDef, fields: &[Field], form: Form, indent: &str) -> String {
        let mut out = String::new();
        for f in fields {
            let optional = form == Form::Input
                && (t.container.default
                    || !matches!(f.default, FieldDefault::None)
                    || is_option(&f.ty));
            let name = json_name(f);
            let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !name.starts_with(|c: char| c.is_ascii_digit())
            {
                name
            } else {
                format!("{name:?}")
            };
            let _ = writeln!(
                out,
                "{}{indent}{key}{}: {};",
                doc_comment(&f.docs, indent),
                if optional { "?" } else { "" },
                self.field_type(t, f, form)
            );
        }
        out
    }

    /// A field's type: its Rust type's, or for `#[serde(with)]` what the module's `encode`
    /// returns.
    fn field_type(&self, t: &TypeDef, f: &Field, form: Form) -> String {
        match &f.with {
            Some(with) => self
                .encoded_type(&t.module, with)
                .map_or_else(|| "unknown".to_owned(), |ty| ts_type(ty, form)),
            None => ts_type(&f.ty, form),
        }
    }
}

/// Pushes the name of every type `ty` names (`Vec<Option<Curve>>`: `Vec`, `Option`,
/// `Curve`) onto `out`.
fn named_types(ty: &Type, out: &mut Vec<String>) {
    let Type::Path(path) = ty else {
        return;
    };
    let Some(last) = path.path.segments.last() else {
        return;
    };
    out.push(last.ident.to_string());
    if let PathArguments::AngleBracketed(args) = &last.arguments {
        for arg in &args.args {
            if let GenericArgument::Type(inner) = arg {
                named_types(inner, out);
            }
        }
    }
}

fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// A Rust type (of a field the generator gave an impl) in TypeScript.
fn ts_type(ty: &Type, form: Form) -> String {
    let Type::Path(path) = ty else {
        return "unknown".to_owned();
    };
    let Some(last) = path.path.segments.last() else {
        return "unknown".to_owned();
    };
    let inner: Vec<&Type> = match &last.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(inner) => Some(inner),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let ident = last.ident.to_string();
    match (ident.as_str(), inner.as_slice()) {
        ("Vec", [inner]) => {
            let element = ts_type(inner, form);
            if element.contains(' ') {
                format!("({element})[]")
            } else {
                format!("{element}[]")
            }
        }
        ("Option", [inner]) => format!("{} | null", ts_type(inner, form)),
        ("Box", [inner]) => ts_type(inner, form),
        ("Decimal", []) => match form {
            Form::Input => "DecimalInput".to_owned(),
            Form::Result => "DecimalString".to_owned(),
        },
        ("u64", []) => match form {
            Form::Input => "U64Input".to_owned(),
            Form::Result => "U64String".to_owned(),
        },
        ("u8" | "u16" | "u32" | "usize" | "i8" | "i16" | "i32" | "i64" | "f64", []) => {
            "number".to_owned()
        }
        ("bool", []) => "boolean".to_owned(),
        ("String" | "Cow" | "str" | "Date", _) => "string".to_owned(),
        (_, []) => ident,
        _ => "unknown".to_owned(),
    }
}

/// Rustdoc's links as code: `` [`Curve::Points`] `` and `` [`evaluate`](crate::evaluate) ``
/// as `` `Curve::Points` `` and `` `evaluate` `` (their targets are Rust paths).
fn plain_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let (before, link) = rest.split_at(start);
        out.push_str(before);
        let Some(end) = link.find("`]") else {
            out.push_str(link);
            return out;
        };
        let (code, after) = (&link[1..=end], &link[end + 2..]);
        out.push_str(code);
        rest = match after
            .strip_prefix('(')
            .and_then(|a| a.find(')').map(|close| &a[close + 1..]))
        {
            Some(tail) => tail,
            None => after,
        };
    }
    out.push_str(rest);
    out
}

/// `docs` as a `/** … */` comment indented by `indent`, up to its first `# ` section;
/// nothing when there are none.
fn doc_comment(docs: &str, indent: &str) -> String {
    let lines: Vec<&str> = docs
        .lines()
        .take_while(|line| !line.starts_with("# "))
        .collect();
    let text = plain_links(lines.join("\n").trim()).replace("*/", "*\\/");
    if text.is_empty() {
        return String::new();
    }
    if !text.contains('\n') {
        return format!("{indent}/** {text} */\n");
    }
    let mut out = format!("{indent}/**\n");
    for line in text.lines() {
        if line.is_empty() {
            let _ = writeln!(out, "{indent} *");
        } else {
            let _ = writeln!(out, "{indent} * {line}");
        }
    }
    let _ = writeln!(out, "{indent} */");
    out
}

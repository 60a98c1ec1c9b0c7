//! Which types get a reader or a writer: every field's type, default and `with` module
//! resolved to what the bindings can name, and each type that cannot, with why.

use std::collections::{BTreeMap, BTreeSet};

use quote::ToTokens;
use syn::{Expr, Type};

use super::{
    Crate, Direction, Field, FieldDefault, LEAVES, Shape, TypeDef, VariantShape, WRAPPERS,
    source::absolute,
};

impl Crate {
    /// A default function's value as an expression that compiles in the bindings: a
    /// literal, `Decimal::CONSTANT`, or a public constant.
    pub(super) fn default_expression(&self, module: &[String], function: &str) -> Option<String> {
        let name = function.rsplit("::").next()?;
        let candidates = self.functions.get(name)?;
        let function = candidates
            .iter()
            .find(|f| f.module.as_slice() == module)
            .or_else(|| {
                (candidates.len() == 1)
                    .then(|| candidates.first())
                    .flatten()
            })?;
        match function.body.as_ref()? {
            Expr::Lit(lit) => Some(lit.to_token_stream().to_string()),
            Expr::Path(p) => {
                let segments: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                match segments.as_slice() {
                    [ty, constant] if ty == "Decimal" => {
                        Some(format!("::gpuecon::Decimal::{constant}"))
                    }
                    [constant] => {
                        let modules = self.constants.get(constant)?;
                        let [module] = modules.as_slice() else {
                            return None;
                        };
                        let path = self.public_path(module, constant)?;
                        Some(format!("::gpuecon::{}", path.join("::")))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The public path of the function the generated code calls in place of serde for a
    /// field of a type in `module` with `#[serde(with = "...")]`: the `with` module's
    /// [`Direction::codec`], when the module is reachable and the function public.
    pub(super) fn with_function(
        &self,
        module: &[String],
        with: &str,
        direction: Direction,
    ) -> Option<String> {
        let function = direction.codec();
        let written: Vec<String> = with.split("::").map(str::to_owned).collect();
        let absolute = absolute(module, &written)?;
        let defined = self
            .functions
            .get(function)?
            .iter()
            .any(|f| f.public && f.module == absolute);
        let (name, parent) = absolute.split_last()?;
        let path = self.public_path(parent, name).filter(|_| defined)?;
        Some(format!("::gpuecon::{}::{function}", path.join("::")))
    }

    /// The type that `with` module's `encode` returns for a field of a type in `module`:
    /// the field's JSON form, in TypeScript.
    pub(super) fn encoded_type(&self, module: &[String], with: &str) -> Option<&Type> {
        let written: Vec<String> = with.split("::").map(str::to_owned).collect();
        let absolute = absolute(module, &written)?;
        self.functions
            .get("encode")?
            .iter()
            .find(|f| f.public && f.module == absolute)?
            .output
            .as_ref()
    }

    /// Whether every type named in `ty` has an impl.
    pub(super) fn known(&self, ty: &Type, with_impl: &BTreeSet<String>) -> bool {
        let Type::Path(path) = ty else {
            return false;
        };
        let Some(last) = path.path.segments.last() else {
            return false;
        };
        let ident = last.ident.to_string();
        let types: Vec<&Type> = match &last.arguments {
            syn::PathArguments::None => Vec::new(),
            syn::PathArguments::AngleBracketed(args) => args
                .args
                .iter()
                .filter_map(|arg| match arg {
                    syn::GenericArgument::Type(inner) => Some(inner),
                    _ => None,
                })
                .collect(),
            syn::PathArguments::Parenthesized(_) => return false,
        };
        match types.as_slice() {
            [] => LEAVES.contains(&ident.as_str()) || with_impl.contains(&ident),
            [inner] if WRAPPERS.contains(&ident.as_str()) => self.known(inner, with_impl),
            // `Cow<'static, str>`: a string.
            [Type::Path(inner)] if ident == "Cow" => inner.path.is_ident("str"),
            _ => false,
        }
    }

    /// Why a type cannot have a `direction` impl, or `None` when it can.
    fn obstacle(
        &self,
        t: &TypeDef,
        with_impl: &BTreeSet<String>,
        direction: Direction,
    ) -> Option<String> {
        if let Some(attr) = t.container.unsupported.get(direction) {
            return Some(attr.clone());
        }
        // A reader builds the value with a struct literal, which another crate cannot write
        // for a `#[non_exhaustive]` type, and a writer matches an enum's variants without a
        // wildcard; a struct's writer only reads its fields.
        if t.non_exhaustive && (direction == Direction::Read || matches!(t.shape, Shape::Enum(_))) {
            return Some("#[non_exhaustive]".to_owned());
        }
        let fields_ok = |fields: &[Field]| -> Option<String> {
            fields
                .iter()
                .find_map(|f| self.field_obstacle(t, f, with_impl, direction))
        };
        match &t.shape {
            Shape::Named(fields) => {
                if t.container.tag.is_some() || t.container.transparent && fields.len() != 1 {
                    return Some("an unusual struct attribute".to_owned());
                }
                fields_ok(fields)
            }
            Shape::Tuple(public) => match public.as_slice() {
                [(true, _)] => None,
                _ => Some("a tuple struct that is not a public newtype".to_owned()),
            },
            Shape::Unit => Some("a unit struct".to_owned()),
            Shape::Enum(variants) => {
                if t.container.default && t.container.tag.is_some() {
                    return Some("#[serde(default)] on a tagged enum".to_owned());
                }
                for v in variants {
                    if let Some(reason) = v.unsupported.get(direction) {
                        return Some(format!("{}: {reason} on a variant", v.ident));
                    }
                    match (&v.shape, &t.container.tag) {
                        (VariantShape::Unit, _) => {}
                        (VariantShape::Named(fields), Some(_)) => {
                            if let Some(reason) = fields_ok(fields) {
                                return Some(format!("{}::{reason}", v.ident));
                            }
                        }
                        _ => return Some(format!("{}: a variant shape not handled", v.ident)),
                    }
                }
                None
            }
        }
    }

    /// Why field `f` of `t` cannot be read or written, or `None` when it can.
    fn field_obstacle(
        &self,
        t: &TypeDef,
        f: &Field,
        with_impl: &BTreeSet<String>,
        direction: Direction,
    ) -> Option<String> {
        let ident = &f.ident;
        if let Some(reason) = f.unsupported.get(direction) {
            return Some(format!("{ident}: {reason} on a field"));
        }
        if !f.public {
            return Some(format!("{ident}: a private field"));
        }
        if let Some(with) = &f.with {
            if !matches!(f.default, FieldDefault::None) {
                return Some(format!("{ident}: `default` with `with`"));
            }
            return self
                .with_function(&t.module, with, direction)
                .is_none()
                .then(|| {
                    let function = direction.codec();
                    format!("{ident}: `with = {with:?}` has no public `{function}`")
                });
        }
        if !self.known(&f.ty, with_impl) {
            return Some(format!(
                "{ident}: type {} has no impl",
                f.ty.to_token_stream()
            ));
        }
        match &f.default {
            FieldDefault::Function(function)
                if direction == Direction::Read
                    && self.default_expression(&t.module, function).is_none() =>
            {
                Some(format!("{ident}: default `{function}` is not a constant"))
            }
            _ => None,
        }
    }

    /// The types that get a `direction` impl (each public one deriving its serde trait,
    /// unless something in it cannot be reproduced, or a type it holds gets none), by index
    /// with their public paths; and the others, each with why.
    pub(super) fn implementable(
        &self,
        direction: Direction,
    ) -> (BTreeMap<usize, String>, Vec<String>) {
        let mut paths = BTreeMap::new();
        for (index, t) in self.types.iter().enumerate() {
            // A `#[non_exhaustive]` struct (a report that will grow) cannot be built outside
            // the core, so it has no reader by design; it is written like any other.
            let unbuildable = t.non_exhaustive && direction == Direction::Read;
            if t.generic || !t.public || !t.derives(direction) || unbuildable {
                continue;
            }
            if let Some(path) = self.public_path(&t.module, &t.name) {
                paths.insert(index, format!("::gpuecon::{}", path.join("::")));
            }
        }
        let mut skipped = Vec::new();
        loop {
            let with_impl: BTreeSet<String> = paths
                .keys()
                .filter_map(|index| self.types.get(*index))
                .map(|t| t.name.clone())
                .collect();
            let before = skipped.len();
            paths.retain(|index, path| {
                let reason = self
                    .types
                    .get(*index)
                    .and_then(|t| self.obstacle(t, &with_impl, direction));
                match reason {
                    Some(reason) => {
                        skipped.push(format!("{path}: {reason}"));
                        false
                    }
                    None => true,
                }
            });
            if skipped.len() == before {
                return (paths, skipped);
            }
        }
    }
}

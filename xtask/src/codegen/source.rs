//! Reading the core's source: its modules, what they export, and the types that derive
//! serde's traits with the attributes they carry.

use std::{fs, path::Path};

use quote::ToTokens;
use syn::{
    Attribute, Expr, Fields, Item, Lit, Meta, Type, UseTree, Visibility, punctuated::Punctuated,
    token::Comma,
};

use super::{
    Container, Crate, Field, FieldDefault, Function, Shape, TypeDef, Unsupported, Variant,
    VariantShape,
};

/// The rustdoc of an item (its `///` lines), each line without the one space after `///`.
fn docs(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

fn is_public(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn has_cfg(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg"))
}

fn derives(attrs: &[Attribute], name: &str) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr
                .parse_args_with(Punctuated::<syn::Path, Comma>::parse_terminated)
                .is_ok_and(|paths| {
                    paths
                        .iter()
                        .any(|p| p.segments.last().is_some_and(|s| s.ident == name))
                })
    })
}

/// Whether a type derives serde's `Deserialize` or `Serialize`: the types with impls.
fn derives_json(attrs: &[Attribute]) -> bool {
    derives(attrs, "Deserialize") || derives(attrs, "Serialize")
}

/// The `key = "value"` or bare `key` items of every `#[serde(...)]` attribute.
fn serde_items(attrs: &[Attribute]) -> Vec<(String, Option<String>)> {
    let mut items = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let Ok(list) = attr.parse_args_with(Punctuated::<Meta, Comma>::parse_terminated) else {
            items.push(("unparsed".to_owned(), None));
            continue;
        };
        for meta in list {
            match meta {
                Meta::Path(path) => items.push((path.to_token_stream().to_string(), None)),
                Meta::NameValue(nv) => {
                    let value = match &nv.value {
                        Expr::Lit(lit) => match &lit.lit {
                            Lit::Str(s) => Some(s.value()),
                            _ => None,
                        },
                        _ => None,
                    };
                    items.push((nv.path.to_token_stream().to_string(), value));
                }
                Meta::List(list) => items.push((list.path.to_token_stream().to_string(), None)),
            }
        }
    }
    items
}

fn container(attrs: &[Attribute]) -> Container {
    let mut c = Container::default();
    for (key, value) in serde_items(attrs) {
        match (key.as_str(), value.as_deref()) {
            ("deny_unknown_fields", None) => c.deny_unknown_fields = true,
            ("default", None) => c.default = true,
            ("rename_all", Some("snake_case")) => c.snake_case = true,
            ("tag", Some(tag)) => c.tag = Some(tag.to_owned()),
            ("transparent", None) => c.transparent = true,
            _ => c.unsupported.note(key),
        }
    }
    c
}

fn field(ident: String, ty: Type, public: bool, attrs: &[Attribute]) -> Field {
    let mut f = Field {
        ident,
        name: None,
        ty,
        public,
        default: FieldDefault::None,
        with: None,
        unsupported: Unsupported::default(),
        docs: docs(attrs),
    };
    for (key, value) in serde_items(attrs) {
        match (key.as_str(), value) {
            ("default", None) => f.default = FieldDefault::Trait,
            ("default", Some(function)) => f.default = FieldDefault::Function(function),
            ("rename", Some(name)) => f.name = Some(name),
            ("with", Some(module)) => f.with = Some(module),
            _ => f.unsupported.note(key),
        }
    }
    f
}

fn named_fields(fields: &Fields) -> Option<Vec<Field>> {
    match fields {
        Fields::Named(named) => Some(
            named
                .named
                .iter()
                .map(|f| {
                    let ident = f
                        .ident
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    field(ident, f.ty.clone(), is_public(&f.vis), &f.attrs)
                })
                .collect(),
        ),
        _ => None,
    }
}

/// serde's `rename_all = "snake_case"` for a variant: `GenerationalStep` → `generational_step`.
pub(super) fn snake_case(ident: &str) -> String {
    let mut out = String::new();
    for (i, ch) in ident.char_indices() {
        if ch.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(ch.to_lowercase());
    }
    out
}

/// A field's name in JSON: `r#type` is `type`.
pub(super) fn json_name(field: &Field) -> String {
    field
        .name
        .clone()
        .unwrap_or_else(|| field.ident.trim_start_matches("r#").to_owned())
}

impl Crate {
    /// Reads the module in `file` at `path`, then its children.
    pub(super) fn load(&mut self, file: &Path, path: &[String], reachable: bool) {
        let Ok(text) = fs::read_to_string(file) else {
            return;
        };
        let Ok(parsed) = syn::parse_file(&text) else {
            eprintln!("warning: could not parse {}", file.display());
            return;
        };
        let dir = if file
            .file_name()
            .is_some_and(|n| n == "lib.rs" || n == "mod.rs")
        {
            file.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            file.with_extension("")
        };
        self.items(&parsed.items, path, reachable, &dir);
    }

    pub(super) fn items(&mut self, items: &[Item], path: &[String], reachable: bool, dir: &Path) {
        self.modules.insert(path.to_vec(), reachable);
        for item in items {
            match item {
                Item::Mod(m) if !has_cfg(&m.attrs) => {
                    let mut child = path.to_vec();
                    child.push(m.ident.to_string());
                    let child_reachable = reachable && is_public(&m.vis);
                    match &m.content {
                        Some((_, inline)) => self.items(
                            inline,
                            &child,
                            child_reachable,
                            &dir.join(m.ident.to_string()),
                        ),
                        None => {
                            let name = m.ident.to_string();
                            let flat = dir.join(format!("{name}.rs"));
                            let file = if flat.exists() {
                                flat
                            } else {
                                dir.join(&name).join("mod.rs")
                            };
                            self.load(&file, &child, child_reachable);
                        }
                    }
                }
                Item::Use(u) if is_public(&u.vis) => self.uses(path, &[], &u.tree),
                Item::Fn(f) => {
                    let body = match f.block.stmts.as_slice() {
                        [syn::Stmt::Expr(expr, None)] => Some(expr.clone()),
                        _ => None,
                    };
                    self.functions
                        .entry(f.sig.ident.to_string())
                        .or_default()
                        .push(Function {
                            module: path.to_vec(),
                            public: is_public(&f.vis),
                            body,
                            inputs: f
                                .sig
                                .inputs
                                .iter()
                                .filter_map(|input| match input {
                                    syn::FnArg::Typed(typed) => Some(match &*typed.ty {
                                        Type::Reference(r) => (*r.elem).clone(),
                                        ty => ty.clone(),
                                    }),
                                    syn::FnArg::Receiver(_) => None,
                                })
                                .collect(),
                            output: match &f.sig.output {
                                syn::ReturnType::Type(_, ty) => Some((**ty).clone()),
                                syn::ReturnType::Default => None,
                            },
                        });
                }
                Item::Const(c) if is_public(&c.vis) => {
                    self.constants
                        .entry(c.ident.to_string())
                        .or_default()
                        .push(path.to_vec());
                }
                Item::Struct(s) if derives_json(&s.attrs) && !has_cfg(&s.attrs) => {
                    let shape = match &s.fields {
                        Fields::Named(_) => {
                            Shape::Named(named_fields(&s.fields).unwrap_or_default())
                        }
                        Fields::Unnamed(fields) => Shape::Tuple(
                            fields
                                .unnamed
                                .iter()
                                .map(|f| (is_public(&f.vis), f.ty.clone()))
                                .collect(),
                        ),
                        Fields::Unit => Shape::Unit,
                    };
                    self.types.push(TypeDef {
                        module: path.to_vec(),
                        name: s.ident.to_string(),
                        public: is_public(&s.vis),
                        generic: !s.generics.params.is_empty(),
                        non_exhaustive: s.attrs.iter().any(|a| a.path().is_ident("non_exhaustive")),
                        deserialize: derives(&s.attrs, "Deserialize"),
                        serialize: derives(&s.attrs, "Serialize"),
                        container: container(&s.attrs),
                        shape,
                        docs: docs(&s.attrs),
                    });
                }
                Item::Enum(e) if derives_json(&e.attrs) && !has_cfg(&e.attrs) => {
                    let variants = e
                        .variants
                        .iter()
                        .map(|v| {
                            let mut variant = Variant {
                                ident: v.ident.to_string(),
                                rename: None,
                                shape: match &v.fields {
                                    Fields::Unit => VariantShape::Unit,
                                    // A variant's fields are as public as its enum.
                                    Fields::Named(_) => VariantShape::Named(
                                        named_fields(&v.fields)
                                            .unwrap_or_default()
                                            .into_iter()
                                            .map(|f| Field { public: true, ..f })
                                            .collect(),
                                    ),
                                    Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                                        VariantShape::Newtype
                                    }
                                    Fields::Unnamed(_) => VariantShape::Other,
                                },
                                unsupported: Unsupported::default(),
                                docs: docs(&v.attrs),
                            };
                            for (key, value) in serde_items(&v.attrs) {
                                match (key.as_str(), value) {
                                    ("rename", Some(name)) => variant.rename = Some(name),
                                    // A unit variant that reads `{}` (denying unknown keys):
                                    // what a unit variant here does anyway; nothing to write.
                                    ("deserialize_with", Some(_))
                                        if matches!(variant.shape, VariantShape::Unit) => {}
                                    _ => variant.unsupported.note(key),
                                }
                            }
                            variant
                        })
                        .collect();
                    self.types.push(TypeDef {
                        module: path.to_vec(),
                        name: e.ident.to_string(),
                        public: is_public(&e.vis),
                        generic: !e.generics.params.is_empty(),
                        non_exhaustive: e.attrs.iter().any(|a| a.path().is_ident("non_exhaustive")),
                        deserialize: derives(&e.attrs, "Deserialize"),
                        serialize: derives(&e.attrs, "Serialize"),
                        container: container(&e.attrs),
                        shape: Shape::Enum(variants),
                        docs: docs(&e.attrs),
                    });
                }
                _ => {}
            }
        }
    }

    /// Records the names a `pub use` in module `at` exports.
    fn uses(&mut self, at: &[String], prefix: &[String], tree: &UseTree) {
        match tree {
            UseTree::Path(p) => {
                let mut prefix = prefix.to_vec();
                prefix.push(p.ident.to_string());
                self.uses(at, &prefix, &p.tree);
            }
            UseTree::Name(n) => {
                let mut full = prefix.to_vec();
                full.push(n.ident.to_string());
                if let Some(absolute) = absolute(at, &full) {
                    self.reexports
                        .push((at.to_vec(), n.ident.to_string(), absolute));
                }
            }
            UseTree::Rename(r) => {
                let mut full = prefix.to_vec();
                full.push(r.ident.to_string());
                if let Some(absolute) = absolute(at, &full) {
                    self.reexports
                        .push((at.to_vec(), r.rename.to_string(), absolute));
                }
            }
            UseTree::Glob(_) => {
                if let Some(absolute) = absolute(at, prefix) {
                    self.globs.push((at.to_vec(), absolute));
                }
            }
            UseTree::Group(g) => {
                for tree in &g.items {
                    self.uses(at, prefix, tree);
                }
            }
        }
    }

    /// The path, from outside the crate, of the item `name` in module `module` (itself
    /// public), or `None` when no public path reaches it.
    pub(super) fn public_path(&self, module: &[String], name: &str) -> Option<Vec<String>> {
        if self.modules.get(module) == Some(&true) {
            let mut path = module.to_vec();
            path.push(name.to_owned());
            return Some(path);
        }
        let mut target = module.to_vec();
        target.push(name.to_owned());
        for (at, exported, source) in &self.reexports {
            if *source == target && self.modules.get(at) == Some(&true) {
                let mut path = at.clone();
                path.push(exported.clone());
                return Some(path);
            }
        }
        for (at, source) in &self.globs {
            if source.as_slice() == module && self.modules.get(at) == Some(&true) {
                let mut path = at.clone();
                path.push(name.to_owned());
                return Some(path);
            }
        }
        None
    }
}

/// `path` as written in a `use` in module `at`, made absolute; `None` for another crate's.
pub(super) fn absolute(at: &[String], path: &[String]) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => at.to_vec(),
        "super" => at.split_last().map(|(_, parent)| parent.to_vec())?,
        _ => {
            let mut child = at.to_vec();
            child.push(first.clone());
            child
        }
    };
    let mut rest = rest;
    while let Some((segment, tail)) = rest.split_first() {
        if segment == "super" {
            base.pop();
        } else {
            base.push(segment.clone());
        }
        rest = tail;
    }
    Some(base)
}

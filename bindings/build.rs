//! Generates the impls that carry the core's types across the boundary as JSON text:
//! `FromJson` for the inputs (`$OUT_DIR/from_json.rs`, included by `src/json.rs`) and
//! `ToJson` for the results (`$OUT_DIR/to_json.rs`, included by `src/to_json.rs`). No serde
//! code is left in the module.
//!
//! Every model input crosses from JavaScript as JSON. serde's derived `Deserialize` reads
//! it correctly but costs about half a kilobyte of gzipped WebAssembly per type (a field
//! matcher, a visitor and its error paths; for internally tagged enums also serde's
//! buffering of the whole object), which for the core's ~120 input types was half the
//! module. A `FromJson` impl is a list of calls, one per field, to a few shared helpers:
//! a fifth of the size.
//!
//! Every result goes back as JSON text for `JSON.parse`. serde's derived `Serialize` with
//! serde_json wrote it with a `serialize` per type and serde_json's `serialize_entry` for
//! every field type (90 instances) and `collect_seq` for every array (39). A `ToJson` impl
//! is one call to the non-generic `write_object` with the fields' names and a `&dyn ToJson`
//! for each value. Measured on the whole module (docs/size.md): results written by the
//! generated impls instead of serde_json, 20 KB raw and 2.2 KB gzipped less; their arrays
//! written by a loop per element type rather than through `&mut dyn Iterator` (whose
//! vtables instantiate every provided iterator method), another 4.8 KB raw and 2.1 KB
//! gzipped. The native tests check that the text is serde_json's, byte for byte, for every
//! preset's reports and every golden vector's result.
//!
//! The impls are generated from the core's source rather than written by hand, so they
//! follow every type as it changes. This script parses `core/src` (the module tree from
//! `lib.rs`), finds every struct and enum that derives `Deserialize` or `Serialize`, works
//! out the public path it is reachable by (through `pub mod`s or a `pub use` in an
//! ancestor), and writes impls that reproduce what serde's derives do with the attributes
//! the core uses, parsed once for both directions: `deny_unknown_fields` and `default`
//! (container, field, and `default = "function"` whose body is a constant) when reading,
//! `rename_all = "snake_case"`, `rename`, `tag = "kind"` and `transparent` both ways, and
//! `with = "module"` through the module's serde-free `encode` and `decode` (the Monte
//! Carlo batch's `f64` columns as hexadecimal digits). A type with anything else (a
//! private field, another attribute, a default that is not a constant, a field type
//! without an impl) gets no impl: a warning names it and why, a test fails on it, and an
//! export that needs it does not compile. `cargo test -p gpuecon-wasm` checks that the
//! generated readers and serde read every golden-vector input and preset alike.

use std::{
    collections::{BTreeMap, BTreeSet},
    env,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use quote::ToTokens;
use syn::{
    Attribute, Expr, Fields, Item, Lit, Meta, Type, UseTree, Visibility, punctuated::Punctuated,
    token::Comma,
};

fn main() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src");
    println!("cargo:rerun-if-changed={}", core.display());
    let mut crate_ = Crate::default();
    crate_.load(&core.join("lib.rs"), &[], true);
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    for (file, code) in [
        ("from_json.rs", crate_.generate(Direction::Read)),
        ("to_json.rs", crate_.generate(Direction::Write)),
    ] {
        let path = out.join(file);
        if let Err(error) = fs::write(&path, code) {
            panic!("writing {}: {error}", path.display());
        }
    }
}

/// Leaf types with hand-written impls in `src/json.rs` and `src/to_json.rs`.
const LEAVES: [&str; 13] = [
    "Decimal", "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "bool", "String",
    "Date",
];
/// Generic wrappers with a hand-written impl over their one type argument.
const WRAPPERS: [&str; 3] = ["Vec", "Option", "Box"];

/// Which impl is generated: `FromJson` (reading an input) or `ToJson` (writing a result).
#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Read,
    Write,
}

impl Direction {
    /// The serde derive this direction mirrors.
    fn derive(self) -> &'static str {
        match self {
            Direction::Read => "Deserialize",
            Direction::Write => "Serialize",
        }
    }

    /// The function of a `with` module that the generated code calls: `decode` turns a
    /// field's JSON form into its value, `encode` its value into the JSON form.
    fn codec(self) -> &'static str {
        match self {
            Direction::Read => "decode",
            Direction::Write => "encode",
        }
    }
}

#[derive(Default)]
struct Crate {
    /// Each module's path and whether it is reachable from outside the crate.
    modules: BTreeMap<Vec<String>, bool>,
    /// `pub use` entries: (module, exported name) → absolute path of what it names.
    reexports: Vec<(Vec<String>, String, Vec<String>)>,
    /// `pub use module::*` entries: (module, absolute path of the globbed module).
    globs: Vec<(Vec<String>, Vec<String>)>,
    /// Functions by name.
    functions: BTreeMap<String, Vec<Function>>,
    /// Public constants by name: their modules.
    constants: BTreeMap<String, Vec<Vec<String>>>,
    types: Vec<TypeDef>,
}

/// A function: its module, whether it is public, and its body when that is a single
/// expression.
struct Function {
    module: Vec<String>,
    public: bool,
    body: Option<Expr>,
}

struct TypeDef {
    module: Vec<String>,
    name: String,
    public: bool,
    generic: bool,
    non_exhaustive: bool,
    /// Whether it derives `Deserialize`, and `Serialize`.
    deserialize: bool,
    serialize: bool,
    container: Container,
    shape: Shape,
}

impl TypeDef {
    fn derives(&self, direction: Direction) -> bool {
        match direction {
            Direction::Read => self.deserialize,
            Direction::Write => self.serialize,
        }
    }
}

/// serde attributes this script does not reproduce, by the direction they matter to.
#[derive(Default)]
struct Unsupported {
    read: Option<String>,
    write: Option<String>,
}

impl Unsupported {
    /// Records `attribute`: what serde does only when serializing matters to writing only;
    /// anything else to both directions.
    fn note(&mut self, attribute: String) {
        if !SERIALIZE_ONLY.contains(&attribute.as_str()) {
            self.read
                .get_or_insert_with(|| format!("#[serde({attribute})]"));
        }
        self.write
            .get_or_insert_with(|| format!("#[serde({attribute})]"));
    }

    fn get(&self, direction: Direction) -> Option<&String> {
        match direction {
            Direction::Read => self.read.as_ref(),
            Direction::Write => self.write.as_ref(),
        }
    }
}

#[derive(Default)]
struct Container {
    deny_unknown_fields: bool,
    default: bool,
    snake_case: bool,
    tag: Option<String>,
    transparent: bool,
    unsupported: Unsupported,
}

enum Shape {
    Named(Vec<Field>),
    /// A tuple struct's fields: whether each is public.
    Tuple(Vec<bool>),
    Unit,
    Enum(Vec<Variant>),
}

struct Field {
    ident: String,
    name: Option<String>,
    ty: Type,
    public: bool,
    default: FieldDefault,
    /// The module of `#[serde(with = "module")]`, as written.
    with: Option<String>,
    unsupported: Unsupported,
}

enum FieldDefault {
    None,
    Trait,
    Function(String),
}

struct Variant {
    ident: String,
    rename: Option<String>,
    shape: VariantShape,
    unsupported: Unsupported,
}

enum VariantShape {
    Unit,
    Named(Vec<Field>),
    Newtype,
    Other,
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

/// What serde does only when serializing: no effect on reading; not reproduced in writing.
const SERIALIZE_ONLY: [&str; 3] = ["skip_serializing_if", "serialize_with", "skip_serializing"];

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
fn snake_case(ident: &str) -> String {
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
fn json_name(field: &Field) -> String {
    field
        .name
        .clone()
        .unwrap_or_else(|| field.ident.trim_start_matches("r#").to_owned())
}

impl Crate {
    /// Reads the module in `file` at `path`, then its children.
    fn load(&mut self, file: &Path, path: &[String], reachable: bool) {
        println!("cargo:rerun-if-changed={}", file.display());
        let Ok(text) = fs::read_to_string(file) else {
            return;
        };
        let Ok(parsed) = syn::parse_file(&text) else {
            println!("cargo:warning=could not parse {}", file.display());
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

    fn items(&mut self, items: &[Item], path: &[String], reachable: bool, dir: &Path) {
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
                        Fields::Unnamed(fields) => {
                            Shape::Tuple(fields.unnamed.iter().map(|f| is_public(&f.vis)).collect())
                        }
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
    fn public_path(&self, module: &[String], name: &str) -> Option<Vec<String>> {
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

    /// A default function's value as an expression that compiles in the bindings: a
    /// literal, `Decimal::CONSTANT`, or a public constant.
    fn default_expression(&self, module: &[String], function: &str) -> Option<String> {
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
    fn with_function(&self, module: &[String], with: &str, direction: Direction) -> Option<String> {
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

    /// Whether every type named in `ty` has an impl.
    fn known(&self, ty: &Type, with_impl: &BTreeSet<String>) -> bool {
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
        if t.non_exhaustive {
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
                [true] => None,
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
    fn implementable(&self, direction: Direction) -> (BTreeMap<usize, String>, Vec<String>) {
        let mut paths = BTreeMap::new();
        for (index, t) in self.types.iter().enumerate() {
            if t.generic || !t.public || !t.derives(direction) {
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

    /// The impls of `direction`'s trait for every type that can have one; a type that
    /// cannot is listed (and a warning printed): using it in an export fails to compile.
    fn generate(&self, direction: Direction) -> String {
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
        let mut out = String::from(
            "// Generated by bindings/build.rs from the core's source: do not edit.\n",
        );
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
            println!("cargo:warning=no {} impl for {reason}", direction.derive());
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
    fn variant_names(t: &TypeDef, variants: &[Variant]) -> Vec<String> {
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

    /// The body of `write_json`: one call to `write_object` with the fields' names and
    /// values (an internally tagged variant's tag first), or the one value a newtype, a
    /// transparent struct or a unit variant is written as.
    fn writer(&self, t: &TypeDef) -> String {
        let object = |names: Vec<String>, values: Vec<String>| {
            format!("write_object(out, &{names:?}, &[{}])", values.join(", "))
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

/// `path` as written in a `use` in module `at`, made absolute; `None` for another crate's.
fn absolute(at: &[String], path: &[String]) -> Option<Vec<String>> {
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

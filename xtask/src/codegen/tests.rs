//! The generator on a small crate written here: what it must write for each shape,
//! written out by hand from serde's and TypeScript's rules.

use std::path::Path;

use super::{Crate, Direction};

/// A crate of one public module `m` holding `source`.
fn crate_of(source: &str) -> Crate {
    let mut crate_ = Crate::default();
    let file =
        syn::parse_file(&format!("pub mod m {{ {source} }}")).unwrap_or_else(|e| panic!("{e}"));
    crate_.items(&file.items, &[], true, Path::new("."));
    crate_
}

const SOURCE: &str = r#"
    /// What a model takes.
    #[derive(Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct In {
        /// A rate.
        ///
        /// # Errors
        /// Not in TypeScript.
        pub rate: Decimal,
        #[serde(default)]
        pub months: u32,
        pub seed: u64,
        pub shape: Shape,
        pub cap: Option<Decimal>,
    }
    #[derive(Deserialize, Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    pub enum Shape {
        /// See [`In`] and [`model`](crate::m::model).
        Flat,
        Steps { values: Vec<Option<Decimal>> },
    }
    #[derive(Deserialize, Serialize)]
    pub struct Out {
        pub total: Decimal,
        pub seed: u64,
        pub best: Option<Decimal>,
        pub r#type: Kind,
    }
    #[derive(Deserialize, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind { GpuHours, Usd }
    pub fn model(inputs: &In) -> Result<Out, Error> { todo!() }
"#;

#[test]
fn inputs_take_decimal_inputs_and_results_give_decimal_strings() {
    let crate_ = crate_of(SOURCE);
    let text = crate_.typescript(&[vec!["m".to_owned(), "model".to_owned()]]);
    let body = text
        .split_once("\"./index.js\";\n")
        .map(|(_, b)| b)
        .unwrap_or_default();
    let expected = r#"
/** What a model takes. */
export interface In {
  /** A rate. */
  rate: DecimalInput;
  months?: number;
  seed: U64Input;
  shape: Shape;
  cap?: DecimalInput | null;
}

export type Shape =
  /** See `In` and `model`. */
  | {
      kind: "flat";
    }
  | {
      kind: "steps";
      values: (DecimalInput | null)[];
    };

export interface Out {
  total: DecimalString;
  seed: U64String;
  best: DecimalString | null;
  type: Kind;
}

export type Kind =
  | "gpu_hours"
  | "usd";
"#;
    assert_eq!(body, expected);
    assert!(text.starts_with("// @generated"));
}

#[test]
fn readers_and_writers_follow_serde_attributes() {
    let crate_ = crate_of(SOURCE);
    let read = crate_.generate(Direction::Read);
    assert!(
        read.contains(r#"o.only(&["rate", "months", "seed", "shape", "cap"])?;"#),
        "{read}"
    );
    assert!(read.contains(r#"months: o.or("months", ::core::default::Default::default())?"#));
    assert!(read.contains(r#"cap: o.or("cap", None)?"#));
    let write = crate_.generate(Direction::Write);
    assert!(write.contains(r#"write_object(out, &["{\"total\":", ",\"seed\":", ",\"best\":", ",\"type\":"], &[&self.total, &self.seed, &self.best, &self.r#type])"#), "{write}");
    assert!(write.contains(r#"Self::GpuHours => "gpu_hours".write_json(out)"#));
}

const MONTHS: &str = r#"
    #[derive(Serialize)]
    pub struct Month {
        pub month: u32,
        pub cost: Option<Decimal>,
        pub parts: Parts,
        pub r#type: Kind,
        pub flows: Vec<Parts>,
        pub last: Decimal,
    }
    #[derive(Serialize)]
    pub struct Parts {
        #[serde(rename = "a_usd")]
        pub a: Decimal,
        pub inner: Inner,
    }
    #[derive(Serialize)]
    pub struct Inner { pub b: bool }
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind { GpuHours, Usd }
    #[derive(Serialize)]
    pub struct Uneven { pub parts: Option<Parts> }
    #[derive(Serialize)]
    #[serde(tag = "kind")]
    pub enum Tagged { One { x: u32 } }
    #[derive(Serialize)]
    pub struct Varying { pub t: Tagged }
"#;

/// Nested structs become nested objects of columns (their keys after the `}` of the one
/// before closes); an `Option` of a leaf, an array and a string enum are one column each.
/// The expected calls are written out by hand from the rule in `codegen/columns.rs`.
#[test]
fn column_writers_nest_structs_and_keep_leaves_whole() {
    let crate_ = crate_of(MONTHS);
    let text = crate_.columns(&["Month"]).unwrap_or_else(|e| panic!("{e}"));
    let expected = r#"impl ToColumns for ::gpuecon::m::Month {
    fn write_columns(rows: &[Self], out: &mut String) {
        write_column(out, "{\"month\":", rows, |row| &row.month);
        write_column(out, ",\"cost\":", rows, |row| &row.cost);
        write_column(out, ",\"parts\":{\"a_usd\":", rows, |row| &row.parts.a);
        write_column(out, ",\"inner\":{\"b\":", rows, |row| &row.parts.inner.b);
        write_column(out, "}},\"type\":", rows, |row| &row.r#type);
        write_column(out, ",\"flows\":", rows, |row| &row.flows);
        write_column(out, ",\"last\":", rows, |row| &row.last);
        out.push('}');
    }
}
"#;
    assert!(text.starts_with("// @generated"), "{text}");
    assert!(text.ends_with(expected), "{text}");
}

/// A struct in some months and `null` (or another variant) in others has no fixed keys:
/// no column writer, and the reason names the field.
#[test]
fn column_writers_refuse_what_is_an_object_only_in_some_months() {
    let crate_ = crate_of(MONTHS);
    let uneven = crate_.columns(&["Uneven"]).err().unwrap_or_default();
    assert!(
        uneven.contains("Uneven: parts: an Option of a struct"),
        "{uneven}"
    );
    let varying = crate_.columns(&["Varying"]).err().unwrap_or_default();
    assert!(
        varying.contains("Varying: t: Tagged: an enum of objects"),
        "{varying}"
    );
    let leaf = crate_.columns(&["Kind"]).err().unwrap_or_default();
    assert!(
        leaf.contains("Kind: not a struct with named fields"),
        "{leaf}"
    );
    let missing = crate_.columns(&["Nothing"]).err().unwrap_or_default();
    assert!(missing.contains("no type of that name"), "{missing}");
}

const REPORT: &str = r#"
    #[derive(Serialize)]
    pub struct Top {
        pub rows: Vec<Row>,
        pub best: Option<Row>,
        pub shape: Shape,
        pub kind: Kind,
        pub id: Id,
        pub values: Vec<Option<Decimal>>,
        pub empty: Empty,
    }
    #[derive(Serialize)]
    pub struct Row {
        pub month: u32,
        #[serde(rename = "cost_usd")]
        pub cost: Decimal,
        pub r#type: Kind,
    }
    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    pub enum Shape {
        Flat,
        Steps { rows: Vec<Row>, label: String },
    }
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind { GpuHours, Usd }
    #[derive(Serialize)]
    pub struct Id(pub u32);
    #[derive(Serialize)]
    pub struct Empty {}
"#;

/// The builders of a positional report, written out by hand from the rule in
/// `codegen/positional.rs`: each struct an object literal of its values in field order
/// under their JSON names, a loop per array of structs, `null` kept for an `Option`, a
/// `switch` on a tagged enum's first value; each decimal its entry in the table beside
/// the JSON (`D[index]`, in an `Option` only where the index is not `null`, in a loop for
/// an array of them); other leaves, string enums, newtypes of leaves and arrays of leaves
/// as they are.
#[test]
fn positional_builders_put_the_keys_back_in_the_writers_order() {
    let crate_ = crate_of(REPORT);
    let text = crate_
        .positional(&["Top"])
        .unwrap_or_else(|e| panic!("{e}"));
    let expected = r#"
/** A `Top` from its positional text, with its keys and decimals put back. */
export function parse_top(text) {
  return rebuild(text, buildTop);
}

function buildTop(a) {
  return {"rows": listRow(a[0]), "best": (a[1]===null?null:buildRow(a[1])), "shape": buildShape(a[2]), "kind": a[3], "id": a[4], "values": listOptionDecimal(a[5]), "empty": buildEmpty(a[6])};
}

function buildRow(a) {
  return {"month": a[0], "cost_usd": D[a[1]], "type": a[2]};
}

function listRow(a) {
  const n = a.length, o = new Array(n);
  for (let i = 0; i < n; i++) o[i] = buildRow(a[i]);
  return o;
}

function buildShape(a) {
  switch (a[0]) {
    case "flat": return {"kind": "flat"};
    case "steps": return {"kind": "steps", "rows": listRow(a[1]), "label": a[2]};
    default: throw new Error("Shape: unknown kind " + a[0]);
  }
}

function listOptionDecimal(a) {
  const n = a.length, o = new Array(n);
  for (let i = 0; i < n; i++) o[i] = (a[i]===null?null:D[a[i]]);
  return o;
}

function buildEmpty(a) {
  return {};
}
"#;
    assert!(text.starts_with("// @generated"), "{text}");
    let rebuild = r#"
function rebuild(text, build) {
  const at = text.indexOf("\n");
  D = text.slice(at + 1).split(",");
  const value = build(JSON.parse(text.slice(0, at)));
  D = [];
  return value;
}
"#;
    assert!(text.contains("\nlet D = [];\n"), "{text}");
    assert!(text.contains(rebuild), "{text}");
    assert!(text.ends_with(expected), "{text}");
    let missing = crate_.positional(&["Nothing"]).err().unwrap_or_default();
    assert!(missing.contains("no type of that name"), "{missing}");
    let leaf = crate_.positional(&["Kind"]).err().unwrap_or_default();
    assert!(leaf.contains("Kind: a leaf"), "{leaf}");
}

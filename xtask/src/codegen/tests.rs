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

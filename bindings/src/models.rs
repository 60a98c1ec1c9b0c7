//! Models: plain objects in and out, decimals as strings (numbers accepted on input).
//!
//! Every model export is one call to [`run_model`]. Objects cross the boundary as JSON
//! text: `JSON.stringify` on the way in (`js/boundary.js`: non-finite numbers become
//! strings the core rejects, and anything that cannot be written as JSON is a
//! `GpueconError`), read by [`crate::json`] in the module, and the result's text (written
//! by [`crate::to_json`]) through `JSON.parse` on the way out. Every input type denies
//! unknown fields, so a misspelt key is an error at any depth. The scenario reports, the
//! largest results, cross positionally ([`positional_run_model`]): without their keys, which
//! a generated builder puts back on the JavaScript side.

use std::sync::atomic::{AtomicUsize, Ordering};

use gpuecon::models;
use wasm_bindgen::prelude::*;

use crate::error::{self, GpueconError, JsResult};
use crate::json::{self, FromJson};
use crate::to_json::{ToJson, positionally};

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    /// `JSON.stringify(value)`, or a thrown `GpueconError` on `field` (caught here).
    #[wasm_bindgen(catch)]
    fn input_json(value: &JsValue, field: &str) -> Result<String, JsValue>;
}

/// A model result as a plain JS object (decimals become strings): `JSON.parse` of its
/// JSON text.
pub(crate) fn to_js_object(value: &dyn ToJson) -> JsResult<JsValue> {
    let mut text = String::new();
    value.write_json(&mut text);
    parse_result(&text)
}

/// `JSON.parse` of a result's text.
fn parse_result(text: &str) -> JsResult<JsValue> {
    js_sys::JSON::parse(text).map_err(|_| error::invalid_shape("result", &"not JSON"))
}

/// Reads `value` as `I`: an object of the wrong shape, or with a key `I` does not know, is
/// `INVALID_ARGUMENT` on `field` (for the exports that keep their input, as the Monte Carlo
/// handle does).
#[cfg(feature = "montecarlo")]
pub(crate) fn read_input<I: FromJson>(value: &JsValue, field: &str) -> JsResult<I> {
    let text = input_json(value, field).map_err(JsCast::unchecked_into::<GpueconError>)?;
    let tree = json::parse(&text).map_err(|e| error::invalid_input(field, &e))?;
    I::from_json(tree).map_err(|e| error::invalid_input(field, &e))
}

/// Reads `value` as `I` (an object of the wrong shape, or with a key `I` does not know, is
/// `INVALID_ARGUMENT` on `field`), runs `model` on it and returns its result as an object.
///
/// Every export with an object argument is one call to this; what depends on the types
/// (reading `I`, calling the model, writing `O`) is the closure given to [`run`], which
/// does the rest once for all of them.
pub(crate) fn run_model<I, O, E>(
    value: &JsValue,
    field: &str,
    model: fn(&I) -> Result<O, E>,
) -> JsResult<JsValue>
where
    I: FromJson,
    O: ToJson,
    E: Into<GpueconError>,
{
    run_typed(value, field, model, None)
}

/// `JSON.parse` of a result's positional text with its keys and decimals put back: a
/// `parse_*` function of `js/report.generated.js` (imported with `catch`; it throws only on
/// text that is not JSON, which the module never writes). Its text is the JSON, a line
/// break, then the decimals written beside it ([`positionally`]), each followed by a comma.
pub(crate) type Rebuild = fn(&str) -> Result<JsValue, JsValue>;

/// [`run_model`] with the result written positionally ([`positionally`]: each object as the
/// array of its values, a third of the text for a report, its decimals beside the JSON)
/// and turned back into the same object, keys in the same order, by `rebuild`. Measured on the whole `evaluate` call in
/// Node: docs/size.md, issue 21. (Its name ends in `run_model` so that `cargo xtask codegen`
/// finds the model, its last argument, among the exports.) Only the `models` exports
/// (`evaluate`, `evaluate_portfolio`) return reports.
#[cfg(feature = "models")]
pub(crate) fn positional_run_model<I, O, E>(
    rebuild: Rebuild,
    value: &JsValue,
    field: &str,
    model: fn(&I) -> Result<O, E>,
) -> JsResult<JsValue>
where
    I: FromJson,
    O: ToJson,
    E: Into<GpueconError>,
{
    run_typed(value, field, model, Some(rebuild))
}

/// [`run_model`], its result rebuilt by `rebuild` when there is one (inlined into each of
/// the two, so that an export has one generic function, as before).
#[inline(always)]
fn run_typed<I, O, E>(
    value: &JsValue,
    field: &str,
    model: fn(&I) -> Result<O, E>,
    rebuild: Option<Rebuild>,
) -> JsResult<JsValue>
where
    I: FromJson,
    O: ToJson,
    E: Into<GpueconError>,
{
    // The input and the output are borrowed where they are, not moved out of their
    // `Result`s first (measured: 2 KB less gzipped over the 45 exports).
    run(
        value,
        field,
        rebuild,
        &|tree, out| match I::from_json(tree) {
            Ok(ref input) => match model(input) {
                Ok(ref output) => {
                    output.write_json(out);
                    Ok(())
                }
                Err(e) => Err(Failure::Model(e.into())),
            },
            Err(e) => Err(Failure::Shape(e)),
        },
    )
}

/// Why a model could not run.
enum Failure {
    /// The input does not have the model's shape.
    Shape(json::ShapeError),
    /// The model's own error.
    Model(GpueconError),
}

/// The length of the last result's text, which the next result's text is given at once:
/// a page evaluates the same scenario again and again as its inputs change, and a report's
/// text (311 KB for a 12-year box) would otherwise grow by doubling, copied each time.
static LAST_RESULT_LENGTH: AtomicUsize = AtomicUsize::new(0);

/// The input's JSON text, parsed and handed to `model` with the text to write the result
/// into; the result as an object: `JSON.parse` of its text, or with `rebuild`, the text
/// written positionally and rebuilt by it (the non-generic part of [`run_model`]).
#[inline(never)]
fn run(
    value: &JsValue,
    field: &str,
    rebuild: Option<Rebuild>,
    model: &dyn Fn(json::Json, &mut String) -> Result<(), Failure>,
) -> JsResult<JsValue> {
    let text = input_json(value, field).map_err(JsCast::unchecked_into::<GpueconError>)?;
    let tree = json::parse(&text).map_err(|e| error::invalid_input(field, &e))?;
    let mut result = String::with_capacity(LAST_RESULT_LENGTH.load(Ordering::Relaxed));
    let written = match rebuild {
        Some(_) => {
            let (written, decimals) = positionally(|| model(tree, &mut result));
            // The JSON never holds a raw line break (`str`'s writer escapes it).
            result.push('\n');
            result.push_str(&decimals);
            written
        }
        None => model(tree, &mut result),
    };
    match written {
        Ok(()) => {
            LAST_RESULT_LENGTH.store(result.len(), Ordering::Relaxed);
            match rebuild {
                Some(rebuild) => {
                    rebuild(&result).map_err(|_| error::invalid_shape("result", &"not JSON"))
                }
                None => parse_result(&result),
            }
        }
        Err(Failure::Shape(e)) => Err(error::invalid_input(field, &e)),
        Err(Failure::Model(e)) => Err(e),
    }
}

/// The owner's itemized cost of one GPU-hour: capital, power, facility and operations in
/// USD per available GPU-hour, their total, and the total per utilized hour. `inputs` is
/// an object of the shape of the core's `OwnerCostInputs`; the result's fields are decimal
/// strings.
#[wasm_bindgen]
pub fn owner_cost(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, "inputs", models::owner_cost)
}

/// The built-in GPU catalog: an array of objects with exact SKU names, TDP, node power and
/// capex (decimal strings), and the source and date of the figures.
#[wasm_bindgen]
pub fn gpus() -> JsResult<JsValue> {
    to_js_object(&models::gpus())
}

//! Models: plain objects in and out, decimals as strings (numbers accepted on input).
//!
//! Every model export is one call to [`run_model`]. Objects cross the boundary as JSON
//! text: `JSON.stringify` on the way in (`js/boundary.js`: non-finite numbers become
//! strings the core rejects, and anything that cannot be written as JSON is a
//! `GpueconError`), read by [`crate::json`] in the module, and serde_json's text of the
//! result through `JSON.parse` on the way out. Every input type denies unknown fields, so a
//! misspelt key is an error at any depth.

use gpuecon::models::{self, ModelError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{self, GpueconError, JsResult};
use crate::json::{self, FromJson};

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    /// `JSON.stringify(value)`, or a thrown `GpueconError` on `field` (caught here).
    #[wasm_bindgen(catch)]
    fn input_json(value: &JsValue, field: &str) -> Result<String, JsValue>;
}

/// A model result as a plain JS object (decimals become strings).
pub(crate) fn to_js_object<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    parse_result(serde_json::to_string(value))
}

/// `JSON.parse` of a result's text (the non-generic half of [`to_js_object`]).
fn parse_result(text: Result<String, serde_json::Error>) -> JsResult<JsValue> {
    let text = text.map_err(|e| error::invalid_shape("result", &e))?;
    js_sys::JSON::parse(&text).map_err(|_| error::invalid_shape("result", &"not JSON"))
}

/// Reads `inputs` as `I` (an object of the wrong shape or with an unknown key is
/// `INVALID_ARGUMENT` on `inputs`), runs `model` on it and returns its result as an object.
pub(crate) fn run_model<I, O>(
    inputs: &JsValue,
    model: impl FnOnce(&I) -> Result<O, ModelError>,
) -> JsResult<JsValue>
where
    I: FromJson,
    O: Serialize,
{
    to_js_object(&model(&read_input(inputs, "inputs")?)?)
}

/// Reads `value` as `I`: an object of the wrong shape, or with a key `I` does not know, is
/// `INVALID_ARGUMENT` on `field`.
pub(crate) fn read_input<I>(value: &JsValue, field: &str) -> JsResult<I>
where
    I: FromJson,
{
    let tree = input_tree(value, field)?;
    I::from_json(tree).map_err(|e| error::invalid_input(field, &e))
}

/// `value` as a JSON tree (the non-generic half of [`read_input`]).
fn input_tree(value: &JsValue, field: &str) -> JsResult<json::Json> {
    let text = input_json(value, field).map_err(JsCast::unchecked_into::<GpueconError>)?;
    json::parse(&text).map_err(|e| error::invalid_input(field, &e))
}

/// The owner's itemized cost of one GPU-hour: capital, power, facility and operations in
/// USD per available GPU-hour, their total, and the total per utilized hour. `inputs` is
/// an object of the shape of the core's `OwnerCostInputs`; the result's fields are decimal
/// strings.
#[wasm_bindgen]
pub fn owner_cost(inputs: JsValue) -> JsResult<JsValue> {
    run_model(&inputs, models::owner_cost)
}

/// The built-in GPU catalog: an array of objects with exact SKU names, TDP, node power and
/// capex (decimal strings), and the source and date of the figures.
#[wasm_bindgen]
pub fn gpus() -> JsResult<JsValue> {
    to_js_object(models::gpus())
}

//! Models: plain objects in and out, decimals as strings (numbers accepted on input).
//!
//! Every model export is one call to [`run_model`]: read the input object (rejecting keys
//! the model does not know), run the core model, write the result object.

use gpuecon::models::{self, ModelError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::error::{self, JsResult};

/// A model result as a plain JS object (decimals become strings).
pub(crate) fn to_js_object<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error::invalid_shape("result", &e))
}

/// Reads `inputs` as `I` (an object of the wrong shape or with an unknown key is
/// `INVALID_ARGUMENT` on `inputs`), runs `model` on it and returns its result as an object.
pub(crate) fn run_model<I, O>(
    inputs: &JsValue,
    model: impl FnOnce(&I) -> Result<O, ModelError>,
) -> JsResult<JsValue>
where
    I: DeserializeOwned + Serialize,
    O: Serialize,
{
    to_js_object(&model(&read_input(inputs, "inputs")?)?)
}

/// Reads `value` as `I`: an object of the wrong shape, or with a key `I` does not know, is
/// `INVALID_ARGUMENT` on `field`.
pub(crate) fn read_input<I>(value: &JsValue, field: &str) -> JsResult<I>
where
    I: DeserializeOwned + Serialize,
{
    let parsed: I = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| error::invalid_shape(field, &e))?;
    reject_unknown_keys(value, &to_js_object(&parsed)?, field, "")?;
    Ok(parsed)
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

/// serde-wasm-bindgen reads only the fields a struct names, so `deny_unknown_fields` does
/// not fire for JS objects. A misspelt optional input (`salvage_usd_pergpu`) must not be
/// silently ignored: every key of `input` must exist in `known`, the parsed value written
/// back (which has every field), recursively through objects and arrays. `INVALID_ARGUMENT`
/// on `field` otherwise.
fn reject_unknown_keys(input: &JsValue, known: &JsValue, field: &str, path: &str) -> JsResult<()> {
    if js_sys::Array::is_array(input) && js_sys::Array::is_array(known) {
        let (items, known_items): (&js_sys::Array, &js_sys::Array) =
            (input.unchecked_ref(), known.unchecked_ref());
        for (i, item) in items.iter().enumerate() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            reject_unknown_keys(
                &item,
                &known_items.get(index),
                field,
                &format!("{path}[{i}]"),
            )?;
        }
        return Ok(());
    }
    if !input.is_object() || js_sys::Array::is_array(input) || !known.is_object() {
        return Ok(());
    }
    let object: &js_sys::Object = input.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let here = if path.is_empty() {
            name
        } else {
            format!("{path}.{name}")
        };
        if !js_sys::Reflect::has(known, &key).unwrap_or(false) {
            return Err(error::unknown_field(field, &here));
        }
        let (inner, inner_known) = (
            js_sys::Reflect::get(input, &key).unwrap_or(JsValue::UNDEFINED),
            js_sys::Reflect::get(known, &key).unwrap_or(JsValue::UNDEFINED),
        );
        reject_unknown_keys(&inner, &inner_known, field, &here)?;
    }
    Ok(())
}

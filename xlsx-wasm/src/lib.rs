//! `gpuecon/xlsx`: [`gpuecon_xlsx::workbook`] for JavaScript, in a WebAssembly module of
//! its own (loaded only by the programs and pages that write workbooks).
//!
//! ```js
//! import { workbook } from "gpuecon/xlsx";
//! const bytes = workbook(scenario); // a Uint8Array: the .xlsx file
//! ```

use gpuecon::scenario::{Scenario, evaluate};
use wasm_bindgen::prelude::*;

/// The workbook of the scenario in `scenario_json` (the scenario format's JSON), with
/// `sources` listed on its cover; the same bytes as `gpuecon evaluate --format xlsx`.
///
/// # Errors
/// An `Error` with the core's message when the JSON is not a valid scenario or its
/// evaluation fails.
#[wasm_bindgen]
pub fn workbook(scenario_json: &str, sources: Vec<String>) -> Result<Vec<u8>, JsError> {
    bytes(scenario_json, &sources).map_err(|message| JsError::new(&message))
}

/// The workbook's bytes, or the error's message.
fn bytes(scenario_json: &str, sources: &[String]) -> Result<Vec<u8>, String> {
    let scenario = Scenario::from_json(scenario_json).map_err(|e| e.to_string())?;
    let report = evaluate(&scenario).map_err(|e| e.to_string())?;
    gpuecon_xlsx::workbook(&scenario, &report, sources)
        .map(|book| book.bytes)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_as_the_library_and_the_core_s_message() {
        let preset = gpuecon::presets::get("coreweave-box-ig").unwrap().unwrap();
        let scenario = preset.scenario.unwrap();
        let json = serde_json::to_string(&scenario).unwrap();
        let report = evaluate(&scenario).unwrap();
        let expected = gpuecon_xlsx::workbook(&scenario, &report, &preset.sources).unwrap();
        assert_eq!(bytes(&json, &preset.sources).unwrap(), expected.bytes);
        assert!(bytes("{}", &[]).unwrap_err().contains("missing field"));
    }
}

// The Excel model's writer (gpuecon/xlsx and its own .wasm), bundled apart from the page:
// the scenario panel imports it on the "Download Excel model" click.
export { workbook } from "gpuecon/xlsx";

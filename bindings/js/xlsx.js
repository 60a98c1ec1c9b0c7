// `gpuecon/xlsx` in browsers and bundlers: a scenario as a live Excel workbook. Its own
// .wasm (the workbook writer), fetched and compiled at import, with top-level await: a
// page that never imports this entry (`await import("gpuecon/xlsx")` on a click) never
// loads it, and the main module stays as small as it was.
import init, { workbook as write } from "./gpuecon_xlsx.js";

await init();

/**
 * The workbook of `scenario` (an object in the scenario format, or its JSON text), with
 * `sources` listed on its cover: the .xlsx file's bytes, the same as
 * `gpuecon evaluate --format xlsx`. Throws an Error with the core's message when the
 * scenario is invalid.
 */
export function workbook(scenario, sources = []) {
  const json = typeof scenario === "string" ? scenario : JSON.stringify(scenario);
  return write(json, sources);
}

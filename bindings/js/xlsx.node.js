// `gpuecon/xlsx` in Node.js: the workbook writer's .wasm beside this file, compiled
// synchronously at import (see xlsx.js).
import { readFileSync } from "node:fs";
import { initSync, workbook as write } from "./gpuecon_xlsx.js";

initSync({ module: readFileSync(new URL("./gpuecon_xlsx_bg.wasm", import.meta.url)) });

/** See xlsx.js and xlsx.d.ts. */
export function workbook(scenario, sources = []) {
  const json = typeof scenario === "string" ? scenario : JSON.stringify(scenario);
  return write(json, sources);
}

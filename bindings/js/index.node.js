// Node.js: the .wasm beside this file is compiled synchronously at import.
import { readFileSync } from "node:fs";
import { initSync } from "./gpuecon_wasm.js";

initSync({ module: readFileSync(new URL("./gpuecon_wasm_bg.wasm", import.meta.url)) });

export * from "./gpuecon_wasm.js";
export { GpueconError } from "./gpuecon_error.js";
export { presets } from "./presets.js";
export { glossary } from "./glossary.js";

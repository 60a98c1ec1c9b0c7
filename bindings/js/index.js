// Browsers and bundlers (Vite, webpack, esbuild): the module fetches and compiles its
// .wasm once, at import, with top-level await; no init() call is needed.
import init from "./gpuecon_wasm.js";

await init();

export * from "./gpuecon_wasm.js";
export { GpueconError } from "./gpuecon_error.js";
export { presets } from "./presets.js";
export { glossary } from "./glossary.js";

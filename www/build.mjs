// Builds the static calculator into dist/: the page, its bundled scripts (the page, the
// theme loader, which runs first, the Monte Carlo worker and the Excel writer, loaded on a
// click) and styles (uPlot's included), and the package's .wasm files beside the scripts
// (the package loads them relative to its own URL), and the domain reference (domain.html).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { referencePage } from "./reference.mjs";

const here = dirname(new URL(import.meta.url).pathname);
const dist = join(here, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: {
    main: join(here, "src/main.js"),
    theme: join(here, "src/theme.js"),
    "montecarlo-worker": join(here, "src/montecarlo/worker.js"),
    // gpuecon/xlsx on its own: main.js imports "./xlsx.js" on a click (external below).
    xlsx: join(here, "src/xlsx.js"),
    style: join(here, "src/style.css"),
  },
  outdir: dist,
  bundle: true,
  format: "esm",
  target: "es2022", // the package uses top-level await
  minify: true,
  sourcemap: true,
  external: ["./xlsx.js"],
  logLevel: "info",
});

const wasm = createRequire(import.meta.url).resolve("gpuecon/gpuecon_wasm_bg.wasm");
copyFileSync(wasm, join(dist, "gpuecon_wasm_bg.wasm"));
// The Monte Carlo's own module: the worker loads it (gpuecon/montecarlo), the page does not.
const montecarloWasm = createRequire(import.meta.url).resolve("gpuecon/gpuecon_montecarlo_bg.wasm");
copyFileSync(montecarloWasm, join(dist, "gpuecon_montecarlo_bg.wasm"));
const xlsxWasm = createRequire(import.meta.url).resolve("gpuecon/gpuecon_xlsx_bg.wasm");
copyFileSync(xlsxWasm, join(dist, "gpuecon_xlsx_bg.wasm"));
copyFileSync(join(here, "index.html"), join(dist, "index.html"));
copyFileSync(join(here, "public/favicon.svg"), join(dist, "favicon.svg"));
// The domain reference the presets' sources cite, as a page they link to (reference.mjs).
writeFileSync(join(dist, "domain.html"), referencePage(readFileSync(join(here, "../docs/domain.md"), "utf8")));
console.log(`built the calculator in ${dist}`);

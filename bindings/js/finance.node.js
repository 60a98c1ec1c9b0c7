// `gpuecon/finance` in Node.js: the finance functions' own .wasm beside this file, compiled
// synchronously at import (no top-level await, so `require("gpuecon/finance")` works too).
// See finance.js.
import { readFileSync } from "node:fs";
import { initSync } from "./gpuecon_finance.js";

initSync({ module: readFileSync(new URL("./gpuecon_finance_bg.wasm", import.meta.url)) });

export { sln, pv, fv, pmt, nper, ipmt, ppmt, cumipmt, cumprinc, effect, nominal, ispmt, fvschedule, syd, db, ddb, vdb, macrs, macrs_schedule, npv, npv_at_t0, xnpv, mirr, irr, irr_all, xirr, rate } from "./gpuecon_finance.js";
export { GpueconError } from "./gpuecon_error.js";

// `gpuecon/finance` in browsers and bundlers: the Excel-style finance functions alone (XIRR,
// IRR, NPV, PMT, depreciation, ...), in their own small .wasm (the bindings crate built
// without its models: docs/size.md), fetched and compiled at import with top-level await.
// The same functions as the full `gpuecon`, giving the same strings, and the same
// `GpueconError` class: `instanceof` holds for errors from either entry.
import init from "./gpuecon_finance.js";

await init();

export { sln, pv, fv, pmt, nper, ipmt, ppmt, cumipmt, cumprinc, effect, nominal, ispmt, fvschedule, syd, db, ddb, vdb, macrs, macrs_schedule, npv, npv_at_t0, xnpv, mirr, irr, irr_all, xirr, rate } from "./gpuecon_finance.js";
export { GpueconError } from "./gpuecon_error.js";

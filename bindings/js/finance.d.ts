/**
 * `gpuecon/finance`: the Excel-style finance functions alone, in a module a fraction of the
 * full package's size. The same functions, arguments, results and errors as `gpuecon`'s
 * (their documentation and examples are there); `GpueconError` is the same class.
 *
 * @example
 * import { xirr } from "gpuecon/finance";
 * xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]);
 * // "0.3733625335..."
 */
export {
  sln, pv, fv, pmt, nper, ipmt, ppmt, cumipmt, cumprinc, effect, nominal, ispmt, fvschedule, syd, db, ddb, vdb, macrs, macrs_schedule, npv, npv_at_t0, xnpv, mirr, irr, irr_all, xirr, rate,
  GpueconError,
} from "./index.js";
export type { DecimalInput, DecimalString } from "./index.js";

/**
 * gpuecon: the economics of AI compute, exact to the cent.
 *
 * Money and rates cross the boundary as decimal strings ("1234.56"), so no cent is lost
 * to binary floating point. Inputs may be numbers or decimal strings; results are strings.
 *
 * @example
 * import { sln } from "gpuecon";
 * sln(30000, 7500, 10); // "2250"
 *
 * @packageDocumentation
 */

/** A decimal number written as a string, for example `"1234.56"` or `"-0.075"`. */
export type DecimalString = string;

/** A number, or a decimal string for exact input (`"0.1"` is exactly one tenth). */
export type DecimalInput = number | DecimalString;

/** The stable, machine-readable codes of {@link GpueconError}. */
export type GpueconErrorCode =
  | "INVALID_ARGUMENT"
  | "DOMAIN"
  | "OVERFLOW"
  | "NO_SIGN_CHANGE"
  | "NO_CONVERGENCE";

/**
 * The one error every gpuecon function throws.
 *
 * @example
 * import { sln, GpueconError } from "gpuecon";
 * try {
 *   sln(100, 10, 0);
 * } catch (e) {
 *   if (e instanceof GpueconError) console.log(e.code, e.field, e.excel); // DOMAIN life #DIV/0!
 * }
 */
export declare class GpueconError extends Error {
  /** The stable code, for programs to branch on. */
  readonly code: GpueconErrorCode;
  /** The offending argument's name, for example `"life"`. */
  readonly field: string;
  /** What Excel shows for the same failure. */
  readonly excel: "#NUM!" | "#VALUE!" | "#DIV/0!";
  constructor(code: GpueconErrorCode, field: string, message: string, excel: string);
}

/**
 * Straight-line depreciation for one period, as Excel's `SLN(cost, salvage, life)`:
 * `(cost − salvage) / life`, exact.
 *
 * @param cost - the asset's initial cost
 * @param salvage - its value at the end of its life
 * @param life - the number of periods over which it is depreciated (not zero)
 * @returns the depreciation for each period, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `life` when it is zero (Excel: `#DIV/0!`);
 *   `INVALID_ARGUMENT` when an argument is not a number or a decimal string.
 *
 * @example
 * import { sln } from "gpuecon";
 * sln(30000, 7500, 10);          // "2250" (Microsoft's example)
 * sln("50000", "5000", "6");     // "7500": an H100 server over six years
 */
export declare function sln(cost: DecimalInput, salvage: DecimalInput, life: DecimalInput): DecimalString;

/** A calendar date: a `"YYYY-MM-DD"` string, or a `Date` read by its UTC day (`new Date("2026-01-31")`). */
export type DateInput = string | Date;

/**
 * Net present value, as Excel's `NPV(rate, value1, …)`: the first value is discounted by
 * one period, `Σ vᵢ / (1 + rate)^i` for `i = 1 … n`. Exact decimal arithmetic (one
 * rounding of `1/(1 + rate)` to 28 digits). For a first flow that falls now, use
 * {@link npv_at_t0}.
 *
 * @param rate - the discount rate per period (not −1)
 * @param values - the flows at the end of periods 1 … n (paid out negative, received positive)
 * @returns the net present value, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `rate` when it is −1 (Excel: `#DIV/0!`);
 *   `INVALID_ARGUMENT` on `values` when empty or not numbers; `OVERFLOW` on `values`.
 *
 * @example
 * import { npv } from "gpuecon";
 * npv(0.1, [-10000, 3000, 4200, 6800]); // "1188.4434123352230038931766956" (Microsoft's example: $1,188.44)
 */
export declare function npv(rate: DecimalInput, values: DecimalInput[]): DecimalString;

/**
 * Net present value with the first flow now (t = 0), not discounted, as numpy-financial's
 * `npv`: `Σ vᵢ / (1 + rate)^i` for `i = 0 … n−1`, which is `(1 + rate) · npv(rate, values)`.
 *
 * @param rate - the discount rate per period (not −1 when there is more than one flow)
 * @param values - the flows, the first one now
 * @returns the net present value at t = 0, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `rate` when it is −1; `INVALID_ARGUMENT` on `values`.
 *
 * @example
 * import { npv_at_t0 } from "gpuecon";
 * npv_at_t0("0.08", [-40000, 8000, 9200, 10000, 12000, 14500]); // "1922.06155…" (= NPV(8%, …) − 40,000)
 */
export declare function npv_at_t0(rate: DecimalInput, values: DecimalInput[]): DecimalString;

/**
 * Net present value of dated flows, as Excel's `XNPV(rate, values, dates)`:
 * `Σ vᵢ / (1 + rate)^((dᵢ − d₀)/365)` (Actual/365 from the first date). Fractional powers
 * in binary floating point (as Excel), products and the sum exact.
 *
 * @param rate - the annual discount rate, greater than −1
 * @param values - the flows
 * @param dates - their dates, as many as the values, none before the first
 * @returns the net present value at the first date, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `rate` (≤ −1) or on `dates` (count differs, or a date
 *   precedes the first; Excel: `#NUM!`); `INVALID_ARGUMENT` on `values` or `dates`.
 *
 * @example
 * import { xnpv } from "gpuecon";
 * xnpv(0.09, [-10000, 2750, 4250, 3250, 2750],
 *   ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]); // "2086.6476…"
 */
export declare function xnpv(rate: DecimalInput, values: DecimalInput[], dates: DateInput[]): DecimalString;

/**
 * Modified internal rate of return, as Excel's `MIRR(values, finance_rate, reinvest_rate)`:
 * `(−FV(inflows at reinvest_rate) / PV(outflows at finance_rate))^(1/(n−1)) − 1`.
 *
 * @param values - the flows, one a period, at least one negative and one positive
 * @param finance_rate - the rate paid on the money invested (not −1)
 * @param reinvest_rate - the rate earned on the money received
 * @returns the rate, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `values` without both signs or on `finance_rate` = −1
 *   (Excel: `#DIV/0!`).
 *
 * @example
 * import { mirr } from "gpuecon";
 * mirr([-120000, 39000, 30000, 21000, 37000, 46000], 0.1, 0.12); // "0.12609413036590…" (12.6 %)
 */
export declare function mirr(values: DecimalInput[], finance_rate: DecimalInput, reinvest_rate: DecimalInput): DecimalString;

/**
 * Internal rate of return, as Excel's `IRR(values, [guess])`: the rate at which
 * `Σ vᵢ / (1 + r)^i = 0` (`i = 0 … n−1`). Solved in binary floating point (Halley's method
 * from a start derived from the flows, Brent's method as fallback), checked against the
 * flows' magnitude, correct to about 15 digits. Flows that change sign more than once may
 * have several rates: the one nearest the guess is returned; {@link irr_all} lists them.
 *
 * @param values - the flows, one a period, the first now; at least one of each sign
 * @param guess - where to start (Excel's guess); default: derived from the flows
 * @returns the rate per period, as a decimal string
 * @throws {GpueconError} `NO_SIGN_CHANGE` on `values`; `NO_CONVERGENCE` on `values`;
 *   `DOMAIN` on `guess` when it is −1 or less.
 *
 * @example
 * import { irr } from "gpuecon";
 * irr([-70000, 12000, 15000, 18000, 21000, 26000]); // "0.0866309480365316" (Microsoft: 8.7 %)
 * irr(["-100", "230", "-132"], "0.25");              // "0.2" (two roots: 10 % and 20 %)
 */
export declare function irr(values: DecimalInput[], guess?: DecimalInput | null): DecimalString;

/**
 * Every internal rate of return in `[lower, upper]`, ascending: for flows that change sign
 * more than once. Scans 4,096 steps of `ln(1 + r)` and refines each sign change; roots
 * closer than one step and double roots are not found.
 *
 * @param values - the flows, one a period, the first now
 * @param lower - the lowest rate searched, greater than −1 (default −0.99)
 * @param upper - the highest rate searched (default 10)
 * @returns the rates, as decimal strings (empty when none lies in the range)
 * @throws {GpueconError} `NO_SIGN_CHANGE` on `values`; `DOMAIN` on `lower` or `upper`.
 *
 * @example
 * import { irr_all } from "gpuecon";
 * irr_all([-100, 230, -132]); // ["0.1…", "0.2…"]
 */
export declare function irr_all(values: DecimalInput[], lower?: DecimalInput | null, upper?: DecimalInput | null): DecimalString[];

/**
 * Internal rate of return of dated flows, as Excel's `XIRR(values, dates, [guess])`: the
 * annual rate at which `Σ vᵢ / (1 + r)^((dᵢ − d₀)/365) = 0`. Solved as {@link irr}.
 *
 * @param values - the flows, at least one of each sign
 * @param dates - their dates, as many as the values, none before the first
 * @param guess - where to start (Excel's guess); default: derived from the flows
 * @returns the annual rate, as a decimal string
 * @throws {GpueconError} `NO_SIGN_CHANGE` or `NO_CONVERGENCE` on `values`; `DOMAIN` on
 *   `dates` (count differs, or a date precedes the first) or `guess`.
 *
 * @example
 * import { xirr } from "gpuecon";
 * xirr([-10000, 2750, 4250, 3250, 2750],
 *   ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]); // "0.37336253351883…"
 * xirr([-177900000, 8799805.85], [new Date("2020-07-03"), new Date("2021-02-25")]); // "-0.99024769189951…"
 */
export declare function xirr(values: DecimalInput[], dates: DateInput[], guess?: DecimalInput | null): DecimalString;

/**
 * Interest rate per period of an annuity, as Excel's `RATE(nper, pmt, pv, [fv], [type], [guess])`:
 * the rate that solves `pv·(1+r)^n + pmt·(1 + r·type)·((1+r)^n − 1)/r + fv = 0`.
 *
 * @param nper - the number of periods, greater than 0
 * @param pmt - the payment each period
 * @param pv - the present value
 * @param fv - the future value after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @param guess - where to start (Excel's guess); default: derived from the flows
 * @returns the rate per period, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `nper` (≤ 0), `type` (not 0 or 1) or `guess` (≤ −1);
 *   `NO_SIGN_CHANGE` on `pmt` when pv, pmt and fv never differ in sign; `NO_CONVERGENCE` on `pmt`.
 *
 * @example
 * import { rate } from "gpuecon";
 * rate(48, -200, 8000); // "0.00770147248820…" a month (Microsoft's example: 9.24 % a year)
 */
export declare function rate(
  nper: DecimalInput,
  pmt: DecimalInput,
  pv: DecimalInput,
  fv?: DecimalInput | null,
  type?: DecimalInput | null,
  guess?: DecimalInput | null,
): DecimalString;

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

/** Excel's `type` argument: 0 = payments at the end of each period (the default), 1 = at the beginning. Any other value throws `DOMAIN` on `type`. */
export type PaymentType = 0 | 1;

/**
 * Present value of a series of equal payments, as Excel's `PV(rate, nper, pmt, [fv], [type])`:
 * `−(fv + pmt·(1 + r·type)·((1+r)^n − 1)/r) / (1+r)^n`, and `−(fv + pmt·n)` when `rate` is 0.
 * Exact decimal arithmetic for a whole `nper`.
 *
 * @param rate - the interest rate per period (0.08/12 for 8 % a year paid monthly)
 * @param nper - the number of payment periods
 * @param pmt - the payment each period (negative when paid out)
 * @param fv - the value left after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the present value, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `nper` (fractional with `1 + rate < 0`), on `rate` (`rate` = −1) or on `type`;
 *   `OVERFLOW` when the result does not fit in a decimal; `INVALID_ARGUMENT` for a non-number.
 *
 * @example
 * import { pv } from "gpuecon";
 * pv(0.08 / 12, 12 * 20, 500); // "-59777.14585118..." (Microsoft's example: −$59,777.15)
 */
export declare function pv(
  rate: DecimalInput,
  nper: DecimalInput,
  pmt: DecimalInput,
  fv?: DecimalInput | null,
  type?: PaymentType | null,
): DecimalString;

/**
 * Future value of an investment with constant payments, as Excel's `FV(rate, nper, pmt, [pv], [type])`:
 * `−(pv·(1+r)^n + pmt·(1 + r·type)·((1+r)^n − 1)/r)`, and `−(pv + pmt·n)` when `rate` is 0.
 *
 * @param rate - the interest rate per period
 * @param nper - the number of payment periods
 * @param pmt - the payment each period (negative when paid out)
 * @param pv - a lump sum now (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the future value, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `nper` (fractional with `1 + rate < 0`) or `type`; `OVERFLOW`.
 *
 * @example
 * import { fv } from "gpuecon";
 * fv("0.005", 10, -200, -500, 1); // "2581.40337406..." (Microsoft's example: $2,581.40)
 */
export declare function fv(
  rate: DecimalInput,
  nper: DecimalInput,
  pmt: DecimalInput,
  pv?: DecimalInput | null,
  type?: PaymentType | null,
): DecimalString;

/**
 * Payment per period of a loan, as Excel's `PMT(rate, nper, pv, [fv], [type])`:
 * `−(fv + pv·(1+r)^n)·r / ((1 + r·type)·((1+r)^n − 1))`, and `−(fv + pv)/n` when `rate` is 0.
 * Exact decimal arithmetic for a whole `nper` (microseconds, fit for every keystroke).
 *
 * @param rate - the interest rate per period
 * @param nper - the number of payments (not 0)
 * @param pv - the principal
 * @param fv - the balance wanted after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the payment, as a decimal string (negative for a loan received)
 * @throws {GpueconError} `DOMAIN` on `nper` when it is 0 (Excel: `#DIV/0!`) or fractional with `1 + rate < 0`; `OVERFLOW`.
 *
 * @example
 * import { pmt } from "gpuecon";
 * pmt(0.08 / 12, 10, 10000); // "-1037.03208935..." (Microsoft's example: −$1,037.03)
 * pmt(0, 10, 1000);          // "-100"
 */
export declare function pmt(
  rate: DecimalInput,
  nper: DecimalInput,
  pv: DecimalInput,
  fv?: DecimalInput | null,
  type?: PaymentType | null,
): DecimalString;

/**
 * Number of periods, as Excel's `NPER(rate, pmt, pv, [fv], [type])`:
 * `ln((a − fv·r)/(a + pv·r)) / ln(1 + r)` with `a = pmt·(1 + r·type)`, and `−(pv + fv)/pmt` when `rate` is 0.
 * The logarithms are computed in binary floating point, as Excel does.
 *
 * @param rate - the interest rate per period (greater than −1)
 * @param pmt - the payment each period
 * @param pv - the present value
 * @param fv - the value wanted after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the number of periods, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `rate` (≤ −1) or on `pmt` (the payment never reaches `fv`; Excel: `#NUM!`),
 *   and on `pmt` when `rate` and `pmt` are both 0 (Excel: `#DIV/0!`).
 *
 * @example
 * import { nper } from "gpuecon";
 * nper(0.01, -100, -1000, 10000, 1); // "59.67386567..." (Microsoft's example)
 */
export declare function nper(
  rate: DecimalInput,
  pmt: DecimalInput,
  pv: DecimalInput,
  fv?: DecimalInput | null,
  type?: PaymentType | null,
): DecimalString;

/**
 * Interest part of payment `per`, as Excel's `IPMT(rate, per, nper, pv, [fv], [type])`.
 *
 * @param rate - the interest rate per period
 * @param per - the period, from 1 to `nper`
 * @param nper - the number of payments
 * @param pv - the principal
 * @param fv - the balance wanted after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the interest, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `per` outside 1..nper (Excel: `#NUM!`), and the errors of {@link pmt}.
 *
 * @example
 * import { ipmt } from "gpuecon";
 * ipmt(0.1 / 12, 1, 36, 8000); // "-66.666..." (Microsoft's example: −$66.67)
 */
export declare function ipmt(
  rate: DecimalInput,
  per: DecimalInput,
  nper: DecimalInput,
  pv: DecimalInput,
  fv?: DecimalInput | null,
  type?: PaymentType | null,
): DecimalString;

/**
 * Principal part of payment `per`, as Excel's `PPMT(rate, per, nper, pv, [fv], [type])`: `PMT − IPMT`.
 *
 * @param rate - the interest rate per period
 * @param per - the period, from 1 to `nper`
 * @param nper - the number of payments
 * @param pv - the principal
 * @param fv - the balance wanted after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the principal repaid, as a decimal string
 * @throws {GpueconError} as {@link ipmt}.
 *
 * @example
 * import { ppmt } from "gpuecon";
 * ppmt(0.1 / 12, 1, 24, 2000); // "-75.6231860..." (Microsoft's example: −$75.62)
 */
export declare function ppmt(
  rate: DecimalInput,
  per: DecimalInput,
  nper: DecimalInput,
  pv: DecimalInput,
  fv?: DecimalInput | null,
  type?: PaymentType | null,
): DecimalString;

/**
 * Interest paid between two periods (inclusive), as Excel's
 * `CUMIPMT(rate, nper, pv, start_period, end_period, type)`. Fractional periods are rounded inward
 * (start up, end down), as Excel does.
 *
 * @param rate - the interest rate per period (greater than 0)
 * @param nper - the number of payments (greater than 0)
 * @param pv - the principal (greater than 0)
 * @param start_period - the first period (at least 1)
 * @param end_period - the last period (from `start_period` to `nper`)
 * @param type - 0: payments at the end of each period, 1: at the beginning (required, as in Excel)
 * @returns the interest, as a decimal string (negative)
 * @throws {GpueconError} `DOMAIN` on `rate`, `nper`, `pv`, `start_period`, `end_period` or `type` outside
 *   those ranges (Excel: `#NUM!`); `INVALID_ARGUMENT` on `type` when it is left out.
 *
 * @example
 * import { cumipmt } from "gpuecon";
 * cumipmt(0.09 / 12, 360, 125000, 13, 24, 0); // "-11135.23213..." (Microsoft's example)
 */
export declare function cumipmt(
  rate: DecimalInput,
  nper: DecimalInput,
  pv: DecimalInput,
  start_period: DecimalInput,
  end_period: DecimalInput,
  type: PaymentType,
): DecimalString;

/**
 * Principal repaid between two periods (inclusive), as Excel's
 * `CUMPRINC(rate, nper, pv, start_period, end_period, type)`. Arguments as {@link cumipmt}.
 *
 * @param rate - the interest rate per period (greater than 0)
 * @param nper - the number of payments (greater than 0)
 * @param pv - the principal (greater than 0)
 * @param start_period - the first period (at least 1)
 * @param end_period - the last period (from `start_period` to `nper`)
 * @param type - 0: payments at the end of each period, 1: at the beginning (required)
 * @returns the principal repaid, as a decimal string (negative)
 * @throws {GpueconError} as {@link cumipmt}.
 *
 * @example
 * import { cumprinc } from "gpuecon";
 * cumprinc(0.09 / 12, 360, 125000, 13, 24, 0); // "-934.10712342..." (Microsoft's example)
 */
export declare function cumprinc(
  rate: DecimalInput,
  nper: DecimalInput,
  pv: DecimalInput,
  start_period: DecimalInput,
  end_period: DecimalInput,
  type: PaymentType,
): DecimalString;

/**
 * Effective annual rate, as Excel's `EFFECT(nominal_rate, npery)`: `(1 + i/m)^m − 1`, with `m` = `npery`
 * truncated to a whole number. Exact decimal arithmetic.
 *
 * @param nominal_rate - the nominal annual rate (greater than 0)
 * @param npery - compounding periods a year (at least 1; truncated)
 * @returns the effective rate, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `nominal_rate` (≤ 0) or `npery` (< 1).
 *
 * @example
 * import { effect } from "gpuecon";
 * effect("0.0525", 4); // "0.0535426673..." (Microsoft's example: 5.35 %)
 */
export declare function effect(nominal_rate: DecimalInput, npery: DecimalInput): DecimalString;

/**
 * Nominal annual rate, as Excel's `NOMINAL(effect_rate, npery)`: `m·((1 + e)^(1/m) − 1)`, with `m` = `npery`
 * truncated. The root is computed in binary floating point, as Excel does.
 *
 * @param effect_rate - the effective annual rate (greater than 0)
 * @param npery - compounding periods a year (at least 1; truncated)
 * @returns the nominal rate, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `effect_rate` (≤ 0) or `npery` (< 1).
 *
 * @example
 * import { nominal } from "gpuecon";
 * nominal("0.053543", 4); // "0.05250031986..." (Microsoft's example: 5.25 %)
 */
export declare function nominal(effect_rate: DecimalInput, npery: DecimalInput): DecimalString;

/**
 * Interest of one period of a loan repaid in equal principal parts, as Excel's `ISPMT(rate, per, nper, pv)`:
 * `pv·rate·(per/nper − 1)`, exact. `per` counts from 0 (the first period), as in Excel.
 *
 * @param rate - the interest rate per period
 * @param per - the period, 0 for the first
 * @param nper - the number of periods (not 0)
 * @param pv - the loan
 * @returns the interest of the period, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `nper` when it is 0 (Excel: `#DIV/0!`).
 *
 * @example
 * import { ispmt } from "gpuecon";
 * ispmt(0.1, 1, 3, 8000000); // "-533333.33333..." (Microsoft's example)
 */
export declare function ispmt(rate: DecimalInput, per: DecimalInput, nper: DecimalInput, pv: DecimalInput): DecimalString;

/**
 * Future value of a principal under a schedule of rates, as Excel's `FVSCHEDULE(principal, schedule)`:
 * `principal·(1 + r₁)·(1 + r₂)·…`, exact.
 *
 * @param principal - the present value
 * @param schedule - the rate of each period, in order
 * @returns the future value, as a decimal string
 * @throws {GpueconError} `OVERFLOW` on `schedule` when the product does not fit in a decimal.
 *
 * @example
 * import { fvschedule } from "gpuecon";
 * fvschedule(1, [0.09, 0.11, 0.1]); // "1.33089" (Microsoft's example)
 */
export declare function fvschedule(principal: DecimalInput, schedule: DecimalInput[]): DecimalString;

/**
 * Sum-of-years'-digits depreciation for one period, as Excel's `SYD(cost, salvage, life, per)`:
 * `(cost − salvage)·(life − per + 1)·2 / (life·(life + 1))`, exact.
 *
 * @param cost - the asset's initial cost
 * @param salvage - its value at the end of its life
 * @param life - the number of periods (greater than 0)
 * @param per - the period (greater than 0, at most `life`)
 * @returns the depreciation, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `life` or `per` outside those ranges (Excel: `#NUM!`).
 *
 * @example
 * import { syd } from "gpuecon";
 * syd(30000, 7500, 10, 1); // "4090.9090909..." (Microsoft's example: $4,090.91)
 */
export declare function syd(cost: DecimalInput, salvage: DecimalInput, life: DecimalInput, per: DecimalInput): DecimalString;

/**
 * Fixed-declining-balance depreciation for one period, as Excel's `DB(cost, salvage, life, period, [month])`.
 * The rate `1 − (salvage/cost)^(1/life)` is rounded to three decimals, as Excel does; the first year
 * counts `month` months and the year after the life the rest.
 *
 * @param cost - the asset's initial cost (greater than 0)
 * @param salvage - its value at the end of its life (not negative)
 * @param life - the number of years (greater than 0)
 * @param period - the year (greater than 0, at most `life + 1`; a fraction counts as its whole part)
 * @param month - months in the first year, 1 to 12 (default 12)
 * @returns the depreciation, as a decimal string
 * @throws {GpueconError} `DOMAIN` on the argument outside its range (Excel: `#NUM!`).
 *
 * @example
 * import { db } from "gpuecon";
 * db(1000000, 100000, 6, 1, 7); // "186083.333..." (Microsoft's example: $186,083.33)
 * db(1000000, 100000, 6, 7, 7); // "15845.0984..." (the last 5 months: $15,845.10)
 */
export declare function db(
  cost: DecimalInput,
  salvage: DecimalInput,
  life: DecimalInput,
  period: DecimalInput,
  month?: DecimalInput | null,
): DecimalString;

/**
 * Double-declining-balance depreciation for one period, as Excel's `DDB(cost, salvage, life, period, [factor])`:
 * `max(0, min(v·d, v − salvage))` with `d = factor/life` and `v` the book value before the period, so the book
 * value never falls below `salvage`. Exact decimal arithmetic.
 *
 * @param cost - the asset's initial cost (not negative)
 * @param salvage - its value at the end of its life (not negative)
 * @param life - the number of periods (greater than 0)
 * @param period - the period (greater than 0, at most `life`; a fraction counts as the period it falls in)
 * @param factor - the rate at which the balance declines (default 2, double-declining)
 * @returns the depreciation, as a decimal string
 * @throws {GpueconError} `DOMAIN` on the argument outside its range (Excel: `#NUM!`).
 *
 * @example
 * import { ddb } from "gpuecon";
 * ddb(2400, 300, 10, 1);  // "480" (Microsoft's example)
 * ddb(2400, 300, 10, 10); // "22.1225472" ($22.12 in the tenth year)
 */
export declare function ddb(
  cost: DecimalInput,
  salvage: DecimalInput,
  life: DecimalInput,
  period: DecimalInput,
  factor?: DecimalInput | null,
): DecimalString;

/**
 * Variable-declining-balance depreciation between two points of the life, as Excel's
 * `VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])`: the declining balance,
 * switching to the straight line when that is larger (unless `no_switch`). Fractional start and end
 * follow Excel's own rule (see the Rust documentation of `vdb`). At most 100,000 periods.
 *
 * @param cost - the asset's initial cost (not negative)
 * @param salvage - its value at the end of its life (not negative)
 * @param life - the number of periods (greater than 0)
 * @param start_period - where the range starts (0 or more)
 * @param end_period - where it ends (from `start_period` to `life`)
 * @param factor - the rate at which the balance declines (default 2)
 * @param no_switch - `true` to never switch to the straight line (default `false`)
 * @returns the depreciation over the range, as a decimal string
 * @throws {GpueconError} `DOMAIN` on the argument outside its range (Excel: `#NUM!`);
 *   `INVALID_ARGUMENT` on `no_switch` when it is not a boolean.
 *
 * @example
 * import { vdb } from "gpuecon";
 * vdb(2400, 300, 10, 0, 1);    // "480" (Microsoft's example: the first year)
 * vdb(2400, 300, 120, 6, 18);  // "396.306053..." (months 6 to 18: $396.31)
 */
export declare function vdb(
  cost: DecimalInput,
  salvage: DecimalInput,
  life: DecimalInput,
  start_period: DecimalInput,
  end_period: DecimalInput,
  factor?: DecimalInput | null,
  no_switch?: boolean | null,
): DecimalString;

/** The MACRS GDS recovery periods (property classes), in years. */
export type MacrsRecoveryPeriod = 3 | 5 | 7 | 10 | 15 | 20;

/**
 * MACRS depreciation of one tax year (GDS, half-year convention): `cost × rate`, the rate from
 * IRS Publication 946, Table A-1. Computers and GPU servers are 5-year property
 * (20 / 32 / 19.2 / 11.52 / 11.52 / 5.76 %). MACRS ignores salvage value.
 *
 * @param cost - the depreciable basis
 * @param recovery_period - the class: 3, 5, 7, 10, 15 or 20 (years)
 * @param year - the tax year of the recovery, 1 to `recovery_period + 1`
 * @returns the depreciation, as a decimal string
 * @throws {GpueconError} `DOMAIN` on `recovery_period` (not a class) or `year` (out of range or fractional).
 *
 * @example
 * import { macrs } from "gpuecon";
 * macrs(50000, 5, 2); // "16000" (32 % in year 2)
 */
export declare function macrs(cost: DecimalInput, recovery_period: MacrsRecoveryPeriod | DecimalInput, year: DecimalInput): DecimalString;

/**
 * The whole MACRS schedule of a cost (GDS, half-year convention), year 1 first: `recovery_period + 1`
 * decimal strings that sum to `cost` exactly.
 *
 * @param cost - the depreciable basis
 * @param recovery_period - the class: 3, 5, 7, 10, 15 or 20 (years)
 * @returns the depreciation of each tax year, as decimal strings
 * @throws {GpueconError} `DOMAIN` on `recovery_period` when it is not a class.
 *
 * @example
 * import { macrs_schedule } from "gpuecon";
 * macrs_schedule(50000, 5); // ["10000", "16000", "9600", "5760", "5760", "2880"]
 */
export declare function macrs_schedule(cost: DecimalInput, recovery_period: MacrsRecoveryPeriod | DecimalInput): DecimalString[];

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

// ---------------------------------------------------------------------------------------
// Models: plain objects in and out. Decimal fields are decimal strings in results and
// numbers or decimal strings in inputs. Errors name the field by its path (`power.pue`).

/** How the capital cost is spread over the GPU's hours. */
export type CapitalMethod = "capital_recovery" | "straight_line";

/** The inputs of {@link owner_cost}; every amount in USD, every rate a fraction (0.10 = 10 %). */
export interface OwnerCostInputs {
  capital: {
    /** All-in capex per GPU (GPU, server share, network, storage, installation). */
    capex_usd_per_gpu: DecimalInput;
    /** Value at the end of life, 0 to the capex (default 0). */
    salvage_usd_per_gpu?: DecimalInput;
    /** Economic life in years, greater than 0. */
    life_years: DecimalInput;
    /** Annual cost of capital, at least 0. */
    annual_rate: DecimalInput;
    /** `"capital_recovery"` (default): capex × CRF(r, n) / 8760; `"straight_line"`:
     * ((capex − salvage)/n + r × (capex + salvage)/2) / 8760. */
    method?: CapitalMethod;
  };
  power: {
    /** All-in IT kW per GPU at full load (1.275 for an H100 in a 10.2 kW DGX of 8). */
    it_kw_per_gpu: DecimalInput;
    /** Idle power as a fraction of full power, in [0, 1] (about 0.10-0.14 for an H100). */
    idle_fraction: DecimalInput;
    /** Power usage effectiveness, at least 1. */
    pue: DecimalInput;
    /** Electricity price per kWh. */
    usd_per_kwh: DecimalInput;
  };
  facility: {
    /** Contracted critical IT kW per GPU (billed whether used or not). */
    contracted_kw_per_gpu: DecimalInput;
    /** Colocation price per kW-month. */
    usd_per_kw_month: DecimalInput;
  };
  /** Every field defaults to 0. */
  operations?: {
    staff_usd_per_gpu_hour?: DecimalInput;
    support_usd_per_gpu_hour?: DecimalInput;
    software_usd_per_gpu_hour?: DecimalInput;
    /** Insurance a year as a fraction of capex. */
    insurance_rate_per_year?: DecimalInput;
    /** SG&A as a fraction of revenue (price × utilization), in [0, 1]. */
    sga_share_of_revenue?: DecimalInput;
  };
  usage: {
    /** Billed utilization, hours sold / hours available, in [0, 1]. */
    utilization: DecimalInput;
    /** Price per sold GPU-hour (default 0; only SG&A depends on it). */
    price_usd_per_gpu_hour?: DecimalInput;
  };
}

/** The result of {@link owner_cost}: USD per available GPU-hour unless the name says otherwise. */
export interface OwnerCost {
  capital_usd_per_gpu_hour: DecimalString;
  power_usd_per_gpu_hour: DecimalString;
  facility_usd_per_gpu_hour: DecimalString;
  staff_usd_per_gpu_hour: DecimalString;
  support_usd_per_gpu_hour: DecimalString;
  software_usd_per_gpu_hour: DecimalString;
  insurance_usd_per_gpu_hour: DecimalString;
  sga_usd_per_gpu_hour: DecimalString;
  /** staff + support + software + insurance + SG&A, exactly. */
  operations_usd_per_gpu_hour: DecimalString;
  /** capital + power + facility + operations, exactly. */
  total_usd_per_gpu_hour: DecimalString;
  /** total / utilization. */
  total_usd_per_utilized_gpu_hour: DecimalString;
}

/**
 * The owner's itemized cost of one GPU-hour:
 * capital = capex × CRF(r, n) / 8760 with CRF = r / (1 − (1 + r)^−n) (or straight line);
 * power = it_kw × (idle + (1 − idle) × utilization) × PUE × $/kWh;
 * facility = contracted kW × $/kW-month / 730 (not scaled by utilization);
 * operations = staff + support + software + capex × insurance / 8760 + SG&A share × price × utilization.
 *
 * @param inputs - see {@link OwnerCostInputs}
 * @returns each item per available GPU-hour, the total, and the total per utilized hour
 * @throws {GpueconError} `DOMAIN` naming the first bad input by its path (`power.pue` below 1,
 *   `usage.utilization` outside [0, 1] or 0, `capital.life_years` ≤ 0, a negative price or cost);
 *   `INVALID_ARGUMENT` on `inputs` when the object lacks a field or has an unknown one.
 *
 * @example
 * import { owner_cost } from "gpuecon";
 * const cost = owner_cost({
 *   capital: { capex_usd_per_gpu: 50000, life_years: 6, annual_rate: 0.1 },
 *   power: { it_kw_per_gpu: 1.275, idle_fraction: 0.1, pue: 1.3, usd_per_kwh: 0.08 },
 *   facility: { contracted_kw_per_gpu: 1.275, usd_per_kw_month: 150 },
 *   usage: { utilization: 0.8 },
 * });
 * cost.power_usd_per_gpu_hour; // "0.108732"
 * cost.total_usd_per_gpu_hour; // "1.681262709832576323…"
 */
export declare function owner_cost(inputs: OwnerCostInputs): OwnerCost;

/** One GPU product of the catalog; the figures are defaults to override with your own quotes. */
export interface GpuSpec {
  /** Stable lookup id, e.g. `"h100-sxm"`. */
  id: string;
  /** Exact product name, e.g. `"H100 SXM"` (not the same product as `"H100 PCIe"`). */
  name: string;
  vendor: string;
  /** TDP of one GPU in watts. */
  tdp_watts: DecimalString;
  /** GPUs in one node (a server, or a rack for GB200 NVL72). */
  gpus_per_node: number;
  /** All-in IT power of one node at full load, kW. */
  node_it_kw: DecimalString;
  /** Typical all-in capex of one node, USD. */
  node_capex_usd: DecimalString;
  /** Where the figures come from; estimates say so. */
  source: string;
  /** When the figures were current, e.g. `"2026-02"`. */
  as_of: string;
}

/**
 * The built-in GPU catalog: H100 SXM, H100 PCIe, H100 NVL, H200, B200, GB200 NVL72, MI300X, A100 80GB.
 *
 * @returns an array of {@link GpuSpec}
 *
 * @example
 * import { gpus } from "gpuecon";
 * const h100 = gpus().find((g) => g.id === "h100-sxm");
 * h100.node_it_kw; // "10.2" (DGX H100, 8 GPUs)
 */
export declare function gpus(): GpuSpec[];

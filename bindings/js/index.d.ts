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
  /**
   * Every problem found, each with the path of its field (`contracts[2].contract.term_months`):
   * `evaluate` and `validate_scenario` report all of them at once; other functions the one.
   */
  readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  constructor(code: GpueconErrorCode, field: string, message: string, excel: string, problems?: ReadonlyArray<{ field: string; message: string }>);
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

// ---------------------------------------------------------------------------------------
// Take-or-pay contracts (docs/domain.md section 6). Months are on the monthly timeline:
// month 1 is the first month after the start.

/** The unit of a take-or-pay commitment. */
export type CommitmentUnit = "gpu_hours" | "megawatts" | "usd";

/** How often a take-or-pay minimum is settled: over 1, 3 or 12 contract months. */
export type TrueUp = "monthly" | "quarterly" | "annual";

/** A take-or-pay contract on GPUs of its own. Prices in USD per GPU-hour, before the escalator. */
export interface Contract {
  /** A name for people (default ""). */
  name?: string;
  /** GPUs dedicated to the contract, greater than 0. */
  gpus: DecimalInput;
  /** The first month of the term, 1 to 1200. */
  start_month: number;
  /** Months in the term, greater than 0 (ending by month 1200). */
  term_months: number;
  /** Price of a used GPU-hour, at least 0 (greater than 0 for a commitment in USD). */
  price_usd_per_gpu_hour: DecimalInput;
  /** The minimum a month, before the ramp. */
  commitment: {
    /** `"gpu_hours"`; `"megawatts"`: MW × 1000 / kw_per_gpu × 730 GPU-hours; `"usd"`:
     * dollars ÷ the month's (escalated) price. */
    unit: CommitmentUnit;
    /** The minimum a month in `unit`, at least 0. */
    quantity_per_month: DecimalInput;
    /** All-in IT kW per GPU: required for (and only for) `"megawatts"`. */
    kw_per_gpu?: DecimalInput | null;
  };
  /** Default `"monthly"`; the minimum applies to the sum of each period's usage. */
  true_up?: TrueUp;
  /** Price of a shortfall GPU-hour (default: the contract price). */
  shortfall_price_usd_per_gpu_hour?: DecimalInput | null;
  /** Make-up rights: shortfall hours paid become credits usable against usage above the
   * minimum in the next `window_periods` (≥ 1) true-up periods, first in first out. */
  make_up?: { window_periods: number } | null;
  /** Most GPU-hours a month at the contract price (default no cap). */
  cap_gpu_hours_per_month?: DecimalInput | null;
  /** Price of an hour above the cap; without it usage above the cap is not served. Only with a cap. */
  overage_price_usd_per_gpu_hour?: DecimalInput | null;
  /** Fractions of the commitment in [0, 1] for the first contract months, then 1. */
  ramp?: DecimalInput[];
  /** Every price × (1 + annual_rate) after each full step of `every_months` (default 12, a
   * multiple of the true-up period's months). */
  escalator?: { annual_rate: DecimalInput; every_months?: number } | null;
  /** The contract stops after `month` (within the term); `fee_usd` is billed in it. */
  termination?: { month: number; fee_usd: DecimalInput } | null;
}

/** The inputs of {@link settle_contract}. */
export interface SettleInputs {
  contract: Contract;
  /** The buyer's GPU-hours: entry i is month i + 1; outside the term ignored, missing months 0. */
  usage_gpu_hours?: DecimalInput[];
}

/** One month of a take-or-pay bill; USD amounts are billed that month, credits are GPU-hours. */
export interface SettlementMonth {
  month: number;
  contract_month: number;
  true_up_period: number;
  /** The escalated contract price. */
  price_usd_per_gpu_hour: DecimalString;
  /** The ramped commitment. */
  minimum_gpu_hours: DecimalString;
  /** minimum × min(price, shortfall price): the least the buyer can pay for the month. */
  minimum_payment_usd: DecimalString;
  usage_gpu_hours: DecimalString;
  overage_gpu_hours: DecimalString;
  /** Usage above a cap that has no overage price. */
  unserved_gpu_hours: DecimalString;
  /** Usage up to the cap less the make-up credit used. */
  billed_gpu_hours: DecimalString;
  usage_billed_usd: DecimalString;
  overage_usd: DecimalString;
  /** The true-up period's shortfall, in its last month. */
  shortfall_gpu_hours: DecimalString;
  shortfall_paid_usd: DecimalString;
  make_up_earned_gpu_hours: DecimalString;
  make_up_used_gpu_hours: DecimalString;
  make_up_expired_gpu_hours: DecimalString;
  make_up_balance_gpu_hours: DecimalString;
  termination_fee_usd: DecimalString;
  /** usage billed + overage + shortfall paid + termination fee. */
  revenue_usd: DecimalString;
}

/** One true-up period of a take-or-pay bill, settled in its last month. */
export interface TrueUpPeriod {
  period: number;
  first_month: number;
  last_month: number;
  /** The sum of its months' minimums (pro-rated when cut by the end or a termination). */
  minimum_gpu_hours: DecimalString;
  /** Usage up to the cap: what counts against the minimum. */
  usage_counted_gpu_hours: DecimalString;
  shortfall_gpu_hours: DecimalString;
  shortfall_price_usd_per_gpu_hour: DecimalString;
  shortfall_paid_usd: DecimalString;
  make_up_used_gpu_hours: DecimalString;
  /** The sum of its months' minimum payments; `revenue_usd` is never below it. */
  minimum_payment_usd: DecimalString;
  revenue_usd: DecimalString;
}

/** The result of {@link settle_contract}. */
export interface Settlement {
  name: string;
  /** One row per month served, from the start month to the end or the termination. */
  months: SettlementMonth[];
  true_ups: TrueUpPeriod[];
  /** Sums over the months (make-up earned = used + expired). */
  totals: {
    usage_gpu_hours: DecimalString;
    minimum_gpu_hours: DecimalString;
    minimum_payment_usd: DecimalString;
    billed_gpu_hours: DecimalString;
    usage_billed_usd: DecimalString;
    overage_gpu_hours: DecimalString;
    overage_usd: DecimalString;
    unserved_gpu_hours: DecimalString;
    shortfall_gpu_hours: DecimalString;
    shortfall_paid_usd: DecimalString;
    make_up_earned_gpu_hours: DecimalString;
    make_up_used_gpu_hours: DecimalString;
    make_up_expired_gpu_hours: DecimalString;
    termination_fee_usd: DecimalString;
    revenue_usd: DecimalString;
  };
}

/**
 * Settles a take-or-pay contract against the buyer's usage, month by month: usage up to the
 * cap billed at the (escalated) price, overage at the overage price, the true-up shortfall
 * max(0, period minimum − period usage) at the shortfall price in the period's last month,
 * make-up credits (GPU-hours) earned, used against usage above a later minimum, and expired,
 * and the termination fee.
 *
 * @param inputs - see {@link SettleInputs}
 * @returns the month rows, the true-up rows and the totals; see {@link Settlement}
 * @throws {GpueconError} `DOMAIN` naming the first bad input by its path (`contract.term_months`,
 *   `contract.ramp[1]`, `contract.termination.month`, `usage_gpu_hours[3]`); `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs` when the object lacks a field or has an unknown one.
 *
 * @example
 * import { settle_contract } from "gpuecon";
 * const bill = settle_contract({
 *   contract: { gpus: 100, start_month: 1, term_months: 1, price_usd_per_gpu_hour: 2,
 *     commitment: { unit: "gpu_hours", quantity_per_month: 60000 } },
 *   usage_gpu_hours: [50000],
 * });
 * bill.months[0].usage_billed_usd;   // "100000"
 * bill.months[0].shortfall_paid_usd; // "20000"
 */
export declare function settle_contract(inputs: SettleInputs): Settlement;

/** The inputs of {@link contract_backlog}. */
export interface BacklogInputs {
  contract: Contract;
  /** Count the months after this one (0: the whole contract). */
  as_of_month: number;
  /** Discount rate a year, greater than −1; months discount at (1 + r)^(1/12) − 1. */
  annual_discount_rate: DecimalInput;
}

/** The result of {@link contract_backlog}. */
export interface Backlog {
  /** Minimum payments (ramped, escalated) of the months after `as_of_month`, with the termination fee. */
  remaining_minimum_usd: DecimalString;
  /** Their present value at `as_of_month`, each payment at the end of its month. */
  present_value_usd: DecimalString;
  months_remaining: number;
}

/**
 * The contracted backlog of a take-or-pay contract, what lenders size debt on: the minimum
 * payments minimum × min(price, shortfall price) of the months after `as_of_month`, and their
 * present value at the monthly rate (1 + r)^(1/12) − 1 (computed in f64, then exact decimals).
 *
 * @param inputs - see {@link BacklogInputs}
 * @returns see {@link Backlog}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`contract.…`, `annual_discount_rate`);
 *   `INVALID_ARGUMENT` on `inputs` when the object lacks a field or has an unknown one.
 *
 * @example
 * import { contract_backlog } from "gpuecon";
 * contract_backlog({
 *   contract: { gpus: 100, start_month: 1, term_months: 12, price_usd_per_gpu_hour: 2,
 *     commitment: { unit: "gpu_hours", quantity_per_month: 60000 } },
 *   as_of_month: 0, annual_discount_rate: 0.1,
 * }).present_value_usd; // "1368058.53951968…" (f64 twelfth root, then exact decimals)
 */
export declare function contract_backlog(inputs: BacklogInputs): Backlog;

// ---------------------------------------------------------------------------------------
// Rental pricing (docs/domain.md sections 3 and 10): the capacity book, published
// discounts, break-even / margin / IRR prices, tokens and training runs.

/** The on-demand product of a {@link CapacityBook}: the GPUs left after reserved and dedicated. */
export interface OnDemand {
  /** On-demand price per GPU-hour, at least 0; spot is discounted from it. */
  price_usd_per_gpu_hour: DecimalInput;
  /** Billed utilization of the on-demand GPUs (hours sold / hours available), in [0, 1]. */
  utilization: DecimalInput;
}

/** A block of reserved GPUs, billed every hour of the period whether used or not. */
export interface Reserved {
  /** GPUs reserved, at least 0. */
  gpus: DecimalInput;
  /** The on-demand price the discount applies to (the price at the reservation's start). */
  on_demand_price_usd_per_gpu_hour: DecimalInput;
  /** Discount to that price, in [0, 1] (public defaults: 1-year 25-41 %, 3-year 49-64 %). */
  discount: DecimalInput;
  /** Term in months, greater than 0 (the book bills one period; the term is the caller's). */
  term_months: number;
}

/** Spot: idle on-demand hours sold at a discount, pre-emptible. */
export interface Spot {
  /** Discount to the on-demand price, in [0, 1]. */
  discount: DecimalInput;
  /** Share of the idle on-demand hours sold as spot, in [0, 1]. */
  share_of_idle_sold: DecimalInput;
  /** Share of the spot hours sold that are pre-empted and not billed, in [0, 1]. */
  preemption_rate: DecimalInput;
}

/** Dedicated GPUs, billed every hour at their price. */
export interface Dedicated {
  /** GPUs dedicated, at least 0. */
  gpus: DecimalInput;
  /** Price per GPU-hour, at least 0. */
  price_usd_per_gpu_hour: DecimalInput;
}

/** The inputs of {@link capacity_book}: one period of a fleet. */
export interface CapacityBook {
  /** GPUs in the fleet, at least the reserved and dedicated GPUs. */
  gpus: DecimalInput;
  /** Hours in the period, greater than 0 (default 730, a month). */
  hours?: DecimalInput;
  on_demand: OnDemand;
  /** Default none. */
  reserved?: Reserved[];
  /** Default none: idle hours stay idle. */
  spot?: Spot | null;
  /** Default none. */
  dedicated?: Dedicated[];
}

/** The result of {@link capacity_book}: revenue (USD) and billed GPU-hours by product; the products sum to the totals exactly. */
export interface BookRevenue {
  on_demand_usd: DecimalString;
  reserved_usd: DecimalString;
  spot_usd: DecimalString;
  dedicated_usd: DecimalString;
  /** on-demand + reserved + spot + dedicated. */
  total_usd: DecimalString;
  on_demand_gpu_hours: DecimalString;
  /** Every hour of the reserved GPUs. */
  reserved_gpu_hours: DecimalString;
  /** Spot hours sold less pre-empted. */
  spot_gpu_hours: DecimalString;
  dedicated_gpu_hours: DecimalString;
  /** The four products' hours; never above `available_gpu_hours`. */
  billed_gpu_hours: DecimalString;
  /** gpus × hours. */
  available_gpu_hours: DecimalString;
  /** available − billed. */
  idle_gpu_hours: DecimalString;
  /** billed / available; null with no GPUs. */
  billed_utilization: DecimalString | null;
  /** total revenue / available hours; null with no GPUs. */
  usd_per_available_gpu_hour: DecimalString | null;
}

/**
 * One period of a fleet sold as four products: reserved and dedicated GPUs billed every hour;
 * on demand sells `utilization` of the GPUs left; spot sells `share_of_idle_sold` of the idle
 * on-demand hours (never a reserved hour) at `price × (1 − discount)`, less the pre-empted hours.
 *
 * @param inputs - see {@link CapacityBook}
 * @returns see {@link BookRevenue}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`gpus` below the reserved and
 *   dedicated GPUs, `on_demand.utilization` outside [0, 1], `reserved[0].discount`, `hours` ≤ 0);
 *   `OVERFLOW`; `INVALID_ARGUMENT` on `inputs` when the object lacks a field or has an unknown one.
 *
 * @example
 * import { capacity_book } from "gpuecon";
 * const month = capacity_book({
 *   gpus: 100,
 *   on_demand: { price_usd_per_gpu_hour: 2.5, utilization: 0.8 },
 *   reserved: [{ gpus: 40, on_demand_price_usd_per_gpu_hour: 2.5, discount: 0.4, term_months: 12 }],
 *   spot: { discount: 0.6, share_of_idle_sold: 0.5, preemption_rate: 0.1 },
 *   dedicated: [{ gpus: 10, price_usd_per_gpu_hour: 2 }],
 * });
 * month.total_usd;          // "134685"
 * month.billed_utilization; // "0.945"
 */
export declare function capacity_book(inputs: CapacityBook): BookRevenue;

/** The inputs of {@link published_discounts}; prices in any one unit (per GPU-hour or per instance-hour). */
export interface PublishedPrices {
  /** The on-demand price per hour, greater than 0. */
  on_demand_usd_per_hour: DecimalInput;
  /** The other offers: a name and a price between 0 and the on-demand price. */
  offers: { name: string; usd_per_hour: DecimalInput }[];
}

/** One offer's discount to on-demand, `1 − price / on_demand`. */
export interface OfferDiscount {
  name: string;
  discount: DecimalString;
}

/**
 * Published prices as discounts to on-demand: `discount = 1 − price / on_demand`.
 *
 * @param inputs - see {@link PublishedPrices}
 * @returns one {@link OfferDiscount} per offer, in order
 * @throws {GpueconError} `DOMAIN` on `on_demand_usd_per_hour` (≤ 0) or `offers[i].usd_per_hour`
 *   (negative or above on-demand); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { published_discounts } from "gpuecon";
 * // AWS p4d, 2023, per instance-hour
 * published_discounts({ on_demand_usd_per_hour: "32.773", offers: [
 *   { name: "spot", usd_per_hour: "13.655" },
 *   { name: "reserved_1_year", usd_per_hour: "20.175" },
 *   { name: "reserved_3_year", usd_per_hour: "12.499" },
 * ] }).map((o) => o.discount); // ["0.5833460470…", "0.3844017941…", "0.6186189851…"]
 */
export declare function published_discounts(inputs: PublishedPrices): OfferDiscount[];

/** A price and the owner's cost at it: the result of {@link break_even_price} and {@link target_margin_price}. */
export interface RentalPrice {
  /** Price per sold GPU-hour. */
  price_usd_per_gpu_hour: DecimalString;
  /** price × utilization. */
  revenue_usd_per_available_gpu_hour: DecimalString;
  /** {@link owner_cost} at that price (its SG&A is a share of the price). */
  cost: OwnerCost;
}

/**
 * The break-even price at `usage.utilization`, SG&A included: with C the cost per available
 * hour before SG&A and s the SG&A share, p·u = C + s·p·u, so p = C / (u·(1 − s)).
 * `usage.price_usd_per_gpu_hour` is ignored (it is what is solved for).
 *
 * @param inputs - the inputs of {@link owner_cost}
 * @returns see {@link RentalPrice}
 * @throws {GpueconError} `DOMAIN` as {@link owner_cost}, and on `usage.utilization` at 0 and
 *   `operations.sga_share_of_revenue` at 1; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { break_even_price } from "gpuecon";
 * break_even_price({
 *   capital: { capex_usd_per_gpu: 8760, life_years: 1, annual_rate: 0 },
 *   power: { it_kw_per_gpu: 1, idle_fraction: 0, pue: 1, usd_per_kwh: 0.1 },
 *   facility: { contracted_kw_per_gpu: 1, usd_per_kw_month: 73 },
 *   operations: { sga_share_of_revenue: 0.08 },
 *   usage: { utilization: 0.5 },
 * }).price_usd_per_gpu_hour; // "2.5" (1.15 / (0.5 × 0.92))
 */
export declare function break_even_price(inputs: OwnerCostInputs): RentalPrice;

/** The inputs of {@link target_margin_price}. */
export interface TargetMarginInputs {
  /** The owner's cost; `usage.utilization` greater than 0. */
  cost: OwnerCostInputs;
  /** Gross margin wanted, (revenue − cost before SG&A) / revenue, in [0, 1). */
  target_gross_margin: DecimalInput;
}

/**
 * The price for a target gross margin m: p = (C / u) / (1 − m), with C the cost per available
 * hour before SG&A (SG&A is an operating expense below gross profit).
 *
 * @param inputs - see {@link TargetMarginInputs}
 * @returns see {@link RentalPrice}
 * @throws {GpueconError} `DOMAIN` on `target_gross_margin` (outside [0, 1)) or a `cost.…` path
 *   (`cost.usage.utilization` at 0); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { target_margin_price } from "gpuecon";
 * target_margin_price({ cost: {
 *   capital: { capex_usd_per_gpu: 8760, life_years: 1, annual_rate: 0 },
 *   power: { it_kw_per_gpu: 1, idle_fraction: 0, pue: 1, usd_per_kwh: 0.1 },
 *   facility: { contracted_kw_per_gpu: 1, usd_per_kw_month: 73 },
 *   usage: { utilization: 0.5 },
 * }, target_gross_margin: 0.5 }).price_usd_per_gpu_hour; // "4.6"
 */
export declare function target_margin_price(inputs: TargetMarginInputs): RentalPrice;

/** The inputs of {@link target_irr_price}. */
export interface TargetIrrInputs {
  /** The owner's cost: `usage.utilization` above 0, SG&A below 1, `capital.life_years` a whole
   * number of years (at most 100). The capital's `annual_rate` and `method` are not used. */
  cost: OwnerCostInputs;
  /** Project IRR wanted, a year, greater than −1. */
  target_annual_irr: DecimalInput;
}

/** The result of {@link target_irr_price}. */
export interface IrrPrice {
  price_usd_per_gpu_hour: DecimalString;
  /** price × utilization × 8760. */
  revenue_usd_per_year: DecimalString;
  sga_usd_per_year: DecimalString;
  /** Power, facility, staff, support, software and insurance a year. */
  cash_operating_cost_usd_per_year: DecimalString;
  /** Year 0: −capex; years 1..n: revenue − SG&A − cash cost; year n adds the salvage. Their IRR is the target. */
  annual_cash_flows_usd: DecimalString[];
}

/**
 * The price at which the project's annual cash flows have the target IRR. Revenue is linear in
 * the price, so NPV(p) at the target = K + p·L is solved exactly: p = −K / L, with K the NPV of
 * the flows at p = 0 and L the NPV of u·8760·(1 − SG&A) a year for n years.
 *
 * @param inputs - see {@link TargetIrrInputs}
 * @returns see {@link IrrPrice}
 * @throws {GpueconError} `DOMAIN` on `cost.capital.life_years` (not a whole number of years),
 *   `cost.usage.utilization` (0), `cost.operations.sga_share_of_revenue` (1), `target_annual_irr`
 *   (≤ −1); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { target_irr_price } from "gpuecon";
 * target_irr_price({ cost: {
 *   capital: { capex_usd_per_gpu: 8760, life_years: 2, annual_rate: 0 },
 *   power: { it_kw_per_gpu: 1, idle_fraction: 0, pue: 1, usd_per_kwh: 0.1 },
 *   facility: { contracted_kw_per_gpu: 1, usd_per_kw_month: 73 },
 *   usage: { utilization: 0.5 },
 * }, target_annual_irr: 0.1 }).price_usd_per_gpu_hour; // "1.4523809523…" (61/42)
 */
export declare function target_irr_price(inputs: TargetIrrInputs): IrrPrice;

/** The inputs of {@link token_price}. */
export interface TokenPriceInputs {
  /** Price of a GPU-hour, at least 0. */
  usd_per_gpu_hour: DecimalInput;
  /** Tokens per second from one GPU while serving, greater than 0. */
  tokens_per_second: DecimalInput;
  /** Share of the paid hours spent serving, in (0, 1]. */
  utilization: DecimalInput;
}

/** The result of {@link token_price}. */
export interface TokenPrice {
  /** tokens_per_second × 3600 × utilization. */
  tokens_per_gpu_hour: DecimalString;
  /** usd_per_gpu_hour × 1e6 / tokens_per_gpu_hour. */
  usd_per_million_tokens: DecimalString;
}

/**
 * A GPU-hour price per million tokens: `usd_per_gpu_hour ÷ (tokens_per_second × 3600 × utilization) × 1e6`.
 * Compare with API prices on paid (reserved) hours: `utilization` is the share of them serving.
 *
 * @param inputs - see {@link TokenPriceInputs}
 * @returns see {@link TokenPrice}
 * @throws {GpueconError} `DOMAIN` on `tokens_per_second` (≤ 0), `utilization` (outside (0, 1]),
 *   `usd_per_gpu_hour` (negative); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { token_price } from "gpuecon";
 * token_price({ usd_per_gpu_hour: 2, tokens_per_second: 85, utilization: 1 })
 *   .usd_per_million_tokens; // "6.5359477124…" (1000/153)
 */
export declare function token_price(inputs: TokenPriceInputs): TokenPrice;

/** The inputs of {@link training_run_cost}. */
export interface TrainingRunInputs {
  /** FLOPs the run needs, at least 0 (up to ~7.9e28; "1e26" as a string). */
  total_flops: DecimalInput;
  /** Peak FLOP/s of one GPU at the run's precision, greater than 0 (H100 SXM: 989e12 dense BF16). */
  peak_flops_per_second: DecimalInput;
  /** Model FLOPs utilization, in (0, 1]. */
  mfu: DecimalInput;
  /** Price of a GPU-hour, at least 0. */
  usd_per_gpu_hour: DecimalInput;
}

/** The result of {@link training_run_cost}. */
export interface TrainingRunCost {
  /** total_flops / (peak × mfu) / 3600. */
  gpu_hours: DecimalString;
  /** gpu_hours × usd_per_gpu_hour. */
  cost_usd: DecimalString;
}

/**
 * The GPU-hours and cost of a training run: `total_flops ÷ (peak_flops_per_second × mfu) ÷ 3600` GPU-hours.
 *
 * @param inputs - see {@link TrainingRunInputs}
 * @returns see {@link TrainingRunCost}
 * @throws {GpueconError} `DOMAIN` on `peak_flops_per_second` (≤ 0), `mfu` (outside (0, 1]),
 *   a negative `total_flops` or price; `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { training_run_cost } from "gpuecon";
 * training_run_cost({ total_flops: "1e26", peak_flops_per_second: "989e12", mfu: 0.4, usd_per_gpu_hour: 2 })
 *   .cost_usd; // "140433659.139…"
 */
export declare function training_run_cost(inputs: TrainingRunInputs): TrainingRunCost;

// ---------------------------------------------------------------------------------------
// Utilization and yield (docs/domain.md section 4): three utilizations, never one.

/** Three utilizations of a GPU over a period, each in [0, 1]. */
export interface Utilization {
  /** Commercial: billed hours / available hours (the billing system). Revenue follows it. */
  billed: DecimalInput;
  /** Activity: share of time a kernel ran (NVML `utilization.gpu`, nvidia-smi "GPU-Util"). */
  activity: DecimalInput;
  /** Effective: DCGM SM activity (`DCGM_FI_PROF_SM_ACTIVE`) or MFU (achieved / peak FLOP/s). */
  effective: DecimalInput;
}

/** The inputs of {@link utilization_yield}; amounts per GPU. */
export interface YieldInputs {
  /** Price per billed GPU-hour, at least 0. */
  price_usd_per_gpu_hour: DecimalInput;
  /** Cost per available GPU-hour, at least 0 (e.g. `owner_cost(...).total_usd_per_gpu_hour`). */
  cost_usd_per_available_gpu_hour: DecimalInput;
  /** All-in capex per GPU, greater than 0. */
  capex_usd_per_gpu: DecimalInput;
  /** Months 1, 2, …: at least one. */
  months: Utilization[];
}

/** One month of {@link utilization_yield}. Cost per hour is null when its utilization is 0. */
export interface YieldMonth {
  month: number;
  /** 730 × billed. */
  billed_gpu_hours: DecimalString;
  revenue_usd: DecimalString;
  /** cost per available hour × 730. */
  cost_usd: DecimalString;
  margin_usd: DecimalString;
  /** price × billed. */
  usd_per_available_gpu_hour: DecimalString;
  cost_usd_per_utilized_gpu_hour: DecimalString | null;
  cost_usd_per_active_gpu_hour: DecimalString | null;
  cost_usd_per_effective_gpu_hour: DecimalString | null;
  /** revenue × 12 / capex. */
  annualized_yield_on_cost: DecimalString;
}

/** The result of {@link utilization_yield}. */
export interface YieldSeries {
  months: YieldMonth[];
  totals: {
    available_gpu_hours: DecimalString;
    billed_gpu_hours: DecimalString;
    revenue_usd: DecimalString;
    cost_usd: DecimalString;
    margin_usd: DecimalString;
    billed_utilization: DecimalString;
    /** null when nothing is billed. */
    cost_usd_per_utilized_gpu_hour: DecimalString | null;
    /** revenue × 12 / months / capex. */
    annualized_yield_on_cost: DecimalString;
  };
}

/**
 * A GPU's monthly yield from its utilizations: revenue = price × 730 × billed, cost = cost per
 * available hour × 730, margin, revenue per available hour, cost per utilized (billed, active,
 * effective) hour, and yield on cost (annual revenue / capex); plus totals.
 *
 * @param inputs - see {@link YieldInputs}
 * @returns see {@link YieldSeries}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`months[3].billed` outside [0, 1],
 *   `capex_usd_per_gpu` ≤ 0, `months` empty); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { utilization_yield } from "gpuecon";
 * const y = utilization_yield({
 *   price_usd_per_gpu_hour: 2, cost_usd_per_available_gpu_hour: 1.6, capex_usd_per_gpu: 50000,
 *   months: [{ billed: 1, activity: 0.9, effective: 0.4 }, { billed: 0, activity: 0, effective: 0 }],
 * });
 * y.months[0].margin_usd;                     // "292"
 * y.months[1].cost_usd_per_utilized_gpu_hour; // null
 */
export declare function utilization_yield(inputs: YieldInputs): YieldSeries;

/** The inputs of {@link buyer_cost}. */
export interface BuyerCostInputs {
  /** Reserved price per GPU-hour, paid for every hour. */
  reserved_usd_per_gpu_hour: DecimalInput;
  /** On-demand price per GPU-hour, paid for the hours used. */
  on_demand_usd_per_gpu_hour: DecimalInput;
  /** The buyer's activity utilization: share of the period's hours its jobs run, in [0, 1]. */
  activity: DecimalInput;
  /** GPUs needed, at least 0. */
  gpus: DecimalInput;
  /** Hours in the period, greater than 0 (default 730). */
  hours?: DecimalInput;
}

/** The result of {@link buyer_cost}. */
export interface BuyerCost {
  /** gpus × hours × activity. */
  used_gpu_hours: DecimalString;
  /** Reservation-based: reserved price × gpus × hours, used or not. */
  reserved_cost_usd: DecimalString;
  /** Usage-based: on-demand price × used hours. */
  on_demand_cost_usd: DecimalString;
  /** reserved price / activity; null at 0 activity. */
  reserved_usd_per_used_gpu_hour: DecimalString | null;
  /** The on-demand price. */
  on_demand_usd_per_used_gpu_hour: DecimalString;
  /** reserved / on-demand price: above this activity reserving costs less; null when on-demand is free. */
  break_even_activity: DecimalString | null;
}

/**
 * Reservation-based against usage-based cost for a buyer: a reserved buyer pays every hour, so an
 * hour actually used costs price / activity; an on-demand buyer pays only the hours used.
 *
 * @param inputs - see {@link BuyerCostInputs}
 * @returns see {@link BuyerCost}
 * @throws {GpueconError} `DOMAIN` on `activity` (outside [0, 1]), `hours` (≤ 0), a negative price
 *   or GPU count; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { buyer_cost } from "gpuecon";
 * const c = buyer_cost({ reserved_usd_per_gpu_hour: 1.8, on_demand_usd_per_gpu_hour: 3, activity: 0.5, gpus: 8 });
 * c.reserved_usd_per_used_gpu_hour; // "3.6"
 * c.break_even_activity;            // "0.6"
 */
export declare function buyer_cost(inputs: BuyerCostInputs): BuyerCost;

// ---------------------------------------------------------------------------------------
// Depreciation, obsolescence and the cascade (docs/domain.md section 5). Months are on the
// monthly timeline: month 1 is the first month after the start; series start at month 1.

/**
 * A book depreciation method, tagged by `kind`. Annual charges come from the Excel
 * functions (SLN, DB, DDB, SYD, VDB, MACRS) and are spread evenly over each year's 12 months.
 */
export type BookMethod =
  /** SLN: the same charge every year; any life (a last part year gets its fraction). */
  | { kind: "straight_line" }
  /** Excel's DB (rate rounded to 3 decimals): period 1 has `month_of_first_year` months (1-12,
   * default 12), period L + 1 the rest. Whole-year lives. Ends near, not at, salvage. */
  | { kind: "declining_balance"; month_of_first_year?: number }
  /** DDB at factor / life a year (factor > 0, default 2); never below salvage, may end above it. */
  | { kind: "double_declining"; factor?: DecimalInput }
  /** SYD: whole-year lives. */
  | { kind: "sum_of_years_digits" }
  /** VDB: declining balance switching to straight line (unless `no_switch`), ends at salvage. */
  | { kind: "vdb"; factor?: DecimalInput; no_switch?: boolean }
  /** MACRS GDS half-year convention, class 3, 5, 7, 10, 15 or 20 (GPU servers: 5): class + 1
   * tax years of 12 months; ignores `life_years` and the salvage value, ends at 0. */
  | { kind: "macrs"; class: 3 | 5 | 7 | 10 | 15 | 20 }
  /** (cost − salvage) × units this month / total units; entry i is month i + 1, missing months 0. */
  | { kind: "units_of_production"; total_units: DecimalInput; units_per_month: DecimalInput[] };

/** The inputs of {@link book_schedule}. */
export interface BookScheduleInputs {
  /** The asset's cost, at least 0. */
  cost_usd: DecimalInput;
  /** Salvage value, 0 to the cost (default 0). */
  salvage_usd?: DecimalInput;
  /** Book life in years, greater than 0 (whole years for SYD and DB). */
  life_years: DecimalInput;
  method: BookMethod;
  /** Months in the schedule, 1 to 1200. */
  months: number;
}

/** One month of a {@link BookSchedule}. */
export interface BookMonth {
  month: number;
  depreciation_usd: DecimalString;
  /** At the end of the month: never below salvage (0 for MACRS), never rising. */
  book_value_usd: DecimalString;
}

/** The result of {@link book_schedule}. */
export interface BookSchedule {
  months: BookMonth[];
  totals: {
    /** cost − the final book value. */
    depreciation_usd: DecimalString;
    /** Book value at the end of the last month. */
    book_value_usd: DecimalString;
  };
}

/**
 * The monthly book depreciation schedule of one asset. Each year's charge from the Excel
 * function is spread evenly over its 12 months; units of production charge
 * (cost − salvage) × units / total units each month. After the life nothing more is
 * depreciated; straight line, SYD, VDB (with the switch) and MACRS end exactly at salvage (0).
 *
 * @param inputs - see {@link BookScheduleInputs}
 * @returns one row per month and the totals; see {@link BookSchedule}
 * @throws {GpueconError} `DOMAIN` naming the first bad input by its path (`life_years` ≤ 0,
 *   `salvage_usd` above the cost, `method.factor` ≤ 0, `method.class`, `months`); `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs` when the object lacks a field or has an unknown one.
 *
 * @example
 * import { book_schedule } from "gpuecon";
 * const s = book_schedule({ cost_usd: 50000, salvage_usd: 5000, life_years: 6,
 *   method: { kind: "straight_line" }, months: 84 });
 * s.months[0].depreciation_usd; // "625"  ((50,000 − 5,000) / 6 / 12)
 * s.months[71].book_value_usd;  // "5000"
 */
export declare function book_schedule(inputs: BookScheduleInputs): BookSchedule;

/**
 * A path of multipliers of a base value (a capex, a price), 1 at month 0, tagged by `kind`:
 * `exponential`: annual_factor^(month/12) (0.14 orders of magnitude a year: 10^−0.14 = 0.7244);
 * `generational_step`: × each step's factor from its ship month on, on an optional decline;
 * `points`: linear between the points, flat before the first and after the last (with a base
 * of 1, absolute prices). Factors greater than 0; points in increasing months, values ≥ 0.
 */
export type Curve =
  | { kind: "constant" }
  | { kind: "exponential"; annual_factor: DecimalInput }
  | {
      kind: "generational_step";
      annual_factor?: DecimalInput | null;
      /** In increasing months, each at least 1. */
      steps: { month: number; factor: DecimalInput }[];
    }
  | { kind: "points"; points: { month: number; value: DecimalInput }[] };

/** The inputs of {@link curve_series}. */
export interface CurveSeriesInputs {
  curve: Curve;
  /** 1 to 1200. */
  months: number;
}

/**
 * A curve's values in months 1 to `months` (fractional powers in f64, converted once).
 *
 * @param inputs - see {@link CurveSeriesInputs}
 * @returns `values[i]` is the value in month i + 1
 * @throws {GpueconError} `DOMAIN` on `curve.annual_factor` ≤ 0, `curve.points[1].month` out of
 *   order, `curve.steps[0].factor` ≤ 0, `months`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { curve_series } from "gpuecon";
 * const { values } = curve_series({ curve: { kind: "exponential", annual_factor: 0.724 }, months: 12 });
 * values[5];  // "0.8508818954473…" (√0.724)
 * values[11]; // "0.724"
 */
export declare function curve_series(inputs: CurveSeriesInputs): { values: DecimalString[] };

/** One stage of a {@link cascade}. */
export interface CascadeStage {
  /** A name for people (default ""). */
  name?: string;
  /** Price per sold GPU-hour at the stage's start, at least 0. */
  price_usd_per_gpu_hour: DecimalInput;
  /** Billed utilization, in [0, 1]. */
  utilization: DecimalInput;
  /** Months in the stage, greater than 0. */
  months: number;
  /** The price's path from the stage's start (stage month k gets curve(k); default constant). */
  price_curve?: Curve;
}

/** One month of a {@link CascadeSchedule}. */
export interface CascadeMonth {
  month: number;
  /** The stage's index in `stages` (0 first). */
  stage: number;
  stage_name: string;
  price_usd_per_gpu_hour: DecimalString;
  utilization: DecimalString;
  /** price × utilization × 730. */
  revenue_usd_per_gpu: DecimalString;
}

/** The result of {@link cascade}. */
export interface CascadeSchedule {
  months: CascadeMonth[];
  stages: {
    stage: number;
    name: string;
    first_month: number;
    last_month: number;
    /** utilization × 730 × months. */
    billed_gpu_hours_per_gpu: DecimalString;
    revenue_usd_per_gpu: DecimalString;
  }[];
  revenue_usd_per_gpu: DecimalString;
}

/**
 * The cascade: a GPU moving from training to inference to batch work, each stage with its own
 * price, utilization and length, month by month.
 *
 * @param inputs - `{ stages }`, at least one stage, at most 1200 months in all
 * @returns see {@link CascadeSchedule}
 * @throws {GpueconError} `DOMAIN` on `stages` (empty), `stages[1].utilization`,
 *   `stages[0].months`, `stages[2].price_curve.…`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { cascade } from "gpuecon";
 * const c = cascade({ stages: [
 *   { name: "training", price_usd_per_gpu_hour: 2.5, utilization: 0.8, months: 24 },
 *   { name: "inference", price_usd_per_gpu_hour: 1.6, utilization: 0.7, months: 24 },
 *   { name: "batch", price_usd_per_gpu_hour: 0.9, utilization: 0.6, months: 24 },
 * ] });
 * c.months[0].revenue_usd_per_gpu; // "1460"
 * c.revenue_usd_per_gpu;           // "64123.2"
 */
export declare function cascade(inputs: { stages: CascadeStage[] }): CascadeSchedule;

/** The inputs of {@link economic_end_of_life}; amounts per available GPU-hour. */
export interface EndOfLifeInputs {
  /** Price per sold GPU-hour at the start, at least 0. */
  price_usd_per_gpu_hour: DecimalInput;
  /** Default constant. */
  price_curve?: Curve;
  /** Billed utilization, in [0, 1]. */
  utilization: DecimalInput;
  /** The cash cost of keeping it running (capital is sunk); each at least 0, default 0. */
  running_cost: {
    power_usd_per_gpu_hour?: DecimalInput;
    facility_usd_per_gpu_hour?: DecimalInput;
    operations_usd_per_gpu_hour?: DecimalInput;
  };
  /** This GPU's all-in IT kW (greater than 0 with `newer`; default 0). */
  kw_per_gpu?: DecimalInput;
  /** A newer GPU competing for the same power. */
  newer?: {
    /** Its net cash margin per available GPU-hour. */
    net_margin_usd_per_gpu_hour: DecimalInput;
    /** Its kW, greater than 0. */
    kw_per_gpu: DecimalInput;
    /** Default constant. */
    margin_curve?: Curve;
  } | null;
  /** 1 to 1200. */
  horizon_months: number;
}

/** The result of {@link economic_end_of_life}. */
export interface EndOfLife {
  /** The first month keeping it fails a test; null if none within the horizon. */
  month: number | null;
  /** `"below_cash_cost"` (checked first) or `"below_newer_gpu"`. */
  reason: "below_cash_cost" | "below_newer_gpu" | null;
  months: {
    month: number;
    /** price × curve × utilization. */
    revenue_usd_per_gpu_hour: DecimalString;
    cash_cost_usd_per_gpu_hour: DecimalString;
    net_margin_usd_per_gpu_hour: DecimalString;
    /** newer margin × curve ÷ newer kW × this kW; null without `newer`. */
    newer_margin_usd_per_gpu_hour: DecimalString | null;
  }[];
}

/**
 * Economic end of life from power economics: the first month the revenue an hour earns falls
 * below the cash cost of running (power + facility + operations), or the net margin falls
 * below what a newer GPU nets in the same kilowatts. Both tests are strict.
 *
 * @param inputs - see {@link EndOfLifeInputs}
 * @returns see {@link EndOfLife}
 * @throws {GpueconError} `DOMAIN` on `utilization`, `running_cost.…`, `newer.kw_per_gpu`,
 *   `horizon_months`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { economic_end_of_life } from "gpuecon";
 * economic_end_of_life({
 *   price_usd_per_gpu_hour: 1, utilization: 0.5, horizon_months: 24,
 *   price_curve: { kind: "points", points: [{ month: 0, value: 2 }, { month: 16, value: 0.4 }] },
 *   running_cost: { power_usd_per_gpu_hour: 0.2, facility_usd_per_gpu_hour: 0.1 },
 * }); // { month: 15, reason: "below_cash_cost", months: [...] }
 */
export declare function economic_end_of_life(inputs: EndOfLifeInputs): EndOfLife;

/** The inputs of {@link refresh_decision}; margins are net cash per GPU a month (may be negative). */
export interface RefreshInputs {
  /** Critical IT power available, kW, greater than 0. */
  power_envelope_kw: DecimalInput;
  current: {
    kw_per_gpu: DecimalInput;
    net_margin_usd_per_gpu_month: DecimalInput;
    margin_curve?: Curve;
    /** What a GPU sells for now (its residual value), at least 0. */
    sale_value_usd_per_gpu: DecimalInput;
    residual_at_horizon_usd_per_gpu: DecimalInput;
  };
  new_generation: {
    /** Paid now. */
    capex_usd_per_gpu: DecimalInput;
    kw_per_gpu: DecimalInput;
    net_margin_usd_per_gpu_month: DecimalInput;
    margin_curve?: Curve;
    residual_at_horizon_usd_per_gpu: DecimalInput;
  };
  /** 1 to 1200. */
  horizon_months: number;
  /** Greater than −1; months discount at (1 + r)^(1/12) − 1. */
  annual_discount_rate: DecimalInput;
}

/** The result of {@link refresh_decision}. */
export interface RefreshDecision {
  monthly_discount_rate: DecimalString;
  keep: {
    /** floor(envelope ÷ kW per GPU). */
    gpus: DecimalString;
    pv_margins_usd: DecimalString;
    pv_residual_usd: DecimalString;
    npv_usd: DecimalString;
  };
  replace: {
    gpus: DecimalString;
    /** current GPUs × sale value, now. */
    sale_proceeds_usd: DecimalString;
    /** new GPUs × capex, now. */
    capex_usd: DecimalString;
    pv_margins_usd: DecimalString;
    pv_residual_usd: DecimalString;
    /** sale − capex + pv_margins + pv_residual. */
    npv_usd: DecimalString;
  };
  /** replace.npv_usd − keep.npv_usd. */
  npv_difference_usd: DecimalString;
  /** `"replace"` when the difference is positive; a tie keeps. */
  decision: "keep" | "replace";
}

/**
 * Keep the fleet, or sell it at its residual value and fill the same power envelope with the
 * new generation: the NPV of each at the monthly rate (1 + r)^(1/12) − 1 (Excel's NPV on
 * month-end margins; the residual at the end of the horizon; sale and capex now).
 *
 * @param inputs - see {@link RefreshInputs}
 * @returns see {@link RefreshDecision}
 * @throws {GpueconError} `DOMAIN` on `power_envelope_kw`, `current.kw_per_gpu`,
 *   `new_generation.…`, `horizon_months`, `annual_discount_rate`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { refresh_decision } from "gpuecon";
 * const r = refresh_decision({
 *   power_envelope_kw: 1000, horizon_months: 36, annual_discount_rate: 0,
 *   current: { kw_per_gpu: 1.275, net_margin_usd_per_gpu_month: 600,
 *     sale_value_usd_per_gpu: 12000, residual_at_horizon_usd_per_gpu: 4000 },
 *   new_generation: { capex_usd_per_gpu: 45000, kw_per_gpu: 1.7875,
 *     net_margin_usd_per_gpu_month: 2200, residual_at_horizon_usd_per_gpu: 15000 },
 * });
 * r.keep.npv_usd;    // "20070400"
 * r.replace.npv_usd; // "36910800"
 * r.decision;        // "replace"
 */
export declare function refresh_decision(inputs: RefreshInputs): RefreshDecision;

/** One month of {@link value_schedule}. */
export interface ValueMonth {
  month: number;
  book_value_usd: DecimalString;
  /** cost × residual(month). */
  economic_value_usd: DecimalString;
  /** book − economic: positive when the books carry it above its market value. */
  gap_usd: DecimalString;
}

/**
 * Book value against economic value, month by month: the book schedule beside the cost × the
 * residual curve.
 *
 * @param inputs - `{ book, residual }`: a {@link BookScheduleInputs} and a {@link Curve}
 * @returns `{ months }`, one {@link ValueMonth} per month of the book schedule
 * @throws {GpueconError} `DOMAIN` on `book.…` or `residual.…`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { value_schedule } from "gpuecon";
 * const v = value_schedule({
 *   book: { cost_usd: 50000, salvage_usd: 5000, life_years: 6, method: { kind: "straight_line" }, months: 72 },
 *   residual: { kind: "exponential", annual_factor: 0.724 },
 * });
 * v.months[11]; // { month: 12, book_value_usd: "42500", economic_value_usd: "36200", gap_usd: "6300" }
 */
export declare function value_schedule(inputs: {
  book: BookScheduleInputs;
  residual: Curve;
}): { months: ValueMonth[] };

// ---------------------------------------------------------------------------------------
// Scenarios and presets: a fleet, its costs, its contracts and its curves, evaluated month
// by month. Inputs take numbers or decimal strings; every amount in a report is a decimal
// string in USD for the whole fleet unless its name says otherwise.

/** A block of reserved GPUs in a {@link Scenario}'s market. */
export interface ScenarioReservation {
  /** GPUs reserved (greater than 0). */
  gpus: DecimalInput;
  /** The first month of the term (1 is the first month after the start). */
  start_month: number;
  /** Length of the term in months. */
  term_months: number;
  /** Discount to the on-demand price at `start_month`, in [0, 1]. */
  discount: DecimalInput;
}

/** How the GPUs outside the take-or-pay contracts are sold. */
export interface Market {
  /** The on-demand price per GPU-hour at the start. */
  on_demand_usd_per_gpu_hour: DecimalInput;
  /** The on-demand price path as a multiplier of the start price (default constant). */
  price_curve?: Curve;
  /** Billed utilization of the on-demand GPUs, in [0, 1]. */
  utilization: DecimalInput;
  /** Reserved blocks, billed every hour of their term. */
  reserved?: ScenarioReservation[];
  /** Spot sales from idle on-demand hours. */
  spot?: Spot | null;
  /** When given, the stages set the on-demand price and utilization month by month. */
  cascade?: CascadeStage[];
}

/** A take-or-pay contract and the usage expected of it. */
export interface ContractLine {
  contract: Contract;
  /** Expected usage as a share of the contract's GPU-hours (gpus × 730 a month), in [0, 1]. */
  usage_share: DecimalInput;
}

/**
 * A whole scenario: what {@link evaluate} takes. Month 1 is the first month after `start`.
 *
 * @example
 * import { presets, evaluate } from "gpuecon";
 * const { scenario } = presets().find((p) => p.id === "h100-cluster-1024");
 * evaluate({ ...scenario, annual_discount_rate: "0.12" }).summary.metrics.npv_usd;
 */
export interface Scenario {
  title?: string;
  /** The start date, `YYYY-MM-DD`. */
  start: string;
  /** Months evaluated, 1 to 1200. */
  horizon_months: number;
  /** Annual discount rate for NPV and the backlog's present value (0.10 = 10 %). */
  annual_discount_rate: DecimalInput;
  fleet: {
    /** The SKU's exact catalog name (`"H100 SXM"`), for people. */
    gpu?: string;
    /** Number of GPUs (greater than 0). */
    gpus: DecimalInput;
    /** All-in capex per GPU, paid at the start. */
    capex_usd_per_gpu: DecimalInput;
  };
  power: OwnerCostInputs["power"];
  facility: OwnerCostInputs["facility"];
  operations?: OwnerCostInputs["operations"];
  depreciation: {
    method: BookMethod;
    life_years: DecimalInput;
    salvage_usd_per_gpu?: DecimalInput;
  };
  /** Economic value as a multiplier of the capex (1 at the start). */
  residual: Curve;
  market: Market;
  contracts?: ContractLine[];
  /** Sell the fleet at its economic value in the last month (default true). */
  sell_at_horizon?: boolean;
}

/** Revenue by product. */
export interface ScenarioRevenue {
  contracts_usd: DecimalString;
  reserved_usd: DecimalString;
  on_demand_usd: DecimalString;
  spot_usd: DecimalString;
  total_usd: DecimalString;
}

/** Cash operating costs by item. */
export interface ScenarioCosts {
  power_usd: DecimalString;
  facility_usd: DecimalString;
  staff_usd: DecimalString;
  support_usd: DecimalString;
  software_usd: DecimalString;
  insurance_usd: DecimalString;
  sga_usd: DecimalString;
  total_usd: DecimalString;
}

/** One month of a {@link Report}. */
export interface MonthReport {
  month: number;
  /** The start date plus `month` months, `YYYY-MM-DD`. */
  date: string;
  available_gpu_hours: DecimalString;
  /** Contracted and reserved GPUs' every hour, plus on-demand and spot hours sold. */
  billed_gpu_hours: DecimalString;
  /** Hours the GPUs ran (sets the power bill). */
  busy_gpu_hours: DecimalString;
  billed_utilization: DecimalString;
  on_demand_usd_per_gpu_hour: DecimalString;
  revenue: ScenarioRevenue;
  costs: ScenarioCosts;
  gross_margin_usd: DecimalString;
  revenue_per_available_gpu_hour: DecimalString;
  /** `null` when nothing was billed. */
  cost_per_billed_gpu_hour: DecimalString | null;
  depreciation_usd: DecimalString;
  book_value_usd: DecimalString;
  economic_value_usd: DecimalString;
  /** The fleet's sale at its economic value (the last month, when sold). */
  sale_usd: DecimalString;
  cash_flow_usd: DecimalString;
  cumulative_cash_flow_usd: DecimalString;
}

/** Totals and metrics of a {@link Report}, computed from its months. */
export interface Summary {
  capex_usd: DecimalString;
  revenue: ScenarioRevenue;
  costs: ScenarioCosts;
  gross_margin_usd: DecimalString;
  gross_margin_share: DecimalString | null;
  billed_utilization: DecimalString;
  /** Revenue a year ÷ capex. */
  yield_on_cost: DecimalString | null;
  book_value_usd: DecimalString;
  economic_value_usd: DecimalString;
  metrics: {
    npv_usd: DecimalString;
    /** Annualized; `null` when the cash flows have no IRR. */
    irr_annual: DecimalString | null;
    /** The first month with a cumulative cash flow ≥ 0; `null` if none. */
    payback_month: number | null;
  };
  /** The contracts' minimum payments after the start, and their present value. */
  contracted_backlog_usd: DecimalString;
  contracted_backlog_pv_usd: DecimalString;
}

/** What {@link evaluate} returns. */
export interface Report {
  months: MonthReport[];
  summary: Summary;
}

/**
 * Evaluates a scenario month by month into its report.
 *
 * @throws {GpueconError} `INVALID_ARGUMENT` on `scenario` when the object does not have a
 *   scenario's shape (a missing or unknown field); otherwise one error whose `problems`
 *   lists every invalid input with its path (`contracts[0].contract.term_months`).
 *
 * @example
 * import { presets, evaluate } from "gpuecon";
 * const hosting = presets().find((p) => p.id === "coreweave-core-scientific-hosting");
 * const { summary } = evaluate(hosting.scenario);
 * summary.gross_margin_share; // "0.7753..." (reported: 75-80 %)
 */
export declare function evaluate(scenario: Scenario): Report;

/**
 * Every problem with a scenario, each with its path, without evaluating it; empty when
 * it can be evaluated.
 *
 * @example
 * validate_scenario({ ...scenario, horizon_months: 0 });
 * // [{ field: "horizon_months", message: "horizon_months: must be between 1 and 1200" }]
 */
export declare function validate_scenario(scenario: Scenario): Array<{ field: string; message: string }>;

/** A ready-made scenario built from public figures. */
export interface Preset {
  id: string;
  title: string;
  /** What it shows and which figures it checks. */
  about: string;
  /** Where each figure comes from. */
  sources: string[];
  /** Ready for {@link evaluate} (decimals as strings). */
  scenario: Scenario;
}

/**
 * The built-in presets: an 8 × H100 node on demand and reserved for 3 years, a 1,024-GPU
 * H100 cluster, the CoreWeave - Core Scientific hosting deal seen from the host, and a
 * B200 cascade.
 *
 * @example
 * import { presets } from "gpuecon";
 * presets().map((p) => p.id);
 */
export declare function presets(): Preset[];

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
  /**
   * The offending argument's name, for example `"life"`; for a model's input, the path of
   * the offending value inside it (`"contracts[2].minimum_gpu_hours"`), for domain errors
   * and wrong shapes alike (a value that is not a number, an unknown key, NaN: `INVALID_ARGUMENT`
   * on `"power.pue"`, the message `"inputs.power.pue: NaN is not a finite number"`). A missing
   * key is on the object that lacks it; an input wrong as a whole on the argument (`"inputs"`).
   */
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
  /**
   * The usage share month by month (month 1 first), each in [0, 1], replacing `usage_share`
   * in the months it covers: a forecast, or one Monte Carlo path (default none).
   */
  usage_share_by_month?: DecimalInput[];
  /** The buyer, for a portfolio's concentration of revenue (default: the contract's name). */
  customer?: string;
  /**
   * The share of the contract's value (its minimum payments over the term) paid up front,
   * in [0, 1] (default 0): cash at the close, applied against the monthly billing in equal
   * parts over the months the contract serves.
   */
  prepaid_share?: DecimalInput;
  /**
   * What its GPUs do after its last month: join the market (`remarket`, the default), be
   * sold at its end at their economic value less `selling_cost_share` (`sell`), or stay
   * idle, paying their costs (`idle`, warned as `GPUS_IDLE`).
   */
  after_contract?: "remarket" | "sell" | "idle";
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
  /** The annual rate a MIRR finances negative flows at (default `annual_discount_rate`). */
  mirr_finance_rate?: DecimalInput | null;
  /** The annual rate a MIRR reinvests positive flows at (default `annual_discount_rate`). */
  mirr_reinvestment_rate?: DecimalInput | null;
  fleet: {
    /** The SKU's exact catalog name (`"H100 SXM"`), for people. */
    gpu?: string;
    /** Number of GPUs (greater than 0). */
    gpus: DecimalInput;
    /** All-in capex per GPU, paid on delivery. */
    capex_usd_per_gpu: DecimalInput;
    /**
     * Shares of the fleet delivered and paid for: entry 0 at the close, entry k at the end
     * of month k (in service from month k + 1); each in [0, 1], the first above 0, together
     * exactly 1. Default: all at the close. A financed scenario draws its loan on them.
     */
    deliveries?: DecimalInput[];
    /** The share of the capex a buyer of used GPUs pays for, in [0, 1] (default 1): economic value = capex × share × residual. */
    resellable_share?: DecimalInput;
  };
  power: OwnerCostInputs["power"];
  /** How the electricity is priced and cut (default: `power.usd_per_kwh` flat, nothing cut). */
  energy?: Energy | null;
  facility: OwnerCostInputs["facility"];
  /**
   * A colocation or hyperscale lease instead of `facility`'s flat rate (whose
   * `usd_per_kw_month` must then be 0), on the scenario's months; leave its
   * `annual_discount_rate` out.
   */
  lease?: LeaseInputs | null;
  /** A hosting agreement: the scenario is the host, paid by its tenant from month 1 (within the horizon). */
  hosting?: HostingInputs | null;
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
  /** Sell the GPUs on the market from the month before their economic end of life (default false). */
  retire_when_uneconomic?: boolean;
  /** The month from which GPUs on the market are retired, stated instead of computed (overrides `retire_when_uneconomic`). */
  retire_from_month?: number | null;
  /** The share of the economic value a sale before the horizon loses, in [0, 1] (default 0). */
  selling_cost_share?: DecimalInput;
  /** Debt secured by the GPUs and the contracts: the scenario becomes a box (an SPV). */
  financing?: Financing | null;
}

/**
 * How a {@link Scenario}'s electricity is priced and cut. Each month the facility draws
 * MWh × (1 − share of hours cut), bought at the PPA's price at the market price; a virtual
 * PPA settles as a cost; the MWh cut earn demand response; revenue sold by the hour falls
 * by the share cut (contracts and reservations are not billed for hours cut).
 */
export interface Energy {
  /** Market price in USD per MWh for months 1, 2, …, the last value held (default: `power.usd_per_kwh` × 1000, which must then be 0). */
  market_usd_per_mwh?: DecimalInput[];
  /** How the power is bought (default `{ kind: "market" }`). */
  ppa?: Ppa;
  /** Hours cut from month 1 (default none). */
  curtailed?: CurtailmentInputs["curtailed"] | null;
  /** Paid by the grid per MWh not drawn in the hours cut, at least 0 (default 0). */
  demand_response_usd_per_mwh?: DecimalInput;
}

/** Revenue by product: `total` = the six items − `curtailed_usd` − `sla_credits_usd`. */
export interface ScenarioRevenue {
  contracts_usd: DecimalString;
  reserved_usd: DecimalString;
  on_demand_usd: DecimalString;
  spot_usd: DecimalString;
  /** Hosting fees billed to the tenant, before SLA credits. */
  hosting_usd: DecimalString;
  /** Paid by the grid for the MWh not drawn in curtailed hours. */
  demand_response_usd: DecimalString;
  /** Revenue lost to curtailment (subtracted). */
  curtailed_usd: DecimalString;
  /** SLA credits given to the hosting tenant (subtracted). */
  sla_credits_usd: DecimalString;
  total_usd: DecimalString;
}

/** Cash operating costs by item; `total` is their sum. */
export interface ScenarioCosts {
  /** Electricity bought. */
  power_usd: DecimalString;
  /** A virtual PPA's settlement: paid when positive, received when negative. */
  ppa_settlement_usd: DecimalString;
  /** Colocation, or the lease's rent. */
  facility_usd: DecimalString;
  /** The lease's triple-net items. */
  lease_taxes_usd: DecimalString;
  lease_insurance_usd: DecimalString;
  lease_maintenance_usd: DecimalString;
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
  /** GPUs in service × 730. */
  available_gpu_hours: DecimalString;
  /** Available × the share of the hours curtailed. */
  curtailed_gpu_hours: DecimalString;
  /** Contracted and reserved GPUs' every hour, plus on-demand and spot hours sold. */
  billed_gpu_hours: DecimalString;
  /** Hours the GPUs ran (sets the power bill). */
  busy_gpu_hours: DecimalString;
  billed_utilization: DecimalString;
  /** Energy drawn by the facility (IT × PUE), MWh. */
  energy_mwh: DecimalString;
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
  /** Capex paid at the end of the month for GPUs delivered then. */
  capex_usd: DecimalString;
  /** Prepayments applied against the month's billing. */
  prepayment_applied_usd: DecimalString;
  /** Gross margin − prepayment applied − capex + sale. */
  cash_flow_usd: DecimalString;
  /** From the close's cash flow. */
  cumulative_cash_flow_usd: DecimalString;
}

/** Totals and metrics of a {@link Report}, computed from its months. */
export interface Summary {
  capex_usd: DecimalString;
  /** Prepayments received at the close. */
  prepayment_usd: DecimalString;
  /** The close (month 0): prepayments − the capex paid then. */
  close_cash_flow_usd: DecimalString;
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
    /** Every annualized IRR, lowest first: one entry when it is unique, several when the flows change sign more than once. */
    irr_all_annual: DecimalString[];
    /** The annualized MIRR at `mirr_finance_rate` and `mirr_reinvestment_rate`, when the flows change sign more than once; else `null`. */
    mirr_annual: DecimalString | null;
    /** The first month after which the cumulative cash flow stays ≥ 0 (0: never below 0); `null` if it is below 0 at the end. */
    payback_month: number | null;
  };
  /** The contracts' minimum payments after the start, and their present value. */
  contracted_backlog_usd: DecimalString;
  contracted_backlog_pv_usd: DecimalString;
  /** Each contract's revenue over the horizon (before curtailment), in order. */
  contract_revenue_usd: DecimalString[];
}

/**
 * A warning's stable code (new codes may be added; a code never changes meaning):
 * the lease shorter or longer than the horizon, a loan longer than its contracts, GPUs idle
 * more than 3 months in a row, losing months while the GPUs could be sold, a horizon beyond
 * the GPUs' economic end of life, covenant headroom under 5 LTV points or 0.10x DSCR, an
 * on-demand price outside the catalog's published market range.
 */
export type WarningCode =
  | "LEASE_SHORTER_THAN_HORIZON"
  | "LEASE_LONGER_THAN_HORIZON"
  | "LOAN_TENOR_BEYOND_CONTRACTS"
  | "GPUS_IDLE"
  | "NEGATIVE_MARGIN_WHILE_SELLABLE"
  | "HORIZON_BEYOND_END_OF_LIFE"
  | "LTV_HEADROOM_THIN"
  | "DSCR_HEADROOM_THIN"
  | "PRICE_OUTSIDE_MARKET";

/** Something suspicious in a valid scenario: it never stops the evaluation. */
export interface Warning {
  code: WarningCode;
  /** The input to look at, as in errors (`lease.term_months`). */
  path: string;
  /** What was found, with its figures, in a sentence. */
  message: string;
}

/** What {@link evaluate} returns. */
export interface Report {
  months: MonthReport[];
  summary: Summary;
  /** The debt, DSCR, LTV and equity cash flows of a financed scenario; `null` without financing. */
  financing: FinancingReport | null;
  /** Every warning, in the order of the codes; empty when nothing is suspicious. */
  warnings: Warning[];
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
 * Rows as columns: an object's fields each become an array with a value per row, nested as
 * the rows' objects are (what {@link evaluate_columns} returns for `months`). A field whose
 * value is a number, a string, `null` or an array is a leaf: the array of the rows' values.
 */
export type Columns<T> = [T] extends [readonly unknown[]]
  ? T[]
  : [T] extends [object]
    ? { [K in keyof T]: Columns<T[K]> }
    : T[];

/** What {@link evaluate_columns} returns: {@link Report} with its months as columns. */
export interface ReportByColumns extends Omit<Report, "months"> {
  /** One array per field of a month, a value per month, in the order of the months. */
  months: Columns<Report["months"][number]>;
}

/**
 * {@link evaluate}, with the report's monthly series as columns: `months.revenue.total_usd[i]`
 * is `evaluate(scenario).months[i].revenue.total_usd`. The same values; the field names cross
 * the boundary once instead of once a month, so a long horizon returns faster. The summary,
 * the financing and the warnings are as {@link evaluate} gives them.
 *
 * @throws {GpueconError} as {@link evaluate}.
 *
 * @example
 * import { presets, evaluate_columns } from "gpuecon";
 * const cluster = presets().find((p) => p.id === "h100-cluster-1024");
 * const { months } = evaluate_columns(cluster.scenario);
 * months.date.length; // 72: one per month
 * months.revenue.total_usd[0]; // the first month's revenue, a decimal string
 */
export declare function evaluate_columns(scenario: Scenario): ReportByColumns;

/**
 * Every problem with a scenario, each with its path, without evaluating it; empty when
 * it can be evaluated.
 *
 * @example
 * validate_scenario({ ...scenario, horizon_months: 0 });
 * // [{ field: "horizon_months", message: "horizon_months: must be between 1 and 1200" }]
 */
export declare function validate_scenario(scenario: Scenario): Array<{ field: string; message: string }>;

/**
 * A ready-made scenario or portfolio built from public figures; `kind` says which
 * evaluator it needs: a `"scenario"` preset holds a `scenario` for {@link evaluate}, a
 * `"portfolio"` preset a `portfolio` for {@link evaluate_portfolio}.
 */
export type Preset = {
  id: string;
  title: string;
  /** What it shows and which figures it checks. */
  about: string;
  /** Where each figure comes from. */
  sources: string[];
} & (
  | { kind: "scenario"; /** Decimals as strings. */ scenario: Scenario }
  | { kind: "portfolio"; portfolio: Portfolio }
);

/**
 * The built-in presets: an 8 × H100 node on demand and reserved for 3 years, a 1,024-GPU
 * H100 cluster, the CoreWeave - Core Scientific hosting deal seen from the host (as a
 * contract, and as a financed box with its hosting agreement), a B200 cascade, two
 * CoreWeave-style boxes (investment-grade and sub-investment-grade customer), IREN -
 * Microsoft (prepaid, delivered in phases), and a company roll-up of three boxes
 * (`kind: "portfolio"`).
 *
 * @example
 * import { presets, evaluate, evaluate_portfolio } from "gpuecon";
 * for (const p of presets()) {
 *   const report = p.kind === "portfolio" ? evaluate_portfolio(p.portfolio) : evaluate(p.scenario);
 * }
 */
export declare function presets(): Preset[];

/**
 * One field explained (`gpuecon::glossary`): a report field's definition, formula, unit and
 * sign convention; an input's meaning, unit, typical range and source. Keys are paths from
 * the scenario's root (`scenario.…`) or the report's (`report.…`), array indices as `[]`.
 */
export interface GlossaryEntry {
  /** `report.financing.summary.equity.irr_annual`, `scenario.contracts[].contract.gpus`, … */
  key: string;
  definition: string;
  /** How a result is computed; empty for an input. */
  formula: string;
  unit: string;
  /** Which way an amount is positive; empty where there is no sign to read. */
  sign: string;
  /** For an input, the values an expert would expect; empty for a result. */
  typical_range: string;
  /** For an input, where a typical value comes from; empty for a result. */
  source: string;
}

/**
 * Every scenario input and report field explained, ordered by key; a fresh copy on every
 * call. Data shipped beside the WebAssembly module, not in it.
 *
 * @example
 * import { glossary } from "gpuecon";
 * const irr = glossary().find((e) => e.key === "report.financing.summary.equity.irr_annual");
 */
export declare function glossary(): GlossaryEntry[];

// ---------------------------------------------------------------------------------------
// GPU-collateralized lending (docs/domain.md section 8). Months are on the monthly
// timeline: month 1 is the first month after origination; every test is at month end.

/** What the GPUs securing a loan are worth, month by month. */
export type CollateralValue =
  | {
      kind: "fleet";
      /** GPUs pledged, greater than 0. */
      gpus: DecimalInput;
      /** All-in capex per GPU, at least 0. */
      capex_usd_per_gpu: DecimalInput;
      /** Value as a multiplier of the capex: value(m) = gpus × capex × residual(m). */
      residual: Curve;
    }
  | {
      kind: "series";
      /** The value at origination (month 0), at least 0. */
      origination_value_usd: DecimalInput;
      /** Entry i is the value at the end of month i + 1, each at least 0; one for every month of `balance_usd` at least. */
      value_usd: DecimalInput[];
    };

/** The covenants tested at the end of every month, and the cure period. */
export interface Covenants {
  /** Breached when LTV > max_ltv (or unbounded); greater than 0. */
  max_ltv: DecimalInput;
  /** A minimum DSCR, breached when DSCR < minimum_dscr; `null` entries (no debt service) are not tested. */
  dscr?: { minimum_dscr: DecimalInput; dscr_by_month: Array<DecimalInput | null> } | null;
  /** A limit on the largest customer's share of revenue (fractions in [0, 1]), breached when above it. */
  concentration?: { maximum_share: DecimalInput; largest_customer_share_by_month: DecimalInput[] } | null;
  /** Months to cure a breach (default 0): a covenant breached cure_months + 1 months running is a default. A passing month resets its count. */
  cure_months?: number;
}

/** The inputs of {@link collateral_schedule}. */
export interface CollateralInputs {
  collateral: CollateralValue;
  /** Loan at origination ÷ collateral value then, in [0, 1] (about 0.75 on-chain). */
  advance_rate: DecimalInput;
  /** The loan balance at the end of each month (entry i is month i + 1), 1 to 1200 months, each at least 0: the horizon. */
  balance_usd: DecimalInput[];
  covenants: Covenants;
  /** Forced-sale haircut in [0, 1] and costs in USD (both default 0). */
  liquidation?: { haircut?: DecimalInput; costs_usd?: DecimalInput };
}

/** A covenant's test in one month. */
export interface CovenantTest {
  status: "pass" | "breach" | "not_tested";
  /** Consecutive breached months up to and including this one (0 unless breached). */
  consecutive_breach_months: number;
}

/** What the lender recovers if the borrower defaults in a month and the GPUs are sold. */
export interface Recovery {
  /** max(0, value × (1 − haircut) − costs). */
  liquidation_value_usd: DecimalString;
  /** min(balance, liquidation value). */
  recovery_usd: DecimalString;
  /** recovery ÷ balance; `null` when nothing is owed. */
  recovery_rate: DecimalString | null;
  /** balance − recovery. */
  loss_usd: DecimalString;
}

/** One month of a {@link CollateralSchedule}. */
export interface CollateralMonth {
  month: number;
  balance_usd: DecimalString;
  collateral_value_usd: DecimalString;
  /** balance ÷ value: "0" when nothing is owed, `null` (unbounded) when the collateral is worthless and a balance is owed. */
  ltv: DecimalString | null;
  ltv_test: CovenantTest;
  dscr_test: CovenantTest;
  concentration_test: CovenantTest;
  /** Any covenant breached this month. */
  in_breach: boolean;
  /** An event of default has occurred, this month or before (it stays). */
  in_default: boolean;
  /** If the borrower defaulted this month. */
  recovery: Recovery;
}

/** The result of {@link collateral_schedule}. */
export interface CollateralSchedule {
  months: CollateralMonth[];
  summary: {
    origination_value_usd: DecimalString;
    /** advance_rate × origination value. */
    loan_usd: DecimalString;
    /** `null` when some month's LTV is unbounded. */
    peak_ltv: DecimalString | null;
    peak_ltv_month: number;
    /** Months with a covenant breached, consecutive or not. */
    months_in_breach: number;
    first_breach_month: number | null;
    first_default_month: number | null;
    recovery_at_default: Recovery | null;
  };
}

/**
 * A GPU-collateralized loan month by month: LTV = balance ÷ collateral value, the covenants
 * (maximum LTV, minimum DSCR, concentration limit) with their cure period, the first
 * default, and the lender's recovery min(balance, value × (1 − haircut) − costs) if the
 * borrower defaulted in each month.
 *
 * @param inputs - see {@link CollateralInputs}
 * @returns the month rows and a summary (loan, peak LTV, months in breach, first default); see {@link CollateralSchedule}
 * @throws {GpueconError} `DOMAIN` naming the first bad input by its path (`advance_rate`,
 *   `balance_usd[3]`, `collateral.residual.annual_factor`, `covenants.dscr.dscr_by_month`);
 *   `OVERFLOW`; `INVALID_ARGUMENT` on `inputs` when the object lacks a field or has an unknown one.
 *
 * @example
 * import { collateral_schedule } from "gpuecon";
 * const s = collateral_schedule({
 *   collateral: { kind: "series", origination_value_usd: 1000000, value_usd: [900000, 800000] },
 *   advance_rate: 0.7, balance_usd: [690000, 680000],
 *   covenants: { max_ltv: 0.8, cure_months: 0 },
 *   liquidation: { haircut: 0.2, costs_usd: 10000 },
 * });
 * s.months[1].ltv;                       // "0.85"
 * s.summary.first_default_month;         // 2
 * s.summary.recovery_at_default?.loss_usd; // "50000.0" (680,000 − (800,000 × 0.8 − 10,000))
 */
export declare function collateral_schedule(inputs: CollateralInputs): CollateralSchedule;

// ---------------------------------------------------------------------------------------
// Customer concentration and counterparties (docs/domain.md section 9).

/** What a counterparty is to the company. */
export type CounterpartyRole = "investor" | "supplier" | "customer" | "lender";

/** The inputs of {@link customer_concentration}. */
export interface ConcentrationInputs {
  /** At least one, names unique and not empty, revenue above 0 in total. */
  counterparties: Array<{
    name: string;
    /** Revenue from it over the period, at least 0 (default 0); above 0 makes it a customer. */
    revenue_usd?: DecimalInput;
    roles?: CounterpartyRole[];
  }>;
  /** Share of the largest customer's revenue recovered if it defaults, in [0, 1] (default 0). */
  default_recovery_rate?: DecimalInput;
}

/** The result of {@link customer_concentration}. */
export interface Concentration {
  total_revenue_usd: DecimalString;
  /** Counterparties with revenue above 0, largest first (ties in input order). */
  customers: Array<{ name: string; revenue_usd: DecimalString; share: DecimalString }>;
  /** Σ share², in [1/n, 1]. */
  hhi: DecimalString;
  /** 10,000 × hhi (the antitrust scale). */
  hhi_points: DecimalString;
  top1_share: DecimalString;
  /** The three largest customers' share (all of them when fewer). */
  top3_share: DecimalString;
  largest_customer: string;
  /** The largest customer's revenue: lost if it leaves. */
  revenue_at_risk_usd: DecimalString;
  /** revenue × (1 − default_recovery_rate): lost if it defaults. */
  default_loss_usd: DecimalString;
  /** Counterparties with two or more of investor, supplier and customer, in input order. */
  circular: Array<{
    name: string;
    /** In the order investor, supplier, customer, lender. */
    roles: CounterpartyRole[];
    revenue_usd: DecimalString;
    revenue_share: DecimalString;
  }>;
}

/**
 * Customer concentration: the Herfindahl-Hirschman index Σ share² (0-1 and 0-10,000), the
 * top-1 and top-3 shares, the revenue at risk from the largest customer, and counterparties
 * that are two or more of investor, supplier and customer (seed 001's circularity).
 *
 * @param inputs - see {@link ConcentrationInputs}
 * @returns see {@link Concentration}
 * @throws {GpueconError} `DOMAIN` on `counterparties` (empty, or no revenue),
 *   `counterparties[1].name` (empty or repeated), `counterparties[0].revenue_usd`,
 *   `default_recovery_rate`; `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { customer_concentration } from "gpuecon";
 * const c = customer_concentration({ counterparties: [
 *   { name: "Microsoft", revenue_usd: 70 },
 *   { name: "Nvidia", revenue_usd: 10, roles: ["investor", "supplier"] },
 *   { name: "Others", revenue_usd: 20 },
 * ] });
 * c.hhi_points;         // "5400.00" (0.7² + 0.1² + 0.2² = 0.54)
 * c.circular[0].roles;  // ["investor", "supplier", "customer"]
 */
export declare function customer_concentration(inputs: ConcentrationInputs): Concentration;

// ---------------------------------------------------------------------------------------
// Hosting agreements (docs/domain.md section 11).

/** How a host's fee is set. */
export type HostingFee =
  | {
      kind: "fixed_per_kw";
      /** Contracted critical IT kW, at least 0. */
      contracted_kw: DecimalInput;
      usd_per_kw_month: DecimalInput;
    }
  | {
      kind: "revenue_share";
      /** The host's share of the tenant's model revenue, in [0, 1]. */
      share: DecimalInput;
      /** Entry i is month i + 1 (missing months 0), no more entries than months. */
      model_revenue_usd: DecimalInput[];
    };

/** The inputs of {@link hosting_fees}. */
export interface HostingInputs {
  /** 1 to 1200. */
  months: number;
  fee: HostingFee;
  /** The least the host bills a month before credits (default 0). */
  minimum_fee_usd_per_month?: DecimalInput;
  /** Uptime each month in [0, 1] (missing months 1), no more entries than months. */
  uptime_by_month?: DecimalInput[];
  /** Highest threshold first: the credit of the lowest threshold the uptime is below applies. */
  sla_tiers?: Array<{ below_uptime: DecimalInput; credit_share: DecimalInput }>;
  /** The liability cap: on a month's credit as a share of its fee, and/or on each contract year's credits in USD. */
  credit_cap?: { share_of_monthly_fee?: DecimalInput | null; usd_per_contract_year?: DecimalInput | null };
}

/** One month of a {@link HostingSchedule}. */
export interface HostingMonth {
  month: number;
  uptime: DecimalString;
  base_fee_usd: DecimalString;
  /** max(0, minimum − base fee). */
  minimum_top_up_usd: DecimalString;
  /** base fee + top-up: billed before credits. */
  fee_usd: DecimalString;
  credit_share: DecimalString;
  credit_before_cap_usd: DecimalString;
  sla_credit_usd: DecimalString;
  /** fee − credit. */
  net_fee_usd: DecimalString;
}

/** The result of {@link hosting_fees}. */
export interface HostingSchedule {
  months: HostingMonth[];
  totals: {
    base_fee_usd: DecimalString;
    minimum_top_up_usd: DecimalString;
    fee_usd: DecimalString;
    credit_before_cap_usd: DecimalString;
    sla_credit_usd: DecimalString;
    net_fee_usd: DecimalString;
  };
}

/**
 * A hosting agreement month by month: the base fee (kW × $/kW-month, or a share of the
 * tenant's model revenue), topped up to the minimum, less the SLA credit of the uptime's
 * tier (a share of the fee after the minimum, capped), and the net fee.
 *
 * @param inputs - see {@link HostingInputs}
 * @returns the month rows and totals; see {@link HostingSchedule}
 * @throws {GpueconError} `DOMAIN` on `months`, `fee.share`, `uptime_by_month[2]`,
 *   `sla_tiers[1].below_uptime` (not below the previous tier's), `credit_cap.…`; `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { hosting_fees } from "gpuecon";
 * const s = hosting_fees({
 *   months: 1,
 *   fee: { kind: "fixed_per_kw", contracted_kw: 2000, usd_per_kw_month: 150 },
 *   uptime_by_month: [0.98],
 *   sla_tiers: [{ below_uptime: 0.999, credit_share: 0.1 }, { below_uptime: 0.99, credit_share: 0.25 },
 *     { below_uptime: 0.95, credit_share: 1 }],
 * });
 * s.months[0].sla_credit_usd; // "75000.00" (98 % is below 99 %: 25 % of 300,000)
 * s.totals.net_fee_usd;       // "225000.00"
 */
export declare function hosting_fees(inputs: HostingInputs): HostingSchedule;

// ---------------------------------------------------------------------------------------
// Debt schedules (docs/domain.md section 8). Month 1 is the first month after the close;
// draws fall at the start of their month, debt service and commitment fees at its end.
// Interest = balance × annual rate / 12 (30/360, as term loans and PMT(rate/12)). Amounts
// are kept to 12 decimal places, so balances and totals add up exactly.

/** The credit of the contract's counterparty, which sets the spread over SOFR (CoreWeave's
 * delayed draw term loan): named investment grade + 6.00 %, other investment grade + 6.50 %,
 * sub-investment grade + 13.00 %. */
export type CreditTier = "named_investment_grade" | "other_investment_grade" | "sub_investment_grade";

/** A loan's rate, tagged by `kind`. */
export type LoanInterest =
  /** The same annual rate every month, greater than −1. */
  | { kind: "fixed"; annual_rate: DecimalInput }
  /** SOFR + spread: `sofr_annual_rates[i]` is month i + 1 (each > −1; the last value holds for
   * later months, one value is a flat SOFR); the spread is the tier's unless given (≥ 0). */
  | {
      kind: "floating";
      sofr_annual_rates: DecimalInput[];
      credit_tier: CreditTier;
      spread_annual_rate?: DecimalInput | null;
      /** The lowest SOFR the loan accrues on: rate = max(SOFR, floor) + spread (default none). */
      sofr_floor_annual_rate?: DecimalInput | null;
    };

/** How a month's interest counts days: actual ÷ 360 (SOFR's), 30 ÷ 360 (1/12 a month), actual ÷ 365. */
export type DayCount = "act_360" | "30_360" | "act_365f";

/** What a hedge settles on, tagged by `kind`: a share of the balance after each month's draw
 * (in [0, 1]), or USD a month from month 1 (each ≥ 0; later months settle on nothing). */
export type Notional =
  | { kind: "share_of_balance"; share: DecimalInput }
  | { kind: "amounts"; usd: DecimalInput[] };

/** A swap: the borrower pays `fixed_annual_rate` (> −1) and receives SOFR (as quoted, before the
 * floor) on the notional, on the loan's day count; the net settlement is debt service. */
export interface Swap {
  fixed_annual_rate: DecimalInput;
  notional: Notional;
}

/** A cap: the borrower receives max(SOFR − strike, 0) on the notional each month, for a premium
 * (≥ 0) paid at the close. */
export interface Cap {
  strike_annual_rate: DecimalInput;
  notional: Notional;
  premium_usd: DecimalInput;
}

/** A loan's calendar and hedges (all optional): month m runs from `start_date` + (m − 1) months to
 * `start_date` + m months; the day count defaults to ACT/360 for a floating rate, 30/360 for a
 * fixed one (30/360 without a date); swaps and caps hedge floating rates only. */
export interface LoanConventions {
  /** The close, `YYYY-MM-DD`; needed by the actual day counts. */
  start_date?: string | null;
  day_count?: DayCount | null;
  swap?: Swap | null;
  cap?: Cap | null;
}

/** When the loan is drawn, tagged by `kind`; entry i is month i + 1, missing months draw nothing. */
export type DrawSchedule =
  /** The whole commitment in month 1 (the default). */
  | { kind: "at_close" }
  /** USD a month (a GPU delivery schedule), each ≥ 0, in all at most the commitment. */
  | { kind: "amounts"; usd: DecimalInput[] }
  /** Shares of the commitment a month, each ≥ 0, in all at most 1. */
  | { kind: "shares"; of_commitment: DecimalInput[] };

/** How the loan is repaid after the capitalization period, tagged by `kind`. */
export type Amortization =
  /** An annuity (Excel's PMT over the months left), reset by a draw or a new rate. */
  | { kind: "level_payment" }
  /** Equal principal (the balance ÷ the months left, reset by a draw). */
  | { kind: "straight" }
  /** Interest only, all the principal at maturity. */
  | { kind: "bullet" }
  /** Debt service = max(CFADS, 0) ÷ target_dscr each month (`cfads_usd[i]` is month i + 1, at
   * least `tenor_months` values; target > 0). A service below the interest capitalizes the
   * rest; a loan below its capacity is repaid early; above it is a `DOMAIN` error. */
  | { kind: "sculpted"; cfads_usd: DecimalInput[]; target_dscr: DecimalInput };

/** The inputs of {@link debt_schedule}. */
export interface LoanInputs extends LoanConventions {
  /** The most that may be drawn, greater than 0. */
  commitment_usd: DecimalInput;
  /** Months from the close to maturity, 1 to 1200; the last month repays the balance. */
  tenor_months: number;
  /** Interest of months 1 to this one is capitalized (construction); amortization starts the
   * month after. Default 0, below `tenor_months`. */
  capitalize_until_month?: number;
  /** Default `{ kind: "at_close" }`. */
  draws?: DrawSchedule;
  /** Months in which the loan may be drawn (1 to `tenor_months`; default: to the last draw);
   * the commitment fee runs on the undrawn amount until then. */
  availability_months?: number | null;
  interest: LoanInterest;
  amortization: Amortization;
  fees?: {
    /** At the close, a share of the commitment in [0, 1] (default 0). */
    upfront_fee_share_of_commitment?: DecimalInput;
    /** A year on the undrawn commitment during the availability period, ≥ 0 (default 0). */
    commitment_fee_annual_rate?: DecimalInput;
  };
}

/** One month of a {@link DebtSchedule}: closing = opening + draw + capitalized − principal, exactly. */
export interface DebtMonth {
  month: number;
  /** The fixed rate, or max(SOFR, floor) + spread. */
  annual_rate: DecimalString;
  /** Days accrued: 30 under 30/360, else the calendar's. */
  days: number;
  opening_balance_usd: DecimalString;
  draw_usd: DecimalString;
  /** The commitment undrawn after the draw, during the availability period (0 after). */
  undrawn_usd: DecimalString;
  /** (opening + draw) × annual_rate × days ÷ basis: paid or capitalized. */
  interest_usd: DecimalString;
  capitalized_interest_usd: DecimalString;
  interest_paid_usd: DecimalString;
  principal_usd: DecimalString;
  /** The swap's net settlement (paid when positive). */
  swap_settlement_usd: DecimalString;
  /** The cap's payout (received). */
  cap_payout_usd: DecimalString;
  /** interest paid + principal + swap − cap, without fees (as DSCR covenants count it). */
  debt_service_usd: DecimalString;
  /** At the close, in month 1 only. */
  upfront_fee_usd: DecimalString;
  /** The cap's premium, at the close (month 1 only). */
  cap_premium_usd: DecimalString;
  commitment_fee_usd: DecimalString;
  closing_balance_usd: DecimalString;
}

/** The totals of a {@link DebtSchedule}; principal = drawn + capitalized interest, exactly. */
export interface DebtTotals {
  drawn_usd: DecimalString;
  interest_usd: DecimalString;
  capitalized_interest_usd: DecimalString;
  interest_paid_usd: DecimalString;
  principal_usd: DecimalString;
  swap_settlement_usd: DecimalString;
  cap_payout_usd: DecimalString;
  debt_service_usd: DecimalString;
  upfront_fee_usd: DecimalString;
  cap_premium_usd: DecimalString;
  commitment_fee_usd: DecimalString;
  fees_usd: DecimalString;
}

/** The result of {@link debt_schedule}. */
export interface DebtSchedule {
  /** Months 1 to `tenor_months`. */
  months: DebtMonth[];
  totals: DebtTotals;
  /** The last month owing a balance: `tenor_months`, or earlier for a sculpted loan below its capacity. */
  maturity_month: number;
  /** IRR of the lender's flows (−draws + upfront fee at t = 0; debt service + commitment fee at the
   * end of month t, less the next draw); null when they have none. */
  all_in_monthly_rate: DecimalString | null;
  /** (1 + all_in_monthly_rate)^12 − 1: an effective annual rate. */
  all_in_annual_rate: DecimalString | null;
}

/**
 * A loan month by month: draws (at the start of their month), interest capitalized through
 * `capitalize_until_month` then paid, principal by the amortization, upfront and commitment
 * fees, balances, totals, the maturity month and the lender's all-in cost. The balance is zero
 * at maturity exactly.
 *
 * @param inputs - see {@link LoanInputs}
 * @returns one row per month and the totals; see {@link DebtSchedule}
 * @throws {GpueconError} `DOMAIN` naming the first bad input by its path (`commitment_usd`,
 *   `tenor_months`, `draws.usd[2]` negative, above the commitment or after the availability
 *   period, `interest.annual_rate` ≤ −1, `interest.sofr_annual_rates[0]`,
 *   `amortization.target_dscr` ≤ 0 or above the loan's capacity, `amortization.cfads_usd` too
 *   short, `fees.…`); `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { debt_schedule } from "gpuecon";
 * const s = debt_schedule({ commitment_usd: 1000000, tenor_months: 36,
 *   interest: { kind: "fixed", annual_rate: 0.12 }, amortization: { kind: "level_payment" } });
 * s.months[0].debt_service_usd;  // "33214.309812851195" (Excel: PMT(1%, 36, -1000000))
 * s.months[0].interest_paid_usd; // "10000"
 * s.months[35].closing_balance_usd; // "0"
 * s.all_in_annual_rate;           // "0.1268250301…" (1.01^12 − 1)
 */
export declare function debt_schedule(inputs: LoanInputs): DebtSchedule;

/** The inputs of {@link sculpted_debt_capacity}. */
export interface DebtCapacityInputs extends LoanConventions {
  /** USD a month from month 1, at least `tenor_months` values; a month ≤ 0 services nothing. */
  cfads_usd: DecimalInput[];
  /** Greater than 0. */
  target_dscr: DecimalInput;
  interest: LoanInterest;
  /** 1 to 1200. */
  tenor_months: number;
  /** Months of capitalized interest (no service) first; default 0, below `tenor_months`. */
  capitalize_until_month?: number;
}

/** The result of {@link sculpted_debt_capacity}. */
export interface DebtCapacity {
  /** The present value at the loan's rate of the target service: the largest loan, drawn at the
   * close, that sculpting repays by maturity. */
  debt_capacity_usd: DecimalString;
  /** Months 1 to `tenor_months`: 0 while capitalizing, then max(CFADS, 0) ÷ target DSCR. */
  target_debt_service_usd: DecimalString[];
}

/**
 * The largest loan that debt service of CFADS ÷ target DSCR repays by maturity:
 * V_T = 0, V_(m−1) = (V_m + S_m − F_m) / (1 + (a_m + g_m) × days_m ÷ basis), capacity = V_0
 * (a_m the rate, g_m the hedges' cost per dollar of balance, F_m their stated notionals' cost). Inversely proportional to the
 * target: to sculpt a smaller loan L over the whole tenor, use the target (capacity at 1) ÷ L.
 *
 * @param inputs - see {@link DebtCapacityInputs}
 * @returns see {@link DebtCapacity}
 * @throws {GpueconError} `DOMAIN` on `cfads_usd` (too short), `target_dscr` (≤ 0), `interest.…`,
 *   `tenor_months`, `capitalize_until_month`; `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { sculpted_debt_capacity } from "gpuecon";
 * sculpted_debt_capacity({ cfads_usd: [130000, 130000, 130000], target_dscr: 1.3,
 *   interest: { kind: "fixed", annual_rate: 0.12 }, tenor_months: 3 })
 *   .debt_capacity_usd; // "294098.520723555543" (100,000 × (1/1.01 + 1/1.01² + 1/1.01³))
 */
export declare function sculpted_debt_capacity(inputs: DebtCapacityInputs): DebtCapacity;

/** The taxes of a box: only `income_tax_rate` is required. */
export interface Taxes {
  /** In [0, 1]: 0.21 federal, about 0.25 with a state's. */
  income_tax_rate: DecimalInput;
  /** Deductible interest as a share of ATI (EBITDA), in [0, 1] (default 0.30, IRC 163(j)). */
  interest_limit_share_of_ebitda?: DecimalInput;
  /** Share of taxable income carried losses may offset, in [0, 1] (default 0.80). */
  nol_limit_share_of_taxable_income?: DecimalInput;
  /** MACRS class: 3, 5, 7, 10, 15 or 20 (default 5: GPU servers, asset class 00.12). */
  macrs_recovery_years?: number;
  /** Bonus depreciation in the year placed in service, in [0, 1] (default 0). */
  bonus_depreciation_share?: DecimalInput;
  /** Property tax a year on the equipment's cost, in [0, 1] (default 0). */
  property_tax_rate?: DecimalInput;
}

/** The inputs of {@link tax_schedule}. */
export interface TaxInputs {
  /** EBITDA before property tax, USD a month from month 1 (1 to 1200 months). */
  ebitda_usd: DecimalInput[];
  /** Interest expense as accrued, a month (default none; at most the horizon). */
  interest_usd?: DecimalInput[];
  /** Cost placed in service: entry 0 at the close, entry k at the end of month k (each ≥ 0). */
  placed_in_service_usd: DecimalInput[];
  taxes: Taxes;
}

/** One month of a {@link TaxSchedule}. */
export interface TaxMonth {
  month: number;
  property_tax_usd: DecimalString;
  /** An estimated installment of its tax year (months 4, 6, 9 and 12 of it). */
  income_tax_usd: DecimalString;
  taxes_usd: DecimalString;
}

/** One tax year (12 months from the close; the last may be shorter). */
export interface TaxYear {
  year: number;
  first_month: number;
  last_month: number;
  ebitda_usd: DecimalString;
  property_tax_usd: DecimalString;
  adjusted_taxable_income_usd: DecimalString;
  bonus_depreciation_usd: DecimalString;
  macrs_depreciation_usd: DecimalString;
  interest_usd: DecimalString;
  interest_carried_in_usd: DecimalString;
  interest_deductible_usd: DecimalString;
  interest_carried_forward_usd: DecimalString;
  taxable_income_before_nol_usd: DecimalString;
  nol_used_usd: DecimalString;
  nol_balance_usd: DecimalString;
  taxable_income_usd: DecimalString;
  income_tax_usd: DecimalString;
}

/** The result of {@link tax_schedule}. */
export interface TaxSchedule {
  months: TaxMonth[];
  years: TaxYear[];
  totals: { income_tax_usd: DecimalString; property_tax_usd: DecimalString; taxes_usd: DecimalString };
}

/**
 * A box's taxes: income tax on tax years of 12 months from the close (EBT = EBITDA − property
 * tax − bonus and MACRS depreciation − interest allowed by 163(j), losses carried forward and
 * offsetting at most 80 % of taxable income), paid in installments of 25 % in months 4, 6, 9
 * and 12 of the year; property tax monthly on cost.
 *
 * @param inputs - see {@link TaxInputs}
 * @returns months, tax years and totals; see {@link TaxSchedule}
 * @throws {GpueconError} `DOMAIN` naming the first bad input by its path (`ebitda_usd`,
 *   `placed_in_service_usd[2]`, `taxes.income_tax_rate`, `taxes.macrs_recovery_years`, …);
 *   `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { tax_schedule } from "gpuecon";
 * const t = tax_schedule({ ebitda_usd: Array(12).fill(100000), placed_in_service_usd: [1000000],
 *   taxes: { income_tax_rate: "0.21", bonus_depreciation_share: 1 } });
 * t.years[0].income_tax_usd; // "42000" (0.21 × (1,200,000 − 1,000,000))
 */
export declare function tax_schedule(inputs: TaxInputs): TaxSchedule;

// ---------------------------------------------------------------------------------------
// Power (docs/domain.md section 7): PUE, power purchase agreements, the energy bill and
// curtailment. Electricity prices are in USD per MWh; energies in MWh (kWh for energy_split).
// Months are on the monthly timeline (month 1 first, 730 hours each).

/** The inputs of {@link energy_split}. */
export interface EnergySplitInputs {
  /** IT energy in kWh, at least 0. */
  it_kwh: DecimalInput;
  /** Facility energy ÷ IT energy, at least 1. */
  pue: DecimalInput;
}

/** The result of {@link energy_split}: `it_kwh + overhead_kwh = facility_kwh` exactly. */
export interface EnergySplit {
  it_kwh: DecimalString;
  /** it_kwh × (PUE − 1): cooling, power conversion, lighting. */
  overhead_kwh: DecimalString;
  /** it_kwh × PUE: what the facility draws. */
  facility_kwh: DecimalString;
}

/**
 * IT energy against facility energy: facility = IT × PUE (PUE applied once), overhead =
 * IT × (PUE − 1).
 *
 * @param inputs - see {@link EnergySplitInputs}
 * @returns see {@link EnergySplit}
 * @throws {GpueconError} `DOMAIN` on `it_kwh` (negative) or `pue` (below 1); `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { energy_split } from "gpuecon";
 * energy_split({ it_kwh: 1000, pue: "1.54" }).facility_kwh; // "1540"
 */
export declare function energy_split(inputs: EnergySplitInputs): EnergySplit;

/**
 * A power purchase agreement, tagged by `kind`; prices in USD per MWh (at least 0).
 * `market`: every MWh at market (the default); `fixed_price`: at a fixed price; `indexed`:
 * market + adder; `virtual`: bought at market, plus a contract for difference settled each
 * month on a fixed volume, (market − strike) × volume (received when positive, paid when
 * negative), so the hedged volume costs strike × volume; `collar`: the market price held
 * within [floor, cap] (cap at least the floor).
 */
export type Ppa =
  | { kind: "market" }
  | { kind: "fixed_price"; usd_per_mwh: DecimalInput }
  | { kind: "indexed"; adder_usd_per_mwh: DecimalInput }
  | { kind: "virtual"; strike_usd_per_mwh: DecimalInput; volume_mwh_per_month: DecimalInput }
  | { kind: "collar"; floor_usd_per_mwh: DecimalInput; cap_usd_per_mwh: DecimalInput };

/**
 * The IT load, tagged by `kind`. `fleet`: IT MWh = gpus × it_kw_per_gpu × load_factor × 730 / 1000
 * each month (gpus > 0, kW ≥ 0, load factor in [0, 1]); `metered`: IT MWh per month, one per
 * market price (each ≥ 0), with an optional GPU count for the cost per GPU-hour.
 */
export type Load =
  | { kind: "fleet"; gpus: DecimalInput; it_kw_per_gpu: DecimalInput; load_factor: DecimalInput }
  | { kind: "metered"; it_mwh: DecimalInput[]; gpus?: DecimalInput | null };

/** The inputs of {@link energy_cost}. */
export interface EnergyCostInputs {
  /** Market price in USD per MWh for months 1, 2, … (1 to 1200 values; may be negative). */
  market_usd_per_mwh: DecimalInput[];
  load: Load;
  /** At least 1; applied once, to IT energy. */
  pue: DecimalInput;
  /** Default `{ kind: "market" }`. */
  ppa?: Ppa;
}

/** One month of an {@link EnergyCost}; amounts kept to 12 decimals. */
export interface EnergyCostMonth {
  month: number;
  market_usd_per_mwh: DecimalString;
  it_mwh: DecimalString;
  /** it_mwh × PUE: what is bought. */
  facility_mwh: DecimalString;
  /** Paid per MWh bought under the PPA. */
  price_usd_per_mwh: DecimalString;
  /** facility_mwh × price_usd_per_mwh. */
  energy_bought_usd: DecimalString;
  /** Virtual PPA settlement: received when positive, paid when negative; else "0". */
  ppa_settlement_usd: DecimalString;
  /** energy_bought_usd − ppa_settlement_usd. */
  net_cost_usd: DecimalString;
  /** net cost ÷ (gpus × 730); null without a GPU count. */
  usd_per_gpu_hour: DecimalString | null;
}

/** The result of {@link energy_cost}. */
export interface EnergyCost {
  months: EnergyCostMonth[];
  totals: {
    it_mwh: DecimalString;
    facility_mwh: DecimalString;
    overhead_mwh: DecimalString;
    energy_bought_usd: DecimalString;
    ppa_settlement_usd: DecimalString;
    net_cost_usd: DecimalString;
    /** Net cost ÷ facility MWh; null when no energy was bought. */
    usd_per_mwh: DecimalString | null;
    /** Net cost ÷ (gpus × 730 × months); null without a GPU count. */
    usd_per_gpu_hour: DecimalString | null;
  };
}

/**
 * The electricity bill month by month: facility MWh = IT MWh × PUE, bought at the PPA's
 * price; a virtual PPA's settlement (market − strike) × volume is netted; the cost per
 * available GPU-hour follows.
 *
 * @param inputs - see {@link EnergyCostInputs}
 * @returns one row a month and the totals; see {@link EnergyCost}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`market_usd_per_mwh` empty or
 *   over 1200 months, `load.it_mwh` of the wrong length, `load.load_factor`, `pue`,
 *   `ppa.cap_usd_per_mwh` below the floor, …); `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { energy_cost } from "gpuecon";
 * const bill = energy_cost({
 *   market_usd_per_mwh: [80],
 *   load: { kind: "fleet", gpus: 1000, it_kw_per_gpu: "1.275", load_factor: "0.8" },
 *   pue: "1.25",
 *   ppa: { kind: "virtual", strike_usd_per_mwh: 60, volume_mwh_per_month: 900 },
 * });
 * bill.months[0].facility_mwh;   // "930.75"  (744.6 MWh of IT × 1.25)
 * bill.months[0].net_cost_usd;   // "56460"   (930.75 × 80 − (80 − 60) × 900)
 * bill.totals.usd_per_gpu_hour;  // "0.0773424657534246575342465753"
 */
export declare function energy_cost(inputs: EnergyCostInputs): EnergyCost;

/** The inputs of {@link curtailment_cost}. */
export interface CurtailmentInputs {
  /** Greater than 0. */
  gpus: DecimalInput;
  /** IT kW per GPU while running, greater than 0. */
  it_kw_per_gpu: DecimalInput;
  /** At least 1: the facility draws IT kW × PUE. */
  pue: DecimalInput;
  /**
   * The hours cut: `events` lists them month by month (each in [0, 730], 1 to 1200 months);
   * `share` cuts the same share of every month's 730 hours.
   */
  curtailed:
    | { kind: "events"; hours_per_month: DecimalInput[] }
    | { kind: "share"; share_of_hours: DecimalInput; months: number };
  /** What a GPU-hour earns before power (price less costs that stop with it), at least 0. */
  margin_usd_per_gpu_hour: DecimalInput;
  /** The price of the power not bought in the hours cut (may be negative). */
  power_price_usd_per_mwh: DecimalInput;
  /** Paid by the grid per MWh curtailed, at least 0 (default 0). */
  demand_response_usd_per_mwh?: DecimalInput;
  /** The capital cost of a GPU-hour, at least 0, for domain.md's capital break-even (optional). */
  capital_usd_per_gpu_hour?: DecimalInput | null;
}

/** One month of a {@link CurtailmentCost}; the totals have the same fields but `month`. */
export interface CurtailmentMonth {
  month: number;
  hours_cut: DecimalString;
  /** hours_cut × gpus. */
  gpu_hours_cut: DecimalString;
  /** hours_cut × draw_mw. */
  mwh_curtailed: DecimalString;
  /** gpu_hours_cut × margin. */
  lost_margin_usd: DecimalString;
  /** mwh_curtailed × power price. */
  power_saved_usd: DecimalString;
  /** mwh_curtailed × demand-response price. */
  demand_response_usd: DecimalString;
  /** lost − saved − demand response (negative: curtailing paid). */
  net_cost_usd: DecimalString;
}

/** The result of {@link curtailment_cost}. */
export interface CurtailmentCost {
  /** gpus × it_kw_per_gpu × PUE / 1000. */
  draw_mw: DecimalString;
  /** margin × gpus ÷ draw_mw − demand-response price: above this power price curtailing pays. */
  break_even_usd_per_mwh: DecimalString;
  /** power_price_usd_per_mwh > break_even_usd_per_mwh. */
  curtailing_pays: boolean;
  /** domain.md's capital cost per hour ÷ MW drawn (capital × gpus ÷ draw_mw); null without a capital cost. */
  capital_break_even_usd_per_mwh: DecimalString | null;
  months: CurtailmentMonth[];
  totals: Omit<CurtailmentMonth, "month">;
}

/**
 * The cost of curtailment: hours cut × (margin lost) − power not bought − demand-response
 * payments, month by month, and the break-even power price (the margin an hour earns ÷ the
 * MWh it draws, less the demand-response price). domain.md's capital cost per hour ÷ MW drawn
 * is reported beside it: it is the price at which an hour's power costs as much as the capital
 * the hour carries, and equals the break-even only when the margin before power equals the
 * capital charge.
 *
 * @param inputs - see {@link CurtailmentInputs}
 * @returns see {@link CurtailmentCost}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`gpus`, `pue`,
 *   `curtailed.hours_per_month[3]` outside [0, 730], `curtailed.share_of_hours`, …); `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { curtailment_cost } from "gpuecon";
 * const c = curtailment_cost({
 *   gpus: 1000, it_kw_per_gpu: "1.25", pue: "1.2",
 *   curtailed: { kind: "events", hours_per_month: [10] },
 *   margin_usd_per_gpu_hour: "1.20", power_price_usd_per_mwh: 1000, demand_response_usd_per_mwh: 50,
 * });
 * c.break_even_usd_per_mwh; // "750"   (1,200 / 1.5 MW − 50)
 * c.totals.net_cost_usd;    // "-3750" (12,000 lost − 15,000 saved − 750 demand response)
 */
export declare function curtailment_cost(inputs: CurtailmentInputs): CurtailmentCost;

// ---------------------------------------------------------------------------------------
// Facility (docs/domain.md section 7): racks and cooling, MW ↔ GPUs, colocation and
// hyperscale leases, published deal rates, and the cost of grid interconnection delay.
// Capacities are critical IT kW or MW (before PUE).

/** The inputs of {@link rack_density}. Counts are whole numbers. */
export interface RackDensityInputs {
  /** IT kW of a node, greater than 0 (DGX H100 10.2, DGX B200 14.3). */
  node_kw: DecimalInput;
  /** Nodes to house, greater than 0. */
  nodes: number;
  /** Nodes in a full rack, greater than 0. */
  nodes_per_rack: number;
  /** Racks in a row, greater than 0. */
  racks_per_row: number;
  /** Above this many kW a rack air cannot cool it (default 35: air tops out near 30-40 kW). */
  air_cooling_limit_kw_per_rack?: DecimalInput;
  /** PUE with air cooling, at least 1 (optional). */
  air_cooling_pue?: DecimalInput | null;
  /** Liquid cooling's capex per kW of IT load (≥ 0) and PUE (≥ 1), used when required (optional). */
  liquid_cooling?: { capex_usd_per_kw: DecimalInput; pue: DecimalInput } | null;
}

/** The result of {@link rack_density}. */
export interface RackDensity {
  /** node_kw × nodes_per_rack. */
  kw_per_rack: DecimalString;
  /** node_kw × nodes. */
  total_kw: DecimalString;
  /** ⌈nodes ÷ nodes_per_rack⌉: racks × kw_per_rack ≥ total_kw. */
  racks: number;
  /** ⌈racks ÷ racks_per_row⌉. */
  rows: number;
  /** kw_per_rack above the air-cooling limit. */
  liquid_cooling_required: boolean;
  /** capex_usd_per_kw × total_kw when liquid cooling is required and given, else null. */
  liquid_cooling_capex_usd: DecimalString | null;
  /** Liquid cooling's PUE when required, else air cooling's; null when not given. */
  pue: DecimalString | null;
}

/**
 * Rack density: kW per rack, racks and rows, and whether the racks need liquid cooling
 * (above the air-cooling limit, 35 kW by default), with its capex and PUE.
 *
 * @param inputs - see {@link RackDensityInputs}
 * @returns see {@link RackDensity}
 * @throws {GpueconError} `DOMAIN` on `node_kw`, `nodes`, `nodes_per_rack`, `racks_per_row`,
 *   `air_cooling_limit_kw_per_rack`, `air_cooling_pue`, `liquid_cooling.pue`, …; `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { rack_density } from "gpuecon";
 * const r = rack_density({ node_kw: "10.2", nodes: 125, nodes_per_rack: 4, racks_per_row: 10,
 *   liquid_cooling: { capex_usd_per_kw: 1500, pue: "1.15" } });
 * r.kw_per_rack;              // "40.8" (above 35 kW: liquid cooling)
 * [r.racks, r.rows];          // [32, 4]
 * r.liquid_cooling_capex_usd; // "1912500" (1,275 kW × $1,500)
 */
export declare function rack_density(inputs: RackDensityInputs): RackDensity;

/**
 * The whole GPUs a critical IT capacity holds: ⌊MW × 1000 ÷ kW per GPU⌋, the kW they use and
 * the kW left over (less than one GPU's).
 *
 * @param inputs - `critical_it_mw` at least 0; `kw_per_gpu` all-in IT kW per GPU, greater than 0
 * @throws {GpueconError} `DOMAIN` on `critical_it_mw` or `kw_per_gpu`; `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { mw_to_gpus } from "gpuecon";
 * mw_to_gpus({ critical_it_mw: 1, kw_per_gpu: "1.275" }); // { gpus: "784", used_kw: "999.6", spare_kw: "0.4" }
 */
export declare function mw_to_gpus(inputs: { critical_it_mw: DecimalInput; kw_per_gpu: DecimalInput }): {
  gpus: DecimalString;
  used_kw: DecimalString;
  spare_kw: DecimalString;
};

/**
 * The critical IT capacity GPUs need: gpus × kW per GPU, in kW and MW.
 *
 * @param inputs - `gpus` at least 0; `kw_per_gpu` greater than 0
 * @throws {GpueconError} `DOMAIN` on `gpus` or `kw_per_gpu`; `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { gpus_to_mw } from "gpuecon";
 * gpus_to_mw({ gpus: 784, kw_per_gpu: "1.275" }).critical_it_mw; // "0.9996"
 */
export declare function gpus_to_mw(inputs: { gpus: DecimalInput; kw_per_gpu: DecimalInput }): {
  critical_it_kw: DecimalString;
  critical_it_mw: DecimalString;
};

/**
 * A tenant's cost under a triple-net lease, in USD: usd_per_kw_month on the contracted kW plus
 * usd_per_year / 12 a month, escalated by its own annual_escalator (> −1) each 12 lease months.
 * Every field defaults to 0; amounts at least 0.
 */
export interface PassThrough {
  usd_per_kw_month?: DecimalInput;
  usd_per_year?: DecimalInput;
  annual_escalator?: DecimalInput;
}

/** The inputs of {@link lease_schedule}. */
export interface LeaseInputs {
  /** Contracted critical IT kW, greater than 0 (hyperscale: 20,000-200,000), billed used or not. */
  contracted_kw: DecimalInput;
  /** First-year rent per kW-month, at least 0 (CBRE primary markets $184-195). */
  usd_per_kw_month: DecimalInput;
  /** Months, greater than 0 (hyperscale: 120-180); the lease ends by month 1200. */
  term_months: number;
  /** The lease's first month on the timeline (default 1). */
  start_month?: number;
  /** The rent's increase each 12 lease months, greater than −1 (default 0; 3 % is common). */
  annual_escalator?: DecimalInput;
  /** Modified gross (default: the rent covers taxes, insurance, maintenance) or triple-net. */
  structure?:
    | { kind: "modified_gross" }
    | { kind: "triple_net"; taxes?: PassThrough; insurance?: PassThrough; maintenance?: PassThrough };
  /** Discount rate a year (> −1) for the present value (optional). */
  annual_discount_rate?: DecimalInput | null;
}

/** One month of a {@link LeaseSchedule}; amounts kept to 12 decimals. */
export interface LeaseMonth {
  /** On the timeline. */
  month: number;
  /** 1 for the lease's first month. */
  lease_month: number;
  /** usd_per_kw_month × (1 + escalator)^⌊(lease_month − 1) / 12⌋. */
  rent_usd_per_kw_month: DecimalString;
  /** contracted_kw × rent_usd_per_kw_month. */
  rent_usd: DecimalString;
  /** Triple-net items ("0" under modified gross). */
  taxes_usd: DecimalString;
  insurance_usd: DecimalString;
  maintenance_usd: DecimalString;
  /** rent + taxes + insurance + maintenance. */
  total_usd: DecimalString;
}

/** The result of {@link lease_schedule}. */
export interface LeaseSchedule {
  months: LeaseMonth[];
  totals: {
    rent_usd: DecimalString;
    taxes_usd: DecimalString;
    insurance_usd: DecimalString;
    maintenance_usd: DecimalString;
    /** The total contract value, undiscounted. */
    total_usd: DecimalString;
    /** contracted_kw × term_months. */
    kw_months: DecimalString;
    /** total_usd ÷ kw_months: the all-in average, as deals are quoted. */
    usd_per_kw_month: DecimalString;
    /** NPV of the payments at month 0, each at its month's end; null without a rate. */
    present_value_usd: DecimalString | null;
  };
}

/**
 * A colocation or hyperscale lease month by month: rent on contracted critical IT kW with an
 * annual escalator applied each 12 months from the lease start, and under triple-net the
 * tenant's taxes, insurance and maintenance as separate items. Hyperscale leases (typically
 * 20-200 MW for 10-15 years, NNN) are the same model; any positive size and term is accepted.
 *
 * @param inputs - see {@link LeaseInputs}
 * @returns see {@link LeaseSchedule}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`contracted_kw`, `term_months`,
 *   `start_month`, `annual_escalator` ≤ −1, `structure.taxes.usd_per_year`, …); `OVERFLOW`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { lease_schedule } from "gpuecon";
 * const l = lease_schedule({ contracted_kw: 1000, usd_per_kw_month: 150, term_months: 24,
 *   annual_escalator: "0.03",
 *   structure: { kind: "triple_net", taxes: { usd_per_kw_month: 5 }, insurance: { usd_per_year: 24000 } } });
 * l.months[12].rent_usd; // "154500" (150 × 1.03 × 1,000 kW)
 * l.totals.total_usd;    // "3822000"
 */
export declare function lease_schedule(inputs: LeaseInputs): LeaseSchedule;

/**
 * The average rent a lease deal implies: total contract value ÷ (term months × contracted kW),
 * undiscounted, and its annual value. Core Scientific ↔ CoreWeave ($8.7B, 12 years, 500 MW)
 * works out to ~$121/kW-month, Applied Digital ↔ CoreWeave (~$11B, ~15 years, 400 MW) ~$153,
 * TeraWulf ↔ Fluidstack ($3.7B, 10 years, 200 MW) ~$154.
 *
 * @param inputs - the value in USD, the term in months and the capacity in MW, each greater than 0
 * @throws {GpueconError} `DOMAIN` on `total_contract_value_usd`, `term_months` or
 *   `contracted_mw`; `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { implied_lease_rate } from "gpuecon";
 * const d = implied_lease_rate({ total_contract_value_usd: "8700000000", term_months: 144, contracted_mw: 500 });
 * d.usd_per_kw_month; // "120.83333333333333333333333333"
 * d.annual_value_usd; // "725000000"
 */
export declare function implied_lease_rate(inputs: {
  total_contract_value_usd: DecimalInput;
  term_months: number;
  contracted_mw: DecimalInput;
}): {
  contracted_kw: DecimalString;
  kw_months: DecimalString;
  usd_per_kw_month: DecimalString;
  annual_value_usd: DecimalString;
};

/** The inputs of {@link interconnection_delay}. */
export interface InterconnectionInputs {
  /** The expected connection month (0: now); cash flows from the month after. */
  expected_connection_month: number;
  /** The delay to price, in months (0 allowed). */
  delay_months: number;
  /** Months of operation once connected, greater than 0; connection + max(delay, 1) + these ≤ 1200. */
  operating_months: number;
  /** Net cash flow a month once connected (may be negative). */
  monthly_net_cash_flow_usd: DecimalInput;
  /** Network upgrade costs, at least 0 (default 0). */
  upgrade_cost_usd?: DecimalInput;
  /** Paid now (`upfront`, the default) or at the end of the connection month (`at_connection`). */
  upgrade_paid?: "upfront" | "at_connection";
  /** Cash spent each month while waiting (lease, staff, interest), at least 0 (default 0). */
  holding_cost_usd_per_month?: DecimalInput;
  /** Discount rate a year, greater than −1. */
  annual_discount_rate: DecimalInput;
}

/** The result of {@link interconnection_delay}; NPVs kept to 12 decimals. */
export interface InterconnectionDelay {
  /** (1 + annual)^(1/12) − 1 (f64 root, converted once). */
  monthly_discount_rate: DecimalString;
  /** NPV(t). */
  npv_on_schedule_usd: DecimalString;
  /** NPV(t) − NPV(t + 1). */
  cost_of_one_month_usd: DecimalString;
  /** NPV(t + d). */
  npv_delayed_usd: DecimalString;
  /** NPV(t) − NPV(t + d). */
  cost_of_delay_usd: DecimalString;
  /** One row per month of delay: its NPV, its marginal cost and the cost so far. */
  delays: Array<{
    delay_months: number;
    connection_month: number;
    npv_usd: DecimalString;
    marginal_cost_usd: DecimalString;
    cumulative_cost_usd: DecimalString;
  }>;
}

/**
 * The NPV cost of waiting in the grid interconnection queue: NPV(connect at t) − NPV(connect
 * at t + 1) for one month, NPV(t) − NPV(t + d) for a delay of d months. A delay shifts the
 * whole operating period (revenue deferred while capital waits) and adds holding costs; upfront
 * upgrade costs cancel, upgrades paid at connection are deferred too.
 *
 * @param inputs - see {@link InterconnectionInputs}
 * @returns see {@link InterconnectionDelay}
 * @throws {GpueconError} `DOMAIN` naming the first bad input (`expected_connection_month`,
 *   `delay_months`, `operating_months`, `upgrade_cost_usd`, `annual_discount_rate` ≤ −1);
 *   `OVERFLOW`; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { interconnection_delay } from "gpuecon";
 * const d = interconnection_delay({ expected_connection_month: 12, delay_months: 6,
 *   operating_months: 120, monthly_net_cash_flow_usd: 1000000,
 *   holding_cost_usd_per_month: 150000, annual_discount_rate: 0 });
 * d.cost_of_delay_usd; // "900000" (at 0 % only the holding costs: 6 × 150,000)
 * // at annual_discount_rate: 0.1 the deferral costs more: "4055818.846953436551"
 */
export declare function interconnection_delay(inputs: InterconnectionInputs): InterconnectionDelay;

// ---------------------------------------------------------------------------------------
// Decentralized compute networks (docs/domain.md section 12): io.net's hourly emissions,
// Render's burn-mint equilibrium, Akash's take rate, a node operator's ROI in fiat. Token
// and USD amounts are kept to 18 decimal places, so rows add up to their totals exactly.

/** The inputs of {@link emission_schedule}. An epoch is an hour. */
export interface EmissionScheduleInputs {
  /** Tokens at launch, greater than 0 (io.net: 500,000,000). */
  initial_supply_tokens: DecimalInput;
  /** The supply cap, greater than the initial supply (io.net: 800,000,000). */
  max_supply_tokens: DecimalInput;
  /** The first year's inflation as a share of the initial supply, at least 0 (io.net: 0.08); epoch 1's rate is this / 8760. */
  initial_annual_inflation_rate: DecimalInput;
  /** The rate's fall every epoch, in [0, 1] (io.net: "0.0000138869523959793"). */
  disinflation_rate_per_epoch: DecimalInput;
  /** The first epoch reported, at least 1 (default 1); earlier epochs are computed, not reported. */
  first_epoch?: number;
  /** Epochs in each row, greater than 0: 1 hourly, 730 monthly, 8760 yearly. */
  epochs_per_period: number;
  /** Rows, 1 to 1200; `first_epoch − 1 + epochs_per_period × periods` at most 876,000. */
  periods: number;
}

/** One row of an {@link EmissionSchedule}. */
export interface EmissionPeriod {
  period: number;
  first_epoch: number;
  last_epoch: number;
  emitted_tokens: DecimalString;
  /** 0 once the cap is reached. */
  last_epoch_emitted_tokens: DecimalString;
  /** The scheduled rate of the last epoch, e_T / initial supply. */
  last_epoch_inflation_rate: DecimalString;
  /** The supply at the end of the row, never above the cap. */
  total_supply_tokens: DecimalString;
}

/** The result of {@link emission_schedule}. */
export interface EmissionSchedule {
  periods: EmissionPeriod[];
  /** Tokens emitted in the reported rows. */
  emitted_tokens: DecimalString;
  total_supply_tokens: DecimalString;
  /** The epoch whose emission brings the supply to the cap; `null` if not reached by the last row. */
  cap_reached_epoch: number | null;
}

/**
 * A token emitted every hour on a disinflationary schedule up to its cap (io.net):
 * e₁ = S₀ × r / 8760, e_T = e_{T−1} × (1 − d), each epoch's emission capped at what is left
 * below the cap.
 *
 * @param inputs - see {@link EmissionScheduleInputs}
 * @returns see {@link EmissionSchedule}
 * @throws {GpueconError} `DOMAIN` on `max_supply_tokens` (not above the initial supply),
 *   `disinflation_rate_per_epoch` (outside [0, 1]), `periods` (past epoch 876,000);
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { emission_schedule } from "gpuecon";
 * emission_schedule({ initial_supply_tokens: 500e6, max_supply_tokens: 800e6,
 *   initial_annual_inflation_rate: 0.08, disinflation_rate_per_epoch: "0.0000138869523959793",
 *   epochs_per_period: 1, periods: 3 }).periods.map((p) => p.emitted_tokens);
 * // ["4566.210045662100456621", "4566.1466349205663045…", "4566.0832250596…"] (published: 4,566.21, 4,566.15, 4,566.08)
 */
export declare function emission_schedule(inputs: EmissionScheduleInputs): EmissionSchedule;

/** The inputs of {@link burn_mint}. */
export interface BurnMintInputs {
  /** The supply before the first period, at least 0. */
  initial_supply_tokens: DecimalInput;
  /** Tokens minted each period whatever is burned, at least 0 (Render's year 1: 760,567 a month). */
  minted_tokens_per_period: DecimalInput;
  /** The node operators' part of the emission, 0 to the emission (default 0; Render: 190,142 a month). */
  node_operator_tokens_per_period?: DecimalInput;
  /** The share of each job kept as a fee, not burned, in [0, 1] (Render: 0.05). */
  fee_rate: DecimalInput;
  /** 1 to 1200 periods: jobs in USD (at least 0) burned at the token's price (greater than 0). */
  periods: { jobs_usd: DecimalInput; token_price_usd: DecimalInput }[];
}

/** One period of a {@link BurnMint}. */
export interface BurnMintResult {
  period: number;
  jobs_usd: DecimalString;
  /** jobs × fee_rate. */
  fee_usd: DecimalString;
  /** jobs − fee. */
  burned_usd: DecimalString;
  /** burned_usd / token_price_usd. */
  burned_tokens: DecimalString;
  minted_tokens: DecimalString;
  /** minted − burned: positive when the supply grows. */
  net_supply_change_tokens: DecimalString;
  supply_tokens: DecimalString;
  /** burned_usd / minted: the price at which burn = mint; `null` when nothing is minted. */
  equilibrium_token_price_usd: DecimalString | null;
  /** The node operators' tokens at the period's price. */
  node_operator_rewards_usd: DecimalString;
}

/** The result of {@link burn_mint}. */
export interface BurnMint {
  periods: BurnMintResult[];
  fee_usd: DecimalString;
  burned_tokens: DecimalString;
  minted_tokens: DecimalString;
  net_supply_change_tokens: DecimalString;
  supply_tokens: DecimalString;
}

/**
 * A burn-and-mint equilibrium (Render): each period's jobs, priced in USD, burn tokens at the
 * token's price after the fee; a fixed emission is minted; the equilibrium price is
 * burned_usd / minted.
 *
 * @param inputs - see {@link BurnMintInputs}
 * @returns see {@link BurnMint}
 * @throws {GpueconError} `DOMAIN` on `periods[i].token_price_usd` (≤ 0), `fee_rate` (outside
 *   [0, 1]), `node_operator_tokens_per_period` (above the emission), `periods[i].jobs_usd`
 *   (burning more than the supply); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { burn_mint } from "gpuecon";
 * burn_mint({ initial_supply_tokens: 530e6, minted_tokens_per_period: 760567, fee_rate: 0.05,
 *   periods: [{ jobs_usd: 1e6, token_price_usd: 5 }] }).periods[0].net_supply_change_tokens;
 * // "570567" (760,567 minted − 950,000 / 5 burned)
 */
export declare function burn_mint(inputs: BurnMintInputs): BurnMint;

/** One lease of {@link take_rate_settlement}. */
export interface MarketplaceLease {
  /** The buyer's price per GPU-hour, at least 0. */
  usd_per_gpu_hour: DecimalInput;
  /** GPU-hours leased, at least 0. */
  gpu_hours: DecimalInput;
  /** The network's share, in [0, 1] (Akash, USDC settlements: 0.20). */
  take_rate: DecimalInput;
}

/** One lease settled. */
export interface LeaseSettlement {
  buyer_pays_usd: DecimalString;
  network_take_usd: DecimalString;
  /** buyer_pays − network_take, exactly. */
  provider_receives_usd: DecimalString;
  /** usd_per_gpu_hour × (1 − take_rate). */
  provider_usd_per_gpu_hour: DecimalString;
}

/** The result of {@link take_rate_settlement}. */
export interface TakeRateSettlement {
  leases: LeaseSettlement[];
  buyer_pays_usd: DecimalString;
  network_take_usd: DecimalString;
  provider_receives_usd: DecimalString;
  /** network_take / buyer_pays; `null` when the buyers pay nothing. */
  effective_take_rate: DecimalString | null;
}

/**
 * A marketplace's take rate (Akash): the buyer pays, the network takes its rate, the provider
 * receives the rest (provider + network = buyer, to the last digit).
 *
 * @param inputs - `{ leases }`, at least one {@link MarketplaceLease}
 * @returns see {@link TakeRateSettlement}
 * @throws {GpueconError} `DOMAIN` on `leases` (empty), `leases[i].take_rate` (outside [0, 1]),
 *   a negative price or hours; `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { take_rate_settlement } from "gpuecon";
 * take_rate_settlement({ leases: [{ usd_per_gpu_hour: 1.5, gpu_hours: 730, take_rate: 0.2 }] })
 *   .provider_receives_usd; // "876" (1,095 − 219)
 */
export declare function take_rate_settlement(inputs: { leases: MarketplaceLease[] }): TakeRateSettlement;

/** A token's price over the months: a start price times a {@link Curve}, or prices from month 0 (the last carried forward). */
export type TokenPricePath =
  | { kind: "curve"; start_usd_per_token: DecimalInput; curve: Curve }
  | { kind: "series"; usd_per_token: DecimalInput[] };

/** The inputs of {@link operator_roi}. */
export interface OperatorInputs {
  /** 1 to 1200. */
  months: number;
  /** Hardware bought at the start, at least 0. */
  hardware_usd: DecimalInput;
  /** The hardware's sale in the last month (default 0). */
  salvage_usd?: DecimalInput;
  /** GPUs the node runs, at least 0. */
  gpus: DecimalInput;
  /** The busy share of the hours, in [0, 1] (sets the power bill). */
  utilization: DecimalInput;
  /** Electricity per GPU, as in {@link owner_cost}. */
  power: OwnerCostInputs["power"];
  /** Hosting, bandwidth, staff a month (default 0). */
  other_usd_per_month?: DecimalInput;
  /** Rental income and fees received a month, after the network's take (default 0). */
  rental_income_usd_per_month?: DecimalInput;
  /** Token rewards a month before the reward curve (month m earns this × reward_curve(m)), at least 0. */
  reward_tokens_per_month: DecimalInput;
  /** The rewards' path, a multiplier from month 0 (default constant). */
  reward_curve?: Curve;
  /** Tokens staked: bought at the start price, sold at the last month's (default 0). */
  stake_tokens?: DecimalInput;
  /** The share of the stake slashed by the end, in [0, 1] (default 0). */
  slashed_share?: DecimalInput;
  /** Greater than −1. */
  annual_discount_rate: DecimalInput;
  /** 1 to 100 token price scenarios. */
  scenarios: { name?: string; price: TokenPricePath }[];
}

/** One month of a {@link ScenarioRoi}. */
export interface OperatorMonth {
  month: number;
  usd_per_token: DecimalString;
  reward_tokens: DecimalString;
  reward_usd: DecimalString;
  /** Rewards + rental − power − other (+ salvage and the stake in the last month). */
  cash_flow_usd: DecimalString;
  /** The investment included. */
  cumulative_cash_flow_usd: DecimalString;
}

/** One scenario of an {@link OperatorRoi}. */
export interface ScenarioRoi {
  name: string;
  /** Hardware + stake at the start price. */
  investment_usd: DecimalString;
  stake_usd: DecimalString;
  stake_returned_usd: DecimalString;
  reward_usd: DecimalString;
  net_cash_usd: DecimalString;
  /** net_cash / investment; `null` when nothing is invested. */
  roi: DecimalString | null;
  npv_usd: DecimalString;
  /** Annualized; `null` when the flows have no IRR. */
  irr_annual: DecimalString | null;
  /** The first month with a cumulative cash flow ≥ 0; `null` if none. */
  payback_month: number | null;
  months: OperatorMonth[];
}

/** The result of {@link operator_roi}. */
export interface OperatorRoi {
  power_usd_per_month: DecimalString;
  /** rental − power − other, a month. */
  fiat_margin_usd_per_month: DecimalString;
  reward_tokens: DecimalString;
  /** The constant token price with a net cash of 0; `null` when rewards net of slashing are not positive. */
  break_even_usd_per_token: DecimalString | null;
  scenarios: ScenarioRoi[];
}

/**
 * A node operator's fiat cash flows under token price scenarios: rewards × price + rental −
 * power − other each month, hardware and stake at the start, salvage and the unslashed stake
 * at the end; payback, ROI, NPV and IRR (monthly, annualized), and the break-even token price
 * (hardware − salvage − months × margin) / (reward tokens − stake × slashed_share).
 *
 * @param inputs - see {@link OperatorInputs}
 * @returns see {@link OperatorRoi}
 * @throws {GpueconError} `DOMAIN` on `months`, `power.pue`, `scenarios` (empty),
 *   `scenarios[i].price.curve.annual_factor`, `scenarios[i].price.usd_per_token[j]`;
 *   `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { operator_roi } from "gpuecon";
 * operator_roi({ months: 24, hardware_usd: 30000, gpus: 1, utilization: 1,
 *   power: { it_kw_per_gpu: 1, idle_fraction: 0, pue: 1, usd_per_kwh: 0.137 },
 *   rental_income_usd_per_month: 400, reward_tokens_per_month: 1000, annual_discount_rate: 0.1,
 *   scenarios: [{ name: "base", price: { kind: "curve", start_usd_per_token: 2, curve: { kind: "constant" } } }],
 * }).scenarios[0].payback_month; // 14 (2,299.99 a month against 30,000)
 */
export declare function operator_roi(inputs: OperatorInputs): OperatorRoi;

// ---------------------------------------------------------------------------------------
// The inference API comparison (docs/domain.md section 10): whole-request price tiers
// against self-hosting on paid (reserved) hours and on used hours.

/** An API's prices in USD per million tokens, each at least 0. */
export interface TokenRates {
  input_usd_per_million_tokens: DecimalInput;
  cached_input_usd_per_million_tokens: DecimalInput;
  output_usd_per_million_tokens: DecimalInput;
}

/** The inputs of {@link api_comparison}. */
export interface ApiComparisonInputs {
  /** The request mix: at least one class, at least one token a month in all. Each class is one request shape billed at its own tier. */
  requests: {
    name?: string;
    /** Prompt tokens per request, cached ones included. */
    prompt_tokens: DecimalInput;
    /** 0 to prompt_tokens (default 0). */
    cached_tokens?: DecimalInput;
    output_tokens: DecimalInput;
    requests_per_month: DecimalInput;
  }[];
  api: {
    base: TokenRates;
    /** The whole request at these rates (each ≥ the base rate) once prompt_tokens > threshold_prompt_tokens (200,000 or 272,000 today). */
    premium?: { threshold_prompt_tokens: DecimalInput; rates: TokenRates } | null;
  };
  self_hosted: {
    usd_per_gpu_hour: DecimalInput;
    /** Tokens per second one GPU serves for this mix, prompt and output together; greater than 0. */
    tokens_per_second: DecimalInput;
    /** GPUs paid for every hour of the month; greater than 0. */
    reserved_gpus: DecimalInput;
  };
}

/** Self-hosted cost, paid by use or by reservation. */
export interface SelfHostedCost {
  gpu_hours_per_month: DecimalString;
  usd_per_month: DecimalString;
  usd_per_million_tokens: DecimalString;
}

/** The result of {@link api_comparison}. */
export interface ApiComparison {
  classes: {
    name: string;
    tier: "base" | "premium";
    usd_per_request: DecimalString;
    tokens_per_month: DecimalString;
    usd_per_month: DecimalString;
  }[];
  requests_per_month: DecimalString;
  tokens_per_month: DecimalString;
  api_usd_per_month: DecimalString;
  api_usd_per_million_tokens: DecimalString;
  /** Only the hours used: token_price at utilization 1. */
  usage_based: SelfHostedCost;
  /** Every hour of the reserved GPUs: reserved_gpus × 730 × usd_per_gpu_hour. */
  reservation_based: SelfHostedCost;
  /** tokens / capacity, at most 1. */
  reserved_utilization: DecimalString;
  reserved_capacity_tokens_per_month: DecimalString;
  /** The mix's monthly volume at which the API costs what the reservation does; `null` for a free API. */
  break_even_tokens_per_month: DecimalString | null;
  break_even_requests_per_month: DecimalString | null;
}

/**
 * An inference API's bill for a request mix, each request billed whole at the premium rates
 * once its prompt (cached tokens included) passes the threshold, against self-hosting paid by
 * use and by reservation (all paid hours count), and the break-even monthly volume.
 *
 * @param inputs - see {@link ApiComparisonInputs}
 * @returns see {@link ApiComparison}
 * @throws {GpueconError} `DOMAIN` on `requests` (empty, or no token a month),
 *   `requests[i].cached_tokens` (above the prompt), `api.premium.rates.…` (below the base
 *   rate), `self_hosted.reserved_gpus` (0, or too few for the mix); `INVALID_ARGUMENT` on `inputs`.
 *
 * @example
 * import { api_comparison } from "gpuecon";
 * const r = api_comparison({
 *   requests: [{ prompt_tokens: 250000, cached_tokens: 50000, output_tokens: 2000, requests_per_month: 10000 }],
 *   api: { base: { input_usd_per_million_tokens: 1.25, cached_input_usd_per_million_tokens: 0.125, output_usd_per_million_tokens: 10 },
 *     premium: { threshold_prompt_tokens: 200000, rates: { input_usd_per_million_tokens: 2.5,
 *       cached_input_usd_per_million_tokens: 0.25, output_usd_per_million_tokens: 15 } } },
 *   self_hosted: { usd_per_gpu_hour: 2, tokens_per_second: 1000, reserved_gpus: 8 },
 * });
 * r.api_usd_per_month; // "5425" (every request premium: $0.5425 each)
 * r.reservation_based.usd_per_month; // "11680"
 */
export declare function api_comparison(inputs: ApiComparisonInputs): ApiComparison;

// ---------------------------------------------------------------------------------------
// The box: a scenario financed with debt secured by its GPUs and its contracts.

/**
 * The debt of a box (a financed {@link Scenario}): sized as the lesser of `advance_rate` ×
 * the fleet capex and the amount whose debt service keeps DSCR at `target_dscr`, drawn at
 * the close, repaid over `tenor_months` (at most the horizon); covenants tested monthly.
 */
export interface Financing {
  /** Share of the fleet capex the lender advances at most, in [0, 1]. */
  advance_rate: DecimalInput;
  /** The DSCR the debt is sized to keep, greater than 0 (lenders ask 1.25-1.35). */
  target_dscr: DecimalInput;
  tenor_months: number;
  interest: LoanInterest;
  /** `"sculpted"` (default: service = CFADS ÷ target), `"level_payment"`, `"straight"`, `"bullet"`. */
  repayment?: "sculpted" | "level_payment" | "straight" | "bullet";
  fees?: LoanInputs["fees"];
  /** The highest LTV allowed (default 1). */
  max_ltv?: DecimalInput;
  /** The lowest DSCR allowed (default: not tested). */
  min_dscr?: DecimalInput | null;
  /** Consecutive months in breach before a default (default 0). */
  cure_months?: number;
  /** Discount of a forced sale of the GPUs, in [0, 1] (default 0). */
  liquidation_haircut?: DecimalInput;
  /**
   * Interest of months 1 to this one capitalized (construction; default 0, below the
   * tenor; for a sculpted loan drawn on `fleet.deliveries`, at least the last delivery's
   * month).
   */
  capitalize_until_month?: number;
  /** On the scenario's calendar; default ACT/360 for a floating rate, 30/360 for a fixed one. */
  day_count?: DayCount | null;
  /** Its net settlement is debt service. */
  swap?: Swap | null;
  /** Its premium is paid by the equity at the close; its payouts reduce debt service. */
  cap?: Cap | null;
  /** Income and property taxes paid from CFADS (default none). Sized on CFADS after the
   * unlevered tax; the waterfall pays the levered tax of the scheduled loan. */
  taxes?: Taxes | null;
  /** A debt service reserve account (default none). */
  dsra?: Dsra | null;
  /** A distribution block on a trailing DSCR (default none). */
  lock_up?: LockUp | null;
  /** A share of the cash after debt service and the reserve prepays principal (default none). */
  cash_sweep?: CashSweep | null;
  /**
   * After an event of default the loan is accelerated (always); with this, the lender also
   * sells the GPUs this many months after the month of default, at least 1 (default none).
   */
  foreclose_after_months?: number | null;
  /**
   * Share of merchant (uncontracted) cash flow left out when sizing, in [0, 1]: default 1
   * (sized on contracted cash flow only); 0 sizes on all of it.
   */
  merchant_haircut?: DecimalInput;
  /** The lowest LLCR at the close: debt ≤ PV of sizing CFADS over the loan's life ÷ this (default none). */
  min_llcr?: DecimalInput | null;
  /** Allow a tenor past the last contract or hosting agreement (default false: an error). */
  allow_merchant_tail?: boolean;
  /** Failed GPUs replaced from CFADS (default none). */
  maintenance?: {
    /** Share of the GPUs in service failing a year, in [0, 1]. */
    annual_failure_rate: DecimalInput;
    replacement_usd_per_gpu: DecimalInput;
    /** Spares bought at the close (a use of funds), used first (default 0). */
    spares_gpus?: DecimalInput;
  } | null;
  /** Billing collected and costs paid later: 0 to 360 days (default none). */
  working_capital?: { receivable_days: number; payable_days?: number } | null;
  /** Share of the capex that resells on the residual curve, in [0, 1] (default 1). */
  resellable_share?: DecimalInput;
  /** What the rest recovers, as a share of its value, in [0, 1] (default 0). */
  other_recovery?: DecimalInput;
}

/** A debt service reserve account: the scheduled service of the next `months` months. */
export interface Dsra {
  /** 1 to 24 months of debt service (lenders ask 3-6). */
  months: number;
  /** `"close"` (default: put in by the equity at the close) or `"cash_flow"`. */
  funding?: "close" | "cash_flow";
}

/** Distributions stop while the trailing DSCR is under `min_dscr`; the cash is trapped. */
export interface LockUp {
  /** Greater than 0 (lenders set 1.10-1.20). */
  min_dscr: DecimalInput;
  /** The test's window: 1, 3 or 12 months. */
  trailing_months: 1 | 3 | 12;
  /** Months the test must pass before the trapped cash is released (default 1). */
  release_after_months?: number;
  /** After `after_months` months locked up, `share` of the trapped cash goes to the lender each month. */
  sweep_trapped?: { after_months: number; share: DecimalInput } | null;
}

/** A share of the cash left after debt service and the reserve, prepaying principal. */
export interface CashSweep {
  /** In (0, 1]. */
  share: DecimalInput;
  /** `"always"` (default) or `"locked_up"` (only in months locked up). */
  when?: "always" | "locked_up";
}

/** One month of a box's financing: the lender's waterfall in its order. */
export interface FinancingMonth {
  month: number;
  revenue_usd: DecimalString;
  /** Cash operating costs and the prepayments applied. */
  operating_costs_usd: DecimalString;
  /** 0 without a taxes section. */
  taxes_usd: DecimalString;
  /** 0 without a maintenance section. */
  maintenance_capex_usd: DecimalString;
  /** 0 without a working-capital section. */
  working_capital_change_usd: DecimalString;
  /** Revenue − operating costs − taxes − maintenance capex − working-capital change. */
  cfads_usd: DecimalString;
  /** Put in by the equity to cover a negative CFADS. */
  equity_support_usd: DecimalString;
  /** Drawn at the end of the month for the GPUs delivered then. */
  draw_usd: DecimalString;
  /** Upfront and commitment fees. */
  fees_usd: DecimalString;
  /** The upfront fee in `fees_usd` (paid by the equity, month 1). */
  upfront_fee_usd: DecimalString;
  /** Interest added to the balance. */
  capitalized_interest_usd: DecimalString;
  interest_usd: DecimalString;
  principal_usd: DecimalString;
  /** Swap settlement − cap payout (0 without hedges). */
  hedges_usd: DecimalString;
  /** Interest + principal + hedges. */
  debt_service_usd: DecimalString;
  /** Fees and debt service due and not paid (a payment default). */
  shortfall_usd: DecimalString;
  dsra_draw_usd: DecimalString;
  dsra_top_up_usd: DecimalString;
  dsra_release_usd: DecimalString;
  dsra_balance_usd: DecimalString;
  /** `null` without a lock-up or without debt service in its window. */
  trailing_dscr: DecimalString | null;
  locked_up: boolean;
  /** Swept to the lender by the cash sweep. */
  sweep_usd: DecimalString;
  trapped_usd: DecimalString;
  trapped_release_usd: DecimalString;
  trapped_swept_usd: DecimalString;
  trapped_balance_usd: DecimalString;
  /** To the equity from the waterfall. */
  distribution_usd: DecimalString;
  /** Sale proceeds to the lender (a foreclosure, or the horizon's sale while a balance is owed). */
  sale_to_lender_usd: DecimalString;
  written_off_usd: DecimalString;
  balance_usd: DecimalString;
  /** CFADS less the merchant haircut: what the debt was sized on. */
  sizing_cfads_usd: DecimalString;
  /** PV at the loan's rate of CFADS to maturity ÷ the balance; `null` without a balance. */
  llcr: DecimalString | null;
  /** The same to the horizon. */
  plcr: DecimalString | null;
  /** CFADS ÷ debt service due; `null` without debt service. */
  dscr: DecimalString | null;
  /** `null` when the GPUs are worth nothing. */
  ltv: DecimalString | null;
  in_breach: boolean;
  in_default: boolean;
  foreclosed: boolean;
  lender_cash_flow_usd: DecimalString;
  equity_cash_flow_usd: DecimalString;
}

/** What a financed scenario's report adds. */
export interface FinancingReport {
  months: FinancingMonth[];
  /** The taxes month by month and tax year by tax year; null without a taxes section. */
  taxes: TaxSchedule | null;
  summary: {
    debt_usd: DecimalString;
    sized_by: "advance_rate" | "target_dscr" | "llcr";
    advance_limit_usd: DecimalString;
    dscr_limit_usd: DecimalString;
    /** With `min_llcr`. */
    llcr_limit_usd: DecimalString | null;
    /** The target DSCR the advance-rate limit alone would need: target × DSCR limit ÷ advance limit. */
    advance_rate_dscr: DecimalString | null;
    /** PV of CFADS over the loan's life ÷ the debt. */
    llcr_at_close: DecimalString | null;
    /** PV of the contracted backlog ÷ the debt. */
    backlog_coverage: DecimalString | null;
    equity_usd: DecimalString;
    /** The DSRA put in by the equity at the close. */
    initial_dsra_usd: DecimalString;
    /** Sources = uses at the close. */
    sources_and_uses: {
      capex_usd: DecimalString;
      upfront_fee_usd: DecimalString;
      initial_dsra_usd: DecimalString;
      capitalized_interest_usd: DecimalString;
      spares_usd: DecimalString;
      /** 0 until a cap model exists. */
      cap_premium_usd: DecimalString;
      uses_usd: DecimalString;
      debt_usd: DecimalString;
      capitalized_debt_usd: DecimalString;
      prepayments_usd: DecimalString;
      equity_usd: DecimalString;
      sources_usd: DecimalString;
    };
    /** NPV, IRR and payback of the equity cash flows. */
    equity: Summary["metrics"];
    /** NPV, IRR and payback of the lender's cash flows. */
    lender: Summary["metrics"];
    distributions_usd: DecimalString;
    minimum_dscr: DecimalString | null;
    minimum_llcr: DecimalString | null;
    peak_ltv: DecimalString | null;
    months_in_breach: number;
    dsra_draws_usd: DecimalString;
    months_in_lock_up: number;
    first_default_month: number | null;
    default_kind: "payment" | "covenant" | null;
    foreclosure_month: number | null;
    /** The balance at the end of the month of default. */
    exposure_at_default_usd: DecimalString | null;
    /** What the lender received after the month of default. */
    recovery_usd: DecimalString | null;
    /** Written off ÷ exposure at default. */
    loss_given_default: DecimalString | null;
  };
}

/** Boxes on one timeline (the same start date and horizon). */
export interface Portfolio {
  title?: string;
  boxes: Scenario[];
  /**
   * Roles of the customers the contracts name (`customer`, else the contract's `name`),
   * and other counterparties, with revenue from outside the boxes (default none).
   */
  counterparties?: ConcentrationInputs["counterparties"];
  /** Share of the largest customer's revenue recovered if it defaults, in [0, 1] (default 0). */
  default_recovery_rate?: DecimalInput;
}

/** One month of the company view. */
export interface CompanyMonth {
  month: number;
  date: string;
  revenue_usd: DecimalString;
  /** All boxes' gross margin. */
  ebitda_usd: DecimalString;
  interest_usd: DecimalString;
  /** Interest capitalized: borrowed to pay interest. */
  capitalized_interest_usd: DecimalString;
  debt_service_usd: DecimalString;
  debt_balance_usd: DecimalString;
  /** EBITDA ÷ interest; `null` without interest. */
  interest_coverage: DecimalString | null;
  /** Debt service the month's EBITDA does not cover: to be borrowed or raised. */
  uncovered_debt_service_usd: DecimalString;
}

/** What {@link evaluate_portfolio} returns. */
export interface PortfolioReport {
  months: CompanyMonth[];
  summary: {
    revenue_usd: DecimalString;
    ebitda_usd: DecimalString;
    interest_usd: DecimalString;
    capitalized_interest_usd: DecimalString;
    debt_usd: DecimalString;
    minimum_interest_coverage: DecimalString | null;
    /** "Borrowing to pay its lenders" begins here; `null` if never. */
    first_uncovered_debt_service_month: number | null;
    /** Interest alone above EBITDA (coverage below 1); `null` if never. */
    first_interest_gap_month: number | null;
  };
  /**
   * Revenue over the horizon by customer (each contract's under its customer; the rest as
   * `"other revenue"`): HHI, top shares, revenue at risk, circular counterparties; `null`
   * without revenue.
   */
  concentration: Concentration | null;
  /** Each box's own report, in order. */
  boxes: Report[];
}

/**
 * Rolls boxes up into a company view.
 *
 * @throws {GpueconError} with every problem and its path (`boxes[1].horizon_months`).
 *
 * @example
 * import { presets, evaluate_portfolio } from "gpuecon";
 * const boxes = ["coreweave-box-ig", "coreweave-box-sub-ig"].map((id) => presets().find((p) => p.id === id).scenario);
 * evaluate_portfolio({ boxes }).summary.first_uncovered_debt_service_month; // null: every month covered
 * const company = presets().find((p) => p.id === "company-rollup");
 * evaluate_portfolio(company.portfolio).concentration.largest_customer; // "Microsoft"
 */
export declare function evaluate_portfolio(portfolio: Portfolio): PortfolioReport;

// ---------------------------------------------------------------------------------------
// Monte Carlo and sensitivities (issue 6)

/** A mean-reverting utilization: `u = clamp(level × (1 + x), 0, 1) × lull`, `xₘ = (1 − κ)xₘ₋₁ + σεₘ`. */
export interface UtilizationProcess {
  /** κ: the share of the gap to the scenario's level closed each month, in [0, 1]. */
  mean_reversion_per_month: DecimalInput;
  /** σ: the monthly shock as a share of the level, in [0, 1]. */
  volatility_per_month: DecimalInput;
  /** Lulls (demand stopping, as training runs end): a two-state chain (default none). */
  lulls?: {
    /** The chance a busy month is followed by a lull, in [0, 1]. */
    start_probability_per_month: DecimalInput;
    /** The chance a lull ends the next month, in [0, 1]. */
    end_probability_per_month: DecimalInput;
    /** Utilization in a lull, a share of the busy level, in [0, 1]. */
    level: DecimalInput;
  };
}

/** The random inputs of a run; each one left out stays at the scenario's value. */
export interface Stochastic {
  /** The on-demand market's utilization (typical: κ 0.5, σ 0.05). */
  market_utilization?: UtilizationProcess;
  /** Each take-or-pay buyer's usage, a path per contract (typical: κ 0.3, σ 0.1, lulls 0.05 / 0.25 at 0.3). */
  contract_usage?: UtilizationProcess;
  /** The on-demand price as `exp(y + regime)` × the scenario's path, `yₘ = (1 − κ)yₘ₋₁ + σεₘ + jump`. */
  price?: {
    mean_reversion_per_month: DecimalInput;
    volatility_per_month: DecimalInput;
    /** A jump of normal log size in a month with probability `probability_per_month`. */
    jumps?: { probability_per_month: DecimalInput; mean_log_size: DecimalInput; log_size_volatility: DecimalInput };
    /** A second regime at `log_level` (−1.5: 22 % of the price), entered and left by chance. */
    regimes?: { log_level: DecimalInput; start_probability_per_month: DecimalInput; end_probability_per_month: DecimalInput };
  };
  /** Value shocks at generation launches: × `(1 − median_drop)·exp(σε)` at `first_month`, `first_month + every_months`, … */
  residual?: { first_month: number; every_months: number; median_drop: DecimalInput; volatility: DecimalInput };
  /** Each contract's buyer defaulting (not a prepaid one): the recovery × the remaining minimum payments, paid in the default month. */
  customer_default?: { annual_probability: DecimalInput; recovery: DecimalInput };
  /** Curtailment events: `share_of_hours` cut in a month, with probability `probability_per_month`. */
  curtailment?: { probability_per_month: DecimalInput; share_of_hours: DecimalInput };
  /** SOFR around the scenario's path (floating debt): `max(path + z, floor)`, `zₘ = (1 − κ)zₘ₋₁ + σεₘ`. */
  sofr?: { mean_reversion_per_month: DecimalInput; volatility_per_month: DecimalInput; floor_annual_rate?: DecimalInput | null };
}

/** Paths, seed, stopping rule and the random inputs of a run. */
export interface MonteCarloOptions {
  /** Paths, 1 to 1,000,000 (default 10,000); with a target standard error, the most paths. */
  paths?: number;
  /** The seed (default 0): the same seed gives the same report in every runtime. */
  seed?: number;
  /** Stop at the first multiple of 1,000 paths whose mean NPV has at most this standard error, in USD. */
  target_standard_error_usd?: DecimalInput | null;
  /** Bins of each histogram, 1 to 200 (default 20). */
  histogram_bins?: number;
  /** The random inputs (default none: every path is the deterministic one). */
  stochastic?: Stochastic;
}

/** A run: one of `scenario` (a box) and `portfolio`, and the options. */
export interface MonteCarloInputs {
  scenario?: Scenario | null;
  portfolio?: Portfolio | null;
  options?: MonteCarloOptions;
}

/** One histogram bin: the paths in `[from, to)` (the last bin includes `to`). */
export interface Bin {
  from: DecimalString;
  to: DecimalString;
  paths: number;
}

/** A value's distribution over the paths that have it. */
export interface Distribution {
  paths: number;
  mean: DecimalString;
  /** The Monte Carlo standard error of the mean; `null` with one path. */
  standard_error: DecimalString | null;
  p5: DecimalString;
  p25: DecimalString;
  p50: DecimalString;
  p75: DecimalString;
  p95: DecimalString;
  minimum: DecimalString;
  maximum: DecimalString;
  /** Equal-width bins from the least to the greatest value, ready to plot. */
  histogram: Bin[];
}

/** How often an event happens, and the month it first does. */
export interface Events {
  paths: number;
  probability: DecimalString;
  /** `sqrt(p (1 − p) / n)`. */
  standard_error: DecimalString;
  first_month: Distribution | null;
}

/** One path's outcome as decimals (the deterministic path's). */
export interface MonteCarloOutcome {
  npv_usd: DecimalString;
  project_irr_annual: DecimalString | null;
  equity_value_usd: DecimalString;
  equity_irr_annual: DecimalString | null;
  minimum_dscr: DecimalString | null;
  first_breach_month: number | null;
  first_default_month: number | null;
}

/** What {@link montecarlo} and a finished `MonteCarloRun`'s `report()` return. */
export interface MonteCarloReport {
  paths: number;
  seed: number;
  /** With a target standard error: whether it was met before `paths` ran out. */
  target_met: boolean | null;
  /** Every random input at the scenario's value: exactly `evaluate`'s for a box. */
  deterministic: MonteCarloOutcome;
  npv_usd: Distribution;
  project_irr_annual: Distribution | null;
  /** The NPV of the equity's flows (the project's without debt). */
  equity_value_usd: Distribution;
  equity_irr_annual: Distribution | null;
  minimum_dscr: Distribution | null;
  /** The mean equity value of the worst 5 % of paths. */
  equity_expected_shortfall_usd: DecimalString;
  /** An LTV or DSCR covenant breached in some month. */
  covenant_breach: Events;
  /** An event of default: a breach past its cure period, or a payment default (the same paths as `credit.default`). */
  covenant_default: Events;
  /** A contract's buyer defaulting. */
  customer_default: Events;
  /** The lender's view (each path runs the box's waterfall); `null` when no box has debt. */
  credit: CreditReport | null;
}

/** The lender's view of a Monte Carlo run: PD, lock-up, LGD, expected loss and the lender's IRR. */
export interface CreditReport {
  /** An event of default (payment, or a covenant past its cure); `probability` is the PD. */
  default: Events;
  /** Equity distributions blocked by the lock-up test in some month. */
  lock_up: Events;
  /** Written off ÷ the exposure at default, over the paths that defaulted with an exposure. */
  loss_given_default: Distribution | null;
  /** PD × the mean loss given default (EL = PD × LGD), a share of the exposure. */
  expected_loss_share: DecimalString;
  /** The mean over every path of its loss given default (0 without a default). */
  mean_loss_share: DecimalString;
  /** Σ written off ÷ Σ exposure at default over the defaulted paths; `null` without a default. */
  exposure_weighted_loss_given_default: DecimalString | null;
  /** The mean over every path of the dollars written off. */
  expected_loss_usd: DecimalString;
  /** The lender's annual IRR over the paths that have one. */
  lender_irr_annual: Distribution | null;
  /** The lender's annual IRR on the deterministic path (`evaluate`'s for a box). */
  deterministic_lender_irr_annual: DecimalString | null;
}

/**
 * Runs a Monte Carlo of a box (`scenario`) or a portfolio: P5 to P95, mean and standard error
 * of NPV, project and equity IRR, equity value and minimum DSCR; breach probabilities and
 * their first months; the expected shortfall; histograms. Single-threaded here: for
 * progress and cancellation use `runMonteCarlo` from `gpuecon/montecarlo`.
 *
 * @throws {GpueconError} with every problem and its path (`options.paths`, `scenario.power.pue`).
 *
 * @example
 * import { presets, montecarlo } from "gpuecon";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-sub-ig");
 * const report = montecarlo({ scenario, options: { paths: 2000, seed: 1, stochastic: {
 *   contract_usage: { mean_reversion_per_month: 0.3, volatility_per_month: 0.1 },
 *   customer_default: { annual_probability: 0.02, recovery: 0.4 },
 *   sofr: { mean_reversion_per_month: 0.05, volatility_per_month: 0.0025, floor_annual_rate: 0 },
 * } } });
 * report.equity_irr_annual.p5;            // the equity's IRR in the worst 5 % of paths
 * report.covenant_default.probability;    // the chance the lender can call the loan
 */
export declare function montecarlo(inputs: MonteCarloInputs): MonteCarloReport;

/**
 * The typical random inputs: an inference market (κ 0.5, σ 5 %), training buyers (κ 0.3,
 * σ 10 %, lulls), a price with jumps and collapses, generation launches every 24 months from
 * month 12 (a median −3 % ± 8 %), 2 % annual buyer defaults recovering 40 %, 5 % of months
 * curtailed by 10 %, SOFR moving 25 basis points a month (floored at 0).
 *
 * @example
 * import { presets, montecarlo, montecarlo_typical } from "gpuecon";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * montecarlo({ scenario, options: { paths: 1000, stochastic: montecarlo_typical() } }).covenant_breach.probability;
 */
export declare function montecarlo_typical(): Stochastic;

/**
 * A Monte Carlo run held in the module, step by step, with progress: declared with
 * `runMonteCarlo` in `gpuecon/montecarlo`.
 */
export { MonteCarloRun, MonteCarloProgress } from "./montecarlo.js";

/** A scenario input a sensitivity moves (`contract_price` and `usage_share`: every contract's). */
export type SensitivityInput =
  | "on_demand_price"
  | "market_utilization"
  | "contract_price"
  | "usage_share"
  | "power_price"
  | "pue"
  | "capex_per_gpu"
  | "colocation_per_kw_month"
  | "residual_annual_factor"
  | "discount_rate"
  | "sofr"
  | "advance_rate"
  | "target_dscr";

/** The result a sensitivity reads. */
export type SensitivityOutput =
  | "npv_usd"
  | "project_irr_annual"
  | "equity_value_usd"
  | "equity_irr_annual"
  | "minimum_dscr"
  | "gross_margin_usd"
  | "debt_usd";

/** One row of a tornado. */
export interface TornadoRow {
  input: SensitivityInput;
  low: DecimalString;
  high: DecimalString;
  output_at_low: DecimalString | null;
  output_at_high: DecimalString | null;
  change_at_low: DecimalString | null;
  change_at_high: DecimalString | null;
  /** `|output at high − output at low|`: the rows are sorted by it. */
  swing: DecimalString | null;
}

/**
 * A tornado: each input at its low and its high value, the others at the scenario's,
 * through the exact model; the largest swing first.
 *
 * @throws {GpueconError} on a value the scenario rejects (`swings[1].low.market.utilization`).
 *
 * @example
 * import { presets, tornado } from "gpuecon";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * tornado({ scenario, output: "equity_irr_annual", swings: [
 *   { input: "contract_price", low: "2.40", high: "2.80" },
 *   { input: "sofr", low: "0.03", high: "0.05" },
 * ] }).rows[0].input; // "contract_price"
 */
export declare function tornado(inputs: {
  scenario: Scenario;
  output: SensitivityOutput;
  swings: { input: SensitivityInput; low: DecimalInput; high: DecimalInput }[];
}): { output: SensitivityOutput; base: DecimalString | null; rows: TornadoRow[] };

/** One axis of a grid. */
export interface SensitivityAxis {
  input: SensitivityInput;
  values: DecimalInput[];
}

/**
 * A two-input grid through the exact model: `values[j][i]` at `y.values[j]` and `x.values[i]`.
 *
 * @example
 * import { presets, sensitivity_grid } from "gpuecon";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * const { values } = sensitivity_grid({ scenario, output: "equity_irr_annual",
 *   x: { input: "contract_price", values: ["2.40", "2.60", "2.80"] },
 *   y: { input: "usage_share", values: ["0.6", "0.9"] } });
 * values[1][2]; // the equity's IRR at $2.80 and 90 % usage
 */
export declare function sensitivity_grid(inputs: {
  scenario: Scenario;
  output: SensitivityOutput;
  x: SensitivityAxis;
  y: SensitivityAxis;
}): {
  output: SensitivityOutput;
  base: DecimalString | null;
  x: { input: SensitivityInput; values: DecimalString[] };
  y: { input: SensitivityInput; values: DecimalString[] };
  values: (DecimalString | null)[][];
};

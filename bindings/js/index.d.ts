/**
 * gpuecon: the economics of AI compute, exact to the cent.
 *
 * Money and rates cross the boundary as decimal strings ("1234.56"), so no cent is lost
 * to binary floating point. Inputs may be numbers, decimal strings, BigInts or decimal
 * objects (decimal.js, big.js); results are strings.
 *
 * @example
 * import { sln } from "gpuecon";
 * sln(30000, 7500, 10); // "2250"
 *
 * @packageDocumentation
 */

// The inputs and results of the models, generated from the core's source by
// `cargo xtask codegen` (types.generated.d.ts): every interface the functions below take
// and return, re-exported here.
export * from "./types.generated.js";
import type {
  ApiComparison,
  ApiComparisonInputs,
  Axis,
  Backlog,
  BacklogInputs,
  BookRevenue,
  BookSchedule,
  BookScheduleInputs,
  BurnMint,
  BurnMintInputs,
  BuyerCost,
  BuyerCostInputs,
  CapacityBook,
  CascadeSchedule,
  CascadeStage,
  CollateralInputs,
  CollateralSchedule,
  Concentration,
  ConcentrationInputs,
  Costs,
  CurtailmentCost,
  CurtailmentInputs,
  Curve,
  CurveSeriesInputs,
  DebtCapacity,
  DebtCapacityInputs,
  DebtSchedule,
  Depreciation,
  EmissionSchedule,
  EmissionScheduleInputs,
  EndOfLife,
  EndOfLifeInputs,
  EnergyCost,
  EnergyCostInputs,
  EnergySplit,
  EnergySplitInputs,
  Entry,
  GpuSpec,
  HostingInputs,
  HostingSchedule,
  Input,
  InterconnectionDelay,
  InterconnectionInputs,
  Interest,
  IrrPrice,
  Lease,
  LeaseInputs,
  LeaseSchedule,
  LoanInputs,
  MonteCarloInputs,
  MonteCarloReport,
  OfferDiscount,
  OperatorInputs,
  OperatorRoi,
  Options,
  Outcome,
  Output,
  OwnerCost,
  OwnerCostInputs,
  Portfolio,
  PortfolioReport,
  PublishedPrices,
  RackDensity,
  RackDensityInputs,
  RefreshDecision,
  RefreshInputs,
  RentalPrice,
  Report,
  Reservation,
  Revenue,
  Role,
  Scenario,
  SettleInputs,
  Settlement,
  Stochastic,
  TakeRateSettlement,
  TargetIrrInputs,
  TargetMarginInputs,
  TaxInputs,
  TaxSchedule,
  TokenPrice,
  TokenPriceInputs,
  TornadoRow,
  TrainingRunCost,
  TrainingRunInputs,
  Utilization,
  ValueMonth,
  YieldInputs,
  YieldSeries,
} from "./types.generated.js";

/** A decimal number written as a string, for example `"1234.56"` or `"-0.075"`. */
export type DecimalString = string;

/**
 * A decimal as users hold one: read from its text, exactly. decimal.js's `Decimal`, big.js's
 * `Big` and bignumber.js's `BigNumber` are such values (at run time any object whose
 * `toString()` gives a decimal is read; the type asks for `toFixed` too so that a plain
 * object in the wrong place stays a type error).
 */
export interface DecimalLike {
  toString(): string;
  toFixed(decimalPlaces?: number): string;
}

/**
 * A number (read by its shortest round-trip form: `0.1` is one tenth), a decimal string for
 * exact input, a BigInt, or a decimal object ({@link DecimalLike}: decimal.js, big.js).
 */
export type DecimalInput = number | bigint | DecimalString | DecimalLike;

/**
 * A whole number up to 2^64 − 1 (a Monte Carlo seed, which the command takes as any u64):
 * a number (exact only up to 2^53), a BigInt, or a string of its decimal digits.
 */
export type U64Input = number | bigint | string;

/**
 * A whole number up to 2^64 − 1 in a result (a Monte Carlo report's `seed`): the string of its
 * decimal digits, exact where a number would be rounded beyond 2^53 (`BigInt(seed)` gives it
 * as a BigInt; a `U64Input` takes it back as it is).
 */
export type U64String = string;

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
export type ScenarioReservation = Reservation;

/** Revenue by product: `total` = the six items − `curtailed_usd` − `sla_credits_usd`. */
export type ScenarioRevenue = Revenue;

/** Cash operating costs by item; `total` is their sum. */
export type ScenarioCosts = Costs;

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
export type GlossaryEntry = Entry;

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
export type CounterpartyRole = Role;

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

/** A loan's rate, tagged by `kind`. */
export type LoanInterest = Interest;

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
export type MarketplaceLease = Lease;

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

/** Paths, seed, stopping rule and the random inputs of a run. */
export type MonteCarloOptions = Options;

/** One path's outcome as decimals (the deterministic path's). */
export type MonteCarloOutcome = Outcome;

/**
 * The typical random inputs: an inference market (κ 0.5, σ 5 %), training buyers (κ 0.3,
 * σ 10 %, lulls), a price with jumps and collapses, generation launches every 24 months from
 * month 12 (a median −3 % ± 8 %), 2 % annual buyer defaults recovering 40 %, 5 % of months
 * curtailed by 10 %, SOFR moving 25 basis points a month (floored at 0).
 *
 * Here and in `gpuecon/montecarlo`, which runs them (its own module: the Monte Carlo, the
 * tornado and the sensitivity grid are not in this entry).
 *
 * @example
 * import { presets, montecarlo_typical } from "gpuecon";
 * import { runMonteCarlo } from "gpuecon/montecarlo";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * (await runMonteCarlo({ scenario, options: { paths: 1000, stochastic: montecarlo_typical() } })).covenant_breach.probability;
 */
export declare function montecarlo_typical(): Stochastic;

/**
 * A Monte Carlo run held in the module, step by step, with progress: the types, for code
 * that holds one; the class, `montecarlo`, `tornado` and `sensitivity_grid` are exported by
 * `gpuecon/montecarlo`, whose own module is loaded when first used.
 */
export type { MonteCarloRun, MonteCarloProgress } from "./montecarlo.js";

/** A scenario input a sensitivity moves (`contract_price` and `usage_share`: every contract's). */
export type SensitivityInput = Input;

/** The result a sensitivity reads. */
export type SensitivityOutput = Output;

/** One axis of a grid. */
export type SensitivityAxis = Axis;

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

// Type-checked with `tsc --noEmit` against the installed package's index.d.ts.
import { sln, GpueconError, type DecimalString, type GpueconErrorCode } from "gpuecon";

const perYear: DecimalString = sln(30000, "7500", 10);
try {
  sln(1, 0, 0);
} catch (e) {
  if (e instanceof GpueconError) {
    const code: GpueconErrorCode = e.code;
    const field: string = e.field;
    console.log(perYear, code, field, e.excel);
  }
}

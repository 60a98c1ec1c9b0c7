/**
 * The one error every gpuecon function throws.
 *
 * - `code`: stable and machine-readable: `INVALID_ARGUMENT`, `DOMAIN`, `OVERFLOW`,
 *   `NO_SIGN_CHANGE`, `NO_CONVERGENCE`;
 * - `field`: the offending argument's name, for example `"life"`;
 * - `excel`: what Excel shows for the same failure (`"#NUM!"`, `"#VALUE!"`, `"#DIV/0!"`);
 * - `problems`: every problem found, `[{ field, message }]` (a scenario reports all of
 *   them at once; other functions report the one).
 */
export class GpueconError extends Error {
  constructor(code, field, message, excel, problems) {
    super(message);
    this.name = "GpueconError";
    this.code = code;
    this.field = field;
    this.excel = excel;
    this.problems = problems ?? [{ field, message }];
  }
}

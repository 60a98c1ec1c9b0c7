/**
 * The one error every gpuecon function throws.
 *
 * - `code`: stable and machine-readable: `INVALID_ARGUMENT`, `DOMAIN`, `OVERFLOW`,
 *   `NO_SIGN_CHANGE`, `NO_CONVERGENCE`;
 * - `field`: the offending argument's name, for example `"life"`;
 * - `excel`: what Excel shows for the same failure (`"#NUM!"`, `"#VALUE!"`, `"#DIV/0!"`).
 */
export class GpueconError extends Error {
  constructor(code, field, message, excel) {
    super(message);
    this.name = "GpueconError";
    this.code = code;
    this.field = field;
    this.excel = excel;
  }
}

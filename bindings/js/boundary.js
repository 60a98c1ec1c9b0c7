// What the wasm module imports from JavaScript: the error class it throws, and the two
// ends of the JSON text that model inputs and results cross the boundary as.

/**
 * The one error every gpuecon function throws.
 *
 * - `code`: stable and machine-readable: `INVALID_ARGUMENT`, `DOMAIN`, `OVERFLOW`,
 *   `NO_SIGN_CHANGE`, `NO_CONVERGENCE`;
 * - `field`: the offending argument's name, for example `"life"`, or the path of a model
 *   input, for example `"contracts[2].minimum_gpu_hours"`;
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

/** `String(value)`: the text a decimal.js `Decimal`, a big.js `Big` or a BigInt gives,
 * which the module reads as a decimal; `undefined` for an array or a typed array, whose
 * text would make `[[5]]` read as 5 (imported with `catch`: a `toString` that throws
 * becomes an `INVALID_ARGUMENT` on the argument). */
export function decimal_text(value) {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return undefined;
  return String(value);
}

/** The longest JSON text an input may take (32 MiB): far above any real input. */
const MAX_INPUT_CHARS = 32 * 1024 * 1024;

/** Why `value` (a number, symbol or function) cannot cross as JSON. JSON.stringify would
 * write NaN and ±Infinity as null and drop symbols and functions silently. */
function notJson(value) {
  switch (typeof value) {
    case "number":
      return `${value} is not a finite number`;
    default:
      return `a ${typeof value} is not a JSON value`;
  }
}

/** What a thrown value says, whatever it is (an Error, a Symbol, an object whose
 * `message` getter throws). */
function describe(thrown) {
  try {
    return String(thrown?.message ?? thrown);
  } catch {
    return "an exception";
  }
}

/**
 * A model input as JSON text, or a thrown `GpueconError` on `field` when it cannot be one:
 * a cycle, a symbol or a function anywhere, a getter or Proxy trap that throws,
 * nesting too deep for the engine, `undefined` in place of the object, or text longer than
 * 32 MiB. `-0` becomes `0`, as JSON writes it. A BigInt crosses as its decimal digits, a
 * string (JSON has no exact form for integers above 2^53): a decimal field reads it as
 * any decimal string, a seed (a u64) as its whole number up to 2^64 − 1. (The module imports this with `catch`: the
 * error reaches the caller without unwinding the module's own frames.)
 */
export function input_json(value, field) {
  // The path of each object written so far, for messages: "inputs.contracts[2].minimum".
  const paths = new Map();
  const pathOf = (holder, key) => {
    const at = paths.get(holder);
    return at === undefined ? "" : Array.isArray(holder) ? `${at}[${key}]` : `${at}.${key}`;
  };
  let text;
  try {
    text = JSON.stringify(value, function (key, item) {
      const type = typeof item;
      if (type === "object") {
        if (item !== null) paths.set(item, pathOf(this, key));
        return item;
      }
      if (type === "string" || type === "boolean" || type === "undefined" || (type === "number" && Number.isFinite(item))) {
        return item;
      }
      if (type === "bigint") return item.toString();
      const path = pathOf(this, key);
      // On the value's path inside the argument (`power.pue`), as the module's own errors.
      const at = path.replace(/^\./, "") || field;
      throw new GpueconError("INVALID_ARGUMENT", at, `${field}${path}: ${notJson(item)}`, "#VALUE!");
    });
  } catch (thrown) {
    if (thrown instanceof GpueconError) throw thrown;
    throw new GpueconError("INVALID_ARGUMENT", field, `${field}: cannot be read as JSON: ${describe(thrown)}`, "#VALUE!");
  }
  if (typeof text !== "string") {
    throw new GpueconError("INVALID_ARGUMENT", field, `${field}: must be an object, got ${typeof value}`, "#VALUE!");
  }
  if (text.length > MAX_INPUT_CHARS) {
    throw new GpueconError(
      "INVALID_ARGUMENT", field, `${field}: is ${text.length} characters of JSON, more than the ${MAX_INPUT_CHARS} accepted`, "#VALUE!",
    );
  }
  return text;
}

// Presentation only: decimal strings from the core are formatted by Intl, which reads a
// string exactly (no float conversion); the raw string stays in data-value for tests and
// for CSV exports.

const formats = {
  usd: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }),
  usd0: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }),
  usd4: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 4, maximumFractionDigits: 4 }),
  pct: new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  pct0: new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 }),
  num: new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }),
  num4: new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }),
  int: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
  ratio: new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/**
 * Formats a core value for people: `kind` is one of usd, usd0, usd4, pct, pct0, num, num4, int,
 * ratio (2.31x), text, bool. `null` (the core's "not defined here") shows as an em dash.
 */
export function format(value, kind = "num") {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "text":
      return String(value);
    case "bool":
      return value ? "yes" : "no";
    case "ratio":
      return `${formats.ratio.format(value)}x`;
    default:
      return (formats[kind] ?? formats.num).format(value);
  }
}

/** Chart values: decimal strings to numbers, `null` kept as a gap. */
export function toNumber(value) {
  return value === null || value === undefined ? null : Number(value);
}

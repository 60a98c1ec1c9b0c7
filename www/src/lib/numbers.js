// Numbers as people type them, read into the exact decimal strings the core takes: "10 %"
// in a percent field is "0.1"; "$50,000", "50k" and "1.2M" are "50000", "50000" and
// "1200000". Every conversion shifts the decimal point of the typed digits (no float), so
// what the core gets is exactly what was typed. The messages are the page's own, in plain
// words, and quote what was typed; a typed value that looks like the wrong scale (0.1 in a
// percent field) is not computed but asked about, with the two readings offered as fixes.

/** Suffixes people type for thousands, millions and billions, as powers of ten. */
const SUFFIXES = { k: 3, thousand: 3, m: 6, mm: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9 };

/**
 * How a field's values are typed and shown, from its spec: "percent" for fractions shown and
 * typed as percentages (units "fraction…", "share…", "chance…", "annual rate", or
 * `spec.percent`), otherwise "plain" (money, counts, ratios: as the core writes them).
 */
export function scaleOf(spec) {
  if (spec.percent !== undefined) return spec.percent ? "percent" : "plain";
  return /^(fraction|share|chance|annual rate|a month, annual rate)/.test(spec.unit ?? "") ? "percent" : "plain";
}

/**
 * Whether values under 1 % are ordinary in a percent field (monthly chances and shares,
 * `spec.small`), so that typing one brings no wrong-scale question.
 */
function smallIsUsual(spec) {
  return spec.small ?? /^(chance|share) a month/.test(spec.unit ?? "");
}

/** The unit a percent field shows beside its input: "fraction a year" → "% a year". */
export function shownUnit(spec) {
  const unit = spec.unit ?? "";
  if (scaleOf(spec) !== "percent") return unit;
  if (/^(annual rate|a month, annual rate)$/.test(unit)) return "% a year";
  if (/^chance/.test(unit)) return `% ${unit}`;
  return unit.replace(/^(fractions?|shares?)/, "%");
}

/**
 * Moves the decimal point of the plain decimal `digits` ("-12.5") by `places` (right when
 * positive): exact, with no float. The result has no exponent, no leading zeros before a
 * digit and no trailing zeros after the point: shift("12.5", -2) = "0.125".
 */
export function shift(digits, places) {
  const negative = digits.startsWith("-");
  const [whole, fraction = ""] = (negative ? digits.slice(1) : digits).split(".");
  let all = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    all = "0".repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all += "0".repeat(point - all.length);
  let head = all.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  let tail = all.slice(point).replace(/0+$/, "");
  const text = tail ? `${head}.${tail}` : head;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Groups a plain decimal's whole part by thousands for display: "1200000.5" → "1,200,000.5". */
export function grouped(digits) {
  const [whole, fraction] = digits.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const body = sign ? whole.slice(1) : whole;
  const withCommas = body.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${withCommas}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * Reads one typed number: an optional sign (- or −), an optional "$", digits with optional
 * thousands commas (in threes) and a decimal point, then an optional suffix (k, M, bn…), "%",
 * or "x"/"×". `{ digits, suffix, percent, ratio }` or null when it is not a number.
 */
function lex(raw) {
  const text = raw.trim().replace(/\u2212/g, "-").replace(/\u00a0/g, " ");
  const match = /^([-+])?\s*(\$)?\s*([-+])?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?\s*(%|[xX×]|[a-zA-Z]+)?\s*$/.exec(text);
  if (!match) return null;
  const [, sign1, dollar, sign2, whole, fraction, unit] = match;
  if (!whole && !fraction) return null;
  if (sign1 && sign2) return null;
  const suffix = unit && !/^(%|[xX×])$/.test(unit) ? unit.toLowerCase() : null;
  if (suffix && !(suffix in SUFFIXES)) return null;
  const negative = (sign1 ?? sign2) === "-";
  const digits = `${negative ? "-" : ""}${whole.replace(/,/g, "") || "0"}${fraction ? `.${fraction}` : ""}`;
  return { digits, dollar: Boolean(dollar), suffix, percent: unit === "%", ratio: Boolean(unit && /^[xX×]$/.test(unit)) };
}

/** What a field takes, for the message when it cannot read the text. */
function example(spec, scale) {
  if (scale === "percent") return "a percentage, like 10 or 10 %";
  if (spec.kind === "integer") return "a whole number, like 12";
  if (/USD/.test(spec.unit ?? "")) return "an amount, like 50,000, $50k or 1.2M";
  return "a number, like 1.5, 50,000 or 1.2M";
}

/**
 * Reads a field's typed text. `{ ok: true, value }` with the value the core takes (a decimal
 * string; a number for whole-number fields), or `{ ok: false, message, fixes }`: `message` in
 * plain words, `fixes` the texts to put in the field instead (`[{ label, text }]`), offered
 * when the value looks like the wrong scale.
 */
export function readNumber(spec, raw) {
  const scale = scaleOf(spec);
  const quoted = `"${raw.trim()}"`;
  const read = lex(raw);
  if (!read) return { ok: false, message: `${quoted} is not a number: type ${example(spec, scale)}.` };
  if (read.percent && scale !== "percent") return { ok: false, message: `${quoted}: this field is not a percentage; type ${example(spec, scale)}.` };
  if (read.dollar && (scale === "percent" || !/USD/.test(spec.unit ?? ""))) return { ok: false, message: `${quoted}: this field is not an amount of money; type ${example(spec, scale)}.` };
  if (read.ratio && !/×|ratio|x$/.test(spec.unit ?? "")) return { ok: false, message: `${quoted}: this field is not a multiple; type ${example(spec, scale)}.` };
  let digits = shift(read.digits, read.suffix ? SUFFIXES[read.suffix] : 0);
  if (scale === "percent") {
    const magnitude = Math.abs(Number(digits));
    if (!read.percent && magnitude > 0 && magnitude < 1 && !smallIsUsual(spec)) {
      const asPercent = shift(digits, 2);
      return {
        ok: false,
        message: `${raw.trim()} reads as ${digits} %: did you mean ${asPercent} %?`,
        fixes: [
          { label: `Use ${asPercent} %`, text: asPercent },
          { label: `Keep ${digits} %`, text: `${digits} %` },
        ],
      };
    }
    digits = shift(digits, -2);
  }
  if (spec.kind === "integer") {
    if (digits.includes(".")) return { ok: false, message: `${quoted}: type a whole number, like 12.` };
    const value = Number(digits);
    if (!Number.isSafeInteger(value)) return { ok: false, message: `${quoted} is too large for this field.` };
    return { ok: true, value };
  }
  return { ok: true, value: digits };
}

/**
 * Reads a list field's text: items separated by commas, semicolons or spaces, each typed as
 * in {@link readNumber} (no thousands commas: a comma separates items). A percent list whose
 * items under 1 % were typed without "%" is asked about as a whole.
 */
export function readList(spec, raw) {
  const items = raw.split(/[\s,;]+/).filter(Boolean);
  const values = [];
  const bad = [];
  let rescale = false;
  for (const item of items) {
    const read = readNumber({ ...spec, kind: "decimal" }, item);
    if (read.ok) values.push(read.value);
    else if (read.fixes) {
      rescale = true;
      values.push(null);
    } else bad.push(`"${item}"`);
  }
  if (bad.length) return { ok: false, message: `${bad.join(", ")} ${bad.length === 1 ? "is not a number" : "are not numbers"}: type numbers separated by commas, like ${scaleOf(spec) === "percent" ? "50, 30, 20" : "10, 12.5, 1.2M"}.` };
  if (rescale) {
    const asPercent = items.map((item) => {
      const read = lex(item);
      return read && !read.percent ? shift(read.digits, 2) : item;
    });
    const asTyped = items.map((item) => (lex(item)?.percent ? item : `${item}%`));
    return {
      ok: false,
      message: `${items.join(", ")} read as percentages under 1 %: did you mean ${asPercent.join(", ")} (in %)?`,
      fixes: [
        { label: "Use them × 100", text: asPercent.join(", ") },
        { label: "Keep them as typed", text: asTyped.join(", ") },
      ],
    };
  }
  return { ok: true, value: values };
}

/**
 * How a value the core takes is shown in its field: percentages × 100 ("0.1" → "10"), whole
 * amounts grouped by thousands ("50000" → "50,000"), lists joined by ", ".
 */
export function showNumber(spec, value) {
  if (value === undefined || value === null) return "";
  const one = (v) => {
    const text = String(v);
    if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
    if (scaleOf(spec) === "percent") return shift(text, 2);
    return spec.kind === "list" || Math.abs(Number(text)) < 10_000 ? text : grouped(text);
  };
  return Array.isArray(value) ? value.map(one).join(", ") : one(value);
}

// Exports of the tables: CSV (exact decimal strings, as the core returned them, a units row
// under the header, percentages as percentage numbers, and the close as month 0 where the
// table has one, so that a spreadsheet's IRR of the export reproduces the page's), tab-
// separated text for the clipboard (pastes into Excel and Sheets as cells), and file
// downloads (CSV, JSON, PNG, the Excel model) through a Blob: nothing leaves the page.

import { shift } from "./numbers.js";

/** The unit a column's values are written in, from its format: USD, %, x. */
export function unitOf(column) {
  if (column.unit !== undefined) return column.unit;
  const kind = typeof column.format === "function" ? "" : column.format ?? "text";
  if (kind.startsWith("usd")) return "USD";
  if (kind.startsWith("pct")) return "%";
  if (kind === "ratio") return "x";
  return "";
}

/** A column's value in `row`; null where the row has no such part (the close's row has few). */
function valueOf(column, row) {
  try {
    return column.get(row);
  } catch {
    return null;
  }
}

/** A cell's exported text: the exact decimal, × 100 in a percent column; booleans as TRUE/FALSE. */
function exported(column, row) {
  const value = valueOf(column, row);
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = String(value);
  return unitOf(column) === "%" && /^-?\d+(\.\d+)?$/.test(text) ? shift(text, 2) : text;
}

function cell(text) {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows to export: the close (`close`, a row or null) first, then `rows`. */
const withClose = (rows, close) => (close ? [close, ...rows] : rows);

/** RFC 4180 CSV: a header row of labels, a row of units, then one row per item. */
export function toCsv(columns, rows, close = null) {
  const lines = [columns.map((c) => cell(c.label)).join(","), columns.map((c) => cell(unitOf(c))).join(",")];
  for (const row of withClose(rows, close)) lines.push(columns.map((c) => cell(exported(c, row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Tab-separated text: a header row (labels with their units), then one row per item. */
export function toTsv(columns, rows, close = null) {
  const clean = (text) => text.replace(/[\t\r\n]+/g, " ");
  const head = columns.map((c) => clean(unitOf(c) ? `${c.label} (${unitOf(c)})` : c.label)).join("\t");
  const body = withClose(rows, close).map((row) => columns.map((c) => clean(exported(c, row))).join("\t"));
  return `${[head, ...body].join("\n")}\n`;
}

/** Saves `text` (a string, or bytes: a Uint8Array or a Blob) as a file named `filename`. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

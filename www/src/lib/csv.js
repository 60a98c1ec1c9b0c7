// CSV export of the tables (exact decimal strings, as the core returned them) and file
// downloads (CSV, JSON, the Excel model) through a Blob: nothing leaves the page.

function cell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header row of labels, then one row per item. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => cell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.get(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Saves `text` (a string, or bytes: a Uint8Array) as a file named `filename`. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

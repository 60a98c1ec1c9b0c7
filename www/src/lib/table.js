// Result tables: formatted for people, the exact decimal string kept in each cell's
// data-value, and a CSV download of the same rows (exact, unformatted).

import { download, toCsv } from "./csv.js";
import { el } from "./form.js";
import { format } from "./format.js";

/** A table with a caption and a "Download CSV" button, refilled on each result. */
export class Table {
  /** `spec`: `{ title, filename, columns: [{ label, get, format }], rows(result) }`. */
  constructor(root, spec) {
    this.spec = spec;
    this.rows = [];
    const button = el("button", { type: "button", className: "small", text: "Download CSV" });
    button.addEventListener("click", () => download(spec.filename, toCsv(spec.columns, this.rows), "text/csv"));
    this.body = el("tbody");
    const head = el("tr", {}, spec.columns.map((c) => el("th", { scope: "col", text: c.label })));
    this.table = el("table", { className: "results-table" }, [el("caption", { text: spec.title }), el("thead", {}, [head]), this.body]);
    this.root = el("div", { className: "table-block" }, [el("div", { className: "scroll" }, [this.table]), el("div", { className: "row-actions" }, [button])]);
    root.append(this.root);
  }

  /** Refills the rows, reusing the cells already there (a monthly statement has thousands). */
  update(result, ctx) {
    this.rows = this.spec.rows(result, ctx) ?? [];
    this.root.hidden = this.rows.length === 0;
    const { columns } = this.spec;
    const existing = this.body.rows;
    while (existing.length > this.rows.length) this.body.deleteRow(-1);
    this.rows.forEach((row, i) => {
      const tr = existing[i] ?? this.body.appendChild(el("tr", {}, columns.map((c) => el("td", { className: (c.format ?? "text") === "text" ? "" : "number" }))));
      columns.forEach((c, j) => {
        const value = c.get(row);
        const raw = value === null || value === undefined ? "" : String(value);
        const td = tr.cells[j];
        if (td.dataset.value === raw && td.firstChild) return;
        td.dataset.value = raw;
        td.textContent = format(value, c.format ?? "text");
      });
    });
  }
}

// Result tables: formatted for people, the exact decimal string kept in each cell's
// data-value, and a CSV download of the same rows (exact, unformatted). Only the rows in
// the table's scrolled view (and a few either side) are in the page, so an edit costs the
// same for a 12-month statement as for a 1,200-month one; rows scrolled to are drawn as
// they come into view, and a table out of view is drawn when it comes into it.
// aria-rowcount and aria-rowindex give the whole table's size.

import { download, toCsv, toTsv } from "./csv.js";
import { el } from "./form.js";
import { format } from "./format.js";
import { glossOf, glossText } from "./glossary.js";
import { onScreen } from "./on-screen.js";

/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 6;

/** A column's head: its label, and its glossary definition on hover and focus when it has one. */
function head(column, glossId) {
  const gloss = column.gloss ? glossOf(column.gloss) : null;
  if (!gloss) return el("th", { scope: "col", text: column.label });
  return el("th", { scope: "col", className: "has-gloss", tabindex: "0", "aria-describedby": glossId }, [
    column.label,
    el("span", { className: "gloss", id: glossId, role: "tooltip", text: glossText(gloss) }),
  ]);
}

export class Table {
  /**
   * `spec`: `{ title, filename, columns: [{ label, get, format, none, unit, gloss }], rows(result),
   * close(result), region }`: `close` is the row of month 0 (the close), in the exports only;
   * a column's `format` is a kind or a function of the row giving one, `none` says why a cell
   * is empty, `gloss` is the core's glossary key of the column (its definition shown on the
   * head's hover and focus); `region` names the table's scrolling box (unique in the page).
   */
  constructor(root, spec) {
    this.spec = spec;
    this.rows = [];
    this.present = new Map(); // row index → its <tr>, for the rows in the page
    this.free = []; // <tr>s out of view, kept for reuse
    // Sizes, from a ResizeObserver (an update reads no layout); guesses until it reports.
    this.rowHeight = 26;
    this.heads = { CAPTION: 30, THEAD: 30 }; // above the first row
    this.viewHeight = 352;
    this.scrollTop = 0;
    this.measuring = null; // the <tr> whose height the observer reports
    const button = el("button", { type: "button", className: "small", text: "Download CSV" });
    button.addEventListener("click", () => download(spec.filename, toCsv(spec.columns, this.rows, this.close), "text/csv"));
    // The whole table (not only the rows drawn) as tab-separated text, for a spreadsheet.
    const copy = el("button", { type: "button", className: "small copy-tsv", text: "Copy as TSV" });
    const copied = el("span", { className: "copied", "aria-live": "polite" });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(toTsv(spec.columns, this.rows, this.close));
        copied.textContent = `Copied ${this.rows.length + (this.close ? 1 : 0)} rows: paste them into a spreadsheet.`;
      } catch {
        copied.textContent = "The browser refused the clipboard: download the CSV instead.";
      }
    });
    const spacer = () => el("tr", { className: "spacer", "aria-hidden": "true" }, [el("td", { colspan: String(spec.columns.length) })]);
    this.above = spacer();
    this.below = spacer();
    this.body = el("tbody", {}, [this.above, this.below]);
    this.caption = el("caption", { text: spec.title });
    this.head = el("thead", {}, [el("tr", { "aria-rowindex": "1" }, spec.columns.map((c, i) => head(c, `${spec.filename.replace(/[^a-z0-9]+/gi, "-")}-${i}-gloss`)))]);
    this.table = el("table", { className: "results-table" }, [this.caption, this.head, this.body]);
    // A long table scrolls in its own box (only the rows in view are drawn), reachable from the
    // keyboard: focusable and named by its caption.
    this.scroller = el("div", { className: "scroll", tabindex: "0", role: "region", "aria-label": spec.region ?? spec.title }, [this.table]);
    this.root = el("div", { className: "table-block" }, [this.scroller, el("div", { className: "row-actions" }, [copied, copy, button])]);
    root.append(this.root);

    this.scroller.addEventListener("scroll", () => {
      this.scrollTop = this.scroller.scrollTop;
      this.draw();
    }, { passive: true });
    this.observer = new ResizeObserver((entries) => this.measured(entries));
    for (const part of [this.scroller, this.caption, this.head]) this.observer.observe(part);
    this.stale = false; // new rows not drawn yet (out of view)
    this.filled = false; // a result was drawn
    this.shown = onScreen(this.scroller, () => this.draw());
  }

  /** New rows from a result: redraws the rows in view (when the table is on screen). */
  update(result, ctx) {
    this.rows = this.spec.rows(result, ctx) ?? [];
    this.close = this.spec.close?.(result, ctx) ?? null; // month 0, exported only
    this.root.hidden = this.rows.length === 0;
    this.table.setAttribute("aria-rowcount", String(this.rows.length + 1));
    this.stale = true;
    this.draw();
  }

  /** Takes the sizes the observer reports; redraws when the rows in view change. */
  measured(entries) {
    for (const { target, borderBoxSize, contentRect } of entries) {
      const height = borderBoxSize?.[0]?.blockSize ?? contentRect.height;
      if (height <= 0) continue; // hidden
      if (target === this.scroller) this.viewHeight = contentRect.height;
      else if (target === this.measuring) this.rowHeight = height;
      else this.heads[target.tagName] = height;
    }
    this.draw();
  }

  /** The rows `[first, last)` in view, with the overscan. */
  range() {
    const above = this.heads.CAPTION + this.heads.THEAD;
    const top = Math.floor((this.scrollTop - above) / this.rowHeight);
    const bottom = Math.ceil((this.scrollTop + this.viewHeight - above) / this.rowHeight);
    return [Math.max(0, top - OVERSCAN), Math.min(this.rows.length, Math.max(0, bottom) + OVERSCAN)];
  }

  /**
   * Puts the rows in view in the table, if it is on screen (or shows no result yet), reusing
   * the <tr>s already there; after new rows, rewrites the cells whose value changed.
   */
  draw() {
    if (!this.shown() && this.filled) return;
    const refill = this.stale;
    const [first, last] = this.range();
    if (!refill && first === this.first && last === this.last) return;
    this.filled ||= refill;
    this.stale = false;
    this.first = first;
    this.last = last;
    for (const [i, tr] of this.present) {
      if (i >= first && i < last) continue;
      tr.remove();
      this.present.delete(i);
      this.free.push(tr);
    }
    let next = this.below;
    for (let i = last - 1; i >= first; i -= 1) {
      let tr = this.present.get(i);
      if (!tr || refill) tr = this.fill(tr ?? this.free.pop() ?? this.newRow(), i);
      if (!this.present.has(i)) {
        this.body.insertBefore(tr, next);
        this.present.set(i, tr);
      }
      next = tr;
    }
    this.above.cells[0].style.height = `${first * this.rowHeight}px`;
    this.below.cells[0].style.height = `${(this.rows.length - last) * this.rowHeight}px`;
  }

  newRow() {
    const tr = el("tr", {}, this.spec.columns.map((c) => el("td", { className: (c.format ?? "text") === "text" ? "" : "number" })));
    if (!this.measuring) {
      this.measuring = tr; // every row is as high as the first
      this.observer.observe(tr);
    }
    return tr;
  }

  /** Writes row `i` into `tr`, touching only the cells whose value changed. */
  fill(tr, i) {
    const row = this.rows[i];
    tr.dataset.row = String(i);
    tr.setAttribute("aria-rowindex", String(i + 2));
    this.spec.columns.forEach((c, j) => {
      const value = c.get(row);
      const raw = value === null || value === undefined ? "" : String(value);
      const td = tr.cells[j];
      if (td.dataset.value === raw && td.firstChild) return;
      td.dataset.value = raw;
      const kind = typeof c.format === "function" ? c.format(row) : c.format;
      td.textContent = format(value, kind ?? "text");
      td.title = raw === "" ? c.none ?? "Not defined in this row" : "";
    });
    return tr;
  }
}

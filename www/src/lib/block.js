// One calculator block: a form bound to its part of the state, the core function it calls,
// and its outputs (metrics, charts, tables). On every edit the block calls the core; a
// GpueconError puts each problem next to its field and keeps the last good result. A block
// whose compute answers with a promise (work done in a Web Worker) keeps its last result
// shown, marked "computing…", until the answer to the latest edit comes.

import { GpueconError } from "gpuecon";

import { Chart } from "./chart.js";
import { el, Form } from "./form.js";
import { joinPath } from "./paths.js";
import { format } from "./format.js";
import { glossOf, glossText } from "./glossary.js";
import { Table } from "./table.js";

/** Output specs, for the panel modules. */
export const metrics = (items) => ({ type: "metrics", items });
/**
 * The panel's answer, first: 3-5 metrics in a strip, each with `detail(result)` (a line under
 * the number: the headroom to a covenant) and `judge(value, result)`: "good", "near" or "bad"
 * against the covenant or threshold the detail states (coloured, and said in words).
 */
export const summary = (items) => ({ type: "metrics", items, summary: true });
export const chart = (title, build, opts = {}) => ({ type: "chart", title, build, ...opts });
export const table = (title, filename, columns, rowsOf, opts = {}) => ({ type: "table", title, filename, columns, rows: rowsOf, ...opts });
export const note = (text) => ({ type: "note", text });
export const custom = (mount, update) => ({ type: "custom", mount, update });

/** What a "—" means where a metric gives no reason of its own. */
const NOT_DEFINED = "Not defined for these inputs: the quantity does not exist here (an IRR of cash flows that never change sign, a ratio over nothing, an event that never happens).";

/** Thrown by a block's compute when an input it takes from another block is not valid yet. */
export class Needs extends Error {}

/** The problems a core error reports, each `{ field, message }`. */
export function problemsOf(error) {
  return error.problems?.length ? [...error.problems] : [{ field: error.field, message: error.message }];
}

export class BlockView {
  /**
   * @param def - `{ id, title, intro, state, fields, compute(input, ctx), outputs, controls }`
   * @param panelId - the panel's id, for element ids
   * @param app - `{ stateOf(key), changed(block), replaceState(key, value), timed(block) }`:
   *   `timed` after an answer that came later was drawn
   */
  constructor(def, panelId, app) {
    this.def = def;
    this.app = app;
    this.key = def.state ?? `${panelId}.${def.id}`;
    this.idPrefix = `${panelId}-${def.id}`;
    this.result = null;
    this.ok = false;
    this.edits = 0; // edits computed so far: an answer to an older one is dropped
    this.timing = { core: 0, draw: 0, worker: null };
  }

  state() {
    return this.app.stateOf(this.key);
  }

  mount() {
    const { def } = this;
    const formRoot = el("div", { className: "fields" });
    this.form = new Form(formRoot, def.fields ?? [], {
      idPrefix: this.idPrefix,
      // A model's inputs are explained under "<model>.inputs" (the block's `gloss`: "capacity_book").
      glossPrefix: def.gloss ? `${def.gloss}.inputs` : undefined,
      getState: () => this.state(),
      onInput: () => this.app.changed(this),
      onStructure: () => {
        this.form.forget(); // rows may have moved: typed text is kept by path
        this.form.render();
        this.app.changed(this);
      },
    });
    this.alert = el("div", { className: "alert", role: "alert", hidden: true });
    this.staleNote = el("p", { className: "stale-note", hidden: true, text: "Showing the last valid result: correct the inputs marked above." });
    this.warnings = el("ul", { className: "warnings", "aria-label": "Warnings", hidden: true });
    this.results = el("div", { className: "results" });
    // The summary strip goes here, above the inputs and the results: first at any width.
    this.answer = el("div", { className: "answer" });
    this.controls = el("div", { className: "controls" });
    const inputs = el("form", { className: "inputs", novalidate: true, "aria-label": `${def.title}: inputs` }, [this.controls, formRoot]);
    inputs.addEventListener("submit", (e) => e.preventDefault());
    this.outputs = (def.outputs ?? []).map((spec) => this.mountOutput(spec));
    this.root = el("section", { className: "block", id: this.idPrefix, "aria-labelledby": `${this.idPrefix}-title`, "data-block": def.id }, [
      el("h3", { id: `${this.idPrefix}-title`, text: def.title }),
      def.intro ? el("p", { className: "intro", text: def.intro }) : "",
      this.answer,
      el("div", { className: "block-body" }, [inputs, el("div", { className: "results-column" }, [this.alert, this.staleNote, this.warnings, this.results])]),
    ]);
    def.controls?.(this.controls, this);
    this.form.render();
    return this.root;
  }

  mountOutput(spec) {
    const host = el("div", { className: `output output-${spec.type}` });
    (spec.summary ? this.answer : this.results).append(host);
    switch (spec.type) {
      case "metrics": {
        const items = spec.items.map((item) => {
          const gloss = item.gloss ? glossOf(item.gloss) : null;
          const glossId = `${this.idPrefix}-${item.key}-gloss`;
          // Focusable, so that its definition (and why a "—") can be reached from the keyboard.
          const output = el("output", { "data-metric": `${this.def.id}.${item.key}`, tabindex: "0", "aria-describedby": gloss ? glossId : undefined });
          const detail = item.detail ? el("span", { className: "detail", "data-detail": `${this.def.id}.${item.key}` }) : "";
          host.append(el("div", { className: `metric${gloss ? " has-gloss" : ""}` }, [
            el("span", { className: "label", text: item.label }),
            output,
            detail,
            gloss ? el("span", { className: "gloss", id: glossId, role: "tooltip", text: glossText(gloss) }) : "",
          ]));
          return { item, output, detail };
        });
        host.classList.add("metrics");
        if (spec.summary) host.classList.add("summary-strip");
        return (result, ctx) => {
          for (const { item, output, detail } of items) {
            const value = item.get(result, ctx);
            output.dataset.value = value === null || value === undefined ? "" : String(value);
            // `format` is a kind, or a function of the result giving one.
            const kind = typeof item.format === "function" ? item.format(result) : item.format;
            const text = format(value, kind ?? "num");
            if (output.textContent !== text) output.textContent = text;
            // A "—" says why on hover: the item's reason, or the general one.
            const none = value === null || value === undefined;
            const title = none ? (typeof item.none === "function" ? item.none(result) : item.none) ?? NOT_DEFINED : "";
            if (output.title !== title) output.title = title;
            if (item.judge) output.parentElement.dataset.judged = none ? "" : item.judge(value, result) ?? "";
            const said = detail ? item.detail(result, value) ?? "" : "";
            if (detail && detail.textContent !== said) detail.textContent = said;
          }
        };
      }
      case "chart": {
        const figure = el("figure", { className: "figure", "data-chart": `${this.def.id}.${spec.key ?? spec.title}` }, [el("figcaption", { text: spec.title })]);
        host.append(figure);
        const view = new Chart(figure);
        this.charts = [...(this.charts ?? []), view];
        return (result, ctx) => {
          const built = spec.build(result, ctx);
          figure.hidden = !built;
          if (built) view.update(built);
        };
      }
      case "table": {
        const view = new Table(host, { ...spec, region: `${this.def.title}: ${spec.title}` });
        host.dataset.table = `${this.def.id}.${spec.filename.replace(/\.csv$/, "")}`;
        return (result, ctx) => view.update(result, ctx);
      }
      case "note": {
        const p = el("p", { className: "note" });
        host.append(p);
        return (result, ctx) => {
          p.textContent = spec.text(result, ctx);
        };
      }
      case "custom": {
        spec.mount?.(host, this);
        return (result, ctx) => spec.update?.(host, result, ctx);
      }
      default:
        throw new Error(`unknown output ${spec.type}`);
    }
  }

  /**
   * Calls the core and draws its answer; records in `timing` (and data-compute-ms,
   * data-draw-ms) the milliseconds each took on this thread. An answer that comes later (a
   * promise) is drawn when it comes, if no newer edit was made meanwhile; its wait is
   * data-worker-ms.
   */
  compute(ctx) {
    const edit = ++this.edits;
    const started = performance.now();
    let answer;
    let failure = null;
    try {
      answer = this.def.compute(this.state(), ctx);
    } catch (error) {
      failure = error;
    }
    const core = performance.now() - started;
    if (!failure && typeof answer?.then === "function") {
      this.showBusy(true);
      this.record({ core, draw: this.drawn(() => this.def.refreshControls?.(this)), worker: null });
      answer.then(
        (result) => this.answered(edit, started, () => this.succeed(result, ctx)),
        (error) => this.answered(edit, started, () => this.failWith(error)),
      );
      return;
    }
    const draw = this.drawn(() => {
      this.showBusy(false);
      this.def.refreshControls?.(this);
      if (failure) this.failWith(failure);
      else this.succeed(answer, ctx);
    });
    this.record({ core, draw, worker: null });
  }

  /** Shows a later answer to edit `edit` (made at `started`), unless a newer edit was made. */
  answered(edit, started, show) {
    if (edit !== this.edits) return;
    const worker = performance.now() - started;
    this.showBusy(false);
    this.record({ ...this.timing, draw: this.drawn(show), worker });
    this.app.timed?.(this);
  }

  /** Runs `draw`; the milliseconds it took. */
  drawn(draw) {
    const started = performance.now();
    draw();
    return performance.now() - started;
  }

  record(timing) {
    this.timing = timing;
    this.root.dataset.computeMs = timing.core.toFixed(3);
    this.root.dataset.drawMs = timing.draw.toFixed(3);
    if (timing.worker !== null) this.root.dataset.workerMs = timing.worker.toFixed(3);
  }

  /**
   * Shows "Computing…" above the last result, in a line kept when empty so that the results
   * do not move (made on the first wait: few blocks wait).
   */
  showBusy(busy) {
    if (busy && !this.busy) {
      this.busy = el("p", { className: "computing", role: "status" });
      this.results.before(this.busy);
    }
    if (this.busy) this.busy.textContent = busy ? "Computing…" : "";
    if (busy) this.root.dataset.state = "computing";
  }

  /** Shows why the core refused the inputs (or why they cannot be computed yet). */
  failWith(error) {
    if (error instanceof Needs) this.fail([{ field: "", message: error.message }]);
    else if (error instanceof GpueconError) this.fail(problemsOf(error));
    else throw error;
  }

  /**
   * Shows `problems` (the core's) with those of the text typed that is not a number (the
   * form's own, computed meanwhile with the field's last number): every bad field at once.
   */
  fail(problems) {
    this.ok = false;
    // The core's paths are relative to what it was given (`def.errorBase` inside the state).
    const base = this.def.errorBase;
    const placed = base ? problems.map((p) => ({ ...p, own: p.field, field: p.field ? joinPath(base, p.field) : p.field })) : problems;
    const typed = this.form.localProblems();
    const mistyped = new Set(typed.map((p) => p.field));
    const left = this.form.showProblems([...typed, ...placed.filter((p) => !mistyped.has(p.field))]);
    this.alert.hidden = left.length === 0;
    this.alert.textContent = left.map((p) => p.message).join("\n");
    this.staleNote.hidden = !this.result;
    this.root.dataset.state = "error";
    this.results.classList.toggle("stale", Boolean(this.result));
    this.answer.classList.toggle("stale", Boolean(this.result));
    this.shown();
  }

  succeed(result, ctx) {
    // Computed with the last number of a field whose text is not one: not the inputs shown.
    if (this.form.localProblems().length) {
      this.fail([]);
      return;
    }
    this.ok = true;
    this.result = result;
    this.form.clearProblems();
    this.alert.hidden = true;
    this.alert.textContent = "";
    this.staleNote.hidden = true;
    this.results.classList.remove("stale");
    this.answer.classList.remove("stale");
    this.root.dataset.state = "ok";
    this.showWarnings(this.def.warnings ? this.def.warnings(result) : result?.report?.warnings ?? result?.warnings);
    for (const update of this.outputs) update(result, ctx);
    this.shown();
  }

  /** The core's warnings on the inputs (`{ code, path, message }`), in its words, above the results. */
  showWarnings(warnings) {
    const list = Array.isArray(warnings) ? warnings : [];
    const said = list.map((w) => `${w.code}: ${w.message}`).join("\n");
    if (said === this.warnings.dataset.said) return; // the same warnings: nothing to lay out
    this.warnings.dataset.said = said;
    this.warnings.hidden = list.length === 0;
    this.warnings.replaceChildren(...list.map((w) => el("li", { "data-code": w.code ?? "", text: w.message })));
  }

  /** Counts the answers shown (data-answers), so tests can wait for the next one. */
  shown() {
    this.root.dataset.answers = String(Number(this.root.dataset.answers ?? 0) + 1);
  }

  restyle() {
    for (const c of this.charts ?? []) c.restyle();
  }
}

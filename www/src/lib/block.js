// One calculator block: a form bound to its part of the state, the core function it calls,
// and its outputs (metrics, charts, tables). On every edit the block calls the core; a
// GpueconError puts each problem next to its field and keeps the last good result.

import { GpueconError } from "gpuecon";

import { Chart } from "./chart.js";
import { el, Form } from "./form.js";
import { joinPath } from "./paths.js";
import { format } from "./format.js";
import { Table } from "./table.js";

/** Output specs, for the panel modules. */
export const metrics = (items) => ({ type: "metrics", items });
export const chart = (title, build, opts = {}) => ({ type: "chart", title, build, ...opts });
export const table = (title, filename, columns, rowsOf) => ({ type: "table", title, filename, columns, rows: rowsOf });
export const note = (text) => ({ type: "note", text });
export const custom = (mount, update) => ({ type: "custom", mount, update });

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
   * @param app - `{ stateOf(key), changed(block), replaceState(key, value) }`
   */
  constructor(def, panelId, app) {
    this.def = def;
    this.app = app;
    this.key = def.state ?? `${panelId}.${def.id}`;
    this.idPrefix = `${panelId}-${def.id}`;
    this.result = null;
    this.ok = false;
  }

  state() {
    return this.app.stateOf(this.key);
  }

  mount() {
    const { def } = this;
    const formRoot = el("div", { className: "fields" });
    this.form = new Form(formRoot, def.fields ?? [], {
      idPrefix: this.idPrefix,
      getState: () => this.state(),
      onInput: () => this.app.changed(this),
      onStructure: () => {
        this.form.render();
        this.app.changed(this);
      },
    });
    this.alert = el("div", { className: "alert", role: "alert", hidden: true });
    this.staleNote = el("p", { className: "stale-note", hidden: true, text: "Showing the last valid result: correct the inputs marked above." });
    this.results = el("div", { className: "results" });
    this.controls = el("div", { className: "controls" });
    const inputs = el("form", { className: "inputs", novalidate: true, "aria-label": `${def.title}: inputs` }, [this.controls, formRoot]);
    inputs.addEventListener("submit", (e) => e.preventDefault());
    this.outputs = (def.outputs ?? []).map((spec) => this.mountOutput(spec));
    this.root = el("section", { className: "block", id: this.idPrefix, "aria-labelledby": `${this.idPrefix}-title`, "data-block": def.id }, [
      el("h3", { id: `${this.idPrefix}-title`, text: def.title }),
      def.intro ? el("p", { className: "intro", text: def.intro }) : "",
      el("div", { className: "block-body" }, [inputs, el("div", { className: "results-column" }, [this.alert, this.staleNote, this.results])]),
    ]);
    def.controls?.(this.controls, this);
    this.form.render();
    return this.root;
  }

  mountOutput(spec) {
    const host = el("div", { className: `output output-${spec.type}` });
    this.results.append(host);
    switch (spec.type) {
      case "metrics": {
        const items = spec.items.map((item) => {
          const output = el("output", { "data-metric": `${this.def.id}.${item.key}` });
          host.append(el("div", { className: "metric" }, [el("span", { className: "label", text: item.label }), output]));
          return { item, output };
        });
        host.classList.add("metrics");
        return (result, ctx) => {
          for (const { item, output } of items) {
            const value = item.get(result, ctx);
            output.dataset.value = value === null || value === undefined ? "" : String(value);
            // `format` is a kind, or a function of the result giving one.
            const kind = typeof item.format === "function" ? item.format(result) : item.format;
            output.textContent = format(value, kind ?? "num");
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
        const view = new Table(host, spec);
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

  /** Calls the core; returns the milliseconds the core took (rendering excluded). */
  compute(ctx) {
    this.def.refreshControls?.(this);
    const started = performance.now();
    let result;
    try {
      result = this.def.compute(this.state(), ctx);
    } catch (error) {
      const spent = performance.now() - started;
      if (error instanceof Needs) this.fail([{ field: "", message: error.message }]);
      else if (error instanceof GpueconError) this.fail(problemsOf(error));
      else throw error;
      return { core: spent, draw: 0 };
    }
    const spent = performance.now() - started;
    const drawStarted = performance.now();
    this.succeed(result, ctx);
    return { core: spent, draw: performance.now() - drawStarted };
  }

  fail(problems) {
    this.ok = false;
    // The core's paths are relative to what it was given (`def.errorBase` inside the state).
    const base = this.def.errorBase;
    const placed = base ? problems.map((p) => ({ ...p, own: p.field, field: p.field ? joinPath(base, p.field) : p.field })) : problems;
    const left = this.form.showProblems(placed);
    this.alert.hidden = left.length === 0;
    this.alert.textContent = left.map((p) => p.message).join("\n");
    this.staleNote.hidden = !this.result;
    this.root.dataset.state = "error";
    this.results.classList.toggle("stale", Boolean(this.result));
  }

  succeed(result, ctx) {
    this.ok = true;
    this.result = result;
    this.form.clearProblems();
    this.alert.hidden = true;
    this.alert.textContent = "";
    this.staleNote.hidden = true;
    this.results.classList.remove("stale");
    this.root.dataset.state = "ok";
    for (const update of this.outputs) update(result, ctx);
  }

  restyle() {
    for (const c of this.charts ?? []) c.restyle();
  }
}

// A panel: one area of the library (owner cost, pricing, the box, …) made of blocks. The
// panel recomputes the edited blocks once per animation frame, however many input events
// came in it, and shows how long the core and the drawing took.

import { BlockView } from "./block.js";
import { el } from "./form.js";

export class PanelView {
  /** `def`: `{ id, title, intro, blocks }`; `app`: the shared store and callbacks. */
  constructor(def, app) {
    this.def = def;
    this.app = app;
    this.blocks = def.blocks.map((b) => new BlockView(b, def.id, { ...app, changed: (block) => app.changed(this, block), timed: () => this.showTiming() }));
    this.edited = new Set(); // ids of the blocks edited since the last frame
    this.frame = null;
    this.computed = []; // the blocks the last recompute computed
  }

  mount() {
    const { def } = this;
    this.timing = el("p", { className: "timing", "aria-live": "off" });
    this.root = el("section", { className: "panel", id: `panel-${def.id}`, "aria-labelledby": `panel-${def.id}-title`, "data-panel": def.id }, [
      el("div", { className: "panel-head" }, [el("h2", { id: `panel-${def.id}-title`, tabindex: "-1", text: def.title }), this.timing]),
      def.intro ? el("p", { className: "intro", text: def.intro }) : "",
      ...this.blocks.map((b) => b.mount()),
    ]);
    return this.root;
  }

  /** Re-renders the forms from the state (after a preset or a URL replaced it), then recomputes. */
  refresh() {
    for (const b of this.blocks) {
      b.form.forget();
      b.form.render();
    }
    this.recompute();
  }

  /** Recomputes `block` at the next animation frame, with the other blocks edited until then. */
  schedule(block) {
    this.edited.add(block.def.id);
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      const edited = this.edited;
      this.edited = new Set();
      this.recompute(edited);
    });
  }

  /**
   * Calls the core for the `edited` blocks (a set of ids) and the blocks that use them
   * (`uses: [ids]`), or for every block when `edited` is null.
   */
  recompute(edited = null) {
    if (!edited) {
      cancelAnimationFrame(this.frame);
      this.frame = null;
      this.edited.clear();
    }
    const ctx = {
      stateOf: (key) => this.app.stateOf(key),
      result: (id) => {
        const block = this.blocks.find((b) => b.def.id === id);
        return block?.ok ? block.result : null;
      },
    };
    const due = new Set(edited ?? this.blocks.map((b) => b.def.id));
    this.computed = [];
    for (const block of this.blocks) {
      if (block.def.uses?.some((id) => due.has(id))) due.add(block.def.id);
      if (!due.has(block.def.id)) continue;
      this.computed.push(block);
      block.compute(ctx);
    }
    this.root.dataset.recomputes = String(Number(this.root.dataset.recomputes ?? 0) + 1);
    this.showTiming();
  }

  /**
   * The last recompute's times, in data attributes and the label: the core's (in a worker
   * for the blocks that compute there) and the drawing's.
   */
  showTiming() {
    let core = 0;
    let draw = 0;
    let worker = 0;
    for (const { timing } of this.computed) {
      core += timing.worker ?? timing.core;
      draw += timing.draw;
      worker += timing.worker ?? 0;
    }
    this.root.dataset.computeMs = core.toFixed(3);
    this.root.dataset.renderMs = draw.toFixed(3);
    const ms = (t) => (t < 1 ? t.toFixed(2) : t.toFixed(1));
    const off = worker > 0 ? ` (${ms(worker)} ms of it in a worker)` : "";
    this.timing.textContent = `Computed in ${ms(core)} ms by the core${off}, ${draw.toFixed(1)} ms to draw`;
  }

  restyle() {
    for (const b of this.blocks) b.restyle();
  }
}

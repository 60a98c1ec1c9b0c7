// A panel: one area of the library (owner cost, pricing, the box, …) made of blocks. The
// panel recomputes all its blocks on every edit and shows how long the core took.

import { BlockView } from "./block.js";
import { el } from "./form.js";

export class PanelView {
  /** `def`: `{ id, title, intro, blocks }`; `app`: the shared store and callbacks. */
  constructor(def, app) {
    this.def = def;
    this.app = app;
    this.blocks = def.blocks.map((b) => new BlockView(b, def.id, { ...app, changed: (block) => app.changed(this, block) }));
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
    for (const b of this.blocks) b.form.render();
    this.recompute();
  }

  /**
   * Calls the core for the edited block `from` and the blocks that use it (`uses: [ids]`),
   * or for every block when `from` is null; records the times in data attributes and the label.
   */
  recompute(from = null) {
    const ctx = {
      stateOf: (key) => this.app.stateOf(key),
      result: (id) => {
        const block = this.blocks.find((b) => b.def.id === id);
        return block?.ok ? block.result : null;
      },
    };
    let core = 0;
    let draw = 0;
    const due = new Set(from ? [from.def.id] : this.blocks.map((b) => b.def.id));
    for (const block of this.blocks) {
      if (block.def.uses?.some((id) => due.has(id))) due.add(block.def.id);
      if (!due.has(block.def.id)) continue;
      const spent = block.compute(ctx);
      core += spent.core;
      draw += spent.draw;
      block.root.dataset.computeMs = spent.core.toFixed(3);
      block.root.dataset.drawMs = spent.draw.toFixed(3);
    }
    this.root.dataset.computeMs = core.toFixed(3);
    this.root.dataset.renderMs = draw.toFixed(3);
    this.root.dataset.recomputes = String(Number(this.root.dataset.recomputes ?? 0) + 1);
    this.timing.textContent = `Computed in ${core < 1 ? core.toFixed(2) : core.toFixed(1)} ms by the core, ${draw.toFixed(1)} ms to draw`;
  }

  restyle() {
    for (const b of this.blocks) b.restyle();
  }
}

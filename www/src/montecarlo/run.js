// The page's side of a Monte Carlo run: Run and Cancel buttons and a progress bar around the
// package's `runMonteCarlo`, whose run is held and stepped in the page's Web Worker
// (`connect.js`): only progress and the report come back. The report goes to `onReport`, a core error to `onError` with its problems.

import { GpueconError } from "gpuecon";
import { runMonteCarlo } from "gpuecon/montecarlo";

import { problemsOf } from "../lib/block.js";
import { el } from "../lib/form.js";
import { format } from "../lib/format.js";
import { worker } from "./connect.js";

/** Paths per batch: a progress step every few tenths of a second, a prompt cancel. */
const BATCH = 250;

export class MonteCarloRun {
  /**
   * @param host - where the controls go
   * @param spec - `() => run`: the run (`{ scenario, options }`) the inputs describe now, or null
   * @param callbacks - `onReport(report)`, `onError(problems)`
   */
  constructor(host, spec, { onReport, onError }) {
    Object.assign(this, { spec, onReport, onError });
    this.controller = null;
    this.runButton = el("button", { type: "button", className: "primary", text: "Run" });
    this.cancelButton = el("button", { type: "button", text: "Cancel", disabled: true });
    this.progress = el("progress", { max: "1", value: "0", "aria-label": "Monte Carlo progress" });
    this.status = el("span", { className: "status", role: "status", text: "Not run yet: press Run." });
    host.append(el("div", { className: "progress" }, [this.runButton, this.cancelButton, this.progress]), this.status);
    this.runButton.addEventListener("click", () => this.start());
    this.cancelButton.addEventListener("click", () => this.controller?.abort());
  }

  async start() {
    const run = this.spec();
    if (!run) {
      this.status.textContent = "Correct the inputs first.";
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    const started = performance.now();
    this.progress.value = 0;
    this.progress.max = Number(run.options?.paths) || 1;
    this.runButton.disabled = true;
    this.cancelButton.disabled = false;
    this.status.textContent = "Running…";
    try {
      const report = await runMonteCarlo(run, {
        worker: await worker(),
        batchSize: BATCH,
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          this.progress.max = total;
          this.progress.value = done;
          this.status.textContent = `${format(done, "int")} of ${format(total, "int")} paths`;
        },
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.finish(`Done: ${format(report.paths, "int")} paths in ${seconds} s (seed ${report.seed}).`, "done");
      this.onReport(report);
    } catch (error) {
      if (controller.signal.aborted) {
        this.finish(`Cancelled after ${format(this.progress.value, "int")} paths: the last complete run stays shown.`, "cancelled");
      } else if (error instanceof GpueconError) {
        this.finish("The core refused the run: see the message.", "error");
        this.onError(problemsOf(error));
      } else {
        this.finish(`The run failed: ${error.message}`, "error");
        throw error;
      }
    }
  }

  finish(message, outcome) {
    this.controller = null;
    this.runButton.disabled = false;
    this.cancelButton.disabled = true;
    this.status.textContent = message;
    this.status.dataset.outcome = outcome;
  }
}

// The page's side of a Monte Carlo run: Run and Cancel buttons and a progress bar around the
// package's `runMonteCarlo`, whose run is held and stepped in the page's Web Worker
// (`connect.js`): only progress and the report come back. The report goes to `onReport`, a core error to `onError` with its problems.
// A cancelled run keeps what it computed: the report of the paths done goes to `onReport`
// labelled partial (`{ done, total }`), and the status says so.

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
   * @param callbacks - `onReport(report, partial)` (`partial`: `{ done, total }` of a
   *   cancelled run, else null), `onError(problems)`
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
      const { report, cancelled, progress } = await runMonteCarlo(run, {
        worker: await worker(),
        batchSize: BATCH,
        signal: controller.signal,
        keepPartial: true,
        onProgress: ({ done, total }) => {
          this.progress.max = total;
          this.progress.value = done;
          this.status.textContent = `${format(done, "int")} of ${format(total, "int")} paths`;
        },
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (!cancelled) {
        this.finish(`Done: ${format(report.paths, "int")} paths in ${seconds} s (seed ${report.seed}).`, "done");
        this.onReport(report, null);
      } else if (report) {
        const partial = { done: progress.done, total: progress.total };
        this.finish(`${partialLabel(partial)}: the results below are of these paths (seed ${report.seed}).`, "cancelled");
        this.onReport(report, partial);
      } else {
        this.finish("Cancelled before any path ran: the last run stays shown.", "cancelled");
      }
    } catch (error) {
      if (error instanceof GpueconError) {
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

/** How a cancelled run's report is labelled: "Partial: 1,250 of 5,000 paths, cancelled". */
export function partialLabel({ done, total }) {
  return `Partial: ${format(done, "int")} of ${format(total, "int")} paths, cancelled`;
}

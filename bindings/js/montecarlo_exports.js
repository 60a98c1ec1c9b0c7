// `gpuecon/montecarlo`'s exports, shared by its browser entry (`montecarlo.js`) and its
// Node entry (`montecarlo.node.js`), which differ only in how they load the Monte Carlo's
// own .wasm (`gpuecon_montecarlo_bg.wasm`, the bindings crate built with its `montecarlo`
// feature alone: docs/size.md): not at import, but when first used.
import { GpueconError } from "./gpuecon_error.js";

/**
 * The entry's exports over `glue` (wasm-bindgen's glue of the Monte Carlo's module):
 * `load()` makes the module usable now or throws (Node compiles it synchronously on the
 * first call; a browser cannot, and says to `await ready()` first), `ready()` resolves
 * once it is loaded, starting the load on the first call.
 */
export function monteCarloExports(glue, load, ready) {
  /**
   * A Monte Carlo run held in the module: the glue's class, loading the module first. The
   * scenario is compiled once, the paths' outcomes stay in the module, and only progress
   * numbers and one report cross.
   */
  class MonteCarloRun extends glue.MonteCarloRun {
    constructor(inputs) {
      load();
      super(inputs);
    }
  }
  const montecarlo = (inputs) => (load(), glue.montecarlo(inputs));
  const tornado = (inputs) => (load(), glue.tornado(inputs));
  const sensitivity_grid = (inputs) => (load(), glue.sensitivity_grid(inputs));
  const montecarlo_typical = () => (load(), glue.montecarlo_typical());

  /**
   * Runs `run` (`{ scenario | portfolio, options }`, as `montecarlo` takes) in steps of
   * `batchSize` paths, calling `onProgress({ done, total, finished, target_met })` after
   * each; rejects when `signal` aborts. With `options.target_standard_error_usd` it stops as
   * soon as a check meets the target. Resolves to the report `montecarlo` would return; with
   * `keepPartial`, to `{ report, cancelled, progress }`, where an abort resolves with the
   * report of the paths done (null when none ran) and `cancelled: true`. The module is
   * loaded (once) by the first run computed on this thread; a run in a `worker` loads nothing
   * here.
   */
  async function runMonteCarlo(run, { batchSize = 2000, onProgress, signal, worker, keepPartial = false } = {}) {
    const size = stepSize(batchSize);
    const keep = Boolean(keepPartial);
    if (signal?.aborted && !keep) throw aborted(signal);
    if (worker) return viaWorker(worker, run, size, onProgress, signal, keep);
    await ready();
    const outcome = await drive(MonteCarloRun, run, size, (p) => onProgress?.(p), () => signal?.aborted, keep);
    if (keep) return outcome;
    if (outcome.cancelled) throw aborted(signal);
    return outcome.report;
  }

  /**
   * Serves runs in a Web Worker (or any `scope` with `addEventListener` and `postMessage`):
   * the worker holds each run's `MonteCarloRun`. A message `{ id, run, batchSize,
   * keepPartial }` starts a run, answered `{ id, progress }` after each step, then
   * `{ id, report, done }` or `{ id, error }`; `{ id, cancel: true }` stops it between steps
   * (and frees it), answered, with `keepPartial`, `{ id, report, done, cancelled: true }`
   * (the report of the paths done, null when none ran), else not at all. The module is
   * loaded (once) when the first run arrives.
   */
  function serveMonteCarlo(scope = globalThis) {
    const running = new Set();
    const cancelled = new Set();
    scope.addEventListener("message", async (event) => {
      const { id, run, batchSize, cancel, keepPartial } = event.data ?? {};
      if (cancel) {
        if (running.has(id)) cancelled.add(id);
        return;
      }
      running.add(id);
      try {
        const keep = Boolean(keepPartial);
        await ready();
        const outcome = await drive(
          MonteCarloRun,
          run,
          stepSize(batchSize),
          (progress) => scope.postMessage({ id, progress }),
          () => cancelled.has(id),
          keep,
        );
        if (!outcome.cancelled) scope.postMessage({ id, report: outcome.report, done: outcome.progress });
        else if (keep) scope.postMessage({ id, report: outcome.report, done: outcome.progress, cancelled: true });
      } catch (e) {
        scope.postMessage({ id, error: postable(e) });
      } finally {
        running.delete(id);
        cancelled.delete(id);
      }
    });
  }

  return { MonteCarloRun, montecarlo, tornado, sensitivity_grid, montecarlo_typical, runMonteCarlo, serveMonteCarlo, GpueconError };
}

/**
 * Lets the event loop run (progress painted, an abort or a cancel message delivered)
 * between steps, without the 4 ms clamp that nested `setTimeout(0)` gets: in a browser, a
 * message through a fresh MessageChannel (closed once used); in Node, `setImmediate`, its
 * own yield to pending I/O, messages included. Not one shared channel: Node drains up to
 * 1,000 messages of a port before it serves another, so a worker's pauses through one
 * channel kept its cancel message waiting 1,000 steps; and a fresh channel costs Node
 * 16-280 µs a pause against setImmediate's 3-30 µs (measured: docs/benchmarks.md).
 */
function pause() {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** The error an aborted run rejects with: the signal's reason, else an "AbortError". */
function aborted(signal) {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error("the Monte Carlo run was aborted");
  error.name = "AbortError";
  return error;
}

/** A GpueconError again, from what a worker could post of it. */
function revive(e) {
  return e && e.code
    ? new GpueconError(e.code, e.field, e.message, e.excel, e.problems)
    : new Error(e?.message ?? String(e));
}

/** What of an error a worker can post. */
function postable(e) {
  return { code: e?.code, field: e?.field, message: String(e?.message ?? e), excel: e?.excel, problems: e?.problems };
}

/** Paths per step: a whole number from 1 to 1,000,000 (a run's most paths). */
function stepSize(batchSize) {
  return Math.min(1_000_000, Math.max(1, Math.floor(Number(batchSize) || 1)));
}

/** The report of the paths `handle` ran so far; null before any ran. */
function partialReport(handle, progress) {
  return progress.done > 0 ? handle.report() : null;
}

/**
 * Steps a `MonteCarloRun` of `run` by `size` paths until it is finished or `stopped()`;
 * `progress(p)` after each step. Resolves to `{ report, cancelled: false, progress }` once
 * finished; when stopped, to `{ cancelled: true, progress }` with, if `keepPartial`, the
 * `report` of the paths done (null when none ran). The handle (a `Run`) is freed however
 * it ends.
 */
async function drive(Run, run, size, progress, stopped, keepPartial) {
  const handle = new Run(run);
  try {
    const cancelled = () => {
      const where = handle.progress();
      return { report: keepPartial ? partialReport(handle, where) : null, cancelled: true, progress: where };
    };
    for (;;) {
      await pause();
      if (stopped()) return cancelled();
      const step = handle.step(size);
      if (stopped()) return cancelled();
      progress(step);
      if (step.finished) return { report: handle.report(), cancelled: false, progress: step };
    }
  } finally {
    handle.free();
  }
}

/** The run computed by `worker` (whose script calls `serveMonteCarlo`). */
let nextId = 0;
function viaWorker(worker, run, size, onProgress, signal, keepPartial) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const done = () => {
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
      signal?.removeEventListener("abort", onAbort);
    };
    const onMessage = (event) => {
      const data = event.data;
      if (data?.id !== id) return;
      if (data.progress) {
        onProgress?.(data.progress);
        return;
      }
      done();
      if (data.error) reject(revive(data.error));
      else if (keepPartial) resolve({ report: data.report ?? null, cancelled: Boolean(data.cancelled), progress: data.done });
      else resolve(data.report);
    };
    const onError = (event) => {
      done();
      reject(new Error(event.message ?? "the Monte Carlo worker failed"));
    };
    // Keeping the partial report, the run waits for the worker's answer to the cancel
    // (the report of the paths done, or the whole report when it finished first).
    const onAbort = () => {
      worker.postMessage({ id, cancel: true });
      if (keepPartial) return;
      done();
      reject(aborted(signal));
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
    worker.postMessage({ id, run, batchSize: size, keepPartial });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}


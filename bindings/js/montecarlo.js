// Monte Carlo in batches, with progress and cancellation, on the calling thread or in a
// Web Worker.
//
//   import { runMonteCarlo } from "gpuecon/montecarlo";
//   const controller = new AbortController();
//   const report = await runMonteCarlo(
//     { scenario, options: { paths: 20000, seed: 1, stochastic } },
//     { batchSize: 2000, onProgress: ({ done, total }) => bar(done / total), signal: controller.signal },
//   );
//
// In a worker (module) script, two lines serve the batches:
//
//   import { serveMonteCarlo } from "gpuecon/montecarlo";
//   serveMonteCarlo();
//
// and `runMonteCarlo(run, { worker: new Worker(url, { type: "module" }) })` sends them
// there. Batches are the core's `montecarlo_batch`; `montecarlo_finish` reports them. The
// paths do not depend on the batch size: the same seed gives the same report however the
// run is cut, here, in a worker, or natively.
import { GpueconError, montecarlo_batch, montecarlo_finish } from "gpuecon";

/** Lets the event loop run (progress painted, an abort delivered) between batches. */
function pause() {
  return new Promise((resolve) => setTimeout(resolve, 0));
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

/** Batches computed by `worker`, one request at a time. */
function viaWorker(worker) {
  let next = 0;
  return (inputs) =>
    new Promise((resolve, reject) => {
      const id = next++;
      const onMessage = (event) => {
        if (event.data?.id !== id) return;
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        if (event.data.error) reject(revive(event.data.error));
        else resolve(event.data.batch);
      };
      const onError = (event) => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        reject(new Error(event.message ?? "the Monte Carlo worker failed"));
      };
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      worker.postMessage({ id, inputs });
    });
}

/**
 * Runs `run` (`{ scenario | portfolio, options }`, as `montecarlo` takes) in batches of
 * `batchSize` paths, calling `onProgress({ done, total })` after each; rejects when
 * `signal` aborts. With `options.target_standard_error_usd` it stops as soon as the report
 * says the target is met. Resolves to the report `montecarlo` would return.
 */
export async function runMonteCarlo(run, { batchSize = 2000, onProgress, signal, worker } = {}) {
  const total = run?.options?.paths ?? 10000;
  const size = Math.max(1, Math.floor(batchSize));
  const target = run?.options?.target_standard_error_usd != null;
  const compute = worker
    ? viaWorker(worker)
    : async (inputs) => {
        await pause();
        return montecarlo_batch(inputs);
      };
  const batches = [];
  let done = 0;
  while (done < total) {
    if (signal?.aborted) throw aborted(signal);
    const count = Math.min(size, total - done);
    batches.push(await compute({ run, first_path: done, count }));
    done += count;
    if (signal?.aborted) throw aborted(signal);
    onProgress?.({ done, total });
    if (target && done < total) {
      const report = montecarlo_finish({ run, batches });
      if (report.target_met) return report;
    }
  }
  return montecarlo_finish({ run, batches });
}

/**
 * Serves batches in a Web Worker (or any `scope` with `onmessage` and `postMessage`): each
 * message `{ id, inputs }` is answered `{ id, batch }` or `{ id, error }`.
 */
export function serveMonteCarlo(scope = globalThis) {
  scope.addEventListener("message", (event) => {
    const { id, inputs } = event.data ?? {};
    try {
      scope.postMessage({ id, batch: montecarlo_batch(inputs) });
    } catch (e) {
      scope.postMessage({
        id,
        error: { code: e?.code, field: e?.field, message: String(e?.message ?? e), excel: e?.excel, problems: e?.problems },
      });
    }
  });
}

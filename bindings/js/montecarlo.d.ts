/**
 * `gpuecon/montecarlo`: a Monte Carlo run in batches, with progress and cancellation, on the
 * calling thread or in a Web Worker.
 *
 * @packageDocumentation
 */
import type { MonteCarloInputs, MonteCarloReport } from "gpuecon";

/** How a run is cut, reported and stopped. */
export interface RunOptions {
  /** Paths per batch (default 2,000): smaller batches report progress more often. */
  batchSize?: number;
  /** Called after each batch with the paths done and the paths to run. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Aborting it rejects the run (with the signal's reason) before the next batch. */
  signal?: AbortSignal;
  /** A worker whose script calls {@link serveMonteCarlo}: the batches run there. */
  worker?: Worker;
}

/**
 * Runs `run` (as `montecarlo` takes it) in batches and resolves to the report `montecarlo`
 * would return; with `options.target_standard_error_usd`, stops as soon as it is met.
 *
 * @example
 * import { presets } from "gpuecon";
 * import { runMonteCarlo } from "gpuecon/montecarlo";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * const controller = new AbortController();
 * const worker = new Worker(new URL("./montecarlo.worker.js", import.meta.url), { type: "module" });
 * const report = await runMonteCarlo(
 *   { scenario, options: { paths: 20000, seed: 1, stochastic: { sofr: { mean_reversion_per_month: 0.05, volatility_per_month: 0.0025 } } } },
 *   { worker, batchSize: 2000, signal: controller.signal, onProgress: ({ done, total }) => console.log(done / total) },
 * );
 */
export declare function runMonteCarlo(run: MonteCarloInputs, options?: RunOptions): Promise<MonteCarloReport>;

/**
 * Serves batches from a worker (module) script: `import { serveMonteCarlo } from
 * "gpuecon/montecarlo"; serveMonteCarlo();`.
 *
 * @example
 * // montecarlo.worker.js
 * import { serveMonteCarlo } from "gpuecon/montecarlo";
 * serveMonteCarlo();
 */
export declare function serveMonteCarlo(scope?: {
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
}): void;

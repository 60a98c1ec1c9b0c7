/**
 * `gpuecon/montecarlo`: a Monte Carlo run step by step, with progress and cancellation, on
 * the calling thread or in a Web Worker.
 *
 * @packageDocumentation
 */
import type { MonteCarloInputs, MonteCarloReport } from "gpuecon";

/** Where a {@link MonteCarloRun} stands after a step. */
export interface MonteCarloProgress {
  /** Paths run so far. */
  done: number;
  /** Paths the run runs at most (`options.paths`). */
  total: number;
  /** Every path run, or the target standard error met: `report()` is the run's report. */
  finished: boolean;
  /** With `options.target_standard_error_usd`: whether a check has met it yet; else null. */
  target_met: boolean | null;
}

/**
 * A Monte Carlo run held in the module (exported by `gpuecon` and `gpuecon/montecarlo`): the
 * scenario is checked and compiled once, the paths' outcomes stay in the module, and only
 * progress numbers and one report cross. The report is `montecarlo`'s for the same inputs,
 * to the bit, whatever the steps. `runMonteCarlo` drives one (in a worker, with `worker`).
 *
 * @example
 * import { MonteCarloRun, montecarlo_typical, presets } from "gpuecon";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * const run = new MonteCarloRun({ scenario, options: { paths: 10000, seed: 1, stochastic: montecarlo_typical() } });
 * try {
 *   let progress;
 *   do progress = run.step(250); while (!progress.finished);
 *   console.log(run.report().npv_usd.mean); // what montecarlo(...) gives
 * } finally {
 *   run.free();
 * }
 */
export declare class MonteCarloRun {
  /**
   * Prepares a run (`{ scenario | portfolio, options }`, as `montecarlo` takes it); no path
   * runs yet.
   * @throws {GpueconError} as `montecarlo` does for invalid inputs.
   */
  constructor(inputs: MonteCarloInputs);
  /**
   * Runs the next `paths` paths (fewer when fewer are left, none once finished).
   * @throws {GpueconError} INVALID_ARGUMENT on `paths` unless a whole number from 1 to 1,000,000.
   */
  step(paths: number): MonteCarloProgress;
  /** Where the run stands. */
  progress(): MonteCarloProgress;
  /**
   * The report of the paths run so far: once finished, `montecarlo`'s report; before (a
   * cancelled run), the report of the paths done.
   * @throws {GpueconError} before any path ran.
   */
  report(): MonteCarloReport;
  /** Frees the run's memory in the module; the object is unusable afterwards. */
  free(): void;
}

/** How a run is cut, reported and stopped. */
export interface RunOptions {
  /** Paths per batch (default 2,000): smaller batches report progress more often. */
  batchSize?: number;
  /** Called after each batch with the paths done, the paths to run, and whether it is finished. */
  onProgress?: (progress: MonteCarloProgress) => void;
  /**
   * Aborting it stops the run before the next batch: it rejects (with the signal's reason),
   * or, with `keepPartial`, resolves with the report of the paths done.
   */
  signal?: AbortSignal;
  /**
   * Keep what a cancelled run computed: the run resolves to a {@link RunOutcome} (the
   * report of the paths done on an abort) instead of rejecting. Default false.
   */
  keepPartial?: boolean;
  /** A worker whose script calls {@link serveMonteCarlo}: the run is held and stepped there. */
  worker?: Worker;
}

/** What a run with `keepPartial: true` resolves to, finished or cancelled. */
export interface RunOutcome {
  /**
   * The report of the paths run: the whole run's when finished; when cancelled, the report
   * of the `progress.done` paths done (it equals a complete run of that many paths with the
   * same seed and options, since the paths do not depend on the steps); null when the
   * cancel came before any path ran.
   */
  report: MonteCarloReport | null;
  /** Whether the signal stopped the run before it finished (a partial report). */
  cancelled: boolean;
  /** Where the run stood when it ended: paths done and to run. */
  progress: MonteCarloProgress;
}

/**
 * Runs `run` (as `montecarlo` takes it) in steps of `batchSize` paths, yielding to the event
 * loop between them, and resolves to the report `montecarlo` would return; with
 * `options.target_standard_error_usd`, stops as soon as a check meets it.
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
export declare function runMonteCarlo(run: MonteCarloInputs, options?: RunOptions & { keepPartial?: false }): Promise<MonteCarloReport>;
/**
 * With `keepPartial: true`: resolves to `{ report, cancelled, progress }`, and an abort
 * resolves with the report of the paths done instead of rejecting.
 *
 * @example
 * import { presets } from "gpuecon";
 * import { runMonteCarlo } from "gpuecon/montecarlo";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 500); // a Cancel button, say
 * const { report, cancelled, progress } = await runMonteCarlo(
 *   { scenario, options: { paths: 100000, seed: 1, stochastic: { sofr: { mean_reversion_per_month: 0.05, volatility_per_month: 0.0025 } } } },
 *   { batchSize: 1000, signal: controller.signal, keepPartial: true },
 * );
 * if (cancelled) console.log(`partial: ${progress.done} of ${progress.total} paths`, report?.npv_usd.mean);
 */
export declare function runMonteCarlo(run: MonteCarloInputs, options: RunOptions & { keepPartial: true }): Promise<RunOutcome>;

/**
 * Serves runs from a worker (module) script, which holds each run's {@link MonteCarloRun}:
 * `import { serveMonteCarlo } from "gpuecon/montecarlo"; serveMonteCarlo();`.
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

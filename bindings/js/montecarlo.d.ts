/**
 * `gpuecon/montecarlo`: a Monte Carlo run step by step, with progress and cancellation, on
 * the calling thread or in a Web Worker; `montecarlo`, `tornado` and `sensitivity_grid`.
 * Its own WebAssembly module, loaded when first used, not at import (the main `gpuecon`
 * entry does not load it): in Node on the first call, synchronously; in browsers by
 * `runMonteCarlo` and `serveMonteCarlo` themselves, and by {@link ready} for the functions
 * that answer at once. `GpueconError` is the main entry's class.
 *
 * @packageDocumentation
 */
import type {
  DecimalInput,
  DecimalString,
  MonteCarloInputs,
  MonteCarloReport,
  Scenario,
  SensitivityAxis,
  SensitivityInput,
  SensitivityOutput,
  Stochastic,
  TornadoRow,
} from "gpuecon";

export { GpueconError } from "gpuecon";

/**
 * Loads the Monte Carlo's module (once; later calls return the same promise): fetched and
 * compiled in browsers, read synchronously in Node. `new MonteCarloRun`, `montecarlo`,
 * `tornado`, `sensitivity_grid` and `montecarlo_typical` throw in a browser until it has
 * resolved; in Node they load the module themselves. `runMonteCarlo` and
 * `serveMonteCarlo` need no call to it.
 *
 * @example
 * import { presets } from "gpuecon";
 * import { ready, tornado } from "gpuecon/montecarlo";
 * await ready();
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * tornado({ scenario, output: "npv_usd", swings: [{ input: "sofr", low: "0.03", high: "0.05" }] }).rows.length; // 1
 */
export declare function ready(): Promise<void>;

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
 * A Monte Carlo run held in the module: the scenario is checked and compiled once, the
 * paths' outcomes stay in the module, and only progress numbers and one report cross. The
 * report is `montecarlo`'s for the same inputs, to the bit, whatever the steps.
 * `runMonteCarlo` drives one (in a worker, with `worker`). In browsers, after
 * `await ready()`.
 *
 * @example
 * import { montecarlo_typical, presets } from "gpuecon";
 * import { MonteCarloRun, ready } from "gpuecon/montecarlo";
 * await ready(); // in browsers; Node loads the module on first use
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

/**
 * Runs a Monte Carlo of a box (`scenario`) or a portfolio: P5 to P95, mean and standard error
 * of NPV, project and equity IRR, equity value and minimum DSCR; breach probabilities and
 * their first months; the expected shortfall; histograms, in one call on this thread
 * (`runMonteCarlo` gives progress and cancellation, and runs in a worker). In browsers,
 * after `await ready()`.
 *
 * @throws {GpueconError} with every problem and its path (`options.paths`, `scenario.power.pue`).
 *
 * @example
 * import { presets } from "gpuecon";
 * import { montecarlo } from "gpuecon/montecarlo";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-sub-ig");
 * const report = montecarlo({ scenario, options: { paths: 2000, seed: 1, stochastic: {
 *   contract_usage: { mean_reversion_per_month: 0.3, volatility_per_month: 0.1 },
 *   customer_default: { annual_probability: 0.02, recovery: 0.4 },
 *   sofr: { mean_reversion_per_month: 0.05, volatility_per_month: 0.0025, floor_annual_rate: 0 },
 * } } });
 * report.equity_irr_annual.p5;            // the equity's IRR in the worst 5 % of paths
 * report.covenant_default.probability;    // the chance the lender can call the loan
 */
export declare function montecarlo(inputs: MonteCarloInputs): MonteCarloReport;

/** The typical random inputs: the main entry's `montecarlo_typical` (documented there), here too. */
export declare function montecarlo_typical(): Stochastic;

/**
 * A tornado: each input at its low and its high value, the others at the scenario's,
 * through the exact model; the largest swing first. In browsers, after `await ready()`.
 *
 * @throws {GpueconError} on a value the scenario rejects (`swings[1].low.market.utilization`).
 *
 * @example
 * import { presets } from "gpuecon";
 * import { tornado } from "gpuecon/montecarlo";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * tornado({ scenario, output: "equity_irr_annual", swings: [
 *   { input: "contract_price", low: "2.40", high: "2.80" },
 *   { input: "sofr", low: "0.03", high: "0.05" },
 * ] }).rows[0].input; // "contract_price"
 */
export declare function tornado(inputs: {
  scenario: Scenario;
  output: SensitivityOutput;
  swings: { input: SensitivityInput; low: DecimalInput; high: DecimalInput }[];
}): { output: SensitivityOutput; base: DecimalString | null; rows: TornadoRow[] };

/**
 * A two-input grid through the exact model: `values[j][i]` at `y.values[j]` and `x.values[i]`.
 * In browsers, after `await ready()`.
 *
 * @example
 * import { presets } from "gpuecon";
 * import { sensitivity_grid } from "gpuecon/montecarlo";
 * const { scenario } = presets().find((p) => p.id === "coreweave-box-ig");
 * const { values } = sensitivity_grid({ scenario, output: "equity_irr_annual",
 *   x: { input: "contract_price", values: ["2.40", "2.60", "2.80"] },
 *   y: { input: "usage_share", values: ["0.6", "0.9"] } });
 * values[1][2]; // the equity's IRR at $2.80 and 90 % usage
 */
export declare function sensitivity_grid(inputs: {
  scenario: Scenario;
  output: SensitivityOutput;
  x: SensitivityAxis;
  y: SensitivityAxis;
}): {
  output: SensitivityOutput;
  base: DecimalString | null;
  x: { input: SensitivityInput; values: DecimalString[] };
  y: { input: SensitivityInput; values: DecimalString[] };
  values: (DecimalString | null)[][];
};

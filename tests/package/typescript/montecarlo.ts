// The Monte Carlo entry's types as a user writes against them (strict, no emit): the
// handle (its type also from the main entry), its progress, runMonteCarlo's options, and
// `ready` before the functions that answer at once.
import { type MonteCarloRun as FromMain, montecarlo_typical, presets, type MonteCarloReport } from "gpuecon";
import { MonteCarloRun, montecarlo, ready, runMonteCarlo, serveMonteCarlo, type MonteCarloProgress } from "gpuecon/montecarlo";

/** In a browser, the functions that answer at once need the module loaded first. */
export async function loaded(): Promise<void> {
  await ready();
}

const box = presets().find((p) => p.id === "coreweave-box-ig");
if (box?.kind === "scenario") {
  const inputs = { scenario: box.scenario, options: { paths: 1000, seed: 1, stochastic: montecarlo_typical() } };
  const run: FromMain = new MonteCarloRun(inputs);
  let progress: MonteCarloProgress = run.step(250);
  while (!progress.finished) progress = run.step(250);
  const met: boolean | null = progress.target_met;
  const report: MonteCarloReport = run.report();
  console.log(progress.done / progress.total, met, report.npv_usd.mean, run.progress().done);
  run.free();
  const once: MonteCarloReport = montecarlo(inputs);
  console.log(once.paths);
  const controller = new AbortController();
  const later: Promise<MonteCarloReport> = runMonteCarlo(inputs, {
    batchSize: 250,
    signal: controller.signal,
    onProgress: ({ done, total, finished }) => console.log(done, total, finished),
  });
  void later;
}
export { serveMonteCarlo };

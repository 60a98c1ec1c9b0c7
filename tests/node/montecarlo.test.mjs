// The Monte Carlo handle (`MonteCarloRun`) and `runMonteCarlo` through the installed
// package: the report is `montecarlo`'s, to the digit, whatever the steps, on the calling
// thread and in a worker (here a MessageChannel's two ports stand for the page and the
// worker); hostile step sizes and inputs are GpueconErrors that leave the instance working;
// an abort stops the run between steps.
import { test } from "node:test";
import assert from "node:assert/strict";
import { GpueconError as MainError, montecarlo_typical, presets } from "gpuecon";
import { GpueconError, MonteCarloRun, montecarlo, runMonteCarlo, serveMonteCarlo } from "gpuecon/montecarlo";

const scenario = presets().find((p) => p.id === "coreweave-box-ig").scenario;
const runOf = (paths, extra = {}) => ({ scenario, options: { paths, seed: 3, stochastic: montecarlo_typical(), ...extra } });

/** Steps a handle of `run` by `size` until finished: its progress after each step, and the report. */
function stepped(run, size) {
  const handle = new MonteCarloRun(run);
  try {
    const seen = [];
    do seen.push(handle.step(size));
    while (!seen.at(-1).finished);
    return { seen, report: handle.report() };
  } finally {
    handle.free();
  }
}

test("the handle's report is montecarlo's for any step size", () => {
  const run = runOf(600);
  const whole = montecarlo(run);
  for (const size of [1, 7, 250, 600, 1_000_000]) {
    const { seen, report } = stepped(run, size);
    assert.deepEqual(report, whole, `steps of ${size}`);
    assert.equal(seen.length, Math.ceil(600 / Math.min(size, 600)));
    assert.deepEqual(seen.at(-1), { done: 600, total: 600, finished: true, target_met: null });
  }
  assert.equal(GpueconError, MainError, "one GpueconError class for both entries");
});

test("with a target standard error, the handle stops at the check that meets it", () => {
  // $250,000 on the box's mean NPV, as the core's test of the rule: met at a check.
  const run = runOf(20_000, { target_standard_error_usd: "250000" });
  const whole = montecarlo(run);
  assert.equal(whole.target_met, true);
  const { seen, report } = stepped(run, 300);
  assert.deepEqual(report, whole);
  const last = seen.at(-1);
  assert.equal(last.target_met, true);
  assert.ok(last.done >= whole.paths && last.done < whole.paths + 300, `${last.done} vs ${whole.paths}`);
  assert.ok(seen.slice(0, -1).every((p) => p.target_met === false && !p.finished));
});

test("hostile step sizes and inputs are GpueconErrors, and the handle keeps working", () => {
  const handle = new MonteCarloRun(runOf(20));
  try {
    for (const paths of [0, -0, -1, 1.5, Number.NaN, Infinity, -Infinity, 1_000_001, 2 ** 32 + 5, "5", null, undefined, {}, 5n, Symbol("x")]) {
      assert.throws(
        () => handle.step(paths),
        (e) => e instanceof GpueconError && e.code === "INVALID_ARGUMENT" && e.field === "paths",
        `step(${String(paths)})`,
      );
    }
    assert.deepEqual(handle.progress(), { done: 0, total: 20, finished: false, target_met: null });
    assert.throws(() => handle.report(), GpueconError, "no path ran yet");
    assert.equal(handle.step(20).finished, true);
    assert.deepEqual(handle.report(), montecarlo(runOf(20)));
  } finally {
    handle.free();
  }
  for (const inputs of [null, undefined, 7, {}, { scenario, options: { paths: 0 } }, { ...runOf(5), misspelt: 1 }]) {
    assert.throws(() => new MonteCarloRun(inputs), GpueconError, JSON.stringify(inputs ?? null));
  }
  assert.throws(() => new MonteCarloRun({ ...runOf(5), misspelt: 1 }), { code: "INVALID_ARGUMENT", field: "misspelt" });
});

test("runMonteCarlo on the calling thread: progress, the report, an abort", async () => {
  const run = runOf(1_000);
  const seen = [];
  const report = await runMonteCarlo(run, { batchSize: 250, onProgress: (p) => seen.push(p.done) });
  assert.deepEqual(seen, [250, 500, 750, 1000]);
  assert.deepEqual(report, montecarlo(run));
  // Any batch size is cut to a step the handle takes (1 to 1,000,000 paths).
  for (const batchSize of [0, -5, 0.5, Number.NaN, "x", 1e12, Infinity]) {
    assert.deepEqual(await runMonteCarlo(runOf(30), { batchSize }), montecarlo(runOf(30)), `batchSize ${batchSize}`);
  }

  const controller = new AbortController();
  const reason = new Error("stop");
  let steps = 0;
  await assert.rejects(
    runMonteCarlo(run, {
      batchSize: 100,
      signal: controller.signal,
      onProgress: () => {
        if (++steps === 2) controller.abort(reason);
      },
    }),
    (e) => e === reason,
  );
  assert.equal(steps, 2, "no step after the abort");
  await assert.rejects(runMonteCarlo(run, { signal: AbortSignal.abort() }), { name: "AbortError" });
  await assert.rejects(runMonteCarlo({ scenario, options: { paths: 0 } }), { code: "DOMAIN", field: "options.paths" });
});

/** A worker served by `serveMonteCarlo` over a MessageChannel: `[worker, close]`. */
function channelWorker() {
  const { port1: page, port2: inWorker } = new MessageChannel();
  serveMonteCarlo(inWorker);
  inWorker.start();
  page.start();
  return [page, () => (page.close(), inWorker.close())];
}

test("runMonteCarlo in a worker: the same report, errors revived, a cancel stops the worker's run", async () => {
  const [worker, close] = channelWorker();
  try {
    const run = runOf(700);
    const seen = [];
    const report = await runMonteCarlo(run, { worker, batchSize: 300, onProgress: (p) => seen.push(p.done) });
    assert.deepEqual(seen, [300, 600, 700]);
    assert.deepEqual(report, montecarlo(run));

    await assert.rejects(runMonteCarlo({ scenario, options: { paths: 0 } }, { worker }), (e) => {
      assert.ok(e instanceof GpueconError);
      assert.equal(e.field, "options.paths");
      return true;
    });

    // Cancel after the first step: the run rejects, and the worker posts nothing more.
    const controller = new AbortController();
    let posted = 0;
    const count = () => posted++;
    worker.addEventListener("message", count);
    await assert.rejects(
      runMonteCarlo(runOf(100_000), { worker, batchSize: 50, signal: controller.signal, onProgress: () => controller.abort() }),
      { name: "AbortError" },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = posted;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(posted, after, "the worker stopped stepping the cancelled run");
    assert.ok(posted < 20, `${posted} messages for a run of 2,000 steps`);
    worker.removeEventListener("message", count);
  } finally {
    close();
  }
});

test("keepPartial: a cancelled run resolves with the report of the paths done, a run of that many paths", async () => {
  // On the calling thread: cancelled after the third step of 100 paths.
  const controller = new AbortController();
  let steps = 0;
  const outcome = await runMonteCarlo(runOf(100_000), {
    batchSize: 100,
    keepPartial: true,
    signal: controller.signal,
    onProgress: () => {
      if (++steps === 3) controller.abort();
    },
  });
  assert.equal(outcome.cancelled, true);
  assert.deepEqual(outcome.progress, { done: 300, total: 100_000, finished: false, target_met: null });
  assert.equal(outcome.report.paths, 300);
  assert.deepEqual(outcome.report, montecarlo(runOf(300)), "the partial report is a 300-path run's");

  // Finished: the whole report, not cancelled.
  const whole = await runMonteCarlo(runOf(200), { batchSize: 150, keepPartial: true });
  assert.equal(whole.cancelled, false);
  assert.equal(whole.progress.done, 200);
  assert.deepEqual(whole.report, montecarlo(runOf(200)));

  // Aborted before any path: no report, and no rejection.
  const none = await runMonteCarlo(runOf(200), { keepPartial: true, signal: AbortSignal.abort() });
  assert.deepEqual({ report: none.report, cancelled: none.cancelled, done: none.progress.done }, { report: null, cancelled: true, done: 0 });

  // In a worker: the cancel is answered with the paths done, which a fresh run reproduces.
  const [worker, close] = channelWorker();
  try {
    const stop = new AbortController();
    const inWorker = await runMonteCarlo(runOf(100_000), {
      worker,
      batchSize: 50,
      keepPartial: true,
      signal: stop.signal,
      onProgress: ({ done }) => done >= 100 && stop.abort(),
    });
    assert.equal(inWorker.cancelled, true);
    const done = inWorker.progress.done;
    assert.ok(done >= 100 && done < 100_000 && done % 50 === 0, `${done} paths done`);
    assert.equal(inWorker.report.paths, done);
    assert.deepEqual(inWorker.report, montecarlo(runOf(done)));
    const finished = await runMonteCarlo(runOf(120), { worker, batchSize: 50, keepPartial: true });
    assert.deepEqual(finished, { report: montecarlo(runOf(120)), cancelled: false, progress: { done: 120, total: 120, finished: true, target_met: null } });
  } finally {
    close();
  }
});

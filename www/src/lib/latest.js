// Work that only the latest request matters for (sensitivities recomputed as one types):
// one run at a time, and of the requests made meanwhile only the last is run next.

/**
 * Wraps `run`, an async function of one input, so that one call runs at a time. A call made
 * while one runs waits, replacing the call that was waiting, whose callers get the newer
 * call's outcome: typing fast computes the first edit and the last, not every one between.
 */
export function latest(run) {
  let running = false;
  let waiting = null; // { input, callers: [{ resolve, reject }] }
  const start = (input, callers) => {
    running = true;
    new Promise((resolve) => resolve(run(input)))
      .then(
        (value) => callers.forEach((c) => c.resolve(value)),
        (error) => callers.forEach((c) => c.reject(error)),
      )
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = null;
        if (next) start(next.input, next.callers);
      });
  };
  return (input) =>
    new Promise((resolve, reject) => {
      const caller = { resolve, reject };
      if (running) waiting = { input, callers: [...(waiting?.callers ?? []), caller] };
      else start(input, [caller]);
    });
}

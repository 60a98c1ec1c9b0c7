// Calls of the package's functions in the Web Worker, beside the Monte Carlo runs:
// `{ id, call, input }` is answered `{ id, result }` or `{ id, error }`, the error's fields
// made a GpueconError again on the page. Call ids are strings ("call-3"), so the answers
// never match the numeric ids of the package's Monte Carlo runs on the same worker.

// The Monte Carlo entry's GpueconError (the main entry's class): importing it loads no module,
// so the worker, which imports this file too, does not load the main one.
import { GpueconError } from "gpuecon/montecarlo";

/** Is this message a call (and not a Monte Carlo run's)? */
export const isCall = (data) => typeof data?.call === "string";

/** In the worker: answers the calls to `functions` (name → function of one input). */
export function serveCalls(scope, functions) {
  scope.addEventListener("message", ({ data }) => {
    if (!isCall(data)) return;
    try {
      if (!Object.hasOwn(functions, data.call)) throw new Error(`no function ${data.call} in the worker`);
      scope.postMessage({ id: data.id, result: functions[data.call](data.input) });
    } catch (e) {
      const { code, field, excel, problems } = e ?? {};
      scope.postMessage({ id: data.id, error: { code, field, message: String(e?.message ?? e), excel, problems } });
    }
  });
}

let next = 0;

/** On the page: `name(input)` computed by `worker`; rejects with a GpueconError as the core throws it. */
export function callWorker(worker, name, input) {
  const id = `call-${next++}`;
  return new Promise((resolve, reject) => {
    const answer = ({ data }) => {
      if (data?.id !== id) return;
      worker.removeEventListener("message", answer);
      if (!data.error) resolve(data.result);
      else if (data.error.code) reject(new GpueconError(data.error.code, data.error.field, data.error.message, data.error.excel, data.error.problems));
      else reject(new Error(data.error.message));
    };
    worker.addEventListener("message", answer);
    worker.postMessage({ id, call: name, input });
  });
}

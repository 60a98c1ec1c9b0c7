// The page's one Web Worker (`worker.js`), shared by the Monte Carlo runs and the
// sensitivities: started on first use, and handed out once it says it is ready (a message
// that arrives while it still compiles the package's .wasm finds no listener and is lost).

let started = null;

/** The worker, once ready: a promise, the same one for every caller. */
export function worker() {
  started ??= new Promise((resolve, reject) => {
    const spawned = new Worker(new URL("./montecarlo-worker.js", import.meta.url), { type: "module" });
    const ready = (event) => {
      if (!event.data?.ready) return;
      spawned.removeEventListener("message", ready);
      resolve(spawned);
    };
    spawned.addEventListener("message", ready);
    spawned.addEventListener("error", (event) => reject(new Error(event.message ?? "the calculator's worker failed to start")), { once: true });
  });
  return started;
}

// The Monte Carlo Web Worker: computes the batches of paths the page's run asks for (the
// package's `serveMonteCarlo`), so the page stays responsive while thousands of paths run.
// A message that arrives while the package still compiles its .wasm (its top-level await)
// finds no listener and is lost, so the worker says when it is ready and the page waits.
import { serveMonteCarlo } from "gpuecon/montecarlo";

serveMonteCarlo();
self.postMessage({ ready: true });

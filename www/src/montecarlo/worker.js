// The calculator's Web Worker: holds and steps the Monte Carlo runs the page starts (the
// package's `serveMonteCarlo`, a `MonteCarloRun` per run: the scenario compiled once, only
// progress and the report posted back) and computes the sensitivities (`calls.js`), so the
// page stays responsive while they compute. It loads the Monte Carlo's own module only (not
// the main one: the page has that), and says when it is ready (`connect.js`).
import { ready, sensitivity_grid, serveMonteCarlo, tornado } from "gpuecon/montecarlo";

import { isCall, serveCalls } from "./calls.js";

// The package's server answers every message it is shown: it is shown the runs only.
serveMonteCarlo({
  addEventListener: (type, listener) => self.addEventListener(type, (event) => isCall(event.data) || listener(event)),
  postMessage: (message) => self.postMessage(message),
});
serveCalls(self, { tornado, sensitivity_grid });
// The sensitivities answer at once: the module is loaded before the page is told to call.
await ready();
self.postMessage({ ready: true });

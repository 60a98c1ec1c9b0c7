import type { Scenario } from "./index.js";

/**
 * A scenario as a live Excel workbook: its inputs as named cells (sheet `Inputs`), its
 * months, contracts, the box's debt, DSCR, LTV, covenants and equity flows, and NPV, IRR,
 * XIRR and MIRR as formulas that Excel or LibreOffice recalculate to gpuecon's figures
 * (each formula also cached with that figure). The same bytes as
 * `gpuecon evaluate --format xlsx`.
 *
 * A module of its own: `await import("gpuecon/xlsx")` loads its .wasm only when a
 * workbook is asked for.
 *
 * @param scenario The scenario, as an object or its JSON text.
 * @param sources Lines listed on the cover (a preset's `sources`).
 * @returns The .xlsx file.
 * @throws Error with the core's message when the scenario is invalid.
 *
 * @example
 * import { presets } from "gpuecon";
 * import { workbook } from "gpuecon/xlsx";
 * const box = presets().find((p) => p.id === "coreweave-box-ig");
 * const bytes = workbook(box.scenario, box.sources); // Uint8Array, "PK…"
 */
export function workbook(scenario: Scenario | string, sources?: string[]): Uint8Array;

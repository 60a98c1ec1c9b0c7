// Shared by the calculator's browser tests: opening the page with every problem recorded
// (console errors, page errors, CSP violations, failed responses, any request that leaves
// the page's own origin on 127.0.0.1), reading displayed numbers, and the native core's
// answers through the `gpuecon` command (GPUECON_CLI, built by `cargo xtask test browser`).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

export const url = process.env.GPUECON_URL;
export const shots = process.env.GPUECON_SCREENSHOTS;
const origin = new URL(url).origin;

/** The native core's JSON answer: `gpuecon <args> --format json`. */
export function native(...args) {
  const cli = process.env.GPUECON_CLI;
  assert.ok(cli, "GPUECON_CLI names the gpuecon command (cargo xtask test browser sets it)");
  return JSON.parse(execFileSync(cli, [...args, "--format", "json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
}

/** The definition `gpuecon explain KEY` prints (its second line), as the page's help starts. */
export function explained(key) {
  return execFileSync(process.env.GPUECON_CLI, ["explain", key], { encoding: "utf8" }).split("\n")[1].trim();
}

/** Opens the calculator at `hash` and waits for its first panel; `problems` collects what must not happen. */
export async function open(context, hash = "") {
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const target = r.url();
    if (!target.startsWith(`${origin}/`) && !target.startsWith("data:") && !target.startsWith("blob:")) problems.push(`request: ${target}`);
  });
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(`${url}${hash}`);
  await page.locator("html[data-ready=true]").waitFor({ timeout: 20_000 });
  return { page, problems };
}

/** Shows panel `id` by its navigation link. */
export async function showPanel(page, id) {
  await page.click(`nav a[data-panel="${id}"]`);
  await page.locator(`#panel-${id}:not([hidden])`).waitFor();
}

/** How many times the panel has recomputed (data-recomputes). */
export async function recomputes(page, panel) {
  return Number(await page.locator(`#panel-${panel}`).getAttribute("data-recomputes"));
}

/** Waits until the panel recomputed after `before` (a value of {@link recomputes}). */
export async function recomputed(page, panel, before) {
  await page.waitForFunction(
    ([id, n]) => Number(document.querySelector(`#panel-${id}`)?.dataset.recomputes) > n,
    [panel, before],
    { timeout: 10_000 },
  );
}

/** How many answers (results or errors) block `id` (`panel-block`) has shown: its data-answers. */
export async function answers(page, id) {
  return Number((await page.locator(`#${id}`).getAttribute("data-answers")) ?? 0);
}

/** Waits until block `id` showed an answer after `before` (a value of {@link answers}). */
export async function answered(page, id, before) {
  await page.waitForFunction(
    ([block, n]) => Number(document.getElementById(block)?.dataset.answers ?? 0) > n,
    [id, before],
    { timeout: 20_000 },
  );
}

/** A displayed metric's exact value (its data-value): `block.key` within the panel. */
export async function metric(page, panel, key) {
  return page.locator(`#panel-${panel} output[data-metric="${key}"]`).getAttribute("data-value");
}

/**
 * The exact values of a results table: an array of rows of data-value strings. Only the rows
 * in a table's view are in the page, so the table is scrolled through from top to bottom.
 */
export async function tableValues(page, panel, key) {
  const table = page.locator(`#panel-${panel} [data-table="${key}"]`);
  await table.scrollIntoViewIfNeeded();
  return table.locator(".scroll").evaluate(async (scroller) => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rows = [];
    for (let top = 0; ; top += Math.max(1, scroller.clientHeight / 2)) {
      scroller.scrollTop = top;
      await frames();
      for (const tr of scroller.querySelectorAll("tbody tr[data-row]")) rows[Number(tr.dataset.row)] = [...tr.cells].map((td) => td.dataset.value);
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    }
    scroller.scrollTop = 0;
    return Array.from(rows);
  });
}

/** Two decimal strings equal to 1e-12 relative (native and wasm transcendentals may differ in the last ulp). */
export function assertClose(actual, expected, what) {
  if (expected === null || expected === undefined) {
    assert.ok(actual === "" || actual === null, `${what}: expected nothing, the page shows ${actual}`);
    return;
  }
  if (actual === String(expected)) return;
  const a = Number(actual);
  const e = Number(expected);
  assert.ok(Number.isFinite(a), `${what}: the page shows ${actual}, the native core ${expected}`);
  assert.ok(Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}: the page shows ${actual}, the native core ${expected}`);
}

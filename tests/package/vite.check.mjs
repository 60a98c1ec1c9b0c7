// The Vite build of tests/package/vite, served as static files and opened in Debian's
// Chromium: the page must compute with the package's .wasm and show the same numbers as
// the same installed package computes in Node. Run by `cargo xtask test package`, which
// sets GPUECON_VITE_URL (the served dist folder), GPUECON_INSTALLED (the installed
// package's folder) and GPUECON_CHROMIUM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "../browser/chromium.mjs";

const url = process.env.GPUECON_VITE_URL;
const installed = process.env.GPUECON_INSTALLED;

test("a page bundled by Vite computes with the package in Chromium", async () => {
  assert.ok(url && installed, "GPUECON_VITE_URL and GPUECON_INSTALLED are set");
  const gpuecon = await import(pathToFileURL(join(installed, "index.node.js")).href);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("request", (r) => !r.url().startsWith(url) && problems.push(`request: ${r.url()}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    await page.goto(url);
    await page.locator("body[data-ready='true']").waitFor({ timeout: 20_000 });
    const shown = async (id) => (await page.locator(`#${id}`).textContent()).trim();
    const { scenario } = gpuecon.presets().find((p) => p.id === "h100-cluster-1024");
    assert.equal(await shown("sln"), "2250");
    assert.equal(await shown("revenue"), gpuecon.evaluate(scenario).summary.revenue.total_usd);
    assert.match(await shown("owner-cost"), /^\d+\.\d+$/);
    assert.equal(await shown("error"), "DOMAIN life");
    assert.equal(await shown("finance-xirr"), "0.37336253");
    assert.equal(await shown("finance-error"), "DOMAIN life");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

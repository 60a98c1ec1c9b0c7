// The calculator in Debian's headless Chromium, served by `cargo xtask serve`'s server.
// Run by `cargo xtask test browser`, which sets GPUECON_URL, GPUECON_CHROMIUM and
// GPUECON_SCREENSHOTS.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";

const url = process.env.GPUECON_URL;
const shots = process.env.GPUECON_SCREENSHOTS;
let browser;
let context;

before(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
});

after(async () => {
  await browser?.close();
});

/** Opens the page, recording console errors and any request that leaves 127.0.0.1. */
async function open() {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith("data:")) problems.push(`request: ${r.url()}`);
  });
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url);
  return { page, problems };
}

test("the page shows a value computed by the wasm core", async () => {
  const { page, problems } = await open();
  // Defaults: cost $50,000, salvage $5,000, life 6 years: (50,000 − 5,000) / 6 = 7,500.
  await page.locator("#sln-result").filter({ hasText: "7,500.00" }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator("#sln-result").getAttribute("data-value"), "7500");
  if (shots) await page.screenshot({ path: join(shots, "calculator.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a changed input recomputes the result", async () => {
  const { page, problems } = await open();
  await page.locator("#sln-result[data-value='7500']").waitFor();
  await page.fill("#sln-life", "10"); // (50,000 − 5,000) / 10 = 4,500
  await page.locator("#sln-result[data-value='4500']").waitFor({ timeout: 5_000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a bad value shows the core's message next to its field and keeps the last result", async () => {
  const { page, problems } = await open();
  await page.locator("#sln-result[data-value='7500']").waitFor();
  await page.fill("#sln-life", "0");
  const message = page.locator("#sln-life-error");
  await message.filter({ hasText: "must not be zero" }).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator("#sln-life").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#sln-result").getAttribute("data-value"), "7500");
  await page.fill("#sln-life", "abc");
  await message.filter({ hasText: "must be a number" }).waitFor({ timeout: 5_000 });
  await page.fill("#sln-life", "5");
  await page.locator("#sln-result[data-value='9000']").waitFor({ timeout: 5_000 });
  assert.equal((await message.textContent()).trim(), "");
  assert.deepEqual(problems, []);
  await page.close();
});

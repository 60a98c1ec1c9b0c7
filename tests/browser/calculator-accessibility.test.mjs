// axe-core (Deque's engine, from the workspace's npm tools) on every panel of the calculator,
// at a desktop's width and a phone's: no violation of any rule it runs by default (WCAG 2.x
// A and AA and its best practices), "scrollable-region-focusable" among them. Every panel at
// a desktop's width; at a phone's, the panels an analyst opens first.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launchChromium } from "./chromium.mjs";
import { open, showPanel } from "./calculator-page.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** axe's violations within `selector`, each as "rule (impact): the first elements". */
async function violations(page, selector) {
  return page.evaluate(async (within) => {
    const { violations: found } = await window.axe.run(within, { resultTypes: ["violations"] });
    return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  }, selector);
}

for (const [name, options, only] of [
  ["a desktop", { viewport: { width: 1280, height: 900 } }, null],
  ["a phone", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, ["box", "scenario", "owner-cost"]],
]) {
  test(`axe-core finds no violation on ${only ? only.join(", ") : "any panel"}, at ${name}'s width`, async () => {
    const context = await browser.newContext(options);
    const { page, problems } = await open(context);
    // Evaluated through the debugging protocol: the page's CSP does not apply to it.
    await page.evaluate(axeSource);
    const panels = only ?? (await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.panel)));
    for (const id of panels) {
      if (name === "a phone") await page.evaluate((panel) => { location.hash = `#p=${panel}`; }, id);
      else await showPanel(page, id);
      await page.locator(`#panel-${id}:not([hidden])`).waitFor();
      await page.waitForFunction((panel) => [...document.querySelectorAll(`#panel-${panel} .block`)].every((b) => b.dataset.state && b.dataset.state !== "computing"), id);
    }
    // Every panel shown at once, checked in one pass (a pass a panel costs ten times more).
    await page.evaluate((ids) => ids.forEach((id) => { document.getElementById(`panel-${id}`).hidden = false; }), panels);
    assert.deepEqual(await violations(page, "main"), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

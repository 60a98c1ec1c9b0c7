// The calculator's pictures in docs/calculator/: each panel's first screen, the compare view
// (the two box presets as A and B) and the printed memo, as JPEGs to keep the repository
// light. Skipped unless GPUECON_DOCS_SCREENSHOTS is set:
//   GPUECON_DOCS_SCREENSHOTS=1 cargo xtask test browser
import { after, before, test } from "node:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { open, recomputed, recomputes, showPanel } from "./calculator-page.mjs";

const wanted = Boolean(process.env.GPUECON_DOCS_SCREENSHOTS);
const docs = join(new URL("../../docs/calculator", import.meta.url).pathname);
const jpeg = (path) => ({ path, type: "jpeg", quality: 72 });
let browser;

before(async () => {
  if (wanted) browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test("the calculator's pictures for docs/calculator", { skip: !wanted && "GPUECON_DOCS_SCREENSHOTS is not set" }, async () => {
  mkdirSync(docs, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const { page } = await open(context);
  const panels = await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.panel));
  for (const id of panels) {
    await showPanel(page, id);
    await page.waitForFunction((panel) => [...document.querySelectorAll(`#panel-${panel} .block`)].every((b) => b.dataset.state && b.dataset.state !== "computing"), id);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot(jpeg(join(docs, `panel-${id}.jpg`)));
  }
  // Compare: the investment-grade box pinned as A, the sub-investment-grade one as B.
  await showPanel(page, "box");
  let n = await recomputes(page, "box");
  await page.selectOption("#box-financing-preset", "coreweave-box-ig");
  await recomputed(page, "box", n);
  n = await recomputes(page, "box");
  await page.click("#box-financing-pin");
  await recomputed(page, "box", n);
  n = await recomputes(page, "box");
  await page.selectOption("#box-financing-preset", "coreweave-box-sub-ig");
  await recomputed(page, "box", n);
  await page.locator("#box-financing .compare").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await page.screenshot(jpeg(join(docs, "compare.jpg")));
  // The printed memo of the box.
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ ...jpeg(join(docs, "print.jpg")), fullPage: true });
  await context.close();
});

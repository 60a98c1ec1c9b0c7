// The golden vectors through the npm package as a browser loads it: the package folder is
// served as is, a page imports its browser entry (top-level await fetches the .wasm), and
// every case runs in Chromium, with a sample of the Excel oracle. Run by `cargo xtask test browser` (GPUECON_PKG_URL).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { sampleOracle } from "../node/oracle.mjs";
import { judge, loadVectors, outcomeOf } from "../node/vectors.mjs";

const pkgUrl = process.env.GPUECON_PKG_URL;
const vectors = [
  ...loadVectors(fileURLToPath(new URL("../vectors", import.meta.url))),
  ...sampleOracle(process.env.GPUECON_ORACLE, 20),
];
let browser;
let outcomes;

before(async () => {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${pkgUrl}package.json`);
  outcomes = await page.evaluate(
    async ({ cases, outcomeSource, entry, montecarloEntry }) => {
      // Both entries' functions: the Monte Carlo, the tornado and the grid are
      // `gpuecon/montecarlo`'s, whose module loads on `ready()` (issue 21).
      const montecarlo = await import(montecarloEntry);
      await montecarlo.ready();
      const gpuecon = { ...(await import(entry)), ...montecarlo };
      const outcome = new Function(`return (${outcomeSource})`)();
      return cases.map((c) => {
        const fn = gpuecon[c.function];
        return typeof fn === "function" ? outcome(fn, c.args, gpuecon.GpueconError) : { missing: true };
      });
    },
    {
      cases: vectors.map((v) => v.case),
      outcomeSource: outcomeOf.toString(),
      entry: `${pkgUrl}index.js`,
      montecarloEntry: `${pkgUrl}montecarlo.js`,
    },
  );
});

after(async () => {
  await browser?.close();
});

for (const [index, { file, case: c }] of vectors.entries()) {
  test(`browser: ${file} case ${c.id}`, () => {
    const outcome = outcomes[index];
    assert.ok(!outcome.missing, `the package exports ${c.function}`);
    const failure = judge(c, outcome);
    assert.equal(failure, null, failure ?? "");
  });
}

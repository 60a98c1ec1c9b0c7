// Runs every ```js block of the npm page (bindings/js/README.md) in Node, against the
// installed package, each as its own ES module: the examples users copy must work as
// written. Usage: node readme.mjs <README.md> <scratch project folder>
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [readme, project] = process.argv.slice(2);
const text = readFileSync(readme, "utf8");
const blocks = [...text.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
if (blocks.length === 0) throw new Error(`${readme} has no js blocks`);
let failed = 0;
blocks.forEach((code, index) => {
  const file = join(project, `readme-${index + 1}.mjs`);
  writeFileSync(file, code);
  const run = spawnSync(process.execPath, [file], { cwd: project, encoding: "utf8" });
  const heading = code.split("\n")[0];
  if (run.status === 0) {
    console.log(`ok   readme block ${index + 1}: ${heading}`);
  } else {
    failed += 1;
    console.log(`FAIL readme block ${index + 1}: ${heading}\n${run.stdout}${run.stderr}`);
  }
});
if (failed > 0) {
  console.log(`${failed} of ${blocks.length} README blocks failed`);
  process.exit(1);
}
console.log(`all ${blocks.length} README blocks ran`);

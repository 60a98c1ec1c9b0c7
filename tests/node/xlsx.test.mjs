// `gpuecon/xlsx`: the workbook writer's own module gives the bytes the native command
// writes, and the core's message for a bad scenario.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { presets } from "gpuecon";
import { workbook } from "gpuecon/xlsx";

const box = presets().find((p) => p.id === "coreweave-box-ig");

test("gpuecon/xlsx writes the bytes of gpuecon evaluate --format xlsx", () => {
  const bytes = workbook(box.scenario, box.sources);
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), "PK");
  // The workspace root, from the golden vectors' folder the test step names.
  const root = resolve(process.env.GPUECON_VECTORS, "../..");
  const file = join(tmpdir(), `gpuecon-xlsx-${process.pid}.xlsx`);
  const args = ["evaluate", "--preset", "coreweave-box-ig", "--format", "xlsx", "--output", file];
  execFileSync("cargo", ["run", "--quiet", "--package", "gpuecon-cli", "--", ...args], {
    cwd: root,
    stdio: "inherit",
  });
  try {
    assert.deepEqual(Buffer.from(bytes), readFileSync(file));
  } finally {
    rmSync(file, { force: true });
  }
  // The JSON text gives the same bytes as the object.
  assert.deepEqual(workbook(JSON.stringify(box.scenario), box.sources), bytes);
});

test("gpuecon/xlsx throws the core's message for an invalid scenario", () => {
  assert.throws(() => workbook({ ...box.scenario, horizon_months: 0 }), /horizon_months/);
  assert.throws(() => workbook("{"), Error);
});

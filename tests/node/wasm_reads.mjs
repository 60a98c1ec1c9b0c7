// The .wasm files the package's Node entries read, watched for the modules-by-use tests:
// every file those entries read goes through `readFileSync`, recorded here by base name in
// `read`, in order. Import this before any entry of the package (node:test runs each test
// file in its own process, so nothing was read before).
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

/** The base names of the .wasm files read so far. */
export const read = [];

/** `fs.readFileSync` itself, unwatched. */
export const original = fs.readFileSync;

fs.readFileSync = function (path, ...rest) {
  const name = path instanceof URL ? fileURLToPath(path) : String(path);
  if (name.endsWith(".wasm")) read.push(basename(name));
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();

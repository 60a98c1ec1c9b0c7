// `gpuecon/montecarlo`'s browser entry in a browser without WebAssembly SIMD, which its
// module is built with (docs/size.md): `ready()` rejects with an error that names the
// browsers that have it, before fetching the module, and a later `ready()` tries again. A
// file of its own: it replaces `WebAssembly.validate` for its process.
import { test } from "node:test";
import assert from "node:assert/strict";

test("the browser entry says that the Monte Carlo needs WebAssembly SIMD where it is missing", async () => {
  const validate = WebAssembly.validate;
  const probed = [];
  WebAssembly.validate = (bytes) => (probed.push(bytes), false);
  // The browser entry beside the Node one (the package's exports name only the latter here).
  const entry = await import(new URL("./montecarlo.js", import.meta.resolve("gpuecon/montecarlo")));
  await assert.rejects(entry.ready(), /needs WebAssembly SIMD \(Chrome and Edge 91\+, Firefox 89\+, Safari 16\.4\+\)/);
  assert.equal(probed.length, 1, "one probe");
  assert.equal(validate.call(WebAssembly, probed[0]), true, "the probe is a valid SIMD module where SIMD is (Node 20)");
  WebAssembly.validate = validate;
  // With SIMD the entry goes on to fetch its .wasm, which Node's fetch refuses for a file:
  // another error, so the first was not kept.
  await assert.rejects(entry.ready(), (error) => !/SIMD/.test(error.message));
});

import { defineConfig } from "vite";

export default defineConfig({
  // Relative URLs: the site works from any folder of any static file server.
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The package loads its .wasm with top-level await.
    target: "es2022",
  },
});

// The page is served from static files with no network; the browser entry needs top-level
// await (ES2022), which every browser Vite 8 targets by default supports.
export default {
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true },
};

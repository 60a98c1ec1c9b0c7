// Light and dark themes: the system's choice (prefers-color-scheme) until the reader picks
// one with the toggle; the choice is kept in localStorage. Loaded before the page's main
// module (which waits for the WebAssembly) so the page never flashes the wrong theme.

const KEY = "gpuecon-theme";

export function preferred() {
  const stored = localStorage.getItem(KEY);
  if (stored === "light" || stored === "dark") return stored;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function apply(theme) {
  document.documentElement.dataset.theme = theme;
}

export function choose(theme) {
  localStorage.setItem(KEY, theme);
  apply(theme);
}

apply(preferred());

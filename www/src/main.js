// The calculator: a panel per area of the library, each computed by the gpuecon package
// (the wasm core) on every edit. This module holds the shared state (every block's inputs),
// keeps it in the URL, and switches panels. No formula is computed in this page's code.

import { PanelView } from "./lib/panel.js";
import { decodeHash, encodeHash } from "./lib/url-state.js";
import { panels } from "./panels/index.js";
import { choose, preferred } from "./theme.js";

performance.mark("gpuecon-core-ready"); // the modules ran: the .wasm is compiled, the presets read

const defaults = new Map(); // state key → () => fresh default inputs
for (const panel of panels) {
  for (const block of panel.blocks) {
    if (block.defaults) defaults.set(block.state ?? `${panel.id}.${block.id}`, block.defaults);
  }
}
const defaultJson = new Map([...defaults].map(([key, make]) => [key, JSON.stringify(make())]));

let data = {};
let current = null;
const views = new Map();

function reset(overrides = {}) {
  data = {};
  for (const [key, make] of defaults) data[key] = key in overrides ? overrides[key] : make();
}

/** Only what differs from the defaults goes into the URL. */
function changedState() {
  const out = {};
  for (const [key, value] of Object.entries(data)) {
    if (JSON.stringify(value) !== defaultJson.get(key)) out[key] = value;
  }
  return out;
}

let saveTimer = null;
let saving = Promise.resolve();
function saveUrl(push = false) {
  clearTimeout(saveTimer);
  const write = async () => {
    const hash = await encodeHash(current, changedState());
    if (hash !== location.hash) history[push ? "pushState" : "replaceState"](null, "", hash);
    document.documentElement.dataset.urlSaved = String(Date.now());
  };
  if (push) saving = write();
  else saveTimer = setTimeout(() => (saving = write()), 150);
}

const app = {
  stateOf: (key) => {
    if (!(key in data)) data[key] = defaults.get(key)?.() ?? {};
    return data[key];
  },
  changed: (panel, block) => {
    panel.schedule(block);
    saveUrl();
  },
  /** Replaces one state (a preset, an imported scenario) and redraws the panel showing it. */
  replaceState: (key, value) => {
    data[key] = value;
    views.get(current)?.refresh();
    saveUrl();
  },
  show: (id) => show(id, { push: true, focus: true }),
};

const nav = document.querySelector("#nav");
const main = document.querySelector("#main");
const links = new Map();
const list = document.createElement("ul");
for (const panel of panels) {
  const link = document.createElement("a");
  link.href = `#p=${panel.id}`;
  link.textContent = panel.title;
  link.dataset.panel = panel.id;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    show(panel.id, { push: true, focus: true });
  });
  const item = document.createElement("li");
  item.append(link);
  list.append(item);
  links.set(panel.id, link);
}
nav.append(list);

function show(id, { push = false, focus = false } = {}) {
  const def = panels.find((p) => p.id === id) ?? panels[0];
  current = def.id;
  if (!views.has(def.id)) {
    const view = new PanelView(def, app);
    main.append(view.mount());
    views.set(def.id, view);
  }
  for (const [panelId, view] of views) view.root.hidden = panelId !== def.id;
  for (const [panelId, link] of links) {
    if (panelId === def.id) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  links.get(def.id).scrollIntoView({ block: "nearest", inline: "nearest" });
  views.get(def.id).refresh();
  document.title = `${def.title} · gpuecon`;
  if (focus) views.get(def.id).root.querySelector("h2").focus();
  if (push) saveUrl(true);
}

async function restoreFromUrl() {
  const { panel, state, damaged } = await decodeHash(location.hash);
  reset(state);
  show(panel ?? panels[0].id);
  if (damaged) status("The link's state could not be read: showing the defaults.");
}

function status(message) {
  const slot = document.querySelector("#action-status");
  slot.textContent = message;
  setTimeout(() => {
    if (slot.textContent === message) slot.textContent = "";
  }, 4000);
}

document.querySelector("#copy-link").addEventListener("click", async () => {
  clearTimeout(saveTimer);
  await saving;
  const hash = await encodeHash(current, changedState());
  history.replaceState(null, "", hash);
  try {
    await navigator.clipboard.writeText(location.href);
    status("Link copied: it reproduces this model.");
  } catch {
    status("Copy the address bar: it reproduces this model.");
  }
});

document.querySelector("#reset-panel").addEventListener("click", () => {
  const def = panels.find((p) => p.id === current);
  for (const block of def.blocks) {
    const key = block.state ?? `${def.id}.${block.id}`;
    if (defaults.has(key)) data[key] = defaults.get(key)();
  }
  views.get(current).refresh();
  saveUrl();
  status("Panel reset to its defaults.");
});

const toggle = document.querySelector("#theme-toggle");
function showTheme(theme) {
  toggle.setAttribute("aria-pressed", String(theme === "dark"));
  toggle.textContent = theme === "dark" ? "Light theme" : "Dark theme";
}
showTheme(preferred());
toggle.addEventListener("click", () => {
  const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
  choose(next);
  showTheme(next);
  for (const view of views.values()) view.restyle();
});
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
  showTheme(preferred());
  document.documentElement.dataset.theme = preferred();
  for (const view of views.values()) view.restyle();
});

window.addEventListener("popstate", restoreFromUrl);

document.querySelector("#loading").remove();
await restoreFromUrl();
// Load time: from the navigation's start to the first panel computed and drawn.
const loadMs = performance.now();
document.documentElement.dataset.loadMs = loadMs.toFixed(1);
document.querySelector("#load-time").textContent = `Loaded and computed in ${Math.round(loadMs)} ms.`;
document.documentElement.dataset.ready = "true";

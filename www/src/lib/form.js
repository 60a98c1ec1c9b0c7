// Forms built from declarative field specs and bound to a plain input object: every field
// is labelled, shows its unit, and has an error slot the core's messages go to
// (aria-invalid + aria-describedby). Numbers are read as people type them (numbers.js):
// percent fields show and take percentages, amounts take "$50k"; what goes to the core is the
// exact decimal string (whole numbers as numbers). Text that is not a number stays in its
// field with the page's message, the state keeping the last number read, so the core can
// still report the other fields' problems.

import { glossOf, glossText } from "./glossary.js";
import { readList, readNumber, scaleOf, showNumber, shownUnit } from "./numbers.js";
import { deletePath, getPath, joinPath, pathCovers, setPath } from "./paths.js";

/** A decimal input (money, rates, kW): sent as the string typed. `optional`: empty = default. */
export const dec = (path, label, unit, opts = {}) => ({ kind: "decimal", path, label, unit, ...opts });
/** A whole number (months, counts). */
export const int = (path, label, unit, opts = {}) => ({ kind: "integer", path, label, unit, ...opts });
/** A list of decimals, one per month or period, separated by commas or spaces. */
export const list = (path, label, unit, opts = {}) => ({ kind: "list", path, label, unit, ...opts });
/** Free text (names). */
export const text = (path, label, opts = {}) => ({ kind: "text", path, label, ...opts });
/** One of `options`: `[value, label]` pairs; `opts.restructure`: other fields depend on it (the form re-renders). */
export const choice = (path, label, options, opts = {}) => ({ kind: "select", path, label, options, ...opts });
/** A yes/no input. */
export const check = (path, label, opts = {}) => ({ kind: "checkbox", path, label, ...opts });
/** Several of `options` (`[value, label]` pairs), as an array. */
export const multi = (path, label, options, opts = {}) => ({ kind: "multi", path, label, options, ...opts });
/** Fields under one legend; with `opts.path` their paths are relative to it. */
export const group = (legend, fields, opts = {}) => ({ kind: "group", legend, fields, ...opts });
/** An optional part of the input: absent (the core's default) until switched on; `make()` is its start value. */
export const optional = (path, label, make, fields, opts = {}) => ({ kind: "optional", path, label, make, fields, ...opts });
/** A tagged union (`kind`): `variants` are `{ kind, label, make, fields }`. */
export const variant = (path, label, variants, opts = {}) => ({ kind: "variant", path, label, variants, ...opts });
/** Fields in a disclosure (<details>), closed unless `opts.open`. */
export const details = (label, fields, opts = {}) => ({ kind: "details", label, fields, ...opts });
/**
 * An array of objects (contracts, stages): `make(i)` is a new row, `fields` are relative to a
 * row; `layout: "table"` shows one line per row (each input labelled by its row and column).
 */
export const rows = (path, label, make, fields, opts = {}) => ({ kind: "rows", path, label, make, fields, ...opts });

let counter = 0;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}
export { el };

/** A field's value as its input shows it. */
function shown(spec, value) {
  if (spec.kind === "text") return value === undefined || value === null ? "" : String(value);
  return showNumber(spec, value);
}

/** Reads an input's text into the value the core expects for the field's kind (see numbers.js). */
function parse(spec, raw) {
  switch (spec.kind) {
    case "text":
      return { ok: true, value: raw };
    case "list":
      return readList(spec, raw);
    default:
      return readNumber(spec, raw);
  }
}

/**
 * A message without the path it starts with when that path is `own`, the field's, as the
 * core writes it alone or under its argument's name: `power.pue: …`, `inputs.power.pue: …`.
 */
function withoutPath(message, own) {
  const colon = message.indexOf(": ");
  const head = message.slice(0, colon);
  const named = head === own || head.endsWith(own.startsWith("[") ? own : `.${own}`);
  return colon > 0 && named ? message.slice(colon + 2) : message;
}

/** One form: renders `fields` for the object `getState()` returns, reports edits. */
export class Form {
  /**
   * @param root - the element the form goes in
   * @param fields - the specs
   * @param options - `idPrefix`; `getState()` the bound object; `onInput()` after a value
   *   changed; `onStructure()` after a part was added or removed (the form re-renders);
   *   `glossPrefix` the glossary key the fields' paths are under ("capacity_book.inputs"),
   *   none for a scenario's (whose paths are the keys); a spec's own `gloss` is its full key
   */
  constructor(root, fields, { idPrefix, getState, onInput, onStructure, glossPrefix }) {
    Object.assign(this, { root, fields, idPrefix, getState, onInput, onStructure, glossPrefix });
    this.slots = [];
    this.open = new Map(); // details label → open, kept across re-renders
    this.typed = new Map(); // path → { raw, problem }: text typed that is not a value yet
  }

  /** Forgets text typed that was not a value (after the state was replaced). */
  forget() {
    this.typed.clear();
  }

  /** The problems of the text typed that is not a value: `{ field, message, fixes }`. */
  localProblems() {
    return [...this.typed].map(([field, { problem }]) => ({ field, message: problem.message, fixes: problem.fixes, local: true }));
  }

  render() {
    this.slots = [];
    const focused = document.activeElement?.id;
    this.root.replaceChildren(...this.fields.map((spec) => this.renderSpec(spec, "")));
    if (focused) document.getElementById(focused)?.focus();
  }

  id(path) {
    return `${this.idPrefix}-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
  }

  /** Registers where the errors of `path` (and of paths inside it, unless a deeper field claims them) go. */
  slot(path, input, message) {
    this.slots.push({ path, input, message });
  }

  renderSpec(spec, base) {
    const path = spec.path === undefined ? base : joinPath(base, spec.path);
    switch (spec.kind) {
      case "group":
        return el("fieldset", { className: "group" }, [
          el("legend", { text: spec.legend }),
          ...spec.fields.map((f) => this.renderSpec(f, path)),
        ]);
      case "details": {
        const box = el("details", { className: "group-details" }, [el("summary", { text: spec.label }), el("div", { className: "details-fields" }, spec.fields.map((f) => this.renderSpec(f, path)))]);
        box.open = this.open.get(spec.label) ?? Boolean(spec.open);
        box.addEventListener("toggle", () => this.open.set(spec.label, box.open));
        return box;
      }
      case "optional":
        return this.renderOptional(spec, path);
      case "variant":
        return this.renderVariant(spec, path);
      case "rows":
        return spec.layout === "table" ? this.renderTableRows(spec, path) : this.renderCardRows(spec, path);
      case "checkbox":
        return this.renderCheckbox(spec, path);
      case "multi":
        return this.renderMulti(spec, path);
      default:
        return this.renderInput(spec, path);
    }
  }

  /** The input element for a value field, bound to `path`. */
  control(spec, path, id, describedBy, ariaLabel) {
    const state = this.getState();
    if (spec.kind === "select") {
      const select = el("select", { id, "aria-describedby": describedBy, "aria-label": ariaLabel });
      const current = getPath(state, path);
      spec.options.forEach(([value, label], i) => {
        select.append(el("option", { value: String(i), text: label, selected: value === current }));
      });
      select.addEventListener("change", () => {
        setPath(this.getState(), path, spec.options[Number(select.value)][0]);
        // A choice other fields depend on (their unit) re-renders the form.
        if (spec.restructure) this.onStructure();
        else this.onInput();
      });
      return select;
    }
    const attrs = {
      id,
      name: path,
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": describedBy,
      "aria-label": ariaLabel,
      inputmode: spec.kind === "integer" ? "numeric" : spec.kind === "text" ? undefined : "decimal",
      placeholder: spec.placeholder,
    };
    const input = spec.kind === "list" ? el("textarea", { ...attrs, rows: 2 }) : el("input", { ...attrs, type: "text" });
    input.value = this.typed.get(path)?.raw ?? shown(spec, getPath(state, path));
    input.addEventListener("input", () => {
      const value = input.value;
      this.typed.delete(path);
      if (spec.optional && value.trim() === "") deletePath(this.getState(), path);
      else {
        const read = parse(spec, value);
        if (read.ok) setPath(this.getState(), path, read.value);
        else this.typed.set(path, { raw: value, problem: read });
      }
      this.onInput();
    });
    return input;
  }

  /** The glossary's entry for the field `spec` at `path` (see the constructor's `glossPrefix`), or null. */
  glossOf(spec, path) {
    return glossOf(spec.gloss ?? (this.glossPrefix ? `${this.glossPrefix}.${path}` : path));
  }

  renderInput(given, path) {
    // A field whose unit depends on the object around it (`unitOf(parent)`).
    const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    const spec = given.unitOf ? { ...given, unit: given.unitOf(getPath(this.getState(), parent) ?? {}) } : given;
    const id = this.id(path);
    const unitId = spec.unit ? `${id}-unit` : undefined;
    const hintId = spec.hint ? `${id}-hint` : undefined;
    const errorId = `${id}-error`;
    const gloss = this.glossOf(spec, path);
    const glossId = gloss ? `${id}-gloss` : undefined;
    const describedBy = [unitId, hintId, errorId, glossId].filter(Boolean).join(" ");
    const input = this.control(spec, path, id, describedBy);
    const message = el("span", { className: "error", id: errorId, "aria-live": "polite" });
    this.slot(path, input, message);
    return el("div", { className: `field ${spec.kind === "list" ? "wide" : ""}${gloss ? " has-gloss" : ""}` }, [
      el("label", { for: id, text: spec.label }),
      el("div", { className: "input" }, [input, spec.unit ? el("span", { className: "unit", id: unitId, text: shownUnit(spec) }) : ""]),
      spec.hint ? el("span", { className: "hint", id: hintId, text: spec.hint }) : "",
      message,
      // The core's definition of the input, shown on hover and focus (and read with the field).
      gloss ? el("span", { className: "gloss", id: glossId, role: "tooltip", text: glossText(gloss, scaleOf(spec) === "percent") }) : "",
    ]);
  }

  renderCheckbox(spec, path) {
    const id = this.id(path);
    const input = el("input", { type: "checkbox", id, "aria-describedby": `${id}-error` });
    input.checked = Boolean(getPath(this.getState(), path) ?? spec.default);
    input.addEventListener("change", () => {
      setPath(this.getState(), path, input.checked);
      this.onInput();
    });
    const message = el("span", { className: "error", id: `${id}-error`, "aria-live": "polite" });
    this.slot(path, input, message);
    return el("div", { className: "field check" }, [el("label", { for: id }, [input, ` ${spec.label}`]), message]);
  }

  renderMulti(spec, path) {
    const id = this.id(path);
    const current = () => getPath(this.getState(), path) ?? [];
    const boxes = spec.options.map(([value, label], i) => {
      const box = el("input", { type: "checkbox", id: `${id}-${i}` });
      box.checked = current().includes(value);
      box.addEventListener("change", () => {
        const chosen = spec.options.filter((_, j) => document.getElementById(`${id}-${j}`).checked).map(([v]) => v);
        setPath(this.getState(), path, chosen);
        this.onInput();
      });
      return el("label", { for: `${id}-${i}`, className: "inline" }, [box, ` ${label}`]);
    });
    const message = el("span", { className: "error", id: `${id}-error`, "aria-live": "polite" });
    const set = el("fieldset", { className: "multi", "aria-describedby": `${id}-error` }, [el("legend", { text: spec.label }), ...boxes, message]);
    this.slot(path, set, message);
    return set;
  }

  renderOptional(spec, path) {
    const id = this.id(path);
    const present = getPath(this.getState(), path) != null;
    const box = el("input", { type: "checkbox", id: `${id}-on` });
    box.checked = present;
    box.addEventListener("change", () => {
      if (box.checked) setPath(this.getState(), path, spec.make());
      else deletePath(this.getState(), path);
      this.onStructure();
    });
    const message = el("span", { className: "error", id: `${id}-error`, "aria-live": "polite" });
    this.slot(path, box, message);
    const inner = present ? spec.fields.map((f) => this.renderSpec(f, path)) : [];
    return el("fieldset", { className: `group optional ${present ? "on" : "off"}` }, [
      el("legend", {}, [el("label", { for: `${id}-on`, className: "inline" }, [box, ` ${spec.label}`])]),
      ...inner,
      message,
    ]);
  }

  renderVariant(spec, path) {
    const id = this.id(path);
    const value = getPath(this.getState(), path);
    const kind = value == null ? null : value.kind;
    const current = spec.variants.find((v) => v.kind === kind) ?? spec.variants[0];
    // The section's entry (its kinds, each said in a few words) explains the choice.
    const gloss = this.glossOf(spec, path);
    const select = el("select", { id, "aria-describedby": gloss ? `${id}-error ${id}-gloss` : `${id}-error` });
    for (const v of spec.variants) select.append(el("option", { value: v.kind ?? "", text: v.label, selected: v === current }));
    select.addEventListener("change", () => {
      const chosen = spec.variants.find((v) => (v.kind ?? "") === select.value);
      const made = chosen.make();
      if (made == null) deletePath(this.getState(), path);
      else setPath(this.getState(), path, made);
      this.onStructure();
    });
    const message = el("span", { className: "error", id: `${id}-error`, "aria-live": "polite" });
    this.slot(path, select, message);
    return el("fieldset", { className: "group variant" }, [
      el("legend", { text: spec.label }),
      el("div", { className: `field${gloss ? " has-gloss" : ""}` }, [
        el("label", { for: id, text: "Kind" }),
        select,
        message,
        gloss ? el("span", { className: "gloss", id: `${id}-gloss`, role: "tooltip", text: glossText(gloss) }) : "",
      ]),
      ...(current.fields ?? []).map((f) => this.renderSpec(f, path)),
    ]);
  }

  rowsOf(path) {
    const value = getPath(this.getState(), path);
    return Array.isArray(value) ? value : [];
  }

  rowButtons(spec, path) {
    const add = el("button", { type: "button", className: "small", text: `Add ${spec.item ?? "a row"}` });
    add.addEventListener("click", () => {
      const items = this.rowsOf(path);
      setPath(this.getState(), path, [...items, spec.make(items.length)]);
      this.onStructure();
    });
    return add;
  }

  removeButton(spec, path, i, label) {
    const remove = el("button", { type: "button", className: "small remove", text: "Remove", "aria-label": `Remove ${label}` });
    remove.disabled = this.rowsOf(path).length <= (spec.min ?? 0);
    remove.addEventListener("click", () => {
      const items = this.rowsOf(path).filter((_, j) => j !== i);
      setPath(this.getState(), path, items);
      this.onStructure();
    });
    return remove;
  }

  itemLabel(spec, i) {
    return spec.itemLabel ? spec.itemLabel(i) : `${spec.item ?? "Row"} ${i + 1}`;
  }

  renderCardRows(spec, path) {
    const id = this.id(path);
    const message = el("span", { className: "error", id: `${id}-error`, "aria-live": "polite" });
    const cards = this.rowsOf(path).map((_, i) => {
      const rowPath = `${path}[${i}]`;
      const label = this.itemLabel(spec, i);
      return el("fieldset", { className: "group row-card" }, [
        el("legend", { text: label }),
        ...spec.fields.map((f) => this.renderSpec(f, rowPath)),
        el("div", { className: "row-actions" }, [this.removeButton(spec, path, i, label)]),
      ]);
    });
    const set = el("fieldset", { className: "group rows", "aria-describedby": `${id}-error` }, [
      el("legend", { text: spec.label }),
      ...cards,
      el("div", { className: "row-actions" }, [this.rowButtons(spec, path)]),
      message,
    ]);
    this.slot(path, set, message);
    return set;
  }

  renderTableRows(spec, path) {
    const id = this.id(path);
    const message = el("span", { className: "error", id: `${id}-error`, "aria-live": "polite" });
    const head = el("tr", {}, [
      el("th", { scope: "col", text: spec.item ?? "#" }),
      ...spec.fields.map((f) => el("th", { scope: "col" }, [f.label, f.unit ? el("span", { className: "unit", text: ` ${shownUnit(f)}` }) : ""])),
      el("th", { scope: "col" }, [el("span", { className: "visually-hidden", text: "Remove" })]),
    ]);
    const body = this.rowsOf(path).map((_, i) => {
      const rowPath = `${path}[${i}]`;
      const label = this.itemLabel(spec, i);
      return el("tr", {}, [
        el("th", { scope: "row", text: String(i + 1) }),
        ...spec.fields.map((field) => {
          // A field whose unit depends on its row (`unitOf(row)`): typed and shown in that unit.
          const f = field.unitOf ? { ...field, unit: field.unitOf(getPath(this.getState(), rowPath) ?? {}) } : field;
          const cellPath = joinPath(rowPath, f.path);
          const cellId = this.id(cellPath);
          const error = el("span", { className: "error", id: `${cellId}-error`, "aria-live": "polite" });
          const gloss = this.glossOf(f, cellPath);
          const describedBy = gloss ? `${cellId}-error ${cellId}-gloss` : `${cellId}-error`;
          const input = this.control(f, cellPath, cellId, describedBy, `${label}: ${f.label}${f.unit ? ` (${shownUnit(f)})` : ""}`);
          this.slot(cellPath, input, error);
          const unit = field.unitOf && f.unit ? el("span", { className: "unit", text: shownUnit(f) }) : "";
          return el("td", { className: gloss ? "has-gloss" : "" }, [
            el("div", { className: "input" }, [input, unit]),
            error,
            gloss ? el("span", { className: "gloss", id: `${cellId}-gloss`, role: "tooltip", text: glossText(gloss, scaleOf(f) === "percent") }) : "",
          ]);
        }),
        el("td", {}, [this.removeButton(spec, path, i, label)]),
      ]);
    });
    const table = el("table", { className: "row-table" }, [el("thead", {}, [head]), el("tbody", {}, body)]);
    const set = el("fieldset", { className: "group rows", "aria-describedby": `${id}-error` }, [
      el("legend", { text: spec.label }),
      el("div", { className: "scroll" }, [table]),
      el("div", { className: "row-actions" }, [this.rowButtons(spec, path)]),
      message,
    ]);
    this.slot(path, set, message);
    return set;
  }

  clearProblems() {
    for (const { input, message } of this.slots) {
      input.removeAttribute("aria-invalid");
      message.replaceChildren();
    }
  }

  /**
   * Shows each problem (`{ field, message }`, the core's path relative to this form's
   * object) next to the field that covers its path most closely, opening a closed disclosure
   * around it; returns those no field covers.
   */
  showProblems(problems, prefix = "") {
    this.clearProblems();
    const left = [];
    for (const problem of problems) {
      const field = problem.field.startsWith(prefix) ? problem.field.slice(prefix.length) : null;
      const best = field === null
        ? undefined
        : this.slots.filter((s) => pathCovers(s.path, field)).sort((a, b) => b.path.length - a.path.length)[0];
      if (!best) {
        left.push(problem);
        continue;
      }
      best.input.setAttribute("aria-invalid", "true");
      // A field in a closed disclosure: opened, so that its message can be seen.
      for (let box = best.input.closest("details:not([open])"); box; box = box.parentElement.closest("details:not([open])")) box.open = true;
      const text = field === best.path ? withoutPath(problem.message, problem.own ?? problem.field) : problem.message;
      best.message.append(best.message.textContent ? ` ${text}` : text);
      for (const fix of problem.fixes ?? []) best.message.append(" ", this.fixButton(best.input, fix));
    }
    return left;
  }

  /** A button that puts `fix.text` in `input`, as if typed. */
  fixButton(input, fix) {
    const button = el("button", { type: "button", className: "small fix", text: fix.label });
    button.addEventListener("click", () => {
      input.value = fix.text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    });
    return button;
  }
}

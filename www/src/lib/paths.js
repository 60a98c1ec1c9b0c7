// Paths into plain input objects, written as the core writes them in its errors:
// `contracts[2].contract.term_months`.

/** Splits a path into keys: "a.b[2].c" → ["a", "b", 2, "c"]. */
export function parsePath(path) {
  const keys = [];
  for (const part of path.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`bad path ${path}`);
    if (match[1]) keys.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

/** Joins a base path and a relative one: ("a", "b") → "a.b", ("a", "[2]") → "a[2]". */
export function joinPath(base, path) {
  if (!base) return path;
  if (!path) return base;
  return path.startsWith("[") ? `${base}${path}` : `${base}.${path}`;
}

/** The value at `path`, or undefined. */
export function getPath(object, path) {
  let value = object;
  for (const key of parsePath(path)) {
    if (value == null) return undefined;
    value = value[key];
  }
  return value;
}

/** Sets the value at `path`, creating objects (or arrays, before an index) on the way. */
export function setPath(object, path, value) {
  const keys = parsePath(path);
  let target = object;
  keys.slice(0, -1).forEach((key, i) => {
    if (target[key] == null || typeof target[key] !== "object") {
      target[key] = typeof keys[i + 1] === "number" ? [] : {};
    }
    target = target[key];
  });
  target[keys.at(-1)] = value;
}

/** Removes the key at `path` (an optional input left to its default). */
export function deletePath(object, path) {
  const keys = parsePath(path);
  const parent = keys.length > 1 ? getPath(object, path.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) : object;
  if (parent != null) delete parent[keys.at(-1)];
}

/** Does the error path `field` point at `path` or inside it? */
export function pathCovers(path, field) {
  return field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
}

// A preset's sources as links that open: web addresses as they are; the project's domain
// reference ("docs/domain.md section 14", "sections 7 and 14") at its sections in the
// reference page built beside the calculator (domain.html, www/reference.mjs); the GPU
// catalog ("models/catalog.rs", "models::catalog") at the page's catalog table.

import { el } from "./form.js";

/** Web addresses, ending before trailing punctuation. */
const URL_PATTERN = /https?:\/\/[^\s;,)]+[^\s;,.)]/g;
/** The domain reference and the sections it names ("section 8a", "sections 5 and 14"). */
const DOMAIN_PATTERN = /docs\/domain\.md(?: (sections?) ((?:\d+[a-z]?)(?:(?:, | and )\d+[a-z]?)*))?/g;
/** The GPU catalog's source file or module, in the forms the presets cite it. */
const CATALOG_PATTERN = /(?:core\/src\/)?models(?:\/catalog\.rs|::catalog)/g;
/** Where the page shows the catalog. */
const CATALOG_HREF = "./#p=owner-cost";

/** The reference page's address of section `n` ("14", "8a"). */
export const sectionHref = (n) => `domain.html#section-${n}`;

/** A link that opens in a new tab. */
export const link = (href, text) => el("a", { href, target: "_blank", rel: "noopener", text });

/** The parts of `text`: strings and links, in order. */
function sourceParts(text) {
  const found = [];
  for (const m of text.matchAll(URL_PATTERN)) found.push({ at: m.index, end: m.index + m[0].length, nodes: () => [link(m[0], m[0])] });
  for (const m of text.matchAll(DOMAIN_PATTERN)) {
    const [whole, word, numbers] = m;
    const nodes = () => {
      if (!numbers) return [link("domain.html", whole)];
      // "docs/domain.md sections 7 and 14": each number its own link.
      const out = [link(sectionHref(numbers.match(/\d+[a-z]?/)[0]), `docs/domain.md ${word}`), " "];
      let last = 0;
      for (const n of numbers.matchAll(/\d+[a-z]?/g)) {
        out.push(numbers.slice(last, n.index), link(sectionHref(n[0]), n[0]));
        last = n.index + n[0].length;
      }
      return out;
    };
    found.push({ at: m.index, end: m.index + whole.length, nodes });
  }
  for (const m of text.matchAll(CATALOG_PATTERN)) found.push({ at: m.index, end: m.index + m[0].length, nodes: () => [link(CATALOG_HREF, m[0])] });
  found.sort((a, b) => a.at - b.at);
  const parts = [];
  let last = 0;
  for (const f of found) {
    if (f.at < last) continue; // inside an earlier match (a path in a web address)
    parts.push(text.slice(last, f.at), ...f.nodes());
    last = f.end;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== "");
}

/** A source as a list item, its references as links that open in a new tab. */
export function sourceItem(text) {
  const item = el("li");
  item.append(...sourceParts(text));
  return item;
}

// The project's domain reference (docs/domain.md) as a page served beside the calculator
// (domain.html), so that a preset's source "docs/domain.md section 14" is a link that opens
// at its section. The text is kept as written (a <pre> a section, tables included); each
// heading "## 14. …" or "### 8a. …" gets the id "section-14" / "section-8a".

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The section number of a heading line ("## 14. Figures…" → "14"), or null. */
export function sectionOf(line) {
  return /^#{2,3} (\d+[a-z]?)\. /.exec(line)?.[1] ?? null;
}

/** `markdown` (the reference's text) as a standalone HTML page. */
export function referencePage(markdown) {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const title = (lines[0] ?? "").replace(/^# /, "");
  const parts = [];
  let body = [];
  const flush = () => {
    const text = body.join("\n").trim();
    if (text) parts.push(`<pre>${escape(text)}</pre>`);
    body = [];
  };
  for (const line of lines.slice(1)) {
    const section = sectionOf(line);
    if (section === null) {
      body.push(line);
      continue;
    }
    flush();
    const level = line.startsWith("### ") ? 3 : 2;
    parts.push(`<h${level} id="section-${section}">${escape(line.replace(/^#+ /, ""))}</h${level}>`);
  }
  flush();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
    <meta name="color-scheme" content="light dark" />
    <title>${escape(title)}</title>
    <style>body { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; line-height: 1.5 } pre { white-space: pre-wrap; font-family: inherit } h2, h3 { scroll-margin-top: 1rem }</style>
  </head>
  <body>
    <p><a href="./">Back to the calculator</a></p>
    <h1>${escape(title)}</h1>
    ${parts.join("\n    ")}
  </body>
</html>
`;
}

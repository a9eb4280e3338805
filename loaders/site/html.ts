/**
 * Text into generated pages: page loaders write Markdown whose data parts
 * are HTML blocks, and every name or definition from a source goes in as
 * escaped text, never as markup. `$` is escaped as well: Framework reads
 * `${…}` in Markdown and HTML as a JavaScript expression.
 */
export function esc(text: string | number | null | undefined): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/\$/g, "&#36;");
}

/** HTML from a source's metadata (IM footnotes hold <br> and links) as plain text. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/[ \t]+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

/** One HTML block: Markdown ends an HTML block at a blank line, so none may stand inside. */
export function block(lines: string[]): string {
  return lines.join("\n").replace(/\n\s*\n/g, "\n");
}

/** An anchor id for a catalogue entry: im:1-2-2 → im-1-2-2. */
export function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * An expression for `value` safe inside a page's inline module script:
 * `JSON.parse` of one string literal. Framework's build parses and walks
 * every cell with acorn; a chart's rows as an object literal cost it 14 s
 * over the 700 generated pages, one string token almost nothing (and
 * browsers parse JSON faster than a literal of the same size).
 */
export function jsonLiteral(value: unknown): string {
  const text = JSON.stringify(JSON.stringify(value)).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `JSON.parse(${text})`;
}

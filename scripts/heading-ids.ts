/**
 * Heading ids for Framework's Markdown, computed once per heading text.
 *
 * Framework gives every heading the id markdown-it-anchor makes with
 * @sindresorhus/slugify, whose transliteration builds its regular expressions
 * again on every call: about 2 ms a heading, 11 s for the 800 pages (the
 * same "Kennzahlen" 401 times). This rule runs just before the anchor rule
 * and sets the same ids (same slugify, same "-1", "-2" for repeats within a
 * page), remembered by text; the anchor rule then keeps them.
 */
import slugify from "@sindresorhus/slugify";

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
}
interface MarkdownIt {
  core: {ruler: {before(name: string, rule: string, fn: (state: {tokens: Token[]}) => void): void}};
}

const slugs = new Map<string, string>();

function slugOf(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) slugs.set(text, (slug = slugify(text)));
  return slug;
}

export function headingIds(md: MarkdownIt): MarkdownIt {
  md.core.ruler.before("anchor", "atlas-heading-ids", (state) => {
    const used = new Set<string>();
    state.tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const own = token.attrGet("id");
      if (own !== null) return void used.add(own);
      // The anchor plugin's text of a heading: its text and code, nothing else.
      const text = (state.tokens[i + 1].children ?? []).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("");
      const base = slugOf(text);
      let id = base;
      for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
    });
  });
  return md;
}

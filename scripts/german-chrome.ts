/**
 * German interface text for Framework's own chrome. Framework 1.13.4 has no
 * language option: the search field, its results, the sidebar toggle and the
 * pager's labels come in English from its page template and client bundle.
 * After the build, these exact strings are rewritten in dist/ (HTML, the
 * client and search bundles, the stylesheets); the table of contents' label
 * is set in the config (toc.label). `ENGLISH_CHROME` is what must not remain:
 * the build checks it, and a browser test looks for it on every page.
 */

/** [what Framework writes, German replacement]; a pattern must match exactly what 1.13.4 emits. */
const REWRITES: [RegExp, string][] = [
  // Page template (render.js): sidebar toggle and search field.
  [/(<input id="observablehq-sidebar-toggle" type="checkbox") title="Toggle sidebar">/g, '$1 title="Seitenleiste ein- oder ausblenden" aria-label="Seitenleiste ein- oder ausblenden">'],
  [/(<div id="observablehq-search"><input type="search") placeholder="Search">/g, '$1 placeholder="Suchen" aria-label="Seiten durchsuchen">'],
  // Table of contents (render.js), should a config leave toc.label unset.
  [/(<aside id="observablehq-toc"[^>]*>\s*<nav>\s*<div>)Contents(<\/div>)/g, "$1Inhalt$2"],
  // Client bundle (sidebar.js): the toggle's title with its shortcut.
  [/`Toggle sidebar \$\{/g, "`Seitenleiste ein- oder ausblenden: ${"],
  // Search bundle (search.js): result count and the empty result.
  [/"<div>no results<\/div>"/g, '"<div>keine Treffer</div>"'],
  [/`<div>\$\{(\w+)\.length\.toLocaleString\("en-US"\)\} result\$\{\1\.length\s*===?\s*1\s*\?\s*""\s*:\s*"s"\}<\/div>/g, '`<div>${$1.length.toLocaleString("de-DE")} Treffer</div>'],
  // Observable Inputs (stdlib/inputs.js), should a page use Inputs.search: its placeholder and result count.
  [/(placeholder:\w+=)"Search"/g, '$1"Suchen"'],
  [/`\$\{(\w+)\((\w+)\)\} result\$\{\2\s*===?\s*1\s*\?\s*""\s*:\s*"s"\}`/g, "`${$1($2)} Treffer`"],
  // Stylesheet (layout.css): the pager's labels are generated content.
  [/content:\s*"Previous page"/g, 'content: "Vorherige Seite"'],
  [/content:\s*"Next page"/g, 'content: "Nächste Seite"']
];

/** Framework's English interface strings; none may be left in a built file after the rewrite. */
export const ENGLISH_CHROME = ["Toggle sidebar", 'placeholder="Search"', "no results", "Previous page", "Next page", '"Contents"', ">Contents<", " result${"];

export function germanChrome(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out;
}

/** The English chrome strings still in a built file. */
export function englishLeft(text: string): string[] {
  return ENGLISH_CHROME.filter((s) => text.includes(s));
}

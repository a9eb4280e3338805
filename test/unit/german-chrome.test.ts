// Framework's English chrome, as 1.13.4 writes it (template, minified bundles, stylesheet), rewritten into German.
import {readFileSync} from "node:fs";
import {expect, test} from "vitest";
import {englishLeft, germanChrome} from "../../scripts/german-chrome.ts";

const framework = (p: string) => readFileSync(`node_modules/@observablehq/framework/dist/${p}`, "utf8");

test("the page template's toggle and search field", () => {
  const html = `<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">\n<div id="observablehq-search"><input type="search" placeholder="Search"></div>`;
  const german = germanChrome(html);
  expect(german).toBe(`<input id="observablehq-sidebar-toggle" type="checkbox" title="Seitenleiste ein- oder ausblenden" aria-label="Seitenleiste ein- oder ausblenden">\n<div id="observablehq-search"><input type="search" placeholder="Suchen" aria-label="Seiten durchsuchen"></div>`);
  expect(englishLeft(german)).toEqual([]);
  // The template still writes these (a Framework upgrade that changes them fails here first).
  expect(framework("render.js")).toContain(`title="Toggle sidebar">`);
  expect(framework("render.js")).toContain(`placeholder="Search"></div>`);
});

test("search results and the sidebar title from the client sources", () => {
  for (const file of ["client/search.js", "client/sidebar.js", "style/layout.css"]) {
    const source = framework(file);
    expect(englishLeft(source).length).toBeGreaterThan(0);
    expect(englishLeft(germanChrome(source))).toEqual([]);
  }
  expect(germanChrome(framework("client/search.js"))).toContain(`<div>keine Treffer</div>`);
  expect(germanChrome(framework("style/layout.css"))).toContain(`content: "Vorherige Seite"`);
});

test("minified forms (as the build writes the bundles)", () => {
  const minified = '`<div>${e.length.toLocaleString("en-US")} result${e.length===1?"":"s"}</div><ol>`';
  expect(germanChrome(minified)).toBe('`<div>${e.length.toLocaleString("de-DE")} Treffer</div><ol>`');
  expect(germanChrome('content:"Next page"')).toBe('content: "Nächste Seite"');
  expect(englishLeft("ordinary text with Search in it")).toEqual([]);
});

test("the table of contents' default label", () => {
  const html = `<aside id="observablehq-toc" data-selector="h2">\n<nav>\n<div>Contents</div>\n<ol>`;
  expect(germanChrome(html)).toBe(`<aside id="observablehq-toc" data-selector="h2">\n<nav>\n<div>Inhalt</div>\n<ol>`);
});

test("Observable Inputs' search defaults, minified as the build writes them", () => {
  const inputs = 'const dn=se(e=>{const t=ue(e);return n=>`${t(n)} result${n===1?"":"s"}`}),pn=1;function x({placeholder:l="Search"}){}';
  const german = germanChrome(inputs);
  expect(german).toBe('const dn=se(e=>{const t=ue(e);return n=>`${t(n)} Treffer`}),pn=1;function x({placeholder:l="Suchen"}){}');
  expect(englishLeft(german)).toEqual([]);
});

// First paint: the build fills a page's placeholders with the static SVG of the default view, or a loading state.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {duckdbPreloads, inlineFirstPaint, PENDING_SCRIPT, scriptsAfterContent} from "../../scripts/firstpaint.ts";
import {firstPaint} from "../../components/firstpaint.ts";

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "atlas-firstpaint-"));
  mkdirSync(join(dist, "abbildungen"));
  writeFileSync(join(dist, "abbildungen/magdeburg-stadtteile.svg"), `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="760" height="900"><path data-value="12.5" d="M0,0"/></svg>`);
});
afterEach(() => rmSync(dist, {recursive: true, force: true}));

const PAGE = `<main><div class="atlas-firstpaint" data-firstpaint="magdeburg-stadtteile"></div>\n<div class="observablehq observablehq--block"></div></main>`;

describe("inlineFirstPaint", () => {
  test("the default view's SVG inline, the chart's URL parameters named, a script that picks the loading state", () => {
    const {html, charts} = inlineFirstPaint(PAGE, dist);
    expect(charts).toEqual(["magdeburg-stadtteile"]);
    expect(html).not.toContain("<?xml");
    expect(html).toContain(`<div class="atlas-firstpaint-picture"><svg xmlns="http://www.w3.org/2000/svg" width="760" height="900"><path data-value="12.5"`);
    expect(html).toContain(`data-params="kennzahl jahr von alter klassen n kreise namen gebiet"`);
    expect(html).toContain("Daten werden geladen …");
    expect(html).toContain(`<script>${PENDING_SCRIPT}</script>`);
  });
  test("img mode links the SVG lazily with its size (large small multiples)", () => {
    writeFileSync(join(dist, "abbildungen/magdeburg-stadtteile-jahre.svg"), `<svg width="1100" height="2400"></svg>`);
    const {html} = inlineFirstPaint(`<div class="atlas-firstpaint" data-firstpaint="magdeburg-stadtteile-jahre" data-mode="img"></div>`, dist);
    expect(html).toContain(`<img src="/abbildungen/magdeburg-stadtteile-jahre.svg" alt="Magdeburg: Stadtteile, alle Jahre (Standardansicht)" loading="lazy" decoding="async" width="1100" height="2400">`);
  });
  test("no static SVG built: the loading state, never an empty area", () => {
    const {html, charts} = inlineFirstPaint(`<div class="atlas-firstpaint" data-firstpaint="gemeinden-dichte"></div>`, dist);
    expect(charts).toEqual([]);
    expect(html).toContain(`data-state="pending"`);
    expect(html).toContain("Daten werden geladen …");
  });
  test("a chart the registry does not know fails the build", () => {
    expect(() => inlineFirstPaint(`<div class="atlas-firstpaint" data-firstpaint="gibt-es-nicht"></div>`, dist)).toThrow(/no chart "gibt-es-nicht"/);
  });
  test("DuckDB preloads go right after the charset, once", () => {
    mkdirSync(join(dist, "_npm/@duckdb/duckdb-wasm@1.29.0/dist"), {recursive: true});
    writeFileSync(join(dist, "_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm"), "");
    const once = duckdbPreloads(`<head><meta charset="utf-8"><title>x</title></head>`, dist);
    expect(once).toMatch(/^<head><meta charset="utf-8">\n<link rel="preload"/);
    expect(once).toContain(`<link rel="preload" href="/_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm" as="fetch" type="application/wasm" crossorigin`);
    expect(duckdbPreloads(once, dist)).toBe(once);
  });
});

describe("scriptsAfterContent", () => {
  const built = `<html><head>\n<meta charset="utf-8">\n<link rel="preload" href="/x.wasm" as="fetch" crossorigin>\n<link rel="stylesheet" type="text/css" href="./style.css">\n<link rel="modulepreload" href="./a.js">\n<link rel="modulepreload" href="./b.js">\n<script type="module">\nimport {define} from "./a.js";\n</script>\n</head>\n<body><main><svg></svg><script>inline()</script></main>\n</body></html>`;
  test("module scripts and modulepreloads leave <head> for the end of <body>, in order; stylesheets, preloads and classic scripts stay", () => {
    const out = scriptsAfterContent(built);
    const head = out.slice(0, out.indexOf("</head>"));
    expect(head).toContain(`<link rel="stylesheet" type="text/css" href="./style.css">`);
    expect(head).toContain(`<link rel="preload" href="/x.wasm"`);
    expect(head).not.toMatch(/modulepreload|type="module"/);
    const tail = out.slice(out.indexOf("</main>"));
    expect(tail).toMatch(/^<\/main>\n<link rel="modulepreload" href=".\/a.js">\n<link rel="modulepreload" href=".\/b.js">\n<script type="module">\nimport \{define\} from ".\/a.js";\n<\/script>\n<\/body><\/html>$/);
    expect(out.indexOf("<script>inline()</script>")).toBeLessThan(out.indexOf('<script type="module">'));
  });
  test("a page without them, or without <body>, is left as it is; applying twice changes nothing", () => {
    expect(scriptsAfterContent("<html><head><title>x</title></head><body>x</body></html>")).toBe("<html><head><title>x</title></head><body>x</body></html>");
    expect(scriptsAfterContent(`<head><script type="module">x</script></head>`)).toBe(`<head><script type="module">x</script></head>`);
    const once = scriptsAfterContent(built);
    expect(scriptsAfterContent(once)).toBe(once);
  });
});

describe("in the page", () => {
  const page = (url: string) => new JSDOM(`<body>${inlineFirstPaint(PAGE, dist).html}</body>`, {url, runScripts: "dangerously"}).window;
  test("default view: the picture stays until the chart arrives, then goes", () => {
    const window = page("http://atlas.invalid/karten/magdeburg");
    const slot = window.document.querySelector(".atlas-firstpaint") as HTMLElement;
    expect(slot.dataset.state).toBe("static");
    (globalThis as {CSS?: unknown}).CSS ??= {escape: (s: string) => s};
    const chart = window.document.createElement("figure");
    expect(firstPaint("magdeburg-stadtteile", chart, window.document)).toBe(chart);
    expect(window.document.querySelector(".atlas-firstpaint")).toBeNull();
  });
  test("a URL view (?jahr=2020) shows the loading state from the start; other parameters do not", () => {
    expect((page("http://atlas.invalid/karten/magdeburg?jahr=2020").document.querySelector(".atlas-firstpaint") as HTMLElement).dataset.state).toBe("pending");
    expect((page("http://atlas.invalid/karten/magdeburg?utm=x").document.querySelector(".atlas-firstpaint") as HTMLElement).dataset.state).toBe("static");
  });
});

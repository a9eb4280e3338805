/**
 * First paint from the build (the page side is components/firstpaint.ts).
 * Every `<div class="atlas-firstpaint" data-firstpaint="<id>"></div>` a page
 * marks gets, in the built HTML:
 * - the static SVG of the chart's default view (dist/abbildungen/<id>.svg,
 *   drawn by the same chart code), inline, so it is on screen with the page's
 *   HTML; `data-mode="img"` (large small-multiples) links it as a lazy image;
 * - a German loading state, shown instead when the URL asks for another view
 *   (any of the chart's URL parameters, components/charts/registry.ts): a
 *   tiny inline script decides before the first paint;
 * and the page preloads DuckDB-WASM's wasm, so it downloads while the
 * page's own modules load.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {embedInfo, embedPaths} from "../components/charts/registry.ts";

const PLACEHOLDER = /<div class="atlas-firstpaint" data-firstpaint="([a-z0-9-]+)"(?: data-mode="(img|inline)")?>\s*<\/div>/g;

/** Runs during parsing, before the first paint: a URL view the build did not draw shows the loading state. Same text on every page (one CSP hash). */
export const PENDING_SCRIPT = `(function(s){var p=new URLSearchParams(location.search),k=(s.getAttribute("data-params")||"").split(" ");for(var i=0;i<k.length;i++)if(k[i]&&p.has(k[i])){s.setAttribute("data-state","pending");break}})(document.currentScript.previousElementSibling)`;

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The SVG element of a static figure file, without XML prolog. */
export function svgMarkup(file: string): string {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("<svg");
  if (start < 0) throw new Error(`${file}: no <svg> element`);
  return text.slice(start).trim();
}

function svgSize(svg: string): {width: number; height: number} | null {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\bwidth="([\d.]+)"/.exec(open)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(open)?.[1]);
  return width && height ? {width, height} : null;
}

const LOADING = `<div class="atlas-firstpaint-loading" role="status"><p><strong>Daten werden geladen …</strong></p><progress aria-label="Ladefortschritt"></progress><p class="atlas-explain">Die gewählte Ansicht wird im Browser berechnet: zuerst lädt die Datenbank (DuckDB-WASM), dann fragt sie die Daten ab.</p></div>`;
const NOTE = `<p class="atlas-firstpaint-note" aria-hidden="true">Vorschau · Bedienung wird geladen …</p>`;

export interface FirstPaintResult {
  html: string;
  /** Chart ids given a first paint on this page. */
  charts: string[];
}

/** Fills a built page's first-paint placeholders. */
export function inlineFirstPaint(html: string, dist: string): FirstPaintResult {
  const charts: string[] = [];
  const out = html.replace(PLACEHOLDER, (_match, id: string, mode: string | undefined) => {
    const entry = embedInfo(id);
    if (!entry) throw new Error(`first paint: no chart "${id}" in components/charts/registry.ts`);
    const file = join(dist, embedPaths(entry).svg);
    const params = escapeAttr(entry.params.join(" "));
    let picture = "";
    if (entry.static && existsSync(file)) {
      const svg = svgMarkup(file);
      if (mode === "img") {
        const size = svgSize(svg);
        picture = `<img src="/${embedPaths(entry).svg}" alt="${escapeAttr(entry.title)} (Standardansicht)" loading="lazy" decoding="async"${size ? ` width="${size.width}" height="${size.height}"` : ""}>`;
      } else picture = svg;
      charts.push(id);
    }
    // Without a picture (no static SVG), the loading state is all there is.
    const state = picture ? "static" : "pending";
    return `<div class="atlas-firstpaint" data-firstpaint="${id}" data-state="${state}" data-params="${params}" aria-busy="true"><div class="atlas-firstpaint-picture">${picture}</div>${LOADING}${picture ? NOTE : ""}</div><script>${PENDING_SCRIPT}</script>`;
  });
  return {html: out, charts};
}

/** DuckDB-WASM's wasm as this build serves it (the versioned npm cache path); its JS module Framework already modulepreloads. */
export function duckdbWasm(dist: string): string | null {
  const path = "_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm";
  return existsSync(join(dist, path)) ? `/${path}` : null;
}

/**
 * Starts DuckDB-WASM's largest download with the page's first bytes instead
 * of after the page's modules have run and DuckDB's worker has started. The
 * worker's own fetch of the wasm then comes from the HTTP cache, where the
 * server marks the versioned /_npm/ files cacheable.
 */
export function duckdbPreloads(html: string, dist: string): string {
  if (html.includes('data-atlas-preload="duckdb"')) return html;
  const wasm = duckdbWasm(dist);
  if (!wasm) return html;
  return html.replace(/(<meta charset="utf-8">)/i, `$1\n<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin data-atlas-preload="duckdb">`);
}

/**
 * Framework writes the page's module script and one modulepreload per import
 * (60 and more on a DuckDB page) into <head>. They do not block rendering,
 * but their fetching and compiling run while the browser would paint the
 * page's HTML: measured on 2 cores, the first paint of /karten/gemeinden came
 * at 356 ms with them in <head> and at 220 ms with them at the end of <body>
 * (plain page 148 ms). Module scripts run after parsing either way, in
 * document order, so moving them keeps what they do.
 */
export function scriptsAfterContent(html: string): string {
  const head = /<head>[\s\S]*?<\/head>/i.exec(html);
  if (!head || !html.includes("</body>")) return html;
  const moved: string[] = [];
  const take = (m: string) => (moved.push(m.trim()), "");
  const rest = head[0].replace(/<link rel="modulepreload"[^>]*>\n?/g, take).replace(/<script type="module">[\s\S]*?<\/script>\n?/g, take);
  if (!moved.length) return html;
  const out = html.slice(0, head.index) + rest + html.slice(head.index + head[0].length);
  const end = out.lastIndexOf("</body>");
  return `${out.slice(0, end)}${moved.join("\n")}\n${out.slice(end)}`;
}

/**
 * A choropleth of rates (never counts) over areas: classified colours, a
 * legend with a no-data swatch, areas without data drawn hatched and named
 * as such, tooltips with value, rank and context, click to select.
 */
import * as Plot from "@observablehq/plot";
import {interpolateBlues, interpolateRdBu} from "d3";
import {breaks as classify, classOf, type Method} from "./classify.js";
import {formatNumber} from "./format.js";

export interface MapRow {
  area_id: string;
  name: string;
  value: number | null;
  /** Extra tooltip lines (numerator, denominator, date, source). */
  details?: string[];
}

export interface ChoroplethOptions {
  width: number;
  height?: number;
  method?: Method;
  classes?: number;
  /** Diverging colours around `center` (change maps). */
  diverging?: boolean;
  center?: number;
  format?: (value: number) => string;
  valueLabel: string;
  selected?: string | null;
  onSelect?: (areaId: string) => void;
  /** Areas outlined as places of interest (the concept places). */
  highlight?: ReadonlySet<string>;
  /** Areas drawn for context only (e.g. Bremen inside Niedersachsen). */
  context?: (feature: GeoFeature) => boolean;
  /** A fixed classification (small multiples share one across years). */
  legend?: Legend;
  /** Counts as proportional circles over the rates (never as colour). */
  symbols?: {values: Map<string, number | null>; label: string; format?: (value: number) => string};
  /** Draw without legend (small multiples draw one for all). */
  bare?: boolean;
  /** Borders drawn over the areas, not clickable (the Länder on the Germany map): a GeoJSON geometry or collection. */
  borders?: unknown;
  document?: Document;
}

export interface GeoFeature {
  type: "Feature";
  id?: string | number;
  properties: Record<string, unknown> & {name?: string};
  geometry: unknown;
}

export const NO_DATA = "#e8e8e8";

/**
 * Colours of k classes, exactly k (Plot's quantize scheme rounds n to nice
 * ticks and may return more): sequential blues, or red–blue around a centre.
 */
export function classColors(k: number, diverging = false): string[] {
  if (k <= 1) return [diverging ? interpolateRdBu(0.5) : interpolateBlues(0.55)];
  return Array.from({length: k}, (_, i) => (diverging ? interpolateRdBu(0.95 - (0.9 * i) / (k - 1)) : interpolateBlues(0.12 + (0.83 * i) / (k - 1))));
}

export interface Legend {
  breaks: number[];
  colors: string[];
}

export function legendOf(values: (number | null)[], {method = "quantile", classes = 5, diverging = false, center = 0}: Pick<ChoroplethOptions, "method" | "classes" | "diverging" | "center"> = {}): Legend {
  let b = classify(method, values, classes);
  if (!diverging) return {breaks: b, colors: classColors(b.length + 1)};
  // Keep the centre a class boundary so that colour sign means change sign,
  // and colour each side by its distance from the centre: blues below, reds
  // above, the same intensity for the same number of classes from the centre.
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const allAbove = finite.every((v) => v >= center);
  const allBelow = finite.every((v) => v <= center);
  // A centre outside the values would only add an empty class.
  if (!allAbove && !allBelow && !b.includes(center)) b = [...b, center].sort((x, y) => x - y);
  const below = allAbove ? 0 : allBelow ? b.length + 1 : b.indexOf(center) + 1;
  const above = b.length + 1 - below;
  const steps = Math.max(below, above);
  const colors = [
    ...Array.from({length: below}, (_, j) => interpolateRdBu(0.5 + (0.45 * (below - j)) / steps)),
    ...Array.from({length: above}, (_, k) => interpolateRdBu(0.5 - (0.45 * (k + 1)) / steps))
  ];
  return {breaks: b, colors};
}

export function colorOf(value: number | null, legend: Legend): string {
  return value === null ? NO_DATA : legend.colors[classOf(value, legend.breaks)];
}

export function legendElement(doc: Document, legend: Legend, format: (v: number) => string, label: string, noData: number, {empty = false} = {}): HTMLElement {
  const root = doc.createElement("div");
  root.className = "atlas-legend";
  root.setAttribute("role", "list");
  root.setAttribute("aria-label", `Legende: ${label}`);
  const item = (color: string, text: string, cls = "") => {
    const li = doc.createElement("div");
    li.setAttribute("role", "listitem");
    li.className = `atlas-legend-item ${cls}`;
    const sw = doc.createElement("span");
    sw.className = "atlas-swatch";
    sw.style.background = color;
    li.append(sw, doc.createTextNode(text));
    root.append(li);
  };
  const {breaks: b, colors} = legend;
  // A map without any value has no classes: only the no-data swatch.
  if (!empty) colors.forEach((color, i) => {
    const text = b.length === 0 ? "alle Werte" : i === 0 ? `unter ${format(b[0])}` : i === colors.length - 1 ? `${format(b[i - 1])} und mehr` : `${format(b[i - 1])} bis unter ${format(b[i])}`;
    item(color, text);
  });
  item(NO_DATA, `keine Daten${noData ? ` (${noData})` : ""}`, "atlas-legend-nodata");
  return root;
}

export function choropleth(features: GeoFeature[], rows: MapRow[], options: ChoroplethOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const format = options.format ?? ((v: number) => formatNumber(v));
  const byId = new Map(rows.map((r) => [r.area_id, r]));
  const isContext = options.context ?? (() => false);
  const mapped = features.filter((f) => !isContext(f));
  const values = mapped.map((f) => byId.get(String(f.id))?.value ?? null);
  const legend = options.legend ?? legendOf(values, options);
  const mappedIds = new Set(mapped.map((f) => String(f.id)));
  const ranked = rows.filter((r) => r.value !== null && mappedIds.has(r.area_id)).sort((a, b) => (b.value as number) - (a.value as number));
  const rank = new Map(ranked.map((r, i) => [r.area_id, i + 1]));
  const tooltip = (f: GeoFeature) => {
    const id = String(f.id);
    const row = byId.get(id);
    const name = row?.name ?? String(f.properties.name ?? id);
    if (isContext(f)) return `${name}\n(außerhalb des Gebiets)`;
    if (!row || row.value === null) return `${name}\nkeine Daten`;
    return [name, `${options.valueLabel}: ${format(row.value)}`, `Rang ${rank.get(id)} von ${ranked.length}`, ...(row.details ?? [])].join("\n");
  };
  const collection = {type: "FeatureCollection", features};
  const noData = mapped.filter((f) => (byId.get(String(f.id))?.value ?? null) === null).length;
  const plot = Plot.plot({
    document: doc,
    // Framework's width can be 0 before layout; a negative map height would be an error.
    width: Math.max(options.width, 120),
    height: options.height,
    projection: {type: "mercator", domain: collection as never},
    marks: [
      Plot.geo(features, {
        fill: (f: GeoFeature) => (isContext(f) ? "#fff" : colorOf(byId.get(String(f.id))?.value ?? null, legend)),
        stroke: (f: GeoFeature) => (String(f.id) === options.selected ? "#000" : isContext(f) ? "#bbb" : "#fff"),
        strokeWidth: (f: GeoFeature) => (String(f.id) === options.selected ? 2.5 : 0.6),
        title: tooltip,
        tip: true
      }),
      // Hatching over areas without data, so that "no data" never reads as "low".
      Plot.geo(
        mapped.filter((f) => (byId.get(String(f.id))?.value ?? null) === null),
        {fill: "url(#atlas-hatch)", stroke: "#999", strokeWidth: 0.4}
      ),
      ...(options.borders ? [Plot.geo(options.borders as never, {fill: "none", stroke: "#333", strokeWidth: 1, pointerEvents: "none"} as never)] : []),
      Plot.geo(
        features.filter((f) => options.highlight?.has(String(f.id))),
        {fill: "none", stroke: "#c2410c", strokeWidth: 2}
      ),
      Plot.geo(
        features.filter((f) => String(f.id) === options.selected),
        {fill: "none", stroke: "#000", strokeWidth: 2.5}
      ),
      ...(options.symbols ? [symbolLayer(mapped, options.symbols)] : [])
    ],
    ...(options.symbols ? {r: {range: [0, Math.max(8, options.width / 30)]}} : {})
  }) as SVGSVGElement | HTMLElement;
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  if (svg) {
    const defs = doc.createElementNS("http://www.w3.org/2000/svg", "defs");
    defs.innerHTML = `<pattern id="atlas-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${NO_DATA}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="1.5"/></pattern>`;
    svg.prepend(defs);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `Karte: ${options.valueLabel}`);
    // Click and keyboard selection on the first geo layer's paths (same order as features).
    const paths = svg.querySelectorAll("g[aria-label='geo'] > path");
    features.forEach((f, i) => {
      const path = paths[i] as SVGPathElement | undefined;
      if (!path || isContext(f)) return;
      const id = String(f.id);
      path.dataset.areaId = id;
      path.dataset.fill = path.getAttribute("fill") ?? "";
      // The number the colour stands for (empty: no data), for readers of the DOM and the exported SVG.
      const value = byId.get(id)?.value ?? null;
      path.dataset.value = value === null ? "" : String(value);
      // The tooltip's text (name, formatted value, rank): an exported image turns it into the area's <title>.
      path.dataset.label = tooltip(f);
      path.style.cursor = "pointer";
      path.addEventListener("click", () => options.onSelect?.(id));
    });
  }
  const root = doc.createElement("div");
  root.className = "atlas-map";
  root.append(plot);
  if (!options.bare) root.append(legendElement(doc, legend, format, options.valueLabel, noData, {empty: noData === mapped.length}));
  if (options.symbols && !options.bare) root.append(symbolLegend(doc, options.symbols));
  return root;
}

function symbolLayer(features: GeoFeature[], symbols: NonNullable<ChoroplethOptions["symbols"]>) {
  const withValue = features.filter((f) => (symbols.values.get(String(f.id)) ?? null) !== null);
  return Plot.dot(withValue, Plot.centroid({r: (f: GeoFeature) => symbols.values.get(String(f.id)), fill: "#333", fillOpacity: 0.35, stroke: "#111", strokeWidth: 0.6, pointerEvents: "none"} as never));
}

function symbolLegend(doc: Document, symbols: NonNullable<ChoroplethOptions["symbols"]>): HTMLElement {
  const values = [...symbols.values.values()].filter((v): v is number => v !== null);
  const p = doc.createElement("p");
  p.className = "atlas-explain";
  const max = values.length ? Math.max(...values) : 0;
  p.textContent = `Kreise: ${symbols.label}, Fläche proportional zur Anzahl (größter Kreis: ${(symbols.format ?? ((v: number) => formatNumber(v, {digits: 0})))(max)}).`;
  return p;
}

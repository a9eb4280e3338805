/**
 * A choropleth of rates (never counts) over areas: classified colours, a
 * legend with a no-data swatch, areas without data drawn hatched and named
 * as such, tooltips with value, rank and context, click to select.
 */
import * as Plot from "@observablehq/plot";
import {geoArea, interpolateBlues, interpolateRdBu} from "d3";
import {breaks as classify, classOf, type Method} from "./classify.js";
import {textWidth} from "./exportsvg.js";
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
  /** Area names on the map (labels that would collide become numbers with a key below). */
  labels?: boolean;
  /** Areas whose value rests on a small base (components/smallbase.ts): outlined dashed, no rank. */
  smallBase?: ReadonlySet<string>;
  /** A legend class was chosen (its areas) or cleared (null): the page highlights the same areas in its table. */
  onClassSelect?: (areaIds: string[] | null) => void;
  /** Borders drawn over the areas, not clickable (the Länder on the Germany map): a GeoJSON geometry or collection. */
  borders?: unknown;
  /**
   * Names the map's place on the page. A redraw with the same areas, borders,
   * width and selection then recolours the drawn map in place (fills, values,
   * tooltips, no-data hatching, legend) instead of projecting 400 areas again:
   * a year change on the Germany map. Only for a map drawn once per page.
   */
  reuse?: string;
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

export interface LegendInteraction {
  /** Called with the class index (-1: no data) or null when a class is cleared. */
  onClass: (index: number | null) => void;
  /** Small-base areas counted in the legend (a dashed outline on the map). */
  smallBase?: number;
}

export function legendElement(doc: Document, legend: Legend, format: (v: number) => string, label: string, noData: number, {empty = false, interaction}: {empty?: boolean; interaction?: LegendInteraction} = {}): HTMLElement {
  const root = doc.createElement("div");
  root.className = "atlas-legend";
  root.setAttribute("role", "list");
  root.setAttribute("aria-label", `Legende: ${label}${interaction ? " (eine Klasse anklicken hebt ihre Gebiete in Karte und Tabelle hervor)" : ""}`);
  const buttons: HTMLButtonElement[] = [];
  const item = (color: string, text: string, cls = "", index?: number) => {
    const li = doc.createElement("div");
    li.setAttribute("role", "listitem");
    li.className = `atlas-legend-item ${cls}`;
    const sw = doc.createElement("span");
    sw.className = "atlas-swatch";
    if (color) sw.style.background = color;
    if (interaction && index !== undefined) {
      // A button per class: click (or Enter) highlights the class's areas, again clears.
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "atlas-legend-class";
      button.dataset.classIndex = String(index);
      button.setAttribute("aria-pressed", "false");
      button.append(sw, doc.createTextNode(text));
      button.addEventListener("click", () => {
        const on = button.getAttribute("aria-pressed") !== "true";
        for (const b of buttons) b.setAttribute("aria-pressed", String(on && b === button));
        interaction.onClass(on ? index : null);
      });
      buttons.push(button);
      li.append(button);
    } else li.append(sw, doc.createTextNode(text));
    root.append(li);
  };
  const {breaks: b, colors} = legend;
  // A map without any value has no classes: only the no-data swatch.
  if (!empty) colors.forEach((color, i) => {
    const text = b.length === 0 ? "alle Werte" : i === 0 ? `unter ${format(b[0])}` : i === colors.length - 1 ? `${format(b[i - 1])} und mehr` : `${format(b[i - 1])} bis unter ${format(b[i])}`;
    item(color, text, "", i);
  });
  item(NO_DATA, `keine Daten${noData ? ` (${noData})` : ""}`, "atlas-legend-nodata", noData && !empty ? -1 : undefined);
  if (interaction?.smallBase) item("#fff", `kleine Basis, ohne Rang (${interaction.smallBase})`, "atlas-legend-smallbase");
  return root;
}

/** The area whose selection came from the keyboard: the redrawn map gives it focus again. */
let keyboardSelected: string | null = null;

/** What a drawn map's paths, tooltips and handlers read: replaced when the map is recoloured. */
interface MapState {
  byId: Map<string, MapRow>;
  legend: Legend;
  tooltip: Map<string, string>;
  onSelect?: (areaId: string) => void;
}

/** A drawn map kept for recolouring (options.reuse): the svg with its live Plot tip, its paths, and what it was drawn for. */
interface DrawnMap {
  /** The map's element (legend and svg): kept in the page on a recolour, only its legend replaced. */
  root: HTMLElement;
  svg: Element;
  plot: SVGSVGElement | HTMLElement;
  paths: SVGPathElement[];
  state: MapState;
  features: GeoFeature[];
  borders: unknown;
  signature: string;
}
const drawnMaps = new Map<string, DrawnMap>();

/** The values, classes and tooltip texts of the areas: what a recolour changes. */
function mapState(features: GeoFeature[], rows: MapRow[], options: ChoroplethOptions, format: (v: number) => string): MapState & {values: (number | null)[]; mapped: GeoFeature[]} {
  const byId = new Map(rows.map((r) => [r.area_id, r]));
  const isContext = options.context ?? (() => false);
  const small = options.smallBase ?? new Set<string>();
  const mapped = features.filter((f) => !isContext(f));
  const values = mapped.map((f) => byId.get(String(f.id))?.value ?? null);
  const legend = options.legend ?? legendOf(values, options);
  const mappedIds = new Set(mapped.map((f) => String(f.id)));
  // Areas on a small base get no rank: a share of 237 in 286 must not lead the list unmarked.
  const ranked = rows.filter((r) => r.value !== null && mappedIds.has(r.area_id) && !small.has(r.area_id)).sort((a, b) => (b.value as number) - (a.value as number));
  const rank = new Map(ranked.map((r, i) => [r.area_id, i + 1]));
  const tooltip = new Map<string, string>();
  for (const f of features) {
    const id = String(f.id);
    const row = byId.get(id);
    const name = row?.name ?? String(f.properties.name ?? f.id);
    tooltip.set(
      id,
      isContext(f)
        ? `${name}\n(außerhalb des Gebiets)`
        : !row || row.value === null
          ? `${name}\nkeine Daten`
          : [name, `${options.valueLabel}: ${format(row.value)}`, small.has(id) ? "kleine Basis: ohne Rangplatz" : `Rang ${rank.get(id)} von ${ranked.length}`, ...(row.details ?? [])].join("\n")
    );
  }
  return {byId, legend, tooltip, onSelect: options.onSelect, values, mapped};
}

/** Writes value, class and tooltip of each area onto its path (for readers of the DOM and the exported SVG); `fill` too when recolouring. */
function paintPaths(paths: SVGPathElement[], state: MapState, small: ReadonlySet<string>, {fill}: {fill: boolean}): void {
  for (const path of paths) {
    const id = path.dataset.areaId as string;
    const value = state.byId.get(id)?.value ?? null;
    if (fill) path.setAttribute("fill", colorOf(value, state.legend));
    path.dataset.fill = path.getAttribute("fill") ?? "";
    // The number the colour stands for (empty: no data).
    path.dataset.value = value === null ? "" : String(value);
    path.dataset.class = value === null ? "-1" : String(classOf(value, state.legend.breaks));
    if (small.has(id)) path.dataset.smallBase = "true";
    // The tooltip's text (name, formatted value, rank): an exported image turns it into the area's <title>.
    const text = state.tooltip.get(id) ?? "";
    path.dataset.label = text;
    if (path.hasAttribute("role")) path.setAttribute("aria-label", text.split("\n").slice(0, 3).join(", "));
  }
}

export function choropleth(features: GeoFeature[], rows: MapRow[], options: ChoroplethOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const format = options.format ?? ((v: number) => formatNumber(v));
  const isContext = options.context ?? (() => false);
  const small = options.smallBase ?? new Set<string>();
  const {values, mapped, ...state} = mapState(features, rows, options, format);
  const {byId, legend} = state;
  const collection = {type: "FeatureCollection", features};
  const noData = values.filter((v) => v === null).length;
  const labelSize = options.width < 500 ? 9 : 10;
  // A recolour needs the same geometry and no layer that moves with the values.
  const signature = [Math.max(options.width, 120), options.height, options.selected ?? "", [...(options.highlight ?? [])].join(","), options.bare ? 1 : 0].join("|");
  const reusable = options.reuse && !options.symbols && !options.labels && !options.context && !small.size;
  const previous = reusable ? drawnMaps.get(options.reuse as string) : undefined;
  let plot: SVGSVGElement | HTMLElement;
  let svg: Element | null;
  let paths: SVGPathElement[] = [];
  let key: HTMLElement | null = null;
  let root: HTMLElement | undefined;
  if (previous && previous.features === features && previous.borders === options.borders && previous.signature === signature && previous.svg.ownerDocument === doc) {
    ({plot, svg, paths, root} = previous);
    Object.assign(previous.state, state);
    paintPaths(paths, previous.state, small, {fill: true});
    // A class picked in the old legend is not picked in the new one.
    for (const p of paths) p.classList.remove("atlas-class-hit", "atlas-class-dim");
    // The hatching over areas without data: the same outlines as their paths.
    const hatch = svg.querySelector("g.atlas-hatch-layer");
    hatch?.replaceChildren(
      ...paths.filter((p) => p.dataset.value === "").map((p) => {
        const h = doc.createElementNS("http://www.w3.org/2000/svg", "path");
        h.setAttribute("d", p.getAttribute("d") ?? "");
        return h;
      })
    );
  } else {
    // The tooltip and the handlers read the current state: a recolour replaces it without redrawing.
    const live: MapState = {...state};
    plot = Plot.plot({
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
          // The area's key; the tip looks its text up when shown.
          title: (f: GeoFeature) => String(f.id),
          tip: {format: {title: (id: string) => live.tooltip.get(id) ?? id}}
        } as never),
        // Hatching over areas without data, so that "no data" never reads as "low".
        Plot.geo(
          mapped.filter((f) => (byId.get(String(f.id))?.value ?? null) === null),
          {fill: "url(#atlas-hatch)", stroke: "#999", strokeWidth: 0.4, pointerEvents: "none", className: "atlas-hatch-layer"} as never
        ),
        // A dashed outline: the share rests on a small base.
        Plot.geo(
          mapped.filter((f) => small.has(String(f.id)) && (byId.get(String(f.id))?.value ?? null) !== null),
          {fill: "none", stroke: "#222", strokeWidth: 1.3, strokeDasharray: "3,2", pointerEvents: "none"} as never
        ),
        ...(options.borders ? [Plot.geo(options.borders as never, {fill: "none", stroke: "#333", strokeWidth: 1, pointerEvents: "none"} as never)] : []),
        Plot.geo(
          features.filter((f) => options.highlight?.has(String(f.id))),
          {fill: "none", stroke: "#c2410c", strokeWidth: 2, pointerEvents: "none"} as never
        ),
        Plot.geo(
          features.filter((f) => String(f.id) === options.selected),
          {fill: "none", stroke: "#000", strokeWidth: 2.5, pointerEvents: "none"} as never
        ),
        ...(options.symbols ? [symbolLayer(mapped, options.symbols)] : []),
        // Area names at the centroids; collisions are resolved after drawing (placeLabels).
        ...(options.labels
          ? [Plot.text(mapped, Plot.centroid({text: (f: GeoFeature) => byId.get(String(f.id))?.name ?? String(f.properties.name ?? f.id), fontSize: labelSize, fill: "#111", stroke: "#fff", strokeWidth: 3, strokeOpacity: 0.85, paintOrder: "stroke", pointerEvents: "none"} as never))]
          : [])
      ],
      ...(options.symbols ? {r: {range: [0, Math.max(8, options.width / 30)]}} : {})
    }) as SVGSVGElement | HTMLElement;
    svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
    if (svg) {
      const defs = doc.createElementNS("http://www.w3.org/2000/svg", "defs");
      defs.innerHTML = `<pattern id="atlas-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${NO_DATA}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="1.5"/></pattern>`;
      svg.prepend(defs);
      // A group, not an image: its areas are controls a screen reader must reach.
      svg.setAttribute("role", "group");
      svg.setAttribute("aria-label", `Karte: ${options.valueLabel}${options.onSelect ? " (Gebiete mit Tab erreichbar, Eingabetaste wählt aus)" : ""}`);
      // Click and keyboard selection on the first geo layer's paths (same order as features).
      const drawn = svg.querySelectorAll("g[aria-label='geo'] > path");
      features.forEach((f, i) => {
        const path = drawn[i] as SVGPathElement | undefined;
        if (!path || isContext(f)) return;
        const id = String(f.id);
        path.dataset.areaId = id;
        paths.push(path);
        if (!options.onSelect) return;
        path.style.cursor = "pointer";
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-pressed", String(id === options.selected));
        path.addEventListener("click", () => {
          keyboardSelected = null;
          live.onSelect?.(id);
        });
        path.addEventListener("keydown", (event) => {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          keyboardSelected = id;
          live.onSelect?.(id);
        });
      });
      paintPaths(paths, live, small, {fill: false});
      // Plot draws no group for a layer without data; a recolour may need it (a year with gaps after one without).
      if (!svg.querySelector("g.atlas-hatch-layer") && paths.length) {
        const hatch = doc.createElementNS("http://www.w3.org/2000/svg", "g");
        hatch.setAttribute("class", "atlas-hatch-layer");
        for (const [k, v] of [["fill", "url(#atlas-hatch)"], ["stroke", "#999"], ["stroke-width", "0.4"], ["pointer-events", "none"]]) hatch.setAttribute(k, v);
        paths[0].parentNode?.parentNode?.insertBefore(hatch, paths[0].parentNode.nextSibling);
      }
      if (options.labels) key = placeLabels(doc, svg, mapped, labelSize);
    }
    root = doc.createElement("div");
    if (reusable && svg) drawnMaps.set(options.reuse as string, {root, svg, plot, paths, state: live, features, borders: options.borders, signature});
  }
  const mapRoot: HTMLElement = root;
  mapRoot.className = "atlas-map";
  // On a recolour the svg never leaves the page (taken out and put back, its 401 shapes would be laid out again): what surrounds it is replaced.
  for (const child of [...mapRoot.children]) if (child !== plot) child.remove();
  delete mapRoot.dataset.highlightClass;
  if (plot.parentNode !== mapRoot) mapRoot.append(plot);
  const smallCount = mapped.filter((f) => small.has(String(f.id)) && (byId.get(String(f.id))?.value ?? null) !== null).length;
  // The legend above the map: seen together with the map on a phone and on a tall map.
  if (!options.bare) {
    const onClass = (index: number | null) => {
      const hits = index === null ? null : paths.filter((p) => p.dataset.class === String(index)).map((p) => p.dataset.areaId as string);
      for (const p of paths) {
        const hit = !!hits?.includes(p.dataset.areaId as string);
        p.classList.toggle("atlas-class-hit", hit);
        p.classList.toggle("atlas-class-dim", hits !== null && !hit);
      }
      mapRoot.dataset.highlightClass = index === null ? "" : String(index);
      options.onClassSelect?.(hits);
    };
    plot.before(legendElement(doc, legend, format, options.valueLabel, noData, {empty: noData === mapped.length, interaction: {onClass, smallBase: smallCount}}));
  }
  if (key) mapRoot.append(key);
  if (options.symbols && !options.bare) mapRoot.append(symbolLegend(doc, options.symbols));
  if (keyboardSelected && options.selected === keyboardSelected) {
    const target = paths.find((p) => p.dataset.areaId === keyboardSelected);
    // Once the redrawn map is in the page, the chosen area keeps the keyboard focus.
    if (target) globalThis.requestAnimationFrame?.(() => target.isConnected && target.focus());
  }
  return mapRoot;
}

/** Position of a drawn text (Plot writes x/y or a translate). */
function textPosition(text: Element): [number, number] | null {
  const x = text.getAttribute("x");
  const y = text.getAttribute("y");
  if (x !== null && y !== null) return [Number(x), Number(y)];
  const match = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(text.getAttribute("transform") ?? "");
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * Keeps the names that fit: largest areas first, a name that would overlap
 * one already placed becomes a number, and a key under the map lists the
 * numbered names. Estimated widths, no measuring: the same in the page and
 * in the build's static SVG (jsdom has no layout).
 */
export function placeLabels(doc: Document, svg: Element, features: GeoFeature[], size: number): HTMLElement | null {
  const texts = [...svg.querySelectorAll("g[aria-label='text'] > text")];
  if (texts.length !== features.length) return null;
  const order = features.map((f, i) => ({f, i, area: geoArea(f as never)})).sort((a, b) => b.area - a.area);
  const placed: {x0: number; x1: number; y0: number; y1: number}[] = [];
  const overlaps = (box: {x0: number; x1: number; y0: number; y1: number}) => placed.some((p) => box.x0 < p.x1 && box.x1 > p.x0 && box.y0 < p.y1 && box.y1 > p.y0);
  const numbered: {n: number; name: string}[] = [];
  // Generous boxes: the estimate must not undershoot the browser's font (DejaVu Sans runs wider than 0.6 em) plus the white halo.
  const boxOf = (x: number, y: number, text: string) => {
    const w = textWidth(text, size) * 1.15 + 4;
    return {x0: x - w / 2, x1: x + w / 2, y0: y - size * 0.75, y1: y + size * 0.75};
  };
  const hidden: string[] = [];
  const names = order.map(({f, i}) => ({i, name: String(texts[i].textContent ?? f.id), pos: textPosition(texts[i])}));
  for (const {i, name, pos} of names) {
    if (!pos) continue;
    const box = boxOf(pos[0], pos[1], name);
    if (!overlaps(box)) {
      placed.push(box);
      texts[i].setAttribute("data-label-kind", "name");
      continue;
    }
    // A number where the name does not fit; where not even the number fits (small areas on a phone), no label, and the key names the area.
    const numberBox = boxOf(pos[0], pos[1], String(numbered.length + 1));
    texts[i].setAttribute("data-name", name);
    if (overlaps(numberBox)) {
      texts[i].setAttribute("data-label-kind", "hidden");
      texts[i].setAttribute("visibility", "hidden");
      hidden.push(name);
      continue;
    }
    numbered.push({n: numbered.length + 1, name});
    texts[i].textContent = String(numbered.length);
    texts[i].setAttribute("data-label-kind", "number");
    placed.push(numberBox);
  }
  if (!numbered.length && !hidden.length) return null;
  const key = doc.createElement("p");
  key.className = "atlas-map-key atlas-explain";
  const parts = [
    numbered.length ? `Nummern in der Karte: ${numbered.map((d) => `${d.n} ${d.name}`).join(" · ")}` : "",
    hidden.length ? `Ohne Platz für eine Beschriftung (Namen in der Tabelle und im Tooltip): ${hidden.sort((a, b) => a.localeCompare(b, "de")).join(", ")}` : ""
  ];
  key.textContent = parts.filter(Boolean).join(". ");
  return key;
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

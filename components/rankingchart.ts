/**
 * A ranking for one year: one bar per area, highest first, the chosen places
 * in colour and the rest grey, the Land as a labelled reference line. Areas
 * without a value are listed below the bars as such, never drawn as 0.
 */
import * as Plot from "@observablehq/plot";
import {formatValue} from "./format.js";

export interface RankRow {
  area_id: string;
  name: string;
  value: number | null;
}

export interface RankingOptions {
  width: number;
  unit?: string;
  highlight?: ReadonlySet<string>;
  /** The Land's value: a reference line. */
  reference?: {name: string; value: number | null} | null;
  color?: string;
  document?: Document;
}

export interface Ranked extends RankRow {
  rank: number;
}

/** Highest first; ties share a rank (1, 2, 2, 4); areas without a value are left out. */
export function rank(rows: readonly RankRow[]): Ranked[] {
  const valued = rows.filter((r): r is RankRow & {value: number} => r.value !== null && Number.isFinite(r.value));
  const sorted = [...valued].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "de"));
  return sorted.map((r) => ({...r, rank: sorted.findIndex((s) => s.value === r.value) + 1}));
}

export function ranking(rows: readonly RankRow[], {width, unit = "", highlight = new Set(), reference = null, color = "#1f5fa8", document: doc}: RankingOptions): HTMLElement | SVGSVGElement {
  const ranked = rank(rows);
  const missing = rows.filter((r) => r.value === null || !Number.isFinite(r.value));
  const label = (d: Ranked) => `${d.rank}. ${d.name}: ${formatValue(d.value, unit)}`;
  const refValue = reference?.value ?? null;
  // Framework's width can be 0 before layout: never narrower than the margins
  // (a negative bar width is a console error, and the bars would be lost).
  width = Math.max(width, 260);
  // Narrow (a phone): names above their bars across the full width, instead of a left margin that would cut them.
  const narrow = width < 560;
  const rowHeight = narrow ? 30 : 17;
  const marginRight = 64;
  const xMax = Math.max(0, ...ranked.map((d) => d.value as number), refValue ?? 0);
  // The Land's label goes left of its line when the line stands in the right half (else it would run off the edge).
  const refLeft = refValue !== null && xMax > 0 && refValue / xMax > 0.5;
  const chart = Plot.plot({
    document: doc,
    width,
    height: Math.max(120, ranked.length * rowHeight + 50),
    marginLeft: narrow ? 4 : Math.min(260, width / 3),
    marginRight,
    x: {label: null, grid: true, axis: "top", ticks: Math.max(2, Math.floor(width / 90)), tickFormat: (v: number) => formatValue(v, unit === "count" || unit === "persons" ? "count" : "").replace(" %", "")},
    y: {label: null, domain: ranked.map((d) => d.name), tickSize: 0, axis: narrow ? null : "left", paddingInner: narrow ? 0.55 : 0.1, paddingOuter: narrow ? 0.6 : 0.1},
    marks: [
      Plot.barX(ranked, {x: "value", y: "name", fill: (d: Ranked) => (highlight.has(d.area_id) ? "Auswahl" : "übrige"), title: label, ariaDescription: "Rangfolge"}),
      ...(narrow ? [Plot.text(ranked, {y: "name", frameAnchor: "left", text: (d: Ranked) => `${d.rank}. ${d.name}`, textAnchor: "start", dy: -rowHeight * 0.42, fontSize: 11, fill: "#222", lineWidth: Math.floor(width / 6.5), ariaDescription: "Namen"})] : []),
      Plot.text(ranked, {x: "value", y: "name", text: (d: Ranked) => formatValue(d.value, unit), textAnchor: "start", dx: 3, fontSize: 10, fill: "#333"}),
      ...(refValue !== null ? [Plot.ruleX([refValue], {stroke: "#111", strokeDasharray: "5,3", strokeWidth: 1.5}), Plot.text([refValue], {x: (v: number) => v, frameAnchor: "bottom", dy: -2, text: () => `${reference!.name}: ${formatValue(refValue, unit)}`, fill: "#111", fontSize: 11, textAnchor: refLeft ? "end" : "start", dx: refLeft ? -3 : 3, stroke: "white", strokeWidth: 3, paintOrder: "stroke"})] : []),
      Plot.ruleX([0])
    ],
    color: {domain: ["Auswahl", "übrige"], range: [color, "#c9c9c9"]}
  });
  if (!missing.length) return chart;
  const d = doc ?? globalThis.document;
  const root = d.createElement("div");
  const note = d.createElement("p");
  note.className = "atlas-note";
  note.textContent = `Ohne Wert für dieses Jahr: ${missing.map((r) => r.name).join(", ")}.`;
  root.append(chart, note);
  return root;
}

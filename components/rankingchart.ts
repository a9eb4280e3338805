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
  width = Math.max(width, 320);
  const chart = Plot.plot({
    document: doc,
    width,
    height: Math.max(120, ranked.length * 17 + 50),
    marginLeft: Math.min(260, width / 3),
    marginRight: 70,
    x: {label: null, grid: true, axis: "top", tickFormat: (v: number) => formatValue(v, unit === "count" || unit === "persons" ? "count" : "").replace(" %", "")},
    y: {label: null, domain: ranked.map((d) => d.name), tickSize: 0},
    marks: [
      Plot.barX(ranked, {x: "value", y: "name", fill: (d: Ranked) => (highlight.has(d.area_id) ? "Auswahl" : "übrige"), title: label, ariaDescription: "Rangfolge"}),
      Plot.text(ranked, {x: "value", y: "name", text: (d: Ranked) => formatValue(d.value, unit), textAnchor: "start", dx: 3, fontSize: 10, fill: "#333"}),
      ...(refValue !== null ? [Plot.ruleX([refValue], {stroke: "#111", strokeDasharray: "5,3", strokeWidth: 1.5}), Plot.text([refValue], {x: (v: number) => v, frameAnchor: "bottom", dy: -2, text: () => `${reference!.name}: ${formatValue(refValue, unit)}`, fill: "#111", fontSize: 11, textAnchor: "start", dx: 3})] : []),
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

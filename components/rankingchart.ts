/**
 * A ranking for one year: one bar per area, highest first, the chosen places
 * in colour and the rest grey, the Land as a labelled reference line. Areas
 * without a value are listed below the bars as such, never drawn as 0.
 * A long ranking (every Kreis of Germany: 400 bars, 9,800 px) is condensed as
 * Our World in Data does: the top and the bottom, the chosen places with their
 * rank, and a marked gap for the areas between; the table has every row.
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

/** Up to this many bars are all drawn; above it the ranking is condensed. */
export const FULL_RANKING = 60;
/** Bars kept at each end of a condensed ranking. */
const ENDS = 10;

/** A row of the condensed ranking: a ranked area, or a gap standing for `gap` areas left out. */
export type RankLine = (Ranked & {gap?: undefined}) | {gap: number; name: string};

/** The top and the bottom ENDS, every highlighted area, and a gap line for each run left out. */
export function condense(ranked: readonly Ranked[], highlight: ReadonlySet<string>): RankLine[] {
  if (ranked.length <= FULL_RANKING) return [...ranked];
  const keep = (d: Ranked, i: number) => i < ENDS || i >= ranked.length - ENDS || highlight.has(d.area_id);
  const out: RankLine[] = [];
  let skipped = 0;
  ranked.forEach((d, i) => {
    if (keep(d, i)) {
      if (skipped) out.push({gap: skipped, name: `… ${skipped.toLocaleString("de-DE")} weitere (Rang ${ranked[i - skipped].rank}–${ranked[i - 1].rank})`});
      skipped = 0;
      out.push(d);
    } else skipped++;
  });
  return out;
}

/** Highest first; ties share a rank (1, 2, 2, 4); areas without a value are left out. */
export function rank(rows: readonly RankRow[]): Ranked[] {
  const valued = rows.filter((r): r is RankRow & {value: number} => r.value !== null && Number.isFinite(r.value));
  const sorted = [...valued].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "de"));
  return sorted.map((r) => ({...r, rank: sorted.findIndex((s) => s.value === r.value) + 1}));
}

export function ranking(rows: readonly RankRow[], {width, unit = "", highlight = new Set(), reference = null, color = "#1f5fa8", document: doc}: RankingOptions): HTMLElement | SVGSVGElement {
  const ranked = rank(rows);
  const lines = condense(ranked, highlight);
  const bars = lines.filter((d): d is Ranked => d.gap === undefined);
  const gaps = lines.filter((d): d is {gap: number; name: string} => d.gap !== undefined);
  const missing = rows.filter((r) => r.value === null || !Number.isFinite(r.value));
  const label = (d: Ranked) => `${d.rank}. ${d.name}: ${formatValue(d.value, unit)}`;
  const refValue = reference?.value ?? null;
  // Framework's width can be 0 before layout: never narrower than the margins
  // (a negative bar width is a console error, and the bars would be lost).
  width = Math.max(width, 260);
  // Narrow (a phone): names above their bars across the full width, instead of a left margin that would cut them.
  const narrow = width < 560;
  const rowHeight = narrow ? 30 : 17;
  // Room for the longest value label right of its bar ("33,6 je 1.000").
  const marginRight = Math.max(64, Math.max(0, ...ranked.map((d) => formatValue(d.value, unit).length)) * 6 + 10);
  const xMax = Math.max(0, ...ranked.map((d) => d.value as number), refValue ?? 0);
  // The Land's label goes left of its line when the line stands in the right half (else it would run off the edge).
  const refLeft = refValue !== null && xMax > 0 && refValue / xMax > 0.5;
  const chart = Plot.plot({
    document: doc,
    width,
    height: Math.max(120, lines.length * rowHeight + 50),
    marginLeft: narrow ? 4 : Math.min(260, width / 3),
    marginRight,
    x: {label: null, grid: true, axis: "top", ticks: Math.max(2, Math.floor(width / 90)), tickFormat: (v: number) => formatValue(v, unit === "count" || unit === "persons" ? "count" : "").replace(" %", "")},
    y: {label: null, domain: lines.map((d) => d.name), tickSize: 0, axis: narrow ? null : "left", paddingInner: narrow ? 0.55 : 0.1, paddingOuter: narrow ? 0.6 : 0.1, ...(narrow ? {} : {tickFormat: (name: string) => (gaps.some((g) => g.name === name) ? "" : name)})},
    marks: [
      // A gap stands for the areas left out between two shown ranks: said in words across the chart, no bar.
      ...(gaps.length ? [Plot.text(gaps, {y: "name", frameAnchor: "left", text: "name", textAnchor: "start", fill: "#666", fontSize: 11, fontStyle: "italic", ariaDescription: "Lücke"})] : []),
      Plot.barX(bars, {x: "value", y: "name", fill: (d: Ranked) => (highlight.has(d.area_id) ? "Auswahl" : "übrige"), title: label, ariaDescription: "Rangfolge"}),
      ...(narrow ? [Plot.text(bars, {y: "name", frameAnchor: "left", text: (d: Ranked) => `${d.rank}. ${d.name}`, textAnchor: "start", dy: -rowHeight * 0.42, fontSize: 11, fill: "#222", lineWidth: Math.floor(width / 6.5), ariaDescription: "Namen"})] : []),
      Plot.text(bars, {x: "value", y: "name", text: (d: Ranked) => formatValue(d.value, unit), textAnchor: "start", dx: 3, fontSize: 10, fill: "#333"}),
      ...(refValue !== null ? [Plot.ruleX([refValue], {stroke: "#111", strokeDasharray: "5,3", strokeWidth: 1.5}), Plot.text([refValue], {x: (v: number) => v, frameAnchor: "bottom", dy: -2, text: () => `${reference!.name}: ${formatValue(refValue, unit)}`, fill: "#111", fontSize: 11, textAnchor: refLeft ? "end" : "start", dx: refLeft ? -3 : 3, stroke: "white", strokeWidth: 3, paintOrder: "stroke"})] : []),
      Plot.ruleX([0])
    ],
    color: {domain: ["Auswahl", "übrige"], range: [color, "#c9c9c9"]}
  });
  if (!missing.length && !gaps.length) return chart;
  const d = doc ?? globalThis.document;
  const root = d.createElement("div");
  root.append(chart);
  const note = (text: string) => {
    const p = d.createElement("p");
    p.className = "atlas-note";
    p.textContent = text;
    root.append(p);
  };
  if (gaps.length) note(`Gezeigt: die ${ENDS} höchsten und ${ENDS} niedrigsten von ${ranked.length.toLocaleString("de-DE")} Werten und die gewählten Orte mit ihrem Rang; alle Werte in der Tabelle „Daten als Tabelle“.`);
  // Hundreds of names would bury the chart: the first ones, the count of the rest (the table lists all).
  if (missing.length) note(`Ohne Wert für dieses Jahr: ${missing.slice(0, 12).map((r) => r.name).join(", ")}${missing.length > 12 ? ` und ${(missing.length - 12).toLocaleString("de-DE")} weitere` : ""}.`);
  return root;
}

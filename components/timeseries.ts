/**
 * Lines over time: the highlighted series in colour with a dot per value,
 * the others thin and grey for context, the Land as a dashed black
 * reference; gaps where a value is missing (never drawn as 0); series breaks
 * (a new census base, a changed definition) as labelled vertical rules.
 * Every dot carries its value as a <title> in German format.
 */
import * as Plot from "@observablehq/plot";
import {formatValue} from "./format.js";

export interface TimeRow {
  series: string;
  year: number;
  value: number | null;
  flag?: string | null;
}

export interface SeriesBreak {
  /** First year of the new series. */
  year: number;
  label: string;
}

export interface TimeseriesOptions {
  width: number;
  height?: number;
  /** Series drawn in colour; all others are grey context. Default: all. */
  highlight?: readonly string[];
  /** The reference series (the Land), dashed black. */
  reference?: string | null;
  /** Unit code as formatValue knows it (percent, count, per_1000 …). */
  unit?: string;
  yLabel?: string;
  breaks?: readonly SeriesBreak[];
  /** Colours of the highlighted series, in the order given. */
  colors?: readonly string[];
  /** A fixed colour per series (a place keeps its colour whatever else is chosen); wins over `colors`. */
  colorOf?: (series: string) => string | undefined;
  document?: Document;
}

export const SERIES_COLORS = ["#1f5fa8", "#d9711c", "#2e8b57", "#b8336a", "#7a5195", "#8c6d1f", "#0f8b8d", "#c23b22", "#4d4d4d", "#5e8c31"];
export const REFERENCE_COLOR = "#111";
export const CONTEXT_COLOR = "#c9c9c9";

/** The value label of a dot: „Wolfsburg 2024: 20,0 %“ (flags said in words). */
export function pointLabel(row: TimeRow, unit = ""): string {
  const flag = row.flag && row.flag !== "derived" ? ` (${row.flag})` : row.flag === "derived" ? " (berechnet)" : "";
  return `${row.series} ${row.year}: ${formatValue(row.value, unit)}${flag}`;
}

/** Label positions for the line ends: in order of value, each at least `gap` above the one below. */
export function spread(points: readonly TimeRow[], gap: number): (TimeRow & {labelY: number})[] {
  const out: (TimeRow & {labelY: number})[] = [];
  for (const row of [...points].sort((a, b) => (a.value as number) - (b.value as number))) {
    const below = out.at(-1)?.labelY;
    out.push({...row, labelY: below !== undefined ? Math.max(row.value as number, below + gap) : (row.value as number)});
  }
  return out;
}

/**
 * Missing years as explicit nulls, so that a line breaks there instead of
 * bridging the gap. A series' own step (1 for yearly data, 2 for every other
 * year) is its smallest distance between years; a longer distance is a gap.
 */
export function withGaps(rows: readonly TimeRow[]): TimeRow[] {
  const bySeries = new Map<string, TimeRow[]>();
  for (const r of rows) (bySeries.get(r.series) ?? bySeries.set(r.series, []).get(r.series)!).push(r);
  const out: TimeRow[] = [];
  for (const list of bySeries.values()) {
    const sorted = [...list].sort((a, b) => a.year - b.year);
    const years = [...new Set(sorted.map((r) => r.year))];
    const step = Math.min(...years.slice(1).map((y, i) => y - years[i]));
    sorted.forEach((r, i) => {
      const next = sorted[i + 1];
      out.push(r);
      if (next && Number.isFinite(step) && next.year - r.year > step) for (let y = r.year + step; y < next.year; y += step) out.push({series: r.series, year: y, value: null, flag: "missing"});
    });
  }
  return out;
}

/** Rough width of a label in px (sans-serif, mixed case); enough to size margins and shorten names. */
export const textWidth = (text: string, fontSize = 11) => text.length * fontSize * 0.6;

const ABBREVIATIONS: [RegExp, string][] = [[/^Landkreis /, "LK "], [/^Landeshauptstadt /, "LH "], [/^Region /, "Reg. "], [/, Stadt$/, ""], [/^Stadt /, ""]];

/** A line-end label that fits `room` px: common prefixes abbreviated, then cut with „…“ (the full name stays in the label's tooltip). */
export function endLabel(name: string, room: number, fontSize = 11): string {
  if (textWidth(name, fontSize) <= room) return name;
  let short = name;
  for (const [pattern, replacement] of ABBREVIATIONS) short = short.replace(pattern, replacement);
  if (textWidth(short, fontSize) <= room) return short;
  const chars = Math.max(1, Math.floor(room / (fontSize * 0.6)) - 1);
  return `${short.slice(0, chars).trimEnd()}…`;
}

/** Pixels taken by the break labels above one: lines each (wrapped at `lineWidth` ems of 10 px), 11 px a line. */
function breakLabelOffset(above: readonly SeriesBreak[], lineWidth: number): number {
  return above.reduce((sum, b) => sum + 11 * Math.max(1, Math.ceil(textWidth(b.label, 10) / (lineWidth * 10))), 0);
}

export function timeseries(input: readonly TimeRow[], {width, height = 360, highlight, reference = null, unit = "", yLabel, breaks = [], colors = SERIES_COLORS, colorOf, document: doc}: TimeseriesOptions): HTMLElement | SVGSVGElement {
  const rows = withGaps(input);
  const names = [...new Set(rows.map((r) => r.series))];
  const shown = (highlight ?? names.filter((n) => n !== reference)).filter((n) => names.includes(n) && n !== reference);
  const isShown = new Set(shown);
  const context = rows.filter((r) => !isShown.has(r.series) && r.series !== reference);
  const front = rows.filter((r) => isShown.has(r.series));
  const ref = reference ? rows.filter((r) => r.series === reference) : [];
  const defined = (r: TimeRow) => r.value !== null && Number.isFinite(r.value);
  // The axis covers the values drawn, not the empty years around them.
  const years = rows.filter(defined).map((r) => r.year);
  const [x0, x1] = years.length ? [Math.min(...years), Math.max(...years)] : [0, 1];
  const tick = (v: number) => formatValue(v, unit === "count" || unit === "persons" ? "count" : "").replace(" %", "");
  const palette = shown.map((name, i) => colorOf?.(name) ?? colors[i % colors.length]);
  const last = (list: TimeRow[]) => {
    const byName = new Map<string, TimeRow>();
    for (const r of list) if (defined(r) && (byName.get(r.series)?.year ?? -Infinity) < r.year) byName.set(r.series, r);
    return [...byName.values()];
  };
  const inRange = breaks.filter((b) => b.year > x0 && b.year <= x1);
  // About 12 px between label baselines, in data units of the y scale.
  // The scale serves the chosen places and the Land: grey context lines far above them (a Kreis with an
  // initial reception centre, 340 per 1,000 in 2015, among 400 Kreise) are cut at the top, and the axis says so.
  const focus = [...front, ...ref].filter(defined).map((r) => r.value as number);
  const all = rows.filter(defined).map((r) => r.value as number);
  const capped = focus.length > 0 && Math.max(...focus) > 0 && Math.max(...all) > 1.5 * Math.max(...focus);
  const values = capped ? focus : all;
  const lo = unit !== "percent" && unit !== "years" ? Math.min(0, ...values) : Math.min(...values);
  const top = capped ? Math.max(...focus) * 1.1 : undefined;
  const labelGap = values.length ? (((top ?? Math.max(...values)) - lo) * 12) / Math.max(1, height - 60) : 0;
  const ends = spread([...(shown.length <= 6 ? last(front) : []), ...last(ref)], labelGap);
  // Framework's width can be 0 before layout; below the margins the lines would vanish.
  // Not wider than a 320 px phone's page though (embeds are that narrow).
  width = Math.max(width, 260);
  // The right margin holds the end labels: as wide as the longest needs, at most a quarter (on phones a third) of the chart; longer names are shortened.
  const marginLeft = 56;
  const maxRoom = width < 600 ? width / 3 : Math.min(220, width / 4);
  const marginRight = Math.max(24, Math.min(maxRoom, Math.max(0, ...ends.map((d) => textWidth(d.series))) + 14));
  const room = marginRight - 10;
  // A year tick needs about 42 px, or the years run together on a phone.
  const ticks = Math.max(1, Math.min(12, x1 - x0, Math.floor((width - marginLeft - marginRight) / 42)));
  const breakLineWidth = Math.max(8, Math.floor((width - 120) / 2 / 10));
  return Plot.plot({
    document: doc,
    width,
    height,
    marginRight,
    marginLeft,
    x: {label: null, domain: x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1], tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ""), ticks},
    y: {label: `${yLabel ?? (unit === "percent" ? "Prozent" : unit === "per_1000" ? "je 1.000" : "")}${capped ? " · graue Linien oben gekappt" : ""}` || null, grid: true, zero: unit !== "percent" && unit !== "years", tickFormat: tick, ...(top === undefined ? {} : {domain: [lo, top]})},
    color: {domain: shown, range: palette, legend: shown.length > 1},
    marks: [
      ...inRange.map((b) => Plot.ruleX([b.year - 0.5], {stroke: "#888", strokeDasharray: "3,3"})),
      // A break's label runs away from the nearer edge and wraps, so that it stays inside the chart on a phone.
      // Two breaks a few years apart (Zensus 2011 and 2022 on a phone) would run into each other: each label starts below the one before.
      ...inRange.map((b, i) => Plot.text([b], {x: (d: SeriesBreak) => d.year - 0.5, frameAnchor: "top", dy: 2 + breakLabelOffset(inRange.slice(0, i), breakLineWidth), text: "label", textAnchor: b.year > (x0 + x1) / 2 ? "end" : "start", dx: b.year > (x0 + x1) / 2 ? -3 : 3, lineWidth: breakLineWidth, fill: "#555", fontSize: 10})),
      Plot.line(context, {x: "year", y: "value", z: "series", stroke: CONTEXT_COLOR, strokeWidth: 1, clip: true, ariaDescription: "Vergleichslinien"}),
      Plot.line(ref, {x: "year", y: "value", stroke: REFERENCE_COLOR, strokeWidth: 1.5, strokeDasharray: "5,3", ariaDescription: "Referenz"}),
      Plot.dot(ref.filter(defined), {x: "year", y: "value", fill: REFERENCE_COLOR, r: 2, title: (d: TimeRow) => pointLabel(d, unit), ariaDescription: "Referenzwerte"}),
      Plot.line(front, {x: "year", y: "value", z: "series", stroke: "series", strokeWidth: 2.2, ariaDescription: "Linien"}),
      Plot.dot(front.filter(defined), {x: "year", y: "value", fill: "series", r: 3, title: (d: TimeRow) => pointLabel(d, unit), ariaDescription: "Werte"}),
      // Direct labels at the line ends, while they can still be told apart, pushed apart where they would overlap.
      // End labels sit in the right margin (from the last year, x1), never past the chart's edge; the full name is their tooltip.
      Plot.text(ends.filter((d) => d.series !== reference), {x: () => x1, y: "labelY", text: (d: TimeRow) => endLabel(d.series, room), title: "series", textAnchor: "start", dx: 6, fill: "series", fontSize: 11, ariaDescription: "Beschriftung"}),
      Plot.text(ends.filter((d) => d.series === reference), {x: () => x1, y: "labelY", text: (d: TimeRow) => endLabel(d.series, room), title: "series", textAnchor: "start", dx: 6, fill: REFERENCE_COLOR, fontSize: 11, ariaDescription: "Beschriftung"}),
      Plot.tip(front.filter(defined), Plot.pointer({x: "year", y: "value", title: (d: TimeRow) => pointLabel(d, unit)}))
    ]
  });
}

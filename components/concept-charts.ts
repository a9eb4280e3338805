/**
 * Charts of the concept pages: how much of a concept's indicator list the
 * atlas can measure (coverage per goal or field), the theme matrix across
 * the five concepts, and plain counts (measures by time frame or actor).
 */
import * as Plot from "@observablehq/plot";
import {interpolateRgb, quantize, ticks} from "d3";
import {formatNumber, formatPercent} from "./format.js";

export const STATUS_LABELS: Record<string, string> = {
  measurable: "messbar",
  partly: "teilweise messbar",
  not_yet: "noch nicht messbar"
};
export const STATUS_COLORS: Record<string, string> = {measurable: "#1b7837", partly: "#a6dba0", not_yet: "#d9d9d9"};
const STATUSES = ["measurable", "partly", "not_yet"] as const;

export interface LinkLike {
  status: string;
}

export interface CoverageRow {
  /** Group id (a goal or field id). */
  group: string;
  label: string;
  total: number;
  measurable: number;
  partly: number;
  not_yet: number;
  /** Share fully measurable (per cent). */
  measurableShare: number;
  /** Share at least partly measurable (per cent). */
  coveredShare: number;
}

/** Indicators per group by status; groups in `order` first (empty groups included), then the rest. */
export function coverage<T extends LinkLike>(links: T[], groupOf: (l: T) => string, labelOf: (group: string) => string, order: string[] = []): CoverageRow[] {
  const groups = [...new Set([...order, ...links.map(groupOf)])];
  return groups.map((group) => {
    const inGroup = links.filter((l) => groupOf(l) === group);
    const n = (s: string) => inGroup.filter((l) => l.status === s).length;
    const total = inGroup.length;
    const measurable = n("measurable");
    const partly = n("partly");
    return {group, label: labelOf(group), total, measurable, partly, not_yet: n("not_yet"), measurableShare: total ? (100 * measurable) / total : 0, coveredShare: total ? (100 * (measurable + partly)) / total : 0};
  });
}

export function coverageChart(rows: CoverageRow[], {width, document: doc}: {width: number; document?: Document}): HTMLElement | SVGSVGElement {
  const long = rows.flatMap((r) => STATUSES.map((status) => ({label: r.label, status, count: r[status], total: r.total})));
  const longest = Math.max(...rows.map((r) => r.label.length), 10);
  return Plot.plot({
    document: doc,
    // Framework's width can be near 0 before layout: never narrower than the margins (a negative bar width is an error).
    width: Math.max(width, Math.min(380, 10 + 6.5 * longest) + 120 + 160),
    height: 40 + rows.length * 28,
    marginLeft: Math.min(380, 10 + 6.5 * longest),
    marginRight: 120,
    x: {label: "Indikatoren (Anzahl)", grid: true, tickFormat: (d: number) => formatNumber(d, {digits: 0})},
    y: {label: null, domain: rows.map((r) => r.label), tickFormat: (d: string) => (d.length > 60 ? `${d.slice(0, 59)}…` : d)},
    color: {domain: STATUSES.map((s) => STATUS_LABELS[s]), range: STATUSES.map((s) => STATUS_COLORS[s]), legend: true},
    marks: [
      Plot.barX(long, Plot.stackX({x: "count", y: "label", fill: (d: {status: string}) => STATUS_LABELS[d.status], order: (d: {status: string}) => STATUSES.indexOf(d.status as (typeof STATUSES)[number]),
        title: (d: {label: string; status: string; count: number; total: number}) => `${d.label}\n${STATUS_LABELS[d.status]}: ${formatNumber(d.count, {digits: 0})} von ${formatNumber(d.total, {digits: 0})}`, tip: true})),
      Plot.text(rows, {x: "total", y: "label", text: (r: CoverageRow) => `${formatNumber(r.measurable + r.partly, {digits: 0})} von ${formatNumber(r.total, {digits: 0})} (${formatPercent(r.coveredShare, 0)})`, textAnchor: "start", dx: 6}),
      Plot.ruleX([0])
    ]
  }) as HTMLElement | SVGSVGElement;
}

export interface MatrixCell {
  theme: string;
  themeLabel: string;
  doc: string;
  docLabel: string;
  count: number;
  /** Titles of the fields and goals mapped to the theme. */
  names: string[];
  href?: string;
}

/** Words on lines of at most `chars` characters (Plot draws each line of a tick label below the other). */
function wrapWords(text: string, chars: number): string {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}

/** Themes × concepts: how many fields and goals of each concept address a theme (0 = none, drawn empty). */
export function themeMatrix(cells: MatrixCell[], {width, themes, docs, document: doc}: {width: number; themes: string[]; docs: string[]; document?: Document}): HTMLElement | SVGSVGElement {
  const max = Math.max(1, ...cells.map((c) => c.count));
  // Classes, not a continuous ramp: Plot draws a ramp legend on a canvas, which the
  // build's static SVG (jsdom) cannot; the exact count is written in every cell anyway.
  const thresholds = [...new Set([1, ...ticks(0, max, 4).filter((t) => t > 1 && t <= max)])];
  const colors = ["#f3f6fa", ...(thresholds.length > 1 ? quantize(interpolateRgb("#c6dbef", "#08519c"), thresholds.length) : ["#08519c"])];
  // On a phone: theme names wrapped in a narrower margin, the places' names turned upright, so that the matrix fits the screen instead of being scaled down until its names run into each other.
  const narrow = width < 600;
  return Plot.plot({
    document: doc,
    width: narrow ? Math.max(width, 300) : Math.max(width, 300 + 60 * docs.length),
    height: (narrow ? 150 : 60) + themes.length * 30,
    marginLeft: narrow ? 150 : 300,
    marginTop: narrow ? 140 : 50,
    x: {label: null, domain: docs, axis: "top", tickFormat: (d: string) => d, ...(narrow ? {tickRotate: -90} : {})},
    y: {label: null, domain: themes, ...(narrow ? {tickFormat: (t: string) => wrapWords(t, 22)} : {})},
    color: {type: "threshold", domain: thresholds, range: colors, legend: true, label: "Felder und Ziele (Anzahl)", tickFormat: (t: number) => formatNumber(t, {digits: 0})},
    marks: [
      Plot.cell(cells, {x: "docLabel", y: "themeLabel", fill: (c: MatrixCell) => c.count, inset: 1, href: (c: MatrixCell) => c.href ?? null,
        title: (c: MatrixCell) => `${c.themeLabel} · ${c.docLabel}: ${c.count === 0 ? "kein Feld, kein Ziel" : `${formatNumber(c.count, {digits: 0})}\n${c.names.map((n) => `– ${n}`).join("\n")}`}`, tip: true}),
      Plot.text(cells, {x: "docLabel", y: "themeLabel", text: (c: MatrixCell) => (c.count ? formatNumber(c.count, {digits: 0}) : "–"), fill: (c: MatrixCell) => (c.count > max / 2 ? "white" : "black")})
    ]
  }) as HTMLElement | SVGSVGElement;
}

export interface CountRow {
  label: string;
  /** Stack key (e.g. Handlungsfeld); "" when not stacked. */
  group: string;
  count: number;
}

/** Horizontal bars of counts, optionally stacked by group; bars in `order`. */
export function countBars(rows: CountRow[], {width, order, groups, colors, xLabel, document: doc}: {width: number; order: string[]; groups?: string[]; colors?: string[]; xLabel: string; document?: Document}): HTMLElement | SVGSVGElement {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.label, (totals.get(r.label) ?? 0) + r.count);
  const longest = Math.max(...order.map((l) => l.length), 10);
  return Plot.plot({
    document: doc,
    width: Math.max(width, Math.min(400, 10 + 6.5 * longest) + 40 + 160),
    height: 40 + order.length * 24 + (groups?.length ? 30 : 0),
    marginLeft: Math.min(400, 10 + 6.5 * longest),
    marginRight: 40,
    x: {label: xLabel, grid: true, tickFormat: (d: number) => formatNumber(d, {digits: 0})},
    y: {label: null, domain: order, tickFormat: (d: string) => (d.length > 64 ? `${d.slice(0, 63)}…` : d)},
    color: groups?.length ? (colors ? {domain: groups, range: colors, legend: true} : {domain: groups, scheme: "tableau10", legend: true}) : undefined,
    marks: [
      Plot.barX(rows, Plot.stackX({x: "count", y: "label", fill: groups?.length ? "group" : "#4e79a7", title: (r: CountRow) => `${r.label}${r.group ? ` · ${r.group}` : ""}: ${formatNumber(r.count, {digits: 0})}`, tip: true})),
      Plot.text(order, {x: (l: string) => totals.get(l) ?? 0, y: (l: string) => l, text: (l: string) => formatNumber(totals.get(l) ?? 0, {digits: 0}), textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  }) as HTMLElement | SVGSVGElement;
}

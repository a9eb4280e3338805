/**
 * The time series of one selected area against its reference (the city, the
 * Land): lines with points, the selected area emphasised, German number
 * formats, a tip per point. Missing years stay gaps, never zero.
 */
import * as Plot from "@observablehq/plot";
import {d3de} from "./format.js";

export interface TrendRow {
  series: string;
  year: number;
  value: number | null;
}

export interface TrendOptions {
  width: number;
  height?: number;
  /** The series drawn strongest (the selected area). */
  highlight?: string;
  format?: (value: number) => string;
  yLabel?: string;
  /** Series breaks, drawn as a dashed rule between the last year before and the first after, with their label. */
  breaks?: readonly {year: number; label: string}[];
  document?: Document;
}

export function trend(rows: TrendRow[], {width, height = 240, highlight, format = d3de.format(",.1f"), yLabel, breaks = [], document: doc}: TrendOptions): SVGSVGElement | HTMLElement {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const other = (r: TrendRow) => r.series !== highlight;
  return Plot.plot({
    document: doc,
    width: Math.max(width, 240),
    height,
    marginLeft: 56,
    x: {label: null, tickFormat: (d: number) => String(d), ticks: years.length > 12 ? undefined : years},
    y: {label: yLabel ?? null, grid: true, tickFormat: (d: number) => format(d), zero: rows.every((r) => r.value === null || r.value >= 0)},
    color: {legend: true, domain: [...new Set(rows.map((r) => r.series))], range: ["#1f5f99", "#c2410c", "#6b7280", "#15803d", "#7e22ce"]},
    marks: [
      ...breaks.map((b) => Plot.ruleX([b.year - 0.5], {stroke: "#888", strokeDasharray: "3,3"})),
      ...breaks.map((b) => Plot.text([b], {x: (d: {year: number}) => d.year - 0.5, frameAnchor: "top", dy: 2, dx: -3, textAnchor: "end", text: "label", fill: "#555", fontSize: 10})),
      Plot.lineY(rows.filter(other), {x: "year", y: "value", stroke: "series", strokeWidth: 1.5, strokeOpacity: 0.8}),
      Plot.lineY(rows.filter((r) => !other(r)), {x: "year", y: "value", stroke: "series", strokeWidth: 3}),
      Plot.dot(rows.filter((r) => r.value !== null), {x: "year", y: "value", fill: "series", r: 3, tip: true, title: (r: TrendRow) => `${r.series}\n${r.year}: ${format(r.value as number)}`})
    ]
  }) as SVGSVGElement | HTMLElement;
}

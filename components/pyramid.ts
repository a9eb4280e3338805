/**
 * A population pyramid by single year of age and sex: men left, women right;
 * absolute or relative (per cent of the whole population); an optional
 * outline of a second population (another year or area) in relative mode;
 * the surplus of men or women shaded darker.
 */
import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "./format.js";

export interface PyramidRow {
  /** Age in years; the open class (90+) gets its lower bound. */
  age: number;
  ageLabel: string;
  male: number | null;
  female: number | null;
}

export interface PyramidOptions {
  width: number;
  height?: number;
  relative?: boolean;
  /** Drawn as an outline (relative mode only makes sense across populations). */
  compare?: PyramidRow[];
  compareLabel?: string;
  /** Further outlines (other years), each in its own colour; with `compare`, five at most. */
  compares?: {rows: PyramidRow[]; label: string}[];
  document?: Document;
}

/** Outline colours: the first is the single `compare` outline's. */
export const OUTLINE_COLORS = ["#222", "#c25b00", "#6a3d9a", "#1f78b4", "#b0306f"];

export const MALE = "#3b6ea5";
export const FEMALE = "#c0504d";

/** Shares of the whole (men and women together) in per cent; they sum to 100. */
export function toShares(rows: PyramidRow[]): PyramidRow[] {
  const total = rows.reduce((s, r) => s + (r.male ?? 0) + (r.female ?? 0), 0);
  return rows.map((r) => ({...r, male: r.male === null ? null : (100 * r.male) / total, female: r.female === null ? null : (100 * r.female) / total}));
}

export function pyramid(rows: PyramidRow[], {width, height = 620, relative = false, compare, compareLabel, compares = [], document: doc}: PyramidOptions): HTMLElement | SVGSVGElement {
  const data = relative ? toShares(rows) : rows;
  const outlines = [...(compare ? [{rows: compare, label: compareLabel ?? ""}] : []), ...compares]
    .slice(0, OUTLINE_COLORS.length)
    .map((o, k) => ({label: o.label, color: OUTLINE_COLORS[k], rows: relative ? toShares(o.rows) : o.rows}));
  const fmt = (v: number | null) => (relative ? formatPercent(v, 2) : formatNumber(v, {digits: 0}));
  const bars = data.flatMap((r) => [
    {age: r.age, ageLabel: r.ageLabel, sex: "männlich", value: -(r.male ?? 0), raw: r.male, surplus: Math.max(0, (r.male ?? 0) - (r.female ?? 0))},
    {age: r.age, ageLabel: r.ageLabel, sex: "weiblich", value: r.female ?? 0, raw: r.female, surplus: Math.max(0, (r.female ?? 0) - (r.male ?? 0))}
  ]);
  const outlineOf = (rows: PyramidRow[]) => rows.flatMap((r) => [
    {age: r.age, value: -(r.male ?? 0)},
    {age: r.age, value: r.female ?? 0}
  ]);
  const outlineMarks = outlines.flatMap(({rows: o, color}) => {
    const outline = outlineOf(o);
    return [Plot.lineX(outline.filter((d) => d.value <= 0), {x: "value", y: (d: {age: number}) => d.age + 0.5, curve: "step", stroke: color, strokeWidth: 1.2}), Plot.lineX(outline.filter((d) => d.value >= 0 && d.age >= 0), {x: "value", y: (d: {age: number}) => d.age + 0.5, curve: "step", stroke: color, strokeWidth: 1.2})];
  });
  const outlineLabels = outlines.filter((o) => o.label);
  type Bar = (typeof bars)[number];
  // Each bar carries its age, sex and value, for readers of the DOM (tests, embeds).
  const tagBars = (index: number[], scales: unknown, values: unknown, dimensions: unknown, context: unknown, next?: (...args: unknown[]) => SVGElement | null) => {
    const g = next?.(index, scales, values, dimensions, context) ?? null;
    const rects = g ? [...g.querySelectorAll("rect")] : [];
    index.forEach((i, k) => {
      const bar = bars[i] as Bar;
      const rect = rects[k];
      if (!rect) return;
      rect.setAttribute("data-age", String(bar.age));
      rect.setAttribute("data-sex", bar.sex === "männlich" ? "male" : "female");
      if (bar.raw === null) rect.setAttribute("data-missing", "true");
      else rect.setAttribute("data-value", String(bar.raw));
    });
    return g;
  };
  return Plot.plot({
    document: doc,
    width: Math.max(width, 320),
    height,
    marginLeft: 40,
    x: {label: relative ? "Anteil an der Bevölkerung (%) ←  Männer | Frauen →" : "Personen ←  Männer | Frauen →", tickFormat: (d: number) => (relative ? formatNumber(Math.abs(d), {digits: 1}) : formatNumber(Math.abs(d), {digits: 0}))},
    y: {label: "Alter", domain: [0, Math.max(...data.map((d) => d.age)) + 1], ticks: 10},
    color: {domain: ["männlich", "weiblich"], range: [MALE, FEMALE], legend: true},
    marks: [
      Plot.rectX(bars, {x: "value", y1: "age", y2: (d: {age: number}) => d.age + 1, fill: "sex", fillOpacity: 0.55, inset: 0.2,
        title: (d: {sex: string; ageLabel: string; raw: number | null}) => `${d.sex}, ${d.ageLabel} Jahre: ${fmt(d.raw)}`, tip: true, render: tagBars as never}),
      // The surplus of one sex over the other in full colour.
      Plot.rectX(bars.filter((d) => d.surplus > 0), {x1: (d: {sex: string; value: number; surplus: number}) => (d.sex === "männlich" ? d.value + d.surplus : d.value - d.surplus), x2: "value", y1: "age", y2: (d: {age: number}) => d.age + 1, fill: "sex", inset: 0.2}),
      ...outlineMarks,
      Plot.ruleX([0]),
      ...outlineLabels.map((o, k) => Plot.text([o.label], {frameAnchor: "top-right", text: (d: string) => `Linie: ${d}`, dy: 4 + 14 * k, fill: o.color}))
    ]
  }) as HTMLElement | SVGSVGElement;
}

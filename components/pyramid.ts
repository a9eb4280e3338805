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
  document?: Document;
}

export const MALE = "#3b6ea5";
export const FEMALE = "#c0504d";

/** Shares of the whole (men and women together) in per cent; they sum to 100. */
export function toShares(rows: PyramidRow[]): PyramidRow[] {
  const total = rows.reduce((s, r) => s + (r.male ?? 0) + (r.female ?? 0), 0);
  return rows.map((r) => ({...r, male: r.male === null ? null : (100 * r.male) / total, female: r.female === null ? null : (100 * r.female) / total}));
}

export function pyramid(rows: PyramidRow[], {width, height = 620, relative = false, compare, compareLabel, document: doc}: PyramidOptions): HTMLElement | SVGSVGElement {
  const data = relative ? toShares(rows) : rows;
  const other = compare && relative ? toShares(compare) : compare;
  const fmt = (v: number | null) => (relative ? formatPercent(v, 2) : formatNumber(v, {digits: 0}));
  const bars = data.flatMap((r) => [
    {age: r.age, ageLabel: r.ageLabel, sex: "männlich", value: -(r.male ?? 0), raw: r.male, surplus: Math.max(0, (r.male ?? 0) - (r.female ?? 0))},
    {age: r.age, ageLabel: r.ageLabel, sex: "weiblich", value: r.female ?? 0, raw: r.female, surplus: Math.max(0, (r.female ?? 0) - (r.male ?? 0))}
  ]);
  const outline = (other ?? []).flatMap((r) => [
    {age: r.age, value: -(r.male ?? 0)},
    {age: r.age, value: r.female ?? 0}
  ]);
  return Plot.plot({
    document: doc,
    width,
    height,
    marginLeft: 40,
    x: {label: relative ? "Anteil an der Bevölkerung (%) ←  Männer | Frauen →" : "Personen ←  Männer | Frauen →", tickFormat: (d: number) => (relative ? formatNumber(Math.abs(d), {digits: 1}) : formatNumber(Math.abs(d), {digits: 0}))},
    y: {label: "Alter", domain: [0, Math.max(...data.map((d) => d.age)) + 1], ticks: 10},
    color: {domain: ["männlich", "weiblich"], range: [MALE, FEMALE], legend: true},
    marks: [
      Plot.rectX(bars, {x: "value", y1: "age", y2: (d: {age: number}) => d.age + 1, fill: "sex", fillOpacity: 0.55, inset: 0.2,
        title: (d: {sex: string; ageLabel: string; raw: number | null}) => `${d.sex}, ${d.ageLabel} Jahre: ${fmt(d.raw)}`, tip: true}),
      // The surplus of one sex over the other in full colour.
      Plot.rectX(bars.filter((d) => d.surplus > 0), {x1: (d: {sex: string; value: number; surplus: number}) => (d.sex === "männlich" ? d.value + d.surplus : d.value - d.surplus), x2: "value", y1: "age", y2: (d: {age: number}) => d.age + 1, fill: "sex", inset: 0.2}),
      ...(outline.length ? [Plot.lineX(outline.filter((d) => d.value <= 0), {x: "value", y: (d: {age: number}) => d.age + 0.5, curve: "step", stroke: "#222", strokeWidth: 1.2}), Plot.lineX(outline.filter((d) => d.value >= 0 && d.age >= 0), {x: "value", y: (d: {age: number}) => d.age + 0.5, curve: "step", stroke: "#222", strokeWidth: 1.2})] : []),
      Plot.ruleX([0]),
      ...(compareLabel && outline.length ? [Plot.text([compareLabel], {frameAnchor: "top-right", text: (d: string) => `Linie: ${d}`, dy: 4})] : [])
    ]
  }) as HTMLElement | SVGSVGElement;
}

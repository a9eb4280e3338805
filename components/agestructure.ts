/**
 * The age structure of one population without a split by sex: one horizontal
 * bar per age band (or single year), the youngest at the bottom as on a
 * pyramid's axis, absolute or relative (per cent of the area's total), with
 * comparison populations drawn as ticks (or a step line for single years).
 * Not a pyramid: the sources behind it have no sex split, and the chart says
 * so. Missing bands stay missing: no bar, a marker and „keine Angabe“.
 */
import {scaleLinear} from "d3";
import {formatNumber, formatPercent, label as codeLabel} from "./format.js";

export interface AgeBandRow {
  /** The band as the data names it ("0-6", "20 - 40", "65+", "37"). */
  band: string;
  /** German label shown on the axis and in tooltips. */
  label: string;
  value: number | null;
  /** Flag of a missing value (missing, suppressed …). */
  flag?: string | null;
}

export interface ShareBasis {
  /**
   * `bands`: every band has a value, shares of their sum (they add up to 100).
   * `total`: some bands are missing, shares of the published total; the
   * missing bands together make up `missingShare`.
   * `none`: no shares (bands missing and no total, or nobody in the area).
   */
  kind: "bands" | "total" | "none";
  denominator: number | null;
  /** Labels of the bands without a value. */
  missing: string[];
  /** Share of the missing bands together (kind `total`), else null. */
  missingShare: number | null;
  /** Sum of the bands that have a value. */
  bandSum: number;
}

/**
 * Shares of the area's total in per cent. With every band present the
 * denominator is the sum of the bands (so the shares add up to 100, whatever
 * rounding the published total carries); with bands missing it is the
 * published total, never the incomplete sum.
 */
export function bandShares(rows: AgeBandRow[], {total = null}: {total?: number | null} = {}): {rows: AgeBandRow[]; basis: ShareBasis} {
  const missing = rows.filter((r) => r.value === null).map((r) => r.label);
  const bandSum = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  let denominator: number | null = null;
  let kind: ShareBasis["kind"] = "none";
  if (missing.length === 0 && bandSum > 0) {
    denominator = bandSum;
    kind = "bands";
  } else if (missing.length > 0 && total !== null && total > 0 && total >= bandSum) {
    denominator = total;
    kind = "total";
  }
  const share = (v: number | null) => (v === null || denominator === null ? null : (100 * v) / denominator);
  return {
    rows: rows.map((r) => ({...r, value: share(r.value)})),
    basis: {kind, denominator, missing, bandSum, missingShare: kind === "total" && denominator !== null ? (100 * (denominator - bandSum)) / denominator : null}
  };
}

/** One German sentence on what the shares are shares of. */
export function shareBasisText(basis: ShareBasis, {total = null}: {total?: number | null} = {}): string {
  const n = (v: number | null) => formatNumber(v, {digits: 0});
  switch (basis.kind) {
    case "bands":
      return `Anteile an der Summe der Altersgruppen (${n(basis.bandSum)} Personen)${total !== null && total !== basis.bandSum ? `; die Gesamtzahl laut Quelle ist ${n(total)} (Differenz ${formatNumber(basis.bandSum - total, {digits: 0})})` : ""}.`;
    case "total":
      return `Ohne Angabe: ${basis.missing.join(", ")}. Die Anteile beziehen sich deshalb auf die Gesamtzahl laut Quelle (${n(basis.denominator)} Personen), nicht auf die unvollständige Summe der Altersgruppen (${n(basis.bandSum)}); die Gruppen ohne Angabe machen zusammen ${formatPercent(basis.missingShare)} aus und summieren sich nicht zu 100 %.`;
    default:
      return basis.missing.length
        ? `Keine Anteile: ${basis.missing.join(", ")} ohne Angabe und keine Gesamtzahl, auf die sie sich beziehen ließen.`
        : "Keine Anteile: keine Personen in diesen Altersgruppen.";
  }
}

export interface Comparison {
  rows: AgeBandRow[];
  label: string;
  /** Published total of the comparison population (used when bands are missing). */
  total?: number | null;
}

export interface AgeStructureOptions {
  width: number;
  relative?: boolean;
  /** Name of the population shown (legend). */
  label?: string;
  /** Published total of the population (the share basis when bands are missing). */
  total?: number | null;
  /** One comparison population, drawn as ticks. */
  compare?: AgeBandRow[];
  compareLabel?: string;
  compareTotal?: number | null;
  /** Further comparison populations (up to five are distinguishable). */
  compares?: Comparison[];
  /** Draw comparisons in absolute mode too (same area, other years); default: relative only. */
  compareAbsolute?: boolean;
  /** Label every n-th row on the axis (default: every row, every 10th when dense). */
  labelEvery?: number;
  /** The sentence on the missing sex split; false for none. */
  sexNote?: string | false;
  document?: Document;
}

export const BAR = "#5b8a72";
export const COMPARE_COLORS = ["#1a1a1a", "#c25b00", "#6a3d9a", "#1f78b4", "#b0306f"];
export const SEX_NOTE = "Keine Aufteilung nach Geschlecht in der Quelle – daher Balken je Altersgruppe statt einer Pyramide.";
const SVG = "http://www.w3.org/2000/svg";

function svgEl<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG, tag) as SVGElementTagNameMap[K];
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function titled<T extends SVGElement>(doc: Document, node: T, text: string): T {
  const title = svgEl(doc, "title");
  title.textContent = text;
  node.append(title);
  return node;
}

export function ageStructure(rows: AgeBandRow[], options: AgeStructureOptions): HTMLElement {
  const {width, relative = false, label, total = null, compareAbsolute = false, sexNote = SEX_NOTE} = options;
  const doc = options.document ?? globalThis.document;
  const comparisons: Comparison[] = [
    ...(options.compare ? [{rows: options.compare, label: options.compareLabel ?? "Vergleich", total: options.compareTotal ?? null}] : []),
    ...(options.compares ?? [])
  ].slice(0, COMPARE_COLORS.length);
  const drawCompare = relative || compareAbsolute;
  const shown = relative ? bandShares(rows, {total}).rows : rows;
  const counts = new Map(rows.map((r) => [r.band, r.value]));
  const others = drawCompare ? comparisons.map((c) => ({...c, rows: relative ? bandShares(c.rows, {total: c.total ?? null}).rows : c.rows})) : [];
  const fmt = (v: number | null) => (relative ? formatPercent(v, 1) : formatNumber(v, {digits: 0}));

  const dense = rows.length > 20;
  const rowHeight = dense ? 6 : 30;
  const inset = dense ? 0.5 : 5;
  const labelEvery = options.labelEvery ?? (dense ? 10 : 1);
  const longest = Math.max(3, ...rows.map((r) => r.label.length));
  const marginLeft = Math.min(170, Math.max(44, Math.round(longest * 6.6) + 12));
  const marginRight = dense ? 16 : 78;
  const marginTop = 6;
  const marginBottom = 36;
  const height = marginTop + rows.length * rowHeight + marginBottom;
  const values = [...shown, ...others.flatMap((o) => o.rows)].map((r) => r.value).filter((v): v is number => v !== null);
  const x = scaleLinear().domain([0, Math.max(...values, relative ? 1 : 10)]).nice().range([marginLeft, Math.max(marginLeft + 60, width - marginRight)]);
  // Youngest at the bottom: row i (ascending age) sits i rows above the axis.
  const top = (i: number) => marginTop + (rows.length - 1 - i) * rowHeight;

  const root = doc.createElement("div");
  root.className = "atlas-agestructure";
  root.dataset.relative = String(relative);
  const legend = doc.createElement("div");
  legend.className = "atlas-legend";
  const item = (swatch: HTMLElement, text: string) => {
    const span = doc.createElement("span");
    span.className = "atlas-legend-item";
    span.append(swatch, doc.createTextNode(text));
    legend.append(span);
  };
  const box = doc.createElement("span");
  box.className = "atlas-swatch";
  box.style.background = BAR;
  item(box, label ?? (relative ? "Anteil" : "Personen"));
  others.forEach((o, k) => {
    const line = doc.createElement("span");
    line.className = "atlas-swatch atlas-swatch-line";
    line.style.borderLeft = `3px solid ${COMPARE_COLORS[k]}`;
    line.style.borderTop = line.style.borderRight = line.style.borderBottom = "none";
    line.style.width = "0.6rem";
    item(line, `Linie: ${o.label}`);
  });
  if (comparisons.length && !drawCompare) item(doc.createElement("span"), "Vergleichslinien nur in der Darstellung „relativ“ (Anteile).");
  root.append(legend);
  if (sexNote) {
    const note = doc.createElement("p");
    note.className = "atlas-note atlas-sex-note";
    note.textContent = sexNote;
    root.append(note);
  }

  const svg = svgEl(doc, "svg", {width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "atlas-agestructure-chart"});
  svg.setAttribute("aria-label", `${label ?? "Bevölkerung"} nach Alter${relative ? " (Anteile in %)" : ""}`);
  svg.style.maxWidth = "100%";
  svg.style.height = "auto";
  svg.style.font = "11px var(--sans-serif, sans-serif)";
  const axisY = marginTop + rows.length * rowHeight;

  // Grid and x axis.
  const ticks = x.ticks(Math.max(2, Math.floor((width - marginLeft - marginRight) / 90)));
  const grid = svgEl(doc, "g", {class: "grid", stroke: "#e5e5e5"});
  const axis = svgEl(doc, "g", {"class": "x-axis", "fill": "currentColor", "text-anchor": "middle"});
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const digits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  for (const t of ticks) {
    grid.append(svgEl(doc, "line", {x1: x(t), x2: x(t), y1: marginTop, y2: axisY}));
    const text = svgEl(doc, "text", {x: x(t), y: axisY + 14});
    text.textContent = formatNumber(t, {digits: relative ? digits : 0});
    axis.append(text);
  }
  const axisTitle = svgEl(doc, "text", {"x": width - marginRight, "y": axisY + 30, "text-anchor": "end"});
  const fullTitle = relative ? `Anteil an allen Personen${label ? ` (${label})` : ""} in % →` : "Personen →";
  // On a phone the long title would run past the left edge: the short form, the full one as tooltip.
  axisTitle.textContent = fullTitle.length * 6.6 > width - marginRight - 4 ? (relative ? "Anteil in % →" : fullTitle) : fullTitle;
  if (axisTitle.textContent !== fullTitle) axisTitle.append(Object.assign(svgEl(doc, "title", {}), {textContent: fullTitle}));
  axis.append(axisTitle);
  svg.append(grid, axis, svgEl(doc, "line", {x1: marginLeft, x2: marginLeft, y1: marginTop, y2: axisY, stroke: "#333"}));

  // Bars, labels, missing markers.
  const bars = svgEl(doc, "g", {class: "bars"});
  const ylabels = svgEl(doc, "g", {"class": "y-axis", "fill": "currentColor", "text-anchor": "end"});
  const vlabels = svgEl(doc, "g", {"class": "value-labels", "fill": "currentColor"});
  shown.forEach((r, i) => {
    const y = top(i);
    const count = counts.get(r.band) ?? null;
    if (i % labelEvery === 0) {
      const text = svgEl(doc, "text", {"x": marginLeft - 6, "y": y + rowHeight / 2, "dy": "0.32em", "data-band": r.band});
      text.textContent = r.label;
      ylabels.append(text);
    }
    if (r.value === null) {
      const missingText = codeLabel(r.flag ?? "missing");
      const marker = titled(doc, svgEl(doc, "rect", {
        "x": marginLeft + 1, "y": y + inset, "width": dense ? 4 : 16, "height": Math.max(1, rowHeight - 2 * inset),
        "fill": "none", "stroke": "#888", "stroke-dasharray": "2 2", "class": "missing", "data-band": r.band, "data-missing": "true"
      }), `${r.label}: ${missingText}`);
      bars.append(marker);
      if (!dense) {
        const text = svgEl(doc, "text", {"x": marginLeft + 22, "y": y + rowHeight / 2, "dy": "0.32em", "class": "value-label", "data-band": r.band, "font-style": "italic"});
        text.textContent = missingText;
        vlabels.append(text);
      }
      return;
    }
    const rect = svgEl(doc, "rect", {
      "x": x(0), "y": y + inset, "width": Math.max(0, x(r.value) - x(0)), "height": Math.max(1, rowHeight - 2 * inset), "fill": BAR,
      "class": "bar", "data-band": r.band, "data-value": r.value, "data-count": count ?? ""
    });
    bars.append(titled(doc, rect, `${r.label}: ${relative ? `${formatPercent(r.value, 1)} (${formatNumber(count, {digits: 0})} Personen)` : `${formatNumber(r.value, {digits: 0})} Personen`}`));
    if (!dense) {
      // Right of the bar and of any comparison tick, so no tick covers the number.
      const end = Math.max(r.value, ...others.map((o) => o.rows.find((c) => c.band === r.band)?.value ?? 0));
      const text = svgEl(doc, "text", {"x": x(end) + 5, "y": y + rowHeight / 2, "dy": "0.32em", "class": "value-label", "data-band": r.band});
      text.textContent = fmt(r.value);
      vlabels.append(text);
    }
  });
  svg.append(bars, ylabels, vlabels);

  // Comparisons: a tick per band, or one step line over single years.
  others.forEach((o, k) => {
    const g = svgEl(doc, "g", {"class": "compare", "stroke": COMPARE_COLORS[k], "fill": "none", "data-compare": k, "data-label": o.label});
    const byBand = new Map(o.rows.map((r) => [r.band, r]));
    if (dense) {
      let d = "";
      let open = false;
      rows.forEach((r, i) => {
        const v = byBand.get(r.band)?.value ?? null;
        if (v === null) {
          open = false;
          return;
        }
        const y = top(i);
        d += `${open ? "L" : "M"}${x(v)},${y + rowHeight}V${y}`;
        open = true;
      });
      g.append(svgEl(doc, "path", {"d": d, "stroke-width": 1.5}));
    }
    rows.forEach((r, i) => {
      const c = byBand.get(r.band);
      if (!c || c.value === null) return;
      const y = top(i);
      const tick = svgEl(doc, "line", {"x1": x(c.value), "x2": x(c.value), "y1": y + 1, "y2": y + rowHeight - 1, "stroke-width": dense ? 0 : 2.5, "class": "compare-tick", "data-band": r.band, "data-value": c.value});
      g.append(titled(doc, tick, `${o.label}, ${r.label}: ${fmt(c.value)}`));
    });
    svg.append(g);
  });
  root.append(svg);
  return root;
}

/**
 * One small map per year with one shared classification, so that a colour
 * means the same value in every year; one legend for all.
 */
import {choropleth, legendElement, legendOf, type ChoroplethOptions, type GeoFeature, type MapRow} from "./choropleth.js";

export interface YearRows {
  year: number;
  rows: MapRow[];
}

export type SmallMultiplesOptions = Omit<ChoroplethOptions, "legend" | "bare" | "selected" | "onSelect" | "symbols"> & {columns?: number};

export function smallMultiples(features: GeoFeature[], years: YearRows[], options: SmallMultiplesOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const columns = options.columns ?? Math.max(2, Math.min(years.length, Math.floor(options.width / 220)));
  const cell = Math.floor(options.width / columns) - 8;
  const legend = legendOf(years.flatMap((y) => y.rows.map((r) => r.value)), options);
  const root = doc.createElement("div");
  root.className = "atlas-multiples";
  const grid = doc.createElement("div");
  grid.className = "atlas-multiples-grid";
  grid.style.display = "grid";
  grid.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
  grid.style.gap = "8px";
  for (const {year, rows} of years) {
    const item = doc.createElement("div");
    item.dataset.year = String(year);
    const heading = doc.createElement("div");
    heading.className = "atlas-multiples-year";
    heading.textContent = String(year);
    item.append(heading, choropleth(features, rows, {...options, width: cell, legend, bare: true}));
    grid.append(item);
  }
  root.append(grid, legendElement(doc, legend, options.format ?? String, options.valueLabel, 0));
  return root;
}

/**
 * Wolfsburg's Stadtteile: the boundaries are all the atlas's sources hold
 * per Stadtteil, so the figure is a plain reference map (outlines and names,
 * no colour scale, no legend), never a choropleth of „keine Daten“ that
 * could pass for a result.
 */
import * as Plot from "@observablehq/plot";
import {placeLabels, type GeoFeature} from "../choropleth.js";
import {figure} from "../figure.js";

export function wolfsburgFigure(stadtteile: GeoFeature[], {width, document}: {width: number; document?: Document}): HTMLElement {
  const doc = document ?? globalThis.document;
  const rows = stadtteile.map((f) => ({area_id: String(f.id), name: String(f.properties.name), origin: String(f.properties.origin ?? "")}));
  const byId = new Map(rows.map((r) => [r.area_id, r]));
  const collection = {type: "FeatureCollection", features: stadtteile};
  const size = width < 500 ? 8 : 9;
  const plot = Plot.plot({
    document: doc,
    width: Math.max(width, 120),
    projection: {type: "mercator", domain: collection as never},
    marks: [
      Plot.geo(stadtteile, {fill: "#f5f5f4", stroke: "#57534e", strokeWidth: 0.7, title: (f: GeoFeature) => `${byId.get(String(f.id))?.name}\nGrenze: ${byId.get(String(f.id))?.origin}\nkeine Statistik je Stadtteil in den Quellen des Atlas`, tip: true}),
      Plot.text(stadtteile, Plot.centroid({text: (f: GeoFeature) => String(f.properties.name), fontSize: size, fill: "#1c1917", stroke: "#fff", strokeWidth: 2.5, paintOrder: "stroke", pointerEvents: "none"} as never))
    ]
  }) as SVGSVGElement | HTMLElement;
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", `Grenzen der ${stadtteile.length} Wolfsburger Stadtteile, ohne Werte`);
  svg?.querySelectorAll("g[aria-label='geo'] > path").forEach((path, i) => {
    const f = stadtteile[i];
    if (!f) return;
    (path as SVGPathElement).dataset.areaId = String(f.id);
    (path as SVGPathElement).dataset.label = `${rows[i].name} (Grenze: ${rows[i].origin})`;
  });
  // Names that would run into each other become numbers with a key (as on the other maps).
  const key = svg ? placeLabels(doc, svg, stadtteile, size) : null;
  const root = doc.createElement("div");
  root.className = "atlas-map atlas-reference-map";
  root.append(plot);
  if (key) root.append(key);
  return figure(root, {
    id: "wolfsburg-stadtteile",
    title: `Wolfsburg: Grenzen der ${stadtteile.length} Stadtteile (keine Stadtteilstatistik vorhanden)`,
    source: "Grenzen: © OpenStreetMap-Mitwirkende (ODbL) und Stadt Wolfsburg (Geodatenportal), über dikshyapokharel16/Wolfsburg-Investigating-Tool",
    sources: [{id: "wolfsburg-stadtteile", files: ["src/data/districtBoundaries.json"]}],
    date: "Grenzen ohne Stichtag",
    definition: "Orientierungskarte: Stadtteilgrenzen (OSM-Verwaltungsebenen 9/10 bzw. Geodatenportal der Stadt). Sie zeigt keine Werte: Die Quellen des Atlas enthalten keine Stadtteilstatistik für Wolfsburg.",
    data: rows.map((r) => ({area_id: r.area_id, Stadtteil: r.name, Grenze: r.origin})).sort((a, b) => a.Stadtteil.localeCompare(b.Stadtteil, "de")),
    columns: [{key: "Stadtteil", label: "Stadtteil"}, {key: "Grenze", label: "Herkunft der Grenze"}],
    document: doc
  });
}

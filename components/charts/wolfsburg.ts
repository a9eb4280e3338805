/**
 * Wolfsburg's Stadtteile: boundaries without statistics (the atlas's sources
 * hold none per Stadtteil), every area drawn as „keine Daten“.
 */
import {choropleth, type GeoFeature} from "../choropleth.js";
import {figure} from "../figure.js";

export function wolfsburgFigure(stadtteile: GeoFeature[], {width, document}: {width: number; document?: Document}): HTMLElement {
  const rows = stadtteile.map((f) => ({area_id: String(f.id), name: String(f.properties.name), value: null, details: [`Grenze: ${f.properties.origin}`]}));
  return figure(choropleth(stadtteile, rows, {width, valueLabel: "keine Statistik vorhanden", document}), {
    id: "wolfsburg-stadtteile",
    title: `Wolfsburg: ${stadtteile.length} Stadtteile (ohne Statistik)`,
    source: "Grenzen: © OpenStreetMap-Mitwirkende (ODbL) und Stadt Wolfsburg (Geodatenportal), über dikshyapokharel16/Wolfsburg-Investigating-Tool",
    sources: [{id: "wolfsburg-stadtteile", files: ["src/data/districtBoundaries.json"]}],
    date: "Grenzen ohne Stichtag",
    definition: "Stadtteilgrenzen (OSM-Verwaltungsebenen 9/10 bzw. Geodatenportal der Stadt). Keine Werte: Die Quellen des Atlas enthalten keine Stadtteilstatistik für Wolfsburg.",
    data: rows.map((r) => ({area_id: r.area_id, Stadtteil: r.name, Grenze: r.details[0].replace("Grenze: ", ""), Wert: null})).sort((a, b) => a.Stadtteil.localeCompare(b.Stadtteil, "de")),
    columns: [{key: "Stadtteil", label: "Stadtteil"}, {key: "Grenze", label: "Herkunft der Grenze"}, {key: "Wert", label: "Statistik"}],
    document
  });
}

/**
 * Einwohnerdichte of the Gemeinden (VG250-EW): the map of Region Hannover
 * and LK Rotenburg (Wümme), one of them, or all of Niedersachsen, from the
 * fact rows to figure. Used by /karten/gemeinden, its embed page and the
 * build's static SVG.
 */
import {choropleth, type GeoFeature} from "../choropleth.js";
import {METHODS, type Method} from "../classify.js";
import {figure, type Column} from "../figure.js";
import {formatNumber, formatValue} from "../format.js";
import type {FactLike} from "./facts.js";

export const GEBIETE = [
  {value: "beide", label: "Region Hannover und LK Rotenburg (Wümme)", kreise: ["03241", "03357"]},
  {value: "03241", label: "Region Hannover", kreise: ["03241"]},
  {value: "03357", label: "Landkreis Rotenburg (Wümme)", kreise: ["03357"]},
  {value: "ni", label: "ganz Niedersachsen (alle Gemeinden)", kreise: null}
] as const;
export type Gebiet = (typeof GEBIETE)[number];
/** Between the Region and Rotenburg lie Heidekreis, Verden, Nienburg and Celle: drawn white as a frame. */
export const FRAME = ["03358", "03361", "03256", "03351"];
export const KREISNAMEN: Record<string, string> = {"03241": "Region Hannover", "03357": "LK Rotenburg (Wümme)"};

export interface GemParams {
  gebiet: Gebiet;
  method: Method;
  classes: number;
  symbols: boolean;
  selected: string | null;
}

export function gemParams(read: (name: string) => string | null): GemParams {
  const n = Number(read("n") ?? "5");
  const method = read("klassen");
  return {
    gebiet: GEBIETE.find((g) => g.value === read("gebiet_auswahl")) ?? GEBIETE[0],
    method: (METHODS.some((m) => m.value === method) ? method : "quantile") as Method,
    classes: Number.isFinite(n) ? Math.min(7, Math.max(3, n)) : 5,
    symbols: read("kreise") === "1",
    selected: read("gebiet")
  };
}

export interface GemRow {
  area_id: string;
  name: string;
  dichte: number | null;
  einwohner: number | null;
  flaeche: number | null;
  flag: string | null;
}

/** Every Gemeinde with density, population and area (the three VG250-EW indicators joined). */
export function gemRows(facts: FactLike[]): GemRow[] {
  const of = (indicator: string) => new Map(facts.filter((f) => f.indicator === indicator).map((f) => [f.area_id, f]));
  const einwohner = of("vg250:einwohner");
  const flaeche = of("vg250:flaeche");
  return facts
    .filter((d) => d.indicator === "vg250:dichte" && einwohner.has(d.area_id) && flaeche.has(d.area_id))
    .map((d) => ({area_id: d.area_id, name: d.area_name, dichte: d.value, einwohner: einwohner.get(d.area_id)?.value ?? null, flaeche: flaeche.get(d.area_id)?.value ?? null, flag: d.flag ?? null}));
}

export const inScope = (gebiet: Gebiet) => (id: string) => (gebiet.kreise ? (gebiet.kreise as readonly string[]).includes(id.slice(0, 5)) : id.startsWith("03"));
export const isFrame = (gebiet: Gebiet) => (f: GeoFeature) => gebiet.value === "beide" && FRAME.includes(String(f.id).slice(0, 5));
const uninhabited = (id: string) => id.slice(5, 6) === "5";

export interface GemTableRow extends Record<string, unknown> {
  area_id: string;
  Rang: number | null;
  Gemeinde: string;
  Kreis: string;
  Dichte: number | null;
  Einwohner: number | null;
  Flaeche: number | null;
}

export interface GemView {
  gebiet: Gebiet;
  rows: GemRow[];
  features: GeoFeature[];
  ranked: GemRow[];
  rankOf: Map<string, number>;
  tableRows: GemTableRow[];
  tableColumns: Column<GemTableRow>[];
}

/** The chosen area's Gemeinden; `all` are the features of the matching geometry (detailed or coarse). */
export function gemView(allRows: GemRow[], all: GeoFeature[], gebiet: Gebiet): GemView {
  const scope = inScope(gebiet);
  const frame = isFrame(gebiet);
  const features = all.filter((f) => scope(String(f.id)) || frame(f));
  const rows = allRows.filter((d) => scope(d.area_id));
  const ranked = rows.filter((d) => d.dichte !== null).sort((a, b) => (b.dichte as number) - (a.dichte as number));
  const rankOf = new Map(ranked.map((d, i) => [d.area_id, i + 1]));
  const tableRows = rows
    .map((d) => ({area_id: d.area_id, Rang: rankOf.get(d.area_id) ?? null, Gemeinde: d.name, Kreis: d.area_id.slice(0, 5), Dichte: d.dichte, Einwohner: d.einwohner, Flaeche: d.flaeche}))
    .sort((a, b) => (a.Rang ?? Infinity) - (b.Rang ?? Infinity));
  const tableColumns: Column<GemTableRow>[] = [
    {key: "Rang", label: "Rang", numeric: true, role: "skip"},
    {key: "Gemeinde", label: "Gemeinde"},
    {key: "Kreis", label: "Kreis (AGS)", role: "skip", format: (v) => KREISNAMEN[v as string] ?? String(v)},
    // Computed by the atlas from counts and area: one decimal is more than the inputs' precision warrants, none would hide small Gemeinden's differences.
    {key: "Dichte", label: "Einwohner je km²", numeric: true, unit: "persons_per_km2", digits: 1, format: (v) => formatNumber(v as number | null, {digits: 0})},
    {key: "Einwohner", label: "Einwohner", numeric: true, unit: "persons", format: (v) => formatNumber(v as number | null, {digits: 0})},
    {key: "Flaeche", label: "Fläche (km²)", numeric: true, unit: "km2", format: (v) => formatNumber(v as number | null, {digits: 2})}
  ];
  return {gebiet, rows, features, ranked, rankOf, tableRows, tableColumns};
}

/** The density map (id gemeinden-dichte). */
export function gemFigure(view: GemView, {width, method, classes, symbols, selected = null, onSelect, onClassSelect, document}: {width: number; method: Method; classes: number; symbols: boolean; selected?: string | null; onSelect?: (id: string) => void; onClassSelect?: (ids: string[] | null) => void; document?: Document}): HTMLElement {
  const {gebiet, rows} = view;
  const mapRows = rows.map((d) => ({
    area_id: d.area_id,
    name: d.name,
    value: d.dichte,
    details: [`Einwohner: ${formatNumber(d.einwohner, {digits: 0})}`, `Fläche: ${formatValue(d.flaeche, "km2")}`, uninhabited(d.area_id) ? "gemeindefreies Gebiet (unbewohnt)" : null, "Stichtag: in der Quelle nicht angegeben", "Quelle: VG250-EW, © GeoBasis-DE / BKG"].filter((x): x is string => x !== null)
  }));
  return figure(
    choropleth(view.features, mapRows, {width, method, classes, format: (v: number) => formatNumber(v, {digits: 0}), valueLabel: "Einwohner je km²", selected, onSelect, onClassSelect, context: isFrame(gebiet), document,
      symbols: symbols ? {values: new Map(rows.map((d) => [d.area_id, d.einwohner])), label: "Einwohner"} : undefined}),
    {
      id: "gemeinden-dichte",
      title: `Einwohnerdichte der Gemeinden: ${gebiet.label}`,
      source: "Verwaltungsgebiete 1:250 000 mit Einwohnerzahlen (VG250-EW), © GeoBasis-DE / BKG",
      sources: [{id: "vg250-ew", files: ["public/data/gemeinden-split/de-03.geojson", "public/data/gemeinden-split/de-15.geojson"]}],
      date: "in der Quelle nicht angegeben (Abruf aus dem BKG-Dienst, 2025)",
      definition: "Einwohner je km² Katasterfläche; vom Atlas aus Einwohnerzahl und Fläche der VG250-EW berechnet. Gemeindefreie Gebiete (Forst- und Seeflächen) sind unbewohnt.",
      data: view.tableRows,
      columns: view.tableColumns,
      document,
      notes: [`${rows.length} Gemeinden und gemeindefreie Gebiete. Samtgemeinden sind in ihre Mitgliedsgemeinden aufgeteilt.`, gebiet.value === "beide" ? "Weiß: die Gemeinden der dazwischen liegenden Kreise (Heidekreis, Verden, Nienburg (Weser), Celle), nur zur Orientierung." : null].filter((x): x is string => x !== null)
    }
  );
}

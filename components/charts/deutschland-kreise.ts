/**
 * The 401 Kreise of Germany (VG5000, 01.01.2021): asylum-benefit recipients
 * per 1,000 (INKAR), Schutzsuchende per 1,000 (2018) and the age shares of
 * 12411-0018, from the fact rows of one indicator to map, ranking and the
 * selected Kreis's series. Used by /karten/deutschland.
 */
import {choropleth, type GeoFeature} from "../choropleth.js";
import {METHODS, type Method} from "../classify.js";
import {figure, type Column} from "../figure.js";
import {formatNumber, formatValue, label} from "../format.js";
import {trend} from "../trend.js";
import type {FactLike} from "./facts.js";

export const GERMANY = "DE";
export const DE_DEFAULT_INDICATOR = "inkar:q_asyl_bev";
/** The map's series, in the page's order. */
export const DE_MAP_INDICATORS = ["inkar:q_asyl_bev", "destatis:schutzsuchende_je_1000", "destatis:anteil_unter_18", "destatis:anteil_65_plus", "destatis:altenquotient"];

/** The map's URL state (page, embed page and static figure read the same names and defaults). */
export interface DeParams {
  indicator: string;
  year: number | null;
  method: string;
  classes: number;
  selected: string | null;
}

export function deParams(read: (name: string) => string | null): DeParams {
  const year = Number(read("jahr"));
  const n = Number(read("n") ?? "5");
  return {indicator: read("indikator") ?? DE_DEFAULT_INDICATOR, year: Number.isInteger(year) && year > 0 ? year : null, method: read("klassen") ?? "quantile", classes: Number.isInteger(n) && n >= 3 && n <= 7 ? n : 5, selected: read("gebiet")};
}
/** The five concept places as Kreise (Magdeburg and Wolfsburg kreisfrei; Göttingen as its Landkreis). */
export const DE_CONCEPT_KREISE = new Set(["15003", "03103", "03159", "03241", "03357"]);
export const BOUNDARY_NOTE = "Grenzen: © GeoBasis-DE / BKG 2021 (VG5000, Gebietsstand 01.01.2021; Daten verändert: vereinfacht, Länder aus Kreisen zusammengesetzt), dl-de/by-2-0";

export interface DeIndicator {
  id: string;
  title: string;
  unit: string;
  source: string;
  licence: string;
  definition?: string | null;
  footnotes?: string | null;
}

const SOURCES: Record<string, {source: string; licence: string}> = {
  "inkar": {source: "INKAR, © BBSR Bonn 2021", licence: "dl-de/by-2-0"},
  "destatis": {source: "© Statistisches Bundesamt (Destatis), GENESIS 12411-0018 (Fortschreibung des Bevölkerungsstandes)", licence: "dl-de/by-2-0"}
};

/** The indicators of the map in page order, with source and licence from their prefix. */
export function deIndicators(catalogue: {id: string; title: string; units?: string[]; definition?: string | null; footnotes?: string | null}[], ids: string[]): DeIndicator[] {
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    const s = id === "destatis:schutzsuchende_je_1000" ? {source: "© Statistisches Bundesamt (Destatis), GENESIS 12531 (Schutzsuchende) und 12411-0018 (Bevölkerung), Berechnung des Atlas", licence: "dl-de/by-2-0"} : SOURCES[id.split(":")[0]];
    return [{id, title: c.title, unit: c.units?.[0] ?? "", definition: c.definition, footnotes: c.footnotes, ...s}];
  });
}

export interface DeRow {
  area_id: string;
  area_name: string;
  area_level: string;
  year: number;
  value: number | null;
  flag: string | null;
  source_file: string;
  source_row: number | null;
}

export function deRows(facts: FactLike[]): DeRow[] {
  return facts
    .filter((f) => f.year !== null)
    .map((f) => ({area_id: f.area_id, area_name: f.area_name, area_level: f.area_level, year: f.year as number, value: f.value === null ? null : Number(f.value), flag: f.flag ?? null, source_file: f.source_file ?? "", source_row: f.source_row ?? null}))
    .sort((a, b) => a.year - b.year);
}

/** „Flensburg (Kreisfreie Stadt)“ from the VG5000 properties. */
export function kreisName(f: GeoFeature): string {
  const bez = String(f.properties.bez ?? "");
  return bez ? `${f.properties.name} (${bez})` : String(f.properties.name);
}

export interface DeTableRow extends Record<string, unknown> {
  area_id: string;
  Rang: number | null;
  Kreis: string;
  Land: string;
  Wert: number | null;
  "Abstand zu Deutschland": number | null;
  Konzeptort: string;
}

export interface DeView {
  indicator: DeIndicator;
  year: number;
  format: (v: number | null) => string;
  data: (DeRow & {name: string})[];
  germanyValue: number | null;
  landValues: Map<string, number | null>;
  ranked: (DeRow & {name: string})[];
  rankOf: Map<string, number>;
  tableRows: DeTableRow[];
  tableColumns: Column<DeTableRow>[];
}

/** One year of the series on the 401 map areas, with rank among the Kreise that have a value. */
export function deView(rows: DeRow[], kreise: GeoFeature[], laender: Map<string, string>, {indicator, year}: {indicator: DeIndicator; year: number}): DeView {
  const names = new Map(kreise.map((f) => [String(f.id), kreisName(f)]));
  const now = rows.filter((d) => d.year === year);
  const format = (v: number | null) => formatValue(v, indicator.unit);
  const data = now.filter((d) => names.has(d.area_id)).map((d) => ({...d, name: names.get(d.area_id)!}));
  const germanyValue = now.find((d) => d.area_id === GERMANY)?.value ?? null;
  const landValues = new Map(now.filter((d) => d.area_level === "land").map((d) => [d.area_id, d.value]));
  const ranked = data.filter((d) => d.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  const rankOf = new Map(ranked.map((d, i) => [d.area_id, i + 1]));
  const pointUnit = indicator.unit === "percent" ? "percentage_points" : indicator.unit;
  const tableRows: DeTableRow[] = data
    .map((d) => ({area_id: d.area_id, Rang: rankOf.get(d.area_id) ?? null, Kreis: d.name, Land: laender.get(d.area_id.slice(0, 2)) ?? "", Wert: d.value, "Abstand zu Deutschland": d.value === null || germanyValue === null ? null : d.value - germanyValue, Konzeptort: DE_CONCEPT_KREISE.has(d.area_id) ? "ja" : ""}))
    .sort((a, b) => (a.Rang ?? Infinity) - (b.Rang ?? Infinity));
  const tableColumns: Column<DeTableRow>[] = [
    {key: "Rang", label: "Rang", numeric: true},
    {key: "Kreis", label: "Kreis"},
    {key: "Land", label: "Land"},
    {key: "Wert", label: `Wert ${year}`, numeric: true, format: (v) => format(v as number | null)},
    {key: "Abstand zu Deutschland", label: "Abstand zu Deutschland", numeric: true, format: (v) => (v === null ? "–" : formatValue(v as number, pointUnit))},
    {key: "Konzeptort", label: "Konzeptort"}
  ];
  return {indicator, year, format, data, germanyValue, landValues, ranked, rankOf, tableRows, tableColumns};
}

export interface DeMapOptions {
  width: number;
  method: Method;
  classes: number;
  selected?: string | null;
  onSelect?: (id: string) => void;
  /** The Länder (merged from the Kreise), drawn as borders. */
  borders?: unknown;
  /** The figure already in the page: a recolour updates it in place (see figure()'s `into`). */
  into?: Element | null;
  document?: Document;
}

const sourceLine = (indicator: DeIndicator) => `${indicator.source}; ${BOUNDARY_NOTE}`;

/** The Germany map (id deutschland-kreise). */
export function deMapFigure(view: DeView, kreise: GeoFeature[], {width, method, classes, selected = null, onSelect, borders, into, document}: DeMapOptions): HTMLElement {
  const {indicator, year, format, germanyValue, landValues} = view;
  const mapRows = view.data.map((d) => ({
    area_id: d.area_id,
    name: d.name,
    value: d.value,
    details: [
      `Land: ${format(landValues.get(d.area_id.slice(0, 2)) ?? null)}`,
      `Deutschland: ${format(germanyValue)}`,
      `Stand: 31.12.${year}`,
      `Quelle: ${d.source_file}${d.source_row ? `, Zeile ${d.source_row}` : ""}`,
      d.flag ? `Kennzeichen: ${label(d.flag)}` : null
    ].filter((x): x is string => x !== null)
  }));
  const inkarGap = indicator.id.startsWith("inkar:") ? ["Eisenach (16056) hat in INKAR keinen eigenen Wert: INKAR hat den Gebietsstand 31.12.2021, Eisenach gehört seit 1.7.2021 zum Wartburgkreis; die Karte hat den Gebietsstand 01.01.2021."] : [];
  return figure(
    choropleth(kreise, mapRows, {width, method, classes, format: (v: number) => format(v), valueLabel: indicator.title, selected, onSelect, highlight: DE_CONCEPT_KREISE, borders, reuse: "deutschland-kreise", document}),
    {
      id: "deutschland-kreise",
      title: `${indicator.title}, 31.12.${year}: alle Kreise Deutschlands`,
      source: sourceLine(indicator),
      licence: indicator.licence,
      date: `31.12.${year}`,
      definition: indicator.definition || indicator.title,
      data: view.tableRows,
      columns: view.tableColumns,
      into,
      document,
      notes: [
        "Orange umrandet: die Orte der Integrationskonzepte (Magdeburg, Wolfsburg, Landkreis Göttingen, Region Hannover, Landkreis Rotenburg (Wümme)); dunkle Linien: Ländergrenzen.",
        ...inkarGap,
        indicator.footnotes ? `Fußnoten: ${indicator.footnotes}` : null
      ].filter((x): x is string => x !== null)
    }
  );
}

/** The selected Kreis against its Land and Germany, every year (id deutschland-kreis-zeitreihe). */
export function deTrendFigure(rows: DeRow[], selected: string | null, kreisLabel: string, landName: string, {indicator, width, document}: {indicator: DeIndicator; width: number; document?: Document}): HTMLElement | null {
  if (!selected) return null;
  const land = selected.slice(0, 2);
  const format = (v: number | null) => formatValue(v, indicator.unit);
  const series = rows.filter((d) => d.area_id === selected || d.area_id === land || d.area_id === GERMANY).map((d) => ({series: d.area_id === selected ? kreisLabel : d.area_id === GERMANY ? "Deutschland" : landName, year: d.year, value: d.value}));
  if (!series.some((s) => s.series === kreisLabel)) return null;
  const years = [...new Set(series.map((s) => s.year))];
  // Plain numbers on the axis (the unit is its label): „30 je 1.000“ would not fit the margin.
  const unitLabel = indicator.unit === "percent" ? "%" : indicator.unit === "per_1000" ? "je 1.000 Einwohner" : "";
  return figure(trend(series, {width, highlight: kreisLabel, format: (v: number) => formatNumber(v, {digits: 1}), yLabel: unitLabel || undefined, document}), {
    id: "deutschland-kreis-zeitreihe",
    title: `${indicator.title}: ${kreisLabel}, ${landName} und Deutschland, ${years[0]}–${years.at(-1)}`,
    source: indicator.source + (indicator.id.startsWith("inkar:") ? "" : "; Länder und Deutschland: Summen des Atlas aus den Kreiswerten"),
    licence: indicator.licence,
    date: `${years[0]}–${years.at(-1)}`,
    definition: indicator.definition || indicator.title,
    data: series.map((r) => ({Gebiet: r.series, Jahr: r.year, Wert: r.value})),
    columns: [
      {key: "Gebiet", label: "Gebiet"},
      {key: "Jahr", label: "Jahr", numeric: true},
      {key: "Wert", label: indicator.title, numeric: true, format: (v) => format(v as number | null)}
    ],
    document
  });
}

/**
 * The map in the URL's view, from the map's data file and boundaries: the
 * embed page and the static figure (the page builds the same from its
 * controls, with the same defaults).
 */
export function deMapFor(facts: FactLike[], catalogue: Parameters<typeof deIndicators>[0], kreise: GeoFeature[], laender: GeoFeature[], params: DeParams, {width, document}: {width: number; document?: Document}): HTMLElement | null {
  const indicators = deIndicators(catalogue, DE_MAP_INDICATORS);
  const indicator = indicators.find((d) => d.id === params.indicator) ?? indicators[0];
  if (!indicator) return null;
  const rows = deRows(facts.filter((f) => f.indicator === indicator.id));
  const years = [...new Set(rows.map((d) => d.year))];
  const year = params.year !== null && years.includes(params.year) ? params.year : years.at(-1);
  if (year === undefined) return null;
  const landNames = new Map(laender.map((f) => [String(f.id), String(f.properties.name)]));
  const view = deView(rows, kreise, landNames, {indicator, year});
  const method = (METHODS.find((m) => m.value === params.method) ?? METHODS[0]).value;
  return deMapFigure(view, kreise, {width, method, classes: params.classes, selected: params.selected, borders: laender, document});
}

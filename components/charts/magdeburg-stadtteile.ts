/**
 * Magdeburg by Stadtteil (KISS-MD): the map, the small multiples across
 * years and the selected Stadtteil's time series, from fact rows to figure.
 * The page /karten/magdeburg, its embed pages and the build's static SVGs
 * all call these functions, so they show the same numbers.
 */
import {choropleth, type GeoFeature} from "../choropleth.js";
import {METHODS, type Method} from "../classify.js";
import {figure, type Column} from "../figure.js";
import {formatChange, formatNumber, formatPercent} from "../format.js";
import {isSmallBase, SMALL_BASE_RULE, smallBaseNote} from "../smallbase.js";
import {smallMultiples} from "../smallmultiples.js";
import {trend} from "../trend.js";
import type {FactLike} from "./facts.js";
import type {SourceRef} from "../exportdata.js";

export const CITY = "15003000";
export type Measure = "anteil" | "veraenderung" | "alter";
export const MEASURES: {value: Measure; label: string}[] = [
  {value: "anteil", label: "Anteil der ausländischen Bevölkerung (%)"},
  {value: "veraenderung", label: "Veränderung des Anteils zwischen zwei Jahren (Prozentpunkte)"},
  {value: "alter", label: "Anteil einer Altersgruppe an der ausländischen Bevölkerung (%)"}
];
export const AGES = ["0-6", "7-17", "18-44", "45-64", "65+"];
export const SOURCE = "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD)";
const KISS = "data/kiss-md/json/bevoelkerung/";
/** The pinned files behind the Stadtteil figures (K3_T35, K3_T36, K3_T39, K3_T41) and the boundaries. */
export const MD_SOURCES: SourceRef[] = [
  {id: "kiss-md", files: ["entwicklung-der-hauptwohnsitzbevoelkerung.json", "hauptwohnsitzbevoelkerung-nach-ausgewaehlten-indikatoren.json", "auslaendische-hauptwohnsitzbevoelkerung-nach-altersgruppen.json", "entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json"].map((f) => KISS + f)},
  {id: "magdeburg-stadtteile", files: ["data/Stadtteile/Stadtteile.geojson"]}
];

export interface MdParams {
  measure: Measure;
  year: number;
  base: number;
  age: string;
  method: Method;
  classes: number;
  symbols: boolean;
  /** Stadtteil names on the map (URL namen=0 switches them off). */
  labels: boolean;
  selected: string | null;
}

/** The indicators the charts read (the page's query and the embed's filter). */
export const MD_INDICATORS = ["md:auslaenderanteil", "md:auslaender", "md:bevoelkerung"];

/** Years with a share per Stadtteil. */
export function mdYears(facts: FactLike[]): number[] {
  return [...new Set(facts.filter((f) => f.indicator === "md:auslaenderanteil" && f.area_level === "stadtteil" && f.year !== null).map((f) => f.year as number))].sort((a, b) => a - b);
}

/** The view a URL asks for; what it leaves out is the page's default view. */
export function mdParams(read: (name: string) => string | null, years: number[]): MdParams {
  const get = (name: string, fallback: string, allowed?: readonly string[]) => {
    const v = read(name);
    return v !== null && (!allowed || allowed.includes(v)) ? v : fallback;
  };
  const year = Number(get("jahr", String(years.at(-1))));
  const base = Number(get("von", String(years[0])));
  return {
    measure: get("kennzahl", "anteil", MEASURES.map((m) => m.value)) as Measure,
    year: years.includes(year) ? year : (years.at(-1) as number),
    base: years.includes(base) ? base : years[0],
    age: get("alter", "18-44", AGES),
    method: get("klassen", "quantile", METHODS.map((m) => m.value)) as Method,
    classes: Math.min(7, Math.max(3, Number(get("n", "5")) || 5)),
    symbols: get("kreise", "0") === "1",
    labels: get("namen", "1") !== "0",
    selected: read("gebiet")
  };
}

export interface MdRow {
  area_id: string;
  name: string;
  area_level: string;
  year: number;
  value: number | null;
  gruppe: number | null;
  auslaender: number | null;
  bevoelkerung: number | null;
  flag: string | null;
}

/**
 * Every year of the measure for the Stadtteile and the city: the share (with
 * foreigners and population), or an age group's share of the foreigners.
 */
export function mdRows(facts: FactLike[], measure: Measure, age: string): MdRow[] {
  const ofCity = facts.filter((f) => f.area_id.startsWith(CITY) && f.sex === "total" && f.year !== null);
  const key = (f: FactLike) => `${f.area_id}|${f.year}`;
  const totals = (indicator: string) => new Map(ofCity.filter((f) => f.indicator === indicator && f.age_group === "total").map((f) => [key(f), f.value]));
  const foreigners = totals("md:auslaender");
  const rows: MdRow[] =
    measure === "alter"
      ? ofCity
          .filter((g) => g.indicator === "md:auslaender" && g.age_group === age && foreigners.has(key(g)))
          .map((g) => {
            const t = foreigners.get(key(g)) ?? null;
            return {area_id: g.area_id, name: g.area_name, area_level: g.area_level, year: g.year as number, value: g.value === null || !t ? null : (100 * g.value) / t, gruppe: g.value, auslaender: t, bevoelkerung: null, flag: g.flag ?? null};
          })
      : (() => {
          const population = totals("md:bevoelkerung");
          return ofCity
            .filter((s) => s.indicator === "md:auslaenderanteil")
            .map((s) => ({area_id: s.area_id, name: s.area_name, area_level: s.area_level, year: s.year as number, value: s.value, gruppe: null, auslaender: foreigners.get(key(s)) ?? null, bevoelkerung: population.get(key(s)) ?? null, flag: s.flag ?? null}));
        })();
  return rows.sort((a, b) => a.year - b.year);
}

export interface SeriesRow {
  area_id: string;
  name: string;
  level: string;
  year: number;
  value: number | null;
}

export function mdSeries(rows: MdRow[]): SeriesRow[] {
  return rows.map((r) => ({area_id: r.area_id, name: r.name, level: r.area_level, year: r.year, value: r.value}));
}

export function seriesLabelOf(measure: Measure, age: string): string {
  return measure === "alter" ? `Anteil ${age} Jahre an der ausländischen Bevölkerung` : "Anteil der ausländischen Bevölkerung";
}

export interface MdViewRow {
  area_id: string;
  name: string;
  value: number | null;
  von?: number | null;
  bis?: number | null;
  gruppe?: number | null;
  auslaender?: number | null;
  bevoelkerung?: number | null;
  /** The share rests on a small base (components/smallbase.ts): shown, marked, not ranked. */
  smallBase?: boolean;
  /** The caveat in words with its counts. */
  smallBaseNote?: string;
}

export interface MdTableRow extends Record<string, unknown> {
  area_id: string;
  /** Not a column: the year of the row for the data downloads (none for a change between two years). */
  year: number | null;
  Rang: number | null;
  Stadtteil: string;
  Wert: number | null;
  Zaehler: number | null;
  Nenner: number | null;
  Hinweis: string;
}

/** One year's (or one change's) numbers: the map's rows, the table, the ranking. */
export interface MdView {
  params: Pick<MdParams, "measure" | "year" | "base" | "age">;
  years: number[];
  data: MdViewRow[];
  counts: Map<string, number | null>;
  valueLabel: string;
  format: (v: number | null) => string;
  countLabels: [string, string];
  countFormat: (v: unknown) => string;
  ranked: MdViewRow[];
  rankOf: Map<string, number>;
  tableRows: MdTableRow[];
  tableColumns: Column<MdTableRow>[];
}

export function mdView(rows: MdRow[], {measure, year, base, age}: Pick<MdParams, "measure" | "year" | "base" | "age">): MdView {
  const stadtteilRows = (y: number) => rows.filter((r) => r.year === y && r.area_level === "stadtteil");
  const plain: MdViewRow[] =
    measure === "veraenderung"
      ? (() => {
          const from = new Map(stadtteilRows(base).map((r) => [r.area_id, r]));
          return stadtteilRows(year).map((r) => {
            const old = from.get(r.area_id);
            const von = old?.value ?? null;
            // A change is on a small base when either year's share is.
            const small = isSmallBase(r.auslaender, r.bevoelkerung) || (old !== undefined && isSmallBase(old.auslaender, old.bevoelkerung));
            const note = small ? `${smallBaseNote(r.auslaender, r.bevoelkerung, {numeratorLabel: `Ausländer ${year}`, denominatorLabel: "Einwohner"})}${old ? `; ${base}: ${formatNumber(old.auslaender, {digits: 0})} von ${formatNumber(old.bevoelkerung, {digits: 0})}` : ""}` : undefined;
            return {area_id: r.area_id, name: r.name, von, bis: r.value, value: r.value === null || von === null ? null : r.value - von, smallBase: small, smallBaseNote: note, auslaender: r.auslaender, bevoelkerung: r.bevoelkerung};
          });
        })()
      : stadtteilRows(year);
  const data: MdViewRow[] = plain.map((d) => {
    if (measure === "veraenderung") return d;
    const [num, den, labels] = measure === "alter" ? [d.gruppe, d.auslaender, {numeratorLabel: `Ausländer ${age} Jahre`, denominatorLabel: "Ausländer"}] : [d.auslaender, d.bevoelkerung, {numeratorLabel: "Ausländer", denominatorLabel: "Einwohner"}];
    const small = d.value !== null && isSmallBase(num, den);
    return {...d, smallBase: small, smallBaseNote: small ? smallBaseNote(num, den, labels) : undefined};
  });
  const counts = new Map(data.map((d) => [d.area_id, measure === "alter" ? d.gruppe ?? null : measure === "anteil" ? d.auslaender ?? null : null]));
  const valueLabel = measure === "veraenderung" ? `Veränderung ${base}–${year}` : measure === "alter" ? `Anteil ${age} Jahre` : "Anteil ausländisch";
  const format = measure === "veraenderung" ? (v: number | null) => formatChange(v, {unit: "Pp."}) : (v: number | null) => formatPercent(v);
  // Areas on a small base keep their value but get no rank (they follow the ranked ones, marked).
  const ranked = data.filter((d) => d.value !== null && !d.smallBase).sort((a, b) => (b.value as number) - (a.value as number));
  const rankOf = new Map(ranked.map((d, i) => [d.area_id, i + 1]));
  const tableRows: MdTableRow[] = data
    .map((d) => ({
      area_id: d.area_id,
      year: measure === "veraenderung" ? null : year,
      Rang: rankOf.get(d.area_id) ?? null,
      Stadtteil: d.name,
      Wert: d.value,
      ...(measure === "anteil" ? {Zaehler: d.auslaender ?? null, Nenner: d.bevoelkerung ?? null} : measure === "alter" ? {Zaehler: d.gruppe ?? null, Nenner: d.auslaender ?? null} : {Zaehler: d.von ?? null, Nenner: d.bis ?? null}),
      Hinweis: d.value === null ? "keine Daten" : d.smallBase ? "kleine Basis, ohne Rang" : ""
    }))
    // Ranked first; then small bases by value; then areas without data.
    .sort((a, b) => (a.Rang ?? Infinity) - (b.Rang ?? Infinity) || (b.Wert ?? -Infinity) - (a.Wert ?? -Infinity));
  const countLabels: [string, string] = measure === "anteil" ? ["Ausländische Bevölkerung", "Bevölkerung"] : measure === "alter" ? [`Ausländische Bevölkerung ${age} Jahre`, "Ausländische Bevölkerung"] : [`Anteil ${base}`, `Anteil ${year}`];
  const countFormat = measure === "veraenderung" ? (v: unknown) => formatPercent(v as number | null) : (v: unknown) => formatNumber(v as number | null, {digits: 0});
  const countUnit = measure === "veraenderung" ? "percent" : "persons";
  const tableColumns: Column<MdTableRow>[] = [
    {key: "Rang", label: "Rang", numeric: true, role: "skip"},
    {key: "Stadtteil", label: "Stadtteil", role: "area_name"},
    {key: "Wert", label: valueLabel, numeric: true, unit: measure === "veraenderung" ? "percentage_points" : "percent", format: (v) => format(v as number | null)},
    {key: "Zaehler", label: countLabels[0], numeric: true, unit: countUnit, format: (v) => countFormat(v)},
    {key: "Nenner", label: countLabels[1], numeric: true, unit: countUnit, format: (v) => countFormat(v)},
    {key: "Hinweis", label: "Hinweis"}
  ];
  const years = [...new Set(rows.filter((r) => r.area_level === "stadtteil").map((r) => r.year))];
  return {params: {measure, year, base, age}, years, data, counts, valueLabel, format, countLabels, countFormat, ranked, rankOf, tableRows, tableColumns};
}

export interface ChartOptions {
  width: number;
  document?: Document;
}

/** The map of the Stadtteile (id magdeburg-stadtteile). */
export function mdMapFigure(
  view: MdView,
  stadtteile: GeoFeature[],
  {width, method, classes, symbols, labels = true, selected = null, onSelect, onClassSelect, document}: ChartOptions & Pick<MdParams, "method" | "classes" | "symbols"> & {labels?: boolean; selected?: string | null; onSelect?: (id: string) => void; onClassSelect?: (ids: string[] | null) => void}
): HTMLElement {
  const {measure, year, base, age} = view.params;
  const mapRows = view.data.map((d) => ({
    area_id: d.area_id,
    name: d.name,
    value: d.value,
    details: [
      ...(d.smallBaseNote ? [d.smallBaseNote] : []),
      ...(measure === "anteil"
        ? [`Ausländische Bevölkerung: ${formatNumber(d.auslaender, {digits: 0})}`, `Hauptwohnsitzbevölkerung: ${formatNumber(d.bevoelkerung, {digits: 0})}`, `Stand: 31.12.${year}`, "Quelle: KISS-MD"]
        : measure === "veraenderung"
          ? [`${base}: ${formatPercent(d.von)}`, `${year}: ${formatPercent(d.bis)}`, "Quelle: KISS-MD"]
          : [`Altersgruppe: ${formatNumber(d.gruppe, {digits: 0})}`, `Ausländische Bevölkerung: ${formatNumber(d.auslaender, {digits: 0})}`, `Stand: 31.12.${year}`, "Quelle: KISS-MD"])
    ]
  }));
  const shownSymbols = symbols && measure !== "veraenderung";
  return figure(
    choropleth(stadtteile, mapRows, {
      width,
      method,
      classes,
      diverging: measure === "veraenderung",
      center: 0,
      format: (v: number) => view.format(v),
      valueLabel: view.valueLabel,
      selected,
      onSelect,
      onClassSelect,
      labels,
      smallBase: new Set(view.data.filter((d) => d.smallBase).map((d) => d.area_id)),
      document,
      symbols: shownSymbols ? {values: view.counts, label: measure === "alter" ? `Ausländische Bevölkerung ${age} Jahre` : "Ausländische Bevölkerung"} : undefined
    }),
    {
      id: "magdeburg-stadtteile",
      title: `${view.valueLabel} nach Stadtteilen, Magdeburg ${measure === "veraenderung" ? `${base}–${year}` : year}`,
      source: `${SOURCE}, Tabellen K3_T35, K3_T36, K3_T39, K3_T41; Grenzen © OpenStreetMap-Mitwirkende (ODbL)`,
      sources: MD_SOURCES,
      referenceDate: (row) => (row.year === null ? null : `${row.year}-12-31`),
      date: measure === "veraenderung" ? `31.12.${base} und 31.12.${year}` : `${year}-12-31`,
      definition:
        measure === "alter"
          ? "Ausländische Hauptwohnsitzbevölkerung der Altersgruppe je 100 ausländische Einwohner des Stadtteils."
          : measure === "veraenderung"
            ? "Anteil der ausländischen Hauptwohnsitzbevölkerung im Jahr bis minus Anteil im Vergleichsjahr, in Prozentpunkten."
            : "Ausländische Hauptwohnsitzbevölkerung je 100 Einwohner mit Hauptwohnsitz im Stadtteil (bis 2020 vom Atlas aus den Anzahlen berechnet).",
      data: view.tableRows,
      columns: view.tableColumns,
      document,
      notes: [
        "Karten zeigen Anteile, keine Anzahlen; Anzahlen erscheinen auf Wunsch als Kreise. Schraffierte Stadtteile: keine Daten (Stadtteile ohne Einwohner oder in diesem Jahr nicht ausgewiesen).",
        SMALL_BASE_RULE,
        view.years[0] <= 2011 && (measure !== "veraenderung" || base <= 2011)
          ? "Reihenbruch: Die Melderegisterzahlen sind nicht auf den Zensus 2011 oder 2022 umgestellt; Veränderungen über 2015/16 spiegeln vor allem die Zuwanderung Schutzsuchender."
          : null
      ].filter((n): n is string => n !== null)
    }
  );
}

/** All years side by side with one classification (id magdeburg-stadtteile-jahre). */
export function mdMultiplesFigure(series: SeriesRow[], stadtteile: GeoFeature[], {width, method, classes, seriesLabel, document}: ChartOptions & Pick<MdParams, "method" | "classes"> & {seriesLabel: string}): HTMLElement {
  const multipleYears = [...new Set(series.filter((d) => d.level === "stadtteil").map((d) => d.year))];
  return figure(
    smallMultiples(stadtteile, multipleYears.map((y) => ({year: y, rows: series.filter((d) => d.year === y && d.level === "stadtteil")})), {width, method, classes, format: (v: number) => formatPercent(v), valueLabel: seriesLabel, document}),
    {
      id: "magdeburg-stadtteile-jahre",
      title: `${seriesLabel} nach Stadtteilen, ${multipleYears[0]}–${multipleYears.at(-1)}`,
      source: `${SOURCE}; Grenzen © OpenStreetMap-Mitwirkende (ODbL)`,
      sources: MD_SOURCES,
      referenceDate: (row) => (row.Jahr === null ? null : `${row.Jahr}-12-31`),
      date: `31.12.${multipleYears[0]}–31.12.${multipleYears.at(-1)}`,
      definition: "Eine gemeinsame Klasseneinteilung über alle Jahre: gleiche Farbe bedeutet in jedem Jahr denselben Wertebereich.",
      data: series.filter((d) => d.level === "stadtteil").map((d) => ({area_id: d.area_id, Stadtteil: d.name, Jahr: d.year, Wert: d.value})),
      columns: [
        {key: "Stadtteil", label: "Stadtteil"},
        {key: "Jahr", label: "Jahr", numeric: true},
        {key: "Wert", label: seriesLabel, numeric: true, unit: "percent", format: (v) => formatPercent(v as number | null)}
      ],
      document
    }
  );
}

/** The selected Stadtteil against the city, every year (id magdeburg-stadtteil-zeitreihe); null without a selection. */
export function mdTrendFigure(series: SeriesRow[], selected: string | null, {width, seriesLabel, measure, document}: ChartOptions & {seriesLabel: string; measure: Measure}): HTMLElement | null {
  const chosen = series.find((d) => d.area_id === selected && d.level === "stadtteil");
  if (!chosen) return null;
  const trendRows = series.filter((d) => d.area_id === selected || d.area_id === CITY).map((d) => ({series: d.area_id === CITY ? "Magdeburg insgesamt" : d.name, year: d.year, value: d.value}));
  return figure(trend(trendRows, {width, highlight: chosen.name, format: (v) => formatPercent(v), yLabel: "%", document}), {
    id: "magdeburg-stadtteil-zeitreihe",
    title: `${seriesLabel}: ${chosen.name} und Magdeburg, ${series[0]?.year}–${series.at(-1)?.year}`,
    source: SOURCE,
    sources: MD_SOURCES.slice(0, 1),
    referenceDate: (row) => `${row.Jahr}-12-31`,
    date: `31.12.${series[0]?.year}–31.12.${series.at(-1)?.year}`,
    definition: measure === "alter" ? "Ausländische Bevölkerung der Altersgruppe je 100 ausländische Einwohner." : "Ausländische Hauptwohnsitzbevölkerung je 100 Einwohner mit Hauptwohnsitz; bis 2020 vom Atlas aus Anzahlen berechnet.",
    data: trendRows.map((r) => ({Gebiet: r.series, Jahr: r.year, Wert: r.value})),
    columns: [
      {key: "Gebiet", label: "Gebiet"},
      {key: "Jahr", label: "Jahr", numeric: true},
      {key: "Wert", label: seriesLabel, numeric: true, unit: "percent", format: (v) => formatPercent(v as number | null)}
    ],
    document
  });
}

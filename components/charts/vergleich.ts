/**
 * The comparison of places (/vergleich): one indicator, any places, as a
 * time series, a ranking of every Kreis in one year and the distance of the
 * chosen places to the Land. From the rows of data/vergleich.arrow to the
 * three figures, in plain functions: the page (rows from DuckDB), its embed
 * pages (rows from the Arrow file) and the build's static SVGs (rows from the
 * loaders) all call these, so they cannot show different numbers.
 */
import {figure, dataTable, type Column} from "../figure.js";
import {formatChange, formatNumber, formatValue, label} from "../format.js";
import {neighbors} from "topojson-client";
import {SERIES_COLORS, timeseries, pointLabel, type TimeRow} from "../timeseries.js";
import {rank, ranking, type RankRow} from "../rankingchart.js";
import {variantWords as niVariantWords} from "./niedersachsen-kreise.js";
import {sourcesOfFacts, type SourceRef} from "../provenance.js";
import {breaksCrossed, breaksOf, breaksOfValue, crossingText, seriesBreaks, warningList, warningsFor, type ComparabilityRule} from "../comparability.js";
import type {ComparisonRow} from "../../loaders/model/comparison.ts";

export const LAND = "03";
export const LAND_NAME = "Niedersachsen";
export const DEFAULT_INDICATOR = "im:1-2-2";
/** The places of the five concepts and the Land. */
export const DEFAULT_PLACES = ["03", "03159016", "03159", "03103", "03241", "03357", "15003000"];
/** Where an indicator's breakdown has no total, the variant a reader most likely means. */
export const DEFAULT_VARIANT: Record<string, string> = {"im:1-3-1": "Kategorie=Personen mit Migrationshintergrund im weiteren Sinne", "im:1-3-2": "Kategorie=Insgesamt", "im:2-1-5": "ohne Aufenthaltstitel=insgesamt"};
export const COUNT_UNITS = new Set(["count", "persons"]);
export const RATE_UNITS = new Set(["percent", "per_1000", "rate", "ratio", "years", "percentage_points", "percent_change_since_2005"]);
export const UNIT_NAMES: Record<string, string> = {percent: "Prozent", count: "Anzahl", persons: "Personen", thousand: "in 1.000", per_1000: "je 1.000", rate: "Quote", ratio: "Verhältniszahl", years: "Jahre", percentage_points: "Prozentpunkte", percent_change_since_2005: "Veränderung seit 2005 (%)"};
export const MEASURES = [{value: "je1000", label: "je 1.000 Einwohner (berechnet)"}, {value: "anzahl", label: "Anzahl"}] as const;
export type Measure = (typeof MEASURES)[number];
/** The population a count is divided by: Integrationsmonitoring 1.1.1 (and the series linked to it). */
export const POPULATION = "im:1-1-1";
/** The widest the page draws each chart. */
export const LINES_MAX_WIDTH = 1000;
export const RANKING_MAX_WIDTH = 900;

/** One row of data/vergleich.arrow: the loader's own type (type-only, nothing of the loader reaches the browser). */
export type ComparisonFact = ComparisonRow;

const COLUMNS = ["indicator", "origin", "source_id", "area_id", "area_name", "area_level", "year", "sex", "age_group", "category", "value", "unit", "flag", "source_file", "source_row"] as const;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

function fact(get: (column: string) => unknown): ComparisonFact {
  return {
    indicator: str(get("indicator")), origin: str(get("origin")), source_id: str(get("source_id")), area_id: str(get("area_id")), area_name: str(get("area_name")), area_level: str(get("area_level")),
    year: Number(get("year")), sex: str(get("sex")), age_group: str(get("age_group")), category: str(get("category")), value: num(get("value")), unit: str(get("unit")),
    flag: get("flag") === null || get("flag") === undefined ? null : String(get("flag")), source_file: str(get("source_file")), source_row: num(get("source_row"))
  };
}

/** Plain rows from any row objects (DuckDB results are Arrow row proxies). */
export function comparisonFacts(rows: Iterable<Record<string, unknown>>): ComparisonFact[] {
  return Array.from(rows, (row) => {
    const r = typeof (row as {toJSON?: unknown}).toJSON === "function" ? (row as {toJSON(): Record<string, unknown>}).toJSON() : row;
    return fact((c) => r[c]);
  });
}

interface ArrowLike {
  numRows: number;
  getChild(name: string): {get(i: number): unknown} | null;
}

/** The rows of the Arrow file that pass `keep` (which may read any column), column by column. */
export function arrowComparisonFacts(table: ArrowLike, keep: (get: (column: string) => unknown) => boolean = () => true): ComparisonFact[] {
  const columns = new Map<string, {get(i: number): unknown} | null>(COLUMNS.map((c) => [c, table.getChild(c)]));
  const out: ComparisonFact[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const get = (column: string) => columns.get(column)?.get(i) ?? null;
    if (keep(get)) out.push(fact(get));
  }
  return out;
}

export interface Area {
  area_id: string;
  name: string;
  level: string;
}

const byName = (a: string, b: string) => a.localeCompare(b, "de");

/** Every area once (its smallest name, should a source spell it twice): the Land first, then the concept places, then every other area by name. */
export function areaList(rows: Iterable<{area_id: string; area_name: string; area_level: string}>): Area[] {
  const seen = new Map<string, Area>();
  for (const r of rows) {
    const a = seen.get(r.area_id);
    if (!a || r.area_name < a.name || (r.area_name === a.name && r.area_level < a.level)) seen.set(r.area_id, {area_id: r.area_id, name: r.area_name, level: r.area_level});
  }
  const order = (a: Area) => (a.area_id === LAND ? 0 : DEFAULT_PLACES.includes(a.area_id) ? 1 : 2);
  return [...seen.values()].sort((a, b) => order(a) - order(b) || byName(a.name, b.name) || (a.area_id < b.area_id ? -1 : 1));
}

export interface IndicatorEntry {
  id: string;
  title: string;
  definition?: string | null;
  footnotes?: string | null;
  source_title?: string | null;
  attribution?: string | null;
  /** Plain words of categories, keyed "unit|category" (data/category-words.csv via the catalogue). */
  category_words?: Record<string, {words: string; is_total: boolean}>;
}

/** The indicators the data hold, in catalogue order of their ids (1-2-10 after 1-2-9); unknown ids by their id. */
export function indicatorList(ids: Iterable<string>, catalogue: readonly IndicatorEntry[]): IndicatorEntry[] {
  const byId = new Map(catalogue.map((d) => [d.id, d]));
  return [...new Set(ids)].map((id) => byId.get(id) ?? {id, title: id, definition: "", footnotes: "", source_title: ""}).sort((a, b) => a.id.localeCompare(b.id, "de", {numeric: true}));
}

export interface Variant {
  category: string;
  sex: string;
  age_group: string;
  unit: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The breakdowns of one indicator's rows, by unit, category, sex, age group. */
export function variantsOf(rows: readonly ComparisonFact[], indicator: string): Variant[] {
  const seen = new Map<string, Variant>();
  for (const r of rows) if (r.indicator === indicator) seen.set([r.unit, r.category, r.sex, r.age_group].join("\u0000"), {category: r.category, sex: r.sex, age_group: r.age_group, unit: r.unit});
  return [...seen.values()].sort((a, b) => cmp(a.unit, b.unit) || cmp(a.category, b.category) || cmp(a.sex, b.sex) || cmp(a.age_group, b.age_group));
}

export function variantLabel(d: Variant): string {
  return [d.category === "total" ? null : d.category.replaceAll("; ", " · "), d.sex === "total" ? null : label(d.sex), d.age_group === "total" ? null : `${d.age_group} Jahre`, UNIT_NAMES[d.unit] ?? d.unit].filter(Boolean).join(" · ");
}

/** A variant in plain words for titles: the category's meaning, Frauen/Männer, the age group; "" for the plain total. */
export function variantWords(indicator: IndicatorEntry, d: Variant): string {
  const words = niVariantWords(indicator, {category: d.category, sex: d.sex, unit: COUNT_UNITS.has(d.unit) || d.unit === "percent" ? "percent" : d.unit});
  const own = indicator.category_words?.[`${d.unit}|${d.category}`]?.words;
  const base = own ? [own, d.sex === "female" ? "Frauen" : d.sex === "male" ? "Männer" : null].filter(Boolean).join(", ") : words;
  const all = [base === "insgesamt" ? null : base, d.age_group === "total" ? null : `${d.age_group} Jahre`].filter(Boolean).join(", ");
  return all;
}

/** The variant shown when the URL names none: the usual category, totals, a rate before a count. */
export function preferredVariant(indicator: string, variants: readonly Variant[]): Variant | undefined {
  const wanted = DEFAULT_VARIANT[indicator];
  return variants.find((v) => v.category === wanted && v.sex === "total" && v.age_group === "total" && RATE_UNITS.has(v.unit))
    ?? variants.find((v) => v.category === wanted && v.sex === "total")
    ?? variants.find((v) => v.category === "total" && v.sex === "total" && v.age_group === "total" && RATE_UNITS.has(v.unit))
    ?? variants.find((v) => v.category === "total" && v.sex === "total" && v.age_group === "total")
    ?? variants[0];
}

/** The URL's view of the comparison (the page's controls read the same names). */
export interface ComparisonParams {
  indicator: string;
  /** The variant's label; "" for the preferred one. */
  variant: string;
  measure: string;
  places: string[];
  year: number | null;
}

export function comparisonParams(read: (name: string) => string | null): ComparisonParams {
  const year = read("jahr");
  return {
    indicator: read("indikator") ?? DEFAULT_INDICATOR,
    variant: read("auspraegung") ?? "",
    measure: read("bezug") ?? "je1000",
    places: (read("orte") ?? DEFAULT_PLACES.join(",")).split(","),
    year: year === null || year === "" ? null : Number(year)
  };
}

export const pickIndicator = (indicators: readonly IndicatorEntry[], id: string): IndicatorEntry | undefined => indicators.find((d) => d.id === id) ?? indicators[0];
export const pickVariant = (variants: readonly Variant[], wanted: string, preferred: Variant | undefined): Variant | undefined => variants.find((v) => variantLabel(v) === wanted) ?? preferred;
export const pickMeasure = (value: string): Measure => MEASURES.find((m) => m.value === value) ?? MEASURES[0];
export const isCountable = (variant: Variant): boolean => COUNT_UNITS.has(variant.unit);

/** The places named in the URL, in the URL's order (the page's chips keep it, so embeds and static figures must too); none known: the concept places. */
export function pickPlaces(areas: readonly Area[], ids: readonly string[]): Area[] {
  const byId = new Map(areas.map((a) => [a.area_id, a]));
  const known = (list: readonly string[]) => [...new Set(list)].map((id) => byId.get(id)).filter((a): a is Area => a !== undefined);
  const chosen = known(ids);
  return chosen.length ? chosen : known(DEFAULT_PLACES);
}

/** A row of the chosen variant, per 1,000 inhabitants where the reader asked for it. */
export interface SeriesRow {
  area_id: string;
  area_name: string;
  area_level: string;
  year: number;
  value: number | null;
  /** The count a rate per 1,000 was computed from (else null). */
  anzahl: number | null;
  /** The population it was divided by (else null). */
  bevoelkerung: number | null;
  flag: string | null;
  origin: string;
  population_origin: string | null;
  source_id: string;
  source_file: string;
  source_row: number | null;
  /** Where the population divided by comes from (per 1,000; else null). */
  population_source: {source_id: string; source_file: string} | null;
}

/** The facts behind rows as the provenance knows them: each count or share, and each population divided by. */
const factsBehind = (rows: readonly SeriesRow[]) => rows.flatMap((r) => (r.population_source ? [r, r.population_source] : [r]));

const sameVariant = (r: ComparisonFact, indicator: string, v: Variant) => r.indicator === indicator && r.category === v.category && r.sex === v.sex && r.age_group === v.age_group && r.unit === v.unit;

/**
 * The chosen variant's rows, by area and year. Per 1,000: each count divided
 * by the population of the same area and year (every population row that
 * matches, as a left join; none: no rate). A population of 0 gives no rate.
 */
export function comparisonSeries(rows: readonly ComparisonFact[], indicator: string, variant: Variant, perCapita: boolean): SeriesRow[] {
  const population = new Map<string, ComparisonFact[]>();
  if (perCapita) {
    for (const p of rows) {
      if (p.indicator !== POPULATION || p.sex !== "total" || p.category !== "total" || p.age_group !== "total" || p.unit !== "count") continue;
      const key = `${p.area_id}\u0000${p.year}`;
      (population.get(key) ?? population.set(key, []).get(key)!).push(p);
    }
  }
  const out: SeriesRow[] = [];
  for (const a of rows) {
    if (!sameVariant(a, indicator, variant)) continue;
    const base = {area_id: a.area_id, area_name: a.area_name, area_level: a.area_level, year: a.year, flag: a.flag, origin: a.origin, source_id: a.source_id, source_file: a.source_file, source_row: a.source_row};
    if (!perCapita) {
      out.push({...base, value: a.value, anzahl: null, bevoelkerung: null, population_origin: null, population_source: null});
      continue;
    }
    const matches = population.get(`${a.area_id}\u0000${a.year}`) ?? [];
    if (!matches.length) out.push({...base, value: null, anzahl: a.value, bevoelkerung: null, population_origin: null, population_source: null});
    for (const p of matches) {
      const value = a.value === null || p.value === null || p.value === 0 ? null : (1000 * a.value) / p.value;
      out.push({...base, value, anzahl: a.value, bevoelkerung: p.value, population_origin: p.origin, population_source: {source_id: p.source_id, source_file: p.source_file}});
    }
  }
  return out.sort((x, y) => cmp(x.area_id, y.area_id) || x.year - y.year || cmp(x.origin, y.origin) || cmp(x.population_origin ?? "", y.population_origin ?? ""));
}

/** Years with a value, ascending. */
export function yearsOf(series: readonly SeriesRow[]): number[] {
  return [...new Set(series.filter((r) => r.value !== null).map((r) => r.year))].sort((a, b) => a - b);
}

/** The latest year the Land has (Magdeburg's register runs a year ahead of the Land's statistics); else the latest year. */
export function defaultYearOf(series: readonly SeriesRow[]): number | undefined {
  const landYears = series.filter((r) => r.area_id === LAND && r.value !== null).map((r) => r.year);
  return landYears.length ? Math.max(...landYears) : yearsOf(series).at(-1);
}

export const pickYear = (years: readonly number[], wanted: number | null, fallback: number | undefined): number | undefined => (wanted !== null && years.includes(wanted) ? wanted : fallback);

export interface LineTableRow extends Record<string, unknown> {
  Ort: string;
  Jahr: number;
  Wert: number | null;
  Anzahl: number | null;
  Bevölkerung: number | null;
  Reihe: string;
  Kennzeichen: string;
  Fundstelle: string;
  /** Not a column: the series breaks this value lies after (for the data downloads). */
  breaks: ComparabilityRule[];
}

export interface RankTableRow extends Record<string, unknown> {
  Rang: number;
  Ort: string;
  Wert: number;
  Abstand: number | null;
  Auswahl: string;
}

export interface DifferenceRow extends Record<string, unknown> {
  Ort: string;
  Wert: number | null;
  Land: number | null;
  Abstand: number | null;
  /** Change against the earliest year of the five before (null without both values). */
  Veränderung: number | null;
  Seit: number | null;
  /** The series breaks that change crosses, in words ("" when none). */
  Reihenbruch: string;
  Kennzeichen: string;
  /** Not a column: those breaks themselves (for the data downloads). */
  crossed: ComparabilityRule[];
}

export interface ComparisonView {
  indicator: IndicatorEntry;
  variant: Variant;
  perCapita: boolean;
  unit: string;
  year: number;
  places: Area[];
  selected: Set<string>;
  /** Comparability rules the selection triggers. */
  warnings: ComparabilityRule[];
  /** Chosen places (not the Land) without any value. */
  withoutData: Area[];
  valueLabel: string;
  definition: string;
  source: string;
  footnotes: string;
  format: (v: number | null) => string;
  lines: {rows: TimeRow[]; highlight: string[]; reference: string | null; span: string; data: LineTableRow[]; columns: Column<LineTableRow>[]; colors: Record<string, string>; sources: SourceRef[]};
  ranking: {rows: RankRow[]; landValue: number | null; data: RankTableRow[]; columns: Column<RankTableRow>[]; sources: SourceRef[]};
  difference: {data: DifferenceRow[]; columns: Column<DifferenceRow>[]; sources: SourceRef[]};
  /** Place ids the URL asked for that the data do not know (embed pages name them). */
  unknownPlaces?: string[];
}

const plain = (text: string) => text.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

export interface ViewInput {
  indicator: IndicatorEntry;
  variant: Variant;
  perCapita: boolean;
  series: readonly SeriesRow[];
  places: readonly Area[];
  year: number;
  catalogue: readonly IndicatorEntry[];
  rules: readonly ComparabilityRule[];
}

/** Everything the three figures show, for one selection. */
export function comparisonView({indicator, variant, perCapita, series: rows, places, year, catalogue, rules}: ViewInput): ComparisonView {
  const unit = perCapita ? "per_1000" : variant.unit;
  const selectedIds = places.map((p) => p.area_id);
  const selected = new Set(selectedIds);
  const land = rows.filter((r) => r.area_id === LAND);
  const shown = rows.filter((r) => selected.has(r.area_id) && r.area_id !== LAND);
  const withoutData = places.filter((p) => p.area_id !== LAND && !rows.some((r) => r.area_id === p.area_id && r.value !== null));
  const origins = [...new Set(rows.filter((r) => selected.has(r.area_id) && r.value !== null).flatMap((r) => [r.origin, r.population_origin]).filter((o): o is string => Boolean(o)))];
  const plottedYears = [...new Set([...shown, ...land].filter((r) => r.value !== null).map((r) => r.year))];
  const warnings = warningsFor(rules, {indicator: indicator.id, areas: selectedIds, origins, years: plottedYears, measure: perCapita ? "per_1000" : undefined});
  const footnotes = indicator.footnotes ? plain(indicator.footnotes) : "";
  const format = (v: number | null) => formatValue(v, unit);
  const words = variantWords(indicator, variant);
  const valueLabel = `${indicator.title}${words ? ` – ${words}` : ""}${perCapita ? ", je 1.000 Einwohner" : ""}`;
  const definition = `${indicator.definition ? indicator.definition.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() : indicator.title}${perCapita ? " Je 1.000 Einwohner: vom Atlas berechnet, Anzahl geteilt durch die Bevölkerung desselben Jahres (Integrationsmonitoring 1.1.1; Magdeburg: KISS-MD; Stadt Göttingen: wohnberechtigte Bevölkerung)." : ""}`;
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const source = [...new Set(rows.filter((r) => selected.has(r.area_id) || r.area_id === LAND).map((r) => byId.get(r.origin)?.attribution ?? byId.get(indicator.id)?.attribution ?? r.source_id))].join("; ") || (indicator.source_title ?? "");
  const signed = (v: unknown) => (v === null ? "–" : formatChange(v as number, {unit: unit === "percent" ? "Pp." : ""}));

  // Lines. Context: every Kreis (and Kreis part) in grey; the Region Hannover only when chosen, since its parts are drawn.
  const context = rows.filter((r) => !selected.has(r.area_id) && r.area_id !== LAND && (r.area_level === "kreis" || r.area_level === "kreisteil" || r.area_level === "kreisgruppe") && r.area_id !== "03241");
  const lineRows = [...context, ...shown, ...land].map((r) => ({series: r.area_id === LAND ? LAND_NAME : r.area_name, year: r.year, value: r.value, flag: r.flag}));
  const span = plottedYears.length ? `${Math.min(...plottedYears)}–${Math.max(...plottedYears)}` : "";
  // Each value names the breaks of its own series: Magdeburg's register (KISS-MD) has no Zensus rebasing, the Land's Fortschreibung has.
  const shownBreaks = seriesBreaks(warnings);
  const breaksOfRow = (r: SeriesRow) => breaksOfValue(shownBreaks, {indicator: indicator.id, areas: selectedIds, origins: [r.origin, r.population_origin].filter((o): o is string => Boolean(o)), measure: perCapita ? "per_1000" : undefined}, r.year);
  const lineData: LineTableRow[] = [...shown, ...land].map((r) => ({Ort: r.area_id === LAND ? LAND_NAME : r.area_name, Jahr: r.year, Wert: r.value, Anzahl: r.anzahl, Bevölkerung: r.bevoelkerung, Reihe: r.origin, Kennzeichen: r.flag ? label(r.flag) : "", Fundstelle: r.source_row ? `${r.source_file}, Zeile ${r.source_row}` : r.source_file, breaks: breaksOfRow(r)}));
  const lineColumns: Column<LineTableRow>[] = [
    {key: "Ort", label: "Ort"}, {key: "Jahr", label: "Jahr", numeric: true}, {key: "Wert", label: valueLabel, numeric: true, format: (v) => format(v as number | null)},
    ...(perCapita ? [{key: "Anzahl", label: "Anzahl", numeric: true, format: (v: unknown) => formatNumber(v as number | null, {digits: 0})}, {key: "Bevölkerung", label: "Bevölkerung", numeric: true, format: (v: unknown) => formatNumber(v as number | null, {digits: 0})}] as Column<LineTableRow>[] : []),
    {key: "Reihe", label: "Reihe (Quelle)"}, {key: "Kennzeichen", label: "Kennzeichen"}, {key: "Fundstelle", label: "Fundstelle"}
  ];

  // Ranking: every area with a value in the year except the Land (the reference line); the Region Hannover only when chosen (its parts are ranked).
  // Series for all of Germany also have the other Länder and Germany: a ranking of Kreise leaves them out unless chosen.
  const aggregate = (r: SeriesRow) => r.area_level === "gemeinde" || r.area_level === "land" || r.area_level === "bund";
  const yearRows = rows.filter((r) => r.year === year && r.area_id !== LAND && (r.area_id !== "03241" || selected.has("03241")) && (!aggregate(r) || selected.has(r.area_id)));
  const landValue = land.find((r) => r.year === year)?.value ?? null;
  const rankRows = yearRows.map((r) => ({area_id: r.area_id, name: r.area_name, value: r.value}));
  const rankData: RankTableRow[] = rank(rankRows).map((r) => ({Rang: r.rank, Ort: r.name, Wert: r.value as number, Abstand: landValue === null ? null : (r.value as number) - landValue, Auswahl: selected.has(r.area_id) ? "ja" : ""}));
  const rankColumns: Column<RankTableRow>[] = [
    {key: "Rang", label: "Rang", numeric: true}, {key: "Ort", label: "Ort"}, {key: "Wert", label: valueLabel, numeric: true, format: (v) => format(v as number | null)},
    {key: "Abstand", label: "Abstand zu Niedersachsen", numeric: true, format: signed},
    {key: "Auswahl", label: "gewählt"}
  ];

  // Distance to the Land: meaningless for counts (the page says so).
  const meaningful = !COUNT_UNITS.has(unit);
  // Change over (up to) five years, as the profiles show it; a series break in between is named, since the change is then no pure development.
  const landRow = land.find((r) => r.year === year);
  const diffFacts: SeriesRow[] = landRow ? [landRow] : [];
  const diffData: DifferenceRow[] = places.filter((p) => p.area_id !== LAND).map((p) => {
    const r = rows.find((x) => x.area_id === p.area_id && x.year === year);
    const value = r?.value ?? null;
    const earlier = value === null ? undefined : rows.filter((x) => x.area_id === p.area_id && x.value !== null && x.year >= year - 5 && x.year < year).sort((a, b) => a.year - b.year)[0];
    for (const x of [r, earlier]) if (x) diffFacts.push(x);
    const crossed = earlier && r ? breaksCrossed(rules, {indicator: indicator.id, areas: selectedIds, origins: [r.origin, r.population_origin].filter((o): o is string => Boolean(o)), measure: perCapita ? "per_1000" : undefined}, earlier.year, year) : [];
    return {
      Ort: p.name, Wert: value, Land: landValue, Abstand: meaningful && value !== null && landValue !== null ? value - landValue : null,
      Veränderung: earlier ? (value as number) - (earlier.value as number) : null, Seit: earlier?.year ?? null, Reihenbruch: crossingText(crossed),
      Kennzeichen: r ? (r.flag ? label(r.flag) : "") : "kein Wert",
      crossed
    };
  });
  const diffColumns: Column<DifferenceRow>[] = [
    {key: "Ort", label: "Ort"}, {key: "Wert", label: `Wert ${year}`, numeric: true, format: (v) => format(v as number | null)},
    {key: "Land", label: `Niedersachsen ${year}`, numeric: true, format: (v) => format(v as number | null)},
    {key: "Abstand", label: unit === "percent" ? "Abstand (Prozentpunkte)" : "Abstand", numeric: true, format: signed},
    {key: "Veränderung", label: unit === "percent" ? "Veränderung (Prozentpunkte)" : "Veränderung", numeric: true, format: signed},
    {key: "Seit", label: "seit"},
    {key: "Reihenbruch", label: "Reihenbruch dazwischen"},
    {key: "Kennzeichen", label: "Kennzeichen"}
  ];

  return {
    indicator, variant, perCapita, unit, year, places: [...places], selected, warnings, withoutData, valueLabel, definition, source, footnotes, format,
    // Each figure's „Quelle“ names the files of exactly the facts it draws, from their provenance.
    lines: {rows: lineRows, highlight: [...new Set(shown.map((r) => r.area_name))], reference: land.length ? LAND_NAME : null, span, data: lineData, columns: lineColumns, colors: Object.fromEntries(shown.map((r) => [r.area_name, placeColor(r.area_id)])), sources: sourcesOfFacts(factsBehind([...context, ...shown, ...land]))},
    ranking: {rows: rankRows, landValue, data: rankData, columns: rankColumns, sources: sourcesOfFacts(factsBehind([...yearRows, ...(landRow ? [landRow] : [])]))},
    difference: {data: diffData, columns: diffColumns, sources: sourcesOfFacts(factsBehind(diffFacts))}
  };
}

export interface FigureOptions {
  width: number;
  document?: Document;
}

/** Each mark's value on the mark itself (data-value, data-area-id), found by its <title>: the static SVG carries the numbers drawn. */
function annotate(chart: Element, selector: string, byLabel: Map<string, {value: number | null; area_id?: string}>): void {
  for (const mark of chart.querySelectorAll(selector)) {
    const hit = byLabel.get(mark.querySelector("title")?.textContent ?? "");
    if (!hit || hit.value === null) continue;
    mark.setAttribute("data-value", String(hit.value));
    if (hit.area_id) mark.setAttribute("data-area-id", hit.area_id);
  }
}

/** The chosen places over the years, the Land dashed, the other Kreise grey (id vergleich-linien). */
export function linesFigure(view: ComparisonView, {width, document}: FigureOptions): HTMLElement {
  const {lines, unit} = view;
  const chart = timeseries(lines.rows, {width: Math.min(width, LINES_MAX_WIDTH), height: width < 600 ? 340 : 420, highlight: lines.highlight, reference: lines.reference, unit, breaks: breaksOf(view.warnings), colorOf: (name) => lines.colors[name] ?? SERIES_COLORS[0], document});
  const shown = new Set([...lines.highlight, LAND_NAME]);
  annotate(chart, 'g[aria-description="Werte"] circle, g[aria-description="Referenzwerte"] circle', new Map(lines.rows.filter((r) => shown.has(r.series)).map((r) => [pointLabel(r, unit), {value: r.value}])));
  return figure(chart, {
    id: "vergleich-linien",
    title: `${view.valueLabel}, ${lines.span}`,
    subtitle: "Farbig: die gewählten Orte; gestrichelt: Niedersachsen; grau: die übrigen Kreise",
    source: view.source,
    sources: lines.sources,
    date: lines.span,
    definition: view.definition,
    notes: [view.footnotes ? `Fußnoten der Quelle: ${view.footnotes}` : null, "Lücken in den Linien: kein Wert in der Quelle (nie als 0 gezeichnet)."].filter((x): x is string => x !== null),
    data: lines.data,
    columns: lines.columns,
    breaks: seriesBreaks(lines.data.flatMap((r) => r.breaks)),
    breaksOfRow: (row) => row.breaks,
    document
  });
}

/** Every Kreis in the year, highest first, the chosen ones in colour (id vergleich-rangfolge). */
export function rankingFigure(view: ComparisonView, {width, document}: FigureOptions): HTMLElement {
  const {ranking: r, unit, year} = view;
  const chart = ranking(r.rows, {width: Math.min(width, RANKING_MAX_WIDTH), unit, highlight: view.selected, reference: r.landValue === null ? null : {name: LAND_NAME, value: r.landValue}, document});
  annotate(chart, 'g[aria-description="Rangfolge"] rect', new Map(rank(r.rows).map((d) => [`${d.rank}. ${d.name}: ${formatValue(d.value, unit)}`, {value: d.value, area_id: d.area_id}])));
  return figure(chart, {
    id: "vergleich-rangfolge",
    title: `Rangfolge ${year}: ${view.valueLabel}`,
    subtitle: "Farbig: die gewählten Orte; Linie: Niedersachsen",
    source: view.source,
    sources: r.sources,
    date: year,
    definition: view.definition,
    notes: ["Gleiche Werte teilen sich einen Rang. Orte ohne Wert in diesem Jahr stehen unter der Grafik."],
    data: r.data,
    columns: r.columns,
    document
  });
}

/** The chosen places minus the Land, in the year (id vergleich-abstand). */
export function differenceFigure(view: ComparisonView, {document}: Partial<FigureOptions> = {}): HTMLElement {
  const {difference: d, unit, year} = view;
  return figure(dataTable(d.data, d.columns, {caption: `Abstand zu Niedersachsen, ${year}`, document}), {
    id: "vergleich-abstand",
    title: `Abstand der gewählten Orte zu Niedersachsen und Veränderung, ${year}`,
    source: view.source,
    sources: d.sources,
    date: year,
    definition: view.definition,
    notes: [
      COUNT_UNITS.has(unit) ? "Bei Anzahlen ist ein Abstand zum Land nicht aussagekräftig; „je 1.000 Einwohner“ wählen." : "Abstand = Wert des Ortes minus Wert Niedersachsens im selben Jahr.",
      "Veränderung: gegenüber dem frühesten Jahr der fünf Jahre davor mit Wert. Liegt ein Reihenbruch dazwischen, ist sie keine reine Entwicklung."
    ],
    data: d.data,
    columns: d.columns,
    // A change across a break is marked on its row; the values of one year lie on one side.
    breaks: seriesBreaks(d.data.flatMap((r) => r.crossed)),
    breaksOfRow: (row) => row.crossed,
    document
  });
}

/** What a one-shot view (embed page, static SVG) needs of the data file. */
export interface ComparisonData {
  /** Indicator ids the file holds. */
  indicators: string[];
  areas: Area[];
  /** The indicator's rows and the population rows (per 1,000). */
  rowsOf(indicator: string): ComparisonFact[];
}

/** The Arrow file as ComparisonData: one pass for indicators and areas, one per indicator asked for. */
export function arrowComparisonData(table: ArrowLike): ComparisonData {
  const indicator = table.getChild("indicator");
  const ids = new Set<string>();
  const names: {area_id: string; area_name: string; area_level: string}[] = [];
  const [id, name, level] = ["area_id", "area_name", "area_level"].map((c) => table.getChild(c));
  const seen = new Set<string>();
  for (let i = 0; i < table.numRows; i++) {
    ids.add(str(indicator?.get(i)));
    const area = {area_id: str(id?.get(i)), area_name: str(name?.get(i)), area_level: str(level?.get(i))};
    const key = `${area.area_id}\u0000${area.area_name}\u0000${area.area_level}`;
    if (!seen.has(key)) seen.add(key), names.push(area);
  }
  return {
    indicators: [...ids],
    areas: areaList(names),
    rowsOf: (wanted) => arrowComparisonFacts(table, (get) => get("indicator") === wanted || (get("indicator") === POPULATION && get("sex") === "total" && get("category") === "total" && get("age_group") === "total" && get("unit") === "count"))
  };
}

/**
 * The view a URL asks for, step by step as the page's controls choose it
 * (indicator, variant, measure, places, year); null without data.
 */
export function comparisonFor(data: ComparisonData, params: ComparisonParams, {catalogue, rules}: {catalogue: readonly IndicatorEntry[]; rules: readonly ComparabilityRule[]}): ComparisonView | null {
  const indicator = pickIndicator(indicatorList(data.indicators, catalogue), params.indicator);
  if (!indicator) return null;
  const facts = data.rowsOf(indicator.id);
  const variants = variantsOf(facts, indicator.id);
  const variant = pickVariant(variants, params.variant, preferredVariant(indicator.id, variants));
  if (!variant) return null;
  const perCapita = isCountable(variant) && pickMeasure(params.measure).value === "je1000";
  const series = comparisonSeries(facts, indicator.id, variant, perCapita);
  const year = pickYear(yearsOf(series), params.year, defaultYearOf(series));
  if (year === undefined) return null;
  return {...comparisonView({indicator, variant, perCapita, series, places: pickPlaces(data.areas, params.places), year, catalogue, rules}), unknownPlaces: unknownPlaceIds(data.areas, params.places)};
}

/** Comparability warnings and places without values above an embedded figure, as the page shows them above its figures. */
export function withNotices(view: ComparisonView, chart: HTMLElement, doc: Document = globalThis.document): HTMLElement {
  const unknown = view.unknownPlaces ?? [];
  if (!view.warnings.length && !view.withoutData.length && !unknown.length) return chart;
  const root = doc.createElement("div");
  root.className = "atlas-embed-vergleich";
  if (view.warnings.length) root.append(warningList(view.warnings, doc));
  if (unknown.length) {
    const p = doc.createElement("p");
    p.className = "atlas-notice";
    p.setAttribute("role", "status");
    p.dataset.unknownPlaces = "";
    p.textContent = `Unbekannte ${unknown.length === 1 ? "Ortskennung" : "Ortskennungen"} in der Adresse, nicht angezeigt: ${unknown.join(", ")}.`;
    root.append(p);
  }
  if (view.withoutData.length) {
    const p = doc.createElement("p");
    p.className = "atlas-notice";
    p.setAttribute("role", "status");
    p.textContent = `Keine Werte für diesen Indikator: ${view.withoutData.map((a) => a.name).join(", ")}.`;
    root.append(p);
  }
  root.append(chart);
  return root;
}

// ---- The place picker's data (components/placepicker.ts draws it): fixed colours, aggregates, presets, unknown ids.

/** Areas that are no current place of their own: former Kreise, with when they ended. */
export const FORMER_AREAS: Record<string, string> = {"03156": "früherer Landkreis Osterode am Harz, seit 1.11.2016 Teil des Landkreises Göttingen"};

/** Mikrozensus Kreis groups and former Kreise: kept out of the main list, offered separately and labelled. */
export function aggregateLabel(area: Pick<Area, "area_id" | "level">): string | null {
  if (FORMER_AREAS[area.area_id]) return FORMER_AREAS[area.area_id];
  if (area.level === "kreisgruppe") return "Kreisgruppe des Mikrozensus (mehrere Kreise zusammen)";
  if (area.level === "bund" || area.area_id === "DG") return "Deutschland";
  return null;
}

/** Ids in the URL that name no area of the data (the page says so instead of dropping them). */
export function unknownPlaceIds(areas: readonly Area[], ids: readonly string[]): string[] {
  const known = new Set(areas.map((a) => a.area_id));
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id && !known.has(id)))];
}

/** The concept places' colours, fixed; every other place by the last digit of its Kreis number (neighbours differ) or a hash of its id. */
const CONCEPT_COLORS: Record<string, number> = {"03159016": 0, "03103": 1, "03241": 2, "03357": 3, "15003000": 4, "03159": 5};

/** One colour per place wherever it is drawn (page, embeds, static SVG), whatever else is chosen. */
export function placeColor(areaId: string, palette: readonly string[] = SERIES_COLORS): string {
  const fixed = CONCEPT_COLORS[areaId];
  if (fixed !== undefined) return palette[fixed % palette.length];
  const n = /^\d{5}$/.test(areaId) ? Number(areaId.slice(2)) : [...areaId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return palette[n % palette.length];
}

/** The most places the comparison draws at once (one colour each, lines still told apart). */
export const MAX_PLACES = 10;

interface KreisTopology {
  type: "Topology";
  objects: Record<string, {type: "GeometryCollection"; geometries: {id?: string | number; arcs?: unknown}[]}>;
  arcs: unknown[];
}

/** Neighbouring Kreise by shared boundary arcs (topojson-client's neighbors); the Region Hannover as the union of its parts. */
export function neighbourKreise(topology: KreisTopology, areaId: string, object = "kreise"): string[] {
  const geometries = topology.objects[object]?.geometries ?? [];
  const ids = geometries.map((g) => String(g.id ?? ""));
  const own = ids.map((id, i) => (id === areaId || (areaId === "03241" && id.startsWith("03241")) ? i : -1)).filter((i) => i >= 0);
  if (!own.length) return [];
  const lists = neighbors(geometries as never);
  const out = new Set<string>();
  for (const i of own) for (const j of lists[i]) if (!own.includes(j)) out.add(ids[j]);
  return [...out].sort();
}

/** Whether a place has neighbours in the Kreis map (a Kreis, a part of the Region Hannover, the Region itself). */
export function hasNeighbours(topology: KreisTopology, areaId: string, object = "kreise"): boolean {
  return (topology.objects[object]?.geometries ?? []).some((g) => String(g.id) === areaId || (areaId === "03241" && String(g.id).startsWith("03241")));
}

/** The `count` places whose population is closest to `areaId`'s (by ratio), among `candidates`; population: latest value per area. */
export function similarInSize(population: ReadonlyMap<string, number>, areaId: string, candidates: readonly Area[], count = 5): string[] {
  const own = population.get(areaId);
  if (own === undefined || own <= 0) return [];
  return candidates
    .filter((a) => a.area_id !== areaId && a.area_id !== LAND && !aggregateLabel(a) && (population.get(a.area_id) ?? 0) > 0)
    .map((a) => ({id: a.area_id, distance: Math.abs(Math.log(population.get(a.area_id)! / own))}))
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
    .slice(0, count)
    .map((d) => d.id);
}

/** The latest population per area (Integrationsmonitoring 1.1.1 and its linked series), from the rows the page already has. */
export function latestPopulation(rows: readonly ComparisonFact[]): Map<string, number> {
  const latest = new Map<string, {year: number; value: number}>();
  for (const r of rows) {
    if (r.indicator !== POPULATION || r.value === null || r.unit !== "count" || r.sex !== "total" || r.category !== "total" || r.age_group !== "total") continue;
    const seen = latest.get(r.area_id);
    if (!seen || r.year > seen.year) latest.set(r.area_id, {year: r.year, value: r.value});
  }
  return new Map([...latest].map(([id, v]) => [id, v.value]));
}

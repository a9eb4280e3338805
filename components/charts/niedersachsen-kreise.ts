/**
 * The Kreise of Niedersachsen (Integrationsmonitoring rates): map, small
 * multiples across years and the selected Kreis's series, from the fact rows
 * of one indicator to figure. Used by /karten/niedersachsen, its embed pages
 * and the build's static SVGs.
 */
import {choropleth, type GeoFeature} from "../choropleth.js";
import {METHODS, type Method} from "../classify.js";
import {figure, type Column} from "../figure.js";
import type {SourceRef} from "../exportdata.js";
import {formatChange, formatValue, label} from "../format.js";
import {breaksCrossed, breaksWithin, crossingText, type ComparabilityRule} from "../comparability.js";
import {smallMultiples} from "../smallmultiples.js";
import {trend} from "../trend.js";
import type {FactLike} from "./facts.js";

export const LAND = "03";
export const DEFAULT_INDICATOR = "im:1-2-2";
export const CONCEPT_PLACES = new Set(["03159", "03241001", "03241999", "03357", "03103"]);
/** The pinned IM files behind an indicator's figures: its data file and, for maps, the Kreis boundaries. */
export function imSources(indicatorId: string, {map = false} = {}): SourceRef[] {
  return [{id: "im-niedersachsen", files: [`data/indicator_${indicatorId.replace(/^im:/, "")}.csv`, ...(map ? ["NI_Kurz_diss.geojson"] : [])]}];
}
/** Bremen and Bremerhaven: drawn white for orientation, not mapped. */
export const isContext = (f: GeoFeature) => String(f.id).startsWith("04");

export interface CatalogueEntry {
  id: string;
  title: string;
  definition?: string | null;
  footnotes?: string | null;
  /** Plain words of categories, keyed "unit|category", and which is the total (data/category-words.csv via the catalogue). */
  category_words?: Record<string, {words: string; is_total: boolean}>;
}

export interface Variant {
  category: string;
  sex: string;
  unit: string;
}

export function variantLabel(d: Variant): string {
  return [d.category === "total" ? null : d.category.replaceAll("; ", " · "), d.sex === "total" ? null : label(d.sex), d.unit === "percent" ? null : d.unit].filter(Boolean).join(" · ") || "insgesamt";
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const UNIT_WORDS: Record<string, string> = {rate: "Quote", years: "in Jahren", per_1000: "je 1.000", percentage_points: "in Prozentpunkten", percent_change_since_2005: "Veränderung seit 2005 in Prozent", persons_per_km2: "je km²"};
const SEX_WORDS: Record<string, string> = {female: "Frauen", male: "Männer"};

/** A variant in plain words for titles („Anteil mit Duldung an allen ohne Aufenthaltstitel, Frauen“; „insgesamt“), never the raw key. */
export function variantWords(indicator: Pick<CatalogueEntry, "category_words">, d: Variant): string {
  const own = indicator.category_words?.[`${d.unit}|${d.category}`];
  const category = d.category === "total" ? null : own?.words ?? d.category.split("; ").map((part) => part.slice(part.indexOf("=") + 1)).join(", ");
  const parts = [category, SEX_WORDS[d.sex] ?? null, own ? null : UNIT_WORDS[d.unit] ?? null].filter(Boolean);
  return parts.join(", ") || "insgesamt";
}

const isTotal = (indicator: Pick<CatalogueEntry, "category_words"> | undefined, v: Variant) =>
  v.category === "total" || /=(insgesamt|Insgesamt)$/.test(v.category) || indicator?.category_words?.[`${v.unit}|${v.category}`]?.is_total === true;

/** The variant a map shows when the URL names none: the total (all sexes, the total category), never a part. */
export function defaultVariant(variants: Variant[], indicator?: Pick<CatalogueEntry, "category_words">): Variant {
  return variants.find((v) => v.sex === "total" && isTotal(indicator, v)) ?? variants.find((v) => v.sex === "total") ?? variants[0];
}

/** The breakdowns of one indicator, ordered by unit, category, sex (as the page lists them). */
export function niVariants(facts: FactLike[]): Variant[] {
  const seen = new Map<string, Variant>();
  for (const f of facts) {
    const v = {category: f.category ?? "total", sex: f.sex, unit: f.unit ?? ""};
    seen.set(`${v.unit}\u0000${v.category}\u0000${v.sex}`, v);
  }
  return [...seen.values()].sort((a, b) => cmp(a.unit, b.unit) || cmp(a.category, b.category) || cmp(a.sex, b.sex));
}

const inVariant = (v: Variant) => (f: FactLike) => (f.category ?? "total") === v.category && f.sex === v.sex && (f.unit ?? "") === v.unit && f.year !== null;

export function niYears(facts: FactLike[], variant: Variant): number[] {
  return [...new Set(facts.filter(inVariant(variant)).map((f) => f.year as number))].sort((a, b) => a - b);
}

export interface NiSeriesRow {
  area_id: string;
  name: string;
  area_level: string;
  year: number;
  value: number | null;
  flag: string | null;
  source_file: string;
  source_row: number | null;
}

/** Every year of the indicator's variant, every area (Land, regions, Kreise), by year. */
export function niSeries(facts: FactLike[], variant: Variant): NiSeriesRow[] {
  return facts
    .filter(inVariant(variant))
    .map((f) => ({area_id: f.area_id, name: f.area_name, area_level: f.area_level, year: f.year as number, value: f.value, flag: f.flag ?? null, source_file: f.source_file ?? "", source_row: f.source_row ?? null}))
    .sort((a, b) => a.year - b.year);
}

export interface NiParams {
  indicator: string;
  variant: string;
  year: number | null;
  base: number | null;
  change: boolean;
  method: Method;
  classes: number;
  /** Kreis names on the map (URL namen=0 switches them off). */
  labels: boolean;
  selected: string | null;
}

/** The URL's view of the Kreis map; what it leaves out is the default view. */
export function niParams(read: (name: string) => string | null): NiParams {
  const n = Number(read("n") ?? "5");
  const method = read("klassen");
  const year = read("jahr");
  const base = read("von");
  return {
    indicator: read("indikator") ?? DEFAULT_INDICATOR,
    variant: read("auspraegung") ?? "",
    year: year === null ? null : Number(year),
    base: base === null || base === "" ? null : Number(base),
    change: (base ?? "") !== "",
    method: (METHODS.some((m) => m.value === method) ? method : "quantile") as Method,
    classes: Number.isFinite(n) ? Math.min(7, Math.max(3, n)) : 5,
    labels: read("namen") !== "0",
    selected: read("gebiet")
  };
}

/** A variant by its label, else the total. */
export function pickVariant(variants: Variant[], wanted: string, indicator?: Pick<CatalogueEntry, "category_words">): Variant {
  return variants.find((v) => variantLabel(v) === wanted) ?? defaultVariant(variants, indicator);
}

export interface NiTableRow extends Record<string, unknown> {
  area_id: string;
  /** Not a column: the row's year for the data downloads (none for a change). */
  year: number | null;
  Rang: number | null;
  Gebiet: string;
  Wert: number | null;
  "Abstand zum Land": number | null;
  Konzeptort: string;
}

export interface NiDataRow extends NiSeriesRow {
  now: number | null;
  then: number | null;
}

export interface NiView {
  indicator: CatalogueEntry;
  variant: Variant;
  year: number;
  base: number;
  change: boolean;
  format: (v: number | null) => string;
  mapFormat: (v: number | null) => string;
  pointUnit: string;
  valueLabel: string;
  data: NiDataRow[];
  landValue: number | null;
  ranked: NiDataRow[];
  rankOf: Map<string, number>;
  tableRows: NiTableRow[];
  tableColumns: Column<NiTableRow>[];
  /** The series breaks a change crosses, in words ("" when none or no change). */
  crossing: string;
  /** The series breaks a change crosses (none for one year): caption, image and every row of the downloads name them. */
  breaks: ComparabilityRule[];
}

/** The comparability selection of an IM series on the Kreis map: the indicator, the Land as reference, the series itself. */
const seriesOf = (indicator: Pick<CatalogueEntry, "id">) => ({indicator: indicator.id, areas: [LAND], origins: [indicator.id]});

/** The series breaks between the first and last year of rows (the multiples, the trend). */
export function niBreaks(rules: readonly ComparabilityRule[], indicator: Pick<CatalogueEntry, "id">, rows: readonly {year: number}[]): ComparabilityRule[] {
  return breaksWithin(rules, seriesOf(indicator), [...new Set(rows.map((r) => r.year))]);
}

/** One year (or one change) of the series on the map's areas. */
export function niView(series: NiSeriesRow[], drawn: Set<string>, {indicator, variant, year, base, change, rules = []}: {indicator: CatalogueEntry; variant: Variant; year: number; base: number; change: boolean; rules?: readonly ComparabilityRule[]}): NiView {
  const inYear = (y: number) => new Map(series.filter((d) => d.year === y).map((d) => [d.area_id, d]));
  const now = inYear(year);
  const then = inYear(base);
  const land = now.get(LAND);
  const format = (v: number | null) => formatValue(v, variant.unit);
  const pointUnit = variant.unit === "percent" ? "percentage_points" : variant.unit;
  const formatDiff = (v: number | null) => (v === null || v === undefined ? "–" : variant.unit === "percent" ? formatChange(v, {unit: "Pp."}) : formatChange(v));
  const mapFormat = change ? formatDiff : format;
  const valueLabel = change ? `Veränderung ${base}–${year}` : indicator.title;
  const data: NiDataRow[] = [...now.values()]
    .filter((d) => drawn.has(d.area_id))
    .map((d) => {
      const b = then.get(d.area_id);
      const diff = d.value === null || b?.value == null ? null : d.value - b.value;
      return {...d, now: d.value, then: b?.value ?? null, value: change ? diff : d.value};
    });
  const landThen = then.get(LAND)?.value ?? null;
  const landValue = change ? (land?.value == null || landThen === null ? null : land.value - landThen) : land?.value ?? null;
  const ranked = data.filter((d) => d.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  const rankOf = new Map(ranked.map((d, i) => [d.area_id, i + 1]));
  const tableRows: NiTableRow[] = data
    .map((d) => ({area_id: d.area_id, year: change ? null : year, Rang: rankOf.get(d.area_id) ?? null, Gebiet: d.name, Wert: d.value, "Abstand zum Land": d.value === null || landValue === null ? null : d.value - landValue, Konzeptort: CONCEPT_PLACES.has(d.area_id) ? "ja" : ""}))
    .sort((a, b) => (a.Rang ?? Infinity) - (b.Rang ?? Infinity));
  const tableColumns: Column<NiTableRow>[] = [
    {key: "Rang", label: "Rang", numeric: true, role: "skip"},
    {key: "Gebiet", label: "Gebiet"},
    {key: "Wert", label: change ? `Veränderung ${base}–${year}` : `Wert ${year}`, numeric: true, unit: change ? pointUnit : variant.unit, format: (v) => mapFormat(v as number | null)},
    {key: "Abstand zum Land", label: "Abstand zu Niedersachsen", numeric: true, unit: pointUnit, format: (v) => (v === null ? "–" : formatValue(v as number, pointUnit))},
    {key: "Konzeptort", label: "Konzeptort", role: "skip"}
  ];
  // A change across a series break (Zensus 2022 in the denominator of 1-2-2) is no pure development: said under the map.
  const breaks = change ? breaksCrossed(rules, seriesOf(indicator), Math.min(base, year), Math.max(base, year)) : [];
  const crossing = crossingText(breaks);
  return {indicator, variant, year, base, change, format, mapFormat, pointUnit, valueLabel, data, landValue, ranked, rankOf, tableRows, tableColumns, crossing, breaks};
}

export interface ChartOptions {
  width: number;
  document?: Document;
}

/** The map's title: the reviewed title, the variant in plain words, the year or the change. */
export function niMapTitle({indicator, variant, change, base, year, crossing = ""}: Pick<NiView, "indicator" | "variant" | "change" | "base" | "year"> & {crossing?: string}): string {
  return `${indicator.title} – ${variantWords(indicator, variant)}${change ? `: Veränderung ${base}–${year}${crossing ? " (über einen Reihenbruch)" : ""}` : `, ${year}`}`;
}

/** The Kreis map (id niedersachsen-kreise). */
export function niMapFigure(view: NiView, kreise: GeoFeature[], {width, method, classes, labels = true, selected = null, onSelect, onClassSelect, document}: ChartOptions & {method: Method; classes: number; labels?: boolean; selected?: string | null; onSelect?: (id: string) => void; onClassSelect?: (ids: string[] | null) => void}): HTMLElement {
  const {indicator, variant, year, base, change, format, mapFormat, landValue} = view;
  const mapRows = view.data.map((d) => ({
    area_id: d.area_id,
    name: d.name,
    value: d.value,
    details: [
      change ? `${base}: ${format(d.then)}` : null,
      change ? `${year}: ${format(d.now)}` : null,
      landValue === null ? null : `Niedersachsen: ${mapFormat(landValue)}`,
      `Stand: ${change ? `${base} und ${year}` : year}`,
      `Quelle: Integrationsmonitoring Niedersachsen, LSN (${d.source_file.replace(/^data\//, "")}, Zeile ${d.source_row})`,
      d.flag ? `Kennzeichen: ${label(d.flag)}` : null
    ].filter((x): x is string => x !== null)
  }));
  return figure(
    choropleth(kreise, mapRows, {width, method, classes, diverging: change, center: 0, format: (v: number) => mapFormat(v), valueLabel: view.valueLabel, selected, onSelect, onClassSelect, labels, highlight: CONCEPT_PLACES, context: isContext, document}),
    {
      id: "niedersachsen-kreise",
      title: niMapTitle(view),
      source: "Integrationsmonitoring Niedersachsen, LSN; Grenzen: Integrationsmonitoring Niedersachsen (NI_Kurz_diss.geojson)",
      sources: imSources(indicator.id, {map: true}),
      date: change ? `${base} und ${year}` : year,
      definition: (indicator.definition || indicator.title) + (change ? ` Veränderung: Wert ${year} minus Wert ${base}${variant.unit === "percent" ? ", in Prozentpunkten" : ""}.` : ""),
      data: view.tableRows,
      columns: view.tableColumns,
      breaks: view.breaks,
      // Every row is a change from base to year: each reaches across the same breaks.
      breaksOfRow: change ? () => view.breaks : undefined,
      document,
      notes: [
        view.crossing ? `Reihenbruch: Die Veränderung ${base}–${year} reicht ${view.crossing}; sie ist keine reine Entwicklung.` : null,
        "Die Region Hannover erscheint geteilt in Landeshauptstadt und Umland; ihr Gesamtwert steht in der Datei, nicht in Karte und Rangfolge.",
        indicator.footnotes ? `Fußnoten der Quelle: ${indicator.footnotes.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()}` : null,
        "Bremen und Bremerhaven (weiß) liegen außerhalb Niedersachsens."
      ].filter((x): x is string => x !== null)
    }
  );
}

/** Every year side by side, one classification (id niedersachsen-kreise-jahre). */
export function niMultiplesFigure(series: NiSeriesRow[], kreise: GeoFeature[], drawn: Set<string>, {indicator, variant, width, method, classes, rules = [], document}: ChartOptions & {indicator: CatalogueEntry; variant: Variant; method: Method; classes: number; rules?: readonly ComparabilityRule[]}): HTMLElement {
  const format = (v: number | null) => formatValue(v, variant.unit);
  const multipleYears = [...new Set(series.map((d) => d.year))];
  const multipleRows = series.filter((d) => drawn.has(d.area_id));
  return figure(
    smallMultiples(kreise, multipleYears.map((y) => ({year: y, rows: multipleRows.filter((d) => d.year === y)})), {width, method, classes, format: (v: number) => format(v), valueLabel: indicator.title, highlight: CONCEPT_PLACES, context: isContext, document}),
    {
      id: "niedersachsen-kreise-jahre",
      title: `${indicator.title} – ${variantWords(indicator, variant)}, ${multipleYears[0]}–${multipleYears.at(-1)}`,
      source: "Integrationsmonitoring Niedersachsen, LSN; Grenzen: Integrationsmonitoring Niedersachsen",
      sources: imSources(indicator.id, {map: true}),
      date: `${multipleYears[0]}–${multipleYears.at(-1)}`,
      definition: `${indicator.definition || indicator.title} Eine gemeinsame Klasseneinteilung über alle Jahre.`,
      breaks: niBreaks(rules, indicator, multipleRows),
      data: multipleRows.map((d) => ({area_id: d.area_id, Gebiet: d.name, Jahr: d.year, Wert: d.value})),
      columns: [
        {key: "Gebiet", label: "Gebiet"},
        {key: "Jahr", label: "Jahr", numeric: true},
        {key: "Wert", label: indicator.title, numeric: true, unit: variant.unit, format: (v) => format(v as number | null)}
      ],
      document
    }
  );
}

/** The selected area against the Land, every year (id niedersachsen-kreis-zeitreihe); null without a selection. */
export function niTrendFigure(series: NiSeriesRow[], selected: string | null, {indicator, variant, width, rules = [], document}: ChartOptions & {indicator: CatalogueEntry; variant: Variant; rules?: readonly ComparabilityRule[]}): HTMLElement | null {
  const chosen = series.find((d) => d.area_id === selected);
  if (!chosen || selected === LAND) return null;
  const format = (v: number | null) => formatValue(v, variant.unit);
  const trendRows = series.filter((d) => d.area_id === selected || d.area_id === LAND).map((d) => ({series: d.area_id === LAND ? "Niedersachsen" : d.name, year: d.year, value: d.value}));
  const breaks = niBreaks(rules, indicator, trendRows);
  return figure(trend(trendRows, {width, highlight: chosen.name, format: (v: number) => format(v), breaks: breaks.map((b) => ({year: Number(b.break_year), label: b.label})), document}), {
    id: "niedersachsen-kreis-zeitreihe",
    title: `${indicator.title} – ${variantWords(indicator, variant)}: ${chosen.name} und Niedersachsen, ${series[0]?.year}–${series.at(-1)?.year}`,
    source: "Integrationsmonitoring Niedersachsen, LSN",
    sources: imSources(indicator.id),
    date: `${series[0]?.year}–${series.at(-1)?.year}`,
    definition: indicator.definition || indicator.title,
    breaks,
    data: trendRows.map((r) => ({Gebiet: r.series, Jahr: r.year, Wert: r.value})),
    columns: [
      {key: "Gebiet", label: "Gebiet"},
      {key: "Jahr", label: "Jahr", numeric: true},
      {key: "Wert", label: indicator.title, numeric: true, unit: variant.unit, format: (v) => format(v as number | null)}
    ],
    document
  });
}

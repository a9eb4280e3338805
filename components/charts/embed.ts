/**
 * One chart, alone, for a URL: the embed pages (/einbetten/<id>) and the
 * published module (/modul/abbildungen.js) call renderChart(id, …) with the
 * same URL parameters as the chart's full page. It loads the same data files
 * the page loads and draws with the same chart modules, so the embed shows
 * what the page shows for the same URL.
 */
import {tableFromIPC} from "apache-arrow";
import {feature} from "topojson-client";
import type {GeoFeature} from "../choropleth.js";
import {arrowFacts, type FactLike} from "./facts.js";
import {CHARTS, embedInfo} from "./registry.js";
import * as md from "./magdeburg-stadtteile.js";
import * as ni from "./niedersachsen-kreise.js";
import * as gem from "./gemeinden.js";
import {wolfsburgFigure} from "./wolfsburg.js";
import * as age from "./altersstruktur.js";
import {conceptFigure, type ConceptCatalogue} from "./konzepte.js";
import {reproductionFigure, summaryFigure, type Reproduction} from "../reproduction.js";
import * as vgl from "./vergleich.js";
import * as de from "./deutschland-kreise.js";
import {kreisPyramidFor, kreisPyramidParams} from "./kreis-pyramide.js";
import type {ComparabilityRule} from "../comparability.js";

export {CHARTS, embedInfo};
export * from "./magdeburg-stadtteile.js";
export {niMapFigure, niMultiplesFigure, niTrendFigure, niSeries, niVariants, niView, niYears, niParams, variantLabel, variantWords} from "./niedersachsen-kreise.js";
export {gemFigure, gemRows, gemView, gemParams} from "./gemeinden.js";
export {wolfsburgFigure} from "./wolfsburg.js";
export {pyramidFigure, mdAgeFigure, niAgeFigure, goettingenAgeFigure, goettingenTextFigure, ageBandsOf} from "./altersstruktur.js";
export {arrowFacts, factRows} from "./facts.js";
export {conceptFigure, themeFigure, coverageByConceptFigure, goalCoverageFigure, fieldCoverageFigure, gapFigure, timeFrameFigure, actorFigure, planFigure} from "./konzepte.js";
export {linesFigure, rankingFigure, differenceFigure, comparisonFor, comparisonView, comparisonSeries, comparisonParams, arrowComparisonData} from "./vergleich.js";

/** The data files a chart reads, by name, as URLs (the embed page passes Framework's file URLs). */
export type Files = Record<string, string>;

export interface RenderOptions {
  files: Files;
  /** The URL's query string (or its parameters): the same names as on the full page. */
  params?: string | URLSearchParams;
  width?: number;
  document?: Document;
}

const cache = new Map<string, Promise<unknown>>();

function load<T>(files: Files, name: string, read: (r: Response) => Promise<T>): Promise<T> {
  const url = files[name];
  if (!url) return Promise.reject(new Error(`Datei ${name} ist der Einbettung nicht bekannt.`));
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return read(r);
    }));
  }
  return cache.get(url) as Promise<T>;
}

type Table = ReturnType<typeof tableFromIPC>;
const arrow = (files: Files, name: string) => load<Table>(files, name, async (r) => tableFromIPC(new Uint8Array(await r.arrayBuffer())));
const json = <T>(files: Files, name: string) => load<T>(files, name, (r) => r.json() as Promise<T>);

/** A data file as an Arrow table or JSON, fetched once per URL (pages that also draw charts share the download). */
export const arrowOf = arrow;
export const jsonOf = json;

async function features(files: Files, name: string, object: string): Promise<GeoFeature[]> {
  const topology = await json<{objects: Record<string, unknown>}>(files, `boundaries/${name}.json`);
  if (!topology.objects[object]) return [];
  return (feature(topology as never, topology.objects[object] as never) as unknown as {features: GeoFeature[]}).features;
}

function notice(doc: Document, title: string, text: string): HTMLElement {
  const box = doc.createElement("div");
  box.className = "atlas-notice";
  box.setAttribute("role", "status");
  const strong = doc.createElement("strong");
  strong.textContent = title;
  const p = doc.createElement("p");
  p.textContent = text;
  box.append(strong, p);
  return box;
}

interface Context {
  files: Files;
  read: (name: string) => string | null;
  width: number;
  doc: Document;
}

async function magdeburgMaps(which: "map" | "multiples" | "trend", {files, read, width, doc}: Context): Promise<HTMLElement> {
  const all = arrowFacts(await arrow(files, "facts-magdeburg.arrow"), (get) => String(get("area_id")).startsWith(md.CITY) && get("sex") === "total" && md.MD_INDICATORS.includes(String(get("indicator"))));
  const params = md.mdParams(read, md.mdYears(all));
  const rows = md.mdRows(all, params.measure, params.age);
  const stadtteile = await features(files, "magdeburg-stadtteile", "stadtteile");
  const seriesLabel = md.seriesLabelOf(params.measure, params.age);
  if (which === "multiples") return md.mdMultiplesFigure(md.mdSeries(rows), stadtteile, {width: Math.min(width, 1100), method: params.method, classes: params.classes, seriesLabel, document: doc});
  if (which === "trend") {
    const view = md.mdView(rows, params);
    const chosen = view.data.find((d) => d.area_id === params.selected);
    return (chosen && md.mdTrendFigure(md.mdSeries(rows), params.selected, {width: Math.min(width, 760), seriesLabel, measure: params.measure, document: doc})) ||
      notice(doc, "Kein Stadtteil gewählt", "Diese Zeitreihe braucht einen Stadtteil im Parameter „gebiet“, z. B. ?gebiet=15003000-st01.");
  }
  return md.mdMapFigure(md.mdView(rows, params), stadtteile, {width: Math.min(width, 760), method: params.method, classes: params.classes, symbols: params.symbols, labels: params.labels, selected: params.selected, document: doc});
}

async function niedersachsenMaps(which: "map" | "multiples" | "trend", {files, read, width, doc}: Context): Promise<HTMLElement> {
  const params = ni.niParams(read);
  const table = await arrow(files, "im-kreis-rates.arrow");
  const catalogue = await json<ni.CatalogueEntry[]>(files, "indicators.json");
  const present = new Set<string>();
  const indicatorColumn = table.getChild("indicator");
  for (let i = 0; i < table.numRows; i++) present.add(String(indicatorColumn?.get(i)));
  const byId = new Map(catalogue.map((d) => [d.id, d]));
  const indicators = [...present].sort().map((id) => byId.get(id)).filter((d): d is ni.CatalogueEntry => d !== undefined);
  const indicator = (present.has(params.indicator) ? byId.get(params.indicator) : undefined) ?? indicators[0];
  if (!indicator) return notice(doc, "Keine Daten", "Das Integrationsmonitoring Niedersachsen lag beim Bau nicht vor.");
  const facts = arrowFacts(table, (get) => get("indicator") === indicator.id);
  const variant = ni.pickVariant(ni.niVariants(facts), params.variant, indicator);
  const years = ni.niYears(facts, variant);
  const series = ni.niSeries(facts, variant);
  const kreise = await features(files, "ni-kreise", "kreise");
  const drawn = new Set(kreise.map((f) => String(f.id)));
  // The break registry: a change or a run of years across Zensus 2022 says so, as on the page.
  const rules = await json<ComparabilityRule[]>(files, "comparability.json");
  if (which === "multiples") return ni.niMultiplesFigure(series, kreise, drawn, {indicator, variant, width: Math.min(width, 1100), method: params.method, classes: params.classes, rules, document: doc});
  if (which === "trend") {
    return ni.niTrendFigure(series, params.selected, {indicator, variant, width: Math.min(width, 820), rules, document: doc}) ?? notice(doc, "Kein Kreis gewählt", "Diese Zeitreihe braucht einen Kreis im Parameter „gebiet“, z. B. ?gebiet=03357.");
  }
  const year = params.year !== null && years.includes(params.year) ? params.year : (years.at(-1) as number);
  const base = params.base !== null && years.includes(params.base) ? params.base : years[0];
  const view = ni.niView(series, drawn, {indicator, variant, year, base, change: params.change, rules});
  return ni.niMapFigure(view, kreise, {width: Math.min(width, 820), method: params.method, classes: params.classes, labels: params.labels, selected: params.selected, document: doc});
}

async function germanyMap({files, read, width, doc}: Context): Promise<HTMLElement> {
  const facts = arrowFacts(await arrow(files, "de-kreis-karte.arrow"), (get) => de.DE_MAP_INDICATORS.includes(String(get("indicator"))));
  const catalogue = await json<Parameters<typeof de.deIndicators>[0]>(files, "indicators.json");
  const [kreise, laender] = await Promise.all([features(files, "de-kreise", "kreise"), features(files, "de-kreise", "laender")]);
  return de.deMapFor(facts, catalogue, kreise, laender, de.deParams(read), {width: Math.min(width, 720), document: doc}) ?? notice(doc, "Keine Daten", "Die Quellen der Deutschlandkarte (Destatis 12411-0018, INKAR) lagen beim Bau nicht vor.");
}

async function germanyPyramid({files, read, width, doc}: Context): Promise<HTMLElement> {
  const params = kreisPyramidParams(read);
  const wanted = new Set([params.area, ...params.overlays]);
  const facts = arrowFacts(await arrow(files, "de-pyramiden.arrow"), (get) => get("year") === params.year && wanted.has(String(get("area_id"))));
  return kreisPyramidFor(facts, params, {width, document: doc}) ?? notice(doc, "Keine Werte", `Für das Gebiet ${params.area} gibt es am 31.12.${params.year} keine Werte in 12411-0018 (Kreisreform: 03152 und 03156 nur 2015, 03159 ab 2016).`);
}

async function gemeindenMap({files, read, width, doc}: Context): Promise<HTMLElement> {
  const params = gem.gemParams(read);
  const facts = arrowFacts(await arrow(files, "facts-gemeinden.arrow"), (get) => ["vg250:dichte", "vg250:einwohner", "vg250:flaeche"].includes(String(get("indicator"))));
  const all = await features(files, params.gebiet.value === "ni" ? "gemeinden-ni" : "gemeinden", "gemeinden");
  const view = gem.gemView(gem.gemRows(facts), all, params.gebiet);
  return gem.gemFigure(view, {width: Math.min(width, 820), method: params.method, classes: params.classes, symbols: params.symbols, selected: params.selected, document: doc});
}

async function pyramid({files, read, width, doc}: Context): Promise<HTMLElement> {
  const facts = arrowFacts(await arrow(files, "facts-magdeburg.arrow"), (get) => get("indicator") === "md:bevoelkerung" && get("area_id") === age.MD_CITY && get("age_group") !== "total");
  const years = age.pyramidYears(facts);
  const params = age.pyramidParams(read, years);
  const loaded = [params.year, ...age.pyramidCompared(params)].map((y) => age.pyramidYear(facts.filter((f) => f.year === y), y, params.bySex));
  return age.pyramidFigure(loaded, {bySex: params.bySex, relative: params.relative, compareYears: params.compareYears, sexYears: years.sexYears, width: Math.min(width, 760), document: doc});
}

async function magdeburgAges({files, read, width, doc}: Context): Promise<HTMLElement> {
  const facts = arrowFacts(await arrow(files, "facts-magdeburg.arrow"), (get) => get("indicator") === "md:auslaender" && get("sex") === "total");
  const params = age.ageParams(read);
  const areas = age.ageAreas(facts.filter((f) => f.age_group !== "total"), "md:auslaender", ["stadtteil", "gemeinde"]);
  const stadtteile = areas.filter((a) => a.level === "stadtteil");
  const area = stadtteile.find((a) => a.id === params.area) ?? stadtteile[0];
  const years = age.ageYears(facts, "md:auslaender");
  const year = params.year !== null && years.includes(params.year) ? params.year : (years.at(-1) as number);
  const compareId = params.compare ?? age.MD_CITY;
  const compare = compareId === age.MD_CITY ? {id: age.MD_CITY, name: "Magdeburg insgesamt"} : stadtteile.find((a) => a.id === compareId) ?? null;
  const own = age.ageBandsOf(age.ageFacts(facts, "md:auslaender", area.id, year), age.MD_BANDS);
  if (!own.rows) return notice(doc, `Keine Altersgruppen für ${area.name} ${year}.`, "KISS-MD weist für diesen Stadtteil in diesem Jahr keine ausländische Bevölkerung nach Altersgruppen aus.");
  const other = compare && compare.id !== area.id ? age.ageBandsOf(age.ageFacts(facts, "md:auslaender", compare.id, year), age.MD_BANDS) : null;
  return age.mdAgeFigure({name: area.name, rows: own.rows, total: own.total}, other?.rows && compare ? {name: compare.name, rows: other.rows, total: other.total} : null, {year, relative: params.relative, width: Math.min(width, 760), document: doc});
}

const HANNOVER = ["03241", "03241001", "03241999"];

async function niedersachsenAges({files, read, width, doc}: Context): Promise<HTMLElement> {
  const facts = arrowFacts(await arrow(files, "im-auslaender-alter.arrow"), (get) => get("indicator") === "im:1-2-6" && get("sex") === "total" && get("category") === "total");
  const params = age.ageParams(read);
  const areas = age.ageAreas(facts, "im:1-2-6", ["land", "statregion", "kreis", "kreisteil"]);
  const kreise = areas.filter((a) => a.level === "kreis" || a.level === "kreisteil");
  const area = kreise.find((a) => a.id === params.area) ?? kreise[0];
  const years = age.ageYears(facts, "im:1-2-6");
  const year = params.year !== null && years.includes(params.year) ? params.year : (years.at(-1) as number);
  const compareId = params.compare ?? age.LAND;
  const compare = areas.find((a) => a.id === compareId) ?? null;
  const own = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", area.id, year), age.IM_BANDS);
  if (!own.rows) return notice(doc, `Keine Altersgruppen für ${area.name} ${year}.`, "");
  const other = compare && compare.id !== area.id ? age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", compare.id, year), age.IM_BANDS) : null;
  // The page's quality note: Region Hannover, its city and its Umland do not add up in some years.
  const concerned = new Set([area.id, compare?.id ?? ""].flatMap((id) => (HANNOVER.includes(id) ? HANNOVER : [id])));
  let warnings = 0;
  if ([...concerned].some((id) => HANNOVER.includes(id))) {
    const findings = await json<{indicator: string; severity: string; year: number | null; area_id: string}[]>(files, "quality.json");
    warnings = findings.filter((f) => f.indicator === "im:1-2-6" && f.severity === "warning" && f.year === year && concerned.has(f.area_id)).length;
  }
  return age.niAgeFigure({name: area.name, rows: own.rows, total: own.total}, other?.rows && compare ? {name: compare.name, rows: other.rows, total: other.total} : null, {year, relative: params.relative, warnings, width: Math.min(width, 760), document: doc});
}

async function goettingenDocs(files: Files): Promise<age.DocFact[]> {
  const wanted = ["goettingen:migration_background_persons", "goettingen:population_residence_entitled", "goettingen:foreigners_persons"];
  return arrowFacts(await arrow(files, "facts-documents.arrow"), (get) => get("source_id") === "doc-goettingen" && get("area_id") === "03159016" && get("year") === 2022 && get("sex") === "total" && get("category") === "total" && wanted.includes(String(get("indicator"))))
    .sort((a, b) => (a.source_row ?? 0) - (b.source_row ?? 0));
}

async function goettingenAges({files, read, width, doc}: Context): Promise<HTMLElement> {
  const facts = arrowFacts(await arrow(files, "im-auslaender-alter.arrow"), (get) => get("indicator") === "im:1-2-6" && get("sex") === "total" && get("category") === "total" && (get("area_id") === age.GOETTINGEN || get("area_id") === age.LAND));
  const params = age.ageParams(read);
  const years = age.ageYears(facts, "im:1-2-6", age.GOETTINGEN);
  const year = params.year !== null && years.includes(params.year) ? params.year : 2022;
  const kreis = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", age.GOETTINGEN, year), age.IM_BANDS);
  const land = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", age.LAND, year), age.IM_BANDS);
  if (!kreis.rows) return notice(doc, `Keine Altersgruppen für den Landkreis Göttingen ${year}.`, "");
  const {foreignersCity} = age.goettingenDocFacts(await goettingenDocs(files));
  return age.goettingenAgeFigure({name: "Landkreis Göttingen", rows: kreis.rows, total: kreis.total}, land.rows ? {name: "Niedersachsen", rows: land.rows, total: land.total} : null, {year, relative: params.relative, foreignersCity, width: Math.min(width, 760), document: doc});
}

async function concepts(id: string, {files, read, width, doc}: Context): Promise<HTMLElement> {
  const catalogue = await json<ConceptCatalogue>(files, "concepts.json");
  return conceptFigure(id, catalogue, read, {width, document: doc}) ?? notice(doc, "Keine Daten", "Die Abschrift der Integrationskonzepte lag beim Bau nicht vor.");
}

const CONCEPT_CHARTS = CHARTS.filter((c) => c.page.startsWith("/konzepte/")).map((c) => c.id);

/** A reproduction table (or the overview) by its figure id, from reproduction.json; null for an unknown id. */
export function reproductionById(id: string, data: Reproduction, {document: doc, base}: {document: Document; base: string}): HTMLElement | null {
  if (id === "reproduktion-uebersicht") return summaryFigure(data, {document: doc, base});
  for (const d of data.documents) {
    const table = d.tables.find((t) => id === `reproduktion-${d.slug}-${t.table_id}`);
    if (table) return reproductionFigure(d, table, {document: doc});
  }
  return null;
}

const REPRODUCTION_FIGURES = CHARTS.filter((c) => c.page.startsWith("/reproduktion/")).map((c) => c.id);

async function reproduction(id: string, {files, doc}: Context): Promise<HTMLElement> {
  const data = await json<Reproduction>(files, "reproduction.json");
  return reproductionById(id, data, {document: doc, base: "../reproduktion/"}) ?? notice(doc, "Keine Daten", "Die Reproduktion der Konzeptdokumente lag beim Bau nicht vor.");
}

// The comparison of places (/vergleich): the page's view for the URL, one of its three figures.
async function comparison(which: "lines" | "ranking" | "difference", {files, read, width, doc}: Context): Promise<HTMLElement> {
  const data = vgl.arrowComparisonData(await arrow(files, "vergleich.arrow"));
  const catalogue = await json<vgl.IndicatorEntry[]>(files, "indicators.json");
  const rules = await json<ComparabilityRule[]>(files, "comparability.json");
  const view = vgl.comparisonFor(data, vgl.comparisonParams(read), {catalogue, rules});
  if (!view) return notice(doc, "Keine Daten", "Für diese Auswahl liegen beim Bau keine Werte vor.");
  const chart = which === "lines" ? vgl.linesFigure(view, {width, document: doc}) : which === "ranking" ? vgl.rankingFigure(view, {width, document: doc}) : vgl.differenceFigure(view, {document: doc});
  return vgl.withNotices(view, chart, doc);
}

const RENDER: Record<string, (c: Context) => Promise<HTMLElement>> = {
  ...Object.fromEntries(CONCEPT_CHARTS.map((id) => [id, (c: Context) => concepts(id, c)])),
  ...Object.fromEntries(REPRODUCTION_FIGURES.map((id) => [id, (c: Context) => reproduction(id, c)])),
  "niedersachsen-kreise": (c) => niedersachsenMaps("map", c),
  "niedersachsen-kreise-jahre": (c) => niedersachsenMaps("multiples", c),
  "niedersachsen-kreis-zeitreihe": (c) => niedersachsenMaps("trend", c),
  "magdeburg-stadtteile": (c) => magdeburgMaps("map", c),
  "magdeburg-stadtteile-jahre": (c) => magdeburgMaps("multiples", c),
  "magdeburg-stadtteil-zeitreihe": (c) => magdeburgMaps("trend", c),
  "gemeinden-dichte": gemeindenMap,
  "deutschland-kreise": germanyMap,
  "kreis-pyramide": germanyPyramid,
  "wolfsburg-stadtteile": async ({files, width, doc}) => wolfsburgFigure(await features(files, "wolfsburg-stadtteile", "stadtteile"), {width: Math.min(width, 760), document: doc}),
  "magdeburg-alterspyramide": pyramid,
  "magdeburg-auslaender-alter": magdeburgAges,
  "niedersachsen-auslaender-alter": niedersachsenAges,
  "goettingen-landkreis-auslaender-alter": goettingenAges,
  "vergleich-linien": (c) => comparison("lines", c),
  "vergleich-rangfolge": (c) => comparison("ranking", c),
  "vergleich-abstand": (c) => comparison("difference", c),
  "goettingen-alter-text": async ({files, doc}) => age.goettingenTextFigure(age.goettingenDocFacts(await goettingenDocs(files)), {document: doc}) ?? notice(doc, "Keine Zahl", "Die Abschrift des Göttinger Konzepts enthält die Zahl nicht.")
};

/** The data files each chart reads (the embed page hands their URLs in). */
export const FILES_OF: Record<string, string[]> = {
  "niedersachsen-kreise": ["im-kreis-rates.arrow", "indicators.json", "boundaries/ni-kreise.json", "comparability.json"],
  "niedersachsen-kreise-jahre": ["im-kreis-rates.arrow", "indicators.json", "boundaries/ni-kreise.json", "comparability.json"],
  "niedersachsen-kreis-zeitreihe": ["im-kreis-rates.arrow", "indicators.json", "boundaries/ni-kreise.json", "comparability.json"],
  "magdeburg-stadtteile": ["facts-magdeburg.arrow", "boundaries/magdeburg-stadtteile.json"],
  "magdeburg-stadtteile-jahre": ["facts-magdeburg.arrow", "boundaries/magdeburg-stadtteile.json"],
  "magdeburg-stadtteil-zeitreihe": ["facts-magdeburg.arrow", "boundaries/magdeburg-stadtteile.json"],
  "gemeinden-dichte": ["facts-gemeinden.arrow", "boundaries/gemeinden.json", "boundaries/gemeinden-ni.json"],
  "deutschland-kreise": ["de-kreis-karte.arrow", "indicators.json", "boundaries/de-kreise.json"],
  "kreis-pyramide": ["de-pyramiden.arrow"],
  "wolfsburg-stadtteile": ["boundaries/wolfsburg-stadtteile.json"],
  "magdeburg-alterspyramide": ["facts-magdeburg.arrow"],
  "magdeburg-auslaender-alter": ["facts-magdeburg.arrow"],
  "niedersachsen-auslaender-alter": ["im-auslaender-alter.arrow", "quality.json"],
  "goettingen-landkreis-auslaender-alter": ["im-auslaender-alter.arrow", "facts-documents.arrow"],
  "goettingen-alter-text": ["facts-documents.arrow"],
  ...Object.fromEntries(CONCEPT_CHARTS.map((id) => [id, ["concepts.json"]])),
  ...Object.fromEntries(REPRODUCTION_FIGURES.map((id) => [id, ["reproduction.json"]])),
  "vergleich-linien": ["vergleich.arrow", "indicators.json", "comparability.json"],
  "vergleich-rangfolge": ["vergleich.arrow", "indicators.json", "comparability.json"],
  "vergleich-abstand": ["vergleich.arrow", "indicators.json", "comparability.json"]
};

/** The chart `id` for the URL parameters, as its full page would draw it; a notice when it cannot. */
export async function renderChart(id: string, {files, params = "", width = 760, document: doc = globalThis.document}: RenderOptions): Promise<HTMLElement> {
  const render = RENDER[id];
  if (!render) return notice(doc, "Unbekannte Abbildung", `„${id}“ ist keine Abbildung des Integrationsatlas. Die Liste steht unter /einbetten/.`);
  const search = typeof params === "string" ? new URLSearchParams(params) : params;
  try {
    return await render({files, read: (name) => search.get(name), width: Math.max(320, width), doc});
  } catch (error) {
    const page = embedInfo(id)?.page;
    return notice(doc, "Die Abbildung konnte nicht gezeichnet werden.", `${error instanceof Error ? error.message : String(error)}${page ? ` Die vollständige Seite: ${page}` : ""}`);
  }
}

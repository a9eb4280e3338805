/**
 * The static SVG of every chart's default view, drawn at build time in Node
 * (jsdom) by the same chart modules the pages use, from the same tables the
 * pages load (built here through the same loaders and the same Arrow
 * serialisation), with title, source, reference date and licence on the
 * image. src/abbildungen.tar.ts packs them; Framework serves each as
 * /_file/abbildungen/<id>.svg and scripts/stable-urls.ts copies them to
 * /abbildungen/<id>.svg.
 */
import {JSDOM} from "jsdom";
import {tableFromIPC} from "apache-arrow";
import {feature} from "topojson-client";
import type {Topology} from "topojson-specification";
import {exportFigure} from "../components/figure.ts";
import {exportSvg, serializeSvg} from "../components/exportsvg.ts";
import type {GeoFeature} from "../components/choropleth.ts";
import {arrowFacts, type FactLike} from "../components/charts/facts.ts";
import {CHARTS} from "../components/charts/registry.ts";
import * as md from "../components/charts/magdeburg-stadtteile.ts";
import * as ni from "../components/charts/niedersachsen-kreise.ts";
import * as gem from "../components/charts/gemeinden.ts";
import {wolfsburgFigure} from "../components/charts/wolfsburg.ts";
import * as age from "../components/charts/altersstruktur.ts";
import {conceptFigure} from "../components/charts/konzepte.ts";
import {reproductionById} from "../components/charts/embed.ts";
import {buildReproduction} from "../loaders/model/reproduction.ts";
import {buildConceptCatalogue, type ConceptCatalogue} from "../loaders/model/concept-catalogue.ts";
import * as vgl from "../components/charts/vergleich.ts";
import * as de from "../components/charts/deutschland-kreise.ts";
import {readComparability} from "../loaders/model/comparability.ts";
import {comparisonRows, comparisonTable} from "../loaders/model/comparison.ts";
import {readableFacts} from "../loaders/site/site-bundle.ts";
import {buildImAgeGroups} from "../loaders/model/agegroups.ts";
import {SourceUnavailableError} from "../loaders/source/errors.ts";
import {isStrict} from "../loaders/source/paths.ts";
import {catalogue} from "../loaders/model/catalogue.ts";
import {BOUNDARIES, type BoundaryName} from "../loaders/model/maps.ts";
import {factsTable, toIPC, type Fact} from "../loaders/model/model.ts";
import {buildDocumentFacts, EXTRACTS, FACT_TABLES} from "../loaders/model/tables.ts";
import {ensureOutput} from "../loaders/output-store.ts";
import {kreisPyramidFor, kreisPyramidParams} from "../components/charts/kreis-pyramide.ts";

/** Width of every static chart (the pages draw at most 760–820 px, the small multiples 1100). */
export const STATIC_WIDTH = 760;

/** Facts as a page reads them: through the Arrow file's schema and back. */
function asPublished(facts: readonly Fact[]): FactLike[] {
  return arrowFacts(tableFromIPC(toIPC(factsTable(facts))));
}

/**
 * An output's bytes as the build has stored them (loaders/outputs.ts): the
 * very file the page loads, without building or serialising it again;
 * undefined when it was built without a source, so that the caller goes
 * through the builder, which names the source missing.
 */
async function stored(output: string): Promise<Buffer | undefined> {
  const done = await ensureOutput(output);
  return done.missing.length ? undefined : done.bytes;
}

/** A fact table as a page reads it: its stored Arrow file, or through the table's (memoised) builder. */
async function fromStore(output: string, build: () => Promise<{facts: Fact[]}>): Promise<FactLike[]> {
  const bytes = await stored(output);
  return bytes ? arrowFacts(tableFromIPC(bytes)) : asPublished((await build()).facts);
}

async function features(name: BoundaryName, object: string): Promise<GeoFeature[]> {
  const bytes = await stored(`boundaries/${name}.json`);
  const topology = JSON.parse(bytes ? bytes.toString("utf8") : JSON.stringify(await BOUNDARIES[name]())) as Topology;
  if (!topology.objects[object]) return [];
  return (feature(topology, topology.objects[object]) as unknown as {features: GeoFeature[]}).features;
}

const noParams = () => null;

type Maker = (doc: Document) => Promise<HTMLElement | null>;

/** One maker per static chart id: data as the page loads it, the page's default view. */
export function makers(): Record<string, Maker> {
  let mdFacts: Promise<FactLike[]> | undefined;
  const magdeburg = () => (mdFacts ??= fromStore("facts-magdeburg.arrow", FACT_TABLES["facts-magdeburg"]));
  let imAge: Promise<FactLike[]> | undefined;
  const imAges = () => (imAge ??= fromStore("im-auslaender-alter.arrow", buildImAgeGroups));

  const mdDefault = async (doc: Document, which: "map" | "multiples") => {
    const facts = await magdeburg();
    const years = md.mdYears(facts);
    const params = md.mdParams(noParams, years);
    const rows = md.mdRows(facts, params.measure, params.age);
    const stadtteile = await features("magdeburg-stadtteile", "stadtteile");
    if (which === "multiples") return md.mdMultiplesFigure(md.mdSeries(rows), stadtteile, {width: 1100, method: params.method, classes: params.classes, seriesLabel: md.seriesLabelOf(params.measure, params.age), document: doc});
    return md.mdMapFigure(md.mdView(rows, params), stadtteile, {width: STATIC_WIDTH, method: params.method, classes: params.classes, symbols: params.symbols, document: doc});
  };

  let niData: Promise<{facts: FactLike[]; entry: ni.CatalogueEntry}> | undefined;
  const niDefault = async (doc: Document, which: "map" | "multiples") => {
    const {facts, entry} = await (niData ??= (async () => {
      const rates = await fromStore("im-kreis-rates.arrow", EXTRACTS["im-kreis-rates"]);
      const built = await FACT_TABLES["facts-im"]();
      const entries = catalogue(built.facts, built.indicators);
      const ids = [...new Set(rates.map((f) => f.indicator))].sort();
      const wanted = entries.find((e) => e.id === ni.DEFAULT_INDICATOR && ids.includes(e.id)) ?? entries.find((e) => e.id === ids[0]);
      if (!wanted) throw new Error("static figures: no indicator for the Kreis map");
      return {facts: rates.filter((f) => f.indicator === wanted.id), entry: wanted};
    })());
    const params = ni.niParams(noParams);
    const variant = ni.pickVariant(ni.niVariants(facts), params.variant, entry);
    const years = ni.niYears(facts, variant);
    const series = ni.niSeries(facts, variant);
    const kreise = await features("ni-kreise", "kreise");
    const drawn = new Set(kreise.map((f) => String(f.id)));
    // The break registry as the build writes comparability.json: the page, its embed and this image name the same breaks.
    const rules = JSON.parse(JSON.stringify(readComparability()));
    if (which === "multiples") return ni.niMultiplesFigure(series, kreise, drawn, {indicator: entry, variant, width: 1100, method: params.method, classes: params.classes, rules, document: doc});
    const view = ni.niView(series, drawn, {indicator: entry, variant, year: years.at(-1) as number, base: years[0], change: false, rules});
    return ni.niMapFigure(view, kreise, {width: STATIC_WIDTH, method: params.method, classes: params.classes, document: doc});
  };

  const imAgeDefault = async (doc: Document) => {
    const facts = await imAges();
    const areas = age.ageAreas(facts, "im:1-2-6", ["kreis", "kreisteil"]);
    const area = areas[0];
    const year = age.ageYears(facts, "im:1-2-6").at(-1) as number;
    const own = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", area.id, year), age.IM_BANDS);
    const land = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", age.LAND, year), age.IM_BANDS);
    const landName = facts.find((f) => f.area_id === age.LAND)?.area_name ?? "Niedersachsen";
    if (!own.rows) return null;
    // The default area is no part of Region Hannover: no quality warning applies.
    return age.niAgeFigure({name: area.name, rows: own.rows, total: own.total}, land.rows ? {name: landName, rows: land.rows, total: land.total} : null, {year, relative: true, width: STATIC_WIDTH, document: doc});
  };

  let conceptCatalogue: ConceptCatalogue | undefined;
  const concepts = Object.fromEntries(CHARTS.filter((c) => c.page.startsWith("/konzepte/")).map((c): [string, Maker] => [c.id, async (doc) => {
    // As the page: its default view, from the catalogue src/data/concepts.json is written from.
    const figure = conceptFigure(c.id, (conceptCatalogue ??= buildConceptCatalogue()), noParams, {width: STATIC_WIDTH, document: doc});
    if (!figure) throw new Error(`static figures: ${c.id} is no concept chart`);
    return figure;
  }]));

  let reproductionData: ReturnType<typeof buildReproduction> | undefined;
  const reproduction = Object.fromEntries(CHARTS.filter((c) => c.page.startsWith("/reproduktion/")).map((c): [string, Maker] => [c.id, async (doc) => {
    const figure = reproductionById(c.id, await (reproductionData ??= buildReproduction()), {document: doc, base: "../reproduktion/"});
    if (!figure) throw new Error(`static figures: ${c.id} is no reproduction table`);
    return figure;
  }]));

  // indicators.json as the build writes it (through JSON, as the pages read it), for the comparison and the Germany map.
  let published: Promise<{facts: Fact[]; entries: vgl.IndicatorEntry[] & Parameters<typeof de.deIndicators>[0]}> | undefined;
  const publishedCatalogue = () => (published ??= readableFacts().then(({facts, indicators}) => ({facts, entries: JSON.parse(JSON.stringify(catalogue(facts, indicators)))})));

  // The comparison page's default view, from vergleich.arrow, indicators.json and comparability.json as the build writes them.
  let vglData: Promise<vgl.ComparisonView | null> | undefined;
  const vglDefault = async (doc: Document, which: "lines" | "ranking" | "difference") => {
    const view = await (vglData ??= (async () => {
      const {facts, entries} = await publishedCatalogue();
      const data = vgl.arrowComparisonData(tableFromIPC((await stored("vergleich.arrow")) ?? toIPC(comparisonTable(comparisonRows(facts)))));
      return vgl.comparisonFor(data, vgl.comparisonParams(noParams), {catalogue: entries, rules: JSON.parse(JSON.stringify(readComparability()))});
    })());
    if (!view) return null;
    return which === "lines" ? vgl.linesFigure(view, {width: STATIC_WIDTH, document: doc}) : which === "ranking" ? vgl.rankingFigure(view, {width: STATIC_WIDTH, document: doc}) : vgl.differenceFigure(view, {document: doc});
  };

  return {
    ...concepts,
    ...reproduction,
    "vergleich-linien": (doc) => vglDefault(doc, "lines"),
    "vergleich-rangfolge": (doc) => vglDefault(doc, "ranking"),
    "vergleich-abstand": (doc) => vglDefault(doc, "difference"),
    "niedersachsen-kreise": (doc) => niDefault(doc, "map"),
    "niedersachsen-kreise-jahre": (doc) => niDefault(doc, "multiples"),
    "magdeburg-stadtteile": (doc) => mdDefault(doc, "map"),
    "magdeburg-stadtteile-jahre": (doc) => mdDefault(doc, "multiples"),
    // The Germany map's default view, from de-kreis-karte.arrow, indicators.json and the VG5000 boundaries as the build writes them.
    "deutschland-kreise": async (doc) => {
      const facts = await fromStore("de-kreis-karte.arrow", EXTRACTS["de-kreis-karte"]);
      const {entries} = await publishedCatalogue();
      return de.deMapFor(facts, entries, await features("de-kreise", "kreise"), await features("de-kreise", "laender"), de.deParams(noParams), {width: 720, document: doc});
    },
    // The Kreis pyramid's default view (Magdeburg, 2020, absolute), from de-pyramiden.arrow as the build writes it.
    "kreis-pyramide": async (doc) => kreisPyramidFor(await fromStore("de-pyramiden.arrow", EXTRACTS["de-pyramiden"]), kreisPyramidParams(noParams), {width: STATIC_WIDTH, document: doc}),
    "gemeinden-dichte": async (doc) => {
      const facts = await fromStore("facts-gemeinden.arrow", FACT_TABLES["facts-gemeinden"]);
      const params = gem.gemParams(noParams);
      const view = gem.gemView(gem.gemRows(facts), await features("gemeinden", "gemeinden"), params.gebiet);
      return gem.gemFigure(view, {width: STATIC_WIDTH, method: params.method, classes: params.classes, symbols: params.symbols, document: doc});
    },
    "wolfsburg-stadtteile": async (doc) => wolfsburgFigure(await features("wolfsburg-stadtteile", "stadtteile"), {width: STATIC_WIDTH, document: doc}),
    "magdeburg-alterspyramide": async (doc) => {
      const facts = await magdeburg();
      const years = age.pyramidYears(facts);
      const params = age.pyramidParams(noParams, years);
      const ofYear = (y: number) => facts.filter((f) => f.indicator === "md:bevoelkerung" && f.area_id === age.MD_CITY && f.year === y && f.age_group !== "total");
      const loaded = [params.year, ...age.pyramidCompared(params)].map((y) => age.pyramidYear(ofYear(y), y, params.bySex));
      return age.pyramidFigure(loaded, {bySex: params.bySex, relative: params.relative, compareYears: params.compareYears, sexYears: years.sexYears, width: STATIC_WIDTH, document: doc});
    },
    "magdeburg-auslaender-alter": async (doc) => {
      const facts = await magdeburg();
      const areas = age.ageAreas(facts.filter((f) => f.age_group !== "total"), "md:auslaender", ["stadtteil", "gemeinde"]);
      const area = areas.filter((a) => a.level === "stadtteil")[0];
      const year = age.ageYears(facts, "md:auslaender").at(-1) as number;
      const own = age.ageBandsOf(age.ageFacts(facts, "md:auslaender", area.id, year), age.MD_BANDS);
      const city = age.ageBandsOf(age.ageFacts(facts, "md:auslaender", age.MD_CITY, year), age.MD_BANDS);
      if (!own.rows) return null;
      return age.mdAgeFigure({name: area.name, rows: own.rows, total: own.total}, city.rows ? {name: "Magdeburg insgesamt", rows: city.rows, total: city.total} : null, {year, relative: true, width: STATIC_WIDTH, document: doc});
    },
    "niedersachsen-auslaender-alter": imAgeDefault,
    "goettingen-landkreis-auslaender-alter": async (doc) => {
      const facts = await imAges();
      const year = 2022;
      const kreis = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", age.GOETTINGEN, year), age.IM_BANDS);
      const land = age.ageBandsOf(age.ageFacts(facts, "im:1-2-6", age.LAND, year), age.IM_BANDS);
      if (!kreis.rows) return null;
      const {foreignersCity} = age.goettingenDocFacts(goettingenDocs());
      return age.goettingenAgeFigure({name: "Landkreis Göttingen", rows: kreis.rows, total: kreis.total}, land.rows ? {name: "Niedersachsen", rows: land.rows, total: land.total} : null, {year, relative: true, foreignersCity, width: STATIC_WIDTH, document: doc});
    },
    "goettingen-alter-text": async (doc) => age.goettingenTextFigure(age.goettingenDocFacts(goettingenDocs()), {document: doc})
  };
}

/** The concept's Göttingen 2022 facts the age page cites, in source-row order (as its query). */
function goettingenDocs(): age.DocFact[] {
  const wanted = ["goettingen:migration_background_persons", "goettingen:population_residence_entitled", "goettingen:foreigners_persons"];
  return asPublished(buildDocumentFacts().facts)
    .filter((f) => f.source_id === "doc-goettingen" && f.area_id === "03159016" && f.year === 2022 && f.sex === "total" && (f.category ?? "total") === "total" && wanted.includes(f.indicator))
    .sort((a, b) => (a.source_row ?? 0) - (b.source_row ?? 0));
}

/** Every static chart's SVG text, by id; charts whose data are missing are left out (and named). */
export async function staticFigures({only, log = console.error, missing}: {only?: string[]; log?: (m: string) => void; missing?: Set<string>} = {}): Promise<Map<string, string>> {
  const {window} = new JSDOM("<!doctype html><html lang=\"de\"><body></body></html>");
  const doc = window.document;
  const serializer = new window.XMLSerializer();
  const all = makers();
  const out = new Map<string, string>();
  for (const entry of CHARTS.filter((c) => c.static && (!only || only.includes(c.id)))) {
    const make = all[entry.id];
    if (!make) throw new Error(`static figures: no maker for ${entry.id}`);
    let root: HTMLElement | null;
    try {
      root = await make(doc);
    } catch (error) {
      // As the data loaders: without a source the build goes on (a notice in the image), strict mode refuses.
      if (!(error instanceof SourceUnavailableError) || isStrict()) throw error;
      log(`static figures: ${entry.id}: source missing (${error.sourceId}); placeholder image`);
      missing?.add(error.sourceId);
      out.set(entry.id, serializeSvg(placeholder(doc, entry.title, `Quelle nicht verfügbar: ${error.sourceId}. Die Abbildung erscheint, sobald die Quelle beim Bau gelesen werden kann.`), serializer));
      continue;
    }
    if (!root) {
      log(`static figures: ${entry.id} has no data in this build; placeholder image`);
      out.set(entry.id, serializeSvg(placeholder(doc, entry.title, "Für die Standardansicht liegen in diesem Bau keine Daten vor."), serializer));
      continue;
    }
    const svg = exportFigure(root, {document: doc, url: `${entry.page} (Standardansicht)`, width: entry.id.endsWith("-jahre") ? 1100 : undefined});
    out.set(entry.id, serializeSvg(svg, serializer));
  }
  return out;
}

/** An image that says why the figure is missing (never an empty or a stale chart). */
function placeholder(doc: Document, title: string, text: string): SVGSVGElement {
  const p = doc.createElement("p");
  p.textContent = text;
  return exportSvg(p, {title, source: "–", date: "–", licence: "–"}, {document: doc, width: 640});
}

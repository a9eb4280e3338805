/**
 * Every output the site's data loaders serve, with the inputs it reads: the
 * one place where an output declares its dependencies. The output store
 * (output-store.ts) keys each output by the bytes of exactly these inputs
 * plus the code that builds it, and refuses a build that reads a source it
 * did not declare here.
 *
 * A new source: pin it in data/sources.json, write its parser under
 * loaders/parse/, and add its id to `sources` of every output built from it
 * (and an entry here if it gets a table of its own).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {factsTable, toIPC, type Fact} from "./model/model.ts";
import {existingRoutes} from "./site/routes.ts";
import {projectRoot} from "./source/paths.ts";

export interface Built {
  bytes: Uint8Array | string;
  /** Sources the build could not use (missing, or bytes not the pinned ones); their parts are empty. */
  missing: string[];
}

export interface OutputSpec {
  /** The file under src/data/ that Framework serves, or an internal name (site-bundle). */
  name: string;
  /** Source ids (data/sources.json) whose pinned files it reads. */
  sources: readonly string[];
  /** Project files and folders it reads (transcriptions, rules, the concept texts). */
  files: readonly string[];
  /** Modules that build it; their local imports are followed (the code is part of the key). */
  code: readonly string[];
  /** Framework cache entries of page loaders that print from this output (files or folders, relative to src/). */
  pages?: readonly string[];
  /**
   * Where Framework caches what its loader (src/<target>.ts) prints, when
   * that is not data/<name>: the build puts the stored output there itself,
   * and an archive's files beside it, so that no loader process runs.
   */
  target?: string;
  /** Anything else the output depends on (the list of pages that exist, for links). */
  extra?: () => string;
  /** Absent for a Framework loader that builds its output itself: the store only keys it (its cached copy goes when the key moves). */
  build?: () => Promise<Uint8Array | string | Built>;
  /** The output of the right shape when its only source is missing. */
  empty?: () => Uint8Array | string;
}

const IM = "im-niedersachsen";
const GERMANY_12411 = "destatis-12411";
const INKAR = "inkar";
/** The Germany-wide tables (12411-0018, INKAR) also carry the Destatis 2018 rates and Magdeburg's register sums. */
const GERMANY_SOURCES = [GERMANY_12411, INKAR, "destatis-kreise", "kiss-md"];
/** The concept documents: transcribed statistics, their areas, and the texts they cite. */
const DOCUMENTS = ["data/documents", "data/document-areas.csv", "../shared/seeds"];
/** What every fact table together reads. */
const FACT_SOURCES = [IM, "kiss-md", "destatis-kreise", "goettingen-sdg", "vg250-ew", GERMANY_12411, INKAR];
/** The reviewed titles, stock/flow timing and variant words (loaders/model/indicator-meta.ts), and the series breaks. */
const META_FILES = ["data/indicators.csv", "data/category-words.csv", "data/series-breaks.csv"];
const FACT_FILES = ["data/im-units.csv", ...META_FILES, ...DOCUMENTS];
const TABLES = ["loaders/model/tables.ts"];

async function tables() {
  return import("./model/tables.ts");
}

function ipc(facts: Fact[]): Uint8Array {
  return toIPC(factsTable(facts));
}

const emptyFacts = () => ipc([]);

/** One fact table or extract: built whole, or empty when its source is missing. */
function factOutput(table: string, sources: string[], files: string[]): OutputSpec {
  return {
    name: `${table}.arrow`,
    sources,
    files,
    code: TABLES,
    build: async () => {
      const {FACT_TABLES, EXTRACTS} = await tables();
      const builder = (FACT_TABLES as Record<string, () => Promise<{facts: Fact[]}>>)[table] ?? (EXTRACTS as Record<string, () => Promise<{facts: Fact[]}>>)[table];
      return ipc((await builder()).facts);
    },
    empty: emptyFacts
  };
}

function boundaryOutput(name: string, sources: string[]): OutputSpec {
  return {
    name: `boundaries/${name}.json`,
    sources,
    files: [],
    code: ["loaders/model/maps.ts"],
    build: async () => {
      const {BOUNDARIES} = await import("./model/maps.ts");
      return JSON.stringify(await BOUNDARIES[name as keyof typeof BOUNDARIES]());
    },
    empty: () => JSON.stringify({type: "Topology", objects: {}, arcs: []})
  };
}

function existingRoutesNow(): Set<string> {
  return existingRoutes();
}

/** sources.json reads every pinned source. */
function allSourceIds(): string[] {
  return (JSON.parse(readFileSync(join(projectRoot, "data", "sources.json"), "utf8")) as {sources: {id: string}[]}).sources.map((s) => s.id);
}

export const OUTPUTS: readonly OutputSpec[] = [
  factOutput("facts-im", [IM], ["data/im-units.csv", ...META_FILES]),
  factOutput("facts-magdeburg", ["kiss-md"], []),
  factOutput("facts-destatis", ["destatis-kreise"], []),
  factOutput("facts-goettingen-sdg", ["goettingen-sdg"], DOCUMENTS),
  factOutput("facts-documents", [], DOCUMENTS),
  factOutput("facts-gemeinden", ["vg250-ew"], []),
  factOutput("im-kreis-rates", [IM], ["data/im-units.csv", ...META_FILES]),
  factOutput("de-kreis-karte", GERMANY_SOURCES, META_FILES),
  factOutput("de-pyramiden", GERMANY_SOURCES, META_FILES),
  {
    name: "im-auslaender-alter.arrow",
    sources: [IM],
    files: ["data/im-units.csv"],
    code: ["loaders/model/agegroups.ts"],
    build: async () => ipc((await (await import("./model/agegroups.ts")).buildImAgeGroups()).facts),
    empty: emptyFacts
  },
  {
    name: "areas.arrow",
    sources: FACT_SOURCES,
    files: FACT_FILES,
    code: [...TABLES, "loaders/model/catalogue.ts"],
    build: async () => {
      const {areas} = await import("./model/catalogue.ts");
      const {areasTable} = await import("./model/model.ts");
      const {allFacts, readableTables} = await tables();
      const {tables: built, missing} = await readableTables();
      return {bytes: toIPC(areasTable(areas(allFacts(built)))), missing};
    },
  },
  {
    name: "indicators.json",
    sources: FACT_SOURCES,
    files: FACT_FILES,
    code: [...TABLES, "loaders/model/catalogue.ts"],
    build: async () => {
      const {catalogue} = await import("./model/catalogue.ts");
      const {allFacts, readableTables} = await tables();
      const {tables: built, indicators, missing} = await readableTables();
      return {bytes: JSON.stringify(catalogue(allFacts(built), indicators)), missing};
    },
    empty: () => "[]"
  },
  {
    name: "quality.json",
    // The join checks read the boundaries of Kreise, Gemeinden and Magdeburg's Stadtteile.
    sources: [...FACT_SOURCES, "magdeburg-stadtteile"],
    files: FACT_FILES,
    code: [...TABLES, "loaders/model/joins.ts"],
    build: async () => {
      const {checkJoins} = await import("./model/joins.ts");
      const {allFacts, readableTables, FACT_TABLE_NAMES} = await tables();
      const {isUnusableSource} = await import("./source/errors.ts");
      const {isStrict} = await import("./source/paths.ts");
      const {tables: built, missing} = await readableTables();
      const findings: object[] = FACT_TABLE_NAMES.flatMap((table) => (built[table]?.findings ?? []).map((finding) => ({table, ...finding})));
      try {
        findings.push(...(await checkJoins(allFacts(built))).map((finding) => ({table: "boundaries", ...finding})));
      } catch (error) {
        if (!isUnusableSource(error) || isStrict()) throw error;
        if (!missing.includes(error.sourceId)) missing.push(error.sourceId);
      }
      return {bytes: JSON.stringify(findings), missing};
    },
    empty: () => "[]"
  },
  {
    name: "sources.json",
    sources: allSourceIds(),
    files: [],
    code: ["loaders/source/status.ts"],
    build: async () => {
      const {allSourceStatus, howToGet} = await import("./source/status.ts");
      const status = await allSourceStatus();
      return {bytes: JSON.stringify(status.map((s) => ({...s, how_to_get: s.available ? null : howToGet(s)}))), missing: status.filter((s) => !s.available).map((s) => s.id)};
    },
    empty: () => "[]"
  },
  {
    name: "comparability.json",
    sources: [],
    files: ["data/comparability.csv", "data/series-breaks.csv"],
    code: ["loaders/model/comparability.ts"],
    build: async () => JSON.stringify((await import("./model/comparability.ts")).readComparability()),
    empty: () => "[]"
  },
  {
    name: "concepts.json",
    sources: [],
    files: ["data/concepts", ...DOCUMENTS],
    code: ["loaders/model/concept-catalogue.ts"],
    build: async () => JSON.stringify((await import("./model/concept-catalogue.ts")).buildConceptCatalogue()),
    empty: () => JSON.stringify({documents: [], elements: [], links: [], themes: []})
  },
  {
    name: "reproduction.json",
    sources: FACT_SOURCES,
    files: FACT_FILES,
    code: ["loaders/model/reproduction.ts"],
    build: async () => {
      const reproduction = await (await import("./model/reproduction.ts")).buildReproduction();
      return {bytes: JSON.stringify(reproduction), missing: reproduction.unavailable};
    },
    empty: () => JSON.stringify({documents: [], unavailable: ["reproduction"]})
  },
  {
    name: "vergleich.arrow",
    sources: FACT_SOURCES,
    files: [...FACT_FILES, "data/places.csv"],
    code: [...TABLES, "loaders/model/comparison.ts"],
    build: async () => {
      const {comparisonRows, comparisonTable} = await import("./model/comparison.ts");
      const {allFacts, readableTables} = await tables();
      const {tables: built, missing} = await readableTables();
      return {bytes: toIPC(comparisonTable(comparisonRows(allFacts(built)))), missing};
    },
  },
  {
    // Every generated page (profiles, embeds, the indicator catalogue) in one JSON: page loaders read their page from it.
    name: "site-bundle",
    sources: FACT_SOURCES,
    files: [...FACT_FILES, "data/places.csv", "data/comparability.csv"],
    code: ["loaders/site/site-bundle.ts", "loaders/site/profile-page.ts", "loaders/site/profile-embed-page.ts", "loaders/site/catalogue-page.ts", "loaders/model/profiles.ts", "loaders/model/catalogue.ts", "loaders/model/comparison.ts", ...TABLES],
    pages: ["orte", "einbetten/orte", "kreise", "indikatoren.md"],
    extra: () => [...existingRoutesNow()].sort().join("\n"),
    build: async () => {
      const {buildSiteBundle} = await import("./site/site-bundle.ts");
      const bundle = await buildSiteBundle();
      return {bytes: JSON.stringify(bundle), missing: bundle.missing};
    },
  },
  {
    // The home page's place search: profiles, Stadtteile, and the Kreise of Germany (names from 12411-0018).
    name: "orte-suche.json",
    sources: GERMANY_SOURCES,
    files: ["data/places.csv", ...META_FILES],
    code: ["loaders/site/place-index.ts", "loaders/model/germany.ts"],
    extra: () => [...existingRoutesNow()].sort().join("\n"),
    build: async () => {
      const {searchablePlaces} = await import("./site/place-index.ts");
      const routes = existingRoutesNow();
      if (!routes.has("/kreise")) return {bytes: JSON.stringify(searchablePlaces(routes)), missing: []};
      const {buildGermanyFacts} = await import("./model/germany.ts");
      const {isUnusableSource} = await import("./source/errors.ts");
      const {isStrict} = await import("./source/paths.ts");
      // Without the Germany sources the search still finds every profile and Stadtteil.
      const built = await buildGermanyFacts().catch((error) => {
        if (isUnusableSource(error) && !isStrict()) return error as {sourceId: string};
        throw error;
      });
      if ("sourceId" in built) return {bytes: JSON.stringify(searchablePlaces(routes)), missing: [built.sourceId]};
      // The Kreise of the latest year (Gebietsstand 31.12.2020), as /kreise lists them.
      const population = built.facts.filter((f) => f.area_level === "kreis" && f.indicator === "destatis:bevoelkerung" && f.sex === "total" && f.age_group === "total");
      const latest = population.reduce((max, f) => Math.max(max, f.year ?? 0), 0);
      return {bytes: JSON.stringify(searchablePlaces(routes, population.filter((f) => f.year === latest))), missing: []};
    }
  },
  {
    name: "profile-charts.json",
    sources: FACT_SOURCES,
    files: [...FACT_FILES, "data/places.csv", "data/comparability.csv"],
    code: ["loaders/site/profile-embed-page.ts", "loaders/site/site-bundle.ts"],
    extra: () => [...existingRoutesNow()].sort().join("\n"),
    build: async () => {
      const {profileChartList} = await import("./site/profile-embed-page.ts");
      const {siteBundle} = await import("./site/site-bundle.ts");
      const bundle = await siteBundle();
      return {bytes: JSON.stringify(profileChartList(bundle)), missing: bundle.missing};
    },
    empty: () => "[]"
  },
  {
    // The static SVGs (/abbildungen/): drawn from the tables the build has built, as a tar archive that Framework extracts.
    name: "static-figures",
    // The maps' boundaries too (the Germany map's VG5000 among them).
    sources: [...FACT_SOURCES, "magdeburg-stadtteile", "wolfsburg-stadtteile", "vg5000"],
    files: [...FACT_FILES, "data/places.csv", "data/comparability.csv"],
    code: ["scripts/figure-archive.ts", "loaders/site/site-bundle.ts"],
    pages: ["abbildungen.tar", "abbildungen"],
    target: "abbildungen.tar",
    extra: () => [...existingRoutesNow()].sort().join("\n"),
    build: async () => (await import("../scripts/figure-archive.ts")).figureArchive()
  },
  {
    // The home page, from the profiles' data in the site bundle.
    name: "index.md",
    sources: FACT_SOURCES,
    files: [...FACT_FILES, "data/places.csv", "data/comparability.csv"],
    code: ["loaders/site/home-page.ts", "loaders/site/site-bundle.ts", "loaders/model/comparability.ts"],
    pages: ["index.md"],
    target: "index.md",
    extra: () => [...existingRoutesNow()].sort().join("\n"),
    build: async () => {
      const {homeMarkdown} = await import("./site/home-page.ts");
      const {siteBundle} = await import("./site/site-bundle.ts");
      const {readComparability} = await import("./model/comparability.ts");
      const bundle = await siteBundle();
      return {bytes: homeMarkdown(bundle.profiles, {routes: existingRoutesNow(), rules: readComparability()}), missing: bundle.missing};
    }
  },
  {
    // Compact profiles of every Kreis of Germany, one page.
    name: "kreise.md",
    sources: GERMANY_SOURCES,
    files: ["data/places.csv", ...META_FILES],
    code: ["loaders/site/kreise-page.ts", "loaders/model/germany.ts"],
    pages: ["kreise.md"],
    target: "kreise.md",
    build: async () => {
      const {kreiseMarkdown} = await import("./site/kreise-page.ts");
      const {buildGermanyFacts} = await import("./model/germany.ts");
      return kreiseMarkdown((await buildGermanyFacts()).facts);
    },
    empty: () => "# Alle Kreise Deutschlands\n\nDie Quellen (Destatis 12411-0018, INKAR) fehlen in diesem Bau.\n"
  },
  {
    // Every pinned file of every source (path, SHA-256, bytes) for the register on /quellen; no upstream file read.
    name: "source-files.json",
    sources: [],
    files: ["data/sources.json"],
    code: ["loaders/source/sources.ts"],
    build: async () => {
      const {registry} = await import("./source/sources.ts");
      return JSON.stringify(registry().sources.map((s) => ({id: s.id, files: s.files.map((f) => [f.path, f.sha256, f.bytes])})));
    }
  },
  boundaryOutput("ni-kreise", [IM]),
  boundaryOutput("gemeinden", ["vg250-ew"]),
  boundaryOutput("gemeinden-ni", ["vg250-ew"]),
  boundaryOutput("magdeburg-stadtteile", ["magdeburg-stadtteile"]),
  boundaryOutput("wolfsburg-stadtteile", ["wolfsburg-stadtteile"]),
  boundaryOutput("de-kreise", ["vg5000"])
];

export function output(name: string): OutputSpec {
  const found = OUTPUTS.find((o) => o.name === name);
  if (!found) throw new Error(`no output "${name}" in loaders/outputs.ts (there: ${OUTPUTS.map((o) => o.name).join(", ")})`);
  return found;
}

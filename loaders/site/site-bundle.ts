/**
 * The generated pages (profiles, place index, indicator catalogue), built
 * once per data state and kept on disk. Framework runs a page loader once per
 * page, each in its own process; 50 profile pages must not each parse every
 * source and load the chart libraries again. So the first page loader builds
 * every page's Markdown in one go, and the others only read their page.
 *
 * The bundle is an output of the output store (loaders/outputs.ts,
 * "site-bundle"): keyed by the bytes of its sources and transcriptions, the
 * code that renders the pages (components/ included) and the list of pages
 * that exist (links go only there).
 */
import type {ChartSpec} from "../../components/profilechart.ts";
import type {CatalogueEntry} from "../model/catalogue.ts";
import type {ImIndicator} from "../parse/im.ts";
import type {Fact} from "../model/model.ts";
import type {Profile} from "../model/profiles.ts";
import type {StadtteilProfile} from "../model/stadtteile.ts";
import {existingRoutes} from "./routes.ts";

export interface SiteBundle {
  key: string;
  /** Sources the build could not read (their figures say so). */
  missing: string[];
  catalogue: CatalogueEntry[];
  profiles: Profile[];
  /** Markdown of every generated page, by route. */
  pages: Record<string, string>;
  /** The charts of each profile page by place slug, as the page inlines them (embed pages, static SVGs, the embed index); Stadtteile under magdeburg/<slug>. */
  charts: Record<string, ChartSpec[]>;
  /** Magdeburg's Stadtteile with their profile pages (/orte/magdeburg/<slug>). */
  stadtteile: StadtteilProfile[];
}

/** Every fact table that can be built; a missing source leaves its table empty (strict mode refuses). */
export async function readableFacts(): Promise<{facts: Fact[]; indicators: ImIndicator[]; missing: string[]}> {
  const {allFacts, readableTables} = await import("../model/tables.ts");
  const {tables, indicators, missing} = await readableTables();
  return {facts: allFacts(tables), indicators, missing};
}

export async function buildSiteBundle(key = "", routes: ReadonlySet<string> = existingRoutes()): Promise<SiteBundle> {
  const {catalogue} = await import("../model/catalogue.ts");
  const {profiles} = await import("../model/profiles.ts");
  const {profileCharts, profileMarkdown} = await import("./profile-page.ts");
  const {profileEmbedMarkdown, profileEmbedRoute} = await import("./profile-embed-page.ts");
  const {catalogueMarkdown, placesIndexMarkdown} = await import("./catalogue-page.ts");
  const {readComparability} = await import("../model/comparability.ts");
  const {facts, indicators, missing} = await readableFacts();
  const entries = catalogue(facts, indicators);
  const all = profiles(facts);
  const rules = readComparability();
  const {comparedIndicators, kreisIndicators} = await import("../model/comparison.ts");
  const {RATE_UNITS} = await import("../model/tables.ts");
  // As the Kreis map (im-kreis-rates) offers them: rates for at least 40 Kreise.
  const mapped = routes.has("/karten/niedersachsen") ? kreisIndicators(facts, 40, RATE_UNITS) : new Set<string>();
  const pages: Record<string, string> = {"/indikatoren": catalogueMarkdown(entries, {missing, compared: comparedIndicators(facts), mapped}), "/orte/": placesIndexMarkdown(all)};
  const charts: Record<string, ChartSpec[]> = {};
  // Magdeburg's Stadtteile: one profile each, from the same facts in the same process (no process per page).
  const {stadtteilProfiles} = await import("../model/stadtteile.ts");
  const {stadtteilChart, stadtteilList, stadtteilMarkdown, stadtteilRoute} = await import("./stadtteil-page.ts");
  const stadtteile = stadtteilProfiles(facts.filter((f) => f.source_id === "kiss-md"));
  const magdeburg = all.find((p) => p.place.area_id === "15003000");
  for (const st of magdeburg ? stadtteile : []) {
    pages[stadtteilRoute(st)] = stadtteilMarkdown(st);
    const spec = stadtteilChart(st);
    charts[`magdeburg/${st.slug}`] = spec ? [spec] : [];
    if (spec) pages[profileEmbedRoute(spec)] = profileEmbedMarkdown({...magdeburg!.place, name: `${st.name} (Magdeburg)`}, spec);
  }
  // Each Kreis's rank among all Kreise of Germany (12411-0018, INKAR), for the profiles of Kreise and kreisfreie Städte.
  const {kreisRanks, kreisRankSection} = await import("./kreise-page.ts");
  const ranked = kreisRanks(facts);
  const {kreisIdOf} = await import("../model/places.ts");
  // Every Kreis of Germany its own compact page (/kreise/<AGS>), in this process.
  const {kreisPages} = await import("./kreis-page.ts");
  if (routes.has("/kreise")) {
    const withProfile = new Map(all.flatMap((p) => (kreisIdOf(p.place) ? [[kreisIdOf(p.place)!, p.place.slug] as const] : [])));
    Object.assign(pages, kreisPages({facts, ranked, rules, catalogue: entries, profiles: withProfile}));
  }
  for (const p of all) {
    const kreis = kreisIdOf(p.place);
    pages[`/orte/${p.place.slug}`] = profileMarkdown(p, {rules, missing, routes, stadtteile: p === magdeburg && stadtteile.length ? stadtteilList(stadtteile) : undefined, kreisRanks: kreis ? kreisRankSection(kreis, ranked) : null});
    // One embed page per chart (/einbetten/orte/<id>), drawn from the same specification.
    charts[p.place.slug] = profileCharts(p, rules);
    for (const spec of charts[p.place.slug]) pages[profileEmbedRoute(spec)] = profileEmbedMarkdown(p.place, spec);
  }
  return {key, missing, catalogue: entries, profiles: all, pages, charts, stadtteile};
}

let loaded: SiteBundle | undefined;

/** The bundle of this build, from the output store (loaders/outputs.ts declares its inputs). */
export async function siteBundle(): Promise<SiteBundle> {
  if (loaded) return loaded;
  const {ensureOutput} = await import("../output-store.ts");
  return (loaded = JSON.parse((await ensureOutput("site-bundle")).bytes.toString("utf8")) as SiteBundle);
}

/** Routes of the profile charts' embed pages, for the config's dynamicPaths: which charts a place has depends on the data. */
export async function profileEmbedPaths(): Promise<string[]> {
  return Object.keys((await siteBundle()).pages).filter((route) => route.startsWith("/einbetten/orte/"));
}

/** Routes of the Magdeburg Stadtteil profiles (/orte/magdeburg/<slug>), for the config's dynamicPaths. */
export async function stadtteilPaths(): Promise<string[]> {
  return Object.keys((await siteBundle()).pages).filter((route) => route.startsWith("/orte/magdeburg/"));
}

/** Routes of the Kreis pages (/kreise/<AGS>), for the config's dynamicPaths. */
export async function kreisPaths(): Promise<string[]> {
  return Object.keys((await siteBundle()).pages).filter((route) => route.startsWith("/kreise/"));
}

/** What a page loader prints: its page's Markdown. */
export async function printPage(route: string): Promise<void> {
  const page = (await siteBundle()).pages[route];
  if (page === undefined) {
    console.error(`${route}: no such generated page (places: data/places.csv)`);
    process.exit(1);
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(page, (error) => (error ? reject(error) : resolve())));
}

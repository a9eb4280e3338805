/**
 * Every table the atlas publishes, built from the sources through the
 * parsers, with its data-quality findings. Framework loaders (src/data/),
 * the CLI and the tests all call these functions.
 */
import {destatisFacts} from "../parse/destatis.ts";
import {checkDocumentSums, DOCUMENTS, documentFacts, documentSourceId} from "../parse/documents.ts";
import {gemeindeFacts} from "../parse/gemeinden.ts";
import {goettingenSdgFacts} from "../parse/goettingen-sdg.ts";
import {imIndicator, imIndicatorIds, imTranslations, IM_SOURCE, type ImIndicator} from "../parse/im.ts";
import {kissMdFacts, MAGDEBURG_ID} from "../parse/kissmd.ts";
import {isUnusableSource} from "../source/errors.ts";
import {noteRead, recordReads} from "../source/fetch.ts";
import {downloadCacheDir, isStrict, mirrorDir} from "../source/paths.ts";
import {readIndicatorMeta, referenceDate} from "./indicator-meta.ts";
import type {Fact} from "./model.ts";
import {buildGermanyFacts, buildGermanyMapFacts, buildGermanyPyramidFacts} from "./germany.ts";
import {checkAgeParts, checkGaps, checkImplausible, checkLastYearCoverage, checkSexParts, deduplicate, impossibleValues, partsTotalFinding, shareChecker, summariseNulls, type BaseRule, type Explain, type Finding, type ShareRule} from "./quality.ts";

export interface BuiltFacts {
  facts: Fact[];
  findings: Finding[];
}

function standardChecks(facts: Fact[], explain?: Explain): Finding[] {
  return [...checkSexParts(facts, {explain}), ...checkImplausible(facts), ...checkGaps(facts), ...checkLastYearCoverage(facts), ...summariseNulls(facts)];
}

/** AZR-based IM indicators (translations/de/MH.yml, AZR): counts rounded to multiples of 5 since 2016. */
const AZR_INDICATORS = new Set(["im:1-2-1", "im:1-2-2", "im:1-2-3", "im:1-2-4", "im:1-2-5", "im:1-2-6", "im:1-2-7", "im:2-1-1", "im:2-1-2", "im:2-1-3", "im:2-1-4", "im:2-1-5"]);

function azrRounding(total: Fact, difference: number, parts: number): string | undefined {
  if (!AZR_INDICATORS.has(total.indicator) || (total.year ?? 0) < 2016) return undefined;
  return Math.abs(difference) <= 5 * parts ? "AZR rundet seit 2016 jede Zahl auf ein Vielfaches von 5" : undefined;
}

const STATUS = (c: string) => `ohne Aufenthaltstitel=${c}`;
/**
 * IM shares whose counts the same file gives: each residence status per 100
 * foreigners without a title (2-1-5), by sex. AZR counts are rounded to 5.
 */
export const IM_SHARES: ShareRule[] = ["Duldung", "Aufenthaltsgestattung", "Ohne Duldung oder Gestattung"].map((c) => ({
  share: {indicator: "im:2-1-5", category: STATUS(c), unit: "percent"}, numerator: {indicator: "im:2-1-5", category: STATUS(c)}, denominator: {indicator: "im:2-1-5", category: STATUS("insgesamt")}, factor: 100, tolerance: 0.01, rounding: 2.5
}));

/** KISS-MD: the printed foreigners' share against its counts (printed to two decimals), and averages of a Stadtteil with nobody. */
export const MD_SHARES: ShareRule[] = [{share: {indicator: "md:auslaenderanteil", unit: "percent"}, numerator: {indicator: "md:auslaender"}, denominator: {indicator: "md:bevoelkerung"}, factor: 100, tolerance: 0.05}];
export const MD_BASES: BaseRule[] = [{indicators: ["md:billeter", "md:jugendquote", "md:altenquote", "md:durchschnittsalter"], base: {indicator: "md:bevoelkerung"}}];

export async function buildImFacts(): Promise<BuiltFacts & {indicators: ImIndicator[]}> {
  const translations = await imTranslations();
  const reviewed = readIndicatorMeta();
  const facts: Fact[] = [];
  const findings: Finding[] = [];
  const indicators: ImIndicator[] = [];
  for (const id of imIndicatorIds()) {
    const {meta, result} = await imIndicator(id, translations);
    indicators.push(meta);
    // Every fact its reference date: a stock's day, a flow's period (data/indicators.csv says which).
    for (const f of result.facts) f.reference_date = referenceDate(f, reviewed.get(f.indicator));
    facts.push(...result.facts);
    for (const note of result.notes) {
      findings.push({check: "source_note", severity: "info", source_id: IM_SOURCE, indicator: `im:${id}`, area_id: "", year: null, message: note.message, ref: note.ref});
    }
  }
  // A cell given twice with two values: the one its own counts confirm is kept (2-1-5 Niedersachsen 2024, male Gestattung).
  const check = shareChecker(facts, IM_SHARES);
  const settle = (candidates: Fact[]) => {
    const ok = candidates.filter((c) => check(c)?.verdict === "ok");
    if (ok.length !== 1) return undefined;
    const v = check(ok[0])!;
    return {fact: ok[0], why: `die Anzahlen derselben Datei ergeben ${v.numerator.value} von ${v.denominator.value} = ${(v.expected as number).toFixed(3)} (${v.numerator.source_ref}; ${v.denominator.source_ref}), passend nur zu ${ok[0].value}`};
  };
  const deduped = deduplicate(facts, {settle});
  const checked = impossibleValues(deduped.facts, {shares: IM_SHARES});
  deduped.facts = checked.facts;
  findings.push(...checked.findings);
  // Since 2016 the Ausländerzentralregister rounds every count to a multiple
  // of 5: parts may miss the total by a few; such findings are info, not warnings.
  findings.push(...deduped.findings, ...standardChecks(deduped.facts, (total, d) => azrRounding(total, d, 2)));
  findings.push(...checkAgeParts(deduped.facts, "im:1-2-6", () => true, {explain: (total, d) => azrRounding(total, d, 7)}));
  findings.push(...checkHannoverParts(deduped.facts));
  return {facts: deduped.facts, findings, indicators};
}

/** Region Hannover = Landeshauptstadt + Umland, for every count the IM splits. */
function checkHannoverParts(facts: Fact[]): Finding[] {
  const regionKey = (f: Fact) => [f.indicator, f.year, f.sex, f.age_group, f.category, f.unit].join("|");
  const by = (id: string) => new Map(facts.filter((f) => f.area_id === id && (f.unit === "count" || f.unit === "persons")).map((f) => [regionKey(f), f]));
  const [region, city, umland] = [by("03241"), by("03241001"), by("03241999")];
  const findings: Finding[] = [];
  for (const [key, r] of region) {
    const c = city.get(key);
    const u = umland.get(key);
    if (!c || !u || r.value === null || c.value === null || u.value === null) continue;
    if (c.value + u.value !== r.value) {
      const what = `${r.category !== "total" ? ` (${r.category})` : ""}${r.age_group !== "total" ? ` (${r.age_group})` : ""}`;
      findings.push(partsTotalFinding(r, `Landeshauptstadt ${c.value} + Umland ${u.value}${what}`, c.value + u.value, `${r.source_ref}; ${c.source_ref}; ${u.source_ref}`, (total, d) => azrRounding(total, d, 2)));
    }
  }
  return findings;
}

/** Magdeburg, with the foreigners' share derived from counts where KISS-MD prints none. */
export async function buildMagdeburgFacts(): Promise<BuiltFacts> {
  const raw = await kissMdFacts();
  // K3_T3 (single ages to „99 und älter“, 2006–2021) and K3_T1 (to „90 und
  // älter“, by sex, 2021–) overlap in 2021 with different open classes: for
  // such years K3_T1 alone describes the age structure.
  const t1Years = new Set(raw.filter((f) => f.source_ref.includes("(K3_T1 ")).map((f) => f.year));
  const overlap = raw.filter((f) => f.source_ref.includes("(K3_T3 ") && t1Years.has(f.year));
  const {facts, findings} = deduplicate(raw.filter((f) => !overlap.includes(f)));
  if (overlap.length) {
    findings.push({check: "duplicate", severity: "info", source_id: "kiss-md", indicator: "md:bevoelkerung", area_id: MAGDEBURG_ID, year: null, message: `${overlap.length} Zeilen aus K3_T3 (Einzelalter bis „99 und älter“) für ${[...new Set(overlap.map((f) => f.year))].join(", ")} nicht übernommen: für diese Jahre gilt K3_T1 (nach Geschlecht, bis „90 und älter“)`, ref: overlap[0].source_ref.replace(/ row \d+.*/, "")});
  }
  const key = (f: Fact) => `${f.area_id}|${f.year}`;
  const population = new Map(facts.filter((f) => f.indicator === "md:bevoelkerung" && f.sex === "total" && f.age_group === "total").map((f) => [key(f), f]));
  const printedShare = new Set(facts.filter((f) => f.indicator === "md:auslaenderanteil").map(key));
  const derived: Fact[] = [];
  for (const foreigners of facts.filter((f) => f.indicator === "md:auslaender" && f.sex === "total" && f.age_group === "total")) {
    const total = population.get(key(foreigners));
    // 0 of 0 inhabitants is no share: no derived value (the printed years are checked below, by the same rule).
    if (!total || total.value === null || foreigners.value === null || total.value === 0 || printedShare.has(key(foreigners))) continue;
    derived.push({...foreigners, indicator: "md:auslaenderanteil", value: (100 * foreigners.value) / total.value, unit: "percent", flag: "derived", source_ref: `${foreigners.source_ref} / ${total.source_ref}`});
  }
  // Printed shares contradicted by their counts (Beyendorfer Grund 2021: 0 % of 7 among 20) and 0/0 are not drawn.
  const checked = impossibleValues([...facts, ...derived], {shares: MD_SHARES, bases: MD_BASES});
  findings.push(...checked.findings);
  const all = checked.facts;
  findings.push(
    ...standardChecks(all),
    ...checkAgeParts(all, "md:auslaender", (age) => ["0-6", "7-17", "18-44", "45-64", "65+"].includes(age)),
    ...checkAgeParts(all, "md:bevoelkerung", (age) => /^\d+\+?$/.test(age))
  );
  return {facts: all, findings};
}

export async function buildDestatisFacts(): Promise<BuiltFacts> {
  const {facts, findings} = deduplicate(await destatisFacts());
  return {facts, findings: [...findings, ...standardChecks(facts)]};
}

/** Göttingen SDG 10-1 is a cross-check: its values against the concept's naturalisations (Abb. 10 and text). */
export async function buildGoettingenSdgFacts(): Promise<BuiltFacts> {
  const facts = await goettingenSdgFacts();
  const printed = documentFacts().filter((f) => f.indicator === "goettingen:naturalisations" && f.sex === "total" && f.category === "total" && f.area_id === "03159016");
  const findings = standardChecks(facts);
  for (const sdg of facts) {
    for (const doc of printed.filter((d) => d.year === sdg.year)) {
      const same = doc.value === sdg.value;
      findings.push({check: "cross_check", severity: same ? "info" : "warning", source_id: sdg.source_id, indicator: sdg.indicator, area_id: sdg.area_id, year: sdg.year, message: `Einbürgerungen Göttingen ${sdg.year}: SDG 10-1 ${sdg.value}, Integrationskonzept ${doc.value}${same ? " (gleich)" : ` (Differenz ${(sdg.value ?? 0) - (doc.value ?? 0)})`}`, ref: `${sdg.source_ref}; ${doc.source_ref}`});
    }
  }
  return {facts, findings};
}

export function buildDocumentFacts(): BuiltFacts {
  // Documents are statements: a number printed twice stays twice (reported, not dropped).
  const {facts, findings} = deduplicate(documentFacts(), {drop: false});
  for (const doc of DOCUMENTS) findings.push(...checkDocumentSums(doc));
  const sourceIds = new Set(DOCUMENTS.map(documentSourceId));
  return {facts, findings: [...findings, ...checkImplausible(facts).filter((f) => sourceIds.has(f.source_id))]};
}

/**
 * Builds a table once per process and data location: the output store and
 * the site bundle share it (issue 14: no table built twice in one build).
 * The sources it read are noted again on every reuse, so that each output's
 * recording stays complete. A failure is not kept.
 */
const memos: Map<string, unknown>[] = [];

/** Forgets every built table: a new build (or a test's new mirror state) starts afresh. */
export function forgetBuiltTables(): void {
  for (const memo of memos) memo.clear();
}

function once<T>(build: () => Promise<T>): () => Promise<T> {
  const done = new Map<string, Promise<{result: T; sources: Set<string>}>>();
  memos.push(done);
  return async () => {
    const where = `${mirrorDir() ?? ""}\0${downloadCacheDir()}\0${process.env.ATLAS_OFFLINE ?? ""}`;
    let pending = done.get(where);
    if (!pending) {
      pending = recordReads(build);
      done.set(where, pending);
      pending.catch(() => done.delete(where));
    }
    const {result, sources} = await pending;
    noteRead(sources);
    return result;
  };
}

/** The fact tables, one per source family, all in the one tidy schema. */
export const FACT_TABLES = {
  "facts-im": once(buildImFacts),
  "facts-magdeburg": once(buildMagdeburgFacts),
  "facts-destatis": once(buildDestatisFacts),
  "facts-goettingen-sdg": once(buildGoettingenSdgFacts),
  "facts-documents": once(async () => buildDocumentFacts()),
  "facts-gemeinden": once(async () => ({facts: await gemeindeFacts(), findings: []})),
  // Every Kreis of Germany: 12411-0018, INKAR and what the atlas derives (issue 17).
  "facts-deutschland": once(() => buildGermanyFacts())
} as const;

/** Extracts of the fact tables that pages load instead of the whole table. */
export const EXTRACTS = {"im-kreis-rates": once(buildImKreisRates), "de-kreis-karte": once(() => buildGermanyMapFacts()), "de-pyramiden": once(() => buildGermanyPyramidFacts())} as const;

export type FactTableName = keyof typeof FACT_TABLES;

export const FACT_TABLE_NAMES = Object.keys(FACT_TABLES) as FactTableName[];

type AllTables = Record<FactTableName, BuiltFacts> & {indicators: ImIndicator[]};

/** Every fact table; any missing source fails the whole (the CLI's verify and export of everything). */
export async function buildAll(): Promise<AllTables> {
  const tables = {} as Record<FactTableName, BuiltFacts>;
  for (const name of FACT_TABLE_NAMES) tables[name] = await FACT_TABLES[name]();
  return {...tables, indicators: (tables["facts-im"] as Awaited<ReturnType<typeof buildImFacts>>).indicators};
}

/**
 * Every fact table that can be built: a table whose source is missing (or
 * changed in place) is left out and named in `missing` (source ids), so that
 * only what depends on it is empty. Strict mode refuses instead.
 */
export async function readableTables(): Promise<{tables: Partial<Record<FactTableName, BuiltFacts>>; indicators: ImIndicator[]; missing: string[]}> {
  const tables: Partial<Record<FactTableName, BuiltFacts>> = {};
  const missing: string[] = [];
  for (const name of FACT_TABLE_NAMES) {
    try {
      tables[name] = await FACT_TABLES[name]();
    } catch (error) {
      if (!isUnusableSource(error) || isStrict()) throw error;
      if (!missing.includes(error.sourceId)) missing.push(error.sourceId);
    }
  }
  const im = tables["facts-im"] as Awaited<ReturnType<typeof buildImFacts>> | undefined;
  return {tables, indicators: im?.indicators ?? [], missing};
}

/** The facts of every table, in one array. */
export function allFacts(built: Partial<Record<FactTableName, BuiltFacts>>): Fact[] {
  return FACT_TABLE_NAMES.flatMap((name) => built[name]?.facts ?? []);
}

/**
 * Units a map may colour: rates, shares, ratios and averages (intensive
 * quantities), never counts. The catalogue's is_rate uses the same set.
 */
export const RATE_UNITS = new Set(["percent", "per_1000", "rate", "ratio", "years", "percentage_points", "percent_change_since_2005", "persons_per_km2"]);

/**
 * The IM rates that exist for the Kreise (Hannover city and Umland apart),
 * with the Land and the statistical regions for comparison: the Kreis map's
 * data, a small fraction of facts-im.
 */
export async function buildImKreisRates(): Promise<BuiltFacts> {
  const {facts} = await FACT_TABLES["facts-im"]();
  const rates = facts.filter((f) => RATE_UNITS.has(f.unit));
  const kreise = new Map<string, Set<string>>();
  for (const f of rates) if (f.area_level === "kreis" || f.area_level === "kreisteil") (kreise.get(f.indicator) ?? kreise.set(f.indicator, new Set()).get(f.indicator)!).add(f.area_id);
  const mapped = new Set([...kreise].filter(([, areas]) => areas.size >= 40).map(([indicator]) => indicator));
  return {facts: rates.filter((f) => mapped.has(f.indicator) && ["land", "statregion", "kreis", "kreisteil"].includes(f.area_level)), findings: []};
}

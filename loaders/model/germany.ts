/**
 * Every Kreis of Germany on one definition: population by sex and age group
 * (Destatis 12411-0018), asylum-benefit recipients per 1,000 (INKAR), and
 * what the atlas derives from them — Kreis, Land and Germany totals, age
 * shares, the old-age ratio, Schutzsuchende per 1,000 (2018). Derived rows
 * carry flag "derived"; nothing of the sources is changed.
 */
import {AGE_GROUPS, POPULATION_INDICATOR, POPULATION_SOURCE, populationTable} from "../parse/destatis-12411.ts";
import {inkarFacts, INKAR_SOURCE} from "../parse/inkar.ts";
import {LAENDER} from "../parse/vg5000.ts";
import type {Fact, Sex} from "./model.ts";
import type {Finding} from "./quality.ts";
import {buildDestatisFacts, type BuiltFacts} from "./tables.ts";

export const SHARE_INDICATORS = ["destatis:anteil_unter_18", "destatis:anteil_65_plus", "destatis:altenquotient"] as const;
export const SCHUTZ_RATE = "destatis:schutzsuchende_je_1000";
export const MAP_INDICATORS = ["inkar:q_asyl_bev", SCHUTZ_RATE, ...SHARE_INDICATORS];

const lower = (code: string) => Number.parseInt(code, 10);
const derivedRow = (base: Fact, extra: Partial<Fact>): Fact => ({...base, flag: "derived", ...extra});

/** Land and Germany sums of every Kreis value (by year, sex, age group); Kreis totals over age and sex. */
export function populationTotals(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  const add = (map: Map<string, {base: Fact; value: number | null; refs: number}>, key: string, f: Fact) => {
    const cell = map.get(key);
    if (!cell) map.set(key, {base: f, value: f.value, refs: 1});
    else {
      // A null part makes the sum null: never a partial sum.
      cell.value = cell.value === null || f.value === null ? null : cell.value + f.value;
      cell.refs++;
    }
  };
  const land = new Map<string, {base: Fact; value: number | null; refs: number}>();
  const kreisTotal = new Map<string, {base: Fact; value: number | null; refs: number}>();
  for (const f of facts) {
    add(land, [f.area_id.slice(0, 2), f.year, f.sex, f.age_group].join("|"), f);
    add(land, ["DE", f.year, f.sex, f.age_group].join("|"), f);
    for (const sex of [f.sex, "total"]) for (const age of [f.age_group, "total"]) if (sex === "total" || age === "total") add(kreisTotal, [f.area_id, f.year, sex, age].join("|"), f);
    add(land, [f.area_id.slice(0, 2), f.year, "total", "total"].join("|"), f);
    add(land, ["DE", f.year, "total", "total"].join("|"), f);
  }
  for (const [key, {base, value, refs}] of land) {
    const [id, , sex, age] = key.split("|");
    out.push(derivedRow(base, {area_id: id, area_name: id === "DE" ? "Deutschland" : LAENDER[id], area_level: id === "DE" ? "bund" : "land", sex: sex as Sex, age_group: age, value, source_ref: `${base.source_ref.replace(/:\d+$/, "")} (Summe aus ${refs} Kreiswerten)`}));
  }
  for (const [key, {base, value, refs}] of kreisTotal) {
    const [, , sex, age] = key.split("|");
    out.push(derivedRow(base, {sex: sex as Sex, age_group: age, value, source_ref: `${base.source_ref} (Summe aus ${refs} Werten der Zeile)`}));
  }
  return out;
}

/** Under-18 and 65+ shares and the old-age ratio for every area and year with all 17 groups of both sexes. */
export function ageShares(population: Fact[]): Fact[] {
  const groups = new Map<string, Fact[]>();
  for (const f of population) {
    if (f.sex === "total" || f.age_group === "total") continue;
    const key = `${f.area_id}|${f.year}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
  }
  const out: Fact[] = [];
  for (const rows of groups.values()) {
    if (rows.length !== 2 * AGE_GROUPS.length) continue;
    const sum = (test: (age: number) => boolean) => rows.filter((r) => test(lower(r.age_group))).reduce<number | null>((s, r) => (s === null || r.value === null ? null : s + r.value), 0);
    const all = sum(() => true);
    const young = sum((a) => a < 18);
    const old = sum((a) => a >= 65);
    const working = sum((a) => a >= 20 && a < 65);
    const base = {...rows[0], sex: "total" as Sex, age_group: "total", source_ref: `${rows[0].source_ref}${rows[0].flag === "derived" ? "" : " (aus den 34 Werten der Zeile)"}`};
    const share = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : (100 * part) / whole);
    out.push(derivedRow(base, {indicator: "destatis:anteil_unter_18", value: share(young, all), unit: "percent"}));
    out.push(derivedRow(base, {indicator: "destatis:anteil_65_plus", value: share(old, all), unit: "percent"}));
    out.push(derivedRow(base, {indicator: "destatis:altenquotient", value: share(old, working), unit: "ratio"}));
  }
  return out;
}

/** Schutzsuchende 31.12.2018 per 1,000 inhabitants 31.12.2018 (Kreise, Länder, Germany). */
export function schutzsuchendeRate(destatis: Fact[], population: Fact[]): Fact[] {
  const totals = new Map(population.filter((f) => f.year === 2018 && f.sex === "total" && f.age_group === "total").map((f) => [f.area_id, f]));
  const out: Fact[] = [];
  for (const f of destatis) {
    if (f.indicator !== "destatis:schutzsuchende" || f.sex !== "total" || !["kreis", "land", "bund"].includes(f.area_level)) continue;
    const pop = totals.get(f.area_id);
    if (!pop) continue;
    const value = f.value === null || pop.value === null || pop.value === 0 ? null : (1000 * f.value) / pop.value;
    out.push({...f, indicator: SCHUTZ_RATE, value, unit: "per_1000", flag: f.value === null ? f.flag : "derived", area_name: pop.area_name, source_ref: `${f.source_ref} / ${pop.source_ref}`});
  }
  return out;
}

export interface GermanyBuilt extends BuiltFacts {
  footnotes: string[];
}

let built: Promise<GermanyBuilt> | undefined;

export function buildGermanyFacts(): Promise<GermanyBuilt> {
  return (built ??= (async () => {
    const population = await populationTable();
    const inkar = await inkarFacts();
    const destatis = (await buildDestatisFacts()).facts;
    const totals = populationTotals(population.facts);
    const withTotals = [...population.facts, ...totals];
    const shares = ageShares(withTotals);
    const schutz = schutzsuchendeRate(destatis, withTotals);
    const findings: Finding[] = [
      ...population.findings,
      ...population.footnotes.map((note): Finding => ({check: "source_note", severity: "info", source_id: POPULATION_SOURCE, indicator: POPULATION_INDICATOR, area_id: "", year: null, message: note, ref: "data-raw/populationGermany/12411-0018.csv (Fußzeilen)"})),
      {check: "source_note", severity: "info", source_id: INKAR_SOURCE, indicator: "inkar:q_asyl_bev", area_id: "", year: null,
        message: `INKAR sozialleistungen: ${inkar.accounting.rows} Zeilen = ${inkar.accounting.facts} Kreiswerte + ${inkar.accounting.otherUnits} Zeilen anderer Raumbezüge (nicht übernommen) + ${inkar.accounting.empty} Kreis-Jahre ohne Wert`, ref: "inst/db/sozialleistungen.parquet"},
      ...inkarGaps(inkar.facts, population.kreiseByYear)
    ];
    return {facts: [...withTotals, ...shares, ...schutz, ...inkar.facts], findings, footnotes: population.footnotes};
  })());
}

/** Kreise of 12411-0018 (2016–2020) that INKAR lacks, and the other way round: reported by code. */
function inkarGaps(inkar: Fact[], kreiseByYear: Map<number, Set<string>>): Finding[] {
  const inInkar = new Set(inkar.filter((f) => f.area_level === "kreis").map((f) => f.area_id));
  const in12411 = kreiseByYear.get(2020) ?? new Set<string>();
  const findings: Finding[] = [];
  for (const code of [...in12411].filter((c) => !inInkar.has(c))) {
    findings.push({check: "join", severity: "info", source_id: INKAR_SOURCE, indicator: "inkar:q_asyl_bev", area_id: code, year: null, message: `Kreis ${code} (12411-0018, 2020) fehlt in INKAR: INKAR hat den Gebietsstand 31.12.2021${code === "16056" ? " (Eisenach gehört seit 1.7.2021 zum Wartburgkreis 16063)" : ""}`, ref: "inst/db/sozialleistungen.parquet"});
  }
  for (const code of [...inInkar].filter((c) => !in12411.has(c))) {
    findings.push({check: "join", severity: "warning", source_id: INKAR_SOURCE, indicator: "inkar:q_asyl_bev", area_id: code, year: null, message: `Kreis ${code} (INKAR) fehlt in 12411-0018 2020`, ref: "inst/db/sozialleistungen.parquet"});
  }
  return findings;
}

/** The Germany map's data: the five mapped series for Kreise, Länder and Germany. */
export async function buildGermanyMapFacts(): Promise<BuiltFacts> {
  const {facts} = await buildGermanyFacts();
  const wanted = new Set(MAP_INDICATORS);
  return {facts: facts.filter((f) => wanted.has(f.indicator)), findings: []};
}

export const REGISTER_17 = "md:bevoelkerung_17";

/**
 * Magdeburg's register (KISS-MD, single years of age) summed into the 17
 * groups of 12411-0018, for the years both have: the city's own count beside
 * the official update. A null year of age makes its group null.
 */
export function registerGroups(magdeburg: Fact[], years: Set<number>): Fact[] {
  const cells = new Map<string, {base: Fact; value: number | null; parts: number}>();
  for (const f of magdeburg) {
    if (f.indicator !== "md:bevoelkerung" || f.area_id !== "15003000" || f.year === null || !years.has(f.year) || !/^\d+\+?$/.test(f.age_group)) continue;
    const age = Number.parseInt(f.age_group, 10);
    // An open class from 75 on („98+“, „90+“) belongs wholly to „75 und mehr“.
    const group = AGE_GROUPS.find((g) => age >= g.from && (g.to === null || age < g.to))!;
    if (f.age_group.endsWith("+") && group.to !== null) continue;
    const key = `${f.year}|${f.sex}|${group.code}`;
    const cell = cells.get(key);
    if (!cell) cells.set(key, {base: {...f, age_group: group.code}, value: f.value, parts: 1});
    else {
      cell.value = cell.value === null || f.value === null ? null : cell.value + f.value;
      cell.parts++;
    }
  }
  return [...cells.values()].map(({base, value, parts}) => ({...base, indicator: REGISTER_17, value, flag: "derived", source_ref: `${base.source_ref.replace(/ row \d+/, "")} (Summe aus ${parts} Altersjahren)`}));
}

/** The pyramids' data: population by sex and age group for every Kreis, Land and Germany; Magdeburg's register in the same groups. */
export async function buildGermanyPyramidFacts(): Promise<BuiltFacts> {
  const {facts} = await buildGermanyFacts();
  const groups = facts.filter((f) => f.indicator === POPULATION_INDICATOR && f.sex !== "total" && f.age_group !== "total");
  const years = new Set(groups.map((f) => f.year as number));
  const {buildMagdeburgFacts} = await import("./tables.ts");
  return {facts: [...groups, ...registerGroups((await buildMagdeburgFacts()).facts, years)], findings: []};
}

/**
 * The profile of each Magdeburg Stadtteil (/orte/magdeburg/<stadtteil>):
 * population, foreigners and their share every year with the city's share
 * and the Stadtteil's rank, foreigners by age group against the city, the
 * change since the first year, and the small-base caveat. Ranks and the
 * small-base rule come from the map's own view (mdView in
 * components/charts/magdeburg-stadtteile.ts), so profile and map never
 * disagree about a number or a rank.
 */
import {AGES, CITY, mdRows, mdView, type MdRow} from "../../components/charts/magdeburg-stadtteile.ts";
import type {FactLike} from "../../components/charts/facts.ts";
import {stadtteilSlug} from "../../components/stadtteil.ts";

export interface StadtteilYear {
  year: number;
  bevoelkerung: number | null;
  auslaender: number | null;
  /** Share of foreigners in % (KISS-MD from 2021, computed by the atlas before: flag "derived"). */
  anteil: number | null;
  flag: string | null;
  /** The city's share the same year. */
  stadt: number | null;
  /** Rank among the Stadtteile with a share on a sufficient base (1 = highest); null on a small base or without data. */
  rank: number | null;
  /** How many Stadtteile are ranked that year. */
  ranked: number;
  smallBase: boolean;
  smallBaseNote: string | null;
}

export interface StadtteilAge {
  age: string;
  /** Foreigners of the age group in the Stadtteil, and their share of its foreigners (%). */
  anzahl: number | null;
  anteil: number | null;
  /** The same for the city as a whole. */
  stadtAnzahl: number | null;
  stadtAnteil: number | null;
  smallBase: boolean;
}

export interface StadtteilProfile {
  area_id: string;
  name: string;
  slug: string;
  years: StadtteilYear[];
  /** The latest year with foreigners by age group, and the groups. */
  ageYear: number | null;
  ages: StadtteilAge[];
  /** Where the shares drawn (the Stadtteil's and the city's) come from: each share fact's source and reference; a derived share names both counts. */
  shareFrom: {source_id: string; source_file: string}[];
}

/** Every Stadtteil with a share in any year, in the order of their ids (st01, st02, …). */
export function stadtteilProfiles(facts: readonly (FactLike & {source_ref?: string})[]): StadtteilProfile[] {
  const rows = mdRows(facts as FactLike[], "anteil", AGES[0]);
  const stadtteile = new Map<string, string>();
  for (const r of rows) if (r.area_level === "stadtteil") stadtteile.set(r.area_id, r.name);
  const years = [...new Set(rows.filter((r) => r.area_level === "stadtteil").map((r) => r.year))].sort((a, b) => a - b);
  // One map view per year: the ranks and small bases exactly as the map shows them.
  const views = new Map(years.map((year) => [year, mdView(rows, {measure: "anteil", year, base: year, age: AGES[0]})]));
  const city = new Map(rows.filter((r) => r.area_id === CITY).map((r) => [r.year, r.value]));
  const byAge = new Map(AGES.map((age) => [age, mdRows(facts as FactLike[], "alter", age)]));
  const ageYears = [...new Set([...byAge.values()].flat().filter((r) => r.area_level === "stadtteil").map((r) => r.year))];
  const ageYear = ageYears.length ? Math.max(...ageYears) : null;
  const ageRow = (list: MdRow[], id: string) => list.find((r) => r.area_id === id && r.year === ageYear) ?? null;
  const slugs = new Set<string>();
  return [...stadtteile]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, name]) => {
      const slug = stadtteilSlug(name);
      if (slugs.has(slug)) throw new Error(`Stadtteil profiles: two Stadtteile named ${slug}`);
      slugs.add(slug);
      const own = rows.filter((r) => r.area_id === id);
      const yearRows: StadtteilYear[] = own.map((r) => {
        const view = views.get(r.year)!;
        const d = view.data.find((x) => x.area_id === id);
        return {
          year: r.year,
          bevoelkerung: r.bevoelkerung,
          auslaender: r.auslaender,
          anteil: r.value,
          flag: r.flag,
          stadt: city.get(r.year) ?? null,
          rank: view.rankOf.get(id) ?? null,
          ranked: view.ranked.length,
          smallBase: !!d?.smallBase,
          smallBaseNote: d?.smallBaseNote ?? null
        };
      });
      const ages: StadtteilAge[] = AGES.map((age) => {
        const list = byAge.get(age)!;
        const mine = ageRow(list, id);
        const whole = ageRow(list, CITY);
        // The age shares rest on the Stadtteil's foreigners: fewer than 500 make them a small base too.
        const small = mine !== null && mine.value !== null && mdView(list, {measure: "alter", year: ageYear!, base: ageYear!, age}).data.find((x) => x.area_id === id)?.smallBase === true;
        return {age, anzahl: mine?.gruppe ?? null, anteil: mine?.value ?? null, stadtAnzahl: whole?.gruppe ?? null, stadtAnteil: whole?.value ?? null, smallBase: small};
      });
      // The chart's points are these share facts (mdRows reads md:auslaenderanteil); their references name the files.
      const shareFrom = facts
        .filter((f) => f.indicator === "md:auslaenderanteil" && (f.area_id === id || f.area_id === CITY) && f.sex === "total" && f.age_group === "total" && f.year !== null)
        .map((f) => ({source_id: f.source_id ?? "", source_file: f.source_file ?? f.source_ref ?? ""}));
      return {area_id: id, name, slug, years: yearRows, ageYear, ages, shareFrom};
    });
}

/** The first and the latest year with a share (the change since the first year). */
export function firstAndLatest(p: StadtteilProfile): {first: StadtteilYear | null; latest: StadtteilYear | null} {
  const withShare = p.years.filter((y) => y.anteil !== null);
  return {first: withShare[0] ?? null, latest: withShare.at(-1) ?? null};
}

/**
 * The data of the comparison page: every Integrationsmonitoring indicator
 * reported for the Kreise (Land, Kreise, Hannover city and Umland, the
 * Mikrozensus Kreis groups), the Destatis Kreis tables, and for the places
 * the Integrationsmonitoring does not cover (Stadt Göttingen, Magdeburg) the
 * series of other sources that measure the same thing. Such linked rows keep
 * their own source and name it in `origin`; the page's comparability rules
 * say what differs.
 */
import {Float64, Int16, Int32, Dictionary, Table, Utf8, vectorFromArray, type DataType} from "apache-arrow";
import type {Fact} from "./model.ts";
import {splitSourceRef} from "./model.ts";
import {places} from "./places.ts";
import {ratio, type Point} from "./profiles.ts";
import {readIndicatorMeta} from "./indicator-meta.ts";

export interface ComparisonRow {
  /** The indicator the row is compared under (a catalogue id). */
  indicator: string;
  /** The series the number comes from: the indicator itself, or a linked one. */
  origin: string;
  source_id: string;
  area_id: string;
  area_name: string;
  area_level: string;
  year: number;
  sex: string;
  age_group: string;
  category: string;
  value: number | null;
  unit: string;
  flag: string | null;
  source_file: string;
  source_row: number | null;
}

interface Link {
  from: string;
  to: string;
  area: string;
  category?: string;
  toCategory?: string;
  unit: string;
}

/** Series of other sources compared under an IM indicator (same quantity, other register). */
export const LINKS: Link[] = [
  {from: "md:bevoelkerung", to: "im:1-1-1", area: "15003000", unit: "count"},
  {from: "md:auslaender", to: "im:1-2-1", area: "15003000", unit: "count"},
  {from: "md:auslaenderanteil", to: "im:1-2-2", area: "15003000", unit: "percent"},
  {from: "goettingen:population_residence_entitled", to: "im:1-1-1", area: "03159016", unit: "count"},
  {from: "goettingen:foreigners_persons", to: "im:1-2-1", area: "03159016", unit: "count"},
  {from: "goettingen:foreigners_share", to: "im:1-2-2", area: "03159016", unit: "percent"},
  {from: "goettingen:naturalisations", to: "im:2-3-1", area: "03159016", unit: "count"},
  {from: "goettingen:migration_background_share", to: "im:1-3-1", area: "03159016", toCategory: "Kategorie=Personen mit Migrationshintergrund im weiteren Sinne", unit: "percent"}
];

const COMPARED_LEVELS = new Set(["land", "kreis", "kreisteil", "kreisgruppe"]);

function row(f: Fact, extra: Partial<ComparisonRow> = {}): ComparisonRow {
  const {source_file, source_row} = splitSourceRef(f.source_ref);
  return {
    indicator: f.indicator, origin: f.indicator, source_id: f.source_id, area_id: f.area_id, area_name: f.area_name, area_level: f.area_level,
    year: f.year as number, sex: f.sex, age_group: f.age_group, category: f.category, value: f.value, unit: f.unit, flag: f.flag, source_file, source_row,
    ...extra
  };
}

/** IM indicators with values (and years) for at least `min` Kreise or Kreis parts; `units` limits the rows counted. */
export function kreisIndicators(facts: readonly Fact[], min: number, units?: ReadonlySet<string>): Set<string> {
  const kreise = new Map<string, Set<string>>();
  for (const f of facts) {
    if (f.source_id === "im-niedersachsen" && (f.area_level === "kreis" || f.area_level === "kreisteil") && f.year !== null && (!units || units.has(f.unit))) {
      (kreise.get(f.indicator) ?? kreise.set(f.indicator, new Set()).get(f.indicator)!).add(f.area_id);
    }
  }
  return new Set([...kreise].filter(([, a]) => a.size >= min).map(([i]) => i));
}

/**
 * Series on one definition for every Kreis of Germany (issue 17): INKAR and
 * the rates the atlas derives from 12411-0018. All Kreise, Länder and
 * Germany; Magdeburg's Kreis 15003 is the place 15003000.
 */
export const GERMANY_SERIES = new Set(["inkar:q_asyl_bev", "destatis:schutzsuchende_je_1000", "destatis:anteil_unter_18", "destatis:anteil_65_plus", "destatis:altenquotient"]);

/** The indicators the comparison page offers. */
export function comparedIndicators(facts: readonly Fact[]): Set<string> {
  const ids = kreisIndicators(facts, 10);
  for (const f of facts) if (f.source_id === "destatis-kreise" || GERMANY_SERIES.has(f.indicator)) ids.add(f.indicator);
  return ids;
}

export function comparisonRows(facts: readonly Fact[]): ComparisonRow[] {
  const names = new Map(places().map((p) => [p.area_id, p.name]));
  const named = (r: ComparisonRow): ComparisonRow => ({...r, area_name: names.get(r.area_id) ?? r.area_name});
  const compared = kreisIndicators(facts, 10);
  // Breakdowns whose parts do not add up (AsylbLG by sex: Magdeburg 927 male of 980) are offered as the total only: never ranked, never per 1,000.
  const totalOnly = new Map([...readIndicatorMeta().values()].map((m) => [m.id, new Set(m.total_only)]));
  const out: ComparisonRow[] = [];
  for (const f of facts) {
    if (f.year === null) continue;
    const only = totalOnly.get(f.indicator);
    if (only && ((only.has("sex") && f.sex !== "total") || (only.has("age_group") && f.age_group !== "total") || (only.has("category") && f.category !== "total"))) continue;
    if (compared.has(f.indicator) && COMPARED_LEVELS.has(f.area_level)) out.push(named(row(f)));
    else if (GERMANY_SERIES.has(f.indicator) && (f.area_level === "kreis" || f.area_level === "land" || f.area_level === "bund")) {
      out.push(named(row(f, f.area_id === "15003" ? {area_id: "15003000", area_level: "gemeinde"} : {})));
    } else if (f.source_id === "destatis-kreise" && (names.has(f.area_id) || f.area_id === "15003")) {
      // Destatis names the kreisfreie Stadt Magdeburg 15003: the same territory as the place 15003000.
      out.push(named(row(f, f.area_id === "15003" ? {area_id: "15003000", area_level: "gemeinde"} : {})));
    }
  }
  for (const link of LINKS) {
    for (const f of facts) {
      if (f.indicator !== link.from || f.area_id !== link.area || f.year === null || f.sex !== "total" || f.age_group !== "total" || f.category !== (link.category ?? "total")) continue;
      out.push(named(row(f, {indicator: link.to, origin: link.from, unit: link.unit, category: link.toCategory ?? "total"})));
    }
  }
  // The Stadt Göttingen's naturalisation rate, computed like IM 2.3.3 (per 100 foreigners at the year's end).
  const point = (f: Fact): Point => ({year: f.year as number, value: f.value, flag: f.flag, ref: f.source_ref});
  const goe = (indicator: string) => facts.filter((f) => f.indicator === indicator && f.area_id === "03159016" && f.year !== null && f.sex === "total" && f.category === "total" && f.age_group === "total").map(point);
  const firstPerYear = (ps: Point[]) => {
    const byYear = new Map<number, Point>();
    for (const p of ps) if (!byYear.has(p.year)) byYear.set(p.year, p);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  };
  for (const p of ratio(firstPerYear(goe("goettingen:naturalisations")), firstPerYear(goe("goettingen:foreigners_persons")), 100)) {
    out.push({indicator: "im:2-3-3", origin: "goettingen:naturalisations/foreigners_persons", source_id: "doc-goettingen", area_id: "03159016", area_name: names.get("03159016") ?? "Stadt Göttingen", area_level: "gemeinde", year: p.year, sex: "total", age_group: "total", category: "total", value: p.value, unit: "percent", flag: p.flag, source_file: p.ref, source_row: null});
  }
  return dedupe(out);
}

/** A document may print a number twice (reported as a finding): the comparison keeps the first. */
function dedupe(rows: ComparisonRow[]): ComparisonRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = [r.indicator, r.origin, r.area_id, r.year, r.sex, r.age_group, r.category, r.unit].join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// 16-bit dictionary keys: no column has 32,000 distinct values, and the file is a third smaller.
const dictionary = () => new Dictionary(new Utf8(), new Int16());
const TYPES: Record<keyof ComparisonRow, DataType> = {
  indicator: dictionary(), origin: dictionary(), source_id: dictionary(), area_id: dictionary(), area_name: dictionary(), area_level: dictionary(),
  year: new Int16(), sex: dictionary(), age_group: dictionary(), category: dictionary(), value: new Float64(), unit: dictionary(), flag: dictionary(),
  source_file: dictionary(), source_row: new Int32()
};

export function comparisonTable(rows: readonly ComparisonRow[]): Table {
  const columns = Object.keys(TYPES) as (keyof ComparisonRow)[];
  return new Table(Object.fromEntries(columns.map((c) => [c, vectorFromArray(rows.map((r) => r[c] ?? null), TYPES[c])])));
}

/**
 * The tidy data model every page queries: one long fact table (one row per
 * number), an area table, and the indicator catalogue. Written as Arrow IPC
 * *stream* files (Framework's `sql:` front matter registers .arrow files with
 * insertArrowFromIPCStream; the IPC file format silently yields no table).
 */
import {Dictionary, Float64, Int16, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType} from "apache-arrow";

export type Sex = "total" | "female" | "male";

/** Why a value is what it is. Missing or suppressed values are null, never 0. */
export type Flag =
  | "suppressed" // the source printed a secrecy or suppression sign („.“, „x“)
  | "missing" // the source has the cell, but no value („-“ where it means „no data“, empty)
  | "zero_sign" // the source printed „-“ meaning „nothing“ (GENESIS) — kept as null with this flag
  | "approx" // printed as „rund“, „mehr als“ …
  | "estimate" // an estimate or register-based approximation
  | "derived" // computed by the atlas from other facts (a share from counts)
  | "provisional"
  | "uncertain" // statistically uncertain (Mikrozensus „statistisch unsicher“)
  | "conflict" // the source gives two different values for the same cell; both reported
  | "contradicted" // a share its own counts contradict (KISS-MD: 0 % of 7 foreigners among 20); not drawn, reported
  | "no_base"; // a share or average of nobody (0 of 0 inhabitants); not drawn, reported

export interface Fact {
  source_id: string;
  area_id: string;
  area_name: string;
  area_level: AreaLevel;
  /** Reporting year; null when the fact refers to no year. */
  year: number | null;
  /** ISO date (YYYY-MM-DD) of the reference day when the source names one. */
  reference_date: string | null;
  indicator: string;
  sex: Sex;
  /** `total`, a band like `0-6`, or a single year `0` … `89`, `90+`. */
  age_group: string;
  /** Citizenship, residence status, birth country …; `total` when none. */
  category: string;
  value: number | null;
  unit: Unit;
  flag: Flag | null;
  /** Where in the source this number stands (file and row, or document line). */
  source_ref: string;
}

export type AreaLevel =
  | "bund"
  | "land"
  | "statregion" // statistische Region / Regierungsbezirk
  | "mz_region" // Mikrozensus-Anpassungsschicht
  | "kreis"
  | "kreisgruppe" // Kreise the Mikrozensus reports together
  | "kreisteil" // Landeshauptstadt Hannover, Umland Hannover
  | "gemeinde"
  | "stadtbezirk"
  | "stadtteil";

/** persons, percent, per_1000, count, years, km2, persons_per_km2, euro, rank, percentage_points … */
export type Unit = string;

/** Columns of the published fact table: source_ref is split into file and row to keep the files small. */
export const FACT_COLUMNS = [
  "source_id",
  "area_id",
  "area_name",
  "area_level",
  "year",
  "reference_date",
  "indicator",
  "sex",
  "age_group",
  "category",
  "value",
  "unit",
  "flag",
  "source_file",
  "source_row"
] as const;

export type FactRow = Omit<Fact, "source_ref"> & {source_file: string; source_row: number | null};

/** "file:12", "file row 12 (K3_T36 var3)" → file (with the column after #) and row. */
export function splitSourceRef(ref: string): {source_file: string; source_row: number | null} {
  const colon = /^(.*):(\d+)(?: \((.*)\))?$/.exec(ref);
  if (colon) return {source_file: colon[3] ? `${colon[1]}#${colon[3]}` : colon[1], source_row: Number(colon[2])};
  const row = /^(.*) row (\d+) \((.*)\)$/.exec(ref);
  if (row) return {source_file: `${row[1]}#${row[3]}`, source_row: Number(row[2])};
  return {source_file: ref, source_row: null};
}

export function toFactRow({source_ref, ...fact}: Fact): FactRow {
  return {...fact, ...splitSourceRef(source_ref)};
}

export interface Area {
  area_id: string;
  name: string;
  level: AreaLevel;
  /** The enclosing area (Kreis of a Gemeinde, city of a Stadtteil). */
  parent_id: string | null;
  /** Amtlicher Gemeindeschlüssel (or prefix) where the area has one. */
  ags: string | null;
}

export const AREA_COLUMNS = ["area_id", "name", "level", "parent_id", "ags"] as const satisfies readonly (keyof Area)[];

const dictionary = () => new Dictionary(new Utf8(), new Int32());

const FACT_TYPES: Record<(typeof FACT_COLUMNS)[number], DataType> = {
  source_id: dictionary(),
  area_id: dictionary(),
  area_name: dictionary(),
  area_level: dictionary(),
  year: new Int16(),
  reference_date: dictionary(),
  indicator: dictionary(),
  sex: dictionary(),
  age_group: dictionary(),
  category: dictionary(),
  value: new Float64(),
  unit: dictionary(),
  flag: dictionary(),
  source_file: dictionary(),
  source_row: new Int32()
};

const AREA_TYPES: Record<(typeof AREA_COLUMNS)[number], DataType> = {
  area_id: new Utf8(),
  name: new Utf8(),
  level: dictionary(),
  parent_id: new Utf8(),
  ags: new Utf8()
};

function toTable<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[], types: Record<string, DataType>): Table {
  const vectors = Object.fromEntries(
    columns.map((column) => [column, vectorFromArray(rows.map((row) => (row[column] ?? null) as unknown), types[column])])
  );
  return new Table(vectors);
}

export function factsTable(facts: readonly Fact[]): Table {
  return toTable(facts.map(toFactRow), FACT_COLUMNS, FACT_TYPES);
}

export function areasTable(areas: readonly Area[]): Table {
  return toTable(areas, AREA_COLUMNS, AREA_TYPES);
}

/** Arrow IPC stream bytes, as the pages' DuckDB and FileAttachment.arrow() read them. */
export function toIPC(table: Table): Uint8Array {
  return tableToIPC(table, "stream");
}

/**
 * INKAR (BBSR) from the Parquet files of the inkr package, read with
 * hyparquet (pure JavaScript, no native build, reads Snappy pages; a
 * columnar reader, so only the five columns needed are decoded).
 * q_asyl_bev: recipients of regular AsylbLG benefits per 1,000 inhabitants,
 * 31.12., for the Kreise, the Länder and Germany; the other spatial units of the table are counted
 * and left out, as are years without a value.
 */
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {excerpt} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import {readSource} from "../source/fetch.ts";
import type {AreaLevel, Fact} from "../model/model.ts";

export const INKAR_SOURCE = "inkar";
export const INKAR_FILE = "inst/db/sozialleistungen.parquet";
export const INKAR_INDICATORS_FILE = "inst/db/_indikatoren.parquet";
export const ASYL_INDICATOR = "inkar:q_asyl_bev";
const COLUMN = "q_asyl_bev";

export interface InkarDefinition {
  kuerzel: string;
  name: string;
  algorithmus: string;
  anmerkungen: string;
  statistische_grundlagen: string;
}

export interface InkarResult {
  facts: Fact[];
  definition: InkarDefinition;
  /** rows = facts + otherUnits + empty: every row of the table accounted for (facts: Kreise, Länder, Bund). */
  accounting: {rows: number; facts: number; otherUnits: number; empty: number};
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function readParquet(bytes: Uint8Array, file: string, columns?: string[]): Promise<Record<string, unknown>[]> {
  const file_ = buffer(bytes);
  let meta: ReturnType<typeof parquetMetadata>;
  try {
    meta = parquetMetadata(file_);
  } catch (error) {
    throw new FormatError(INKAR_SOURCE, file, `not a Parquet file (truncated or an error page?): ${excerpt((error as Error).message, 200)}`);
  }
  const names = new Set(meta.schema.map((s) => s.name));
  const missing = (columns ?? []).filter((c) => !names.has(c));
  if (missing.length) throw new FormatError(INKAR_SOURCE, file, `column(s) ${missing.join(", ")} missing (schema changed?)`);
  return (await parquetReadObjects({file: file_, metadata: meta, columns})) as Record<string, unknown>[];
}

export async function inkarDefinitionFrom(bytes: Uint8Array, kuerzel = COLUMN): Promise<InkarDefinition> {
  const rows = await readParquet(bytes, INKAR_INDICATORS_FILE, ["kuerzel", "name", "algorithmus", "anmerkungen", "statistische_grundlagen"]);
  const found = rows.filter((r) => r.kuerzel === kuerzel);
  if (found.length !== 1) throw new FormatError(INKAR_SOURCE, INKAR_INDICATORS_FILE, `expected one definition of ${kuerzel}, found ${found.length}`);
  return found[0] as unknown as InkarDefinition;
}

/** 8-digit kennziffer of a Kreis (15003000) → the atlas's Kreis id (15003). */
export function inkarKreis(kennziffer: string): string {
  if (!/^\d{5}000$/.test(kennziffer)) throw new Error(`Kreis kennziffer ${excerpt(kennziffer)} is not 5 digits + 000`);
  return kennziffer.slice(0, 5);
}

/** The spatial units kept: Kreise, Länder, Germany (kennziffer 111). */
const UNITS: Record<string, {level: AreaLevel; id: (k: string) => string}> = {
  Kreise: {level: "kreis", id: inkarKreis},
  "Bundesländer": {level: "land", id: (k) => {
    if (!/^(0[1-9]|1[0-6])$/.test(k)) throw new Error(`Land kennziffer ${excerpt(k)} is not 01–16`);
    return k;
  }},
  Bund: {level: "bund", id: (k) => {
    if (k !== "111") throw new Error(`Bund kennziffer ${excerpt(k)} is not 111`);
    return "DE";
  }}
};

export async function inkarFactsFrom(bytes: Uint8Array): Promise<Omit<InkarResult, "definition">> {
  const rows = await readParquet(bytes, INKAR_FILE, ["raumbezug", "kennziffer", "name", "zeitbezug", COLUMN]);
  const facts: Fact[] = [];
  let otherUnits = 0;
  let empty = 0;
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const unit = UNITS[String(r.raumbezug)];
    if (!unit) return void otherUnits++;
    const value = r[COLUMN];
    if (value === null || value === undefined) return void empty++;
    const where = `row ${i + 1}`;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new FormatError(INKAR_SOURCE, INKAR_FILE, `${where}: q_asyl_bev ${excerpt(String(value))} is not a number ≥ 0`);
    const year = Number(r.zeitbezug);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new FormatError(INKAR_SOURCE, INKAR_FILE, `${where}: zeitbezug ${excerpt(String(r.zeitbezug))} is not a year`);
    let area_id: string;
    try {
      area_id = unit.id(String(r.kennziffer));
    } catch (error) {
      throw new FormatError(INKAR_SOURCE, INKAR_FILE, `${where}: ${(error as Error).message}`);
    }
    if (seen.has(`${area_id}|${year}`)) throw new FormatError(INKAR_SOURCE, INKAR_FILE, `${where}: Kreis ${area_id} ${year} appears twice`);
    seen.add(`${area_id}|${year}`);
    facts.push({
      source_id: INKAR_SOURCE, area_id, area_name: String(r.name), area_level: unit.level, year, reference_date: `${year}-12-31`, indicator: ASYL_INDICATOR,
      sex: "total", age_group: "total", category: "total", value, unit: "per_1000", flag: null, source_ref: `${INKAR_FILE}:${i + 1}`
    });
  });
  return {facts, accounting: {rows: rows.length, facts: facts.length, otherUnits, empty}};
}

export async function inkarFacts(): Promise<InkarResult> {
  const [data, indicators] = [await readSource(INKAR_SOURCE, INKAR_FILE), await readSource(INKAR_SOURCE, INKAR_INDICATORS_FILE)];
  return {...(await inkarFactsFrom(data)), definition: await inkarDefinitionFrom(indicators)};
}

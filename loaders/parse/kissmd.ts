/**
 * KISS-MD (Magdeburg's statistical information system), JSON exports with
 * columns var1 … varN. Column meanings come from the JSON's own labels where
 * reviewed, else from ../shared/data/magdeburg-kiss-md-columns.csv; labels
 * marked "verify" there are checked against the data here (see KISSMD_CHECKS
 * and the notes in README.md) and the loader refuses a table that breaks them.
 */
import {excerpt, excerptValue} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import {readSource, readSourceText} from "../source/fetch.ts";
import type {Fact, Flag, Sex} from "../model/model.ts";
import {readXlsxCells, type SheetCells} from "./xlsx.ts";

export const KISSMD_SOURCE = "kiss-md";
const JSON_DIR = "data/kiss-md/json/bevoelkerung";
/** The original exports: the JSON writes a suppressed cell („.“) and an empty one alike as null. */
const XLSX_DIR = "data/kiss-md/xlsx/bevoelkerung";

export const xlsxFileOf = (spec: Pick<TableSpec, "file">) => `${XLSX_DIR}/${spec.file.replace(/\.json$/, ".xlsx")}`;

/** Stadtteil numbers → names (../shared/data/magdeburg-stadtteile.csv); 15003 is the whole city. */
export const STADTTEILE: Record<number, string> = {
  1: "Altstadt", 2: "Werder", 4: "Alte Neustadt", 6: "Neue Neustadt", 8: "Neustädter See", 10: "Kannenstieg",
  12: "Neustädter Feld", 14: "Sülzegrund", 16: "Großer Silberberg", 18: "Nordwest", 20: "Alt Olvenstedt",
  22: "Neu Olvenstedt", 24: "Stadtfeld Ost", 26: "Stadtfeld West", 28: "Diesdorf", 30: "Sudenburg",
  32: "Ottersleben", 34: "Lemsdorf", 36: "Leipziger Straße", 38: "Reform", 40: "Hopfengarten",
  42: "Beyendorfer Grund", 44: "Buckau", 46: "Fermersleben", 48: "Salbke", 50: "Westerhüsen", 52: "Brückfeld",
  54: "Berliner Chaussee", 56: "Cracau", 58: "Prester", 60: "Zipkeleben", 62: "Kreuzhorst", 64: "Herrenkrug",
  66: "Rothensee", 68: "Industriehafen", 70: "Gewerbegebiet Nord", 72: "Barleber See", 74: "Pechau",
  76: "Randau-Calenberge", 78: "Beyendorf-Sohlen"
};
export const MAGDEBURG_ID = "15003000";
export const MAGDEBURG_NAME = "Magdeburg";

export function stadtteilId(nr: number): string {
  return `${MAGDEBURG_ID}-st${String(nr).padStart(2, "0")}`;
}

interface KissMdJson {
  tableId: string;
  title: string;
  columns: {key: string; label: string | null}[];
  rows: Record<string, string | number | null>[];
}

interface ColumnSpec {
  indicator: string;
  unit: string;
  sex?: Sex;
  age_group?: string;
  category?: string;
}

interface TableSpec {
  file: string;
  tableId: string;
  /** Rows are keyed by Stadtteil number (var2) or by age code (var2, whole city). */
  key: "stadtteil" | "age";
  columns: Record<string, ColumnSpec>;
  /**
   * Age tables: the open class as printed and the single code it follows
   * (see ageGroupOfCode). Fixed per table, not read off the data, so that a
   * table with rows missing cannot relabel it.
   */
  openClass?: {code: string; lastCode: number};
}

const persons = (indicator: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({indicator, unit: "persons", ...extra});

export const KISSMD_TABLES: TableSpec[] = [
  {file: "entwicklung-der-hauptwohnsitzbevoelkerung.json", tableId: "K3_T35", key: "stadtteil", columns: {var3: persons("md:bevoelkerung")}},
  {file: "entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.json", tableId: "K3_T41", key: "stadtteil", columns: {var3: persons("md:auslaender")}},
  {
    file: "hauptwohnsitzbevoelkerung-nach-ausgewaehlten-indikatoren.json",
    tableId: "K3_T36",
    key: "stadtteil",
    columns: {
      var3: persons("md:bevoelkerung"),
      var4: persons("md:bevoelkerung", {sex: "female"}),
      var5: persons("md:auslaender"),
      var6: {indicator: "md:auslaenderanteil", unit: "percent"},
      var7: {indicator: "md:billeter", unit: "ratio"},
      var8: {indicator: "md:jugendquote", unit: "ratio"},
      var9: {indicator: "md:altenquote", unit: "ratio"},
      var10: {indicator: "md:durchschnittsalter", unit: "years"}
    }
  },
  {
    file: "auslaendische-hauptwohnsitzbevoelkerung-nach-altersgruppen.json",
    tableId: "K3_T39",
    key: "stadtteil",
    columns: {
      var3: persons("md:auslaender", {age_group: "0-6"}),
      var4: persons("md:auslaender", {age_group: "7-17"}),
      var5: persons("md:auslaender", {age_group: "18-44"}),
      var6: persons("md:auslaender", {age_group: "45-64"}),
      var7: persons("md:auslaender", {age_group: "65+"}),
      var8: persons("md:auslaender")
    }
  },
  {
    file: "auslaendische-wohnberechtigte-bevoelkerung-und-hauptwohnsitzbevoelkerung-nach-geschlecht.json",
    tableId: "K3_T38",
    key: "stadtteil",
    columns: {
      var3: persons("md:auslaender_wohnberechtigt", {sex: "male"}),
      var4: persons("md:auslaender_wohnberechtigt", {sex: "female"}),
      var5: persons("md:auslaender_wohnberechtigt"),
      var6: persons("md:auslaender", {sex: "male"}),
      var7: persons("md:auslaender", {sex: "female"}),
      var8: persons("md:auslaender")
    }
  },
  {
    file: "bevoelkerung-mit-hauptwohnsitz-nach-alter-und-geschlecht.json",
    tableId: "K3_T1",
    key: "age",
    openClass: {code: "90 und älter", lastCode: 90},
    columns: {var3: persons("md:bevoelkerung"), var4: persons("md:bevoelkerung", {sex: "male"}), var5: persons("md:bevoelkerung", {sex: "female"})}
  },
  {file: "entwicklung-der-hauptwohnsitzbevoelkerung-nach-altersjahrgaengen.json", tableId: "K3_T3", key: "age", openClass: {code: "99 und älter", lastCode: 98}, columns: {var3: persons("md:bevoelkerung")}},
  {
    file: "flaeche-und-einwohnerdichte.json",
    tableId: "K3_T33",
    key: "stadtteil",
    columns: {var3: {indicator: "md:flaeche", unit: "ha"}}
  }
];

/**
 * KISS-MD counts age in Lebensjahren: code "1" is the first year of life
 * (age 0). Evidence: K3_T1 has codes "1" … "90" and "90 und älter" and no
 * "0"; those 91 rows add up exactly to "Einwohner insgesamt" for every year
 * and sex (checked below), which they could not if age 0 were missing.
 */
export function ageGroupOfCode(code: string, lastCode?: number): string | "total" {
  const trimmed = code.trim();
  if (trimmed === "Einwohner insgesamt") return "total";
  // The open class follows the last single code: after „90“ (age 89) it is
  // 90+ (K3_T1 „90 und älter“); after „98“ (age 97) it is 98+, although
  // K3_T3 calls it „99 und älter“ (its sum equals K3_T1's 90+ minus ages 90–97).
  if (/^\d+ und älter$/.test(trimmed)) {
    if (lastCode === undefined || !Number.isFinite(lastCode)) throw new Error(`open age class ${excerpt(code)} without the table's last single code`);
    return `${lastCode}+`;
  }
  if (/^\d+$/.test(trimmed) && Number(trimmed) >= 1) return String(Number(trimmed) - 1);
  throw new Error(`unknown age code ${excerpt(code)}`);
}

function cell(value: unknown): {value: number | null; flag: Flag | null} {
  if (value === null || value === undefined || value === "") return {value: null, flag: "missing"};
  if (typeof value === "number") return {value, flag: null};
  if (typeof value !== "string") throw new Error(`${shown(value)} is no number (a JSON ${Array.isArray(value) ? "array" : typeof value})`);
  const text = value.trim();
  if (text === "." || text === "x") return {value: null, flag: "suppressed"};
  if (text === "-") return {value: null, flag: "zero_sign"};
  // Plain decimals only: Number() would also read "" as 0 and "0x1F" as 31.
  const n = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw new Error(`${excerpt(value)} is not a number`);
  return {value: n, flag: null};
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A JSON value as text for messages. */
const shown = (v: unknown) => excerptValue(v);

/**
 * The original xlsx beside a JSON table: header row 1 names the columns
 * „<tableId>_var<n>“, data row n + 1 is JSON row n. It decides what a null
 * cell of the JSON was: „.“ (suppressed) or nothing (missing).
 */
export interface KissMdOriginal {
  cells: SheetCells;
  file: string;
}

/** What a JSON null was in the original: refuses a table whose xlsx does not line up row for row. */
function originalReader(original: KissMdOriginal, spec: TableSpec, rowCount: number, jsonFile: string) {
  const {cells, file} = original;
  const where = `${file} (original of ${jsonFile})`;
  const header = cells.get(1) ?? new Map<number, string>();
  const columnOf = new Map<string, number>();
  for (const [column, text] of header) {
    const match = new RegExp(`^${spec.tableId}_(var\\d+)$`).exec(text.trim());
    if (match) columnOf.set(match[1], column);
  }
  for (const key of ["var1", "var2", ...Object.keys(spec.columns)]) {
    if (!columnOf.has(key)) throw new FormatError(KISSMD_SOURCE, where, `header has no column ${spec.tableId}_${key}`);
  }
  const lastRow = Math.max(1, ...cells.keys());
  if (lastRow - 1 !== rowCount) throw new FormatError(KISSMD_SOURCE, where, `${lastRow - 1} data rows, the JSON has ${rowCount}: the two exports do not line up`);
  const text = (index: number, key: string) => cells.get(index + 2)?.get(columnOf.get(key)!)?.trim();
  const same = (a: unknown, b: string | undefined) => (b === undefined ? a === null || a === "" : /^\s*\d+\s*$/.test(String(a)) && /^\d+$/.test(b) ? Number(a) === Number(b) : String(a).trim() === b);
  return {
    /** The row's year and key must be the same in both exports, or a flag would be taken from another row. */
    checkRow(index: number, row: Record<string, unknown>) {
      for (const key of ["var1", "var2"]) {
        if (!same(row[key], text(index, key))) throw new FormatError(KISSMD_SOURCE, where, `row ${index + 2}: ${key} is ${JSON.stringify(text(index, key) ?? null)}, JSON row ${index + 1} has ${shown(row[key])}`);
      }
    },
    blankFlag(index: number, key: string): Flag {
      const original = text(index, key);
      if (original === undefined || original === "") return "missing";
      if (original === ".") return "suppressed";
      throw new FormatError(KISSMD_SOURCE, where, `row ${index + 2}, ${key}: ${JSON.stringify(original)} where the JSON has no value`);
    }
  };
}

/**
 * Parses one KISS-MD JSON table against its spec; shape errors name the table.
 * Accounting: every element of `rows` gives exactly one fact per spec column
 * (facts = rows × columns) or the whole table is refused with its row number.
 * With its original xlsx, a null cell is `suppressed` where the xlsx shows „.“
 * and `missing` where it is empty; without it every null is `missing`.
 */
export function parseKissMdTable(text: string, spec: TableSpec, original?: KissMdOriginal): Fact[] {
  const file = `${JSON_DIR}/${spec.file}`;
  let json: KissMdJson;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormatError(KISSMD_SOURCE, file, `not valid JSON (truncated or an error page?): ${excerpt((error as Error).message, 200)}`);
  }
  if (!isObject(json)) throw new FormatError(KISSMD_SOURCE, file, `not a KISS-MD table object (found ${Array.isArray(json) ? "an array" : shown(json)})`);
  if (json.tableId !== spec.tableId) throw new FormatError(KISSMD_SOURCE, file, `table id changed: expected ${spec.tableId}, found ${typeof json.tableId === "string" ? json.tableId : shown(json.tableId)}`);
  if (!Array.isArray(json.rows)) throw new FormatError(KISSMD_SOURCE, file, "no rows array");
  if (!Array.isArray(json.columns) || !json.columns.every(isObject)) throw new FormatError(KISSMD_SOURCE, file, "no columns array of {key, label} objects");
  const keys = new Set(json.columns.map((c) => String(c.key)));
  for (const key of ["var1", "var2", ...Object.keys(spec.columns)]) {
    if (!keys.has(key)) throw new FormatError(KISSMD_SOURCE, file, `column ${key} missing (columns: ${[...keys].slice(0, 30).map((k) => (k.length > 20 ? `${k.slice(0, 20)}…` : k)).join(", ")})`);
  }
  const rows = json.rows as unknown[];
  rows.forEach((row, index) => {
    if (!isObject(row)) throw new FormatError(KISSMD_SOURCE, file, `row ${index + 1}: not an object (${shown(row)})`);
  });
  const records = rows as Record<string, unknown>[];
  const xlsx = original && originalReader(original, spec, records.length, file);
  const facts: Fact[] = [];
  records.forEach((row, index) => {
    const where = `${file} row ${index + 1}`;
    xlsx?.checkRow(index, row);
    const year = typeof row.var1 === "number" || (typeof row.var1 === "string" && /^\s*\d{4}\s*$/.test(row.var1)) ? Number(row.var1) : NaN;
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new FormatError(KISSMD_SOURCE, file, `row ${index + 1}: year ${shown(row.var1)}`);
    let area_id = `${MAGDEBURG_ID}`;
    let area_name = MAGDEBURG_NAME;
    let area_level: Fact["area_level"] = "gemeinde";
    let age: string = "total";
    if (spec.key === "stadtteil") {
      const nr = typeof row.var2 === "number" || (typeof row.var2 === "string" && /^\s*\d+\s*$/.test(row.var2)) ? Number(row.var2) : NaN;
      if (nr !== 15003) {
        if (!Object.hasOwn(STADTTEILE, nr)) throw new FormatError(KISSMD_SOURCE, file, `row ${index + 1}: unknown Stadtteil number ${excerpt(typeof row.var2 === "string" ? row.var2 : JSON.stringify(row.var2) ?? String(row.var2))}`);
        area_id = stadtteilId(nr);
        area_name = STADTTEILE[nr];
        area_level = "stadtteil";
      }
    } else {
      try {
        if (typeof row.var2 !== "string" && typeof row.var2 !== "number") throw new Error(`age code ${shown(row.var2)} is neither text nor a number`);
        const code = String(row.var2).trim();
        const open = spec.openClass;
        if (/^\d+ und älter$/.test(code) && code !== open?.code) throw new Error(`open age class ${excerpt(code)}, expected ${open ? `"${open.code}"` : "none"} (the table changed)`);
        age = ageGroupOfCode(code, open?.lastCode);
        // A single code past the open class would count the same people twice.
        if (open && /^\d+$/.test(code) && Number(code) > open.lastCode) throw new Error(`age code ${excerpt(code)} lies inside the open class "${open.code}"`);
      } catch (error) {
        throw new FormatError(KISSMD_SOURCE, file, `row ${index + 1}: ${(error as Error).message}`);
      }
    }
    for (const [column, c] of Object.entries(spec.columns)) {
      let parsed: ReturnType<typeof cell>;
      try {
        parsed = cell(row[column]);
      } catch (error) {
        throw new FormatError(KISSMD_SOURCE, file, `row ${index + 1}, ${column}: ${(error as Error).message}`);
      }
      if (xlsx && parsed.flag === "missing") parsed = {value: null, flag: xlsx.blankFlag(index, column)};
      facts.push({
        source_id: KISSMD_SOURCE,
        area_id,
        area_name,
        area_level,
        year,
        reference_date: `${year}-12-31`,
        indicator: c.indicator,
        sex: c.sex ?? "total",
        age_group: c.age_group ?? age,
        category: c.category ?? "total",
        value: parsed.value,
        unit: c.unit,
        flag: parsed.flag,
        source_ref: `${where} (${spec.tableId} ${column})`
      });
    }
  });
  return facts;
}

/** The cells of a table's original xlsx, read from its pinned, hash-verified file. */
export async function kissMdOriginal(spec: TableSpec): Promise<KissMdOriginal> {
  const file = xlsxFileOf(spec);
  const bytes = await readSource(KISSMD_SOURCE, file);
  try {
    return {cells: await readXlsxCells(bytes), file};
  } catch (error) {
    throw new FormatError(KISSMD_SOURCE, file, `not a readable xlsx: ${excerpt((error as Error).message, 200)}`);
  }
}

export async function kissMdFacts(): Promise<Fact[]> {
  const out: Fact[] = [];
  for (const spec of KISSMD_TABLES) {
    out.push(...parseKissMdTable(await readSourceText(KISSMD_SOURCE, `${JSON_DIR}/${spec.file}`), spec, await kissMdOriginal(spec)));
  }
  return out;
}

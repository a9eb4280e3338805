/**
 * Destatis Kreis tables in GENESIS export style (Latin-1, `;`, indented
 * names, `.`/`-` signs): protection seekers on 31.12.2018 (12531) and
 * recipients of asylum-seeker benefits on 31.12.2019 (22221), every Kreis of
 * Germany. The only common-definition refugee figures that include Magdeburg.
 */
import {excerpt, parseCsv, requireNumber} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import {decodeText, readSource} from "../source/fetch.ts";
import type {AreaLevel, Fact, Sex} from "../model/model.ts";

export const DESTATIS_SOURCE = "destatis-kreise";

interface DestatisTable {
  path: string;
  indicator: string;
  columns: {column: string; sex: Sex}[];
}

export const DESTATIS_TABLES: DestatisTable[] = [
  {path: "germany_data/schutzsuchende_2018.csv", indicator: "destatis:schutzsuchende", columns: [{column: "schutzsuchende", sex: "total"}]},
  {
    path: "germany_data/asylbewerberleistungen_2019.csv",
    indicator: "destatis:asylbewerberleistungen",
    columns: [
      {column: "empfaenger_asylbewerber", sex: "total"},
      {column: "empfaenger_asylbewerber_weiblich", sex: "female"},
      {column: "empfaenger_asylbewerber_maennlich", sex: "male"}
    ]
  }
];

/** GENESIS codes drop leading zeros: 1001 → 01001 (Kreis), 3 → 03 (Land), 31 → 031 and 153 → 153 (regions), 3241001 → 03241001 (Gemeinde). */
export function genesisArea(code: string): {area_id: string; area_level: AreaLevel} {
  if (code === "DG") return {area_id: "DE", area_level: "bund"};
  if (!/^\d{1,8}$/.test(code)) throw new Error(`not a GENESIS area code: ${excerpt(code)}`);
  // Länder are 1–16; other one- or two-digit codes are regions with their
  // leading zero dropped (31 = 031 Statistische Region Braunschweig).
  if (code.length <= 2 && Number(code) >= 1 && Number(code) <= 16) return {area_id: code.padStart(2, "0"), area_level: "land"};
  if (code.length <= 3) return {area_id: code.padStart(3, "0"), area_level: "statregion"};
  if (code.length <= 5) return {area_id: code.padStart(5, "0"), area_level: "kreis"};
  // A Gemeinde shown inside its Kreis (Landeshauptstadt Hannover 3241001).
  return {area_id: code.padStart(8, "0"), area_level: "gemeinde"};
}

function isoDate(german: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(german.trim());
  if (!match || +match[1] < 1 || +match[1] > 31 || +match[2] < 1 || +match[2] > 12) throw new Error(`not a date DD.MM.YYYY: ${excerpt(german)}`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** Parses one GENESIS export (already decoded from Latin-1). */
export function parseDestatisTable(text: string, table: DestatisTable): Fact[] {
  const file = table.path;
  const {rows, header} = parseCsv(text, {sourceId: DESTATIS_SOURCE, file, delimiter: ";", required: ["Kreis", "Stadt", ...table.columns.map((c) => c.column)]});
  if (header[0] !== "") throw new FormatError(DESTATIS_SOURCE, file, `first column should be the unnamed date column, found ${excerpt(header[0])}`);
  const facts: Fact[] = [];
  for (const {line, values} of rows) {
    let area: ReturnType<typeof genesisArea>;
    let date: string;
    try {
      area = genesisArea(values.Kreis.trim());
      date = isoDate(values[""]);
    } catch (error) {
      throw new FormatError(DESTATIS_SOURCE, file, `line ${line}: ${(error as Error).message}`);
    }
    for (const {column, sex} of table.columns) {
      const parsed = requireNumber(values[column], {sourceId: DESTATIS_SOURCE, file, where: `line ${line}, ${column}`}, {german: false});
      facts.push({
        source_id: DESTATIS_SOURCE,
        ...area,
        area_name: values.Stadt.trim(),
        year: Number(date.slice(0, 4)),
        reference_date: date,
        indicator: table.indicator,
        sex,
        age_group: "total",
        category: "total",
        value: parsed.value,
        unit: "persons",
        flag: parsed.flag,
        source_ref: `${file}:${line}`
      });
    }
  }
  return facts;
}

export async function destatisFacts(): Promise<Fact[]> {
  const out: Fact[] = [];
  for (const table of DESTATIS_TABLES) {
    const text = decodeText(await readSource(DESTATIS_SOURCE, table.path), "latin1", DESTATIS_SOURCE, table.path);
    out.push(...parseDestatisTable(text, table));
  }
  return out;
}

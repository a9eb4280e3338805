/**
 * Destatis GENESIS 12411-0018 „Bevölkerung: Kreise, Stichtag, Geschlecht,
 * Altersgruppen“ (Fortschreibung des Bevölkerungsstandes): every Kreis of
 * Germany on 31.12.2015–2020, men and women in 17 age groups. The footer's
 * statements become the indicator's footnotes. Kreis reforms are not
 * repaired: each code stays as the file has it, and a code that is not in
 * every year is reported (03152 + 03156 → 03159 on 1.11.2016 by name).
 */
import {excerpt, requireNumber} from "./csv.ts";
import {parseGenesisTable} from "./genesis.ts";
import {FormatError} from "../source/errors.ts";
import {decodeText, readSource} from "../source/fetch.ts";
import type {Fact, Sex} from "../model/model.ts";
import type {Finding} from "../model/quality.ts";

export const POPULATION_SOURCE = "destatis-12411";
export const POPULATION_FILE = "data-raw/populationGermany/12411-0018.csv";
export const POPULATION_INDICATOR = "destatis:bevoelkerung";

/** The 17 groups „from … to under …“ as printed; 75+ is open. */
export const AGE_GROUPS: {code: string; label: string; from: number; to: number | null}[] = [
  ["unter 3 Jahre", 0, 3],
  ["3 bis unter 6 Jahre", 3, 6],
  ["6 bis unter 10 Jahre", 6, 10],
  ["10 bis unter 15 Jahre", 10, 15],
  ["15 bis unter 18 Jahre", 15, 18],
  ["18 bis unter 20 Jahre", 18, 20],
  ["20 bis unter 25 Jahre", 20, 25],
  ["25 bis unter 30 Jahre", 25, 30],
  ["30 bis unter 35 Jahre", 30, 35],
  ["35 bis unter 40 Jahre", 35, 40],
  ["40 bis unter 45 Jahre", 40, 45],
  ["45 bis unter 50 Jahre", 45, 50],
  ["50 bis unter 55 Jahre", 50, 55],
  ["55 bis unter 60 Jahre", 55, 60],
  ["60 bis unter 65 Jahre", 60, 65],
  ["65 bis unter 75 Jahre", 65, 75],
  ["75 Jahre und mehr", 75, null]
].map(([label, from, to]) => ({code: to === null ? `${from}+` : `${from}-${to}`, label: label as string, from: from as number, to: to as number | null}));

/** The reform the file shows by name: both old Kreise end on 31.10.2016 in the new Landkreis Göttingen. */
export const KREIS_REFORMS = [{from: ["03152", "03156"], to: "03159", date: "2016-11-01", text: "Landkreise Göttingen (03152) und Osterode am Harz (03156) → Landkreis Göttingen (03159), 1.11.2016"}];

export interface PopulationResult {
  facts: Fact[];
  footnotes: string[];
  findings: Finding[];
  /** Accounting: data lines read, lines turned into facts (34 each), and what else the file holds. */
  accounting: {lines: number; dataRows: number; headerLines: number; footerLines: number; skipped: number; facts: number};
  /** Kreise per year, as in the file. */
  kreiseByYear: Map<number, Set<string>>;
}

const SEX_LABELS: Record<string, Sex> = {männlich: "male", weiblich: "female"};

export function parsePopulationTable(text: string, file = POPULATION_FILE): PopulationResult {
  const sourceId = POPULATION_SOURCE;
  const table = parseGenesisTable(text, {sourceId, file});
  if (table.tableId !== "12411-0018") throw new FormatError(sourceId, file, `expected GENESIS table 12411-0018, found ${excerpt(table.tableId)}`);
  if (table.columnHeaders.length !== 2 || table.keyColumns !== 3) throw new FormatError(sourceId, file, `expected 3 key columns and 2 column header lines (sex, age group), found ${table.keyColumns} and ${table.columnHeaders.length}`);
  const [sexRow, ageRow] = table.columnHeaders;
  const columns = sexRow.slice(3).map((s, i) => {
    const sex = SEX_LABELS[s];
    const age = AGE_GROUPS.find((g) => g.label === ageRow[3 + i]);
    if (!sex || !age) throw new FormatError(sourceId, file, `column ${4 + i}: unknown sex ${excerpt(s)} or age group ${excerpt(ageRow[3 + i])}`);
    return {sex, age};
  });
  for (const sex of ["male", "female"] as const) {
    const groups = columns.filter((c) => c.sex === sex).map((c) => c.age.code);
    if (groups.join() !== AGE_GROUPS.map((g) => g.code).join()) throw new FormatError(sourceId, file, `the ${sex} columns are not the 17 age groups in order`);
  }
  const facts: Fact[] = [];
  const kreiseByYear = new Map<number, Set<string>>();
  for (const {line, fields} of table.rows) {
    const date = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(fields[0].trim());
    if (!date) throw new FormatError(sourceId, file, `line ${line}: ${excerpt(fields[0])} is not a date DD.MM.YYYY`);
    const code = fields[1].trim();
    if (!/^\d{5}$/.test(code)) throw new FormatError(sourceId, file, `line ${line}: ${excerpt(code)} is not a 5-digit Kreis key`);
    const year = Number(date[3]);
    const seen = kreiseByYear.get(year) ?? kreiseByYear.set(year, new Set()).get(year)!;
    if (seen.has(code)) throw new FormatError(sourceId, file, `line ${line}: Kreis ${code} appears twice on ${fields[0]}`);
    seen.add(code);
    // „Göttingen, Landkreis (bis 31.10.2016)“: the name as printed, the reform note stays in it.
    const name = fields[2].trim();
    columns.forEach(({sex, age}, i) => {
      const parsed = requireNumber(fields[3 + i], {sourceId, file, where: `line ${line}, ${sex} ${age.label}`}, {german: false});
      facts.push({
        source_id: sourceId, area_id: code, area_name: name, area_level: "kreis", year, reference_date: `${date[3]}-${date[2]}-${date[1]}`,
        indicator: POPULATION_INDICATOR, sex, age_group: age.code, category: "total", value: parsed.value, unit: "persons", flag: parsed.flag, source_ref: `${file}:${line}`
      });
    });
  }
  const findings = reformFindings(kreiseByYear, file);
  const headerLines = 1 + table.title.length + table.columnHeaders.length;
  const footerLines = 1 + table.footnotes.length;
  return {
    facts, footnotes: table.footnotes, findings, kreiseByYear,
    accounting: {lines: table.lines, dataRows: table.rows.length, headerLines, footerLines, skipped: table.skipped.length, facts: facts.length}
  };
}

/** Every code that is not in every year, reported: with the reform it belongs to, or as unexplained (a warning). */
export function reformFindings(kreiseByYear: Map<number, Set<string>>, file: string): Finding[] {
  const years = [...kreiseByYear.keys()].sort((a, b) => a - b);
  const all = new Set([...kreiseByYear.values()].flatMap((s) => [...s]));
  const findings: Finding[] = [];
  for (const code of [...all].sort()) {
    const present = years.filter((y) => kreiseByYear.get(y)!.has(code));
    if (present.length === years.length) continue;
    const reform = KREIS_REFORMS.find((r) => r.from.includes(code) || r.to === code);
    findings.push({
      check: "gap", severity: reform ? "info" : "warning", source_id: POPULATION_SOURCE, indicator: POPULATION_INDICATOR, area_id: code, year: null,
      message: `Kreis ${code} nur ${present.join(", ")}: ${reform ? `Kreisreform ${reform.text}; die Werte bleiben unter dem Schlüssel der Quelle, nichts wird umgerechnet` : "ohne bekannte Kreisreform – bitte prüfen"}`,
      ref: file
    });
  }
  return findings;
}

export async function populationTable(): Promise<PopulationResult> {
  const text = decodeText(await readSource(POPULATION_SOURCE, POPULATION_FILE), "latin1", POPULATION_SOURCE, POPULATION_FILE);
  return parsePopulationTable(text);
}

/**
 * Göttingen's SDG indicator 10-1 (Open SDG, GÖSIS 027.02). Titled
 * „Ausländische Bevölkerung“, but its values are naturalisations: they match
 * the concept's Abb. 10 (2018–2021 exactly). Loaded as a cross-check series
 * under an indicator id that says so.
 */
import {excerpt, parseCsv} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import {readSourceText} from "../source/fetch.ts";
import {parseImMeta, PLAIN_NUMBER} from "./im.ts";
import type {Fact} from "../model/model.ts";

export const GOETTINGEN_SDG_SOURCE = "goettingen-sdg";
const DATA = "data/indicator_10-1.csv";

export function parseGoettingenSdg(text: string, unit = "persons"): Fact[] {
  const {rows} = parseCsv(text, {sourceId: GOETTINGEN_SDG_SOURCE, file: DATA, required: ["Year", "Value"]});
  return rows.map(({line, values}) => {
    // Number("") is 0 and Number("0x1F") 31: only four digits are a year, only a plain decimal a value.
    const year = /^\d{4}$/.test(values.Year.trim()) ? Number(values.Year.trim()) : NaN;
    // The values carry a tab before the number („2014,\t203“).
    const raw = values.Value.trim();
    const value = raw === "" ? null : PLAIN_NUMBER.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(year) || (value !== null && !Number.isFinite(value))) {
      throw new FormatError(GOETTINGEN_SDG_SOURCE, DATA, `line ${line}: ${excerpt(values.Year)}, ${excerpt(values.Value)} is not a year and a number`);
    }
    return {
      source_id: GOETTINGEN_SDG_SOURCE,
      area_id: "03159016",
      area_name: "Stadt Göttingen",
      area_level: "gemeinde",
      year,
      reference_date: null,
      indicator: "goesis:10-1",
      sex: "total",
      age_group: "total",
      category: "total",
      value,
      unit,
      flag: value === null ? "missing" : null,
      source_ref: `${DATA}:${line}`
    } satisfies Fact;
  });
}

export async function goettingenSdgFacts(): Promise<Fact[]> {
  const meta = parseImMeta(await readSourceText(GOETTINGEN_SDG_SOURCE, "meta/10-1.md"), "meta/10-1.md", GOETTINGEN_SDG_SOURCE);
  if (meta.computation_units !== "Anzahl") throw new FormatError(GOETTINGEN_SDG_SOURCE, "meta/10-1.md", `unit changed: ${excerpt(String(meta.computation_units))}`);
  return parseGoettingenSdg(await readSourceText(GOETTINGEN_SDG_SOURCE, DATA));
}

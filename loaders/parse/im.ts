/**
 * Integrationsmonitoring Niedersachsen (LSN), Open SDG layout:
 * data/indicator_<id>.csv (Year, disaggregations, GeoCode, Value),
 * meta/<id>.md (YAML front matter), titles in translations/de/*.yml.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parse as parseYaml} from "yaml";
import {excerpt, parseCsv} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import {readSourceText} from "../source/fetch.ts";
import type {AreaLevel, Fact, Flag, Sex} from "../model/model.ts";
import {projectRoot} from "../source/paths.ts";
import {source} from "../source/sources.ts";

export const IM_SOURCE = "im-niedersachsen";

export interface ImIndicator {
  id: string;
  title: string;
  /** Target (Zielbereich) title. */
  target: string;
  definition: string;
  computation: string;
  data_source: string;
  other_info: string;
  footnotes: string;
  tags: string[];
  /** Units as the source states them (Units column values or meta precision). */
  units_raw: string[];
  graph_type: string;
}

/**
 * IM GeoCodes. Prefixes name the statistic, not the area: K (register),
 * RH (Regionalhochrechnung), MZ (Mikrozensus). After the prefix: 030 Land,
 * 031–034 statistical regions, 03xxx Kreise, 03241001/03241999 Hannover
 * city/Umland. Mikrozensus pools small Kreise (MZ03354360 = Uelzen with
 * Lüchow-Dannenberg) and reports Anpassungsschichten (RA_01 …).
 */
export function imArea(geoCode: string, name = ""): {area_id: string; area_level: AreaLevel} {
  const match = /^(K|RH|MZ)?(\d+)$/.exec(geoCode.trim());
  if (match) {
    const code = match[2];
    if (code === "030") return {area_id: "03", area_level: "land"};
    if (/^03[1-4]$/.test(code)) return {area_id: code, area_level: "statregion"};
    if (/^03\d{3}$/.test(code)) return {area_id: code, area_level: "kreis"};
    if (/^03241(001|999)$/.test(code)) return {area_id: code, area_level: "kreisteil"};
    // Mikrozensus pools: 03 + Kreis + the last three digits of the second Kreis.
    if (match[1] === "MZ" && /^03\d{6}$/.test(code)) return {area_id: `03${code.slice(2, 5)}+03${code.slice(5)}`, area_level: "kreisgruppe"};
  }
  const ra = /^RA_(\d+)$/.exec(geoCode.trim());
  if (ra) return {area_id: `ra${ra[1]}`, area_level: "mz_region"};
  throw new Error(`unknown GeoCode ${excerpt(geoCode)} (area ${excerpt(name)})`);
}

/** The K-scheme's 52 units (indicator 1-1-1), plus the old Landkreis Osterode and Germany. */
const CANONICAL_AREAS: [string, string][] = [
  ["K030", "Niedersachsen"], ["K031", "Statistische Region Braunschweig"], ["K032", "Statistische Region Hannover"],
  ["K033", "Statistische Region Lüneburg"], ["K034", "Statistische Region Weser-Ems"],
  ["K03101", "Braunschweig, Stadt"], ["K03102", "Salzgitter, Stadt"], ["K03103", "Wolfsburg, Stadt"], ["K03151", "Gifhorn"],
  ["K03153", "Goslar"], ["K03154", "Helmstedt"], ["K03155", "Northeim"], ["K03157", "Peine"], ["K03158", "Wolfenbüttel"],
  ["K03159", "Göttingen"], ["K03241", "Region Hannover"], ["K03241001", "Hannover, Lhst."], ["K03241999", "Hannover, Umland"],
  ["K03251", "Diepholz"], ["K03252", "Hameln-Pyrmont"], ["K03254", "Hildesheim"], ["K03255", "Holzminden"],
  ["K03256", "Nienburg (Weser)"], ["K03257", "Schaumburg"], ["K03351", "Celle"], ["K03352", "Cuxhaven"], ["K03353", "Harburg"],
  ["K03354", "Lüchow-Dannenberg"], ["K03355", "Lüneburg"], ["K03356", "Osterholz"], ["K03357", "Rotenburg (Wümme)"],
  ["K03358", "Heidekreis"], ["K03359", "Stade"], ["K03360", "Uelzen"], ["K03361", "Verden"], ["K03401", "Delmenhorst, Stadt"],
  ["K03402", "Emden, Stadt"], ["K03403", "Oldenburg (Oldb), Stadt"], ["K03404", "Osnabrück, Stadt"],
  ["K03405", "Wilhelmshaven, Stadt"], ["K03451", "Ammerland"], ["K03452", "Aurich"], ["K03453", "Cloppenburg"],
  ["K03454", "Emsland"], ["K03455", "Friesland"], ["K03456", "Grafschaft Bentheim"], ["K03457", "Leer"], ["K03458", "Oldenburg"],
  ["K03459", "Osnabrück"], ["K03460", "Vechta"], ["K03461", "Wesermarsch"], ["K03462", "Wittmund"],
  // Landkreis Osterode am Harz, merged into Landkreis Göttingen on 1.11.2016 (AGS 03156).
  ["K03156", "Osterode"]
];

/** Spelling variants some files use („Emden  Stadt“, „Hannover  Region“, „dav. Hannover, Landeshauptstadt“). */
const NAME_ALIASES: Record<string, string> = {hannoverregion: "regionhannover", hannoverlandeshauptstadt: "hannoverlhst"};

function nameKey(name: string): string {
  const key = name.toLowerCase().replace(/^dav\.\s*/, "").replace(/[^a-zäöüß]/g, "");
  return NAME_ALIASES[key] ?? key;
}

const AREAS_BY_NAME = new Map<string, {area_id: string; area_level: AreaLevel; name: string}>(
  CANONICAL_AREAS.map(([code, name]) => [nameKey(name), {...imArea(code), name}])
);
AREAS_BY_NAME.set(nameKey("Deutschland"), {area_id: "DE", area_level: "bund", name: "Deutschland"});

/** The canonical area of an IM area name, if it is one of the K-scheme units. */
export function imAreaByName(name: string): {area_id: string; area_level: AreaLevel; name: string} | undefined {
  return AREAS_BY_NAME.get(nameKey(name));
}

/** Area names the IM prints (the Region Hannover parts carry a „dav.“). */
export function imAreaName(name: string): string {
  return name.replace(/^dav\.\s*/, "").trim();
}

const SEX: Record<string, Sex> = {
  insgesamt: "total", Insgesamt: "total", zusammen: "total",
  weiblich: "female", Weiblich: "female", Frauen: "female",
  männlich: "male", Männlich: "male", Männer: "male"
};

/** Unit names of the tidy model for the units the IM prints. */
export const IM_UNITS: Record<string, string> = {
  "Anzahl": "count",
  "Fälle": "count",
  "Prozent": "percent",
  "%": "percent",
  "Geschlecht in Prozent": "percent",
  "Quote": "rate",
  "Jahre": "years",
  "Prozentpunkte": "percentage_points",
  "in 1000": "thousand",
  "Anzahl in 1000": "thousand",
  "1000": "thousand",
  "Veränderung gegenüber 2005 in Prozent": "percent_change_since_2005",
  "Veränderung gegenüber 2005 in %": "percent_change_since_2005",
  "Veränderung der Anzahl der Ausländerinnen und Ausländer gegenüber 2005 in Prozent": "percent_change_since_2005",
  "Bezugspersonen mit selbstgenutzem Wohneigentum in 1000": "thousand",
  "Eigentümerquote der Bezugspersonen mit selbstbewohnen Wohneigentum in %": "percent",
  "Wohnfläche in qm": "m2",
  "Bruttokaltmiete in €": "euro",
  "Anzahl je 1 000": "per_1000"
};

const COMMENT_FLAGS: [RegExp, Flag][] = [
  [/gesperrt/i, "suppressed"],
  [/nicht veröffentlicht/i, "suppressed"],
  [/statistisch (relativ )?unsicher/i, "uncertain"]
];

/** A number as machines write it: 12, -3.5, +3.5, .5, 6.42E-02. */
export const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const STRUCTURAL = new Set(["Year", "GeoCode", "Value", "Units", "COMMENT_OBS", "Gebietseinheit"]);

/** Reads the YAML front matter of a meta/<id>.md file. */
export function parseImMeta(text: string, file: string, sourceId = IM_SOURCE): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) throw new FormatError(sourceId, file, "no YAML front matter");
  try {
    return parseYaml(match[1]) ?? {};
  } catch (error) {
    throw new FormatError(sourceId, file, `YAML: ${(error as Error).message}`);
  }
}

/** Flat `key: value` map of a translations/de/<group>.yml file. */
export function parseTranslations(text: string, file: string): Record<string, string> {
  try {
    const parsed = parseYaml(text) ?? {};
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v ?? "").trim()]));
  } catch (error) {
    throw new FormatError(IM_SOURCE, file, `YAML: ${(error as Error).message}`);
  }
}

export type Translations = Map<string, Record<string, string>>;

/** Resolves `group.key` references (global_indicators.1-2-6-title, MH.AZR) through the translations. */
export function translate(value: unknown, translations: Translations): string {
  if (value === undefined || value === null) return "";
  const text = String(value).trim();
  const match = /^([A-Za-z_]+)\.([\w-]+)$/.exec(text);
  if (match) {
    const resolved = translations.get(match[1])?.[match[2]];
    if (resolved !== undefined) return resolved;
  }
  return text;
}

function yearOf(raw: string): {year: number | null; period: string | null} {
  const text = raw.trim();
  if (/^\d{4}$/.test(text)) return {year: Number(text), period: null};
  const semester = /^WS (\d{4})\/\d{2}$/.exec(text);
  if (semester) return {year: Number(semester[1]), period: text};
  return {year: null, period: text};
}

export interface ImParseResult {
  facts: Fact[];
  /** Rows whose content the model could not place exactly; reported as data-quality findings. */
  notes: {ref: string; message: string}[];
  units: string[];
}

/**
 * Parses one indicator CSV. `defaultUnit` applies when the file has no Units
 * column (from the meta's precision unit or the project's data/im-units.csv).
 */
export function parseImCsv(text: string, id: string, defaultUnit?: string): ImParseResult {
  const file = `data/indicator_${id}.csv`;
  const table = parseCsv(text, {sourceId: IM_SOURCE, file, required: ["Year", "Value"]});
  const dims = table.header.filter((h) => h !== "" && !STRUCTURAL.has(h));
  const hasGeo = table.header.includes("GeoCode");
  const facts: Fact[] = [];
  const notes: ImParseResult["notes"] = [];
  const units = new Set<string>();
  for (const {line, values} of table.rows) {
    const ref = `${file}:${line}`;
    let area: {area_id: string; area_level: AreaLevel};
    let areaName: string;
    // The name decides where it names a known unit: some files shift or mix
    // up GeoCodes (6-2-2, 2-3-2, 2-3-3). 1-2-5 puts nationality keys (0, W121 …)
    // into GeoCode; its area is the Land.
    const geo = hasGeo ? values.GeoCode.trim() : "";
    const named = imAreaByName(values.Gebietseinheit ?? (geo === "" || /^(0|W\d+)$/.test(geo) ? "Niedersachsen" : ""));
    let coded: {area_id: string; area_level: AreaLevel} | undefined;
    if (geo && !/^(0|W\d+)$/.test(geo)) {
      try {
        coded = imArea(geo, values.Gebietseinheit ?? "");
      } catch (error) {
        if (!named) throw new FormatError(IM_SOURCE, file, `line ${line}: ${(error as Error).message}`);
        notes.push({ref, message: `GeoCode „${geo}“ unbrauchbar; Gebiet über den Namen „${values.Gebietseinheit}“ zugeordnet`});
      }
    }
    if (named) {
      area = {area_id: named.area_id, area_level: named.area_level};
      areaName = named.name;
      if (coded && coded.area_id !== named.area_id) {
        notes.push({ref, message: `GeoCode „${geo}“ passt nicht zum Gebietsnamen „${values.Gebietseinheit}“; der Name gilt (${named.area_id})`});
      }
    } else if (coded) {
      area = coded;
      areaName = imAreaName(values.Gebietseinheit ?? coded.area_id);
    } else {
      throw new FormatError(IM_SOURCE, file, `line ${line}: area ${excerpt(values.Gebietseinheit ?? "")} has no usable GeoCode and is no known unit`);
    }
    const {year, period} = yearOf(values.Year);
    if (year === null && !period) throw new FormatError(IM_SOURCE, file, `line ${line}: empty Year`);
    // Periods are free text („2024 / 2005“, „Juni 2007“, „WS 2005/06“) but always name a year.
    if (year === null && !/(^|\D)(19|20)\d\d(\D|$)/.test(period!)) throw new FormatError(IM_SOURCE, file, `line ${line}: Year ${excerpt(period!)} is neither a year nor a period`);
    let sex: Sex = "total";
    let age = "total";
    const category: string[] = [];
    if (period) category.push(`Zeitraum=${period}`);
    for (const dim of dims) {
      const v = (values[dim] ?? "").trim();
      if (dim === "Geschlecht" && v in SEX) sex = SEX[v];
      else if (dim === "Geschlecht" && v !== "") {
        category.push(`${dim}=${v}`);
        notes.push({ref, message: `Spalte „Geschlecht“ enthält „${v}“ (kein Geschlecht); als Kategorie übernommen`});
      } else if (/^Altersgrupp+e$/.test(dim) && v !== "") age = v === "Insgesamt" || v === "insgesamt" ? "total" : v;
      else if (v !== "") category.push(`${dim}=${v}`);
    }
    const rawUnit = (values.Units ?? "").trim() || defaultUnit;
    if (!rawUnit) throw new FormatError(IM_SOURCE, file, `line ${line}: no unit (no Units column and none in meta or data/im-units.csv)`);
    units.add(rawUnit);
    const unit = IM_UNITS[rawUnit];
    if (!unit) throw new FormatError(IM_SOURCE, file, `line ${line}: unknown unit ${excerpt(rawUnit)} (add it to IM_UNITS)`);
    const rawValue = values.Value.trim();
    let value: number | null = null;
    let flag: Flag | null = null;
    if (rawValue === "") flag = "missing";
    else {
      // A plain decimal number (sign, exponent allowed); Number() alone would also take "0x1F" or "0b1".
      value = PLAIN_NUMBER.test(rawValue) ? Number(rawValue) : NaN;
      if (!Number.isFinite(value)) throw new FormatError(IM_SOURCE, file, `line ${line}: Value ${excerpt(rawValue)} is not a number`);
    }
    const comment = (values.COMMENT_OBS ?? "").trim();
    if (comment) {
      const hit = COMMENT_FLAGS.find(([pattern]) => pattern.test(comment));
      flag = hit ? hit[1] : flag;
      if (!hit) notes.push({ref, message: `Anmerkung ohne Zuordnung: „${comment}“`});
      // The source marks the cell as withheld but still prints a number: withheld wins, the number is reported.
      if (flag === "suppressed" && value !== null) {
        notes.push({ref, message: `Quelle kennzeichnet den Wert als „${comment}“, druckt aber ${value}; geführt als gesperrt (ohne Wert)`});
        value = null;
      }
    }
    facts.push({
      source_id: IM_SOURCE,
      ...area,
      area_name: areaName,
      year,
      reference_date: null,
      indicator: `im:${id}`,
      sex,
      age_group: age,
      category: category.length ? category.join("; ") : "total",
      value,
      unit,
      flag,
      source_ref: ref
    });
  }
  return {facts, notes, units: [...units]};
}

/** The project's unit for indicators whose files state none (data/im-units.csv, with evidence). */
export function imUnitDefaults(): Record<string, string> {
  const file = "data/im-units.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data", file, required: ["indicator", "unit", "evidence"]});
  const units: Record<string, string> = {};
  for (const {line, values} of rows) {
    // A second row for an indicator would silently replace the first.
    if (Object.hasOwn(units, values.indicator)) throw new FormatError("data", file, `line ${line}: indicator ${excerpt(values.indicator)} twice`);
    units[values.indicator] = values.unit;
  }
  return units;
}

export function imIndicatorIds(): string[] {
  return source(IM_SOURCE)
    .files.map((f) => /^data\/indicator_(.+)\.csv$/.exec(f.path)?.[1])
    .filter((id): id is string => !!id)
    .sort((a, b) => a.localeCompare(b, "de", {numeric: true}));
}

export async function imTranslations(): Promise<Translations> {
  const translations: Translations = new Map();
  for (const file of source(IM_SOURCE).files.filter((f) => f.path.startsWith("translations/de/"))) {
    const group = file.path.replace(/^translations\/de\//, "").replace(/\.yml$/, "");
    translations.set(group, parseTranslations(await readSourceText(IM_SOURCE, file.path), file.path));
  }
  return translations;
}

export async function imIndicator(id: string, translations: Translations, unitDefaults: Record<string, string> = imUnitDefaults()): Promise<{meta: ImIndicator; result: ImParseResult}> {
  const metaPath = `meta/${id}.md`;
  const meta = parseImMeta(await readSourceText(IM_SOURCE, metaPath), metaPath);
  const precision = (meta.precision ?? meta.presicion) as {unit?: string}[] | undefined;
  const metaUnit = Array.isArray(precision) ? precision.find((p) => p?.unit)?.unit : undefined;
  const result = parseImCsv(await readSourceText(IM_SOURCE, `data/indicator_${id}.csv`), id, metaUnit ?? unitDefaults[id]);
  const footnotes = [meta.data_footnote, meta.data_footnotes, meta.datafootnote].map((f) => translate(f, translations)).filter(Boolean).join("\n");
  return {
    meta: {
      id,
      title: translate(meta.indicator_name ?? meta.graph_title, translations) || id,
      target: translate(meta.target_name, translations),
      definition: translate(meta.national_indicator_description, translations),
      computation: translate(meta.computation_calculations, translations),
      data_source: translate(meta.data_source, translations),
      other_info: translate(meta.other_info, translations),
      footnotes,
      tags: Array.isArray(meta.tags) ? meta.tags.map(String) : [],
      units_raw: result.units,
      graph_type: String(meta.graph_type ?? "")
    },
    result
  };
}

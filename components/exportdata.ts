/**
 * A figure's numbers as files a reader can reuse: one row per area, year,
 * measure and breakdown with area code, area name, year, reference date,
 * value, unit, flag and the series breaks the value lies after —
 * - for German spreadsheets: UTF-8 with BOM, `;`, decimal comma, German
 *   headers and dates (Excel and LibreOffice in a German locale open it as
 *   numbers);
 * - for machines: `,`, decimal point, ISO dates, the fact model's column names;
 * and a metadata JSON (title, definition, sources with commit, files and
 * licence, reference date, series breaks with year, title, text and source,
 * the figure's URL).
 * Values keep the precision the source publishes: a source value is written
 * as parsed (its shortest form is the printed one), a value the atlas
 * computes at the digits its column declares. Quoting: d3-dsv (already a
 * dependency, imported through d3 as the pages already load it) — RFC 4180
 * quoting for any delimiter, so names with ; " or line breaks survive.
 */
import {csvFormatRows, dsvFormat} from "d3";
import {commitUrl, licenceOf, rawUrl, sourceSummary, type SourceRef, type SourceSummary} from "./provenance.js";
import type {BreakEntry} from "./comparability.js";

/** What a row of the downloads names of a series break. */
export type BreakMark = Pick<BreakEntry, "id" | "label" | "break_year">;

export type {SourceRef};

/** What the exports need to know of a figure column (a subset of figure.ts's Column). */
export interface ExportColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** Unit of the column's values as the fact model names units (percent, persons, per_1000 …). */
  unit?: string;
  /** Decimal places the source publishes (for values the atlas computes from counts). */
  digits?: number;
  /** How the column enters the export: area code/name, year, flag, or not at all (ranks, derived labels). Numeric columns are values by default. */
  role?: "area_id" | "area_name" | "year" | "reference_date" | "category" | "flag" | "skip";
}

export interface ExportRecord {
  area_id: string;
  area_name: string;
  year: number | null;
  reference_date: string;
  measure: string;
  /** Breakdown within the area (an age group, a sex …) as „column: value“; empty when none. */
  category: string;
  value: number | null;
  unit: string;
  flag: string;
  digits?: number;
  /** The series breaks the value lies after (a change: those it reaches across); left out when none in the figure's years. */
  breaks?: BreakMark[];
}

/** Decimal places written for a value the atlas computed without a declared precision. */
export const FALLBACK_DIGITS = 4;

const UNIT_DE: Record<string, string> = {
  percent: "Prozent",
  percentage_points: "Prozentpunkte",
  per_1000: "je 1.000 Einwohner",
  persons: "Personen",
  count: "Anzahl",
  thousand: "Tausend",
  years: "Jahre",
  ha: "Hektar",
  km2: "Quadratkilometer",
  persons_per_km2: "Einwohner je Quadratkilometer"
};

const FLAG_DE: Record<string, string> = {
  suppressed: "gesperrt",
  missing: "fehlt",
  zero_sign: "Nullzeichen (nichts vorhanden)",
  estimated: "geschätzt",
  conflict: "Widerspruch zwischen Tabellen",
  break: "Reihenbruch"
};

const NAME_LABELS = /^(Gebiet|Stadtteil|Kreis|Gemeinde|Ort|Region|Land|Reihe)$/i;
const YEAR_LABELS = /^(Jahr|year)$/i;

/** The role a column plays in the export, declared or read from its key and label; other text columns are breakdowns. */
function roleOf(column: ExportColumn, firstName: boolean): ExportColumn["role"] | "value" {
  if (column.role) return column.role;
  if (column.key === "area_id") return "area_id";
  if (column.key === "flag" || /^Kennzeichen$/i.test(column.label)) return "flag";
  if (YEAR_LABELS.test(column.label) || YEAR_LABELS.test(column.key)) return "year";
  if (column.numeric) return /^Rang$/i.test(column.label) ? "skip" : "value";
  return firstName ? "area_name" : "category";
}

/**
 * The long form of a figure's table: one record per row and value column.
 * `referenceDate` gives the day (ISO) a row's value refers to, when known.
 */
export function exportRecords<T>(rows: T[], columns: ExportColumn[], {referenceDate, breaksOf}: {referenceDate?: (row: T, year: number | null) => string | null; breaksOf?: (row: T, year: number | null) => readonly BreakMark[]} = {}): ExportRecord[] {
  const firstName = columns.some((c) => c.role === "area_name") ? undefined : columns.find((c) => !c.numeric && !c.role && NAME_LABELS.test(c.label));
  const roles = columns.map((c) => roleOf(c, c === firstName));
  const pick = (row: T, role: string) => {
    const i = roles.indexOf(role as never);
    return i < 0 ? undefined : (row as Record<string, unknown>)[columns[i].key];
  };
  const out: ExportRecord[] = [];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    const areaId = pick(row, "area_id") ?? record.area_id ?? "";
    const name = pick(row, "area_name") ?? record.area_name ?? record.name ?? "";
    const yearValue = pick(row, "year") ?? record.year ?? null;
    const year = yearValue === null || yearValue === undefined || yearValue === "" ? null : Number(yearValue);
    const flag = pick(row, "flag") ?? record.flag ?? "";
    const category = columns
      .filter((c, i) => roles[i] === "category" && record[c.key] !== null && record[c.key] !== undefined && record[c.key] !== "")
      .map((c) => `${c.label}: ${record[c.key]}`)
      .join("; ");
    const date = (pick(row, "reference_date") as string | undefined) ?? (record.reference_date as string | undefined) ?? referenceDate?.(row, year) ?? "";
    const breaks = (breaksOf?.(row, year) ?? []).map(({id, label, break_year}) => ({id, label, break_year}));
    columns.forEach((c, i) => {
      if (roles[i] !== "value") return;
      const raw = record[c.key];
      const value = raw === null || raw === undefined || raw === "" ? null : Number(raw);
      out.push({
        area_id: String(areaId),
        area_name: String(name),
        year,
        reference_date: date ?? "",
        measure: c.label,
        category,
        value: value === null || Number.isNaN(value) ? null : value,
        unit: c.unit ?? "",
        // A value that is not there is flagged, never written as 0.
        flag: String(flag || (value === null ? "missing" : "")),
        digits: c.digits,
        ...(breaks.length ? {breaks} : {})
      });
    });
  }
  return out;
}

/** A value as the export writes it, decimal point: declared digits, else as published, else FALLBACK_DIGITS. */
export function exportNumber(value: number | null, digits?: number): string {
  if (value === null || !Number.isFinite(value)) return "";
  if (digits !== undefined) return value.toFixed(digits);
  const plain = String(value);
  if (/e/i.test(plain)) return value.toFixed(FALLBACK_DIGITS).replace(/\.?0+$/, "");
  const decimals = plain.split(".")[1]?.length ?? 0;
  // 15 digits after the point are an atlas quotient, not a published number.
  return decimals > FALLBACK_DIGITS ? value.toFixed(FALLBACK_DIGITS) : plain;
}

function isoToGerman(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}

export const GERMAN_HEADER = ["Gebietsschlüssel", "Gebiet", "Jahr", "Stichtag", "Merkmal", "Gliederung", "Wert", "Einheit", "Kennzeichen", "Reihenbruch"];
export const MACHINE_HEADER = ["area_id", "area_name", "year", "reference_date", "measure", "category", "value", "unit", "flag", "series_break"];

/** „Zensus 2022 (ab 2022)“; several joined by „; “. */
const breaksInWords = (breaks: BreakMark[] = []) => breaks.map((b) => `${b.label} (ab ${b.break_year})`).join("; ");

/** For German spreadsheets: BOM, `;`, decimal comma, dates as 31.12.2022, German units and flags. */
export function germanCsv(records: ExportRecord[]): string {
  const rows = records.map((r) => [
    r.area_id,
    r.area_name,
    r.year === null ? "" : String(r.year),
    isoToGerman(r.reference_date),
    r.measure,
    r.category,
    exportNumber(r.value, r.digits).replace(".", ","),
    UNIT_DE[r.unit] ?? r.unit,
    FLAG_DE[r.flag] ?? r.flag,
    breaksInWords(r.breaks)
  ]);
  return `\ufeff${dsvFormat(";").formatRows([GERMAN_HEADER, ...rows]).replace(/\n/g, "\r\n")}\r\n`;
}

/** For programs: `,`, decimal point, ISO dates, the fact model's unit and flag codes. */
export function machineCsv(records: ExportRecord[]): string {
  const rows = records.map((r) => [r.area_id, r.area_name, r.year === null ? "" : String(r.year), r.reference_date, r.measure, r.category, exportNumber(r.value, r.digits), r.unit, r.flag, (r.breaks ?? []).map((b) => b.id).join(";")]);
  return `${csvFormatRows([MACHINE_HEADER, ...rows])}\n`;
}

export interface FigureMetadataInput {
  id: string;
  title: string;
  subtitle?: string;
  definition: string;
  notes?: string[];
  /** The source line as the caption prints it. */
  source: string;
  sources?: SourceRef[];
  /** Printed reference date and, when the figure has one day, ISO. */
  date: {printed: string; iso: string | null};
  licence: string;
  url?: string;
  /** Root of the site as seen from the page (for the link to the source register). */
  root?: string;
  records: ExportRecord[];
  /** The series breaks within the figure's years, as the registry states them. */
  breaks?: readonly BreakEntry[];
}

function sourceEntry(ref: SourceRef, root: string) {
  const src = sourceSummary(ref.id) as SourceSummary | undefined;
  if (!src) return {id: ref.id, error: "Quelle nicht im Register"};
  return {
    id: src.id,
    title: src.title,
    publisher: src.publisher,
    attribution: src.attribution,
    repository: src.repository,
    commit: src.commit,
    commit_url: commitUrl(src),
    files: (ref.files ?? []).map((path) => ({path, url: rawUrl(src, path), ...(ref.sha256?.[path] ? {sha256: ref.sha256[path]} : {})})),
    licence: src.data_licence,
    licence_statement: licenceOf(src),
    terms_url: src.terms_url,
    repository_licence: src.repository_licence,
    // SHA-256 of every pinned file: the register page.
    register: `${root}quellen#quelle-${src.id}`
  };
}

/** The metadata file of a figure's data download. */
export function metadataJson(meta: FigureMetadataInput): string {
  const root = meta.root ?? "/";
  const rounded = meta.records.some((r) => r.digits === undefined && r.value !== null && (String(r.value).split(".")[1]?.length ?? 0) > FALLBACK_DIGITS);
  const units = [...new Set(meta.records.map((r) => r.unit).filter(Boolean))];
  const flags = [...new Set(meta.records.map((r) => r.flag).filter(Boolean))];
  return `${JSON.stringify(
    {
      id: meta.id,
      title: meta.title,
      subtitle: meta.subtitle ?? null,
      definition: meta.definition,
      notes: meta.notes ?? [],
      reference_date: meta.date,
      source: meta.source,
      sources: (meta.sources ?? []).map((ref) => sourceEntry(ref, root)),
      licence: meta.licence,
      url: meta.url ?? null,
      series_breaks: (meta.breaks ?? []).map((b) => ({id: b.id, year: Number(b.break_year), label: b.label, title: b.title, text: b.text, source: b.source})),
      columns: {
        area_id: "amtlicher Gebietsschlüssel (AGS), Stadtteile <AGS>-<Kennung>",
        area_name: "Gebiet, wie die Quelle es nennt",
        year: "Berichtsjahr",
        reference_date: "Stichtag (ISO 8601), wo bekannt",
        measure: "Merkmal (Spaltenüberschrift der Abbildung)",
        category: "Gliederung innerhalb des Gebiets (Altersgruppe, Geschlecht …) als „Spalte: Wert“",
        value: "Wert; leer = kein Wert (siehe flag), nie 0",
        unit: "Einheit",
        flag: "Kennzeichen: suppressed = gesperrt, missing = fehlt, zero_sign = Nullzeichen der Quelle …",
        series_break: "Reihenbrüche (Kennungen aus series_breaks, durch ; getrennt), nach denen der Wert liegt, bei einer Veränderung die, über die sie hinwegreicht; Werte mit verschiedenen Einträgen sind nur eingeschränkt vergleichbar; leer = kein Bruch in den gezeigten Jahren"
      },
      units: Object.fromEntries(units.map((u) => [u, UNIT_DE[u] ?? u])),
      flags: Object.fromEntries(flags.map((f) => [f, FLAG_DE[f] ?? f])),
      precision: rounded
        ? `Werte, wie die Quelle sie veröffentlicht; vom Atlas berechnete Werte ohne festgelegte Genauigkeit auf ${FALLBACK_DIGITS} Nachkommastellen gerundet.`
        : "Werte, wie die Quelle sie veröffentlicht; vom Atlas berechnete Werte mit der Stellenzahl ihrer Spalte.",
      files: {german_csv: "UTF-8 mit BOM, Trennzeichen ;, Dezimalkomma", machine_csv: "UTF-8, Trennzeichen ,, Dezimalpunkt"},
      rows: meta.records.length
    },
    null,
    2
  )}\n`;
}

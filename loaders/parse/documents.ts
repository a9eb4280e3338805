/**
 * The five concept documents (../shared/seeds/) and the project's
 * transcriptions of their statistics (data/documents/<slug>/statistics.csv).
 * See data/README.md for the transcription schema and citation rule.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {excerpt, parseCsv} from "./csv.ts";
import {FormatError} from "../source/errors.ts";
import type {AreaLevel, Fact, Flag} from "../model/model.ts";
import {projectRoot} from "../source/paths.ts";

export interface ConceptDocument {
  doc_id: string;
  slug: string;
  place: string;
  title: string;
  publisher: string;
  year: number;
  /** File name in ../shared/seeds/. */
  seed: string;
}

export const DOCUMENTS: ConceptDocument[] = [
  {doc_id: "000", slug: "goettingen", place: "Stadt Göttingen", title: "Kommunales Integrationskonzept 2024–2028", publisher: "Stadt Göttingen, Referat 05 – Büro für Integration", year: 2024, seed: "000_cf2b7c23d95d113b.txt"},
  {doc_id: "001", slug: "wolfsburg", place: "Stadt Wolfsburg", title: "Integrationskonzept „Vielfalt leben“ 2021", publisher: "Stadt Wolfsburg", year: 2021, seed: "001_eb663a934c6f9148.txt"},
  {doc_id: "002", slug: "region-hannover", place: "Region Hannover", title: "Vielfalt und Zusammenhalt – Integrationskonzept der Region Hannover", publisher: "Region Hannover", year: 2016, seed: "002_a5fe8b958301d539.txt"},
  {doc_id: "003", slug: "rotenburg", place: "Landkreis Rotenburg (Wümme)", title: "Integrationskonzept des Landkreises Rotenburg (Wümme)", publisher: "Landkreis Rotenburg (Wümme)", year: 2023, seed: "003_1aa2c03d363b01ae.txt"},
  {doc_id: "004", slug: "magdeburg", place: "Landeshauptstadt Magdeburg", title: "Dokumentation zur Diskussionsveranstaltung „Integrationspolitische Leitlinien der Landeshauptstadt Magdeburg“", publisher: "Landeshauptstadt Magdeburg, Stabsstelle für Jugendhilfe-, Sozial- und Gesundheitsplanung", year: 2018, seed: "004_c8c877fbbd07a577.txt"}
];

export const STATISTICS_COLUMNS = [
  "doc_id", "table_id", "table_title", "section", "line", "area_name", "year", "reference_date", "indicator", "indicator_label",
  "sex", "age_group", "category", "value", "unit", "value_printed", "flag", "sum_group", "role", "note"
];

export interface DocumentStatistic {
  doc_id: string;
  table_id: string;
  table_title: string;
  section: string;
  line: number;
  area_name: string;
  year: number | null;
  reference_date: string | null;
  indicator: string;
  indicator_label: string;
  sex: "total" | "female" | "male";
  age_group: string;
  category: string;
  value: number | null;
  unit: string;
  value_printed: string;
  flag: string;
  /** A row may be part of several sum groups (`;`-separated, paired with `role`). */
  sum_groups: {group: string; role: "total" | "part"}[];
  note: string;
}

export function documentSourceId(doc: ConceptDocument): string {
  return `doc-${doc.slug}`;
}

export function seedPath(doc: ConceptDocument): string {
  return join(projectRoot, "..", "shared", "seeds", doc.seed);
}

export function statisticsPath(doc: ConceptDocument): string {
  return join(projectRoot, "data", "documents", doc.slug, "statistics.csv");
}

/**
 * Parses one document's statistics transcription; every row is checked for
 * shape. One statistic per CSV row, or a FormatError naming file:line.
 */
export function parseDocumentStatistics(text: string, file: string): DocumentStatistic[] {
  const sourceId = "data/documents";
  const {rows} = parseCsv(text, {sourceId, file, required: STATISTICS_COLUMNS});
  return rows.map(({line, values: v}) => {
    // file:line as the place, so the message reads „data/documents/x/statistics.csv:12: …“.
    const fail = (message: string) => new FormatError(sourceId, `${file}:${line}`, message);
    const num = (s: string, what: string): number | null => {
      if (s.trim() === "") return null;
      // Plain decimals only: Number() would take "0x1F" or "1e3" for numbers a transcriber never writes.
      const n = /^\s*-?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : NaN;
      if (!Number.isFinite(n)) throw fail(`${what} ${excerpt(s)} is not a plain number`);
      return n;
    };
    if (!["total", "female", "male"].includes(v.sex)) throw fail(`sex ${excerpt(v.sex)} is not total/female/male`);
    if (v.reference_date && !/^\d{4}-\d{2}-\d{2}$/.test(v.reference_date)) throw fail(`reference_date ${excerpt(v.reference_date)} is not YYYY-MM-DD`);
    const groups = v.sum_group ? v.sum_group.split(";") : [];
    const roles = v.role ? v.role.split(";") : [];
    if (groups.length !== roles.length || roles.some((r) => r !== "total" && r !== "part")) {
      throw fail(`sum_group ${excerpt(v.sum_group)} and role ${excerpt(v.role)} do not pair up`);
    }
    const seedLine = num(v.line, "line");
    if (seedLine === null || !Number.isInteger(seedLine) || seedLine < 1) throw fail(`line ${excerpt(v.line)} is no line number of the document (the citation is required)`);
    const year = num(v.year, "year");
    if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) throw fail(`year ${excerpt(v.year)} is no year`);
    return {
      doc_id: v.doc_id,
      table_id: v.table_id,
      table_title: v.table_title,
      section: v.section,
      line: seedLine,
      area_name: v.area_name,
      year,
      reference_date: v.reference_date || null,
      indicator: v.indicator,
      indicator_label: v.indicator_label,
      sex: v.sex as DocumentStatistic["sex"],
      age_group: v.age_group || "total",
      category: v.category || "total",
      value: num(v.value, "value"),
      unit: v.unit,
      value_printed: v.value_printed,
      flag: v.flag,
      sum_groups: groups.map((group, i) => ({group, role: roles[i] as "total" | "part"})),
      note: v.note
    };
  });
}

export function readDocumentStatistics(doc: ConceptDocument): DocumentStatistic[] {
  const path = statisticsPath(doc);
  if (!existsSync(path)) return [];
  return parseDocumentStatistics(readFileSync(path, "utf8"), `data/documents/${doc.slug}/statistics.csv`);
}

interface DocumentArea {
  area_id: string;
  area_level: AreaLevel;
}

function documentAreas(): Map<string, DocumentArea> {
  const file = "data/document-areas.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data", file, required: ["doc_id", "area_name", "area_id", "area_level"]});
  const areas = new Map<string, DocumentArea>();
  for (const {line, values: v} of rows) {
    const key = `${v.doc_id}|${v.area_name}`;
    // A second row for the same name would silently replace the first.
    if (areas.has(key)) throw new FormatError("data", file, `line ${line}: document ${excerpt(v.doc_id)}, area ${excerpt(v.area_name)} twice`);
    areas.set(key, {area_id: v.area_id, area_level: v.area_level as AreaLevel});
  }
  return areas;
}

const FLAGS: Record<string, Flag | null> = {"": null, approx: "approx", range: "approx", derived_in_text: "derived"};

/** The documents' statistics as facts of the tidy model (source_id doc-<slug>). */
export function documentFacts(): Fact[] {
  const areas = documentAreas();
  const facts: Fact[] = [];
  for (const doc of DOCUMENTS) {
    for (const s of readDocumentStatistics(doc)) {
      const area = areas.get(`${doc.doc_id}|${s.area_name}`);
      if (!area) throw new FormatError("data", "data/document-areas.csv", `no row for document ${doc.doc_id}, area ${excerpt(s.area_name)}`);
      if (!Object.hasOwn(FLAGS, s.flag)) throw new FormatError("data/documents", `data/documents/${doc.slug}/statistics.csv`, `line for ${doc.seed}:${s.line}: unknown flag ${excerpt(s.flag)}`);
      facts.push({
        source_id: documentSourceId(doc),
        area_id: area.area_id,
        area_name: s.area_name,
        area_level: area.area_level,
        year: s.year,
        reference_date: s.reference_date,
        indicator: `${doc.slug}:${s.indicator}`,
        sex: s.sex,
        age_group: s.age_group,
        category: s.category,
        value: s.value,
        unit: s.unit,
        flag: FLAGS[s.flag],
        source_ref: `${doc.seed}:${s.line}${s.table_id !== "text" ? ` (${s.table_id})` : ""}`
      });
    }
  }
  return facts;
}

/**
 * The normalisation of data/README.md's verification rule: footnote markers
 * dropped (with their number), other tags removed, backslash escapes and
 * markdown emphasis undone, white space collapsed.
 */
export function normaliseSeedText(text: string): string {
  return text
    .replace(/<sup>[^<]*<\/sup>/gi, "")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>"'])/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const seedCache = new Map<string, string[]>();

/** The seed's lines (1-based: index 0 is line 1). */
export function seedLines(doc: ConceptDocument): string[] {
  let lines = seedCache.get(doc.doc_id);
  if (!lines) seedCache.set(doc.doc_id, (lines = readFileSync(seedPath(doc), "utf8").split("\n")));
  return lines;
}


/**
 * The documents' own sums: every sum group's parts against its total, as
 * printed. Mismatches are findings; the transcription stays as printed.
 */
export function checkDocumentSums(doc: ConceptDocument, statistics = readDocumentStatistics(doc)): import("../model/quality.ts").Finding[] {
  const groups = new Map<string, {total?: DocumentStatistic; parts: DocumentStatistic[]}>();
  for (const s of statistics) {
    for (const {group, role} of s.sum_groups) {
      const entry = groups.get(group) ?? {parts: []};
      if (role === "total") entry.total = s;
      else entry.parts.push(s);
      groups.set(group, entry);
    }
  }
  const findings: import("../model/quality.ts").Finding[] = [];
  for (const [group, {total, parts}] of groups) {
    if (!total || total.value === null || !parts.length || parts.some((p) => p.value === null)) continue;
    const sum = Math.round(parts.reduce((s, p) => s + (p.value as number), 0) * 1000) / 1000;
    const difference = Math.round((sum - total.value) * 1000) / 1000;
    if (difference === 0) continue;
    const rounding = total.unit === "percent" && Math.abs(difference) <= 0.5;
    findings.push({
      check: "parts_total",
      severity: rounding ? "info" : "warning",
      source_id: documentSourceId(doc),
      indicator: `${doc.slug}:${total.indicator}`,
      area_id: "",
      year: total.year,
      message: `${total.table_id === "text" ? "Text" : total.table_id.replace(/^abb/, "Abb. ").replace(/^tab/, "Tab. ")}, ${group}: Teile ergeben ${sum.toLocaleString("de-DE")}, gedruckte Summe ${total.value_printed} (Differenz ${difference.toLocaleString("de-DE")})${rounding ? "; Rundungsdifferenz" : ""}`,
      ref: [total, ...parts].map((s) => `${doc.seed}:${s.line}`).filter((r, i, all) => all.indexOf(r) === i).join("; ")
    });
  }
  return findings;
}

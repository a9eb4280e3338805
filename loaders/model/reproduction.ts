/**
 * Reproduction of the concept documents' statistics. Every number a document
 * prints (data/documents/<slug>/statistics.csv) is set beside what can be
 * held against it:
 *
 * - checks derived from the document's own numbers: parts against their
 *   printed total (sum_group/role), shares against the counts they are made
 *   of, stated changes and differences against the numbers they compare,
 *   shares of a complete breakdown against 100 %, and the same figure printed
 *   at several places;
 * - the same figure from a second source in the atlas, as listed and
 *   reviewed in data/documents/reproduction-matches.csv.
 *
 * The rules that are not in the transcription itself (which counts make a
 * share, which change compares which years, how precisely a column is
 * printed) are an explicit list: data/documents/reproduction-rules.csv.
 *
 * Tolerances follow the printed precision: a printed 25,5 % matches every
 * value from 25,45 to 25,55. A difference beyond that is a mismatch; it is
 * rounding-level when the rounding of the numbers it is computed from (or a
 * cut instead of a rounding) can explain it, and real otherwise. Nothing is
 * repaired: the printed numbers stay as printed.
 */
import {readIndicatorMeta, type IndicatorMeta} from "./indicator-meta.ts";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parseCsv} from "../parse/csv.ts";
import {DOCUMENTS, readDocumentStatistics, type ConceptDocument, type DocumentStatistic} from "../parse/documents.ts";
import type {Fact} from "./model.ts";
import {projectRoot} from "../source/paths.ts";

// ---------------------------------------------------------------- vocabulary

/** How an approximate number is qualified: „mehr als“ (lower bound), „fast“/„knapp“ (just below), „rund“/„ca.“ (about). */
export type Qualifier = "min" | "max" | "about";

/**
 * ok: within the printed precision. rundung: a mismatch that rounding
 * explains. abweichung: a real mismatch. eingeschraenkt: a difference to a
 * source that is only partly comparable. kontext: a second-source value shown
 * for orientation only. fehlt: the second source has no value.
 */
export type Status = "ok" | "rundung" | "abweichung" | "eingeschraenkt" | "kontext" | "fehlt";

/** The statuses that are flagged as mismatches. */
export const MISMATCH_STATUSES: readonly Status[] = ["rundung", "abweichung", "eingeschraenkt"];

export function isMismatch(status: Status): boolean {
  return MISMATCH_STATUSES.includes(status);
}

export type CheckKind = "sum" | "share" | "change" | "difference" | "partition" | "repeat" | "second_source";

export type Comparability = "gleich" | "eingeschraenkt" | "kontext" | "keine";

/** Relative band of approximate numbers („rund 60“: 54–66; „fast 5“: 4,5–5). */
export const APPROX_BAND = 0.1;

// ------------------------------------------------------------------ precision

/**
 * Half a unit of the last printed digit: „25,5 %“ → 0,05; „27,30%“ → 0,005;
 * „2,17 Millionen“ → 5.000; „21%“ → 0,5. A count printed in full („43.024“)
 * is exact (0); so are numbers printed as words unless flagged approximate.
 */
export function printedHalfUnit(printed: string, unit: string): number {
  const match = /(\d[\d.]*)(?:,(\d+))?/.exec(printed);
  if (!match) return 0;
  const decimals = match[2]?.length ?? 0;
  const multiplier = /milliarde/i.test(printed) ? 1e9 : /million/i.test(printed) ? 1e6 : 1;
  if (decimals === 0 && multiplier === 1 && unit !== "percent" && unit !== "percentage_points") return 0;
  return round(0.5 * 10 ** -decimals * multiplier);
}

const QUALIFIER_WORDS = "mehr als|über|gut|mindestens|fast|knapp|beinahe|rund|ca\\.|circa|etwa|ungefähr";
const LEADING = new RegExp(`^(${QUALIFIER_WORDS})\\s`, "i");
const TRAILING = new RegExp(`(?:^|\\s)(${QUALIFIER_WORDS})\\s+$`, "i");

function qualifierOf(word: string): Qualifier {
  const w = word.toLowerCase();
  if (["mehr als", "über", "gut", "mindestens"].includes(w)) return "min";
  if (["fast", "knapp", "beinahe"].includes(w)) return "max";
  return "about";
}

/** The quoted passages („…“) of a transcriber's note: the document's own words. */
function quotes(note: string): string[] {
  return [...note.matchAll(/„([^“]*)“/g)].map((m) => m[1]);
}

/**
 * How an approximate number is meant, read from the words printed right
 * before it (in value_printed, in the note's quotations of the document, or
 * in the label). Exact numbers have none; an approximate number without such
 * a word is „about“.
 */
export function qualifier(s: Pick<DocumentStatistic, "flag" | "value_printed" | "indicator_label" | "note">): Qualifier | null {
  if (s.flag !== "approx" && s.flag !== "range") return null;
  const lead = LEADING.exec(s.value_printed);
  if (lead) return qualifierOf(lead[1]);
  for (const text of [...quotes(s.note), s.indicator_label]) {
    const at = text.indexOf(s.value_printed);
    if (at < 0) continue;
    const before = TRAILING.exec(text.slice(Math.max(0, at - 24), at));
    if (before) return qualifierOf(before[1]);
  }
  return "about";
}

// ------------------------------------------------------------------ judgement

export interface Verdict {
  /** printed − reference. */
  difference: number;
  /** difference in per cent of the reference (null when the reference is 0). */
  relative: number | null;
  /** Largest difference that still matches (half a unit of the last printed digit, or the band of an approximate number). */
  tolerance: number;
  /** Largest difference rounding can explain (2 × tolerance + the rounding of the inputs). */
  band: number;
  status: "ok" | "rundung" | "abweichung";
}

export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Judges a printed number against its reference (computed from other
 * printed numbers, or a second source). `half`: half a unit of the printed
 * number's last digit; `inputHalf`: how far rounding of the numbers the
 * reference is made of can move it; `qualifier`: for approximate numbers.
 */
export function judge(printed: number, reference: number, {half, inputHalf = 0, qualifier: q = null}: {half: number; inputHalf?: number; qualifier?: Qualifier | null}): Verdict {
  const difference = round(printed - reference);
  const relative = reference === 0 ? null : round((100 * difference) / Math.abs(reference), 3);
  const eps = 1e-9 * Math.max(1, Math.abs(printed), Math.abs(reference));
  if (q) {
    const band = Math.max(APPROX_BAND * Math.abs(printed), half);
    const ok =
      q === "min" ? reference >= printed - half - inputHalf - eps
      : q === "max" ? reference <= printed + half + inputHalf + eps && reference >= printed - band - inputHalf - eps
      : Math.abs(difference) <= band + inputHalf + eps;
    return {difference, relative, tolerance: round(band), band: round(band + inputHalf), status: ok ? "ok" : "abweichung"};
  }
  const band = 2 * half + inputHalf;
  const status = Math.abs(difference) <= half + eps ? "ok" : Math.abs(difference) <= band + eps ? "rundung" : "abweichung";
  return {difference, relative, tolerance: round(half), band: round(band), status};
}

// ---------------------------------------------------------------- rules file

export type RuleKind = "share" | "change" | "difference" | "partition" | "precision";

export interface Rule {
  doc_id: string;
  kind: RuleKind;
  /** Target rows: table (empty: any), indicator, further conditions. */
  table_id: string;
  indicator: string;
  where: Where;
  a_indicator: string;
  a_where: Where;
  b_indicator: string;
  b_where: Where;
  /** precision: the rounding step of the printed numbers (5 for AZR counts, 0.1 for shares printed as 27,30 %). */
  step: number | null;
  note: string;
}

/** Conditions on a row, each key with its alternatives: `category=a|b & year=prev`. */
export type Where = Partial<Record<WhereKey, string[]>>;
const WHERE_KEYS = ["area_name", "year", "sex", "age_group", "category", "table", "line"] as const;
type WhereKey = (typeof WHERE_KEYS)[number];

export function parseWhere(text: string, where = "where"): Where {
  const out: Where = {};
  for (const part of text.split("&").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    const key = part.slice(0, eq).trim() as WhereKey;
    if (eq < 1 || !WHERE_KEYS.includes(key)) throw new Error(`${where}: "${part}" is not key=value with a key of ${WHERE_KEYS.join(", ")}`);
    out[key] = part.slice(eq + 1).split("|").map((v) => v.trim());
  }
  return out;
}

const RULE_COLUMNS = ["doc_id", "kind", "table_id", "indicator", "where", "a_indicator", "a_where", "b_indicator", "b_where", "step", "note"];
const RULE_KINDS: RuleKind[] = ["share", "change", "difference", "partition", "precision"];

export function parseRules(text: string, file = "data/documents/reproduction-rules.csv"): Rule[] {
  const {rows} = parseCsv(text, {sourceId: "data/documents", file, required: RULE_COLUMNS});
  return rows.map(({line, values: v}) => {
    const at = `${file}:${line}`;
    if (!RULE_KINDS.includes(v.kind as RuleKind)) throw new Error(`${at}: kind "${v.kind}" is not one of ${RULE_KINDS.join(", ")}`);
    const kind = v.kind as RuleKind;
    if ((kind === "share" || kind === "change" || kind === "difference") && (!v.a_indicator || !v.b_indicator)) throw new Error(`${at}: a ${kind} rule needs a_indicator and b_indicator`);
    const step = v.step.trim() === "" ? null : Number(v.step);
    if (kind === "precision" && (step === null || !(step > 0))) throw new Error(`${at}: a precision rule needs a positive step`);
    return {
      doc_id: v.doc_id,
      kind,
      table_id: v.table_id,
      indicator: v.indicator,
      where: parseWhere(v.where, `${at} where`),
      a_indicator: v.a_indicator,
      a_where: parseWhere(v.a_where, `${at} a_where`),
      b_indicator: v.b_indicator,
      b_where: parseWhere(v.b_where, `${at} b_where`),
      step,
      note: v.note
    };
  });
}

// -------------------------------------------------------------- matches file

export interface Match {
  doc_id: string;
  /** Which printed numbers (empty field: any). */
  table_id: string;
  line: number | null;
  indicator: string;
  area_name: string;
  year: number | null;
  sex: string;
  age_group: string;
  category: string;
  /** The second source; empty with comparability „keine“ (no second source, and why). */
  source_id: string;
  atlas_label: string;
  atlas_indicator: string;
  /** `|` separates alternatives that are summed (areas, categories, age groups). */
  atlas_area_id: string;
  /** Empty: the printed number's year. */
  atlas_year: number | null;
  /** Empty: the printed number's sex. */
  atlas_sex: string;
  atlas_age_group: string;
  atlas_category: string;
  atlas_unit: string;
  /** Multiplies the atlas value into the printed unit (1000 for values in thousands). */
  factor: number;
  comparability: Comparability;
  note: string;
}

const MATCH_COLUMNS = [
  "doc_id", "table_id", "line", "indicator", "area_name", "year", "sex", "age_group", "category", "source_id", "atlas_label", "atlas_indicator",
  "atlas_area_id", "atlas_year", "atlas_sex", "atlas_age_group", "atlas_category", "atlas_unit", "factor", "comparability", "note"
];
const COMPARABILITIES: Comparability[] = ["gleich", "eingeschraenkt", "kontext", "keine"];

export function parseMatches(text: string, file = "data/documents/reproduction-matches.csv"): Match[] {
  const {rows} = parseCsv(text, {sourceId: "data/documents", file, required: MATCH_COLUMNS});
  return rows.map(({line, values: v}) => {
    const at = `${file}:${line}`;
    const int = (s: string, what: string) => {
      if (s.trim() === "") return null;
      const n = Number(s);
      if (!Number.isInteger(n)) throw new Error(`${at}: ${what} "${s}" is not an integer`);
      return n;
    };
    if (!COMPARABILITIES.includes(v.comparability as Comparability)) throw new Error(`${at}: comparability "${v.comparability}" is not one of ${COMPARABILITIES.join(", ")}`);
    const comparability = v.comparability as Comparability;
    if (comparability === "keine" ? v.source_id !== "" : !v.source_id || !v.atlas_indicator || !v.atlas_area_id || !v.atlas_unit) {
      throw new Error(`${at}: comparability „keine“ has no source; every other match needs source_id, atlas_indicator, atlas_area_id and atlas_unit`);
    }
    if (!v.note.trim()) throw new Error(`${at}: every match needs a note on comparability`);
    const factor = v.factor.trim() === "" ? 1 : Number(v.factor);
    if (!Number.isFinite(factor)) throw new Error(`${at}: factor "${v.factor}" is not a number`);
    return {
      doc_id: v.doc_id,
      table_id: v.table_id,
      line: int(v.line, "line"),
      indicator: v.indicator,
      area_name: v.area_name,
      year: int(v.year, "year"),
      sex: v.sex,
      age_group: v.age_group,
      category: v.category,
      source_id: v.source_id,
      atlas_label: v.atlas_label,
      atlas_indicator: v.atlas_indicator,
      atlas_area_id: v.atlas_area_id,
      atlas_year: int(v.atlas_year, "atlas_year"),
      atlas_sex: v.atlas_sex,
      atlas_age_group: v.atlas_age_group || "total",
      atlas_category: v.atlas_category || "total",
      atlas_unit: v.atlas_unit,
      factor,
      comparability,
      note: v.note
    };
  });
}

/** Whether a match rule covers a printed number (empty fields match anything). */
export function matchCovers(m: Match, s: DocumentStatistic): boolean {
  return (
    (!m.table_id || m.table_id === s.table_id) &&
    (m.line === null || m.line === s.line) &&
    m.indicator === s.indicator &&
    (!m.area_name || m.area_name === s.area_name) &&
    (m.year === null || m.year === s.year) &&
    (!m.sex || m.sex === s.sex) &&
    (!m.age_group || m.age_group === s.age_group) &&
    (!m.category || m.category === s.category)
  );
}

// ------------------------------------------------------------------- output

export interface Operand {
  /** Index of the printed number in statistics.csv. */
  row: number;
  line: number;
  table_id: string;
  label: string;
  value_printed: string;
  value: number;
}

export interface AtlasFact {
  area_id: string;
  area_name: string;
  year: number | null;
  sex: string;
  age_group: string;
  category: string;
  value: number | null;
  unit: string;
  ref: string;
}

export interface SecondSource {
  source_id: string;
  source_title: string;
  label: string;
  indicator: string;
  comparability: Comparability;
  note: string;
  facts: AtlasFact[];
}

export interface Check {
  /** Index in the document's checks. */
  id: number;
  kind: CheckKind;
  /** The printed number the check is about: its table, line and row index. */
  table_id: string;
  line: number;
  row: number;
  /** What is compared, in German. */
  label: string;
  /** The computation, in German number format („18.605 + 18.392 = 36.997“). */
  formula: string;
  printed: number;
  printed_text: string;
  reference: number | null;
  reference_text: string;
  difference: number | null;
  relative: number | null;
  tolerance: number | null;
  band: number | null;
  qualifier: Qualifier | null;
  status: Status;
  operands: Operand[];
  second_source: SecondSource | null;
  /** The rule or match note behind the check. */
  note: string;
}

export interface ReproRow {
  /** Index in the document's statistics.csv (0-based, header excluded). */
  row: number;
  line: number;
  indicator: string;
  label: string;
  area_name: string;
  year: number | null;
  reference_date: string | null;
  sex: string;
  age_group: string;
  category: string;
  unit: string;
  value: number | null;
  value_printed: string;
  flag: string;
  qualifier: Qualifier | null;
  /** Half a unit of the last printed digit (or of the rounding step a rule gives). */
  half: number;
  note: string;
  /** Ids of the checks whose printed number this row is. */
  checks: number[];
  /** Ids of the checks this row goes into as a part or operand. */
  used_in: number[];
  /** Why no second source is compared, where the matches file says so. */
  no_second_source: string | null;
}

export interface ReproTable {
  table_id: string;
  /** „Abb. 5“, „Zahlen im Text“ … */
  short: string;
  title: string;
  sections: string[];
  first_line: number;
  last_line: number;
  /** Years or reference dates the numbers refer to, as text. */
  dates: string;
  rows: ReproRow[];
  checks: number;
  mismatches: number;
  /** Second sources compared in this table (titles). */
  second_sources: string[];
  /** Notes of the rules and matches used here, and why some numbers have no second source. */
  notes: string[];
}

export interface Summary {
  tables: number;
  numbers: number;
  checks: number;
  ok: number;
  mismatches: number;
  rundung: number;
  abweichung: number;
  eingeschraenkt: number;
  kontext: number;
  fehlt: number;
  /** Comparisons with a second source (kontext included). */
  second_source: number;
}

export interface DocumentReproduction {
  doc_id: string;
  slug: string;
  place: string;
  title: string;
  year: number;
  seed: string;
  tables: ReproTable[];
  checks: Check[];
  summary: Summary;
}

export interface Reproduction {
  documents: DocumentReproduction[];
  /** Second sources the build could not read: their comparisons have no value. */
  unavailable: string[];
}

// ------------------------------------------------------------------ helpers

const de = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 3});

/** German number for labels: 1.234,5; minus as „−“. */
export function deNumber(value: number): string {
  return de.format(value).replace("-", "−");
}

export function tableShort(tableId: string): string {
  if (tableId === "text") return "Zahlen im Text";
  if (tableId === "chart") return "Zahlen in beschriebenen Grafiken";
  const m = /^(abb|tab)0*(\d+)$/.exec(tableId);
  return m ? `${m[1] === "abb" ? "Abb." : "Tab."} ${m[2]}` : tableId;
}

const SEX_LABEL: Record<string, string> = {female: "weiblich", male: "männlich"};

/** A printed number's description: label, and the breakdown where the label does not say it. */
export function rowLabel(s: DocumentStatistic): string {
  const parts = [s.indicator_label];
  const lower = s.indicator_label.toLowerCase();
  // „aus europäischen Staaten“ already says „europäische Staaten“: compare word stems, not inflections.
  const said = (text: string) => text.toLowerCase().split(/[\s–-]+/).filter((w) => w.length >= 4).every((w) => lower.includes(w.slice(0, 5)));
  if (s.category !== "total" && !said(s.category)) parts.push(s.category);
  if (s.sex !== "total" && !lower.includes(SEX_LABEL[s.sex])) parts.push(SEX_LABEL[s.sex]);
  if (s.age_group !== "total" && !said(s.age_group) && !lower.includes(s.age_group)) parts.push(/^\d/.test(s.age_group) ? `${s.age_group} Jahre` : s.age_group);
  return parts.join(" – ");
}

const keyYear = (s: DocumentStatistic) => (s.year === null ? "" : String(s.year));
const DIMS = ["area_name", "year", "sex", "age_group", "category"] as const;
type Dim = (typeof DIMS)[number];
const dimOf = (s: DocumentStatistic, d: Dim): string => (d === "year" ? keyYear(s) : s[d]);

function satisfies(s: DocumentStatistic, where: Where): boolean {
  return Object.entries(where).every(([key, values]) => {
    if (key === "table") return values!.includes(s.table_id);
    if (key === "line") return values!.includes(String(s.line));
    return values!.includes(dimOf(s, key as Dim));
  });
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((combo) => list.map((x) => [...combo, x])), [[]]);
}

/** Printed numbers are either in numbered tables or in the running text / chart labels. */
const isPseudoTable = (tableId: string) => tableId === "text" || tableId === "chart";

/**
 * Among the places a number is printed, the one to compare against: an exact
 * one before an approximate one, the target's own table first, then numbered
 * tables before text, then the earliest line.
 */
function preferred(candidates: DocumentStatistic[], target?: DocumentStatistic): DocumentStatistic {
  const score = (s: DocumentStatistic) => [s.flag === "approx" || s.flag === "range" ? 1 : 0, target && s.table_id === target.table_id ? 0 : 1, isPseudoTable(s.table_id) ? 1 : 0, s.line];
  return [...candidates].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  })[0];
}

/**
 * The printed numbers an operand of a rule refers to: the target's area,
 * year, sex, age group and category, changed by `where` (`year=prev` is the
 * year before the target's). Alternatives (`a|b`) are all looked up, to be
 * summed. Null when one of them is not printed.
 */
export function findOperands(statistics: DocumentStatistic[], target: DocumentStatistic, indicator: string, where: Where): DocumentStatistic[] | null {
  const alternatives = DIMS.map((d) =>
    (where[d] ?? [dimOf(target, d)]).map((v) => (d === "year" && v === "prev" ? (target.year === null ? "none" : String(target.year - 1)) : v))
  );
  const found: DocumentStatistic[] = [];
  for (const combo of cartesian(alternatives)) {
    const candidates = statistics.filter(
      (s) => s !== target && s.indicator === indicator && s.value !== null && DIMS.every((d, i) => dimOf(s, d) === combo[i]) && (!where.table || where.table.includes(s.table_id))
    );
    if (!candidates.length) return null;
    found.push(preferred(candidates, target));
  }
  return found;
}

const sum = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0), 9);

// ---------------------------------------------------------------- the checks

interface Context {
  doc: ConceptDocument;
  /** Stock or flow of a document indicator (data/indicators.csv, id `<slug>:<indicator>`). */
  timing: (s: DocumentStatistic) => IndicatorMeta | undefined;
  statistics: DocumentStatistic[];
  half: (s: DocumentStatistic) => number;
  /** Half unit of a number used as an input (approximate numbers: their band). */
  inputHalf: (s: DocumentStatistic) => number;
  checks: Check[];
}

function operand(ctx: Context, s: DocumentStatistic): Operand {
  return {row: ctx.statistics.indexOf(s), line: s.line, table_id: s.table_id, label: rowLabel(s), value_printed: s.value_printed, value: s.value as number};
}

function addCheck(ctx: Context, target: DocumentStatistic, check: Omit<Check, "id" | "table_id" | "line" | "row" | "printed_text"> & {printed_text?: string}): void {
  ctx.checks.push({id: ctx.checks.length, table_id: target.table_id, line: target.line, row: ctx.statistics.indexOf(target), printed_text: target.value_printed, ...check});
}

function fromVerdict(v: Verdict) {
  return {difference: v.difference, relative: v.relative, tolerance: v.tolerance, band: v.band, status: v.status as Status};
}

/** Parts against their printed total, for every sum group of the transcription. */
function sumChecks(ctx: Context): void {
  const groups = new Map<string, {total?: DocumentStatistic; parts: DocumentStatistic[]}>();
  for (const s of ctx.statistics) {
    for (const {group, role} of s.sum_groups) {
      const entry = groups.get(group) ?? {parts: []};
      if (role === "total") entry.total = s;
      else entry.parts.push(s);
      groups.set(group, entry);
    }
  }
  for (const [group, {total, parts}] of groups) {
    if (!total || total.value === null || !parts.length || parts.some((p) => p.value === null)) continue;
    const reference = sum(parts.map((p) => p.value as number));
    // Stocks of different years do not add up to anything: the same person may be counted in each year.
    const years = new Set(parts.map((p) => p.year));
    const stocks = years.size > 1 && parts.every((p) => ctx.timing(p)?.timing === "stock");
    const verdict = judge(total.value, reference, {half: ctx.half(total), inputHalf: sum(parts.map(ctx.inputHalf)), qualifier: qualifier(total)});
    const listed = parts.length <= 5 ? parts.map((p) => p.value_printed).join(" + ") : `${parts.length} Teile (Z. ${Math.min(...parts.map((p) => p.line))}–${Math.max(...parts.map((p) => p.line))})`;
    addCheck(ctx, total, {
      kind: "sum",
      label: `Summe der Teile (${group})`,
      formula: `${listed} = ${deNumber(reference)}`,
      printed: total.value,
      reference,
      reference_text: deNumber(reference),
      qualifier: qualifier(total),
      operands: parts.map((p) => operand(ctx, p)),
      second_source: null,
      note: stocks
        ? `Die Teile sind Bestände am Jahresende (${[...years].sort().join(", ")}); Bestände verschiedener Jahre ergeben keine Summe, weil dieselbe Person in mehreren Jahren gezählt sein kann. Die Summe stimmt rechnerisch, bestätigt die Angabe aber nicht.`
        : "",
      ...fromVerdict(verdict),
      ...(stocks ? {status: "kontext" as Status} : {})
    });
  }
}

function ruleTargets(ctx: Context, rule: Rule): DocumentStatistic[] {
  return ctx.statistics.filter((s) => s.indicator === rule.indicator && (!rule.table_id || s.table_id === rule.table_id) && satisfies(s, rule.where) && s.value !== null);
}

const plus = (rows: DocumentStatistic[]) => rows.map((r) => r.value_printed).join(" + ");

function shareCheck(ctx: Context, rule: Rule, target: DocumentStatistic): void {
  const a = findOperands(ctx.statistics, target, rule.a_indicator, rule.a_where);
  const b = findOperands(ctx.statistics, target, rule.b_indicator, rule.b_where);
  if (!a || !b) return;
  const num = sum(a.map((r) => r.value as number));
  const den = sum(b.map((r) => r.value as number));
  if (den === 0) return;
  const reference = round((100 * num) / den, 9);
  // How far the rounding of the counts can move the share (first order).
  const inputHalf = round(100 * (sum(a.map(ctx.inputHalf)) / den + (num * sum(b.map(ctx.inputHalf))) / (den * den)), 9);
  const q = qualifier(target);
  const verdict = judge(target.value as number, reference, {half: ctx.half(target), inputHalf, qualifier: q});
  addCheck(ctx, target, {
    kind: "share",
    label: "Anteil aus den gedruckten Anzahlen",
    formula: `${a.length > 1 ? `(${plus(a)})` : plus(a)} ÷ ${b.length > 1 ? `(${plus(b)})` : plus(b)} × 100 = ${deNumber(round(reference, 3))}`,
    printed: target.value as number,
    reference,
    reference_text: deNumber(round(reference, 3)),
    qualifier: q,
    operands: [...a, ...b].map((o) => operand(ctx, o)),
    second_source: null,
    note: rule.note,
    ...fromVerdict(verdict)
  });
}

function differenceCheck(ctx: Context, rule: Rule, target: DocumentStatistic): void {
  const a = findOperands(ctx.statistics, target, rule.a_indicator, rule.a_where);
  const b = findOperands(ctx.statistics, target, rule.b_indicator, rule.b_where);
  if (!a || !b) return;
  const reference = round(sum(a.map((r) => r.value as number)) - sum(b.map((r) => r.value as number)), 9);
  const q = qualifier(target);
  const verdict = judge(target.value as number, reference, {half: ctx.half(target), inputHalf: sum([...a, ...b].map(ctx.inputHalf)), qualifier: q});
  const years = rule.kind === "change" ? ` (${a[0].year ?? "–"} gegen ${b[0].year ?? "–"})` : "";
  addCheck(ctx, target, {
    kind: rule.kind === "change" ? "change" : "difference",
    label: rule.kind === "change" ? `Veränderung aus den gedruckten Werten${years}` : "Differenz aus den gedruckten Werten",
    formula: `${plus(a)} − ${plus(b)} = ${deNumber(round(reference, 3))}`,
    printed: target.value as number,
    reference,
    reference_text: deNumber(round(reference, 3)),
    qualifier: q,
    operands: [...a, ...b].map((o) => operand(ctx, o)),
    second_source: null,
    note: rule.note,
    ...fromVerdict(verdict)
  });
}

/** Shares of a complete breakdown: together 100 %. Checked on the last share printed. */
function partitionChecks(ctx: Context, rule: Rule): void {
  const rows = ruleTargets(ctx, rule).filter((s) => !qualifier(s));
  const groups = new Map<string, DocumentStatistic[]>();
  for (const s of rows) {
    const key = `${s.area_name}|${keyYear(s)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const parts of groups.values()) {
    if (parts.length < 2) continue;
    const target = parts.reduce((a, b) => (b.line >= a.line ? b : a));
    const total = sum(parts.map((p) => p.value as number));
    // The 100 % is exact; the rounding of the printed shares can explain a little.
    const verdict = judge(total, 100, {half: 0, inputHalf: sum(parts.map(ctx.half))});
    addCheck(ctx, target, {
      kind: "partition",
      label: "Anteile der vollständigen Aufteilung ergeben 100 %",
      formula: `${plus(parts)} = ${deNumber(total)} %`,
      printed: total,
      reference: 100,
      reference_text: "100",
      qualifier: null,
      operands: parts.map((p) => operand(ctx, p)),
      second_source: null,
      note: rule.note,
      printed_text: `${deNumber(total)} (Summe der Anteile)`,
      ...fromVerdict(verdict)
    });
  }
}

const unitClass = (unit: string) => (unit === "persons" || unit === "count" ? "n" : unit);

/** The same figure printed at several places must agree. */
function repeatChecks(ctx: Context): void {
  const groups = new Map<string, DocumentStatistic[]>();
  for (const s of ctx.statistics) {
    if (s.value === null) continue;
    const key = [s.area_name, keyYear(s), s.indicator, s.sex, s.age_group, s.category, unitClass(s.unit)].join("|");
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const anchor = preferred(group);
    for (const s of group) {
      if (s === anchor) continue;
      const q = qualifier(s);
      const verdict = judge(s.value as number, anchor.value as number, {half: ctx.half(s), inputHalf: ctx.half(anchor), qualifier: q});
      addCheck(ctx, s, {
        kind: "repeat",
        label: anchor.line === s.line ? "Dieselbe Angabe in derselben Zeile" : `Dieselbe Angabe in ${tableShort(anchor.table_id)}, Z. ${anchor.line}`,
        formula: `Z. ${anchor.line}: ${anchor.value_printed}`,
        printed: s.value as number,
        reference: anchor.value as number,
        reference_text: anchor.value_printed,
        qualifier: q,
        operands: [operand(ctx, anchor)],
        second_source: null,
        note: "",
        ...fromVerdict(verdict)
      });
    }
  }
}

/** Facts of the second sources, keyed for the lookups of the matches. */
export function indexFacts(facts: Fact[]): Map<string, Fact> {
  const index = new Map<string, Fact>();
  for (const f of facts) index.set(factLookupKey(f.source_id, f.indicator, f.area_id, f.year, f.sex, f.age_group, f.category, f.unit), f);
  return index;
}

function factLookupKey(...parts: (string | number | null)[]): string {
  return parts.map((p) => (p === null ? "" : String(p))).join("|");
}

function secondSourceChecks(ctx: Context, matches: Match[], index: Map<string, Fact>, unavailable: Set<string>, titles: Record<string, string>): void {
  for (const m of matches.filter((m) => m.comparability !== "keine")) {
    for (const s of ctx.statistics.filter((s) => s.value !== null && matchCovers(m, s))) {
      const year = m.atlas_year ?? s.year;
      const sex = m.atlas_sex || s.sex;
      const combos = cartesian([m.atlas_area_id.split("|"), m.atlas_age_group.split("|"), m.atlas_category.split("|")]);
      const facts = combos.map(([area, age, category]) => ({area, age, category, fact: index.get(factLookupKey(m.source_id, m.atlas_indicator, area, year, sex, age, category, m.atlas_unit))}));
      const found = facts.map((f) => f.fact).filter((f): f is Fact => f !== undefined);
      const complete = found.length === facts.length && found.every((f) => f.value !== null);
      const reference = complete ? round(sum(found.map((f) => f.value as number)) * m.factor, 9) : null;
      const second: SecondSource = {
        source_id: m.source_id,
        source_title: titles[m.source_id] ?? m.source_id,
        label: m.atlas_label,
        indicator: m.atlas_indicator,
        comparability: m.comparability,
        note: m.note,
        facts: found.map((f) => ({area_id: f.area_id, area_name: f.area_name, year: f.year, sex: f.sex, age_group: f.age_group, category: f.category, value: f.value, unit: f.unit, ref: f.source_ref}))
      };
      const q = qualifier(s);
      const base = {
        kind: "second_source" as const,
        label: m.atlas_label,
        printed: s.value as number,
        qualifier: q,
        operands: [],
        second_source: second,
        note: m.note
      };
      const formula = found.length > 1 ? `${found.map((f) => deNumber(f.value ?? NaN)).join(" + ")}${m.factor !== 1 ? ` × ${deNumber(m.factor)}` : ""}` : m.factor !== 1 && found[0] ? `${deNumber(found[0].value ?? NaN)} × ${deNumber(m.factor)}` : "";
      if (reference === null) {
        const why = unavailable.has(m.source_id)
          ? `Quelle beim Bau nicht verfügbar (${m.source_id})`
          : `keine Angabe in der Zweitquelle für ${facts.filter((f) => !f.fact || f.fact.value === null).map((f) => `${f.area} ${year ?? ""} ${f.category === "total" ? "" : f.category}`.trim()).join("; ")}`;
        addCheck(ctx, s, {...base, formula: why, reference: null, reference_text: "–", difference: null, relative: null, tolerance: null, band: null, status: "fehlt"});
        continue;
      }
      if (m.comparability === "kontext") {
        addCheck(ctx, s, {...base, formula, reference, reference_text: deNumber(round(reference, 3)), difference: null, relative: null, tolerance: null, band: null, status: "kontext"});
        continue;
      }
      const verdict = judge(s.value as number, reference, {half: ctx.half(s), qualifier: q});
      const status: Status = m.comparability === "eingeschraenkt" && verdict.status !== "ok" ? "eingeschraenkt" : verdict.status;
      addCheck(ctx, s, {...base, formula, reference, reference_text: deNumber(round(reference, 3)), ...fromVerdict(verdict), status});
    }
  }
}

// --------------------------------------------------------------- assembling

export interface ReproductionInput {
  statistics: DocumentStatistic[];
  rules: Rule[];
  matches: Match[];
  /** Facts of the second sources (any fact table; only matched ones are read). */
  facts: Fact[] | Map<string, Fact>;
  /** Sources the build could not read. */
  unavailable?: Set<string>;
  /** Source titles for the page (data/sources.json). */
  titles?: Record<string, string>;
}

function datesOf(rows: DocumentStatistic[]): string {
  const dates = [...new Set(rows.map((r) => r.reference_date).filter((d): d is string => d !== null))].sort();
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const fmt = (d: string) => d.split("-").reverse().join(".");
  if (dates.length && dates.length === new Set(rows.map((r) => r.year)).size && rows.every((r) => r.reference_date)) {
    return dates.length === 1 ? fmt(dates[0]) : `${fmt(dates[0])}–${fmt(dates[dates.length - 1])}`;
  }
  if (!years.length) return "ohne Jahresangabe";
  const span = years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
  return rows.some((r) => r.year === null) ? `${span}; teils ohne Jahresangabe` : span;
}

/** The reproduction of one document: its tables with their rows and checks. */
export function reproduceDocument(doc: ConceptDocument, input: ReproductionInput): DocumentReproduction {
  const {statistics} = input;
  const rules = input.rules.filter((r) => r.doc_id === doc.doc_id);
  const matches = input.matches.filter((m) => m.doc_id === doc.doc_id);
  const index = input.facts instanceof Map ? input.facts : indexFacts(input.facts);
  const precision = rules.filter((r) => r.kind === "precision");
  const stepOf = (s: DocumentStatistic) => precision.find((r) => r.indicator === s.indicator && (!r.table_id || r.table_id === s.table_id) && satisfies(s, r.where))?.step ?? null;
  const half = (s: DocumentStatistic) => {
    const step = stepOf(s);
    return step !== null ? step / 2 : printedHalfUnit(s.value_printed, s.unit);
  };
  const reviewed = readIndicatorMeta();
  const ctx: Context = {
    doc,
    statistics,
    timing: (s) => reviewed.get(`${doc.slug}:${s.indicator}`),
    half,
    inputHalf: (s) => (qualifier(s) ? Math.max(half(s), APPROX_BAND * Math.abs(s.value ?? 0)) : half(s)),
    checks: []
  };
  sumChecks(ctx);
  for (const rule of rules) {
    if (rule.kind === "share") for (const t of ruleTargets(ctx, rule)) shareCheck(ctx, rule, t);
    else if (rule.kind === "change" || rule.kind === "difference") for (const t of ruleTargets(ctx, rule)) differenceCheck(ctx, rule, t);
    else if (rule.kind === "partition") partitionChecks(ctx, rule);
  }
  repeatChecks(ctx);
  secondSourceChecks(ctx, matches, index, input.unavailable ?? new Set(), input.titles ?? {});

  const rows: ReproRow[] = statistics.map((s, i) => ({
    row: i,
    line: s.line,
    indicator: s.indicator,
    label: rowLabel(s),
    area_name: s.area_name,
    year: s.year,
    // A flow has a period, not a reference day: 269 naturalisations are those of the year 2022, not „(31.12.2022)“.
    reference_date: ctx.timing(s)?.timing === "flow" ? null : s.reference_date,
    sex: s.sex,
    age_group: s.age_group,
    category: s.category,
    unit: s.unit,
    value: s.value,
    value_printed: s.value_printed,
    flag: s.flag,
    qualifier: qualifier(s),
    half: half(s),
    note: s.note,
    checks: ctx.checks.filter((c) => c.row === i).map((c) => c.id),
    used_in: ctx.checks.filter((c) => c.operands.some((o) => o.row === i)).map((c) => c.id),
    no_second_source: matches.find((m) => m.comparability === "keine" && matchCovers(m, s))?.note ?? null
  }));

  const ids = [...new Set(statistics.map((s) => s.table_id))];
  const firstLine = (id: string) => Math.min(...statistics.filter((s) => s.table_id === id).map((s) => s.line));
  ids.sort((a, b) => Number(isPseudoTable(a)) - Number(isPseudoTable(b)) || (isPseudoTable(a) ? a.localeCompare(b) : firstLine(a) - firstLine(b)));
  const tables: ReproTable[] = ids.map((id) => {
    const tableRows = rows.filter((r) => statistics[r.row].table_id === id);
    const stats = tableRows.map((r) => statistics[r.row]);
    const checks = ctx.checks.filter((c) => c.table_id === id);
    const used = new Set(checks.map((c) => c.note).filter(Boolean));
    const usedRules = rules.filter((r) => r.kind === "precision" && stats.some((s) => stepOf(s) === r.step && r.indicator === s.indicator)).map((r) => r.note);
    const notes = [...new Set([...usedRules, ...used, ...tableRows.map((r) => r.no_second_source).filter((n): n is string => n !== null)])];
    return {
      table_id: id,
      short: tableShort(id),
      title: isPseudoTable(id) ? tableShort(id) : stats[0].table_title || tableShort(id),
      sections: [...new Set(stats.map((s) => s.section).filter(Boolean))],
      first_line: Math.min(...stats.map((s) => s.line)),
      last_line: Math.max(...stats.map((s) => s.line)),
      dates: datesOf(stats),
      rows: tableRows,
      checks: checks.length,
      mismatches: checks.filter((c) => isMismatch(c.status)).length,
      second_sources: [...new Set(checks.flatMap((c) => (c.second_source ? [c.second_source.source_title] : [])))],
      notes
    };
  });

  const count = (status: Status) => ctx.checks.filter((c) => c.status === status).length;
  return {
    doc_id: doc.doc_id,
    slug: doc.slug,
    place: doc.place,
    title: doc.title,
    year: doc.year,
    seed: doc.seed,
    tables,
    checks: ctx.checks,
    summary: {
      tables: tables.length,
      numbers: statistics.length,
      checks: ctx.checks.length,
      ok: count("ok"),
      mismatches: ctx.checks.filter((c) => isMismatch(c.status)).length,
      rundung: count("rundung"),
      abweichung: count("abweichung"),
      eingeschraenkt: count("eingeschraenkt"),
      kontext: count("kontext"),
      fehlt: count("fehlt"),
      second_source: ctx.checks.filter((c) => c.kind === "second_source").length
    }
  };
}

// ------------------------------------------------------------------ reading

export const RULES_FILE = "data/documents/reproduction-rules.csv";
export const MATCHES_FILE = "data/documents/reproduction-matches.csv";

export function readRules(): Rule[] {
  return parseRules(readFileSync(join(projectRoot, RULES_FILE), "utf8"), RULES_FILE);
}

export function readMatches(): Match[] {
  return parseMatches(readFileSync(join(projectRoot, MATCHES_FILE), "utf8"), MATCHES_FILE);
}

/** Which fact table holds each second source. */
export const SOURCE_TABLES = {
  "im-niedersachsen": "facts-im",
  "goettingen-sdg": "facts-goettingen-sdg",
  "destatis-kreise": "facts-destatis",
  "kiss-md": "facts-magdeburg"
} as const;

/**
 * Every document's reproduction, with the second sources built from the
 * pinned files. A source that cannot be read leaves its comparisons without
 * a value (status „fehlt“) unless the build is strict.
 */
export async function buildReproduction(): Promise<Reproduction> {
  const {FACT_TABLES} = await import("./tables.ts");
  const {isUnusableSource} = await import("../source/errors.ts");
  const {isStrict} = await import("../source/paths.ts");
  const {registry} = await import("../source/sources.ts");
  const rules = readRules();
  const matches = readMatches();
  const facts: Fact[] = [];
  const unavailable = new Set<string>();
  for (const sourceId of new Set(matches.map((m) => m.source_id).filter(Boolean))) {
    const table = SOURCE_TABLES[sourceId as keyof typeof SOURCE_TABLES];
    if (!table) throw new Error(`${MATCHES_FILE}: no fact table for source "${sourceId}"`);
    try {
      facts.push(...(await FACT_TABLES[table]()).facts.filter((f) => matches.some((m) => m.source_id === f.source_id && m.atlas_indicator === f.indicator)));
    } catch (error) {
      if (!isUnusableSource(error) || isStrict()) throw error;
      console.error(`reproduction: Quelle fehlt (${sourceId}: ${error.file}); ihre Vergleiche stehen ohne Wert da`);
      unavailable.add(sourceId);
    }
  }
  const titles = Object.fromEntries(registry().sources.map((s) => [s.id, s.attribution]));
  const index = indexFacts(facts);
  return {
    documents: DOCUMENTS.map((doc) => reproduceDocument(doc, {statistics: readDocumentStatistics(doc), rules, matches, facts: index, unavailable, titles})),
    unavailable: [...unavailable]
  };
}

/**
 * The atlas's reviewed metadata of every indicator (data/indicators.csv): a
 * clean German title (the upstream title stays in the catalogue), whether it
 * is a stock on a reference day, a flow over a period, a survey's annual
 * average or a change between two dates, and breakdowns whose parts are
 * known not to add up (offered as the total only).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {excerpt, parseCsv} from "../parse/csv.ts";
import {FormatError} from "../source/errors.ts";
import {projectRoot} from "../source/paths.ts";
import type {Fact} from "./model.ts";

export type Timing = "stock" | "flow" | "survey" | "change";
export const TIMINGS: readonly Timing[] = ["stock", "flow", "survey", "change"];

export interface IndicatorMeta {
  id: string;
  title: string;
  timing: Timing;
  /** Reference day of a stock („31.12.“, „1.3.“, „30.6.“, „Juni“, „Jahr“ when the source names none) or period of a flow („Kalenderjahr“, „Schuljahr“ …). */
  reference: string;
  /** Breakdowns (sex, age_group, category) whose parts do not add up: only their total is offered. */
  total_only: string[];
  note: string;
}

const FILE = "data/indicators.csv";

export function readIndicatorMeta(): Map<string, IndicatorMeta> {
  const {rows} = parseCsv(readFileSync(join(projectRoot, FILE), "utf8"), {sourceId: "data", file: FILE, required: ["id", "title", "timing", "reference", "total_only", "note"]});
  const out = new Map<string, IndicatorMeta>();
  for (const {line, values} of rows) {
    if (out.has(values.id)) throw new FormatError("data", FILE, `line ${line}: indicator ${excerpt(values.id)} twice`);
    if (!(TIMINGS as readonly string[]).includes(values.timing)) throw new FormatError("data", FILE, `line ${line}: timing ${excerpt(values.timing)} is none of ${TIMINGS.join(", ")}`);
    out.set(values.id, {id: values.id, title: values.title, timing: values.timing as Timing, reference: values.reference, total_only: values.total_only.split(";").map((s) => s.trim()).filter(Boolean), note: values.note});
  }
  return out;
}

const DAY: Record<string, string> = {"31.12.": "12-31", "1.3.": "03-01", "30.6.": "06-30"};

/**
 * The reference date of a fact, in ISO 8601: a day for a stock on a known
 * reference day (2022-12-31), an interval for a flow or an annual average
 * (2022-01-01/2022-12-31), a month or a year alone where the source names
 * no day (2007-06, 2022 — reduced precision, not a guessed day), two dates
 * for a change (2019-12-31/2024-12-31). Periods the row names itself
 * („WS 2015/16“, „Juni 2007“, „2024 / 2019“) take precedence.
 */
export function referenceDate(fact: Pick<Fact, "year" | "category">, meta: IndicatorMeta | undefined): string | null {
  const period = /(?:^|; )Zeitraum=([^;]+)/.exec(fact.category)?.[1]?.trim();
  if (period) {
    let m: RegExpExecArray | null;
    if ((m = /^WS (\d{4})\/\d{2}$/.exec(period))) return `${m[1]}-10-01/${Number(m[1]) + 1}-03-31`;
    if ((m = /^Juni (\d{4})$/.exec(period))) return `${m[1]}-06`;
    if ((m = /^(\d{4}) \/ (\d{4})$/.exec(period))) return `${m[2]}-12-31/${m[1]}-12-31`;
    if ((m = /\((\d{4})\) zum Vorjahr/.exec(period))) return `${Number(m[1]) - 1}/${m[1]}`;
    if ((m = /\((\d{4})\) zu (\d{4})/.exec(period))) return `${m[2]}/${m[1]}`;
    const year = /(19|20)\d\d/.exec(period)?.[0];
    return year ?? null;
  }
  if (fact.year === null || !meta) return null;
  const y = fact.year;
  if (meta.timing === "stock") return DAY[meta.reference] ? `${y}-${DAY[meta.reference]}` : meta.reference === "Juni" ? `${y}-06` : String(y);
  if (meta.timing === "survey" || (meta.timing === "flow" && /^(Kalenderjahr|Jahresdurchschnitt)/.test(meta.reference))) return `${y}-01-01/${y}-12-31`;
  return String(y);
}

/** How a reader reads the reference date: „31.12.2022“, „Jahr 2022“, „2022 (Mikrozensus, Jahresdurchschnitt)“. */
export function referenceWords(meta: IndicatorMeta, year: number): string {
  if (meta.timing === "stock") return DAY[meta.reference] ? `${meta.reference}${year}` : `${meta.reference} ${year}`;
  if (meta.timing === "survey") return `${year} (Mikrozensus, Jahresdurchschnitt)`;
  if (meta.timing === "flow") return `${meta.reference} ${year}`;
  return String(year);
}

export interface CategoryWords {
  /** The category's meaning in plain words, per unit („Anteil mit Duldung an allen ohne Aufenthaltstitel“). */
  words: string;
  /** The category is the indicator's total (the default of maps and comparisons). */
  is_total: boolean;
}

/** data/category-words.csv, as `indicator → "unit|category" → words`. */
export function readCategoryWords(): Map<string, Record<string, CategoryWords>> {
  const file = "data/category-words.csv";
  const {rows} = parseCsv(readFileSync(join(projectRoot, file), "utf8"), {sourceId: "data", file, required: ["indicator", "category", "unit", "words", "is_total"]});
  const out = new Map<string, Record<string, CategoryWords>>();
  for (const {values} of rows) {
    const entry = out.get(values.indicator) ?? out.set(values.indicator, {}).get(values.indicator)!;
    entry[`${values.unit}|${values.category}`] = {words: values.words, is_total: values.is_total === "yes"};
  }
  return out;
}

/**
 * Comparability warnings (data/comparability.csv): each rule says in words
 * where definitions differ, and when it applies: to which indicators, to
 * which combination of places, to data from which source series, across
 * which series break, or to a rate the atlas computed. A comparison shows
 * every rule its selection triggers.
 */

export interface ComparabilityRule {
  id: string;
  /** `;`-separated indicator ids; a trailing `*` matches a prefix; empty: every indicator. */
  indicators: string;
  /** `;`-separated groups that must all be selected; within a group `|` separates alternatives. */
  areas: string;
  /** `;`-separated source series (origin ids); the rule applies when the data shown includes one. */
  origins: string;
  /** The first year of a new series: applies when the years shown lie on both sides. */
  break_year: string;
  /** `per_1000`: applies when the atlas computes a rate per 1,000 inhabitants. */
  measure: string;
  /** Short label of a series break, drawn at the break in line charts. */
  label: string;
  title: string;
  text: string;
  source: string;
}

export interface Selection {
  indicator: string;
  areas: readonly string[];
  /** Source series of the rows shown (im:1-2-2, md:auslaenderanteil …). */
  origins?: readonly string[];
  years?: readonly number[];
  measure?: string;
}

const list = (s: string) => s.split(";").map((x) => x.trim()).filter(Boolean);

function indicatorMatches(patterns: string, indicator: string): boolean {
  const all = list(patterns);
  return !all.length || all.some((p) => (p.endsWith("*") ? indicator.startsWith(p.slice(0, -1)) : p === indicator));
}

export function applies(rule: ComparabilityRule, s: Selection): boolean {
  if (!indicatorMatches(rule.indicators, s.indicator)) return false;
  const chosen = new Set(s.areas);
  if (!list(rule.areas).every((group) => group.split("|").some((a) => chosen.has(a.trim())))) return false;
  const origins = list(rule.origins);
  if (origins.length && !origins.some((o) => (s.origins ?? []).includes(o))) return false;
  if (rule.break_year) {
    const y = Number(rule.break_year);
    const years = s.years ?? [];
    if (!(years.some((v) => v < y) && years.some((v) => v >= y))) return false;
  }
  if (rule.measure && rule.measure !== s.measure) return false;
  return true;
}

/** The series breaks among the rules, as line charts draw them. */
export function breaksOf(rules: readonly ComparabilityRule[]): {year: number; label: string}[] {
  const seen = new Map<number, string>();
  for (const r of rules) if (r.break_year && r.label && !seen.has(Number(r.break_year))) seen.set(Number(r.break_year), r.label);
  return [...seen].map(([year, label]) => ({year, label})).sort((a, b) => a.year - b.year);
}

/**
 * The series breaks a change from `from` to `to` crosses (from < break year
 * <= to) for the selection: a change across one is not a pure development.
 */
export function breaksCrossed(rules: readonly ComparabilityRule[], selection: Omit<Selection, "years">, from: number, to: number): ComparabilityRule[] {
  return rules.filter((r) => r.break_year && r.label && from < Number(r.break_year) && Number(r.break_year) <= to && applies(r, {...selection, years: [from, to]}));
}

/** A series break as a figure and its data downloads carry it: when, what, why, and who says so. */
export type BreakEntry = Pick<ComparabilityRule, "id" | "break_year" | "label" | "title" | "text" | "source">;

/**
 * The series breaks that lie within the years a figure shows (values on both
 * sides of the break year), one per label: what its markers, caption and
 * exports name.
 */
export function breaksWithin(rules: readonly ComparabilityRule[], selection: Omit<Selection, "years">, years: readonly number[]): ComparabilityRule[] {
  return seriesBreaks(rules.filter((r) => applies(r, {...selection, years})));
}

/** The rules that are series breaks (a first year and a label), one per label and year, in time order. */
export function seriesBreaks(rules: readonly ComparabilityRule[]): ComparabilityRule[] {
  const seen = new Set<string>();
  return rules
    .filter((r) => r.break_year && r.label)
    .filter((r) => !seen.has(`${r.label}|${r.break_year}`) && seen.add(`${r.label}|${r.break_year}`))
    .sort((a, b) => Number(a.break_year) - Number(b.break_year));
}

/** The breaks among `breaks` that a value of one series (its origins) in `year` lies after: for a figure whose rows come from several series. */
export function breaksOfValue(breaks: readonly ComparabilityRule[], selection: Omit<Selection, "years">, year: number | null): ComparabilityRule[] {
  return breaksBefore(breaks, year).filter((b) => applies(b, {...selection, years: [Number(b.break_year) - 1, Number(b.break_year)]}));
}

/** The breaks a value of `year` lies after (break year <= year): values with different ones are only partly comparable. */
export function breaksBefore<B extends Pick<ComparabilityRule, "break_year">>(breaks: readonly B[], year: number | null): B[] {
  return year === null ? [] : breaks.filter((b) => Number(b.break_year) <= year);
}

/** „Zensus 2022: neue Basis der Bevölkerungszahlen (zwischen 2021 und 2022)“: a break in one line, for captions and images. */
export function breakLine(b: Pick<ComparabilityRule, "break_year" | "title">): string {
  const year = Number(b.break_year);
  return `${b.title} (zwischen ${year - 1} und ${year})`;
}

/** „über den Reihenbruch Zensus 2022 (2021/2022) hinweg“: how a change across breaks is marked in words. */
export function crossingText(crossed: readonly ComparabilityRule[]): string {
  const seen = new Map<string, number>();
  for (const r of crossed) if (!seen.has(r.label)) seen.set(r.label, Number(r.break_year));
  const parts = [...seen].map(([label, year]) => `„${label}“ (${year - 1}/${year})`);
  return parts.length ? `${parts.length > 1 ? "über die Reihenbrüche" : "über den Reihenbruch"} ${parts.join(" und ")} hinweg` : "";
}

export function warningsFor(rules: readonly ComparabilityRule[], selection: Selection): ComparabilityRule[] {
  return rules.filter((r) => applies(r, selection));
}

/** The warnings as a notice: each title opens its text and source (text, never HTML). */
export function warningList(rules: readonly ComparabilityRule[], doc: Document = globalThis.document): HTMLElement {
  const box = doc.createElement("div");
  box.className = "atlas-notice atlas-comparability";
  box.setAttribute("role", "note");
  const head = doc.createElement("strong");
  head.textContent = rules.length === 1 ? "Hinweis zur Vergleichbarkeit" : `${rules.length} Hinweise zur Vergleichbarkeit`;
  box.append(head);
  const ul = doc.createElement("ul");
  for (const r of rules) {
    const li = doc.createElement("li");
    li.dataset.rule = r.id;
    const details = doc.createElement("details");
    const summary = doc.createElement("summary");
    summary.textContent = r.title;
    const text = doc.createElement("p");
    text.textContent = r.text;
    details.append(summary, text);
    if (r.source) {
      const src = doc.createElement("p");
      src.className = "atlas-explain";
      src.textContent = `Quelle: ${r.source}`;
      details.append(src);
    }
    li.append(details);
    ul.append(li);
  }
  box.append(ul);
  return box;
}

/**
 * Data-quality checks run with every build: duplicates, parts against
 * totals, implausible values and gaps. A finding names its place in the
 * source. Nothing is repaired: a table that does not add up is reported.
 */
import type {Fact} from "./model.ts";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  check: "duplicate" | "parts_total" | "implausible" | "gap" | "coverage" | "consistency" | "source_note" | "cross_check" | "join";
  severity: Severity;
  source_id: string;
  indicator: string;
  area_id: string;
  year: number | null;
  message: string;
  /** Where in the source: file:line (one or more, `;`-separated). */
  ref: string;
}

const COUNT_UNITS = new Set(["persons", "count", "thousand", "ha", "km2"]);
const SHARE_UNITS = new Set(["percent"]);

/** Key of a cell in the tidy model: everything but value, flag and source_ref. */
export function factKey(f: Fact): string {
  return [f.source_id, f.area_id, f.year, f.reference_date, f.indicator, f.sex, f.age_group, f.category, f.unit].join("|");
}

/**
 * One fact per key. A repeat with the same value is dropped and reported as
 * info (the same number published twice). A repeat where one table has no
 * value (suppressed, missing) and the other has one keeps the value: a cell
 * is not lost because another table withholds it (reported as info). A
 * repeat with a different value makes the cell a conflict: the kept fact's
 * value becomes null with flag "conflict", and both values are reported as a
 * warning — unless `settle` picks the one candidate the source's own counts
 * confirm, which is then kept with a finding naming both. With
 * `drop: false` (documents, whose numbers are statements) repeats stay and
 * are only reported.
 */
export function deduplicate(facts: Fact[], {drop = true, settle}: {drop?: boolean; settle?: (candidates: Fact[]) => {fact: Fact; why: string} | undefined} = {}): {facts: Fact[]; findings: Finding[]} {
  const seen = new Map<string, Fact>();
  const candidates = new Map<string, Fact[]>();
  const kept: Fact[] = [];
  const findings: Finding[] = [];
  for (const f of facts) {
    const key = factKey(f);
    const first = seen.get(key);
    if (!first) {
      const copy = {...f};
      seen.set(key, copy);
      candidates.set(key, [f]);
      kept.push(copy);
      continue;
    }
    candidates.get(key)!.push(f);
    if (!drop) kept.push(f);
    const same = first.value === f.value || (first.value !== null && f.value !== null && Math.abs(first.value - f.value) < 1e-9);
    const oneWithheld = drop && !same && first.flag !== "conflict" && (first.value === null) !== (f.value === null);
    const conflict = drop && !same && !oneWithheld && first.flag !== "conflict";
    const ref = `${first.source_ref}; ${f.source_ref}`;
    if (oneWithheld) {
      const [withheld, valued] = first.value === null ? [first, f] : [f, first];
      findings.push({
        check: "duplicate", severity: "info", source_id: f.source_id, indicator: f.indicator, area_id: f.area_id, year: f.year,
        message: `dieselbe Zelle steht zweimal in der Quelle: einmal ohne Wert (${withheld.flag ?? "leer"}), einmal mit ${valued.value}; der Wert wird geführt`,
        ref: `${valued.source_ref}; ${withheld.source_ref}`
      });
      if (first.value === null) Object.assign(first, {value: f.value, flag: f.flag, source_ref: f.source_ref});
      continue;
    }
    findings.push({
      check: "duplicate",
      severity: same ? "info" : "warning",
      source_id: f.source_id,
      indicator: f.indicator,
      area_id: f.area_id,
      year: f.year,
      message: !drop
        ? `dieselbe Angabe steht zweimal im Dokument: ${first.value} und ${f.value}`
        : same
          ? `derselbe Wert (${f.value}) steht zweimal in der Quelle; er wird einmal geführt`
          : `widersprüchliche Werte für dieselbe Zelle: ${conflict ? first.value : "(bereits widersprüchlich)"} und ${f.value}; die Zelle wird ohne Wert geführt (Kennzeichen „conflict“)`,
      ref
    });
    if (conflict) {
      first.value = null;
      first.flag = "conflict";
    }
  }
  if (drop && settle) {
    for (const [key, fact] of seen) {
      if (fact.flag !== "conflict") continue;
      const all = candidates.get(key)!.filter((c) => c.value !== null);
      const settled = settle(all);
      if (!settled) continue;
      Object.assign(fact, {value: settled.fact.value, flag: settled.fact.flag, source_ref: settled.fact.source_ref});
      findings.push({
        check: "consistency", severity: "warning", source_id: fact.source_id, indicator: fact.indicator, area_id: fact.area_id, year: fact.year,
        message: `widersprüchliche Werte für dieselbe Zelle: ${all.map((c) => `${c.value} (${c.source_ref})`).join(" und ")}; ${settled.why}; geführt wird ${settled.fact.value}`,
        ref: all.map((c) => c.source_ref).join("; ")
      });
    }
  }
  return {facts: kept, findings};
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export type Explain = (total: Fact, difference: number) => string | undefined;

/** A parts-vs-total finding: info when `explain` accounts for the difference (e.g. rounding), else a warning. */
export function partsTotalFinding(total: Fact, parts: string, sum: number, ref: string, explain?: Explain): Finding {
  const difference = sum - (total.value as number);
  const reason = explain?.(total, difference);
  return {
    check: "parts_total",
    severity: reason ? "info" : "warning",
    source_id: total.source_id,
    indicator: total.indicator,
    area_id: total.area_id,
    year: total.year,
    message: `${total.area_name}${total.year ? ` ${total.year}` : ""}: ${parts} = ${sum}, Summe laut Quelle ${total.value} (Differenz ${difference})${reason ? `; ${reason}` : ""}`,
    ref
  };
}

/** female + male against total, wherever a source gives all three. */
export function checkSexParts(facts: Fact[], {tolerance = 0, explain}: {tolerance?: number; explain?: Explain} = {}): Finding[] {
  const findings: Finding[] = [];
  const cells = groupBy(
    facts.filter((f) => COUNT_UNITS.has(f.unit)),
    (f) => [f.source_id, f.area_id, f.year, f.reference_date, f.indicator, f.age_group, f.category, f.unit].join("|")
  );
  for (const group of cells.values()) {
    const by = Object.fromEntries(group.map((f) => [f.sex, f]));
    const {total, female, male} = by as Record<string, Fact | undefined>;
    if (!total || !female || !male || total.value === null || female.value === null || male.value === null) continue;
    const sum = female.value + male.value;
    if (Math.abs(sum - total.value) > tolerance) {
      findings.push(partsTotalFinding(total, `weiblich ${female.value} + männlich ${male.value}`, sum, [...new Set([total.source_ref, female.source_ref, male.source_ref])].join("; "), explain));
    }
  }
  return findings;
}

/** Age bands (a complete partition, given as `bands`) against the total. */
export function checkAgeParts(facts: Fact[], indicator: string, bands: (age: string) => boolean, {tolerance = 0, explain}: {tolerance?: number; explain?: Explain} = {}): Finding[] {
  const findings: Finding[] = [];
  const cells = groupBy(
    facts.filter((f) => f.indicator === indicator),
    (f) => [f.source_id, f.area_id, f.year, f.sex, f.category].join("|")
  );
  for (const group of cells.values()) {
    const total = group.find((f) => f.age_group === "total");
    const parts = group.filter((f) => f.age_group !== "total" && bands(f.age_group));
    if (!total || total.value === null || !parts.length || parts.some((p) => p.value === null)) continue;
    const sum = parts.reduce((s, p) => s + (p.value as number), 0);
    if (Math.abs(sum - total.value) > tolerance) {
      findings.push(partsTotalFinding(total, `${parts.length} Altersgruppen`, sum, total.source_ref, explain));
    }
  }
  return findings;
}

/** Counts below zero (not a balance or a change), shares outside 0–100. */
const PLAUSIBLE_COUNT = 100_000_000;
const PLAUSIBLE_MAGNITUDE = 1e12;

export function checkImplausible(facts: Fact[]): Finding[] {
  const findings: Finding[] = [];
  for (const f of facts) {
    if (f.value === null) continue;
    const balance = /saldo|veränderung|change/i.test(`${f.indicator} ${f.category}`);
    let problem = "";
    if (COUNT_UNITS.has(f.unit) && f.value < 0 && !balance) problem = `negative Anzahl ${f.value}`;
    else if (SHARE_UNITS.has(f.unit) && !balance && (f.value < 0 || f.value > 100)) problem = `Anteil ${f.value} % außerhalb 0–100`;
    else if (!Number.isFinite(f.value)) problem = `kein endlicher Wert`;
    // More people than live in Germany (about 84 million), or any magnitude no statistic here reaches (1e308 from a broken export).
    else if (COUNT_UNITS.has(f.unit) && Math.abs(f.value) > PLAUSIBLE_COUNT) problem = `Anzahl ${f.value} unplausibel groß (mehr als 100 Millionen)`;
    else if (Math.abs(f.value) > PLAUSIBLE_MAGNITUDE) problem = `Betrag ${f.value} unplausibel groß`;
    if (problem) {
      findings.push({check: "implausible", severity: "warning", source_id: f.source_id, indicator: f.indicator, area_id: f.area_id, year: f.year, message: `${f.area_name}${f.year ? ` ${f.year}` : ""}: ${problem}`, ref: f.source_ref});
    }
  }
  return findings;
}

/** Missing years inside a yearly series (between its first and last year). */
export function checkGaps(facts: Fact[]): Finding[] {
  const findings: Finding[] = [];
  const series = groupBy(
    facts.filter((f) => f.year !== null),
    (f) => [f.source_id, f.indicator, f.area_id, f.sex, f.age_group, f.category, f.unit].join("|")
  );
  for (const group of series.values()) {
    const years = [...new Set(group.map((f) => f.year as number))].sort((a, b) => a - b);
    if (years.length < 2) continue;
    const missing: number[] = [];
    for (let y = years[0]; y <= years[years.length - 1]; y++) if (!years.includes(y)) missing.push(y);
    if (missing.length && missing.length < years.length * 4) {
      const f = group[0];
      findings.push({
        check: "gap",
        severity: "info",
        source_id: f.source_id,
        indicator: f.indicator,
        area_id: f.area_id,
        year: null,
        message: `${f.area_name}: Reihe ${years[0]}–${years[years.length - 1]} ohne ${missing.join(", ")}${f.category !== "total" ? ` (${f.category})` : ""}`,
        ref: f.source_ref.replace(/:\d+$/, "")
      });
    }
  }
  return findings;
}

/**
 * A file cut short at a line boundary parses cleanly; it loses its last rows.
 * Sources that list a year's areas one after another (IM: Kreise, then
 * regions and the Land) then lack, in their last year, areas each series had
 * the year before. Reported per indicator (never repaired); an area that ends
 * earlier (a Kreis reform) is not a finding, since it is missing in more than
 * the last year.
 */
export function checkLastYearCoverage(facts: Fact[]): Finding[] {
  const findings: Finding[] = [];
  const series = groupBy(
    facts.filter((f) => f.year !== null),
    (f) => [f.source_id, f.indicator, f.sex, f.age_group, f.category, f.unit].join("|")
  );
  for (const group of series.values()) {
    const byYear = groupBy(group, (f) => String(f.year));
    const years = [...byYear.keys()].map(Number).sort((a, b) => a - b);
    if (years.length < 2) continue;
    const [before, last] = years.slice(-2);
    if (last !== before + 1) continue;
    const present = new Set(byYear.get(String(last))!.map((f) => f.area_id));
    const missing = byYear.get(String(before))!.filter((f) => !present.has(f.area_id));
    if (!missing.length) continue;
    const f = group[0];
    const names = missing.map((m) => m.area_name);
    findings.push({
      check: "coverage",
      severity: "warning",
      source_id: f.source_id,
      indicator: f.indicator,
      // The first area missing; the message names them.
      area_id: missing[0].area_id,
      year: last,
      message: `${last}: ${missing.length} von ${missing.length + present.size} Gebieten fehlen, die ${before} enthalten sind (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}): abgeschnittene Datei oder Lücke der Quelle${[f.category !== "total" ? f.category : "", f.sex === "female" ? "weiblich" : f.sex === "male" ? "männlich" : "", `Einheit ${f.unit}`].filter(Boolean).map((x) => ` (${x})`).join("")}`,
      ref: f.source_ref.replace(/:\d+$/, "")
    });
  }
  return findings;
}

/**
 * A share and the counts it is made of. `share` is `indicator` or
 * `indicator|category` (the share's category where it is not the numerator's).
 */
export interface ShareRule {
  share: {indicator: string; category?: string; unit: string};
  numerator: {indicator: string; category?: string};
  denominator: {indicator: string; category?: string};
  /** 100 for per cent. */
  factor: number;
  /** Largest difference (in the share's unit) the published precision explains. */
  tolerance: number;
  /** Counts may be off by this much (AZR: rounded to multiples of 5, so ±2,5). */
  rounding?: number;
}

/** An average or ratio of a population: undefined where that population is 0. */
export interface BaseRule {
  indicators: readonly string[];
  base: {indicator: string; category?: string};
}

/**
 * The one rule for every source: a share its own counts contradict, or a
 * share or average of nobody (0/0), is not a value. It becomes null with flag
 * `contradicted` or `no_base` and a finding that names the counts; nothing is
 * recomputed in its place. Matching is by area, year, sex and age group.
 */
export type ShareVerdict = {verdict: "ok" | "contradicted" | "no_base"; numerator: Fact; denominator: Fact; expected: number | null};

/** Checks a share against its counts (looked up in `facts`); undefined where no rule or no counts apply. */
export function shareChecker(facts: readonly Fact[], shares: readonly ShareRule[]): (f: Fact) => ShareVerdict | undefined {
  const cellKey = (f: Fact) => [f.area_id, f.year, f.sex, f.age_group].join("|");
  const index = new Map<string, Fact>();
  for (const f of facts) if (f.unit === "count" || f.unit === "persons") index.set(`${f.indicator}|${f.category}|${cellKey(f)}`, f);
  const count = (what: {indicator: string; category?: string}, f: Fact) => index.get(`${what.indicator}|${what.category ?? "total"}|${cellKey(f)}`);
  return (f) => {
    if (f.value === null) return undefined;
    for (const rule of shares) {
      if (f.indicator !== rule.share.indicator || f.unit !== rule.share.unit || (rule.share.category ?? "total") !== f.category) continue;
      const numerator = count(rule.numerator, f);
      const denominator = count(rule.denominator, f);
      if (!numerator || !denominator || numerator.value === null || denominator.value === null) continue;
      if (denominator.value === 0) return {verdict: "no_base", numerator, denominator, expected: null};
      const expected = (rule.factor * numerator.value) / denominator.value;
      // Counts rounded to ±r (the AZR's multiples of 5) bound the share from both sides.
      const r = rule.rounding ?? 0;
      const lo = (rule.factor * Math.max(0, numerator.value - r)) / (denominator.value + r);
      const hi = denominator.value - r > 0 ? (rule.factor * (numerator.value + r)) / (denominator.value - r) : Infinity;
      const ok = f.value >= lo - rule.tolerance && f.value <= hi + rule.tolerance;
      return {verdict: ok ? "ok" : "contradicted", numerator, denominator, expected};
    }
    return undefined;
  };
}

/**
 * The one rule for every source: a share its own counts contradict, or a
 * share or average of nobody (0/0), is not a value. It becomes null with flag
 * `contradicted` or `no_base` and a finding that names the counts; nothing is
 * recomputed in its place. Matching is by area, year, sex and age group.
 */
export function impossibleValues(facts: Fact[], {shares = [], bases = []}: {shares?: readonly ShareRule[]; bases?: readonly BaseRule[]}): {facts: Fact[]; findings: Finding[]} {
  const check = shareChecker(facts, shares);
  const baseIndex = new Map<string, Fact>();
  for (const f of facts) baseIndex.set([f.indicator, f.category, f.unit, f.area_id, f.year, f.sex, f.age_group].join("|"), f);
  const findings: Finding[] = [];
  const out = facts.map((f) => {
    if (f.value === null) return f;
    const where = `${f.area_name}${f.year ? ` ${f.year}` : ""}`;
    const v = check(f);
    if (v && v.verdict !== "ok") {
      const counts = `${v.numerator.value} von ${v.denominator.value}`;
      const message = v.verdict === "no_base"
        ? `${where}: die Quelle nennt einen Anteil von ${f.value}, ihre eigenen Anzahlen sind ${counts}: kein Anteil; nicht gezeigt (Kennzeichen „no_base“)`
        : `${where}: die Quelle nennt einen Anteil von ${f.value}, ihre eigenen Anzahlen ergeben ${counts} = ${(v.expected as number).toFixed(2)}; nicht gezeigt und nicht ersetzt (Kennzeichen „contradicted“)`;
      findings.push({check: "consistency", severity: "warning", source_id: f.source_id, indicator: f.indicator, area_id: f.area_id, year: f.year, message, ref: `${f.source_ref}; ${v.numerator.source_ref}; ${v.denominator.source_ref}`});
      return {...f, value: null, flag: v.verdict};
    }
    for (const rule of bases) {
      if (!rule.indicators.includes(f.indicator)) continue;
      const base = ["count", "persons"].map((unit) => baseIndex.get([rule.base.indicator, rule.base.category ?? "total", unit, f.area_id, f.year, "total", "total"].join("|"))).find(Boolean);
      if (base?.value === 0) {
        findings.push({check: "consistency", severity: "warning", source_id: f.source_id, indicator: f.indicator, area_id: f.area_id, year: f.year, message: `${where}: die Quelle nennt ${f.value}, aber die Bevölkerung ist 0; nicht gezeigt (Kennzeichen „no_base“)`, ref: `${f.source_ref}; ${base.source_ref}`});
        return {...f, value: null, flag: "no_base" as const};
      }
    }
    return f;
  });
  return {facts: out, findings};
}

/** Null cells: counted per source and flag, so that no suppression goes unmentioned. */
export function summariseNulls(facts: Fact[]): Finding[] {
  const groups = groupBy(facts.filter((f) => f.value === null), (f) => `${f.source_id}|${f.indicator}|${f.flag}`);
  return [...groups.values()].map((group) => ({
    check: "source_note" as const,
    severity: "info" as const,
    source_id: group[0].source_id,
    indicator: group[0].indicator,
    area_id: "",
    year: null,
    message: `${group.length} Zellen ohne Wert (${group[0].flag ?? "ohne Kennzeichen"}); als fehlend geführt, nicht als 0`,
    ref: group.slice(0, 3).map((f) => f.source_ref).join("; ") + (group.length > 3 ? "; …" : "")
  }));
}

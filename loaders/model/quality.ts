/**
 * Data-quality checks run with every build: duplicates, parts against
 * totals, implausible values and gaps. A finding names its place in the
 * source. Nothing is repaired: a table that does not add up is reported.
 */
import type {Fact} from "./model.ts";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  check: "duplicate" | "parts_total" | "implausible" | "gap" | "consistency" | "source_note" | "cross_check" | "join";
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
 * info (the same number published twice). A repeat with a different value
 * makes the cell a conflict: neither number can be trusted over the other,
 * so the kept fact's value becomes null with flag "conflict", and both
 * values are reported as a warning. With `drop: false` (documents, whose
 * numbers are statements) repeats stay and are only reported.
 */
export function deduplicate(facts: Fact[], {drop = true} = {}): {facts: Fact[]; findings: Finding[]} {
  const seen = new Map<string, Fact>();
  const kept: Fact[] = [];
  const findings: Finding[] = [];
  for (const f of facts) {
    const key = factKey(f);
    const first = seen.get(key);
    if (!first) {
      const copy = {...f};
      seen.set(key, copy);
      kept.push(copy);
      continue;
    }
    if (!drop) kept.push(f);
    const same = first.value === f.value || (first.value !== null && f.value !== null && Math.abs(first.value - f.value) < 1e-9);
    const conflict = drop && !same && first.flag !== "conflict";
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
      ref: `${first.source_ref}; ${f.source_ref}`
    });
    if (conflict) {
      first.value = null;
      first.flag = "conflict";
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

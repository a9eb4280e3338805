/**
 * From fact rows to the ordered age rows the age charts draw: the age bands
 * of KISS-MD (Magdeburg) and of the Integrationsmonitoring (AZR), and single
 * years of age with their open class.
 */
import type {AgeBandRow} from "./agestructure.js";

export interface AgeFact {
  age_group: string;
  value: number | null | bigint;
  flag?: string | null;
}

export interface BandDef {
  band: string;
  label: string;
}

/** KISS-MD K3_T39, labelled as the city's export labels them („0 - 6 Jahre“ … „ab 65 Jahre“). */
export const MD_BANDS: BandDef[] = [
  {band: "0-6", label: "0–6 Jahre"},
  {band: "7-17", label: "7–17 Jahre"},
  {band: "18-44", label: "18–44 Jahre"},
  {band: "45-64", label: "45–64 Jahre"},
  {band: "65+", label: "65 Jahre und älter"}
];

/**
 * Integrationsmonitoring 1-2-6 (AZR). The source writes „0 - 6“, „6 - 15“ …:
 * the limits overlap, so the groups run „from … to under …“.
 */
export const IM_BANDS: BandDef[] = [
  {band: "0 - 6", label: "unter 6 Jahre"},
  {band: "6 - 15", label: "6 bis unter 15 Jahre"},
  {band: "15 - 20", label: "15 bis unter 20 Jahre"},
  {band: "20 - 40", label: "20 bis unter 40 Jahre"},
  {band: "40 - 65", label: "40 bis unter 65 Jahre"},
  {band: "65 - 80", label: "65 bis unter 80 Jahre"},
  {band: "80 und älter", label: "80 Jahre und älter"}
];

const num = (v: number | null | bigint) => (v === null ? null : Number(v));

/**
 * The bands in their order; a band the data lack or hold as null stays null
 * with its flag. Returns null when the data have no band at all (nothing to draw).
 */
export function bandRows(facts: Iterable<AgeFact>, bands: BandDef[]): AgeBandRow[] | null {
  const by = new Map<string, AgeFact>();
  for (const f of facts) by.set(f.age_group, f);
  if (!bands.some((b) => by.has(b.band))) return null;
  return bands.map(({band, label}) => {
    const f = by.get(band);
    return {band, label, value: f ? num(f.value) : null, flag: f ? (f.value === null ? f.flag || "missing" : null) : "missing"};
  });
}

/** "37" → 37, "90+" → 90. */
export function ageOf(code: string): number {
  return Number.parseInt(code, 10);
}

export function ageLabel(code: string): string {
  return code.endsWith("+") ? `${ageOf(code)} und älter` : code;
}

/** Single years in ascending order, the open class last. */
export function singleYearRows(facts: Iterable<AgeFact>): AgeBandRow[] {
  return [...facts]
    .filter((f) => /^\d+\+?$/.test(f.age_group))
    .sort((a, b) => ageOf(a.age_group) - ageOf(b.age_group))
    .map((f) => ({band: f.age_group, label: ageLabel(f.age_group), value: num(f.value), flag: f.value === null ? f.flag || "missing" : null}));
}

/**
 * Folds every single year from `open` on, and a later open class, into one
 * open class `open+` (K3_T3 runs to „98 und älter“, K3_T1 to „90 und älter“).
 * The sum is null when any part is null: never a partial sum.
 * `derived` tells whether anything was folded.
 */
export function foldOpenClass(rows: AgeBandRow[], open: number): {rows: AgeBandRow[]; derived: boolean} {
  const code = `${open}+`;
  const young = rows.filter((r) => ageOf(r.band) < open);
  const old = rows.filter((r) => ageOf(r.band) >= open);
  if (old.length === 1 && old[0].band === code) return {rows, derived: false};
  if (old.length === 0) return {rows, derived: false};
  const value = old.some((r) => r.value === null) ? null : old.reduce((s, r) => s + (r.value as number), 0);
  return {rows: [...young, {band: code, label: ageLabel(code), value, flag: value === null ? "missing" : "derived"}], derived: true};
}

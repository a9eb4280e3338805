/**
 * German number and date formatting, used by every chart, table and tooltip.
 * 1.234,5 · 12,3 % · 31.12.2022 · „Zitat“. Missing values print as „–“ and
 * are never 0.
 */
import {formatLocale, type FormatLocaleObject} from "d3";

export const LOCALE = "de-DE";
export const MISSING = "–";

/** d3-format in German conventions, for Plot tick formats. */
export const d3de: FormatLocaleObject = formatLocale({decimal: ",", thousands: ".", grouping: [3], currency: ["", " €"], percent: " %", minus: "−"});

const cache = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}|${max}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE, {minimumFractionDigits: min, maximumFractionDigits: max})));
  return f;
}

/** 1234.5 → "1.234,5"; null → "–". `digits` fixes the decimals; default: up to 1. */
export function formatNumber(value: number | null | undefined, {digits}: {digits?: number} = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  const text = digits === undefined ? nf(0, 1).format(value) : nf(digits, digits).format(value);
  return text.replace("-", "−");
}

/** 12.345 → "12,3 %" (the value is already in per cent). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? MISSING : `${formatNumber(value, {digits})} %`;
}

/** A signed change: +1,2 or −0,4 (percentage points or counts). */
export function formatChange(value: number | null | undefined, {digits = 1, unit = ""}: {digits?: number; unit?: string} = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${formatNumber(Math.abs(value), {digits})}${unit ? ` ${unit}` : ""}`;
}

/** "2022-12-31" → "31.12.2022"; a bare year stays a year. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return MISSING;
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toLocaleDateString(LOCALE, {day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC"});
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** German quotation marks: „…“. */
export function quote(text: string): string {
  return `„${text}“`;
}

/** Value with its unit, as the tidy model names units. */
export function formatValue(value: number | null | undefined, unit: string): string {
  switch (unit) {
    case "percent":
      return formatPercent(value);
    case "percentage_points":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 1})} Prozentpunkte`;
    case "per_1000":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 1})} je 1.000`;
    case "thousand":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 1})} Tsd.`;
    case "years":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 1})} Jahre`;
    case "ha":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 1})} ha`;
    case "km2":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 2})} km²`;
    case "persons_per_km2":
      return value === null || value === undefined ? MISSING : `${formatNumber(value, {digits: 0})} je km²`;
    case "persons":
    case "count":
      return formatNumber(value, {digits: 0});
    default:
      return formatNumber(value);
  }
}

/** German labels of the model's codes. */
export const LABELS: Record<string, string> = {
  total: "insgesamt",
  female: "weiblich",
  male: "männlich",
  bund: "Bund",
  land: "Land",
  statregion: "Statistische Region",
  mz_region: "Mikrozensus-Region",
  kreis: "Kreis",
  kreisgruppe: "Kreisgruppe (Mikrozensus)",
  kreisteil: "Teil der Region Hannover",
  gemeinde: "Gemeinde",
  stadtbezirk: "Stadtbezirk",
  stadtteil: "Stadtteil",
  suppressed: "gesperrt/geheim",
  missing: "keine Angabe",
  zero_sign: "„-“ in der Quelle",
  approx: "ungefähr",
  estimate: "Schätzung",
  derived: "berechnet",
  uncertain: "statistisch unsicher",
  provisional: "vorläufig",
  conflict: "widersprüchlich in der Quelle",
  contradicted: "widerspricht den eigenen Anzahlen (nicht gezeigt)",
  no_base: "0 von 0: kein Anteil"
};

export function label(code: string | null | undefined): string {
  return code ? LABELS[code] ?? code : MISSING;
}

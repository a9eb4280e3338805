/**
 * The indicator catalogue: every indicator the fact tables hold, with its
 * definition, unit, source, licence, coverage and footnotes; and the area
 * table. Both are derived from the built facts, so they cannot drift apart.
 */
import {DOCUMENTS, documentSourceId, readDocumentStatistics} from "../parse/documents.ts";
import type {ImIndicator} from "../parse/im.ts";
import type {Area, AreaLevel, Fact} from "./model.ts";
import {registry} from "../source/sources.ts";
import {RATE_UNITS} from "./tables.ts";
import {readCategoryWords, readIndicatorMeta, type CategoryWords, type Timing} from "./indicator-meta.ts";
import {GERMANY_META} from "./germany-meta.ts";

export interface CatalogueEntry {
  id: string;
  /** The atlas's reviewed German title (data/indicators.csv), else the source's. */
  title: string;
  /** The title as the source gives it ("" where the source has none or the atlas wrote it). */
  upstream_title: string;
  /** Stock on a reference day, flow over a period, survey average, or change between dates; null where not reviewed. */
  timing: Timing | null;
  /** The reference day or period in words („31.12.“, „Kalenderjahr“). */
  reference: string;
  /** Breakdowns whose parts do not add up: offered as the total only. */
  total_only: string[];
  /** Plain words of its categories, keyed "unit|category" (data/category-words.csv). */
  category_words: Record<string, CategoryWords>;
  definition: string;
  computation: string;
  units: string[];
  source_id: string;
  source_title: string;
  licence: string;
  attribution: string;
  footnotes: string;
  /** Some of its rows are rates, shares, ratios or averages (RATE_UNITS): those may be mapped as colour; counts may not. */
  is_rate: boolean;
  /** The units of those rows. */
  rate_units: string[];
  coverage: {areas: number; levels: AreaLevel[]; years: [number, number] | null; breakdowns: string[]; rows: number};
}

interface StaticMeta {
  title: string;
  definition: string;
  computation?: string;
  footnotes?: string;
}

/** Indicators the atlas defines for sources without their own metadata. */
export const STATIC_META: Record<string, StaticMeta> = {
  "md:bevoelkerung": {title: "Hauptwohnsitzbevölkerung", definition: "Einwohnerinnen und Einwohner mit Hauptwohnsitz in Magdeburg am 31.12. (Melderegister), je Stadtteil bzw. nach Einzelaltersjahren und Geschlecht.", footnotes: "Altersangaben: KISS-MD zählt Lebensjahre; Code „1“ ist das erste Lebensjahr (Alter 0). Offene Altersklasse 90+ ab 2021 (K3_T1 „90 und älter“), 98+ bis 2020 (K3_T3, dort „99 und älter“ genannt, aber nach Code 98 = Alter 97)."},
  "md:auslaender": {title: "Ausländische Hauptwohnsitzbevölkerung", definition: "Einwohnerinnen und Einwohner mit Hauptwohnsitz in Magdeburg ohne deutsche Staatsangehörigkeit, am 31.12. (Melderegister).", footnotes: "Zuordnung männlich/weiblich in K3_T38 aus dem Aufbau der Tabelle K3_T32 erschlossen (in den Daten nicht beschriftet)."},
  "md:auslaender_wohnberechtigt": {title: "Ausländische wohnberechtigte Bevölkerung", definition: "Ausländerinnen und Ausländer mit Haupt- oder Nebenwohnsitz in Magdeburg am 31.12.", footnotes: "Zuordnung männlich/weiblich aus dem Aufbau der Tabelle K3_T32 erschlossen."},
  "md:auslaenderanteil": {title: "Anteil der ausländischen Bevölkerung", definition: "Ausländische Hauptwohnsitzbevölkerung je 100 Einwohner mit Hauptwohnsitz.", computation: "2021–2025 wie von KISS-MD (K3_T36) veröffentlicht; 2011–2020 vom Atlas aus K3_T41 und K3_T35 berechnet (Kennzeichen „derived“)."},
  "md:billeter": {title: "Billeter-Maß J", definition: "Demografisches Alterungsmaß: (Bevölkerung unter 15 − Bevölkerung 50 und älter) / Bevölkerung 15 bis unter 50."},
  "md:jugendquote": {title: "Jugendquote", definition: "Bevölkerung unter 18 Jahren je 100 Personen im erwerbsfähigen Alter (KISS-MD-Definition)."},
  "md:altenquote": {title: "Altenquote", definition: "Bevölkerung ab 65 Jahren je 100 Personen im erwerbsfähigen Alter (KISS-MD-Definition)."},
  "md:durchschnittsalter": {title: "Altersdurchschnitt", definition: "Mittleres Alter der Hauptwohnsitzbevölkerung in Jahren."},
  "md:flaeche": {title: "Fläche", definition: "Fläche des Stadtteils in Hektar (KISS-MD K3_T33).", footnotes: "Spaltenbedeutung aus den Daten erschlossen: Einwohner / Fläche ergibt die in K3_T33 gedruckte Dichte."},
  "destatis:schutzsuchende": {title: "Schutzsuchende", definition: "Ausländerinnen und Ausländer, die sich unter Berufung auf humanitäre Gründe in Deutschland aufhalten (offener, anerkannter oder abgelehnter Schutzstatus), am 31.12.2018 (Destatis 12531, Ausländerzentralregister).", footnotes: "„.“ = Zahlenwert unbekannt oder geheim zu halten; „-“ = nichts vorhanden oder aufgelöstes Gebiet."},
  "destatis:asylbewerberleistungen": {title: "Empfängerinnen und Empfänger von Regelleistungen nach dem Asylbewerberleistungsgesetz", definition: "Personen mit Regelleistungen nach dem AsylbLG am 31.12.2019 (Destatis 22221).", footnotes: "In vielen Zeilen ergeben weiblich + männlich nicht die Summe (Befund der Datenqualität); verwendbar ist die Summe."},
  "vg250:einwohner": {title: "Einwohner (VG250-EW)", definition: "Einwohnerzahl der Gemeinde laut Verwaltungsgebieten 1:250 000 mit Einwohnerzahlen (BKG), amtliche Bevölkerungsfortschreibung.", footnotes: "Der Stichtag ist in dieser Kopie des Datensatzes nicht angegeben (Abruf aus dem BKG-WFS, 2025). Gemeindefreie Gebiete (AGS mit 5xx) sind unbewohnt und haben 0 Einwohner."},
  "vg250:flaeche": {title: "Fläche (VG250-EW)", definition: "Katasterfläche der Gemeinde in km² laut VG250-EW (BKG)."},
  "vg250:dichte": {title: "Einwohnerdichte", definition: "Einwohner je km² Fläche.", computation: "Vom Atlas berechnet: VG250-EW-Einwohnerzahl / VG250-EW-Fläche (Kennzeichen „derived“)."},
  ...GERMANY_META,
  "goesis:10-1": {title: "Göttingen, GÖSIS 027.02 (Reihe „Ausländische Bevölkerung“ der SDG-Seite 10-1)", definition: "Jährliche Zahl für die Stadt Göttingen, 2014–2023. Die Reihe ist als „Ausländische Bevölkerung“ betitelt, ihre Werte entsprechen aber den Einbürgerungen (Göttinger Integrationskonzept, Abb. 10: 2018–2021 identisch).", footnotes: "Nur als Gegenprobe verwendet."}
};

const BREAKDOWN_FIELDS = ["sex", "age_group", "category"] as const;

export function catalogue(facts: Fact[], imIndicators: ImIndicator[]): CatalogueEntry[] {
  const sources = new Map(registry().sources.map((s) => [s.id, s]));
  const reviewed = readIndicatorMeta();
  const words = readCategoryWords();
  const im = new Map(imIndicators.map((m) => [`im:${m.id}`, m]));
  const docLabels = new Map<string, string>();
  for (const doc of DOCUMENTS) {
    for (const s of readDocumentStatistics(doc)) if (!docLabels.has(`${doc.slug}:${s.indicator}`)) docLabels.set(`${doc.slug}:${s.indicator}`, s.indicator_label);
  }
  const byIndicator = new Map<string, Fact[]>();
  for (const f of facts) {
    const group = byIndicator.get(f.indicator);
    if (group) group.push(f);
    else byIndicator.set(f.indicator, [f]);
  }
  const entries: CatalogueEntry[] = [];
  for (const [id, rows] of byIndicator) {
    const sourceId = rows[0].source_id;
    const src = sources.get(sourceId);
    const doc = DOCUMENTS.find((d) => documentSourceId(d) === sourceId);
    const meta = im.get(id);
    const fixed = STATIC_META[id];
    const years = rows.map((r) => r.year).filter((y): y is number => y !== null);
    const units = [...new Set(rows.map((r) => r.unit))];
    const own = reviewed.get(id);
    entries.push({
      id,
      title: own?.title ?? meta?.title ?? fixed?.title ?? (doc ? `${docLabels.get(id) ?? id} (${doc.place})` : id),
      // An untranslated key (global_indicators.2-2-5-title) is no title: none is kept, none is shown.
      upstream_title: meta?.title && !/^[A-Za-z_]+\.[\w-]+$/.test(meta.title) ? meta.title : "",
      timing: own?.timing ?? null,
      reference: own?.reference ?? "",
      total_only: own?.total_only ?? [],
      category_words: words.get(id) ?? {},
      definition: meta?.definition ?? fixed?.definition ?? (doc ? `Wie im Dokument „${doc.title}“ gedruckt.` : ""),
      computation: meta?.computation ?? fixed?.computation ?? "",
      units,
      source_id: sourceId,
      source_title: src?.title ?? (doc ? `${doc.publisher}: ${doc.title} (${doc.year})` : sourceId),
      licence: src?.licence ?? (doc ? "Zitat aus einem amtlichen Dokument (§ 5 UrhG / Zitatrecht); Abschrift des Atlas" : ""),
      attribution: src?.attribution ?? (doc ? `${doc.publisher}, ${doc.title} (${doc.year})` : ""),
      footnotes: meta?.footnotes ?? fixed?.footnotes ?? "",
      is_rate: units.some((u) => RATE_UNITS.has(u)),
      rate_units: units.filter((u) => RATE_UNITS.has(u)),
      coverage: {
        areas: new Set(rows.map((r) => r.area_id)).size,
        levels: [...new Set(rows.map((r) => r.area_level))],
        // reduce, not Math.min(...years): an indicator may have 100,000 rows (12411-0018), beyond the call stack.
        years: years.length ? [years.reduce((a, b) => Math.min(a, b)), years.reduce((a, b) => Math.max(a, b))] : null,
        breakdowns: BREAKDOWN_FIELDS.filter((field) => rows.some((r) => r[field] !== "total")).map(String),
        rows: rows.length
      }
    });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id, "de", {numeric: true}));
}

/** One row per area that any fact or boundary names, with its parent. */
export function areas(facts: Fact[], extra: Area[] = []): Area[] {
  const byId = new Map<string, Area>();
  for (const a of extra) byId.set(a.area_id, a);
  for (const f of facts) {
    if (byId.has(f.area_id)) continue;
    byId.set(f.area_id, {area_id: f.area_id, name: f.area_name, level: f.area_level, parent_id: parentOf(f.area_id, f.area_level), ags: /^\d+$/.test(f.area_id) ? f.area_id : null});
  }
  return [...byId.values()].sort((a, b) => a.area_id.localeCompare(b.area_id));
}

export function parentOf(id: string, level: AreaLevel): string | null {
  if (level === "bund") return null;
  if (level === "land") return "DE";
  if (level === "statregion" || level === "mz_region" || level === "kreisgruppe") return id.slice(0, 2);
  if (level === "kreis") return id.slice(0, 2);
  if (level === "kreisteil") return id.slice(0, 5);
  if (level === "gemeinde") return /^\d{8}$/.test(id) ? id.slice(0, 5) : null;
  return id.split("-")[0] || null;
}

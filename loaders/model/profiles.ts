/**
 * The profile of each place: key figures with reference date, trend and the
 * Land for comparison, the series behind the charts, and a summary of the
 * place's integration concept. Every figure names the indicator and the row
 * it comes from; a figure no source has for a place says so in words.
 */
import {LEVEL_PLURALS} from "./concept-catalogue.ts";
import {readConcept} from "../parse/concepts.ts";
import {DOCUMENTS} from "../parse/documents.ts";
import type {Fact} from "./model.ts";
import {places, type Place} from "./places.ts";

export type FigureKey =
  | "bevoelkerung"
  | "auslaender"
  | "auslaenderanteil"
  | "einbuergerungen"
  | "einbuergerungsquote"
  | "duldung"
  | "gestattung"
  | "asylbewerber_konzept"
  | "schutzsuchende"
  | "asylblg"
  | "migrationshintergrund";

/** How the reference date reads: a stock on 31.12., a flow over a year, a survey's annual average. */
export type Timing = "stock" | "flow" | "survey";

export interface Point {
  year: number;
  value: number | null;
  flag: string | null;
  /** File and row (or document line) of the number; derived values name both inputs. */
  ref: string;
  /** The facts behind the number (source and reference of each; a derived value has both inputs): what a chart's „Quelle“ lists. */
  from?: {source_id: string; source_file: string}[];
}

export interface KeyFigure {
  key: FigureKey;
  label: string;
  /** Unit code of formatValue (components/format.ts). */
  unit: string;
  /** Decimals where one is too few (naturalisation rates of 1–3 %). */
  digits?: number;
  timing: Timing;
  /** Catalogue id(s) of the indicator(s) the figure comes from. */
  indicator: string;
  source: string;
  definition: string;
  /** Where the area differs from the place (a Mikrozensus Kreis group). */
  area_note: string;
  /** The place's series, oldest first (null values stay, with their flag). */
  series: Point[];
  /** The Land's series of the same indicator, when the source has one. */
  land: Point[];
  /** Why there is no value, in words; empty when there is one. */
  unavailable: string;
  /** Per 1,000 inhabitants, computed by the atlas for counts of people (same year, same source family). */
  per1000: Point[];
  /** Another source's series of the same quantity, drawn beside it (a cross-check). */
  compare: {label: string; source: string; series: Point[]}[];
}

export interface ConceptSummary {
  slug: string;
  place: string;
  title: string;
  publisher: string;
  year: number;
  counts: {level: string; label: string; n: number}[];
  fields: {number: string; title: string; line: number}[];
}

export interface Profile {
  place: Place;
  parent: Place | null;
  children: Place[];
  figures: KeyFigure[];
  concept: ConceptSummary | null;
  /** Concept of an enclosing or enclosed place (Landkreis Göttingen → Stadt Göttingen). */
  related_concepts: {slug: string; place: string}[];
}

/** The concept catalogue's plural labels, with three more telling names for the profile summary. */
export const LEVEL_LABELS: Record<string, string> = {
  ...LEVEL_PLURALS,
  indikator: "Indikatoren (was gemessen werden soll)",
  steuerungsphase: "Phasen des Steuerungskreislaufs",
  punkt: "Punkte des Positionspapiers"
};

const IM = "Integrationsmonitoring Niedersachsen, LSN";
const DESTATIS = "Statistisches Bundesamt (Destatis)";
const KISS = "Landeshauptstadt Magdeburg, Amt für Statistik (KISS-MD)";
const GOE_DOC = "Stadt Göttingen, Kommunales Integrationskonzept 2024–2028 (Abschrift des Atlas)";

const DULDUNG = "ohne Aufenthaltstitel=Duldung";
const GESTATTUNG = "ohne Aufenthaltstitel=Aufenthaltsgestattung";
const MH_WEITER = "Kategorie=Personen mit Migrationshintergrund im weiteren Sinne";

/** The facts a profile needs, indexed by indicator and area. */
export class FactIndex {
  private byKey = new Map<string, Fact[]>();
  constructor(facts: readonly Fact[]) {
    for (const f of facts) {
      const key = `${f.indicator}|${f.area_id}`;
      const list = this.byKey.get(key);
      if (list) list.push(f);
      else this.byKey.set(key, [f]);
    }
  }
  /** One point per year (the first where a document prints a number twice), oldest first. */
  series(indicator: string, area: string, {category = "total", sex = "total", age = "total", unit}: {category?: string; sex?: string; age?: string; unit?: string} = {}): Point[] {
    const byYear = new Map<number, Point>();
    for (const f of this.byKey.get(`${indicator}|${area}`) ?? []) {
      if (f.year === null || f.category !== category || f.sex !== sex || f.age_group !== age || (unit && f.unit !== unit)) continue;
      if (!byYear.has(f.year)) byYear.set(f.year, {year: f.year, value: f.value, flag: f.flag, ref: f.source_ref, from: [{source_id: f.source_id, source_file: f.source_ref}]});
    }
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }
  has(indicator: string, area: string): boolean {
    return this.byKey.has(`${indicator}|${area}`);
  }
  /** Area ids the indicator has, e.g. to find the Mikrozensus group holding a Kreis. */
  areasOf(indicator: string): string[] {
    const out: string[] = [];
    for (const key of this.byKey.keys()) if (key.startsWith(`${indicator}|`)) out.push(key.slice(indicator.length + 1));
    return out;
  }
}

/** a / b × factor per year, flagged as derived; null where either is null. */
export function ratio(a: Point[], b: Point[], factor: number): Point[] {
  const base = new Map(b.map((p) => [p.year, p]));
  return a.flatMap((p) => {
    const q = base.get(p.year);
    if (!q) return [];
    const value = p.value === null || q.value === null || q.value === 0 ? null : (factor * p.value) / q.value;
    return [{year: p.year, value, flag: value === null ? (p.flag ?? q.flag ?? "missing") : "derived", ref: `${p.ref} / ${q.ref}`, from: [...(p.from ?? []), ...(q.from ?? [])]}];
  });
}

function figure(key: FigureKey, label: string, unit: string, timing: Timing, indicator: string, source: string, definition: string, series: Point[], extra: Partial<KeyFigure> = {}): KeyFigure {
  const hasValue = series.some((p) => p.value !== null);
  const unavailable = hasValue ? "" : extra.unavailable || "Für diesen Ort liegt in den Quellen des Atlas kein Wert vor.";
  return {key, label, unit, timing, indicator, source, definition, area_note: "", series, land: [], per1000: [], compare: [], ...extra, unavailable};
}

function none(key: FigureKey, label: string, unit: string, timing: Timing, why: string): KeyFigure {
  return figure(key, label, unit, timing, "", "", "", [], {unavailable: why});
}

const LABEL: Record<FigureKey, string> = {
  bevoelkerung: "Bevölkerung",
  auslaender: "Ausländische Bevölkerung",
  auslaenderanteil: "Anteil der ausländischen Bevölkerung",
  einbuergerungen: "Einbürgerungen",
  einbuergerungsquote: "Einbürgerungen je 100 Ausländerinnen und Ausländer",
  duldung: "Personen mit Duldung",
  gestattung: "Personen mit Aufenthaltsgestattung (Asylverfahren)",
  asylbewerber_konzept: "Asylbewerberinnen und Asylbewerber (laut Integrationskonzept)",
  schutzsuchende: "Schutzsuchende",
  asylblg: "Empfängerinnen und Empfänger von Asylbewerberleistungen",
  migrationshintergrund: "Anteil der Bevölkerung mit Migrationshintergrund"
};

/** The key figures of a Niedersachsen area the Integrationsmonitoring reports. */
function imFigures(place: Place, idx: FactIndex): KeyFigure[] {
  const id = place.area_id;
  const land = (indicator: string, opts = {}) => (id === "03" ? [] : idx.series(indicator, "03", opts));
  const population = idx.series("im:1-1-1", id);
  const count = (key: FigureKey, indicator: string, opts: {category?: string}, timing: Timing, definition: string, per1000 = false) => {
    const series = idx.series(indicator, id, {...opts, unit: "count"});
    return figure(key, LABEL[key], "count", timing, indicator, IM, definition, series, {land: land(indicator, {...opts, unit: "count"}), per1000: per1000 ? ratio(series, population, 1000) : []});
  };
  const statusWhy = place.kind === "kreisteil" ? "Das Integrationsmonitoring weist den Aufenthaltsstatus nur für die Region Hannover als Ganzes aus, nicht für Landeshauptstadt und Umland getrennt." : "";
  const duldung = count("duldung", "im:2-1-5", {category: DULDUNG}, "stock", "Ausländerinnen und Ausländer ohne Aufenthaltstitel mit Duldung (Aussetzung der Abschiebung), am 31.12. (Ausländerzentralregister).", true);
  const gestattung = count("gestattung", "im:2-1-5", {category: GESTATTUNG}, "stock", "Ausländerinnen und Ausländer mit Aufenthaltsgestattung zur Durchführung eines Asylverfahrens, am 31.12. (Ausländerzentralregister).", true);
  if (statusWhy) {
    duldung.unavailable = duldung.unavailable && statusWhy;
    gestattung.unavailable = gestattung.unavailable && statusWhy;
  }
  // The Mikrozensus reports small Kreise in groups (03354+03360): the group's value, said so.
  let mhArea = id;
  let areaNote = "";
  if (!idx.has("im:1-3-1", id)) {
    const group = idx.areasOf("im:1-3-1").find((a) => a.includes("+") && a.split("+").includes(id));
    if (group) {
      mhArea = group;
      const others = group.split("+").filter((a) => a !== id).map((a) => places().find((p) => p.area_id === a)?.name ?? a);
      areaNote = `Der Mikrozensus weist diesen Kreis nur zusammen mit ${others.join(", ")} aus; der Wert gilt für beide zusammen.`;
    }
  }
  const mh = figure("migrationshintergrund", LABEL.migrationshintergrund, "percent", "survey", "im:1-3-1", `${IM}; Mikrozensus`,
    "Personen mit Migrationshintergrund im weiteren Sinne (Mikrozensus) je 100 Einwohner; bis 2016 weist das Integrationsmonitoring nur den Migrationshintergrund im engeren Sinne aus, für 2020 keine Werte.",
    idx.series("im:1-3-1", mhArea, {category: MH_WEITER, unit: "percent"}), {land: land("im:1-3-1", {category: MH_WEITER, unit: "percent"}), area_note: areaNote});
  const destatisId = place.destatis_id;
  const destatis = (key: FigureKey, indicator: string, definition: string) => {
    const series = destatisId ? idx.series(indicator, destatisId) : [];
    return figure(key, LABEL[key], "persons", "stock", indicator, `${DESTATIS}, ${indicator === "destatis:schutzsuchende" ? "Tabelle 12531" : "Tabelle 22221"}`, definition, series, {
      land: land(indicator),
      per1000: ratio(series, population, 1000),
      unavailable: destatisId ? "Die Destatis-Tabelle hat für dieses Gebiet keinen Wert." : "Die Destatis-Tabellen weisen dieses Gebiet nicht aus."
    });
  };
  return [
    figure("bevoelkerung", LABEL.bevoelkerung, "count", "stock", "im:1-1-1", IM, "Bevölkerung am Ort der Hauptwohnung am 31.12. (Bevölkerungsfortschreibung; 2011–2021 auf Basis des Zensus 2011, ab 2022 auf Basis des Zensus 2022, davor der Volkszählung 1987).", population, {land: land("im:1-1-1")}),
    count("auslaender", "im:1-2-1", {}, "stock", "Personen ohne deutsche Staatsangehörigkeit, die sich nicht nur vorübergehend in Deutschland aufhalten, am 31.12. (Ausländerzentralregister; seit 2016 auf Vielfache von 5 gerundet)."),
    figure("auslaenderanteil", LABEL.auslaenderanteil, "percent", "stock", "im:1-2-2", IM, "Ausländerinnen und Ausländer (Ausländerzentralregister) je 100 Einwohner (Bevölkerungsfortschreibung), am 31.12.", idx.series("im:1-2-2", id), {land: land("im:1-2-2")}),
    count("einbuergerungen", "im:2-3-1", {}, "flow", "Im Berichtsjahr eingebürgerte Personen (Erwerb der deutschen Staatsangehörigkeit auf Antrag).", true),
    figure("einbuergerungsquote", LABEL.einbuergerungsquote, "percent", "flow", "im:2-3-3", IM, "Einbürgerungen im Jahr je 100 Ausländerinnen und Ausländer am Jahresende (Integrationsmonitoring, Indikator 2.3.3).", idx.series("im:2-3-3", id), {land: land("im:2-3-3"), digits: 2}),
    duldung,
    gestattung,
    destatis("schutzsuchende", "destatis:schutzsuchende", "Ausländerinnen und Ausländer, die sich unter Berufung auf humanitäre Gründe in Deutschland aufhalten (offener, anerkannter oder abgelehnter Schutzstatus), am 31.12.2018 (Ausländerzentralregister)."),
    destatis("asylblg", "destatis:asylbewerberleistungen", "Personen mit Regelleistungen nach dem Asylbewerberleistungsgesetz am 31.12.2019."),
    mh
  ];
}

function goettingenFigures(idx: FactIndex): KeyFigure[] {
  const id = "03159016";
  const doc = (indicator: string, opts = {}) => idx.series(indicator, id, opts);
  const population = doc("goettingen:population_residence_entitled");
  const foreigners = doc("goettingen:foreigners_persons");
  const naturalisations = doc("goettingen:naturalisations");
  const lk = "Für die Stadt Göttingen nicht gesondert ausgewiesen (Ausländerzentralregister nur je Kreis); siehe Landkreis Göttingen.";
  const asylum = doc("goettingen:refugees", {category: "Asylbewerber*innen"});
  return [
    figure("bevoelkerung", "Wohnberechtigte Bevölkerung", "count", "stock", "goettingen:population_residence_entitled", GOE_DOC, "Einwohnerinnen und Einwohner mit Haupt- oder Nebenwohnsitz in der Stadt Göttingen am 31.12. (Melderegister der Stadt, wie im Integrationskonzept gedruckt).", population),
    figure("auslaender", LABEL.auslaender, "count", "stock", "goettingen:foreigners_persons", GOE_DOC, "Wohnberechtigte Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit am 31.12. (Melderegister der Stadt).", foreigners, {per1000: []}),
    figure("auslaenderanteil", LABEL.auslaenderanteil, "percent", "stock", "goettingen:foreigners_share", GOE_DOC, "Ausländische je 100 wohnberechtigte Einwohner am 31.12., wie im Integrationskonzept gedruckt (Bezug: Haupt- und Nebenwohnsitz).", doc("goettingen:foreigners_share")),
    figure("einbuergerungen", LABEL.einbuergerungen, "count", "flow", "goettingen:naturalisations", GOE_DOC, "Einbürgerungen im Jahr, wie im Integrationskonzept gedruckt (Abb. 10; 2023 aus dem Text). Gegenprobe: GÖSIS-Reihe der SDG-Seite 10-1.", naturalisations, {
      per1000: ratio(naturalisations, population, 1000),
      compare: [{label: "GÖSIS 027.02 (SDG-Seite 10-1)", source: "Stadt Göttingen, SDG-Indikatoren für Kommunen, Indikator 10-1 (GÖSIS)", series: idx.series("goesis:10-1", id)}]
    }),
    figure("einbuergerungsquote", LABEL.einbuergerungsquote, "percent", "flow", "goettingen:naturalisations / goettingen:foreigners_persons", `${GOE_DOC}; berechnet vom Atlas`, "Einbürgerungen im Jahr je 100 wohnberechtigte Ausländerinnen und Ausländer am Jahresende, vom Atlas aus den Zahlen des Integrationskonzepts berechnet.", ratio(naturalisations, foreigners, 100), {digits: 2}),
    none("duldung", LABEL.duldung, "count", "stock", lk),
    none("gestattung", LABEL.gestattung, "count", "stock", lk),
    figure("asylbewerber_konzept", LABEL.asylbewerber_konzept, "count", "stock", "goettingen:refugees", GOE_DOC, "Asylbewerberinnen und Asylbewerber in der Stadt Göttingen, wie im Integrationskonzept in der Tabelle der Geflüchteten nach Status gedruckt. Nicht dasselbe wie die Aufenthaltsgestattung des Ausländerzentralregisters.", asylum),
    none("schutzsuchende", LABEL.schutzsuchende, "persons", "stock", "Die Destatis-Tabelle 12531 weist nur Kreise aus; siehe Landkreis Göttingen."),
    none("asylblg", LABEL.asylblg, "persons", "stock", "Die Destatis-Tabelle 22221 weist die Stadt Göttingen nicht aus; siehe Landkreis Göttingen."),
    figure("migrationshintergrund", LABEL.migrationshintergrund, "percent", "stock", "goettingen:migration_background_share", `${GOE_DOC} (Melderegister)`, "Anteil der wohnberechtigten Bevölkerung mit Migrationshintergrund am 31.12., aus dem Melderegister abgeleitet (nicht Mikrozensus), wie im Integrationskonzept gedruckt.", doc("goettingen:migration_background_share"), {
      land: idx.series("goettingen:migration_background_share", "03"),
      area_note: "Der Landeswert steht so im Göttinger Integrationskonzept (Vergleichszeile Niedersachsen)."
    })
  ];
}

function magdeburgFigures(place: Place, idx: FactIndex): KeyFigure[] {
  const id = place.area_id;
  const population = idx.series("md:bevoelkerung", id);
  const foreigners = idx.series("md:auslaender", id);
  const destatis = (key: FigureKey, indicator: string, table: string, definition: string) => {
    const series = idx.series(indicator, place.destatis_id);
    return figure(key, LABEL[key], "persons", "stock", indicator, `${DESTATIS}, ${table}`, definition, series, {per1000: ratio(series, population, 1000)});
  };
  const noIm = "Magdeburg liegt in Sachsen-Anhalt; das Integrationsmonitoring Niedersachsen hat keine Werte, und der Atlas hat keine andere Quelle dafür.";
  return [
    figure("bevoelkerung", LABEL.bevoelkerung, "count", "stock", "md:bevoelkerung", KISS, "Einwohnerinnen und Einwohner mit Hauptwohnsitz in Magdeburg am 31.12. (Melderegister).", population),
    figure("auslaender", LABEL.auslaender, "count", "stock", "md:auslaender", KISS, "Einwohnerinnen und Einwohner mit Hauptwohnsitz ohne deutsche Staatsangehörigkeit am 31.12. (Melderegister).", foreigners),
    figure("auslaenderanteil", LABEL.auslaenderanteil, "percent", "stock", "md:auslaenderanteil", KISS, "Ausländische Hauptwohnsitzbevölkerung je 100 Einwohner mit Hauptwohnsitz am 31.12. (2021–2025 von KISS-MD veröffentlicht, davor vom Atlas aus den Anzahlen berechnet).", idx.series("md:auslaenderanteil", id)),
    none("einbuergerungen", LABEL.einbuergerungen, "count", "flow", noIm),
    none("einbuergerungsquote", LABEL.einbuergerungsquote, "percent", "flow", noIm),
    none("duldung", LABEL.duldung, "count", "stock", noIm),
    none("gestattung", LABEL.gestattung, "count", "stock", noIm),
    destatis("schutzsuchende", "destatis:schutzsuchende", "Tabelle 12531", "Ausländerinnen und Ausländer, die sich unter Berufung auf humanitäre Gründe in Deutschland aufhalten (offener, anerkannter oder abgelehnter Schutzstatus), am 31.12.2018 (Ausländerzentralregister), kreisfreie Stadt Magdeburg (15003)."),
    destatis("asylblg", "destatis:asylbewerberleistungen", "Tabelle 22221", "Personen mit Regelleistungen nach dem Asylbewerberleistungsgesetz am 31.12.2019, kreisfreie Stadt Magdeburg (15003)."),
    none("migrationshintergrund", LABEL.migrationshintergrund, "percent", "survey", "Die Quellen des Atlas haben für Magdeburg keinen Anteil der Bevölkerung mit Migrationshintergrund (KISS-MD weist die Staatsangehörigkeit aus, nicht den Migrationshintergrund).")
  ];
}

export function conceptSummary(slug: string): ConceptSummary | null {
  const doc = DOCUMENTS.find((d) => d.slug === slug);
  if (!doc) return null;
  const elements = readConcept(doc);
  const counts = new Map<string, number>();
  for (const e of elements) counts.set(e.level, (counts.get(e.level) ?? 0) + 1);
  return {
    slug,
    place: doc.place,
    title: doc.title,
    publisher: doc.publisher,
    year: doc.year,
    counts: [...counts].map(([level, n]) => ({level, label: LEVEL_LABELS[level] ?? level, n})),
    fields: elements.filter((e) => e.level === "handlungsfeld").map((e) => ({number: e.number, title: e.title, line: Number(e.line_start)}))
  };
}

export function profile(place: Place, idx: FactIndex): Profile {
  const all = places();
  const figures = place.area_id === "03159016" ? goettingenFigures(idx) : place.kind === "kreisfreie_stadt_st" ? magdeburgFigures(place, idx) : imFigures(place, idx);
  const parent = all.find((p) => p.area_id === place.parent_id) ?? null;
  const children = all.filter((p) => p.parent_id === place.area_id);
  const related = [parent, ...children].filter((p): p is Place => !!p?.concept).map((p) => ({slug: p.slug, place: p.name}));
  return {place, parent, children, figures, concept: place.concept ? conceptSummary(place.concept) : null, related_concepts: related};
}

/** Indicators the profiles read: a small index instead of all 200,000 facts. */
export const PROFILE_INDICATORS = new Set([
  "im:1-1-1", "im:1-2-1", "im:1-2-2", "im:2-3-1", "im:2-3-3", "im:2-1-5", "im:1-3-1",
  "destatis:schutzsuchende", "destatis:asylbewerberleistungen",
  "md:bevoelkerung", "md:auslaender", "md:auslaenderanteil",
  "goettingen:population_residence_entitled", "goettingen:foreigners_persons", "goettingen:foreigners_share", "goettingen:naturalisations",
  "goettingen:refugees", "goettingen:migration_background_share", "goesis:10-1"
]);

export function profiles(facts: readonly Fact[]): Profile[] {
  const idx = new FactIndex(facts.filter((f) => PROFILE_INDICATORS.has(f.indicator)));
  return places().map((p) => profile(p, idx));
}

/** The latest point with a value, and the one `span` years before it (or the earliest after that). */
export function trend(series: Point[], span = 5): {latest: Point | null; earlier: Point | null} {
  const valued = series.filter((p) => p.value !== null);
  const latest = valued.at(-1) ?? null;
  if (!latest) return {latest: null, earlier: null};
  const earlier = valued.find((p) => p.year >= latest.year - span && p.year < latest.year) ?? null;
  return {latest, earlier};
}

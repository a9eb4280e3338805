/**
 * The five concept catalogues as the pages need them (src/data/concepts.json):
 * every element with its citation, its Handlungsfeld, its normalised time
 * frame and its actors one by one; the shared theme vocabulary and the
 * mapping of fields and goals onto it (data/concepts/themes.csv); and the
 * indicator ↔ data mapping (data/concepts/indicator-links.csv).
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {countElements, readConcept, readStatedCounts, type ConceptElement} from "../parse/concepts.ts";
import {parseCsv} from "../parse/csv.ts";
import {DOCUMENTS, type ConceptDocument} from "../parse/documents.ts";
import {projectRoot} from "../source/paths.ts";

/** German names of each document's element levels, in the document's own vocabulary. */
export const LEVEL_LABELS: Record<string, string> = {
  leitziel: "Leitziel",
  querschnittsthema: "Querschnittsthema",
  handlungsfeld: "Handlungsfeld",
  hauptziel: "Hauptziel",
  kernthema: "Kernthema",
  operatives_ziel: "Operatives Ziel",
  massnahme: "Maßnahme",
  integrationsziel: "Integrationsziel",
  indikator: "Indikator",
  steuerungsphase: "Steuerungsphase",
  unterziel: "Unterziel",
  punkt: "Punkt (10 Punkte)",
  ziel: "Ziel",
  handlungsziel: "Handlungsziel",
  empfehlung: "Empfehlung",
  praeambel: "Präambel",
  leitlinie: "Leitlinie",
  handlungsansatz: "Handlungsansatz",
  moderationskarte: "Moderationskarte",
  ag_ergebnis: "Ergebnis der Arbeitsgruppe"
};

/** Plurals for counts and axis labels. */
export const LEVEL_PLURALS: Record<string, string> = {
  leitziel: "Leitziele",
  querschnittsthema: "Querschnittsthemen",
  handlungsfeld: "Handlungsfelder",
  hauptziel: "Hauptziele",
  kernthema: "Kernthemen",
  operatives_ziel: "Operative Ziele",
  massnahme: "Maßnahmen",
  integrationsziel: "Integrationsziele",
  indikator: "Indikatoren",
  steuerungsphase: "Steuerungsphasen",
  unterziel: "Unterziele",
  punkt: "Punkte",
  ziel: "Ziele",
  handlungsziel: "Handlungsziele",
  empfehlung: "Empfehlungen",
  praeambel: "Präambel",
  leitlinie: "Leitlinien",
  handlungsansatz: "Handlungsansätze",
  moderationskarte: "Moderationskarten",
  ag_ergebnis: "Ergebnisse der Arbeitsgruppen"
};

/** The levels that are "what is done" in each concept (measures, recommendations, approaches). */
export const MEASURE_LEVELS: Record<string, string> = {
  goettingen: "massnahme",
  wolfsburg: "",
  "region-hannover": "massnahme",
  rotenburg: "empfehlung",
  magdeburg: "handlungsansatz"
};

/** The level that groups indicators into goals for the coverage view. */
export const GOAL_LEVELS: Record<string, string> = {
  goettingen: "kernthema",
  wolfsburg: "integrationsziel",
  "region-hannover": "ziel",
  rotenburg: "leitziel",
  magdeburg: "handlungsfeld"
};

export const TIME_FRAMES = [
  {key: "kurz", label: "kurzfristig"},
  {key: "kurz_mittel", label: "kurz- bis mittelfristig"},
  {key: "mittel", label: "mittelfristig"},
  {key: "mittel_lang", label: "mittel- bis langfristig"},
  {key: "lang", label: "langfristig"}
] as const;

export const LINK_STATUSES = ["measurable", "partly", "not_yet"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Why an indicator cannot (fully) be measured from the atlas's sources. */
export const GAPS: Record<string, string> = {
  raum: "Daten nur für ein größeres Gebiet",
  merkmal: "Ersatzmerkmal (z. B. Staatsangehörigkeit statt Zuwanderungsgeschichte)",
  land: "Integrationsmonitoring nur für das Land",
  verwaltung: "Personaldaten der Verwaltung",
  angebot: "Angebots- und Teilnahmezahlen von Trägern",
  nutzung: "Nutzungs- und Mitgliedsdaten von Einrichtungen",
  einrichtung: "Daten von Kitas, Schulen und Kultureinrichtungen",
  gesundheit: "Gesundheits- und Pflegedaten",
  ehrenamt: "Daten zu Ehrenamt und Gremien",
  bundesstatistik: "Statistik von BAMF oder Bundesagentur",
  andere: "andere Statistik, keine Quelle des Atlas",
  befragung: "nur durch Befragung",
  qualitativ: "Qualitativ (Vorhandensein oder Umsetzung)"
};

/** "Kurz-/mittelfristig" → kurz_mittel; unknown wording → "" (shown verbatim). */
export function timeFrameKey(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, "");
  if (!t) return "";
  const short = t.includes("kurz");
  const mid = t.includes("mittel");
  const long = t.includes("lang");
  if (short && mid) return "kurz_mittel";
  if (mid && long) return "mittel_lang";
  if (short) return "kurz";
  if (mid) return "mittel";
  if (long) return "lang";
  return "";
}

/**
 * The responsible actors one by one: split at commas and semicolons outside
 * parentheses; a part ending in a hyphen („Kultur-, Sport- und Musikvereine“)
 * stays joined to the next. Verbatim otherwise; "..." is dropped.
 */
export function splitActors(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth = Math.max(0, depth - 1);
    if ((c === "," || c === ";") && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  const joined: string[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const last = joined.at(-1);
    if (last !== undefined && last.endsWith("-")) joined[joined.length - 1] = `${last}, ${part}`;
    else joined.push(part);
  }
  return joined.filter((p) => p && !/^(\.\.\.|…)$/.test(p));
}

export interface ThemeMapping {
  doc_id: string;
  concept_id: string;
  themes: string[];
  note: string;
}

export interface Theme {
  theme: string;
  label: string;
  description: string;
}

export interface IndicatorLink {
  doc_id: string;
  concept_id: string;
  status: LinkStatus;
  atlas_indicator: string;
  area_id: string;
  link: string;
  gap: string;
  reason: string;
}

function readTable(file: string, required: string[]): Record<string, string>[] {
  const path = join(projectRoot, file);
  if (!existsSync(path)) throw new Error(`${file} fehlt`);
  return parseCsv(readFileSync(path, "utf8"), {sourceId: "data/concepts", file, required}).rows.map(({values}) => values);
}

export function readThemes(): Theme[] {
  return readTable("data/concepts/theme-vocabulary.csv", ["theme", "label", "description"]).map((v) => ({theme: v.theme, label: v.label, description: v.description}));
}

export function readThemeMappings(): ThemeMapping[] {
  return readTable("data/concepts/themes.csv", ["doc_id", "concept_id", "themes", "note"]).map((v) => ({
    doc_id: v.doc_id,
    concept_id: v.concept_id,
    themes: v.themes.split(";").map((t) => t.trim()).filter(Boolean),
    note: v.note
  }));
}

export function readIndicatorLinks(): IndicatorLink[] {
  return readTable("data/concepts/indicator-links.csv", ["doc_id", "concept_id", "status", "atlas_indicator", "area_id", "link", "gap", "reason"]).map((v) => ({
    doc_id: v.doc_id,
    concept_id: v.concept_id,
    status: v.status as LinkStatus,
    atlas_indicator: v.atlas_indicator,
    area_id: v.area_id,
    link: v.link,
    gap: v.gap,
    reason: v.reason
  }));
}

/** One element as the pages see it; empty fields are left out of the JSON. */
export interface CatalogueElement {
  doc: string;
  id: string;
  parent?: string;
  level: string;
  number?: string;
  title?: string;
  text?: string;
  target_group?: string;
  actors?: string;
  actor_list?: string[];
  time_frame?: string;
  time_key?: string;
  indicator_text?: string;
  social_space?: string;
  line_start: number;
  line_end: number;
  note?: string;
  /** The Handlungsfeld the element belongs to ("" outside any field). */
  field: string;
  /** The goal (GOAL_LEVELS) the element belongs to, if any. */
  goal?: string;
  depth: number;
  /** Themes of the element or of its nearest mapped ancestor. */
  themes: string[];
  /** True where themes.csv maps this very element (the theme matrix counts these). */
  mapped?: boolean;
}

export interface CatalogueDocument {
  doc_id: string;
  slug: string;
  place: string;
  title: string;
  year: number;
  levels: {level: string; label: string; count: number}[];
  stated: {level: string; stated_count: number; counted: number; line: number; quote: string; comparable: boolean; note: string}[];
}

export interface ConceptCatalogue {
  documents: CatalogueDocument[];
  levelLabels: Record<string, string>;
  levelPlurals: Record<string, string>;
  measureLevels: Record<string, string>;
  goalLevels: Record<string, string>;
  timeFrames: {key: string; label: string}[];
  gaps: Record<string, string>;
  themes: Theme[];
  elements: CatalogueElement[];
  links: (IndicatorLink & {doc: string; field: string; goal: string})[];
}

/** Wolfsburg's indicator tables stand inside the field sections, but hang from the goals: the field is the section whose lines hold them. */
function fieldOf(e: ConceptElement, byId: Map<string, ConceptElement>, fields: ConceptElement[]): string {
  for (let at: ConceptElement | undefined = e; at; at = byId.get(at.parent_id)) if (at.level === "handlungsfeld") return at.id;
  if (e.level === "indikator") {
    const line = Number(e.line_start);
    return fields.find((f) => Number(f.line_start) <= line && line <= Number(f.line_end))?.id ?? "";
  }
  return "";
}

function ancestorOfLevel(e: ConceptElement, byId: Map<string, ConceptElement>, level: string): string {
  for (let at: ConceptElement | undefined = e; at; at = byId.get(at.parent_id)) if (at.level === level) return at.id;
  return "";
}

export function catalogueElements(doc: ConceptDocument, elements: ConceptElement[], mappings: ThemeMapping[]): CatalogueElement[] {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const fields = elements.filter((e) => e.level === "handlungsfeld");
  const own = new Map(mappings.filter((m) => m.doc_id === doc.doc_id).map((m) => [m.concept_id, m.themes]));
  const themesOf = (e: ConceptElement): string[] => {
    for (let at: ConceptElement | undefined = e; at; at = byId.get(at.parent_id)) if (own.has(at.id)) return own.get(at.id)!;
    return [];
  };
  const depthOf = (e: ConceptElement): number => {
    let depth = 0;
    for (let at = byId.get(e.parent_id); at; at = byId.get(at.parent_id)) depth++;
    return depth;
  };
  const goalLevel = GOAL_LEVELS[doc.slug];
  return elements.map((e) => {
    const out: CatalogueElement = {doc: doc.slug, id: e.id, level: e.level, line_start: Number(e.line_start), line_end: Number(e.line_end), field: fieldOf(e, byId, fields), depth: depthOf(e), themes: themesOf(e)};
    if (e.parent_id) out.parent = e.parent_id;
    for (const key of ["number", "title", "target_group", "actors", "time_frame", "indicator_text", "social_space", "note"] as const) if (e[key]) out[key] = e[key];
    // The text often repeats the title verbatim; ship it once.
    if (e.text && e.text !== e.title) out.text = e.text;
    if (e.actors) out.actor_list = splitActors(e.actors);
    if (e.time_frame) out.time_key = timeFrameKey(e.time_frame);
    const goal = goalLevel ? ancestorOfLevel(e, byId, goalLevel) : "";
    if (goal) out.goal = goal;
    if (own.has(e.id)) out.mapped = true;
    return out;
  });
}

export function buildConceptCatalogue(): ConceptCatalogue {
  const mappings = readThemeMappings();
  const links = readIndicatorLinks();
  const documents: CatalogueDocument[] = [];
  const elements: CatalogueElement[] = [];
  for (const doc of DOCUMENTS) {
    const rows = readConcept(doc);
    const levels = [...new Set(rows.map((e) => e.level))].map((level) => ({level, label: LEVEL_LABELS[level] ?? level, count: rows.filter((e) => e.level === level).length}));
    const stated = readStatedCounts(doc).map((s) => ({level: s.level, stated_count: s.stated_count, counted: countElements(rows, s.level, s.scope), line: s.line, quote: s.quote, comparable: s.comparable, note: s.note}));
    documents.push({doc_id: doc.doc_id, slug: doc.slug, place: doc.place, title: doc.title, year: doc.year, levels, stated});
    elements.push(...catalogueElements(doc, rows, mappings));
  }
  const slugOf = new Map(DOCUMENTS.map((d) => [d.doc_id, d.slug]));
  const byKey = new Map(elements.map((e) => [`${e.doc}/${e.id}`, e]));
  return {
    documents,
    levelLabels: LEVEL_LABELS,
    levelPlurals: LEVEL_PLURALS,
    measureLevels: MEASURE_LEVELS,
    goalLevels: GOAL_LEVELS,
    timeFrames: TIME_FRAMES.map((t) => ({...t})),
    gaps: GAPS,
    themes: readThemes(),
    elements,
    links: links.map((l) => {
      const doc = slugOf.get(l.doc_id) ?? "";
      const e = byKey.get(`${doc}/${l.concept_id}`);
      return {...l, doc, field: e?.field ?? "", goal: e?.goal ?? ""};
    })
  };
}

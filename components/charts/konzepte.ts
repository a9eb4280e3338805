/**
 * The charts of the concept pages (/konzepte/, /konzepte/indikatoren,
 * /konzepte/massnahmen) from the concept catalogue (src/data/concepts.json).
 * The pages, their embed pages and the build's static SVGs all draw with
 * these functions, so the three cannot show different numbers.
 */
import type {ConceptCatalogue} from "../../loaders/model/concept-catalogue.ts";
import {countBars, coverage, coverageChart, STATUS_COLORS, STATUS_LABELS, themeMatrix, type CoverageRow} from "../concept-charts.js";
import {DOC_SHORT, heading, type ConceptElement} from "../concept-filter.js";
import {figure, type Column} from "../figure.js";
import {formatNumber, formatPercent} from "../format.js";

export type {ConceptCatalogue};

interface Drawing {
  width: number;
  document?: Document;
}

const count = (v: unknown) => formatNumber(v as number, {digits: 0});
const COUNT_KEYS = ["Indikatoren", "messbar", "teilweise", "noch nicht"] as const;

const INDICATOR_SOURCE = "Integrationskonzepte Göttingen (2024), Wolfsburg (2021), Region Hannover (2016), Magdeburg (2018); Prüfung gegen die Quellen des Atlas: Integrationsatlas";
const INDICATOR_DATE = "Stand der Quellen im Atlas (Integrationsmonitoring Niedersachsen bis 2024, KISS-MD bis 2025)";
const MEASURE_SOURCE: Record<string, string> = {
  goettingen: "Stadt Göttingen, Kommunales Integrationskonzept 2024–2028, Maßnahmenkatalog (Kap. 7); Abschrift: Integrationsatlas",
  rotenburg: "Landkreis Rotenburg (Wümme), Integrationskonzept 2023, Tabellen der Handlungsfelder I–IV; Abschrift: Integrationsatlas"
};

/** The concepts whose documents name indicators (Rotenburg names none). */
export function docsWithLinks(catalogue: ConceptCatalogue): string[] {
  return catalogue.documents.map((d) => d.slug).filter((d) => catalogue.links.some((l) => l.doc === d));
}

/** The concepts that name who is responsible for a measure. */
export const ACTOR_DOCS = ["goettingen", "rotenburg"];
/** How many actors the chart shows by default. */
export const ACTOR_TOP = 25;

function elementIndex(catalogue: ConceptCatalogue): Map<string, ConceptElement> {
  return new Map(catalogue.elements.map((e) => [`${e.doc}/${e.id}`, e]));
}

/** Theme matrix: how many fields and goals of each concept the atlas maps to each of the shared themes. */
export function themeFigure(catalogue: ConceptCatalogue, {width, document: doc}: Drawing): HTMLElement {
  const levelLabel = (level: string) => catalogue.levelLabels[level] ?? level;
  const docs = catalogue.documents.map((d) => d.slug);
  const cells = catalogue.themes.flatMap((t) => docs.map((d) => {
    const hits = catalogue.elements.filter((e) => e.doc === d && e.mapped && e.themes.includes(t.theme));
    return {theme: t.theme, themeLabel: t.label, doc: d, docLabel: DOC_SHORT[d], count: hits.length, names: hits.map((e) => `${levelLabel(e.level)}: ${heading(e, 90)}`), href: `/konzepte/katalog?dok=${d}&thema=${t.theme}`};
  }));
  const addressedBy = (theme: string) => cells.filter((c) => c.theme === theme && c.count > 0).length;
  return figure(themeMatrix(cells, {width: Math.max(300, Math.min(width, 1000)), themes: catalogue.themes.map((t) => t.label), docs: docs.map((d) => DOC_SHORT[d]), document: doc}), {
    id: "konzepte-themen",
    title: "Themen der fünf Integrationskonzepte",
    subtitle: `${catalogue.themes.filter((t) => addressedBy(t.theme) === 5).length} von ${catalogue.themes.length} Themen kommen in allen fünf Konzepten vor`,
    source: "Integrationskonzepte Göttingen (2024), Wolfsburg (2021), Region Hannover (2016), Landkreis Rotenburg (Wümme) (2023), Magdeburg (2018); Abschrift und Themenzuordnung: Integrationsatlas",
    date: "Stand der Dokumente 2016–2024",
    definition: "Anzahl der Handlungsfelder und Ziele (eine Ebene darunter) eines Konzepts, die der Atlas dem Thema zuordnet; ein Element kann mehreren Themen zugeordnet sein. „–“: das Konzept hat dazu kein eigenes Feld und kein eigenes Ziel.",
    data: cells.map((c) => ({Thema: c.themeLabel, Ort: c.docLabel, Anzahl: c.count, Elemente: c.names.join("; ")})),
    columns: [{key: "Thema", label: "Thema"}, {key: "Ort", label: "Konzept"}, {key: "Anzahl", label: "Felder und Ziele", numeric: true, format: count}, {key: "Elemente", label: "Welche"}],
    notes: ["Die 16 Themen und was sie umfassen stehen unter der Abbildung."],
    document: doc
  });
}

/** Named indicators per concept by status: measurable, partly, not yet. */
export function coverageByConceptFigure(catalogue: ConceptCatalogue, {width, document: doc}: Drawing): HTMLElement {
  const links = catalogue.links;
  const perDoc = coverage(links, (l) => l.doc, (d) => DOC_SHORT[d], docsWithLinks(catalogue));
  const partly = links.filter((l) => l.status === "partly").length;
  const measurable = links.filter((l) => l.status === "measurable").length;
  return figure(coverageChart(perDoc, {width: Math.min(width, 900), document: doc}), {
    id: "indikatoren-je-konzept",
    title: "Genannte Indikatoren je Konzept: was der Atlas messen kann",
    subtitle: `${count(links.length)} Indikatoren und Kennzahlen: ${count(measurable)} messbar, ${count(partly)} teilweise, ${count(links.length - measurable - partly)} noch nicht`,
    source: INDICATOR_SOURCE,
    date: INDICATOR_DATE,
    definition: "Je Konzept die Indikatoren, die das Dokument nennt (Wolfsburg: Indikatorlisten; Göttingen: Kennzahl oder Indikator je Maßnahme; Region Hannover und Magdeburg: im Text genannte Messgrößen), nach dem Ergebnis der Prüfung gegen die Quellen des Atlas. Rotenburg nennt keine.",
    data: perDoc.map((r) => ({Konzept: r.label, Indikatoren: r.total, messbar: r.measurable, teilweise: r.partly, "noch nicht": r.not_yet})),
    columns: [{key: "Konzept", label: "Konzept"}, ...COUNT_KEYS.map((key) => ({key, label: key, numeric: true, format: count}))],
    document: doc
  });
}

/** One concept's indicators: the rows behind the goal, field and gap charts. */
export function conceptIndicators(catalogue: ConceptCatalogue, doc: string) {
  const byKey = elementIndex(catalogue);
  const ofDoc = catalogue.links.filter((l) => l.doc === doc);
  const goalLevel = catalogue.goalLevels[doc];
  const groupName = (key: string) => (key ? heading(byKey.get(`${doc}/${key}`) as ConceptElement, 90) : "ohne Zuordnung");
  const goals = catalogue.elements.filter((e) => e.doc === doc && e.level === goalLevel).map((e) => e.id).filter((id) => ofDoc.some((l) => l.goal === id));
  const fields = catalogue.elements.filter((e) => e.doc === doc && e.level === "handlungsfeld").map((e) => e.id);
  return {
    ofDoc,
    goalLevel,
    goalWord: catalogue.levelLabels[goalLevel] ?? goalLevel,
    groupName,
    perGoal: coverage(ofDoc, (l) => l.goal, groupName, goals),
    perField: coverage(ofDoc, (l) => l.field, groupName, fields)
  };
}

const coverageColumns = (label: string): Column<ReturnType<typeof coverageData>[number]>[] => [
  {key: "Gruppe", label},
  ...COUNT_KEYS.map((key) => ({key, label: key, numeric: true, format: count})),
  {key: "Anteil", label: "Anteil mindestens teilweise messbar", numeric: true, format: (v: unknown) => formatPercent(v as number, 0)}
];
const coverageData = (rows: CoverageRow[]) => rows.map((r) => ({Gruppe: r.label, Indikatoren: r.total, messbar: r.measurable, teilweise: r.partly, "noch nicht": r.not_yet, Anteil: r.coveredShare}));

export function goalCoverageFigure(catalogue: ConceptCatalogue, doc: string, {width, document: d}: Drawing): HTMLElement {
  const {perGoal, goalLevel, goalWord} = conceptIndicators(catalogue, doc);
  return figure(coverageChart(perGoal, {width: Math.min(width, 1000), document: d}), {
    id: `indikatoren-${doc}-ziele`,
    title: `${DOC_SHORT[doc]}: messbare Indikatoren je ${goalWord}`,
    subtitle: `${count(perGoal.filter((r) => r.measurable + r.partly > 0).length)} der ${count(perGoal.length)} ${catalogue.levelPlurals[goalLevel]} haben mindestens einen teilweise messbaren Indikator`,
    source: INDICATOR_SOURCE,
    date: INDICATOR_DATE,
    definition: `Indikatoren, die das Konzept unter einem ${goalWord} nennt, nach dem Ergebnis der Prüfung gegen die Quellen des Atlas; rechts die Zahl der mindestens teilweise messbaren und ihr Anteil.`,
    data: coverageData(perGoal),
    columns: coverageColumns(goalWord),
    document: d
  });
}

export function fieldCoverageFigure(catalogue: ConceptCatalogue, doc: string, {width, document: d}: Drawing): HTMLElement {
  const {perField, ofDoc} = conceptIndicators(catalogue, doc);
  return figure(coverageChart(perField, {width: Math.min(width, 1000), document: d}), {
    id: `indikatoren-${doc}-felder`,
    title: `${DOC_SHORT[doc]}: messbare Indikatoren je Handlungsfeld`,
    subtitle: `${count(ofDoc.filter((l) => l.status !== "not_yet").length)} von ${count(ofDoc.length)} Indikatoren mindestens teilweise messbar`,
    source: INDICATOR_SOURCE,
    date: INDICATOR_DATE,
    definition: doc === "wolfsburg"
      ? "Wolfsburg ordnet jeden Indikator einem Integrationsziel zu; die Indikatortabellen stehen in den Abschnitten der Handlungsfelder 8.1–8.4, daraus das Handlungsfeld. Dasselbe Ziel kann so in mehreren Feldern vorkommen; ein Indikator, den das Dokument für dasselbe Ziel zweimal druckt (3 Fälle), zählt einmal, beim ersten Vorkommen."
      : "Indikatoren nach dem Handlungsfeld des Elements, das sie nennt.",
    data: coverageData(perField),
    columns: coverageColumns("Handlungsfeld"),
    document: d
  });
}

export function gapFigure(catalogue: ConceptCatalogue, doc: string, {width, document: d}: Drawing): HTMLElement {
  const {ofDoc} = conceptIndicators(catalogue, doc);
  const gapRows = Object.entries(catalogue.gaps)
    .flatMap(([gap, label]) => ["partly", "not_yet"].map((s) => ({label, group: STATUS_LABELS[s], count: ofDoc.filter((l) => l.gap === gap && l.status === s).length})))
    .filter((r) => r.count > 0);
  const total = (label: string) => gapRows.filter((r) => r.label === label).reduce((s, r) => s + r.count, 0);
  const gapOrder = [...new Set(gapRows.map((r) => r.label))].sort((a, b) => total(b) - total(a));
  return figure(countBars(gapRows, {width: Math.min(width, 900), order: gapOrder, groups: [STATUS_LABELS.partly, STATUS_LABELS.not_yet], colors: [STATUS_COLORS.partly, STATUS_COLORS.not_yet], xLabel: "Indikatoren (Anzahl)", document: d}), {
    id: `indikatoren-${doc}-luecken`,
    title: `${DOC_SHORT[doc]}: was zum Messen fehlt`,
    source: INDICATOR_SOURCE,
    date: "Stand der Quellen im Atlas",
    definition: "Hauptgrund, warum ein Indikator aus den Quellen des Atlas nicht oder nur teilweise gemessen werden kann (je Indikator ein Grund; die Begründung im Einzelnen steht in der Liste).",
    data: gapRows.map((r) => ({Grund: r.label, Status: r.group, Indikatoren: r.count})),
    columns: [{key: "Grund", label: "Was fehlt"}, {key: "Status", label: "Status"}, {key: "Indikatoren", label: "Indikatoren", numeric: true, format: count}],
    document: d
  });
}

function fieldNameOf(catalogue: ConceptCatalogue): (e: ConceptElement) => string {
  const byKey = elementIndex(catalogue);
  return (e) => (e.field ? heading(byKey.get(`${e.doc}/${e.field}`) as ConceptElement, 80) : "ohne Handlungsfeld");
}

/** Göttingen's measures by time frame and field (the only concept that states time frames). */
export function timeFrameFigure(catalogue: ConceptCatalogue, {width, document: d}: Drawing): HTMLElement {
  const fieldName = fieldNameOf(catalogue);
  const goettingen = catalogue.elements.filter((e) => e.doc === "goettingen" && e.level === "massnahme");
  const goeFields = [...new Set(goettingen.map(fieldName))];
  const timeRows = catalogue.timeFrames.flatMap((t) => goeFields.map((f) => ({label: t.label, group: f, count: goettingen.filter((m) => m.time_key === t.key && fieldName(m) === f).length}))).filter((r) => r.count > 0);
  return figure(countBars(timeRows, {width: Math.min(width, 900), order: catalogue.timeFrames.map((t) => t.label), groups: goeFields, xLabel: "Maßnahmen (Anzahl)", document: d}), {
    id: "goettingen-massnahmen-zeitraum",
    title: "Göttingen: Maßnahmen nach Umsetzungszeitraum und Handlungsfeld",
    subtitle: `${count(goettingen.filter((m) => m.time_key === "mittel").length)} von ${count(goettingen.length)} Maßnahmen sind mittelfristig angelegt`,
    source: MEASURE_SOURCE.goettingen,
    date: "2024",
    definition: "Maßnahmen des Konzepts nach der Angabe „Umsetzungszeitraum“, wie gedruckt; „Kurz-/mittelfristig“ und „Mittel- bis langfristig“ als eigene Klassen. Das Konzept definiert die Zeiträume nicht in Jahren.",
    data: timeRows.map((r) => ({Zeitraum: r.label, Handlungsfeld: r.group, Maßnahmen: r.count})),
    columns: [{key: "Zeitraum", label: "Umsetzungszeitraum"}, {key: "Handlungsfeld", label: "Handlungsfeld"}, {key: "Maßnahmen", label: "Maßnahmen", numeric: true, format: count}],
    document: d
  });
}

export interface ActorTally {
  actor: string;
  count: number;
  fields: Map<string, number>;
}

/** Who is named as responsible, how often, in which fields; most often named first. */
export function actorTally(catalogue: ConceptCatalogue, doc: string): {items: ConceptElement[]; named: ConceptElement[]; ranked: ActorTally[]; measureLevel: string} {
  const fieldName = fieldNameOf(catalogue);
  const measureLevel = catalogue.measureLevels[doc];
  const items = catalogue.elements.filter((e) => e.doc === doc && e.level === measureLevel);
  const named = items.filter((e) => e.actor_list?.length);
  const tally = new Map<string, ActorTally>();
  for (const e of named) for (const a of e.actor_list ?? []) {
    const t = tally.get(a) ?? {actor: a, count: 0, fields: new Map<string, number>()};
    t.count++;
    t.fields.set(fieldName(e), (t.fields.get(fieldName(e)) ?? 0) + 1);
    tally.set(a, t);
  }
  const ranked = [...tally.values()].sort((a, b) => b.count - a.count || a.actor.localeCompare(b.actor, "de"));
  return {items, named, ranked, measureLevel};
}

export function actorFigure(catalogue: ConceptCatalogue, doc: string, top: number, {width, document: d}: Drawing): HTMLElement {
  const fieldName = fieldNameOf(catalogue);
  const {items, named, ranked, measureLevel} = actorTally(catalogue, doc);
  const shown = ranked.slice(0, top);
  const fieldsOfDoc = [...new Set(items.map(fieldName))];
  const actorRows = shown.flatMap((t) => [...t.fields].map(([group, n]) => ({label: t.actor, group, count: n})));
  const levelWord = catalogue.levelPlurals[measureLevel];
  return figure(countBars(actorRows, {width: Math.min(width, 980), order: shown.map((t) => t.actor), groups: fieldsOfDoc, xLabel: `${levelWord} mit dieser Zuständigkeit (Anzahl)`, document: d}), {
    id: `${doc}-zustaendigkeit`,
    title: `${DOC_SHORT[doc]}: die ${count(shown.length)} am häufigsten genannten Zuständigen`,
    subtitle: `${count(named.length)} von ${count(items.length)} ${levelWord} nennen Zuständige, zusammen ${count(ranked.length)} verschiedene`,
    source: MEASURE_SOURCE[doc],
    date: doc === "goettingen" ? "2024" : "2023",
    definition: doc === "goettingen"
      ? "Angabe „Zuständigkeit“ je Maßnahme, an Kommas in einzelne Zuständige geteilt; Schreibweisen wie gedruckt (z. B. „Ref. 05“ und „Referat 05“ getrennt). Eine Maßnahme mit mehreren Zuständigen zählt bei jeder."
      : "Im Wortlaut einer Empfehlung als beteiligt oder verantwortlich Genannte, wörtlich und an Kommas geteilt; die Empfehlungen haben keine eigene Spalte Zuständigkeit.",
    data: shown.map((t) => ({Zuständig: t.actor, Anzahl: t.count, Handlungsfelder: [...t.fields].map(([f, n]) => `${f}: ${n}`).join("; ")})),
    columns: [{key: "Zuständig", label: "Zuständig"}, {key: "Anzahl", label: levelWord, numeric: true, format: count}, {key: "Handlungsfelder", label: "nach Handlungsfeld"}],
    document: d
  });
}

/** What each concept plans, per field, in its own level (measures, recommendations, approaches). */
export function planFigure(catalogue: ConceptCatalogue, {width, document: d}: Drawing): HTMLElement {
  const fieldName = fieldNameOf(catalogue);
  const planDocs = catalogue.documents.map((x) => x.slug).filter((x) => catalogue.measureLevels[x]);
  const planRows = planDocs.flatMap((x) => {
    const level = catalogue.measureLevels[x];
    const inDoc = catalogue.elements.filter((e) => e.doc === x && e.level === level);
    return [...new Set(inDoc.map(fieldName))].map((f) => ({label: `${DOC_SHORT[x]} · ${f}`, group: `${DOC_SHORT[x]} (${catalogue.levelPlurals[level]})`, count: inDoc.filter((e) => fieldName(e) === f).length, doc: x, level}));
  });
  return figure(countBars(planRows, {width: Math.min(width, 980), order: planRows.map((r) => r.label), groups: [...new Set(planRows.map((r) => r.group))], xLabel: "Anzahl", document: d}), {
    id: "konzepte-massnahmen-je-feld",
    title: "Maßnahmen, Empfehlungen und Handlungsansätze je Handlungsfeld",
    subtitle: planDocs.map((x) => `${DOC_SHORT[x]}: ${count(planRows.filter((r) => r.doc === x).reduce((s, r) => s + r.count, 0))} ${catalogue.levelPlurals[catalogue.measureLevels[x]]}`).join(" · "),
    source: "Integrationskonzepte Göttingen (2024), Region Hannover (2016), Landkreis Rotenburg (Wümme) (2023), Magdeburg (2018); Abschrift: Integrationsatlas",
    date: "Stand der Dokumente 2016–2024",
    definition: "Was ein Konzept umsetzen will, in dessen eigener Ebene: Göttingen Maßnahmen, Region Hannover Maßnahmen (die in den Kapiteln der Handlungsfelder ausgewählten und alle des Anhangs „Ziele und Maßnahmen aus den Foren“, daher teils doppelt), Rotenburg Empfehlungen, Magdeburg Handlungsansätze der Leitlinien. Wolfsburg nennt keine Maßnahmen. Die Zahlen sind zwischen den Konzepten nicht vergleichbar: die Ebenen sind verschieden fein.",
    data: planRows.map((r) => ({Konzept: DOC_SHORT[r.doc], Handlungsfeld: r.label.split(" · ").slice(1).join(" · "), Ebene: catalogue.levelLabels[r.level], Anzahl: r.count})),
    columns: [{key: "Konzept", label: "Konzept"}, {key: "Handlungsfeld", label: "Handlungsfeld"}, {key: "Ebene", label: "Ebene"}, {key: "Anzahl", label: "Anzahl", numeric: true, format: count}],
    document: d
  });
}

/** The "n" parameter of the actor chart: 5–60, default 25. */
export function actorTop(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 5 && n <= 60 ? n : ACTOR_TOP;
}

/** A concept chart by its id, as the embed page and the static SVGs draw it; null for an unknown id. */
export function conceptFigure(id: string, catalogue: ConceptCatalogue, read: (name: string) => string | null, drawing: Drawing): HTMLElement | null {
  if (id === "konzepte-themen") return themeFigure(catalogue, drawing);
  if (id === "indikatoren-je-konzept") return coverageByConceptFigure(catalogue, drawing);
  if (id === "goettingen-massnahmen-zeitraum") return timeFrameFigure(catalogue, drawing);
  if (id === "konzepte-massnahmen-je-feld") return planFigure(catalogue, drawing);
  const indicators = /^indikatoren-(.+)-(ziele|felder|luecken)$/.exec(id);
  if (indicators && docsWithLinks(catalogue).includes(indicators[1])) {
    const [, doc, kind] = indicators;
    return kind === "ziele" ? goalCoverageFigure(catalogue, doc, drawing) : kind === "felder" ? fieldCoverageFigure(catalogue, doc, drawing) : gapFigure(catalogue, doc, drawing);
  }
  const actors = /^(.+)-zustaendigkeit$/.exec(id);
  if (actors && ACTOR_DOCS.includes(actors[1])) return actorFigure(catalogue, actors[1], actorTop(read("n")), drawing);
  return null;
}

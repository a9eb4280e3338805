/**
 * Every chart with a stable embed page (/einbetten/<id>) and, where the page
 * has a default view, a static SVG drawn at build time (/abbildungen/<id>.svg).
 * figure() reads this to offer the "Einbetten" snippet; the embed pages, the
 * build's SVG loader and the tests iterate over it. No imports: figure.ts
 * loads it on every page.
 */
export interface ChartEntry {
  id: string;
  /** Short German name (lists, iframe title). */
  title: string;
  /** The full page the chart belongs to. */
  page: string;
  /** A sensible iframe height in px. */
  height: number;
  /** A static SVG of the default view exists (charts that need a selection have none). */
  static: boolean;
  /** URL parameters the embed page reads (the same as the full page's). */
  params: string[];
  /** Example parameters for the documentation. */
  example?: string;
  /** Embed page below the site root when not einbetten/<id> (charts generated per place). */
  embedPath?: string;
  /** Static SVG below the site root when not abbildungen/<id>.svg. */
  svgPath?: string;
}

/** Where a chart's embed page and static SVG are, relative to the site root (no leading slash). */
export function embedPaths(entry: ChartEntry): {embed: string; svg: string} {
  return {embed: entry.embedPath ?? `einbetten/${entry.id}`, svg: entry.svgPath ?? `abbildungen/${entry.id}.svg`};
}

export const CHARTS: ChartEntry[] = [
  {id: "niedersachsen-kreise", title: "Niedersachsen: Karte der Kreise", page: "/karten/niedersachsen", height: 900, static: true, params: ["indikator", "auspraegung", "jahr", "von", "klassen", "n", "namen", "gebiet"], example: "indikator=im:1-2-2&jahr=2020"},
  {id: "niedersachsen-kreise-jahre", title: "Niedersachsen: Kreise, alle Jahre", page: "/karten/niedersachsen", height: 1100, static: true, params: ["indikator", "auspraegung", "klassen", "n"]},
  {id: "niedersachsen-kreis-zeitreihe", title: "Niedersachsen: Zeitreihe eines Kreises", page: "/karten/niedersachsen", height: 560, static: false, params: ["indikator", "auspraegung", "gebiet"], example: "gebiet=03357"},
  {id: "magdeburg-stadtteile", title: "Magdeburg: Karte der Stadtteile", page: "/karten/magdeburg", height: 1000, static: true, params: ["kennzahl", "jahr", "von", "alter", "klassen", "n", "kreise", "namen", "gebiet"], example: "jahr=2020"},
  {id: "magdeburg-stadtteile-jahre", title: "Magdeburg: Stadtteile, alle Jahre", page: "/karten/magdeburg", height: 1200, static: true, params: ["kennzahl", "alter", "klassen", "n"]},
  {id: "magdeburg-stadtteil-zeitreihe", title: "Magdeburg: Zeitreihe eines Stadtteils", page: "/karten/magdeburg", height: 560, static: false, params: ["kennzahl", "alter", "gebiet"], example: "gebiet=15003000-st01"},
  {id: "deutschland-kreise", title: "Deutschland: Karte aller Kreise", page: "/karten/deutschland", height: 1100, static: true, params: ["indikator", "jahr", "klassen", "n", "gebiet"], example: "indikator=destatis:altenquotient&jahr=2020"},
  {id: "kreis-pyramide", title: "Alterspyramide eines Kreises (alle Kreise Deutschlands)", page: "/altersstruktur/kreise", height: 900, static: true, params: ["gebiet", "modus", "jahr", "vergleich"], example: "gebiet=09162&modus=relativ&vergleich=15003,03103"},
  {id: "gemeinden-dichte", title: "Gemeinden: Einwohnerdichte", page: "/karten/gemeinden", height: 1000, static: true, params: ["gebiet_auswahl", "klassen", "n", "kreise", "gebiet"], example: "gebiet_auswahl=03357"},
  {id: "wolfsburg-stadtteile", title: "Wolfsburg: Stadtteile", page: "/karten/wolfsburg", height: 900, static: true, params: []},
  {id: "magdeburg-alterspyramide", title: "Magdeburg: Alterspyramide", page: "/altersstruktur/magdeburg", height: 1000, static: true, params: ["gliederung", "jahr", "modus", "vergleich"], example: "jahr=2024&vergleich=2021"},
  {id: "magdeburg-auslaender-alter", title: "Magdeburg: ausländische Bevölkerung nach Alter", page: "/altersstruktur/auslaender-magdeburg", height: 640, static: true, params: ["gebiet", "jahr", "modus", "vergleich"]},
  {id: "niedersachsen-auslaender-alter", title: "Niedersachsen: ausländische Bevölkerung nach Alter", page: "/altersstruktur/auslaender-niedersachsen", height: 700, static: true, params: ["gebiet", "jahr", "modus", "vergleich"], example: "gebiet=03357"},
  {id: "goettingen-landkreis-auslaender-alter", title: "Landkreis Göttingen: ausländische Bevölkerung nach Alter", page: "/altersstruktur/goettingen", height: 700, static: true, params: ["jahr", "modus"]},
  {id: "goettingen-alter-text", title: "Göttingen: die eine Zahl aus dem Konzepttext", page: "/altersstruktur/goettingen", height: 480, static: true, params: []},
  ...conceptCharts(),
  ...reproductionFigures(),
  {id: "vergleich-linien", title: "Orte vergleichen: Entwicklung", page: "/vergleich", height: 1100, static: true, params: ["indikator", "auspraegung", "bezug", "orte"], example: "indikator=im:2-3-1&bezug=je1000&orte=03,03103,03357"},
  {id: "vergleich-rangfolge", title: "Orte vergleichen: Rangfolge der Kreise", page: "/vergleich", height: 1500, static: true, params: ["indikator", "auspraegung", "bezug", "orte", "jahr"], example: "indikator=im:1-2-2&jahr=2020&orte=03,03103"},
  {id: "vergleich-abstand", title: "Orte vergleichen: Abstand zum Land", page: "/vergleich", height: 800, static: true, params: ["indikator", "auspraegung", "bezug", "orte", "jahr"], example: "indikator=im:1-2-2&orte=03,03159016,15003000"}
];

/**
 * The concept charts (components/charts/konzepte.ts). Charts of one concept
 * have one id per concept (the page's figure id, so the CSV is named after it);
 * the concept is in the id, not in a parameter.
 */
function conceptCharts(): ChartEntry[] {
  // The concepts that name indicators (Rotenburg names none); a unit test checks this list against the catalogue.
  const withIndicators: [string, string][] = [["goettingen", "Göttingen"], ["wolfsburg", "Wolfsburg"], ["region-hannover", "Region Hannover"], ["magdeburg", "Magdeburg"]];
  const indicatorPage = (doc: string) => (doc === "wolfsburg" ? "/konzepte/indikatoren" : `/konzepte/indikatoren?dok=${doc}`);
  return [
    {id: "konzepte-themen", title: "Themen der fünf Integrationskonzepte", page: "/konzepte/", height: 900, static: true, params: []},
    {id: "indikatoren-je-konzept", title: "Genannte Indikatoren je Konzept: was der Atlas messen kann", page: "/konzepte/indikatoren", height: 520, static: true, params: []},
    ...withIndicators.flatMap(([doc, name]): ChartEntry[] => [
      {id: `indikatoren-${doc}-ziele`, title: `${name}: messbare Indikatoren je Ziel`, page: indicatorPage(doc), height: 900, static: true, params: []},
      {id: `indikatoren-${doc}-felder`, title: `${name}: messbare Indikatoren je Handlungsfeld`, page: indicatorPage(doc), height: 640, static: true, params: []},
      {id: `indikatoren-${doc}-luecken`, title: `${name}: was zum Messen fehlt`, page: indicatorPage(doc), height: 560, static: true, params: []}
    ]),
    {id: "goettingen-massnahmen-zeitraum", title: "Göttingen: Maßnahmen nach Umsetzungszeitraum", page: "/konzepte/massnahmen", height: 620, static: true, params: []},
    {id: "goettingen-zustaendigkeit", title: "Göttingen: Zuständige der Maßnahmen", page: "/konzepte/massnahmen", height: 980, static: true, params: ["n"], example: "n=10"},
    {id: "rotenburg-zustaendigkeit", title: "Rotenburg (Wümme): Beteiligte der Empfehlungen", page: "/konzepte/massnahmen?dok=rotenburg", height: 980, static: true, params: ["n"]},
    {id: "konzepte-massnahmen-je-feld", title: "Maßnahmen, Empfehlungen und Handlungsansätze je Handlungsfeld", page: "/konzepte/massnahmen", height: 1100, static: true, params: []}
  ];
}

/**
 * The reproduction tables (components/reproduction.ts): each table of a
 * concept document beside the atlas's checks, and the overview. Their ids are
 * the pages' figure ids; a unit test checks this list against the transcriptions.
 */
function reproductionFigures(): ChartEntry[] {
  const tables: [string, string, string][] = [
    ["goettingen", "abb03", "Göttingen, Abb. 3: Migrationshintergrund auf Bundes-, Landes- und Stadtebene"],
    ["goettingen", "abb05", "Göttingen, Abb. 5: Bevölkerung mit Migrationshintergrund"],
    ["goettingen", "abb09", "Göttingen, Abb. 9: Top 10 der Geburtsländer"],
    ["goettingen", "abb10", "Göttingen, Abb. 10: Einbürgerungen nach Geschlecht"],
    ["goettingen", "abb11", "Göttingen, Abb. 11: Geflüchtete"],
    ["goettingen", "text", "Göttingen: Zahlen im Text"],
    ["wolfsburg", "text", "Wolfsburg: Zahlen im Text"],
    ["region-hannover", "chart", "Region Hannover: Zahlen in beschriebenen Grafiken"],
    ["region-hannover", "text", "Region Hannover: Zahlen im Text"],
    ["rotenburg", "text", "Rotenburg (Wümme): Zahlen im Text"],
    ["magdeburg", "text", "Magdeburg: Zahlen im Text"]
  ];
  return [
    {id: "reproduktion-uebersicht", title: "Nachgerechnete Zahlen der fünf Integrationskonzepte", page: "/reproduktion/", height: 560, static: true, params: []},
    ...tables.map(([doc, table, title]): ChartEntry => ({id: `reproduktion-${doc}-${table}`, title: `Nachgerechnet: ${title}`, page: `/reproduktion/${doc}`, height: 900, static: true, params: []}))
  ];
}

const byId = new Map(CHARTS.map((c) => [c.id, c]));

export function embedInfo(id: string): ChartEntry | undefined {
  return byId.get(id);
}

export const STATIC_CHARTS = CHARTS.filter((c) => c.static).map((c) => c.id);
